// Blind double coding in the browser (issue #18): Anna codes this month's batch; Bram, on the
// Audit tab, second-codes the drawn dossiers with the keyboard without seeing Anna's codes, there or
// elsewhere in the app (Screening tab, ranking panel, info()) until he gave his own; the agreement
// figures appear; Carla decides the one disagreement, whose final code becomes the
// dossier's code in the batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, radarInfo as info, waitForInfo as waitFor, clickWidget, shownText } from './browser.mjs';

async function typeText(page, text) {
  for (const character of text) await pressKey(page, character);
}

const codeOf = (state, id) => state.screening.queue.find((item) => item.id === id)?.code;

test('two screeners double-code a batch blind, see their agreement and a third decides the disagreement', async () => {
  const app = await openApp({ viewport: { width: 1366, height: 900 } });
  try {
    const { page } = app;
    await waitFor(page, (state) => state.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Anna'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await waitFor(page, (state) => state.screen === 'selection' && state.widgets['commit-batch'], 'the preview');
    await clickWidget(page, 'commit-batch');
    await waitFor(page, (state) => state.batches.length === 1, 'the batch');

    // Anna codes the whole batch "Risico" with the keyboard.
    await page.evaluate(() => window.radar.showScreen('screening'));
    let state = await waitFor(page, (s) => s.screen === 'screening' && s.screening, 'the screening screen');
    const queue = state.screening.queue.map((item) => item.id);
    assert.equal(queue.length, 25);
    for (const id of queue) {
      await waitFor(page, (s) => s.screening.dossier === id, `dossier ${id} open`);
      await pressKey(page, '1');
      await pressKey(page, 'Enter');
      await waitFor(page, (s) => codeOf(s, id) === 'risico', `dossier ${id} coded`);
    }
    state = await info(page);
    assert.deepEqual(state.audit.secondCodeQueue, [], 'nothing to second-code for the first coder');

    // Bram: 10% of 25, at least 3, wait for his second code; he sees none of Anna's work.
    await page.evaluate(() => window.radar.setScreener('Bram'));
    await page.evaluate(() => window.radar.showScreen('audit'));
    state = await waitFor(page, (s) => s.screen === 'audit' && s.audit.secondCodeQueue.length === 3, 'the second-code queue');
    const drawn = state.audit.secondCodeQueue.map((item) => item.dossier);
    for (const id of drawn) assert.ok(queue.includes(id), `${id} is a member of the batch`);
    const blindText = await shownText(page);
    assert.doesNotMatch(blindText, /Anna/, 'the first coder is not shown');
    assert.match(blindText, new RegExp(`Dossier ${drawn[0]} uit batch`));
    assert.match(blindText, /Nog geen dossier is door twee screeners gecodeerd/);
    await page.screenshot({ path: join(screenshotFolder, 'audit-second-coding.png') });

    // Elsewhere in the app Anna's codes of the drawn dossiers stay hidden from Bram until he gave
    // his own: info()'s screening queue, the Screening tab's queue and dossier, the ranking's panel.
    state = await info(page);
    for (const item of state.screening.queue) {
      if (drawn.includes(item.id)) assert.deepEqual(item, { id: item.id, control: item.control, hidden: true });
      else assert.equal(item.code, 'risico', `${item.id} is not drawn: its code shows`);
    }
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    for (const key of ['j', 'k'])
      for (let i = 0; i < queue.length && (await info(page)).screening.dossier !== drawn[0]; i++) await pressKey(page, key);
    assert.equal((await info(page)).screening.dossier, drawn[0]);
    const screeningText = await shownText(page);
    assert.match(screeningText, /verborgen tot uw tweede/);
    assert.doesNotMatch(screeningText, /Gecodeerd: /, 'no first code in the coding form');
    assert.doesNotMatch(screeningText, /Gescreend op/, 'no first code or note in the timeline');
    await page.screenshot({ path: join(screenshotFolder, 'second-coder-screening.png') });
    await page.evaluate(() => window.radar.showScreen('ranking'));
    await page.evaluate((id) => window.radar.setFilter(id), drawn[0]);
    await nextFrames(page);
    await pressKey(page, 'ArrowDown');
    await waitFor(page, (s) => s.selected === drawn[0], 'the dossier in the ranking panel');
    const panelText = await shownText(page);
    assert.match(panelText, /verborgen tot uw tweede/);
    assert.doesNotMatch(panelText, /Label Risico/, 'no risk label from the first code');
    await page.evaluate(() => window.radar.setFilter(''));
    await page.evaluate(() => window.radar.showScreen('audit'));
    await waitFor(page, (s) => s.screen === 'audit', 'back on the Audit tab');

    // Two agree (1: Risico), the third does not (3: Verder onderzoek nodig).
    for (const [index, key] of [[0, '1'], [1, '1'], [2, '3']]) {
      await waitFor(page, (s) => s.audit.secondCodeQueue[0]?.dossier === drawn[index], `second code ${index + 1} open`);
      await pressKey(page, key);
      await pressKey(page, 'Enter');
      await waitFor(page, (s) => !s.audit.secondCodeQueue.some((item) => item.dossier === drawn[index]), `second code ${index + 1} saved`);
    }
    state = await waitFor(page, (s) => s.audit.agreement?.units === 3, 'the agreement figures');
    for (const id of drawn) assert.equal(codeOf(state, id), 'risico', `${id}: Anna's code shows once Bram gave his`);
    assert.equal(state.audit.agreement.agreeing, 2);
    assert.ok(Math.abs(state.audit.agreement.percent - 2 / 3) < 1e-9);
    assert.equal(state.audit.agreement.pairs, 1);
    assert.equal(state.audit.disagreements.length, 1);
    assert.deepEqual(
      { ...state.audit.disagreements[0], batch: undefined },
      { batch: undefined, dossier: drawn[2], first: 'risico', second: 'verder_onderzoek_nodig', firstScreener: 'Anna', secondScreener: 'Bram' });
    const figures = await shownText(page);
    assert.match(figures, /3 dossiers door twee screeners gecodeerd, 2 gelijk: overeenstemming 66,7%/);
    assert.match(figures, /Cohens kappa/);
    assert.match(figures, /Krippendorffs alfa/);
    assert.match(figures, /Anna \/ Bram: 3 dossiers/);
    await page.screenshot({ path: join(screenshotFolder, 'audit-agreement.png') });

    // Carla decides: Verder onderzoek nodig, with a reason; nothing waits any more.
    await page.evaluate(() => window.radar.setScreener('Carla'));
    await clickWidget(page, 'first-disagreement');
    await clickWidget(page, 'code:final-code-3');
    await clickWidget(page, 'save-adjudication');
    await nextFrames(page);
    assert.match(await shownText(page), /Geef de reden van de beslissing/, 'a decision without a reason is refused');
    await clickWidget(page, 'adjudication-reason');
    await typeText(page, 'Teamoverleg: nader onderzoek');
    await clickWidget(page, 'save-adjudication');
    state = await waitFor(page, (s) => s.audit.disagreements.length === 0 && s.audit.agreement.adjudicated === 1, 'the decision');
    assert.equal(codeOf(state, drawn[2]), 'verder_onderzoek_nodig', 'the final code is the dossier\'s code in the batch');
    assert.equal(state.audit.agreement.agreeing, 2, 'agreement still compares the first screener\'s own code');
    assert.ok(state.audit.groupings.length >= 4, 'the group audit has its default groupings');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'audit-decided.png') });

    // A narrower fair band, typed: the audit says so, and it is the team's setting after a reload.
    assert.deepEqual(state.audit.choices, { grouping: '', reference: '', band: [0.8, 1.25] });
    await clickWidget(page, 'audit-band');
    await page.keyboard.down('Control');
    await pressKey(page, 'a');
    await page.keyboard.up('Control');
    await typeText(page, '0,9-1,1');
    await pressKey(page, 'Enter');
    state = await waitFor(page, (s) => s.audit.choices.band[0] === 0.9, 'the new band');
    assert.deepEqual(state.audit.choices.band, [0.9, 1.1]);
    assert.match(await shownText(page), /Eerlijke band: verhouding 0,90 tot 1,10/);
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    await page.evaluate(() => window.radar.showScreen('audit'));
    state = await waitFor(page, (s) => s.storage.loaded && s.screen === 'audit' && s.audit.choices, 'the audit after a reload');
    assert.deepEqual(state.audit.choices.band, [0.9, 1.1]);
    await page.evaluate(() => window.radar.setLanguage('en'));
    await nextFrames(page);
    assert.match(await shownText(page), /3 dossiers coded by two screeners, 2 the same/);
    await page.screenshot({ path: join(screenshotFolder, 'audit-en.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
