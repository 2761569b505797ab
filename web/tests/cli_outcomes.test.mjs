// The command line on a history with outcomes (issue #17): `radar demo-history` writes outcome
// events, and `radar report` counts them (JSON and text), with the label definition stated next
// to the newly-found figures; the counts agree with the history file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const nativeBuild = process.env.RADAR_NATIVE_BUILD || 'build/native';
const radar = join(nativeBuild, 'radar');

function run(args) {
  const result = spawnSync(radar, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(result.status, 0, `radar ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

test('radar report counts the outcomes of a demo history and states the label definition', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-outcomes-'));
  try {
    const history = join(folder, 'history.json');
    run(['demo-history', '--start', '2024-01', '--months', '6', '--model', 'assets/models/default.json', '--out', history]);
    const { events } = JSON.parse(readFileSync(history, 'utf8')).content;  // a backup file
    const outcomes = events.filter((event) => event.kind === 'outcome_recorded');
    assert.ok(outcomes.length > 20, `${outcomes.length} outcomes`);
    const inPeriod = outcomes.filter((event) => event.outcome_date >= '2024-01-01' && event.outcome_date <= '2024-06-30');
    const byType = {};
    for (const event of inPeriod) byType[event.outcome_type] = (byType[event.outcome_type] || 0) + 1;

    const report = JSON.parse(run(['report', history, '--from', '2024-01', '--to', '2024-06', '--as-of', '2024-07-01',
                                   '--data', 'demo', '--json']));
    assert.equal(report.outcomes.total, inPeriod.length);
    for (const [type, count] of Object.entries(byType)) assert.equal(report.outcomes.by_type[type], count, type);
    assert.ok(report.outcomes.by_type.inspection > 0);
    assert.ok(report.outcomes.by_type.enforcement > 0);
    const found = report.risk_found;
    assert.equal(found.newly_found + found.already_known, found.risk_screenings);
    assert.ok(found.newly_found > 0 && found.already_known > 0);
    assert.equal(found.statement.nl, 'Risico bevestigd = ernstige tekorten of handhaving binnen 6 maanden na de screening');

    const text = run(['report', history, '--from', '2024-01', '--to', '2024-06', '--as-of', '2024-07-01', '--data', 'demo',
                      '--lang', 'en']);
    assert.match(text, /\[outcomes\]/);
    assert.match(text, /\[risk_found\]\n {2}\(Risk confirmed = serious shortcomings or enforcement within 6 months after the screening\)/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
