// Browser smoke test: the built app loads in headless Chromium, reports ready with the demo
// ranking, makes no request outside its origin, logs no errors, and reacts to filter/language;
// a presenter link opens a screen and a report period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, siteFolder } from './browser.mjs';

test('the app opens on the ranked demo dossiers', async () => {
  const app = await openApp();
  try {
    const { info, page } = app;
    assert.equal(info.language, 'nl');
    assert.equal(info.fontEmbedded, true, 'the embedded DejaVu Sans font was loaded');
    assert.equal(info.synthetic, true);
    assert.ok(info.dossiers >= 2000, `expected >= 2000 dossiers, got ${info.dossiers}`);
    assert.equal(info.visible, info.dossiers);
    assert.equal(info.top[0].rank, 1);
    for (let i = 1; i < info.top.length; i++) assert.ok(info.top[i - 1].score >= info.top[i].score);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'smoke.png') });
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('only the app is served: the deployable folder holds the page, its scripts, the wasm and the offline files', async () => {
  assert.deepEqual(readdirSync(siteFolder).sort(),
    ['index.html', 'radar.js', 'radar.wasm', 'radar.webmanifest', 'radar_accessibility.js', 'radar_icon.svg',
     'radar_icon_192.png', 'radar_icon_512.png', 'radar_import_core.js', 'radar_import_core.wasm', 'radar_import_worker.js',
     'radar_journal_worker.js', 'radar_service_worker.js', 'radar_store.js']);
  const app = await openApp();
  try {
    for (const buildFile of ['CMakeCache.txt', 'compile_commands.json', '.ninja_log', 'build.ninja'])
      assert.equal((await fetch(app.url + buildFile)).status, 404, buildFile + ' is not served');
  } finally {
    await app.close();
  }
});

test('the filter narrows the list, ignoring accents, and the language switches', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => window.radar.setFilter('CRECHE'));
    const filtered = await page.evaluate(() => window.radar.info());
    assert.ok(filtered.visible > 0 && filtered.visible < filtered.dossiers);
    for (const row of filtered.top) assert.match(row.name, /Crèche|Minicrèche/);
    assert.equal(await page.evaluate(() => window.radar.setLanguage('en')), true);
    assert.equal(await page.evaluate(() => window.radar.setLanguage('xx')), false);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'filtered-english.png') });
    assert.equal((await page.evaluate(() => window.radar.info())).language, 'en');
    await page.evaluate(() => window.radar.setFilter('zzz-no-such-dossier'));
    assert.equal((await page.evaluate(() => window.radar.info())).visible, 0);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('clicking a dossier opens its panel with the reasons for its score', async () => {
  const app = await openApp();
  try {
    const { page, info } = app;
    await page.mouse.click(300, info.firstRowY);
    await nextFrames(page);
    const after = await page.evaluate(() => window.radar.info());
    assert.equal(after.selected, info.top[0].id);
    await page.screenshot({ path: join(screenshotFolder, 'dossier-panel.png') });
    await pressKey(page, 'Escape');
    assert.equal((await page.evaluate(() => window.radar.info())).selected, undefined);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('100,000 dossiers load and render on a high-DPI screen', async () => {
  const app = await openApp({ query: '?dossiers=100000', deviceScaleFactor: 2, viewport: { width: 1000, height: 700 } });
  try {
    assert.equal(app.info.dossiers, 100000);
    const canvas = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, cssWidth: c.clientWidth };
    });
    assert.equal(canvas.width, canvas.cssWidth * 2, 'canvas backing store follows devicePixelRatio');
    // Forty notches down: the list moves down, by a few rows a notch.
    await app.page.mouse.move(500, 400);
    await app.page.mouse.wheel(0, 4000);
    await nextFrames(app.page);
    const scrolled = (await app.page.evaluate(() => window.radar.info())).rankingScrollRows;
    assert.ok(scrolled > 40 && scrolled < 400, `forty notches scrolled ${scrolled} rows`);
    await app.page.screenshot({ path: join(screenshotFolder, 'large-hidpi.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('a presenter link opens a screen and a report period: ?screen=report&period=YYYY-MM', async () => {
  const today = new Date();
  const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  const app = await openApp({ query: `?screen=report&period=${month}` });
  try {
    const { page } = app;
    let state;
    for (let i = 0; i < 100; i++) {
      state = await page.evaluate(() => window.radar.info());
      if (state.screen === 'report' && state.report) break;
      await nextFrames(page);
    }
    assert.equal(state.screen, 'report');
    assert.equal(state.report.period.from, `${month}-01`);
    const unknown = await openApp({ query: '?screen=nowhere&period=someday' });
    try {
      assert.equal(unknown.info.screen, 'ranking');
    } finally {
      await unknown.close();
    }
  } finally {
    await app.close();
  }
});
