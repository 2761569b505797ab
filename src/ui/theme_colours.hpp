// The theme's colours as plain RGB values, and every pair of a text colour and the background it
// is drawn on. Pure (no ImGui), so that the core tests can check each pair's WCAG contrast
// (tests/test_theme_contrast.cpp); theme.cpp and the palette take their colours from here.
#pragma once

#include <cstdint>

namespace radar::ui::colours {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

// [SECTION] Backgrounds
constexpr Rgb window{246, 247, 249};
constexpr Rgb white{255, 255, 255};           // child windows, popups, frames, table rows
constexpr Rgb row_alternate{249, 250, 252};
constexpr Rgb table_header{236, 241, 244};
constexpr Rgb button{226, 236, 240};
constexpr Rgb button_hovered{200, 222, 230};
constexpr Rgb button_active{170, 204, 216};   // also a chosen code button
constexpr Rgb header{222, 236, 242};          // a selected row or list item
constexpr Rgb header_hovered{232, 242, 246};
constexpr Rgb header_active{206, 228, 236};
constexpr Rgb frame_hovered{240, 246, 248};
constexpr Rgb frame_active{230, 240, 244};
constexpr Rgb report_panel{243, 246, 248};    // the report's figure panel
constexpr Rgb header_band{18, 64, 82};
constexpr Rgb badge{240, 176, 60};
constexpr Rgb warning_band{253, 240, 205};    // storage banner

// [SECTION] Texts
constexpr Rgb text{28, 36, 44};
constexpr Rgb text_disabled{96, 106, 116};    // secondary texts and hints, not only disabled widgets
constexpr Rgb muted_text{96, 108, 120};
constexpr Rgb header_text{255, 255, 255};
constexpr Rgb header_muted{190, 214, 222};
constexpr Rgb badge_text{40, 30, 10};
constexpr Rgb error_text{170, 40, 24};
constexpr Rgb saved_text{40, 120, 70};

// [SECTION] Screening code chips: text on its own tint
constexpr Rgb risico_chip{250, 222, 218};
constexpr Rgb risico_chip_text{140, 30, 20};
constexpr Rgb geen_risico_chip{218, 240, 226};
constexpr Rgb geen_risico_chip_text{25, 95, 55};
constexpr Rgb verder_onderzoek_chip{252, 236, 200};
constexpr Rgb verder_onderzoek_chip_text{110, 70, 0};
constexpr Rgb unknown_chip{230, 230, 230};
constexpr Rgb unknown_chip_text{30, 30, 30};

// [SECTION] Other marks (not text)
constexpr Rgb border{214, 220, 226};
constexpr Rgb table_border_light{232, 236, 240};
constexpr Rgb scrollbar_grab{196, 204, 212};
constexpr Rgb check_mark{18, 64, 82};
constexpr Rgb nav_highlight{18, 110, 130};
constexpr Rgb score_bar{214, 96, 60};
constexpr Rgb relief_bar{70, 150, 110};       // parameters that lower a score
constexpr Rgb score_bar_track{232, 236, 240};
constexpr Rgb progress_fill{196, 128, 0};      // a progress bar's filled part, its text drawn over it

// [SECTION] The report's charts: each bar colour with the colour of the numbers drawn on it (the
// core draws the same ones into the HTML report: src/core/reporting/report_charts.hpp)
constexpr Rgb chart_risico{196, 70, 58};
constexpr Rgb chart_geen_risico{36, 122, 80};
constexpr Rgb chart_verder_onderzoek{196, 128, 0};  // 3.3:1 on white, dark numbers 4.8:1 on it
constexpr Rgb chart_backlog{60, 110, 150};
constexpr Rgb chart_control{122, 135, 148};  // the control sample's hit rate (no text on it)

struct ChartInk {
    Rgb bar;
    Rgb label;
};
constexpr ChartInk chart_inks[] = {
    {chart_risico, white}, {chart_geen_risico, white}, {chart_verder_onderzoek, text}, {chart_backlog, white}};

// A text colour on a background it is drawn on (the chart bars' numbers are in chart_inks). Large
// text (at least 18.66 CSS px bold or 24 px) needs 3:1, other text 4.5:1 (WCAG 2.1, success criterion 1.4.3).
struct TextPair {
    const char* where;
    Rgb foreground;
    Rgb background;
    bool large = false;
};

constexpr TextPair text_pairs[] = {
    {"text on the window", text, window},
    {"text on a panel, frame or table row", text, white},
    {"text on an alternate table row", text, row_alternate},
    {"text on a table header", text, table_header},
    {"text on a button", text, button},
    {"text on a hovered button", text, button_hovered},
    {"text on a pressed or chosen button", text, button_active},
    {"text on a selected row", text, header},
    {"text on a hovered row", text, header_hovered},
    {"text on a pressed row", text, header_active},
    {"text in a hovered field", text, frame_hovered},
    {"text in an active field", text, frame_active},
    {"text in the report panel", text, report_panel},
    {"text in the storage banner", text, warning_band},
    {"secondary text on the window", text_disabled, window},
    {"secondary text on a panel", text_disabled, white},
    {"secondary text on an alternate row", text_disabled, row_alternate},
    {"secondary text on a selected row", text_disabled, header},
    {"secondary text in the report panel", text_disabled, report_panel},
    {"code explanation beside a button", text_disabled, window},
    {"muted text on the window", muted_text, window},
    {"muted text on a panel", muted_text, white},
    {"muted text in the report panel", muted_text, report_panel},
    {"muted text in the storage banner", muted_text, warning_band},
    {"error on the window", error_text, window},
    {"error on a panel", error_text, white},
    {"error in the storage banner", error_text, warning_band},
    {"white on the forget button", white, error_text},
    {"saved on the window", saved_text, window},
    {"saved on a panel", saved_text, white},
    {"app title on the header band", header_text, header_band, true},
    {"header facts on the header band", header_text, header_band},
    {"tagline on the header band", header_muted, header_band},
    {"synthetic-data badge", badge_text, badge},
    {"new-version button", badge_text, badge},
    {"risico chip", risico_chip_text, risico_chip},
    {"geen risico chip", geen_risico_chip_text, geen_risico_chip},
    {"verder onderzoek chip", verder_onderzoek_chip_text, verder_onderzoek_chip},
    {"unknown code chip", unknown_chip_text, unknown_chip},
    {"chart total or figure on a panel", text, white},
    {"chart axis label on a panel", muted_text, white},
    {"progress text on the filled part", text, progress_fill},
};

// A mark that carries meaning and what it is drawn on: graphical objects need 3:1 (WCAG 2.1,
// success criterion 1.4.11), so a bar or a check mark stands out without its colour's hue.
struct MarkPair {
    const char* where;
    Rgb mark;
    Rgb background;
};

constexpr MarkPair mark_pairs[] = {
    {"risico bar on a panel", chart_risico, white},
    {"risico bar in the report panel", chart_risico, report_panel},
    {"geen risico bar on a panel", chart_geen_risico, white},
    {"geen risico bar in the report panel", chart_geen_risico, report_panel},
    {"verder onderzoek bar on a panel", chart_verder_onderzoek, white},
    {"verder onderzoek bar in the report panel", chart_verder_onderzoek, report_panel},
    {"backlog bar on a panel", chart_backlog, white},
    {"control sample bar on a panel", chart_control, white},
    {"score bar on its track", score_bar, score_bar_track},
    {"lowering bar on its track", relief_bar, score_bar_track},
    {"score bar on a row", score_bar, white},
    {"progress bar's filled part in its frame", progress_fill, white},
    {"check mark in its box", check_mark, white},
    {"keyboard focus frame on the window", nav_highlight, window},
};

}  // namespace radar::ui::colours
