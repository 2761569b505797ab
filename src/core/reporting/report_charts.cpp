// Chart data from the report figures.
#include "core/reporting/report_charts.hpp"

#include <algorithm>

#include "core/reporting/report_export.hpp"

namespace radar {
namespace {

constexpr ScreeningCode all_codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico,
                                       ScreeningCode::verder_onderzoek_nodig};

std::vector<ChartSeries> code_series(TextLanguage language) {
    std::vector<ChartSeries> series;
    for (ScreeningCode code : all_codes) series.push_back({code_label(code, language), code_colour(code), {}, code_label_colour(code)});
    return series;
}

void add_codes(BarChart& chart, const std::string& category, const CodeCounts& codes) {
    chart.categories.push_back(category);
    for (std::size_t i = 0; i < 3; ++i) chart.series[i].values.push_back(codes.count(all_codes[i]));
}

}  // namespace

std::size_t BarChart::total(std::size_t category) const {
    std::size_t sum = 0;
    for (const ChartSeries& s : series) sum += s.values[category];
    return sum;
}

std::size_t BarChart::max_total() const {
    std::size_t largest = 0;
    for (std::size_t i = 0; i < categories.size(); ++i) largest = std::max(largest, total(i));
    return largest;
}

ChartAxis chart_axis(std::size_t largest) {
    ChartAxis axis;
    if (largest == 0) return axis;
    for (std::size_t magnitude = 1;; magnitude *= 10) {
        for (std::size_t factor : {1u, 2u, 5u}) {
            const std::size_t step = factor * magnitude;
            if ((largest + step - 1) / step <= 5) {
                axis.step = step;
                axis.top = (largest + step - 1) / step * step;
                return axis;
            }
        }
    }
}

std::uint32_t code_colour(ScreeningCode code) {
    switch (code) {
        case ScreeningCode::risico: return 0xC4463A;
        case ScreeningCode::geen_risico: return 0x247A50;
        case ScreeningCode::verder_onderzoek_nodig: return 0xC48000;
    }
    return 0x808080;
}

std::uint32_t code_label_colour(ScreeningCode code) {
    return code == ScreeningCode::verder_onderzoek_nodig ? 0x1C242C : 0xFFFFFF;
}

std::vector<BarChart> report_charts(const Report& report, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::vector<BarChart> charts;

    BarChart by_month{"codes_by_month", nl ? "Screenings per maand en code" : "Screenings per month and code", {},
                      code_series(language), false};
    for (const MonthFigures& month : report.months) add_codes(by_month, month.month, month.codes);
    charts.push_back(std::move(by_month));

    BarChart by_band{"by_score_band", nl ? "Screenings per scoreband en code" : "Screenings per score band and code", {},
                     code_series(language), true};
    for (const BreakdownRow& row : report.by_score_band)
        add_codes(by_band, score_band_group_label(row.group, language), row.codes);
    charts.push_back(std::move(by_band));

    BarChart backlog{"months",
                     nl ? "Achterstand aan het einde van elke maand (geselecteerd, nog niet gecodeerd)"
                        : "Backlog at the end of each month (selected, not yet coded)",
                     {},
                     {{nl ? "achterstand" : "backlog", backlog_colour, {}}},
                     false};
    for (const MonthFigures& month : report.months) {
        backlog.categories.push_back(month.month);
        backlog.series[0].values.push_back(month.backlog);
    }
    charts.push_back(std::move(backlog));
    return charts;
}

}  // namespace radar
