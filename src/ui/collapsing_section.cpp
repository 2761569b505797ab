// The collapsing header and its description.
#include "ui/collapsing_section.hpp"

#include <imgui.h>

#include "ui/described_widgets.hpp"

namespace radar::ui {

bool collapsing_section(const std::string& label, const std::string& id, bool open_first) {
    const std::string header = label + "##" + id;
    const bool open = ImGui::CollapsingHeader(header.c_str(), open_first ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    describe_disclosure(label, "section:" + id, open);
    return open;
}

}  // namespace radar::ui
