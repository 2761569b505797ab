// Converting a browser wheel event's deltas to ImGui wheel steps.
#include "platform/wheel_steps.hpp"

namespace radar::platform {

WheelSteps wheel_steps(double delta_x, double delta_y, int delta_mode) {
    double per_step = 100.0;  // pixels per notch
    if (delta_mode == static_cast<int>(WheelDeltaMode::lines)) per_step = 3.0;
    if (delta_mode == static_cast<int>(WheelDeltaMode::pages)) per_step = 1.0 / 1.5;
    return WheelSteps{static_cast<float>(-delta_x / per_step), static_cast<float>(-delta_y / per_step)};
}

}  // namespace radar::platform
