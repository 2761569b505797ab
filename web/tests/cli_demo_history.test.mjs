// `radar demo-history` makes the year the browser's demo starts from (core/selection/demo_year):
// with --model-change-month the later batches name the revised version and the backup carries
// both versions with the revision active; --corrections corrects that many screenings; the
// report reads it; a change month outside the simulated months is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const radar = process.env.RADAR_CLI || 'build/native/radar';

function run(args) {
  return spawnSync(radar, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test('radar demo-history simulates a year with a model revision and corrections', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-demo-year-'));
  try {
    const history = join(folder, 'year.json');
    const made = run(['demo-history', '--start', '2025-12', '--months', '12', '--model-change-month', '7',
      '--corrections', '5', '--model', 'assets/models/default.json', '--out', history]);
    assert.equal(made.status, 0, made.stderr);
    const { content } = JSON.parse(readFileSync(history, 'utf8'));
    assert.equal(content.batches.length, 12);
    assert.equal(content.models.length, 2);
    const versions = content.batches.map((batch) => batch.model_version_id);
    assert.equal(new Set(versions.slice(0, 6)).size, 1);
    assert.equal(new Set(versions.slice(6)).size, 1);
    assert.notEqual(versions[0], versions[6], 'the batches from the seventh month name the revision');
    const revision = content.models.find((model) => model.value.version === 2);
    assert.ok(revision, 'version 2 is in the backup');
    assert.equal(content.settings.active_model, revision.id);
    assert.equal(content.events.filter((event) => event.kind === 'screening_corrected').length, 5);

    const report = run(['report', history, '--from', '2025-12', '--to', '2026-11', '--as-of', '2026-12-01', '--json']);
    assert.equal(report.status, 0, report.stderr);
    const figures = JSON.parse(report.stdout);
    assert.ok(figures.unique_dossiers > 100);
    assert.equal(figures.model_versions.length, 2);

    const again = join(folder, 'again.json');
    assert.equal(run(['demo-history', '--start', '2025-12', '--months', '12', '--model-change-month', '7',
      '--corrections', '5', '--model', 'assets/models/default.json', '--out', again]).status, 0);
    assert.deepEqual(JSON.parse(readFileSync(again, 'utf8')).content, content, 'the same year every time');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('radar demo-history refuses a model change outside the simulated months', () => {
  const refused = run(['demo-history', '--start', '2025-12', '--months', '6', '--model-change-month', '7',
    '--model', 'assets/models/default.json', '--out', join(tmpdir(), 'never-written.json')]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /--model-change-month/);
});
