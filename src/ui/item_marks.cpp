// Widget boxes, described widgets and screen requests, kept in the marks the app hung on the
// ImGui context.
#include "ui/item_marks.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>

namespace radar::ui {

namespace {

constexpr const char* screen_codes[] = {"ranking", "model",   "data",       "selection", "screening",
                                        "report",  "storage", "evaluation", "audit"};
constexpr const char* role_codes[] = {"heading", "tablist", "tab",          "button", "checkbox", "textbox", "progressbar",
                                      "table",   "row",     "cell",         "columnheader", "status", "list", "listitem",
                                      "slider",  "spinbutton", "combobox",  "listbox", "option", "dialog", "img", "group",
                                      "paragraph"};

WidgetBox last_item_box() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return WidgetBox{min.x, min.y, max.x, max.y};
}

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

const char* role_code(Role role) { return role_codes[static_cast<int>(role)]; }

void grow_box(WidgetBox& box, const WidgetBox& other) {
    if (box.right <= box.left) {
        box = other;
        return;
    }
    box = WidgetBox{std::min(box.left, other.left), std::min(box.top, other.top), std::max(box.right, other.right),
                    std::max(box.bottom, other.bottom)};
}

void start_describing_frame() { view_marks().accessible.clear(); }

void finish_describing_frame() {
    ViewMarks& marks = view_marks();
    if (!marks.coming_into_view) return;
    const WidgetBox& box = marks.accessible[marks.coming_into_view->item].box;
    if (ImGuiWindow* window = ImGui::FindWindowByID(marks.coming_into_view->window))
        ImGui::ScrollToBringRectIntoView(window, ImRect(box.left, box.top, box.right, box.bottom));
    marks.coming_into_view.reset();
}

AccessibleItem& describe(std::string key, Role role, std::string name, WidgetBox box) {
    ViewMarks& marks = view_marks();
    if (!marks.bring_into_view.empty() && marks.bring_into_view == key) {
        marks.coming_into_view = DescribedInWindow{marks.accessible.size(), GImGui->CurrentWindow->ID};
        marks.bring_into_view.clear();
    }
    AccessibleItem& item = marks.accessible.emplace_back();
    item.key = std::move(key);
    item.role = role;
    item.name = std::move(name);
    item.box = box;
    return item;
}

AccessibleItem& describe_last_item(Role role, std::string name, std::string key) {
    if (key.empty()) {
        char id[16];
        std::snprintf(id, sizeof id, "id:%08x", static_cast<unsigned>(ImGui::GetItemID()));
        key = id;
    }
    AccessibleItem& item = describe(std::move(key), role, std::move(name), last_item_box());
    item.disabled = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
    follow_page_focus(item.key, ImGui::GetItemID());
    item.focused = has_keyboard_focus(ImGui::GetItemID());
    return item;
}

AccessibleItem& note_last_item(const std::string& widget, Role role, std::string name) {
    note_last_item(widget);
    return describe_last_item(role, std::move(name), widget);
}

bool has_keyboard_focus(ImGuiID id) {
    const ImGuiContext& g = *GImGui;
    return id != 0 && g.NavId == id && !g.NavDisableHighlight;
}

void follow_page_focus(const std::string& key, ImGuiID id) {
    std::string& asked = view_marks().page_focus;
    if (id == 0 || asked.empty() || asked != key) return;
    asked.clear();
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    // A field being edited lets go of the keyboard, as when Tab leaves it.
    if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();
    ImGui::FocusWindow(window);
    ImGui::SetFocusID(id, window);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

WidgetBox next_frame_box() {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    return WidgetBox{at.x, at.y, at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight()};
}

AccessibleItem& describe_current_window(std::string key, Role role, std::string name) {
    const ImRect window = GImGui->CurrentWindow->Rect();
    return describe(std::move(key), role, std::move(name), WidgetBox{window.Min.x, window.Min.y, window.Max.x, window.Max.y});
}

AccessibleItem& describe_last_range(Role role, std::string name, double value, double min, double max, double step,
                                    std::string key) {
    AccessibleItem& item = describe_last_item(role, std::move(name), std::move(key));
    item.has_range = true;
    item.value_now = value;
    item.value_min = min;
    item.value_max = max;
    item.value_step = step;
    return item;
}

std::optional<double> take_requested_value(const std::string& key) {
    std::optional<RequestedValue>& requested = view_marks().requested_value;
    if (!requested || requested->key != key) return std::nullopt;
    const double value = requested->value;
    requested.reset();
    return value;
}

void request_screen(Screen screen) { view_marks().requested_screen = screen; }

}  // namespace radar::ui
