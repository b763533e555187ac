// Joining a ledger's cases to the register's students through a student link field (the
// 资助 payment's pupil) without a lookup: the snapshot resolves each link to the student's
// record when it reads the cases (CaseRows::student_records), and a StudentSet of records
// answers "did a case reach this student-year's student" in one bit test. The 零疏漏 coverage
// check (app/aid_coverage.h) is an anti-join of this kind: the eligible students of a school
// year whose record no payment of the term links to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace eduledger::engine {

// A set of student records (Snapshot::StudentRecord), as a bitmap.
class StudentSet {
 public:
  explicit StudentSet(std::size_t records) : bits_((records + 63) / 64, 0) {}
  void Add(std::uint32_t record) {
    if (record / 64 < bits_.size()) bits_[record / 64] |= std::uint64_t{1} << (record % 64);
  }
  bool Has(std::uint32_t record) const {
    return record / 64 < bits_.size() && (bits_[record / 64] >> (record % 64)) & 1;
  }
  bool empty() const;
  // Add every record of `other` (a set of as many records).
  void Merge(const StudentSet& other);

 private:
  std::vector<std::uint64_t> bits_;
};

}  // namespace eduledger::engine
