#include "cli/cli_context.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/settings.h"
#include "app/store_open.h"

namespace eduledger::cli {

int ExitCodeFor(const core::Status& status) {
  using core::StatusCode;
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
      return status.reason() == "rows_rejected" ? kExitRejected : kExitUsage;
    case StatusCode::kNotFound:
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kPermissionDenied:
    case StatusCode::kUnauthenticated:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

core::Result<std::unique_ptr<store::Store>> CliContext::OpenStore(bool create) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, app::OpenStore(db, create));
  EL_ASSIGN_OR_RETURN(actor, app::WithHomeUnit(*store, actor));
  return store;
}

void CliContext::Fail(const core::Status& status) {
  exit_code = ExitCodeFor(status);
  if (json()) {
    const nlohmann::json body = {{"error",
                                  {{"code", std::string(core::StatusCodeName(status.code()))},
                                   {"reason", std::string(status.reason())},
                                   {"message", std::string(status.message())}}}};
    std::fprintf(stderr, "%s\n", body.dump().c_str());
  } else {
    std::fprintf(stderr, "错误：%s\n", std::string(status.message()).c_str());
  }
}

}  // namespace eduledger::cli
