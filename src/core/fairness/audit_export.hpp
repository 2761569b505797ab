// The audit as one JSON document and as bilingual text (Dutch / English labels side by side), with
// a text chart of each group's disparity against the fair band; `radar audit` prints these and the
// app can save them.
#pragma once

#include <string>
#include <vector>

#include "core/fairness/audit_report.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

Json audit_to_json(const AuditReport& report);
std::string audit_to_text(const AuditReport& report);

// Which disparity a chart shows.
enum class DisparityMetric { selection_rate, false_discovery_rate, false_omission_rate };
const char* disparity_metric_key(DisparityMetric metric);  // "selection_rate", "false_discovery_rate", ...

// One line of the chart: a group's ratio and interval on a log scale from 1/4 to 4, the band's
// edges marked '|', 1 marked ':', the ratio '*' and its interval '-' ('<' or '>' past the ends),
// e.g. "Antwerpen        0.91 [0.62-1.34]      --|---*:----|--       ".
struct DisparityChartLine {
    std::string group;
    std::optional<double> ratio;
    std::optional<Interval> interval;
    std::optional<bool> in_band;
    bool too_few = false;
    bool reference = false;
    std::string bar;  // `width` characters
};
std::vector<DisparityChartLine> disparity_chart(const GroupTable& table, DisparityMetric metric, const FairBand& band,
                                                std::size_t width = 41);

}  // namespace radar
