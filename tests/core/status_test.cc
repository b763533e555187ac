#include "core/status.h"

#include <gtest/gtest.h>

#include "core/result.h"

namespace eduledger::core {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument("odd", "奇数不能平分");
  return n / 2;
}

Result<int> Quarter(int n) {
  EL_ASSIGN_OR_RETURN(const int half, Half(n));
  EL_ASSIGN_OR_RETURN(const int quarter, Half(half));
  return quarter;
}

Status CheckEven(int n) {
  EL_RETURN_IF_ERROR(Half(n).status());
  return Status::OK();
}

TEST(StatusTest, OkIsCheapAndEmpty) {
  const Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, CarriesCodeReasonAndMessage) {
  const Status s = Status::FailedPrecondition("form_locked", "该表单已审核，不能修改");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.reason(), "form_locked");
  EXPECT_EQ(s.ToString(), "FAILED_PRECONDITION form_locked: 该表单已审核，不能修改");
  const Status copy = s;
  EXPECT_EQ(copy.message(), s.message());
  EXPECT_EQ(s.WithContext("学校表").message(), "学校表：该表单已审核，不能修改");
}

TEST(ResultTest, PropagatesErrorsThroughMacros) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status().reason(), "odd");  // 6 → 3 → odd
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_EQ(CheckEven(3).reason(), "odd");
  EXPECT_EQ(Half(3).value_or(-1), -1);
}

}  // namespace
}  // namespace eduledger::core
