// `radar evaluate` and `radar fit` on an export file with a label column: the --json fields (AUC
// with ties as one half and precision@k checked against a brute-force count over `radar score`'s
// scores), empty labels excluded and counted, --where, --control, --id, a bad label value (exit 2), a
// protected or label column as a feature (exit 2), and fit -> evaluate -> score on the model file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = process.env.RADAR_CLI || 'build/native/radar';
const model = 'assets/models/default.json';
const date = '2024-01-01';
const radar = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

// One CSV line into cells (quotes and doubled quotes as the demo writer writes them).
function cells(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; ++i; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

let folder;
let lines;       // the demo export's lines
let labelled;    // the export with risico, team and Nationaliteit columns
let rows;        // per data row: { id, label ('' | '0' | '1'), team }
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'radar-cli-evaluate-'));
  const demo = join(folder, 'demo.csv');
  assert.equal(radar('demo', '--out', demo, '--count', '300', '--date', date).status, 0);
  lines = readFileSync(demo, 'utf8').trimEnd().split('\n');
  const header = cells(lines[0]);
  const column = (name) => header.indexOf(name);
  const [id, complaints, serious] = ['dossier_id', 'complaints_12m', 'serious_shortcomings_last_inspection'].map(column);
  rows = lines.slice(1).map((line, i) => {
    const values = cells(line);
    const signal = Number(values[complaints] || 0) >= 2 || Number(values[serious] || 0) >= 1;
    const label = i % 25 === 0 ? '' : String(Number(signal) ^ Number(i % 9 === 0));
    return { id: values[id], label, team: i % 2 ? 'A' : 'B', control: i % 10 === 3 };
  });
  labelled = join(folder, 'labelled.csv');
  writeFileSync(labelled, [lines[0] + ',risico,team,Nationaliteit,steekproef',
    ...lines.slice(1).map((line, i) => `${line},${rows[i].label},${rows[i].team},${i % 3 ? 'BE' : 'NL'},` +
      (rows[i].control ? 'ja' : 'nee'))].join('\n') + '\n');
});
after(() => rmSync(folder, { recursive: true, force: true }));

// Raw score per dossier id from `radar score --json`.
function scores(data, modelFile) {
  const scored = radar('score', data, '--model', modelFile, '--json', '--top', '100000', '--date', date);
  assert.equal(scored.status, 0, scored.stderr);
  return new Map(JSON.parse(scored.stdout).top.map((row) => [row.dossier_id, row.raw_score]));
}

function bruteForceAuc(pairs) {
  let wins = 0;
  let count = 0;
  for (const p of pairs.filter((x) => x.positive))
    for (const n of pairs.filter((x) => !x.positive)) {
      ++count;
      wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
    }
  return wins / count;
}

// Expected positives in the top k when the rows tied at the k-th score are taken in random order.
function expectedPositivesAtK(pairs, k) {
  const sorted = [...pairs].sort((a, b) => b.score - a.score);
  const cut = sorted[k - 1].score;
  const above = sorted.filter((x) => x.score > cut);
  const tied = sorted.filter((x) => x.score === cut);
  return above.filter((x) => x.positive).length + (k - above.length) * tied.filter((x) => x.positive).length / tied.length;
}

test('radar evaluate --json: rows, positives, AUC (ties one half), precision and lift at k, empty labels counted', () => {
  const result = radar('evaluate', labelled, '--model', model, '--label', 'risico', '--json', '--date', date);
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  const known = rows.filter((row) => row.label !== '');
  const score = scores(labelled, model);
  const pairs = known.map((row) => ({ score: score.get(row.id), positive: row.label === '1' }));
  assert.equal(json.rows, known.length);
  assert.equal(json.positives, pairs.filter((x) => x.positive).length);
  assert.equal(json.excluded_empty_label, rows.length - known.length);
  assert.equal(json.k, Math.floor(known.length / 10));
  assert.ok(Math.abs(json.auc - bruteForceAuc(pairs)) < 1e-9, `${json.auc}`);
  const precision = expectedPositivesAtK(pairs, json.k) / json.k;
  assert.ok(Math.abs(json.precision_at_k - precision) < 1e-9);
  assert.ok(Math.abs(json.lift_at_k - precision / (json.positives / json.rows)) < 1e-9);
  assert.ok(json.precision_at_k_interval[0] <= json.precision_at_k && json.precision_at_k <= json.precision_at_k_interval[1]);
  assert.ok(json.lift_at_k_interval[0] <= json.lift_at_k && json.lift_at_k <= json.lift_at_k_interval[1]);
  assert.equal(json.base_rate_source, 'evaluated_rows');
  assert.equal(json.display_bands.reduce((sum, band) => sum + band.rows, 0), json.rows);

  const withK = JSON.parse(radar('evaluate', labelled, '--model', model, '--label', 'risico', '--json', '--k', '7',
    '--date', date).stdout);
  assert.equal(withK.k, 7);
  const text = radar('evaluate', labelled, '--model', model, '--label', 'risico', '--date', date);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /AUC: +0\.\d{3}/);
  assert.match(text.stdout, new RegExp(`${rows.length - known.length} rows with an empty label`));
});

test('--where keeps the matching rows (case-insensitive) and counts the others', () => {
  const result = radar('evaluate', labelled, '--model', model, '--label', 'risico', '--where', 'TEAM=a', '--json', '--date', date);
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.rows, rows.filter((row) => row.team === 'A' && row.label !== '').length);
  assert.equal(json.excluded_by_where, rows.filter((row) => row.team === 'B').length);
  assert.equal(radar('evaluate', labelled, '--model', model, '--label', 'risico', '--where', 'nope=1').status, 2);
});

test('--control: the base rate, lift and estimated recall come from the control sample', () => {
  const result = radar('evaluate', labelled, '--model', model, '--label', 'risico', '--control', 'steekproef=ja',
    '--json', '--date', date);
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  const control = rows.filter((row) => row.control && row.label !== '');
  const controlPositives = control.filter((row) => row.label === '1').length;
  assert.equal(json.base_rate_source, 'control_sample');
  assert.equal(json.control_rows, control.length);
  assert.equal(json.control_positives, controlPositives);
  assert.ok(Math.abs(json.base_rate - controlPositives / control.length) < 1e-12);
  assert.ok(Math.abs(json.lift_at_k - json.precision_at_k / json.base_rate) < 1e-9);
  assert.equal(json.population, rows.length);
  assert.ok(Math.abs(json.estimated_recall_at_k - json.positives_at_k / (json.base_rate * rows.length)) < 1e-9);
  const none = radar('evaluate', labelled, '--model', model, '--label', 'risico', '--control', 'steekproef=misschien');
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no labelled row matches/);
});

test('a label value that is no label stops with exit 2, naming the row and the value', () => {
  const bad = join(folder, 'bad-label.csv');
  writeFileSync(bad, readFileSync(labelled, 'utf8').replace(/,(1|0),([AB]),/, ',misschien,$2,'));
  const result = radar('evaluate', bad, '--model', model, '--label', 'risico', '--json');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /row \d+ \(dossier [^)]+\): label 'misschien'/);
  assert.equal(radar('evaluate', labelled, '--model', model, '--label', 'no_such_column').status, 2);
});

test('--id names the dossier-id column the dictionary does not recognise', () => {
  const renamed = join(folder, 'renamed-id.csv');
  const text = readFileSync(labelled, 'utf8');
  writeFileSync(renamed, text.replace(/^dossier_id,/, 'Referentie,'));
  assert.equal(radar('evaluate', renamed, '--model', model, '--label', 'risico', '--json').status, 2);
  const result = radar('evaluate', renamed, '--model', model, '--label', 'risico', '--id', 'Referentie', '--json', '--date', date);
  assert.equal(result.status, 0, result.stderr);
  const original = JSON.parse(radar('evaluate', labelled, '--model', model, '--label', 'risico', '--json', '--date', date).stdout);
  const json = JSON.parse(result.stdout);
  assert.equal(json.rows, original.rows);
  assert.equal(json.auc, original.auc);
});

test('radar fit refuses a protected field or the label column as a feature (exit 2)', () => {
  const out = join(folder, 'refused.json');
  const protectedFit = radar('fit', labelled, '--label', 'risico', '--features', 'complaints_12m,Nationaliteit', '--out', out);
  assert.equal(protectedFit.status, 2);
  assert.match(protectedFit.stderr, /protected/);
  const labelFit = radar('fit', labelled, '--label', 'risico', '--features', 'complaints_12m,risico', '--out', out);
  assert.equal(labelFit.status, 2);
  assert.match(labelFit.stderr, /label column/);
});

test('radar fit writes a model file that evaluate and score accept', () => {
  const fitted = join(folder, 'fitted.json');
  const fit = radar('fit', labelled, '--label', 'risico', '--features', 'complaints_12m,care_type,last_inspection_date',
    '--out', fitted, '--date', date, '--model-id', 'fitted-risico');
  assert.equal(fit.status, 0, fit.stderr);
  assert.match(fit.stdout, /lambda [\d.e-]+, chosen by k-fold cross-validation/);
  assert.match(fit.stdout, /complaints_12m\t-?\d/);
  assert.match(fit.stdout, /care_type=\S+\t0\t\(reference level/);
  const spec = JSON.parse(readFileSync(fitted, 'utf8'));
  assert.equal(spec.id, 'fitted-risico');
  assert.equal(spec.output.logistic, true);
  assert.equal(spec.output.display.mapping, 'probability');
  assert.deepEqual(spec.parameters.map((p) => p.transforms[0].type), ['linear', 'categorical', 'time_since']);
  const complaints = spec.parameters[0];
  assert.ok(complaints.weight > 0, 'more complaints, more risk: the label was built that way');

  const evaluated = radar('evaluate', labelled, '--model', fitted, '--label', 'risico', '--json', '--date', date);
  assert.equal(evaluated.status, 0, evaluated.stderr);
  const json = JSON.parse(evaluated.stdout);
  assert.ok(json.auc > 0.7, `${json.auc}`);
  assert.ok(json.calibration.length === 10);

  const scored = radar('score', labelled, '--model', fitted, '--json', '--top', '3', '--date', date);
  assert.equal(scored.status, 0, scored.stderr);
  const top = JSON.parse(scored.stdout).top[0];
  assert.ok(Math.abs(top.probability - 1 / (1 + Math.exp(-top.raw_score))) < 1e-12);
  assert.ok(Math.abs(top.display_score - 100 * top.probability) < 1e-9);
});

test('radar fit --period chooses lambda by temporal cross-validation; a text period is refused', () => {
  const out = join(folder, 'temporal.json');
  const fit = radar('fit', labelled, '--label', 'risico', '--features', 'complaints_12m,capacity', '--period', 'start_date',
    '--out', out, '--date', date);
  assert.equal(fit.status, 0, fit.stderr);
  assert.match(fit.stdout, /chosen by temporal cross-validation \(train on earlier periods, test on the next; 5 folds\)/);
  assert.match(JSON.parse(readFileSync(out, 'utf8')).description.en, /temporal cross-validation/);
  const textPeriod = radar('fit', labelled, '--label', 'risico', '--features', 'complaints_12m', '--period', 'name', '--out', out);
  assert.equal(textPeriod.status, 2);
  assert.match(textPeriod.stderr, /holds text/);
});
