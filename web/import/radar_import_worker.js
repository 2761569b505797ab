// The import worker: reads one picked or dropped file off the page's main thread. The page posts
// { file, request } (request: the bytes of encode_import_request); the worker runs its own wasm
// importer (radar_import_core.js, src/worker/import_worker_main.cpp) over the file's slices of
// 1 MiB, each read by the browser while the one before is imported (so the file is never whole
// in memory: two slices at most), and posts back, in order:
//   { read: bytes }          after each slice, for the page's progress bar;
//   { resultBytes: n }       the import is finished: its encoded result (encode_import_result's
//                            bytes) is n bytes long;
//   { piece: ArrayBuffer, length }  the result a piece at a time (a few MiB each) in the buffer's
//                            first `length` bytes, transferred (no copy), so the worker never
//                            holds it whole next to the dataset. The page posts each buffer back
//                            once it has copied it ({ returned: ArrayBuffer }); past the first
//                            few, the worker fills a returned buffer with the next piece (waiting
//                            for one if need be), so no piece is left for the garbage collector;
//   { done: true, memoryBytes }  all pieces sent; its wasm memory at its largest (it never shrinks);
//   { error: text }          instead, when the file could not be read;
//   { unavailable: text }    instead, when its wasm could not be loaded (the page then reads the
//                            file itself).
// One worker reads one file: the page ends it once it has the result (its memory goes with it)
// or when the user stops the import.
'use strict';

const sliceBytes = 1024 * 1024;
let started = null;

let runtimeReady = false;
let failed = false;  // an abort is reported once, not again by the promise it rejects
self.Module = {
  print: () => {},
  printErr: (text) => console.warn(text),
  onAbort: (what) => {
    failed = true;
    self.postMessage(runtimeReady ? { error: 'the import stopped: ' + what } : { unavailable: String(what) });
  },
};
const ready = new Promise((resolve) => {
  self.Module.onRuntimeInitialized = () => {
    runtimeReady = true;
    resolve();
  };
});
importScripts('radar_import_core.js');

async function importFile(file, request) {
  const Module = self.Module;
  const requestPointer = Module._malloc(request.byteLength);
  Module.HEAPU8.set(new Uint8Array(request), requestPointer);
  const begun = Module._radar_worker_begin(requestPointer, request.byteLength);
  Module._free(requestPointer);
  if (!begun) throw new Error('the import request could not be read');
  const readSlice = (offset) => file.slice(offset, offset + sliceBytes).arrayBuffer();
  const slicePointer = Module._malloc(sliceBytes);
  let nextSlice = readSlice(0);
  try {
    for (let offset = 0; offset < file.size; offset += sliceBytes) {
      const bytes = new Uint8Array(await nextSlice);
      // The browser reads the next slice while this one is imported.
      if (offset + sliceBytes < file.size) nextSlice = readSlice(offset + sliceBytes);
      Module.HEAPU8.set(bytes, slicePointer);  // HEAPU8 read again: memory may have grown
      const wantsMore = Module._radar_worker_feed(slicePointer, bytes.length);
      self.postMessage({ read: offset + bytes.length });
      if (!wantsMore) break;
    }
  } finally {
    // A slice read ahead that an early stop leaves unread fails, if it does, without an
    // unhandled rejection in the worker's console.
    nextSlice.catch(() => {});
    Module._free(slicePointer);
  }
  self.postMessage({ resultBytes: Module._radar_worker_finish() });
  return sendPieces();
}

// Pieces on their way to the page at once: enough that the worker need not wait for the page's
// next task (it may be drawing a frame) after each, few enough that little is left in flight.
const piecesInFlight = 4;
const returnedBuffers = [];
let bufferReturned = null;  // resolves when the page posts a buffer back

async function sendPieces() {
  const Module = self.Module;
  let sent = 0;
  for (let pointer = Module._radar_worker_next_piece(); pointer; pointer = Module._radar_worker_next_piece()) {
    const length = Module._radar_worker_piece_size();
    if (sent >= piecesInFlight && returnedBuffers.length === 0)
      await new Promise((resolve) => { bufferReturned = resolve; });
    let buffer = sent < piecesInFlight ? new ArrayBuffer(length) : returnedBuffers.pop();
    if (buffer.byteLength < length) buffer = new ArrayBuffer(length);
    new Uint8Array(buffer, 0, length).set(Module.HEAPU8.subarray(pointer, pointer + length));
    self.postMessage({ piece: buffer, length }, [buffer]);
    ++sent;
  }
  self.postMessage({ done: true, memoryBytes: Module.HEAPU8.length });
}

self.onmessage = (event) => {
  if (event.data.returned) {
    returnedBuffers.push(event.data.returned);
    if (bufferReturned) bufferReturned();
    bufferReturned = null;
    return;
  }
  if (started) return;
  const { file, request } = event.data;
  started = ready.then(() => importFile(file, request)).catch((failure) => {
    if (!failed) self.postMessage({ error: String((failure && failure.message) || failure) });
  });
};
