// Selection screen: the reference date and batch settings, the preview of the reference date's
// month with a reason per dossier, the dossiers held back by the cooldown, committing the batch,
// and the list of batches.
#include "ui/selection_view.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "selection/selection_reasons.hpp"
#include "ui/batch_list_view.hpp"
#include "ui/i18n.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

TextLanguage text_language() { return language() == Language::dutch ? TextLanguage::dutch : TextLanguage::english; }

bool input_count(const char* label, std::uint32_t& value, int low, int high) {
    int number = static_cast<int>(value);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    if (!ImGui::InputInt(label, &number)) return false;
    value = static_cast<std::uint32_t>(std::clamp(number, low, high));
    return true;
}

bool input_months(const char* label, std::int32_t& value, int low, int high) {
    int number = value;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    if (!ImGui::InputInt(label, &number)) return false;
    value = std::clamp(number, low, high);
    return true;
}

// The selection's reference date as YYYY-MM-DD with a "today" button. An invalid entry is refused
// with a message and the last valid date stays in use.
void selection_date_field(AppState& state) {
    static std::array<char, 16> buffer{};
    static std::optional<DayNumber> shown;
    static bool editing = false;
    static bool invalid = false;
    if (!editing && shown != state.selection_date()) {
        // Set by "today" or by automation: mirror it in the box, replacing a refused entry.
        shown = state.selection_date();
        invalid = false;
        const std::string text = format_iso_date(*shown);
        std::snprintf(buffer.data(), buffer.size(), "%s", text.c_str());
    }
    ImGui::TextUnformatted(tr(TextId::selection_date_label));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::selection_date_tooltip));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    const bool entered = ImGui::InputTextWithHint("##selection_date", "YYYY-MM-DD", buffer.data(), buffer.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    editing = ImGui::IsItemActive();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.note_widget("selection-date", {min.x, min.y, max.x, max.y});
    if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
        const std::optional<DayNumber> day = parse_iso_date(buffer.data());
        invalid = !day;
        if (day) {
            shown = *day;
            state.set_selection_date(*day);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::selection_date_today))) {
        state.reset_selection_date();
        shown.reset();  // mirror the date in the box even when it did not change
    }
    if (invalid) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::selection_date_invalid));
        ImGui::PopTextWrapPos();
    }
}

void settings_panel(AppState& state) {
    SelectionSettings& settings = state.selection_settings();
    selection_date_field(state);
    ImGui::Spacing();
    input_count(tr(TextId::selection_capacity), settings.capacity, 1, 1000);
    input_months(tr(TextId::selection_cooldown), settings.cooldown_months, 0, 24);
    input_count(tr(TextId::selection_control), settings.control_size, 0, 100);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::selection_control_tooltip));
    ImGui::Checkbox(tr(TextId::selection_signal_override), &settings.signal_override);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::selection_signal_tooltip));
    ImGui::Checkbox(tr(TextId::selection_floor), &settings.coverage_floor);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::selection_floor_tooltip));
    if (settings.coverage_floor) {
        ImGui::Indent();
        input_months(tr(TextId::selection_floor_months), settings.coverage_floor_months, 1, 120);
        input_count(tr(TextId::selection_floor_limit), settings.coverage_floor_limit, 1, 100);
        ImGui::Unindent();
    }
    ImGui::Checkbox(tr(TextId::selection_exclude_closed), &settings.exclude_closed);
    ImGui::Checkbox(tr(TextId::selection_exclude_enforcement), &settings.exclude_active_enforcement);
}

void strong(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// One dossier of the preview or the held-back list: rank, id, name, (kind,) reason.
void decision_row(const AppState& state, const SelectionOutcome& outcome, const DossierDecision& decision,
                  bool with_kind) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%u", decision.rank);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(decision.dossier_id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(state.name(decision.row).c_str());
    if (with_kind) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(decision_label(decision.decision, text_language()));
    }
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", describe_decision(outcome, decision, text_language()).c_str());
}

void selected_table(const AppState& state, const BatchPreview& preview) {
    const SelectionOutcome& outcome = preview.outcome;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingFixedFit;
    // The preview takes the height the held-back and batch lists below it leave over.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height = std::max(line * 8.0f, ImGui::GetContentRegionAvail().y - line * 16.0f);
    if (!ImGui::BeginTable("preview", 5, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::column_rank));
    ImGui::TableSetupColumn(tr(TextId::column_dossier));
    ImGui::TableSetupColumn(tr(TextId::column_name));
    ImGui::TableSetupColumn(tr(TextId::column_kind));
    ImGui::TableSetupColumn(tr(TextId::column_reason), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t index : outcome.selected) decision_row(state, outcome, outcome.decisions[index], true);
    ImGui::EndTable();
}

void held_back_table(const AppState& state, const BatchPreview& preview) {
    const SelectionOutcome& outcome = preview.outcome;
    if (outcome.held_back.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::selection_none_held_back));
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingFixedFit;
    const float rows = static_cast<float>(std::min<std::size_t>(outcome.held_back.size(), 6) + 1);
    if (!ImGui::BeginTable("held_back", 4, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows * 1.1f))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::column_rank));
    ImGui::TableSetupColumn(tr(TextId::column_dossier));
    ImGui::TableSetupColumn(tr(TextId::column_name));
    ImGui::TableSetupColumn(tr(TextId::column_reason), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t index : outcome.held_back) decision_row(state, outcome, outcome.decisions[index], false);
    ImGui::EndTable();
}

void commit_button(AppState& state, const BatchPreview& preview) {
    const bool edited = state.model_edited();
    const bool blocked = edited || state.storage_mode() == StorageMode::read_only ||
                         state.storage_mode() == StorageMode::opening || state.screener().empty() ||
                         preview.outcome.selected.empty();
    ImGui::BeginDisabled(blocked);
    const bool pressed = ImGui::Button(preview.supplementary ? tr(TextId::commit_supplementary) : tr(TextId::commit_batch));
    ImGui::EndDisabled();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.note_widget("commit-batch", {min.x, min.y, max.x, max.y});
    ImGui::SameLine();
    if (edited) ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::commit_needs_saved_model));
    else if (state.screener().empty()) ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::screener_required));
    else draw_save_status(state, "batch:" + preview.batch_id);
    if (!pressed || blocked) return;
    Checked<CommittedBatch> committed = commit_batch(preview, state.screening(), state.new_stamp());
    if (!committed) return;
    const std::string subject = "batch:" + committed->batch.batch_id;
    state.submit(subject, {committed->event}, committed->batch);
    state.set_screening_batch(committed->batch.batch_id);
}

}  // namespace

void draw_selection_view(AppState& state, const Fonts& fonts) {
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("selection_settings", ImVec2(em * 21.0f, 0), false);
    strong(fonts, tr(TextId::selection_settings));
    settings_panel(state);
    ImGui::Spacing();
    draw_screener_field(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("selection_preview", ImVec2(0, 0), false);
    const Checked<BatchPreview>* preview = state.batch_preview();
    if (!preview) {
        ImGui::TextDisabled("%s", tr(TextId::selection_no_model));
    } else if (!preview->ok()) {
        ImGui::TextColored(ImColor(palette::error_text), tr(TextId::selection_refused), preview->error().c_str());
    } else {
        const BatchPreview& batch = preview->value();
        ImGui::PushFont(fonts.strong);
        ImGui::Text(batch.supplementary ? tr(TextId::preview_title_supplementary) : tr(TextId::preview_title),
                    batch.batch_id.c_str(), batch.outcome.selected.size());
        ImGui::PopFont();
        ImGui::TextDisabled(tr(TextId::preview_provenance), batch.model_version_id.c_str(), batch.dataset_hash.substr(0, 12).c_str(),
                            group_thousands(batch.outcome.eligible_count).c_str());
        selected_table(state, batch);
        commit_button(state, batch);
        ImGui::Spacing();
        ImGui::PushFont(fonts.strong);
        ImGui::Text(tr(TextId::held_back_title), batch.outcome.held_back.size());
        ImGui::PopFont();
        held_back_table(state, batch);
    }
    ImGui::Spacing();
    strong(fonts, tr(TextId::batches_title));
    draw_batch_list(state);
    ImGui::EndChild();
}

}  // namespace radar::ui
