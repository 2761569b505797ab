// DuckDB-wasm peer of the model benchmark (node, blocking build: no workers). Loads the demo CSV
// into a table, then runs one ranking query per weight change and reports the query times and
// the final top rows as one JSON object.
// usage: node duckdb_bench.cjs CSV_FILE STATEMENTS_JSON   (STATEMENTS_JSON from `bench_model sql`)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
const duckdb = require(path.join(dist, 'duckdb-node-blocking.cjs'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
  const [csvFile, statementsFile] = process.argv.slice(2);
  if (!csvFile || !statementsFile) {
    console.error('usage: node duckdb_bench.cjs CSV_FILE STATEMENTS_JSON');
    process.exit(2);
  }
  const statements = JSON.parse(fs.readFileSync(statementsFile, 'utf8'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const connection = db.connect();
  const version = connection.query('SELECT version() AS v').toArray()[0].toJSON().v;

  let start = performance.now();
  db.registerFileBuffer('demo.csv', new Uint8Array(fs.readFileSync(csvFile)));
  connection.query(statements.create);
  const loadMs = performance.now() - start;
  const rows = Number(connection.query('SELECT count(*) AS n FROM dossiers').toArray()[0].toJSON().n);

  // The first query also plans and warms caches; it is timed separately, like the engine's compile.
  start = performance.now();
  connection.query(statements.queries[0]);
  const firstMs = performance.now() - start;
  const times = [];
  let last = null;
  for (const query of statements.queries.slice(1)) {
    start = performance.now();
    last = connection.query(query);
    times.push(performance.now() - start);
  }
  const top = last.toArray().map((row) => {
    const value = row.toJSON();
    return [value.dossier_id, Number(value.score)];
  });
  connection.close();
  process.stdout.write(JSON.stringify({
    runtime: 'duckdb-wasm', version, dossiers: rows, iterations: times.length, load_ms: loadMs,
    first_query_ms: firstMs, query_ms_median: median(times), query_ms_min: Math.min(...times),
    query_ms_max: Math.max(...times), top,
  }) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
