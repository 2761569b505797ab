// Emscripten --js-library: the C entry points of the browser store (src/platform/store_web.cpp)
// over globalThis.RadarStore (web/storage/radar_store.js, loaded by the page before radar.js).
// No ASYNCIFY: every call carries a request id and returns at once; the outcome arrives later
// through functions exported by store_web.cpp:
//   radar_store_on_complete(request_id, ok, error_name, text, text_length)
//   radar_store_on_record(request_id, store, key, data, data_length)        (load_all)
//   radar_store_on_snapshot(request_id, key, meta, length, binary) -> 1 if loading (load_all)
//   radar_store_on_snapshot_chunk(request_id, bytes, length)                 (load_all)
//   radar_store_on_notice(kind, detail_json)                                 (tabs, journal, ...)
// Strings going to C++ are malloc'ed here and freed right after the call returns (C++ copies).
mergeInto(LibraryManager.library, {
  $RadarStoreBridge__deps: ['malloc', 'free'],
  $RadarStoreBridge: {
    store: null,
    snapshotWriters: {},  // by writer id: {writer, filling, filled, error} (radar_store_snapshot_*)
    nextWriterId: 1,
    chunkPool: [],        // 1 MiB arrays given back by the writers, for the next chunks
    chunkBytes: 1 << 20,
    // The record stores in the order of radar::platform::RecordKind.
    kinds: ['events', 'batches', 'models', 'mapping_profiles', 'settings'],

    withText: function (text, use) {
      var value = text === null || text === undefined ? '' : String(text);
      var size = lengthBytesUTF8(value) + 1;
      var pointer = _malloc(size);
      stringToUTF8(value, pointer, size);
      try {
        return use(pointer, size - 1);
      } finally {
        _free(pointer);
      }
    },

    complete: function (requestId, ok, errorName, text) {
      RadarStoreBridge.withText(errorName, function (namePointer) {
        RadarStoreBridge.withText(text, function (textPointer, textLength) {
          _radar_store_on_complete(requestId, ok ? 1 : 0, namePointer, textPointer, textLength);
        });
      });
    },

    // Runs `action` (returning a promise of the text handed to C++) and reports its outcome.
    run: function (requestId, action) {
      Promise.resolve().then(function () {
        if (!RadarStoreBridge.store) {
          var error = new Error('the store is not open');
          error.name = 'ClosedError';
          throw error;
        }
        return action(RadarStoreBridge.store);
      }).then(function (text) {
        RadarStoreBridge.complete(requestId, true, '', text);
      }, function (error) {
        var name = error && error.name && error.name !== 'Error' ? error.name : 'UnknownError';
        RadarStoreBridge.complete(requestId, false, name, error && error.message ? error.message : String(error));
      });
    },

    notice: function (kind, detail) {
      RadarStoreBridge.withText(kind, function (kindPointer) {
        RadarStoreBridge.withText(JSON.stringify(detail || {}), function (detailPointer) {
          _radar_store_on_notice(kindPointer, detailPointer);
        });
      });
    },

    asText: function (value) {
      return typeof value === 'string' ? value : JSON.stringify(value);
    },

    // Calls `step` (a few chunks' work; true once all is done) once per task until it is done,
    // so big snapshots are converted while the page keeps drawing: a promise.
    inTasks: function (step) {
      return new Promise(function run(done) {
        if (step()) done();
        else setTimeout(run, 0, done);
      });
    },

    // Hands a load's snapshot chunks to C++ as IndexedDB delivers them, so the page holds a few
    // chunks at a time and never a whole snapshot: with its first chunk, radar_store_on_snapshot
    // makes room for the snapshot (its chunk count times that chunk's size); then each chunk
    // (binary as it is, text encoded to UTF-8) is copied in through one staging buffer.
    snapshotReceiver: function (requestId) {
      var encoder = new TextEncoder();
      var staging = 0;
      var stagingSize = 0;
      var taking = false;
      var begin = function (manifest, length, binary) {
        return RadarStoreBridge.withText(manifest.key, function (keyPointer) {
          return RadarStoreBridge.withText(RadarStoreBridge.asText(manifest.data), function (metaPointer) {
            return _radar_store_on_snapshot(requestId, keyPointer, metaPointer, length, binary ? 1 : 0) !== 0;
          });
        });
      };
      return {
        chunk: function (manifest, data, index) {
          var binary = data instanceof Uint8Array;
          var bytes = binary ? data : encoder.encode(RadarStoreBridge.asText(data));
          if (index === 0) taking = begin(manifest, manifest.chunkCount * bytes.length, binary);
          if (!taking) return;
          if (bytes.length > stagingSize) {
            _free(staging);
            stagingSize = bytes.length;
            staging = _malloc(stagingSize);
          }
          HEAPU8.set(bytes, staging);  // HEAPU8 is read again: memory may have grown
          _radar_store_on_snapshot_chunk(requestId, staging, bytes.length);
        },
        // A snapshot without chunks (empty content) is handed over as empty text.
        empty: function (manifest) { begin(manifest, 0, false); },
        close: function () {
          _free(staging);
          staging = 0;
        },
      };
    },

    // The pooled chunk arrays are let go once no snapshot is being written.
    dropChunkPool: function () {
      if (Object.keys(RadarStoreBridge.snapshotWriters).length === 0) RadarStoreBridge.chunkPool = [];
    },

    // Snapshot bytes in wasm memory as chunks of `chunkBytes` (copies), eight per task (a promise).
    byteChunks: function (pointer, length, chunkBytes) {
      var chunks = [];
      var start = 0;
      return RadarStoreBridge.inTasks(function () {
        for (var n = 0; n < 8 && start < length; n++) {
          var stop = Math.min(length, start + chunkBytes);
          chunks.push(HEAPU8.slice(pointer + start, pointer + stop));
          start = stop;
        }
        return start >= length;
      }).then(function () { return chunks; });
    },

    // UTF-8 bytes in wasm memory as strings of about `chunkBytes` bytes each, cut only between
    // characters, decoded eight per task (a promise of the chunks). The bytes are read where they
    // are (copying 168 MB out of wasm memory took up to 0.85 s in one frame): the caller keeps
    // them alive until the promise settles.
    textChunks: function (pointer, length, chunkBytes) {
      var decoder = new TextDecoder('utf-8');
      var chunks = [];
      var start = 0;
      return RadarStoreBridge.inTasks(function () {
        var bytes = HEAPU8.subarray(pointer, pointer + length);  // a new view if memory grew
        for (var n = 0; n < 8 && start < length; n++) {
          var stop = Math.min(length, start + chunkBytes);
          while (stop < length && stop > start + 1 && (bytes[stop] & 0xc0) === 0x80) stop--;
          chunks.push(decoder.decode(bytes.subarray(start, stop)));
          start = stop;
        }
        return start >= length;
      }).then(function () { return chunks; });
    },
  },

  radar_store_open__deps: ['$RadarStoreBridge'],
  radar_store_open: function (name, requestId) {
    var options = { name: UTF8ToString(name) };
    Promise.resolve().then(function () {
      if (typeof RadarStore !== 'object') throw Object.assign(new Error('radar_store.js is not loaded'), { name: 'NotSupportedError' });
      if (RadarStoreBridge.store) return RadarStoreBridge.store;
      return RadarStore.open(options);
    }).then(function (store) {
      if (RadarStoreBridge.store !== store) {
        RadarStoreBridge.store = store;
        // The page's crash panel reads the store from here when the wasm module has stopped.
        Module['radarStore'] = store;
        ['mode', 'change', 'closed', 'blocked', 'migrated', 'recovered', 'journal-error'].forEach(function (type) {
          store.addEventListener(type, function (event) { RadarStoreBridge.notice(type, event.detail); });
        });
      }
      return store.status();
    }).then(function (status) {
      RadarStoreBridge.complete(requestId, true, '', JSON.stringify(status));
    }, function (error) {
      RadarStoreBridge.complete(requestId, false, error && error.name ? error.name : 'UnknownError', error && error.message);
    });
  },

  // Records arrive one by one through radar_store_on_record, then the completion.
  radar_store_load_all__deps: ['$RadarStoreBridge'],
  radar_store_load_all: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      var receiver = RadarStoreBridge.snapshotReceiver(requestId);
      return store.loadAll({ eachSnapshotChunk: receiver.chunk }).then(function (loaded) {
        RadarStoreBridge.kinds.forEach(function (name) {
          RadarStoreBridge.withText(name, function (storePointer) {
            loaded[name].forEach(function (record) {
              RadarStoreBridge.withText(record.key, function (keyPointer) {
                RadarStoreBridge.withText(RadarStoreBridge.asText(record.data), function (dataPointer, dataLength) {
                  _radar_store_on_record(requestId, storePointer, keyPointer, dataPointer, dataLength);
                });
              });
            });
          });
        });
        loaded.snapshots.forEach(function (manifest) { if (manifest.chunkCount === 0) receiver.empty(manifest); });
        return JSON.stringify({ ms: loaded.ms });
      }).finally(receiver.close);
    });
  },

  // One user action: `count` writes given as parallel arrays (kinds[i] indexes `kinds`; a null
  // data pointer means "remove the key"), written in one transaction.
  radar_store_commit__deps: ['$RadarStoreBridge'],
  radar_store_commit: function (count, kinds, keys, datas, dataLengths, requestId) {
    var ops = [];
    for (var i = 0; i < count; i++) {
      var dataPointer = HEAPU32[(datas >> 2) + i];
      var op = { store: RadarStoreBridge.kinds[HEAP32[(kinds >> 2) + i]], key: UTF8ToString(HEAPU32[(keys >> 2) + i]) };
      if (dataPointer === 0) op.delete = true;
      else op.data = UTF8ToString(dataPointer, HEAP32[(dataLengths >> 2) + i]);
      ops.push(op);
    }
    RadarStoreBridge.run(requestId, function (store) {
      return store.commit(ops).then(function (result) {
        return JSON.stringify({ ms: result.ms, journaled: result.journaled });
      });
    });
  },

  radar_store_put_snapshot__deps: ['$RadarStoreBridge'],
  radar_store_put_snapshot: function (key, meta, content, contentLength, binary, requestId) {
    var snapshotKey = UTF8ToString(key);
    var snapshotMeta = UTF8ToString(meta);
    // `content` stays in wasm memory until this request completes (store_web.cpp). Binary
    // content is stored as Uint8Array chunks, text as string chunks.
    RadarStoreBridge.run(requestId, function (store) {
      var chunking = binary ? RadarStoreBridge.byteChunks : RadarStoreBridge.textChunks;
      return chunking(content, contentLength, RadarStoreBridge.chunkBytes).then(function (chunks) {
        return store.putSnapshot(snapshotKey, snapshotMeta, chunks);
      }).then(function (result) {
        return JSON.stringify({ ms: result.ms, chunkCount: result.chunkCount });
      });
    });
  },

  // A snapshot stored as C++ hands its parts over (WebSnapshotParts in store_web.cpp): each part
  // is copied at once into 1 MiB chunks, which the store writes a few per transaction and gives
  // back for later parts, so saving keeps a few chunks in memory and leaves no garbage behind.
  radar_store_snapshot_begin__deps: ['$RadarStoreBridge'],
  radar_store_snapshot_begin: function (key) {
    var id = RadarStoreBridge.nextWriterId++;
    var entry = { writer: null, filling: null, filled: 0, error: null };
    try {
      if (!RadarStoreBridge.store) throw Object.assign(new Error('the store is not open'), { name: 'ClosedError' });
      entry.writer = RadarStoreBridge.store.snapshotWriter(UTF8ToString(key), {
        recycle: function (chunk) { RadarStoreBridge.chunkPool.push(chunk); },
      });
    } catch (error) {
      entry.error = error;
    }
    RadarStoreBridge.snapshotWriters[id] = entry;
    return id;
  },

  radar_store_snapshot_add__deps: ['$RadarStoreBridge'],
  radar_store_snapshot_add: function (id, pointer, length) {
    var entry = RadarStoreBridge.snapshotWriters[id];
    if (!entry || !entry.writer) return;
    var chunkBytes = RadarStoreBridge.chunkBytes;
    for (var offset = 0; offset < length;) {
      if (!entry.filling) {
        entry.filling = RadarStoreBridge.chunkPool.pop() || new Uint8Array(chunkBytes);
        entry.filled = 0;
      }
      var size = Math.min(length - offset, chunkBytes - entry.filled);
      entry.filling.set(HEAPU8.subarray(pointer + offset, pointer + offset + size), entry.filled);
      entry.filled += size;
      offset += size;
      if (entry.filled === chunkBytes) {
        entry.writer.add(entry.filling);
        entry.filling = null;
      }
    }
  },

  radar_store_snapshot_waiting__deps: ['$RadarStoreBridge'],
  radar_store_snapshot_waiting: function (id) {
    var entry = RadarStoreBridge.snapshotWriters[id];
    return entry && entry.writer ? entry.writer.waitingBytes : 0;
  },

  radar_store_snapshot_finish__deps: ['$RadarStoreBridge'],
  radar_store_snapshot_finish: function (id, meta, requestId) {
    var entry = RadarStoreBridge.snapshotWriters[id];
    delete RadarStoreBridge.snapshotWriters[id];
    var data = UTF8ToString(meta);
    RadarStoreBridge.run(requestId, function () {
      if (!entry) throw new Error('no snapshot is being written under id ' + id);
      if (entry.error) throw entry.error;
      if (entry.filling) {
        // The last chunk as a copy of its filled part: a view would store the whole array.
        entry.writer.add(entry.filling.slice(0, entry.filled));
        RadarStoreBridge.chunkPool.push(entry.filling);
        entry.filling = null;
      }
      return entry.writer.finish(data).then(function (result) {
        return JSON.stringify({ ms: result.ms, chunkCount: result.chunkCount });
      }).finally(RadarStoreBridge.dropChunkPool);
    });
  },

  radar_store_snapshot_abandon__deps: ['$RadarStoreBridge'],
  radar_store_snapshot_abandon: function (id) {
    var entry = RadarStoreBridge.snapshotWriters[id];
    delete RadarStoreBridge.snapshotWriters[id];
    if (entry && entry.writer) entry.writer.abandon();
    RadarStoreBridge.dropChunkPool();
  },

  radar_store_remove_snapshot__deps: ['$RadarStoreBridge'],
  radar_store_remove_snapshot: function (key, requestId) {
    var snapshotKey = UTF8ToString(key);
    RadarStoreBridge.run(requestId, function (store) {
      return store.deleteSnapshot(snapshotKey).then(function () { return ''; });
    });
  },

  radar_store_status__deps: ['$RadarStoreBridge'],
  radar_store_status: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      return store.status().then(JSON.stringify);
    });
  },

  radar_store_request_persistence__deps: ['$RadarStoreBridge'],
  radar_store_request_persistence: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      return store.requestPersistence().then(JSON.stringify);
    });
  },

  radar_store_export__deps: ['$RadarStoreBridge'],
  radar_store_export: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      return store.exportAll().then(JSON.stringify);
    });
  },

  // mode: 0 replace, 1 merge. The completion text is the report as JSON.
  radar_store_restore__deps: ['$RadarStoreBridge'],
  radar_store_restore: function (text, textLength, mode, requestId) {
    var backup = UTF8ToString(text, textLength);
    RadarStoreBridge.run(requestId, function (store) {
      return store.restore(backup, { mode: mode === 1 ? 'merge' : 'replace' }).then(JSON.stringify);
    });
  },

  radar_store_migrate__deps: ['$RadarStoreBridge'],
  radar_store_migrate: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      return store.migrate().then(JSON.stringify);
    });
  },

  radar_store_use_here__deps: ['$RadarStoreBridge'],
  radar_store_use_here: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      return store.useHere().then(JSON.stringify);
    });
  },

  // The C++ caller has the user's typed confirmation; the store is closed afterwards.
  radar_store_forget__deps: ['$RadarStoreBridge'],
  radar_store_forget: function (requestId) {
    RadarStoreBridge.run(requestId, function (store) {
      return store.forgetEverything({ confirmed: true }).then(function () {
        RadarStoreBridge.store = null;
        return '';
      });
    });
  },
});
