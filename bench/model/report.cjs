// Prints the model benchmark table from the JSON results bench/model/run wrote.
// usage: node report.cjs RESULTS_DIR SIZE...
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const [dir, ...sizes] = process.argv.slice(2);
const load = (kind, n) => JSON.parse(fs.readFileSync(path.join(dir, `${kind}_${n}.json`), 'utf8'));
const ms = (value) => value.toFixed(value < 10 ? 2 : 1).padStart(9);
const ratio = (value) => `${value.toFixed(1)}x`.padStart(9);

// Same dossiers in the same order with the same scores (to 1e-9) in both lists.
function agree(a, b) {
  return a.length === b.length && a.every(([id, score], i) => id === b[i][0] && Math.abs(score - b[i][1]) < 1e-9);
}

console.log(`\nModel re-score + re-rank after a weight change (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})`);
console.log('engine, one weight: check the edited model, re-score the dossiers whose points for it changed, read the top 100 and the movement of the top 25 (the sort of the moved dossiers and their merge into the whole order left pending)');
console.log('engine, whole order: the same, then the whole order read (the merge finished): the work the previous path did per edit');
console.log('engine, full: two weights changed (as a model switch): re-score every dossier, rank every dossier');
console.log('DuckDB-wasm: the same score as one SQL expression, ORDER BY score DESC, dossier_id LIMIT 100');
console.log('times are medians in ms\n');
console.log('dossiers  changed   native  native    native     wasm     wasm     wasm  (rank)   duckdb  duckdb/wasm  whole/1 weight  top-100 agree');
console.log('            rows     full  1 weight   whole     full  1 weight    whole                    (1 weight)   (wasm)');
const verdicts = [];
for (const n of sizes) {
  const native = load('native', n);
  const wasm = load('wasm', n);
  const duck = load('duckdb', n);
  const speedup = duck.query_ms_median / wasm.update_ms_median;
  const same = agree(native.top, wasm.top) && agree(native.top, duck.top);
  console.log(`${String(n).padStart(8)} ${String(wasm.changed_rows).padStart(8)} ${ms(native.full_ms_median)} ${ms(native.update_ms_median)}` +
              ` ${ms(native.whole_order_ms_median)} ${ms(wasm.full_ms_median)} ${ms(wasm.update_ms_median)}` +
              ` ${ms(wasm.whole_order_ms_median)} ${ms(wasm.rank_ms_median)}` +
              ` ${ms(duck.query_ms_median)} ${ratio(speedup)}    ${ratio(wasm.whole_order_ms_median / wasm.update_ms_median)}` +
              `       ${same ? 'yes' : 'NO'}`);
  verdicts.push(`${n}: wasm ${speedup >= 20 ? 'meets' : 'MISSES'} the >= 20x target vs DuckDB-wasm (${speedup.toFixed(1)}x)`);
  verdicts.push(`${n}: wasm one weight of '${wasm.sparse_parameter}' (${wasm.sparse_changed_rows} dossiers with points): ` +
                `${wasm.sparse_ms_median.toFixed(2)} ms (max ${wasm.sparse_ms_max.toFixed(2)} ms); native ${native.sparse_ms_median.toFixed(2)} ms`);
  for (const [edit, name] of [['cap', 'cap_parameter'], ['threshold', 'threshold_parameter']])
    if (wasm[name]) verdicts.push(`${n}: wasm one ${edit} of '${wasm[name]}': ${wasm[`${edit}_ms_median`].toFixed(2)} ms ` +
                                  `(max ${wasm[`${edit}_ms_max`].toFixed(2)} ms); native ${native[`${edit}_ms_median`].toFixed(2)} ms`);
  verdicts.push(`${n}: build in ${wasm.build_steps} steps, longest ${wasm.build_step_ms_max.toFixed(1)} ms in wasm ` +
                `(${native.build_step_ms_max.toFixed(1)} ms native)`);
  verdicts.push(`${n}: wasm one-weight re-score + top of the ranking ${wasm.update_ms_median.toFixed(2)} ms ` +
                `(max ${wasm.update_ms_max.toFixed(2)} ms; with the whole order ${wasm.whole_order_ms_median.toFixed(2)} ms, ` +
                `${(wasm.whole_order_ms_median / wasm.update_ms_median).toFixed(1)}x; full ${wasm.full_ms_median.toFixed(2)} ms, ` +
                `${(wasm.full_ms_median / wasm.update_ms_median).toFixed(1)}x; wasm/native ${(wasm.update_ms_median / native.update_ms_median).toFixed(1)}x) ` +
                `${wasm.update_ms_max < 16 ? 'fits' : 'does NOT fit'} a 16 ms frame`);
}
console.log('\none-time costs (ms)');
console.log('dossiers  native compile  wasm compile  duckdb csv load  duckdb first query');
for (const n of sizes) {
  const native = load('native', n);
  const wasm = load('wasm', n);
  const duck = load('duckdb', n);
  console.log(`${String(n).padStart(8)} ${ms(native.compile_ms).padStart(15)} ${ms(wasm.compile_ms).padStart(13)}` +
              ` ${ms(duck.load_ms).padStart(16)} ${ms(duck.first_query_ms).padStart(19)}`);
}
console.log('');
for (const line of verdicts) console.log(line);
const duckVersion = load('duckdb', sizes[0]).version;
console.log(`DuckDB ${duckVersion} (duckdb-wasm node blocking build), node ${process.version}`);
