// DuckDB's side of the 零疏漏 benchmark (bench/run): load DIR/roll.csv, DIR/payments.csv and
// DIR/levels.csv into an in-memory database, then time bench/aid/uncovered.sql RUNS times
// with two threads. Prints "key value" lines; writes the students it lists, sorted, to
// DIR/duckdb.txt.
//
// Usage: node bench/aid/duckdb_aid.mjs DIR RUNS
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, runsText] = process.argv.slice(2);
if (!dir || !runsText) {
  console.error('usage: node duckdb_aid.mjs DIR RUNS');
  process.exit(2);
}
const runs = Number(runsText);
const sql = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'uncovered.sql'), 'utf8');

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const csv = (name) => join(dir, name).replaceAll("'", "''");
await db.run(`CREATE TABLE roll AS SELECT * FROM read_csv('${csv('roll.csv')}', header = true,
  columns = {'student_id': 'BIGINT', 'school_year': 'INTEGER', 'org_unit_id': 'BIGINT',
             'grade': 'INTEGER', 'school_type': 'INTEGER', 'flags': 'INTEGER',
             'joined_on': 'VARCHAR'})`);
await db.run(`CREATE TABLE payments AS SELECT * FROM read_csv('${csv('payments.csv')}',
  header = true, columns = {'student': 'BIGINT', 'programme': 'VARCHAR', 'term': 'VARCHAR',
                            'paid_on': 'VARCHAR', 'state': 'VARCHAR'})`);
await db.run(`CREATE TABLE levels AS SELECT * FROM read_csv('${csv('levels.csv')}', header = true,
  columns = {'school_type': 'INTEGER', 'grade': 'INTEGER', 'programme': 'VARCHAR'})`);
const count = async (t) => (await db.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0][0];
console.log(`roll ${await count('roll')}`);
console.log(`payments ${await count('payments')}`);
console.log(`version ${(await db.runAndReadAll('SELECT version()')).getRows()[0][0]}`);

const times = [];
for (let i = 0; i < runs; ++i) {
  await db.run('DROP TABLE IF EXISTS uncovered');
  const start = process.hrtime.bigint();
  await db.run(`CREATE TABLE uncovered AS ${sql}`);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
for (const t of times) console.log(`run_seconds ${t.toFixed(6)}`);
const rows = (await db.runAndReadAll('SELECT student_id FROM uncovered ORDER BY 1')).getRows();
writeFileSync(join(dir, 'duckdb.txt'), rows.map((r) => `${r[0]}\n`).join(''));
console.log(`uncovered ${rows.length}`);
console.log(`peak_kb ${process.resourceUsage().maxRSS}`);
