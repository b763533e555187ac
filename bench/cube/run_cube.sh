# The indicator-cube comparison, sourced by bench/run (which defines bin, build, root, work,
# out, psql_ and starts PostgreSQL). run_cube LABEL SCALE DUCKDB_RUNS PG_RUNS SQLITE_RUNS
# generates the
# example province at SCALE counties × 2 school years, gives every engine the same
# student-years, checks that all of them give the same numbers in every cell, and appends the
# table of times, peak memory and ratios to $out/results.md.

cube_queries=(grouping_sets union_all pre_aggregated)
cube_key() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
cube_mib() { printf '%.0f MiB' "$(echo "$1 / 1024" | bc -l)"; }
cube_best() { sort -g | head -1; }

# PostgreSQL: load, then each query SQL_RUNS times as CREATE TEMP TABLE … AS; its cells.
cube_postgresql() {
  local dir=$1 runs=$2 q r
  psql_ -c "DROP TABLE IF EXISTS student_years" -c "CREATE TABLE student_years (year integer,
    county integer, township integer, school integer, sex integer, grade integer,
    end_status integer, next_level integer)"
  psql_ -c "\\copy student_years FROM '$dir/student_years.csv' WITH (FORMAT csv, HEADER true)"
  psql_ -c "VACUUM ANALYZE student_years"
  for q in "${cube_queries[@]}"; do
    {
      echo "SET work_mem = '2GB';"
      for r in $(seq "$runs"); do
        echo "DROP TABLE IF EXISTS cube_result;"
        echo "\\timing on"
        echo "CREATE TEMP TABLE cube_result AS"
        cat "$root/bench/cube/sql/$q.sql"
        echo ";"
        echo "\\timing off"
      done
      echo "\\copy (SELECT * FROM cube_result ORDER BY 1, 2, 3) TO '$dir/postgresql_$q.csv' WITH (FORMAT csv, HEADER true)"
      echo "SELECT 'peak_kb ' || (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmHWM:\\s+(\\d+)'))[1];"
    } > "$dir/postgresql_$q.sql"
    psql_ -At -f "$dir/postgresql_$q.sql" > "$dir/postgresql_$q.txt"
    printf '%s_best_seconds %s\n' "$q" "$(grep -o 'Time: [0-9.]*' "$dir/postgresql_$q.txt" |
      awk '{ print $2 / 1000 }' | cube_best)" >> "$dir/postgresql.txt"
    cube_key "$dir/postgresql_$q.txt" peak_kb | sed 's/^/peak_kb /' >> "$dir/postgresql.txt"
  done
}

# SQLite (no GROUPING SETS): load into a file, then each query SQL_RUNS times in one process.
cube_sqlite() {
  local dir=$1 runs=$2 q r db="$dir/student_years.sqlite"
  sqlite3 "$db" "CREATE TABLE student_years (year INTEGER, county INTEGER, township INTEGER,
    school INTEGER, sex INTEGER, grade INTEGER, end_status INTEGER, next_level INTEGER)"
  sqlite3 "$db" ".import --csv --skip 1 '$dir/student_years.csv' student_years"
  sqlite3 "$db" "UPDATE student_years SET township = NULL WHERE township = ''; ANALYZE;"
  for q in union_all pre_aggregated; do
    {
      echo "PRAGMA cache_size = -4000000;"
      echo "PRAGMA temp_store = MEMORY;"
      for r in $(seq "$runs"); do
        echo "DROP TABLE IF EXISTS temp.cube_result;"
        echo ".timer on"
        echo "CREATE TEMP TABLE cube_result AS"
        cat "$root/bench/cube/sql/$q.sql"
        echo ";"
        echo ".timer off"
      done
      echo ".headers on"
      echo ".mode csv"
      echo ".output '$dir/sqlite_$q.csv'"
      echo "SELECT * FROM cube_result ORDER BY 1, 2, 3;"
    } > "$dir/sqlite_$q.sql"
    /usr/bin/time -f "%M" -o "$dir/sqlite_$q.mem" sqlite3 "$db" < "$dir/sqlite_$q.sql" > "$dir/sqlite_$q.txt"
    printf '%s_best_seconds %s\npeak_kb %s\n' "$q" \
      "$(grep -o 'real [0-9.]*' "$dir/sqlite_$q.txt" | awk '{ print $2 }' | cube_best)" \
      "$(cat "$dir/sqlite_$q.mem")" >> "$dir/sqlite.txt"
  done
}

# "seconds query peak_kb" of the best query in a peer's key file.
cube_peer_best() {
  local file=$1 q t best="" best_q=""
  for q in "${cube_queries[@]}"; do
    t=$(cube_key "$file" "${q}_best_seconds")
    [ -n "$t" ] || continue
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; best_q=$q; fi
  done
  echo "$best $best_q $(cube_key "$file" peak_kb | sort -g | tail -1)"
}

run_cube() {
  local label=$1 scale=$2 duck_runs=$3 pg_runs=$4 sqlite_runs=$5
  local cb="$root/$build/bench/eduledger_cube_bench"
  local dir="$work/cube-$label"
  mkdir -p "$dir" && chmod 755 "$dir"
  [ -x "$cb" ] || { echo "bench/run: $cb not built" >&2; return 1; }

  "$bin" --db "$dir/register.db" demo --scale "$scale" --years 2 --no-forms >/dev/null
  "$cb" prepare "$dir/register.db" "$dir" > "$dir/prepare.txt"
  taskset -c 0 "$cb" engine "$dir/register.db" "$dir" 7 > "$dir/engine_one_core.txt"
  "$cb" engine "$dir/register.db" "$dir" 7 > "$dir/engine.txt"
  "$cb" loop "$dir" student 5 > "$dir/loop_student.txt"
  "$cb" loop "$dir" school 5 > "$dir/loop_school.txt"
  node "$root/bench/cube/duckdb_cube.mjs" "$dir" "$duck_runs" > "$dir/duckdb.txt"
  PGOPTIONS="-c client_min_messages=warning" cube_postgresql "$dir" "$pg_runs"
  cube_sqlite "$dir" "$sqlite_runs"
  # Last, as it writes to the register: one school's change, refreshed and recounted.
  "$cb" incremental "$dir/register.db" 7 > "$dir/incremental.txt"

  # Every engine and every query must give the engine's cells before any time is printed.
  local other agreed=0
  for other in loop_student loop_school duckdb_grouping_sets duckdb_union_all \
      duckdb_pre_aggregated postgresql_grouping_sets postgresql_union_all \
      postgresql_pre_aggregated sqlite_union_all sqlite_pre_aggregated; do
    "$cb" compare "$dir/engine.csv" "$dir/$other.csv" >/dev/null || {
      echo "bench/run: the cube of $other disagrees with EduLedger's (above)" >&2
      return 1
    }
    agreed=$((agreed + 1))
  done

  local rows cells schools el el1 el_kb
  rows=$(cube_key "$dir/prepare.txt" student_years)
  schools=$(cube_key "$dir/prepare.txt" schools)
  cells=$(cube_key "$dir/engine.txt" cells)
  el=$(cube_key "$dir/engine.txt" best_seconds)
  el1=$(cube_key "$dir/engine_one_core.txt" best_seconds)
  el_kb=$(cube_key "$dir/engine.txt" peak_kb)
  row() {  # name, how, seconds, peak
    printf '| %s | %s | %.4f | %s | %s |\n' "$1" "$2" "$3" "$4" \
      "$(if [ "$1" = "EduLedger" ]; then echo "—"; else printf '%.1f×' "$(echo "$3 / $el" | bc -l)"; fi)"
  }
  local duck pg lite
  read -r -a duck < <(cube_peer_best "$dir/duckdb.txt")
  read -r -a pg < <(cube_peer_best "$dir/postgresql.txt")
  read -r -a lite < <(cube_peer_best "$dir/sqlite.txt")
  {
  echo "### $label student-years"
  echo
  printf -- '- data: `demo --scale %d --years 2`: %d student-years, %d schools, %d counties, 2 school years; the same rows given to every engine (`bench/cube/`)\n' "$scale" "$rows" "$schools" "$scale"
  printf -- '- the cube: %d cells (county, township and school × school year × total, sex, grade; enrolled, dropped out, graduated, promoted, both rates); **all %d other results agree with EduLedger in every cell**\n' "$cells" "$agreed"
  printf -- '- snapshot built from the SQLite store in **%.2f s**; %.1f bytes per student-year in the student table, %.1f for the whole snapshot (staff, classes, store ids)\n' \
    "$(cube_key "$dir/prepare.txt" snapshot_seconds)" \
    "$(echo "$(cube_key "$dir/prepare.txt" student_table_bytes) / $rows" | bc -l)" \
    "$(echo "$(cube_key "$dir/prepare.txt" snapshot_bytes) / $rows" | bc -l)"
  printf -- '- one school changes (3 pupils of its %d student-years recorded as dropped out, in the store): **recount of the cube %.3f ms**, refreshing the snapshot from the store %.1f ms (medians of 7); the cube then agrees with a full rebuild in all %d cells\n' \
    "$(cube_key "$dir/incremental.txt" school_student_years)" \
    "$(echo "$(cube_key "$dir/incremental.txt" recount_median_seconds) * 1000" | bc -l)" \
    "$(echo "$(cube_key "$dir/incremental.txt" refresh_median_seconds) * 1000" | bc -l)" \
    "$(cube_key "$dir/incremental.txt" agree)"
  echo
  echo "| engine | how | seconds | peak RSS | EduLedger faster by |"
  echo "| --- | --- | ---: | ---: | ---: |"
  row "EduLedger" "engine::Cube, $(nproc) threads, best of 7 (process peak includes building the snapshot)" "$el" "$(cube_mib "$el_kb")"
  row "EduLedger on one core" "the same under taskset -c 0" "$el1" "$(cube_mib "$(cube_key "$dir/engine_one_core.txt" peak_kb)")"
  row "hand loop, school order" "one pass over the columns sorted by school, rolled up; best of 5" "$(cube_key "$dir/loop_school.txt" best_seconds)" "$(cube_mib "$(cube_key "$dir/loop_school.txt" peak_kb)")"
  row "hand loop, student order" "the same loop over rows in student order; best of 5" "$(cube_key "$dir/loop_student.txt" best_seconds)" "$(cube_mib "$(cube_key "$dir/loop_student.txt" peak_kb)")"
  row "DuckDB $(cube_key "$dir/duckdb.txt" version)" "2 threads, in memory; best query \`${duck[1]}\` of 3, best of $duck_runs" "${duck[0]}" "$(cube_mib "${duck[2]}")"
  row "PostgreSQL 15" "best query \`${pg[1]}\` of 3 (work_mem 2GB, parallel workers), best of $pg_runs" "${pg[0]}" "$(cube_mib "${pg[2]}") (backend)"
  row "SQLite $(sqlite3 --version | cut -d' ' -f1)" "best query \`${lite[1]}\` of 2, best of $sqlite_runs" "${lite[0]}" "$(cube_mib "${lite[2]}")"
  echo
  echo "Each query's best seconds: DuckDB $(grep _best_seconds "$dir/duckdb.txt" | sed 's/_best_seconds//' | tr '\n' ' ')· PostgreSQL $(grep _best_seconds "$dir/postgresql.txt" | sed 's/_best_seconds//' | tr '\n' ' ')· SQLite $(grep _best_seconds "$dir/sqlite.txt" | sed 's/_best_seconds//' | tr '\n' ' ')"
  echo
  } | tee -a "$out/results.md"
}
