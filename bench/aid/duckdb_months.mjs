// DuckDB's side of the ledger-months benchmark (bench/run): load DIR/payment_months.csv into an
// in-memory database, then time bench/aid/months.sql RUNS times with two threads. Prints "key
// value" lines; writes the cells, sorted, to DIR/duckdb_months.csv.
//
// Usage: node bench/aid/duckdb_months.mjs DIR RUNS
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, runsText] = process.argv.slice(2);
if (!dir || !runsText) {
  console.error('usage: node duckdb_months.mjs DIR RUNS');
  process.exit(2);
}
const sql = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'months.sql'), 'utf8');
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const csv = join(dir, 'payment_months.csv').replaceAll("'", "''");
await db.run(`CREATE TABLE payment_months AS SELECT * FROM read_csv('${csv}', header = true,
  columns = {'school': 'BIGINT', 'township': 'BIGINT', 'county': 'BIGINT', 'year': 'INTEGER',
             'month': 'INTEGER', 'amount': 'DOUBLE', 'state': 'VARCHAR'})`);
for (let i = 0; i < Number(runsText); ++i) {
  await db.run('DROP TABLE IF EXISTS cells');
  const start = process.hrtime.bigint();
  await db.run(`CREATE TABLE cells AS ${sql}`);
  console.log(`run_seconds ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(6)}`);
}
const out = join(dir, 'duckdb_months.csv').replaceAll("'", "''");
await db.run(`COPY (SELECT org, year, month, payments, printf('%.2f', amount) AS amount FROM cells
  ORDER BY org, year, month) TO '${out}' (HEADER)`);
console.log(`peak_kb ${process.resourceUsage().maxRSS}`);
