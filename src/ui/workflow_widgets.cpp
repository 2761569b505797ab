// The storage banner, the screener field and the save state line.
#include "ui/workflow_widgets.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_storage_banner(Session& state) {
    const StoreMode mode = state.storage_mode();
    const bool problem = !state.storage_message().empty() && mode != StoreMode::memory_only;
    if (mode == StoreMode::writer && !problem && state.load_problems().empty()) return;
    // The page's loading screen waits for the store to open, at most a few seconds: a store still
    // opening after it is held up (by another tab, say) and keeps the demo's data on screen.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::warning_band);
    const float height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("storage_banner", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y * 0.5f);
    ImGui::AlignTextToFramePadding();
    switch (mode) {
        case StoreMode::opening:
            ImGui::TextUnformatted(tr(TextId::storage_not_answering));
            note_last_item("storage-not-answering", Role::status, tr(TextId::storage_not_answering));
            break;
        case StoreMode::read_only:
            ImGui::TextUnformatted(tr(TextId::storage_read_only));
            ImGui::SameLine();
            if (ImGui::Button(tr(TextId::use_here))) state.use_store_here();
            break;
        case StoreMode::closed: ImGui::Text(tr(TextId::storage_closed), state.storage_message().c_str()); break;
        case StoreMode::memory_only: ImGui::Text(tr(TextId::storage_memory_only), state.storage_message().c_str()); break;
        case StoreMode::writer:
            if (state.pending_migration()) {
                ImGui::TextUnformatted(tr(TextId::migration_banner));
                ImGui::SameLine();
                if (ImGui::Button(tr(TextId::screen_storage))) request_screen(Screen::storage);
            } else if (problem) ImGui::Text(tr(TextId::storage_problem), state.storage_message().c_str());
            else ImGui::Text(tr(TextId::storage_load_problems), state.load_problems().size());
            break;
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_screener_field(Session& state, MirroredTextBox& box) {
    auto& [buffer, shown, editing] = box;
    if (!editing && shown != state.screener()) {
        // Loaded from the store or set by automation: mirror it in the box.
        shown = state.screener();
        const std::size_t size = std::min(shown.size(), buffer.size() - 1);
        std::copy_n(shown.begin(), size, buffer.begin());
        buffer[size] = '\0';
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::screener_label));
    ImGui::SameLine();
    // Ten characters wide, or what is left of a narrow panel (zoomed in, larger text).
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::clamp(ImGui::GetContentRegionAvail().x, em * 5.0f, em * 10.0f));
    ImGui::InputTextWithHint("##screener", tr(TextId::screener_hint), buffer.data(), buffer.size());
    editing = ImGui::IsItemActive();
    note_last_item("screener", Role::textbox, tr(TextId::screener_label)).value = buffer.data();
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        shown = buffer.data();
        state.set_screener(shown);
    }
}

void draw_save_status(Session& state, const std::string& subject) {
    const SaveStatus* status = state.save_status(subject);
    if (!status) return;
    const std::string key = "save-status:" + subject;
    if (status->phase == SavePhase::saving) {
        ImGui::TextDisabled("%s", tr(TextId::saving));
        describe_last_item(Role::status, tr(TextId::saving), key);
    } else if (status->phase == SavePhase::saved) {
        const char* saved = state.storage_mode() == StoreMode::memory_only ? tr(TextId::saved_in_memory) : tr(TextId::saved);
        ImGui::TextColored(ImColor(palette::saved_text), "%s", saved);
        describe_last_item(Role::status, saved, key);
    } else {
        ImGui::TextColored(ImColor(palette::error_text), tr(TextId::save_error), status->error_name.c_str());
        char error[200];
        std::snprintf(error, sizeof error, tr(TextId::save_error), status->error_name.c_str());
        describe_last_item(Role::status, error, key);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(TextId::retry))) state.retry(subject);
        describe_last_item(Role::button, tr(TextId::retry), "retry:" + subject);
    }
}

}  // namespace radar::ui
