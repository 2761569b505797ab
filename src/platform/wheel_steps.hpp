// Mouse-wheel input in the units Dear ImGui expects: about one step per notch, positive when the
// content should move towards its start (wheel up, or left). Browsers report a WheelEvent's
// deltaX/deltaY in pixels, lines or pages (deltaMode), positive downwards/rightwards; Emscripten
// 3.1.6's GLFW passes the raw pixels on (about 100 per notch in Chromium), a hundred times too
// far and the wrong way.
#pragma once

#include <functional>

namespace radar::platform {

// WheelEvent.deltaMode.
enum class WheelDeltaMode { pixels = 0, lines = 1, pages = 2 };

struct WheelSteps {
    float horizontal = 0.0f;  // ImGui's MouseWheelH
    float vertical = 0.0f;    // ImGui's MouseWheel
};

// One notch is 100 pixels (Chromium, Edge, Safari) or 3 lines (Firefox); a page counts as one
// and a half notches, since ImGui scrolls at most two thirds of a list per step. Trackpads give
// small pixel deltas, so their steps are fractions; an unknown mode is read as pixels.
WheelSteps wheel_steps(double delta_x, double delta_y, int delta_mode);

// Browser: wheel events over the canvas come here, as steps, instead of through GLFW.
// A no-op natively.
void set_wheel_handler(std::function<void(WheelSteps)> handler);

}  // namespace radar::platform
