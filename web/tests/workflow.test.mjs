// Browser test of the screening workflow (issue #6, test 8): commit a batch, code three demo
// dossiers with the keyboard, correct one, reload, and find the codes, the note, and the
// cooldown in the next selection preview, and the report's figures. Everything goes through the
// real store (IndexedDB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openApp, nextFrames, pressKey, screenshotFolder, radarInfo as info, waitForInfo as waitFor, clickWidget as click,
} from './browser.mjs';

// A decision is saved once the store confirmed it; the screen then moves on to the next dossier.
const saved = (id) => (state) => state.screening?.queue.find((item) => item.id === id)?.code !== undefined;
// A batch's progress in info().batches, without what its frozen record adds (checked apart).
const progressOf = ({ id, coded, total, open }) => ({ id, coded, total, open });

test('a batch coded with the keyboard survives a reload and puts its dossiers in cooldown', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const opened = await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    assert.equal(opened.storage.mode, 'writer');
    assert.equal(opened.events, 0);
    await page.evaluate(() => window.radar.setScreener('Tester'));
    assert.equal(await page.evaluate(() => window.radar.showScreen('selection')), true);
    await nextFrames(page);
    const preview = await info(page);
    assert.equal(preview.screen, 'selection');
    assert.equal(preview.selection.supplementary, false);
    assert.equal(preview.selection.selected.length, 25);
    await page.screenshot({ path: join(screenshotFolder, 'selection.png') });

    await click(page, 'commit-batch');
    const committed = await waitFor(page, (state) => state.batches.length === 1, 'the batch commit');
    assert.equal(committed.batches[0].total, 25);
    assert.equal(committed.events, 1);
    assert.deepEqual(progressOf(committed.batches[0]), { id: preview.selection.batchId, coded: 0, total: 25, open: true });
    // The frozen record: scored as of today, a seed from the browser's cryptographic source (below
    // 2^53), and no control sample, so the batch is not screened blind.
    const { scoresAsOf, controlSeed, blind } = committed.batches[0];
    assert.equal(scoresAsOf, preview.referenceDate);
    assert.ok(Number.isSafeInteger(controlSeed) && controlSeed >= 0, String(controlSeed));
    assert.equal(blind, false);

    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    let state = await info(page);
    const queue = state.screening.queue.map((item) => item.id);
    assert.deepEqual(queue, preview.selection.selected);
    assert.equal(state.screening.dossier, queue[0]);

    // 1 = Risico for the top dossier: no note needed.
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitFor(page, saved(queue[0]), 'the first decision');

    // 2 = Geen risico for a top-10% dossier (the next one, moved to after saving): refused without
    // a note, saved with one.
    assert.equal((await info(page)).screening.dossier, queue[1]);
    await pressKey(page, '2');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => s.screening.refusal !== '', 'the refusal without a note');
    assert.equal(state.screening.dossier, queue[1]);
    assert.match(state.screening.refusal, /note is required|notitie is verplicht/i);
    assert.equal(state.screening.saveStatus, null);
    await page.screenshot({ path: join(screenshotFolder, 'screening-note-required.png') });
    await click(page, 'note');
    await page.keyboard.type('Recent bezoek zonder tekortkomingen');
    await pressKey(page, 'Enter');
    await waitFor(page, saved(queue[1]), 'the second decision');

    // 3 = Verder onderzoek nodig: the default follow-up (inspection visit in a month).
    await pressKey(page, '3');
    await pressKey(page, 'Enter');
    await waitFor(page, saved(queue[2]), 'the third decision');
    // Back to it (the screen moved on): its follow-up is shown open; marking it done is one more event.
    await waitFor(page, (s) => s.screening.dossier === queue[3], 'the move to the next dossier');
    await pressKey(page, 'k');
    await click(page, 'follow-up-done');
    await waitFor(page, (s) => s.events === 6, 'the follow-up marked done');

    // Correct the first: back with K, "Corrigeren", new code 2 with a note and a reason.
    await pressKey(page, 'k');
    await pressKey(page, 'k');
    await click(page, 'correct');
    await pressKey(page, '2');
    await click(page, 'note');
    await page.keyboard.type('Handhaving afgerond');
    await click(page, 'reason');
    await page.keyboard.type('Verkeerde code gekozen');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => saved(queue[0])(s) && s.screening.queue[0].code === 'geen_risico', 'the correction');
    assert.equal(state.events, 1 + 1 + 1 + 2 + 1 + 1, 'batch, three codes, a follow-up and its update, a correction');
    await page.screenshot({ path: join(screenshotFolder, 'screening.png') });

    await page.reload();
    await page.evaluate(() => window.radar.ready);
    state = await waitFor(page, (s) => s.storage.loaded && s.events === 7, 'the reloaded store');
    assert.deepEqual(state.batches.map(progressOf), [{ id: preview.selection.batchId, coded: 3, total: 25, open: true }]);
    assert.equal(state.batches[0].controlSeed, controlSeed, 'the recorded seed survives the reload');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    state = await info(page);
    const coded = state.screening.queue.slice(0, 3);
    assert.deepEqual(coded.map((item) => item.code), ['geen_risico', 'geen_risico', 'verder_onderzoek_nodig']);
    assert.equal(coded[0].corrected, true);
    assert.equal(coded[0].note, 'Handhaving afgerond');
    assert.equal(coded[1].note, 'Recent bezoek zonder tekortkomingen');
    assert.equal(state.screening.queue[3].code, undefined);

    // The next preview (a supplementary batch this month) holds the coded dossiers back.
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    state = await info(page);
    assert.equal(state.selection.supplementary, true);
    const held = state.selection.heldBack.filter((item) => queue.slice(0, 3).includes(item.id));
    assert.equal(held.length, 3);
    for (const item of held) {
      assert.equal(item.decision, 'cooldown');
      assert.match(item.reason, /cooldown until/);
    }
    for (const id of queue) assert.ok(!state.selection.selected.includes(id), id + ' is not selected again');
    await page.screenshot({ path: join(screenshotFolder, 'selection-after.png') });

    // The report (all time) counts what was coded: two dossiers Geen risico, one Verder onderzoek
    // nodig (a possible risk), the corrected code replacing the original.
    assert.equal(await page.evaluate(() => window.radar.showScreen('report')), true);
    await nextFrames(page);
    state = await waitFor(page, (s) => s.report !== undefined, 'the report');
    assert.equal(state.screen, 'report');
    assert.equal(state.report.unique_dossiers, 3);
    assert.equal(state.report.possible_risk_dossiers, 1);
    assert.equal(state.report.follow_ups.opened, 1);
    assert.equal(state.report.follow_ups.done, 1);
    assert.deepEqual(state.report.dossiers_latest_code, { risico: 0, geen_risico: 2, verder_onderzoek_nodig: 1, total: 3, possible_risk: 1 });
    await page.screenshot({ path: join(screenshotFolder, 'report-view.png') });

    // The exports: JSON with the same figures, the printable HTML as a download and in a new tab.
    const jsonDownload = page.waitForEvent('download');
    await click(page, 'report-json');
    const exported = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8'));
    assert.equal(exported.unique_dossiers, 3);
    assert.deepEqual(exported.dossiers_latest_code, state.report.dossiers_latest_code);
    const htmlDownload = page.waitForEvent('download');
    await click(page, 'report-html');
    const html = readFileSync(await (await htmlDownload).path(), 'utf8');
    assert.match(html, /werden 3 unieke dossiers op basis van de datamining onder de loep genomen/);
    const opening = page.context().waitForEvent('page');
    await click(page, 'report-html-open');
    const printable = await opening;
    await printable.waitForLoadState();
    assert.match(await printable.textContent('body'), /werden 3 unieke dossiers/);
    await printable.screenshot({ path: join(screenshotFolder, 'report-printable-from-app.png'), fullPage: true });
    await printable.close();
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
