// Browser test of the Model tab: a weight change re-ranks the dossiers in the same frame, the
// movement view counts who entered or left the top N, and saving a version makes it the baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget } from './browser.mjs';

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

test('dragging a weight slider with the mouse re-ranks the dossiers', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => window.radar.showScreen('model'));
    await nextFrames(page);
    const before = await page.evaluate(() => window.radar.info());
    const slider = before.widgets['weight:missing_certificates'];
    assert.ok(slider, 'the editor reports where the slider is');
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    const y = (slider.top + slider.bottom) / 2 / ratio;
    // The slider spans 0..3x the saved weight; dragging to its right end triples the weight.
    await page.mouse.move((slider.left + slider.right) / 2 / ratio, y);
    await page.mouse.down();
    await nextFrames(page);
    await page.mouse.move(slider.right / ratio - 1, y, { steps: 5 });
    await nextFrames(page);
    await page.mouse.up();
    await nextFrames(page);
    const after = await page.evaluate(() => window.radar.info());
    assert.ok(after.model.weights.missing_certificates > before.model.weights.missing_certificates * 2.5,
              `weight ${before.model.weights.missing_certificates} -> ${after.model.weights.missing_certificates}`);
    assert.notDeepEqual(ids(after), ids(before));
    assert.ok(after.movement.entered > 0);
    await page.screenshot({ path: join(screenshotFolder, 'model-editor-dragged.png') });
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
