// Browser test of the model card (issue #17): one click in the Model tab downloads the active
// version's card as a self-contained page: the demo badge, the inputs with their rationales, the
// protected fields kept out, the version history, and the places only people can fill left marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, waitForInfo, clickWidget } from './browser.mjs';

test('the Model tab downloads the model card of the active version', async () => {
  const { page, close } = await openApp();
  try {
    const state = await waitForInfo(page, (s) => s.storage.loaded && s.model?.versionList?.length > 0, 'the stored models');
    await page.evaluate(() => window.radar.showScreen('model'));
    await nextFrames(page);
    const downloading = page.waitForEvent('download');
    await clickWidget(page, 'button:model_card');
    const download = await downloading;
    assert.match(download.suggestedFilename(), /-v1-modelkaart\.html$/);
    const card = readFileSync(await download.path(), 'utf8');
    assert.match(card, /<h1>Modelkaart: /);
    assert.match(card, /SYNTHETISCHE DEMODATA/);
    assert.match(card, /default-src 'none'/);
    const inputs = card.match(/<h2>Invoergegevens en hun onderbouwing<\/h2>[\s\S]*?<\/section>/)[0];
    assert.equal(inputs.match(/<tr>/g).length, Object.keys(state.model.weights).length + 1, 'one row per input');
    assert.match(card, /<li>nationality<\/li>/);
    assert.equal(card.match(/\[In te vullen door de organisatie\]/g).length, 4);
    assert.match(card, /<td>v1<\/td>/);
    assert.doesNotMatch(card, /<script/);
  } finally {
    await close();
  }
});

const cli = process.env.RADAR_CLI || 'build/native/radar';
const radar = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

test('radar model-card states the use of the version in a recorded history', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-model-card-'));
  try {
    const model = 'assets/models/default.json';
    const history = join(folder, 'history.json');
    assert.equal(radar('demo-history', '--start', '2026-01', '--months', '6', '--model', model, '--out', history).status, 0);
    const json = radar('model-card', model, '--history', history, '--json');
    assert.equal(json.status, 0, json.stderr);
    const card = JSON.parse(json.stdout);
    assert.equal(card.in_use.batches, 6);
    assert.ok(card.in_use.screened > 0 && card.in_use.screened <= card.in_use.selected);
    assert.ok(card.in_use.control_share.total > 0, 'the control sample is compared');
    assert.deepEqual(Object.values(card.to_be_completed_by_people), [null, null, null, null]);
    assert.ok(card.protected_fields_excluded.includes('nationality'));
    assert.equal(card.evaluations.length, 1, 'the evaluation of its own batches');
    assert.match(card.evaluations[0].label_definition.en, /^Risk confirmed = serious shortcomings or enforcement within 6 months/);
    assert.ok(card.evaluations[0].labelled > 0 && card.evaluations[0].labelled <= card.in_use.screened);

    const html = radar('model-card', model, '--history', history, '--html', '--lang', 'en');
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /<h1>Model card: /);
    assert.match(html.stdout, /6 batches \(January 2026 – June 2026\)/);

    assert.equal(radar('model-card', model, '--json', '--html').status, 2, 'one output format');
    assert.equal(radar('model-card', join(folder, 'missing.json'), '--json').status, 2);
    assert.equal(radar('model-card', model, '--history', join(folder, 'missing.json'), '--json').status, 2);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
