// Browser test of focus between the page and the app (issue #21): with the keyboard only, the
// page's focus moving through the accessibility layer (Tab, Shift+Tab) puts ImGui's keyboard
// navigation on the same widget, and the app's navigation (arrow keys) moves the page's focus;
// and an element reached with Tab whose widget the app scrolls into sight has its focus mark
// where the widget is drawn after the scroll, not where it was before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder } from './browser.mjs';

// Waits until `check` (in Node) holds, a frame at a time.
async function until(page, check, what) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await nextFrames(page);
  }
  throw new Error('timed out waiting for ' + what);
}

// The widget ImGui's keyboard navigation is on, by its described key (undefined if none).
const navigationKey = (page) => page.evaluate(() =>
  JSON.parse(window.Module.ccall('radar_accessibility_items', 'string', [], [])).find((item) => item.focused)?.key);
// The described key of the layer's element that has the page's focus.
const pageFocusKey = (page) => page.evaluate(() => document.activeElement?.dataset.key);
const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);

// Opens the app with its store's start-up messages settled (they move the tabs when they come).
async function openSettled(viewport) {
  const app = await openApp({ viewport });
  await app.page.getByRole('tab', { name: 'Ranglijst', selected: true }).waitFor();
  await app.page.waitForFunction(() => window.radar.info().storage.loaded);
  for (let i = 0; i < 4; i++) await nextFrames(app.page);
  return app;
}

test('Tab and Shift+Tab in the layer move ImGui\'s navigation with the page\'s focus; its arrow keys move the page\'s', async () => {
  const app = await openSettled();
  try {
    const { page } = app;
    await page.locator('#canvas').focus();
    assert.equal(await navigationKey(page), undefined);
    // From the canvas into the layer, then on through its elements: each time the navigation
    // goes to the widget whose element has the focus.
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      const focused = await pageFocusKey(page);
      assert.ok(focused, `${key} leaves the focus in the layer`);
      await until(page, async () => (await navigationKey(page)) === focused, `the navigation on ${focused}`);
    }
    // On to the screens' tabs, by Tab alone.
    const tabs = page.getByRole('tablist').getByRole('tab');
    const names = await tabs.allTextContents();
    const ranking = page.getByRole('tab', { name: 'Ranglijst' });
    for (let i = 0; i < 40 && !(await isFocused(ranking)); i++) await page.keyboard.press('Tab');
    assert.ok(await isFocused(ranking), 'Tab reaches the Ranglijst tab');
    await until(page, async () => (await navigationKey(page)) === (await pageFocusKey(page)), 'the navigation on Ranglijst');
    // An arrow key is the app's: its navigation moves to the next tab, and the page's focus goes
    // with it, to the element the accessibility tree names as that tab.
    const next = page.getByRole('tab', { name: names[names.indexOf('Ranglijst') + 1], exact: true });
    await page.keyboard.press('ArrowRight');
    await until(page, () => isFocused(next), 'the page\'s focus on the next tab');
    assert.equal(await navigationKey(page), await pageFocusKey(page));
    // Tab goes on from there in the page, and the navigation follows again.
    await page.keyboard.press('Tab');
    const after = await pageFocusKey(page);
    assert.notEqual(after, await next.evaluate((element) => element.dataset.key));
    await until(page, async () => (await navigationKey(page)) === after, `the navigation on ${after}`);
    // Leaving the layer for the canvas leaves the navigation where it was.
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('a row reached with Tab below the list\'s edge is scrolled into sight, its focus mark on the row as drawn then', async () => {
  // A window whose ranking shows its last drawn row cut at the list's edge.
  const app = await openSettled({ width: 1280, height: 788 });
  try {
    const { page } = app;
    const rows = page.getByRole('table', { name: 'Ranglijst' }).getByRole('row');
    await rows.nth(1).waitFor();
    // Where the row under `key` is drawn (the app's box, CSS pixels from the canvas) and where its
    // element is, and how many elements of the layer the page scrolled (none should be).
    const placed = (key) => page.evaluate((wanted) => {
      const items = JSON.parse(window.Module.ccall('radar_accessibility_items', 'string', [], []));
      const row = items.find((item) => item.key === wanted);
      const table = items.find((item) => item.key === 'ranking');
      const shown = document.querySelector(`#radar-accessibility [data-key="${wanted}"]`).getBoundingClientRect();
      const canvas = document.getElementById('canvas').getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      const scrolled = [...document.querySelectorAll('#radar-accessibility *')].filter((each) => each.scrollTop || each.scrollLeft);
      return { top: shown.top - canvas.top, bottom: shown.bottom - canvas.top, drawnTop: row.box[1] / ratio,
               drawnBottom: row.box[3] / ratio, tableBottom: table.box[3] / ratio, scrolled: scrolled.length };
    }, key);
    const drawnRows = await rows.count();
    const lastKey = await rows.nth(drawnRows - 1).evaluate((element) => element.dataset.key);
    const before = await placed(lastKey);
    assert.ok(before.drawnBottom > before.tableBottom, `the last drawn row is cut at first: ${JSON.stringify(before)}`);
    // Tab through the ranking's rows to that last one, several Tabs between two frames, as a
    // screen reader may send them.
    const first = rows.nth(1);
    for (let i = 0; i < 60 && !(await isFocused(first)); i++) await page.keyboard.press('Tab');
    assert.ok(await isFocused(first), 'Tab reaches the first row');
    for (let i = 1; i < drawnRows - 1; i++) await page.keyboard.press('Tab');
    assert.equal(await pageFocusKey(page), lastKey);
    // The app scrolls it into sight and the layer follows: the focused element lies on the row as
    // the app drew it last, and no element of the layer is scrolled by the page.
    await until(page, async () => {
      const place = await placed(lastKey);
      return place.drawnBottom <= place.tableBottom && Math.abs(place.top - place.drawnTop) < 0.5;
    }, 'the row in sight with its element on it');
    for (let i = 0; i < 4; i++) await nextFrames(page);
    const place = await placed(lastKey);
    assert.ok(Math.abs(place.top - place.drawnTop) < 0.5 && Math.abs(place.bottom - place.drawnBottom) < 0.5,
              JSON.stringify(place));
    assert.equal(place.scrolled, 0);
    assert.equal(await pageFocusKey(page), lastKey);
    assert.equal(await navigationKey(page), lastKey);
    // The filter's text box, passed on the way at once, was not left editing.
    assert.equal(await page.evaluate(() => window.Module.ccall('radar_wants_text_input', 'number', [], [])), 0);
    await page.screenshot({ path: join(screenshotFolder, 'focus-row-scrolled-into-sight.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
