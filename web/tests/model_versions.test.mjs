// Browser test of model versions that last (issue #15): a version saved with a changed weight says
// "saving" until the store confirms it; after a reload it is listed and active with that weight,
// and the start-up model is not stored a second time; a downloaded backup holds every version and
// the active choice, and a fresh browser profile that imports it gets the versions back, the saved
// one active, also after its own reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, radarInfo, waitForInfo, clickWidget, shownText } from './browser.mjs';

const startUpStored = (state) => state.storage.loaded && state.model?.versionList?.[0]?.save === 'saved';


test('a saved model version is stored, active after a reload, and travels in a backup', async () => {
  const backupFile = join(screenshotFolder, 'backup-model-versions.json');
  let parameter, changed, savedFingerprint;
  const first = await openApp();
  try {
    const { page } = first;
    const start = await waitForInfo(page, startUpStored, 'the start-up model to be stored');
    assert.equal(start.model.versions, 1);
    [parameter] = Object.keys(start.model.weights);
    changed = start.model.weights[parameter] + 1.5;
    assert.equal(await page.evaluate(([id, weight]) => window.radar.setWeight(id, weight), [parameter, changed]), true);

    // Shown as saved only once the store confirmed it.
    const [version, listed] = await page.evaluate(() => {
      const saved = window.radar.saveVersion('Tester', 'heavier weight');
      return [saved, window.radar.info().model.versionList];
    });
    assert.equal(version, 2);
    assert.equal(listed[1].save, 'saving');
    let state = await waitForInfo(page, (s) => s.model.versionList[1].save === 'saved', 'the store to confirm version 2');
    savedFingerprint = state.model.versionList[1].fingerprint;
    // The same content again is that version, not a third one.
    assert.equal(await page.evaluate(() => window.radar.saveVersion('Tester', 'again')), 2);
    assert.equal((await radarInfo(page)).model.versions, 2);

    await page.reload();
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.storage.loaded && s.model?.activeVersion === 2, 'the stored active version');
    assert.equal(state.model.versions, 2, 'the start-up model is not stored again');
    assert.equal(state.model.weights[parameter], changed);
    assert.equal(state.model.edited, false);
    assert.equal(state.model.notice, '');
    assert.deepEqual(state.model.versionList.map((item) => [item.version, item.author, item.save]),
                     [[1, start.model.versionList[0].author, null], [2, 'Tester', null]]);
    await page.evaluate(() => window.radar.showScreen('model'));
    await nextFrames(page);
    await nextFrames(page);
    const text = await shownText(page);
    assert.match(text, /heavier weight/);
    assert.match(text, /actief/);
    assert.doesNotMatch(text, /opslaan…|Niet opgeslagen/);
    await page.screenshot({ path: join(screenshotFolder, 'model-versions-after-reload.png') });

    // The backup holds both versions and the choice of the active one.
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (s) => s.backup.status !== undefined, 'the storage status');
    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'backup-export');
    writeFileSync(backupFile, readFileSync(await (await downloading).path()));
    const backup = JSON.parse(readFileSync(backupFile, 'utf8'));
    assert.equal(backup.counts.models, 2);
    const versions = backup.content.models.map((record) => record.value).sort((a, b) => a.version - b.version);
    assert.deepEqual(versions.map((value) => [value.version, value.author]), [[1, start.model.versionList[0].author], [2, 'Tester']]);
    assert.equal(versions[1].fingerprint, savedFingerprint);
    assert.equal(JSON.parse(versions[1].model_json).parameters.find((p) => p.id === parameter).weight, changed);
    assert.equal(backup.content.settings.active_model, savedFingerprint);
    assert.deepEqual(first.consoleErrors, []);
  } finally {
    await first.close();
  }

  const second = await openApp();
  try {
    const { page } = second;
    await waitForInfo(page, startUpStored, 'the fresh profile to store its start-up model');
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (s) => s.backup.status !== undefined, 'the storage status');
    const choosing = page.waitForEvent('filechooser');
    await clickWidget(page, 'backup-import');
    await (await choosing).setFiles(backupFile);
    let state = await waitForInfo(page, (s) => s.backup.preview !== undefined, 'the merge preview');
    assert.equal(state.backup.preview.models, 1, 'the start-up model is already here');
    assert.equal(state.backup.preview.settings, 1);
    assert.deepEqual(state.backup.preview.conflicts, []);
    await clickWidget(page, 'backup-merge');
    state = await waitForInfo(page, (s) => s.backup.merged !== undefined && s.model.activeVersion === 2, 'the merged versions');
    assert.equal(state.model.versions, 2);
    assert.equal(state.model.versionList[1].fingerprint, savedFingerprint);
    assert.equal(state.model.weights[parameter], changed);

    await page.reload();
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.storage.loaded && s.model?.activeVersion === 2, 'the merged versions after a reload');
    assert.equal(state.model.versions, 2);
    assert.equal(state.model.weights[parameter], changed);
    assert.deepEqual(second.consoleErrors, []);
  } finally {
    await second.close();
  }
});
