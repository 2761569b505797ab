// The command line on real export files, not only on `demo`: `radar score`, `select` (with
// --freeze and --verify) and `report --data` read an export through the app's importer and field
// dictionary; a history that cannot be read is an error (exit 2), never an empty history; and a
// model reading a protected field is refused without any flag, also when the column was kept as an
// extra attribute by a mapping profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = process.env.RADAR_CLI || 'build/native/radar';
const model = 'assets/models/default.json';
const messy = 'tests/data/import/messy_export_cp1252.csv';
const radar = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

let folder;
let generated;  // 120 demo dossiers written as an export file
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'radar-cli-exports-'));
  const full = join(folder, 'demo.csv');
  assert.equal(radar('demo', '--out', full, '--count', '400').status, 0);
  generated = join(folder, 'export-120.csv');
  writeFileSync(generated, readFileSync(full, 'utf8').split('\n').slice(0, 121).join('\n') + '\n');
});
after(() => rmSync(folder, { recursive: true, force: true }));

// A copy of the generated export with more columns: `columns` maps a header to the values its
// rows take in turn.
function withColumns(columns) {
  const lines = readFileSync(generated, 'utf8').trimEnd().split('\n');
  const headers = Object.keys(columns);
  const path = join(folder, `with-${headers.join('-').replace(/\W/g, '')}.csv`);
  const cells = (i) => headers.map((header) => (i === 0 ? header : columns[header][i % columns[header].length]));
  writeFileSync(path, lines.map((line, i) => [line, ...cells(i)].join(',')).join('\n') + '\n');
  return path;
}
const withColumn = (header, values) => withColumns({ [header]: values });

// A model file that is the default model plus one parameter reading `field` as categories.
function modelReading(field, levels = { BE: 0 }) {
  const spec = JSON.parse(readFileSync(model, 'utf8'));
  spec.parameters.push({
    id: 'reads_protected', field, label: { nl: 'Beschermd', en: 'Protected' },
    transforms: [{ type: 'categorical', levels, default: 1 }], weight: 5,
    missing: { policy: 'unknown' }, rationale: { nl: 'Test', en: 'Test' },
  });
  const path = join(folder, `model-${field.replace(/\W/g, '')}-${Object.keys(levels).join('')}.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

test('radar score ranks every dossier of an export file, the messy one included', () => {
  const scored = radar('score', generated, '--model', model, '--json');
  assert.equal(scored.status, 0, scored.stderr);
  assert.equal(JSON.parse(scored.stdout).dossiers, 120);

  const fromMessy = radar('score', messy, '--model', model, '--top', '8');
  assert.equal(fromMessy.status, 0, fromMessy.stderr);
  assert.match(fromMessy.stdout, /8 dossiers/);
  assert.match(fromMessy.stdout, /KO-100001/);
});

test('radar select freezes a batch from an export file and --verify reproduces it on a later day', () => {
  const batch = join(folder, 'batch.json');
  const selected = radar('select', generated, '--model', model, '--month', '2026-11', '--date', '2026-11-02',
    '--size', '10', '--control', '3', '--freeze', batch, '--json');
  assert.equal(selected.status, 0, selected.stderr);
  const selection = JSON.parse(selected.stdout);
  assert.equal(selection.decision_counts.top_n, 10);
  assert.equal(selection.decision_counts.control, 3);
  assert.equal(JSON.parse(readFileSync(batch, 'utf8')).members.length, 13);

  const verified = radar('select', generated, '--model', model, '--month', '2026-11', '--verify', batch);
  assert.equal(verified.status, 0, verified.stderr + verified.stdout);
  assert.match(verified.stdout, /reproduced exactly: 13 members/);

  const fromMessy = radar('select', messy, '--model', model, '--month', '2026-11', '--size', '3', '--json');
  assert.equal(fromMessy.status, 0, fromMessy.stderr);
  assert.equal(JSON.parse(fromMessy.stdout).decision_counts.top_n, 3);
  assert.match(fromMessy.stderr, /3 rows were rejected/);
});

test('radar report --data reads an export file for the report\'s dossier attributes', () => {
  const history = join(folder, 'history.json');
  const made = radar('demo-history', '--start', '2026-06', '--months', '3', '--count', '400', '--model', model,
    '--out', history);
  assert.equal(made.status, 0, made.stderr);
  const report = radar('report', history, '--from', '2026-06', '--to', '2026-08', '--data', generated, '--json');
  assert.equal(report.status, 0, report.stderr);
  const figures = JSON.parse(report.stdout);
  assert.equal(figures.risk_labels.valid_months, 12);
  assert.ok(figures.risk_labels.current.total > 0, 'the demo history leaves current risk labels');
  const shorter = radar('report', history, '--from', '2026-06', '--to', '2026-08', '--as-of', '2026-12-01',
    '--label-months', '3', '--json');
  assert.equal(shorter.status, 0, shorter.stderr);
  const lapsed = JSON.parse(shorter.stdout).risk_labels;
  assert.equal(lapsed.valid_months, 3);
  assert.ok(lapsed.expired > 0, 'three months after June, June\'s labels have lapsed');
  assert.equal(radar('report', history, '--label-months', '0').status, 2);
  const missing = radar('report', history, '--data', join(folder, 'no-such-export.csv'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-export\.csv/);
});

test('a history or model file that cannot be read is an error with exit 2, never an empty history', () => {
  const noHistory = radar('select', generated, '--model', model, '--month', '2026-11', '--history',
    join(folder, 'missing-history.json'));
  assert.equal(noHistory.status, 2);
  assert.match(noHistory.stderr, /cannot read history/);

  const broken = join(folder, 'broken-history.json');
  writeFileSync(broken, '[{"type": ');
  assert.equal(radar('select', generated, '--model', model, '--month', '2026-11', '--history', broken).status, 2);
  assert.equal(radar('score', generated, '--model', join(folder, 'missing-model.json')).status, 2);
  for (const command of [['score', generated], ['select', generated, '--month', '2026-11']]) {
    const output = radar(...command, '--model', model, '--history', broken).stderr;
    assert.doesNotMatch(output, /not merged yet|for now/);
  }
});

test('a model reading a protected field is refused on an export without any flag, also when demoted', () => {
  const withNationality = withColumn('Nationaliteit', ['BE', 'NL', 'FR']);
  const nationality = radar('score', withNationality, '--model', modelReading('nationality'));
  assert.equal(nationality.status, 2);
  assert.match(nationality.stderr, /'nationality' is protected and can never be a model input/);

  const withBirthCountry = withColumn('Geboorteland', ['BE', 'MA', 'TR']);
  for (const command of ['score', 'select']) {
    const refused = radar(command, withBirthCountry, '--model', modelReading('country_of_birth'), '--month', '2026-11');
    assert.equal(refused.status, 2, `${command} must refuse`);
    assert.match(refused.stderr, /'country_of_birth' is protected/);
  }

  // Verifying a batch with such a model is refused too, not reported as a difference.
  const batch = join(folder, 'batch-for-protected.json');
  assert.equal(radar('select', withBirthCountry, '--model', model, '--month', '2026-11', '--freeze', batch).status, 0);
  const verify = radar('select', withBirthCountry, '--model', modelReading('country_of_birth'), '--month', '2026-11',
    '--verify', batch);
  assert.equal(verify.status, 2);
  assert.match(verify.stderr, /'country_of_birth' is protected/);

  // A mapping profile that keeps the column as an extra attribute under its own header: still protected.
  const profile = join(folder, 'keep-extra.json');
  writeFileSync(profile, JSON.stringify({ columns: [{ header: 'Geboorteland', field: null }] }));
  const demoted = radar('score', withBirthCountry, '--mapping', profile, '--model', modelReading('Geboorteland'));
  assert.equal(demoted.status, 2);
  assert.match(demoted.stderr, /'Geboorteland' is protected/);

  // The same model on data without the column names the missing field instead: the refusal above is
  // about protection, not absence.
  const absent = radar('score', generated, '--model', modelReading('Geboorteland'));
  assert.match(absent.stderr, /'Geboorteland' is not in the dataset/);
});

test('radar score warns, without refusing, when an input follows a protected column', () => {
  const file = withColumns({ Geboorteland: ['BE', 'MA', 'BE', 'TR'], Postcode: ['2000', '2060', '2000', '2060'] });
  const scored = radar('score', file, '--model', modelReading('Postcode', { 2000: 0 }), '--json');
  assert.equal(scored.status, 0, scored.stderr);
  assert.match(scored.stderr, /warning: parameter 'reads_protected' follows protected column 'country_of_birth' \(eta = 1\.00, threshold 0\.30\)/);
  const measures = JSON.parse(scored.stdout).proxy_measures;
  const postcode = measures.find((m) => m.parameter === 'reads_protected');
  assert.equal(postcode.protected_column, 'country_of_birth');
  assert.equal(postcode.warns, true);
  const complaints = measures.find((m) => m.parameter === 'complaints');
  assert.equal(complaints.warns, false, 'an input unrelated to the column does not warn');

  const plain = radar('score', generated, '--model', model, '--json');
  assert.doesNotMatch(plain.stderr, /warning/);
  assert.deepEqual(JSON.parse(plain.stdout).proxy_measures, []);
});
