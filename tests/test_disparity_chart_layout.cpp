// The disparity chart's layout (core/fairness/disparity_chart_layout.hpp): positions on the log
// axis from 0.25 to 4 (hand-computed: ln(x / 0.25) / ln 16), the band, the ticks, ends and beyond,
// the metric chosen, and a group without a ratio.
#include <doctest/doctest.h>

#include "core/fairness/disparity_chart_layout.hpp"

using namespace radar;

TEST_CASE("ratios lie on a log axis from 0.25 to 4; past the ends they are clamped and marked") {
    CHECK(disparity_axis_point(0.25).position == doctest::Approx(0.0));
    CHECK(disparity_axis_point(0.25).side == AxisSide::inside);
    CHECK(disparity_axis_point(0.5).position == doctest::Approx(0.25));
    CHECK(disparity_axis_point(1.0).position == doctest::Approx(0.5));
    CHECK(disparity_axis_point(2.0).position == doctest::Approx(0.75));
    CHECK(disparity_axis_point(4.0).position == doctest::Approx(1.0));
    CHECK(disparity_axis_point(4.0).side == AxisSide::inside);
    // 0.8 and 1.25 are mirror images around 1 on a log axis.
    CHECK(disparity_axis_point(0.8).position == doctest::Approx(0.4195).epsilon(1e-3));
    CHECK(disparity_axis_point(1.25).position == doctest::Approx(0.5805).epsilon(1e-3));
    CHECK(disparity_axis_point(0.2).side == AxisSide::below);
    CHECK(disparity_axis_point(0.2).position == 0.0);
    CHECK(disparity_axis_point(0.0).side == AxisSide::below);
    CHECK(disparity_axis_point(9.0).side == AxisSide::above);
    CHECK(disparity_axis_point(9.0).position == 1.0);
}

TEST_CASE("the chart's layout: band, ticks and one row per group with its dot and whisker") {
    GroupTable table;
    GroupFigures figures;
    figures.group = "Antwerpen";
    figures.reference = true;
    figures.selection_disparity.ratio = 1.0;
    figures.selection_disparity.in_band = true;
    table.groups.push_back(figures);
    figures = GroupFigures{};
    figures.group = "Limburg";
    figures.too_few = true;
    figures.selection_disparity.ratio = 2.0;
    figures.selection_disparity.interval = Interval{0.5, 8.0};
    figures.selection_disparity.in_band = false;
    figures.false_discovery_disparity.ratio = 0.5;
    table.groups.push_back(figures);
    figures = GroupFigures{};
    figures.group = "";  // an empty cell's group, no ratio (no selections in the reference group)
    table.groups.push_back(figures);

    const DisparityChartLayout layout =
        disparity_chart_layout(table, DisparityMetric::selection_rate, FairBand{0.9, 1.1});
    CHECK(layout.band_from == doctest::Approx(0.4620).epsilon(1e-3));  // ln(3.6) / ln 16
    CHECK(layout.band_to == doctest::Approx(0.5344).epsilon(1e-3));    // ln(4.4) / ln 16
    CHECK(layout.one == doctest::Approx(0.5));
    REQUIRE(layout.ticks.size() == 7);
    CHECK(layout.ticks.front().value == 0.25);
    CHECK(layout.ticks.back().position == doctest::Approx(1.0));
    REQUIRE(layout.rows.size() == 3);

    CHECK(layout.rows[0].reference);
    REQUIRE(layout.rows[0].dot);
    CHECK(layout.rows[0].dot->position == doctest::Approx(0.5));
    CHECK_FALSE(layout.rows[0].from);

    const DisparityChartRow& limburg = layout.rows[1];
    CHECK(limburg.too_few);
    CHECK(limburg.in_band == false);
    REQUIRE(limburg.dot);
    CHECK(limburg.dot->position == doctest::Approx(0.75));
    REQUIRE(limburg.from);
    REQUIRE(limburg.to);
    CHECK(limburg.from->position == doctest::Approx(0.25));
    CHECK(limburg.from->side == AxisSide::inside);
    CHECK(limburg.to->position == 1.0);
    CHECK(limburg.to->side == AxisSide::above);  // 8 lies past 4: an arrow at the end

    CHECK_FALSE(layout.rows[2].dot);
    CHECK_FALSE(layout.rows[2].in_band);

    const DisparityChartLayout by_fdr =
        disparity_chart_layout(table, DisparityMetric::false_discovery_rate, FairBand{});
    REQUIRE(by_fdr.rows[1].dot);
    CHECK(by_fdr.rows[1].dot->position == doctest::Approx(0.25));
    CHECK_FALSE(by_fdr.rows[1].from);
}
