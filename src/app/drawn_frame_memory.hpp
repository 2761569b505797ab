// What the canvas shows: the bytes of the last frame's draw lists drawn on it. A frame whose lists
// are the same draws the same pixels, so drawing it can be skipped and the canvas keeps showing
// the last frame (a browser presents a WebGL canvas only when it was drawn on). An idle page then
// builds its interface every animation frame, so that every change is seen at once, but no
// longer rasterises it: with software rendering that took both cores of these machines.
#pragma once

#include <imgui.h>

#include <string>

namespace radar::app {

class DrawnFrameMemory {
public:
    // True when `draw_data` draws exactly what the canvas shows; otherwise it is remembered as
    // drawn, and the caller draws it. The display size is part of the comparison, so a resized
    // (and so cleared) canvas is drawn again.
    bool same_as_drawn(const ImDrawData& draw_data);
    // The remembered frame was drawn with textures that changed since (the bytes hold a
    // texture's id, not its pixels).
    void forget() { drawn_.clear(); }

private:
    std::string drawn_;
    std::string current_;  // kept between frames for its capacity
};

}  // namespace radar::app
