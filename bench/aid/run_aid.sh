# The 零疏漏 comparison, sourced by bench/run (which defines bin, build, root, work, out,
# median, psql_ and start_pg). run_aid SCALE PAYMENTS RUNS generates the example province at
# SCALE counties × 2 school years, adds about PAYMENTS aid payments to its store, gives every
# engine the same rows, checks that all of them list the same students, and appends the table
# of times, peak memory and ratios to $out/results.md.

aid_key() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
aid_median() { awk -v k=run_seconds '$1 == k { print $2 }' "$1" | median; }

run_aid() {
  local scale=$1 want_payments=$2 runs=$3 dir="$work/aid" db="$work/aid/province.db"
  mkdir -p "$dir"
  rm -f "$db"*
  "$bin" --db "$db" demo --scale "$scale" --years 2 >/dev/null
  "$root/$build/bench/eduledger_aid_bench" levels "$dir" >/dev/null
  # The payments a province's sections bring in, written straight into the store (a bench's
  # data, not an import): for each pupil of an eligible group, the 秋季学期 aid of the level
  # (one in fifty missed) and, for the first school year, the next 春季学期's; for a share of
  # the pupils of compulsory education, the 营养改善计划 of the autumn, tuned to PAYMENTS.
  local enrolments nutrition_share eligible compulsory
  enrolments=$(sqlite3 "$db" "SELECT count(*) FROM enrolments")
  eligible=$(sqlite3 "$db" "SELECT count(*) FROM enrolments e JOIN students s ON s.id = e.student_id WHERE (s.flags & 124) <> 0")
  compulsory=$(sqlite3 "$db" "SELECT count(*) FROM enrolments WHERE grade BETWEEN 1 AND 9")
  nutrition_share=$(( (want_payments - eligible * 3 / 2) * 100 / compulsory ))
  [ "$nutrition_share" -gt 0 ] || nutrition_share=0
  [ "$nutrition_share" -le 100 ] || nutrition_share=100
  sqlite3 "$db" <<SQL
CREATE TEMP TABLE levels (school_type INTEGER, grade INTEGER, programme TEXT);
.import --csv --skip 1 --schema temp $dir/levels.csv levels
CREATE TEMP TABLE roll AS
  SELECT e.student_id, e.school_year, e.org_unit_id, e.grade, o.school_type, s.flags, l.programme
  FROM enrolments e JOIN students s ON s.id = e.student_id JOIN org_units o ON o.id = e.org_unit_id
  LEFT JOIN levels l ON l.school_type = o.school_type AND l.grade = e.grade;
CREATE TEMP TABLE pay AS
  SELECT student_id, org_unit_id, programme, 'autumn' AS term, school_year || '-10-15' AS day
    FROM roll WHERE programme IS NOT NULL AND (flags & 124) <> 0 AND (student_id * 7 + school_year) % 50 <> 0
  UNION ALL
  SELECT student_id, org_unit_id, programme, 'spring', (school_year + 1) || '-04-15'
    FROM roll WHERE programme IS NOT NULL AND (flags & 124) <> 0
      AND school_year = (SELECT min(school_year) FROM roll)
  UNION ALL
  SELECT student_id, org_unit_id, 'nutrition', 'autumn', school_year || '-10-20'
    FROM roll WHERE programme = 'living_subsidy' AND (student_id * 13 + school_year) % 100 < $nutrition_share;
BEGIN;
INSERT INTO cases (ledger, org_unit_id, state, opened, state_since, fields, updated_at, updated_by)
  SELECT 'student_aid', org_unit_id, 'paid', day, day,
         json_object('amount', '50000', 'paid_on', day, 'programme', programme, 'source', 'central',
                     'student', CAST(student_id AS TEXT), 'term', term),
         '2026-12-01T00:00:00+08:00', 'bench'
  FROM pay;
COMMIT;
SQL
  local payments student_years
  payments=$(sqlite3 "$db" "SELECT count(*) FROM cases WHERE ledger = 'student_aid'")
  student_years=$enrolments
  # The peers' rows: the roll, the payments and the levels, the same rows EduLedger reads.
  sqlite3 -csv -header "$db" "SELECT e.student_id, e.school_year, e.org_unit_id, e.grade, o.school_type, s.flags, e.joined_on FROM enrolments e JOIN students s ON s.id = e.student_id JOIN org_units o ON o.id = e.org_unit_id" > "$dir/roll.csv"
  sqlite3 -csv -header "$db" "SELECT CAST(json_extract(fields, '\$.student') AS INTEGER) AS student, json_extract(fields, '\$.programme') AS programme, json_extract(fields, '\$.term') AS term, json_extract(fields, '\$.paid_on') AS paid_on, state FROM cases WHERE ledger = 'student_aid'" > "$dir/payments.csv"

  # EduLedger: the snapshot (built once, as the server holds it), then the check RUNS times.
  /usr/bin/time -f "%M" -o "$dir/engine.rss" \
    "$root/$build/bench/eduledger_aid_bench" engine "$db" 2026 "$runs" "$dir" > "$dir/engine.out"
  # A case move re-counted: one payment at a time moved in the snapshot and the package's cube.
  "$root/$build/bench/eduledger_aid_bench" move "$db" 7 > "$dir/move.out" ||
    { echo "bench/run: the recounted cube disagrees with a fresh one" >&2; cat "$dir/move.out" >&2; exit 1; }
  # Ledger figures for every unit × year × month: EduLedger's cube beside DuckDB and PostgreSQL
  # grouping the same payments (bench/aid/months.sql), every cell checked alike.
  sqlite3 -csv -header "$db" < "$root/bench/aid/payment_months.sql" > "$dir/payment_months.csv"
  "$root/$build/bench/eduledger_aid_bench" months "$db" "$runs" "$dir" > "$dir/months.out"
  node "$root/bench/aid/duckdb_months.mjs" "$dir" "$runs" > "$dir/duckdb_months.out"
  # DuckDB and PostgreSQL: load (untimed), then the same anti-join RUNS times.
  node "$root/bench/aid/duckdb_aid.mjs" "$dir" "$runs" > "$dir/duckdb.out"
  start_pg
  psql_ -c "DROP TABLE IF EXISTS roll, payments, levels" \
    -c "CREATE TABLE roll (student_id bigint, school_year integer, org_unit_id bigint, grade integer, school_type integer, flags integer, joined_on text)" \
    -c "CREATE TABLE payments (student bigint, programme text, term text, paid_on text, state text)" \
    -c "CREATE TABLE levels (school_type integer, grade integer, programme text)"
  psql_ -c "\\copy roll FROM '$dir/roll.csv' WITH (FORMAT csv, HEADER true)"
  psql_ -c "\\copy payments FROM '$dir/payments.csv' WITH (FORMAT csv, HEADER true)"
  psql_ -c "\\copy levels FROM '$dir/levels.csv' WITH (FORMAT csv, HEADER true)"
  psql_ -c "VACUUM ANALYZE roll" -c "VACUUM ANALYZE payments" -c "VACUUM ANALYZE levels"
  {
    echo "SET work_mem = '2GB';"
    for r in $(seq "$runs"); do
      echo "DROP TABLE IF EXISTS uncovered;"
      echo "\\timing on"
      echo "CREATE TEMP TABLE uncovered AS"
      cat "$root/bench/aid/uncovered.sql"
      echo ";"
      echo "\\timing off"
    done
    echo "\\copy (SELECT student_id FROM uncovered ORDER BY 1) TO '$dir/postgresql.txt'"
    echo "SELECT 'peak_kb ' || (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmHWM:\\s+(\\d+)'))[1];"
  } > "$dir/postgresql.sql"
  psql_ -At -f "$dir/postgresql.sql" > "$dir/postgresql.out"
  grep -o 'Time: [0-9.]*' "$dir/postgresql.out" | awk '{ print "run_seconds " $2 / 1000 }' >> "$dir/postgresql.out"
  psql_ -c "DROP TABLE IF EXISTS payment_months" \
    -c "CREATE TABLE payment_months (school bigint, township bigint, county bigint, year integer, month integer, amount numeric(14, 2), state text)"
  psql_ -c "\\copy payment_months FROM '$dir/payment_months.csv' WITH (FORMAT csv, HEADER true)"
  psql_ -c "VACUUM ANALYZE payment_months"
  {
    echo "SET work_mem = '2GB';"
    for r in $(seq "$runs"); do
      echo "DROP TABLE IF EXISTS cells;"
      echo "\\timing on"
      echo "CREATE TEMP TABLE cells AS"
      cat "$root/bench/aid/months.sql"
      echo ";"
      echo "\\timing off"
    done
    echo "\\copy (SELECT org, year, month, payments, amount FROM cells ORDER BY org, year, month) TO '$dir/postgresql_months.csv' WITH (FORMAT csv, HEADER true)"
    echo "SELECT 'peak_kb ' || (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmHWM:\\s+(\\d+)'))[1];"
  } > "$dir/postgresql_months.sql"
  psql_ -At -f "$dir/postgresql_months.sql" > "$dir/postgresql_months.out"
  grep -o 'Time: [0-9.]*' "$dir/postgresql_months.out" | awk '{ print "run_seconds " $2 / 1000 }' >> "$dir/postgresql_months.out"

  # The same list from all three, or no times at all.
  local peer
  for peer in duckdb postgresql; do
    if ! cmp -s "$dir/engine.txt" "$dir/$peer.txt"; then
      echo "bench/run: $peer lists other students than EduLedger ($(wc -l < "$dir/$peer.txt") against $(wc -l < "$dir/engine.txt"))" >&2
      exit 1
    fi
  done
  for peer in duckdb postgresql; do
    if ! cmp -s "$dir/engine_months.csv" "$dir/${peer}_months.csv"; then
      echo "bench/run: $peer's monthly ledger cells differ from EduLedger's" >&2
      diff "$dir/engine_months.csv" "$dir/${peer}_months.csv" | head -5 >&2
      exit 1
    fi
  done
  local el_t dk_t pg_t
  el_t=$(aid_median "$dir/engine.out")
  dk_t=$(aid_median "$dir/duckdb.out")
  pg_t=$(aid_median "$dir/postgresql.out")
  {
    echo "## 零疏漏 at $(printf "%'d" "$student_years") student-years and $(printf "%'d" "$payments") payments"
    echo
    echo "- data: \`demo --scale $scale --years 2\` ($(printf "%'d" "$student_years") student-years) and $(printf "%'d" "$payments") 学生资助 payments written into its store (bench/aid/run_aid.sh); the check of school year 2026: eligible pupils on the roll whom no 秋季学期 payment of their level's aid, paid in 2026, reached"
    echo "- **all three list the same $(wc -l < "$dir/engine.txt") students** (bench/aid/uncovered.sql is the peers' query)"
    echo "- EduLedger: \`app::UncoveredAidRecords\` on the snapshot built once from the SQLite store ($(aid_key "$dir/engine.out" snapshot_seconds) s, $(aid_key "$dir/engine.out" snapshot_mib) MiB held; the server holds it live), payments joined to the pupils' records when the snapshot reads them; DuckDB and PostgreSQL on tables loaded beforehand; medians of $runs runs each"
    echo
    echo "| engine | how | seconds | peak RSS | EduLedger faster by |"
    echo "| --- | --- | ---: | ---: | ---: |"
    printf '| EduLedger | snapshot anti-join, 2 threads | %.4f | %.0f MiB | — |\n' "$el_t" "$(echo "$(cat "$dir/engine.rss") / 1024" | bc -l)"
    printf '| %s | 2 threads, in memory | %.4f | %.0f MiB | %.1f× |\n' "DuckDB $(aid_key "$dir/duckdb.out" version)" "$dk_t" "$(echo "$(aid_key "$dir/duckdb.out" peak_kb) / 1024" | bc -l)" "$(echo "$dk_t / $el_t" | bc -l)"
    printf '| PostgreSQL 15 | work_mem 2GB, parallel workers | %.4f | %.0f MiB (backend) | %.1f× |\n' "$pg_t" "$(echo "$(aid_key "$dir/postgresql.out" peak_kb) / 1024" | bc -l)" "$(echo "$pg_t / $el_t" | bc -l)"
    echo
    echo "(goal: ≥10× DuckDB)"
    echo
    local em_t dm_t pm_t
    em_t=$(aid_median "$dir/months.out")
    dm_t=$(aid_median "$dir/duckdb_months.out")
    pm_t=$(aid_median "$dir/postgresql_months.out")
    echo "### Ledger figures for every unit, year and month"
    echo
    echo "- the payments paid and their amount by school, township and county × year × month of 发放日期 ($(aid_key "$dir/months.out" cells) cells with payments; **all three give the same cells**): EduLedger's \`Cube::Compute\` of \`cases(student_aid, state = paid)\` and \`sum(student_aid.amount, state = paid)\` on the snapshot (its $(aid_key "$dir/months.out" case_rows) payments held in $(aid_key "$dir/months.out" case_cells) cells), the peers' \`GROUPING SETS\` (bench/aid/months.sql) on the same rows loaded beforehand; medians of $runs runs"
    echo
    echo "| engine | seconds | EduLedger faster by |"
    echo "| --- | ---: | ---: |"
    printf '| EduLedger | %.4f | — |\n' "$em_t"
    printf '| DuckDB | %.4f | %.1f× |\n' "$dm_t" "$(echo "$dm_t / $em_t" | bc -l)"
    printf '| PostgreSQL 15 | %.4f | %.1f× |\n' "$pm_t" "$(echo "$pm_t / $em_t" | bc -l)"
    echo
    echo "(goal: ≥10× DuckDB)"
    echo
    printf -- "- a case move re-counted: one of the %s payments moved (已发放 ↔ 已审批) in the snapshot and the package's cube (%s measures of the ledger; the cube of every indicator computed in %s s): **%.1f µs**, median of 7 (\`Snapshot::UpdateCase\` + \`Cube::RecountCase\`); the cube then agrees with one computed afresh in all %s cells (totals and months) of the ledger measures\n" \
      "$(aid_key "$dir/move.out" cases)" "$(aid_key "$dir/move.out" ledger_measures)" "$(aid_key "$dir/move.out" cube_seconds)" \
      "$(echo "$(awk '$1 == "move_seconds" { print $2 }' "$dir/move.out" | median) * 1000000" | bc -l)" "$(aid_key "$dir/move.out" cells)"
    echo
  } | tee -a "$out/results.md"
}
