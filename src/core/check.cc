#include "core/check.h"

#include <cstdio>
#include <cstdlib>

namespace eduledger::core {

void CheckFailed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "event=check_failed condition=\"%s\" at=%s:%d\n", condition, file, line);
  std::abort();
}

}  // namespace eduledger::core
