// DuckDB's side of the cube benchmark (bench/run): load DIR/student_years.csv into an
// in-memory database, then time each query of sql/ that DuckDB runs, RUNS times, with two
// threads. Prints "key value" lines; writes each query's cells to DIR/duckdb_QUERY.csv.
//
// Usage: node bench/cube/duckdb_cube.mjs DIR RUNS
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, runsText] = process.argv.slice(2);
if (!dir || !runsText) {
  console.error('usage: node duckdb_cube.mjs DIR RUNS');
  process.exit(2);
}
const runs = Number(runsText);
const sqlDir = join(dirname(fileURLToPath(import.meta.url)), 'sql');
const queries = ['grouping_sets', 'union_all', 'pre_aggregated'];

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const csv = join(dir, 'student_years.csv').replaceAll("'", "''");
await db.run(`CREATE TABLE student_years AS SELECT * FROM read_csv('${csv}', header = true,
  columns = {'year': 'INTEGER', 'county': 'INTEGER', 'township': 'INTEGER', 'school': 'INTEGER',
             'sex': 'INTEGER', 'grade': 'INTEGER', 'end_status': 'INTEGER',
             'next_level': 'INTEGER'})`);
const loaded = await db.runAndReadAll('SELECT count(*) FROM student_years');
console.log(`rows ${loaded.getRows()[0][0]}`);
console.log(`version ${(await db.runAndReadAll('SELECT version()')).getRows()[0][0]}`);

for (const name of queries) {
  const sql = readFileSync(join(sqlDir, `${name}.sql`), 'utf8');
  const times = [];
  for (let i = 0; i < runs; ++i) {
    await db.run('DROP TABLE IF EXISTS cube_result');
    const start = process.hrtime.bigint();
    await db.run(`CREATE TABLE cube_result AS ${sql}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}_best_seconds ${times[0].toFixed(6)}`);
  const out = join(dir, `duckdb_${name}.csv`).replaceAll("'", "''");
  await db.run(`COPY (SELECT * FROM cube_result ORDER BY year, org, cell) TO '${out}' (HEADER)`);
}
console.log(`peak_kb ${process.resourceUsage().maxRSS}`);
