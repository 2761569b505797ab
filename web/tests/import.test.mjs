// Browser test of the import screen: a messy Windows-1252 semicolon export goes through the real
// file chooser; the summary is right, nothing changes until the user accepts, and accepting
// replaces the demo data with the imported dossiers (extra columns kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget } from './browser.mjs';

const fixture = 'tests/data/import/messy_export_cp1252.csv';

async function waitFor(page, predicate, what) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const info = await page.evaluate(() => window.radar.info());
    if (predicate(info)) return info;
    await nextFrames(page);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Picks `files` (a path or {name, mimeType, buffer}) with the data screen's file chooser.
async function chooseFile(page, files) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitFor(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(files);
}

test('a messy export is imported through the file chooser, reviewed, then accepted', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const demoCount = app.info.dossiers;
    await chooseFile(page, fixture);

    const reviewing = await waitFor(page, (info) => info.import.phase === 'reviewing', 'the review');
    assert.equal(reviewing.import.ok, true);
    assert.equal(reviewing.import.encoding, 'windows-1252');
    assert.equal(reviewing.import.rowsRead, 11);
    assert.equal(reviewing.import.rowsImported, 8);
    assert.equal(reviewing.import.rowsRejected, 3);
    assert.equal(reviewing.dossiers, demoCount, 'nothing changes before the user accepts');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-review.png') });

    await waitFor(page, (info) => info.widgets['button:accept-import'], 'the accept button');
    await clickWidget(page, 'button:accept-import');
    const accepted = await waitFor(page, (info) => info.import.phase === 'idle', 'the accepted import');
    assert.equal(accepted.importRefusal, undefined);
    assert.equal(accepted.dossiers, 8);
    assert.equal(accepted.synthetic, false);
    assert.equal(accepted.source, 'messy_export_cp1252.csv');
    assert.equal(accepted.columns, reviewing.import.columns, 'every column of the file is kept');
    await page.evaluate(() => window.radar.showScreen('ranking'));
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-ranking.png') });
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('an export without a field the active model reads is refused on accept, and nothing changes', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const demoCount = app.info.dossiers;
    // Every field the app needs, none of the inputs of the default model.
    const text = 'dossier_id;name;municipality;care_type\nKO-1;Kribbe A;Gent;groepsopvang\nKO-2;Kribbe B;Brugge;gezinsopvang\n';
    await chooseFile(page, { name: 'no_model_fields.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const reviewing = await waitFor(page, (info) => info.import.phase === 'reviewing', 'the review');
    assert.equal(reviewing.import.rowsImported, 2);

    await waitFor(page, (info) => info.widgets['button:accept-import'], 'the accept button');
    await clickWidget(page, 'button:accept-import');
    const refused = await waitFor(page, (info) => info.importRefusal !== undefined, 'the refusal');
    assert.match(refused.importRefusal, /kan deze gegevens niet scoren/);
    assert.equal(refused.import.phase, 'reviewing', 'the review stays open');
    assert.equal(refused.import.accept, 'none');
    assert.equal(refused.dossiers, demoCount, 'the demo data stay');
    assert.equal(refused.synthetic, true);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-refused.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
