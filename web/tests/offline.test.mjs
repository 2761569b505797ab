// Offline, installable and visibly private (issue #19): after one visit the app opens with the
// network off and a decision is coded and stored; the trust panel counts the requests the page
// makes after start-up (none through a whole session, one when one is made); a new build is
// offered in the header and taken only on a click; the manifest names icons that exist; the
// service worker answers only for the app's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, siteFolder, radarInfo as info, waitForInfo as waitFor,
         clickWidget, clickToReload, shownWords, isCoded } from './browser.mjs';

// The service worker has cached this version and controls the page.
async function offlineReady(page) {
  await page.waitForFunction(() => window.radarOffline.state === 'ready' && window.radarOffline.version !== '' &&
                                   navigator.serviceWorker.controller !== null);
  return page.evaluate(() => window.radarOffline.version);
}

test('after one visit the app opens and codes without the network; the trust panel counts requests', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const version = await offlineReady(page);
    assert.match(version, /^[0-9a-f]{16}$/);

    await page.context().setOffline(true);
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    await waitFor(page, (state) => state.storage.loaded && state.storage.mode === 'writer', 'the store, offline');

    await page.evaluate(() => window.radar.setScreener('Offline'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await waitFor(page, (state) => state.widgets['commit-batch'], 'the preview');
    await clickWidget(page, 'commit-batch');
    await waitFor(page, (state) => state.batches.length === 1, 'the batch, stored offline');
    await page.evaluate(() => window.radar.showScreen('screening'));
    const screening = await waitFor(page, (state) => state.screening?.dossier, 'the screening screen');
    const first = screening.screening.dossier;
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitFor(page, isCoded(first), 'the decision, stored offline');

    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitFor(page, (state) => state.screen === 'storage' && state.widgets['trust-requests'], 'the trust panel');
    let words = await shownWords(page);
    assert.match(words, /Netwerkverzoeken sinds het starten: 0 \(geteld door de pagina zelf; alleen het laden van de eigen app-bestanden telt niet\)/);
    assert.match(words, /Niets van wat u hier doet verlaat dit apparaat\./);
    assert.match(words, /Werkt zonder netwerk: deze versie van de app staat op dit apparaat\./);
    await page.screenshot({ path: join(screenshotFolder, 'storage-trust-offline.png') });
    assert.equal(await page.evaluate(() => window.radarOffline.requestsAfterStart), 0);

    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error)), []);

    // The count is real: one request for anything but the app's own files is one more.
    await page.context().setOffline(false);
    await page.evaluate(() => fetch('trust-probe.txt').then((response) => response.status));
    await page.waitForFunction(() => window.radarOffline.requestsAfterStart === 1);
    words = await shownWords(page);
    assert.match(words, /Netwerkverzoeken sinds het starten: 1 /);
    assert.match(words, /Deze pagina heeft na het starten verzoeken gedaan/);
  } finally {
    await app.close();
  }
});

test('a new build is offered in the header and taken only when the user asks', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-site-'));
  cpSync(siteFolder, folder, { recursive: true });
  const app = await openApp({ folder });
  try {
    const { page } = app;
    const oldVersion = await offlineReady(page);
    await page.evaluate(() => { window.sameDocument = true; });

    // The host gets a new build: the service worker file changes (its version with it).
    const workerFile = join(folder, 'radar_service_worker.js');
    const newVersion = 'feedfacecafebeef';
    writeFileSync(workerFile, readFileSync(workerFile, 'utf8').replace(oldVersion, newVersion));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    await page.waitForFunction(() => window.radarOffline.updateWaiting);
    const offered = await waitFor(page, (state) => state.widgets['new-version-reload'], 'the offer in the header');
    assert.match(await shownWords(page), /Nieuwe versie beschikbaar – herladen/);
    await page.screenshot({ path: join(screenshotFolder, 'new-version-offered.png') });
    for (let i = 0; i < 20; i++) await nextFrames(page);
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'not swapped in under the running session');
    assert.equal(await page.evaluate(() => window.radarOffline.version), oldVersion);
    assert.ok(offered.widgets['new-version-reload']);

    await clickToReload(page, 'new-version-reload');
    assert.equal(await page.evaluate(() => window.sameDocument), undefined);
    assert.equal(await offlineReady(page), newVersion);
    assert.equal((await info(page)).widgets['new-version-reload'], undefined);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the app is installable: a manifest with its own icons', async () => {
  const manifest = JSON.parse(readFileSync(join(siteFolder, 'radar.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const bytes = readFileSync(join(siteFolder, icon.src));
    if (icon.type !== 'image/png') continue;
    const [width, height] = icon.sizes.split('x').map(Number);
    assert.equal(bytes.readUInt32BE(16), width, icon.src);
    assert.equal(bytes.readUInt32BE(20), height, icon.src);
  }
  const app = await openApp();
  try {
    const { page } = app;
    await offlineReady(page);
    const devtools = await page.context().newCDPSession(page);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    // The worker answers only for the app's files: any other address is the server's (404 here).
    const other = await page.context().newPage();
    assert.equal((await other.goto(app.url + 'blank-for-test')).status(), 404);
    assert.equal(await other.evaluate(() => navigator.serviceWorker.controller !== null), true);
    assert.equal((await other.goto(app.url + '?lang=en')).status(), 200);
  } finally {
    await app.close();
  }
});
