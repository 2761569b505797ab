// Browser test with real exports instead of the demo (issue #14): files of 1, 8 (the messy
// fixture), 100, 300, 2,400 and 100,000 dossiers are picked through the file chooser, accepted,
// and taken through every screen: the ranking, the model (a weight changed and saved), the
// selection (preview and freeze), screening (one dossier coded and saved), the report, the audit
// and the evaluation, the storage screen (a backup downloaded), then back to the demo data. No page error, no console
// error; a screenshot of every screen for the smallest and the largest file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openApp, nextFrames, pressKey, screenshotFolder, clickWidget, waitForInfo,
} from './browser.mjs';

const cli = process.env.RADAR_CLI || 'build/native/radar';
const messyFixture = 'tests/data/import/messy_export_cp1252.csv';

// The demo dossiers as a CSV export, cut to the first `count` after the header.
function writeDemoExport(folder, count) {
  const demo = spawnSync(cli, ['demo', '--count', String(Math.max(count, 1))], { encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.equal(demo.status, 0, demo.stderr);
  const lines = demo.stdout.split('\n');
  const file = join(folder, `export_${count}.csv`);
  writeFileSync(file, lines.slice(0, count + 1).join('\n') + '\n');
  return file;
}

async function importFile(page, file) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
  await waitForInfo(page, (info) => info.import.phase === 'reviewing', 'the review of ' + file);
  await waitForInfo(page, (info) => info.widgets['button:accept-import'], 'the accept button');
  await clickWidget(page, 'button:accept-import');
  return waitForInfo(page, (info) => info.import.phase === 'idle' && !info.synthetic, 'the accepted import');
}

async function show(page, screen, shot) {
  assert.equal(await page.evaluate((name) => window.radar.showScreen(name), screen), true);
  const info = await waitForInfo(page, (state) => state.screen === screen, 'the ' + screen + ' screen');
  await nextFrames(page);
  if (shot) await page.screenshot({ path: join(screenshotFolder, `${shot}-${screen}.png`) });
  return info;
}

async function walkEveryScreen(file, expectedDossiers, shot) {
  const app = await openApp();
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    const accepted = await importFile(page, file);
    assert.equal(accepted.dossiers, expectedDossiers);
    assert.equal(accepted.importRefusal, undefined);

    const ranking = await show(page, 'ranking', shot);
    assert.equal(ranking.visible, expectedDossiers);
    assert.ok(ranking.top.length > 0);

    await show(page, 'model', shot);
    const before = (await waitForInfo(page, (info) => info.model, 'the model')).model;
    assert.equal(await page.evaluate(() => window.radar.setWeight('complaints', 9)), true);
    const version = await page.evaluate(() => window.radar.saveVersion('Tester', 'weight for complaints'));
    assert.equal(version, before.versions + 1);

    const selection = await show(page, 'selection', shot);
    assert.equal(selection.selection.error, undefined);
    const selected = selection.selection.selected;
    assert.equal(selected.length, Math.min(25, expectedDossiers));
    await clickWidget(page, 'commit-batch');
    const committed = await waitForInfo(page, (info) => info.batches.length === 1, 'the batch commit');
    assert.equal(committed.batches[0].total, selected.length);

    const screening = await show(page, 'screening', shot);
    const first = screening.screening.dossier;
    assert.ok(selected.includes(first));
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    await waitForInfo(page, (info) => info.screening.queue.find((item) => item.id === first)?.code === 'risico',
      'the saved decision');

    const report = await show(page, 'report', shot);
    const figures = (await waitForInfo(page, (info) => info.report, 'the report')).report;
    assert.equal(figures.unique_dossiers, 1);
    assert.equal(report.dossiers, expectedDossiers);

    // The audit of the frozen batch over the imported dossiers' groups, and the evaluation.
    const audit = await show(page, 'audit', shot);
    assert.ok(audit.audit.groupings || audit.audit.auditError, 'the audit of the imported export');
    await show(page, 'evaluation', shot);

    await show(page, 'storage', shot);
    const download = page.waitForEvent('download');
    await clickWidget(page, 'backup-export');
    const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.ok(JSON.stringify(backup).includes(first), 'the backup holds the decision');

    await show(page, 'data');
    await waitForInfo(page, (info) => info.widgets['button:use-demo'], 'the demo button');
    await clickWidget(page, 'button:use-demo');
    await waitForInfo(page, (info) => info.widgets['button:confirm-use-demo'], 'the confirmation');
    await clickWidget(page, 'button:confirm-use-demo');
    const demo = await waitForInfo(page, (info) => info.synthetic, 'the demo data');
    assert.equal(demo.source, undefined);
    await show(page, 'selection');
    await show(page, 'ranking', shot ? shot + '-demo' : '');
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
}

test('real exports of every size go through every screen, then back to the demo', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-exports-'));
  try {
    await t.test('1 dossier', () => walkEveryScreen(writeDemoExport(folder, 1), 1, 'export-1'));
    await t.test('the messy fixture (8 dossiers)', () => walkEveryScreen(messyFixture, 8));
    for (const count of [100, 300, 2400])
      await t.test(`${count} dossiers`, () => walkEveryScreen(writeDemoExport(folder, count), count));
    await t.test('100,000 dossiers', () => walkEveryScreen(writeDemoExport(folder, 100000), 100000, 'export-100000'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
