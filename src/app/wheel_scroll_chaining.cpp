// The wheel's hand-off to outer windows over ImGui 1.86's own state (see wheel_scroll_chaining.hpp):
// picks the window the way ImGui::UpdateMouseWheel will, in the previous frame's state, and lets
// scroll_chain.hpp decide.
#include "app/wheel_scroll_chaining.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

#include "app/scroll_chain.hpp"

namespace radar::app {

namespace {

// The window UpdateMouseWheel will give the wheel to: the one the wheel is locked to (turned over
// it lately, the mouse not moved since), else the one under the pointer.
ImGuiWindow* wheel_window(const ImGuiContext& g) {
    if (g.WheelingWindow) {
        const float threshold = g.IO.MouseDragThreshold;
        const float dx = g.IO.MousePos.x - g.WheelingWindowRefMousePos.x;
        const float dy = g.IO.MousePos.y - g.WheelingWindowRefMousePos.y;
        const bool moved = ImGui::IsMousePosValid() && dx * dx + dy * dy > threshold * threshold;
        if (!moved && g.WheelingWindowTimer - g.IO.DeltaTime > 0.0f) return g.WheelingWindow;
    }
    return g.HoveredWindow;
}

// `window` on one axis, as scroll_chain.hpp reads it.
ScrollBox scroll_box(const ImGuiWindow& window, ImGuiAxis axis) {
    const bool vertical = axis == ImGuiAxis_Y;
    return ScrollBox{vertical ? window.Scroll.y : window.Scroll.x, vertical ? window.ScrollMax.y : window.ScrollMax.x,
                     window.CalcFontSize(), vertical ? window.InnerRect.GetHeight() : window.InnerRect.GetWidth(),
                     (window.Flags & ImGuiWindowFlags_NoScrollWithMouse) != 0,
                     (window.Flags & ImGuiWindowFlags_NoMouseInputs) != 0};
}

// Hands `wheel` (steps on `axis`) to an outer window if the wheel's window is at its end.
void chain_axis(ImGuiWindow* window, ImGuiAxis axis, float& wheel) {
    if (wheel == 0.0f) return;
    std::vector<ImGuiWindow*> windows;  // `window` and its parents out to its top-level window
    std::vector<ScrollBox> chain;
    for (; window; window = (window->Flags & ImGuiWindowFlags_ChildWindow) ? window->ParentWindow : nullptr) {
        windows.push_back(window);
        chain.push_back(scroll_box(*window, axis));
    }
    const auto chained = chained_scroll(chain, axis == ImGuiAxis_Y ? ScrollAxis::vertical : ScrollAxis::horizontal, wheel);
    if (!chained) return;
    if (axis == ImGuiAxis_Y) ImGui::SetScrollY(windows[chained->window], chained->scroll);
    else ImGui::SetScrollX(windows[chained->window], chained->scroll);
    wheel = 0.0f;
}

}  // namespace

void hand_wheel_to_outer_window() {
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    if (io.MouseWheel == 0.0f && io.MouseWheelH == 0.0f) return;
    // Where UpdateMouseWheel leaves the wheel alone (a widget using it; Ctrl held), so does this.
    if ((g.ActiveId != 0 && g.ActiveIdUsingMouseWheel) ||
        (g.HoveredIdPreviousFrame != 0 && g.HoveredIdPreviousFrameUsingMouseWheel) || io.KeyCtrl)
        return;
    ImGuiWindow* window = wheel_window(g);
    if (!window || window->Collapsed) return;
    // Shift turns the vertical wheel into a horizontal one, as in ImGui (not on macOS).
    const bool shift_across = io.KeyShift && !io.ConfigMacOSXBehaviors;
    if (!shift_across) chain_axis(window, ImGuiAxis_Y, io.MouseWheel);
    chain_axis(window, ImGuiAxis_X, shift_across ? io.MouseWheel : io.MouseWheelH);
}

}  // namespace radar::app
