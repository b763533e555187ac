-- 零疏漏: the eligible students (脱贫家庭, 低保, 特困, 孤儿, 残疾: flags 4|8|16|32|64) on the
-- roll of school year 2026 on its snapshot day whom no 秋季学期 (or 全学年) payment of their
-- level's termly aid, paid in 2026, reached. The same anti-join EduLedger's check makes
-- (app/aid_coverage.h); levels is the dimension of school type × grade → programme.
SELECT r.student_id
FROM roll r
JOIN levels l ON l.school_type = r.school_type AND l.grade = r.grade
WHERE r.school_year = 2026
  AND (r.joined_on IS NULL OR r.joined_on < '2026-09-01')
  AND (r.flags & 124) <> 0
  AND NOT EXISTS (
    SELECT 1 FROM payments p
    WHERE p.student = r.student_id AND p.programme = l.programme AND p.state = 'paid'
      AND p.term IN ('autumn', 'year') AND p.paid_on BETWEEN '2026-01-01' AND '2026-12-31')
