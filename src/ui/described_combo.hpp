// A combo box that describes itself for the accessibility layer: the box with its label and
// current choice (expanded while its list is open), and the open list's choices as options.
#pragma once

#include <imgui.h>

#include <string>

namespace radar::ui {

// Replaces ImGui::BeginCombo / Selectable / EndCombo:
//   DescribedCombo combo("##rule", label, preview);
//   if (combo.open()) for (...) if (combo.option(text, chosen)) ...;
//   combo.end();
class DescribedCombo {
public:
    // `id` as for ImGui::BeginCombo; `name` is what the box is for, `preview` its current choice.
    DescribedCombo(const char* id, std::string name, const std::string& preview, ImGuiComboFlags flags = 0);
    bool open() const { return open_; }
    // A choice in the open list (ImGui::Selectable); true when it is picked.
    bool option(const std::string& label, bool selected);
    // ImGui::EndCombo when the list was open.
    void end();

private:
    std::string key_;
    bool open_ = false;
    int options_ = 0;
};

}  // namespace radar::ui
