// Records widget boxes for automation.
#include "ui/item_marks.hpp"

#include <imgui.h>

namespace radar::ui {

void note_last_item(Session& state, const std::string& name) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.note_widget(name, {min.x, min.y, max.x, max.y});
}

}  // namespace radar::ui
