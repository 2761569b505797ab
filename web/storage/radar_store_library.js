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

    // A snapshot's text chunks encoded to UTF-8 eight per task (a promise of the byte arrays).
    encodeChunks: function (chunks) {
      var encoder = new TextEncoder();
      var encoded = [];
      return RadarStoreBridge.inTasks(function () {
        for (var n = 0; n < 8 && encoded.length < chunks.length; n++)
          encoded.push(encoder.encode(RadarStoreBridge.asText(chunks[encoded.length])));
        return encoded.length === chunks.length;
      }).then(function () { return encoded; });
    },

    isBinary: function (chunks) {
      return chunks.length > 0 && chunks.every(function (chunk) { return chunk instanceof Uint8Array; });
    },

    // A loaded snapshot handed to C++: radar_store_on_snapshot makes room for it, then its chunks
    // (binary ones as they are, text ones encoded to UTF-8 first) are passed on through one
    // chunk-sized buffer in wasm memory, eight per task (a promise). C++ holds the bytes; the next
    // snapshot is handed over only after this one.
    sendSnapshot: function (requestId, snapshot) {
      var binary = RadarStoreBridge.isBinary(snapshot.chunks);
      var ready = binary ? Promise.resolve(snapshot.chunks) : RadarStoreBridge.encodeChunks(snapshot.chunks);
      return ready.then(function (chunks) {
        var size = chunks.reduce(function (total, bytes) { return total + bytes.length; }, 0);
        var largest = chunks.reduce(function (most, bytes) { return Math.max(most, bytes.length); }, 1);
        var begun = RadarStoreBridge.withText(snapshot.key, function (keyPointer) {
          return RadarStoreBridge.withText(RadarStoreBridge.asText(snapshot.data), function (metaPointer) {
            return _radar_store_on_snapshot(requestId, keyPointer, metaPointer, size, binary ? 1 : 0);
          });
        });
        if (!begun) return;
        var staging = _malloc(largest);
        var copied = 0;
        return RadarStoreBridge.inTasks(function () {
          for (var n = 0; n < 8 && copied < chunks.length; n++) {
            HEAPU8.set(chunks[copied], staging);  // HEAPU8 is read again: memory may have grown
            _radar_store_on_snapshot_chunk(requestId, staging, chunks[copied].length);
            copied++;
          }
          return copied === chunks.length;
        }).finally(function () { _free(staging); });
      });
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
      return store.loadAll().then(function (loaded) {
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
        return loaded.snapshots.reduce(function (previous, snapshot) {
          return previous.then(function () { return RadarStoreBridge.sendSnapshot(requestId, snapshot); });
        }, Promise.resolve()).then(function () { return JSON.stringify({ ms: loaded.ms }); });
      });
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
      return chunking(content, contentLength, 1 << 20).then(function (chunks) {
        return store.putSnapshot(snapshotKey, snapshotMeta, chunks);
      }).then(function (result) {
        return JSON.stringify({ ms: result.ms, chunkCount: result.chunkCount });
      });
    });
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
