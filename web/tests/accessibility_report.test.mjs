// Browser test of the accessibility layer on Rapport, Evaluatie and Audit (issue #21), through
// Playwright's role-based locators and the keyboard only, in the demo workspace: Rapport's charts
// are images whose names state each bar's figures (the same as its table's cells), its period is
// chosen in a combo box of options and its label months in a number field; Evaluatie's label
// window is a number field that arrow keys change, and its backtest is a table with column headers
// and cells; Audit's grouping is changed through its combo box, and its tables and disparity chart
// follow. Screenshots of the three screens at 1280x800, and of Audit at 900 px wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { nextFrames, openApp, screenshotFolder, waitForInfo } from './browser.mjs';

// Waits until `check` (an async test of the page) holds, a frame at a time.
async function until(page, check, what) {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await nextFrames(page);
  }
  throw new Error('never came: ' + what);
}

async function openDemo(viewport) {
  const app = await openApp({ workspace: 'demo', viewport });
  await waitForInfo(app.page, (state) => state.storage.loaded && state.batches && state.batches.length > 0, 'the demo year');
  // The line that offers the month's batch comes with the stored year and moves the tabs down:
  // a tab is pressed only once it stands where it stays.
  await app.page.getByRole('button', { name: 'Verder screenen' }).waitFor();
  await nextFrames(app.page);
  return app;
}

async function showTab(page, name) {
  await page.getByRole('tab', { name }).press('Enter');
  await page.getByRole('tab', { name, selected: true }).waitFor();
}

// The cells of each row of a table in the layer, the header row first: its elements' roles read
// in one call (a role locator per row took four minutes on the audit's table under load).
async function tableRows(table) {
  return table.evaluate((element) => [...element.querySelectorAll('[role="row"]')].map((row) =>
    [...row.querySelectorAll('[role="columnheader"], [role="cell"]')].map((cell) => cell.textContent)));
}

test('Rapport: charts said in words, the period in a combo box, the label months in a number field', async () => {
  const app = await openDemo({ width: 1280, height: 800 });
  try {
    const { page } = app;
    await showTab(page, 'Rapport');
    await page.getByRole('heading', { name: 'Grafieken', level: 2 }).waitFor();
    // The codes per month: an image whose name gives every month's codes and total, the same
    // figures as the table "Codes per maand".
    const chart = page.getByRole('img', { name: /^Screenings per maand en code\. / });
    const said = await chart.getAttribute('aria-label');
    const rows = await tableRows(page.getByRole('table', { name: 'Codes per maand' }));
    assert.deepEqual(rows[0].slice(0, 5), ['maand', 'Risico', 'Geen risico', 'Verder onderzoek nodig', 'totaal']);
    assert.ok(rows.length > 2, JSON.stringify(rows));
    for (const [month, risico, geen, verder, total] of rows.slice(1))
      assert.ok(said.includes(`${month}: Risico ${risico}, Geen risico ${geen}, Verder onderzoek nodig ${verder}, totaal ${total}`),
                `${month} in "${said}"`);
    await page.getByRole('img', { name: /^Screenings per scoreband en code\. top 10%: Risico \d+/ }).waitFor();
    await page.getByRole('img', { name: /^Trefkans: .+\. .+: \d+,\d% \(\d+\/\d+; / }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-report.png') });

    // "Technische details" opens and closes a section: expanded, not pressed.
    const details = page.getByRole('button', { name: 'Technische details', expanded: false });
    assert.equal(await details.getAttribute('aria-pressed'), null);
    await details.press('Enter');
    await page.getByRole('button', { name: 'Technische details', expanded: true }).waitFor();

    // A month: its button is pressed, and the months are options of a combo box.
    await page.getByRole('button', { name: 'Maand', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Maand', exact: true, pressed: true }).waitFor();
    const period = page.getByRole('combobox', { name: 'Periode' });
    const shown = await period.textContent();
    await period.press('Enter');
    await page.getByRole('combobox', { name: 'Periode', expanded: true }).waitFor();
    const options = page.getByRole('listbox', { name: 'Periode' }).getByRole('option');
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    assert.equal(await options.first().textContent(), shown);
    const second = await options.nth(1).textContent();
    await options.nth(1).press('Enter');
    await until(page, async () => (await period.textContent()) === second, `the period ${second}`);
    assert.equal(await period.getAttribute('aria-expanded'), 'false');
    await page.getByRole('heading', { level: 2, name: new RegExp(second.split(' ')[0], 'i') }).first().waitFor();

    // The label months: a number field whose arrow key asks the app for one month more.
    const months = page.getByRole('spinbutton', { name: 'Labels actueel (maanden)' });
    const before = Number(await months.getAttribute('aria-valuenow'));
    await months.press('ArrowUp');
    await until(page, async () => Number(await months.getAttribute('aria-valuenow')) === before + 1, 'one month more');
  } finally {
    await app.close();
  }
});

test('Evaluatie: the label window by arrow keys, the backtest as a table of cells', async () => {
  const app = await openDemo({ width: 1280, height: 800 });
  try {
    const { page } = app;
    await showTab(page, 'Evaluatie');
    await page.getByRole('heading', { name: 'Vindt de score risico?', level: 2 }).waitFor();
    const window = page.getByRole('spinbutton', { name: 'binnen (maanden)' });
    const before = Number(await window.getAttribute('aria-valuenow'));
    await window.press('ArrowDown');
    const statement = page.getByRole('paragraph').filter({ hasText: /^Risico bevestigd = / });
    await until(page, async () => (await statement.textContent()).includes(`binnen ${before - 1} maanden`),
                `the label window of ${before - 1} months`);
    // With that window, the version's own batches have labels: its figures are a table.
    const figures = await tableRows(page.getByRole('table', { name: 'Op de eigen batches van deze versie' }));
    assert.deepEqual(figures[0], ['Cijfer', 'Waarde (95%-interval)', 'Betekenis']);
    assert.equal(figures[1][0], 'Gelabeld');
    assert.match(figures[1][1], /^\d+ \(\d+ \+ \d+\)$/);
    assert.equal(await page.getByRole('combobox', { name: 'Modelversie' }).count(), 1);
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-evaluation.png') });

    // The backtest's button lies below the window's edge: the layer scrolls it into sight first.
    await page.getByRole('button', { name: 'Terugtoets uitvoeren' }).press('Enter');
    const backtest = page.getByRole('table', { name: 'Terugtoets per maand' });
    await backtest.waitFor();
    const rows = await tableRows(backtest);
    assert.equal(rows[0][0], 'Maand');
    assert.equal(rows[0].length, 7);
    assert.equal(await backtest.getAttribute('aria-rowcount'), String(rows.length));
    assert.ok(rows.length >= 4, JSON.stringify(rows));
    assert.match(rows[1][0], /^\d{4}-\d{2}$/);
    assert.match(rows[1][1], /^v\d+$/);
    assert.equal(rows.at(-1)[0], 'Samen');
  } finally {
    await app.close();
  }
});

test('Audit: the grouping changed through its combo box; its table and chart follow', async () => {
  const app = await openDemo({ width: 1280, height: 800 });
  try {
    const { page } = app;
    await showTab(page, 'Audit');
    await page.getByRole('heading', { name: 'Groepsaudit', level: 2 }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-audit.png') });
    // The group audit lies below the window's edge: the layer scrolls its widgets into sight.
    const grouping = page.getByRole('combobox', { name: 'Indeling' });
    await grouping.press('Enter');
    const options = page.getByRole('listbox', { name: 'Indeling' }).getByRole('option');
    await options.first().waitFor();
    const names = await options.allTextContents();
    const chosen = names[2];
    await options.nth(2).press('Enter');
    await until(page, async () => (await grouping.textContent()) === chosen, `the grouping ${chosen}`);
    // One grouping now: its table by its name, each group a row, and its chart said in words.
    const table = page.getByRole('table', { name: new RegExp('^' + chosen) });
    await table.waitFor();
    const rows = await tableRows(table);
    assert.equal(rows[0][0], 'Groep');
    assert.ok(rows.length >= 3, JSON.stringify(rows));
    const chart = page.getByRole('img', { name: new RegExp('^' + chosen) });
    const said = await chart.getAttribute('aria-label');
    for (const row of rows.slice(1)) assert.ok(said.includes(row[0].split('  ')[0] + ': '), `${row[0]} in "${said}"`);
    await page.getByRole('button', { name: 'Selectiekans', pressed: true }).waitFor();

    // At 900 px wide the disagreements' lines wrap inside the window.
    await page.setViewportSize({ width: 900, height: 800 });
    await nextFrames(page);
    await nextFrames(page);
    await page.screenshot({ path: join(screenshotFolder, 'accessibility-audit-900.png') });
  } finally {
    await app.close();
  }
});
