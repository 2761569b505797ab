// Browser test of the stored dataset as a binary columnar snapshot in real IndexedDB: an
// imported export is stored as bytes (Uint8Array chunks) and comes back after a reload with the
// same dossiers; the same snapshot stored as text (as the version before stored it) comes back
// too and is stored as bytes again; a snapshot damaged in IndexedDB is reported after the next
// reload, with the demo data shown and the batch and its code still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, waitForInfo, clickWidget } from './browser.mjs';

const dossierCount = 3000;

// A semicolon export with accented names, empty and missing cells and decimal commas.
function writeExport(path) {
  const header = 'Dossiernummer;Naam opvang;Organisator;Gemeente;Provincie;Type opvang;Subsidietrap;Kindplaatsen;' +
    'Startdatum;Datum laatste inspectie;Tekorten;Ernstige tekorten;Klachten;Meldingen;Laatste ernstig signaal;' +
    'Handhaving;Wissels organisator;Wissels verantwoordelijke;Ontbrekende attesten;Terugvordering;Status;' +
    'Gemiddelde bezetting;Subsidie per jaar (€);Opmerking\r\n';
  const places = ['Gent', 'Sint-Niklaas', 'Ieper', 'Brugge'];
  const lines = [header];
  for (let i = 0; i < dossierCount; i++) {
    const inspected = i % 7 === 0 ? '' : `12/0${1 + (i % 9)}/2022`;
    lines.push(`KO-${300000 + i};Crèche Zoë ${i} 😀;ORG-${10000 + (i % 300)};${places[i % 4]};Oost-Vlaanderen;groepsopvang;` +
      `${1 + (i % 3)};${10 + (i % 20)};03/05/2010;${inspected};${i % 4};${i % 11 === 0 ? 1 : 0};${i % 3};0;;geen;0;1;0;nee;actief;` +
      `0,${10 + (i % 89)};${1000 + i},${i % 100};${i % 5 === 0 ? 'opmerking «' + i + '»' : ''}\r\n`);
  }
  writeFileSync(path, lines.join(''));
}

// Reloads the page; returns the app's info as its loading screen went (what the first frame a
// user sees held), once the store has loaded.
async function reload(page) {
  await page.reload();
  const firstShown = await page.evaluate(() => window.radar.ready);
  await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
  return firstShown;
}

// The stored dataset snapshot's manifest and chunks, read in the page from IndexedDB.
// Runs `work` in the page with `window.snapshotDatabase(run)` there: run(db, request) on the
// app's database (request(made) awaits an IDBRequest), closed again after it.
async function inDatabase(page, work) {
  await page.evaluate(() => {
    window.snapshotDatabase = async (run) => {
      const request = (made) => new Promise((resolve, reject) => {
        made.onsuccess = () => resolve(made.result);
        made.onerror = () => reject(made.error);
      });
      const db = await request(indexedDB.open('dossier-radar'));
      try {
        return await run(db, request);
      } finally {
        db.close();
      }
    };
  });
  return page.evaluate(work);
}

// The stored dataset snapshot: its meta, the kinds of its chunks' data ('blob', 'bytes' for an
// array, 'string') and its length in bytes.
function readStoredSnapshot(page) {
  return inDatabase(page, () => window.snapshotDatabase(async (db, request) => {
    const transaction = db.transaction(['snapshots', 'snapshot_chunks'], 'readonly');
    const manifest = await request(transaction.objectStore('snapshots').get('dataset'));
    const chunks = await request(transaction.objectStore('snapshot_chunks').getAll());
    const live = chunks.filter((chunk) => chunk.key[0] === 'dataset' && chunk.key[1] === manifest.writeId);
    const kind = (data) => (data instanceof Blob ? 'blob' : data instanceof Uint8Array ? 'bytes' : typeof data);
    return {
      meta: JSON.parse(manifest.data),
      chunkTypes: [...new Set(live.map((chunk) => kind(chunk.data)))],
      length: live.reduce((total, chunk) => total + (chunk.data instanceof Blob ? chunk.data.size : chunk.data.length), 0),
    };
  }));
}

// Rewrites the stored snapshot's chunks as the version before stored them: each byte as the
// character of the same number (a Blob's bytes are read outside the transaction that writes).
function storeSnapshotAsText(page) {
  return inDatabase(page, () => window.snapshotDatabase(async (db, request) => {
    const chunks = await request(db.transaction(['snapshot_chunks'], 'readonly').objectStore('snapshot_chunks').getAll());
    for (const chunk of chunks) {
      const bytes = chunk.data instanceof Blob ? new Uint8Array(await chunk.data.arrayBuffer()) : chunk.data;
      let text = '';
      for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(at, at + 0x8000));
      chunk.data = text;
    }
    const transaction = db.transaction(['snapshot_chunks'], 'readwrite');
    for (const chunk of chunks) transaction.objectStore('snapshot_chunks').put(chunk);
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  }));
}

// Changes one byte in the middle of the snapshot's first chunk, stored again as the same kind.
function damageStoredSnapshot(page) {
  return inDatabase(page, () => window.snapshotDatabase(async (db, request) => {
    const manifest = await request(db.transaction(['snapshots'], 'readonly').objectStore('snapshots').get('dataset'));
    const key = ['dataset', manifest.writeId, 0];
    const chunk = await request(db.transaction(['snapshot_chunks'], 'readonly').objectStore('snapshot_chunks').get(key));
    const blob = chunk.data instanceof Blob;
    const bytes = blob ? new Uint8Array(await chunk.data.arrayBuffer()) : chunk.data;
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    chunk.data = blob ? new Blob([bytes]) : bytes;
    const transaction = db.transaction(['snapshot_chunks'], 'readwrite');
    transaction.objectStore('snapshot_chunks').put(chunk);
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  }));
}

test('an imported export comes back from its binary snapshot, from its text form too; a damaged snapshot is reported and nothing else is lost', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-snapshot-'));
  const file = join(folder, 'export_snapshot.csv');
  writeExport(file);
  const app = await openApp();
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded && info.storage.mode === 'writer', 'the store to load');
    await page.evaluate(() => window.radar.showScreen('data'));
    await waitForInfo(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
    const choosing = page.waitForEvent('filechooser');
    await clickWidget(page, 'button:choose-file');
    await (await choosing).setFiles(file);
    await waitForInfo(page, (info) => info.import.phase === 'reviewing' && info.widgets['button:accept-import'], 'the review');
    await clickWidget(page, 'button:accept-import');
    const accepted = await waitForInfo(page, (info) => info.import.phase === 'idle' && !info.synthetic, 'the accepted import');
    assert.equal(accepted.dossiers, dossierCount);
    await waitForInfo(page, (info) => info.datasetStore.save === 'saved', 'the stored snapshot');

    const stored = await readStoredSnapshot(page);
    assert.equal(stored.meta.content, 'dataset-columns');
    assert.equal(stored.meta.dataset_sha256, accepted.datasetHash);
    assert.deepEqual(stored.chunkTypes, ['blob']);

    // A batch and one code, which must outlive whatever happens to the snapshot.
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await nextFrames(page);
    await clickWidget(page, 'commit-batch');
    const committed = await waitForInfo(page, (info) => info.batches.length === 1, 'the batch commit');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await nextFrames(page);
    await pressKey(page, '1');
    await pressKey(page, 'Enter');
    const coded = await waitForInfo(page, (info) => info.events === committed.events + 1, 'the code');

    // Reopened from the snapshot: the same dossiers. The first frame shown is the restore's, with
    // its progress in place of the ranking, not the synthetic demo it replaces.
    const firstShown = await reload(page);
    assert.ok(firstShown.import.restoring === 'export_snapshot.csv' || firstShown.datasetStore.decoding !== undefined,
              'the stored dataset is being read or taken over in the first frame shown');
    assert.equal(firstShown.synthetic, true, 'the demo it replaces is still the data in use');
    assert.equal(firstShown.screen, 'ranking');
    assert.ok(firstShown.widgets['restore-banner'], 'the restore banner is on the first frame shown');
    assert.ok(firstShown.widgets['restore-progress'], 'the ranking waits for the restore');
    const restored = await waitForInfo(page, (info) => !info.synthetic && info.import.phase === 'idle', 'the stored dataset');
    assert.equal(restored.source, 'export_snapshot.csv');
    assert.equal(restored.dossiers, dossierCount);
    assert.equal(restored.datasetHash, accepted.datasetHash);
    assert.deepEqual(restored.columnTypes, accepted.columnTypes);
    assert.equal(restored.damagedDataset, undefined);
    assert.equal(restored.events, coded.events);

    // Stored as text by the version before: the same dossiers, then stored as bytes again.
    await storeSnapshotAsText(page);
    assert.deepEqual((await readStoredSnapshot(page)).chunkTypes, ['string']);
    await reload(page);
    const migrated = await waitForInfo(page, (info) => !info.synthetic && info.import.phase === 'idle', 'the text-form dataset');
    assert.equal(migrated.dossiers, dossierCount);
    assert.equal(migrated.datasetHash, accepted.datasetHash);
    assert.equal(migrated.damagedDataset, undefined);
    let rewritten = await readStoredSnapshot(page);
    for (let tries = 0; tries < 200 && rewritten.chunkTypes[0] !== 'blob'; tries++) {
      await nextFrames(page);
      rewritten = await readStoredSnapshot(page);
    }
    assert.deepEqual(rewritten.chunkTypes, ['blob']);
    assert.equal(rewritten.length, stored.length);
    assert.deepEqual(rewritten.meta, stored.meta);

    // Damaged in IndexedDB: reported, the demo data shown, the batch and its code still there.
    await damageStoredSnapshot(page);
    await reload(page);
    const damaged = await waitForInfo(page, (info) => info.damagedDataset, 'the damaged snapshot reported');
    assert.equal(damaged.damagedDataset?.source, 'export_snapshot.csv');
    assert.match(damaged.damagedDataset.problem, /checksum/);
    assert.equal(damaged.synthetic, true);
    assert.equal(damaged.events, coded.events);
    assert.equal(damaged.batches.length, 1);
    assert.equal(damaged.batches[0].id, committed.batches[0].id);
    assert.equal(damaged.batches[0].coded, 1);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'dataset-snapshot-damaged.png') });
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
