// `radar report` with the audit (issue #18): on a demo history with --data demo, the JSON carries
// the period's audit (agreement, automation bias with reasons opened, every grouping), the HTML
// page its "Eerlijkheid en consistentie" section with a disparity chart per grouping, and the
// text the audit as `radar audit` prints it; without --data the report is as before and one line
// says the audit needs --data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const radar = process.env.RADAR_CLI || 'build/native/radar';

function run(args) {
  const result = spawnSync(radar, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `radar ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

const count = (text, part) => text.split(part).length - 1;

test('radar report --data demo carries the audit in the JSON, the HTML page and the text', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-report-audit-'));
  try {
    const history = join(folder, 'history.json');
    run(['demo-history', '--start', '2024-01', '--months', '6', '--model', 'assets/models/default.json', '--out', history]);
    const period = ['--from', '2024-01', '--to', '2024-06', '--as-of', '2025-01-01'];

    const report = JSON.parse(run(['report', history, ...period, '--data', 'demo', '--json']).stdout);
    assert.ok(report.audit, 'the report JSON has an audit');
    assert.deepEqual(report.audit.period, { from: '2024-01', to: '2024-06' });
    assert.equal(report.audit.labels_as_of, '2025-01-01');
    assert.deepEqual(report.audit.groupings.map((grouping) => grouping.grouping),
                     ['province', 'care_type', 'organiser_size', 'municipality']);
    assert.equal(report.audit.groupings[0].batches.length, 6);
    assert.ok(report.audit.agreement.overall.units > 0);
    assert.equal(report.audit.agreement.overall.kappa.interval.length, 2);
    assert.equal(report.audit.agreement.adjudicated, 2);
    assert.equal(report.audit.automation_bias.blind.by_band.length, 4);
    assert.ok('reasons_opened' in report.audit.automation_bias);
    // The same audit as `radar audit` over the same months and day.
    const audit = JSON.parse(run(['audit', history, '--data', 'demo', '--from', '2024-01', '--to', '2024-06',
                                  '--as-of', '2025-01-01', '--json']).stdout);
    // (radar audit also lists what each batch recorded at its commit; the report does not.)
    const { batches_at_commit: recordedAtCommit, ...periodAudit } = audit;
    assert.equal(recordedAtCommit.length, 6);
    assert.deepEqual(report.audit, periodAudit);

    const html = run(['report', history, ...period, '--data', 'demo', '--lang', 'en', '--html']).stdout;
    assert.match(html, /<section class="audit" id="audit"><h2>Fairness and consistency<\/h2>/);
    assert.match(html, /<th>Cohen&#39;s kappa<\/th><td>-?\d\.\d\d \(95% bootstrap /);
    assert.match(html, /Thresholds: kappa ≥ 0\.61 substantial/);
    assert.match(html, /Reasons opened before coding: /);
    assert.equal(count(html, '<figure class="chart disparity"'), 4);
    const groups = audit.groupings.reduce((sum, grouping) => sum + grouping.pooled.groups.length, 0);
    assert.equal(count(html, '<g class="group"'), groups);
    assert.match(html, /too few to judge/);
    assert.doesNotMatch(html, /<script|https?:\/\/|NaN/);
    const dutch = run(['report', history, ...period, '--data', 'demo', '--html']).stdout;
    assert.match(dutch, /<h2>Eerlijkheid en consistentie<\/h2>/);

    const text = run(['report', history, ...period, '--data', 'demo']).stdout;
    assert.match(text, /## groepering \/ grouping: province/);
    assert.match(text, /redenen geopend voor het coderen \/ reasons opened before coding: /);

    // Without --data: the report as before, and one line saying why the audit is not there.
    const plain = run(['report', history, ...period, '--json']);
    assert.equal(JSON.parse(plain.stdout).audit, undefined);
    assert.match(plain.stderr, /the audit \(fairness and consistency\) and the parliamentary question's answer need --data demo\|FILE: not included/);
    const plainHtml = run(['report', history, ...period, '--html']);
    assert.doesNotMatch(plainHtml.stdout, /id="audit"/);
    const plainText = run(['report', history, ...period]).stdout;
    assert.match(plainText, /\(the audit \(fairness and consistency\) and the parliamentary question's answer need --data demo\|FILE: not included\)\n$/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
