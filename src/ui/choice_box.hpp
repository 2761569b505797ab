// A combo box the page's accessibility layer knows: a combobox named after what it chooses and
// what is chosen ("Provincie: Alle provincies"), expanded while its list is open, and the list's
// entries as options of a listbox.
#pragma once

#include <string>

namespace radar::ui {

// Like ImGui::BeginCombo(id, shown) (its width set before, with SetNextItemWidth): true while
// the list is open; then draw the entries with choice_option and close with end_choice_box.
// `key` names it in the layer, `name` says what it chooses.
bool begin_choice_box(const char* id, const std::string& key, const char* name, const char* shown);
// One entry of the open list; true when it was chosen.
bool choice_option(const std::string& key, const char* label, bool selected);
void end_choice_box();

}  // namespace radar::ui
