// Emscripten --js-library: file picker, drag-and-drop and downloads for src/platform/file_transfer.hpp.
// Files are read in slices of up to 1 MiB, each parsed in a task of its own (the page draws its
// frames between them, so a big export never blocks it for long), and handed to C++ through the
// exported radar_file_begin / radar_file_chunk / radar_file_end functions. The last file's handle
// (not its bytes) is kept so that C++ can ask for it again (a mapping change in the review):
// radar_js_read_file_again delivers it through radar_file_again_chunk / radar_file_again_end.
// An import reads that file in a worker instead (radar_js_import_in_worker; the worker's side is
// web/import/radar_import_worker.js): one Web Worker per read, its progress and result handed to
// C++ through radar_import_worker_read / _expect / _piece_buffer / _piece / _done / _failed /
// _unavailable, and the worker ended as soon as its result is in.
mergeInto(LibraryManager.library, {
  $RadarFiles: {
    chunkSize: 1024 * 1024,
    busy: false,
    lastFile: null,
    // Hands the file's slices to `chunk` (which returns 0 to stop), then its outcome to `end`.
    // The slices go through one buffer in wasm memory and, where the browser's file streams take
    // a reader's own buffer (a BYOB reader), are read into one reused array: reading a big file
    // leaves nothing behind for the garbage collector, whose pauses were the import's longest
    // tasks. Elsewhere each slice is read into an array of its own.
    sendSlices: async function (file, chunk, end) {
      let error = '';
      const pointer = _malloc(RadarFiles.chunkSize);
      try {
        const slices = RadarFiles.streamSlices(file) || RadarFiles.blobSlices(file);
        for await (const bytes of slices) {
          HEAPU8.set(bytes, pointer);  // HEAPU8 is read again: memory may have grown
          if (!chunk(pointer, bytes.length)) {
            error = 'cancelled';
            break;
          }
          await RadarFiles.nextTask();
        }
      } catch (failure) {
        error = String(failure && failure.message || failure);
      }
      _free(pointer);
      RadarFiles.withText(error, (errorPointer) => end(error === '' ? 1 : 0, errorPointer));
    },
    // Calls `use` with `text` as a C string in wasm memory (freed after) and returns its result.
    withText: function (text, use) {
      const size = lengthBytesUTF8(text) + 1;
      const pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      try {
        return use(pointer);
      } finally {
        _free(pointer);
      }
    },
    // The size of each slice in turn: 64 KiB first, doubling up to chunkSize. The first slice
    // also plans the import's columns, and the parser's code is not yet at full speed: in
    // Chromium, at 900,000 rows, a first slice of 1 MiB took 38-78 ms, one of 64 KiB 17-45 ms.
    sliceSizes: function* () {
      for (let size = 64 * 1024; size < RadarFiles.chunkSize; size *= 2) yield size;
      for (;;) yield RadarFiles.chunkSize;
    },
    // The file in slices of sliceSizes (the last may be shorter), read by a BYOB reader into one
    // array, each slice a view of it valid until the next is asked for; null where file streams
    // have no BYOB reader.
    streamSlices: function (file) {
      let reader;
      try {
        reader = file.stream().getReader({ mode: 'byob' });
      } catch (unsupported) {
        return null;
      }
      return (async function* () {
        let buffer = new ArrayBuffer(RadarFiles.chunkSize);
        const sizes = RadarFiles.sliceSizes();
        try {
          for (let finished = false; !finished;) {
            const size = sizes.next().value;
            let filled = 0;
            while (filled < size) {
              const { value, done } = await reader.read(new Uint8Array(buffer, filled, size - filled));
              if (value) buffer = value.buffer;  // the same memory, handed back
              if (done) {
                finished = true;
                break;
              }
              filled += value.byteLength;
            }
            if (filled > 0) yield new Uint8Array(buffer, 0, filled);
          }
        } finally {
          reader.releaseLock();
        }
      })();
    },
    // The file in slices of sliceSizes, each read into an array of its own.
    blobSlices: async function* (file) {
      const sizes = RadarFiles.sliceSizes();
      for (let offset = 0, size = sizes.next().value; offset < file.size; offset += size, size = sizes.next().value)
        yield new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
    },
    // A promise settled in a task of its own (a message to itself: no clamping as for nested
    // timers), so each slice is parsed in its own task even when the next one is already read.
    nextTask: function () {
      if (!RadarFiles.taskChannel) {
        RadarFiles.taskChannel = new MessageChannel();
        RadarFiles.taskWaiters = [];
        RadarFiles.taskChannel.port1.onmessage = () => RadarFiles.taskWaiters.shift()();
      }
      return new Promise((resolve) => {
        RadarFiles.taskWaiters.push(resolve);
        RadarFiles.taskChannel.port2.postMessage(null);
      });
    },
    deliver: async function (file) {
      if (RadarFiles.busy) { console.warn('A file is already being read; ignored ' + file.name); return; }
      RadarFiles.busy = true;
      // The file's last change as a local calendar day (days since 1970-01-01), 0 when unknown.
      const changed = file.lastModified ? new Date(file.lastModified) : null;
      const changedDay = changed ? Date.UTC(changed.getFullYear(), changed.getMonth(), changed.getDate()) / 86400000 : 0;
      const previousFile = RadarFiles.lastFile;
      RadarFiles.lastFile = file;  // an import worker started while C++ begins the file reads it
      const workerBefore = RadarFiles.worker;
      const accepted = RadarFiles.withText(file.name, (name) => _radar_file_begin(name, file.size, changedDay));
      // An accepted file is read by the worker C++ started for it, if it started one, else here.
      if (!accepted) RadarFiles.lastFile = previousFile;
      else if (RadarFiles.worker === workerBefore) await RadarFiles.sendSlices(file, _radar_file_chunk, _radar_file_end);
      RadarFiles.busy = false;
    },
    worker: null,  // the import worker reading the last delivered file, if any
    // The last import worker's wasm memory and the page's as the worker ended (the benchmark adds them).
    workerMemory: null,
    // Reads the last delivered file in a new import worker with the request's bytes; false when
    // there is no file or this browser has no workers.
    importInWorker: function (request) {
      RadarFiles.stopWorker();
      if (!RadarFiles.lastFile || typeof Worker === 'undefined') return false;
      const worker = new Worker(locateFile('radar_import_worker.js'));  // next to radar.js
      RadarFiles.worker = worker;
      // The result's pieces are handed to C++ as they come, through a staging buffer. A worker
      // that fails before it says anything could not start (its script or wasm did not load):
      // C++ then reads the file itself.
      let heard = false;
      worker.onmessage = (event) => {
        if (RadarFiles.worker !== worker) return;
        const message = event.data;
        heard = true;
        if (message.unavailable !== undefined) {
          console.warn('The import worker could not start (' + message.unavailable + '); the page reads the file itself.');
          RadarFiles.stopWorker();
          _radar_import_worker_unavailable();
        } else if (message.read !== undefined) {
          _radar_import_worker_read(message.read);
        } else if (message.resultBytes !== undefined) {
          _radar_import_worker_expect(message.resultBytes);
        } else if (message.piece) {
          const staging = _radar_import_worker_piece_buffer(message.length);
          HEAPU8.set(new Uint8Array(message.piece, 0, message.length), staging);  // HEAPU8 as it is after that call
          _radar_import_worker_piece(message.length);
          worker.postMessage({ returned: message.piece }, [message.piece]);  // for the next piece
        } else if (message.done) {
          // The page's memory with the whole result in it, while the worker's still lives.
          RadarFiles.workerMemory = { workerBytes: message.memoryBytes, pageBytes: HEAPU8.length };
          RadarFiles.stopWorker();
          _radar_import_worker_done();
        } else {
          RadarFiles.stopWorker();
          RadarFiles.workerFailed(message.error);
        }
      };
      worker.onerror = (event) => {
        if (RadarFiles.worker !== worker) return;
        event.preventDefault();
        RadarFiles.stopWorker();
        if (heard) {
          RadarFiles.workerFailed(event.message || 'the import worker stopped');
        } else {
          console.warn('The import worker could not start (' + (event.message || 'no reason given') + '); the page reads the file itself.');
          _radar_import_worker_unavailable();
        }
      };
      worker.postMessage({ file: RadarFiles.lastFile, request });
      return true;
    },
    stopWorker: function () {
      if (RadarFiles.worker) RadarFiles.worker.terminate();
      RadarFiles.worker = null;
    },
    workerFailed: function (error) { RadarFiles.withText(error, _radar_import_worker_failed); },
    // The last delivered file once more (it may have changed or gone since: the read then fails
    // with the browser's message). False when there is none or a file is being read.
    readAgain: function () {
      if (RadarFiles.busy || !RadarFiles.lastFile) return false;
      RadarFiles.busy = true;
      RadarFiles.sendSlices(RadarFiles.lastFile, _radar_file_again_chunk, _radar_file_again_end)
        .finally(() => { RadarFiles.busy = false; });
      return true;
    },
    install: function () {
      if (RadarFiles.input) return;
      const input = document.createElement('input');
      input.type = 'file';
      input.style.display = 'none';
      input.addEventListener('change', () => {
        if (input.files.length) RadarFiles.deliver(input.files[0]);
        input.value = '';
      });
      document.body.appendChild(input);
      RadarFiles.input = input;
      window.addEventListener('dragover', (event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'copy'; });
      window.addEventListener('drop', (event) => {
        event.preventDefault();
        if (event.dataTransfer.files.length) RadarFiles.deliver(event.dataTransfer.files[0]);
      });
    },
  },

  radar_js_install_file_transfer__deps: ['$RadarFiles', 'malloc', 'free'],
  radar_js_install_file_transfer: function () { RadarFiles.install(); },

  radar_js_read_file_again__deps: ['$RadarFiles'],
  radar_js_read_file_again: function () { return RadarFiles.readAgain() ? 1 : 0; },

  radar_js_import_in_worker__deps: ['$RadarFiles', 'malloc', 'free'],
  radar_js_import_in_worker: function (pointer, length) {
    return RadarFiles.importInWorker(HEAPU8.slice(pointer, pointer + length).buffer) ? 1 : 0;
  },

  radar_js_stop_import_worker__deps: ['$RadarFiles'],
  radar_js_stop_import_worker: function () { RadarFiles.stopWorker(); },

  radar_js_request_file_open__deps: ['$RadarFiles'],
  radar_js_request_file_open: function (accept) {
    RadarFiles.install();
    RadarFiles.input.accept = UTF8ToString(accept);
    RadarFiles.input.click();
  },

  radar_js_download_file: function (name, mime, pointer, length) {
    const blob = new Blob([HEAPU8.slice(pointer, pointer + length)], { type: UTF8ToString(mime) });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  },

  radar_js_open_html: function (pointer, length) {
    const blob = new Blob([HEAPU8.slice(pointer, pointer + length)], { type: 'text/html;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    if (!window.open(url, '_blank')) console.warn('The browser blocked the new tab; allow pop-ups for this page.');
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },
});
