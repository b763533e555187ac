// Setting: one value of the installation's configuration kept in the store (`eduledger config`):
// a key and its text. The keys and what they mean belong to the app layer (app/settings.h).
#pragma once

#include <string>

namespace eduledger::store {

struct Setting {
  std::string key;
  std::string value;
  friend bool operator==(const Setting&, const Setting&) = default;
};

}  // namespace eduledger::store
