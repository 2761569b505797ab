// Browser test of the Rapport tab's audit section (issue #18): a simulated history of six months is
// merged from a backup; the report shows the agreement, the automation-bias figures and the first
// grouping's disparity chart with its marks in words, exports the audit in its JSON and HTML, and
// leads to the Audit tab; the "Parlementaire vraag" button shows the answer to the parliamentary
// question (issue #19) in both languages, and the exports carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, nextFrames, waitForInfo, clickWidget, shownWords, screenshotFolder, radarInfo, mergeBackup } from './browser.mjs';

const cli = process.env.RADAR_CLI || 'build/native/radar';

function writeHistory() {
  mkdirSync(screenshotFolder, { recursive: true });
  const history = join(screenshotFolder, 'report-audit-history.json');
  const made = spawnSync(cli, ['demo-history', '--start', '2026-01', '--months', '6', '--model',
                               'assets/models/default.json', '--out', history], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  return history;
}

async function download(page, widget) {
  const downloading = page.waitForEvent('download');
  await clickWidget(page, widget);
  return readFileSync(await (await downloading).path(), 'utf8');
}

test('the Rapport tab shows the period\'s audit, exports it and leads to the Audit tab', async () => {
  const { page, close } = await openApp({ viewport: { width: 1280, height: 1000 } });
  try {
    await waitForInfo(page, (s) => s.storage.loaded && s.model?.versionList?.length > 0, 'the stored models');
    await mergeBackup(page, writeHistory(), 6);
    await page.evaluate(() => window.radar.showScreen('report'));
    await waitForInfo(page, (s) => s.report !== undefined && s.widgets['report-audit-go'] !== undefined, 'the report');

    // The parliamentary question's answer: one click away, in both languages and in the exports.
    await clickWidget(page, 'report-parliament');
    await nextFrames(page);
    const answerWords = await shownWords(page);
    assert.match(answerWords, /Antwoord op de parlementaire vraag/);
    assert.match(answerWords, /Schriftelijke vraag nr\. 133 van 4 december 2023/);
    assert.match(answerWords, /werden \d+ unieke dossiers op basis van de datamining onder de loep genomen \(daarnaast \d+ dossiers uit de willekeurige controlesteekproef/);
    assert.match(answerWords, /unique dossiers were examined on the basis of the data mining/);
    assert.match(answerWords, /Dekking: \d+ van de 2400 dossiers \(\d+,\d%\) werden gescreend in de 12 maanden/);
    assert.match(answerWords, /De parlementaire vraag in cijfers/);
    await page.screenshot({ path: join(screenshotFolder, 'report-parliament.png') });

    // Scroll the report until its audit section is at the top.
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    await page.mouse.move(640, 700);
    for (let notch = 0; notch < 60; notch++) {
      const box = (await radarInfo(page)).widgets['report-audit-go'];
      if (box.top / ratio < 480) break;
      await page.mouse.wheel(0, 120);
      await nextFrames(page);
    }
    const words = await shownWords(page);
    assert.match(words, /Eerlijkheid en consistentie/);
    assert.match(words, /Dubbel gecodeerd \d+ dossiers Zelfde code \d+: \d+,\d% \(/);
    assert.match(words, /Cohens kappa -?\d,\d\d \(/);
    assert.match(words, /Krippendorffs alfa \(nominaal\) -?\d,\d\d \(/);
    assert.match(words, /Oordeel \(Krippendorff\) (onvoldoende|voorlopige conclusies|betrouwbaar)/);
    assert.match(words, /Volgt de scoreband, score zichtbaar \d+,\d% \(\d+\/\d+; /);
    assert.match(words, /Volgt de scoreband, blind gecodeerd \d+,\d% \(\d+\/\d+; /);
    // The demo history does not record whether the reasons were opened: said, not hidden.
    assert.match(words, /Redenen geopend vóór het coderen –; niet vastgelegd bij \d+ codes/);
    assert.match(words, /Selectiekans per groep t\.o\.v\. de referentiegroep: /);
    assert.match(words, /Antwerpen 1,00 · referentie/);
    assert.match(words, /Verhouding tot de referentiegroep op een logaritmische as: stip = verhouding/);
    await page.screenshot({ path: join(screenshotFolder, 'report-audit.png') });

    const json = JSON.parse(await download(page, 'report-json'));
    assert.ok(json.parliamentary_question.screened_by_data_mining > 0);
    assert.match(json.parliamentary_question.answer_nl, /^Van 1 januari 2026 tot en met /);
    assert.ok(json.audit.agreement.overall.units > 0);
    assert.ok(json.audit.groupings.length >= 3);
    const html = await download(page, 'report-html');
    assert.match(html, /<h2>Eerlijkheid en consistentie<\/h2>/);
    assert.match(html, /<section class="parliament" id="parliamentary-question">/);
    assert.equal((html.match(/<figure class="chart disparity"/g) || []).length, json.audit.groupings.length);

    await clickWidget(page, 'report-audit-go');
    await waitForInfo(page, (s) => s.screen === 'audit', 'the Audit tab');
  } finally {
    await close();
  }
});
