// Wilson and Katz intervals.
#include "core/evaluation/proportion_interval.hpp"

#include <algorithm>
#include <cmath>

namespace radar {

std::optional<Interval> wilson_interval(double successes, double trials) {
    if (!(trials > 0.0)) return std::nullopt;
    const double p = successes / trials;
    const double z2 = z_95 * z_95;
    const double denominator = 1.0 + z2 / trials;
    const double centre = (p + z2 / (2.0 * trials)) / denominator;
    const double half = z_95 / denominator * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials));
    return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

RatioEstimate katz_ratio(double x1, double n1, double x2, double n2) {
    RatioEstimate estimate;
    if (!(n1 > 0.0 && n2 > 0.0 && x2 > 0.0)) return estimate;
    estimate.ratio = (x1 / n1) / (x2 / n2);
    if (!(x1 > 0.0)) return estimate;
    const double spread = z_95 * std::sqrt(std::max(0.0, 1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2));
    estimate.interval = Interval{*estimate.ratio * std::exp(-spread), *estimate.ratio * std::exp(spread)};
    return estimate;
}

}  // namespace radar
