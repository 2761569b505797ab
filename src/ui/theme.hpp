// The Dossier Radar look: colours, spacing and fonts, scaled for the screen's pixel density.
#pragma once

#include <imgui.h>

#include "ui/theme_colours.hpp"

namespace radar::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* strong = nullptr;
    ImFont* title = nullptr;
    bool embedded = false;  // false when ImGui's built-in font had to stand in
};

namespace palette {
constexpr ImU32 packed(colours::Rgb colour) { return IM_COL32(colour.r, colour.g, colour.b, 255); }
constexpr ImU32 header_band = packed(colours::header_band);
constexpr ImU32 header_text = packed(colours::header_text);
constexpr ImU32 header_muted = packed(colours::header_muted);
constexpr ImU32 badge = packed(colours::badge);
constexpr ImU32 badge_text = packed(colours::badge_text);
constexpr ImU32 score_bar = packed(colours::score_bar);
constexpr ImU32 relief_bar = packed(colours::relief_bar);  // parameters that lower a score
constexpr ImU32 score_bar_track = packed(colours::score_bar_track);
constexpr ImU32 error_text = packed(colours::error_text);
constexpr ImU32 saved_text = packed(colours::saved_text);
constexpr ImU32 warning_band = packed(colours::warning_band);  // storage banner background
constexpr ImU32 muted_text = packed(colours::muted_text);
}  // namespace palette

// Loads the embedded fonts at `pixel_scale` (device pixels per CSS pixel); falls back to
// ImGui's built-in font when the font file is missing.
Fonts load_fonts(float pixel_scale);
void apply_theme(float pixel_scale);

}  // namespace radar::ui
