// Hands the views' described widgets (ViewMarks::accessible) to the page's accessibility layer
// (web/accessibility_layer.js), which mirrors them as ARIA elements over the canvas.
#pragma once

#include "ui/item_marks.hpp"

namespace radar::app {

// After a frame is drawn: keeps its described widgets as JSON for the page, with a new version
// number only when they differ from the previous frame's (the page asks for the version every
// animation frame and for the widgets only when it changed).
void publish_accessible_items(const ui::ViewMarks& marks);

}  // namespace radar::app
