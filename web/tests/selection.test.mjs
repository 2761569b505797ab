// Browser test of the monthly selection (issue #5): the native CLI selects the same dossiers in
// the same order as the app's preview; the reference date moves the preview to next month,
// where the coded dossiers are held back by the cooldown; a committed batch is reproduced by
// the "check" button; closing a batch lists its uncoded dossiers first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget } from './browser.mjs';

const cli = process.env.RADAR_CLI || 'build/native/radar';
const info = (page) => page.evaluate(() => window.radar.info());

// Polls info() until `check` holds (store callbacks arrive asynchronously).
async function waitFor(page, check, what) {
  for (let i = 0; i < 200; i++) {
    const current = await info(page);
    if (check(current)) return current;
    await nextFrames(page);
  }
  assert.fail('timed out waiting for ' + what + ': ' + JSON.stringify((await info(page)).batches ?? {}));
}

// The first day of the month after an ISO date.
function nextMonth(isoDate) {
  const [year, month] = isoDate.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

// `radar select` on the demo data the app generates: the same dossier count, export date (the
// first of the reference month, the CLI's default) and reference date, scored by the same model.
function cliSelection(state) {
  const output = execFileSync(cli, [
    'select', 'demo', '--model', 'assets/models/default.json', '--count', String(state.dossiers),
    '--month', state.selection.referenceDate.slice(0, 7), '--date', state.selection.referenceDate, '--json',
  ], { encoding: 'utf8' });
  return JSON.parse(output);
}

test('the CLI selects the same batch as the app, and next month holds the coded dossiers back', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    const preview = await info(page);
    assert.equal(preview.selection.referenceDate, preview.referenceDate, 'the selection date starts at today');
    assert.equal(preview.selection.selected.length, 25);

    const fromCli = cliSelection(preview);
    assert.equal(fromCli.batch_id, preview.selection.batchId);
    assert.deepEqual(fromCli.selected.map((item) => item.dossier_id), preview.selection.selected);

    // An invalid date typed in the field is refused with a message; the preview keeps its month.
    await clickWidget(page, 'selection-date');
    await page.keyboard.down('Control');
    await pressKey(page, 'a');
    await page.keyboard.up('Control');
    await page.keyboard.type('2026-13-45');
    await pressKey(page, 'Enter');
    let state = await info(page);
    assert.equal(state.selection.referenceDate, preview.referenceDate);
    await page.screenshot({ path: join(screenshotFolder, 'selection-date-invalid.png') });

    // Commit this month's batch and code its first two dossiers.
    await clickWidget(page, 'commit-batch');
    await waitFor(page, (s) => s.batches.length === 1, 'the batch commit');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    const queue = (await info(page)).screening.queue.map((item) => item.id);
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitFor(page, (s) => s.screening.queue[0].code === 'risico', 'the first decision');
    await pressKey(page, 'j');
    await pressKey(page, '3');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => s.batches[0].coded === 2, 'the second decision');
    const coded = state.screening.queue.filter((item) => item.code).map((item) => item.id);
    const uncoded = queue.filter((id) => !coded.includes(id));
    assert.equal(coded.length, 2);

    // The check re-runs the rule with the batch's recorded inputs.
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    await clickWidget(page, 'tab:batches');
    await clickWidget(page, 'check-batch:' + preview.selection.batchId);
    state = await waitFor(page, (s) => s.batches[0].check !== undefined, 'the check');
    assert.deepEqual(state.batches[0].check, { outcome: 'reproduced', differences: [], modelVersion: 1 });

    // Next month: a regular batch in which the coded dossiers are held back by the cooldown and
    // the uncoded ones still wait in the open batch.
    const next = nextMonth(preview.referenceDate);
    assert.equal(await page.evaluate((date) => window.radar.setSelectionDate(date), next), true);
    await nextFrames(page);
    state = await info(page);
    assert.equal(state.selection.referenceDate, next);
    assert.equal(state.selection.batchId, next.slice(0, 7));
    assert.equal(state.selection.supplementary, false);
    for (const id of coded) {
      const held = state.selection.heldBack.find((item) => item.id === id);
      assert.ok(held, id + ' is held back');
      assert.equal(held.decision, 'cooldown');
      assert.match(held.reason, /cooldown until/);
    }
    for (const id of queue) assert.ok(!state.selection.selected.includes(id), id + ' is not selected again');
    assert.equal(state.referenceDate, preview.referenceDate, 'the screening date stays today');
    await page.screenshot({ path: join(screenshotFolder, 'selection-next-month.png') });

    // Closing the batch lists the uncoded dossiers first, then frees them for next month.
    await clickWidget(page, 'close-batch:' + preview.selection.batchId);
    await nextFrames(page);  // the dialog sizes itself in its first frame
    await page.screenshot({ path: join(screenshotFolder, 'selection-close-confirm.png') });
    await clickWidget(page, 'close-confirm');
    state = await waitFor(page, (s) => s.batches[0].open === false, 'the batch close');
    assert.deepEqual(state.batches[0].uncodedAtClose, uncoded);
    assert.equal(state.events, 1 + 2 + 1 + 1, 'batch, two codes, one follow-up, the close');
    const uncodedSelected = uncoded.filter((id) => state.selection.selected.includes(id));
    assert.ok(uncodedSelected.length > 0, 'uncoded dossiers of the closed batch can be selected again');
    for (const id of coded) assert.ok(!state.selection.selected.includes(id), id + ' stays in cooldown');
    await page.screenshot({ path: join(screenshotFolder, 'selection-closed.png') });

    assert.equal(await page.evaluate(() => window.radar.setSelectionDate('2026-02-30')), false);
    assert.equal(await page.evaluate(() => window.radar.setSelectionDate('')), true);
    await nextFrames(page);
    assert.equal((await info(page)).selection.referenceDate, preview.referenceDate);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

// An ISO date `days` after another.
function addDays(isoDate, days) {
  const date = new Date(isoDate + 'T12:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('a batch checked 40 days later, with another model version active, is reproduced', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    const preview = await info(page);
    await clickWidget(page, 'commit-batch');
    const committed = await waitFor(page, (s) => s.batches.length === 1, 'the batch commit');
    assert.equal(committed.batches[0].scoresAsOf, preview.referenceDate);

    // Forty days later, same dataset: the ranking's scores moved (ages are counted to the new day).
    const later = addDays(preview.referenceDate, 40);
    assert.equal(await page.evaluate(() => window.radar.setToday('2026-02-30')), false);
    assert.equal(await page.evaluate((date) => window.radar.setToday(date), later), true);
    await nextFrames(page);
    let state = await info(page);
    assert.equal(state.referenceDate, later);
    assert.notDeepEqual(state.top.map((row) => row.score), preview.top.map((row) => row.score), 'the scores changed');

    // And another model version is active now.
    assert.equal(await page.evaluate(() => window.radar.setWeight('subsidy_recovery', 12)), true);
    assert.equal(await page.evaluate(() => window.radar.saveVersion('Tester', 'later weights')), 2);

    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    await clickWidget(page, 'tab:batches');
    await clickWidget(page, 'check-batch:' + preview.selection.batchId);
    state = await waitFor(page, (s) => s.batches[0].check !== undefined, 'the check');
    assert.deepEqual(state.batches[0].check, { outcome: 'reproduced', differences: [], modelVersion: 1 });
    await page.screenshot({ path: join(screenshotFolder, 'selection-check-40-days-later.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
