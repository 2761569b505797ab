// Shared browser-test helpers: serve the build, launch Debian's Chromium headless through
// playwright-core, and record console errors and any request that leaves the page's origin.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

export const buildFolder = process.env.RADAR_WEB_BUILD || 'build/web';
// The deployable app inside the build (what scripts/serve serves and a static host would).
export const siteFolder = join(buildFolder, 'site');
export const screenshotFolder = join(buildFolder, 'screenshots');

// `folder`: another copy of the deployable app to serve (a test that changes the served files).
// `workspace`: 'own' (the default: the app as a team works in it, ?workspace=own), 'demo', or
// null for no choice (a fresh browser then opens the demo, as a first visit does).
export async function openApp({ query = '', viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
                                folder = siteFolder, workspace = 'own', browserArgs = [] } = {}) {
  const { server, url } = await startServer(folder);
  const profile = mkdtempSync(join(tmpdir(), 'radar-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    deviceScaleFactor,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync',
           '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...browserArgs],
  }).catch((error) => {
    server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  });
  const page = browser.pages()[0] || await browser.newPage();
  const consoleErrors = [];
  const foreignRequests = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (!requestUrl.startsWith('data:') && new URL(requestUrl).origin !== origin) foreignRequests.push(requestUrl);
  });
  const close = async () => {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  const params = new URLSearchParams(query);
  if (workspace && !params.has('workspace')) params.set('workspace', workspace);
  let info;
  try {
    await page.goto(url + (params.size ? `?${params}` : ''));
    info = await page.evaluate(() => window.radar.ready);
  } catch (error) {
    // The app did not start: nothing is left running (here, nor when the browser did not start),
    // or the test process would wait for the browser and the server instead of ending.
    await close();
    throw error;
  }
  mkdirSync(screenshotFolder, { recursive: true });
  return { page, info, consoleErrors, foreignRequests, url, close };
}

// Waits for two animation frames so the next ImGui frame reflects a change.
export function nextFrames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// Presses a key and holds it for a few frames, as a person does, and waits until the app has
// seen it released. (The app also sees keys pressed and released at once, as keyboard.press
// sends them: src/app/input_event_queue.hpp.)
export async function pressKey(page, name) {
  await page.keyboard.down(name);
  await nextFrames(page);
  await page.keyboard.up(name);
  await nextFrames(page);
}

export const radarInfo = (page) => page.evaluate(() => window.radar.info());

// A dossier of the screening queue has a code: its decision was stored (the queue shows only
// confirmed decisions; the screen may already have moved on to the next dossier).
export const isCoded = (id) => (state) => state.screening?.queue.find((item) => item.id === id)?.code !== undefined;

// The text the next whole frame draws, one line per visual line (read from its glyph quads).
export async function shownText(page) {
  await page.evaluate(() => window.radar.captureText());
  await nextFrames(page);
  await nextFrames(page);
  return page.evaluate(() => window.radar.capturedText());
}

// The same text with every run of white space as one space, for matching wrapped sentences.
export async function shownWords(page) {
  return (await shownText(page)).replace(/\s+/g, ' ');
}

// Polls info() (or `read`, e.g. radar.importState()) every other frame until `check` holds (store
// callbacks arrive asynchronously), at most `polls` times.
export async function waitForInfo(page, check, what, { read = radarInfo, polls = 200 } = {}) {
  for (let i = 0; i < polls; i++) {
    const current = await read(page);
    if (check(current)) return current;
    await nextFrames(page);
  }
  throw new Error('timed out waiting for ' + what + ': ' + JSON.stringify(await read(page)).slice(0, 2000));
}

const sameBox = (a, b) => a && b && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

// Where to click a widget the app reported in info().widgets (device pixels): its middle in CSS
// pixels, once its box is the same over two frames. Text arriving asynchronously (the storage
// status, a store callback) can move the layout, and a click on the old place would hit
// something else.
async function settledWidgetMiddle(page, widget) {
  let box = (await radarInfo(page)).widgets[widget];
  for (let i = 0; i < 50; i++) {
    await nextFrames(page);
    const settled = (await radarInfo(page)).widgets[widget];
    if (sameBox(box, settled)) break;
    box = settled;
  }
  if (!box) throw new Error('the app does not report where ' + widget + ' is');
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  return { x: (box.left + box.right) / 2 / ratio, y: (box.top + box.bottom) / 2 / ratio };
}

// Clicks the middle of a widget. The pointer rests on the widget for a frame before the press. A
// move and a press that reach ImGui in the same frame were sometimes lost (a tab right after a
// screen change, a ranking row right after filtering): ImGui decides hovering before it handles
// the press, and an item hovered for the first time in the press frame does not always take it.
export async function clickWidget(page, widget) {
  const { x, y } = await settledWidgetMiddle(page, widget);
  await page.mouse.move(x, y);
  await nextFrames(page);
  await page.mouse.click(x, y);
  await nextFrames(page);
}

// Clicks a widget that reloads the page, as clickWidget does, and returns the app's info once it
// is ready on the new page. No frame is awaited after the press: the page that would draw it may
// already be gone (awaiting one failed when the reload came first).
export async function clickToReload(page, widget) {
  const { x, y } = await settledWidgetMiddle(page, widget);
  await page.mouse.move(x, y);
  await nextFrames(page);
  await Promise.all([page.waitForEvent('load'), page.mouse.click(x, y)]);
  return page.evaluate(() => window.radar.ready);
}

// Merges a backup file through the Opslag tab's own buttons (choose, preview, merge) and waits
// until its `batches` batches are in.
export async function mergeBackup(page, file, batches) {
  await page.evaluate(() => window.radar.showScreen('storage'));
  await nextFrames(page);
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'backup-import');
  await (await choosing).setFiles(file);
  await waitForInfo(page, (s) => s.backup.preview !== undefined, 'the merge preview');
  await clickWidget(page, 'backup-merge');
  return waitForInfo(page, (s) => s.backup.merged !== undefined && s.batches.length === batches, 'the merge');
}
