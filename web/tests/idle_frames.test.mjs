// An idle page does not draw its canvas again (src/app/drawn_frame_memory.hpp): every animation
// frame still builds the interface, but a frame whose draw lists equal the last drawn ones is not
// rasterised. A change (another screen, the pointer over a button) is drawn in the next frame,
// and the canvas keeps showing the last frame in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, shownWords, waitForInfo } from './browser.mjs';

// Counts the app's WebGL draw calls from now on (the app draws only with drawElements).
function countDraws(page) {
  return page.evaluate(() => {
    const gl = document.querySelector('#canvas').getContext('webgl2');
    const drawElements = gl.drawElements.bind(gl);
    window.radarDrawCalls = 0;
    gl.drawElements = (...args) => {
      window.radarDrawCalls += 1;
      return drawElements(...args);
    };
  });
}

// Over the next `frames` animation frames: in how many did the app draw on the canvas.
function framesDrawn(page, frames) {
  return page.evaluate((count) => new Promise((done) => {
    let seen = 0, drawn = 0, calls = window.radarDrawCalls;
    const step = () => {
      if (window.radarDrawCalls !== calls) drawn += 1;
      calls = window.radarDrawCalls;
      if (++seen >= count) done(drawn);
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), frames);
}

// Waits until the app has drawn nothing for `quiet` frames in a row; false if that never came.
async function settles(page, quiet = 20) {
  for (let attempt = 0; attempt < 30; attempt++)
    if (await framesDrawn(page, quiet) === 0) return true;
  return false;
}

test('an idle page leaves its canvas as drawn, and draws every change in the next frame', async () => {
  const app = await openApp({ workspace: 'demo' });
  try {
    const { page } = app;
    await countDraws(page);
    assert.equal(await settles(page), true, 'an idle page stops drawing its canvas');
    assert.equal(await framesDrawn(page, 60), 0, 'a second of an idle page draws nothing');
    const idle = await page.screenshot({ path: join(screenshotFolder, 'idle-ranking.png') });
    assert.match(await shownWords(page), /Ranglijst/);

    await page.evaluate(() => window.radar.showScreen('model'));
    assert.ok(await framesDrawn(page, 3) >= 1, 'another screen is drawn at once');
    assert.match(await shownWords(page), /Gewicht|Weging|Model/);
    const model = await page.screenshot({ path: join(screenshotFolder, 'idle-model.png') });
    assert.notDeepEqual(model, idle, 'the canvas shows the new screen');
    assert.equal(await settles(page), true, 'the model screen, left alone, stops drawing too');
    assert.deepEqual(await page.screenshot(), model, 'the canvas keeps showing the last frame');

    // The pointer over a button changes its colour: drawn at once.
    const button = 'button:shortcuts';
    const box = (await waitForInfo(page, (info) => info.widgets[button], 'the shortcuts button')).widgets[button];
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    await page.mouse.move((box.left + box.right) / 2 / ratio, (box.top + box.bottom) / 2 / ratio);
    assert.ok(await framesDrawn(page, 3) >= 1, 'the hovered button is drawn at once');
    await nextFrames(page);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
