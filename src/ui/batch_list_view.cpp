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
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/session_names.hpp"
#include "ui/table_marks.hpp"
#include "ui/text_widgets.hpp"
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

// "Open", "Afgesloten" or "Afgesloten (3 zonder code)".
std::string status_text(const BatchState& batch) {
    if (batch.status() == BatchStatus::open) return tr(TextId::batch_open);
    if (!batch.closed_by_user) return tr(TextId::batch_closed);
    char text[160];
    std::snprintf(text, sizeof text, tr(TextId::batch_closed_uncoded), batch.uncoded_at_close.size());
    return text;
}

void status_cell(DescribedTable& table, const BatchState& batch) {
    table.text_cell(status_text(batch));
    if (!batch.closed_by_user || batch.uncoded_at_close.empty() || !ImGui::IsItemHovered()) return;
    std::string list;
    for (const std::string& id : batch.uncoded_at_close) list += (list.empty() ? "" : "\n") + id;
    ImGui::SetTooltip("%s", list.c_str());
}

// The outcome of the last check in words.
std::string check_text(const BatchCheck& check) {
    using Outcome = BatchCheck::Outcome;
    if (check.outcome == Outcome::reproduced) return tr(TextId::check_reproduced);
    if (check.outcome == Outcome::dataset_changed) return tr(TextId::check_dataset_changed);
    if (check.outcome == Outcome::model_changed) return tr(TextId::check_model_changed);
    if (check.outcome != Outcome::differs) return tr(TextId::check_no_record);
    char text[160];
    std::snprintf(text, sizeof text, tr(TextId::check_differs), check.differences.size());
    return text;
}

// The outcome of the last check, with the details in a tooltip.
void check_result(const BatchCheck& check, const std::string& batch_id) {
    using Outcome = BatchCheck::Outcome;
    ImGui::SameLine();
    const std::string text = check_text(check);
    const bool reproduced = check.outcome == Outcome::reproduced;
    ImGui::TextColored(ImColor(reproduced ? palette::saved_text : palette::error_text), "%s", text.c_str());
    describe_last_item(Role::status, text, "check-result:" + batch_id);
    if (reproduced || !ImGui::IsItemHovered()) return;
    if (check.outcome == Outcome::differs) {
        std::string lines;
        for (const std::string& line : check.differences) lines += (lines.empty() ? "" : "\n") + line;
        ImGui::BeginTooltip();
        push_tooltip_wrap(40.0f);
        ImGui::TextUnformatted(lines.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    } else if (!check.recorded.empty()) {
        char recorded_current[1024];
        std::snprintf(recorded_current, sizeof recorded_current, tr(TextId::check_recorded_current),
                      check.recorded.c_str(), check.current.c_str());
        show_wrapped_tooltip(recorded_current);
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
        describe_last_item(Role::button, tr(TextId::open_in_screening), "open-in-screening:" + batch.batch_id);
        ImGui::SameLine();
        const char* blocker = action_blocker(state);
        ImGui::BeginDisabled(*blocker != '\0');
        close_requested = ImGui::SmallButton(tr(TextId::close_batch));
        if (*blocker && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) show_wrapped_tooltip(blocker);
        ImGui::EndDisabled();
        note_last_item("close-batch:" + batch.batch_id, Role::button, tr(TextId::close_batch));
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(tr(TextId::check_batch))) state.check_batch(batch.batch_id);
    wrapped_tooltip(tr(TextId::check_batch_tooltip));
    note_last_item("check-batch:" + batch.batch_id, Role::button, tr(TextId::check_batch));
    if (const BatchCheck* check = state.batch_check(batch.batch_id)) check_result(*check, batch.batch_id);
    // While the close is saving or when it failed; once saved the status column says closed.
    const std::string close_subject = "batch-close:" + batch.batch_id;
    if (const SaveStatus* status = state.save_status(close_subject); status && status->phase != SavePhase::saved) {
        ImGui::SameLine();
        draw_save_status(state, close_subject);
    }
    ImGui::PopID();
    return close_requested;
}

// Lists the uncoded members and closes the batch in one store commit when confirmed; Esc cancels.
void close_confirmation(Session& state, CloseDialog& dialog) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 34.0f, ImGui::GetMainViewport()->Size.x), 0));
    const std::string title = dialog_title(dialog.batch_id);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    const auto found = state.screening().batches.find(dialog.batch_id);
    if (found == state.screening().batches.end() || found->second.status() != BatchStatus::open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    constexpr const char* key = "dialog:close-batch";
    const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    describe(key, Role::dialog, title.substr(0, title.find("###")), WidgetBox{at.x, at.y, at.x + size.x, at.y + size.y});
    const BatchState& batch = found->second;
    const std::string uncoded = counted_text(CountedText::uncoded_at_close, batch.total() - batch.coded_count);
    ImGui::PushTextWrapPos(0.0f);
    wrapped_text(uncoded);
    ImGui::PopTextWrapPos();
    describe_last_item(Role::status, uncoded, "close-batch-question").container = key;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float rows = static_cast<float>(std::min<std::size_t>(batch.total() - batch.coded_count, 10));
    ImGui::BeginChild("uncoded", ImVec2(0, line * rows + ImGui::GetStyle().WindowPadding.y * 2), true);
    const std::size_t list_at = view_marks().accessible.size();
    describe_current_window("close-batch-uncoded", Role::list, uncoded).container = key;
    for (std::size_t i = 0; i < batch.members.size(); ++i) {
        if (batch.member_coded[i]) continue;
        const std::string& id = batch.members[i].dossier_id;
        const auto row = state.row_of(id);
        const std::string entry = id + "  " + (row ? state.name(*row) : std::string());
        ImGui::TextUnformatted(entry.c_str());
        describe_last_item(Role::listitem, entry, "close-batch-uncoded:" + id).container = "close-batch-uncoded";
    }
    ImGui::EndChild();
    // The list's own window clips what is scrolled away: its box is the child's frame.
    view_marks().accessible[list_at].box =
        WidgetBox{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y};
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##close_note", tr(TextId::close_batch_note_hint), dialog.note.data(), dialog.note.size());
    note_last_item("close-note", Role::textbox, tr(TextId::close_batch_note_hint)).container = key;
    view_marks().accessible.back().value = dialog.note.data();
    if (!dialog.refusal.empty()) {
        ImGui::TextColored(ImColor(palette::error_text), "%s", dialog.refusal.c_str());
        describe_last_item(Role::status, dialog.refusal, "close-batch-refusal").container = key;
    }
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
    note_last_item("close-confirm", Role::button, tr(TextId::close_batch_confirm)).container = key;
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    note_last_item("close-cancel", Role::button, tr(TextId::cancel)).container = key;
    ImGui::EndPopup();
}

}  // namespace

void draw_batch_list(Session& state, CloseDialog& dialog) {
    const auto& batches = state.screening().batches;
    if (batches.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::no_batches));
        describe_last_item(Role::status, tr(TextId::no_batches), "no-batches");
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("batches", 5, flags)) return;
    ImGui::TableSetupColumn(tr(TextId::column_batch));
    ImGui::TableSetupColumn(tr(TextId::column_progress), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12.0f);
    ImGui::TableSetupColumn(tr(TextId::column_status));
    ImGui::TableSetupColumn(tr(TextId::column_committed_by));
    ImGui::TableSetupColumn(tr(TextId::column_actions), ImGuiTableColumnFlags_WidthStretch);
    DescribedTable table("batches", tr(TextId::batches_title));
    std::string close_requested;
    // Newest first.
    for (auto it = batches.rbegin(); it != batches.rend(); ++it) {
        const BatchState& batch = it->second;
        table.next_row();
        table.text_cell(batch.batch_id);
        const float fraction = batch.total() ? static_cast<float>(batch.coded_count) / static_cast<float>(batch.total()) : 0.0f;
        const std::string progress = std::to_string(batch.coded_count) + " / " + std::to_string(batch.total());
        table.next_cell(progress);
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), progress.c_str());
        status_cell(table, batch);
        table.text_cell(batch.committed_by);
        table.next_cell("");
        if (action_cell(state, batch)) close_requested = batch.batch_id;
    }
    table.end();
    if (!close_requested.empty()) {
        dialog = CloseDialog{};
        dialog.batch_id = close_requested;
        ImGui::OpenPopup(close_popup_id);
    }
    close_confirmation(state, dialog);
}

}  // namespace radar::ui
