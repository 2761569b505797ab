// A section that opens and closes under its header (ImGui's collapsing header), described for the
// accessibility layer as a button that is pressed while the section is open.
#pragma once

#include <string>

namespace radar::ui {

// `label` as shown, `id` unique in the window; open at first when `open_first`. True while open.
bool collapsing_section(const std::string& label, const std::string& id, bool open_first);

}  // namespace radar::ui
