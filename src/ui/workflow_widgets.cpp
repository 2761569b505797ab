// The storage banner, the screener field and the save state line.
#include "ui/workflow_widgets.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/session_names.hpp"
#include "ui/text_widgets.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

namespace {

// What the storage banner says, and the button it offers (nullptr: none).
struct StorageBannerText {
    std::string message;
    const char* button = nullptr;
};

StorageBannerText storage_banner_text(const Session& state, bool problem) {
    const std::string& detail = state.storage_message();
    switch (state.storage_mode()) {
        case StoreMode::opening: return {tr(TextId::storage_not_answering)};
        case StoreMode::read_only: return {tr(TextId::storage_read_only), tr(TextId::use_here)};
        case StoreMode::closed: return {filled(TextId::storage_closed, {detail})};
        case StoreMode::memory_only: return {filled(TextId::storage_memory_only, {detail})};
        case StoreMode::writer: break;
    }
    if (state.pending_migration()) return {tr(TextId::migration_banner), tr(TextId::screen_storage)};
    if (problem) return {filled(TextId::storage_problem, {detail})};
    char line[256];
    std::snprintf(line, sizeof line, tr(TextId::storage_load_problems), state.load_problems().size());
    return {line};
}

}  // namespace

void draw_storage_banner(Session& state) {
    const StoreMode mode = state.storage_mode();
    const bool problem = !state.storage_message().empty() && mode != StoreMode::memory_only;
    if (mode == StoreMode::writer && !problem && state.load_problems().empty()) return;
    // The page's loading screen waits for the store to open, at most a few seconds: a store still
    // opening after it is held up (by another tab, say) and keeps the demo's data on screen.
    const StorageBannerText text = storage_banner_text(state, problem);
    // As high as its wrapped message, and the button beside it where it fits, else below it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float room = ImGui::GetContentRegionAvail().x;
    const float message_width = ImGui::CalcTextSize(text.message.c_str()).x;
    const bool button_beside =
        text.button && message_width + style.ItemSpacing.x + button_width(text.button) <= room;
    const float message_height = std::max(wrapped_text_height(text.message, room), ImGui::GetFrameHeight());
    const float height = style.WindowPadding.y + message_height +
                         (text.button && !button_beside ? ImGui::GetFrameHeightWithSpacing() : style.ItemSpacing.y);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::warning_band);
    ImGui::BeginChild("storage_banner", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY(style.WindowPadding.y * 0.5f);
    ImGui::AlignTextToFramePadding();
    wrapped_text(text.message);
    note_last_item("storage-banner", Role::status, text.message);
    if (text.button) {
        if (button_beside) ImGui::SameLine();
        const bool pressed = ImGui::Button(text.button);
        if (mode == StoreMode::read_only) {
            note_last_item("button:use-store-here", Role::button, text.button);
            if (pressed) state.use_store_here();
        } else {
            note_last_item("button:storage-banner-storage", Role::button, text.button);
            if (pressed) request_screen(Screen::storage);
        }
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
