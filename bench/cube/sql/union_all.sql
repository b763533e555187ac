SELECT year, org, cell, enrolled, dropped, graduated, promoted,
       CAST(dropped AS DOUBLE PRECISION) / enrolled AS dropout_rate,
       CAST(promoted AS DOUBLE PRECISION) / NULLIF(graduated, 0) AS promotion_rate
FROM (
  SELECT year, county AS org, 0 AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY year, county
  UNION ALL
  SELECT year, county AS org, sex AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY year, county, sex
  UNION ALL
  SELECT year, county AS org, grade + 6 AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY year, county, grade
  UNION ALL
  SELECT year, township AS org, 0 AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years WHERE township IS NOT NULL
  GROUP BY year, township
  UNION ALL
  SELECT year, township AS org, sex AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years WHERE township IS NOT NULL
  GROUP BY year, township, sex
  UNION ALL
  SELECT year, township AS org, grade + 6 AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years WHERE township IS NOT NULL
  GROUP BY year, township, grade
  UNION ALL
  SELECT year, school AS org, 0 AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY year, school
  UNION ALL
  SELECT year, school AS org, sex AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY year, school, sex
  UNION ALL
  SELECT year, school AS org, grade + 6 AS cell, count(*) AS enrolled,
         count(*) FILTER (WHERE end_status = 3) AS dropped,
         count(*) FILTER (WHERE end_status = 4) AS graduated,
         count(*) FILTER (WHERE end_status = 4 AND next_level BETWEEN 1 AND 14) AS promoted
  FROM student_years
  GROUP BY year, school, grade
) cells
