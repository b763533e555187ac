// 年级: grades as small integers, the same numbers for every school type.
//
//   -2 小班   -1 中班   0 大班 (学前班)
//    1..6  一年级..六年级
//    7..9  七年级..九年级 (初一..初三)
//   10..12 高一..高三; at a 中职 school 一年级..三年级 of 中等职业教育
//
// A clerk of a 初级中学 who writes "一年级" means 初一, and one of a 职业高中 means 中职一年级:
// ParseGrade reads stage-relative numbers against the school's type.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::meta {

inline constexpr int kMinGrade = -2;
inline constexpr int kMaxGrade = 12;

// Parse a grade as written ("一年级", "1年级", "初二", "七年级", "高三", "中职二年级", "大班",
// "3") at a school of type `school_type` (0 when unknown: numbers are then absolute). An
// unknown text is InvalidArgument "bad_grade".
core::Result<int> ParseGrade(std::string_view text, int school_type);

// The grade's name as it is written at a school of type `school_type`; ParseGrade reads it
// back to the same grade.
std::string GradeName(int grade, int school_type);

}  // namespace eduledger::meta
