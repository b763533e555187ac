// The students and staff a ledger's cases link to (控辍保学's student, 教师's teacher), looked up
// once for many cases: their identity (ID number, else 学籍号) and name, masked for readers
// without full view. The export writes them in its columns; a case's detail shows them in
// place of the internal id the case stores.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "meta/ledger_type.h"
#include "store/store.h"

namespace eduledger::app {

struct LinkedPerson {
  std::string identity;  // ID number, else 学籍号; masked unless full view
  std::string name;      // masked unless full view
};

class CasePeople {
 public:
  // Look up the people the link fields of ledger `l` point at in `cases`.
  static core::Result<CasePeople> Load(store::Store& store, const meta::LedgerType& l,
                                       const std::vector<const store::Case*>& cases, bool masked);

  // The person a link field's stored value points at, or null when it points at no one.
  const LinkedPerson* Find(const meta::LedgerField& field, const std::string& stored) const;

 private:
  std::map<std::int64_t, LinkedPerson> students_;
  std::map<std::int64_t, LinkedPerson> staff_;
};

}  // namespace eduledger::app
