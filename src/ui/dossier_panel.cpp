// Dossier panel: reasons as proportional bars (largest first) and a two-column field table.
#include "ui/dossier_panel.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "starter_model.hpp"
#include "ui/i18n.hpp"

namespace radar::ui {
namespace {

void reasons(const AppState& state, std::size_t row) {
    const DossierScore& score = state.scores()[row];
    const auto& terms = StarterModel::terms();
    std::vector<std::size_t> order(terms.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score.contributions[a] > score.contributions[b]; });
    const float largest = score.contributions[order.front()];
    if (largest <= 0.0f) {
        ImGui::TextWrapped("%s", tr(TextId::dossier_no_reasons));
        return;
    }
    const float em = ImGui::GetFontSize();
    const bool dutch = language() == Language::dutch;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t term : order) {
        const float points = score.contributions[term];
        if (points <= 0.0f) break;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float width = em * 6.0f * points / largest;
        draw->AddRectFilled(ImVec2(at.x, at.y + em * 0.2f), ImVec2(at.x + width, at.y + em * 0.9f), palette::score_bar,
                            em * 0.15f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + em * 6.5f, at.y));
        ImGui::Text("%5s  %s", one_decimal(points).c_str(), dutch ? terms[term].label_nl.c_str() : terms[term].label_en.c_str());
    }
}

void fields(const AppState& state, std::size_t row) {
    const Dataset& dataset = state.dataset();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("fields", 2, flags)) return;
    ImGui::TableSetupColumn(tr(TextId::field_column), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(TextId::value_column), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (std::size_t column = 0; column < dataset.columns().size(); ++column) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", dataset.columns()[column].name.c_str());
        ImGui::TableNextColumn();
        if (dataset.columns()[column].is_missing(row)) ImGui::TextDisabled("%s", tr(TextId::missing_value));
        else ImGui::TextWrapped("%s", dataset.cell_text(column, row).c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_dossier_panel(AppState& state, const Fonts& fonts) {
    if (!state.selected_row()) {
        ImGui::TextWrapped("%s", tr(TextId::dossier_panel_hint));
        return;
    }
    const std::size_t row = *state.selected_row();
    ImGui::PushFont(fonts.strong);
    ImGui::TextWrapped("%s", state.name(row).c_str());
    ImGui::PopFont();
    const float close_width = ImGui::CalcTextSize(tr(TextId::close_panel)).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::TextDisabled("%s  \xC2\xB7  %s", state.id(row).c_str(), state.municipality(row).c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - close_width);
    if (ImGui::SmallButton(tr(TextId::close_panel)) ||
        (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        state.select_row(std::nullopt);
    ImGui::Text(tr(TextId::dossier_rank_line), state.rank_of(row), group_thousands(state.dataset().row_count()).c_str(),
                one_decimal(state.scores()[row].points).c_str());
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::dossier_reasons));
    ImGui::PopFont();
    reasons(state, row);
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::dossier_fields));
    ImGui::PopFont();
    fields(state, row);
}

}  // namespace radar::ui
