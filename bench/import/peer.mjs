// One measurement of a JavaScript peer on one CSV file, in its own node process so memory
// figures do not mix: node bench/import/peer.mjs papaparse|d3-dsv|duckdb FILE
// Prints one JSON line: seconds (reading the file included, start-up and warm-up excluded),
// rows, peak resident memory of the process.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [peer, file] = process.argv.slice(2);

function report(seconds, rows) {
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ seconds, rows, peak_memory_bytes: peak }));
}

async function duckdb() {
  const duck = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duck.createDuckDB(bundles, new duck.VoidLogger(), duck.NODE_RUNTIME);
  await db.instantiate(() => {});
  const conn = db.connect();
  // Warm-up on a tiny file: the first query of a fresh instance pays one-time costs.
  const warm = path.join(path.dirname(file), 'warmup.csv');
  fs.writeFileSync(warm, 'a;b\n1;2\n');
  db.registerFileURL('warmup.csv', warm, duck.DuckDBDataProtocol.NODE_FS, false);
  conn.query("CREATE TABLE w AS SELECT * FROM read_csv('warmup.csv', delim=';', header=true)");
  db.registerFileURL('export.csv', file, duck.DuckDBDataProtocol.NODE_FS, false);
  // The same typed work as our importer: ';', decimal commas, day-first dates.
  const start = performance.now();
  conn.query("CREATE TABLE t AS SELECT * FROM read_csv('export.csv', delim=';', header=true, quote='\"', " +
             "escape='\"', decimal_separator=',', dateformat='%d/%m/%Y')");
  const seconds = (performance.now() - start) / 1000;
  const rows = Number(conn.query('SELECT count(*) AS n FROM t').toArray()[0].n);
  report(seconds, rows);
}

if (peer === 'papaparse') {
  const Papa = require('papaparse');
  const start = performance.now();
  const result = Papa.parse(fs.readFileSync(file, 'utf8'), { delimiter: ';', skipEmptyLines: true });
  report((performance.now() - start) / 1000, result.data.length - 1);
} else if (peer === 'd3-dsv') {
  const { dsvFormat } = await import('d3-dsv');
  const start = performance.now();
  const rows = dsvFormat(';').parseRows(fs.readFileSync(file, 'utf8'));
  report((performance.now() - start) / 1000, rows.length - 1);
} else if (peer === 'duckdb') {
  await duckdb();
} else {
  console.error('usage: node bench/import/peer.mjs papaparse|d3-dsv|duckdb FILE');
  process.exit(2);
}
