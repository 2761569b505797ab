// Whether a text field is editing right now (see the header).
#include "ui/text_field_focus.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace radar::ui {

bool text_field_is_editing() {
    const ImGuiContext& context = *ImGui::GetCurrentContext();
    return context.ActiveId != 0 && context.InputTextState.ID == context.ActiveId;
}

}  // namespace radar::ui
