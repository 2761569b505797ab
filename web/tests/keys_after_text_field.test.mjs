// Keys around text fields. A key that comes right after a text field let go of the keyboard is a
// shortcut again at once, and text typed at once into a text box focused through the
// accessibility layer reaches the app's field whole.
// ImGui's io.WantTextInput still says "editing" for one frame after Enter or Esc ends an edit; a
// code key pressed in that frame (a screener typing 3 straight after saving with a note) was
// taken as text and lost. The frame loop is paused while the keys are pressed, so they reach the
// app together between two frames, as a quick typist's or a screen reader's keys can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, nextFrames, pressKey, radarInfo, waitForInfo } from './browser.mjs';

test('the arrow key right after Esc leaves the search box moves through the ranking', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    assert.equal(app.info.screen, 'ranking');
    assert.equal((await radarInfo(page)).selected, undefined);
    await pressKey(page, '/');
    assert.equal(await page.evaluate(() => window.Module.ccall('radar_wants_text_input', 'number', [], [])), 1);

    await page.evaluate(() => window.Module.pauseMainLoop());
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.evaluate(() => window.Module.resumeMainLoop());
    await nextFrames(page);

    const state = await waitForInfo(page, (s) => s.selected !== undefined, 'the first dossier opened by the arrow key');
    assert.equal(state.selected, app.info.top[0].id);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('text typed straight after focusing the search box through the layer reaches the app whole', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const wanted = app.info.top[1].id;
    // The layer clicks the app's field some frames after the focus; typing does not wait for it.
    await page.getByRole('textbox', { name: /^Zoek op dossier/ }).focus();
    await page.keyboard.type(wanted);
    const state = await waitForInfo(page, (s) => s.filter === wanted, `the filter ${wanted}`);
    assert.equal(state.visible, 1);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
