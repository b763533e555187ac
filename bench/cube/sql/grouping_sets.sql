SELECT year, org, cell, enrolled, dropped, graduated, promoted,
       CAST(dropped AS DOUBLE PRECISION) / enrolled AS dropout_rate,
       CAST(promoted AS DOUBLE PRECISION) / NULLIF(graduated, 0) AS promotion_rate
FROM (
  SELECT year,
         CASE WHEN GROUPING(school) = 0 THEN school
              WHEN GROUPING(township) = 0 THEN township
              ELSE county END AS org,
         CASE WHEN GROUPING(sex) = 0 THEN sex
              WHEN GROUPING(grade) = 0 THEN grade + 6
              ELSE 0 END AS cell,
         count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY GROUPING SETS (
    (year, county), (year, county, sex), (year, county, grade),
    (year, township), (year, township, sex), (year, township, grade),
    (year, school), (year, school, sex), (year, school, grade))
  HAVING GROUPING(school) = 0 OR GROUPING(township) = 1 OR township IS NOT NULL
) cells
