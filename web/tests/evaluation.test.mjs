// Browser test of the Evaluatie screen (issue #17): a simulated history of ten months is merged
// from a backup; the screen evaluates the active version on its own batches against the control
// sample, states the label definition, keeps a changed definition after a reload (a stored
// setting) and gives it to the report, and runs the month-by-month backtest from its button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, nextFrames, waitForInfo, clickWidget, shownText, screenshotFolder, radarInfo, mergeBackup } from './browser.mjs';

const cli = process.env.RADAR_CLI || 'build/native/radar';

function writeHistory() {
  mkdirSync(screenshotFolder, { recursive: true });
  const history = join(screenshotFolder, 'evaluation-history.json');
  const made = spawnSync(cli, ['demo-history', '--start', '2026-01', '--months', '10', '--model',
                               'assets/models/default.json', '--out', history], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  return history;
}

// The app with the simulated history merged from a backup, on `screen`.
async function openWithHistory(screen) {
  const app = await openApp({ viewport: { width: 1280, height: 1000 } });
  try {
    await waitForInfo(app.page, (s) => s.storage.loaded && s.model?.versionList?.length > 0, 'the stored models');
    await mergeBackup(app.page, writeHistory(), 10);
    await app.page.evaluate((name) => window.radar.showScreen(name), screen);
    await nextFrames(app.page);
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

test('the Evaluatie screen measures the active version on its batches and backtests it', async () => {
  const { page, close } = await openWithHistory('evaluation');
  try {
    let state = await waitForInfo(page, (s) => s.evaluation?.labelled > 0, 'the evaluation');
    const serious = state.evaluation;
    assert.equal(serious.definition.rule, 'serious_or_enforcement');
    assert.equal(serious.definition.window_months, 6);
    assert.equal(serious.baseRateSource, 'control_sample', 'the demo history screens a control sample');
    assert.ok(serious.labelledControl > 0);
    assert.ok(serious.notYetKnown > 0, 'the last months are still inside the six-month window');
    assert.ok(serious.positives > 0 && serious.positives < serious.labelled);
    assert.ok(serious.precision > 0 && serious.precision <= 1);
    assert.ok(serious.lift > 0);
    assert.ok(serious.auc > 0 && serious.auc < 1);
    const text = await shownText(page);
    assert.match(text, /Risico bevestigd = ernstige tekorten of handhaving binnen 6 maanden na de screening/);
    assert.match(text, /Alleen gescreende dossiers hebben een label/);
    assert.match(text, /Lift/);
    mkdirSync(screenshotFolder, { recursive: true });
    await page.screenshot({ path: join(screenshotFolder, 'evaluation.png') });

    // The code itself as the label: known at once, so nothing waits; the figures change with it.
    assert.equal(await page.evaluate(() => window.radar.setLabelDefinition(
      { version: 1, rule: 'risk_code', risk_codes: ['risico', 'verder_onderzoek_nodig'] })), '');
    state = await waitForInfo(page, (s) => s.evaluation.definition.rule === 'risk_code', 'the new definition');
    assert.equal(state.evaluation.notYetKnown, 0);
    assert.ok(state.evaluation.labelled > serious.labelled);
    assert.match(await page.evaluate(() => window.radar.setLabelDefinition({ version: 1, rule: 'risk_code', risk_codes: [] })),
                 /risk_codes/, 'an empty code list is refused');
    // The report counts newly found risk with the same definition and says which.
    await page.evaluate(() => window.radar.showScreen('report'));
    state = await waitForInfo(page, (s) => s.report?.risk_found !== undefined, 'the report');
    assert.equal(state.report.risk_found.statement.nl,
                 'Risico bevestigd = de screening kreeg de code Risico of Verder onderzoek nodig');
    await page.evaluate(() => window.radar.showScreen('evaluation'));
    await nextFrames(page);

    // The backtest runs from its button with the candidate shown (the active version), below
    // the figures: the screen scrolls to it.
    await page.mouse.move(640, 700);
    await page.mouse.wheel(0, 3000);
    await nextFrames(page);
    await clickWidget(page, 'evaluation-backtest-run');
    state = await waitForInfo(page, (s) => s.evaluation.backtest !== undefined, 'the backtest');
    assert.equal(state.evaluation.backtest.months.length, 10);
    for (const month of state.evaluation.backtest.months) assert.ok(month.k > 0);
    for (let notch = 0; notch < 10; notch++) {
      await page.mouse.wheel(0, 120);
      await nextFrames(page);
    }
    assert.match(await shownText(page), /Terugtoets per maand[\s\S]*Precisie kandidaat[\s\S]*Herschikking \(Chicago\)/);
    await page.screenshot({ path: join(screenshotFolder, 'evaluation-backtest.png') });

    // The definition is a stored team setting: it comes back after a reload.
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.storage?.loaded && s.batches?.length === 10, 'the reload');
    assert.equal(state.evaluation.definition.rule, 'risk_code');
    assert.deepEqual(state.evaluation.definition.risk_codes, ['risico', 'verder_onderzoek_nodig']);

    // The model card of the active version carries the same evaluation and its definition.
    await page.evaluate(() => window.radar.showScreen('model'));
    await nextFrames(page);
    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'button:model_card');
    const card = readFileSync(await (await downloading).path(), 'utf8');
    assert.match(card, /Risico bevestigd = de screening kreeg de code Risico of Verder onderzoek nodig/);
    assert.match(card, new RegExp(`${state.evaluation.labelled}`));

    // A backup carries the definition: the command line's report and model card use it too.
    await page.evaluate(() => window.radar.showScreen('storage'));
    await waitForInfo(page, (s) => s.backup.status !== undefined, 'the storage status');
    const exporting = page.waitForEvent('download');
    await clickWidget(page, 'backup-export');
    const backup = join(screenshotFolder, 'evaluation-backup.json');
    writeFileSync(backup, readFileSync(await (await exporting).path()));
    const report = spawnSync(cli, ['report', backup, '--json'], { encoding: 'utf8' });
    assert.equal(report.status, 0, report.stderr);
    assert.equal(JSON.parse(report.stdout).risk_found.statement.nl,
                 'Risico bevestigd = de screening kreeg de code Risico of Verder onderzoek nodig');
    const cardJson = spawnSync(cli, ['model-card', 'assets/models/default.json', '--history', backup, '--json'],
                               { encoding: 'utf8' });
    assert.equal(cardJson.status, 0, cardJson.stderr);
    const evaluations = JSON.parse(cardJson.stdout).evaluations;
    assert.equal(evaluations.length, 1);
    assert.equal(evaluations[0].labelled, state.evaluation.labelled, 'the same figures as the screen');
    assert.match(evaluations[0].label_definition.nl, /de screening kreeg de code Risico of Verder onderzoek nodig/);
  } finally {
    await close();
  }
});

test('the Model tab learns weights from the outcomes as a what-if and saves them as a version with their provenance', async () => {
  const { page, close } = await openWithHistory('model');
  try {
    const before = (await radarInfo(page)).model;
    await page.mouse.move(1000, 700);
    for (let notch = 0; notch < 30; notch++) {
      await page.mouse.wheel(0, 120);
      await nextFrames(page);
    }
    await clickWidget(page, 'button:learn-weights');
    let state = await waitForInfo(page, (s) => s.evaluation.learned !== undefined, 'the learned weights');
    const learned = state.evaluation.learned;
    assert.equal(learned.error, undefined, learned.error);
    assert.ok(learned.labelled > 100 && learned.positives > 0);
    assert.deepEqual(Object.keys(learned.weights).sort(), Object.keys(before.weights).sort());
    assert.equal(learned.heldOutMonths.length, 2, 'the last two labelled months are held out');
    assert.ok(learned.heldOutMonths[1] <= '2026-06', 'six-month labels are final up to June');
    assert.ok(learned.heldOutAucLearned > 0 && learned.heldOutAucCurrent > 0);
    assert.deepEqual(state.model.weights, before.weights, 'nothing is applied by itself');
    assert.equal(state.model.versions, before.versions);
    for (let notch = 0; notch < 30; notch++) {
      await page.mouse.wheel(0, 120);
      await nextFrames(page);
    }
    assert.match(await shownText(page), /Buiten de fit gehouden[\s\S]*Geleerde gewichten opslaan als versie/);
    await page.screenshot({ path: join(screenshotFolder, 'model-learned-weights.png') });

    await clickWidget(page, 'button:save-learned');
    state = await waitForInfo(page, (s) => s.model.versions === before.versions + 1 &&
                                          s.model.versionList.at(-1).save === 'saved', 'the saved version');
    const saved = state.model.versionList.at(-1);
    assert.equal(state.model.activeVersion, saved.version);
    assert.match(saved.note, new RegExp('^Weights learned from outcomes .* Risk confirmed = serious shortcomings or ' +
      'enforcement within 6 months after the screening\\. Lambda .* Held out ' + learned.heldOutMonths.join(' to ') +
      ' .* Dataset SHA-256 [0-9a-f]{64}\\.$'));
    for (const [id, weight] of Object.entries(learned.weights)) assert.equal(state.model.weights[id], weight);
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    state = await waitForInfo(page, (s) => s.storage?.loaded && s.model?.activeVersion === saved.version, 'the reload');
    assert.equal(state.model.versionList.at(-1).note, saved.note);
  } finally {
    await close();
  }
});
