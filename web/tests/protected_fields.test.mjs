// Browser test of protected fields through the app (issue #15): an export with a "Geboorteland"
// column is imported; a model reading it is refused with the field named, and so is a model
// reading the same column after the review kept it as an extra attribute under its own header,
// in English and in Dutch.
// The protected list comes from the field dictionary: nothing has to switch it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, nextFrames, screenshotFolder, clickWidget, waitForInfo, shownWords } from './browser.mjs';

const cli = process.env.RADAR_CLI || 'build/native/radar';

// 60 demo dossiers as an export, with a country-of-birth column added and a postcode that
// follows it.
function writeExportWithBirthCountry(folder) {
  const demo = spawnSync(cli, ['demo', '--count', '60'], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stderr);
  const countries = ['BE', 'MA', 'BE', 'TR'];
  const postcodes = ['2000', '2060', '2000', '2060'];
  const lines = demo.stdout.trimEnd().split('\n').map((line, i) => (i === 0
    ? `${line},Geboorteland,Postcode`
    : `${line},${countries[i % 4]},${postcodes[i % 4]}`));
  const file = join(folder, 'export-geboorteland.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// The default model plus one parameter reading `field`.
function modelReading(field, levels = { BE: 0 }) {
  const spec = JSON.parse(readFileSync('assets/models/default.json', 'utf8'));
  spec.parameters.push({
    id: 'birth_country', field, label: { nl: field, en: field }, weight: 5,
    transforms: [{ type: 'categorical', levels, default: 1 }],
    missing: { policy: 'unknown' }, rationale: { nl: 'Test', en: 'Test' },
  });
  return Buffer.from(JSON.stringify(spec));
}

async function importExport(page, file, beforeAccept = async () => {}) {
  await page.evaluate(() => window.radar.showScreen('data'));
  await waitForInfo(page, (info) => info.widgets['button:choose-file'], 'the data screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:choose-file');
  await (await choosing).setFiles(file);
  await waitForInfo(page, (info) => info.import.phase === 'reviewing', 'the review');
  await beforeAccept();
  await waitForInfo(page, (info) => info.widgets['button:accept-import'], 'the accept button');
  await clickWidget(page, 'button:accept-import');
  return waitForInfo(page, (info) => info.import.phase === 'idle' && !info.synthetic, 'the accepted import');
}

// Picks the model file through the Model tab's import button; returns the text on screen after.
async function importModel(page, name, bytes) {
  await page.evaluate(() => window.radar.showScreen('model'));
  await waitForInfo(page, (info) => info.screen === 'model' && info.widgets['button:import'], 'the model screen');
  const choosing = page.waitForEvent('filechooser');
  await clickWidget(page, 'button:import');
  await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: bytes });
  await nextFrames(page);
  await nextFrames(page);
  return shownWords(page);
}

test('a model reading a protected column is refused in the app, mapped or kept as an extra attribute', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-protected-'));
  const app = await openApp({ query: '?lang=en' });
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    const file = writeExportWithBirthCountry(folder);

    const mapped = await importExport(page, file);
    assert.equal(mapped.dossiers, 60);
    const versions = (await waitForInfo(page, (info) => info.model, 'the model')).model.versions;
    const refused = await importModel(page, 'reads-country-of-birth.json', modelReading('country_of_birth'));
    assert.match(refused, /'country_of_birth' is protected and can never be a model input/);
    assert.equal((await page.evaluate(() => window.radar.info())).model.versions, versions, 'nothing was saved');
    await page.screenshot({ path: join(screenshotFolder, 'protected-model-refused.png') });
    // The refusal in Dutch too: the problems are kept in both languages.
    await page.evaluate(() => window.radar.setLanguage('nl'));
    assert.match(await shownWords(page), /veld 'country_of_birth' is beschermd en kan nooit een invoer van het model zijn/);
    await page.screenshot({ path: join(screenshotFolder, 'protected-model-refused-nl.png') });
    await page.evaluate(() => window.radar.setLanguage('en'));

    // The review keeps the column as an extra attribute under its own header: still protected.
    await importExport(page, file, async () => {
      assert.equal(await page.evaluate(() => window.radar.importAssign('Geboorteland', '')), true);
    });
    const demoted = await importModel(page, 'reads-geboorteland.json', modelReading('Geboorteland'));
    assert.match(demoted, /'Geboorteland' is protected and can never be a model input/);
    assert.equal((await page.evaluate(() => window.radar.info())).model.versions, versions);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a model input that follows a protected column is accepted with a warning that names both', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-proxy-'));
  const app = await openApp();
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    await importExport(page, writeExportWithBirthCountry(folder));
    await page.evaluate(() => window.radar.showScreen('model'));
    assert.doesNotMatch(await shownWords(page), /beschermde kenmerk/, 'no default input follows the country');

    const text = await importModel(page, 'reads-postcode.json', modelReading('Postcode', { 2000: 0 }));
    assert.match(text, /Let op: de punten van 'Postcode' hangen samen met het beschermde kenmerk 'Geboorteland' \(η = 1, drempel 0,3\)/);
    assert.match(text, /η is de correlatieverhouding/);
    const info = await page.evaluate(() => window.radar.info());
    assert.equal(info.model.weights.birth_country, 5, 'the model was accepted and scores');
    await page.screenshot({ path: join(screenshotFolder, 'protected-proxy-warning.png') });
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
