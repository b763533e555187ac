// Forms end to end on a register small enough to count by hand: a package written by the test,
// submissions refused and accepted by its rules, approval, return, reopening, and indicators
// read from the approved figures. Expected figures are worked out in the comments.
#include "app/forms.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <set>
#include <thread>

#include "app/explain.h"
#include "app/indicators.h"
#include "engine/tiny_register.h"
#include "shipped_package.h"
#include "store/sqlite_store.h"

namespace eduledger::app {
namespace {

using core::Sex;
using core::StatusCode;
using meta::OrgLevel;

constexpr int kYear = 2023;

// The test's own package: population by age and sex (townships), exam results (junior
// schools), a school's teaching area (compulsory schools), two rules and three indicators.
void WritePackage(const std::string& dir) {
  testing::WriteFile(dir + "/package.json", R"j({"name": "test", "title": "测试"})j");
  // The forms' workflow as shipped: the forms run on it.
  testing::WriteFile(dir + "/workflows.json",
                     testing::ReadFileOrDie(std::string(EDULEDGER_SOURCE_DIR) +
                                            "/packages/county-bureau/workflows.json"));
  testing::WriteFile(dir + "/data_elements.json", R"j({
    "categories": [
      {"code": "sex", "name": "性别", "options": [{"code": "male", "name": "男"},
                                                  {"code": "female", "name": "女"}]},
      {"code": "age", "name": "年龄", "range": {"from": 0, "to": 20, "suffix": "岁"}}],
    "data_elements": [
      {"code": "population", "name": "人口", "type": "integer", "categories": ["age", "sex"]},
      {"code": "takers", "name": "参考人数", "type": "integer"},
      {"code": "passed", "name": "合格人数", "type": "integer"},
      {"code": "area", "name": "面积", "type": "number"}]})j");
  testing::WriteFile(dir + "/data_sets.json", R"j({"data_sets": [
      {"code": "pop", "name": "人口表", "filled_by": "township", "elements": ["population"]},
      {"code": "exam", "name": "考试表", "filled_by": "school", "for_levels": ["junior"],
       "elements": ["takers", "passed"]},
      {"code": "conditions", "name": "条件表", "filled_by": "school",
       "for_levels": ["primary", "junior"], "elements": ["area"]}]})j");
  testing::WriteFile(dir + "/validation_rules.json", R"j({"rules": [
      {"code": "passed_le_takers", "name": "合格不超过参考", "data_set": "exam",
       "severity": "error", "check": "value(passed) <= value(takers)"},
      {"code": "pop_covers_pupils", "name": "人口不少于在校生", "data_set": "pop",
       "severity": "warning",
       "check": "value(population, age between 6 and 11) >= students(age between 6 and 11)"}]})j");
  testing::WriteFile(dir + "/indicators.json", R"j({"indicators": [
      {"code": "net", "name": "净入学率", "unit": "%", "decimals": 2,
       "numerator": "students(age between 6 and 11)",
       "denominator": "value(population, age between 6 and 11)"},
      {"code": "pass", "name": "合格率", "unit": "%", "decimals": 2,
       "numerator": "value(passed)", "denominator": "value(takers)"},
      {"code": "area_cv", "name": "生均面积差异系数", "unit": "count", "decimals": 4,
       "numerator": "value(area)", "denominator": "students()",
       "spread_weight": "students(level = primary)"}]})j");
  testing::WriteFile(dir + "/targets.json", R"j({"targets": [
      {"indicator": "net", "org": "439901", "year": 2023, "at_least": 99},
      {"indicator": "pass", "org": "*", "at_least": 50}]})j");
}

class FormsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WritePackage(dir_.path());
    const std::string dirs[] = {dir_.path()};
    auto md = Metadata::Load(dirs);
    ASSERT_TRUE(md.ok()) << md.status().message();
    md_ = std::make_unique<Metadata>(std::move(*md));
    auto& r = reg_;
    county_ = r.Unit("439901", OrgLevel::kCounty);
    town1_ = r.Unit("439901001", OrgLevel::kTownship, county_);
    town2_ = r.Unit("439901002", OrgLevel::kTownship, county_);
    p1_ = r.Unit("2143990001", OrgLevel::kSchool, town1_, 211);
    p2_ = r.Unit("2143990002", OrgLevel::kSchool, town1_, 211);
    j1_ = r.Unit("3143990003", OrgLevel::kSchool, town2_, 311);
    // Ages on 2023-08-31: 6, 8, 11 at P1 (two pupils), 9, 10, 12 at P2 (three pupils).
    r.Enrol(r.Student(Sex::kMale, "2017-08-31"), kYear, p1_, 1);    // 6
    r.Enrol(r.Student(Sex::kFemale, "2012-09-01"), kYear, p1_, 6);  // 10 (11 on 09-01)
    r.Enrol(r.Student(Sex::kFemale, "2014-05-01"), kYear, p2_, 3);  // 9
    r.Enrol(r.Student(Sex::kMale, "2013-01-01"), kYear, p2_, 4);    // 10
    r.Enrol(r.Student(Sex::kMale, "2011-08-31"), kYear, p2_, 6);    // 12: outside 6-11
    r.Enrol(r.Student(Sex::kMale, "2010-03-01"), kYear, j1_, 8);    // 13
  }

  FormKey Key(const char* set, const char* org) { return FormKey{set, org, kYear}; }

  core::Result<SubmitResult> Submit(const char* set, const char* org,
                                    std::vector<FormValueInput> values,
                                    std::map<std::string, std::string> explanations = {}) {
    SubmitRequest r;
    r.key = Key(set, org);
    r.values = std::move(values);
    r.explanations = std::move(explanations);
    return SubmitForm(reg_.store(), actor_, *md_, r);
  }

  std::int64_t StoredValues() {
    std::int64_t n = 0;
    const auto forms = reg_.store().ListSubmissions(0);
    for (const store::Submission& s : *forms) n += reg_.store().LoadValues(s.id)->size();
    return n;
  }

  IndicatorRow Indicator(const char* code, const char* org) {
    IndicatorRequest request;
    request.year = kYear;
    request.org = org;
    request.codes = {code};
    auto t = ComputeIndicators(reg_.store(), actor_, *md_, request);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t->rows.at(0);
  }

  // Population for town 1: ages 6-11 sum to `six_to_eleven`, plus 7 aged 12.
  std::vector<FormValueInput> Population(int six_to_eleven) {
    return {{"population", "age=6;sex=male", std::to_string(six_to_eleven - 1)},
            {"人口", "性别=女;年龄=11", "1"},
            {"population", "age=12;sex=male", "7"}};
  }

  testing::TempDir dir_;
  testing::TinyRegister reg_;
  std::unique_ptr<Metadata> md_;
  Actor actor_ = Actor::LocalAdmin();
  std::int64_t county_ = 0, town1_ = 0, town2_ = 0, p1_ = 0, p2_ = 0, j1_ = 0;
};

TEST_F(FormsTest, ABrokenLogicalCheckRefusesTheFormAndStoresNothing) {
  auto bad = Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "41"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "validation_failed");
  EXPECT_NE(bad.status().message().find("passed_le_takers"), std::string::npos);
  EXPECT_TRUE(reg_.store().ListSubmissions(0)->empty());

  ASSERT_TRUE(Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "30"}}).ok());
  // A bad correction is refused and the stored form stays as it was.
  EXPECT_FALSE(Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "50"}}).ok());
  const auto stored = reg_.store().FindSubmission("exam", j1_, kYear);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  const auto values = reg_.store().LoadValues((*stored)->id);
  ASSERT_EQ(values->size(), 2u);
  EXPECT_EQ((*values)[0], (store::DataValue{"passed", "", "30"}));
  EXPECT_EQ((*values)[1], (store::DataValue{"takers", "", "40"}));
}

TEST_F(FormsTest, BadValuesAreNamedByRowAndColumnAndNothingIsStored) {
  std::vector<FormValueInput> values = {{"population", "age=6;sex=male", "3", 2},
                                        {"no_such", "", "1", 3},
                                        {"population", "age=7;sex=male", "abc", 4},
                                        {"population", "age=99;sex=male", "1", 5},
                                        {"population", "age=6;sex=male", "2", 6}};
  auto r = Submit("pop", "439901001", values);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "bad_values");
  const std::string m(r.status().message());
  EXPECT_NE(m.find("第 3 行“数据项”"), std::string::npos) << m;
  EXPECT_NE(m.find("第 4 行“数值”"), std::string::npos) << m;
  EXPECT_NE(m.find("第 5 行“分组”"), std::string::npos) << m;
  EXPECT_NE(m.find("第 6 行“数据项”"), std::string::npos) << m;  // the same cell twice
  EXPECT_EQ(m.find("第 2 行"), std::string::npos) << m;
  EXPECT_EQ(StoredValues(), 0);
}

TEST_F(FormsTest, ABrokenEmpiricalCheckNeedsAnExplanation) {
  // Town 1 has 2 pupils aged 6-11 at P1 and 2 at P2 (the 12-year-old is outside): 4.
  auto r = Submit("pop", "439901001", Population(3));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "explanation_required");
  EXPECT_EQ(StoredValues(), 0);
  r = Submit("pop", "439901001", Population(3), {{"pop_covers_pupils", "随迁子女多"}});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].left, 3);
  EXPECT_EQ(r->warnings[0].right, 4);
  EXPECT_NE(r->submission.explanations.find("随迁子女多"), std::string::npos);
  // Enough population: no warning at all.
  r = Submit("pop", "439901001", Population(4));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->warnings.empty());
  // The warning is gone from validate as well; an empty form set validates clean.
  EXPECT_TRUE(ValidateForms(reg_.store(), actor_, *md_, kYear)->broken.empty());
}

TEST_F(FormsTest, ApprovalLocksAndAReopeningIsAuditedAndChangesAreListed) {
  ASSERT_TRUE(Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "30"}}).ok());
  ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, Key("exam", "3143990003")).ok());
  auto locked = Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "31"}});
  EXPECT_EQ(locked.status().reason(), "form_locked");
  EXPECT_EQ(ReturnForm(reg_.store(), actor_, *md_, Key("exam", "3143990003"), "x").reason(),
            "wrong_state");
  EXPECT_EQ(ReopenForm(reg_.store(), actor_, *md_, Key("exam", "3143990003"), " ").reason(),
            "reason_required");
  ASSERT_TRUE(ReopenForm(reg_.store(), actor_, *md_, Key("exam", "3143990003"), "阅卷复核").ok());
  const auto audit = reg_.store().RecentAudit(1);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].record.context.action, "form.reopen");
  EXPECT_NE((*audit)[0].record.context.detail_json.find("阅卷复核"), std::string::npos);

  auto changed = Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "31"}});
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_EQ(changed->changed_after_approval, 1u);
  const auto changes = ListFormChanges(reg_.store(), actor_, *md_, kYear);
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ((*changes)[0].change.element, "passed");
  // As a person reads it: the names from the package, not the codes.
  EXPECT_EQ((*changes)[0].data_set_name, "考试表");
  EXPECT_EQ((*changes)[0].element_name, "合格人数");
  EXPECT_EQ((*changes)[0].group, "合计");
  EXPECT_EQ((*changes)[0].change.old_value, "30");
  EXPECT_EQ((*changes)[0].change.new_value, "31");
  EXPECT_EQ((*changes)[0].org_code, "3143990003");
}

TEST_F(FormsTest, WhoMayMakeAMoveIsTheWorkflowsToSayAndARefusedMoveChangesNothing) {
  // A school clerk submits the school's form; a clerk may not approve it, nor return it.
  Actor clerk{"clerk-j1", Role::kSchoolClerk, {"3143990003"}, "3143990003"};
  SubmitRequest request;
  request.key = Key("exam", "3143990003");
  request.values = {{"takers", "", "40"}, {"passed", "", "30"}};
  auto submitted = SubmitForm(reg_.store(), clerk, *md_, request);
  ASSERT_TRUE(submitted.ok()) << submitted.status().ToString();
  EXPECT_EQ(submitted->submission.state, store::SubmissionState::kSubmitted);
  const core::Status approve = ApproveForm(reg_.store(), clerk, *md_, Key("exam", "3143990003"));
  EXPECT_EQ(approve.reason(), "role_not_allowed");
  EXPECT_NE(approve.message().find("学校填报员不能办理“审核通过”"), std::string_view::npos)
      << approve.message();
  EXPECT_EQ(ReturnForm(reg_.store(), clerk, *md_, Key("exam", "3143990003"), "不对").reason(),
            "role_not_allowed");
  const auto stored = reg_.store().FindSubmission("exam", j1_, kYear);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->state, store::SubmissionState::kSubmitted);
  // A leader reads the forms and fills none: nothing is stored.
  Actor leader{"leader", Role::kLeader, {"*"}, ""};
  request.key = Key("conditions", "2143990001");
  request.values = {{"area", "", "100"}};
  EXPECT_EQ(SubmitForm(reg_.store(), leader, *md_, request).status().reason(), "role_not_allowed");
  EXPECT_FALSE(reg_.store().FindSubmission("conditions", p1_, kYear)->has_value());
}

TEST_F(FormsTest, AReturnedFormIsCorrectedAndSubmittedAgain) {
  ASSERT_TRUE(Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "30"}}).ok());
  EXPECT_EQ(ReturnForm(reg_.store(), actor_, *md_, Key("exam", "3143990003"), "").reason(),
            "comment_required");
  ASSERT_TRUE(
      ReturnForm(reg_.store(), actor_, *md_, Key("exam", "3143990003"), "参考人数有误").ok());
  auto s = reg_.store().FindSubmission("exam", j1_, kYear);
  EXPECT_EQ((*s)->state, store::SubmissionState::kReturned);
  EXPECT_EQ((*s)->comment, "参考人数有误");
  EXPECT_EQ(ApproveForm(reg_.store(), actor_, *md_, Key("exam", "3143990003")).reason(),
            "wrong_state");
  ASSERT_TRUE(Submit("exam", "3143990003", {{"takers", "", "38"}, {"passed", "", "30"}}).ok());
  s = reg_.store().FindSubmission("exam", j1_, kYear);
  EXPECT_EQ((*s)->state, store::SubmissionState::kSubmitted);
  EXPECT_EQ((*s)->comment, "");
  // Never approved: nothing is tracked as a change after approval.
  EXPECT_TRUE(ListFormChanges(reg_.store(), actor_, *md_, kYear)->empty());
}

TEST_F(FormsTest, AFormIsDueOnlyWhereItsLevelIsTaught) {
  // The exam form is for junior schools: a primary school is told so.
  EXPECT_EQ(Submit("exam", "2143990001", {{"takers", "", "1"}}).status().reason(), "form_not_due");
  EXPECT_EQ(Submit("pop", "2143990001", {}).status().reason(), "wrong_level");
  const auto forms = ListForms(reg_.store(), actor_, *md_, kYear);
  int exam = 0, conditions = 0, pop = 0;
  for (const FormStatus& f : *forms) {
    exam += f.data_set == "exam";
    conditions += f.data_set == "conditions";
    pop += f.data_set == "pop";
  }
  EXPECT_EQ(exam, 1);        // J1
  EXPECT_EQ(conditions, 3);  // P1, P2, J1
  EXPECT_EQ(pop, 2);         // two townships
}

TEST_F(FormsTest, ValidateCountsTheDueFormsByState) {
  // Due: 6 (above). Town 1's population approved, J1's exam returned, P1's conditions
  // submitted; the other three unfilled.
  ASSERT_TRUE(Submit("pop", "439901001", Population(5)).ok());
  ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, Key("pop", "439901001")).ok());
  ASSERT_TRUE(Submit("exam", "3143990003", {{"takers", "", "40"}, {"passed", "", "30"}}).ok());
  ASSERT_TRUE(ReturnForm(reg_.store(), actor_, *md_, Key("exam", "3143990003"), "有误").ok());
  ASSERT_TRUE(Submit("conditions", "2143990001", {{"area", "", "1200"}}).ok());
  const auto v = ValidateForms(reg_.store(), actor_, *md_, kYear);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->forms_due, 6u);
  EXPECT_EQ(v->forms_saved, 3u);
  using S = store::SubmissionState;
  EXPECT_EQ(v->forms_by_state[static_cast<std::size_t>(S::kApproved)], 1u);
  EXPECT_EQ(v->forms_by_state[static_cast<std::size_t>(S::kReturned)], 1u);
  EXPECT_EQ(v->forms_by_state[static_cast<std::size_t>(S::kSubmitted)], 1u);
  EXPECT_EQ(v->forms_by_state[static_cast<std::size_t>(S::kDraft)], 0u);
}

TEST_F(FormsTest, IndicatorsReadApprovedFiguresOnly) {
  ASSERT_TRUE(Submit("pop", "439901001", Population(5)).ok());
  // Submitted, not approved: the county has no population yet, so no rate.
  IndicatorRow net = Indicator("net", "439901");
  EXPECT_TRUE(std::isnan(net.denominator));
  EXPECT_EQ(net.text, "");
  ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, Key("pop", "439901001")).ok());
  // Pupils aged 6-11 in the county: 2 at P1 + 2 at P2 = 4; population 6-11: 5 → 80.00%.
  net = Indicator("net", "439901");
  EXPECT_EQ(net.numerator, 4);
  EXPECT_EQ(net.denominator, 5);
  EXPECT_EQ(net.text, "80.00%");
  EXPECT_EQ(net.target, "≥99.00%");
  EXPECT_EQ(net.met, false);
  // The general pass-rate target applies at any unit; with no exam figures there is no value
  // and so no verdict.
  const IndicatorRow pass = Indicator("pass", "439901");
  EXPECT_EQ(pass.target, "≥50.00%");
  EXPECT_FALSE(pass.met.has_value());
}

TEST_F(FormsTest, ExplainListsTheMaskedRecordsBehindEachSide) {
  ASSERT_TRUE(Submit("pop", "439901001", Population(5)).ok());
  ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, Key("pop", "439901001")).ok());
  auto e = ExplainIndicator(reg_.store(), actor_, *md_, "net", "439901", kYear, 3);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->row.text, "80.00%");
  // Numerator: the four pupils aged 6-11, the first three listed, names masked.
  ASSERT_EQ(e->numerator.size(), 1u);
  EXPECT_EQ(e->numerator[0].total, 4u);
  EXPECT_EQ(e->numerator[0].sum, 4);
  ASSERT_EQ(e->numerator[0].records.size(), 3u);
  for (const ExplainedRecord& r : e->numerator[0].records) {
    EXPECT_EQ(r.kind, "学生");
    EXPECT_EQ(r.name, "学*");
    EXPECT_EQ(r.id.find("20150101"), std::string::npos) << r.id;  // the middle is masked
    EXPECT_TRUE(r.org_code == "2143990001" || r.org_code == "2143990002") << r.org_code;
  }
  // Denominator: the two population values aged 6-11 (4 + 1); the 12-year-olds are left out.
  // Each is named by its options as the form shows them (6岁、男), not by codes.
  ASSERT_EQ(e->denominator.size(), 1u);
  EXPECT_EQ(e->denominator[0].total, 2u);
  EXPECT_EQ(e->denominator[0].sum, 5);
  std::set<std::string> details;
  for (const ExplainedRecord& r : e->denominator[0].records) details.insert(r.detail);
  EXPECT_EQ(details, (std::set<std::string>{"6岁、男：4", "11岁、女：1"}));
}

TEST_F(FormsTest, OfTwoConcurrentApprovalsOneWinsAndTheLoserIsToldWhatBecameOfTheForm) {
  // Two reviewers approve the same submitted form at the same moment, through two connections
  // to the store's file (as two processes have), round after round. Each round exactly one
  // approval is stored; the other reviewer is told, in terms of the form, that someone else
  // got there first (the race lost at the write) or what state it is in now (lost at the read),
  // never a store's words such as "重新导入".
  auto second = store::OpenSqliteStore(reg_.path());
  ASSERT_TRUE(second.ok()) << second.status().message();
  const FormKey key = Key("pop", "439901001");
  std::map<std::string, int> losses;  // by reason
  for (int round = 0; round < 12; ++round) {
    if (round > 0) {
      ASSERT_TRUE(ReopenForm(reg_.store(), actor_, *md_, key, "再次审核").ok());
    }
    ASSERT_TRUE(Submit("pop", "439901001", Population(5)).ok());
    const auto approvals_before = reg_.store().RecentAudit(1000);
    ASSERT_TRUE(approvals_before.ok());

    std::atomic<int> ready = 0;
    core::Status results[2];
    store::Store* stores[2] = {&reg_.store(), second->get()};
    std::vector<std::thread> reviewers;
    for (int i = 0; i < 2; ++i) {
      reviewers.emplace_back([&, i] {
        ++ready;
        while (ready.load() < 2) {
        }  // both start together
        results[i] = ApproveForm(*stores[i], actor_, *md_, key);
      });
    }
    for (std::thread& t : reviewers) t.join();

    ASSERT_NE(results[0].ok(), results[1].ok())
        << "round " << round << ": " << results[0].message() << " / " << results[1].message();
    const core::Status& lost = results[0].ok() ? results[1] : results[0];
    ++losses[std::string(lost.reason())];
    EXPECT_TRUE(lost.reason() == "concurrent_write" || lost.reason() == "wrong_state")
        << lost.reason() << ": " << lost.message();
    EXPECT_NE(lost.message().find("2023年的“人口表”"), std::string_view::npos) << lost.message();
    EXPECT_EQ(lost.message().find("导入"), std::string_view::npos) << lost.message();
    // One approval in the audit log, and the form approved.
    const auto after = reg_.store().RecentAudit(1000);
    ASSERT_TRUE(after.ok());
    int approvals = 0;
    for (std::size_t i = 0; i < after->size() - approvals_before->size(); ++i) {
      approvals += (*after)[i].record.context.action == "form.approve";  // newest first
    }
    EXPECT_EQ(approvals, 1) << "round " << round;
    const auto forms = reg_.store().ListSubmissions(kYear);
    ASSERT_TRUE(forms.ok());
    for (const store::Submission& s : *forms) {
      if (s.data_set == "pop") {
        EXPECT_EQ(s.state, store::SubmissionState::kApproved);
      }
    }
  }
  ASSERT_FALSE(losses.empty());
  for (const auto& [reason, n] : losses) RecordProperty("lost_" + reason, n);
}

TEST_F(FormsTest, TheCoefficientOfVariationIsWeightedByPupils) {
  for (const auto& [school, area] : {std::pair{"2143990001", "100"}, {"2143990002", "90"}}) {
    ASSERT_TRUE(Submit("conditions", school, {{"area", "", area}}).ok());
    ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, Key("conditions", school)).ok());
  }
  // P1: 100 m² / 2 pupils = 50, weight 2; P2: 90 / 3 = 30, weight 3; J1 has no primary pupils.
  // mean = (2·50 + 3·30) / 5 = 38; variance = (2·12² + 3·8²) / 5 = 96; CV = √96 / 38.
  const IndicatorRow cv = Indicator("area_cv", "439901");
  EXPECT_NEAR(cv.denominator, 38, 1e-9);
  EXPECT_NEAR(cv.numerator, std::sqrt(96.0), 1e-9);
  EXPECT_NEAR(cv.value, std::sqrt(96.0) / 38, 1e-12);
  EXPECT_EQ(cv.text, "0.2578");
}

TEST_F(FormsTest, ACoefficientOfVariationWithASchoolMissingHasNoValue) {
  ASSERT_TRUE(Submit("conditions", "2143990001", {{"area", "", "100"}}).ok());
  ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, Key("conditions", "2143990001")).ok());
  EXPECT_EQ(Indicator("area_cv", "439901").text, "");
}

TEST(MetadataTest, ReferencesAcrossDefinitionsAreCheckedAndNamed) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("package.json"), R"j({"name": "bad"})j");
  testing::WriteFile(dir.File("data_elements.json"), R"j({"data_elements": [
      {"code": "pop", "name": "人口", "type": "integer", "categories": ["age"]},
      {"code": "n", "name": "数", "type": "float"}]})j");
  testing::WriteFile(dir.File("data_sets.json"), R"j({"data_sets": [
      {"code": "f", "name": "表", "filled_by": "school", "elements": ["pop", "nothing"]}]})j");
  testing::WriteFile(dir.File("validation_rules.json"), R"j({"rules": [
      {"code": "r", "name": "规则", "data_set": "g", "severity": "error",
       "check": "value(pop) <= value(nope)"}]})j");
  testing::WriteFile(dir.File("targets.json"),
                     R"j({"targets": [{"indicator": "x", "org": "*", "at_least": 1}]})j");
  std::vector<meta::PackageError> errors;
  const std::string dirs[] = {dir.path()};
  EXPECT_FALSE(Metadata::Load(dirs, &errors).ok());
  const auto has = [&](const std::string& file, const std::string& key) {
    for (const meta::PackageError& e : errors) {
      if (e.file.ends_with(file) && e.key == key) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("data_elements.json", "n.type"));
  EXPECT_TRUE(has("data_elements.json", "pop.categories"));  // no category "age"
  EXPECT_TRUE(has("data_sets.json", "f.elements"));          // no element "nothing"
  EXPECT_TRUE(has("validation_rules.json", "r.data_set"));   // no form "g"
  EXPECT_TRUE(has("validation_rules.json", "r.check"));      // no element "nope"
  EXPECT_TRUE(has("targets.json", "targets[0].indicator"));
  EXPECT_TRUE(has("workflows.json", "form_submission"));  // forms, and no workflow for them
}

TEST(MetadataTest, TheShippedPackageLoadsWithEveryKindOfDefinition) {
  const auto md = testing::ShippedPackage();
  ASSERT_NE(md, nullptr);
  EXPECT_NE(md->Find("primary_net_enrolment_rate"), nullptr);
  EXPECT_NE(md->Find("小学综合差异系数"), nullptr);
  EXPECT_NE(md->FindDataSet("population_by_age"), nullptr);
  EXPECT_FALSE(md->rules().empty());
  const meta::Target* t = md->FindTarget("primary_cv_composite", "430101", 2031);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, 0.65);
  EXPECT_EQ(t->direction, meta::TargetDirection::kAtMost);
}

}  // namespace
}  // namespace eduledger::app

namespace eduledger::app {
namespace {

TEST(FormValuesTest, AValuesFileIsReadWithTheRowsAPersonSees) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("v.csv"),
                     "\xEF\xBB\xBF数值,数据项,分组\r\n214,exam_takers,subject=math\r\n"
                     "\r\n180,exam_passed,科目=数学\r\n");
  auto values = ReadFormValues(dir.File("v.csv"));
  ASSERT_TRUE(values.ok()) << values.status().message();
  ASSERT_EQ(values->size(), 2u);
  EXPECT_EQ((*values)[0].element, "exam_takers");
  EXPECT_EQ((*values)[0].disaggregation, "subject=math");
  EXPECT_EQ((*values)[0].value, "214");
  EXPECT_EQ((*values)[0].row, 2);
  EXPECT_EQ((*values)[1].element, "exam_passed");
  EXPECT_EQ((*values)[1].row, 4);  // the blank row 3 is skipped, the numbering is not

  testing::WriteFile(dir.File("w.csv"), "名称,数量\r\na,1\r\n");
  const auto wrong = ReadFormValues(dir.File("w.csv"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().reason(), "missing_columns");
}

}  // namespace
}  // namespace eduledger::app
