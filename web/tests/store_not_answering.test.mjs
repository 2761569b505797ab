// Browser test of start-up when the store does not answer: the page's loading screen waits for
// the store to tell whether a dataset is stored (so a stored dataset's restore, not the demo, is
// the first frame), but not for ever (main_web.cpp's store_answer_wait_ms). Another tab of the
// same origin holds an upgrade of the database open, so every open request of the app waits
// behind it, as a store blocked by an older tab would. The app must still come up, say on screen
// that the store does not answer, and take the store as soon as it answers, with what it held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, shownText, waitForInfo } from './browser.mjs';

const databaseName = 'dossier-radar';

// A loading screen that waited for the store for ever would never resolve radar.ready: after
// ten times the app's own limit, that is a failure rather than a run that never ends.
function loadingScreenStuck() {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error('the loading screen still waits for the store after 30 s')), 30_000).unref();
  });
}

test('the app comes up while the store does not answer, and takes the store with its data once it does', async () => {
  const app = await openApp();
  try {
    const { page, url } = app;
    await waitForInfo(page, (info) => info.storage.loaded && info.storage.mode === 'writer', 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await nextFrames(page);
    const before = await page.evaluate(() => window.radar.info());

    // A page of the same origin upgrades the database and keeps the upgrade's transaction alive
    // (a chain of reads) until it is told to give up. The app's connection steps aside at once.
    const holder = await page.context().newPage();
    await holder.goto(url + 'radar.webmanifest');
    const version = await holder.evaluate((name) => new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        const current = request.result.version;
        request.result.close();
        const upgrade = indexedDB.open(name, current + 1);
        upgrade.onupgradeneeded = () => {
          const store = upgrade.result.createObjectStore('held');
          window.giveUp = false;
          const keepAlive = () => {
            if (window.giveUp) upgrade.transaction.abort();
            else store.get(0).onsuccess = keepAlive;
          };
          keepAlive();
          resolve(current);
        };
        upgrade.onerror = (event) => event.preventDefault();
        upgrade.onblocked = () => reject(new Error('the app did not step aside'));
      };
      request.onerror = () => reject(request.error);
    }), databaseName);
    await page.bringToFront();  // a page behind another gets few animation frames
    await waitForInfo(page, (info) => !info.storage.loaded || info.storage.mode === 'closed', 'the app to step aside');

    // Reloaded now, the app's store waits behind the held upgrade: the loading screen gives way
    // anyway, and the app says the store has not loaded.
    await page.reload();
    const shown = await Promise.race([page.evaluate(() => window.radar.ready), loadingScreenStuck()]);
    assert.equal(shown.storage.loaded, false, 'the loading screen gave way before the store answered');
    for (let frame = 0; frame < 10; frame++) await nextFrames(page);
    const waiting = await page.evaluate(() => window.radar.info());
    assert.equal(waiting.storage.loaded, false, 'the held upgrade still keeps the store from opening');
    assert.equal(waiting.dossiers, before.dossiers, 'the app works on the demo data meanwhile');
    assert.match(await shownText(page), /De opslag antwoordt nog niet/, 'a banner says the store does not answer yet');
    await page.screenshot({ path: join(screenshotFolder, 'store-not-answering.png') });

    // The other tab gives up its upgrade: the store opens at the version it had, with its data.
    await holder.evaluate(() => { window.giveUp = true; });
    const loaded = await waitForInfo(page, (info) => info.storage.loaded, 'the store to load once it answers');
    assert.equal(loaded.storage.mode, 'writer');
    assert.equal(loaded.screener, 'Tester', 'the setting stored before the reload is back');
    assert.doesNotMatch(await shownText(page), /De opslag antwoordt nog niet/, 'the banner is gone once the store answered');
    assert.equal(await holder.evaluate((name) => new Promise((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => { resolve(request.result.version); request.result.close(); };
    }), databaseName), version, 'the abandoned upgrade left the version as it was');
    await holder.close();
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});
