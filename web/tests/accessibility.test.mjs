// Browser test of the accessibility layer (issue #21; web/accessibility_layer.js): the screener's
// month through the accessibility tree only. Every element is found with Playwright's role-based
// locators and acted on with the keyboard, never with canvas coordinates: read the ranking's first
// row, commit the month's batch in Selectie, code a dossier in Screening and hear "opgeslagen" in
// the live region. Also: the ranking exposes only its drawn rows with the whole list's row count,
// the layer changes nothing on screen, leaves the page alone while nothing changes, and Tab leads
// from the canvas into it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder } from './browser.mjs';

// Waits for the frames a focus or a key takes to reach the app (the layer clicks the widget
// after the pointer rested on it for two frames).
async function settle(page) {
  for (let i = 0; i < 4; i++) await nextFrames(page);
}

// The live region's messages, oldest first.
async function announcements(page) {
  return page.getByRole('status').getByRole('paragraph').allTextContents();
}

async function waitForAnnouncement(page, pattern) {
  for (let i = 0; i < 200; i++) {
    if ((await announcements(page)).some((text) => pattern.test(text))) return;
    await nextFrames(page);
  }
  throw new Error('not announced: ' + pattern + '; heard: ' + JSON.stringify(await announcements(page)));
}

test('the screener\'s month through the accessibility tree: ranking, commit, code, "opgeslagen"', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    // The ranking: its tab is the selected one; the first row's cells are the top dossier's.
    await page.getByRole('tab', { name: 'Ranglijst', selected: true }).waitFor();
    await page.getByRole('heading', { name: 'Dossier Radar', level: 1 }).waitFor();
    const ranking = page.getByRole('table', { name: 'Ranglijst' });
    const headers = await ranking.getByRole('columnheader').allTextContents();
    assert.deepEqual(headers.slice(0, 3), ['Rang', 'Dossier', 'Naam']);
    const firstRow = ranking.getByRole('row').nth(1);
    const cells = await firstRow.getByRole('cell').allTextContents();
    const top = app.info.top[0];
    assert.equal(cells[0], String(top.rank));
    assert.equal(cells[1], top.id);
    assert.equal(cells[2], top.name);
    assert.equal(await firstRow.getAttribute('aria-rowindex'), '2');
    // 2,400 dossiers and a header row; only the rows the list clipper draws are in the page.
    assert.equal(await ranking.getAttribute('aria-rowcount'), String(app.info.dossiers + 1));
    const rowsInPage = await ranking.getByRole('row').count();
    assert.ok(rowsInPage > 5 && rowsInPage < 80, `${rowsInPage} rows in the page`);
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-ranking.png') });

    // Selectie, by its tab and the keyboard.
    await page.getByRole('tab', { name: 'Selectie' }).press('Enter');
    await page.getByRole('tab', { name: 'Selectie', selected: true }).waitFor();
    // Without a screener's name the commit button is disabled and says why.
    const commit = page.getByRole('button', { name: 'Batch vastleggen' });
    await commit.waitFor();
    assert.equal(await commit.getAttribute('aria-disabled'), 'true');
    await waitForAnnouncement(page, /Vul eerst uw naam in/);
    // The screener's name, typed in the text box: focusing it activates the app's field.
    const screener = page.getByRole('textbox', { name: 'Screener' });
    await screener.focus();
    await settle(page);
    await page.keyboard.type('Tester');
    await pressKey(page, 'Enter');
    await page.getByRole('button', { name: 'Batch vastleggen', disabled: false }).waitFor();
    assert.equal(await screener.inputValue(), 'Tester');
    await commit.press('Enter');
    await waitForAnnouncement(page, /is vastgelegd/);

    // Screening: the committed batch opens at its first dossier, announced by name.
    await page.getByRole('button', { name: 'Naar Screening' }).press('Space');
    await page.getByRole('tab', { name: 'Screening', selected: true }).waitFor();
    const dossier = page.getByRole('heading', { level: 2 }).last();
    await dossier.waitFor();
    const first = await dossier.textContent();
    await waitForAnnouncement(page, new RegExp(first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const progress = page.getByRole('progressbar');
    assert.match(await progress.getAttribute('aria-valuetext'), /^0 \/ 25 /);

    // Code it "Risico" (no note needed for that code), save, and hear "opgeslagen".
    const risico = page.getByRole('button', { name: 'Risico', exact: true });
    await risico.press('Enter');
    await page.getByRole('button', { name: 'Risico', exact: true, pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Opslaan (Enter)' }).press('Enter');
    await waitForAnnouncement(page, /^opgeslagen$/);
    for (let i = 0; i < 200 && !/^1 \/ 25 /.test(await progress.getAttribute('aria-valuetext')); i++) await nextFrames(page);
    assert.match(await progress.getAttribute('aria-valuetext'), /^1 \/ 25 /);
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-screening.png') });
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('the layer is invisible: the page looks the same with and without it', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('table', { name: 'Ranglijst' }).getByRole('row').nth(1).waitFor();
    await nextFrames(page);
    const withLayer = await page.screenshot();
    await page.evaluate(() => { document.getElementById('radar-accessibility').style.display = 'none'; });
    await nextFrames(page);
    const withoutLayer = await page.screenshot();
    assert.ok(withLayer.equals(withoutLayer), 'the screenshots differ');
  } finally {
    await app.close();
  }
});

test('an unchanged frame touches no element, and Tab leads from the canvas into the layer', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const ranking = page.getByRole('table', { name: 'Ranglijst' });
    await ranking.getByRole('row').nth(1).waitFor();
    // The store's start-up messages settle first; then twenty frames change nothing.
    for (let i = 0; i < 20; i++) await nextFrames(page);
    const changes = await page.evaluate(async () => {
      const layer = document.getElementById('radar-accessibility');
      let count = 0;
      const observer = new MutationObserver((records) => { count += records.length; });
      observer.observe(layer, { subtree: true, childList: true, attributes: true, characterData: true });
      for (let i = 0; i < 20; i++) await new Promise((done) => requestAnimationFrame(done));
      observer.disconnect();
      return count;
    });
    assert.equal(changes, 0);
    // Filtering changes the rows: the elements follow.
    await page.evaluate(() => window.radar.setFilter(window.radar.info().top[1].id));
    for (let i = 0; i < 200 && (await ranking.getByRole('row').count()) !== 2; i++) await nextFrames(page);
    assert.equal(await ranking.getByRole('row').count(), 2);
    assert.equal(await ranking.getAttribute('aria-rowcount'), '2');

    // The canvas has the focus after start-up; Tab moves it to the layer's first element.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.getElementById('radar-accessibility').contains(document.activeElement)), true);
  } finally {
    await app.close();
  }
});
