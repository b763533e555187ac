-- The peers' rows of the ledger-months benchmark, from the store: each payment with its school,
-- township (none for a school the county runs), county, the calendar year and month of 发放日期
-- (within the school years the register holds, as EduLedger's snapshot counts them), its amount
-- in 元 and its state.
SELECT c.org_unit_id AS school,
       CASE WHEN p1.level = 4 THEN p1.id END AS township,
       CASE WHEN p1.level = 3 THEN p1.id WHEN p2.level = 3 THEN p2.id END AS county,
       CAST(substr(json_extract(c.fields, '$.paid_on'), 1, 4) AS INTEGER) AS year,
       CAST(substr(json_extract(c.fields, '$.paid_on'), 6, 2) AS INTEGER) AS month,
       CAST(json_extract(c.fields, '$.amount') AS REAL) / 100 AS amount,
       c.state AS state
FROM cases c
JOIN org_units s ON s.id = c.org_unit_id
LEFT JOIN org_units p1 ON p1.id = s.parent_id
LEFT JOIN org_units p2 ON p2.id = p1.parent_id
WHERE c.ledger = 'student_aid' AND json_extract(c.fields, '$.paid_on') IS NOT NULL
  AND CAST(substr(json_extract(c.fields, '$.paid_on'), 1, 4) AS INTEGER) IN
      (SELECT DISTINCT school_year FROM enrolments);
