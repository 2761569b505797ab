// Prints the evaluation benchmark table from the JSON lines bench/evaluation/run wrote.
// usage: node report.cjs RESULTS.jsonl
'use strict';
const fs = require('fs');
const os = require('os');

const lines = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
};
const of = (target, pick) => median(lines.filter((line) => line.target === target).map(pick));
const rows = [
  ['fit, lambda fixed (design + 1 fit)', (l) => l.fit.single_fit_ms],
  ['fit, lambda by 5-fold CV (42 fits)', (l) => l.fit.cross_validated_fit_ms],
  ['backtest: scores as of 36 month starts', (l) => l.backtest.scoring_ms],
  ['backtest: 36 months of metrics', (l) => l.backtest.backtest_ms],
  ['backtest: total', (l) => l.backtest.total_ms],
];
const first = lines[0];
console.log(`\nEvaluation benchmark (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}, node ${process.version}, ` +
            `${lines.length / 2} runs, medians)`);
console.log(`fit: ${first.fit.rows} rows x ${first.fit.features} features, ${first.fit.single_fit_iterations} Newton iterations; ` +
            `backtest: ${first.backtest.dossiers} demo dossiers, ${first.backtest.months} months, batch ${first.backtest.batch}\n`);
console.log('step'.padEnd(42) + 'native ms'.padStart(11) + 'wasm ms'.padStart(11) + 'wasm/native'.padStart(13));
for (const [name, pick] of rows) {
  const native = of('native', pick);
  const wasm = of('wasm', pick);
  console.log(name.padEnd(42) + native.toFixed(1).padStart(11) + wasm.toFixed(1).padStart(11) +
              `${(wasm / native).toFixed(2)}x`.padStart(13));
}
const agree = lines.every((line) => Math.abs(line.fit.first_coefficient - first.fit.first_coefficient) < 1e-9);
console.log(`\nnative and wasm fits agree (first coefficient to 1e-9): ${agree ? 'yes' : 'NO'}`);
