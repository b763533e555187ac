#include "app/case_people.h"

#include <nlohmann/json.hpp>

#include "core/personal_data.h"
#include "core/text.h"

namespace eduledger::app {

using core::Result;
using nlohmann::json;

Result<CasePeople> CasePeople::Load(store::Store& store, const meta::LedgerType& l,
                                    const std::vector<const store::Case*>& cases, bool masked) {
  std::vector<std::int64_t> students, staff;
  for (const store::Case* c : cases) {
    const json fields = json::parse(c->fields.empty() ? "{}" : c->fields, nullptr, false);
    if (!fields.is_object()) continue;
    for (const meta::LedgerField& f : l.fields) {
      if (f.type != meta::FieldType::kLink || !fields.contains(f.code)) continue;
      if (!fields[f.code].is_string()) continue;
      const std::int64_t id = core::ParseRecordId(fields[f.code].get<std::string>());
      if (f.link == meta::LinkTarget::kStudent) students.push_back(id);
      if (f.link == meta::LinkTarget::kStaff) staff.push_back(id);
    }
  }
  const auto person = [masked](const std::string& id_number, const std::string& student_no,
                               const std::string& name) {
    const std::string& identity = id_number.empty() ? student_no : id_number;
    return LinkedPerson{masked ? core::MaskIdNumber(identity) : identity,
                        masked ? core::MaskName(name) : name};
  };
  CasePeople out;
  std::vector<store::Found<meta::Student>> found_students;
  EL_RETURN_IF_ERROR(store.FindStudentsById(students, &found_students));
  for (const auto& f : found_students) {
    out.students_[f.value.id] = person(f.value.id_number, f.value.student_no, f.value.name);
  }
  std::vector<store::Found<meta::Staff>> found_staff;
  EL_RETURN_IF_ERROR(store.FindStaffById(staff, &found_staff));
  for (const auto& f : found_staff)
    out.staff_[f.value.id] = person(f.value.id_number, "", f.value.name);
  return out;
}

const LinkedPerson* CasePeople::Find(const meta::LedgerField& field,
                                     const std::string& stored) const {
  const std::map<std::int64_t, LinkedPerson>* people = nullptr;
  if (field.type == meta::FieldType::kLink && field.link == meta::LinkTarget::kStudent)
    people = &students_;
  if (field.type == meta::FieldType::kLink && field.link == meta::LinkTarget::kStaff)
    people = &staff_;
  if (people == nullptr) return nullptr;
  const auto it = people->find(core::ParseRecordId(stored));
  return it == people->end() ? nullptr : &it->second;
}

}  // namespace eduledger::app
