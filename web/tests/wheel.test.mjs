// Browser test of the mouse wheel in the ranking (issue #22): one notch moves the list a few rows
// in the direction the wheel turned, for wheels that report pixels (Chromium) and lines
// (Firefox); a notch up at the top stays at the top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, nextFrames, radarInfo } from './browser.mjs';

// Dispatches a wheel event over the canvas at (x, y) as a browser would for one notch.
async function wheelNotch(page, x, y, deltaY, deltaMode) {
  await page.evaluate(([clientX, clientY, dy, mode]) => {
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new WheelEvent('wheel', { clientX, clientY, deltaY: dy, deltaMode: mode, bubbles: true, cancelable: true }));
  }, [x, y, deltaY, deltaMode]);
  await nextFrames(page);
  await nextFrames(page);
  return (await radarInfo(page)).rankingScrollRows;
}

test('one wheel notch moves the ranking a few rows the right way, in pixel and line mode', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.mouse.move(640, 500);
    await nextFrames(page);
    assert.equal((await radarInfo(page)).rankingScrollRows, 0);

    const up = await wheelNotch(page, 640, 500, -100, 0);
    assert.equal(up, 0, 'a notch up at the top stays at the top');
    const down = await wheelNotch(page, 640, 500, 100, 0);
    assert.ok(down >= 2 && down <= 6, `one notch down (pixels) moved ${down} rows`);
    const back = await wheelNotch(page, 640, 500, -100, 0);
    assert.ok(Math.abs(back) < 0.01, `one notch up came back to the top, not ${back}`);

    const lines = await wheelNotch(page, 640, 500, 3, 1);
    assert.ok(lines >= 2 && lines <= 6, `one notch down (lines) moved ${lines} rows`);

    // A trackpad's small deltas move the list by less than a row.
    const before = lines;
    const swipe = await wheelNotch(page, 640, 500, 10, 0);
    assert.ok(swipe > before && swipe - before < 1, `a small trackpad delta moved ${swipe - before} rows`);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
