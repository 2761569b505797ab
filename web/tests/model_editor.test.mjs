// Browser test of the Model tab: a weight change re-ranks the dossiers in the same frame, the
// movement view counts who entered or left the top N, and saving a version makes it the baseline;
// weights are typed as plain numbers with the language's decimal mark, and the model's title and
// description follow the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget, shownText } from './browser.mjs';

const ids = (info) => info.top.map((row) => row.id);

test('changing a weight re-ranks the dossiers and shows the movement', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const radar = (expression, ...args) => page.evaluate(expression, ...args);
    assert.equal(await radar(() => window.radar.showScreen('model')), true);
    assert.equal(await radar(() => window.radar.showScreen('elsewhere')), false);
    await nextFrames(page);
    const before = await radar(() => window.radar.info());
    assert.equal(before.screen, 'model');
    assert.equal(before.model.activeVersion, 1);
    assert.equal(before.model.versions, 1);
    assert.equal(before.model.edited, false);
    assert.deepEqual(before.movement, { topN: 25, entered: 0, left: 0, movedInTop: 0 });
    await page.screenshot({ path: join(screenshotFolder, 'model-editor.png') });

    // Subsidy recovery weighted far above everything else: its dossiers take the lead.
    assert.equal(await radar(() => window.radar.setWeight('subsidy_recovery', 12)), true);
    const after = await radar(() => window.radar.info());
    assert.equal(after.model.weights.subsidy_recovery, 12);
    assert.equal(after.model.edited, true);
    assert.notDeepEqual(ids(after), ids(before), 'the ranking order changed');
    for (let i = 1; i < after.top.length; i++) assert.ok(after.top[i - 1].score >= after.top[i].score);
    assert.ok(after.movement.entered > 0, 'some dossiers entered the top 25');
    assert.equal(after.movement.entered, after.movement.left, 'as many left the top 25 as entered it');
    assert.ok(after.movement.movedInTop > 0);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'model-editor-moved.png') });

    assert.equal(await radar(() => window.radar.setWeight('no_such_parameter', 1)), false);
    assert.equal(await radar(() => window.radar.setWeight('subsidy_recovery', Number.NaN)), false,
                 'the model refuses a weight that is not a number');

    // Saving makes the edited model the active version: no movement against itself.
    assert.equal(await radar(() => window.radar.saveVersion('', 'no author')), 0);
    assert.equal(await radar(() => window.radar.saveVersion('Tester', 'subsidy recovery first')), 2);
    const saved = await radar(() => window.radar.info());
    assert.equal(saved.model.activeVersion, 2);
    assert.equal(saved.model.versions, 2);
    assert.equal(saved.model.edited, false);
    assert.deepEqual(ids(saved), ids(after));
    assert.deepEqual(saved.movement, { topN: 25, entered: 0, left: 0, movedInTop: 0 });
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'model-editor-saved.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

// Types `text` into the number field the app reports as `widget`: click, select all, type, Enter.
async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.down('Control');
  await pressKey(page, 'a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await nextFrames(page);
  await pressKey(page, 'Enter');
}

// Moves the mouse off the editor (no tooltip in the screenshot) and takes the screenshot.
async function screenshot(page, name) {
  await page.mouse.move(1, 1);
  await nextFrames(page);
  await page.screenshot({ path: join(screenshotFolder, name) });
}


test('a weight typed with a comma re-ranks the dossiers; a text that is not a number is refused', async () => {
  const app = await openApp({ viewport: { width: 1366, height: 768 } });
  try {
    const { page } = app;
    const info = () => page.evaluate(() => window.radar.info());
    await page.evaluate(() => window.radar.showScreen('model'));
    await nextFrames(page);
    const before = await info();
    assert.equal(before.language, 'nl');
    assert.equal(before.model.weights.complaints, 2);
    let text = await shownText(page);
    assert.match(text, /Kinderopvang: standaardmodel/, 'the Dutch title');
    assert.match(text, /Standaardmodel voor de screeningsprioriteit/, 'the Dutch description');
    assert.doesNotMatch(text, /Childcare: default model|Default screening-priority model/);
    assert.match(text, /\b1,5\b/, 'weights show a decimal comma in Dutch');
    assert.doesNotMatch(text, /\b1\.50?\b/, 'no decimal point in Dutch');
    await screenshot(page, 'model-editor-nl.png');

    // A Dutch decimal comma is read; the ranking follows at once.
    await typeInto(page, 'weight:complaints', '7,5');
    const typed = await info();
    assert.equal(typed.model.weights.complaints, 7.5);
    assert.equal(typed.model.edited, true);
    assert.notDeepEqual(ids(typed), ids(before), 'the ranking order changed');
    assert.ok(typed.movement.entered > 0, 'some dossiers entered the top 25');
    text = await shownText(page);
    assert.match(text, /\b7,5\b/, 'the field shows the new weight with a comma');

    // Not a number: refused with a message, the weight and the ranking stay.
    await typeInto(page, 'weight:complaints', '7,5,1');
    const refused = await info();
    assert.equal(refused.model.weights.complaints, 7.5);
    assert.deepEqual(ids(refused), ids(typed));
    text = await shownText(page);
    assert.match(text, /7,5,1.{0,3} is geen getal/, 'the refusal names what was typed');
    assert.match(text, /\b7,5\b/);
    await screenshot(page, 'model-editor-refused-nl.png');

    // In English: English title and description, decimal points, and a point or a comma is read.
    await page.evaluate(() => window.radar.setLanguage('en'));
    await nextFrames(page);
    text = await shownText(page);
    assert.match(text, /Childcare: default model/, 'the English title');
    assert.match(text, /Default screening-priority model/, 'the English description');
    assert.doesNotMatch(text, /Kinderopvang: standaardmodel|Standaardmodel voor/);
    assert.match(text, /\b7\.5\b/, 'weights show a decimal point in English');
    assert.match(text, /is not a number/, 'the refusal follows the language');

    // Escape puts the previous value back instead of applying the typed one.
    await clickWidget(page, 'weight:complaints');
    await page.keyboard.type('9');
    await nextFrames(page);
    await pressKey(page, 'Escape');
    assert.equal((await info()).model.weights.complaints, 7.5);
    await typeInto(page, 'weight:incidents', '2.25');
    assert.equal((await info()).model.weights.incidents, 2.25);
    await typeInto(page, 'weight:incidents', '1,75');
    assert.equal((await info()).model.weights.incidents, 1.75);
    text = await shownText(page);
    assert.doesNotMatch(text, /is not a number/, 'an applied entry clears the refusal');
    await screenshot(page, 'model-editor-en.png');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('the active version exports as JSON and an imported model becomes the next version', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => window.radar.showScreen('model'));
    await nextFrames(page);

    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'button:export');
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'childcare-default-v1.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.id, 'childcare-default');

    // The same model with another weight and name, picked through the file dialog.
    exported.name = 'Imported test model';
    exported.parameters.find((parameter) => parameter.id === 'complaints').weight = 7;
    const choosing = page.waitForEvent('filechooser');
    await clickWidget(page, 'button:import');
    const chooser = await choosing;
    await chooser.setFiles({ name: 'test-model.json', mimeType: 'application/json',
                             buffer: Buffer.from(JSON.stringify(exported)) });
    await page.waitForFunction(() => window.radar.info().model.versions === 2);
    const imported = await page.evaluate(() => window.radar.info());
    assert.equal(imported.model.activeVersion, 2);
    assert.equal(imported.model.weights.complaints, 7);
    assert.equal(imported.model.edited, false);
    assert.equal(imported.movement.entered, 0, 'the imported model is the new baseline');
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'model-editor-imported.png') });

    // A model reading a field the data lacks is refused and changes nothing.
    exported.parameters[0].field = 'no_such_field';
    const choosingAgain = page.waitForEvent('filechooser');
    await clickWidget(page, 'button:import');
    await (await choosingAgain).setFiles({ name: 'bad-model.json', mimeType: 'application/json',
                                           buffer: Buffer.from(JSON.stringify(exported)) });
    await nextFrames(page);
    await nextFrames(page);
    await page.evaluate(() => window.radar.setLanguage('en'));
    await nextFrames(page);
    const refused = await page.evaluate(() => window.radar.info());
    assert.equal(refused.model.versions, 2);
    assert.equal(refused.model.weights.complaints, 7);
    await page.screenshot({ path: join(screenshotFolder, 'model-editor-refused-english.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
