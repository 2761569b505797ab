// Confidence intervals for the evaluation figures: a proportion (Wilson score interval) and the
// ratio of two independent proportions (Katz log interval), both at 95%.
#pragma once

#include <optional>

namespace radar {

// z for a two-sided 95% interval.
constexpr double z_95 = 1.959963984540054;

struct Interval {
    double low = 0.0;
    double high = 0.0;
};

// `successes` of `trials` (successes may be an expected, fractional count). Wilson score interval:
// (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n). No interval for zero trials.
std::optional<Interval> wilson_interval(double successes, double trials);

// Ratio (x1/n1) / (x2/n2) of two independent proportions and its Katz log interval:
// ratio · exp(±z·sqrt(1/x1 − 1/n1 + 1/x2 − 1/n2)). The ratio needs x2 > 0; the interval also
// needs x1 > 0 (with no successes in the first group the log ratio has no finite bound).
struct RatioEstimate {
    std::optional<double> ratio;
    std::optional<Interval> interval;
};
RatioEstimate katz_ratio(double x1, double n1, double x2, double n2);

}  // namespace radar
