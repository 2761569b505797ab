// Browser test of the accessibility layer on the screens beyond the screener's month (issue #21;
// web/accessibility_layer.js): Model, Gegevens, Evaluatie, Audit and Opslag, read and used through
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
    assert.deepEqual((await versions.getByRole('columnheader').allTextContents()).slice(0, 2), ['Versie', 'Auteur']);
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

test('Evaluatie: the label rule chosen in its combo box\'s list with the keyboard, the window in months a number field', async () => {
  const app = await openLoaded({ workspace: 'demo' });
  try {
    const { page } = app;
    await openScreen(page, 'Evaluatie');
    await page.getByRole('heading', { level: 2, name: 'Vindt de score risico?' }).waitFor();
    const rule = page.getByRole('combobox', { name: /^Risico bevestigd = ernstige tekorten of handhaving$/ });
    assert.equal(await rule.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('spinbutton', { name: 'binnen (maanden)' }).getAttribute('aria-valuenow'), '6');
    await rule.press('Enter');
    const list = page.getByRole('listbox', { name: 'Risico bevestigd =' });
    await list.waitFor();
    assert.equal(await rule.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await list.getByRole('option').allTextContents(),
                     ['ernstige tekorten of handhaving', 'tekorten, aanmaning of handhaving', 'de screeningscode zelf']);
    await list.getByRole('option', { name: 'ernstige tekorten of handhaving', selected: true }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'accessible-screens-evaluation-combo.png') });
    await list.getByRole('option', { name: 'de screeningscode zelf' }).press('Enter');
    const chosen = page.getByRole('combobox', { name: 'Risico bevestigd = de screeningscode zelf' });
    await chosen.waitFor();
    assert.equal(await chosen.getAttribute('aria-expanded'), 'false');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    // The code itself has no window in months.
    await page.getByRole('spinbutton', { name: 'binnen (maanden)' }).waitFor({ state: 'detached' });
    // The first version's batches are labelled: its figures as a table, its curve in words.
    await page.getByRole('combobox', { name: /^Modelversie: v2 / }).press('Enter');
    await page.getByRole('listbox', { name: 'Modelversie' }).getByRole('option', { name: /^v1 / }).press('Enter');
    await page.getByRole('combobox', { name: /^Modelversie: v1 / }).waitFor();
    const figures = page.getByRole('table', { name: 'Op de eigen batches van deze versie' });
    assert.deepEqual(await figures.getByRole('columnheader').allTextContents(), ['Cijfer', 'Waarde (95%-interval)', 'Betekenis']);
    const auc = figures.getByRole('row').filter({ hasText: 'ROC AUC' }).getByRole('cell');
    assert.match(await auc.nth(1).textContent(), /^0,\d{3}$/);
    await page.getByRole('img', { name: /^Precisie tegenover recall\. .* 0,0%: \d+,\d%\. 25,0%: \d+,\d%\./ }).waitFor();
    await page.getByRole('button', { name: 'Terugtoets uitvoeren' }).waitFor();
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('Audit: the agreement figures as a list, the group audit\'s table, its chart in words, a closed grouping opened with Enter', async () => {
  // The group audit lies below the window's edge: the layer scrolls a widget into sight before it clicks it.
  const app = await openLoaded({ workspace: 'demo', viewport: { width: 1280, height: 800 } });
  try {
    const { page } = app;
    await openScreen(page, 'Audit');
    for (const title of ['Blind dubbel coderen', 'Verschillen om te beslissen', 'Overeenstemming tussen screeners',
                         'Groepsaudit', 'Audit bij het vastleggen van elke batch'])
      await page.getByRole('heading', { level: 3, name: title }).waitFor();
    const figures = page.getByRole('list', { name: 'Overeenstemming tussen screeners' }).getByRole('listitem');
    assert.match(await figures.first().textContent(), /^\d+ dossiers door twee screeners gecodeerd, \d+ gelijk/);
    assert.match(await figures.nth(1).textContent(), /^Cohens kappa: /);
    const agreement = page.getByRole('table', { name: 'Overeenstemming tussen screeners' });
    assert.deepEqual((await agreement.getByRole('columnheader').allTextContents()).slice(1),
                     ['Risico', 'Geen risico', 'Verder onderzoek nodig']);

    const provinces = page.getByRole('table', { name: 'Provincie' });
    assert.equal(await provinces.getByRole('columnheader').first().textContent(), 'Groep');
    const reference = provinces.getByRole('row').filter({ hasText: 'Antwerpen' });
    assert.match(await reference.getByRole('cell').first().textContent(), /^Antwerpen/);
    assert.ok(await provinces.getByRole('row').count() >= 5, 'a header and a row per province');
    const chart = page.getByRole('img', { name: /^Provincie\. Antwerpen: 1,00 · referentie\./ });
    await chart.waitFor();
    await page.getByRole('button', { name: 'Provincie', pressed: true }).first().waitFor();

    const careType = page.getByRole('button', { name: 'Opvangtype', pressed: false }).first();
    await careType.press('Enter');
    await page.getByRole('button', { name: 'Opvangtype', pressed: true }).waitFor();
    await page.getByRole('table', { name: 'Opvangtype' }).waitFor();
    await page.getByRole('img', { name: /^Opvangtype\. / }).waitFor();

    await page.getByRole('button', { name: 'Grafiek van Selectiekans', pressed: true }).waitFor();
    await page.getByRole('textbox', { name: 'Eerlijke band' }).waitFor();
    await page.getByRole('combobox', { name: 'Indeling: Standaardindelingen' }).waitFor();
    await page.getByRole('combobox', { name: /^Batch: \d{4}-\d{2}$/ }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'accessible-screens-audit.png') });
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
    await page.getByRole('combobox', { name: 'Risk confirmed = serious shortcomings or enforcement' }).waitFor();
    await openScreen(page, 'Storage');
    await page.getByRole('heading', { level: 3, name: 'Backup', exact: true }).waitFor();
  } finally {
    await app.close();
  }
});
