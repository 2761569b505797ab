// Browser tests of the screener's daily flow (issue #22): a double click on "Batch vastleggen"
// commits one batch and says so; five dossiers are screened with the keyboard alone (a required
// note, a follow-up marked done, a correction); reopened half-way, the app says what to do next
// and resumes at the first uncoded dossier; the ranking opens dossiers with the arrow keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, radarInfo as info, waitForInfo as waitFor, clickWidget, shownText } from './browser.mjs';


const codeOf = (state, id) => state.screening.queue.find((item) => item.id === id)?.code;

async function typeText(page, text) {
  for (const character of text) await pressKey(page, character);
}

test('a double click commits one batch; five dossiers are screened with the keyboard alone; reopening resumes', async () => {
  const app = await openApp({ viewport: { width: 1366, height: 768 } });
  try {
    const { page } = app;
    await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    const preview = await waitFor(page, (state) => state.screen === 'selection' && state.widgets['commit-batch'], 'the preview');

    // A double click: the first click commits, the second finds a guarded supplementary commit.
    const box = preview.widgets['commit-batch'];
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    await page.mouse.dblclick((box.left + box.right) / 2 / ratio, (box.top + box.bottom) / 2 / ratio);
    await waitFor(page, (state) => state.batches.length === 1, 'the batch');
    for (let i = 0; i < 10; i++) await nextFrames(page);
    const committed = await info(page);
    assert.equal(committed.batches.length, 1, 'one batch, not a supplementary one');
    assert.match(await shownText(page), /Batch 2026-\d\d is vastgelegd: 25 dossiers, waarvan 0 gescreend\. Naar Screening/);
    await page.screenshot({ path: join(screenshotFolder, 'selection-committed.png') });

    await clickWidget(page, 'go-to-screening');
    let state = await waitFor(page, (s) => s.screen === 'screening' && s.screening, 'the screening screen');
    const queue = state.screening.queue.map((item) => item.id);
    assert.equal(state.screening.dossier, queue[0]);

    // 1: Risico, Enter: saved, and the screen moves on by itself.
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => codeOf(s, queue[0]) === 'risico' && s.screening.dossier === queue[1], 'the first');

    // 2: Geen risico for a top dossier needs a note: Enter is refused and the note field takes the
    // keyboard; the typed note and Enter save it.
    await pressKey(page, '2');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => s.screening.refusal !== '', 'the refusal');
    await typeText(page, 'Recent bezoek ok');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => codeOf(s, queue[1]) === 'geen_risico' && s.screening.dossier === queue[2], 'the second');
    assert.equal(state.screening.queue[1].note, 'Recent bezoek ok');

    // 3: Verder onderzoek nodig opens a follow-up; back with K, F marks it done.
    await pressKey(page, '3');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => codeOf(s, queue[2]) === 'verder_onderzoek_nodig' && s.screening.dossier === queue[3], 'the third');
    const beforeFollowUp = state.events;
    await pressKey(page, 'k');
    await pressKey(page, 'f');
    state = await waitFor(page, (s) => s.events === beforeFollowUp + 1, 'the follow-up marked done');

    // C corrects it: a new code, Enter asks for the reason (its field takes the keyboard), Enter saves.
    await pressKey(page, 'c');
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitFor(page, (s) => s.screening.refusal !== '', 'the reason asked for');
    await typeText(page, 'Reeds gekend');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => codeOf(s, queue[2]) === 'risico', 'the correction');
    assert.equal(state.screening.queue[2].corrected, true);

    // 4 and 5: J to the next uncoded ones.
    await pressKey(page, 'j');
    for (const index of [3, 4]) {
      await waitFor(page, (s) => s.screening.dossier === queue[index], `dossier ${index + 1}`);
      await pressKey(page, '1');
      await pressKey(page, 'Enter');
      await waitFor(page, (s) => codeOf(s, queue[index]) === 'risico', `decision ${index + 1}`);
    }
    state = await waitFor(page, (s) => s.screening.dossier === queue[5], 'the move past the fifth');
    assert.equal(state.events, 1 + 5 + 1 + 1 + 1, 'the batch, five codes, a follow-up and its update, a correction');
    await page.screenshot({ path: join(screenshotFolder, 'screening-keyboard.png') });

    // Reopened: the ranking says where the batch stands and leads to the first uncoded dossier.
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    await waitFor(page, (s) => s.storage.loaded && s.events === 9 && s.widgets['continue-screening'], 'the banner');
    assert.equal((await info(page)).screen, 'ranking');
    assert.match(await shownText(page), /Batch 2026-\d\d: 5 van 25 gescreend\. Verder screenen/);
    await page.screenshot({ path: join(screenshotFolder, 'start-banner.png') });
    await clickWidget(page, 'continue-screening');
    state = await waitFor(page, (s) => s.screen === 'screening', 'the screening screen');
    assert.equal(state.screening.dossier, queue[5], 'resumed at the first uncoded dossier');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('arrow keys open the dossiers of the ranking one after another', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const first = app.info.top.map((row) => row.id);
    await page.mouse.move(640, 400);
    await pressKey(page, 'Enter');
    assert.equal((await info(page)).selected, first[0]);
    await pressKey(page, 'ArrowDown');
    await pressKey(page, 'ArrowDown');
    assert.equal((await info(page)).selected, first[2]);
    await pressKey(page, 'ArrowUp');
    assert.equal((await info(page)).selected, first[1]);
    await pressKey(page, 'Escape');
    assert.equal((await info(page)).selected, undefined);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
