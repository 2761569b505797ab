// Dossier Radar's durable record store over raw IndexedDB (a plain script: defines
// globalThis.RadarStore for the app page, the Emscripten bridge and the test harness).
// It stores opaque records {key, schema, data}; what the data means is the core's business.
//
// Index: [SECTION] Constants and errors · Schema and migrations · Small IndexedDB helpers ·
//        Validation of backups · Journal · The store (open, writer election, writes, snapshots, reads,
//        backup/restore, status, forget) · Export.
//
// Why raw IndexedDB (see docs/storage.md and /work/shared/STORAGE.md): a write is confirmed only
// on its transaction's `complete` event with durability 'strict'; `abort`/`error` are reported
// with the DOM error name; one connection per page, closed on `versionchange`.
// Why a journal as well: Chromium deletes an IndexedDB database it finds corrupt, and a crash at
// the wrong moment makes its LevelDB corrupt on a later start (google/leveldb#1287, measured in
// docs/storage.md). The writer tab also appends every committed record-store change to a file in
// the Origin Private File System (radar_journal_worker.js) before confirming it, and rebuilds
// the database from that file when the browser has deleted it.
(function (global) {
  'use strict';

  // [SECTION] Constants and errors

  const SCHEMA_VERSION = 2;
  const DEFAULT_NAME = 'dossier-radar';
  // Stores of plain keyed records (string keys). `events` is append-only.
  const RECORD_STORES = ['events', 'batches', 'models', 'mapping_profiles', 'settings'];
  const SNAPSHOTS = 'snapshots';            // manifests: {key, schema, data, writeId, chunkCount}
  const CHUNKS = 'snapshot_chunks';         // chunks: {key: [snapshotKey, writeId, index], schema, data}
  const META = 'meta';                      // {key: 'schema', schema, data: {version, migrations}}
  const DATA_STORES = [...RECORD_STORES, SNAPSHOTS, CHUNKS];
  const BACKUP_FORMAT = 'dossier-radar-store';
  const DEFAULT_CHUNK_CHARACTERS = 1 << 20;
  const DEFAULT_CHUNKS_PER_TRANSACTION = 4;
  // The journal is rewritten as one compact entry once it holds more entries than this.
  const JOURNAL_COMPACT_ENTRIES = 500;
  // Resolved now: document.currentScript is only set while this script first runs.
  const SCRIPT_URL = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : null;

  // Every failure carries a name: a DOM error name (QuotaExceededError, ConstraintError,
  // AbortError, VersionError, ...) or one of the store's own:
  //   ReadOnlyError (another tab is the writer), ClosedError (connection closed, e.g. after an
  //   upgrade from another tab), MigrationPendingError, AppendOnlyError, ValidationError
  //   (a refused backup or argument), IncompleteSnapshotError, ConfirmationRequiredError.
  class StoreError extends Error {
    constructor(name, message) {
      super(message || name);
      this.name = name;
    }
  }

  function storeError(cause, fallbackName) {
    if (cause instanceof StoreError) return cause;
    if (cause && typeof cause.name === 'string' && cause.name && cause.name !== 'Error')
      return new StoreError(cause.name, cause.message || cause.name);
    return new StoreError(fallbackName || 'UnknownError', cause && cause.message ? cause.message : String(cause || fallbackName));
  }

  // [SECTION] Schema and migrations
  // MIGRATIONS[v] brings a database from version v-1 to v. A fresh database runs every step from 0,
  // so there is one code path. `upgradeRecord` is shared by the database migration and by
  // restore of an older backup. `rewritesData` steps make the UI offer a backup first.

  const MIGRATIONS = [
    null,
    {
      // v1: one object store per kind, records {key, data} (no schema field, no meta store).
      rewritesData: false,
      upgrade(db) {
        for (const name of DATA_STORES) db.createObjectStore(name, { keyPath: 'key' });
      },
    },
    {
      // v2: the schema version on every record and in a meta store.
      rewritesData: true,
      upgradeRecord: (record) => Object.assign({}, record, { schema: 2 }),
      upgrade(db, transaction, fromVersion) {
        db.createObjectStore(META, { keyPath: 'key' });
        for (const name of DATA_STORES) rewriteAll(transaction.objectStore(name), MIGRATIONS[2].upgradeRecord);
        transaction.objectStore(META).put({
          key: 'schema', schema: 2,
          data: { version: 2, createdAtVersion: fromVersion === 0 ? 2 : fromVersion },
        });
      },
    },
  ];

  function rewriteAll(objectStore, upgradeRecord) {
    const request = objectStore.openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      cursor.update(upgradeRecord(cursor.value));
      cursor.continue();
    };
  }

  function migrationPlan(fromVersion) {
    const steps = [];
    for (let version = fromVersion + 1; version <= SCHEMA_VERSION; version++) steps.push(version);
    return {
      from: fromVersion,
      to: SCHEMA_VERSION,
      steps,
      rewritesData: fromVersion > 0 && steps.some((version) => MIGRATIONS[version].rewritesData),
    };
  }

  function upgradeRecords(records, fromVersion) {
    let result = records;
    for (let version = fromVersion + 1; version <= SCHEMA_VERSION; version++) {
      const upgrade = MIGRATIONS[version].upgradeRecord;
      if (upgrade) result = result.map(upgrade);
    }
    return result;
  }

  // [SECTION] Small IndexedDB helpers

  function requestResult(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(storeError(request.error, 'UnknownError'));
    });
  }

  // Opens an existing database at whatever version it has; null when it does not exist (the
  // implicit creation is aborted so that probing never creates an empty version-1 database).
  function openExisting(name) {
    return new Promise((resolve, reject) => {
      let absent = false;
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => {
        absent = true;
        request.transaction.abort();
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = (event) => {
        if (absent) {
          event.preventDefault();
          resolve(null);
        } else {
          reject(storeError(request.error, 'UnknownError'));
        }
      };
    });
  }

  // Opens at `version`, running the migration steps in the upgrade transaction (atomic: a crash
  // or failure leaves the old version intact).
  function openAtVersion(name, version, onBlocked) {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(name, version);
      let failure = null;
      request.onupgradeneeded = (event) => {
        const db = request.result;
        const transaction = request.transaction;
        try {
          for (let step = event.oldVersion + 1; step <= version; step++)
            MIGRATIONS[step].upgrade(db, transaction, event.oldVersion);
        } catch (error) {
          failure = storeError(error, 'UnknownError');
          transaction.abort();
        }
      };
      request.onblocked = () => { if (onBlocked) onBlocked(); };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(failure || storeError(request.error, 'AbortError'));
    });
  }

  // Runs `fill(transaction, fail)` in one transaction and settles on `complete` (resolve) or
  // `abort` (reject with the transaction's error name, or the reason given to fail()).
  function runTransaction(db, storeNames, mode, fill) {
    return new Promise((resolve, reject) => {
      let transaction;
      let reason = null;
      let value;
      const fail = (name, message) => {
        if (!reason) reason = new StoreError(name, message);
        try { transaction.abort(); } catch (ignored) { /* already finished */ }
      };
      try {
        transaction = mode === 'readwrite'
          ? db.transaction(storeNames, 'readwrite', { durability: 'strict' })
          : db.transaction(storeNames, 'readonly');
      } catch (error) {
        reject(storeError(error, 'InvalidStateError'));
        return;
      }
      transaction.oncomplete = () => resolve(value);
      transaction.onabort = () => reject(reason || storeError(transaction.error, 'AbortError'));
      try {
        const returned = fill(transaction, fail, (result) => { value = result; });
        if (returned !== undefined) value = returned;
      } catch (error) {
        fail(storeError(error, 'UnknownError').name, error && error.message);
      }
    });
  }

  // Every value of an object store, read with one get() per key, in key order; `.result` is
  // filled in before the transaction completes. Chromium hands large two-byte strings (snapshot
  // text with characters past U+00FF) back from getAll() about 15 times slower: 18 s instead of
  // 1.1 s for 168 MB of snapshot chunks.
  function readEach(objectStore) {
    const read = { result: [] };
    const keys = objectStore.getAllKeys();
    keys.onsuccess = () => keys.result.forEach((key, index) => {
      const request = objectStore.get(key);
      request.onsuccess = () => { read.result[index] = request.result; };
    });
    return read;
  }

  // Every chunk of the manifests `manifestsRequest` reads, in order, handed to `each(manifest,
  // data, index)` as it arrives; a few reads are kept ahead, so only those chunks are in memory.
  // A missing chunk, or `each` throwing, aborts the transaction. A chunk stored as a Blob (and
  // every chunk after it, to keep the order) goes to `later` instead: its bytes can only be read
  // once the transaction is over (handOverLater).
  function readChunksInOrder(transaction, manifestsRequest, each, fail, later) {
    const readsAhead = 4;
    manifestsRequest.addEventListener('success', () => {
      const chunkStore = transaction.objectStore(CHUNKS);
      const wanted = [];
      for (const manifest of manifestsRequest.result)
        for (let index = 0; index < manifest.chunkCount; index++) wanted.push({ manifest, index });
      let next = 0;
      const readNext = () => {
        if (next >= wanted.length) return;
        const { manifest, index } = wanted[next++];
        const request = chunkStore.get([manifest.key, manifest.writeId, index]);
        request.onsuccess = () => {
          if (request.result === undefined) {
            fail('IncompleteSnapshotError', `snapshot "${manifest.key}" lacks its chunk ${index}`);
            return;
          }
          const data = request.result.data;
          if (later.length > 0 || data instanceof Blob) {
            later.push({ manifest, data, index });
            readNext();
            return;
          }
          try {
            each(manifest, data, index);
          } catch (error) {
            fail(storeError(error, 'UnknownError').name, error && error.message);
            return;
          }
          readNext();
        };
      };
      for (let n = 0; n < readsAhead; n++) readNext();
    });
  }

  // The chunks readChunksInOrder left for after its transaction, handed to `each` in order; a
  // Blob's bytes are read with arrayBuffer(), three reads ahead, and freed once `each` returns
  // (`each` must not keep them). Not through streams: in this Chromium a BYOB stream per Blob
  // stalled for good after a few hundred reads, and one stream over a Blob made of a snapshot's
  // chunks stalled once in a CI run; arrayBuffer() never did.
  async function handOverLater(later, each) {
    const readsAhead = 3;
    const reads = [];
    let next = 0;
    const startRead = () => {
      if (next >= later.length) return;
      const { data } = later[next++];
      const read = data instanceof Blob ? blobBytes(data) : Promise.resolve(data);
      read.catch(() => {});  // a failure is met where the read is awaited; those after it are let go
      reads.push(read);
    };
    for (let n = 0; n < readsAhead; n++) startRead();
    for (const { manifest, data, index } of later) {
      const bytes = await reads.shift();
      each(manifest, bytes, index);
      if (data instanceof Blob) releaseBuffer(bytes.buffer);
      startRead();
    }
  }

  // A Blob's bytes, in an array of their own (a promise).
  async function blobBytes(blob) {
    return new Uint8Array(await blob.arrayBuffer());
  }

  // Frees an ArrayBuffer's memory now instead of at the next garbage collection: transfer(0)
  // detaches it. Reading a 140 MB snapshot's Blobs otherwise left up to 80 MB of read arrays
  // on the JS heap at start-up. Where transfer() is missing the buffer is left to the collector.
  function releaseBuffer(buffer) {
    if (typeof buffer.transfer === 'function') buffer.transfer(0);
  }

  // The chunk records with each Blob's bytes read into an array of its own (Uint8Array), for
  // the readers that need every chunk's bytes at once: exports, merges, whole snapshots.
  async function withChunkBytes(chunks) {
    const read = [];
    for (const chunk of chunks) {
      if (!(chunk.data instanceof Blob)) read.push(chunk);
      else read.push(Object.assign({}, chunk, { data: await blobBytes(chunk.data) }));
    }
    return read;
  }

  // Runs `then` once every request (all from one transaction) has succeeded. Requests of a
  // transaction complete in the order they were made, so waiting for the last one suffices;
  // a failed request aborts the transaction instead.
  function afterAll(requests, then) {
    requests[requests.length - 1].addEventListener('success', then);
  }

  function randomId() {
    if (global.crypto && typeof global.crypto.randomUUID === 'function') return global.crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function stableText(value) {
    return JSON.stringify(value);
  }

  // [SECTION] Validation of backups

  function isRecordKey(key) {
    return typeof key === 'string' && key.length > 0;
  }

  function isChunkKey(key) {
    return Array.isArray(key) && key.length === 3 && isRecordKey(key[0]) && isRecordKey(key[1]) &&
      Number.isInteger(key[2]) && key[2] >= 0;
  }

  function chunkGroup(snapshotKey, writeId) {
    return stableText([snapshotKey, writeId]);
  }

  // Throws a ValidationError naming the first problem; returns the backup's stores upgraded to
  // the current schema.
  function validateBackupShape(backup) {
    const refuse = (message) => { throw new StoreError('ValidationError', message); };
    if (!backup || typeof backup !== 'object' || Array.isArray(backup)) refuse('the backup is not a JSON object');
    if (backup.format !== BACKUP_FORMAT) refuse(`format is ${stableText(backup.format)}, expected "${BACKUP_FORMAT}"`);
    const version = backup.schemaVersion;
    if (!Number.isInteger(version) || version < 1) refuse('schemaVersion is missing or invalid');
    if (version > SCHEMA_VERSION) refuse(`schemaVersion ${version} is newer than this app (${SCHEMA_VERSION})`);
    if (!backup.stores || typeof backup.stores !== 'object') refuse('stores is missing');
    if (!backup.counts || typeof backup.counts !== 'object') refuse('counts is missing');
    const names = Object.keys(backup.stores);
    for (const name of names) if (!DATA_STORES.includes(name)) refuse(`unknown store "${name}"`);
    for (const name of DATA_STORES) {
      const records = backup.stores[name];
      if (!Array.isArray(records)) refuse(`store "${name}" is missing`);
      if (backup.counts[name] !== records.length)
        refuse(`store "${name}" holds ${records.length} records but counts says ${stableText(backup.counts[name])}`);
      const seen = new Set();
      records.forEach((record, index) => {
        const where = `${name}[${index}]`;
        if (!record || typeof record !== 'object' || Array.isArray(record)) refuse(`${where} is not a record`);
        if (name === CHUNKS ? !isChunkKey(record.key) : !isRecordKey(record.key)) refuse(`${where} has an invalid key`);
        if (version >= 2 && record.schema !== version) refuse(`${where} has schema ${stableText(record.schema)}, expected ${version}`);
        if (!('data' in record)) refuse(`${where} has no data`);
        const keyText = stableText(record.key);
        if (seen.has(keyText)) refuse(`${where} repeats key ${keyText}`);
        seen.add(keyText);
        if (name === SNAPSHOTS && (!isRecordKey(record.writeId) || !Number.isInteger(record.chunkCount) || record.chunkCount < 0))
          refuse(`${where} is not a snapshot manifest`);
      });
    }
    // Every manifest has all its chunks, and no chunk is without a manifest.
    const chunkCounts = new Map();
    for (const chunk of backup.stores[CHUNKS]) {
      const group = chunkGroup(chunk.key[0], chunk.key[1]);
      const indices = chunkCounts.get(group) || [];
      indices.push(chunk.key[2]);
      chunkCounts.set(group, indices);
    }
    for (const manifest of backup.stores[SNAPSHOTS]) {
      const group = chunkGroup(manifest.key, manifest.writeId);
      const indices = (chunkCounts.get(group) || []).slice().sort((a, b) => a - b);
      if (indices.length !== manifest.chunkCount || indices.some((value, index) => value !== index))
        refuse(`snapshot "${manifest.key}" has ${indices.length} of ${manifest.chunkCount} chunks`);
      chunkCounts.delete(group);
    }
    if (chunkCounts.size > 0) refuse('the backup holds snapshot chunks without a manifest');
    const stores = {};
    for (const name of DATA_STORES) stores[name] = upgradeRecords(backup.stores[name], version);
    return stores;
  }

  // [SECTION] Snapshot writer
  // One snapshot being written (RadarStore.snapshotWriter): its chunks go to IndexedDB in
  // transactions of a few as they are added, one transaction at a time; the manifest follows
  // once all are written. A failure stops the writing, and finish() then discards the chunks and
  // rejects with it.
  class SnapshotWriter {
    constructor(store, key, options) {
      this.store = store;
      this.key = key;
      this.writeId = randomId();
      this.perTransaction = Math.max(1, options.chunksPerTransaction || DEFAULT_CHUNKS_PER_TRANSACTION);
      this.recycle = typeof options.recycle === 'function' ? options.recycle : () => {};
      this.queue = [];
      this.chunkCount = 0;
      this.waitingBytes = 0;  // added and not yet durably written
      this.failure = null;
      this.abandoned = false;
      this.writing = null;    // the promise of the transactions running, while they run
      this.started = performance.now();
    }

    add(chunk) {
      if (this.failure || this.abandoned) {
        this.recycle(chunk);
        return;
      }
      this.queue.push(chunk);
      this.waitingBytes += chunkLength(chunk);
      // Written from a task of its own: IndexedDB copies the chunks as they are put, which is
      // then not added to the caller's task (the app's frame, for C++'s parts).
      if (!this.writing) {
        this.writing = new Promise((resolve) => setTimeout(resolve, 0))
          .then(() => this.writeQueued())
          .finally(() => { this.writing = null; });
      }
    }

    async writeQueued() {
      while (this.queue.length > 0 && !this.failure && !this.abandoned) {
        const first = this.chunkCount;
        const group = this.queue.splice(0, this.perTransaction);
        this.chunkCount += group.length;
        try {
          this.store.assertWritable();
          await runTransaction(this.store.db, [CHUNKS], 'readwrite', (transaction) => {
            const objectStore = transaction.objectStore(CHUNKS);
            group.forEach((chunk, offset) => objectStore.put({ key: [this.key, this.writeId, first + offset], schema: SCHEMA_VERSION, data: storedChunk(chunk) }));
          });
        } catch (error) {
          this.failure = storeError(error);
        }
        for (const chunk of group) {
          this.waitingBytes -= chunkLength(chunk);
          this.recycle(chunk);
        }
      }
      for (const chunk of this.queue.splice(0)) this.recycle(chunk);
      this.waitingBytes = 0;
    }

    async finish(data) {
      while (this.writing) await this.writing;
      if (this.abandoned) throw new StoreError('AbortError', `snapshot "${this.key}": its writing was abandoned`);
      const { key, writeId, chunkCount } = this;
      try {
        if (this.failure) throw this.failure;
        await this.store.write([SNAPSHOTS, CHUNKS], (transaction, fail) => {
          const manifests = transaction.objectStore(SNAPSHOTS);
          const chunkStore = transaction.objectStore(CHUNKS);
          const countRequest = chunkStore.count(chunkRange(key, writeId));
          const previousRequest = manifests.get(key);
          afterAll([countRequest, previousRequest], () => {
            if (countRequest.result !== chunkCount) {
              fail('IncompleteSnapshotError', `snapshot "${key}": ${countRequest.result} of ${chunkCount} chunks present`);
              return;
            }
            const previous = previousRequest.result;
            if (previous && previous.writeId !== writeId) chunkStore.delete(chunkRange(key, previous.writeId));
            manifests.put({ key, schema: SCHEMA_VERSION, data, writeId, chunkCount });
          });
        });
      } catch (error) {
        await this.store.discardChunks(key, writeId);
        throw storeError(error);
      }
      return { ok: true, ms: performance.now() - this.started, chunkCount };
    }

    // Stops writing and removes the chunks written (best effort, as after a failure).
    abandon() {
      if (this.abandoned) return;
      this.abandoned = true;
      Promise.resolve(this.writing).then(() => this.store.discardChunks(this.key, this.writeId));
    }
  }

  // A binary chunk is stored as a Blob: the Blob copies its bytes out of the JS heap at once,
  // where a stored array is copied by IndexedDB on the way in, garbage the page then waits to
  // collect (tens of MB for a large snapshot). Text chunks stay text.
  function storedChunk(chunk) {
    return chunk instanceof Uint8Array ? new Blob([chunk]) : chunk;
  }

  function chunkLength(chunk) {
    return typeof chunk === 'string' ? chunk.length : chunk.byteLength;
  }

  // [SECTION] Journal
  // The writer tab's second copy of the record stores (not snapshots: a dataset can be imported
  // again). Entries: {generation, schema, ops: [{store, key, data} | {store, key, delete: true}]}.
  // `generation` changes when a restore replaces the content, so a stale journal is never
  // replayed over newer data.

  // Sync access handles exist only inside workers: the worker reports when they are missing.
  function journalSupported() {
    return typeof Worker === 'function' && Boolean(global.navigator && navigator.storage &&
      typeof navigator.storage.getDirectory === 'function');
  }

  class Journal {
    constructor(fileName, workerUrl) {
      this.fileName = fileName;
      this.workerUrl = workerUrl;
      this.worker = null;
      this.nextId = 1;
      this.pending = new Map();
      this.isOpen = false;
    }

    call(type, fields = {}) {
      if (!this.worker) {
        this.worker = new Worker(this.workerUrl);
        this.worker.onmessage = (event) => {
          const settle = this.pending.get(event.data.id);
          this.pending.delete(event.data.id);
          if (settle) settle(event.data);
        };
        this.worker.onerror = (event) => {
          event.preventDefault();
          const failure = { ok: false, error: { name: 'UnknownError', message: `journal worker failed: ${event.message || this.workerUrl}` } };
          for (const settle of this.pending.values()) settle(failure);
          this.pending.clear();
        };
      }
      const id = this.nextId++;
      return new Promise((resolve, reject) => {
        this.pending.set(id, (reply) => {
          if (reply.ok) resolve(reply.result);
          else reject(new StoreError(reply.error.name, `journal: ${reply.error.message}`));
        });
        this.worker.postMessage(Object.assign({ id, type, name: this.fileName }, fields));
      });
    }

    async open() {
      const result = await this.call('open');
      this.isOpen = true;
      return result;
    }

    append(entries) {
      return this.call('append', { entries });
    }

    reset(entries) {
      return this.call('reset', { entries });
    }

    // Lets another tab take the file (the writer role moved).
    close() {
      if (!this.isOpen) return Promise.resolve();
      this.isOpen = false;
      return this.call('close').catch(() => {});
    }

    async remove() {
      this.isOpen = false;
      await this.call('remove');
    }

    terminate() {
      this.isOpen = false;
      if (this.worker) this.worker.terminate();
      this.worker = null;
      for (const settle of this.pending.values()) settle({ ok: false, error: { name: 'AbortError', message: 'closed' } });
      this.pending.clear();
    }
  }

  // The record-store content a journal describes: {generation, stores: {name: Map(key -> record)}}.
  function replayJournal(entries) {
    const stores = {};
    for (const name of RECORD_STORES) stores[name] = new Map();
    let generation = null;
    for (const entry of entries) {
      generation = entry.generation;
      for (const op of entry.ops || []) {
        if (!stores[op.store]) continue;
        if (op.delete) stores[op.store].delete(op.key);
        else stores[op.store].set(op.key, upgradeRecords([{ key: op.key, schema: entry.schema, data: op.data }], entry.schema)[0]);
      }
    }
    return { generation, stores };
  }

  function journalOps(records) {
    const ops = [];
    for (const name of RECORD_STORES) for (const record of records[name]) ops.push({ store: name, key: record.key, data: record.data });
    return ops;
  }

  function sameContent(journalStores, databaseStores) {
    for (const name of RECORD_STORES) {
      const here = databaseStores[name];
      const there = journalStores[name];
      if (here.length !== there.size) return false;
      for (const record of here) {
        const other = there.get(record.key);
        if (!other || stableText(other.data) !== stableText(record.data)) return false;
      }
    }
    return true;
  }

  // [SECTION] The store

  class RadarStoreConnection extends EventTarget {
    constructor(name, options) {
      super();
      this.name = name;
      this.options = options;
      this.lockName = options.lockName || `${name}:writer`;
      this.db = null;
      this.mode = 'opening';            // 'writer' | 'read-only' | 'closed'
      this.closedReason = null;
      this.pendingMigration = null;     // {from, to, steps, rewritesData} while the db is older
      this.tabId = randomId();
      this.channel = null;
      this.releaseLock = null;
      this.waitingForLock = null;       // AbortController of a queued lock request
      this.lockGeneration = 0;
      this.orphansRemoved = 0;          // chunk groups of interrupted snapshot writes removed
      this.generation = null;           // content generation shared by database and journal
      this.recovered = null;            // {reason, records} when the journal rebuilt the database
      this.journalError = null;
      this.journalStale = false;        // an append failed: rewrite the journal before appending
      const workerUrl = options.journalWorkerUrl ||
        (SCRIPT_URL ? new URL('radar_journal_worker.js', SCRIPT_URL).href : null);
      this.journal = options.journal !== false && workerUrl && journalSupported()
        ? new Journal(`${name}.journal`, workerUrl) : null;
    }

    // -- start-up --------------------------------------------------------------------------

    async start() {
      let db = await openExisting(this.name);
      if (!db) {
        db = await openAtVersion(this.name, SCHEMA_VERSION, () => this.emit('blocked', {}));
      } else if (db.version > SCHEMA_VERSION) {
        const version = db.version;
        db.close();
        throw new StoreError('VersionError',
          `the stored data has schema version ${version}, newer than this app (${SCHEMA_VERSION}); load the newest version of the app`);
      } else if (db.version < SCHEMA_VERSION) {
        this.pendingMigration = migrationPlan(db.version);
      }
      this.attach(db);
      if (typeof BroadcastChannel === 'function') {
        this.channel = new BroadcastChannel(`${this.name}:changes`);
        this.channel.onmessage = (event) => this.onBroadcast(event.data);
      }
      const mode = await this.electWriter();
      this.mode = mode;
      if (mode === 'writer') await this.afterBecomingWriter();
      return this;
    }

    attach(db) {
      this.db = db;
      // Another tab upgrades or deletes the database: step aside at once so it is not blocked.
      db.onversionchange = () => this.shutDown('versionchange');
      // The browser closed the connection (e.g. the user cleared site data).
      db.onclose = () => this.shutDown('closed-by-browser');
    }

    async afterBecomingWriter() {
      if (this.pendingMigration) {
        if (this.options.autoMigrate || !this.pendingMigration.rewritesData) await this.migrate();
        return;
      }
      await this.removeOrphanChunks();
      await this.syncJournal();
    }

    // -- journal ------------------------------------------------------------------------------

    // Opens the journal and reconciles it with the database: rebuilds a database the browser
    // deleted, adds events the database lost, and compacts the journal when it differs or grew.
    async syncJournal() {
      if (!this.journal || this.mode !== 'writer') return;
      let opened;
      try {
        opened = await this.journal.open();
      } catch (error) {
        this.journalFailed(error);
        return;
      }
      const journal = replayJournal(opened.entries);
      let database = await this.readRecordStores();
      let recovered = null;
      // Every database a writer has seen carries a generation marker; one without it next to a
      // non-empty journal was deleted and recreated behind our back (by the browser).
      if (database.generation === null && opened.entries.length > 0) {
        const records = {};
        for (const name of RECORD_STORES) records[name] = [...journal.stores[name].values()];
        await this.replaceRecordStores(records, journal.generation);
        recovered = { reason: 'database-missing', records: journalOps(records).length, snapshotsLost: true };
      } else if (opened.entries.length > 0 && database.generation === journal.generation) {
        const present = new Set(database.stores.events.map((record) => record.key));
        const missing = [...journal.stores.events.values()].filter((record) => !present.has(record.key));
        if (missing.length > 0) {
          await runTransaction(this.db, ['events'], 'readwrite', (transaction) => {
            for (const record of missing) transaction.objectStore('events').put(record);
          });
          recovered = { reason: 'events-missing', records: missing.length, snapshotsLost: false };
        }
      }
      if (recovered) database = await this.readRecordStores();
      this.generation = database.generation;
      if (!this.generation) {
        this.generation = randomId();
        await runTransaction(this.db, [META], 'readwrite', (transaction) => {
          transaction.objectStore(META).put({ key: 'journal', schema: SCHEMA_VERSION, data: { generation: this.generation } });
        });
      }
      const compact = recovered || journal.generation !== this.generation ||
        opened.entries.length > JOURNAL_COMPACT_ENTRIES || !sameContent(journal.stores, database.stores);
      if (compact) {
        try {
          await this.journal.reset([{ generation: this.generation, schema: SCHEMA_VERSION, ops: journalOps(database.stores) }]);
          this.journalStale = false;
        } catch (error) {
          this.journalStale = true;
          this.journalFailed(error);
        }
      }
      if (recovered) {
        this.recovered = recovered;
        this.emit('recovered', recovered);
      }
    }

    async readRecordStores() {
      const names = [...RECORD_STORES, META];
      const requests = await runTransaction(this.db, names, 'readonly', (transaction) => {
        const result = {};
        for (const name of names) result[name] = transaction.objectStore(name).getAll();
        return result;
      });
      const stores = {};
      for (const name of RECORD_STORES) stores[name] = requests[name].result;
      const marker = requests[META].result.find((record) => record.key === 'journal');
      return { stores, generation: marker ? marker.data.generation : null };
    }

    replaceRecordStores(records, generation) {
      return runTransaction(this.db, [...RECORD_STORES, META], 'readwrite', (transaction) => {
        for (const name of RECORD_STORES) {
          const objectStore = transaction.objectStore(name);
          objectStore.clear();
          for (const record of records[name]) objectStore.put(record);
        }
        transaction.objectStore(META).put({ key: 'journal', schema: SCHEMA_VERSION, data: { generation } });
      });
    }

    journalFailed(error) {
      const failure = storeError(error);
      this.journalError = { name: failure.name, message: failure.message };
      this.emit('journal-error', this.journalError);
    }

    // Appends committed ops; a failure is reported as an event (the database write stands).
    // After a failed append the journal has a gap, so it is never appended to again before it
    // has been rewritten whole from the database (tried again on every later write).
    async journalAppend(ops) {
      if (!this.journal || !this.journal.isOpen || ops.length === 0) return false;
      try {
        if (this.journalStale) {
          const database = await this.readRecordStores();
          await this.journal.reset([{ generation: this.generation, schema: SCHEMA_VERSION, ops: journalOps(database.stores) }]);
          this.journalStale = false;
          this.journalError = null;
        } else {
          await this.journal.append([{ generation: this.generation, schema: SCHEMA_VERSION, ops }]);
        }
        return true;
      } catch (error) {
        this.journalStale = true;
        this.journalFailed(error);
        return false;
      }
    }

    // -- writer election (Web Locks) ---------------------------------------------------------

    electWriter() {
      if (!global.navigator || !navigator.locks) return Promise.resolve('writer');
      const generation = ++this.lockGeneration;
      return new Promise((resolve) => {
        navigator.locks.request(this.lockName, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve('read-only');
            this.queueForLock();
            return undefined;
          }
          resolve('writer');
          return this.holdLock();
        }).catch((error) => this.onLockLost(error, generation));
      });
    }

    holdLock() {
      return new Promise((release) => { this.releaseLock = release; });
    }

    // A read-only tab waits in line: it becomes the writer when the writer tab closes.
    queueForLock() {
      if (this.mode === 'closed') return;
      const controller = new AbortController();
      this.waitingForLock = controller;
      const generation = ++this.lockGeneration;
      navigator.locks.request(this.lockName, { signal: controller.signal }, async (lock) => {
        this.waitingForLock = null;
        if (this.mode === 'closed') return undefined;
        const held = this.holdLock();
        await this.becomeWriter('previous-writer-left');
        return held;
      }).catch((error) => this.onLockLost(error, generation));
    }

    // The lock request ended with an error: either it was stolen by useHere() in another tab
    // (AbortError while we were the writer), or we cancelled our own queued request.
    onLockLost(error, generation) {
      if (generation !== this.lockGeneration || this.mode === 'closed') return;
      if (this.mode === 'writer') {
        this.releaseLock = null;
        this.mode = 'read-only';
        if (this.journal) this.journal.close();
        this.emit('mode', { mode: 'read-only', reason: 'taken-over' });
        this.queueForLock();
      } else if (!error || error.name !== 'AbortError') {
        this.emit('error', { name: storeError(error).name, message: String(error && error.message) });
      }
    }

    async becomeWriter(reason) {
      this.mode = 'writer';
      try {
        await this.afterBecomingWriter();
      } finally {
        this.emit('mode', { mode: 'writer', reason });
      }
    }

    // Takes the writer role from another tab (the user pressed "use here").
    async useHere() {
      this.assertOpen();
      if (this.mode === 'writer') return { mode: 'writer' };
      if (!navigator.locks) throw new StoreError('NotSupportedError', 'Web Locks are not available');
      if (this.waitingForLock) this.waitingForLock.abort();
      this.waitingForLock = null;
      const generation = ++this.lockGeneration;
      await new Promise((resolve, reject) => {
        navigator.locks.request(this.lockName, { steal: true }, async () => {
          const held = this.holdLock();
          try {
            await this.becomeWriter('use-here');
            resolve();
          } catch (error) {
            reject(storeError(error));
          }
          return held;
        }).catch((error) => {
          reject(storeError(error));
          this.onLockLost(error, generation);
        });
      });
      return { mode: this.mode };
    }

    // -- notifications ------------------------------------------------------------------------

    emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail }));
    }

    broadcast(message) {
      if (!this.channel) return;
      try {
        this.channel.postMessage(Object.assign({ from: this.tabId }, message));
      } catch (ignored) { /* the channel closed with the page */ }
    }

    onBroadcast(message) {
      if (!message || message.from === this.tabId) return;
      if (message.type === 'changed') this.emit('change', { stores: message.stores, from: 'other-tab' });
      else if (message.type === 'forgotten') this.shutDown('forgotten');
    }

    shutDown(reason) {
      if (this.mode === 'closed') return;
      this.mode = 'closed';
      this.closedReason = reason;
      if (this.db) this.db.close();
      if (this.releaseLock) this.releaseLock();
      this.releaseLock = null;
      if (this.waitingForLock) this.waitingForLock.abort();
      this.waitingForLock = null;
      this.lockGeneration++;
      if (this.journal) this.journal.terminate();
      if (this.channel) this.channel.close();
      this.channel = null;
      this.emit('closed', { reason });
    }

    close() {
      this.shutDown('closed');
    }

    assertOpen() {
      if (this.mode === 'closed')
        throw new StoreError('ClosedError', `the store is closed (${this.closedReason}); reload the page`);
    }

    assertWritable() {
      this.assertOpen();
      if (this.mode !== 'writer')
        throw new StoreError('ReadOnlyError', 'another tab is the writer; use "use here" to take over');
      if (this.pendingMigration)
        throw new StoreError('MigrationPendingError', 'the stored data must be migrated before writing');
    }

    assertMigrated() {
      this.assertOpen();
      if (this.pendingMigration)
        throw new StoreError('MigrationPendingError', 'the stored data must be migrated before it can be read');
    }

    // One read-write transaction per user action; resolves after `complete` and, for record
    // stores, after the journal holds the change (`journaled` says whether it does).
    async write(storeNames, fill, ops = []) {
      this.assertWritable();
      const started = performance.now();
      const value = await runTransaction(this.db, storeNames, 'readwrite', fill);
      const journaled = await this.journalAppend(ops);
      this.broadcast({ type: 'changed', stores: storeNames.filter((name) => name !== CHUNKS && name !== META) });
      return { ok: true, ms: performance.now() - started, value, journaled };
    }

    // -- migrations ---------------------------------------------------------------------------

    // Runs the pending migration steps in one upgrade transaction. Call exportAll() first when
    // pendingMigration.rewritesData is true (the UI offers that backup).
    async migrate() {
      this.assertOpen();
      if (!this.pendingMigration) return { migrated: false };
      if (this.mode !== 'writer') throw new StoreError('ReadOnlyError', 'only the writer tab migrates');
      const plan = this.pendingMigration;
      this.db.onversionchange = null;
      this.db.onclose = null;
      this.db.close();
      const db = await openAtVersion(this.name, SCHEMA_VERSION, () => this.emit('blocked', {}));
      this.attach(db);
      this.pendingMigration = null;
      this.emit('migrated', { from: plan.from, to: plan.to });
      await this.removeOrphanChunks();
      await this.syncJournal();
      return { migrated: true, from: plan.from, to: plan.to };
    }

    // -- record writes -------------------------------------------------------------------------

    // Writes one user action: ops = [{store, key, data} | {store, key, delete: true}], all in one
    // transaction. Events are added (never overwritten or deleted).
    commit(ops) {
      if (!Array.isArray(ops) || ops.length === 0) return Promise.reject(new StoreError('ValidationError', 'nothing to write'));
      try {
        this.assertWritable();
        for (const op of ops) checkRecordOp(op);
      } catch (error) {
        return Promise.reject(storeError(error));
      }
      const names = [...new Set(ops.map((op) => op.store))];
      const logged = ops.map((op) => (op.delete ? { store: op.store, key: op.key, delete: true }
                                                   : { store: op.store, key: op.key, data: op.data }));
      return this.write(names, (transaction) => {
        for (const op of ops) {
          const objectStore = transaction.objectStore(op.store);
          if (op.delete) objectStore.delete(op.key);
          else if (op.store === 'events') objectStore.add({ key: op.key, schema: SCHEMA_VERSION, data: op.data });
          else objectStore.put({ key: op.key, schema: SCHEMA_VERSION, data: op.data });
        }
        return { count: ops.length };
      }, logged);
    }

    put(store, key, data) {
      return this.commit([{ store, key, data }]);
    }

    // A bulk write (e.g. an import): all records in one transaction, all or nothing.
    putMany(store, records) {
      if (!Array.isArray(records) || records.length === 0) return Promise.reject(new StoreError('ValidationError', 'no records'));
      return this.commit(records.map((record) => ({ store, key: record.key, data: record.data })));
    }

    delete(store, key) {
      return this.commit([{ store, key, delete: true }]);
    }

    // -- snapshots (chunked, manifest last) -----------------------------------------------------

    // Stores a large value as chunks over several transactions, then the manifest in a final
    // transaction that checks every chunk is there and drops the previous version's chunks.
    // Until that final commit the snapshot is invisible; a crash leaves only orphan chunks,
    // which the writer removes at start-up. `content` is a string (split into chunks) or an
    // array of chunk values.
    async putSnapshot(key, data, content, options = {}) {
      const chunks = typeof content === 'string'
        ? splitText(content, options.chunkCharacters || DEFAULT_CHUNK_CHARACTERS)
        : content;
      if (!Array.isArray(chunks)) throw new StoreError('ValidationError', 'snapshot content must be a string or an array of chunks');
      const writer = this.snapshotWriter(key, options);
      chunks.forEach((chunk) => writer.add(chunk));
      return writer.finish(data);
    }

    // The same, with the chunks given as they are made: add() each chunk in order, then
    // finish(data) (a promise of {ok, ms, chunkCount}); abandon() instead discards what was
    // written. Chunks are written as they come, options.chunksPerTransaction at a time;
    // options.recycle(chunk) gets each chunk back once IndexedDB has its copy, for reuse.
    snapshotWriter(key, options = {}) {
      this.assertWritable();
      if (!isRecordKey(key)) throw new StoreError('ValidationError', 'a snapshot key must be a non-empty string');
      return new SnapshotWriter(this, key, options);
    }

    // Best effort after a failed snapshot write; start-up cleaning catches what this misses.
    async discardChunks(key, writeId) {
      try {
        await runTransaction(this.db, [CHUNKS], 'readwrite', (transaction) => {
          transaction.objectStore(CHUNKS).delete(chunkRange(key, writeId));
        });
      } catch (ignored) { /* e.g. still over quota or closed: the next start-up cleans up */ }
    }

    deleteSnapshot(key) {
      try {
        this.assertWritable();
      } catch (error) {
        return Promise.reject(error);
      }
      return this.write([SNAPSHOTS, CHUNKS], (transaction) => {
        const manifests = transaction.objectStore(SNAPSHOTS);
        const request = manifests.get(key);
        request.onsuccess = () => {
          if (!request.result) return;
          transaction.objectStore(CHUNKS).delete(chunkRange(key, request.result.writeId));
          manifests.delete(key);
        };
      });
    }

    // Removes chunks no manifest refers to (left by a crash during a snapshot write).
    async removeOrphanChunks() {
      const result = await runTransaction(this.db, [SNAPSHOTS, CHUNKS], 'readwrite', (transaction, fail, setResult) => {
        const manifestsRequest = transaction.objectStore(SNAPSHOTS).getAll();
        const keysRequest = transaction.objectStore(CHUNKS).getAllKeys();
        afterAll([manifestsRequest, keysRequest], () => {
          const live = new Set(manifestsRequest.result.map((manifest) => chunkGroup(manifest.key, manifest.writeId)));
          const orphans = new Set();
          for (const key of keysRequest.result) {
            const group = chunkGroup(key[0], key[1]);
            if (!live.has(group)) orphans.add(group);
          }
          for (const group of orphans) {
            const [snapshotKey, writeId] = JSON.parse(group);
            transaction.objectStore(CHUNKS).delete(chunkRange(snapshotKey, writeId));
          }
          setResult({ removedGroups: orphans.size });
        });
      });
      this.orphansRemoved += result.removedGroups;
      if (result.removedGroups > 0) this.emit('cleaned', result);
      return result;
    }

    async getSnapshot(key) {
      this.assertMigrated();
      const found = await runTransaction(this.db, [SNAPSHOTS, CHUNKS], 'readonly', (transaction, fail, setResult) => {
        const request = transaction.objectStore(SNAPSHOTS).get(key);
        request.onsuccess = () => {
          const manifest = request.result;
          if (!manifest) {
            setResult(null);
            return;
          }
          const chunksRequest = transaction.objectStore(CHUNKS).getAll(chunkRange(key, manifest.writeId));
          chunksRequest.onsuccess = () => setResult({ manifest, chunks: chunksRequest.result });
        };
      });
      return found && assembleSnapshot(found.manifest, await withChunkBytes(found.chunks));
    }

    // -- reads ----------------------------------------------------------------------------------

    // The bytes of every chunk stored as a Blob, by its key's text.
    async blobChunkBytes() {
      const read = await runTransaction(this.db, [CHUNKS], 'readonly', (transaction) => ({ chunks: readEach(transaction.objectStore(CHUNKS)) }));
      const blobs = read.chunks.result.filter((chunk) => chunk.data instanceof Blob);
      return new Map((await withChunkBytes(blobs)).map((chunk) => [stableText(chunk.key), chunk.data]));
    }

    // Everything in one read-only transaction: {schemaVersion, events: [...records], batches,
    // models, mapping_profiles, settings, snapshots: [{key, schema, data, chunkCount, chunks}]}.
    // options.snapshotContent === false leaves the chunks out (manifests only).
    // options.eachSnapshotChunk(manifest, data, index), when given, receives each snapshot's chunks
    // in order as they are read, and they are not kept: the page holds a few chunks at a time
    // instead of whole snapshots (loaded.snapshots are the manifests). Chunks stored as arrays or
    // text come inside the same transaction; chunks stored as Blobs after it (handOverLater), in
    // arrays that are freed (detached) once eachSnapshotChunk returns: it must copy what it keeps.
    async loadAll(options = {}) {
      this.assertMigrated();
      const eachChunk = typeof options.eachSnapshotChunk === 'function' ? options.eachSnapshotChunk : null;
      const withContent = options.snapshotContent !== false && !eachChunk;
      const names = withContent || eachChunk ? DATA_STORES : [...RECORD_STORES, SNAPSHOTS];
      const started = performance.now();
      const later = [];
      const results = await runTransaction(this.db, names, 'readonly', (transaction, fail) => {
        const requests = {};
        for (const name of names) {
          const objectStore = transaction.objectStore(name);
          if (name !== CHUNKS) requests[name] = objectStore.getAll();
          else if (withContent) requests[name] = readEach(objectStore);
        }
        if (eachChunk) readChunksInOrder(transaction, requests[SNAPSHOTS], eachChunk, fail, later);
        return requests;
      });
      if (eachChunk) await handOverLater(later, eachChunk);
      const loaded = { schemaVersion: SCHEMA_VERSION };
      for (const name of RECORD_STORES) loaded[name] = results[name].result;
      const chunksByGroup = withContent ? groupChunks(await withChunkBytes(results[CHUNKS].result)) : new Map();
      loaded.snapshots = results[SNAPSHOTS].result.map((manifest) =>
        withContent ? assembleSnapshot(manifest, chunksByGroup.get(chunkGroup(manifest.key, manifest.writeId)) || [])
                    : Object.assign({}, manifest));
      loaded.ms = performance.now() - started;
      return loaded;
    }

    // -- backup and restore ---------------------------------------------------------------------

    // Everything in ONE read-only transaction, as a JSON-ready object without timestamps (the
    // same content always gives the same JSON text): {format, schemaVersion, counts, stores}.
    // Works before a pending migration too (that is the backup the UI offers).
    async exportAll() {
      this.assertOpen();
      const version = this.db.version;
      const results = await runTransaction(this.db, DATA_STORES, 'readonly', (transaction) => {
        const requests = {};
        for (const name of DATA_STORES) {
          const objectStore = transaction.objectStore(name);
          requests[name] = name === CHUNKS ? readEach(objectStore) : objectStore.getAll();
        }
        return requests;
      });
      const stores = {};
      for (const name of DATA_STORES) stores[name] = results[name].result;
      stores[CHUNKS] = await withChunkBytes(stores[CHUNKS]);
      // Orphan chunks (a crashed snapshot write) are not part of the content.
      const live = new Set(stores[SNAPSHOTS].map((manifest) => chunkGroup(manifest.key, manifest.writeId)));
      // Binary chunks as text (chunkText): an export is JSON, and restores as a text snapshot.
      stores[CHUNKS] = stores[CHUNKS].filter((chunk) => live.has(chunkGroup(chunk.key[0], chunk.key[1])))
        .map((chunk) => (chunk.data instanceof Uint8Array ? Object.assign({}, chunk, { data: chunkText(chunk.data) }) : chunk));
      const counts = {};
      for (const name of DATA_STORES) counts[name] = stores[name].length;
      return { format: BACKUP_FORMAT, schemaVersion: version, counts, stores };
    }

    // Restores a backup (object or JSON text). Validates everything first (structure, counts,
    // snapshot completeness, then options.validate(backup), which may be async and must return
    // true, or false/a message/throw to refuse), then writes in ONE transaction.
    //   mode 'replace' (default): the stores end up holding exactly the backup's records.
    //   mode 'merge': records missing here are added; identical ones are left alone; a record
    //   whose key exists with other content is a conflict: reported, never overwritten.
    // Resolves to {mode, added: {store: n}, unchanged, conflicts: [{store, key}]}.
    async restore(backup, options = {}) {
      this.assertWritable();
      const mode = options.mode || 'replace';
      if (mode !== 'replace' && mode !== 'merge') throw new StoreError('ValidationError', `unknown restore mode "${mode}"`);
      let parsed = backup;
      if (typeof backup === 'string') {
        try {
          parsed = JSON.parse(backup);
        } catch (error) {
          throw new StoreError('ValidationError', `the backup is not valid JSON (${error.message})`);
        }
      }
      const stores = validateBackupShape(parsed);
      if (options.validate) {
        let verdict;
        try {
          verdict = await options.validate(parsed);
        } catch (error) {
          throw new StoreError('ValidationError', error && error.message ? error.message : String(error));
        }
        if (verdict !== true) throw new StoreError('ValidationError', typeof verdict === 'string' ? verdict : 'the backup was refused by its validator');
      }
      const generation = mode === 'replace' ? randomId() : this.generation;
      // A merge compares snapshots by their bytes, inside its transaction, where a stored Blob's
      // bytes cannot be read: they are read before it (chunks never change once written).
      const localChunkBytes = mode === 'merge' ? await this.blobChunkBytes() : new Map();
      const started = performance.now();
      const outcome = await this.write([...DATA_STORES, META], (transaction, fail, setResult) => {
        if (mode === 'replace') {
          for (const name of DATA_STORES) {
            const objectStore = transaction.objectStore(name);
            objectStore.clear();
            for (const record of stores[name]) objectStore.put(record);
          }
          // A new generation: a journal of the replaced content is never replayed over this.
          transaction.objectStore(META).put({ key: 'journal', schema: SCHEMA_VERSION, data: { generation } });
          const added = {};
          for (const name of DATA_STORES) added[name] = stores[name].length;
          setResult({ report: { mode, added, unchanged: 0, conflicts: [] }, ops: [] });
          return undefined;
        }
        mergeInto(transaction, stores, setResult, fail, localChunkBytes);
        return undefined;
      });
      const { report, ops } = outcome.value;
      let journaled = false;
      if (mode === 'replace') {
        this.generation = generation;
        if (this.journal && this.journal.isOpen) {
          try {
            await this.journal.reset([{ generation, schema: SCHEMA_VERSION, ops: journalOps(stores) }]);
            this.journalStale = false;
            journaled = true;
          } catch (error) {
            this.journalStale = true;
            this.journalFailed(error);
          }
        }
      } else {
        journaled = await this.journalAppend(ops);
      }
      return Object.assign({ ok: true, ms: performance.now() - started, journaled }, report);
    }

    // -- status, persistence, forgetting -----------------------------------------------------

    async requestPersistence() {
      if (!global.navigator || !navigator.storage || !navigator.storage.persist) return { supported: false, persisted: false };
      return { supported: true, persisted: await navigator.storage.persist() };
    }

    async status() {
      const status = {
        mode: this.mode,
        closedReason: this.closedReason,
        schemaVersion: SCHEMA_VERSION,
        storedSchemaVersion: this.db ? this.db.version : null,
        pendingMigration: this.pendingMigration,
        webLocks: Boolean(global.navigator && navigator.locks),
        journal: !this.journal ? 'unavailable' : this.journal.isOpen ? 'open' : 'closed',
        journalError: this.journalError,
        recovered: this.recovered,
        persisted: null,
        usage: null,
        quota: null,
      };
      if (global.navigator && navigator.storage) {
        if (navigator.storage.persisted) status.persisted = await navigator.storage.persisted();
        if (navigator.storage.estimate) {
          const estimate = await navigator.storage.estimate();
          status.usage = estimate.usage;
          status.quota = estimate.quota;
        }
      }
      return status;
    }

    // Deletes the whole database. The caller must have asked the user (typed confirmation) and
    // passes {confirmed: true}. Other tabs close their connections (versionchange + broadcast).
    async forgetEverything(options = {}) {
      if (!options || options.confirmed !== true)
        throw new StoreError('ConfirmationRequiredError', 'forgetEverything needs {confirmed: true} after the user confirmed');
      this.broadcast({ type: 'forgotten' });
      // The journal goes first: if it stayed, the next start would rebuild what the user asked to
      // forget. Other tabs release it when the broadcast reaches them; the worker retries.
      if (this.journal) await this.journal.remove();
      this.shutDown('forgotten');
      await deleteDatabase(this.name);
      return { ok: true };
    }
  }

  function checkRecordOp(op) {
    if (!op || !RECORD_STORES.includes(op.store))
      throw new StoreError('ValidationError', `unknown store "${op && op.store}" (snapshots have their own calls)`);
    if (!isRecordKey(op.key)) throw new StoreError('ValidationError', 'a key must be a non-empty string');
    if (op.delete) {
      if (op.store === 'events') throw new StoreError('AppendOnlyError', 'events are never deleted; record a correction instead');
    } else if (op.data === undefined) {
      throw new StoreError('ValidationError', `record "${op.key}" has no data`);
    }
  }

  function chunkRange(snapshotKey, writeId) {
    return IDBKeyRange.bound([snapshotKey, writeId, 0], [snapshotKey, writeId, Infinity]);
  }

  function splitText(text, size) {
    const chunks = [];
    let start = 0;
    while (start < text.length) {
      let end = Math.min(start + size, text.length);
      // Never split a surrogate pair: both halves must stay valid UTF-16.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - start > 1 ? -1 : 1;
      chunks.push(text.slice(start, end));
      start = end;
    }
    return chunks;
  }

  function groupChunks(chunks) {
    const groups = new Map();
    for (const chunk of chunks) {
      const group = chunkGroup(chunk.key[0], chunk.key[1]);
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(chunk);
    }
    return groups;
  }

  // A chunk's data as text: a binary one (Uint8Array) with each byte the character of the same
  // number (Latin-1), which is what a snapshot stored as text held for the same bytes.
  function chunkText(data) {
    if (!(data instanceof Uint8Array)) return data;
    let text = '';
    for (let start = 0; start < data.length; start += 0x8000)
      text += String.fromCharCode.apply(null, data.subarray(start, start + 0x8000));
    return text;
  }

  function assembleSnapshot(manifest, chunks) {
    const ordered = chunks.slice().sort((a, b) => a.key[2] - b.key[2]).map((chunk) => chunk.data);
    let joined;
    return {
      key: manifest.key, schema: manifest.schema, data: manifest.data, writeId: manifest.writeId,
      chunkCount: manifest.chunkCount, chunks: ordered,
      // The chunks joined back into the snapshot's text (a binary snapshot's as chunkText gives
      // it), once asked for: the app reads the chunks, and joining a 150 MB snapshot would hold
      // up its start-up.
      get content() {
        if (joined === undefined) {
          const texts = ordered.map(chunkText);
          joined = texts.every((chunk) => typeof chunk === 'string') ? texts.join('') : null;
        }
        return joined;
      },
    };
  }

  // Merge inside the restore transaction: read what is there, then add only what is missing.
  // `chunkBytes` holds the bytes of the chunks stored as Blobs, read before the transaction.
  function mergeInto(transaction, stores, setResult, fail, chunkBytes) {
    const requests = DATA_STORES.map((name) => transaction.objectStore(name).getAll());
    afterAll(requests, () => {
      const existing = {};
      DATA_STORES.forEach((name, index) => { existing[name] = requests[index].result; });
      const unread = existing[CHUNKS].find((chunk) => chunk.data instanceof Blob && !chunkBytes.has(stableText(chunk.key)));
      if (unread) {
        fail('ConflictError', 'a snapshot was stored while the merge began; merge again');
        return;
      }
      existing[CHUNKS] = existing[CHUNKS].map((chunk) =>
        chunk.data instanceof Blob ? Object.assign({}, chunk, { data: chunkBytes.get(stableText(chunk.key)) }) : chunk);
      setResult(applyMerge(transaction, stores, existing));
    });
  }

  // Returns {report, ops}: ops are the added records for the journal.
  function applyMerge(transaction, stores, existing) {
    const report = { mode: 'merge', added: {}, unchanged: 0, conflicts: [] };
    const ops = [];
    for (const name of DATA_STORES) report.added[name] = 0;
    const here = {};
    for (const name of DATA_STORES) here[name] = new Map(existing[name].map((record) => [stableText(record.key), record]));
    const chunksHere = groupChunks(existing[CHUNKS]);
    const chunksThere = groupChunks(stores[CHUNKS]);
    // Compares what a snapshot holds, not how it was cut into chunks.
    const contentOf = (manifest, groups) => {
      const snapshot = assembleSnapshot(manifest, groups.get(chunkGroup(manifest.key, manifest.writeId)) || []);
      return stableText([snapshot.data, snapshot.content !== null ? snapshot.content : snapshot.chunks]);
    };
    for (const name of RECORD_STORES) {
      const objectStore = transaction.objectStore(name);
      for (const record of stores[name]) {
        const local = here[name].get(stableText(record.key));
        if (!local) {
          objectStore.add(record);
          ops.push({ store: name, key: record.key, data: record.data });
          report.added[name]++;
        } else if (stableText(local.data) === stableText(record.data)) {
          report.unchanged++;
        } else {
          report.conflicts.push({ store: name, key: record.key });
        }
      }
    }
    for (const manifest of stores[SNAPSHOTS]) {
      const local = here[SNAPSHOTS].get(stableText(manifest.key));
      if (!local) {
        transaction.objectStore(SNAPSHOTS).add(manifest);
        for (const chunk of chunksThere.get(chunkGroup(manifest.key, manifest.writeId)) || []) {
          transaction.objectStore(CHUNKS).put(chunk);
          report.added[CHUNKS]++;
        }
        report.added[SNAPSHOTS]++;
      } else if (contentOf(local, chunksHere) === contentOf(manifest, chunksThere)) {
        report.unchanged++;
      } else {
        report.conflicts.push({ store: SNAPSHOTS, key: manifest.key });
      }
    }
    return { report, ops };
  }

  function deleteDatabase(name) {
    return new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(storeError(request.error, 'UnknownError'));
    });
  }

  // [SECTION] Export

  global.RadarStore = Object.freeze({
    SCHEMA_VERSION,
    DEFAULT_NAME,
    RECORD_STORES: Object.freeze(RECORD_STORES.slice()),
    DATA_STORES: Object.freeze(DATA_STORES.slice()),
    BACKUP_FORMAT,
    StoreError,
    // Opens the one connection of this page: options {name, lockName, autoMigrate}.
    // Resolves to a store whose `mode` is 'writer' or 'read-only'; `pendingMigration` is set
    // when the stored schema is older (offer exportAll() when it rewritesData, then migrate()).
    open(options = {}) {
      const store = new RadarStoreConnection(options.name || DEFAULT_NAME, options);
      return store.start();
    },
    // Checks a backup's structure without writing (throws a ValidationError).
    validateBackup(backup) {
      validateBackupShape(typeof backup === 'string' ? JSON.parse(backup) : backup);
      return true;
    },
    deleteDatabase,
  });
})(globalThis);
