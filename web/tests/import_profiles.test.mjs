// Browser test of what an import leaves behind: a mapping edited in the review and saved as a
// profile is applied to the same export after a reload; an accepted import is back after a
// reload instead of the demo data; with "memory only" on, the demo data are back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget } from './browser.mjs';

const fixture = 'tests/data/import/messy_export_cp1252.csv';
const fileName = 'messy_export_cp1252.csv';
const profileName = 'Export Opgroeien';

// Generous: frames take a few hundred milliseconds in a loaded headless Chromium.
async function waitFor(page, predicate, what) {
  let info;
  for (let attempt = 0; attempt < 600; attempt++) {
    info = await page.evaluate(() => window.radar.info());
    if (predicate(info)) return info;
    await nextFrames(page);
  }
  const { import: session, datasetStore, synthetic, screen } = info;
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ screen, synthetic, datasetStore, phase: session.phase })}`);
}

async function reload(page) {
  await page.reload();
  await page.evaluate(() => window.radar.ready);
  return waitFor(page, (info) => info.storage.loaded, 'the store to load');
}

async function chooseFixture(page) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitFor(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(fixture);
  return waitFor(page, (info) => info.import.phase === 'reviewing', 'the review');
}

const fieldOf = (info, header) => info.import.mapping.find((column) => column.header === header);

test('an edited mapping saved as a profile is applied to the same export after a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const first = await chooseFixture(page);
    assert.equal(fieldOf(first, 'Opmerking').field, '', 'an unknown header is an extra attribute');
    assert.equal(first.import.matchedProfile, '');
    assert.ok(first.import.fieldsNotFound.includes('language'));

    assert.equal(await page.evaluate(() => window.radar.importAssign('Opmerking', 'language')), true);
    const remapped = await waitFor(page, (info) => info.import.phase === 'reviewing' && fieldOf(info, 'Opmerking').field === 'language',
                                   'the re-read with the edited mapping');
    assert.equal(fieldOf(remapped, 'Opmerking').protected, true, 'a protected field stays marked');
    assert.equal(remapped.import.rowsRead, first.import.rowsRead);
    assert.equal(remapped.import.columns, first.import.columns, 'no column is dropped');
    assert.ok(!remapped.import.fieldsNotFound.includes('language'));

    assert.equal(await page.evaluate((name) => window.radar.importSaveProfile(name), profileName), true);
    await waitFor(page, (info) => info.profileSave === 'saved', 'the profile to be stored');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-mapping-edit.png') });

    const reloaded = await reload(page);
    assert.deepEqual(reloaded.mappingProfiles, [profileName]);
    const again = await chooseFixture(page);
    const applied = again.import.matchedProfile === profileName ? again
      : await waitFor(page, (info) => info.import.phase === 'reviewing' && info.import.matchedProfile === profileName,
                      'the saved profile to be applied');
    assert.equal(applied.import.profile, profileName);
    assert.equal(fieldOf(applied, 'Opmerking').field, 'language');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-profile-applied.png') });
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('an accepted import is back after a reload, unless dossier data are kept in memory only', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const demoCount = app.info.dossiers;
    await chooseFixture(page);
    await waitFor(page, (info) => info.widgets['button:accept-import'], 'the accept button');
    await clickWidget(page, 'button:accept-import');
    const accepted = await waitFor(page, (info) => info.import.phase === 'idle' && info.datasetStore.save === 'saved',
                                   'the snapshot to be stored');
    assert.equal(accepted.synthetic, false);
    assert.equal(accepted.datasetStore.stored, true);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-snapshot-saved.png') });

    await reload(page);
    const restored = await waitFor(page, (info) => !info.synthetic, 'the stored dataset instead of the demo');
    assert.equal(restored.source, fileName);
    assert.equal(restored.dossiers, accepted.dossiers);
    assert.equal(restored.columns, accepted.columns);
    await page.evaluate(() => window.radar.showScreen('ranking'));
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-restored-ranking.png') });

    // The privacy switch is in the storage screen's "where your data are" panel.
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitFor(page, (info) => info.screen === 'storage' && info.widgets['checkbox:memory-only'], 'the privacy setting');
    await clickWidget(page, 'checkbox:memory-only');
    await waitFor(page, (info) => info.widgets['button:confirm-memory-only'], 'the confirmation');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'import-memory-only-confirm.png') });
    await clickWidget(page, 'button:confirm-memory-only');
    const removed = await waitFor(page, (info) => info.datasetStore.memoryOnly && !info.datasetStore.stored, 'the snapshot removed');
    assert.equal(removed.synthetic, false, 'the dataset in memory stays until the page closes');

    const after = await reload(page);
    assert.equal(after.datasetStore.memoryOnly, true, 'the setting is stored');
    assert.equal(after.synthetic, true);
    assert.equal(after.dossiers, demoCount);
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});
