// Audit figures as the screens write them (the Audit tab, the report's audit section), in the
// app's language: a statistic with its bootstrap interval or why it is undefined, a share with
// its Wilson interval, a disparity ratio with its Katz interval.
#pragma once

#include <string>

#include "core/fairness/agreement.hpp"
#include "core/fairness/group_audit.hpp"
#include "core/reporting/report.hpp"

namespace radar::ui {

// "0,71 (0,55 – 0,85)", "87,5% (80,0% – 95,0%)", or why it is undefined (never NaN).
std::string statistic_text(const EstimatedStatistic& statistic, bool as_percent);

// "62,5% (5/8; 30,6% – 86,3%)", or "–" without any.
std::string proportion_text(const Proportion& proportion);

// "0,91 (0,62 – 1,34)" and "buiten de band" when outside it; "–" without a ratio.
std::string disparity_text(const Disparity& disparity);

}  // namespace radar::ui
