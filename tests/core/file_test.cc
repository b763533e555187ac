#include "core/file.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

TEST(FileTest, ExtensionIsTheLowerCasedSuffixOfTheFileName) {
  EXPECT_EQ(FileExtension("学生名单.XLSX"), "xlsx");
  EXPECT_EQ(FileExtension("/tmp/in/summary.2024.Docx"), "docx");
  EXPECT_EQ(FileExtension("README"), "");
  // A dot in a directory is no extension of the file.
  EXPECT_EQ(FileExtension("v1.2/notes"), "");
}

TEST(FileTest, FileNameDropsTheDirectories) {
  EXPECT_EQ(FileName("/tmp/in/学生.csv"), "学生.csv");
  EXPECT_EQ(FileName("学生.csv"), "学生.csv");
}

}  // namespace
}  // namespace eduledger::core
