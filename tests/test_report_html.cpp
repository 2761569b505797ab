// The printable HTML report: escaping, every table present, chart bars equal to the table
// numbers, the series told apart by pattern as well as colour, nothing loaded from elsewhere;
// and the period chooser's calendar periods.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/reporting/report_charts.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/report_html.hpp"
#include "core/reporting/report_period.hpp"
#include "core/screening/screening_state.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

ScreeningEvent batch(const char* id, const char* batch_id, const char* time, std::vector<BatchMember> members) {
    ScreeningEvent event = base(id, time, "");
    BatchCommitted payload;
    payload.batch_id = batch_id;
    payload.month = std::string(batch_id).substr(0, 7);
    payload.ranked_total = 100;
    payload.members = std::move(members);
    event.payload = payload;
    return event;
}

// Two months, a control sample, a corrected code, a pending dossier, and a province name that
// would be markup if it were not escaped.
ScreeningState history(bool with_control) {
    std::vector<ScreeningEvent> events{
        batch("b1", "2024-01", "2024-01-02T08:00:00.000Z",
              {{"KO-1", SelectionKind::top_n, 1}, {"KO-2", SelectionKind::top_n, 2}, {"KO-3", SelectionKind::top_n, 30},
               {"KO-4", with_control ? SelectionKind::control : SelectionKind::top_n, 80}}),
        coded("e1", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01", "2024-01-10T09:00:00.000Z"),
        coded("e2", "KO-2", ScreeningCode::geen_risico, "2024-01-11", "2024-01", "2024-01-11T09:00:00.000Z"),
        corrected("e3", "e2", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-11", "2024-01-11T10:00:00.000Z"),
        coded("e4", "KO-4", ScreeningCode::geen_risico, "2024-01-12", "2024-01", "2024-01-12T09:00:00.000Z"),
        batch("b2", "2024-02", "2024-02-01T08:00:00.000Z",
              {{"KO-5", SelectionKind::top_n, 1}, {"KO-6", SelectionKind::top_n, 12}}),
        coded("e5", "KO-5", ScreeningCode::risico, "2024-02-05", "2024-02", "2024-02-05T09:00:00.000Z"),
        coded("e6", "KO-1", ScreeningCode::geen_risico, "2024-02-20", "", "2024-02-20T09:00:00.000Z"),
    };
    return fold_events(std::move(events));
}

const char* const hostile = "<script>alert('x')</script> & \"Noord\"";

Report report_for(bool with_control) {
    ReportSettings settings;
    settings.as_of = day("2024-03-01");
    settings.generated_at = at("2024-03-01T12:00:00.000Z");
    FrozenBatch frozen;
    frozen.month = "2024-01";
    frozen.dataset_hash = "0123abcd";
    frozen.model_version_id = "default-v1<b>";
    const std::map<std::string, DossierAttributes> attributes{
        {"KO-1", {hostile, "groepsopvang"}}, {"KO-2", {"Limburg", "gezinsopvang"}}, {"KO-4", {"Limburg", "gezinsopvang"}}};
    return build_report(history(with_control), {frozen}, attributes, {day("2024-01-01"), day("2024-02-29")}, settings);
}

std::string attribute(const std::string& element, const std::string& name) {
    const std::string key = " " + name + "=\"";
    const auto start = element.find(key);
    if (start == std::string::npos) return "";
    const auto value_start = start + key.size();
    return element.substr(value_start, element.find('"', value_start) - value_start);
}

std::string unescape(std::string text) {
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : entities)
        for (auto at_ = text.find(entity); at_ != std::string::npos; at_ = text.find(entity, at_ + 1))
            text.replace(at_, std::string(entity).size(), plain);
    return text;
}

// The bars of one chart figure: (category, series) -> value.
std::map<std::pair<std::string, std::string>, std::string> bars_of(const std::string& html, const std::string& chart) {
    std::map<std::pair<std::string, std::string>, std::string> bars;
    const auto start = html.find("data-chart=\"" + chart + "\"");
    REQUIRE(start != std::string::npos);
    const auto end = html.find("</figure>", start);
    for (auto at_ = html.find("<rect class=\"bar\"", start); at_ < end; at_ = html.find("<rect class=\"bar\"", at_ + 1)) {
        const std::string element = html.substr(at_, html.find('>', at_) - at_);
        bars[{unescape(attribute(element, "data-category")), unescape(attribute(element, "data-series"))}] =
            attribute(element, "data-value");
    }
    return bars;
}

}  // namespace

TEST_CASE("html_escape neutralises markup and quotes") {
    CHECK(html_escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    CHECK(html_escape("geëvalueerd – ok") == "geëvalueerd – ok");
}

TEST_CASE("the HTML report escapes every text from the data") {
    const std::string html = report_to_html(report_for(true), {TextLanguage::dutch, "SYNTHETISCHE <DEMO>"});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Noord&quot;") != std::string::npos);
    CHECK(html.find("default-v1&lt;b&gt;") != std::string::npos);
    CHECK(html.find("SYNTHETISCHE &lt;DEMO&gt;") != std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
}

TEST_CASE("the HTML report holds every table, the summary and the header data") {
    for (const TextLanguage language : {TextLanguage::dutch, TextLanguage::english}) {
        const Report report = report_for(true);
        const std::string html = report_to_html(report, {language, ""});
        CAPTURE(static_cast<int>(language));
        CHECK(html.find(language == TextLanguage::dutch ? "<html lang=\"nl\">" : "<html lang=\"en\">") != std::string::npos);
        const std::string& paragraph = language == TextLanguage::dutch ? report.summary_nl : report.summary_en;
        CHECK(html.find(html_escape(paragraph)) != std::string::npos);
        CHECK(html.find("0123abcd") != std::string::npos);
        CHECK(html.find("2024-03-01T12:00:00.000Z") != std::string::npos);
        const auto tables = report_tables(report, language);
        REQUIRE(tables.size() == 15);  // 11 before the four outcome tables
        for (const ReportTable& table : tables) {
            CAPTURE(table.name);
            CHECK(html.find("data-table=\"" + table.name + "\"") != std::string::npos);
            for (const std::string& header : table.header)
                if (table.name != "summary") CHECK(html.find(">" + html_escape(header) + "</th>") != std::string::npos);
            for (const auto& row : table.rows) {
                if (row.back() == paragraph) continue;  // the summary row is the paragraph itself
                for (std::size_t c = 0; c < row.size(); ++c) {
                    if (row[c].empty()) continue;
                    // Numbers keep their exact table text in data-raw; text cells appear as they are.
                    const bool numeric = table.numeric[c] && table.name != "summary";
                    CAPTURE(row[c]);
                    CHECK(html.find(numeric ? "data-raw=\"" + row[c] + "\"" : html_escape(row[c])) != std::string::npos);
                }
            }
        }
    }
}

TEST_CASE("every chart bar equals its table's number") {
    const Report report = report_for(true);
    for (const TextLanguage language : {TextLanguage::dutch, TextLanguage::english}) {
        const std::string html = report_to_html(report, {language, ""});
        const auto tables = report_tables(report, language);
        const auto charts = report_charts(report, language);
        REQUIRE(charts.size() == 3);
        for (const BarChart& chart : charts) {
            CAPTURE(chart.table);
            const auto table = std::find_if(tables.begin(), tables.end(), [&](const ReportTable& t) { return t.name == chart.table; });
            REQUIRE(table != tables.end());
            const auto bars = bars_of(html, chart.table);
            CHECK(bars.size() == chart.categories.size() * chart.series.size());
            CHECK(chart.categories.size() == table->rows.size());
            std::size_t checked = 0;
            for (const auto& row : table->rows)
                for (std::size_t c = 1; c < table->header.size(); ++c) {
                    const auto bar = bars.find({row[0], table->header[c]});
                    if (bar == bars.end()) continue;
                    CHECK(bar->second == row[c]);
                    ++checked;
                }
            CHECK(checked == bars.size());
        }
    }
    // Known values: January has one Risico; the top 10% band two (KO-1 and KO-5).
    const std::string html = report_to_html(report, {TextLanguage::dutch, ""});
    CHECK(bars_of(html, "codes_by_month")[{"2024-01", "Risico"}] == "1");
    CHECK(bars_of(html, "by_score_band")[{"top 10%", "Risico"}] == "2");
    CHECK(bars_of(html, "months")[{"2024-01", "achterstand"}] == "1");
}

TEST_CASE("the stacked charts' series differ by pattern too, and the numbers on the amber bars are dark") {
    const std::string html = report_to_html(report_for(true), {TextLanguage::dutch, ""});
    CHECK(html.find("<pattern id=\"stripes-dark\"") != std::string::npos);
    CHECK(html.find("fill=\"url(#stripes-dark)\"") != std::string::npos);  // geen risico: white numbers
    CHECK(html.find("fill=\"url(#dots-light)\"") != std::string::npos);    // verder onderzoek: dark numbers
    CHECK(html.find("class=\"inside\" fill=\"#1C242C\"") != std::string::npos);
    CHECK(html.find("class=\"inside\" fill=\"#FFFFFF\"") != std::string::npos);
}

TEST_CASE("the HTML report loads nothing and runs nothing") {
    const std::string html = report_to_html(report_for(true), {TextLanguage::english, ""});
    for (const char* forbidden : {"http://", "https://", "<script", " src=", "@import", "<link", "<img", "<iframe",
                                  "<object", "<embed"}) {
        CAPTURE(forbidden);
        CHECK(html.find(forbidden) == std::string::npos);
    }
    // url() only names the page's own chart patterns ("url(#stripes-dark)").
    for (auto at_ = html.find("url("); at_ != std::string::npos; at_ = html.find("url(", at_ + 1))
        CHECK(html.compare(at_, 5, "url(#") == 0);
    // No event-handler attribute (" onload=", " onclick=" ...); words like " onderzoek" are fine.
    for (auto at_ = html.find(" on"); at_ != std::string::npos; at_ = html.find(" on", at_ + 1)) {
        auto end = at_ + 3;
        while (end < html.size() && std::isalpha(static_cast<unsigned char>(html[end]))) ++end;
        CHECK(html.substr(at_, end - at_ + 1).back() != '=');
    }
    CHECK(html.find("default-src 'none'") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("without a control sample the HTML report says so and shows no hit-rate bars") {
    const Report report = report_for(false);
    REQUIRE_FALSE(report.lift.available);
    const std::string dutch = report_to_html(report, {TextLanguage::dutch, ""});
    CHECK(dutch.find("Er werd geen controlesteekproef gescreend in deze periode") != std::string::npos);
    CHECK(dutch.find("class=\"rate\"") == std::string::npos);
    const std::string with_control = report_to_html(report_for(true), {TextLanguage::dutch, ""});
    CHECK(with_control.find("class=\"rate\"") != std::string::npos);
    CHECK(with_control.find("; lift ") == std::string::npos);  // the control hit rate is 0: no ratio to show
}

TEST_CASE("period choices cover the months, quarters and years up to the reference date") {
    const auto months = period_choices(PeriodKind::month, day("2023-11-15"), day("2024-02-10"), TextLanguage::dutch);
    REQUIRE(months.size() == 4);
    CHECK(months[0].label == "februari 2024");
    CHECK(*months[0].period.from == day("2024-02-01"));
    CHECK(months[0].period.to == day("2024-02-10"));  // the running month ends on the reference date
    CHECK(months[1].period.to == day("2024-01-31"));
    CHECK(months[3].label == "november 2023");
    const auto quarters = period_choices(PeriodKind::quarter, day("2023-11-15"), day("2024-02-10"), TextLanguage::english);
    REQUIRE(quarters.size() == 2);
    CHECK(quarters[0].label == "Q1 2024");
    CHECK(quarters[0].period.to == day("2024-02-10"));
    CHECK(quarters[1].period.to == day("2023-12-31"));
    CHECK(quarters[1].label == "Q4 2023");
    CHECK(period_choices(PeriodKind::quarter, day("2024-05-01"), day("2024-05-01"), TextLanguage::dutch)[0].label ==
          "2e kwartaal 2024");
    const auto years = period_choices(PeriodKind::year, day("2023-11-15"), day("2024-02-10"), TextLanguage::dutch);
    REQUIRE(years.size() == 2);
    CHECK(*years[1].period.from == day("2023-01-01"));
    CHECK(years[1].period.to == day("2023-12-31"));
    const auto all = period_choices(PeriodKind::all_time, day("2023-11-15"), day("2024-02-10"), TextLanguage::dutch);
    REQUIRE(all.size() == 1);
    CHECK_FALSE(all[0].period.from.has_value());
    CHECK(all[0].label == "tot en met 10 februari 2024");
    CHECK(period_choices(PeriodKind::custom, day("2023-11-15"), day("2024-02-10"), TextLanguage::dutch).empty());
    CHECK(period_label({day("2024-01-01"), day("2024-03-31")}, TextLanguage::english) ==
          "1 January 2024 \xE2\x80\x93 31 March 2024");
}

TEST_CASE("chart axes use round steps and shares read as percentages") {
    CHECK(chart_axis(0).top == 1);
    CHECK(chart_axis(3).top == 3);
    CHECK(chart_axis(3).step == 1);
    CHECK(chart_axis(7).step == 2);
    CHECK(chart_axis(7).top == 8);
    CHECK(chart_axis(30).step == 10);
    CHECK(chart_axis(153).step == 50);
    CHECK(chart_axis(153).top == 200);
    const ReportTable lift{"lift", {"group", "n", "rate"}, {false, true, true},
                           {{"top", "7", "0.5714"}, {"lift (top N / control)", "", "2.0000"}}};
    CHECK(readable_cell(lift, 0, 2, TextLanguage::dutch) == "57,1%");
    CHECK(readable_cell(lift, 0, 1, TextLanguage::dutch) == "7");
    CHECK(readable_cell(lift, 1, 2, TextLanguage::english) == "2.00\xC3\x97");
    CHECK(readable_cell(lift, 1, 0, TextLanguage::english) == "lift (top N / control)");
}

TEST_CASE("a period named in a link: a quarter, a month, a year or all time") {
    const auto quarter = parse_linked_period("2026-Q3");
    REQUIRE(quarter);
    CHECK(quarter->kind == PeriodKind::quarter);
    CHECK(*quarter->start == *parse_iso_date("2026-07-01"));
    CHECK(parse_linked_period("2026-q1")->start == parse_iso_date("2026-01-01"));
    const auto month = parse_linked_period("2026-09");
    REQUIRE(month);
    CHECK(month->kind == PeriodKind::month);
    CHECK(*month->start == *parse_iso_date("2026-09-01"));
    CHECK(parse_linked_period("2026")->kind == PeriodKind::year);
    CHECK(parse_linked_period("all")->kind == PeriodKind::all_time);
    CHECK_FALSE(parse_linked_period("all")->start);
    for (const char* wrong : {"", "2026-Q5", "2026-13", "20x6", "Q3-2026", "2026-09-01"})
        CHECK_FALSE(parse_linked_period(wrong));
}
