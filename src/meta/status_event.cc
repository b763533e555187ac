#include "meta/status_event.h"

#include "meta/code_table.h"

namespace eduledger::meta {

namespace {
// code = the stable English key.
constexpr CodeEntry<EventType> kEvents[] = {
    {EventType::kAdmit, "admit", "招生入学", "入学|招生|新生入学"},
    {EventType::kTransferOut, "transfer_out", "转出", "转学转出"},
    {EventType::kTransferIn, "transfer_in", "转入", "转学转入"},
    {EventType::kSuspend, "suspend", "休学", ""},
    {EventType::kResume, "resume", "复学", "休学复学"},
    {EventType::kDropOut, "drop_out", "辍学", "退学"},
    {EventType::kReturn, "return", "辍学返校", "劝返|劝返复学|返校|复学(劝返)|复学（劝返）"},
    {EventType::kGraduate, "graduate", "毕业", ""},
    {EventType::kDeath, "death", "死亡", ""},
    {EventType::kOther, "other", "其他", "其它"},
};
}  // namespace

std::string_view EventTypeName(EventType type) { return NameOf<EventType>(kEvents, type); }
std::string_view EventTypeKey(EventType type) { return CodeOf<EventType>(kEvents, type); }
std::optional<EventType> ParseEventType(std::string_view text) {
  return LookupCode<EventType>(kEvents, text);
}

std::vector<std::string_view> EventTypeNames() { return NamesOf<EventType>(kEvents); }

}  // namespace eduledger::meta
