// The committed batches on the "Selectie" screen: progress and status per batch, the check that
// re-running the rule reproduces a batch, and closing an open batch after a confirmation that
// lists its uncoded dossiers.
#include "ui/batch_list_view.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "session/i18n.hpp"
#include "session/screening_work.hpp"
#include "ui/session_names.hpp"
#include "ui/item_marks.hpp"
#include "ui/theme.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

constexpr const char* close_popup_id = "###close_batch";

// "Batch 2026-11 afsluiten", with an id that does not change with the language or the batch.
std::string dialog_title(const std::string& batch_id) {
    char title[160];
    std::snprintf(title, sizeof title, tr(TextId::close_batch_title), batch_id.c_str());
    return std::string(title) + close_popup_id;
}

void status_cell(const BatchState& batch) {
    if (batch.status() == BatchStatus::open) {
        ImGui::TextUnformatted(tr(TextId::batch_open));
    } else if (!batch.closed_by_user) {
        ImGui::TextUnformatted(tr(TextId::batch_closed));
    } else {
        ImGui::Text(tr(TextId::batch_closed_uncoded), batch.uncoded_at_close.size());
        if (ImGui::IsItemHovered() && !batch.uncoded_at_close.empty()) {
            std::string list;
            for (const std::string& id : batch.uncoded_at_close) list += (list.empty() ? "" : "\n") + id;
            ImGui::SetTooltip("%s", list.c_str());
        }
    }
}

// The outcome of the last check, with the details in a tooltip.
void check_result(const BatchCheck& check) {
    using Outcome = BatchCheck::Outcome;
    ImGui::SameLine();
    if (check.outcome == Outcome::reproduced) {
        ImGui::TextColored(ImColor(palette::saved_text), "%s", tr(TextId::check_reproduced));
        return;
    }
    if (check.outcome == Outcome::differs) ImGui::TextColored(ImColor(palette::error_text), tr(TextId::check_differs), check.differences.size());
    else if (check.outcome == Outcome::dataset_changed) ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::check_dataset_changed));
    else if (check.outcome == Outcome::model_changed) ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::check_model_changed));
    else ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::check_no_record));
    if (!ImGui::IsItemHovered()) return;
    if (check.outcome == Outcome::differs) {
        std::string lines;
        for (const std::string& line : check.differences) lines += (lines.empty() ? "" : "\n") + line;
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
        ImGui::TextUnformatted(lines.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    } else if (!check.recorded.empty()) {
        ImGui::SetTooltip(tr(TextId::check_recorded_current), check.recorded.c_str(), check.current.c_str());
    }
}

// The buttons of one batch row; true when its "close" button asks for the confirmation.
bool action_cell(Session& state, const BatchState& batch) {
    bool close_requested = false;
    ImGui::PushID(batch.batch_id.c_str());
    if (batch.status() == BatchStatus::open) {
        if (ImGui::SmallButton(tr(TextId::open_in_screening))) {
            state.set_screening_batch(batch.batch_id);
            request_screen(Screen::screening);
        }
        ImGui::SameLine();
        const char* blocker = action_blocker(state);
        ImGui::BeginDisabled(*blocker != '\0');
        close_requested = ImGui::SmallButton(tr(TextId::close_batch));
        if (*blocker && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", blocker);
        ImGui::EndDisabled();
        note_last_item("close-batch:" + batch.batch_id);
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(tr(TextId::check_batch))) state.check_batch(batch.batch_id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::check_batch_tooltip));
    note_last_item("check-batch:" + batch.batch_id);
    if (const BatchCheck* check = state.batch_check(batch.batch_id)) check_result(*check);
    // While the close is saving or when it failed; once saved the status column says closed.
    const std::string close_subject = "batch-close:" + batch.batch_id;
    if (const SaveStatus* status = state.save_status(close_subject); status && status->phase != SavePhase::saved) {
        ImGui::SameLine();
        draw_save_status(state, close_subject);
    }
    ImGui::PopID();
    return close_requested;
}

// Lists the uncoded members and closes the batch in one store commit when confirmed.
void close_confirmation(Session& state, CloseDialog& dialog) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 34.0f, 0));
    if (!ImGui::BeginPopupModal(dialog_title(dialog.batch_id).c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    const auto found = state.screening().batches.find(dialog.batch_id);
    if (found == state.screening().batches.end() || found->second.status() != BatchStatus::open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const BatchState& batch = found->second;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextWrapped("%s", counted_text(CountedText::uncoded_at_close, batch.total() - batch.coded_count).c_str());
    ImGui::PopTextWrapPos();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float rows = static_cast<float>(std::min<std::size_t>(batch.total() - batch.coded_count, 10));
    ImGui::BeginChild("uncoded", ImVec2(0, line * rows + ImGui::GetStyle().WindowPadding.y * 2), true);
    for (std::size_t i = 0; i < batch.members.size(); ++i) {
        if (batch.member_coded[i]) continue;
        const std::string& id = batch.members[i].dossier_id;
        const auto row = state.row_of(id);
        ImGui::Text("%s  %s", id.c_str(), row ? state.name(*row).c_str() : "");
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##close_note", tr(TextId::close_batch_note_hint), dialog.note.data(), dialog.note.size());
    if (!dialog.refusal.empty()) ImGui::TextColored(ImColor(palette::error_text), "%s", dialog.refusal.c_str());
    ImGui::Spacing();
    if (ImGui::Button(tr(TextId::close_batch_confirm))) {
        Checked<ScreeningEvent> closed = record_batch_close(state.screening(), state.new_stamp(), batch.batch_id, dialog.note.data());
        if (closed) {
            state.submit("batch-close:" + batch.batch_id, {*closed});
            ImGui::CloseCurrentPopup();
        } else {
            dialog.refusal = closed.error();
        }
    }
    note_last_item("close-confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::cancel))) ImGui::CloseCurrentPopup();
    note_last_item("close-cancel");
    ImGui::EndPopup();
}

}  // namespace

void draw_batch_list(Session& state, CloseDialog& dialog) {
    const auto& batches = state.screening().batches;
    if (batches.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::no_batches));
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("batches", 5, flags)) return;
    ImGui::TableSetupColumn(tr(TextId::column_batch));
    ImGui::TableSetupColumn(tr(TextId::column_progress), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12.0f);
    ImGui::TableSetupColumn(tr(TextId::column_status));
    ImGui::TableSetupColumn(tr(TextId::column_committed_by));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    std::string close_requested;
    // Newest first.
    for (auto it = batches.rbegin(); it != batches.rend(); ++it) {
        const BatchState& batch = it->second;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(batch.batch_id.c_str());
        ImGui::TableNextColumn();
        const float fraction = batch.total() ? static_cast<float>(batch.coded_count) / static_cast<float>(batch.total()) : 0.0f;
        const std::string progress = std::to_string(batch.coded_count) + " / " + std::to_string(batch.total());
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), progress.c_str());
        ImGui::TableNextColumn();
        status_cell(batch);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(batch.committed_by.c_str());
        ImGui::TableNextColumn();
        if (action_cell(state, batch)) close_requested = batch.batch_id;
    }
    ImGui::EndTable();
    if (!close_requested.empty()) {
        dialog = CloseDialog{};
        dialog.batch_id = close_requested;
        ImGui::OpenPopup(close_popup_id);
    }
    close_confirmation(state, dialog);
}

}  // namespace radar::ui
