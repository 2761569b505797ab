// Browser test of risk labels that expire (issue #15): a dossier coded Risico shows its label in
// the dossier panel with the day it stops being current (12 months by default); the report
// counts it under current labels; a shorter validity chosen in the report applies to the panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget, waitForInfo, shownWords } from './browser.mjs';


test('a Risico label is current for 12 months, shown in the dossier panel and counted in the report', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await waitForInfo(page, (info) => info.widgets['commit-batch'], 'the preview');
    await clickWidget(page, 'commit-batch');
    await waitForInfo(page, (info) => info.batches.length === 1, 'the commit');
    await page.evaluate(() => window.radar.showScreen('screening'));
    const screening = await waitForInfo(page, (info) => info.screen === 'screening' && info.screening?.dossier, 'the queue');
    const dossier = screening.screening.dossier;
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    const coded = await waitForInfo(page, (info) => info.screening.queue.find((item) => item.id === dossier)?.code === 'risico',
      'the stored code');
    const today = new Date(coded.referenceDate + 'T00:00:00Z');
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
      'november', 'december'];
    const dutch = (date) => `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    const yearLater = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));

    await page.evaluate(() => window.radar.showScreen('ranking'));
    await page.evaluate((id) => window.radar.setFilter(id), dossier);
    await waitForInfo(page, (info) => info.screen === 'ranking' && info.visible === 1, 'the filtered list');
    await nextFrames(page);
    // The pointer rests on the row for a frame before the press (see clickWidget).
    const ranking = await page.evaluate(() => window.radar.info());
    await page.mouse.move(300, ranking.firstRowY);
    await nextFrames(page);
    await page.mouse.click(300, ranking.firstRowY);
    await waitForInfo(page, (info) => info.selected === dossier, 'the dossier panel');
    const panel = await shownWords(page);
    assert.match(panel, new RegExp(`Label Risico sinds ${dutch(today)}, actueel tot ${dutch(yearLater)}`));
    await page.screenshot({ path: join(screenshotFolder, 'risk-label-panel.png') });

    await page.evaluate(() => window.radar.showScreen('report'));
    await waitForInfo(page, (info) => info.screen === 'report', 'the report');
    const report = await shownWords(page);
    assert.match(report, /1 actueel risicolabel 0 verlopen binnenkort, 0 verlopen/);
    assert.match(report, /Labels actueel \(maanden\) 12/);
    await page.screenshot({ path: join(screenshotFolder, 'risk-label-report.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
