// Browser test of the accessibility layer with axe-core (npm; issue #21): on every screen, in Dutch
// and in English (?lang=en), axe's rules find no violation of impact serious or critical in the
// page, the layer over the canvas (#radar-accessibility) included. The demo workspace is used, so
// that every screen shows figures, tables and charts. axe's source is put into the page through
// the browser's debugging protocol, which the page's strict CSP does not stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nextFrames, openApp, waitForInfo } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screens = ['ranking', 'model', 'data', 'selection', 'screening', 'report', 'storage', 'evaluation', 'audit'];

// The serious and critical violations on the shown screen, as lines naming the rule and elements.
async function seriousViolations(page) {
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const lines = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes)
      lines.push(`${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}: ` +
                 node.html.slice(0, 160));
  }
  return lines;
}

for (const language of ['nl', 'en']) {
  test(`axe-core finds no serious or critical violation on any screen (${language})`, async () => {
    const app = await openApp({ workspace: 'demo', query: language === 'en' ? '?lang=en' : '' });
    try {
      const { page } = app;
      await waitForInfo(page, (state) => state.storage.loaded && state.batches && state.batches.length > 0,
                        'the demo year');
      await page.evaluate(axeSource);
      assert.equal(await page.evaluate(() => typeof window.axe.run), 'function');
      const found = [];
      for (const screen of screens) {
        await page.evaluate((code) => window.radar.showScreen(code), screen);
        await waitForInfo(page, (state) => state.screen === screen, `the ${screen} screen`);
        for (let i = 0; i < 4; i++) await nextFrames(page);  // the layer follows the new screen
        assert.ok(await page.locator('#radar-accessibility [data-key]').count() > 5, `${screen}: the layer is filled`);
        for (const line of await seriousViolations(page)) found.push(`${language} ${screen}: ${line}`);
      }
      if (found.length) console.log(found.join('\n'));
      assert.deepEqual(found, []);
    } finally {
      await app.close();
    }
  });
}
