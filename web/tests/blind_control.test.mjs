// Browser test of blind screening (issue #15): a batch with a control sample is screened in one
// shuffled queue; before a dossier's code is saved the screening screen shows no sample, no kind,
// no score, no rank and no reasons; after saving the reasons show; the stored coding event says
// whether the reasons had been seen (false when coded blind, true after the ranking's panel).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openApp, nextFrames, pressKey, screenshotFolder, clickWidget, radarInfo as info, waitForInfo as waitFor, isCoded, shownText,
} from './browser.mjs';


// Types a number into the control-sample field (its input is at the left of its box).
async function setControlSize(page, size) {
  const box = (await info(page)).widgets['control-size'];
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  await page.mouse.click((box.left + 30) / ratio, (box.top + box.bottom) / 2 / ratio);
  await nextFrames(page);
  await page.keyboard.down('Control');
  await pressKey(page, 'a');
  await page.keyboard.up('Control');
  await page.keyboard.type(String(size));
  await pressKey(page, 'Enter');
}

// What the screening screen must not show before a code is saved, in either language.
const revealing = [
  [/steekproef/i, 'the control sample (Dutch)'],
  [/\bcontrol/i, 'the control sample (English)'],
  [/\b(rang|rank) \d/i, 'a rank'],
  [/Waarom deze score|Why this score/, 'the reasons'],
];

function revealed(text) {
  return revealing.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

test('a batch with a control sample is screened blind, and the coding event says so', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    await setControlSize(page, 5);
    const preview = await waitFor(page, (state) => state.selection?.selected.length === 30, 'a preview with 5 control dossiers');

    await clickWidget(page, 'commit-batch');
    const committed = await waitFor(page, (state) => state.batches.length === 1, 'the batch commit');
    assert.equal(committed.batches[0].blind, true);
    assert.ok(Number.isSafeInteger(committed.batches[0].controlSeed));

    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    let state = await info(page);
    assert.equal(state.screening.blind, true);
    const queue = state.screening.queue;
    assert.deepEqual([...queue.map((item) => item.id)].sort(), [...preview.selection.selected].sort(), 'every member is in the queue');
    assert.notDeepEqual(queue.map((item) => item.id), preview.selection.selected, 'the queue is shuffled');
    const controlPositions = queue.map((item, position) => (item.control ? position : -1)).filter((p) => p >= 0);
    assert.equal(controlPositions.length, 5);
    assert.ok(controlPositions.some((position) => position < 25), 'control dossiers are not gathered at the end');
    const first = state.screening.dossier;
    assert.equal(first, queue[0].id, 'the screen starts at the first dossier of the shuffled queue');

    for (const language of ['nl', 'en']) {
      await page.evaluate((code) => window.radar.setLanguage(code), language);
      await nextFrames(page);
      const text = await shownText(page);
      assert.match(text, language === 'nl' ? /blind screenen/ : /blind screening/);
      assert.deepEqual(revealed(text), [], `${language} before coding:\n${text}`);
    }
    await page.evaluate(() => window.radar.setLanguage('nl'));
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'blind-screening-before.png') });

    // Geen risico without a note (the score band is not known, so no note is asked), then back to it.
    await pressKey(page, '2');
    await pressKey(page, 'Enter');
    await waitFor(page, isCoded(first), 'the blind decision');
    await waitFor(page, (s) => s.screening.dossier !== first, 'the move to the next dossier');
    const second = (await info(page)).screening.dossier;
    assert.equal(second, queue[1].id);
    await pressKey(page, 'k');
    state = await waitFor(page, (s) => s.screening.dossier === first, 'the way back');
    const after = await shownText(page);
    assert.match(after, /Waarom deze score/);
    assert.match(after, /rang \d+ van/);
    await page.screenshot({ path: join(screenshotFolder, 'blind-screening-after.png') });

    // A dossier whose reasons were open in the ranking's panel is recorded as seen. It must not be
    // the one already coded blind: the queue is shuffled by a random seed, so the list's top
    // dossier is the first of the queue in one run out of thirty.
    const topDossier = preview.selection.selected.find((id) => id !== first);
    await page.evaluate(() => window.radar.showScreen('ranking'));
    await page.evaluate((id) => window.radar.setFilter(id), topDossier);
    await nextFrames(page);
    await pressKey(page, 'ArrowDown');
    state = await waitFor(page, (s) => s.selected === topDossier, 'the dossier in the panel');
    await page.evaluate(() => window.radar.setFilter(''));
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    for (let i = 0; i < queue.length && (await info(page)).screening.dossier !== topDossier; i++) await pressKey(page, 'j');
    assert.equal((await info(page)).screening.dossier, topDossier);
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitFor(page, isCoded(topDossier), 'the decision after the panel');

    // The stored events, as the backup file holds them.
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitFor(page, (s) => s.backup.status !== undefined, 'the storage status');
    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'backup-export');
    const backup = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    const codedEvent = (id) => backup.content.events.find((event) => event.kind === 'screening_coded' && event.dossier_id === id);
    assert.equal(codedEvent(first).reasons_seen, false);
    assert.equal(codedEvent(topDossier).reasons_seen, true);
    const frozen = backup.content.batches.find((batch) => batch.batch_id === preview.selection.batchId);
    assert.equal(frozen.settings.control_seed, committed.batches[0].controlSeed);
    assert.equal(frozen.settings.control_size, 5);
    assert.equal(frozen.scores_as_of, preview.referenceDate);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
