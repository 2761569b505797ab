// Browser test of outcomes after screening (issue #17): code a dossier, record an outcome with the
// form's button and one through window.radar.recordOutcome (the form's own submit), reload and find
// both (IndexedDB), correct one and withdraw the other, see the Rapport tab count what stands, and
// find the outcome events in a storage backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openApp, nextFrames, pressKey, screenshotFolder, radarInfo as info, waitForInfo as waitFor, clickWidget as click, isCoded,
  shownText,
} from './browser.mjs';

const outcomesOf = (state, id) => state.screening.queue.find((item) => item.id === id).outcomes;

test('an outcome is recorded, survives a reload, is corrected and withdrawn, and reaches the report and a backup', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    await click(page, 'commit-batch');
    await waitFor(page, (state) => state.batches.length === 1, 'the batch commit');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    const queue = (await info(page)).screening.queue.map((item) => item.id);
    const dossier = queue[0];
    const today = (await info(page)).referenceDate;

    // Before a code there is nothing to follow: the hook refuses.
    const refused = await page.evaluate((id) => window.radar.recordOutcome({ dossier: id, type: 'support' }), dossier);
    assert.match(refused, /code the dossier first|codeer het dossier eerst/);

    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitFor(page, isCoded(dossier), 'the decision');
    await waitFor(page, (state) => state.screening.dossier === queue[1], 'the move to the next dossier');
    await pressKey(page, 'k');
    await waitFor(page, (state) => state.screening.dossier === dossier, 'the way back');

    // O opens the form with the keyboard in its note; Enter saves the default outcome (Geen gevolg) dated today.
    await pressKey(page, 'o');
    await nextFrames(page);
    await page.keyboard.type('Geen verdere actie');
    await pressKey(page, 'Enter');
    let state = await waitFor(page, (s) => outcomesOf(s, dossier).length === 1, 'the outcome from the form');
    assert.equal(outcomesOf(state, dossier)[0].note, 'Geen verdere actie');
    assert.equal(state.screening.outcomeSaveStatus.phase, 'saved');
    assert.deepEqual(outcomesOf(state, dossier)[0].type, 'none');
    assert.equal(outcomesOf(state, dossier)[0].date, today);

    const answer = await page.evaluate((id) => window.radar.recordOutcome({
      dossier: id, type: 'enforcement', measure: 'schorsing', note: 'Schorsing na inspectie',
    }), dossier);
    assert.equal(answer, '');
    state = await waitFor(page, (s) => outcomesOf(s, dossier).length === 2 && s.screening.outcomeSaveStatus.phase === 'saved',
      'the enforcement outcome');
    await nextFrames(page);
    assert.match(await shownText(page), /Handhaving \(schorsing\)/);
    await page.screenshot({ path: join(screenshotFolder, 'screening-outcomes.png') });

    await page.reload();
    await page.evaluate(() => window.radar.ready);
    await waitFor(page, (s) => s.storage.loaded && s.events === 4, 'the reloaded store');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    state = await info(page);
    const stored = outcomesOf(state, dossier);
    assert.deepEqual(stored.map((item) => item.type).sort(), ['enforcement', 'none']);
    const enforcement = stored.find((item) => item.type === 'enforcement');
    const none = stored.find((item) => item.type === 'none');
    assert.equal(enforcement.measure, 'schorsing');
    assert.equal(enforcement.note, 'Schorsing na inspectie');

    // A correction without a reason is refused; with one it replaces the values.
    const noReason = await page.evaluate(({ id, target }) => window.radar.recordOutcome({
      dossier: id, corrects: target, type: 'enforcement', measure: 'opheffing',
    }), { id: dossier, target: enforcement.id });
    assert.match(noReason, /reason|reden/i);
    assert.equal(await page.evaluate(({ id, target }) => window.radar.recordOutcome({
      dossier: id, corrects: target, type: 'enforcement', measure: 'opheffing', reason: 'Verkeerde maatregel',
    }), { id: dossier, target: enforcement.id }), '');
    await waitFor(page, (s) => outcomesOf(s, dossier).some((item) => item.measure === 'opheffing'), 'the correction');
    assert.equal(await page.evaluate(({ id, target }) => window.radar.recordOutcome({
      dossier: id, corrects: target, withdraw: true, reason: 'Dubbel ingevoerd',
    }), { id: dossier, target: none.id }), '');
    state = await waitFor(page, (s) => outcomesOf(s, dossier).length === 1 && s.events === 6, 'the withdrawal');
    assert.equal(outcomesOf(state, dossier)[0].corrected, true);

    // The report counts what stands: one enforcement (opheffing), the withdrawn outcome not at all.
    await page.evaluate(() => window.radar.showScreen('report'));
    await nextFrames(page);
    state = await waitFor(page, (s) => s.report !== undefined && s.report.outcomes.total === 1, 'the report');
    assert.equal(state.report.outcomes.by_type.enforcement, 1);
    assert.equal(state.report.outcomes.by_type.none, 0);
    assert.equal(state.report.outcomes.enforcement_by_measure.opheffing, 1);
    assert.equal(state.report.risk_found.already_known, 1, 'coded Risico: already known');
    assert.equal(state.report.risk_found.statement.nl,
      'Risico bevestigd = ernstige tekorten of handhaving binnen 6 maanden na de screening');
    await page.screenshot({ path: join(screenshotFolder, 'report-outcomes.png') });

    // A storage backup holds the outcome events.
    await page.evaluate(() => window.radar.showScreen('storage'));
    await nextFrames(page);
    const downloading = page.waitForEvent('download');
    await click(page, 'backup-export');
    const backupText = readFileSync(await (await downloading).path(), 'utf8');
    const backup = JSON.parse(backupText);
    assert.equal(backup.counts.events, 6);
    assert.equal((backupText.match(/outcome_recorded/g) || []).length, 2);
    assert.equal((backupText.match(/outcome_corrected/g) || []).length, 2);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
