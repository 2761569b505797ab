// Browser test of the keyboard and size parts of the accessibility layer (issue #21): the list of
// shortcuts on "?" read through the layer as a dialog and closed with Esc (not opened while a
// text field has the keyboard); the larger-text setting changes the drawn size, keeps the layer's
// boxes on their widgets and survives a reload; the ranking's filters as combo boxes and a slider
// and its rows opened from the layer; the page's focus following ImGui's keyboard navigation
// without taking the focus from elsewhere in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, nextFrames, pressKey, radarInfo, screenshotFolder } from './browser.mjs';

// Waits for the frames a focus or a key takes to reach the app (the layer clicks the widget
// after the pointer rested on it for two frames).
async function settle(page) {
  for (let i = 0; i < 4; i++) await nextFrames(page);
}

// Waits until `check` (in Node) holds, a frame at a time.
async function until(page, check, what) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await nextFrames(page);
  }
  throw new Error('timed out waiting for ' + what);
}

// The described widgets of the app's last frame, as the layer reads them.
const accessibleItems = (page) =>
  page.evaluate(() => JSON.parse(window.Module.ccall('radar_accessibility_items', 'string', [], [])));

test('"?" opens the list of shortcuts, a dialog read through the layer; Esc closes it; not while typing', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const ranking = page.getByRole('table', { name: 'Ranglijst' });
    await ranking.getByRole('row').nth(1).waitFor();
    await page.locator('#canvas').focus();
    await pressKey(page, '?');
    const dialog = page.getByRole('dialog', { name: 'Sneltoetsen' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    const entries = await dialog.getByRole('listitem').allTextContents();
    // Every key the screens react to is listed, by screen.
    for (const expected of ['?: Deze lijst met sneltoetsen openen', 'Esc: Deze lijst sluiten', 'Alt+L: Taal wisselen',
                            '/: Naar het zoekveld', 'Pijl omlaag / omhoog: Het volgende / vorige dossier',
                            '1 / 2 / 3: Risico / Geen risico / Verder onderzoek nodig kiezen', 'N: Naar de notitie',
                            'Enter: De beslissing opslaan', 'C: Een opgeslagen code corrigeren', 'F: De eerste open opvolging',
                            'O: Een gevolg', 'J / K: Het volgende / vorige dossier in de wachtrij',
                            'Esc: Het overnemen van een export stoppen', '1 / 2 / 3: De blinde tweede code kiezen',
                            'Pijl rechts / links: De volgende / vorige stap'])
      assert.ok(entries.some((entry) => entry.startsWith(expected)), `${expected} in ${JSON.stringify(entries)}`);
    const groups = await dialog.getByRole('list').evaluateAll((lists) => lists.map((list) => list.getAttribute('aria-label')));
    assert.deepEqual(groups, ['Overal', 'Ranglijst', 'Screening', 'Gegevens', 'Audit', 'Rondleiding (demo)']);
    await dialog.getByRole('button', { name: 'Sluiten (Esc)' }).waitFor();
    await page.screenshot({ path: join(screenshotFolder, 'shortcuts-dialog.png') });
    // While it is open the screens behind it take no keys: "/" does not reach the search box.
    await pressKey(page, '/');
    await settle(page);
    assert.equal(await page.evaluate(() => window.Module.ccall('radar_wants_text_input', 'number', [], [])), 0);
    await pressKey(page, 'Escape');
    await until(page, async () => (await dialog.count()) === 0, 'the dialog to close');

    // Typed in the search box, "?" is text.
    const filter = page.getByRole('textbox', { name: /^Zoek op dossier/ });
    await filter.focus();
    await settle(page);
    await page.keyboard.type('?');
    await until(page, async () => (await filter.inputValue()) === '?', 'the "?" in the search box');
    await settle(page);
    assert.equal(await dialog.count(), 0);
    await pressKey(page, 'Escape');

    // In English, by the header's button; closed by its own button.
    await page.getByRole('button', { name: 'English' }).press('Enter');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).press('Enter');
    const english = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await english.waitFor();
    assert.equal(await english.getByRole('listitem').first().textContent(), '?: Open this list of shortcuts');
    await english.getByRole('button', { name: 'Close (Esc)' }).press('Enter');
    await until(page, async () => (await english.count()) === 0, 'the English dialog to close');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('the text size setting draws larger text, keeps the layer on its widgets and survives a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const tab = page.getByRole('tab', { name: 'Ranglijst' });
    await tab.waitFor();
    await page.waitForFunction(() => window.radar.info().storage.loaded);
    const normal = (await tab.boundingBox()).height;
    const choice = page.getByRole('combobox', { name: 'Tekstgrootte: Tekst 100%' });
    await choice.press('Enter');
    await page.getByRole('combobox', { name: /^Tekstgrootte/, expanded: true }).waitFor();
    const options = page.getByRole('listbox', { name: 'Tekstgrootte' }).getByRole('option');
    await options.nth(3).waitFor();
    assert.deepEqual(await options.allTextContents(), ['Tekst 100%', 'Tekst 125%', 'Tekst 150%', 'Tekst 200%']);
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await page.getByRole('option', { name: 'Tekst 150%' }).press('Enter');
    const larger = page.getByRole('combobox', { name: 'Tekstgrootte: Tekst 150%', expanded: false });
    await larger.waitFor();
    await settle(page);
    const grown = (await tab.boundingBox()).height / normal;
    assert.ok(grown > 1.35 && grown < 1.65, `the tab grew ${grown} times`);
    // The layer's elements still lie on their widgets (the box the app reports for automation).
    const widget = (await radarInfo(page)).widgets['button:shortcuts'];
    const element = await page.getByRole('button', { name: 'Sneltoetsen' }).boundingBox();
    assert.deepEqual([element.x, element.y, element.width, element.height].map(Math.round),
                     [widget.left, widget.top, widget.right - widget.left, widget.bottom - widget.top].map(Math.round));
    await page.screenshot({ path: join(screenshotFolder, 'text-size-150.png') });

    // After a reload the stored setting comes back.
    await page.reload();
    await page.evaluate(() => window.radar.ready);
    await page.getByRole('combobox', { name: 'Tekstgrootte: Tekst 150%' }).waitFor();
    await settle(page);
    const reloaded = (await page.getByRole('tab', { name: 'Ranglijst' }).boundingBox()).height / normal;
    assert.ok(Math.abs(reloaded - grown) < 0.05, `after the reload ${reloaded}, before ${grown}`);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('the ranking\'s filters through the layer: combo boxes with options, the minimum score as a slider; rows open', async () => {
  const app = await openApp();
  try {
    const { page, info } = app;
    const ranking = page.getByRole('table', { name: 'Ranglijst' });
    await ranking.getByRole('row').nth(1).waitFor();
    const allRows = String(info.dossiers + 1);
    assert.equal(await ranking.getAttribute('aria-rowcount'), allRows);

    // Provincie: opened (expanded), its entries options of a list, one chosen.
    const province = page.getByRole('combobox', { name: 'Provincie: Alle provincies' });
    assert.equal(await province.getAttribute('aria-expanded'), 'false');
    await province.press('Enter');
    await page.getByRole('combobox', { name: 'Provincie: Alle provincies', expanded: true }).waitFor();
    const provinces = page.getByRole('listbox', { name: 'Provincie' }).getByRole('option');
    assert.equal(await provinces.first().textContent(), 'Alle provincies');
    assert.equal(await provinces.first().getAttribute('aria-selected'), 'true');
    assert.ok((await provinces.count()) >= 5);
    const chosen = await provinces.nth(2).textContent();
    await provinces.nth(2).press('Enter');
    await page.getByRole('combobox', { name: `Provincie: ${chosen}`, expanded: false }).waitFor();
    await until(page, async () => Number(await ranking.getAttribute('aria-rowcount')) < info.dossiers + 1, 'fewer rows');
    const inProvince = Number(await ranking.getAttribute('aria-rowcount'));
    // Opvangvorm the same way.
    await page.getByRole('combobox', { name: 'Opvangvorm: Alle opvangvormen' }).press('Enter');
    const careTypes = page.getByRole('listbox', { name: 'Opvangvorm' }).getByRole('option');
    await careTypes.nth(1).waitFor();
    const careType = await careTypes.nth(1).textContent();
    await careTypes.nth(1).press('Enter');
    await page.getByRole('combobox', { name: `Opvangvorm: ${careType}` }).waitFor();
    await until(page, async () => Number(await ranking.getAttribute('aria-rowcount')) < inProvince, 'fewer rows still');
    // Back to all.
    for (const [name, all] of [[`Provincie: ${chosen}`, 'Alle provincies'], [`Opvangvorm: ${careType}`, 'Alle opvangvormen']]) {
      await page.getByRole('combobox', { name }).press('Enter');
      await page.getByRole('option', { name: all }).press('Enter');
      await page.getByRole('combobox', { name: new RegExp(`: ${all}$`) }).waitFor();
    }
    await until(page, async () => (await ranking.getAttribute('aria-rowcount')) === allRows, 'all rows again');

    // Minimale score: a slider from 0 to 100; Page Up raises it by 10 as a drag would.
    const slider = page.getByRole('slider', { name: 'Minimale score' });
    assert.deepEqual([await slider.getAttribute('aria-valuenow'), await slider.getAttribute('aria-valuemin'),
                      await slider.getAttribute('aria-valuemax')], ['0', '0', '100']);
    await slider.press('PageUp');
    await until(page, async () => (await slider.getAttribute('aria-valuenow')) === '10', 'the slider at 10');
    await slider.press('End');
    await until(page, async () => (await slider.getAttribute('aria-valuenow')) === '100', 'the slider at 100');
    await until(page, async () => Number(await ranking.getAttribute('aria-rowcount')) < info.dossiers + 1,
                'the rows above the minimum');
    await slider.press('Home');
    await until(page, async () => (await ranking.getAttribute('aria-rowcount')) === allRows, 'all rows after Home');

    // A row is focusable; Enter opens its dossier beside the list.
    const first = ranking.getByRole('row').nth(1);
    assert.equal(await first.getAttribute('tabindex'), '0');
    await first.press('Enter');
    await until(page, async () => (await radarInfo(page)).selected !== undefined, 'the dossier panel');
    await ranking.getByRole('row', { selected: true }).waitFor();
    await page.getByRole('table', { name: 'Alle gegevens van het dossier' }).waitFor();
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});

test('the page\'s focus follows the app\'s keyboard navigation, but is never taken from elsewhere in the page', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByRole('tab', { name: 'Ranglijst', selected: true }).waitFor();
    // The store's start-up messages move the tabs when they arrive: first they settle.
    await page.waitForFunction(() => window.radar.info().storage.loaded);
    await settle(page);
    // The Opslag tab, opened from the layer: ImGui's navigation starts from it (a click puts it
    // there, unmarked until a key moves it).
    await page.getByRole('tab', { name: 'Opslag' }).press('Enter');
    await page.getByRole('tab', { name: 'Opslag', selected: true }).waitFor();
    await settle(page);
    const focusedKey = async () => (await accessibleItems(page)).find((item) => item.focused)?.key;
    const hasFocus = (key) => page.evaluate((wanted) => document.activeElement?.dataset.key === wanted, key);
    assert.equal(await focusedKey(), undefined);
    // An arrow key moves the navigation to a tab on the left (a key held through a slow frame
    // may move it twice): that tab is marked, and its element takes the page's focus from the
    // Opslag tab's element; from the layer the arrows still move the navigation, and the focus
    // goes with it.
    let previous = 'screen:storage';
    for (let step = 0; step < 2; step++) {
      await pressKey(page, 'ArrowLeft');
      await until(page, async () => ![undefined, previous].includes(await focusedKey()), 'the navigation to move');
      const key = await focusedKey();
      assert.match(key, /^screen:/);
      await until(page, () => hasFocus(key), `the focus on ${key}`);
      previous = key;
    }

    // A field outside the canvas and the layer keeps its focus while the navigation moves.
    await page.evaluate(() => {
      const outside = document.createElement('input');
      outside.id = 'outside';
      document.body.appendChild(outside);
      outside.focus();
    });
    await pressKey(page, 'ArrowRight');
    await until(page, async () => ![undefined, previous].includes(await focusedKey()), 'the navigation to move again');
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'outside');
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
