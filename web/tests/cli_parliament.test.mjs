// `radar report --data` answers the parliamentary question (issue #19) for the period: in the
// JSON (both paragraphs and every figure), the printable HTML (the question, the answer in Dutch
// and English and its table), the text and the CSV tables; the figures add up against the
// history itself. A real export as --data is not marked as synthetic demo data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const radar = process.env.RADAR_CLI || 'build/native/radar';

function run(args) {
  const result = spawnSync(radar, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `radar ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

test('radar report --data answers the parliamentary question in the JSON, HTML, text and CSV', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-parliament-'));
  try {
    const history = join(folder, 'history.json');
    run(['demo-history', '--start', '2026-01', '--months', '9', '--model', 'assets/models/default.json', '--out', history]);
    const period = ['--from', '2026-01', '--to', '2026-09', '--as-of', '2026-12-01'];

    const { parliamentary_question: answer } = JSON.parse(run(['report', history, ...period, '--data', 'demo', '--json']).stdout);
    assert.ok(answer, 'the report JSON answers the question');
    assert.equal(answer.from, '2026-01-01');
    assert.equal(answer.to, '2026-09-30');
    const byCode = answer.by_code.risico + answer.by_code.verder_onderzoek_nodig + answer.by_code.geen_risico;
    assert.equal(byCode, answer.screened_by_data_mining);
    assert.equal(answer.possible_risk, answer.by_code.risico + answer.by_code.verder_onderzoek_nodig);
    assert.ok(answer.screened_control_sample_only > 0, 'the demo has a control sample');
    assert.equal(answer.coverage.dossiers, 2400);

    // The list's dossiers counted from the history itself: screened in a batch as a list member.
    const { content } = JSON.parse(readFileSync(history, 'utf8'));
    const listMembers = new Map();
    for (const batch of content.batches)
      for (const member of batch.members) if (member.kind !== 'control') listMembers.set(`${batch.batch_id}/${member.dossier_id}`, true);
    const screened = new Set(content.events
      .filter((event) => event.kind === 'screening_coded' && !event.second_blind_code &&
              listMembers.has(`${event.batch_id}/${event.dossier_id}`) && event.screening_date <= '2026-09-30')
      .map((event) => event.dossier_id));
    assert.equal(answer.screened_by_data_mining, screened.size);
    assert.match(answer.answer_nl, new RegExp(`^Van 1 januari 2026 tot en met 30 september 2026 werden ${screened.size} unieke dossiers op basis van de datamining onder de loep genomen`));
    assert.match(answer.answer_en, /Coverage: \d+ of the 2400 dossiers \(\d+\.\d%\) were screened in the 12 months/);

    const html = run(['report', history, ...period, '--data', 'demo', '--html']).stdout;
    assert.match(html, /<section class="parliament" id="parliamentary-question">/);
    assert.match(html, /Schriftelijke vraag nr\. 133 van 4 december 2023/);
    assert.match(html, /<p lang="en" id="parliament-en">From 1 January 2026/);
    assert.match(html, /data-table="parliamentary_question"/);
    assert.match(html, /SYNTHETISCHE DEMODATA/);

    const text = run(['report', history, ...period, '--data', 'demo', '--lang', 'en']).stdout;
    assert.match(text, /\[parliamentary_question\]/);
    assert.match(text, /Unique dossiers screened on the basis of the data mining\t\d+/);

    const tables = join(folder, 'tables');
    mkdirSync(tables);
    run(['report', history, ...period, '--data', 'demo', '--csv', '--out', tables]);
    assert.ok(readdirSync(tables).includes('parliamentary_question.csv'));

    const without = spawnSync(radar, ['report', history, ...period, '--json'], { encoding: 'utf8' });
    assert.equal(JSON.parse(without.stdout).parliamentary_question, undefined);
    assert.match(without.stderr, /the parliamentary question's answer need --data/);

    // A real export as --data: no synthetic badge on the page.
    const exportFile = join(folder, 'export.csv');
    run(['demo', '--count', '50', '--out', exportFile]);
    const real = run(['report', history, ...period, '--data', exportFile, '--html']).stdout;
    assert.doesNotMatch(real, /SYNTHETISCHE DEMODATA/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
