// The demo workspace in the browser: a first visit opens the demo with a simulated year in a store
// of its own, the Rapport tab has figures on first open, every screen carries the demo band, the
// presenter's tour steps through the screens, "Met eigen gegevens beginnen" leaves the demo for
// an own workspace that holds none of it, and "Demo opnieuw beginnen" (or a new month) starts from
// a fresh year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { clickToReload, clickWidget, nextFrames, openApp, pressKey, screenshotFolder, shownText, waitForInfo } from './browser.mjs';

const info = (page) => page.evaluate(() => window.radar.info());

async function demoYearLoaded(page) {
  return waitForInfo(page, (state) => state.demoYear && state.batches && state.batches.length === 12 && state.storage.loaded,
    'the simulated year in the demo store');
}

test('a first visit opens the demo on a simulated year; the report has figures at once', async () => {
  const app = await openApp({ workspace: null });
  try {
    const { page } = app;
    let state = await demoYearLoaded(page);
    assert.equal(state.workspace, 'demo');
    assert.equal(state.synthetic, true);
    assert.equal(state.demoYear.months, 12);
    assert.equal(state.model.versions, 2, 'a model version change half-way');
    assert.equal(state.model.activeVersion, 2);
    assert.equal(state.batches.at(-1).id.length, 7);
    assert.ok(state.events > 300, `a year of events, got ${state.events}`);

    await page.evaluate(() => window.radar.showScreen('report'));
    state = await waitForInfo(page, (s) => s.report && s.report.unique_dossiers > 0, 'the report of the simulated year');
    assert.ok(state.report.possible_risk_dossiers > 0);
    await nextFrames(page);
    const text = await shownText(page);
    assert.match(text, /Dit is de demo: 12 maanden gesimuleerd werk/);
    assert.match(text, /Met eigen gegevens beginnen/);
    await page.screenshot({ path: join(screenshotFolder, 'demo-report.png') });

    // Every screen carries the band (it sits above the tabs).
    for (const screen of ['ranking', 'model', 'data', 'selection', 'screening', 'evaluation', 'audit', 'storage']) {
      await page.evaluate((code) => window.radar.showScreen(code), screen);
      await nextFrames(page);
      assert.match(await shownText(page), /DEMO/, `the demo band on ${screen}`);
    }
    // The Gegevens tab reads no files in the demo.
    await page.evaluate(() => window.radar.showScreen('data'));
    await nextFrames(page);
    assert.ok((await info(page)).widgets['button:demo-leave-data']);
    assert.equal((await info(page)).widgets['button:choose-file'], undefined);
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('the presenter tour steps through the screens with the keyboard and closes on Esc', async () => {
  const app = await openApp({ workspace: 'demo' });
  try {
    const { page } = app;
    await demoYearLoaded(page);
    // Through the accessibility layer, as a presenter with a screen reader would.
    await page.getByRole('button', { name: 'Rondleiding' }).press('Enter');
    let state = await waitForInfo(page, (s) => s.demoTourStep === 1, 'the first step');
    await page.getByRole('heading', { name: /Rondleiding 1 van 7/ }).waitFor();
    assert.equal(state.screen, 'ranking');
    // A dialog holding its step, but not a modal one: the screens it points at stay usable.
    const tour = page.getByRole('dialog', { name: /Rondleiding 1 van 7/ });
    await tour.getByRole('heading', { name: /Rondleiding 1 van 7/ }).waitFor();
    assert.equal(await tour.getAttribute('aria-modal'), null);
    // The tour's window sizes itself to its text in its first frames; a person reads it first.
    for (let frame = 0; frame < 3; frame++) await nextFrames(page);
    await page.getByRole('button', { name: 'Volgende' }).press('Enter');
    state = await waitForInfo(page, (s) => s.demoTourStep === 2 && s.screen === 'model', 'the second step on the model');
    await page.getByRole('heading', { name: /Rondleiding 2 van 7/ }).waitFor();
    // With the keyboard on the app itself (the canvas has the focus), the arrows step and Esc closes.
    await page.locator('#canvas').focus();
    await pressKey(page, 'ArrowRight');
    state = await waitForInfo(page, (s) => s.demoTourStep === 3 && s.screen === 'selection', 'the third step');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'demo-tour-selection.png') });
    await pressKey(page, 'ArrowLeft');
    await waitForInfo(page, (s) => s.demoTourStep === 2, 'back to the second step');
    await pressKey(page, 'Escape');
    await waitForInfo(page, (s) => s.demoTourStep === 0, 'the tour closed');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('leaving the demo opens an own workspace without its year; a restarted demo is fresh', async () => {
  const app = await openApp({ workspace: null });
  try {
    const { page } = app;
    const demo = await demoYearLoaded(page);
    const demoEvents = demo.events;
    // Work done in the demo stays in the demo: this month's batch, committed there.
    await page.evaluate(() => window.radar.showScreen('selection'));
    await clickWidget(page, 'commit-batch');
    await waitForInfo(page, (s) => s.batches.length === 13, 'this month\'s batch in the demo');

    await clickToReload(page, 'button:demo-leave');
    let state = await waitForInfo(page, (s) => s.storage.loaded, 'the own store');
    assert.equal(state.workspace, 'own');
    assert.equal(state.events, 0, 'none of the simulated year');
    assert.equal(state.batches.length, 0);
    assert.equal(state.demoYear, null);

    // From now on this browser opens its own workspace.
    await page.goto(app.url);
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.storage.loaded, 'the own store again');
    assert.equal(state.workspace, 'own');

    // The demo is kept apart and comes back as it was; restarting it makes the year afresh.
    await page.goto(app.url + '?workspace=demo');
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.batches && s.batches.length === 13 && s.storage.loaded, 'the demo as left');
    assert.equal(state.workspace, 'demo');
    await clickToReload(page, 'button:demo-restart');
    state = await demoYearLoaded(page);
    assert.equal(state.events, demoEvents, 'the same simulated year again');
    assert.equal(new URL(page.url()).searchParams.has('demoReset'), false, 'a reload does not restart it again');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('a demo made in another month starts afresh, so its year always ends last month', async () => {
  const app = await openApp({ workspace: 'demo' });
  try {
    const { page } = app;
    await demoYearLoaded(page);
    await page.evaluate(() => window.radar.showScreen('selection'));
    await clickWidget(page, 'commit-batch');
    await waitForInfo(page, (s) => s.batches.length === 13, 'this month\'s batch in the demo');
    // As if the demo had been made last month and reopened now.
    await page.evaluate(() => localStorage.setItem('radar.demoMonth', '2000-01'));
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    const state = await demoYearLoaded(page);
    assert.equal(state.workspace, 'demo');
    assert.notEqual(await page.evaluate(() => localStorage.getItem('radar.demoMonth')), '2000-01');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
