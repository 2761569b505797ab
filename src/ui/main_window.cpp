// Fills the display with one undecorated window and applies the global keyboard shortcuts.
#include "ui/main_window.hpp"

#include <algorithm>

#include "ui/dossier_panel.hpp"
#include "ui/header_bar.hpp"
#include "ui/i18n.hpp"
#include "ui/ranking_view.hpp"

namespace radar::ui {

void draw_main_window(AppState& state, const Fonts& fonts, Shortcuts shortcuts) {
    RankingViewInput input;
    input.focus_filter = shortcuts.focus_search;
    if (shortcuts.toggle_language) set_language(language() == Language::dutch ? Language::english : Language::dutch);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Dossier Radar", nullptr, flags);
    draw_header_bar(state, fonts);
    if (state.selected_row()) {
        // Ranking and dossier side by side; the panel scrolls on its own.
        const float panel_width = std::max(ImGui::GetFontSize() * 24.0f, ImGui::GetContentRegionAvail().x * 0.36f);
        ImGui::BeginChild("ranking_area", ImVec2(-panel_width - ImGui::GetStyle().ItemSpacing.x, 0));
        draw_ranking_view(state, fonts, input);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 255, 255, 255));
        ImGui::BeginChild("dossier_panel", ImVec2(0, 0), true);
        draw_dossier_panel(state, fonts);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    } else {
        draw_ranking_view(state, fonts, input);
    }
    ImGui::End();
}

}  // namespace radar::ui
