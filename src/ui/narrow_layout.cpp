// Rows that wrap, widths that fit and text wrapped at a readable width, for narrow windows
// (narrow_layout.hpp).
#include "ui/narrow_layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace radar::ui {

bool narrow_room() { return ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 36.0f; }

void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

float choice_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void fit_next_item_width() {
    ImGuiNextItemData& next = GImGui->NextItemData;
    const float room = ImGui::GetContentRegionAvail().x;
    if ((next.Flags & ImGuiNextItemDataFlags_HasWidth) && next.Width > room && room > 0.0f) next.Width = room;
}

void push_readable_wrap(float ems) {
    const float readable = ImGui::GetCursorPosX() + ImGui::GetFontSize() * ems;
    ImGui::PushTextWrapPos(std::min(readable, ImGui::GetWindowContentRegionMax().x));
}

void push_tooltip_wrap(float ems) {
    const float window = ImGui::GetMainViewport()->Size.x - ImGui::GetStyle().WindowPadding.x * 4.0f;
    ImGui::PushTextWrapPos(std::max(ImGui::GetFontSize() * 8.0f, std::min(ImGui::GetFontSize() * ems, window)));
}

}  // namespace radar::ui
