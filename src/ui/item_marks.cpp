// Widget boxes and screen requests, kept in the marks the app hung on the ImGui context.
#include "ui/item_marks.hpp"

namespace radar::ui {

void use_view_marks(ViewMarks& marks) { ImGui::GetIO().UserData = &marks; }

ViewMarks& view_marks() { return *static_cast<ViewMarks*>(ImGui::GetIO().UserData); }

void note_last_item(const std::string& name) { note_widget(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void note_widget(const std::string& name, ImVec2 min, ImVec2 max) {
    view_marks().widgets[name] = WidgetBox{min.x, min.y, max.x, max.y};
}

void request_screen(Screen screen) { view_marks().requested_screen = screen; }

}  // namespace radar::ui
