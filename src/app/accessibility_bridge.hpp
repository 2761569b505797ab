// Hands the views' described widgets (ViewMarks::accessible) to the page's accessibility layer
// (web/accessibility_layer.js), which mirrors them as ARIA elements over the canvas.
#pragma once

#include "ui/item_marks.hpp"

namespace radar::app {

// After a frame is drawn: keeps its described widgets for the page, with a new version number
// only when they differ from the previous frame's (the page asks for the version every animation
// frame and for the widgets, as JSON built then, only when it changed), and a new signals version
// when what must be heard at once changed (keyboard focus, dialog, statuses).
void publish_accessible_items(const ui::ViewMarks& marks);

}  // namespace radar::app
