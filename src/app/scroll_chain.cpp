// Scroll chaining over plain numbers: which window a wheel turn scrolls (see scroll_chain.hpp).
#include "app/scroll_chain.hpp"

#include <algorithm>
#include <cmath>

namespace radar::app {

namespace {

// Less than a pixel from its end counts as there: ImGui floors the scroll but not ScrollMax.
constexpr float end_tolerance = 1.0f;

// The window ImGui's UpdateMouseWheel walks to from chain[from]: the first that has something to
// scroll and does not hand the wheel on to its parent, or the top-level window.
std::size_t wheel_window_from(const std::vector<ScrollBox>& chain, std::size_t from) {
    std::size_t at = from;
    while (at + 1 < chain.size() &&
           (chain[at].scroll_max == 0.0f || (chain[at].no_scroll_with_mouse && !chain[at].no_mouse_inputs)))
        ++at;
    return at;
}

bool takes_wheel(const ScrollBox& box) { return !box.no_scroll_with_mouse && !box.no_mouse_inputs; }

bool at_end(const ScrollBox& box, float wheel) {
    return wheel > 0.0f ? box.scroll <= end_tolerance : box.scroll >= box.scroll_max - end_tolerance;
}

// ImGui's step for one wheel step: five lines down or two across, at most two thirds of the view.
float wheel_step(const ScrollBox& box, ScrollAxis axis) {
    const float lines = axis == ScrollAxis::vertical ? 5.0f : 2.0f;
    return std::floor(std::min(lines * box.font_size, box.view_size * 0.67f));
}

}  // namespace

std::optional<ChainedScroll> chained_scroll(const std::vector<ScrollBox>& chain, ScrollAxis axis, float wheel) {
    if (chain.empty() || wheel == 0.0f) return std::nullopt;
    std::size_t at = wheel_window_from(chain, 0);
    if (!takes_wheel(chain[at]) || !at_end(chain[at], wheel)) return std::nullopt;
    while (at + 1 < chain.size()) {
        at = wheel_window_from(chain, at + 1);
        const ScrollBox& outer = chain[at];
        if (!takes_wheel(outer)) return std::nullopt;
        if (!at_end(outer, wheel))
            return ChainedScroll{at, std::clamp(outer.scroll - wheel * wheel_step(outer, axis), 0.0f, outer.scroll_max)};
    }
    return std::nullopt;
}

}  // namespace radar::app
