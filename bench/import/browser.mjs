// Imports a large export into the real app in headless Chromium through the file chooser and
// reports what it cost: reading time, rows, the accept's steps and its longest frame, the wasm
// memory (which only grows, so its final size is the peak) against the file size, before and
// after accepting and storing the snapshot, and the start-up that reads the stored file again.
// Ends with one JSON line of the same figures, the longest main-thread task (a 'longtask'
// observer in the page) and the peak memory (wasm memory plus the JS heap, sampled in the page,
// plus the import worker's memory as it ended).
// Progress is polled through radar.importState(), which does not build the figures radar.info()
// reads (the selection preview, the audit), so the times are the app's own work.
// A measurement, not a test.
//   node bench/import/browser.mjs FILE
import { statSync } from 'node:fs';
import { openApp, nextFrames, waitForInfo, clickWidget } from '../../web/tests/browser.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/import/browser.mjs FILE');
  process.exit(2);
}
const fileBytes = statSync(file).size;
const megabytes = (bytes) => (bytes / 1e6).toFixed(1) + ' MB';
const wasmBytes = (page) => page.evaluate(() => window.Module.HEAPU8.buffer.byteLength);
const importState = (page) => page.evaluate(() => window.radar.importState());

// Frame gaps: how long the page went without drawing, from an animation-frame loop, each with
// what the app was doing as it began (watchTasksAndMemory follows that).
function startFrameGaps(page) {
  return page.evaluate(() => {
    window.frameGaps = [];
    window.stopFrameGaps = false;
    let last = performance.now();
    const tick = (now) => {
      window.frameGaps.push({ gap: now - last, doing: window.benchWatch.doing.at(-1).doing });
      last = now;
      if (!window.stopFrameGaps) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function stopFrameGaps(page) {
  return page.evaluate(() => {
    window.stopFrameGaps = true;
    return window.frameGaps;
  });
}

// Installed in every document the page loads: the main-thread tasks over 50 ms seen (start and
// duration, page time) and the peak
// sizes of the wasm memory and of the JS heap (performance.memory, precise with the flag below),
// sampled every 50 ms. Wasm memory only grows, so its last size is its peak; a JS heap peak inside
// one long task can be missed.
function watchTasksAndMemory() {
  if (window.benchWatch) return;
  const watch = { longTasks: [], peakWasmBytes: 0, peakJsHeapBytes: 0, peakJsHeapByDoing: {} };
  window.benchWatch = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const sample = () => {
    const wasm = window.Module?.HEAPU8?.buffer.byteLength ?? 0;
    watch.peakWasmBytes = Math.max(watch.peakWasmBytes, wasm);
    const jsHeap = performance.memory?.usedJSHeapSize ?? 0;
    watch.peakJsHeapBytes = Math.max(watch.peakJsHeapBytes, jsHeap);
    const doing = watch.doing.at(-1).doing || 'idle';
    watch.peakJsHeapByDoing[doing] = Math.max(watch.peakJsHeapByDoing[doing] ?? 0, jsHeap);
  };
  // What the app is doing, from frame to frame: each change with its time, so that a long task is
  // told by what the app was doing when it began.
  watch.doing = [{ start: 0, doing: 'loading' }];
  const follow = () => {
    try {
      const state = window.radar.importState();
      const doing = [state.datasetStore?.storageMode === 'opening' ? 'opening the store' : '', state.datasetStore?.decoding !== undefined ? 'decoding' : '',
                     state.import.phase, state.import.accept, state.import.restoring ? 'restoring' : '', state.datasetStore?.save]
        .filter((part) => part && part !== 'none').join('/');
      if (doing !== watch.doing.at(-1).doing) watch.doing.push({ start: performance.now(), doing });
    } catch { /* the app is not running yet */ }
    requestAnimationFrame(follow);
  };
  requestAnimationFrame(follow);
  window.sampleBenchWatch = () => {
    sample();
    for (const task of watch.longTasks) task.doing = watch.doing.findLast((change) => change.start <= task.start).doing;
    return watch;
  };
  setInterval(sample, 50);
}

const longestTask = (tasks) => Math.max(0, ...tasks.map((task) => task.duration));
const describeTasks = (tasks) => tasks.length === 0 ? 'none' : tasks.slice().sort((a, b) => b.duration - a.duration).slice(0, 6)
  .map((task) => `${task.duration.toFixed(0)} ms (${task.doing})`).join(', ') + (tasks.length > 6 ? `, ${tasks.length - 6} more` : '');
const describeGaps = (gaps) => {
  const longest = gaps.reduce((most, frame) => (frame.gap > most.gap ? frame : most), { gap: 0, doing: 'none' });
  return `${gaps.length}, longest ${longest.gap.toFixed(0)} ms (${longest.doing}), ${gaps.filter((frame) => frame.gap > 200).length} over 200 ms`;
};

const app = await openApp({ browserArgs: ['--enable-precise-memory-info'] });
try {
  const { page } = app;
  await page.addInitScript(watchTasksAndMemory);
  await page.evaluate(watchTasksAndMemory);
  await page.evaluate(() => window.radar.showScreen('data'));
  await nextFrames(page);
  const before = await wasmBytes(page);
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await startFrameGaps(page);
  // The page's main-thread time while the file is read (Chromium's own count of its tasks' time).
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable');
  const mainThreadSeconds = async () =>
    (await devtools.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
  const mainThreadBefore = await mainThreadSeconds();
  const started = Date.now();
  const importStart = await page.evaluate(() => performance.now());  // the page's own start-up is not the import's
  await (await choosing).setFiles(file);
  let info;
  for (;;) {
    info = await importState(page);
    if (info.import.phase !== 'reading' && (info.import.phase === 'reviewing' || info.import.readError)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const readSeconds = (Date.now() - started) / 1000;
  const readGaps = await stopFrameGaps(page);
  const readMainThreadSeconds = (await mainThreadSeconds()) - mainThreadBefore;
  const afterRead = await wasmBytes(page);
  // The import worker's wasm memory as it ended, and the page's then, holding the whole result
  // (web/file_transfer_library.js keeps them).
  const workerMemory = await page.evaluate(() => window.RadarFiles?.workerMemory ?? { workerBytes: 0, pageBytes: 0 });
  if (info.import.readError) throw new Error('the import failed: ' + info.import.readError);
  await waitForInfo(page, (current) => current.widgets['button:accept-import'], 'the accept button');
  await startFrameGaps(page);
  const accepting = Date.now();
  await clickWidget(page, 'button:accept-import');
  const stepStarts = { checking: accepting };
  const stepMemory = { checking: afterRead };  // wasm memory as each step began
  for (;;) {
    info = await importState(page);
    const step = info.import.phase === 'idle' ? 'done' : info.import.accept;
    if (!(step in stepStarts)) {
      stepStarts[step] = Date.now();
      stepMemory[step] = await wasmBytes(page);
    }
    if (step === 'done') break;
    await nextFrames(page);
  }
  const acceptSeconds = (Date.now() - accepting) / 1000;
  const gaps = await stopFrameGaps(page);
  // A step seen in no poll (it can last a frame or two) starts when the next one seen does.
  const steps = ['checking', 'preparing', 'finishing', 'done'];
  const startOf = (step) => steps.slice(steps.indexOf(step)).map((later) => stepStarts[later]).find((time) => time !== undefined);
  const stepSeconds = (from, to) => ((startOf(to) - startOf(from)) / 1000).toFixed(1);
  const storing = Date.now();
  const stored = await waitForInfo(page, (current) => ['saved', 'failed'].includes(current.datasetStore?.save),
                                   'the dataset snapshot to be stored', { read: importState, polls: 100000 });
  const storeSeconds = (Date.now() - storing) / 1000;
  const afterAccept = await wasmBytes(page);
  const importWatch = await page.evaluate(() => window.sampleBenchWatch());
  const importTasks = importWatch.longTasks.filter((task) => task.start >= importStart);
  const longestImportTask = longestTask(importTasks);

  // Start-up with the stored snapshot: read and accepted again over frames.
  await page.reload();
  await page.evaluate(() => window.radar.ready);
  const reloaded = Date.now();
  await startFrameGaps(page);
  let restored = await importState(page);
  while (restored.synthetic || restored.import.phase !== 'idle') {
    if (Date.now() - reloaded > 600000) throw new Error('the stored dataset did not come back: ' + JSON.stringify(restored));
    await new Promise((resolve) => setTimeout(resolve, 100));
    restored = await importState(page);
  }
  const restoreSeconds = (Date.now() - reloaded) / 1000;
  const restoreGaps = await stopFrameGaps(page);
  const startWatch = await page.evaluate(() => window.sampleBenchWatch());
  console.log(`file                 ${file} (${megabytes(fileBytes)})`);
  console.log(`rows                 ${info.dossiers} imported`);
  console.log(`read + review        ${readSeconds.toFixed(1)} s (${(fileBytes / 1e6 / readSeconds).toFixed(1)} MB/s, wall clock)`);
  console.log(`frames while reading  ${describeGaps(readGaps)}; the page's main thread busy ${readMainThreadSeconds.toFixed(2)} s of it`);
  console.log(`accept (score+rank)  ${acceptSeconds.toFixed(1)} s: model check ${stepSeconds('checking', 'preparing')} s, ` +
              `fingerprint and search index ${stepSeconds('preparing', 'finishing')} s, scoring and swap ${stepSeconds('finishing', 'done')} s`);
  console.log(`frames while accepting ${describeGaps(gaps)}`);
  console.log(`stored as snapshot   ${stored.datasetStore.save} after ${storeSeconds.toFixed(1)} s more`);
  console.log(`wasm memory          start ${megabytes(before)}, after reading ${megabytes(afterRead)}, ` +
              Object.entries(stepMemory).slice(1).map(([step, bytes]) => `${step === 'done' ? 'accepted' : step} ${megabytes(bytes)}`).join(', ') +
              `, stored ${megabytes(afterAccept)}`);
  const describeHeaps = (watch) => Object.entries(watch.peakJsHeapByDoing).map(([doing, bytes]) => `${doing} ${megabytes(bytes)}`).join(', ');
  console.log(`JS heap peaks        import: ${describeHeaps(importWatch)}`);
  console.log(`                     start-up: ${describeHeaps(startWatch)}`);
  console.log(`peak wasm / file     ${(afterAccept / fileBytes).toFixed(2)}× (including the demo data and the app); ` +
              `start-up ${megabytes(startWatch.peakWasmBytes)} (${(startWatch.peakWasmBytes / fileBytes).toFixed(2)}×)`);
  console.log(`restore at start-up  ${restored.dossiers} dossiers after ${restoreSeconds.toFixed(1)} s; frames ${describeGaps(restoreGaps)}`);
  const describeTimeline = (watch) => watch.doing.map((change) => `${(change.start / 1000).toFixed(2)} s ${change.doing}`).join(', ');
  console.log(`start-up timeline    ${describeTimeline(startWatch)} (seconds since the page began loading)`);
  const importTimeline = importWatch.doing.filter((change) => change.start >= importStart)
    .map((change) => `${((change.start - importStart) / 1000).toFixed(2)} s ${change.doing}`).join(', ');
  console.log(`import timeline      ${importTimeline} (seconds since the file was chosen)`);
  console.log(`tasks over 50 ms     import: ${describeTasks(importTasks)}` +
              importTasks.map((task) => ` [${((task.start - importStart) / 1000).toFixed(2)} s]`).join(''));
  console.log(`                     start-up: ${describeTasks(startWatch.longTasks)}`);
  if (app.consoleErrors.length) console.log('console errors:', app.consoleErrors);
  // Import and start-up run in two documents: the peaks are those of the larger one. While the
  // import worker lives, its wasm memory adds to the page's (as the worker ended, holding the
  // whole result) and to the JS heap's peak while reading.
  const peakOf = (watch) => watch.peakWasmBytes + watch.peakJsHeapBytes;
  const peakWatch = peakOf(importWatch) >= peakOf(startWatch) ? importWatch : startWatch;
  const workerBytes = workerMemory.workerBytes;
  const withWorker = workerBytes + workerMemory.pageBytes + (importWatch.peakJsHeapByDoing.reading ?? 0);
  console.log(`import worker        wasm ${megabytes(workerBytes)} (${(workerBytes / fileBytes).toFixed(2)}× the file); ` +
              `with the page's wasm then (${megabytes(workerMemory.pageBytes)}) and the JS heap: ${megabytes(withWorker)} ` +
              `(${(withWorker / fileBytes).toFixed(2)}×)`);
  console.log(JSON.stringify({
    rows: info.dossiers, file_bytes: fileBytes,
    read_s: readSeconds, read_main_thread_s: readMainThreadSeconds, accept_s: acceptSeconds, store_s: storeSeconds, reopen_s: restoreSeconds,
    longest_task_ms: Math.max(longestImportTask, longestTask(startWatch.longTasks)),
    longest_task_ms_import: longestImportTask, longest_task_ms_reopen: longestTask(startWatch.longTasks),
    peak_memory_bytes: Math.max(peakOf(peakWatch), withWorker), peak_wasm_bytes: peakWatch.peakWasmBytes,
    peak_js_heap_bytes: peakWatch.peakJsHeapBytes, peak_worker_bytes: workerBytes,
  }));
} finally {
  await app.close();
}
