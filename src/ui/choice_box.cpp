// Combo boxes described to the page's layer: the box before ImGui opens its list (its frame is
// then no longer the last item), the list as the popup window it is drawn in.
#include "ui/choice_box.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"

namespace radar::ui {
namespace {

// The list's first frame is laid out unseen, before ImGui knows its size and place: its entries
// are described from the next frame on, where they are drawn.
bool list_drawn() { return GImGui->CurrentWindow->HiddenFramesCannotSkipItems == 0; }

}  // namespace

bool begin_choice_box(const char* id, const std::string& key, const char* name, const char* shown) {
    fit_next_item_width();
    const WidgetBox box = next_frame_box();
    const ImGuiID widget_id = ImGui::GetID(id);
    const bool disabled = (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    follow_page_focus(key, widget_id);
    const bool open = ImGui::BeginCombo(id, shown);
    AccessibleItem& combo = describe(key, Role::combobox, std::string(name) + ": " + shown, box);
    combo.expanded = open;
    combo.disabled = disabled;
    combo.focused = has_keyboard_focus(widget_id);
    if (open && list_drawn()) describe_current_window(key + "-options", Role::listbox, name);
    return open;
}

bool choice_option(const std::string& key, const char* label, bool selected) {
    const bool chosen = ImGui::Selectable(label, selected);
    if (!list_drawn()) return chosen;
    AccessibleItem& option = describe_last_item(Role::option, label, key + "-option:" + label);
    option.container = key + "-options";
    option.selected = selected;
    return chosen;
}

void end_choice_box() { ImGui::EndCombo(); }

}  // namespace radar::ui
