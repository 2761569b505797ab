// The audit section of the HTML report on hand-built audits: the agreement figures and their
// verdicts, "undefined" instead of NaN, escaped group names, a chart point per group with the
// reference and "too few to judge" said in words, an empty audit, and the report's JSON with and
// without the audit.
#include <doctest/doctest.h>

#include <string>

#include "core/fairness/audit_export.hpp"
#include "core/reporting/audit_html.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/report_html.hpp"

using namespace radar;

namespace {

const char* const hostile_group = "<b>Noord</b> & 'Zuid'";

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

GroupRate rate(std::size_t hits, std::size_t total) {
    GroupRate result;
    result.hits = hits;
    result.total = total;
    if (total > 0) result.value = static_cast<double>(hits) / static_cast<double>(total);
    return result;
}

GroupFigures group(const std::string& name, std::size_t dossiers, std::size_t selected) {
    GroupFigures figures;
    figures.group = name;
    figures.dossiers = dossiers;
    figures.selected = selected;
    figures.selection_rate = rate(selected, dossiers);
    return figures;
}

// Province: Antwerpen (the reference, 20 of 200), the hostile name (2 of 20: too few, ratio 1.0)
// and Limburg (4 of 100: ratio 0.4, outside the band), and an empty group with no ratio.
GroupAudit province_audit() {
    GroupAudit audit;
    audit.grouping = "province";
    audit.reference_group = "Antwerpen";
    GroupFigures antwerpen = group("Antwerpen", 200, 20);
    antwerpen.reference = true;
    antwerpen.selection_disparity.ratio = 1.0;
    antwerpen.selection_disparity.in_band = true;
    GroupFigures hostile = group(hostile_group, 20, 2);
    hostile.too_few = true;
    hostile.selection_disparity = {1.0, Interval{0.25, 4.2}, true, FigureBasis::selection};
    GroupFigures limburg = group("Limburg", 100, 4);
    limburg.selection_disparity = {0.4, Interval{0.14, 1.13}, false, FigureBasis::selection};
    GroupFigures empty = group("", 40, 0);
    audit.pooled.groups = {antwerpen, hostile, limburg, empty};
    audit.pooled.selected = 26;
    audit.batches.resize(2);
    return audit;
}

// Three double-coded dossiers, all coded Risico twice: agreement 100%, kappa and alpha undefined.
AuditReport one_category_audit() {
    AuditReport audit;
    audit.settings.today = *parse_iso_date("2024-07-01");
    audit.settings.period = {"2024-01", "2024-06"};
    audit.bootstrap = {200, 0.95, 1};
    const std::vector<CodedUnit> units(3, coded_unit(ScreeningCode::risico, ScreeningCode::risico));
    audit.agreement.overall = measure_agreement(units, screening_code_count, audit.bootstrap);
    audit.agreement.second_codes = 3;
    audit.groupings = {province_audit()};
    return audit;
}

}  // namespace

TEST_CASE("the audit section: agreement with undefined kappa and alpha said in words, never NaN") {
    const AuditReport audit = one_category_audit();
    const std::string english = audit_section_html(audit, TextLanguage::english);
    CHECK(english.find("<h2>Fairness and consistency</h2>") != std::string::npos);
    CHECK(english.find("Agreement of the blind double coding") != std::string::npos);
    CHECK(english.find("undefined: every code is the same (chance agreement is complete)") != std::string::npos);
    CHECK(english.find("nan") == std::string::npos);
    CHECK(english.find("NaN") == std::string::npos);
    CHECK(english.find("3 / 3: 100.0%") != std::string::npos);
    CHECK(english.find("Thresholds: kappa \xE2\x89\xA5 0.61 substantial") != std::string::npos);
    CHECK(english.find("\xE2\x89\xA5 0.667 tentative conclusions") != std::string::npos);
    // The 3 x 3 table: Risico against Risico holds the three.
    CHECK(english.find(
              "<tr><td>Risk</td><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>") !=
          std::string::npos);
    CHECK(english.find("Second codes: 3; disagreements decided: 0; awaiting a decision: 0.") != std::string::npos);

    const std::string dutch = audit_section_html(audit, TextLanguage::dutch);
    CHECK(dutch.find("<h2>Eerlijkheid en consistentie</h2>") != std::string::npos);
    CHECK(dutch.find("niet bepaald: alle codes zijn dezelfde") != std::string::npos);
    CHECK(dutch.find("Drempels: kappa \xE2\x89\xA5 0,61 aanzienlijk") != std::string::npos);
}

TEST_CASE("the audit section: kappa with its interval and verdict") {
    AuditReport audit = one_category_audit();
    // Wikipedia's "Cohen's kappa" example: 20/5/10/15 of 50 on two categories: kappa = 0.4.
    std::vector<CodedUnit> units;
    const auto add = [&](std::size_t count, ScreeningCode first, ScreeningCode second) {
        for (std::size_t i = 0; i < count; ++i) units.push_back(coded_unit(first, second));
    };
    add(20, ScreeningCode::risico, ScreeningCode::risico);
    add(5, ScreeningCode::risico, ScreeningCode::geen_risico);
    add(10, ScreeningCode::geen_risico, ScreeningCode::risico);
    add(15, ScreeningCode::geen_risico, ScreeningCode::geen_risico);
    audit.agreement.overall = measure_agreement(units, screening_code_count, audit.bootstrap);
    audit.agreement.by_pair = {{"An / Bo", audit.agreement.overall}};
    const std::string html = audit_section_html(audit, TextLanguage::english);
    CHECK(html.find("0.40 (95% bootstrap ") != std::string::npos);
    CHECK(html.find("Landis &amp; Koch: fair; below 0.61 (substantial)") != std::string::npos);
    CHECK(html.find("35 / 50: 70.0%") != std::string::npos);
    CHECK(html.find("data-audit-table=\"agreement_pairs\"") != std::string::npos);
    CHECK(html.find("<td>An / Bo</td><td class=\"num\">50</td><td class=\"num\">70.0% (") != std::string::npos);
    CHECK(html.find("<th class=\"num\">kappa (95% bootstrap)</th>") != std::string::npos);
}

TEST_CASE("the disparity chart: a point per group with a ratio, the band, 1, and marks in words") {
    const GroupAudit province = province_audit();
    const std::string svg = disparity_chart_svg(province.pooled, FairBand{}, TextLanguage::english);
    CHECK(occurrences(svg, "<g class=\"group\"") == 4);
    CHECK(occurrences(svg, "<circle class=\"point") == 3);  // the empty group has no ratio
    CHECK(svg.find("no ratio") != std::string::npos);
    CHECK(occurrences(svg, "<line class=\"band-edge\"") == 2);
    CHECK(occurrences(svg, "<line class=\"parity\"") == 1);
    CHECK(occurrences(svg, "<rect class=\"fair-band\"") == 1);
    CHECK(occurrences(svg, "<path class=\"interval\"") == 2);  // the reference has no interval
    // Log scale over 280 units from x = 190: 0.25 at 190, 1 at 330, 4 at 470; 0.8 at 307.5 and
    // 0.4 at 237.5 (190 + 280 ln(0.4 / 0.25) / ln 16).
    CHECK(svg.find("<line class=\"parity\" x1=\"330.0\"") != std::string::npos);
    CHECK(svg.find("<line class=\"band-edge\" x1=\"307.5\"") != std::string::npos);
    CHECK(svg.find("<circle class=\"point outside\" cx=\"237.5\"") != std::string::npos);  // Limburg, 0.4
    CHECK(svg.find("data-group=\"Antwerpen\" data-reference=\"true\" data-ratio=\"1.0000\"") != std::string::npos);
    // The ratio, and under it the marks in words.
    CHECK(svg.find(">1.00</text><text x=\"480.0\" y=\"29.5\" text-anchor=\"start\" class=\"marks\">reference</text>") !=
          std::string::npos);
    CHECK(svg.find(">0.40 (0.14 \xE2\x80\x93 1.13)</text>") != std::string::npos);
    CHECK(svg.find("class=\"marks\">outside the band</text>") != std::string::npos);
    CHECK(svg.find("<circle class=\"point too-few\"") != std::string::npos);
    CHECK(svg.find("class=\"marks\">too few to judge</text>") != std::string::npos);
    // Escaped in attributes and text.
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("data-group=\"&lt;b&gt;Noord&lt;/b&gt; &amp; &#39;Zuid&#39;\" data-too-few=\"true\"") !=
          std::string::npos);

    const std::string dutch = disparity_chart_svg(province.pooled, FairBand{0.9, 1.1}, TextLanguage::dutch);
    CHECK(dutch.find(">0,40 (0,14 \xE2\x80\x93 1,13)</text>") != std::string::npos);
    CHECK(dutch.find("class=\"marks\">buiten de band</text>") != std::string::npos);
    CHECK(dutch.find("te weinig om te beoordelen") != std::string::npos);
    CHECK(dutch.find(">0,90</text>") != std::string::npos);
    CHECK(dutch.find(">(leeg)</text>") != std::string::npos);
}

TEST_CASE("the group audit table: escaped names, reference and too-few marks, what the figures rest on") {
    const AuditReport audit = one_category_audit();
    const std::string html = audit_section_html(audit, TextLanguage::english);
    CHECK(html.find("<b>Noord") == std::string::npos);
    CHECK(html.find("<tr class=\"too-few\"><td>&lt;b&gt;Noord&lt;/b&gt; &amp; &#39;Zuid&#39;</td>") !=
          std::string::npos);
    CHECK(html.find("<td>reference</td>") != std::string::npos);
    CHECK(html.find("<td>too few to judge</td>") != std::string::npos);
    CHECK(html.find("Fair band: 0.80 \xE2\x80\x93 1.25 (edges included)") != std::string::npos);
    CHECK(html.find("FDR (share without confirmed risk among the selected) = screened-only labels") !=
          std::string::npos);
    CHECK(html.find("FOR (share of confirmed risk in the control sample) = control sample") != std::string::npos);
    CHECK(html.find("Reference group: Antwerpen (the largest group); pooled over 2 batches") != std::string::npos);
    CHECK(html.find("data-disparity=\"province\"") != std::string::npos);
    CHECK(html.find("<h4>province</h4>") != std::string::npos);  // no field dictionary: the name
    CHECK(html.find("<th class=\"num\">FOR</th><th>note</th>") != std::string::npos);
    CHECK(html.find("Blind: the control sample and the second codes") != std::string::npos);
    CHECK(html.find("Reasons opened before coding: \xE2\x80\x93 (0).") != std::string::npos);
}

TEST_CASE("an empty audit still says what it would show") {
    AuditReport audit;
    audit.settings.today = *parse_iso_date("2024-07-01");
    const std::string html = audit_section_html(audit, TextLanguage::dutch);
    CHECK(html.find("Batches van de eerste tot en met de laatste; labels per 2024-07-01.") != std::string::npos);
    CHECK(html.find("Geen dubbel gecodeerde dossiers met beide codes in deze periode.") != std::string::npos);
    CHECK(html.find("Geen groeperingen in de gegevens.") != std::string::npos);
    CHECK(html.find("Redenen geopend v\xC3\xB3\xC3\xB3r het coderen: \xE2\x80\x93 (0).") != std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK(html.find("nan") == std::string::npos);
}

TEST_CASE("the report page carries the audit section only when given, and the JSON its audit") {
    Report report;
    report.first_day = *parse_iso_date("2024-01-01");
    report.period.to = *parse_iso_date("2024-06-30");
    const AuditReport audit = one_category_audit();
    HtmlReportOptions options;
    options.language = TextLanguage::english;
    const std::string without = report_to_html(report, options);
    CHECK(without.find("id=\"audit\"") == std::string::npos);
    options.audit = &audit;
    const std::string with = report_to_html(report, options);
    CHECK(with.find("<section class=\"audit\" id=\"audit\">") != std::string::npos);
    CHECK(with.find("<script") == std::string::npos);
    CHECK(with.find("http://") == std::string::npos);
    CHECK(with.find("https://") == std::string::npos);

    FieldDictionary fields;
    FieldSpec province;
    province.name = "province";
    province.label_nl = "Provincie";
    province.label_en = "Province";
    fields.fields.push_back(province);
    options.fields = &fields;
    CHECK(report_to_html(report, options).find("<h4>Province (province)</h4>") != std::string::npos);

    CHECK_FALSE(parse_json_strict(report_to_json(report))->contains("audit"));
    const Checked<Json> json = parse_json_strict(report_to_json(report, &audit));
    REQUIRE(json.ok());
    CHECK((*json)["audit"] == audit_to_json(audit));
    CHECK((*json)["audit"]["agreement"]["overall"]["kappa"]["value"].is_null());
    CHECK((*json)["audit"]["agreement"]["overall"]["kappa"]["undefined"] ==
          "undefined: every code is the same (chance agreement is complete)");
    CHECK((*json)["audit"]["automation_bias"]["reasons_opened"]["not_recorded"] == 0);
}
