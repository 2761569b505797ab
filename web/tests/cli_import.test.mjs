// The command line import (`radar import`): the same messy export the browser test uses gives the
// same counts, machine-readable with --json, problems in Dutch with --lang nl, a diagnostics CSV,
// and exit code 1 because rows were rejected; bad arguments exit with 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = process.env.RADAR_CLI || 'build/native/radar';
const fixture = 'tests/data/import/messy_export_cp1252.csv';
const run = (...args) => spawnSync(cli, ['import', ...args], { encoding: 'utf8' });

test('radar import reports the messy export like the app, in JSON or in Dutch, and exits 1 for rejected rows', () => {
  const json = run(fixture, '--json');
  assert.equal(json.status, 1, 'rows were rejected');
  const report = JSON.parse(json.stdout);
  assert.equal(report.encoding, 'windows-1252');
  assert.equal(report.summary.rows_read, 11);
  assert.equal(report.summary.rows_imported, 8);
  assert.equal(report.summary.rows_rejected, 3);
  const duplicate = report.diagnostics.find((d) => d.reason === 'duplicate_id');
  assert.equal(duplicate.detail, 'the same id is already in row 3');
  assert.equal(duplicate.detail_nl, 'hetzelfde id staat al in rij 3');

  const folder = mkdtempSync(join(tmpdir(), 'radar-cli-import-'));
  try {
    const csv = join(folder, 'diagnostics.csv');
    const dutch = run(fixture, '--lang', 'nl', '--diagnostics', csv);
    assert.equal(dutch.status, 1);
    assert.match(dutch.stdout, /rows {8}read 11, imported 8 \(4 with warnings\), rejected 3/);
    assert.match(dutch.stdout, /hetzelfde id staat al in rij 3/);
    assert.doesNotMatch(dutch.stdout, /the same id is already/);
    assert.match(readFileSync(csv, 'utf8'), /hetzelfde id staat al in rij 3/);
    const english = run(fixture, '--diagnostics', csv);
    assert.match(english.stdout, /the same id is already in row 3/);
    assert.match(readFileSync(csv, 'utf8'), /the same id is already in row 3/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  assert.equal(run(fixture, '--lang', 'de').status, 2);
  assert.equal(run('no/such/file.csv').status, 2);
});
