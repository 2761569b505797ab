// Browser test of the printable HTML report: the native CLI simulates six months of screening on
// the demo data and writes the report page; headless Chromium opens it from disk, every request
// is refused and recorded (there must be none besides the page), the charts' bars are checked
// against the tables in the rendered DOM, the audit section's disparity points are drawn, and the
// page is screenshotted for screen and print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { screenshotFolder } from './browser.mjs';

const nativeBuild = process.env.RADAR_NATIVE_BUILD || 'build/native';
const radar = join(nativeBuild, 'radar');

function run(args) {
  const result = spawnSync(radar, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(result.status, 0, `radar ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function writeReport(language) {
  mkdirSync(screenshotFolder, { recursive: true });
  const history = join(screenshotFolder, 'report-history.json');
  run(['demo-history', '--start', '2024-01', '--months', '6', '--model', 'assets/models/default.json', '--out', history]);
  const html = run(['report', history, '--from', '2024-01', '--to', '2024-06', '--as-of', '2024-07-01',
                    '--data', 'demo', '--lang', language, '--html']);
  const file = resolve(screenshotFolder, language === 'nl' ? 'report.html' : 'report-en.html');
  writeFileSync(file, html);
  return { file, html };
}

async function openPage(file) {
  const profile = mkdtempSync(join(tmpdir(), 'radar-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 1200 },
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
           '--disable-sync'],
  });
  const page = browser.pages()[0] || await browser.newPage();
  const pageUrl = pathToFileURL(file).href;
  const otherRequests = [];
  const consoleErrors = [];
  // Refuse (and record) anything but the page itself: a report that loads nothing shows no change.
  await page.route('**/*', (route) => {
    if (route.request().url() === pageUrl) return route.continue();
    otherRequests.push(route.request().url());
    return route.abort();
  });
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(pageUrl);
  return {
    page, otherRequests, consoleErrors,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Every chart bar compared with the cell of its table (row by category, column by series).
function chartMismatches() {
  const problems = [];
  let bars = 0;
  for (const figure of document.querySelectorAll('figure[data-chart]')) {
    const table = document.querySelector(`table[data-table="${figure.dataset.chart}"]`);
    if (!table) continue;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    const rows = new Map([...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children];
      return [cells[0].textContent, cells.map((td) => td.dataset.raw ?? td.textContent)];
    }));
    for (const rect of figure.querySelectorAll('rect.bar')) {
      bars++;
      const row = rows.get(rect.dataset.category);
      const column = headers.indexOf(rect.dataset.series);
      if (!row || column < 0 || row[column] !== rect.dataset.value)
        problems.push(`${figure.dataset.chart} ${rect.dataset.category}/${rect.dataset.series}: ${rect.dataset.value}`);
      const box = rect.getBBox();
      if (Number(rect.dataset.value) > 0 && !(box.height > 0 && box.width > 0)) problems.push(`invisible bar ${rect.dataset.category}`);
    }
  }
  return { problems, bars };
}

test('the printable HTML report opens offline, its charts match its tables, and it prints to A4', async () => {
  const { file, html } = writeReport('nl');
  assert.doesNotMatch(html, /https?:\/\//);
  const view = await openPage(file);
  try {
    const { page } = view;
    assert.equal(await page.title(), 'Standaardrapportage screening – 1 januari 2024 – 30 juni 2024');
    assert.equal(await page.locator('table[data-table]').count(), 16);  // 15 and the parliamentary question's
    assert.equal(await page.locator('table[data-table="risk_labels"] tbody tr').count(), 3, 'Risico, Verder, lapsed');
    assert.equal(await page.locator('figure[data-chart] svg[role="img"]').count(), 4);
    // The audit section (--data demo): a disparity chart per grouping, every group's point drawn.
    assert.equal(await page.locator('#audit figure.disparity svg[role="img"]').count(), 4);
    const points = await page.evaluate(() => [...document.querySelectorAll('#audit circle.point')]
      .filter((point) => point.getBBox().width > 0).length);
    assert.equal(points, await page.locator('#audit g.group[data-ratio]').count());
    const summary = await page.locator('#summary').textContent();
    assert.match(summary, /^Van januari 2024 tot en met juni 2024 werden \d+ unieke dossiers op basis van de datamining/);
    const { problems, bars } = await page.evaluate(chartMismatches);
    assert.deepEqual(problems, []);
    assert.ok(bars >= 6 * 3 + 4 * 3 + 6, `expected every bar to be drawn, got ${bars}`);
    await page.screenshot({ path: join(screenshotFolder, 'report-html.png'), fullPage: true });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(widths[0] <= widths[1], `the page has no horizontal scroll (${widths})`);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
    await page.screenshot({ path: join(screenshotFolder, 'report-html-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    writeFileSync(join(screenshotFolder, 'report.pdf'), pdf);
    assert.deepEqual(view.otherRequests, []);
    assert.deepEqual(view.consoleErrors, []);
  } finally {
    await view.close();
  }
});

test('the English report page has the English summary and the same tables', async () => {
  const { file } = writeReport('en');
  const view = await openPage(file);
  try {
    const { page } = view;
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('#summary').textContent(),
                 /^From January 2024 up to and including June 2024, \d+ unique dossiers were examined/);
    assert.equal(await page.locator('table[data-table]').count(), 16);  // 15 and the parliamentary question's
    assert.deepEqual((await page.evaluate(chartMismatches)).problems, []);
    await page.screenshot({ path: join(screenshotFolder, 'report-html-en.png'), fullPage: true });
    assert.deepEqual(view.otherRequests, []);
    assert.deepEqual(view.consoleErrors, []);
  } finally {
    await view.close();
  }
});
