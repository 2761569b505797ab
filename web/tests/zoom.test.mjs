// Every screen at 200% (issue #21): at the browser's 200% zoom (a 1280x800 window at 200% is a
// 640x400 CSS-pixel page with two device pixels per CSS pixel) and with the app's own 200% text
// size in a 1280x800 window. Each screen, the ranking with a dossier's panel and the list of
// shortcuts are saved as build/web/screenshots/zoom-*.png and zoom-text200-*.png to be looked
// at (Selectie and Rapport also scrolled down, as *-lower.png); the test checks that each one opens
// without a page error, that every screen's tab is whole within the window (the tabs wrap), that
// nothing outside a table runs past the window's right edge, and that the short window scrolls as
// a whole (zoom-ranking-scrolled.png). At 400% (320x256 CSS pixels, WCAG 1.4.10's reflow width):
// the header's tools wrap below the title, and every screen passes the same checks, as
// zoom400-*.png, the month's batch committed with the keyboard through the page's layer (its
// button lies below the window until scrolled to); and an imported export's review (which the demo
// never shows) passes the right-edge check and is accepted with Enter through the layer, saved
// as zoom400-import-review.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget, waitForInfo } from './browser.mjs';

const screens = ['ranking', 'model', 'data', 'selection', 'screening', 'report', 'storage', 'evaluation', 'audit'];

// A committed batch with two coded dossiers (one "Verder onderzoek nodig" with its follow-up), so
// that Screening, Rapport and Audit show what they are for.
async function screenThisMonth(page) {
  await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
  await page.evaluate(() => window.radar.setScreener('Tester'));
  await page.evaluate(() => window.radar.showScreen('selection'));
  await waitForInfo(page, (info) => info.screen === 'selection' && info.selection, 'the preview');
  // With the keyboard: at 400% zoom the button is below the window's bottom until scrolled to.
  await page.locator('#radar-accessibility [data-key="commit-batch"]').press('Enter');
  await waitForInfo(page, (info) => info.batches.length === 1, 'the batch');
  await page.evaluate(() => window.radar.showScreen('screening'));
  await waitForInfo(page, (info) => info.screen === 'screening', 'the screening screen');
  for (const key of ['1', '3']) {
    const dossier = (await waitForInfo(page, (info) => info.screening, 'the queue')).screening.dossier;
    await pressKey(page, key);
    await pressKey(page, 'Enter');
    await waitForInfo(page, (info) => info.screening.queue.find((item) => item.id === dossier)?.code, 'the decision');
  }
  await pressKey(page, 'k');
}

// Every screen's tab in the page's layer lies within the window, not cut or pushed out of it.
async function assertTabsWhole(page) {
  const { width } = page.viewportSize();
  const tabs = page.locator('#radar-accessibility [data-key^="screen:"]');
  assert.equal(await tabs.count(), screens.length);
  for (const box of await tabs.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON())))
    assert.ok(box.left >= 0 && box.right <= width, `a tab from ${box.left} to ${box.right} in a window ${width} wide`);
}

// Nothing the layer describes runs past the window's right edge (WCAG 1.4.10, reflow), except in
// tables, which scroll sideways, and dialogs, which lie over the screen. A widget in a scrolling
// region wholly out of sight is not drawn and has no width to check.
async function assertNothingPastRightEdge(page, screen) {
  const past = await page.evaluate(() => [...document.querySelectorAll('#radar-accessibility [data-key]')]
    .filter((element) => !element.closest('[role=table], [role=dialog]'))
    .map((element) => ({ key: element.dataset.key, box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 1 && box.right > window.innerWidth + 0.5)
    .map(({ key, box }) => `${key} (${Math.round(box.left)} to ${Math.round(box.right)})`));
  assert.deepEqual(past, [], `${screen}: past the window's right edge (${page.viewportSize().width} wide)`);
}

// Selectie's preview and lists and Rapport's figures are below the first view in a short window.
const scrolledToo = ['selection', 'report'];

// Every screen, the dossier panel and the shortcut list, each saved as `${prefix}-NAME.png`.
async function photographScreens(page, prefix) {
  for (const screen of screens) {
    await page.evaluate((name) => window.radar.showScreen(name), screen);
    await waitForInfo(page, (info) => info.screen === screen, screen);
    for (let i = 0; i < 3; i++) await nextFrames(page);
    await assertTabsWhole(page);
    await assertNothingPastRightEdge(page, screen);
    await page.screenshot({ path: join(screenshotFolder, `${prefix}-${screen}.png`) });
    if (!scrolledToo.includes(screen)) continue;
    if (screen === 'selection') {
      // The lists' first tab, focused in the layer, is scrolled into sight.
      await page.getByRole('tab', { name: /^Voorstel \(/ }).focus();
    } else {
      const { width, height } = page.viewportSize();
      await page.mouse.move(width / 2, height - 20, { steps: 4 });
      for (let i = 0; i < 8; i++) {
        await page.mouse.wheel(0, 100);
        await nextFrames(page);
      }
    }
    for (let i = 0; i < 3; i++) await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, `${prefix}-${screen}-lower.png`) });
  }
  await page.evaluate(() => window.radar.showScreen('ranking'));
  await waitForInfo(page, (info) => info.screen === 'ranking', 'the ranking');
  await page.getByRole('table', { name: 'Ranglijst' }).getByRole('row').nth(1).press('Enter');
  await waitForInfo(page, (info) => info.selected, 'the dossier panel');
  await nextFrames(page);
  await page.screenshot({ path: join(screenshotFolder, `${prefix}-dossier.png`) });
  await page.getByRole('button', { name: 'Sneltoetsen' }).press('Enter');
  await page.getByRole('dialog', { name: 'Sneltoetsen' }).waitFor();
  await nextFrames(page);
  await page.screenshot({ path: join(screenshotFolder, `${prefix}-shortcuts.png`) });
  await pressKey(page, 'Escape');
}

// In a short window the page scrolls as a whole: the wheel over the header moves the tabs and the
// ranking up, so that the ranking shows more rows than the room left below the header would hold.
async function assertPageScrolls(page) {
  await page.evaluate(() => window.radar.showScreen('ranking'));
  await waitForInfo(page, (info) => info.screen === 'ranking', 'the ranking');
  const tabTop = () => page.locator('#radar-accessibility [data-key="screen:ranking"]')
    .evaluate((element) => element.getBoundingClientRect().top);
  const before = await tabTop();
  await page.mouse.move(page.viewportSize().width / 2, 10);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 100);
    await nextFrames(page);
  }
  for (let i = 0; i < 3; i++) await nextFrames(page);
  const after = await tabTop();
  assert.ok(after < before - 50, `the tabs stood at ${before} and after the wheel at ${after}`);
  await page.screenshot({ path: join(screenshotFolder, 'zoom-ranking-scrolled.png') });
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -100);
    await nextFrames(page);
  }
}

test('every screen at the browser\'s 200% zoom opens without a page error', async () => {
  const app = await openApp({ deviceScaleFactor: 2 });
  try {
    const { page } = app;
    await screenThisMonth(page);
    await page.setViewportSize({ width: 640, height: 400 });
    await nextFrames(page);
    await assertPageScrolls(page);
    await photographScreens(page, 'zoom');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('every screen with the app\'s 200% text size opens without a page error', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await screenThisMonth(page);
    await page.getByRole('combobox', { name: /^Tekstgrootte/ }).press('Enter');
    await page.getByRole('option', { name: 'Tekst 200%' }).press('Enter');
    await page.getByRole('combobox', { name: 'Tekstgrootte: Tekst 200%' }).waitFor();
    await photographScreens(page, 'zoom-text200');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('at 400% zoom (320 CSS pixels wide) the header\'s tools wrap below the title, each whole in the window, and every screen opens', async () => {
  const app = await openApp({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  try {
    const { page } = app;
    await nextFrames(page);
    const tools = [page.getByRole('heading', { name: 'Dossier Radar' }), page.getByRole('button', { name: 'Sneltoetsen' }),
                   page.getByRole('combobox', { name: /^Tekstgrootte/ }), page.getByRole('button', { name: 'Nederlands' }),
                   page.getByRole('button', { name: 'English' })];
    const boxes = [];
    for (const tool of tools) boxes.push(await tool.evaluate((element) => element.getBoundingClientRect().toJSON()));
    for (const box of boxes) assert.ok(box.left >= 0 && box.right <= 320, `a header tool from ${box.left} to ${box.right}`);
    assert.ok(boxes[1].top > boxes[0].bottom - 1, 'the tools are below the title');
    await page.screenshot({ path: join(screenshotFolder, 'zoom400-header.png') });
    await screenThisMonth(page);
    await photographScreens(page, 'zoom400');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('at 400% zoom an imported export\'s review reflows within the window and is accepted with the keyboard', async () => {
  const app = await openApp({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 2 });
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.showScreen('data'));
    const choosing = page.waitForEvent('filechooser');
    await page.locator('#radar-accessibility [data-key="button:choose-file"]').press('Enter');
    await (await choosing).setFiles('tests/data/import/messy_export_cp1252.csv');
    await waitForInfo(page, (info) => info.import.phase === 'reviewing' && info.widgets['button:accept-import'], 'the review');
    for (let i = 0; i < 3; i++) await nextFrames(page);
    await assertNothingPastRightEdge(page, 'the import\'s review');
    await page.screenshot({ path: join(screenshotFolder, 'zoom400-import-review.png') });
    await page.locator('#radar-accessibility [data-key="button:accept-import"]').press('Enter');
    const accepted = await waitForInfo(page, (info) => info.import.phase === 'idle' && !info.synthetic, 'the accept');
    assert.equal(accepted.source, 'messy_export_cp1252.csv');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
