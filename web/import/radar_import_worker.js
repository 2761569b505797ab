// The import worker: reads one picked or dropped file off the page's main thread. The page posts
// { file, request } (request: the bytes of encode_import_request); the worker runs its own wasm
// importer (radar_import_core.js, src/worker/import_worker_main.cpp) over the file's slices, read
// with FileReaderSync (a worker may read synchronously, so the file is never whole in memory),
// and posts back, in order:
//   { read: bytes }                       after each slice, for the page's progress bar;
//   { result: ArrayBuffer, memoryBytes }  the bytes of encode_import_result, transferred (no copy),
//                                         and the worker's memory then: its wasm memory (at its
//                                         largest: it never shrinks) and that buffer;
//   { error: text }                       instead of a result, when the file could not be read.
// One worker reads one file: the page ends it once it has the result (its wasm memory, which never
// shrinks, goes with it) or when the user stops the import.
'use strict';

const sliceBytes = 1024 * 1024;
let started = null;

self.Module = {
  print: () => {},
  printErr: (text) => console.warn(text),
  onAbort: (what) => self.postMessage({ error: 'the import stopped: ' + what }),
};
const ready = new Promise((resolve) => { self.Module.onRuntimeInitialized = resolve; });
importScripts('radar_import_core.js');

function importFile(file, request) {
  const Module = self.Module;
  const requestPointer = Module._malloc(request.byteLength);
  Module.HEAPU8.set(new Uint8Array(request), requestPointer);
  const begun = Module._radar_worker_begin(requestPointer, request.byteLength);
  Module._free(requestPointer);
  if (!begun) throw new Error('the import request could not be read');
  const reader = new FileReaderSync();
  const slicePointer = Module._malloc(sliceBytes);
  try {
    for (let offset = 0; offset < file.size; offset += sliceBytes) {
      const bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, offset + sliceBytes)));
      Module.HEAPU8.set(bytes, slicePointer);  // HEAPU8 read again: memory may have grown
      const wantsMore = Module._radar_worker_feed(slicePointer, bytes.length);
      self.postMessage({ read: offset + bytes.length });
      if (!wantsMore) break;
    }
  } finally {
    Module._free(slicePointer);
  }
  const resultPointer = Module._radar_worker_finish();
  const result = Module.HEAPU8.slice(resultPointer, resultPointer + Module._radar_worker_result_size()).buffer;
  self.postMessage({ result, memoryBytes: Module.HEAPU8.length + result.byteLength }, [result]);
}

self.onmessage = (event) => {
  if (started) return;
  const { file, request } = event.data;
  started = ready.then(() => importFile(file, request)).catch((failure) => {
    self.postMessage({ error: String((failure && failure.message) || failure) });
  });
};
