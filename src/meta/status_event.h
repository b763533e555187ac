// StatusEvent: a change of a student's register status (学籍异动), with its date and school.
// Flows such as 辍学 and 转出 are counted from these over a flow window (core/period.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace eduledger::meta {

enum class EventType : std::uint8_t {
  kAdmit = 1,        // 招生入学
  kTransferOut = 2,  // 转出
  kTransferIn = 3,   // 转入
  kSuspend = 4,      // 休学
  kResume = 5,       // 复学
  kDropOut = 6,      // 辍学
  kReturn = 7,       // 辍学返校 (劝返复学)
  kGraduate = 8,     // 毕业
  kDeath = 9,        // 死亡
  kOther = 10,       // 其他 (an entry of the register's own that fits none of the above)
};

std::string_view EventTypeName(EventType type);
std::string_view EventTypeKey(EventType type);  // "admit", "transfer_out" …
std::optional<EventType> ParseEventType(std::string_view text);
// The names ParseEventType accepts, in table order (error messages, import templates).
std::vector<std::string_view> EventTypeNames();

struct StatusEvent {
  std::int64_t id = 0;
  std::int64_t student_id = 0;
  EventType type = EventType::kAdmit;
  core::Date date;
  std::int64_t org_unit_id = 0;        // the school where it happened
  std::int64_t other_org_unit_id = 0;  // for transfers: the other school, 0 if outside
  std::string other_school;            // a transfer's other school outside the county, as written
  std::string note;                    // the reason given (原因)

  friend bool operator==(const StatusEvent&, const StatusEvent&) = default;
};

}  // namespace eduledger::meta
