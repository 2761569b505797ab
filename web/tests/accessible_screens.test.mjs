// Browser test of the accessibility layer on the screens beyond the screener's month (issue #21;
// web/accessibility_layer.js): Model, Gegevens and Opslag (Evaluatie and Audit are in
// accessibility_report.test.mjs), read and used through
// the accessibility tree only, with Playwright's role-based locators and the keyboard, never with
// canvas coordinates. Tables with their column headers and cells, number fields as text boxes, a
// number field with arrow keys, combo boxes with their options, sections that open, charts in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, waitForInfo } from './browser.mjs';

// Waits until `read()` gives `wanted` (the app takes a few frames to act and describe again).
async function until(page, read, wanted, what) {
  let last;
  for (let i = 0; i < 200; i++) {
    last = await read();
    if (wanted instanceof RegExp ? wanted.test(last) : last === wanted) return;
    await nextFrames(page);
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}, not ${wanted}`);
}

// The app as it stands once its store has loaded (the banners above the tabs then show).
async function openLoaded(options) {
  const app = await openApp(options);
  await waitForInfo(app.page, (info) => info.storage.loaded, 'the store to load');
  return app;
}

async function openScreen(page, tab) {
  await page.getByRole('tab', { name: tab }).press('Enter');
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
}

test('Model: the parameters as a table of text boxes, a weight raised and undone with its buttons, the movement\'s top with the arrow keys', async () => {
  const app = await openLoaded({ workspace: 'demo' });
  try {
    const { page } = app;
    await openScreen(page, 'Model');
    await page.getByRole('heading', { level: 2, name: /^Kinderopvang: standaardmodel/ }).waitFor();
    const parameters = page.getByRole('table', { name: 'Parameter' });
    assert.deepEqual(await parameters.getByRole('columnheader').allTextContents(),
                     ['Parameter', 'Gewicht', 'Drempels en grenzen']);
    const complaints = parameters.getByRole('row').filter({ hasText: 'Klachten (12 maanden)' });
    assert.match(await complaints.getByRole('cell').first().textContent(), /^Klachten \(12 maanden\)/);
    const weight = complaints.getByRole('textbox', { name: 'Klachten (12 maanden): Gewicht' });
    assert.equal(await weight.inputValue(), '3');
    assert.equal(await complaints.getByRole('textbox', { name: 'Klachten (12 maanden): max' }).inputValue(), '5');

    await complaints.getByRole('button', { name: 'Klachten (12 maanden): Gewicht 0,5 hoger' }).press('Enter');
    await until(page, () => weight.inputValue(), '3,5', 'the raised weight');
    await page.getByRole('heading', { level: 2, name: /\(gewijzigd, niet opgeslagen\)$/ }).waitFor();
    await page.getByRole('button', { name: 'Wijzigingen ongedaan maken' }).press('Enter');
    await until(page, () => weight.inputValue(), '3', 'the weight after undo');

    const top = page.getByRole('spinbutton', { name: 'Top' });
    assert.equal(await top.getAttribute('aria-valuenow'), '25');
    await top.focus();
    await page.keyboard.press('ArrowUp');
    await until(page, () => top.getAttribute('aria-valuenow'), '30', 'the top after ArrowUp');
    await page.keyboard.press('Home');
    await until(page, () => top.getAttribute('aria-valuenow'), '1', 'the top after Home');

    const versions = page.getByRole('table', { name: 'Versies' });
    assert.deepEqual((await versions.getByRole('columnheader').allTextContents()).slice(0, 2), ['Versie', 'Auteur en notitie']);
    assert.equal(await versions.getByRole('row').count(), 3, 'a header row and the demo\'s two versions');
    await versions.getByRole('button', { name: 'Activeren 1' }).waitFor();
    await page.getByRole('textbox', { name: 'Auteur' }).waitFor();
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'accessible-screens-model.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('Opslag: its sections as headings, the backup buttons, forgetting refused until the word is typed in its text box', async () => {
  const app = await openLoaded({ workspace: 'demo', viewport: { width: 1280, height: 800 } });
  try {
    const { page } = app;
    await openScreen(page, 'Opslag');
    for (const title of ['Vertrouwen: wat deze pagina doet', 'Waar staan uw gegevens', 'Backup', 'Alles vergeten op dit toestel'])
      await page.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Niets van wat u hier doet verlaat dit apparaat.' }).waitFor();
    await page.getByRole('button', { name: 'Backup downloaden (JSON)' }).waitFor();
    const forget = page.getByRole('button', { name: 'Alles vergeten' });
    assert.equal(await forget.getAttribute('aria-disabled'), 'true');
    const word = page.getByRole('textbox', { name: 'Typ VERGETEN om te bevestigen' });
    // Focusing the text box clicks the app's field; typing goes there once it is editing.
    await word.focus();
    await until(page, () => page.evaluate(() => window.Module.ccall('radar_wants_text_input', 'number', [], [])), 1,
                'the app\'s field editing');
    await page.keyboard.type('VERGETEN');
    await until(page, async () => String(await forget.getAttribute('aria-disabled')), 'null', 'the forget button enabled');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('Gegevens: a file chosen with the layer\'s button, its review read as headings, combo boxes per column and a problems table, cancelled with the keyboard', async () => {
  const app = await openLoaded({});
  try {
    const { page } = app;
    await openScreen(page, 'Gegevens');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Bestand kiezen…' }).press('Enter');
    await (await choosing).setFiles('tests/data/import/messy_export_cp1252.csv');
    await page.getByRole('heading', { level: 2, name: 'Import van messy_export_cp1252.csv' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Kolommen' }).waitFor();
    const mapping = page.getByRole('table', { name: 'Kolommen' });
    assert.deepEqual(await mapping.getByRole('columnheader').allTextContents(), ['Kolom in het bestand', 'Veld', 'Type', 'Gebruik']);
    const firstColumn = mapping.getByRole('row').nth(1);
    const header = await firstColumn.getByRole('cell').first().textContent();
    await firstColumn.getByRole('combobox', { name: new RegExp('^' + header + ': Veld: ') }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Problemen \(\d+\)$/ }).waitFor();
    const problems = page.getByRole('table', { name: /^Problemen \(\d+\)$/ });
    const rowCount = Number(await problems.getAttribute('aria-rowcount'));
    assert.ok(rowCount > 1, `${rowCount} rows in the problems table`);
    assert.equal(await problems.getByRole('row').nth(1).getAttribute('aria-rowindex'), '2');
    await page.getByRole('button', { name: 'Import aanvaarden' }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'accessible-screens-import.png') });
    await page.getByRole('button', { name: 'Annuleren' }).press('Enter');
    await page.getByRole('button', { name: 'Bestand kiezen…' }).waitFor();
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('the screens\' descriptions speak English at ?lang=en', async () => {
  const app = await openLoaded({ workspace: 'demo', query: '?lang=en' });
  try {
    const { page } = app;
    await openScreen(page, 'Model');
    assert.deepEqual(await page.getByRole('table', { name: 'Parameter' }).getByRole('columnheader').allTextContents(),
                     ['Parameter', 'Weight', 'Thresholds and caps']);
    await page.getByRole('button', { name: 'Complaints (12 months): Weight 0.5 higher' }).waitFor();
    await openScreen(page, 'Evaluation');
    await page.getByRole('heading', { level: 2, name: 'Does the score find risk?' }).waitFor();
    const rule = page.getByRole('combobox', { name: 'Risk confirmed =' });
    assert.equal(await rule.textContent(), 'serious shortcomings or enforcement');
    await openScreen(page, 'Storage');
    await page.getByRole('heading', { level: 3, name: 'Backup', exact: true }).waitFor();
  } finally {
    await app.close();
  }
});
