// The report's bar charts as plain data (categories × stacked series), built from the same
// figures as the report tables, so the HTML page and the app draw bars that match the tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/reporting/report.hpp"

namespace radar {

struct ChartSeries {
    std::string label;  // equal to the header of the table column it shows
    std::uint32_t colour = 0;  // 0xRRGGBB
    std::vector<std::size_t> values;  // one per category
    std::uint32_t label_colour = 0xFFFFFF;  // the numbers drawn on its bars (4.5:1 on `colour`)
};

struct BarChart {
    std::string table;  // the report table (report_tables name) whose numbers the bars show
    std::string title;
    std::vector<std::string> categories;  // equal to that table's first column
    std::vector<ChartSeries> series;      // stacked in this order
    bool horizontal = false;              // categories down the side instead of along the bottom

    std::size_t total(std::size_t category) const;
    std::size_t max_total() const;
};

// A value axis with round ticks: the smallest 1/2/5 × 10^k step giving at most 5 intervals up
// to `largest`; `top` is a multiple of `step` (1 when everything is 0).
struct ChartAxis {
    std::size_t top = 1;
    std::size_t step = 1;
};
ChartAxis chart_axis(std::size_t largest);

// Codes per month (stacked), code × score band (stacked, horizontal) and backlog per month.
std::vector<BarChart> report_charts(const Report& report, TextLanguage language);

// The colour each screening code has in every chart (red, green, amber), and the colour of the
// numbers on its bars (white, white, dark). The app's theme holds the same colours
// (src/ui/theme_colours.hpp), where the contrast test checks them.
std::uint32_t code_colour(ScreeningCode code);
std::uint32_t code_label_colour(ScreeningCode code);
constexpr std::uint32_t backlog_colour = 0x3C6E96;
constexpr std::uint32_t control_colour = 0x7A8794;

}  // namespace radar
