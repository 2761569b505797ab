// Measures a JavaScript peer on one CSV file in its own node process, so memory figures do not mix:
//   node bench/import/peer.mjs papaparse|d3-dsv|duckdb FILE [RUNS]
// Like radar's import_bench, the work is repeated RUNS times in the process: the first run is
// cold (V8 still compiling the JavaScript, or DuckDB's own wasm, into its optimising tier), the
// best one warm. Reading the file is included; start-up is not. Prints one JSON line: first and
// best wall and CPU seconds, rows, peak resident memory of the process.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [peer, file, runsText] = process.argv.slice(2);
const runs = Math.max(1, Number(runsText) || 1);

// CPU seconds of this process (all threads): steadier than wall time on a shared machine.
function cpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

// Runs `once` (which returns the row count) `runs` times; prints the first and the best times.
async function measure(once) {
  let best = null;
  for (let i = 0; i < runs; ++i) {
    const start = performance.now();
    const cpuStart = cpuSeconds();
    const rows = await once(i);
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSeconds() - cpuStart;
    best = best ? { ...best, seconds: Math.min(best.seconds, seconds), cpu_seconds: Math.min(best.cpu_seconds, cpu) }
                : { rows, first_seconds: seconds, first_cpu_seconds: cpu, seconds, cpu_seconds: cpu };
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ ...best, peak_memory_bytes: peak }));
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
  db.registerFileURL('export.csv', file, duck.DuckDBDataProtocol.NODE_FS, false);
  // The same typed work as radar's importer: ';', decimal commas, day-first dates.
  await measure((i) => {
    if (i > 0) conn.query(`DROP TABLE t${i - 1}`);
    conn.query(`CREATE TABLE t${i} AS SELECT * FROM read_csv('export.csv', delim=';', header=true, quote='"', ` +
               `escape='"', decimal_separator=',', dateformat='%d/%m/%Y')`);
    return Number(conn.query(`SELECT count(*) AS n FROM t${i}`).toArray()[0].n);
  });
}

if (peer === 'papaparse') {
  const Papa = require('papaparse');
  await measure(() => Papa.parse(fs.readFileSync(file, 'utf8'), { delimiter: ';', skipEmptyLines: true }).data.length - 1);
} else if (peer === 'd3-dsv') {
  const { dsvFormat } = await import('d3-dsv');
  await measure(() => dsvFormat(';').parseRows(fs.readFileSync(file, 'utf8')).length - 1);
} else if (peer === 'duckdb') {
  await duckdb();
} else {
  console.error('usage: node bench/import/peer.mjs papaparse|d3-dsv|duckdb FILE [RUNS]');
  process.exit(2);
}
