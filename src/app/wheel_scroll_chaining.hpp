// The wheel's hand-off from a list at its end to the window around it (issue #21), applied to
// ImGui's windows without changing ImGui: a short window (or 200% zoom) scrolls as a whole, and
// with the pointer over the ranking, the wheel first scrolls the list and then, once the list is
// at its end, the window, as browsers chain nested scrolling. The decision is scroll_chain.hpp's.
#pragma once

namespace radar::app {

// Call each frame just before ImGui::NewFrame(), after the frame's input was handed to ImGui. When
// the window that would take this frame's wheel is at its end in the wheel's direction, scrolls
// the nearest outer window that can still move (ImGui's step for it) and takes the wheel from
// ImGui, axis by axis; otherwise leaves the wheel to ImGui.
void hand_wheel_to_outer_window();

}  // namespace radar::app
