// The theme's contrast (src/ui/theme_colours.hpp): every text colour on every background it is
// drawn on reaches WCAG 2.1's 4.5:1, or 3:1 for large text (success criterion 1.4.3, issue #21),
// the numbers on the report's chart bars too, whose colours the core draws into the HTML report;
// bars, check marks and the focus frame reach 3:1 against their background (1.4.11).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "core/reporting/report_charts.hpp"
#include "ui/theme_colours.hpp"

using radar::ui::colours::Rgb;

namespace {

// WCAG 2.1's relative luminance of an sRGB colour.
double relative_luminance(Rgb colour) {
    auto linear = [](std::uint8_t channel) {
        const double value = channel / 255.0;
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b);
}

double contrast_ratio(Rgb first, Rgb second) {
    const double a = relative_luminance(first), b = relative_luminance(second);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

}  // namespace

TEST_CASE("the contrast ratio is WCAG's: 21:1 for black on white, 1:1 for a colour on itself") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255}, {0, 0, 0}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({118, 118, 118}, {118, 118, 118}) == doctest::Approx(1.0));
    // #767676 on white is the usual example of just passing 4.5:1.
    CHECK(contrast_ratio({118, 118, 118}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text and background pair of the theme reaches 4.5:1, large text 3:1") {
    for (const auto& pair : radar::ui::colours::text_pairs) {
        const double needed = pair.large ? 3.0 : 4.5;
        INFO(pair.where << ": " << contrast_ratio(pair.foreground, pair.background) << ":1, needs " << needed << ":1");
        CHECK(contrast_ratio(pair.foreground, pair.background) >= needed);
    }
}

TEST_CASE("every mark that carries meaning reaches 3:1 against what it is drawn on") {
    for (const auto& pair : radar::ui::colours::mark_pairs) {
        INFO(pair.where << ": " << contrast_ratio(pair.mark, pair.background) << ":1, needs 3:1");
        CHECK(contrast_ratio(pair.mark, pair.background) >= 3.0);
    }
}

TEST_CASE("the numbers on the report's chart bars reach 4.5:1, and the core draws the theme's chart colours") {
    using namespace radar::ui::colours;
    const auto packed = [](Rgb colour) {
        return static_cast<std::uint32_t>(colour.r) << 16 | static_cast<std::uint32_t>(colour.g) << 8 | colour.b;
    };
    for (const ChartInk& ink : chart_inks) {
        INFO("label " << packed(ink.label) << " on bar " << packed(ink.bar));
        CHECK(contrast_ratio(ink.label, ink.bar) >= 4.5);
    }
    const std::pair<radar::ScreeningCode, ChartInk> codes[] = {
        {radar::ScreeningCode::risico, chart_inks[0]},
        {radar::ScreeningCode::geen_risico, chart_inks[1]},
        {radar::ScreeningCode::verder_onderzoek_nodig, chart_inks[2]}};
    for (const auto& [code, ink] : codes) {
        CHECK(radar::code_colour(code) == packed(ink.bar));
        CHECK(radar::code_label_colour(code) == packed(ink.label));
    }
    CHECK(radar::backlog_colour == packed(chart_backlog));
    CHECK(radar::control_colour == packed(chart_control));
}
