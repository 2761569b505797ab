// The disparity chart's layout on its log axis (see disparity_chart_layout.hpp).
#include "core/fairness/disparity_chart_layout.hpp"

#include <algorithm>
#include <cmath>

namespace radar {

AxisPoint disparity_axis_point(double ratio) {
    if (!(ratio > 0.0)) return {0.0, AxisSide::below};
    const double place = (std::log(ratio) - std::log(disparity_axis_low)) /
                         (std::log(disparity_axis_high) - std::log(disparity_axis_low));
    // A hair of tolerance so that the ends themselves (0.25 and 4) count as inside.
    constexpr double tolerance = 1e-12;
    if (place < -tolerance) return {0.0, AxisSide::below};
    if (place > 1.0 + tolerance) return {1.0, AxisSide::above};
    return {std::min(std::max(place, 0.0), 1.0), AxisSide::inside};
}

const Disparity& group_disparity(const GroupFigures& figures, DisparityMetric metric) {
    switch (metric) {
        case DisparityMetric::selection_rate: return figures.selection_disparity;
        case DisparityMetric::false_discovery_rate: return figures.false_discovery_disparity;
        case DisparityMetric::false_omission_rate: return figures.false_omission_disparity;
    }
    return figures.selection_disparity;
}

DisparityChartLayout disparity_chart_layout(const GroupTable& table, DisparityMetric metric, const FairBand& band) {
    DisparityChartLayout layout;
    layout.band_from = disparity_axis_point(band.low).position;
    layout.band_to = disparity_axis_point(band.high).position;
    layout.one = disparity_axis_point(1.0).position;
    for (double value : {0.25, 0.5, 0.8, 1.0, 1.25, 2.0, 4.0})
        layout.ticks.push_back({value, disparity_axis_point(value).position});
    for (const GroupFigures& figures : table.groups) {
        const Disparity& disparity = group_disparity(figures, metric);
        DisparityChartRow row;
        row.group = figures.group;
        row.reference = figures.reference;
        row.too_few = figures.too_few;
        row.ratio = disparity.ratio;
        row.interval = disparity.interval;
        row.in_band = disparity.in_band;
        if (disparity.ratio) row.dot = disparity_axis_point(*disparity.ratio);
        if (disparity.interval) {
            row.from = disparity_axis_point(disparity.interval->low);
            row.to = disparity_axis_point(disparity.interval->high);
        }
        layout.rows.push_back(std::move(row));
    }
    return layout;
}

}  // namespace radar
