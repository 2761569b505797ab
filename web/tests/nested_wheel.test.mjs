// Browser test of nested scrolling in a short window (issue #21): at the browser's 200% zoom the
// main window scrolls as a whole, and with the pointer over the ranking the wheel scrolls the
// list first and, once the list is at its end, the window; upwards likewise, the list back to its
// top first and then the window. Screenshots: build/web/screenshots/nested-wheel-*.png (before,
// list at its end, window scrolled on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, radarInfo, screenshotFolder, waitForInfo } from './browser.mjs';

const notchLimit = 40;

// Where the list and the window stand: rows, and device pixels.
async function scrollPlace(page) {
  const info = await radarInfo(page);
  return { list: info.rankingScrollRows, listEnd: info.rankingScrollMaxRows,
           window: info.windowScroll.y, windowEnd: info.windowScroll.maxY };
}

const listAtBottom = (place) => place.list >= place.listEnd - 0.05;
const listAtTop = (place) => place.list <= 0.05;

// Turns the wheel one notch at a time (deltaY pixels, as Chromium sends a notch) until `done`
// holds; returns where the list and the window stood before each notch and after the last.
async function wheelUntil(page, deltaY, done) {
  const places = [await scrollPlace(page)];
  for (let i = 0; i < notchLimit && !done(places.at(-1)); i++) {
    await page.mouse.wheel(0, deltaY);
    await nextFrames(page);
    await nextFrames(page);
    places.push(await scrollPlace(page));
  }
  return places;
}

// Each notch moved either the list or the window, never both, and the window only once the list
// had reached its end (`listDone`): the list keeps the wheel until then.
function assertListFirst(places, listDone) {
  for (let i = 1; i < places.length; i++) {
    const [before, after] = [places[i - 1], places[i]];
    const listMoved = Math.abs(after.list - before.list) > 0.01;
    const windowMoved = Math.abs(after.window - before.window) > 0.5;
    assert.ok(listMoved !== windowMoved, `notch ${i} moved ${listMoved ? 'both the list and' : 'neither the list nor'} ` +
              `the window: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    if (windowMoved) assert.ok(listDone(before), `notch ${i} moved the window before the list was at its end`);
  }
}

test('in a short window the wheel over the ranking scrolls the list to its end, then the window', async () => {
  const app = await openApp({ query: '?dossiers=20', deviceScaleFactor: 2, viewport: { width: 640, height: 400 } });
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.screen === 'ranking' && info.windowScroll.maxY > 0, 'a short window');
    const ranking = page.getByRole('table', { name: 'Ranglijst' });
    const table = await ranking.boundingBox();
    const pointer = { x: table.x + table.width / 2, y: (table.y + Math.min(table.y + table.height, page.viewportSize().height)) / 2 };
    assert.ok(pointer.y > table.y + 20, `the ranking (${JSON.stringify(table)}) shows in the window`);
    await page.mouse.move(pointer.x, pointer.y);
    await nextFrames(page);
    const start = await scrollPlace(page);
    assert.deepEqual([start.list, start.window], [0, 0]);
    assert.ok(start.listEnd > 2, `the list scrolls ${start.listEnd} rows`);
    await page.screenshot({ path: join(screenshotFolder, 'nested-wheel-before.png') });

    const listDown = await wheelUntil(page, 100, listAtBottom);
    assert.ok(listDown.length > 2, 'the list took a few notches to reach its end');
    await page.screenshot({ path: join(screenshotFolder, 'nested-wheel-list-end.png') });
    const windowDown = await wheelUntil(page, 100, (place) => place.window >= place.windowEnd);
    assert.ok(windowDown.length > 1, 'the window took the notches after the list ended');
    const down = listDown.concat(windowDown.slice(1));
    assertListFirst(down, listAtBottom);
    assert.ok(down[1].list > 0 && down[1].window === 0, 'the first notch scrolled the list');
    assert.ok(down.at(-1).window >= down.at(-1).windowEnd && listAtBottom(down.at(-1)),
              `the window scrolled to its end too: ${JSON.stringify(down.at(-1))}`);
    const moved = await ranking.boundingBox();
    assert.ok(moved.y < table.y && moved.y < pointer.y && pointer.y < moved.y + moved.height,
              `the ranking moved up with the window and is still under the pointer: ${JSON.stringify(moved)}`);
    await page.screenshot({ path: join(screenshotFolder, 'nested-wheel-after.png') });

    const up = await wheelUntil(page, -100, (place) => place.window <= 0);
    assertListFirst(up, listAtTop);
    assert.ok(up[1].list < down.at(-1).list && up[1].window === down.at(-1).window, 'the first notch up scrolled the list');
    assert.ok(up.at(-1).window === 0 && listAtTop(up.at(-1)), `both are back at the top: ${JSON.stringify(up.at(-1))}`);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
