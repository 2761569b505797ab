// Browser test of the accessibility layer (issue #21; web/accessibility_layer.js): the screener's
// month through the accessibility tree only. Every element is found with Playwright's role-based
// locators and acted on with the keyboard, never with canvas coordinates: read the ranking's first
// row, commit the month's batch in Selectie, read the first dossier's reasons, code three dossiers
// in Screening (one with a note, one "Verder onderzoek nodig" with a follow-up), hear
// "opgeslagen" in the live region, and read the report's first figure. Also: the ranking exposes only its drawn rows with the whole list's row count,
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

// From now on, keeps everything the live region says, in order, as a screen reader hears it.
async function listen(page) {
  await page.getByRole('status').evaluate((region) => {
    window.heard = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) window.heard.push(node.textContent);
    }).observe(region, { childList: true });
  });
}

// Waits until the live region says something matching `pattern` after its `from`th message;
// returns the number of messages up to and including it.
async function hear(page, pattern, from = 0) {
  for (let i = 0; i < 200; i++) {
    const heard = await page.evaluate(() => window.heard);
    const at = heard.findIndex((text, n) => n >= from && pattern.test(text));
    if (at >= 0) return at + 1;
    await nextFrames(page);
  }
  throw new Error('not heard: ' + pattern + '; heard: ' + JSON.stringify(await page.evaluate(() => window.heard)));
}

const escaped = (text) => new RegExp('^' + text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$');

// Saves the coding form with its button and waits for "opgeslagen" and the progress bar.
async function saveAndHear(page, heardSoFar, coded) {
  await page.getByRole('button', { name: 'Opslaan (Enter)' }).press('Enter');
  const heard = await hear(page, /^opgeslagen$/, heardSoFar);
  const progress = page.getByRole('progressbar');
  for (let i = 0; i < 200 && !(await progress.getAttribute('aria-valuetext')).startsWith(coded + ' / 25 '); i++)
    await nextFrames(page);
  assert.match(await progress.getAttribute('aria-valuetext'), new RegExp('^' + coded + ' / 25 '));
  return heard;
}

test('the screener\'s month through the accessibility tree: ranking, commit, reasons, three codes, "opgeslagen", report', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await listen(page);
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
    let heard = await hear(page, /^Vul eerst uw naam in/);
    // The screener's name, typed in the text box: focusing it activates the app's field.
    const screener = page.getByRole('textbox', { name: 'Screener' });
    await screener.focus();
    await settle(page);
    await page.keyboard.type('Tester');
    await pressKey(page, 'Enter');
    await page.getByRole('button', { name: 'Batch vastleggen', disabled: false }).waitFor();
    assert.equal(await screener.inputValue(), 'Tester');
    await commit.press('Enter');
    heard = await hear(page, /is vastgelegd/, heard);

    // Screening: the committed batch opens at its first dossier, announced by name.
    await page.getByRole('button', { name: 'Naar Screening' }).press('Space');
    await page.getByRole('tab', { name: 'Screening', selected: true }).waitFor();
    const dossier = page.getByRole('heading', { level: 2 }).last();
    await dossier.waitFor();
    const first = await dossier.textContent();
    heard = await hear(page, escaped(first), heard);
    assert.match(await page.getByRole('progressbar').getAttribute('aria-valuetext'), /^0 \/ 25 /);

    // Its reasons, largest first: points, the parameter and the dossier's value.
    await page.getByRole('heading', { name: 'Waarom deze score', level: 3 }).waitFor();
    const reasons = await page.getByRole('list', { name: 'Waarom deze score' }).getByRole('listitem').allTextContents();
    assert.ok(reasons.length >= 3, JSON.stringify(reasons));
    for (const reason of reasons) assert.match(reason, /^-?\d+,\d {2}.+: .+$/);

    // 1. "Risico" (no note needed for the top dossier): the button is then pressed; saved.
    await page.getByRole('button', { name: 'Risico', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Risico', exact: true, pressed: true }).waitFor();
    heard = await saveAndHear(page, heard, 1);
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-screening.png') });

    // 2. The second dossier of the queue, "Geen risico": refused without a note (a top-10%
    // dossier), the refusal heard; saved with a note typed in the note's text box.
    await page.getByRole('button', { name: /^2 / }).press('Enter');
    await page.getByRole('button', { name: /^2 /, pressed: true }).waitFor();
    heard = await hear(page, escaped(await dossier.textContent()), heard);
    await page.getByRole('button', { name: 'Geen risico', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Geen risico', exact: true, pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Opslaan (Enter)' }).press('Enter');
    heard = await hear(page, /^Een notitie is verplicht/, heard);
    const note = page.getByRole('textbox', { name: /^Notitie/ });
    await note.focus();
    await settle(page);
    await page.keyboard.type('Recente inspectie zonder tekorten');
    for (let i = 0; i < 50 && (await note.inputValue()) !== 'Recente inspectie zonder tekorten'; i++) await nextFrames(page);
    heard = await saveAndHear(page, heard, 2);

    // 3. The third, "Verder onderzoek nodig": the follow-up's due date is filled in; saved.
    await page.getByRole('button', { name: /^3 / }).press('Enter');
    await page.getByRole('button', { name: /^3 /, pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Verder onderzoek nodig', exact: true }).press('Enter');
    const due = page.getByRole('textbox', { name: 'Opvolging tegen' });
    await due.waitFor();
    assert.match(await due.inputValue(), /\d/);
    heard = await saveAndHear(page, heard, 3);

    // The queue says each code.
    await page.getByRole('button', { name: /^1 .*, Risico$/ }).waitFor();
    await page.getByRole('button', { name: /^2 .*, Geen risico$/ }).waitFor();
    await page.getByRole('button', { name: /^3 .*, Verder onderzoek nodig$/ }).waitFor();

    // The report, by its tab: its first key figure counts the three dossiers.
    await page.getByRole('tab', { name: 'Rapport' }).press('Enter');
    await page.getByRole('tab', { name: 'Rapport', selected: true }).waitFor();
    const figures = page.getByRole('list', { name: 'Kerncijfers' }).getByRole('listitem');
    await figures.first().waitFor();
    assert.match(await figures.first().textContent(), /^3 unieke dossiers gescreend/);
    assert.equal(await figures.count(), 5);
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
    // Typing a dossier's id in the filter's text box changes the rows: the elements follow.
    const wholeList = await ranking.getAttribute('aria-rowcount');
    const filter = page.getByRole('textbox', { name: /^Zoek op dossier/ });
    await filter.focus();
    await settle(page);
    await page.keyboard.type(app.info.top[1].id);
    for (let i = 0; i < 200 && (await ranking.getByRole('row').count()) !== 2; i++) await nextFrames(page);
    assert.equal(await ranking.getByRole('row').count(), 2);
    assert.equal(await ranking.getAttribute('aria-rowcount'), '2');
    assert.equal(await ranking.getByRole('row').nth(1).getByRole('cell').nth(1).textContent(), app.info.top[1].id);
    assert.equal(await filter.inputValue(), app.info.top[1].id);
    // Editing keys sent as a screen reader sends them, pressed and released at once (between two
    // frames), reach the app's field too: Backspace clears the filter and the whole list is back.
    for (const _ of app.info.top[1].id) await page.keyboard.press('Backspace');
    for (let i = 0; i < 200 && (await ranking.getAttribute('aria-rowcount')) !== wholeList; i++) await nextFrames(page);
    assert.equal(await ranking.getAttribute('aria-rowcount'), wholeList);

    // With the focus on the canvas (as after start-up) and no field of the app editing, Tab moves
    // it to the layer's first element.
    await pressKey(page, 'Escape');
    await page.locator('#canvas').focus();
    await settle(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.getElementById('radar-accessibility').contains(document.activeElement)), true);
  } finally {
    await app.close();
  }
});

test('the layer speaks the interface\'s language: English at ?lang=en, Dutch after the NL button', async () => {
  const app = await openApp({ query: '?lang=en' });
  try {
    const { page } = app;
    await page.getByRole('tab', { name: 'Ranking', selected: true }).waitFor();
    const ranking = page.getByRole('table', { name: 'Ranking' });
    assert.deepEqual((await ranking.getByRole('columnheader').allTextContents()).slice(0, 3), ['Rank', 'Dossier', 'Name']);
    await page.getByRole('button', { name: 'English', pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).press('Enter');
    await page.getByRole('tab', { name: 'Ranglijst', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Nederlands', pressed: true }).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Ranglijst' }).getByRole('columnheader').first().textContent(), 'Rang');
  } finally {
    await app.close();
  }
});
