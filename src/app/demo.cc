#include "app/demo.h"

namespace eduledger::app {

core::Result<ingest::DemoSummary> GenerateDemoCounty(store::Store& store, const Actor& actor,
                                                     const ingest::DemoOptions& options) {
  if (!actor.may_write_register()) {
    return core::Status::PermissionDenied("may_not_write",
                                          std::string(RoleName(actor.role)) + "无权写入学籍数据");
  }
  return ingest::GenerateDemo(
      store, options,
      store::AuditContext{actor.user_id, std::string(RoleKey(actor.role)), "demo.generate", "{}"});
}

}  // namespace eduledger::app
