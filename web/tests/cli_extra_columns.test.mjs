// The command line reads extra columns of an export typed (issue #17): `radar import` names each
// extra column's inferred type, `radar score --model` scores a model reading an extra numeric,
// yes/no or category column, a type chosen in a mapping profile is used, and protected columns stay
// refused whatever their type, also with a custom field dictionary (`--fields`) that leaves them out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = process.env.RADAR_CLI || 'build/native/radar';
const model = 'assets/models/default.json';
const radar = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

let folder;
let exportFile;  // 60 demo dossiers with extra columns
const rows = 60;
// Row i (1-based) of the export: the fine is highest in row 37, so a model reading it puts that
// dossier first.
const fine = (i) => (i === 37 ? '9999.5' : `${(i * 7) % 50}.25`);
const licensed = (i) => (i % 3 === 0 ? 'nee' : 'ja');
const region = (i) => ['Oost', 'West', 'Zuid'][i % 3];
const age = (i) => String(30 + (i % 25));

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'radar-cli-extra-'));
  const full = join(folder, 'demo.csv');
  assert.equal(radar('demo', '--out', full, '--count', String(rows)).status, 0);
  const lines = readFileSync(full, 'utf8').trimEnd().split('\n');
  assert.ok(lines[0].includes(','), 'the demo export is comma separated');
  exportFile = join(folder, 'export.csv');
  writeFileSync(exportFile, lines.map((line, i) => (i === 0
    ? `${line},Boetebedrag,Vergund,Regio,Leeftijd`
    : `${line},${fine(i)},${licensed(i)},${region(i)},${age(i)}`)).join('\n') + '\n');
});
after(() => rmSync(folder, { recursive: true, force: true }));

// The default model plus one parameter on `field` with `transform`.
function modelReading(field, transform, weight = 1) {
  const spec = JSON.parse(readFileSync(model, 'utf8'));
  spec.parameters.push({
    id: 'extra', field, label: { nl: 'Extra', en: 'Extra' }, transforms: [transform], weight,
    missing: { policy: 'unknown' }, rationale: { nl: 'Test', en: 'Test' },
  });
  const path = join(folder, `model-${field}-${transform.type}-${weight}.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

const idOfRow = (i) => readFileSync(exportFile, 'utf8').split('\n')[i].split(',')[0];

test('radar import names the inferred type of every extra column', () => {
  const imported = radar('import', exportFile, '--json');
  assert.equal(imported.status, 0, imported.stderr);
  const types = Object.fromEntries(JSON.parse(imported.stdout).columns.filter((c) => c.extra).map((c) => [c.header, c.type]));
  assert.deepEqual(types, { Boetebedrag: 'number', Vergund: 'boolean', Regio: 'category' });
  const age = JSON.parse(imported.stdout).columns.find((c) => c.header === 'Leeftijd');
  assert.equal(age.field, 'date_of_birth', 'an age column maps to the protected field');
  const text = radar('import', exportFile);
  assert.match(text.stdout, /Boetebedrag \(number\), Vergund \(boolean\), Regio \(category\)/);
});

test('radar score ranks by a model reading an extra numeric, yes/no or category column', () => {
  const plain = JSON.parse(radar('score', exportFile, '--model', model, '--json', '--top', '1').stdout);
  const byFine = radar('score', exportFile, '--model', modelReading('Boetebedrag', { type: 'linear' }), '--json', '--top', '1');
  assert.equal(byFine.status, 0, byFine.stderr);
  const top = JSON.parse(byFine.stdout).top[0];
  assert.equal(top.dossier_id, idOfRow(37), 'the largest fine comes first');
  assert.notEqual(plain.top[0].dossier_id, top.dossier_id, 'the extra input changed the ranking');

  const byLicence = radar('score', exportFile, '--model', modelReading('Vergund', { type: 'boolean' }, -500), '--json');
  assert.equal(byLicence.status, 0, byLicence.stderr);
  const byRegion = radar('score', exportFile, '--json', '--model',
    modelReading('Regio', { type: 'categorical', levels: { Oost: 0, West: 0, Zuid: 1000 }, default: 0 }));
  assert.equal(byRegion.status, 0, byRegion.stderr);
  // Rows with i % 3 === 2 are "Zuid" and licensed ("ja"): the 1000 points put one of them first.
  const first = JSON.parse(byRegion.stdout).top[0].dossier_id;
  const zuid = Array.from({ length: rows }, (_, k) => k + 1).filter((i) => i % 3 === 2).map(idOfRow);
  assert.ok(zuid.includes(first), `${first} is a Zuid dossier`);
});

test('a type chosen in a mapping profile is used: a number read as text cannot feed a linear input', () => {
  const profile = join(folder, 'profile.json');
  writeFileSync(profile, JSON.stringify({ name: 'tekst', columns: [{ header: 'Boetebedrag', field: null, type: 'text' }] }));
  const imported = JSON.parse(radar('import', exportFile, '--mapping', profile, '--json').stdout);
  const column = imported.columns.find((c) => c.header === 'Boetebedrag');
  assert.equal(column.type, 'text');
  assert.equal(column.type_chosen, true);
  const scored = radar('score', exportFile, '--mapping', profile, '--model', modelReading('Boetebedrag', { type: 'linear' }));
  assert.notEqual(scored.status, 0);
  assert.match(scored.stderr, /Boetebedrag/);
});

test('a protected extra column is refused whatever its type, also with a custom dictionary', () => {
  // Kept as an extra attribute, the age column is a whole number, and still protected.
  const profile = join(folder, 'age-extra.json');
  writeFileSync(profile, JSON.stringify({ columns: [{ header: 'Leeftijd', field: null }] }));
  const imported = JSON.parse(radar('import', exportFile, '--mapping', profile, '--json').stdout);
  const age = imported.columns.find((c) => c.header === 'Leeftijd');
  assert.deepEqual([age.extra, age.type, age.protected], [true, 'whole_number', true]);
  const byAge = radar('score', exportFile, '--mapping', profile, '--model', modelReading('Leeftijd', { type: 'linear' }));
  assert.notEqual(byAge.status, 0);
  assert.match(byAge.stderr, /'Leeftijd' is protected and can never be a model input/);

  // A dictionary of its own without any protected field keeps the built-in ones protected.
  const fields = join(folder, 'fields.json');
  writeFileSync(fields, JSON.stringify({ version: 1, fields: [
    { name: 'dossier_id', type: 'text', label: { nl: 'Dossiernummer', en: 'Dossier id' }, id: true, required: true },
    { name: 'fine', type: 'number', label: { nl: 'Boetebedrag', en: 'Fine' } },
  ] }));
  const withCustom = JSON.parse(radar('import', exportFile, '--fields', fields, '--json').stdout);
  assert.equal(withCustom.columns.find((c) => c.header === 'Boetebedrag').field, 'fine');
  assert.equal(withCustom.columns.find((c) => c.header === 'Leeftijd').protected, true);
  const custom = radar('score', exportFile, '--fields', fields, '--model',
    modelReading('date_of_birth', { type: 'categorical', levels: { 30: 1 }, default: 0 }));
  assert.notEqual(custom.status, 0);
  assert.match(custom.stderr, /protected and can never be a model input/);
  const onField = radar('score', exportFile, '--fields', fields, '--json', '--top', '1',
    '--model', modelReading('fine', { type: 'linear' }));
  assert.equal(onField.status, 0, onField.stderr);
});
