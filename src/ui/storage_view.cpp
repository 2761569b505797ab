// Draws the storage screen over the BackupSession; store status is refreshed every few seconds
// while the screen is open.
#include "ui/storage_view.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "platform/file_transfer.hpp"
#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/described_widgets.hpp"
#include "ui/session_names.hpp"
#include "ui/import_mapping_view.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/text_widgets.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

// This frame's screen: the app's backup session and what the screen keeps between frames.
struct StorageScreen {
    BackupSession& session;
    StorageViewState& kept;
};

// Sizes people can compare: "840 kB" rather than "0,8 MB", never "0,0 MB" for a few decisions.
std::string size_text(double bytes) {
    if (bytes >= 1e9) return one_decimal(bytes / 1e9) + " GB";
    if (bytes >= 1e6) return one_decimal(bytes / 1e6) + " MB";
    if (bytes >= 1e3) return group_thousands(static_cast<std::uint64_t>(bytes / 1e3 + 0.5)) + " kB";
    return group_thousands(static_cast<std::uint64_t>(bytes)) + " B";
}

std::string count(std::size_t value) { return group_thousands(value); }

std::string date_of(Timestamp at) { return date_time_text(at); }

// A line of explanation; a paragraph for the accessibility layer.
void wrapped(const std::string& text) {
    wrapped_text(text);
    describe_paragraph(text, "storage-text:" + text);
}

// A state or an outcome in its colour (saved, refused, at risk): also a status for the
// accessibility layer, spoken when it appears.
void coloured(ImU32 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped_text(text);
    ImGui::PopStyleColor();
    describe_last_item(Role::status, text, "storage:" + text);
}

// A button described for the accessibility layer under the automation name `widget`; true when clicked.
bool described_button(TextId label, const std::string& widget) {
    const bool clicked = ImGui::Button(tr(label));
    note_last_item(widget, Role::button, tr(label));
    return clicked;
}

std::string formatted(TextId format, const std::string& a) {
    char text[512];
    std::snprintf(text, sizeof text, tr(format), a.c_str());
    return text;
}

// The privacy switch: keep dossier data in memory only (removing a stored dataset, after asking).
void memory_only_switch(Session& state) {
    // Translated title, stable id: the popup stays open when the language changes.
    const std::string confirm_popup_id = std::string(tr(TextId::import_memory_only_confirm_title)) + "###confirm-memory-only";
    bool memory_only = state.dataset_memory_only();
    if (described_checkbox(tr(TextId::import_memory_only), memory_only, "checkbox:memory-only")) {
        if (memory_only && state.snapshot_stored()) ImGui::OpenPopup(confirm_popup_id.c_str());
        else state.set_dataset_memory_only(memory_only);
    }
    wrapped_tooltip(tr(TextId::import_memory_only_tooltip));
    if (ImGui::BeginPopupModal(confirm_popup_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        describe("dialog:memory-only", Role::dialog, tr(TextId::import_memory_only_confirm_title),
                 WidgetBox{at.x, at.y, at.x + size.x, at.y + size.y});
        ImGui::TextUnformatted(tr(TextId::import_memory_only_confirm_text));
        describe_last_item(Role::status, tr(TextId::import_memory_only_confirm_text), "memory-only-question").container =
            "dialog:memory-only";
        if (ImGui::Button(tr(TextId::import_memory_only_confirm))) {
            state.set_dataset_memory_only(true);
            ImGui::CloseCurrentPopup();
        }
        note_last_item("button:confirm-memory-only", Role::button, tr(TextId::import_memory_only_confirm)).container =
            "dialog:memory-only";
        ImGui::SameLine();
        if (ImGui::Button(tr(TextId::import_memory_only_keep))) ImGui::CloseCurrentPopup();
        describe_last_item(Role::button, tr(TextId::import_memory_only_keep), "memory-only-keep").container =
            "dialog:memory-only";
        ImGui::EndPopup();
    }
}

// What this browser keeps, in words and figures: decisions and history, mapping profiles, the
// dataset (or why it is not kept) and the space used.
void where_data_are(Session& state, StorageScreen& v, const Fonts& fonts) {
    section_title(tr(TextId::privacy_title), fonts);
    switch (state.storage_mode()) {
        case StoreMode::writer: wrapped(tr(TextId::storage_mode_writer)); break;
        case StoreMode::read_only: wrapped(tr(TextId::storage_read_only)); break;
        case StoreMode::opening: wrapped(tr(TextId::storage_opening)); break;
        case StoreMode::closed: coloured(palette::error_text, formatted(TextId::storage_closed, state.storage_message())); break;
        case StoreMode::memory_only:
            coloured(palette::error_text, formatted(TextId::storage_memory_only, state.storage_message()));
            break;
    }
    ImGui::Spacing();
    wrapped(tr(TextId::privacy_kept_title));
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::privacy_decisions),
                  counted_text(CountedText::events, state.screening().events.size()).c_str(),
                  counted_text(CountedText::batches, state.frozen_batches().size()).c_str());
    wrapped_bullet(line);
    std::snprintf(line, sizeof line, tr(TextId::privacy_profiles), count(state.mapping_profiles().size()).c_str());
    wrapped_bullet(line);
    if (state.is_synthetic()) {
        wrapped_bullet(tr(TextId::privacy_dataset_demo));
    } else if (state.snapshot()) {
        const std::string dataset = state.snapshot()->source_name + " (" +
                                    counted_text(CountedText::dossiers, state.dataset().row_count()) + ")";
        const bool stored = !state.dataset_memory_only() && (state.snapshot_stored() || state.snapshot_save());
        std::snprintf(line, sizeof line, stored ? tr(TextId::privacy_dataset_stored) : tr(TextId::privacy_dataset_memory),
                      dataset.c_str());
        wrapped_bullet(line);
        if (stored && state.snapshot_save()) {
            ImGui::SameLine();
            draw_store_save_status(state, *state.snapshot_save());
        }
    }
    const auto& status = v.session.status();
    if (status && status->usage_bytes && status->quota_bytes) {
        std::snprintf(line, sizeof line, tr(TextId::storage_usage), size_text(*status->usage_bytes).c_str(),
                      size_text(*status->quota_bytes).c_str());
        wrapped(line);
    }
    ImGui::Spacing();
    memory_only_switch(state);
}

// The trust panel: requests after start-up as the page counted them, whether the app works
// without the network, whether the browser may evict the data, and the last backup.
void trust_panel(Session& state, StorageScreen& v, const Fonts& fonts) {
    section_title(tr(TextId::trust_title), fonts);
    const platform::OfflineStatus offline = platform::offline_status();
    wrapped(formatted(TextId::trust_requests, count(static_cast<std::size_t>(offline.requests_after_start))).c_str());
    note_last_item("trust-requests");
    if (offline.requests_after_start == 0) coloured(palette::saved_text, tr(TextId::trust_no_requests));
    else coloured(palette::error_text, tr(TextId::trust_some_requests));
    switch (offline.state) {
        case platform::OfflineState::ready: wrapped(tr(TextId::trust_offline_ready)); break;
        case platform::OfflineState::installing: wrapped(tr(TextId::trust_offline_installing)); break;
        case platform::OfflineState::unsupported: wrapped(tr(TextId::trust_offline_unsupported)); break;
        case platform::OfflineState::failed: coloured(palette::error_text, tr(TextId::trust_offline_failed)); break;
    }
    const auto& status = v.session.status();
    if (status && status->persisted.value_or(false)) {
        coloured(palette::saved_text, tr(TextId::storage_persistent));
    } else if (status) {
        coloured(palette::error_text, tr(TextId::trust_eviction_warning));
        if (described_button(TextId::storage_make_persistent, "storage-persist")) v.session.request_persistence(state);
    }
    if (const auto& last = state.last_backup_at()) wrapped(formatted(TextId::backup_last, date_of(*last)).c_str());
    else wrapped(tr(TextId::backup_never));
}

// The stored data needs a schema migration before it loads: offer a backup first, then migrate.
void migration_section(Session& state, StorageScreen& v) {
    const auto& pending = state.pending_migration();
    BackupSession& session = v.session;
    if (!pending) {
        if (session.action() == BackupAction::migrate && session.phase() == BackupPhase::done)
            coloured(palette::saved_text, tr(TextId::migration_done));
        return;
    }
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::migration_pending), pending->from_version, pending->to_version);
    coloured(palette::error_text, line);
    if (pending->rewrites_data) wrapped(tr(TextId::migration_rewrites));
    ImGui::BeginDisabled(session.phase() == BackupPhase::working);
    if (described_button(TextId::migration_backup, "migration-backup")) session.export_before_migration(state);
    ImGui::SameLine();
    if (described_button(TextId::migration_start, "migration-start")) session.migrate(state);
    ImGui::EndDisabled();
    if (session.action() == BackupAction::export_store && session.phase() == BackupPhase::done)
        coloured(palette::saved_text, formatted(TextId::backup_saved, session.detail()));
    if ((session.action() == BackupAction::export_store || session.action() == BackupAction::migrate) &&
        session.phase() == BackupPhase::failed)
        coloured(palette::error_text, formatted(TextId::migration_failed, session.detail()));
}

void export_section(Session& state, StorageScreen& v, const Fonts& fonts) {
    section_title(tr(TextId::backup_title), fonts);
    wrapped(tr(TextId::backup_intro));
    const Timestamp now{platform::now_millis()};
    if (const auto& last = state.last_backup_at()) wrapped(formatted(TextId::backup_last, date_of(*last)).c_str());
    else wrapped(tr(TextId::backup_never));
    if (backup_due(state, now)) coloured(palette::error_text, tr(TextId::backup_reminder));
    BackupSession& session = v.session;
    ImGui::BeginDisabled(session.phase() == BackupPhase::working);
    if (described_button(TextId::backup_download, "backup-export")) session.export_backup(state);
    ImGui::EndDisabled();
    if (session.action() != BackupAction::export_backup) return;
    if (session.phase() == BackupPhase::done) coloured(palette::saved_text, formatted(TextId::backup_saved, session.detail()));
    if (session.phase() == BackupPhase::failed) coloured(palette::error_text, formatted(TextId::backup_failed, session.detail()));
}

void merge_counts(const BackupMerge& merge, TextId format, std::size_t extra) {
    char line[512];
    std::snprintf(line, sizeof line, tr(format), count(merge.added_events.size()).c_str(),
                  count(merge.added_batches.size()).c_str(), count(merge.added_models.size()).c_str(),
                  count(merge.added_mapping_profiles.size()).c_str(), count(merge.added_settings.size()).c_str(),
                  count(extra).c_str());
    wrapped(line);
}

void import_preview(Session& state, BackupSession& session) {
    const BackupImportPreview& preview = *session.import_preview();
    const BackupCounts& counts = preview.document.counts;
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::backup_preview), preview.file_name.c_str(),
                  date_of(preview.document.created_at).c_str(), count(counts.events).c_str(),
                  count(counts.batches).c_str(), count(counts.models).c_str(), count(counts.mapping_profiles).c_str());
    wrapped(line);
    const BackupMerge& merge = preview.merge;
    if (merge.changes_nothing()) wrapped(tr(TextId::backup_nothing_new));
    else merge_counts(merge, TextId::backup_merge_adds, merge.identical);
    if (!merge.conflicts.empty()) {
        coloured(palette::error_text, formatted(TextId::backup_conflicts, count(merge.conflicts.size())));
        for (const RecordConflict& conflict : merge.conflicts)
            wrapped_bullet(conflict.kind + " " + conflict.id);
    }
    ImGui::BeginDisabled(session.phase() == BackupPhase::working);
    if (described_button(TextId::backup_merge, "backup-merge")) session.confirm_import(state);
    ImGui::SameLine();
    if (described_button(TextId::cancel, "backup-cancel")) session.cancel_import();
    ImGui::EndDisabled();
}

void import_section(Session& state, StorageScreen& v, const Fonts& fonts) {
    section_title(tr(TextId::backup_import_title), fonts);
    wrapped(tr(TextId::backup_import_intro));
    BackupSession& session = v.session;
    if (auto picked = session.sink().take_finished()) session.preview_import(state, std::move(*picked));
    const bool busy = session.phase() == BackupPhase::working || session.sink().reading();
    ImGui::BeginDisabled(busy || state.storage_mode() != StoreMode::writer);
    if (described_button(TextId::backup_choose, "backup-import")) {
        // Only one sink receives files at a time: this screen claims it when the user asks.
        platform::set_file_sink(&session.sink());
        platform::request_file_open(".json,application/json");
    }
    ImGui::EndDisabled();
    if (session.sink().reading()) ImGui::TextDisabled("%s", tr(TextId::import_reading));
    if (session.import_preview()) {
        import_preview(state, session);
        return;
    }
    const bool importing = session.action() == BackupAction::read_backup || session.action() == BackupAction::import_backup;
    if (!importing) return;
    if (session.phase() == BackupPhase::failed) coloured(palette::error_text, formatted(TextId::backup_refused, session.detail()));
    if (session.phase() == BackupPhase::done && session.merged()) {
        if (session.merged()->changes_nothing()) wrapped(tr(TextId::backup_nothing_new));
        else merge_counts(*session.merged(), TextId::backup_merged, 0);
    }
}

// What forgetting removes, said after the page reloads empty.
std::string forgotten_summary(const Session& state) {
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::forgotten_notice),
                  counted_text(CountedText::events, state.screening().events.size()).c_str(),
                  counted_text(CountedText::batches, state.frozen_batches().size()).c_str(),
                  counted_text(CountedText::mapping_profiles, state.mapping_profiles().size()).c_str(),
                  state.snapshot_stored() ? tr(TextId::forgotten_with_dataset) : "");
    return line;
}

void forget_section(Session& state, StorageScreen& v, const Fonts& fonts) {
    section_title(tr(TextId::forget_title), fonts);
    wrapped(tr(TextId::forget_intro));
    const std::string word = tr(TextId::forget_word);
    const std::string prompt = formatted(TextId::forget_prompt, word);
    ImGui::SetNextItemWidth(std::min(ImGui::CalcTextSize(prompt.c_str()).x + ImGui::GetStyle().FramePadding.x * 4,
                                     ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("##forget-confirmation", prompt.c_str(),
                             v.kept.confirmation.data(), v.kept.confirmation.size());
    note_last_item("forget-confirmation", Role::textbox, prompt).value = v.kept.confirmation.data();
    same_line_if_fits(button_width(tr(TextId::forget_button)));
    const bool confirmed = word == v.kept.confirmation.data();
    ImGui::BeginDisabled(!confirmed || !state.store() || v.session.phase() == BackupPhase::working);
    ImGui::PushStyleColor(ImGuiCol_Button, palette::error_text);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button(tr(TextId::forget_button))) {
        v.kept.confirmation.fill('\0');
        v.session.forget_everything(state, forgotten_summary(state));
    }
    ImGui::PopStyleColor(2);
    note_last_item("forget", Role::button, tr(TextId::forget_button));
    ImGui::EndDisabled();
    if (v.session.action() == BackupAction::forget && v.session.phase() == BackupPhase::failed)
        coloured(palette::error_text, formatted(TextId::forget_failed, v.session.detail()));
}

// Until a pending migration ran nothing is loaded: a backup would be empty and a merge refused.
void backups(Session& state, StorageScreen& v, const Fonts& fonts) {
    if (state.pending_migration()) return;
    export_section(state, v, fonts);
    import_section(state, v, fonts);
}

}  // namespace

void draw_storage_view(Session& state, BackupSession& backup, const Fonts& fonts, StorageViewState& kept) {
    StorageScreen v{backup, kept};
    if (ImGui::GetTime() - kept.status_asked_at >= StorageViewState::status_refresh_seconds) {
        kept.status_asked_at = ImGui::GetTime();
        v.session.refresh_status(state);
    }
    // Two columns on a wide screen (where the data are and forgetting them; backups), one below
    // the other on a narrow one; each scrolls on its own.
    const float em = ImGui::GetFontSize();
    const bool two_columns = ImGui::GetContentRegionAvail().x >= em * 62.0f;
    const float column_width = two_columns ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 : 0.0f;
    ImGui::BeginChild("storage_where", ImVec2(column_width, 0), false);
    if (two_columns) ImGui::PushTextWrapPos(0.0f);
    else push_readable_wrap(48.0f);
    trust_panel(state, v, fonts);
    where_data_are(state, v, fonts);
    migration_section(state, v);
    if (two_columns) forget_section(state, v, fonts);
    if (!two_columns) backups(state, v, fonts);
    if (!two_columns) forget_section(state, v, fonts);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (!two_columns) return;
    ImGui::SameLine();
    ImGui::BeginChild("storage_backups", ImVec2(0, 0), false);
    ImGui::PushTextWrapPos(0.0f);
    backups(state, v, fonts);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace radar::ui
