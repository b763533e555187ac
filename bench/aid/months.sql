-- Ledger figures for every school, township and county × year × month: the payments paid and
-- their amount (元), by the calendar year and month of 发放日期. The same cells EduLedger's cube
-- holds for cases(student_aid, state = paid) and sum(student_aid.amount, state = paid).
SELECT coalesce(school, township, county) AS org, year, month, count(*) AS payments,
       round(sum(amount), 2) AS amount
FROM payment_months
WHERE state = 'paid'
GROUP BY GROUPING SETS ((county, year, month), (township, year, month), (school, year, month))
HAVING coalesce(school, township, county) IS NOT NULL
