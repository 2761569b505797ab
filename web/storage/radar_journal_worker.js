// Dedicated worker behind RadarStore's journal: an append-only file in the Origin Private File
// System, written through a FileSystemSyncAccessHandle (direct writes + flush), outside
// IndexedDB's LevelDB. Why: Chromium can delete a whole IndexedDB database after a crash
// (google/leveldb#1287, see docs/storage.md); the journal lets the store rebuild it.
//
// File format: entries "<length>:<crc32 hex>:<json>\n" (length of the UTF-8 json in bytes). A torn
// entry at the end (crash while appending) fails its length or checksum; it is cut off before
// anything new is appended, so a damaged tail never ends up in the middle of the file.
// Messages: {id, type: 'open'|'append'|'reset'|'close'|'remove', name, entries} -> {id, ok,
// result | error: {name, message}}.
'use strict';

let handle = null;
let fileName = null;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

function encodeEntries(entries) {
  const parts = entries.map((entry) => {
    const json = encoder.encode(JSON.stringify(entry));
    const head = encoder.encode(`${json.length}:${crc32(json)}:`);
    const bytes = new Uint8Array(head.length + json.length + 1);
    bytes.set(head, 0);
    bytes.set(json, head.length);
    bytes[bytes.length - 1] = 0x0a;
    return bytes;
  });
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

// Reads every intact entry; returns {entries, validBytes}.
function decodeEntries(bytes) {
  const entries = [];
  let position = 0;
  while (position < bytes.length) {
    const firstColon = bytes.indexOf(0x3a, position);
    if (firstColon < 0 || firstColon - position > 12) break;
    const length = Number(decoder.decode(bytes.subarray(position, firstColon)));
    const secondColon = firstColon + 9;
    if (!Number.isInteger(length) || bytes[secondColon] !== 0x3a) break;
    const start = secondColon + 1;
    const end = start + length;
    if (end >= bytes.length || bytes[end] !== 0x0a) break;
    const json = bytes.subarray(start, end);
    if (crc32(json) !== decoder.decode(bytes.subarray(firstColon + 1, secondColon))) break;
    try {
      entries.push(JSON.parse(decoder.decode(json)));
    } catch {
      break;
    }
    position = end + 1;
  }
  return { entries, validBytes: position };
}

// Another tab may still hold the file for a moment after handing over the writer role.
async function acquire(name) {
  const root = await navigator.storage.getDirectory();
  const file = await root.getFileHandle(name, { create: true });
  for (let attempt = 0; ; attempt++) {
    try {
      return await file.createSyncAccessHandle();
    } catch (error) {
      if (attempt >= 100 || error.name !== 'NoModificationAllowedError') throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function append(bytes) {
  const written = handle.write(bytes, { at: handle.getSize() });
  if (written !== bytes.length) throw new DOMException(`short write (${written} of ${bytes.length} bytes)`, 'QuotaExceededError');
  handle.flush();
}

const actions = {
  async open({ name }) {
    if (handle) handle.close();
    fileName = name;
    handle = await acquire(name);
    const size = handle.getSize();
    const bytes = new Uint8Array(size);
    handle.read(bytes, { at: 0 });
    const { entries, validBytes } = decodeEntries(bytes);
    if (validBytes < size) {
      handle.truncate(validBytes);
      handle.flush();
    }
    return { entries, bytes: validBytes, cutBytes: size - validBytes };
  },
  append({ entries }) {
    append(encodeEntries(entries));
    return { bytes: handle.getSize() };
  },
  // Replaces the whole journal (a compacted copy of the database, or after a restore).
  reset({ entries }) {
    handle.truncate(0);
    append(encodeEntries(entries));
    return { bytes: handle.getSize() };
  },
  close() {
    if (handle) handle.close();
    handle = null;
    return {};
  },
  async remove({ name }) {
    if (handle) handle.close();
    handle = null;
    const root = await navigator.storage.getDirectory();
    for (let attempt = 0; ; attempt++) {
      try {
        await root.removeEntry(name || fileName);
        return {};
      } catch (error) {
        if (error.name === 'NotFoundError') return {};
        // Another tab still holds the file until it has seen the "forgotten" broadcast.
        if (attempt >= 100 || error.name !== 'NoModificationAllowedError') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  },
};

self.onmessage = async (event) => {
  const { id, type } = event.data;
  try {
    if (type !== 'open' && type !== 'remove' && type !== 'close' && !handle)
      throw new DOMException('the journal is not open', 'InvalidStateError');
    const result = await actions[type](event.data);
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    self.postMessage({ id, ok: false, error: { name: error.name || 'UnknownError', message: String(error.message || error) } });
  }
};
