// The group audit's disparity chart, drawn with ImGui's draw list under a grouping's table: one row
// per group with its name, its ratio to the reference as a dot and its interval as a whisker on a
// log axis (0.25 to 4), the fair band shaded, a line at 1, and every mark also said in text.
#pragma once

#include <string>

#include "core/fairness/disparity_chart_layout.hpp"

namespace radar::ui {

// Draws the chart in the window's remaining width; when the window is narrow, each row's texts
// stand over its plot instead of beside it. The page's layer gets it as an image under `key`
// named `title` and what each row says, in words.
void draw_disparity_chart(const DisparityChartLayout& layout, const std::string& key, const std::string& title);

}  // namespace radar::ui
