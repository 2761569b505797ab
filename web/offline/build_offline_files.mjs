// Build step of the deployable folder's offline files: copies the web app manifest and the SVG
// icon, draws the PNG icons the manifest names (the same picture as radar_icon.svg), and writes
// the service worker from its template with the site's version: a hash of every file it caches,
// so that any change to the app makes a new version the running page can offer.
// Usage: node build_offline_files.mjs <web/offline folder> <site folder>
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const [sourceDir, siteDir] = process.argv.slice(2);
if (!sourceDir || !siteDir) {
  console.error('usage: node build_offline_files.mjs <web/offline folder> <site folder>');
  process.exit(2);
}

const background = [0x12, 0x40, 0x52];
const light = [0xf6, 0xf7, 0xf9];
const accent = [0xd6, 0x60, 0x3c];

// The icon's colour at a point of the 64 x 64 picture of radar_icon.svg (null: transparent).
function colourAt(x, y) {
  const corner = 12;
  const cx = Math.min(Math.max(x, corner), 64 - corner);
  const cy = Math.min(Math.max(y, corner), 64 - corner);
  if (Math.hypot(x - cx, y - cy) > corner) return null;
  const distance = Math.hypot(x - 32, y - 32);
  // The sweep from the centre to (49, 15), 4 wide with round ends.
  const t = Math.min(Math.max(((x - 32) * 17 + (y - 32) * -17) / (17 * 17 * 2), 0), 1);
  if (Math.hypot(x - (32 + 17 * t), y - (32 - 17 * t)) <= 2) return accent;
  if (distance <= 4) return accent;
  if (Math.abs(distance - 22) <= 1.5 || Math.abs(distance - 13) <= 1.5) return light;
  return background;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

// An RGBA PNG of `size` pixels, each the average of 4 x 4 samples of the picture.
function iconPng(size) {
  const samples = 4;
  const rows = Buffer.alloc(size * (1 + 4 * size));
  for (let py = 0; py < size; ++py) {
    const row = py * (1 + 4 * size);
    for (let px = 0; px < size; ++px) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; ++sy)
        for (let sx = 0; sx < samples; ++sx) {
          const colour = colourAt(((px + (sx + 0.5) / samples) * 64) / size, ((py + (sy + 0.5) / samples) * 64) / size);
          if (!colour) continue;
          for (let i = 0; i < 3; ++i) sum[i] += colour[i];
          sum[3] += 1;
        }
      const at = row + 1 + 4 * px;
      for (let i = 0; i < 3; ++i) rows[at + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      rows[at + 3] = Math.round((255 * sum[3]) / (samples * samples));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;  // bits per channel
  header[9] = 6;  // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
                        chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

copyFileSync(join(sourceDir, 'radar.webmanifest'), join(siteDir, 'radar.webmanifest'));
copyFileSync(join(sourceDir, 'radar_icon.svg'), join(siteDir, 'radar_icon.svg'));
for (const size of [192, 512]) writeFileSync(join(siteDir, `radar_icon_${size}.png`), iconPng(size));

const cached = ['index.html', 'radar.js', 'radar.wasm', 'radar_store.js', 'radar_journal_worker.js',
                'radar_import_worker.js', 'radar_import_core.js', 'radar_import_core.wasm', 'radar_accessibility.js', 'radar.webmanifest', 'radar_icon.svg', 'radar_icon_192.png', 'radar_icon_512.png'];
const hash = createHash('sha256');
for (const file of cached) hash.update(file).update(readFileSync(join(siteDir, file)));
const version = hash.digest('hex').slice(0, 16);
const worker = readFileSync(join(sourceDir, 'radar_service_worker.js.in'), 'utf8')
  .replace('@RADAR_SITE_VERSION@', version)
  .replace('@RADAR_CACHED_FILES@', JSON.stringify(cached));
writeFileSync(join(siteDir, 'radar_service_worker.js'), worker);
console.log(`offline files written; site version ${version}`);
