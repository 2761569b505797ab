// Scroll chaining, as browsers do it, decided over plain numbers. Dear ImGui 1.86 gives a wheel
// turn to one window: the one under the pointer, or the nearest parent when that child cannot
// scroll at all (or is marked NoScrollWithMouse). A list that has reached its end therefore keeps
// the wheel, and content below it is out of the wheel's reach. Here, when the window ImGui picks
// is already at its end in the wheel's direction, the turn goes to the nearest outer window that
// can still move that way, with that window's own step.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace radar::app {

enum class ScrollAxis { horizontal, vertical };

// One window on one axis, as ImGui knows it (pixels).
struct ScrollBox {
    float scroll = 0.0f;      // Scroll: how far it is scrolled
    float scroll_max = 0.0f;  // ScrollMax: 0 when everything fits
    float font_size = 0.0f;   // CalcFontSize(): the wheel's step follows it
    float view_size = 0.0f;   // InnerRect's width or height: a step is at most two thirds of it
    bool no_scroll_with_mouse = false;  // ImGuiWindowFlags_NoScrollWithMouse
    bool no_mouse_inputs = false;       // ImGuiWindowFlags_NoMouseInputs
};

// The outer window to scroll and where to: its scroll after the turn, within 0..scroll_max.
struct ChainedScroll {
    std::size_t window = 0;  // index into the chain
    float scroll = 0.0f;
};

// `chain`: the window the wheel goes to (under the pointer) first, then its parents out to the
// top-level window. `wheel`: ImGui's wheel steps on `axis`, positive towards the start (up, left).
// Returns the outer window that takes the turn instead, or nothing when ImGui's own choice stands
// (that window can still move, or no outer window can).
std::optional<ChainedScroll> chained_scroll(const std::vector<ScrollBox>& chain, ScrollAxis axis, float wheel);

}  // namespace radar::app
