// Browser test of the C++ store bridge: the wasm probe (tests/browser/store_probe.cpp, built into
// build/web with store_web.cpp + radar_store_library.js) writes through radar::platform::Store,
// and the data comes back byte-identical after a reload and a browser restart; under an
// exhausted quota C++ receives every failure by name and confirmed == stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../serve.mjs';
import { buildFolder } from './browser.mjs';
import { freshProfile, launchBrowser, removeProfile, watchErrors } from './storage_browser.mjs';

let server;
let baseUrl;

before(async () => {
  assert.ok(existsSync(join(buildFolder, 'store_probe.js')), `${buildFolder}/store_probe.js is missing: build the web target store_probe`);
  ({ server, url: baseUrl } = await startServer(buildFolder));
});

after(() => server.close());

async function runScenario(page, scenario) {
  await page.goto(`${baseUrl}store_probe.html?scenario=${scenario}`);
  await page.waitForFunction(() => window.Module && Module.calledRun && probe.result().done, null, { timeout: 90000, polling: 100 });
  return page.evaluate(() => probe.result());
}

test('C++ writes through the bridge come back byte-identical after reload and restart', async (t) => {
  const profile = freshProfile();
  let browser = await launchBrowser(profile);
  try {
    const errors = watchErrors(browser.page);
    const written = await runScenario(browser.page, 'write');
    assert.equal(written.ok, true, JSON.stringify(written));
    t.diagnostic(`C++ single-event commit: median ${written.singleMedianMs.toFixed(2)} ms, p95 ${written.singleP95Ms.toFixed(2)} ms; ` +
                 `put_many 10,000: ${written.bulkMs.toFixed(0)} ms; snapshot of 40,000 CSV rows: ${written.snapshotMs.toFixed(0)} ms; ` +
                 `load_all: ${written.loadMs.toFixed(0)} ms; export ${written.exportBytes} bytes`);
    assert.equal(written.events, 10200);
    assert.equal(written.mismatches, 0);
    assert.equal(written.snapshotIdentical, true);
    assert.equal(written.settings, '"An Peeters"');
    assert.equal(written.duplicateError, 'ConstraintError');
    assert.equal(written.invalidUtf8Error, 'ValidationError');
    assert.equal(written.mergeConflicts, 0);
    assert.equal(written.mergeUnchanged, 10200 + 1 + 1);

    const reloaded = await runScenario(browser.page, 'verify');
    assert.deepEqual([reloaded.ok, reloaded.events, reloaded.mismatches, reloaded.snapshotIdentical], [true, 10200, 0, true]);
    assert.equal(reloaded.journal, 'open');
    assert.deepEqual(errors, []);

    await browser.close();
    browser = await launchBrowser(profile);
    const restarted = await runScenario(browser.page, 'verify');
    t.diagnostic(`after a browser restart: load_all ${restarted.loadMs.toFixed(0)} ms`);
    assert.deepEqual([restarted.ok, restarted.events, restarted.mismatches, restarted.snapshotIdentical], [true, 10200, 0, true]);
  } finally {
    await browser.kill();
    removeProfile(profile);
  }
});

test('C++ gets every quota failure by name, and confirmed == stored', async (t) => {
  const profile = freshProfile();
  const browser = await launchBrowser(profile);
  try {
    const session = await browser.context.newCDPSession(browser.page);
    await session.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl).origin, quotaSize: 400 * 1024 });
    const outcome = await runScenario(browser.page, 'quota');
    t.diagnostic(`quota through the bridge: ${outcome.confirmed} confirmed, failures ${JSON.stringify(outcome.failures)}`);
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.ok(outcome.confirmed > 0);
    assert.deepEqual(Object.keys(outcome.failures), ['QuotaExceededError']);
    assert.equal(outcome.stored, outcome.confirmed);
  } finally {
    await browser.kill();
    removeProfile(profile);
  }
});
