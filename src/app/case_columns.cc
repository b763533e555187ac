#include "app/case_columns.h"

#include "ledger/workflow_engine.h"

namespace eduledger::app {

namespace {

// What a field's cell takes, for the template's comment.
std::string HintOf(const meta::LedgerField& f) {
  std::string hint;
  switch (f.type) {
    case meta::FieldType::kText:
      break;
    case meta::FieldType::kInteger:
      hint = "整数";
      break;
    case meta::FieldType::kMoney:
      hint = "金额，单位元，如 1250 或 1250.50";
      break;
    case meta::FieldType::kArea:
      hint = "面积，单位平方米，如 1280.5";
      break;
    case meta::FieldType::kDate:
      hint = "日期，如 2026-03-01";
      break;
    case meta::FieldType::kChoice:
    case meta::FieldType::kBool:
      break;  // the drop-down lists the values
    case meta::FieldType::kLink:
      switch (f.link) {
        case meta::LinkTarget::kStudent:
          hint = "学生的18位身份证件号或19位全国学籍号（须已在学籍库中）；本列为文本格式";
          break;
        case meta::LinkTarget::kStaff:
          hint = "教职工的身份证件号（须已在教职工库中）";
          break;
        case meta::LinkTarget::kSchool:
          hint = "学校标识码或全称";
          break;
        case meta::LinkTarget::kBuilding:
        case meta::LinkTarget::kCase:
          hint = "所关联台账事项的编号";
          break;
      }
      break;
  }
  if (f.required) hint = hint.empty() ? "必填" : "必填；" + hint;
  return hint;
}

// The field's name without a unit in brackets: 金额（元） is also written 金额.
std::string BareName(const std::string& name) {
  for (std::string_view open : {"（", "("}) {
    const std::size_t at = name.find(open);
    if (at != std::string::npos && at > 0) return name.substr(0, at);
  }
  return "";
}

}  // namespace

const meta::LedgerField* StudentLinkOf(const meta::LedgerType& ledger) {
  for (const meta::LedgerField& f : ledger.fields) {
    if (f.type == meta::FieldType::kLink && f.link == meta::LinkTarget::kStudent) return &f;
  }
  return nullptr;
}

std::vector<CaseColumn> CaseColumnsOf(const meta::LedgerType& ledger) {
  std::vector<CaseColumn> out;
  const auto add = [&out](CaseColumnKind kind, std::string header, std::string key,
                          std::string aliases, std::string hint) -> CaseColumn& {
    CaseColumn& c = out.emplace_back();
    c.kind = kind;
    c.header = std::move(header);
    c.key = std::move(key);
    c.aliases = std::move(aliases);
    c.hint = std::move(hint);
    return c;
  };
  add(CaseColumnKind::kId, "事项编号", "case_id", "台账编号|事项号",
      "系统中的事项编号：导出的文件带有此列，改后重新导入即更新该事项；新登记的事项不填");
  add(CaseColumnKind::kOrgCode, "单位代码", "org_code",
      "学校标识码|学校代码|单位标识码|机构代码|行政区划代码",
      "10位学校标识码（乡镇填行政区划代码）；与单位名称至少填一项");
  add(CaseColumnKind::kOrgName, "单位名称", "org_name", "学校名称|学校|所在学校|就读学校|单位",
      "学校全称；与单位代码同填时以代码为准");
  CaseColumn& state =
      add(CaseColumnKind::kState, "状态", "state", "当前状态|办理状态|进展|办理进度",
          "不填为“" + ledger::StateName(ledger.workflow, ledger.workflow.initial) +
              "”；填写其后的状态时，按流程办理到该状态所需的字段也须填写");
  for (const meta::WorkflowState& s : ledger.workflow.states) state.choices.push_back(s.name);
  add(CaseColumnKind::kOpened, "登记日期", "opened", "立案日期|建档日期|录入日期",
      "日期，如 2026-03-01；不填为导入当天");
  add(CaseColumnKind::kStateSince, "状态日期", "state_since", "进入状态日期|办结日期|办理日期",
      "事项进入所填状态的日期；不填同登记日期");
  const meta::LedgerField* student = StudentLinkOf(ledger);
  for (const meta::LedgerField& f : ledger.fields) {
    std::string aliases = BareName(f.name);
    if (&f == student) {
      aliases += std::string(aliases.empty() ? "" : "|") +
                 "身份证件号|身份证号|身份证号码|证件号码|公民身份号码|全国学籍号|学籍号";
    }
    CaseColumn& c = add(CaseColumnKind::kField, f.name, f.code, aliases, HintOf(f));
    c.field = &f;
    if (f.type == meta::FieldType::kChoice) {
      for (const meta::FieldOption& o : f.options) c.choices.push_back(o.name);
    } else if (f.type == meta::FieldType::kBool) {
      c.choices = {"是", "否"};
    }
    if (&f == student) {
      add(CaseColumnKind::kPersonName, "姓名", "name", "学生姓名",
          "学生姓名，与学籍库核对（不一致时提示，不阻止导入）");
    }
  }
  for (const meta::ResponsibleRole& r : ledger.responsible) {
    CaseColumn& c =
        add(CaseColumnKind::kResponsible, r.name, "responsible." + r.code, r.name + "姓名",
            r.line.empty() ? "责任人姓名" : "责任人（" + r.line + "）姓名");
    c.role = &r;
  }
  return out;
}

std::vector<ingest::HeaderWords> HeaderWordsOf(std::span<const CaseColumn> columns) {
  std::vector<ingest::HeaderWords> out;
  out.reserve(columns.size());
  for (const CaseColumn& c : columns) out.push_back({c.header, c.key, c.aliases});
  return out;
}

}  // namespace eduledger::app
