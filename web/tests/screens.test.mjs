// Every screen as people read it (issue #22), in Dutch and in English at 1366x768: the text each
// screen draws (captured from ImGui's renderer) shows no ISO timestamp, no internal key or hash,
// no "je/jij" in Dutch and no Dutch enforcement value in English; a screenshot of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, screenshotFolder, clickWidget, waitForInfo, shownText } from './browser.mjs';

const screens = ['ranking', 'model', 'data', 'selection', 'screening', 'report', 'evaluation', 'storage'];


// What no screen may show, whatever the language.
const internal = [
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'an ISO timestamp'],
  [/\b\d{4}-\d{2}-\d{2}\b/, 'an ISO date'],
  [/sha256|[0-9a-f]{12,}/i, 'a hash'],
  [/\b(top_n|dossier_id|organiser_id|childcare-default|IndexedDB)\b/, 'an internal name'],
  [/\b[a-z]+_[a-z_]+\b/, 'a snake_case key'],
  [/top-N/, 'the name of a setting'],
];
const dutchOnly = [[/\b(je|jij|jouw|jouwe)\b/i, 'informal Dutch (use "u")']];
const englishOnly = [[/\b(aanmaning|schorsing|opheffing|lopend|afgesloten)\b/i, 'a Dutch value in English']];

// Every line of `text` that breaks a rule, as "<language> <screen> shows <what>: <line>".
function violations(text, language, screen) {
  const rules = [...internal, ...(language === 'nl' ? dutchOnly : englishOnly)];
  const found = [];
  for (const [pattern, what] of rules)
    for (const line of text.split('\n').filter((candidate) => pattern.test(candidate)))
      found.push(`${language} ${screen} shows ${what}: "${line.trim()}"`);
  return found;
}

test('no screen shows an ISO timestamp, a hash or an internal name, in Dutch or English', async () => {
  const app = await openApp({ viewport: { width: 1366, height: 768 } });
  try {
    const { page } = app;
    await waitForInfo(page, (info) => info.storage.loaded, 'the store to load');
    await page.evaluate(() => window.radar.setScreener('Tester'));
    await page.evaluate(() => window.radar.showScreen('selection'));
    await waitForInfo(page, (info) => info.screen === 'selection' && info.selection, 'the preview');
    await clickWidget(page, 'commit-batch');
    await waitForInfo(page, (info) => info.batches.length === 1, 'the batch');
    await page.evaluate(() => window.radar.showScreen('screening'));
    await waitForInfo(page, (info) => info.screen === 'screening', 'the screening screen');
    for (const key of ['1', '3']) {
      const dossier = (await waitForInfo(page, (info) => info.screening, 'the queue')).screening.dossier;
      await pressKey(page, key);
      await pressKey(page, 'Enter');
      await waitForInfo(page, (info) => info.screening.queue.find((item) => item.id === dossier)?.code, 'the decision');
      await pressKey(page, 'j');
    }
    await pressKey(page, 'k');
    const found = [];
    for (const language of ['nl', 'en']) {
      await page.evaluate((code) => window.radar.setLanguage(code), language);
      for (const screen of screens) {
        await page.evaluate((name) => window.radar.showScreen(name), screen);
        await waitForInfo(page, (info) => info.screen === screen, screen);
        await nextFrames(page);
        found.push(...violations(await shownText(page), language, screen));
        await page.screenshot({ path: join(screenshotFolder, `screen-${language}-${screen}.png`) });
      }
      // The ranking with a dossier's panel open.
      await page.evaluate(() => window.radar.showScreen('ranking'));
      await nextFrames(page);
      const first = await page.evaluate(() => window.radar.info().firstRowY / window.devicePixelRatio);
      await page.mouse.click(300, first);
      await waitForInfo(page, (info) => info.selected, 'the dossier panel');
      await nextFrames(page);
      found.push(...violations(await shownText(page), language, 'dossier panel'));
      await page.screenshot({ path: join(screenshotFolder, `screen-${language}-dossier.png`) });
      await pressKey(page, 'Escape');
      await waitForInfo(page, (info) => !info.selected, 'the closed panel');
    }
    assert.deepEqual(found, []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
