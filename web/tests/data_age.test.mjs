// Browser test of the data age after an import (issue #15): the review asks "Gegevens per" with
// the file's last change as default; what is accepted is the export date the header and the
// Screening screen show (not the demo's), and it survives a reload. An export with its own
// Exportdatum column dates itself. A date in the future or no date at all is refused, nothing lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget, waitForInfo, shownWords } from './browser.mjs';

const cli = process.env.RADAR_CLI || 'build/native/radar';

function demoExport(folder, name, { exportDateColumn } = {}) {
  const demo = spawnSync(cli, ['demo', '--count', '40'], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stderr);
  let lines = demo.stdout.trimEnd().split('\n');
  if (exportDateColumn) lines = lines.map((line, i) => `${line},${i === 0 ? 'Exportdatum' : exportDateColumn}`);
  const file = join(folder, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function review(page, file) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
  await waitForInfo(page, (info) => info.import.phase === 'reviewing' && info.widgets['button:accept-import'], 'the review');
}


async function typeExportDate(page, text) {
  await clickWidget(page, 'import-export-date');
  await page.keyboard.down('Control');
  await pressKey(page, 'a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await nextFrames(page);
}

test('the export date is asked on accept, defaults to the file date, and is the data age everywhere', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-data-age-'));
  const app = await openApp();
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    const demoDate = (await page.evaluate(() => window.radar.info())).exportDate;

    const file = demoExport(folder, 'export-november.csv');
    const changed = new Date(2026, 10, 20, 12, 0, 0);  // 20 November 2026, local noon
    utimesSync(file, changed, changed);
    await review(page, file);
    assert.match(await shownWords(page), /Gegevens per 20 november 2026/, 'the file date is the default');
    await page.screenshot({ path: join(screenshotFolder, 'data-age-review.png') });

    // A date in the future is refused and the review stays, with the data.
    await typeExportDate(page, '1 januari 2099');
    await clickWidget(page, 'button:accept-import');
    assert.match(await shownWords(page), /een datum in de toekomst kan niet/);
    assert.equal((await page.evaluate(() => window.radar.info())).import.phase, 'reviewing');

    await typeExportDate(page, '14-11-2026');
    await clickWidget(page, 'button:accept-import');
    const accepted = await waitForInfo(page, (info) => info.import.phase === 'idle' && !info.synthetic, 'the accept');
    assert.equal(accepted.exportDate, '2026-11-14');
    assert.notEqual(accepted.exportDate, demoDate);
    assert.match(await shownWords(page), /export-november\.csv · Exportdatum: 14 november 2026/);

    // Screening says how old the data are (its line shows once a batch is being screened).
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await waitForInfo(page, (info) => info.screen === 'selection' && info.widgets['commit-batch'], 'the selection');
    await clickWidget(page, 'commit-batch');
    await waitForInfo(page, (info) => info.batches.length === 1, 'the batch commit');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await waitForInfo(page, (info) => info.screen === 'screening', 'the screening screen');
    assert.match(await shownWords(page), /Gegevens uit de export van 14 november 2026/);
    await page.screenshot({ path: join(screenshotFolder, 'data-age-screening.png') });

    // After a reload the stored dataset keeps its export date.
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    const reopened = await waitForInfo(page, (info) => info.storage.loaded && !info.synthetic && info.import.phase === 'idle',
      'the stored dataset');
    assert.equal(reopened.exportDate, '2026-11-14');

    // An export with its own Exportdatum column dates itself; no date is asked.
    await review(page, demoExport(folder, 'export-met-datum.csv', { exportDateColumn: '2026-10-31' }));
    assert.match(await shownWords(page), /Gegevens per 31 oktober 2026 \(kolom Exportdatum\)/);
    await clickWidget(page, 'button:accept-import');
    const dated = await waitForInfo(page, (info) => info.import.phase === 'idle' && info.exportDate === '2026-10-31',
      'the dated import');
    assert.equal(dated.synthetic, false);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
