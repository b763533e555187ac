// The checker on a set of passages written as a bureau writes its summary: each planted fault
// must be found at its figure, and nothing else in any passage may be called an error or a
// warning. The set covers what real summaries tripped the checker on: the subject of a figure
// (小学 and 初中 rates, 幼儿园 and 学校, a noun after the number), plan sections, rates named by
// their subject (整改率, 上线率, 入学率, 巩固率), shares of a restated whole and 分别占 lists,
// ranges, Markdown emphasis and nested lists, the programmes' figures under two wordings (资助学生
// and 惠及学生, 补充…教师 and 新教师), a share whose part is named by its subject, a denominator
// named after its number. Expected values are worked out in the comments.
#include <gtest/gtest.h>

#include <cstdio>

#include "report/summary_checker.h"

namespace eduledger::report {
namespace {

using Format = DocumentFormat;

struct Passage {
  const char* name;
  Format format;
  const char* text;
  const char* planted;  // the kind of finding the planted fault gives; nullptr when clean
  const char* at;       // the figure it is found at
};

constexpr Passage kPassages[] = {
    // --- the subject of a figure --------------------------------------------------------------
    {"levels_apart", Format::kText,
     "全县小学辍学率为0.02%，初中辍学率为0.35%。\n初中辍学率0.35%，比上年下降0.1个百分点。",
     nullptr, nullptr},
    {"level_restated_otherwise", Format::kText,
     "全县小学辍学率为0.02%，初中辍学率为0.35%。\n控辍保学成效明显，小学辍学率为0.05%。",
     "inconsistent_repeat", "0.05%"},
    {"kindergartens_and_schools", Format::kText,
     "全县共有学校54所，另有幼儿园32所。\n全县共有幼儿园32所，其中公办园20所。", nullptr, nullptr},
    {"junior_and_nine_year", Format::kText, "全县共有初级中学10所。\n全县共有九年一贯制学校4所。",
     nullptr, nullptr},
    {"noun_after_the_number", Format::kText,
     "全县共有1865名教职工，其中专任教师1702人。\n全县1865名教职工中，女教职工1120人。", nullptr,
     nullptr},
    {"noun_after_restated_otherwise", Format::kText,
     "全县共有1865名教职工。\n全县教职工1900人，其中专任教师1702人。", "inconsistent_repeat",
     "1900人"},
    {"levels_named_by_their_segment", Format::kText,  // 1200 ÷ 1205 = 99.59%; 980 ÷ 982 = 99.80%
     "全县小学阶段适龄儿童1205人，已入学1200人，入学率99.6%；初中阶段适龄少年982人，已入学980人，"
     "入学率99.8%。",
     nullptr, nullptr},
    {"noun_after_a_verb_and_scope", Format::kText,
     "全县专任教师2100人。\n年内组织全县2010名专任教师参加轮训。", "inconsistent_repeat", "2010名"},
    {"noun_opening_the_words_after", Format::kText,
     "全县在校学生40500人。\n全县40500名在校学生全部参加体质测试，全县40050名在校学生完成视力筛查"
     "。",
     "inconsistent_repeat", "40050名"},
    {"schools_after_qizhong_are_parts", Format::kText,
     "全县在校学生38000人，专任教师2900人。其中，县一中在校学生3100人、专任教师220人。", nullptr,
     nullptr},
    {"plan_section_targets", Format::kMarkdown,
     "# 2025年教育工作总结\n## 一、基本情况\n全县在校学生31767人，小学辍学率为0.02%。\n"
     "## 三、2026年工作打算\n力争全县在校学生达到32000人，小学辍学率控制在0.01%以内。",
     nullptr, nullptr},
    {"plan_in_chinese_outline", Format::kText,
     "2025年教育工作总结\n一、基本情况\n全县在校学生31767人。\n二、下一步工作\n"
     "（一）巩固义务教育成果。全县在校学生达到32000人。",
     nullptr, nullptr},
    // --- rates named by their subject ---------------------------------------------------------
    {"rectification_rate", Format::kText, "全年排查安全隐患126处，已整改120处，整改率95.2%。",
     nullptr, nullptr},  // 120 ÷ 126
    {"rectification_rate_wrong", Format::kText, "全年排查安全隐患126处，已整改120处，整改率92.5%。",
     "rate_mismatch", "92.5%"},
    {"pass_line_rate", Format::kText,  // 983 ÷ 1512 = 65.01%
     "高考报考1530人，参考1512人，本科上线983人，本科上线率65.0%。", nullptr, nullptr},
    {"pass_line_rate_wrong", Format::kText,  // neither 983 ÷ 1512 nor 983 ÷ 1530 is 60.0%
     "高考报考1530人，参考1512人，本科上线983人，本科上线率60.0%。", "rate_mismatch", "60.0%"},
    {"enrolment_rate_wrong", Format::kText,  // 2358 ÷ 2360 = 99.92%
     "全县小学适龄儿童2360人，已入学2358人，入学率98.9%。", "rate_mismatch", "98.9%"},
    {"retention_rate_wrong", Format::kText,  // 3100 ÷ 3200 = 96.9%
     "三年前入学时一年级学生3200人，现九年级在校学生3100人，巩固率98.9%。", "rate_mismatch",
     "98.9%"},
    {"a_rate_named_by_itself", Format::kText,  // 1800 ÷ 5000 = 36.0%
     "参加体育测试5000人，获得优秀1800人，优秀率39.0%。", "rate_mismatch", "39.0%"},
    {"two_numerators_may_be_meant_together", Format::kText,  // (2000 + 800) ÷ 3000 = 93.3%
     "初中毕业生3000人，升入普通高中2000人，升入中职学校800人，升学率93.3%。", nullptr, nullptr},
    // --- shares -------------------------------------------------------------------------------
    {"restated_whole", Format::kText,  // 17654 ÷ 31767 = 55.57%; 3019 ÷ 31767 = 9.50%
     "全县在校学生31767人，其中小学生17654人，占在校学生31767人的55.6%。"
     "少数民族学生3019人，占在校学生总数31767人的9.5%。",
     nullptr, nullptr},
    {"restated_whole_wrong", Format::kText, "少数民族学生3019人，占在校学生总数31767人的8.5%。",
     "share_mismatch", "8.5%"},
    {"shares_in_order", Format::kText,  // of 31767: 55.57%, 31.07%, 13.36%
     "小学、初中、高中在校生分别为17654人、9870人和4243人，分别占55.6%、31.1%和13.4%。", nullptr,
     nullptr},
    {"shares_in_order_wrong", Format::kText,
     "小学、初中、高中在校生分别为17654人、9870人和4243人，分别占55.6%、35.1%和13.4%。",
     "share_mismatch", "35.1%"},
    {"a_whole_named_paragraphs_before", Format::kText,  // 9000 ÷ 40000 = 22.5%
     "全年累计资助学生40000人次，发放资金3000万元。\n其中学前教育资助5000人次。\n"
     "重点群体资助9000人次，占资助总人次的25.0%。",
     "share_mismatch", "25.0%"},
    {"a_whole_of_another_year_is_not_this_years", Format::kText,
     "在园幼儿由2024年的15000人减少到2025年的14000人。\n2025年公办园在园幼儿7700人，占在园幼儿总数"
     "的55.0%。",
     nullptr, nullptr},
    {"shares_of_a_named_total", Format::kMarkdown,  // of 5000万元: 60.0%, 30.0%
     "全年发放资助资金 **5000** 万元。义务教育、高中阶段分别为 **3000** 万元、**1500** 万元，"
     "分别占资助资金总额的 **60.0%**、**35.0%**。",
     "share_mismatch", "35.0%"},
    {"a_share_naming_its_own_part", Format::kText,  // the part (本科学历) is not stated
     "全县专任教师3000人，其中本科及以上学历占比90.5%。", nullptr, nullptr},
    {"bold_items_and_shares", Format::kMarkdown,  // of 2000: 100 ÷ 2000 = 5%, not 6%
     "专任教师**2000人**，研究生、本科、专科分别为**100人**、**1500人**、**400人**，"
     "分别占6.0%、75.0%、20.0%。",
     "share_mismatch", "6.0%"},
    {"shares_of_a_stated_total", Format::kText,  // of 4000: 60.0%, 40.0%
     "全县共有教职工4000人，男女分别为1600人和2400人，分别占40.0%和60.0%。", nullptr, nullptr},
    // --- lists --------------------------------------------------------------------------------
    {"a_range_is_no_list", Format::kText, "全年发放助学金2207万元（每生补助300元至800元不等）。",
     nullptr, nullptr},
    {"total_marker_opens_the_list", Format::kText,
     "全县共有幼儿园32所、小学38所、初级中学16所，共计86所。", nullptr, nullptr},
    {"total_marker_opens_the_list_wrong", Format::kText,  // 32 + 38 + 16 = 86
     "全县共有幼儿园32所、小学38所、初级中学16所，共计90所。", "parts_mismatch", "90所"},
    {"qizhong_ends_at_its_segment", Format::kMarkdown,
     "全县中小学校**60所**，其中农村学校**45所**；另有幼儿园**40所**，其中公办**15所**、民办**25所*"
     "*。",
     nullptr, nullptr},
    {"bold_noun_before", Format::kMarkdown,
     "全县在校学生**45000人**。\n\n为全县在校学生**45100人**购买校方责任险。",
     "inconsistent_repeat", "45100人"},
    {"qizhong_then_total", Format::kText, "全县共有学校86所，其中小学38所、初中16所，共54所。",
     nullptr, nullptr},
    {"nested_markdown_list", Format::kMarkdown,
     "- 全县共有学校86所，其中：\n  - 幼儿园32所\n  - 小学38所\n  - 初级中学16所\n"
     "- 在校学生31767人。",
     nullptr, nullptr},
    {"nested_markdown_list_exceeds", Format::kMarkdown,  // 32 + 38 + 20 = 90 > 86
     "- 全县共有学校86所，其中：\n  - 幼儿园32所\n  - 小学38所\n  - 初级中学20所",
     "parts_exceed_total", "86所"},
    {"nested_markdown_list_all_parts", Format::kMarkdown,  // 包括: 40 + 30 = 70, not 75
     "1. 全县专任教师75人，包括：\n    - 小学专任教师40人\n    - 初中专任教师30人",
     "parts_mismatch", "75人"},
    {"bare_statistics_of_school_types", Format::kText,
     "全县共有普通高中5所，在校生9000人；中等职业学校2所，在校生3000人；特殊教育学校1所，在校生120"
     "人。",
     nullptr, nullptr},
    {"a_subset_another_statistic_and_a_change_end_the_list", Format::kText,
     "全县共有幼儿园60所，其中公办40所、民办20所，民办园中普惠性民办园15所。\n"
     "全县在校学生30000人，其中小学20000人、初中10000人，教职工2600人。\n"
     "受助学生5000人，其中男生2600人、女生2400人，比上年增加300人。",
     nullptr, nullptr},
    {"trailing_total_after_a_verb", Format::kText,  // 500 + 1500 + 6000 = 8000
     "全年开展国家级培训500人次、省级培训1500人次、县级培训6000人次，共开展培训8500人次。",
     "parts_mismatch", "8500人次"},
    {"urban_and_rural", Format::kText,  // 30 + 45 = 75
     "全县共有义务教育学校76所，其中城区学校30所、乡村学校45所。", "parts_mismatch", "76所"},
    {"persuasion_rate", Format::kText,  // 28 ÷ 30 = 93.3%
     "全年排查辍学学生30人，已劝返复学28人，劝返率96.7%。", "rate_mismatch", "96.7%"},
    {"retention_over_grade_seven", Format::kText,  // 3000 ÷ 3100 = 96.8%
     "2022年入学的初一学生3100人中，2025年初中毕业3000人，初中三年巩固率为98.1%。", "rate_mismatch",
     "98.1%"},
    {"spaced_and_bold_units_in_a_nested_list", Format::kMarkdown,  // 5 + 4 + 2 = 11 of 12
     "- 排查危房 **12** 栋、面积 **1.5** 万平方米，包括：\n  - 拆除重建 **5** 栋\n  - 加固 **4** "
     "栋\n"
     "  - 停用 **2** 栋",
     "parts_mismatch", "12 栋"},
    // --- what a third held-out set showed --------------------------------------------------
    {"a_part_among_a_group", Format::kText,  // 3600 ÷ 4000 = 90.0%, not of the 4500 staff
     "全县有教职工4500人，专任教师4000人；专任教师中具有本科学历的3600人，占90.0%。", nullptr,
     nullptr},
    {"a_part_among_a_group_wrong", Format::kText,  // 1500 ÷ 4000 = 37.5%
     "全县现有教职工4500人，其中专任教师4000人，专任教师中乡村教师1500人，占40.5%。",
     "share_mismatch", "40.5%"},
    {"restated_whole_named_after_it", Format::kText,  // 3000 ÷ 6000 = 50.0%
     "其中义务教育阶段3000人，占全县6000名受助学生的55.0%。", "share_mismatch", "55.0%"},
    {"numerator_named_after_the_screening", Format::kText,  // 20000 ÷ 40000 = 50.0%
     "全县近视筛查学生40000人，筛查出近视学生20000人，近视率为52.0%。", "rate_mismatch", "52.0%"},
    {"standard_rate_over_a_sample", Format::kText,  // 57 ÷ 60 = 95.0%
     "开展专项督导，抽查学校60所，达标学校57所，达标率为92.0%。", "rate_mismatch", "92.0%"},
    {"items_with_their_words", Format::kText,  // of 40: 75.0%, 25.0%
     "全县原有校外培训机构40家，其中转为非学科类机构30家、注销10家，分别占75.0%、20.0%。",
     "share_mismatch", "20.0%"},
    {"a_named_whole_must_be_a_total", Format::kText,
     "新建公办幼儿园5所。\n全县等级幼儿园达到50所，占幼儿园总数的80.0%。", nullptr, nullptr},
    {"spellings_and_prefixes_of_one_statistic", Format::kText,
     "全县共有中小学专任教师4300人。\n全县有各类学校90所，在校生50000人。\n"
     "实现全县4300名专任教师培训全覆盖，全县在校学生达50500人。",
     "inconsistent_repeat", "50500人"},
    {"a_statistic_after_qizhong_is_the_countys", Format::kText,
     "全县现有教职工4500人，其中专任教师4100人。\n全县4150名专任教师完成继续教育。",
     "inconsistent_repeat", "4150名"},
    {"qualified_noun_after_the_number", Format::kText,
     "全县现有农村留守儿童5800名。\n实现对全县5080名农村留守儿童关爱全覆盖。",
     "inconsistent_repeat", "5080名"},
    {"children_of_some_kindergartens", Format::kText,
     "全县在园幼儿7000人。\n普惠性幼儿园共60所，在园幼儿6600人。", nullptr, nullptr},
    // --- and a fourth -----------------------------------------------------------------------
    {"completion_over_what_is_due", Format::kText,  // 190 ÷ 200 = 95.0%
     "全县需开展鉴定的校舍共200栋，已完成鉴定190栋，鉴定完成率达到97.0%。", "rate_mismatch",
     "97.0%"},
    {"reduction_over_what_there_was", Format::kText,  // 45 ÷ 50 = 90.0%
     "原有学科类校外培训机构50家，已压减45家，压减率为95.0%。", "rate_mismatch", "95.0%"},
    {"a_named_whole_in_other_words", Format::kText,  // 80 ÷ 100 = 80.0%
     "我县义务教育阶段学校共100所。\n已有80所学校达到创建标准，占全县义务教育学校总数的85.0%。",
     "share_mismatch", "85.0%"},
    {"inspectors_engaged_and_at_work", Format::kText,
     "全县聘任责任督学48名，实现挂牌督导全覆盖。\n全县50名责任督学坚持每月到校督导。",
     "inconsistent_repeat", "50名"},
    // --- and a fifth ------------------------------------------------------------------------
    {"bold_figures_with_thousands", Format::kMarkdown,
     "全县共有教职工**6,128人**，其中专任教师**5,437人**。", nullptr, nullptr},
    {"incidents_listed_then_totalled", Format::kText,  // 9 + 3 + 12 + 10 = 34
     "全年处置涉校安全事件：交通事故9起、溺水险情3起、校园欺凌12起、意外伤害10起，共31起。",
     "parts_mismatch", "31起"},
    {"a_rate_over_a_sitting", Format::kText,  // 3318 ÷ 4925 = 67.4%
     "监测参测学生4,925人，达到良好及以上等级的3,318人，良好率为71.4%。", "rate_mismatch", "71.4%"},
    {"a_list_after_a_paragraph", Format::kMarkdown,  // 3.85 + 1.76 + 0.58 = 6.19
     "全年改造校舍面积**6.42万平方米**，包括：\n- 教学及辅助用房3.85万平方米\n- "
     "学生宿舍1.76万平方米\n"
     "- 学生食堂0.58万平方米",
     "parts_mismatch", "6.42万平方米"},
    {"a_share_of_the_qizhong_total_by_its_words", Format::kText,  // 214 ÷ 1286 = 16.6%
     "学生在县级以上竞赛中获奖1,286人，其中获省级奖项的214人，占获奖学生总数的19.8%。",
     "share_mismatch", "19.8%"},
    {"a_change_is_no_total", Format::kText,
     "高考本科上线2,120人，比上年增加214人，其中县第一中学本科上线1,286人。", nullptr, nullptr},
    {"two_counts_make_the_numerator", Format::kText,  // (612 + 487) ÷ 1126 = 97.6%
     "全年中职毕业生1,126人，其中升入高职院校612人、直接就业487人，升学就业率达到97.6%。", nullptr,
     nullptr},
    {"a_rate_named_by_itself_counts_before_it", Format::kText,
     "参加课后服务学生36,740人，学生参与率95.6%，参与服务的教师3,215人。", nullptr, nullptr},
    {"one_statistic_with_its_qualifier_in_two_spellings", Format::kText,
     "全县义务教育阶段在校学生39615人。\n对全县义务教育在校生39651人逐月开展比对。",
     "inconsistent_repeat", "39651人"},
    {"qualifiers_keep_statistics_apart", Format::kText,
     "全县专任教师4100人。\n全县女专任教师2600人。", nullptr, nullptr},
    {"the_longest_name_decides", Format::kText,
     "全县登记适龄残疾儿童少年687人。\n对全县678名适龄残疾儿童少年开展入学评估。",
     "inconsistent_repeat", "678名"},
    // --- the programmes' figures ---------------------------------------------------------------
    {"aid_under_two_wordings", Format::kText,
     "全年发放学生资助资金3200万元，惠及学生25600人次。\n依托资助管理信息系统精准认定，全年资助学生"
     "26500人次。",
     "inconsistent_repeat", "26500人次"},
    {"beneficiaries_of_two_programmes", Format::kText,
     "实施营养改善计划，惠及学生18000人。\n全年发放资助资金，资助学生25600人。", nullptr, nullptr},
    {"a_programme_named_by_its_sentence", Format::kText,
     "全县实施营养改善计划的学校76所，受益学生20400人。\n经核查，全县营养改善计划受益学生20040人"
     "。",
     "inconsistent_repeat", "20040人"},
    {"two_programmes_qualified", Format::kText,
     "校车工程受益学生1200人。\n营养改善计划受益学生21000人。", nullptr, nullptr},
    {"new_teachers_by_verb_and_noun_after", Format::kText,
     "全县通过公开招聘、特岗计划等渠道补充中小学教师260人。\n为全年补充的206名新教师开展岗前培训。",
     "inconsistent_repeat", "206名"},
    {"new_teachers_restated_alike", Format::kText,
     "全县补充中小学教师260人，其中特岗教师80人。\n为260名新教师开展岗前培训。", nullptr, nullptr},
    {"a_total_after_the_year_scope", Format::kText,
     "全县教育经费总投入8.40亿元，比上年增长4.5%。\n全年8.04亿元教育经费总投入优先保障农村学校。",
     "inconsistent_repeat", "8.04亿元"},
    {"another_sum_after_the_year_scope", Format::kText,
     "全县教育经费总投入8.40亿元。\n全年1.20亿元用于改善办学条件。", nullptr, nullptr},
    {"a_school_opening_its_segment", Format::kText,
     "全县高考参考2200人，本科上线1300人；县第二中学参考900人，本科上线610人。", nullptr, nullptr},
    {"the_schools_of_the_whole_area_after_the_count", Format::kText,
     "全县96所义务教育学校全部开展课后服务，参加课后服务学生30210人。\n全县共有30120名学生参加课后"
     "服务。",
     "inconsistent_repeat", "30120名"},
    // --- shares whose part is named by the share's subject ------------------------------------
    {"a_part_named_in_the_next_sentence", Format::kText,  // 6.30 ÷ 9.00 = 70.0%
     "全县教育经费总投入10.5亿元，其中一般公共预算教育支出9."
     "00亿元。\n一般公共预算教育支出中，人员经费"
     "6.30亿元、公用经费1.80亿元。人员经费占一般公共预算教育支出的70.0%。",
     nullptr, nullptr},
    {"a_part_named_in_the_next_sentence_wrong", Format::kText,
     "全县教育经费总投入10.5亿元，其中一般公共预算教育支出9."
     "00亿元。\n一般公共预算教育支出中，人员经费"
     "6.30亿元、公用经费1.80亿元。人员经费占一般公共预算教育支出的75.0%。",
     "share_mismatch", "75.0%"},
    {"a_part_named_by_its_level", Format::kText,  // 900 ÷ 3000 = 30.0%
     "全年发放学生资助资金3000万元，其中学前教育资助资金400万元、普通高中国家助学金及免学费资金900"
     "万元，"
     "普通高中资助资金占资助资金总额的30.0%。",
     nullptr, nullptr},
    {"a_part_named_by_its_level_wrong", Format::kText,
     "全年发放学生资助资金3000万元，其中学前教育资助资金400万元、普通高中国家助学金及免学费资金900"
     "万元，"
     "普通高中资助资金占资助资金总额的35.0%。",
     "share_mismatch", "35.0%"},
    // --- a denominator named after its number -------------------------------------------------
    {"a_denominator_after_its_number", Format::kText,  // 26 ÷ 86 = 30.23%
     "对全县86所中小学开展办学水平评估，评为优秀的26所，优秀率为30.2%。", nullptr, nullptr},
    {"a_denominator_after_its_number_wrong", Format::kText,
     "对全县86所中小学开展办学水平评估，评为优秀的26所，优秀率为32.6%。", "rate_mismatch", "32.6%"},
    // --- the sixth held-out set's causes -------------------------------------------------------
    {"a_list_after_its_subset_mark", Format::kText,  // 2880 ÷ 3200 = 90.0%; 640 ÷ 3200 = 20.0%
     "全县教职工3500人，专任教师3200人。专任教师中具有本科及以上学历的2880人，占90.0%"
     "；具有高级职称的"
     "640人，占20.0%。",
     nullptr, nullptr},
    {"a_list_after_its_subset_mark_wrong", Format::kText,
     "全县教职工3500人，专任教师3200人。专任教师中具有本科及以上学历的2880人，占90.0%"
     "；具有高级职称的"
     "640人，占18.3%。",
     "share_mismatch", "18.3%"},
    {"a_denominator_in_the_sentence_before", Format::kText,  // 21 ÷ 24 = 87.5%
     "全年排查疑似辍学学生24人。经多方劝返，已复学21人，劝返率87.5%。", nullptr, nullptr},
    {"a_denominator_in_the_sentence_before_wrong", Format::kText,
     "全年排查疑似辍学学生24人。经多方劝返，已复学21人，劝返率91.7%。", "rate_mismatch", "91.7%"},
    {"a_part_of_the_denominator_is_none", Format::kText,  // 510 ÷ 520 = 98.08%
     "全年受理信访事项520件，其中来信来访80件。已按期办结510件，按期办结率98.1%。", nullptr,
     nullptr},
    {"a_rate_by_its_complement", Format::kText,  // (12000 − 600) ÷ 12000 = 95.0%
     "参加体质健康测试的学生共12000人，不及格600人，合格率95.0%。", nullptr, nullptr},
    {"a_rate_by_its_complement_wrong", Format::kText,
     "参加体质健康测试的学生共12000人，不及格600人，合格率93.0%。", "rate_mismatch", "93.0%"},
    {"words_in_a_gap_that_do_not_narrow", Format::kText,
     "全年排查出各类安全隐患320处。\n全县共发现并登记安全隐患302处。", "inconsistent_repeat",
     "302处"},
    {"words_in_a_gap_that_narrow", Format::kText,
     "全年排查安全隐患320处。\n排查出重大安全隐患4处。", nullptr, nullptr},
    {"a_channel_is_a_qualifier", Format::kText,
     "全年新招聘教师150人，其中公开招聘教师90人、特岗教师60人。", nullptr, nullptr},
    {"primary_and_junior_make_compulsory_education", Format::kText,  // 2100 + 3000 = 5100
     "全年发放义务教育阶段寄宿生生活补助，受益学生5200人次，其中小学2100人次、初中3000人次。",
     "parts_mismatch", "5200人次"},
    {"primary_and_junior_of_all_students", Format::kText,
     "全县在校学生30000人，其中小学18000人、初中9000人。", nullptr, nullptr},
    {"labelled_items_are_their_own", Format::kMarkdown,
     "- 县体育馆项目：总投资1.20亿元\n- 县图书馆项目：总投资0.80亿元", nullptr, nullptr},
    {"a_school_labelled_and_named_again", Format::kMarkdown,
     "- 城北实验小学新建项目：总投资1.60亿元\n- 城北实验小学为全县投资最大的项目，总投资1.06亿元",
     "inconsistent_repeat", "1.06亿元"},
    {"shares_of_items_the_subject_names",
     Format::kText,  // 3000 ÷ 6000 = 50.0%; 2400 ÷ 6000 = 40.0%
     "项目建成后可新增学位6000个，其中小学学位3000个、初中学位2400个、高中学位600个，小学和初中学位"
     "分别占新增学位总数的50.0%和40.0%。",
     nullptr, nullptr},
    {"shares_of_items_the_subject_names_wrong", Format::kText,
     "项目建成后可新增学位6000个，其中小学学位3000个、初中学位2400个、高中学位600个，小学和初中学位"
     "分别占新增学位总数的50.0%和45.0%。",
     "share_mismatch", "45.0%"},
    // --- the seventh held-out set's causes -----------------------------------------------------
    {"a_subtotal_ends_the_list", Format::kText,
     "全县幼儿园60所，其中公办40所、普惠性民办12所、非普惠性民办8所，普惠性幼儿园合计52所。",
     nullptr, nullptr},
    {"a_school_named_short", Format::kText,
     "全县参考2000人，本科上线1200人；县二中参考800人，本科上线500人。", nullptr, nullptr},
    {"a_level_of_the_whole_list", Format::kText,  // 2000 ÷ 2500 = 80.0%
     "专任教师4000人，其中小学2500人、初中1500人。小学专任教师中具有本科学历的2000人，占80.0%。",
     nullptr, nullptr},
    {"a_level_of_the_whole_list_wrong", Format::kText,
     "专任教师4000人，其中小学2500人、初中1500人。小学专任教师中具有本科学历的2000人，占70.0%。",
     "share_mismatch", "70.0%"},
    {"among_a_whole_not_stated", Format::kText,
     "专任教师4000人。音乐专任教师中具有本科学历的150人，占75.0%。", nullptr, nullptr},
    {"a_restated_whole_is_that_shares", Format::kText,  // 90 ÷ 300 = 30.0%
     "交流轮岗教师300人，占符合交流条件教师总数1500人的20.0%；其中骨干教师交流90人，占交流总数的"
     "30.0%。",
     nullptr, nullptr},
    {"a_breakdown_opening_its_sentence", Format::kText,  // 150 + 100 + 40 = 290
     "全年共新增教师300名。按补充渠道分，公开招聘150名，特岗计划100名，调入40名。",
     "parts_mismatch", "300名"},
    {"a_part_in_the_paragraph_before", Format::kText,  // 1500 ÷ 5000 = 30.0%
     "全年落实学生资助资金5000万元。其中，学前教育500万元，义务教育2000万元，普通高中1500万元，"
     "中职1000万元。\n从结构看，义务教育占全部资助资金的40.0%，普通高中占比32.0%。",
     "share_mismatch", "32.0%"},
    {"a_reduction_rate", Format::kText,  // (40 − 4) ÷ 40 = 90.0%
     "学科类培训机构由双减前的40家压减至4家，压减率90.0%。", nullptr, nullptr},
    {"a_reduction_rate_wrong", Format::kText,
     "学科类培训机构由双减前的40家压减至4家，压减率92.5%。", "rate_mismatch", "92.5%"},
    {"a_population_named_after_its_number", Format::kText,  // 1900 ÷ 2000 = 95.0%
     "学业水平考试共有2000名学生参加，全科合格1900人，全科合格率为97.0%。", "rate_mismatch",
     "97.0%"},
    {"a_nested_breakdown", Format::kMarkdown,  // 118 + 95 + 27 + 79 = 319
     "- 全年共发现问题326个，按类别分：\n  - 校园安全类118个\n  - 教学管理类95个\n  - 师德类27个\n"
     "  - 办学条件类79个",
     "parts_mismatch", "326个"},
    {"the_actor_and_a_demonstrative_do_not_narrow", Format::kText,
     "县教育局共招聘新教师268名，其中特岗教师124名。\n这批新入职的286名教师均已完成岗前培训。",
     "inconsistent_repeat", "286名"},
    {"a_past_year_restated_in_a_plan", Format::kMarkdown,
     "## 一、学校建设\n- 全年实施改扩建项目14个，完成投资3.27亿元。\n## 二、下一步工作\n"
     "- 在2025年完成投资3.72亿元的基础上，2026年计划新建学校2所，完成投资4.00亿元。",
     "inconsistent_repeat", "3.72亿元"},
    {"the_items_after_a_count_of_projects", Format::kMarkdown,
     "- 全年实施教育项目23个，完成投资3.86亿元，其中：\n  - 新建项目4个，完成投资1.52亿元\n"
     "  - 改扩建项目11个，完成投资1.68亿元\n  - 维修项目8个，完成投资0.66亿元",
     nullptr, nullptr},
    {"the_education_budget_restated", Format::kText,
     "2025年，全县一般公共预算教育支出9.86亿元。\n全年一般公共预算教育经费达9.68亿元。",
     "inconsistent_repeat", "9.68亿元"},
    // --- the eighth held-out set's causes ------------------------------------------------------
    {"a_share_of_the_list_total", Format::kText,  // 400 ÷ 2500 = 16.0%
     "全年交流轮岗教师400人，其中城区到乡村250人、乡村之间150人，交流人数占符合条件教师2,500人的"
     "16.0%。",
     nullptr, nullptr},
    {"a_share_of_the_list_total_wrong", Format::kText,  // no reading gives 18.0%
     "全年交流轮岗教师400人，其中城区到乡村250人、乡村之间150人，交流人数占符合条件教师2,500人的"
     "18.0%。",
     "share_mismatch", "18.0%"},
    {"a_share_no_reading_of_its_sentence_gives", Format::kText,  // 10000 ÷ 40000 = 25%
     "全县在校生40000人，其中小学生20000人、初中生10000人，初中生占比50%。", "share_mismatch",
     "50%"},
    {"a_share_of_the_item_a_qualifier_narrows", Format::kText,  // 3000 ÷ 4000 = 75.0%
     "全县教职工5,000人，其中专任教师4,000人，具有本科及以上学历的3,000人，占75.0%。", nullptr,
     nullptr},
    {"a_share_of_the_clause_subject", Format::kText,  // 5.40 ÷ 27.00 = 20.0%; 5.40 ÷ 5.00 = 1.08
     "一般公共预算教育支出5.40亿元，较去年同期的5.00亿元增长8.0%，占一般公共预算支出27.00亿元的"
     "20.0%。",
     nullptr, nullptr},
    {"a_baseline_of_last_year_is_no_part", Format::kText,  // 5.40 + 0.60 = 6.00
     "上半年教育经费总投入6.00亿元，其中一般公共预算教育支出5.40亿元，较去年同期的5.00亿元增长"
     "8.0%；其他教育经费0.60亿元。",
     nullptr, nullptr},
    {"a_level_named_over_its_list", Format::kText,  // 30000 ÷ 1800 = 16.67; 12000 ÷ 900 = 13.33
     "全县专任教师3,000人。小学在校生30,000人、专任教师1,800人，生师比16.67:1；初中在校生12,000"
     "人、专任教师900人，生师比13.33:1。",
     nullptr, nullptr},
    {"a_level_named_over_its_list_then_the_county_restated", Format::kText,
     "全县专任教师3,000人。小学在校生30,000人、专任教师1,800人；初中在校生12,000人、专任教师900"
     "人。组织全县3,100名专任教师签订师德承诺书。",
     "inconsistent_repeat", "3,100名"},
    {"a_return_rate_named_so", Format::kText,  // 135 ÷ 150 = 90.0%
     "全年排查疑似辍学学生150人，已劝返复学135人，劝返复学率90.0%。", nullptr, nullptr},
    {"a_return_rate_named_so_wrong", Format::kText,
     "全年排查疑似辍学学生150人，已劝返复学135人，劝返复学率95.0%。", "rate_mismatch", "95.0%"},
    {"a_list_item_broken_down_under_it", Format::kMarkdown,  // 214 + 78 + 34 = 326
     "- 全年开展督导检查**326校次**\n  - 责任督学挂牌督导**214校次**\n  - 专项督导**78校次**\n"
     "  - 综合督导**34校次**",
     nullptr, nullptr},
    {"a_list_item_broken_down_under_it_wrong", Format::kMarkdown,
     "- 全年开展督导检查**362校次**\n  - 责任督学挂牌督导**214校次**\n  - 专项督导**78校次**\n"
     "  - 综合督导**34校次**",
     "parts_mismatch", "362校次"},
    {"items_under_a_line_far_short_of_it_are_no_breakdown", Format::kMarkdown,
     "- 教师队伍：全县专任教师**2,106人**\n  - 公开招聘新教师**120人**\n  - 交流轮岗教师**85人**",
     nullptr, nullptr},
    {"a_list_item_of_two_counts_broken_down", Format::kMarkdown,  // 246 + 187 + 150 = 583
     "- 发现问题**583个**，已整改**561个**，整改率**96.2%**\n  - 校园安全类**246个**\n"
     "  - 办学行为类**187个**\n  - 教育教学管理类**150个**",
     nullptr, nullptr},
    {"items_of_two_counts_each_leave_it_open", Format::kMarkdown,
     "- 全年资助学生**28,354人次**\n  - 学前教育：资助幼儿1,860人次\n"
     "  - 普通高中：国家助学金6,318人次；免除学杂费5,940人次",
     nullptr, nullptr},
    {"aid_money_restated", Format::kText,
     "全年共落实各项学生资助资金2,964.7万元，惠及学生41,382人次。\n规范资助资金发放管理，"
     "2,964.7万元资助资金全部通过银行卡发放到户。",
     nullptr, nullptr},
    {"aid_money_allocated_and_paid", Format::kText,
     "全县下达学生资助资金1,500万元。\n全县发放学生资助资金1,200万元。", nullptr, nullptr},
    {"aid_of_each_term", Format::kText, "全县春季资助学生4,800人次。\n全县秋季资助学生5,000人次。",
     nullptr, nullptr},
    {"aid_money_restated_otherwise", Format::kText,
     "全年共落实各项学生资助资金2,964.7万元，惠及学生41,382人次。\n规范资助资金发放管理，"
     "2,946.7万元资助资金全部通过银行卡发放到户。",
     "inconsistent_repeat", "2,946.7万元"},
    {"after_school_teachers_restated", Format::kText,
     "全县课后服务参与学生35,870人，参与教师2,611人。\n全县2,611名参与课后服务的教师全部参加了"
     "专题培训。",
     nullptr, nullptr},
    {"after_school_teachers_restated_otherwise", Format::kText,
     "全县课后服务参与学生35,870人，参与教师2,611人。\n全县2,661名参与课后服务的教师全部参加了"
     "专题培训。",
     "inconsistent_repeat", "2,661名"},
    {"entrants_restated", Format::kText,
     "秋季学期，全县小学一年级招生5,184人，初中一年级招生5,472人。\n今年秋季入学的5,472名初一新生"
     "全部按时报到注册。",
     nullptr, nullptr},
    {"entrants_restated_otherwise", Format::kText,
     "秋季学期，全县小学一年级招生5,184人，初中一年级招生5,472人。\n今年秋季入学的5,427名初一新生"
     "全部按时报到注册。",
     "inconsistent_repeat", "5,427名"},
    {"a_share_of_the_whole_a_later_share_names", Format::kText,  // 1200 ÷ 4000 = 30.0%
     "全县现有专任教师4,000人。\n从年龄结构看，35岁以下青年教师1,200人，占比30.0%"
     "；50岁以上教师800人"
     "，占20.0%。在乡村学校任教的教师2,000人，占全县专任教师的50.0%。",
     nullptr, nullptr},
    {"a_share_of_the_whole_a_later_share_names_wrong", Format::kText,
     "全县现有专任教师4,000人。\n从年龄结构看，35岁以下青年教师1,200人，占比31.0%"
     "；50岁以上教师800人"
     "，占20.0%。在乡村学校任教的教师2,000人，占全县专任教师的50.0%。",
     "share_mismatch", "31.0%"},
    {"a_list_through_semicolons", Format::kText,  // 1000 + 3000 + 1000 = 5000
     "全年资助学生5,000人次。其中，学前教育1,000人次，按每生每学期400元标准发放；义务教育3,"
     "000人次；"
     "普通高中1,000人次。",
     nullptr, nullptr},
    {"a_statement_after_the_semicolon_is_no_item", Format::kText,  // 60 + 40 = 100
     "全县共有中小学校100所。其中，小学60所、初中40所；今年新建学校3所。", nullptr, nullptr},
    {"a_list_through_semicolons_wrong", Format::kText,
     "全年资助学生4,900人次。其中，学前教育1,000人次，按每生每学期400元标准发放；义务教育3,"
     "000人次；"
     "普通高中1,000人次。",
     "parts_exceed_total", "4,900人次"},
    // --- the ninth held-out set's causes -------------------------------------------------------
    {"a_narrowed_member_is_no_partition", Format::kText,  // 113 ÷ 128 = 88.28%
     "全县共有幼儿园128所，其中公办幼儿园66所、普惠性民办幼儿园47所，公办园和普惠性民办园合计113所"
     "，"
     "占幼儿园总数的88.3%。",
     nullptr, nullptr},
    {"persons_beside_person_times", Format::kText,  // 150 + 300 + 100 + 1900 = 2450 万元
     "全年资助学生10,000人次、资助资金2,450万元。其中：学前教育2,000人次、150万元；义务教育5,"
     "000人次"
     "、300万元；普通高中1,000人次、100万元；办理助学贷款2,000人、1,900万元。",
     nullptr, nullptr},
    {"the_scale_of_aid_restated", Format::kText,
     "全年资助学生41,307人次。\n我县以41,307人次的资助规模位居全市前列。", nullptr, nullptr},
    {"the_scale_of_aid_restated_otherwise", Format::kText,
     "全年资助学生41,307人次。\n我县以41,370人次的资助规模位居全市前列。", "inconsistent_repeat",
     "41,370人次"},
    {"a_whole_named_past_a_sibling_part", Format::kText,  // 12105 ÷ 13876 = 87.24%
     "全县在园幼儿13,876人，其中公办园在园幼儿7,412人，占比53.4%；普惠性幼儿园在园幼儿12,105人，"
     "占在园幼儿总数的87.2%。",
     nullptr, nullptr},
    {"a_whole_named_past_a_sibling_part_wrong", Format::kText,
     "全县在园幼儿13,876人，其中公办园在园幼儿7,412人，占比53.4%；普惠性幼儿园在园幼儿12,105人，"
     "占在园幼儿总数的82.7%。",
     "share_mismatch", "82.7%"},
    {"consolidation_of_those_on_the_roll", Format::kText,  // 5187 ÷ 5312 = 97.65%
     "2020年秋季入学的初一新生5,312人，到2023年初三在籍5,187人，初中三年巩固率97.6%。", nullptr,
     nullptr},
    {"consolidation_of_those_on_the_roll_wrong", Format::kText,
     "2020年秋季入学的初一新生5,312人，到2023年初三在籍5,187人，初中三年巩固率96.7%。",
     "rate_mismatch", "96.7%"},
    {"work_orders_handled", Format::kText,  // 1827 ÷ 1846 = 98.97%
     "承办12345政务服务便民热线工单1,846件，办结1,827件，办结率99.0%。", nullptr, nullptr},
    {"work_orders_handled_wrong", Format::kText,
     "承办12345政务服务便民热线工单1,846件，办结1,827件，办结率98.7%。", "rate_mismatch", "98.7%"},
    {"large_classes_eliminated_restated", Format::kText,
     "全县义务教育大班额年初有134个，年内化解118个，年末剩余16个。\n通过新建学校、合理分流，"
     "全县年内共化解大班额118个。",
     nullptr, nullptr},
    {"large_classes_eliminated_restated_otherwise", Format::kText,
     "全县义务教育大班额年初有134个，年内化解118个，年末剩余16个。\n通过新建学校、合理分流，"
     "全县年内共化解大班额128个。",
     "inconsistent_repeat", "128个"},
    {"a_list_of_two_units", Format::kText,  // 200 + 800 = 1000 万元; 1000 + 3000 = 4000 人次
     "全年发放资助资金1,000万元，资助学生4,000人次，其中学前教育200万元、1,000人次，义务教育800万元"
     "、3,000人次。",
     nullptr, nullptr},
    {"a_list_of_two_units_wrong", Format::kText,
     "全年发放资助资金1,000万元，资助学生3,900人次，其中学前教育200万元、1,000人次，义务教育800万元"
     "、3,000人次。",
     "parts_exceed_total", "3,900人次"},
    // --- tables (Markdown pipe tables; a DOCX table is read into the same grid) ----------------
    {"table_total_row", Format::kMarkdown,  // 12600 + 2850 + 6480 + 3950 = 25880
     "| 项目 | 完成投资（万元） |\n| --- | ---: |\n| 一小 | 12,600 |\n| 城东园 | 2,850 |\n"
     "| 二中 | 6,480 |\n| 寄宿制学校 | 3,950 |\n| **合计** | **25,880** |",
     nullptr, nullptr},
    {"table_total_row_wrong", Format::kMarkdown,
     "| 项目 | 完成投资（万元） |\n| --- | ---: |\n| 一小 | 12,600 |\n| 城东园 | 2,850 |\n"
     "| 二中 | 6,480 |\n| 寄宿制学校 | 3,950 |\n| **合计** | **25,808** |",
     "parts_mismatch", "25,808万元"},
    // 46 ÷ 362 = 12.71%, 128 ÷ 362 = 35.36%, 188 ÷ 362 = 51.93%
    {"table_share_column", Format::kMarkdown,
     "| 风险等级 | 水域数量（处） | 占比 |\n| --- | ---: | ---: |\n| 高风险 | 46 | 12.7% |\n"
     "| 中风险 | 128 | 35.4% |\n| 低风险 | 188 | 51.9% |\n| 合计 | 362 | 100% |",
     nullptr, nullptr},
    {"table_share_column_odd_row", Format::kMarkdown,
     "| 风险等级 | 水域数量（处） | 占比 |\n| --- | ---: | ---: |\n| 高风险 | 46 | 12.7% |\n"
     "| 中风险 | 128 | 34.5% |\n| 低风险 | 188 | 51.9% |\n| 合计 | 362 | 100% |",
     "share_mismatch", "34.5%"},
    {"table_growth_column_follows_no_rule", Format::kMarkdown,
     "| 学段 | 在校生（人） | 较上年增长 |\n| --- | ---: | ---: |\n| 小学 | 12,000 | 2.1% |\n"
     "| 初中 | 6,000 | 3.4% |\n| 高中 | 3,000 | 1.2% |\n| 合计 | 21,000 | 2.4% |",
     nullptr, nullptr},
    // 118 ÷ 120 = 98.33%, 80 ÷ 80 = 100%, 60 ÷ 64 = 93.75%
    {"table_rate_column_odd_row", Format::kMarkdown,
     "| 乡镇 | 排查隐患 | 已整改 | 整改率 |\n| --- | --- | --- | --- |\n| 城关镇 | 120 | 118 | "
     "98.3% |\n"
     "| 东乡 | 80 | 80 | 100.0% |\n| 西乡 | 64 | 60 | 96.3% |",
     "rate_mismatch", "96.3%"},
    // 1200 + 1100 = 2300, 800 + 760 = 1560, 500 + 480 = 980
    {"table_total_column_odd_row", Format::kMarkdown,
     "| 学段 | 男生 | 女生 | 合计 |\n| --- | --- | --- | --- |\n| 小学 | 1200 | 1100 | 2300 |\n"
     "| 初中 | 800 | 760 | 1560 |\n| 高中 | 500 | 480 | 908 |",
     "parts_mismatch", "908"},
    {"table_items_after_the_last_subtotal", Format::kMarkdown,  // 300 + 110 + 40 = 450
     "| 学校 | 人数（人） |\n| --- | --- |\n| 城关一小 | 100 |\n| 城关二小 | 200 |\n| 城区小计 | "
     "300 |\n"
     "| 乡中心校 | 50 |\n| 乡二小 | 60 |\n| 乡镇小计 | 110 |\n| 县特殊教育学校 | 40 |\n| 合计 | "
     "450 |",
     nullptr, nullptr},
    {"table_subset_column_after_the_total", Format::kMarkdown,
     "| 学段 | 男生（人） | 女生（人） | 合计（人） | 随迁子女（人） |\n| --- | --- | --- | --- | "
     "--- |\n"
     "| 幼儿园 | 1,200 | 1,100 | 2,300 | — |\n| 小学 | 5,000 | 4,800 | 9,800 | 620 |\n"
     "| 初中 | 2,500 | 2,400 | 4,900 | 310 |\n| 高中 | 1,000 | 1,000 | 2,000 | — |",
     nullptr, nullptr},
    // --- digits swapped -----------------------------------------------------------------------
    {"two_parts_of_a_subset_with_digits_swapped", Format::kText,
     "全县学校293所，其中小学120所、初中119所。", nullptr, nullptr},
    {"swapped_digits_of_spring_and_autumn", Format::kText,
     "春季学期发放资助资金120万元。\n秋季学期发放资助资金102万元。", nullptr, nullptr},
    {"restated_with_digits_swapped", Format::kText,
     "全县新建录播教室38间、智慧教室486间。\n下一步，将用好今年建成的468间智慧教室。",
     "inconsistent_repeat", "468间"},
    {"restated_with_digits_swapped_two_words", Format::kText,
     "全县组织应急疏散演练3526场次。\n各学校全年累计开展应急演练3562场次。", "inconsistent_repeat",
     "3562场次"},
    {"petitions_in_jianci_are_jian", Format::kText,
     "全年受理信访事项1326件，办结1319件。\n全年受理群众信访1362件次，未发生群体性事件。",
     "inconsistent_repeat", "1362件次"},
    {"swapped_digits_of_other_teachers", Format::kText,
     "全县补充特岗教师120人。\n评选县级骨干教师210名。", nullptr, nullptr},
    {"swapped_digits_of_two_levels", Format::kText,
     "全县小学专任教师1,234人。\n全县初中专任教师1,324人。", nullptr, nullptr},
    {"list_total_with_digits_swapped", Format::kText,  // 168 + 41 + 18 + 12 = 239
     "全年督导检查293次，其中责任督学挂牌督导168次、专项督导41次、综合督导18次、随机督导12次。",
     "parts_mismatch", "293次"},
    // --- lists --------------------------------------------------------------------------------
    {"a_share_of_an_item_named_without_its_head", Format::kText,  // 8426 ÷ 52318 = 16.11%
     "参测学生52318人，其中优秀8426人、良好19874人。优秀学生占参测学生的16.9%。", "share_mismatch",
     "16.9%"},
    {"nested_items_sum_at_their_level",
     Format::kMarkdown,  // 186 + 78 + 48 = 312; 94 + 61 + 31 = 186
     "2024年全县共补充教师 **312名**，具体为：\n- 公开招聘 **186名**\n  - 小学 **94名**\n"
     "  - 初中 **61名**\n  - 高中 **31名**\n- 特岗教师 **78名**\n- 公费师范毕业生 **48名**",
     nullptr, nullptr},
    {"qizhong_of_the_count_its_noun_names", Format::kText,
     "全县参考3175人，本科上线1982人；特控线上线286人。其中，县第一中学本科上线1453人，本科上线率"
     "71.6%；艺体类本科上线217人。",
     nullptr, nullptr},
    {"what_the_whole_came_to_is_no_part", Format::kText,  // 1319 ÷ 1326 = 99.47%
     "共受理来信来访1326件次，其中来信418件、来访593批次、网上信访315件，已办结1319件，办结率"
     "99.5%。",
     nullptr, nullptr},
    {"a_second_breakdown_after_exact_parts",
     Format::kText,  // 127+3015+732 = 3874; 3142÷3874 = 81.1%
     "专任教师3874人，其中研究生127人、本科3015人、专科及以下732人，本科及以上3142人，占81.1%。",
     nullptr, nullptr},
    {"a_list_far_short_names_some", Format::kText,
     "开设课后服务课程2318门，其中体育类736门、艺术类614门、科技类408门。", nullptr, nullptr},
    {"a_list_near_its_total_falls_short", Format::kText,  // 136 + 98 + 170 = 404 of 412
     "排查隐患412处，其中消防136处、交通98处、食品170处。", "parts_mismatch", "412处"},
    {"juti_wei_lists_to_the_sentence_end", Format::kText,  // 2852+11346+7215+2681+14318 = 38412
     "全年资助学生合计38142人次。具体为：学前2852人次；义务教育11346人次；普通高中7215人次；中职"
     "2681人次；营养改善计划14318人次。",
     "parts_mismatch", "38142人次"},
    {"fenbie_wei_after_a_total", Format::kText,  // 2586 + 2319 = 4905
     "城区起始年级新生合计4950人，分别为小学一年级2586人、初中一年级2319人。", "parts_mismatch",
     "4950人"},
    {"fenbie_wei_pairs_names", Format::kText, "全县幼儿园32所，小学、初中分别为38所、12所。",
     nullptr, nullptr},
    // --- wholes and denominators further back ------------------------------------------------
    {"a_whole_no_smaller_than_its_part", Format::kText,  // 1163.80 ÷ 4826.35 = 24.11%
     "全县累计发放各类学生资助资金4826.35万元。\n分学段看，学前教育资助资金186.40万元。"
     "\n全年向脱贫家庭学生发放资助资金1163.80万元，占资助资金总额的21.4%。",
     "share_mismatch", "21.4%"},
    {"a_denominator_before_a_breakdown", Format::kText,  // 213+96+128+172+65 = 674; 651÷674 = 96.6%
     "排查安全隐患674处。其中，消防213处、交通96处、食品128处、设施172处、其他65处。已完成整改651"
     "处，整改率95.6%。",
     "rate_mismatch", "95.6%"},
    {"a_whole_named_without_jieduan", Format::kText,  // 2947 ÷ 41826 = 7.05%
     "义务教育阶段在校生41826人，较上年减少1204人。进城务工人员随迁子女2947人，占义务教育在校生总数"
     "的7.5%。",
     "share_mismatch", "7.5%"},
    // --- Markdown -----------------------------------------------------------------------------
    {"emphasis_is_no_blank", Format::kMarkdown,
     "全县学校**96.8%**达标，在校学生**31767**人，**一、基本情况**。", nullptr, nullptr},
    {"a_blank_beside_emphasis", Format::kMarkdown, "全县学校**96.8%**达标，在校学生**人。",
     "placeholder", "**人"},
    // --- breakdowns by a dimension (分项目看, 从渠道看), sources, classes, 优良率 --------------
    {"breakdown_by_view", Format::kText,  // 210.00 + 805.60 + 504.80 = 1520.40
     "全年共发放各类资助资金1520.40万元。分项目看，学前教育资助210.00万元；义务教育寄宿生生活补助"
     "805.60万元，按每生每年1000元标准发放；普通高中国家助学金504.80万元。",
     nullptr, nullptr},
    {"breakdown_by_view_transposed", Format::kText,
     "全年共发放各类资助资金1502.40万元。分项目看，学前教育资助210.00万元；义务教育寄宿生生活补助"
     "805.60万元，按每生每年1000元标准发放；普通高中国家助学金504.80万元。",
     "parts_mismatch", "1502.40万元"},
    {"two_views_of_one_total", Format::kText,  // 96 + 88 + 56 = 240; 70 + 45 + 125 = 240
     "全年受理来信来访事项240件，较上年的262件有所下降。从渠道看，来信96件、来访88件、网上信访56件"
     "；"
     "从内容看，招生问题70件、收费问题45件、其他问题125件。",
     nullptr, nullptr},
    {"a_view_of_the_whole_is_no_breakdown", Format::kText,  // 1620/2400 = 67.5%, 612/2400 = 25.5%
     "全县专任教师2400人。从队伍结构看，女教师1620人，占67.5%；35岁以下教师612人，占25.5%。",
     nullptr, nullptr},
    {"sources_of_a_sum", Format::kText,  // 420 + 260 + 190 = 870
     "全年投入校舍维修资金860万元，分别来源于中央资金420万元、省级资金260万元和县级配套190万元。",
     "parts_mismatch", "860万元"},
    {"a_subset_ends_at_a_clause_of_its_own", Format::kText,
     "职教中心开设专业12个，其中省级示范专业4个，与38家企业共建实训基地，建成产教融合实训室15个。",
     nullptr, nullptr},
    {"rectified_of_the_reported", Format::kText,  // 30 ÷ 32 = 93.8%
     "市级督导反馈问题32个，已完成整改30个，整改率96.8%。", "rate_mismatch", "96.8%"},
    {"settled_past_a_breakdown", Format::kText,  // 402 ÷ 410 = 98.0%; 220 + 190 = 410
     "全年共受理信访事项410件。从渠道看，网上信访220件、来信来访190件。全年已办结402件，办结率"
     "99.5%。",
     "rate_mismatch", "99.5%"},
    {"excellent_and_good_together", Format::kText,  // (4632 + 14282) ÷ 38600 = 49.0%
     "体质健康测试实测学生38600人，测试合格35898人，合格率93.0%；其中优秀4632人、良好14282人，"
     "优良率49.0%。",
     nullptr, nullptr},
    {"excellent_and_good_together_wrong", Format::kText,
     "体质健康测试实测学生38600人，测试合格35898人，合格率93.0%；达到优秀和良好等级的分别为4632人"
     "、14282人，优良率47.0%。",
     "rate_mismatch", "47.0%"},
    {"classes_of_candidates", Format::kText,  // 1410/2480 = 56.9%, 230/380 = 60.5%; 1410 + 230
     "参加高考考生2860人（含艺术类考生380人），本科上线1640人。其中，600分以上考生96人。分类别看，"
     "文化类考生2480人，本科上线1410人，上线率56.9%；艺术类考生本科上线230人，上线率60.5%。",
     nullptr, nullptr},
    {"two_populations_two_rates", Format::kText,  // 3617/3620 = 99.92%, 144/150 = 96.0%
     "全县适龄儿童3620人，已入学3617人，入学率99.92%。全县适龄残疾儿童少年150人，入学144人，入学率"
     "96.0%。",
     nullptr, nullptr},
    {"swapped_within_a_paragraph", Format::kText,  // 5362 copied as 5326, worded otherwise
     "全县参加中考学生5362人，普通高中录取3110人。在本届5326名中考考生中，理化生实验操作考试全部"
     "合格。",
     "inconsistent_repeat", "5326名"},
    {"swapped_across_paragraphs_needs_more_words", Format::kText,  // 中考 alone, paragraphs apart
     "全县参加中考学生5362人。\n全县新建中考标准化考场，本学期组织5326名学生参加模拟考试。",
     nullptr, nullptr},
    {"table_cell_restated_swapped", Format::kMarkdown,  // the 2025 cell 1,384 copied as 1,348
     "| 指标 | 2024年 | 2025年 |\n|---|---:|---:|\n| 参考人数（人） | 4,906 | 5,122 |\n"
     "| 本科上线人数（人） | 1,275 | 1,384 |\n\n2025年全县本科上线考生1,348人，创历史新高。",
     "inconsistent_repeat", "1,348人"},
    {"table_cell_of_another_year", Format::kMarkdown,  // 5,126 of 2024; 5,216 stated of 2025
     "| 指标 | 2024年 | 2025年 |\n|---|---:|---:|\n| 参考人数（人） | 5,126 | 5,216 |\n\n"
     "2025年全县参考人数5,216人，较上年增加90人。",
     nullptr, nullptr},
    {"a_count_named_before_its_parenthesis", Format::kText,  // 250 ÷ 260 = 96.2%
     "全县适龄残疾儿童少年260人，已入学（含送教上门）250人，入学率94.2%。", "rate_mismatch",
     "94.2%"},
};

std::vector<std::string> Describe(const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    out.push_back(std::string(SeverityKey(f.severity)) + " " + std::string(FindingKindKey(f.kind)) +
                  " at " + f.text + ": " + f.reason);
  }
  return out;
}

TEST(PassagesTest, EveryPlantedFaultIsFoundAndNothingElseIsCalledWrong) {
  int planted = 0, found = 0, false_errors = 0, false_warnings = 0;
  for (const Passage& p : kPassages) {
    SCOPED_TRACE(p.name);
    const CheckResult r =
        CheckSummaryDocument(DocumentFromText("t", p.text, p.format, "UTF-8"), {.year = 2025});
    bool hit = false;
    for (const Finding& f : r.findings) {
      const bool is_planted =
          p.planted != nullptr && FindingKindKey(f.kind) == p.planted && f.text == p.at;
      if (is_planted && !hit) {
        hit = true;
        continue;
      }
      false_errors += f.severity == Severity::kError;
      false_warnings += f.severity == Severity::kWarning;
      EXPECT_EQ(f.severity, Severity::kInfo)
          << FindingKindKey(f.kind) << " at " << f.text << ": " << f.reason;
    }
    if (p.planted != nullptr) {
      ++planted;
      found += hit;
      EXPECT_TRUE(hit) << "missed " << p.planted << " at " << p.at
                       << "; found: " << ::testing::PrintToString(Describe(r));
    }
  }
  std::printf(
      "passages: %zu (%d with a planted fault): found %d of %d, false errors %d, "
      "false warnings %d\n",
      std::size(kPassages), planted, found, planted, false_errors, false_warnings);
  RecordProperty("planted", planted);
  RecordProperty("found", found);
  RecordProperty("false_errors", false_errors);
  RecordProperty("false_warnings", false_warnings);
}

}  // namespace
}  // namespace eduledger::report
