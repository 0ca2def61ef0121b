// The DuckDB peer of scripts/bench/compare.sh: runs a job file's load statements once and each
// query `repeat` times in one in-memory DuckDB, and prints the timings (seconds; the fastest run
// of each query) and the rows of the last run as JSON.
//   node duckdb_peer.mjs JOB.json     JOB = {"load": [{"name", "sql"}], "queries": [...], "repeat": 3}
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();

// BIGINT and HUGEINT come back as JavaScript bigints: keep their exact digits as strings.
const plain = (value) => (typeof value === 'bigint' ? value.toString() : value);

async function timed(sql) {
  const start = performance.now();
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRows();
  return { seconds: (performance.now() - start) / 1000, rows: rows.map((row) => row.map(plain)) };
}

const out = { version: null, load: {}, queries: {}, rows: {} };
out.version = (await timed('SELECT version()')).rows[0][0];
for (const step of job.load) out.load[step.name] = (await timed(step.sql)).seconds;
for (const query of job.queries) {
  let best = Infinity;
  let last = null;
  for (let i = 0; i < (job.repeat ?? 3); ++i) {
    last = await timed(query.sql);
    best = Math.min(best, last.seconds);
  }
  out.queries[query.name] = best;
  out.rows[query.name] = last.rows;
}
process.stdout.write(JSON.stringify(out));
