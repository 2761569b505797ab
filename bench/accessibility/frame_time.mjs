// Frame time with the accessibility layer on and off (issue #21: "within a few percent"). Imports
// a generated export of ROWS dossiers into the real app in headless Chromium, then scrolls the
// ranking a wheel step per frame for FRAMES frames, with the page's layer (radar_accessibility.js)
// and without it (the request for it answered with an empty script, the offline service worker
// that would serve it from its cache removed first), RUNS times each, alternating; every run
// starts from a reload that reads the stored dataset again. Frames are not held to the
// display's rate (--disable-frame-rate-limit), so a frame's time is the time the page needed for
// it. Prints the median and 95th percentile of each and their ratio, then one JSON line.
// With --profile, each run also says where its time went: the page's script, style and layout
// time per frame (Chromium's Performance metrics) and the functions with the most self time
// (a CPU profile; wasm functions by their index unless the app was linked with --profiling-funcs).
// With --layer=FILE, the "on" runs use that script as the layer instead of the built one (an
// earlier version of web/accessibility_layer.js, to compare it under the same load).
// A measurement, not a test. Needs the native CLI (build/native/radar) to write the export.
//   node bench/accessibility/frame_time.mjs [ROWS] [FRAMES] [RUNS] [--profile] [--layer=FILE]
//   (defaults 100000, 600, 2)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, radarInfo, waitForInfo, clickWidget } from '../../web/tests/browser.mjs';

const profiling = process.argv.includes('--profile');
const layerFile = process.argv.find((argument) => argument.startsWith('--layer='))?.slice('--layer='.length);
const [rowsArgument, framesArgument, runsArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const rows = Number(rowsArgument || 100000);
const frames = Number(framesArgument || 600);
const runs = Number(runsArgument || 2);
const cli = process.env.RADAR_CLI || 'build/native/radar';
const folder = mkdtempSync(join(tmpdir(), 'radar-frame-time-'));
const file = join(folder, `export-${rows}.csv`);
const written = spawnSync(cli, ['demo', '--out', file, '--count', String(rows)], { encoding: 'utf8' });
if (written.status !== 0) {
  console.error(`could not write the export with ${cli}: ${written.stderr || written.error}`);
  process.exit(2);
}

// Imports `file` through the Gegevens tab and waits until its snapshot is stored.
async function importExport(page) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await nextFrames(page);
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
  await waitForInfo(page, (info) => info.widgets['button:accept-import'] || info.import.readError, 'the review');
  await clickWidget(page, 'button:accept-import');
  for (let info = await radarInfo(page); info.dossiers !== rows || info.import.phase !== 'idle'; info = await radarInfo(page))
    await new Promise((resolve) => setTimeout(resolve, 250));
  await waitForInfo(page, (info) => ['saved', 'failed'].includes(info.datasetStore?.save), 'the stored snapshot');
}

// Removes the offline service worker and its caches: requests then reach the network, where
// page.route answers them (Playwright does not route what a service worker serves).
async function removeServiceWorker(page) {
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
}

// Reloads the page (the stored dataset is read again) and waits for the ranking of all rows.
async function reopen(page) {
  await page.reload({ waitUntil: 'commit', timeout: 0 });
  await page.waitForFunction(() => window.radar && window.radar.ready, null, { timeout: 0 });
  await page.evaluate(() => window.radar.ready);
  for (let info = await radarInfo(page); info.dossiers !== rows || info.synthetic || info.import.phase !== 'idle';
       info = await radarInfo(page))
    await new Promise((resolve) => setTimeout(resolve, 250));
  await page.evaluate(() => window.radar.showScreen('ranking'));
  for (let i = 0; i < 30; i++) await nextFrames(page);
}

// Scrolls the ranking a wheel step per frame; returns each frame's time (ms) and how far it went.
async function scrollFrames(page) {
  return page.evaluate(async (count) => {
    const canvas = document.getElementById('canvas');
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + box.width * 0.4, clientY: box.top + box.height * 0.6, bubbles: true, view: window };
    canvas.dispatchEvent(new MouseEvent('mousemove', at));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const times = [];
    let last = performance.now();
    await new Promise((done) => {
      const tick = (now) => {
        times.push(now - last);
        last = now;
        if (times.length > count) return done();
        canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: 120, deltaMode: 0, cancelable: true }));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { times: times.slice(1), rowsScrolled: window.radar.info().rankingScrollRows };
  }, frames);
}

// Chromium's cumulative durations (seconds) that say where a frame's time went.
const metricNames = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];
async function pageMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((metric) => metricNames.includes(metric.name)).map((metric) => [metric.name, metric.value]));
}

// The functions with the most self time in a CPU profile, in ms.
function topSelfTimes(profile, count = 12) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? url.split('/').pop() + ':' + (lineNumber + 1) : ''}`.trim();
    self.set(name, (self.get(name) || 0) + (profile.timeDeltas[i] || 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

// scrollFrames, with where the time went printed for the run.
async function profiledScrollFrames(page, layer) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const before = await pageMetrics(cdp);
  await cdp.send('Profiler.start');
  const run = await scrollFrames(page);
  const { profile } = await cdp.send('Profiler.stop');
  const after = await pageMetrics(cdp);
  await cdp.detach();
  const perFrame = (name) => ((after[name] - before[name]) * 1000 / run.times.length).toFixed(2) + ' ms';
  console.log(`layer ${layer}: per frame script ${perFrame('ScriptDuration')}, style ${perFrame('RecalcStyleDuration')}, ` +
              `layout ${perFrame('LayoutDuration')}, all tasks ${perFrame('TaskDuration')}`);
  for (const [name, ms] of topSelfTimes(profile)) console.log(`  ${(ms / run.times.length).toFixed(3).padStart(8)} ms  ${name}`);
  return run;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const summary = (times) => ({ median: quantile(times, 0.5), p95: quantile(times, 0.95) });

const app = await openApp({ browserArgs: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] });
try {
  const { page } = app;
  page.on('crash', () => console.log(`the page crashed (${new Date().toISOString()})`));
  page.on('close', () => console.log(`the page closed (${new Date().toISOString()})`));
  await importExport(page);
  const withoutLayer = async (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
  const givenLayer = layerFile && readFileSync(layerFile, 'utf8');
  const withGivenLayer = async (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: givenLayer });
  const times = { on: [], off: [] };
  let scrolled = 0;
  for (const layer of Array.from({ length: runs }, () => ['on', 'off']).flat()) {
    if (layer === 'off' || givenLayer) await removeServiceWorker(page);
    if (layer === 'off') {
      await page.route('**/radar_accessibility.js', withoutLayer);
    } else {
      await page.unroute('**/radar_accessibility.js');
      if (givenLayer) await page.route('**/radar_accessibility.js', withGivenLayer);
    }
    await reopen(page);
    const present = await page.evaluate(() => document.getElementById('radar-accessibility') !== null);
    if (present !== (layer === 'on')) throw new Error(`the layer is ${present ? 'present' : 'missing'} in the "${layer}" run`);
    const run = profiling ? await profiledScrollFrames(page, layer) : await scrollFrames(page);
    times[layer].push(...run.times);
    scrolled = run.rowsScrolled;
  }
  const on = summary(times.on), off = summary(times.off);
  const ms = (value) => value.toFixed(2) + ' ms';
  if (layerFile) console.log(`layer                ${layerFile}`);
  console.log(`rows                 ${rows} imported; ${frames} frames per run, ${runs} runs each; last run scrolled to row ${Math.round(scrolled)}`);
  console.log(`layer on             median ${ms(on.median)}, p95 ${ms(on.p95)}`);
  console.log(`layer off            median ${ms(off.median)}, p95 ${ms(off.p95)}`);
  console.log(`on / off             median ${(on.median / off.median).toFixed(3)}, p95 ${(on.p95 / off.p95).toFixed(3)}`);
  if (app.consoleErrors.length) console.log('console errors:', app.consoleErrors);
  console.log(JSON.stringify({ rows, frames, on_median_ms: on.median, on_p95_ms: on.p95, off_median_ms: off.median,
                               off_p95_ms: off.p95, median_ratio: on.median / off.median, p95_ratio: on.p95 / off.p95 }));
} finally {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}
