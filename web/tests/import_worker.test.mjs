// Browser test of the import worker (issue #20): a picked file is read by a Web Worker of its own
// while the page keeps drawing; Stop ends that worker with nothing changed; the next file is read
// to its review by a new worker; with the network off the worker's files come from the offline
// cache, so an import still works; and where the worker cannot start (a deployment without its
// wasm) the page reads the file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, clickWidget, waitForInfo, nextFrames, shownWords, siteFolder } from './browser.mjs';

const importState = (page) => page.evaluate(() => window.radar.importState());

// An export of `rows` dossiers with the dictionary's own column names and plain, valid values.
function writeExport(path, rows) {
  const lines = ['dossier_id,name,municipality,province,care_type,capacity,start_date,complaints_12m\n'];
  for (let i = 0; i < rows; i++)
    lines.push(`KO-${100000 + i},Opvang ${i},Gent,Oost-Vlaanderen,groepsopvang,${10 + (i % 30)},03/05/2010,${i % 4}\n`);
  writeFileSync(path, lines.join(''));
}

async function chooseFile(page, file) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
}

// Counts the page's animation frames from now on (window.framesDrawn).
const countFrames = (page) => page.evaluate(() => {
  window.framesDrawn = 0;
  const tick = () => { window.framesDrawn++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});

test('a file is read by a worker while the page draws; Stop ends the worker; the next file is read to its review', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-worker-'));
  const big = join(folder, 'big_export.csv');
  const small = join(folder, 'small_export.csv');
  writeExport(big, 1000000);  // about 90 MB: seconds of reading, so Stop lands while it reads
  writeExport(small, 2500);
  const app = await openApp();
  try {
    const { page } = app;
    const demoCount = app.info.dossiers;
    await countFrames(page);
    await chooseFile(page, big);
    const reading = await waitForInfo(page, (info) => info.import.phase === 'reading' && info.import.bytesRead > 0,
                                      'the worker reading', { read: importState });
    assert.ok(reading.import.bytesRead < reading.import.fileBytes, 'the file is still being read');
    assert.equal(await page.evaluate(() => window.RadarFiles.worker !== null), true, 'a worker reads it');
    const framesAtStart = await page.evaluate(() => window.framesDrawn);
    await nextFrames(page);
    assert.ok(await page.evaluate(() => window.framesDrawn) > framesAtStart);
    const further = await waitForInfo(page, (info) => info.import.bytesRead > reading.import.bytesRead,
                                      'more of the file read', { read: importState });
    assert.equal(further.import.phase, 'reading', 'the page drew frames while the worker read on');

    await clickWidget(page, 'button:cancel-reading');
    const stopped = await waitForInfo(page, (info) => info.import.phase === 'idle', 'the stopped read', { read: importState });
    assert.equal(stopped.import.readError, 'cancelled');
    assert.equal(await page.evaluate(() => window.RadarFiles.worker), null, 'the worker is gone');
    assert.equal(stopped.dossiers, demoCount, 'stopping changed nothing');
    assert.equal(stopped.synthetic, true);
    await nextFrames(page);
    assert.match(await shownWords(page), /Inlezen van big_export\.csv gestopt: er is niets geïmporteerd\./);

    await chooseFile(page, small);
    const reviewing = await waitForInfo(page, (info) => info.import.phase === 'reviewing', 'the review', { read: importState });
    assert.equal(reviewing.import.ok, true);
    assert.equal(reviewing.import.rowsImported, 2500);
    assert.equal(reviewing.import.file, 'small_export.csv');
    assert.ok(await page.evaluate(() => window.RadarFiles.workerMemory.workerBytes) > 0, 'a worker read it');
    assert.equal(await page.evaluate(() => window.RadarFiles.worker), null, 'and ended with its result');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('with the network off, a file is still read: the worker comes from the offline cache', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-worker-offline-'));
  const file = join(folder, 'export.csv');
  writeExport(file, 300);
  const app = await openApp();
  try {
    const { page } = app;
    await page.waitForFunction(() => window.radarOffline.state === 'ready' && navigator.serviceWorker.controller !== null);
    await page.context().setOffline(true);
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    await chooseFile(page, file);
    const reviewing = await waitForInfo(page, (info) => info.import.phase === 'reviewing', 'the review, offline',
                                        { read: importState });
    assert.equal(reviewing.import.rowsImported, 300);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('where the import worker cannot start, the page reads the file itself', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-worker-missing-'));
  const site = join(folder, 'site');
  cpSync(siteFolder, site, { recursive: true });
  rmSync(join(site, 'radar_import_core.wasm'));  // a deployment that lost the worker's wasm
  const file = join(folder, 'export.csv');
  writeExport(file, 2500);
  const app = await openApp({ folder: site });
  try {
    const { page } = app;
    await chooseFile(page, file);
    const reviewing = await waitForInfo(page, (info) => info.import.phase === 'reviewing' || info.import.readError,
                                        'the review', { read: importState });
    assert.equal(reviewing.import.readError, '');
    assert.equal(reviewing.import.rowsImported, 2500);
    assert.equal(await page.evaluate(() => window.RadarFiles.workerMemory), null, 'no worker read it');
    // The missing file and the worker's failed compile are reported; nothing else goes wrong.
    assert.deepEqual(app.consoleErrors.filter((error) => !/404|radar_import_core\.wasm|Aborted\(CompileError/.test(error)), []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
