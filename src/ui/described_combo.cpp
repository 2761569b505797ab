// The combo box, its list and its options as the accessibility layer shows them.
#include "ui/described_combo.hpp"

#include <cstdio>
#include <utility>

#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"

namespace radar::ui {

DescribedCombo::DescribedCombo(const char* id, std::string name, const std::string& preview, ImGuiComboFlags flags) {
    // BeginCombo draws its list as a window of its own: the box is measured before.
    fit_next_item_width();
    const WidgetBox box = next_frame_box();
    const ImGuiID widget_id = ImGui::GetID(id);
    char key[24];
    std::snprintf(key, sizeof key, "combo:%08x", static_cast<unsigned>(widget_id));
    key_ = key;
    follow_page_focus(key_, widget_id);
    const std::size_t combo_at = view_marks().accessible.size();
    // "Indeling: Standaardindelingen"; a label that ends in ":" or "=" is followed by the choice at once.
    const bool joined = !name.empty() && (name.back() == ':' || name.back() == '=');
    describe(key_, Role::combobox, name + (joined ? " " : ": ") + preview, box);
    open_ = ImGui::BeginCombo(id, preview.c_str(), flags);
    AccessibleItem& combo = view_marks().accessible[combo_at];
    combo.expanded = open_;
    combo.focused = has_keyboard_focus(widget_id);
    if (open_) describe_current_window(key_ + ":list", Role::listbox, std::move(name));
}

bool DescribedCombo::option(const std::string& label, bool selected) {
    const bool picked = ImGui::Selectable(label.c_str(), selected);
    AccessibleItem& option =
        describe_last_item(Role::option, label.substr(0, label.find("##")), key_ + ":" + std::to_string(options_++));
    option.selected = selected;
    option.container = key_ + ":list";
    return picked;
}

void DescribedCombo::end() {
    if (open_) ImGui::EndCombo();
}

}  // namespace radar::ui
