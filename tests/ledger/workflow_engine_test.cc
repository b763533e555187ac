// The workflow engine on a small ledger read from its package file, as a bureau writes one:
// which moves are allowed from which state and for which role, the fields and comments a move
// needs, and the day a case becomes overdue. And the faults a package's workflow files are
// refused for, each named by file and key.
#include "ledger/workflow_engine.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "meta/package.h"
#include "testing/test_util.h"

namespace eduledger::ledger {
namespace {

constexpr std::string_view kHazard = R"j({
  "code": "hazard", "name": "安全隐患台账",
  "fields": [
    {"code": "category", "name": "隐患类别", "type": "choice", "required": true,
     "options": [{"code": "fire", "name": "消防"}, {"code": "power", "name": "用电"}]},
    {"code": "measures", "name": "整改措施", "type": "text"},
    {"code": "due", "name": "整改期限", "type": "date"},
    {"code": "accepted_by", "name": "验收人", "type": "text"}
  ],
  "workflow": {
    "initial": "found",
    "states": [
      {"code": "found", "name": "已发现", "deadline_days": 3},
      {"code": "rectifying", "name": "整改中", "deadline_field": "due"},
      {"code": "accepted", "name": "已验收", "deadline_days": 10},
      {"code": "closed", "name": "已销号", "final": true}
    ],
    "transitions": [
      {"code": "rectify", "name": "开始整改", "from": ["found"], "to": "rectifying",
       "roles": ["school_clerk", "section_staff"], "requires": ["measures", "due"]},
      {"code": "accept", "name": "验收", "from": ["rectifying"], "to": "accepted",
       "roles": ["section_staff"], "requires": ["accepted_by"]},
      {"code": "reject", "name": "验收不通过", "from": ["rectifying"], "to": "rectifying",
       "roles": ["section_staff"], "comment_required": true},
      {"code": "close", "name": "销号", "from": ["accepted"], "to": "closed",
       "roles": ["section_staff"]}
    ]
  }
})j";

class WorkflowEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteFile(dir_.File("package.json"), R"j({"name": "t"})j");
    std::filesystem::create_directories(dir_.File("ledgers"));
    testing::WriteFile(dir_.File("ledgers/hazard.json"), kHazard);
    auto p = meta::ReadPackage(dir_.path());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    ASSERT_EQ(p->ledgers.size(), 1u);
    ledger_ = p->ledgers.front();
  }
  const meta::Workflow& workflow() const { return ledger_.workflow; }

  testing::TempDir dir_;
  meta::LedgerType ledger_;
};

core::Date Day(int y, int m, int d) { return *core::Date::FromYmd(y, m, d); }

TEST_F(WorkflowEngineTest, AnAllowedMoveGivesItsTransition) {
  const std::set<std::string> filled = {"category", "measures", "due"};
  auto t = CheckMove(workflow(), "found",
                     {.transition = "rectify", .role = "school_clerk", .filled = &filled},
                     &ledger_.fields);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ((*t)->to, "rectifying");
  // By its Chinese name as well.
  auto by_name = CheckMove(workflow(), "found",
                           {.transition = "开始整改", .role = "section_staff", .filled = &filled});
  ASSERT_TRUE(by_name.ok());
  EXPECT_EQ(*by_name, *t);
}

TEST_F(WorkflowEngineTest, AMoveNotMadeFromTheStateIsRefusedAndNamesTheStates) {
  const std::set<std::string> filled = {"accepted_by"};
  auto t = CheckMove(workflow(), "found",
                     {.transition = "accept", .role = "section_staff", .filled = &filled});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().reason(), "wrong_state");
  EXPECT_EQ(t.status().message(), "“验收”只能在“整改中”时办理，当前为“已发现”");
  // A final state has no way out but what the workflow says.
  EXPECT_EQ(CheckMove(workflow(), "closed", {.transition = "close", .role = "section_staff"})
                .status()
                .reason(),
            "wrong_state");
}

TEST_F(WorkflowEngineTest, ARoleTheMoveDoesNotListIsRefused) {
  const std::set<std::string> filled = {"accepted_by"};
  auto t = CheckMove(workflow(), "rectifying",
                     {.transition = "accept", .role = "school_clerk", .filled = &filled});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().reason(), "role_not_allowed");
  EXPECT_EQ(t.status().message(), "学校填报员不能办理“验收”（可办理的角色：业务股室）");
}

TEST_F(WorkflowEngineTest, EveryEmptyFieldAMoveNeedsIsNamed) {
  const std::set<std::string> filled = {"category"};
  auto t = CheckMove(workflow(), "found",
                     {.transition = "rectify", .role = "school_clerk", .filled = &filled},
                     &ledger_.fields);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().reason(), "field_required");
  EXPECT_EQ(t.status().message(), "办理“开始整改”须填写：整改措施、整改期限");
}

TEST_F(WorkflowEngineTest, AMoveThatNeedsACommentIsRefusedWithoutOne) {
  EXPECT_EQ(CheckMove(workflow(), "rectifying",
                      {.transition = "reject", .role = "section_staff", .comment = "  "})
                .status()
                .reason(),
            "comment_required");
  EXPECT_TRUE(
      CheckMove(workflow(), "rectifying",
                {.transition = "reject", .role = "section_staff", .comment = "灭火器未更换"})
          .ok());
}

TEST_F(WorkflowEngineTest, AnUnknownMoveListsTheMovesThereAre) {
  auto t = CheckMove(workflow(), "found", {.transition = "finish", .role = "section_staff"});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().reason(), "unknown_transition");
  EXPECT_NE(t.status().message().find("开始整改 (rectify)"), std::string_view::npos);
}

TEST_F(WorkflowEngineTest, TheMovesARoleMayMakeFromAState) {
  const auto moves = MovesFrom(workflow(), "rectifying", "section_staff");
  ASSERT_EQ(moves.size(), 2u);
  EXPECT_EQ(moves[0]->code, "accept");
  EXPECT_EQ(moves[1]->code, "reject");
  EXPECT_TRUE(MovesFrom(workflow(), "rectifying", "school_clerk").empty());
}

TEST_F(WorkflowEngineTest, ACaseIsOverdueFromTheDayAfterItsDeadline) {
  // Found on 2026-03-30, three days to act: due 2026-04-02 (across the month's end).
  const auto due = Deadline(*workflow().State("found"), Day(2026, 3, 30));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(*due, Day(2026, 4, 2));
  EXPECT_FALSE(Overdue(due, Day(2026, 4, 2)));
  EXPECT_TRUE(Overdue(due, Day(2026, 4, 3)));
  // A deadline held in a field of the case: the day written there.
  const meta::WorkflowState& rectifying = *workflow().State("rectifying");
  EXPECT_EQ(Deadline(rectifying, Day(2026, 4, 1), Day(2026, 5, 31)), Day(2026, 5, 31));
  EXPECT_FALSE(Deadline(rectifying, Day(2026, 4, 1)).has_value());  // not written yet
  EXPECT_FALSE(Overdue(std::nullopt, Day(2030, 1, 1)));
  // A final state is never overdue.
  EXPECT_FALSE(Deadline(*workflow().State("closed"), Day(2026, 4, 1)).has_value());
}

// The shipped ledgers, against DOMAIN.md: the 控辍保学 states of §6 with its two county ledgers
// as views, the hazard loop of §7, and every move reachable by some role.
TEST(LedgerPackageTest, TheShippedLedgersFollowTheDomain) {
  auto p = meta::ReadPackage(std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  std::set<std::string> codes;
  for (const meta::LedgerType& l : p->ledgers) codes.insert(l.code);
  EXPECT_EQ(codes,
            (std::set<std::string>{"building", "building_work", "dropout_control", "hazard",
                                   "inspection_finding", "large_class", "petition", "project",
                                   "student_aid", "teacher_posting", "teacher_recruitment",
                                   "teacher_training", "tutoring_institution"}));
  const auto ledger = [&](std::string_view code) -> const meta::LedgerType& {
    for (const meta::LedgerType& l : p->ledgers) {
      if (l.code == code) return l;
    }
    ADD_FAILURE() << code;
    return p->ledgers.front();
  };
  const meta::LedgerType& dropout = ledger("dropout_control");
  std::vector<std::string> states;
  for (const meta::WorkflowState& s : dropout.workflow.states) states.push_back(s.code);
  EXPECT_EQ(states, (std::vector<std::string>{"suspected", "excluded", "confirmed", "persuading",
                                              "returned", "home_teaching", "placed", "verified",
                                              "closed"}));
  ASSERT_EQ(dropout.views.size(), 3u);
  EXPECT_EQ(dropout.views[0].name, "疑似辍学学生台账");
  EXPECT_EQ(dropout.views[2].states, (std::vector<std::string>{"confirmed", "persuading"}));
  // From 劝返中 a case goes to 已复学, 送教上门 or 其他安置, and nowhere else.
  std::set<std::string> from_persuading;
  for (const meta::WorkflowTransition& t : dropout.workflow.transitions) {
    for (const std::string& from : t.from) {
      if (from == "persuading") from_persuading.insert(t.to);
    }
  }
  EXPECT_EQ(from_persuading, (std::set<std::string>{"returned", "home_teaching", "placed"}));
  // A hazard is closed only from 已验收.
  const meta::Workflow& hazard = ledger("hazard").workflow;
  for (const meta::WorkflowTransition& t : hazard.transitions) {
    if (t.to == "closed") {
      EXPECT_EQ(t.from, std::vector<std::string>{"accepted"});
    }
  }
  // Every state but the initial is entered by some move a role may make.
  for (const meta::LedgerType& l : p->ledgers) {
    for (const meta::WorkflowState& s : l.workflow.states) {
      if (s.code == l.workflow.initial) continue;
      bool entered = false;
      for (const meta::WorkflowTransition& t : l.workflow.transitions) {
        entered = entered || (t.to == s.code && !t.roles.empty());
      }
      EXPECT_TRUE(entered) << l.code << "." << s.code;
    }
  }
}

TEST(LedgerPackageTest, FaultsAreNamedByFileAndKey) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("package.json"), R"j({"name": "bad"})j");
  std::filesystem::create_directories(dir.File("ledgers"));
  testing::WriteFile(dir.File("ledgers/aid.json"), R"j({
    "code": "payments", "name": "资助",
    "fields": [
      {"code": "state", "name": "状态", "type": "text"},
      {"code": "kind", "name": "类别", "type": "choice"},
      {"code": "paid", "name": "发放日", "type": "text"},
      {"code": "parent", "name": "上级事项", "type": "link", "link": "case", "ledger": "nowhere"}
    ],
    "workflow": {
      "initial": "opened",
      "states": [{"code": "open", "name": "待发放", "deadline_field": "paid"},
                 {"code": "done", "name": "已发放", "final": true, "deadline_days": 3}],
      "transitions": [
        {"code": "pay", "name": "发放", "from": ["open", "gone"], "to": "paid",
         "roles": ["cashier"], "requires": ["amount"]}]
    }
  })j");
  testing::WriteFile(dir.File("workflows.json"), R"j({"workflows": [
    {"code": "w", "name": "流程", "initial": "a", "states": [{"code": "a", "name": "甲"}],
     "transitions": [{"code": "t", "name": "乙", "to": "a", "roles": ["leader"]}]}]})j");
  std::vector<meta::PackageError> errors;
  EXPECT_FALSE(meta::ReadPackage(dir.path(), &errors).ok());
  const auto has = [&](std::string_view file, std::string_view key, std::string_view words) {
    for (const meta::PackageError& e : errors) {
      if (e.file.ends_with(file) && e.key == key && e.message.find(words) != std::string::npos)
        return true;
    }
    return false;
  };
  const std::string faults = [&] {
    std::string s;
    for (const auto& e : errors) s += e.ToString() + "\n";
    return s;
  }();
  EXPECT_TRUE(has("ledgers/aid.json", "code", "应与文件名")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "fields.state.code", "属性")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "fields.kind.options", "须列出选项")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "fields.parent.ledger", "nowhere")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.initial", "opened")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.states.open.deadline_field", "日期字段")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.states.done", "终结状态")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.transitions.pay.from", "gone")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.transitions.pay.to", "paid")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.transitions.pay.roles", "cashier")) << faults;
  EXPECT_TRUE(has("ledgers/aid.json", "workflow.transitions.pay.requires", "amount")) << faults;
  EXPECT_TRUE(has("workflows.json", "w.transitions.t.from", "须列出")) << faults;
}

TEST_F(WorkflowEngineTest, APathToAStateTakesTheShortestChainOfTheRolesMoves) {
  const auto codes = [&](std::string_view from, std::string_view to, std::string_view role) {
    const auto path = PathTo(workflow(), from, to, role);
    if (!path) return std::string("none");
    std::string out;
    for (const meta::WorkflowTransition* t : *path) out += (out.empty() ? "" : ">") + t->code;
    return out;
  };
  EXPECT_EQ(codes("found", "closed", "section_staff"), "rectify>accept>close");
  EXPECT_EQ(codes("found", "found", "section_staff"), "");
  EXPECT_EQ(codes("found", "rectifying", "school_clerk"), "rectify");
  // 验收 is the section's: a clerk reaches no state past 整改中, and nothing leads back.
  EXPECT_EQ(codes("found", "accepted", "school_clerk"), "none");
  EXPECT_EQ(codes("closed", "found", "section_staff"), "none");
  EXPECT_EQ(codes("found", "nowhere", "section_staff"), "none");
}

}  // namespace
}  // namespace eduledger::ledger
