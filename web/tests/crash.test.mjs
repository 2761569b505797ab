// Browser tests of crash containment (issue #14): a trap in the wasm module stops the frame
// loop and shows a panel that says what happened, that stored decisions are safe, and offers a
// reload, a start without the stored dataset and a backup read straight from the browser store;
// a start-up that never finished reading the stored dataset is followed by an offer to skip it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget, waitForInfo, isCoded } from './browser.mjs';

async function codeOneDossier(page) {
  await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
  await page.evaluate(() => window.radar.setScreener('Tester'));
  await page.evaluate(() => window.radar.showScreen('selection'));
  await waitForInfo(page, (info) => info.screen === 'selection' && info.selection?.selected.length > 0, 'the preview');
  await clickWidget(page, 'commit-batch');
  await waitForInfo(page, (info) => info.batches.length === 1, 'the batch commit');
  await page.evaluate(() => window.radar.showScreen('screening'));
  const first = (await waitForInfo(page, (info) => info.screen === 'screening', 'the screening screen')).screening.dossier;
  await pressKey(page, '1');
  await pressKey(page, 'Enter');
  await waitForInfo(page, isCoded(first), 'the saved decision');
  return first;
}

test('a trap in the app shows the crash panel; the stored decision is safe and can be downloaded', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const coded = await codeOneDossier(page);
    const result = await page.evaluate(() => window.radar.simulateCrash());
    assert.match(result.error, /RuntimeError/);
    const panel = page.getByRole('alertdialog');
    await panel.waitFor();
    assert.match(await panel.textContent(), /gestopt door een fout/);
    assert.match(await panel.textContent(), /RuntimeError: unreachable/);
    assert.match(await panel.textContent(), /opgeslagen beslissingen zijn veilig/);
    assert.deepEqual(await page.evaluate(() => window.radar.info()), { error: 'the application stopped' });
    await page.screenshot({ path: join(screenshotFolder, 'crash-panel.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Back-up downloaden/ }).click();
    const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(backup.format, 'dossier-radar-store');
    assert.equal(backup.counts.snapshot_chunks, 0, 'no dossier data in the backup');
    assert.ok(JSON.stringify(backup.stores.events).includes(coded), 'the coded decision is in the backup');

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /Opnieuw laden/ }).click()]);
    await page.waitForFunction(() => window.radar !== undefined);
    await page.evaluate(() => window.radar.ready);
    const reloaded = await waitForInfo(page, (info) => info.storage.loaded && info.events === 2, 'the stored decision');
    assert.equal(reloaded.batches[0].coded, 1);

    // The emergency backup is a file the storage screen reads again: it adds nothing new here.
    const folder = mkdtempSync(join(tmpdir(), 'radar-crash-'));
    try {
      const file = join(folder, 'emergency.json');
      writeFileSync(file, JSON.stringify(backup));
      await page.evaluate(() => window.radar.showScreen('storage'));
      await waitForInfo(page, (info) => info.screen === 'storage' && info.widgets['backup-import'], 'the storage screen');
      const choosing = page.waitForEvent('filechooser');
      await clickWidget(page, 'backup-import');
      await (await choosing).setFiles(file);
      const preview = await waitForInfo(page, (info) => info.backup.preview, 'the backup preview');
      assert.equal(preview.backup.preview.events, 0);
      assert.equal(preview.backup.preview.identical, 4, 'the batch, its two events and the start-up model version');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const unexpected = app.consoleErrors.filter((text) => !/unreachable/.test(text));
    assert.deepEqual(unexpected, []);
  } finally {
    await app.close();
  }
});

test('after a start-up that never finished reading the stored dataset, the next start offers to skip it', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-unfinished-'));
  const app = await openApp();
  try {
    const { page } = app;
    const file = join(folder, 'small_export.csv');
    writeFileSync(file, readFileSync('tests/data/import/messy_export_cp1252.csv'));
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.showScreen('data'));
    await waitForInfo(page, (info) => info.widgets['button:choose-file'], 'the data screen');
    const choosing = page.waitForEvent('filechooser');
    await clickWidget(page, 'button:choose-file');
    await (await choosing).setFiles(file);
    await waitForInfo(page, (info) => info.import.phase === 'reviewing' && info.widgets['button:accept-import'], 'the review');
    await clickWidget(page, 'button:accept-import');
    await waitForInfo(page, (info) => !info.synthetic && info.datasetStore.save === 'saved', 'the stored dataset');

    // As if the page had died while reading the dataset again at start-up.
    await page.evaluate(() => localStorage.setItem('radar.datasetRestore', new Date().toISOString()));
    await page.reload();
    const offer = page.getByRole('alertdialog');
    await offer.waitFor();
    assert.match(await offer.textContent(), /vorige start is niet afgerond/);
    await page.screenshot({ path: join(screenshotFolder, 'unfinished-start-offer.png') });
    await page.getByRole('button', { name: /Starten zonder opgeslagen dataset/ }).click();
    await page.waitForURL(/skipDataset=1/);
    await page.waitForFunction(() => window.radar !== undefined);
    await page.evaluate(() => window.radar.ready);
    const skipped = await waitForInfo(page, (info) => info.skippedDataset === 'small_export.csv', 'the skipped dataset');
    assert.equal(skipped.synthetic, true);
    assert.ok(!page.url().includes('skipDataset'), 'the choice is not repeated by a later reload');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'skipped-dataset-banner.png') });

    await clickWidget(page, 'button:load-skipped-dataset');
    const loaded = await waitForInfo(page, (info) => !info.synthetic, 'the dataset loaded after all');
    assert.equal(loaded.source, 'small_export.csv');
    assert.equal(loaded.skippedDataset, undefined);
    assert.equal(await page.evaluate(() => localStorage.getItem('radar.datasetRestore')), null);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
