// Browser test of moving the team's work between two browsers through backup files (issue #6):
// one browser commits a batch and codes two dossiers, downloads a backup from the Opslag screen;
// a second browser (its own profile) refuses a corrupted copy with nothing written, merges the
// real one, finds the same events, and changes nothing on a second import; then it forgets
// everything after the typed confirmation and starts empty. A third browser holds the same work
// in a database of the previous schema: the app offers a backup, migrates, and loads it all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openApp, nextFrames, pressKey, screenshotFolder, radarInfo, waitForInfo, clickWidget, clickToReload, isCoded,
} from './browser.mjs';


async function codeTwoDossiers(page) {
  await waitForInfo(page, (state) => state.storage.loaded, 'the store to load');
  await page.evaluate(() => window.radar.setScreener('An'));
  await page.evaluate(() => window.radar.showScreen('selection'));
  await nextFrames(page);
  await clickWidget(page, 'commit-batch');
  await waitForInfo(page, (state) => state.batches.length === 1, 'the batch commit');
  await page.evaluate(() => window.radar.showScreen('screening'));
  await nextFrames(page);
  const queue = (await radarInfo(page)).screening.queue.map((item) => item.id);
  await pressKey(page, '1');
  await pressKey(page, 'Enter');
  await waitForInfo(page, isCoded(queue[0]), 'the first decision');
  await waitForInfo(page, (state) => state.screening.dossier === queue[1], 'the move to the next dossier');
  await pressKey(page, '3');
  await pressKey(page, 'Enter');
  await waitForInfo(page, isCoded(queue[1]), 'the second decision');
  return queue;
}

async function chooseBackup(page, file) {
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'backup-import');
  await (await choosing).setFiles(file);
}

const exportedFile = join(screenshotFolder, 'backup-first.json');
let firstState;

test('a backup moves the work to another browser, once; forgetting empties the browser', async () => {
  const first = await openApp();
  try {
    const { page } = first;
    const queue = await codeTwoDossiers(page);
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (state) => state.backup.status !== undefined, 'the storage status');
    let state = await radarInfo(page);
    assert.equal(state.backup.due, true, 'decisions without a backup: the reminder shows');
    assert.equal(state.backup.lastBackupAt, '');

    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'backup-export');
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^dossier-radar-backup-\d{4}-\d{2}-\d{2}\.json$/);
    writeFileSync(exportedFile, readFileSync(await download.path()));
    const backup = JSON.parse(readFileSync(exportedFile, 'utf8'));
    assert.equal(backup.format, 'dossier-radar-backup');
    state = await waitForInfo(page, (s) => s.backup.phase === 'done' && s.backup.lastBackupAt !== '', 'the export');
    assert.equal(state.backup.due, false);
    // batch commit, Risico, Verder onderzoek nodig and its follow-up
    assert.equal(state.events, 4);
    assert.equal(backup.counts.events, state.events);
    assert.equal(backup.counts.batches, 1);
    await page.screenshot({ path: join(screenshotFolder, 'storage.png') });
    firstState = { events: state.events, batches: state.batches, queue };
    assert.deepEqual(first.consoleErrors, []);
  } finally {
    await first.close();
  }

  const second = await openApp({ query: '?lang=en' });
  try {
    const { page } = second;
    await waitForInfo(page, (state) => state.storage.loaded, 'the second store to load');
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (state) => state.backup.status !== undefined, 'the storage status');

    // A corrupted copy (one code changed, the checksum no longer matches) is refused; nothing written.
    const corrupted = join(screenshotFolder, 'backup-corrupted.json');
    writeFileSync(corrupted, readFileSync(exportedFile, 'utf8').replace('"risico"', '"geen_risico"'));
    await chooseBackup(page, corrupted);
    let state = await waitForInfo(page, (s) => s.backup.phase === 'failed', 'the refusal');
    assert.match(state.backup.detail, /sha|hash|checksum/i);
    assert.equal(state.events, 0);

    await chooseBackup(page, exportedFile);
    state = await waitForInfo(page, (s) => s.backup.preview !== undefined, 'the merge preview');
    assert.equal(state.backup.preview.events, firstState.events);
    assert.equal(state.backup.preview.batches, 1);
    assert.equal(state.events, 0, 'nothing is written before the merge is confirmed');
    await page.screenshot({ path: join(screenshotFolder, 'storage-merge-preview.png') });
    await clickWidget(page, 'backup-merge');
    state = await waitForInfo(page, (s) => s.backup.merged !== undefined && s.events === firstState.events, 'the merge');
    assert.deepEqual(state.batches, firstState.batches);
    assert.equal(state.batches[0].coded, 2);

    // The same file again: everything is already here.
    await chooseBackup(page, exportedFile);
    state = await waitForInfo(page, (s) => s.backup.preview !== undefined, 'the second preview');
    assert.equal(state.backup.preview.events, 0);
    // the events, the batch, and the start-up model version both browsers stored
    assert.equal(state.backup.preview.identical, firstState.events + 2);
    await clickWidget(page, 'backup-merge');
    state = await waitForInfo(page, (s) => s.backup.merged !== undefined, 'the second merge');
    assert.equal(state.events, firstState.events);

    // The reload survives: the merged work is stored, not only shown.
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.storage.loaded && s.events === firstState.events, 'the reloaded store');
    assert.deepEqual(state.batches, firstState.batches);

    // Forget everything: the button only works after typing the word.
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (state) => state.backup.status !== undefined, 'the storage status');
    await clickWidget(page, 'forget');
    assert.equal((await radarInfo(page)).events, firstState.events, 'nothing happens without the typed confirmation');
    await clickWidget(page, 'forget-confirmation');
    await page.keyboard.type('FORGET');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'storage-forget.png') });
    await clickToReload(page, 'forget');
    state = await waitForInfo(page, (s) => s.storage.loaded, 'the store after forgetting');
    assert.equal(state.events, 0);
    assert.deepEqual(state.batches, []);
    // The page says what was removed.
    await page.evaluate(() => window.radar.captureText());
    await nextFrames(page);
    await nextFrames(page);
    assert.match(await page.evaluate(() => window.radar.capturedText()),
      new RegExp(`Everything was forgotten: ${firstState.events} events, 1 batch and 0 mapping profiles were wiped`));
    await page.screenshot({ path: join(screenshotFolder, 'storage-forgotten.png') });
    assert.deepEqual(second.consoleErrors, []);
  } finally {
    await second.close();
  }
});

// Removes the app's journal files from the origin's private file system, waiting while the
// worker of the page just left still holds one (it lets go when it is ended).
async function removeJournals() {
  const root = await navigator.storage.getDirectory();
  for (const name of await Array.fromAsync(root.keys())) {
    if (!name.startsWith('dossier-radar')) continue;
    for (;;) {
      try {
        await root.removeEntry(name);
        break;
      } catch (error) {
        if (error.name !== 'NoModificationAllowedError') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
}

// Writes the backup's events and batches into a schema-1 database (records without a schema
// field), as an older version of the app left them, from a page of the app's origin.
function createSchemaOneDatabase(content) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('dossier-radar', 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of ['events', 'batches', 'models', 'mapping_profiles', 'settings'])
        db.createObjectStore(name, { keyPath: 'key' });
      db.createObjectStore('snapshots', { keyPath: 'key' });
      db.createObjectStore('snapshot_chunks', { keyPath: 'key' });
      const transaction = request.transaction;
      for (const event of content.events)
        transaction.objectStore('events').put({ key: event.event_id, data: JSON.stringify(event) });
      for (const batch of content.batches)
        transaction.objectStore('batches').put({ key: batch.batch_id, data: JSON.stringify(batch) });
    };
    request.onsuccess = () => { request.result.close(); resolve(); };
    request.onerror = () => reject(request.error);
  });
}

test('a database of the previous schema is migrated after a backup is offered, keeping everything', async () => {
  const third = await openApp();
  try {
    const { page, url } = third;
    const content = JSON.parse(readFileSync(exportedFile, 'utf8')).content;
    // Replace this profile's database with a schema-1 one, from a page of the same origin that
    // does not run the app, then start the app on it. The app this profile just ran also left its
    // journal (a file in the origin's private file system): a browser that only knew the
    // schema-1 app has none, and with one the app would take the unmarked schema-1 database for
    // one the browser deleted and rebuild it from the journal (without these events).
    await waitForInfo(page, (s) => s.storage.loaded, 'the first start to finish with its store');
    await page.goto(url + 'blank-for-test');
    await page.evaluate(() => new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('dossier-radar');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }));
    await page.evaluate(removeJournals);
    await page.evaluate(createSchemaOneDatabase, content);
    await page.goto(url);
    await page.evaluate(() => window.radar.ready);
    let state = await waitForInfo(page, (s) => s.storage.loaded, 'the store to open');
    assert.deepEqual(state.backup.pendingMigration, { from: 1, to: 2, rewritesData: true });
    assert.equal(state.events, 0, 'nothing loads before the migration');
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (state) => state.backup.status !== undefined, 'the storage status');
    await page.screenshot({ path: join(screenshotFolder, 'storage-migration.png') });

    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'migration-backup');
    const offered = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    assert.equal(offered.schemaVersion, 1);
    assert.equal(offered.counts.events, content.events.length);

    await clickWidget(page, 'migration-start');
    state = await waitForInfo(page, (s) => s.backup.pendingMigration === undefined && s.events === content.events.length,
                              'the migration');
    assert.deepEqual(state.batches, firstState.batches);
    assert.deepEqual(third.consoleErrors.filter((text) => !text.includes('404')), []);
  } finally {
    await third.close();
  }
});
