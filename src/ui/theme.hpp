// The Dossier Radar look: colours, spacing and fonts, scaled for the screen's pixel density.
#pragma once

#include <imgui.h>

namespace radar::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* strong = nullptr;
    ImFont* title = nullptr;
    bool embedded = false;  // false when ImGui's built-in font had to stand in
};

namespace palette {
constexpr ImU32 header_band = IM_COL32(18, 64, 82, 255);
constexpr ImU32 header_text = IM_COL32(255, 255, 255, 255);
constexpr ImU32 header_muted = IM_COL32(190, 214, 222, 255);
constexpr ImU32 badge = IM_COL32(240, 176, 60, 255);
constexpr ImU32 badge_text = IM_COL32(40, 30, 10, 255);
constexpr ImU32 score_bar = IM_COL32(214, 96, 60, 255);
constexpr ImU32 relief_bar = IM_COL32(70, 150, 110, 255);  // parameters that lower a score
constexpr ImU32 score_bar_track = IM_COL32(232, 236, 240, 255);
constexpr ImU32 error_text = IM_COL32(170, 40, 24, 255);
constexpr ImU32 saved_text = IM_COL32(40, 120, 70, 255);
constexpr ImU32 warning_band = IM_COL32(253, 240, 205, 255);  // storage banner background
constexpr ImU32 muted_text = IM_COL32(96, 108, 120, 255);
}  // namespace palette

// Loads the embedded fonts at `pixel_scale` (device pixels per CSS pixel); falls back to
// ImGui's built-in font when the font file is missing.
Fonts load_fonts(float pixel_scale);
void apply_theme(float pixel_scale);

}  // namespace radar::ui
