// Browser test of the Selectie screen through the accessibility layer (issue #21;
// web/accessibility_layer.js), with Playwright's role-based locators and the keyboard only, never
// with canvas coordinates: the proposed batch as a table that follows the list clipper (its size,
// column headers and first rows), a number field as a spin button changed with the arrow keys, the
// month's batch committed, the supplementary batch's confirmation opened and cancelled (Esc and its
// button) and then confirmed, the batches in their table, a batch's close confirmation read and
// cancelled; the same in English; axe-core on the screen with and without a dialog open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, waitForInfo } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Waits until `read()` gives `wanted` (the app takes a few frames to act and describe again).
async function until(page, read, wanted, what) {
  let last;
  for (let i = 0; i < 200; i++) {
    last = await read();
    if (wanted instanceof RegExp ? wanted.test(last) : last === wanted) return last;
    await nextFrames(page);
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}, not ${wanted}`);
}

// Waits for the frames a focus or a key takes to reach the app.
async function settle(page) {
  for (let i = 0; i < 4; i++) await nextFrames(page);
}

// The serious and critical violations axe-core finds in the page, the layer included.
async function seriousViolations(page) {
  if (await page.evaluate(() => typeof window.axe === 'undefined')) await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.html.slice(0, 160)}`));
}

async function openSelection(language) {
  const app = await openApp(language === 'en' ? { query: '?lang=en' } : {});
  const { page } = app;
  await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
  const tab = language === 'en' ? 'Selection' : 'Selectie';
  await page.getByRole('tab', { name: tab }).press('Enter');
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
  return app;
}

// Types the screener's name in its text box (focusing it activates the app's field).
async function typeScreener(page, label) {
  const screener = page.getByRole('textbox', { name: label });
  await screener.focus();
  await settle(page);
  await page.keyboard.type('Tester');
  await pressKey(page, 'Enter');
  await until(page, () => screener.inputValue(), 'Tester', 'the screener\'s name');
}

test('Selectie through the accessibility tree: the proposal\'s table, a spin button, the supplementary batch\'s dialog, the batches', async () => {
  const app = await openSelection('nl');
  try {
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
    // The proposal: its size in its heading and in the capacity's spin button.
    const title = page.getByRole('heading', { level: 2, name: /^Voorstel batch \d{4}-\d{2}: 25 dossiers$/ });
    const month = (await title.textContent()).match(/\d{4}-\d{2}/)[0];
    const capacity = page.getByRole('spinbutton', { name: 'Capaciteit per maand (N)' });
    assert.equal(await capacity.getAttribute('aria-valuenow'), '25');
    assert.equal(await capacity.getAttribute('aria-valuemin'), '1');

    // Its list as a table: column headers, the first rows (the ranking's top), the row count of
    // the whole list and only the rows the list clipper draws.
    const proposal = page.getByRole('table', { name: 'Voorstel (25)' });
    assert.deepEqual(await proposal.getByRole('columnheader').allTextContents(), ['Rang', 'Dossier', 'Naam', 'Soort', 'Reden']);
    assert.equal(await proposal.getAttribute('aria-rowcount'), '26');
    const first = proposal.getByRole('row').nth(1);
    assert.equal(await first.getAttribute('aria-rowindex'), '2');
    const cells = await first.getByRole('cell').allTextContents();
    const top = app.info.top[0];
    assert.deepEqual(cells.slice(0, 3), [String(top.rank), top.id, top.name]);
    const second = await proposal.getByRole('row').nth(2).getByRole('cell').allTextContents();
    assert.equal(second[1], app.info.top[1].id);
    const rowsInPage = await proposal.getByRole('row').count();
    assert.ok(rowsInPage > 3 && rowsInPage <= 26, `${rowsInPage} rows in the page`);

    // The control sample's spin button with the arrow keys: the proposal grows by one dossier.
    const control = page.getByRole('spinbutton', { name: 'Controlesteekproef' });
    assert.equal(await control.getAttribute('aria-valuenow'), '0');
    await control.focus();
    await page.keyboard.press('ArrowUp');
    await until(page, () => control.getAttribute('aria-valuenow'), '1', 'the control sample after ArrowUp');
    await page.getByRole('heading', { level: 2, name: `Voorstel batch ${month}: 26 dossiers` }).waitFor();
    const grown = page.getByRole('table', { name: 'Voorstel (26)' });
    assert.equal(await grown.getAttribute('aria-rowcount'), '27');

    // The month's batch, committed with its button once the screener's name is set.
    await typeScreener(page, 'Screener');
    await page.getByRole('button', { name: 'Batch vastleggen', disabled: false }).press('Enter');
    await page.getByRole('status').filter({ hasText: `Batch ${month} is vastgelegd` }).first().waitFor();
    await page.getByRole('heading', { level: 2, name: /^Voorstel aanvullende batch / }).waitFor();

    // A supplementary batch asks first: the dialog says what it does; Esc and "Annuleren" close it.
    const supplementary = page.getByRole('button', { name: 'Aanvullende batch vastleggen…' });
    const dialog = page.getByRole('dialog', { name: 'Aanvullende batch vastleggen?' });
    await supplementary.press('Enter');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(`De maand ${month} heeft al een batch`));
    await page.screenshot({ path: join(screenshotFolder, 'accessible-selection-dialog.png') });
    assert.deepEqual(await seriousViolations(page), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await supplementary.press('Enter');
    await dialog.getByRole('button', { name: 'Annuleren' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await waitForInfo(page, (info) => info.batches, 'the batches')).batches.length, 1);
    // Confirmed through the dialog.
    await supplementary.press('Enter');
    await dialog.getByRole('button', { name: 'Aanvullende batch vastleggen' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForInfo(page, (info) => info.batches.length === 2, 'the supplementary batch');

    // The batches' tab: a table with both batches, newest first, each with its buttons.
    await page.getByRole('tab', { name: 'Batches (2)' }).press('Enter');
    const batches = page.getByRole('table', { name: 'Batches' });
    await batches.waitFor();
    assert.deepEqual(await batches.getByRole('columnheader').allTextContents(),
                     ['Batch', 'Voortgang', 'Status', 'Vastgelegd door', 'Acties']);
    const rows = batches.getByRole('row');
    assert.equal(await rows.count(), 3);
    const newest = await rows.nth(1).getByRole('cell').allTextContents();
    assert.match(newest[0], new RegExp(`^${month}`));
    assert.notEqual(newest[0], month);
    const monthRow = rows.filter({ has: page.getByRole('cell', { name: month, exact: true }) });
    assert.deepEqual((await monthRow.getByRole('cell').allTextContents()).slice(1, 4), ['0 / 26', 'open', 'Tester']);
    await page.screenshot({ path: join(screenshotFolder, 'accessible-selection-batches.png') });

    // Closing a batch asks first, listing its uncoded dossiers; Esc cancels.
    await monthRow.getByRole('button', { name: 'Afsluiten' }).press('Enter');
    const close = page.getByRole('dialog', { name: `Batch ${month} afsluiten` });
    await close.waitFor();
    assert.equal(await close.getByRole('listitem').count(), 26);
    await close.getByRole('textbox', { name: 'Notitie (optioneel), bv. capaciteit op' }).waitFor();
    await close.getByRole('button', { name: 'Batch afsluiten' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.keyboard.press('Escape');
    await close.waitFor({ state: 'detached' });
    assert.deepEqual((await monthRow.getByRole('cell').allTextContents()).slice(1, 3), ['0 / 26', 'open']);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('Selection in English: the table\'s headers, the spin buttons, the dialog cancelled with Esc', async () => {
  const app = await openSelection('en');
  try {
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    const proposal = page.getByRole('table', { name: 'Proposal (25)' });
    assert.deepEqual(await proposal.getByRole('columnheader').allTextContents(), ['Rank', 'Dossier', 'Name', 'Kind', 'Reason']);
    assert.equal(await page.getByRole('spinbutton', { name: 'Cooldown (months)' }).getAttribute('aria-valuenow'), '3');
    await typeScreener(page, 'Screener');
    await page.getByRole('button', { name: 'Commit batch', disabled: false }).press('Enter');
    await page.getByRole('heading', { level: 2, name: /^Proposed supplementary batch / }).waitFor();
    await page.getByRole('button', { name: 'Commit a supplementary batch…' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Commit a supplementary batch?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
