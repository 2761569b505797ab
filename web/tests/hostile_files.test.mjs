// Browser tests of unusual and hostile files through the file chooser (issue #14): Excel's
// "Unicode text" (UTF-16 LE, tabs) is read and its review names the encoding; a 10 MB line with
// no line break and JSON nested 100,000 levels deep are refused with a message naming the row,
// the page keeps working (info() answers, no console error) and wasm memory stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget, waitForInfo } from './browser.mjs';

async function chooseFile(page, file) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.screen === 'data' && info.import.phase === 'idle' && info.widgets['button:choose-file'],
    'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
  return waitForInfo(page, (info) => info.import.phase === 'reviewing', 'the review of ' + file);
}

async function discard(page) {
  await waitForInfo(page, (info) => info.widgets['button:discard-import'], 'the discard button');
  await clickWidget(page, 'button:discard-import');
  await waitForInfo(page, (info) => info.import.phase === 'idle', 'the discarded review');
}

test('UTF-16 is read; an endless line and deep JSON are refused by row, with memory bounded', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-hostile-'));
  const app = await openApp();
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');

    const review = await chooseFile(page, 'tests/data/import/excel_unicode_text_utf16le.txt');
    assert.equal(review.import.encoding, 'utf-16le');
    assert.equal(review.import.ok, true);
    assert.ok(review.import.rowsImported >= 8);
    await nextFrames(page);
    await page.evaluate(() => window.radar.captureText());
    await nextFrames(page);
    await nextFrames(page);
    assert.match(await page.evaluate(() => window.radar.capturedText()), /UTF-16 LE/);
    await page.screenshot({ path: join(screenshotFolder, 'import-utf16.png') });
    await discard(page);

    const endless = join(folder, 'endless_line.csv');
    writeFileSync(endless, 'a;b;c;'.repeat(10 * 1024 * 1024 / 6));
    const refused = await chooseFile(page, endless);
    assert.equal(refused.import.ok, false);
    assert.equal(refused.import.rowsImported, 0);
    await nextFrames(page);
    await page.evaluate(() => window.radar.captureText());
    await nextFrames(page);
    await nextFrames(page);
    const text = await page.evaluate(() => window.radar.capturedText());
    assert.match(text, /rij 1 \(regel 1\) is langer dan 1 MiB/);
    await page.screenshot({ path: join(screenshotFolder, 'import-endless-line.png') });
    await discard(page);

    const deep = join(folder, 'deep.json');
    writeFileSync(deep, '[' + '{"a":'.repeat(100000) + '1' + '}'.repeat(100000) + ']');
    const nested = await chooseFile(page, deep);
    assert.equal(nested.import.ok, false);
    await discard(page);

    const memory = await page.evaluate(() => window.Module.HEAP8.length);
    assert.ok(memory < 256 * 1024 * 1024, `wasm memory grew to ${memory} bytes for files of 10 MB`);
    const info = await page.evaluate(() => window.radar.info());
    assert.equal(info.error, undefined);
    assert.equal(info.synthetic, true, 'nothing was imported');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
