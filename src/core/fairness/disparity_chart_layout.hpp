// Where a disparity chart puts its marks: ratios on a log axis from 1/4 to 4 as fractions of the
// axis (0 at 0.25, 0.5 at 1, 1 at 4), the fair band's edges, the ticks, and per group its ratio and
// interval, clamped to the axis and marked when they lie beyond an end. The Audit tab draws it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/fairness/audit_export.hpp"

namespace radar {

// The chart's axis ends.
constexpr double disparity_axis_low = 0.25;
constexpr double disparity_axis_high = 4.0;

// Where a value lies against the axis.
enum class AxisSide { inside, below, above };

struct AxisPoint {
    double position = 0.0;  // 0..1 along the axis, clamped to it
    AxisSide side = AxisSide::inside;
};

// The place of a ratio on the axis; 0 and below lie below it (a log scale has no place for 0).
AxisPoint disparity_axis_point(double ratio);

struct AxisTick {
    double value = 0.0;
    double position = 0.0;
};

// One group's row of the chart.
struct DisparityChartRow {
    std::string group;
    bool reference = false;
    bool too_few = false;
    std::optional<double> ratio;
    std::optional<Interval> interval;
    std::optional<bool> in_band;        // none without a ratio
    std::optional<AxisPoint> dot;       // the ratio; none without one
    std::optional<AxisPoint> from, to;  // the interval's ends; none without an interval
};

struct DisparityChartLayout {
    double band_from = 0.0;  // the fair band's edges, on the axis
    double band_to = 0.0;
    double one = 0.5;        // the ratio 1
    std::vector<AxisTick> ticks;  // 0.25, 0.5, 0.8, 1, 1.25, 2, 4
    std::vector<DisparityChartRow> rows;  // the table's groups, in its order
};

// The group's disparity for the metric.
const Disparity& group_disparity(const GroupFigures& figures, DisparityMetric metric);

DisparityChartLayout disparity_chart_layout(const GroupTable& table, DisparityMetric metric, const FairBand& band);

}  // namespace radar
