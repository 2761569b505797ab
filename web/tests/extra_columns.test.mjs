// Browser test of extra columns as model inputs and a custom field dictionary (issue #17): the
// review shows each extra column's inferred type and takes another one; the accepted dataset has
// the types, also after a reload; the model editor's "add an input" reads an extra number column
// and the ranking follows, while a protected column is refused; a custom field dictionary is
// loaded from a file (a bad one changes nothing), used for the next import, kept after a reload,
// and the built-in one can be taken back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget, waitForInfo, shownWords } from './browser.mjs';

const dossierCount = 40;
const biggestFine = 17;  // the dossier with the largest fine

// A semicolon export with the dictionary's columns (as Opgroeien writes them) and four extra
// ones: a fine with a decimal comma, a date, yes/no and a region.
function writeExport(path) {
  const header = 'Dossiernummer;Naam opvang;Organisator;Gemeente;Provincie;Type opvang;Subsidietrap;Kindplaatsen;' +
    'Startdatum;Datum laatste inspectie;Tekorten;Ernstige tekorten;Klachten;Meldingen;Laatste ernstig signaal;' +
    'Handhaving;Wissels organisator;Wissels verantwoordelijke;Ontbrekende attesten;Terugvordering;Status;Geboorteland;' +
    'Boetebedrag;Bezocht op;Vergund;Regio\r\n';
  const rows = [];
  for (let i = 0; i < dossierCount; i++) {
    const fine = i === biggestFine ? '1.250.000,50' : `${(i * 37) % 900},${i % 10}5`;
    rows.push(`KO-${300000 + i};Opvang ${i};ORG-${10000 + (i % 7)};Gent;Oost-Vlaanderen;groepsopvang;2;18;` +
      `03/05/2010;12/08/2022;${i % 4};0;${i % 3};0;;geen;0;1;0;nee;actief;BE;` +
      `${fine};${1 + (i % 28)}/10/2026;${i % 2 ? 'ja' : 'nee'};${['Noord', 'Zuid', 'Midden'][i % 3]}\r\n`);
  }
  writeFileSync(path, header + rows.join(''));
}

async function reload(page) {
  await page.reload();
  await page.evaluate(() => window.radar.ready);
  return waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
}

async function chooseFile(page, file) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.screen === 'data' && info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
  return waitForInfo(page, (info) => info.import.phase === 'reviewing' && !info.import.rereading, 'the review');
}

async function loadDictionary(page, file) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.widgets['button:load-dictionary'], 'the dictionary button');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:load-dictionary');
  await (await choosing).setFiles(file);
}

// The words of the screen once they match `pattern` (a picked file arrives a few frames later).
async function waitForWords(page, pattern, what) {
  let words = '';
  for (let i = 0; i < 100; i++) {
    words = await shownWords(page);
    if (pattern.test(words)) return words;
  }
  throw new Error(`timed out waiting for ${what}: ${words.slice(0, 500)}`);
}

const column = (info, header) => info.import.mapping.find((item) => item.header === header);

test('extra columns are typed, a type can be changed, and a model reads an extra column', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-extra-'));
  const file = join(folder, 'export_extra.csv');
  writeExport(file);
  // Tall enough for the review's column table to show every column of the export at once.
  const app = await openApp({ viewport: { width: 1400, height: 2800 } });
  try {
    const { page } = app;
    const review = await chooseFile(page, file);
    assert.equal(review.import.rowsImported, dossierCount);
    assert.equal(review.import.keptBytes, 0, 'the browser reads the picked file again; its bytes are not kept');
    assert.deepEqual(['Boetebedrag', 'Bezocht op', 'Vergund', 'Regio'].map((header) => column(review, header).type),
                     ['number', 'date', 'boolean', 'category']);
    assert.equal(column(review, 'Regio').typeChosen, false);
    assert.equal(column(review, 'Geboorteland').protected, true);
    // The review's column table sizes its columns to their contents over its first frames.
    const words = await waitForWords(page, /categorie \(afgeleid\)/, 'the review showing the inferred type');
    assert.match(words, /Vergund extra attribuut \(behouden\) ja\/nee \(afgeleid\)/);
    assert.match(words, /Boetebedrag extra attribuut \(behouden\) getal \(afgeleid\)/);
    await page.screenshot({ path: join(screenshotFolder, 'extra-columns-review.png') });

    assert.equal(await page.evaluate(() => window.radar.importChooseKind('Regio', 'text')), true);
    const changed = await waitForInfo(page, (info) => info.import.phase === 'reviewing' && !info.import.rereading &&
      column(info, 'Regio').typeChosen, 'the re-read with the chosen type');
    assert.equal(column(changed, 'Regio').type, 'text');
    assert.equal(changed.import.rowsImported, dossierCount);
    assert.equal(changed.import.keptBytes, 0);
    assert.match(await shownWords(page), /tekst \(gekozen\)/);

    await waitForInfo(page, (info) => info.widgets['button:accept-import'], 'the accept button');
    await clickWidget(page, 'button:accept-import');
    const accepted = await waitForInfo(page, (info) => info.import.phase === 'idle' && !info.synthetic, 'the accepted import');
    assert.equal(accepted.importRefusal, undefined);
    assert.deepEqual(['Boetebedrag', 'Bezocht op', 'Vergund', 'Regio'].map((name) => accepted.columnTypes[name]),
                     ['number', 'date', 'boolean', 'text']);

    // The model editor offers the typed extra columns; a model reading the fine ranks by it.
    await page.evaluate(() => window.radar.showScreen('model'));
    await waitForInfo(page, (info) => info.screen === 'model' && info.widgets['combo:add-input'], 'the add-input combo');
    const before = accepted.top[0].id;
    assert.equal(await page.evaluate(() => window.radar.addModelInput('country_of_birth')), '',
                 'a protected column is refused');
    const id = await page.evaluate(() => window.radar.addModelInput('Boetebedrag'));
    assert.equal(id, 'Boetebedrag');
    const ranked = await waitForInfo(page, (info) => info.model.edited, 'the edited model');
    assert.equal(ranked.top[0].id, `KO-${300000 + biggestFine}`, 'the largest fine comes first');
    assert.notEqual(ranked.top[0].id, before, 'the ranking changed');
    assert.equal(ranked.model.weights.Boetebedrag, 1);
    await clickWidget(page, 'combo:add-input');
    await nextFrames(page);
    const offered = await shownWords(page);
    assert.match(offered, /Vergund \(ja\/nee\)/, 'a typed extra column is offered');
    assert.doesNotMatch(offered, /Geboorteland \(/, 'a protected column is not offered');
    assert.doesNotMatch(offered, /Regio \(/, 'free text is not offered');
    await page.screenshot({ path: join(screenshotFolder, 'extra-columns-model.png') });
    await page.keyboard.press('Escape');
    await waitForInfo(page, (info) => info.datasetStore.save === 'saved', 'the stored snapshot');

    await reload(page);
    const restored = await waitForInfo(page, (info) => !info.synthetic && info.import.phase === 'idle',
                                       'the stored dataset instead of the demo');
    assert.deepEqual(['Boetebedrag', 'Bezocht op', 'Vergund', 'Regio'].map((name) => restored.columnTypes[name]),
                     ['number', 'date', 'boolean', 'text'], 'the types, the chosen one too, come back');
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a custom field dictionary is loaded, used for the next import and kept; a bad one changes nothing', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-dictionary-'));
  const file = join(folder, 'export_extra.csv');
  writeExport(file);
  const shipped = JSON.parse(readFileSync('assets/fields.json', 'utf8'));
  const custom = {
    ...shipped,
    fields: [...shipped.fields.filter((field) => field.name !== 'nationality'),
      { name: 'fine', type: 'number', label: { nl: 'Boete', en: 'Fine' }, synonyms: ['Boetebedrag'] }],
  };
  const good = join(folder, 'velden_boete.json');
  writeFileSync(good, JSON.stringify(custom));
  const bad = join(folder, 'kapot.json');
  writeFileSync(bad, '{"fields": [{"name": "dossier_id"}]}');
  const app = await openApp();
  try {
    const { page } = app;
    const shippedCount = app.info.fieldDictionary.fields;
    await loadDictionary(page, bad);
    await waitForWords(page, /Velddefinities niet geladen: field/, 'the refusal of the bad file');
    const unchanged = await page.evaluate(() => window.radar.info());
    assert.equal(unchanged.fieldDictionary.custom, '', 'a bad file changes nothing');
    assert.equal(unchanged.fieldDictionary.fields, shippedCount);

    await loadDictionary(page, good);
    const loaded = await waitForInfo(page, (info) => info.fieldDictionary.custom === 'velden_boete.json' &&
      info.fieldDictionary.save === 'saved', 'the stored custom dictionary');
    // The shipped protected field left out of the file is kept: a custom dictionary only adds.
    assert.equal(loaded.fieldDictionary.fields, shippedCount + 1);
    assert.match(await shownWords(page), /velden_boete\.json/);
    await page.screenshot({ path: join(screenshotFolder, 'extra-columns-dictionary.png') });

    await reload(page);
    const kept = await waitForInfo(page, (info) => info.fieldDictionary.custom === 'velden_boete.json', 'the dictionary after a reload');
    assert.equal(kept.fieldDictionary.fields, shippedCount + 1);
    const review = await chooseFile(page, file);
    assert.equal(column(review, 'Boetebedrag').field, 'fine', 'the custom field takes the column');
    assert.equal(column(review, 'Boetebedrag').type, 'number');
    assert.equal(column(review, 'Geboorteland').protected, true);

    await page.evaluate(() => window.radar.showScreen('data'));
    await waitForInfo(page, (info) => info.widgets['button:discard-import'], 'the discard button');
    await clickWidget(page, 'button:discard-import');
    await waitForInfo(page, (info) => info.import.phase === 'idle' && info.widgets['button:built-in-dictionary'],
                      'the built-in button');
    await clickWidget(page, 'button:built-in-dictionary');
    const builtIn = await waitForInfo(page, (info) => info.fieldDictionary.custom === '' && info.fieldDictionary.save === 'saved',
                                      'the built-in dictionary');
    assert.equal(builtIn.fieldDictionary.fields, shippedCount);
    await reload(page);
    assert.equal((await page.evaluate(() => window.radar.info())).fieldDictionary.custom, '');
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
