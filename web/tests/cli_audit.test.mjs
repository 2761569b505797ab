// `radar audit` end to end (issue #18): on a demo history it prints every grouping with its
// reference group, band and "too few to judge" marks, the agreement of the double coding and the
// automation bias; --json carries the same; --group, --reference and --band are honoured and an
// unknown column fails listing the available ones. Frozen batches carry their audit at commit and
// their double-coding share, and `radar audit` shows what each batch recorded.
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

function ok(args) {
  const result = run(args);
  assert.equal(result.status, 0, `radar ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

test('radar audit on a demo history: groupings, agreement, disagreements and automation bias', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-audit-'));
  try {
    const history = join(folder, 'history.json');
    ok(['demo-history', '--start', '2024-01', '--months', '6', '--model', 'assets/models/default.json', '--out', history]);
    const { events } = JSON.parse(readFileSync(history, 'utf8')).content;
    const secondCodes = events.filter((event) => event.kind === 'screening_coded' && event.second_blind_code);
    const adjudications = events.filter((event) => event.kind === 'adjudication_recorded');
    assert.ok(secondCodes.length >= 15, `${secondCodes.length} second codes`);
    assert.equal(adjudications.length, 2);

    const audit = JSON.parse(ok(['audit', history, '--data', 'demo', '--as-of', '2025-01-01', '--json']));
    assert.deepEqual(audit.groupings.map((grouping) => grouping.grouping),
                     ['province', 'care_type', 'organiser_size', 'municipality']);
    const province = audit.groupings[0];
    assert.equal(province.reference_rule, 'largest group');
    assert.equal(province.batches.length, 6);
    const selected = province.pooled.groups.reduce((sum, group) => sum + group.selected, 0);
    assert.equal(selected, province.pooled.selected);
    assert.ok(audit.groupings[3].pooled.groups.some((group) => group.too_few_to_judge));
    assert.equal(audit.agreement.second_codes, secondCodes.length);
    assert.equal(audit.agreement.adjudicated, 2);
    assert.ok(audit.agreement.overall.kappa.value !== null);
    assert.equal(audit.agreement.overall.kappa.interval.length, 2);
    assert.equal(audit.agreement.by_pair[0].screeners, 'Demo / Demo 2');
    assert.ok(audit.agreement.awaiting_adjudication.length >= 1);
    assert.equal(audit.automation_bias.blind.by_band.length, 4);

    const text = ok(['audit', history, '--data', 'demo', '--as-of', '2025-01-01', '--group', 'Provincie',
                     '--reference', 'Limburg', '--band', '0.9-1.1']);
    assert.match(text, /## groepering \/ grouping: province\n {2}referentiegroep \/ reference group: Limburg \(gekozen \/ chosen\)/);
    assert.match(text, /eerlijke band \/ fair band: 0\.90 - 1\.10/);
    assert.match(text, /Cohen's kappa: -?\d\.\d{3} \(95% bootstrap/);
    assert.match(text, /## meningsverschillen die wachten op beslechting \/ disagreements awaiting adjudication: \d+/);
    assert.match(text, /## automatiseringsbias \/ automation bias/);

    const unknown = run(['audit', history, '--data', 'demo', '--group', 'kleur']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no column 'kleur' to group by; available: name, organiser_id, municipality, province/);
    const lonely = run(['audit', history, '--data', 'demo', '--reference', 'Limburg']);
    assert.equal(lonely.status, 2);
    assert.match(lonely.stderr, /--reference names a group of one grouping: give --group COLUMN too/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('every frozen batch carries its audit and its double-coding share; radar audit shows what each recorded', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-commit-audit-'));
  try {
    const batchFile = join(folder, 'batch.json');
    ok(['select', 'demo', '--model', 'assets/models/default.json', '--month', '2024-03', '--control', '4',
        '--control-seed', '7', '--double-coding', '20', '--double-coding-min', '5', '--freeze', batchFile]);
    const batch = JSON.parse(readFileSync(batchFile, 'utf8'));
    assert.equal(batch.schema_version, 2);
    assert.deepEqual(batch.settings.double_coding, { share: 0.2, minimum: 5 });
    const recorded = batch.audit_at_commit;
    assert.deepEqual(recorded.fair_band, { low: 0.8, high: 1.25 });
    assert.deepEqual(recorded.groupings.map((grouping) => grouping.grouping),
                     ['province', 'care_type', 'organiser_size', 'municipality']);
    for (const grouping of recorded.groupings) {
      const selected = grouping.groups.reduce((sum, group) => sum + group.selected, 0);
      const control = grouping.groups.reduce((sum, group) => sum + group.control, 0);
      assert.equal(selected, 25, grouping.grouping);
      assert.equal(control, 4, grouping.grouping);
      assert.equal(grouping.groups.filter((group) => group.reference).length, 1);
    }
    const verified = run(['select', 'demo', '--model', 'assets/models/default.json', '--month', '2024-03',
                          '--verify', batchFile]);
    assert.equal(verified.status, 0, verified.stderr);
    const bad = run(['select', 'demo', '--model', 'assets/models/default.json', '--month', '2024-03',
                     '--double-coding', '150']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--double-coding must be a percentage, 0 to 100/);

    const history = join(folder, 'history.json');
    ok(['demo-history', '--start', '2024-01', '--months', '3', '--model', 'assets/models/default.json', '--out', history]);
    const { batches } = JSON.parse(readFileSync(history, 'utf8')).content;
    assert.ok(batches.every((each) => each.audit_at_commit.groupings.length === 4));
    const audit = JSON.parse(ok(['audit', history, '--data', 'demo', '--as-of', '2024-06-01', '--json']));
    assert.deepEqual(audit.batches_at_commit.map((each) => each.month), ['2024-01', '2024-02', '2024-03']);
    assert.deepEqual(audit.batches_at_commit[0].audit_at_commit, batches[0].audit_at_commit);
    const text = ok(['audit', history, '--data', 'demo', '--as-of', '2024-06-01', '--from', '2024-02']);
    assert.match(text, /## audit bij het vastleggen van elke batch \/ the audit each batch was frozen with\n\n {2}\[batch 2024-02 \(2024-02\)/);
    assert.match(text, /province \(referentie \/ reference [^)]+\): /);
    assert.doesNotMatch(text, /\[batch 2024-01 /);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
