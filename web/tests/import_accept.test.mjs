// Browser test of accepting a big import: its preparation begins while the review is on screen;
// accepting runs over many frames with a progress bar (the page keeps drawing), can be stopped
// with nothing changed, and, accepted again, replaces the data;
// the stored snapshot gives the same dataset after a reload (the file has a character straddling
// 1 MiB, where an old text snapshot's first chunk ended).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget, waitForInfo } from './browser.mjs';

const dossierCount = 400000;

const chunkBytes = 1 << 20;  // the bytes per stored text chunk (radar_store_library.js)

// A semicolon export with the messy fixture's columns and plain, valid values; accented names,
// one of them placed so that its "é" straddles the first stored chunk boundary.
function writeExport(path) {
  const header = 'Dossiernummer;Naam opvang;Organisator;Gemeente;Provincie;Type opvang;Subsidietrap;Kindplaatsen;' +
    'Startdatum;Datum laatste inspectie;Tekorten;Ernstige tekorten;Klachten;Meldingen;Laatste ernstig signaal;' +
    'Handhaving;Wissels organisator;Wissels verantwoordelijke;Ontbrekende attesten;Terugvordering;Status;' +
    'Gemiddelde bezetting;Subsidie per jaar (€);Opmerking\r\n';
  const row = (i, name) => `KO-${200000 + i};${name};ORG-${10000 + (i % 500)};Gent;Oost-Vlaanderen;groepsopvang;2;18;` +
    `03/05/2010;12/08/2022;${i % 4};0;${i % 3};0;;geen;0;1;0;nee;actief;0,85;12.345,67;\r\n`;
  const lines = [header];
  let bytes = Buffer.byteLength(header);
  for (let i = 0; i < dossierCount; i++) {
    let line = row(i, `Crèche Zoë ${i}`);
    const prefix = Buffer.byteLength(`KO-${200000 + i};`);
    const lineBytes = Buffer.byteLength(line);
    if (bytes < chunkBytes && bytes + lineBytes + 40 > chunkBytes) {
      // The name starts with padding so that its "é" takes the boundary's last and first byte.
      line = row(i, 'x'.repeat(chunkBytes - 1 - bytes - prefix) + `é ${i}`);
      assert.equal(Buffer.from(line).subarray(chunkBytes - 1 - bytes, chunkBytes + 1 - bytes).toString(), 'é');
    }
    lines.push(line);
    bytes += Buffer.byteLength(line);
  }
  writeFileSync(path, lines.join(''));
}

async function reload(page) {
  await page.reload();
  await page.evaluate(() => window.radar.ready);
  return waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
}

test('accepting a big import shows its progress, can be stopped with nothing changed, then completes', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-accept-'));
  const file = join(folder, 'big_export.csv');
  writeExport(file);
  const app = await openApp();
  try {
    const { page } = app;
    const demoCount = app.info.dossiers;
    await page.evaluate(() => window.radar.showScreen('data'));
    await waitForInfo(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
    const choosing = page.waitForEvent('filechooser');
    await clickWidget(page, 'button:choose-file');
    await (await choosing).setFiles(file);
    const reviewing = await waitForInfo(page, (info) => info.import.phase === 'reviewing', 'the review');
    assert.equal(reviewing.import.rowsImported, dossierCount);
    assert.equal(reviewing.import.accept, 'none');

    // The page's CPU runs slower until the takeover is stopped: the work is sliced by time, so it
    // spreads over more frames, and the stop lands long before the work could finish.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    // The fingerprint and indexes are prepared while the review is on screen, before any accept.
    const ahead = await waitForInfo(page, (info) => info.import.accept === 'none' && info.import.acceptProgress > 0,
      'the preparation during the review');
    assert.ok(ahead.import.acceptProgress < 1);
    assert.equal(ahead.dossiers, demoCount);
    await waitForInfo(page, (info) => info.widgets['button:accept-import'], 'the accept button');
    await clickWidget(page, 'button:accept-import');
    const preparing = await waitForInfo(page, (info) => info.import.accept === 'preparing' && info.import.acceptProgress > 0,
      'the takeover in progress');
    assert.ok(preparing.import.acceptProgress < 1, 'the progress is reported while the work goes on');
    assert.equal(preparing.dossiers, demoCount, 'the current data stay in use while the import is taken over');
    await page.screenshot({ path: join(screenshotFolder, 'import-accepting.png') });
    const later = await waitForInfo(page, (info) => info.import.acceptProgress > preparing.import.acceptProgress,
      'more progress');
    assert.equal(later.import.accept, 'preparing');

    await clickWidget(page, 'button:stop-accept');
    const stopped = await waitForInfo(page, (info) => info.import.accept === 'none', 'the stopped takeover');
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    assert.equal(stopped.import.phase, 'reviewing', 'the review is back, ready to accept again');
    assert.equal(stopped.dossiers, demoCount, 'stopping changed nothing');
    assert.equal(stopped.synthetic, true);

    await clickWidget(page, 'button:accept-import');
    const accepted = await waitForInfo(page, (info) => info.import.phase === 'idle', 'the accepted import');
    assert.equal(accepted.importRefusal, undefined);
    assert.equal(accepted.dossiers, dossierCount);
    assert.equal(accepted.synthetic, false);
    assert.equal(accepted.source, 'big_export.csv');
    await nextFrames(page);

    const stored = await waitForInfo(page, (info) => info.datasetStore.save === 'saved', 'the stored snapshot');
    assert.equal(stored.datasetStore.stored, true);
    // importState(), which benchmarks poll every frame, says what info() says of the import and the store.
    const state = await page.evaluate(() => window.radar.importState());
    assert.deepEqual(Object.keys(state).sort(),
                     ['datasetStore', 'dossiers', 'fieldDictionary', 'import', 'mappingProfiles', 'profileSave', 'synthetic']);
    for (const key of Object.keys(state)) assert.deepEqual(state[key], stored[key], key);
    await reload(page);
    const restoring = await waitForInfo(page, (info) => info.import.restoring || !info.synthetic, 'the stored dataset');
    if (restoring.import.restoring) {
      assert.equal(restoring.import.restoring, 'big_export.csv');
      assert.equal(restoring.synthetic, true, 'the demo data stay in use while the stored dataset loads');
      await page.screenshot({ path: join(screenshotFolder, 'import-restoring.png') });
    }
    const restored = await waitForInfo(page, (info) => !info.synthetic, 'the stored dataset instead of the demo');
    assert.equal(restored.import.restoring, undefined);
    assert.equal(restored.source, 'big_export.csv');
    assert.equal(restored.dossiers, dossierCount);
    assert.equal(restored.datasetHash, accepted.datasetHash, 'the stored snapshot gives the same dataset back');
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
