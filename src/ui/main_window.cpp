// Fills the display with one undecorated window and applies the global keyboard shortcuts.
#include "ui/main_window.hpp"

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
    draw_ranking_view(state, fonts, input);
    ImGui::End();
}

}  // namespace radar::ui
