// Widget boxes and screen requests, kept in the marks the app hung on the ImGui context.
#include "ui/item_marks.hpp"

#include <iterator>

namespace radar::ui {

namespace {

constexpr const char* screen_codes[] = {"ranking", "model",   "data",       "selection", "screening",
                                        "report",  "storage", "evaluation", "audit"};

}  // namespace

const char* screen_code(Screen screen) { return screen_codes[static_cast<int>(screen)]; }

std::optional<Screen> screen_from_code(const std::string& code) {
    for (std::size_t i = 0; i < std::size(screen_codes); ++i)
        if (code == screen_codes[i]) return static_cast<Screen>(i);
    return std::nullopt;
}

void use_view_marks(ViewMarks& marks) { ImGui::GetIO().UserData = &marks; }

ViewMarks& view_marks() { return *static_cast<ViewMarks*>(ImGui::GetIO().UserData); }

void note_last_item(const std::string& name) { note_widget(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void note_widget(const std::string& name, ImVec2 min, ImVec2 max) {
    view_marks().widgets[name] = WidgetBox{min.x, min.y, max.x, max.y};
}

void request_screen(Screen screen) { view_marks().requested_screen = screen; }

}  // namespace radar::ui
