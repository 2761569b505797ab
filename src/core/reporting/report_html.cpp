// The printable HTML report. Coordinates and numbers are formatted with integer arithmetic so the
// page is byte-identical natively and in WebAssembly.
#include "core/reporting/report_html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/reporting/audit_html.hpp"
#include "core/reporting/report_charts.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/report_period.hpp"
#include "core/reporting/report_summary.hpp"

namespace radar {
namespace {

using Html = std::string;

std::string colour(std::uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFFu));
    return text;
}

struct Words {
    const char* title;
    const char* brand_line;
    const char* key_figures;
    const char* unique;
    const char* possible_risk;
    const char* screenings;
    const char* follow_ups;
    const char* follow_up_detail;  // "%s afgerond · %s lopend · %s te laat"
    const char* of_unique;
    const char* summary;
    const char* charts;
    const char* tables;
    const char* lift_title;
    const char* top_group;
    const char* control_group;
    const char* no_data;
    const char* interval;
    const char* footer;
    const char* method;
    const char* shares_note;
};

constexpr Words dutch_words{
    "Standaardrapportage screening",
    "Dossier Radar \xC2\xB7 risicogestuurde screening van kinderopvangdossiers",
    "Kerncijfers",
    "unieke dossiers gescreend",
    "als mogelijk risico ge\xC3\xABvalueerd",
    "screenings",
    "opvolgingen opgezet",
    "%s afgerond \xC2\xB7 %s lopend \xC2\xB7 %s over de vervaldatum",
    "van de unieke dossiers",
    "Samenvatting",
    "Grafieken",
    "Tabellen",
    "Trefkans: top van de lijst tegenover de controlesteekproef",
    "Top-N",
    "Controlesteekproef",
    "Geen screenings in deze periode.",
    "95%-betrouwbaarheidsinterval",
    "Lokaal gemaakt door Dossier Radar op %s uit de screeningsgeschiedenis; deze pagina laadt niets van buiten "
    "en verstuurt niets.",
    "Trefkans = aandeel mogelijk risico onder de gescreende dossiers; 95%-interval volgens Wilson, verschil volgens "
    "Newcombe.",
    "Aandelen staan als percentage; de CSV- en JSON-export bevatten dezelfde cijfers als fractie.",
};

constexpr Words english_words{
    "Standard screening report",
    "Dossier Radar \xC2\xB7 risk-based screening of childcare dossiers",
    "Key figures",
    "unique dossiers screened",
    "evaluated as a possible risk",
    "screenings",
    "follow-ups set up",
    "%s done \xC2\xB7 %s open \xC2\xB7 %s overdue",
    "of the unique dossiers",
    "Summary",
    "Charts",
    "Tables",
    "Hit rate: top of the list against the control sample",
    "Top N",
    "Control sample",
    "No screenings in this period.",
    "95% confidence interval",
    "Made locally by Dossier Radar on %s from the screening history; this page loads nothing from elsewhere and "
    "sends nothing.",
    "Hit rate = share of possible risk among the screened dossiers; 95% interval by Wilson, difference by Newcombe.",
    "Shares are shown as percentages; the CSV and JSON exports hold the same figures as fractions.",
};

const Words& words(TextLanguage language) { return language == TextLanguage::dutch ? dutch_words : english_words; }

std::string format_words(const char* pattern, const std::string& a, const std::string& b, const std::string& c) {
    std::string out;
    const std::string* values[] = {&a, &b, &c};
    std::size_t next = 0;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '%' && p[1] == 's' && next < 3) {
            out += *values[next++];
            ++p;
        } else {
            out += *p;
        }
    }
    return out;
}

constexpr const char* style_sheet = R"CSS(
:root { --ink: #1c242c; --muted: #5f6c78; --rule: #d6dce2; --band: #124052; --soft: #f3f6f8; }
* { box-sizing: border-box; }
html { background: #e9edf1; }
body { margin: 0; color: var(--ink); font: 10.5pt/1.45 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.page { max-width: 210mm; margin: 24px auto; background: #fff; padding: 0 0 14mm; box-shadow: 0 2px 14px rgba(20, 40, 60, .16); }
.masthead { background: var(--band); color: #fff; padding: 11mm 16mm 8mm; }
.brand { font-size: 8.5pt; letter-spacing: .06em; text-transform: uppercase; color: #bed6de; }
h1 { font-size: 21pt; margin: 2mm 0 1mm; font-weight: 700; }
.period { font-size: 12pt; margin: 0; color: #e4eff3; }
.notice { display: inline-block; margin-top: 3mm; padding: 1px 8px; border-radius: 3px; background: #f0b03c; color: #281e0a; font-size: 8pt; font-weight: 700; letter-spacing: .05em; }
.content { padding: 0 16mm; }
h2 { font-size: 13pt; color: var(--band); margin: 8mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.5px solid var(--band); break-after: avoid; }
h3 { font-size: 10.5pt; margin: 5mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 7px; text-align: left; vertical-align: top; border-bottom: 1px solid #e6eaee; }
thead th { background: #ecf1f4; border-bottom: 1.5px solid var(--rule); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; }
td.num, td:first-child { white-space: nowrap; }
table.wide { font-size: 8pt; }
table.wide th, table.wide td { padding: 3px 4px; }
table.meta { margin-top: 5mm; font-size: 9pt; }
table.meta th { width: 30%; color: var(--muted); font-weight: 600; background: none; }
table.meta td { overflow-wrap: anywhere; }
table.meta td.mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; break-inside: avoid; }
.card { border: 1px solid var(--rule); border-top: 3px solid var(--band); border-radius: 3px; padding: 2.5mm 3mm; }
.card .value { font-size: 19pt; font-weight: 700; line-height: 1.1; }
.card .label { color: var(--muted); font-size: 8.5pt; }
.card .detail { font-size: 8pt; color: var(--muted); margin-top: 1mm; }
.summary { font-size: 11pt; line-height: 1.55; background: var(--soft); border-left: 3px solid var(--band); padding: 3mm 4mm; margin: 0; }
figure { margin: 0 0 6mm; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 1.5mm; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
svg text { fill: var(--ink); font-size: 10px; }
svg .axis { fill: var(--muted); }
svg .grid { stroke: #e3e8ec; stroke-width: 1; }
svg .baseline { stroke: #9aa6b0; stroke-width: 1; }
svg .inside { font-size: 9px; }
svg .total { font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 2mm 5mm; font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
.patterns { position: absolute; width: 0; height: 0; }
.swatch { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.empty, .note { color: var(--muted); font-size: 9pt; }
.table-block { break-inside: avoid; }
h4 { font-size: 10pt; margin: 4mm 0 1.5mm; break-after: avoid; }
table.agreement { width: auto; margin: 2mm 0; }
tr.too-few td { color: var(--muted); }
tr.total td { font-weight: 600; }
svg .fair-band { fill: #dcefe3; }
svg .band-edge { stroke: #3d8b5a; stroke-width: 1.5; }
svg .parity { stroke: #5f6c78; stroke-width: 1; stroke-dasharray: 3 3; }
svg .interval { stroke: #1c242c; stroke-width: 1.5; fill: none; }
svg .point { fill: #124052; }
svg .point.outside { fill: #c0392b; }
svg .point.too-few { fill: #fff; stroke: #124052; stroke-width: 1.5; }
svg.disparity text { font-size: 11px; }
svg.disparity .band-label { fill: #3d8b5a; font-size: 10px; }
svg.disparity .marks { fill: var(--muted); font-size: 10px; }
footer { margin: 8mm 16mm 0; padding-top: 2mm; border-top: 1px solid var(--rule); color: var(--muted); font-size: 8pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html, body { background: #fff; }
  .page { margin: 0; max-width: none; box-shadow: none; padding: 0; }
  .masthead { padding: 6mm 6mm 5mm; }
  .content { padding: 0; }
  footer { margin: 6mm 0 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
)CSS";

Html bar_rect(double x, double y, double width, double height, const ChartSeries& series, const std::string& category,
              std::size_t value) {
    return "<rect class=\"bar\" x=\"" + svg_coordinate(x) + "\" y=\"" + svg_coordinate(y) + "\" width=\"" + svg_coordinate(width) +
           "\" height=\"" + svg_coordinate(height) + "\" fill=\"" + colour(series.colour) + "\" data-series=\"" +
           html_escape(series.label) + "\" data-category=\"" + html_escape(category) + "\" data-value=\"" +
           std::to_string(value) + "\"><title>" + html_escape(category) + " \xC2\xB7 " + html_escape(series.label) + ": " +
           std::to_string(value) + "</title></rect>";
}

// A number on a bar, in its series' label colour (white on the dark bars, dark on the amber one).
Html bar_number(double x, double y, std::size_t value, const ChartSeries& series) {
    return "<text x=\"" + svg_coordinate(x) + "\" y=\"" + svg_coordinate(y) + "\" text-anchor=\"middle\" class=\"inside\" fill=\"" +
           colour(series.label_colour) + "\">" + std::to_string(value) + "</text>";
}

Html text(double x, double y, const std::string& content, const char* css_class, const char* anchor = "middle") {
    return "<text x=\"" + svg_coordinate(x) + "\" y=\"" + svg_coordinate(y) + "\" text-anchor=\"" + anchor + "\"" +
           (css_class[0] ? std::string(" class=\"") + css_class + "\"" : std::string()) + ">" + html_escape(content) +
           "</text>";
}

// The patterns over the bars of a stacked chart's second and third series (stripes, dots), so that
// the series differ by more than colour, as in the app: dark marks under white numbers, light ones
// under dark numbers. Defined once in the page (pattern_definitions).
constexpr const char* pattern_definitions =
    "<svg class=\"patterns\" aria-hidden=\"true\" focusable=\"false\"><defs>"
    "<pattern id=\"stripes-dark\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"1.6\" height=\"5\" fill=\"#000\" fill-opacity=\"0.3\"/></pattern>"
    "<pattern id=\"stripes-light\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"1.6\" height=\"5\" fill=\"#fff\" fill-opacity=\"0.5\"/></pattern>"
    "<pattern id=\"dots-dark\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
    "<circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"#000\" fill-opacity=\"0.3\"/></pattern>"
    "<pattern id=\"dots-light\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
    "<circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"#fff\" fill-opacity=\"0.6\"/></pattern>"
    "</defs></svg>";

// The pattern of the chart's `series`th series, or "" (a single series, or the first).
std::string pattern_of(const BarChart& chart, std::size_t series) {
    if (chart.series.size() < 2 || series == 0) return "";
    return std::string(series == 1 ? "stripes" : "dots") + (chart.series[series].label_colour == 0xFFFFFF ? "-dark" : "-light");
}

// A rectangle filled with a pattern over a bar (nothing without a pattern).
Html pattern_rect(double x, double y, double width, double height, const std::string& pattern) {
    if (pattern.empty()) return "";
    return "<rect x=\"" + svg_coordinate(x) + "\" y=\"" + svg_coordinate(y) + "\" width=\"" + svg_coordinate(width) +
           "\" height=\"" + svg_coordinate(height) + "\" fill=\"url(#" + pattern + ")\" pointer-events=\"none\"/>";
}

Html legend(const BarChart& chart) {
    Html out = "<div class=\"legend\">";
    for (std::size_t i = 0; i < chart.series.size(); ++i)
        out += "<span><svg class=\"swatch\" viewBox=\"0 0 9 9\" aria-hidden=\"true\"><rect width=\"9\" height=\"9\" fill=\"" +
               colour(chart.series[i].colour) + "\"/>" + pattern_rect(0, 0, 9, 9, pattern_of(chart, i)) + "</svg>" +
               html_escape(chart.series[i].label) + "</span>";
    return out + "</div>";
}

// Categories along the bottom, stacked series upwards, the total above each bar.
Html vertical_chart(const BarChart& chart) {
    constexpr double width = 720, left = 40, right = 10, top = 18;
    const bool slanted = chart.categories.size() > 12;
    const double bottom = slanted ? 52 : 26, height = 230;
    const double plot_height = height - top - bottom, plot_width = width - left - right;
    const ChartAxis axis = chart_axis(chart.max_total());
    const double slot = plot_width / static_cast<double>(std::max<std::size_t>(chart.categories.size(), 1));
    const double bar_width = std::min(slot * 0.66, 56.0);
    auto y_of = [&](std::size_t value) {
        return top + plot_height - plot_height * static_cast<double>(value) / static_cast<double>(axis.top);
    };
    Html svg = "<svg viewBox=\"0 0 " + svg_coordinate(width) + " " + svg_coordinate(height) + "\" role=\"img\" aria-label=\"" +
               html_escape(chart.title) + "\">";
    for (std::size_t tick = 0; tick <= axis.top; tick += axis.step) {
        const double y = y_of(tick);
        svg += "<line class=\"grid\" x1=\"" + svg_coordinate(left) + "\" x2=\"" + svg_coordinate(width - right) + "\" y1=\"" +
               svg_coordinate(y) + "\" y2=\"" + svg_coordinate(y) + "\"/>";
        svg += text(left - 6, y + 3.5, std::to_string(tick), "axis", "end");
    }
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        const double x = left + slot * static_cast<double>(i) + (slot - bar_width) / 2;
        std::size_t below = 0;
        for (const ChartSeries& series : chart.series) {
            const std::size_t value = series.values[i];
            const double y = y_of(below + value), bar_height = y_of(below) - y;
            svg += bar_rect(x, y, bar_width, bar_height, series, chart.categories[i], value);
            const auto index = static_cast<std::size_t>(&series - chart.series.data());
            if (value > 0) svg += pattern_rect(x, y, bar_width, bar_height, pattern_of(chart, index));
            if (value > 0 && chart.series.size() > 1 && bar_height >= 13 && bar_width >= 18)
                svg += bar_number(x + bar_width / 2, y + bar_height / 2 + 3.5, value, series);
            below += value;
        }
        svg += text(x + bar_width / 2, y_of(below) - 4, std::to_string(below), "total");
        const double label_x = x + bar_width / 2, label_y = top + plot_height + 14;
        if (slanted)
            svg += "<text x=\"" + svg_coordinate(label_x) + "\" y=\"" + svg_coordinate(label_y) + "\" text-anchor=\"end\" " +
                   "class=\"axis\" transform=\"rotate(-45 " + svg_coordinate(label_x) + " " + svg_coordinate(label_y) + ")\">" +
                   html_escape(chart.categories[i]) + "</text>";
        else
            svg += text(label_x, label_y, chart.categories[i], "axis");
    }
    svg += "<line class=\"baseline\" x1=\"" + svg_coordinate(left) + "\" x2=\"" + svg_coordinate(width - right) + "\" y1=\"" +
           svg_coordinate(top + plot_height) + "\" y2=\"" + svg_coordinate(top + plot_height) + "\"/>";
    return svg + "</svg>";
}

// Categories down the side, stacked series to the right, the total after each bar.
Html horizontal_chart(const BarChart& chart) {
    constexpr double width = 720, left = 110, right = 40, row = 26, top = 6;
    const double height = top * 2 + row * static_cast<double>(chart.categories.size());
    const double plot_width = width - left - right;
    const ChartAxis axis = chart_axis(chart.max_total());
    auto x_of = [&](std::size_t value) {
        return left + plot_width * static_cast<double>(value) / static_cast<double>(axis.top);
    };
    Html svg = "<svg viewBox=\"0 0 " + svg_coordinate(width) + " " + svg_coordinate(height) + "\" role=\"img\" aria-label=\"" +
               html_escape(chart.title) + "\">";
    for (std::size_t tick = 0; tick <= axis.top; tick += axis.step)
        svg += "<line class=\"grid\" x1=\"" + svg_coordinate(x_of(tick)) + "\" x2=\"" + svg_coordinate(x_of(tick)) + "\" y1=\"" +
               svg_coordinate(top) + "\" y2=\"" + svg_coordinate(height - top) + "\"/>";
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        const double y = top + row * static_cast<double>(i) + 4, bar_height = row - 8;
        svg += text(left - 8, y + bar_height / 2 + 3.5, chart.categories[i], "axis", "end");
        std::size_t before = 0;
        for (const ChartSeries& series : chart.series) {
            const std::size_t value = series.values[i];
            const double x = x_of(before), bar_width = x_of(before + value) - x;
            svg += bar_rect(x, y, bar_width, bar_height, series, chart.categories[i], value);
            const auto index = static_cast<std::size_t>(&series - chart.series.data());
            if (value > 0) svg += pattern_rect(x, y, bar_width, bar_height, pattern_of(chart, index));
            if (value > 0 && bar_width >= 20)
                svg += bar_number(x + bar_width / 2, y + bar_height / 2 + 3.5, value, series);
            before += value;
        }
        svg += text(x_of(before) + 5, y + bar_height / 2 + 3.5, std::to_string(before), "total", "start");
    }
    svg += "<line class=\"baseline\" x1=\"" + svg_coordinate(left) + "\" x2=\"" + svg_coordinate(left) + "\" y1=\"" +
           svg_coordinate(top) + "\" y2=\"" + svg_coordinate(height - top) + "\"/>";
    return svg + "</svg>";
}

Html chart_figure(const BarChart& chart, TextLanguage language) {
    Html out = "<figure class=\"chart\" data-chart=\"" + html_escape(chart.table) + "\"><figcaption>" +
               html_escape(chart.title) + "</figcaption>";
    if (chart.categories.empty()) return out + "<p class=\"empty\">" + words(language).no_data + "</p></figure>";
    out += chart.horizontal ? horizontal_chart(chart) : vertical_chart(chart);
    if (chart.series.size() > 1 || !chart.horizontal) out += legend(chart);
    return out + "</figure>";
}

// Two hit rates on a 0–100% scale with their 95% intervals as whiskers.
Html lift_figure(const Report& report, TextLanguage language) {
    const Words& w = words(language);
    Html out = "<figure class=\"chart\" data-chart=\"lift\"><figcaption>" + html_escape(w.lift_title) + "</figcaption>";
    if (!report.lift.available) {
        const std::string sentence = language == TextLanguage::dutch
                                         ? "Er werd geen controlesteekproef gescreend in deze periode, dus de cijfers "
                                           "zeggen niet of de score beter werkt dan het toeval."
                                         : "No control sample was screened in this period, so the figures do not show "
                                           "whether the score does better than chance.";
        return out + "<p class=\"note\">" + html_escape(sentence) + "</p></figure>";
    }
    constexpr double width = 720, left = 120, right = 230, row = 34, top = 6, axis_room = 18;
    const double plot_width = width - left - right, height = top + row * 2 + axis_room;
    auto x_of = [&](double rate) { return left + plot_width * std::clamp(rate, 0.0, 1.0); };
    Html svg = "<svg viewBox=\"0 0 " + svg_coordinate(width) + " " + svg_coordinate(height) + "\" role=\"img\" aria-label=\"" +
               html_escape(w.lift_title) + "\">";
    for (int tick = 0; tick <= 100; tick += 25) {
        const double x = x_of(tick / 100.0);
        svg += "<line class=\"grid\" x1=\"" + svg_coordinate(x) + "\" x2=\"" + svg_coordinate(x) + "\" y1=\"" + svg_coordinate(top) +
               "\" y2=\"" + svg_coordinate(top + row * 2) + "\"/>";
        svg += text(x, top + row * 2 + 13, std::to_string(tick) + "%", "axis");
    }
    const struct {
        const char* label;
        const Proportion& proportion;
        std::uint32_t fill;
    } rows[] = {{w.top_group, report.lift.top, 0x124052}, {w.control_group, report.lift.control, control_colour}};
    for (std::size_t i = 0; i < 2; ++i) {
        const Proportion& p = rows[i].proportion;
        const double y = top + row * static_cast<double>(i) + 7, bar_height = row - 14, middle = y + bar_height / 2;
        svg += text(left - 8, middle + 3.5, rows[i].label, "axis", "end");
        svg += "<rect class=\"rate\" x=\"" + svg_coordinate(left) + "\" y=\"" + svg_coordinate(y) + "\" width=\"" +
               svg_coordinate(x_of(p.rate) - left) + "\" height=\"" + svg_coordinate(bar_height) + "\" fill=\"" +
               colour(rows[i].fill) + "\" fill-opacity=\"0.85\"/>";
        const std::string low = svg_coordinate(x_of(p.low)), high = svg_coordinate(x_of(p.high));
        svg += "<path class=\"interval\" d=\"M" + low + " " + svg_coordinate(middle) + "H" + high + "M" + low + " " +
               svg_coordinate(middle - 6) + "V" + svg_coordinate(middle + 6) + "M" + high + " " + svg_coordinate(middle - 6) + "V" +
               svg_coordinate(middle + 6) + "\" stroke=\"#1c242c\" stroke-width=\"1.5\" fill=\"none\"/>";
        const std::string label = format_percent(p.rate, language) + "  (" + std::to_string(p.hits) + "/" +
                                  std::to_string(p.total) + "; " + format_percent(p.low, language) + " \xE2\x80\x93 " +
                                  format_percent(p.high, language) + ")";
        svg += text(left + plot_width + 14, middle + 3.5, label, "total", "start");
    }
    svg += "</svg>";
    out += svg;
    std::string detail = language == TextLanguage::dutch ? "Verschil top-N \xE2\x88\x92 controle: " : "Difference top N \xE2\x88\x92 control: ";
    detail += format_percent(report.lift.difference, language) + " (" + w.interval + " " +
              format_percent(report.lift.difference_low, language) + " \xE2\x80\x93 " +
              format_percent(report.lift.difference_high, language) + ")";
    if (report.lift.lift) detail += "; lift " + fixed_decimals(*report.lift.lift, 2, language) + "\xC3\x97";
    return out + "<p class=\"note\">" + html_escape(detail) + ". " + html_escape(w.method) + "</p></figure>";
}

Html data_table(const ReportTable& table, TextLanguage language) {
    Html out = "<section class=\"table-block\" id=\"table-" + html_escape(table.name) + "\"><h3>" +
               html_escape(report_table_title(table.name, language)) + "</h3>" +
               (table.caption.empty() ? "" : "<p class=\"note definition\">" + html_escape(table.caption) + "</p>") + "<table" +
               (table.header.size() > 7 ? " class=\"wide\"" : "") + " data-table=\"" +
               html_escape(table.name) + "\"><thead><tr>";
    auto numeric = [&](std::size_t column) { return column < table.numeric.size() && table.numeric[column]; };
    for (std::size_t c = 0; c < table.header.size(); ++c)
        out += std::string(numeric(c) ? "<th class=\"num\">" : "<th>") + html_escape(table.header[c]) + "</th>";
    out += "</tr></thead><tbody>";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out += "<tr>";
        for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            out += std::string(numeric(c) ? "<td class=\"num\" data-raw=\"" + html_escape(table.rows[r][c]) + "\">" : "<td>") +
                   html_escape(readable_cell(table, r, c, language)) + "</td>";
        out += "</tr>";
    }
    return out + "</tbody></table></section>";
}

// The "summary" table as the header's reproducibility block; its paragraph row is shown below as
// the summary itself.
Html meta_table(const ReportTable& table, const std::string& paragraph) {
    Html out = "<table class=\"meta\" id=\"table-summary\" data-table=\"summary\"><tbody>";
    for (const auto& row : table.rows) {
        if (row.size() < 2 || row[1] == paragraph) continue;
        const bool hashes = row[0].find("sha256") != std::string::npos;
        out += "<tr><th>" + html_escape(row[0]) + "</th><td" + (hashes ? " class=\"mono\"" : "") + ">" +
               html_escape(row[1]) + "</td></tr>";
    }
    return out + "</tbody></table>";
}

Html card(const std::string& value, const std::string& label, const std::string& detail) {
    return "<div class=\"card\"><div class=\"value\">" + html_escape(value) + "</div><div class=\"label\">" +
           html_escape(label) + "</div>" + (detail.empty() ? "" : "<div class=\"detail\">" + html_escape(detail) + "</div>") +
           "</div>";
}

Html key_figures(const Report& r, TextLanguage language) {
    const Words& w = words(language);
    const double share = r.unique_dossiers == 0 ? 0.0
                                                : static_cast<double>(r.possible_risk_dossiers) /
                                                      static_cast<double>(r.unique_dossiers);
    Html out = "<div class=\"cards\">";
    out += card(grouped_count(r.unique_dossiers, language), w.unique, "");
    out += card(grouped_count(r.possible_risk_dossiers, language), w.possible_risk,
                format_percent(share, language) + " " + w.of_unique);
    out += card(grouped_count(r.screenings.total, language), w.screenings, "");
    out += card(grouped_count(r.follow_ups.opened, language), w.follow_ups,
                format_words(w.follow_up_detail, grouped_count(r.follow_ups.done, language),
                             grouped_count(r.follow_ups.open, language), grouped_count(r.follow_ups.overdue, language)));
    return out + "</div>";
}

// The question as asked, the answer in Dutch and in English, and its table.
std::string parliament_section(const ParliamentAnswer& answer, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::string html = "<section class=\"parliament\" id=\"parliamentary-question\">\n<h2>" +
                       html_escape(nl ? "Antwoord op de parlementaire vraag" : "Answer to the parliamentary question") +
                       "</h2>\n<p class=\"note\">" + html_escape(parliament_question_reference(language)) +
                       "</p>\n<blockquote lang=\"nl\">" + html_escape(parliament_question_text()) + "</blockquote>\n";
    html += "<p lang=\"nl\" id=\"parliament-nl\">" + html_escape(parliament_answer_text(answer, TextLanguage::dutch)) + "</p>\n";
    html += "<p lang=\"en\" id=\"parliament-en\">" + html_escape(parliament_answer_text(answer, TextLanguage::english)) +
            "</p>\n";
    ReportTable table = parliament_answer_table(answer, language);
    table.caption.clear();  // the paragraphs above say it
    return html + data_table(table, language) + "\n</section>";
}

}  // namespace

std::string report_to_html(const Report& report, const HtmlReportOptions& options) {
    const TextLanguage language = options.language;
    const Words& w = words(language);
    const std::vector<ReportTable> tables = report_tables(report, language);
    const std::string& paragraph = language == TextLanguage::dutch ? report.summary_nl : report.summary_en;
    const std::string period = period_label({report.first_day, report.period.to}, language);

    Html page = "<!DOCTYPE html>\n<html lang=\"";
    page += language == TextLanguage::dutch ? "nl" : "en";
    // The policy forbids every fetch (scripts, images, fonts, frames): the page stays self-contained.
    page += "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    page += html_escape(std::string(w.title) + " \xE2\x80\x93 " + period) + "</title>\n<style>" + style_sheet +
            "</style>\n</head>\n<body>\n" + pattern_definitions + "\n<div class=\"page\">\n<header class=\"masthead\"><div class=\"brand\">" +
            html_escape(w.brand_line) + "</div><h1>" + html_escape(w.title) + "</h1><p class=\"period\">" +
            html_escape(period) + "</p>";
    if (!options.notice.empty()) page += "<span class=\"notice\">" + html_escape(options.notice) + "</span>";
    page += "</header>\n<main class=\"content\">\n";
    for (const ReportTable& table : tables)
        if (table.name == "summary") page += meta_table(table, paragraph) + "\n";
    page += "<h2>" + html_escape(w.key_figures) + "</h2>\n" + key_figures(report, language) + "\n";
    page += "<h2>" + html_escape(w.summary) + "</h2>\n<p class=\"summary\" id=\"summary\">" + html_escape(paragraph) +
            "</p>\n";
    if (options.parliament) page += parliament_section(*options.parliament, language) + "\n";
    page += "<h2>" + html_escape(w.charts) + "</h2>\n";
    for (const BarChart& chart : report_charts(report, language)) page += chart_figure(chart, language) + "\n";
    page += lift_figure(report, language) + "\n";
    if (options.audit) page += audit_section_html(*options.audit, language, options.fields) + "\n";
    page += "<h2>" + html_escape(w.tables) + "</h2>\n<p class=\"note\">" + html_escape(w.shares_note) + "</p>\n";
    for (const ReportTable& table : tables)
        if (table.name != "summary") page += data_table(table, language) + "\n";
    page += "</main>\n<footer>" + html_escape(format_words(w.footer, format_date_time(report.generated_at, options.utc_offset, options.language), "", "")) +
            "</footer>\n</div>\n</body>\n</html>\n";
    return page;
}

}  // namespace radar
