// The storage screen's work (issue #6): the store's status and persistence, the backup file
// (export, and import of a backup or another screener's export by merging it by id), and
// forgetting everything on this device. Store calls are asynchronous; the screen draws the
// phase and outcome kept here, and the app layer delivers the files and the reload it asks for.
#pragma once

#include <optional>
#include <string>

#include "core/backup/backup_format.hpp"
#include "core/backup/backup_merge.hpp"
#include "platform/store.hpp"
#include "session/session.hpp"
#include "session/whole_file_sink.hpp"

namespace radar::session {

enum class BackupAction { none, export_backup, read_backup, import_backup, forget, export_store, migrate };
enum class BackupPhase { idle, working, done, failed };

// A validated backup file and what merging it would change; nothing is written before confirm.
struct BackupImportPreview {
    std::string file_name;
    BackupDocument document;
    BackupMerge merge;
};

// A file the session made for the user's downloads; the app layer hands it to the browser.
struct OutgoingFile {
    std::string name;
    std::string mime_type;
    std::string bytes;
};

class BackupSession {
public:
    // Asks the store for persistence, usage and quota (the answer arrives later).
    void refresh_status(Session& state);
    const std::optional<platform::StoreStatus>& status() const { return status_; }
    void request_persistence(Session& state);

    // Writes everything recorded into a backup file in the user's downloads.
    void export_backup(Session& state);
    // Validates a picked file and computes the merge against this device; then confirm or cancel.
    void preview_import(Session& state, PickedFile file);
    const std::optional<BackupImportPreview>& import_preview() const { return preview_; }
    void confirm_import(Session& state);
    void cancel_import();
    // Before a migration: downloads the store's own export of the data as it is now (the format
    // the store restores, whatever its schema), then migrates when the user asks.
    void export_before_migration(Session& state);
    void migrate(Session& state);
    // Deletes all stored data; the caller checked the user's typed confirmation. The page reloads
    // and then shows `summary` (what was removed).
    void forget_everything(Session& state, const std::string& summary);

    BackupAction action() const { return action_; }
    BackupPhase phase() const { return phase_; }
    // The error (store error name and message, or why a file was refused), the exported file's
    // name, or the merge summary of a finished import.
    const std::string& detail() const { return detail_; }
    // What the last confirmed import added (shown until the next action).
    const std::optional<BackupMerge>& merged() const { return merged_; }
    WholeFileSink& sink() { return sink_; }
    // The backup or store export to download, once (the app saves it in the user's downloads).
    std::optional<OutgoingFile> take_download();
    // After forgetting everything: the page is to reload and then show this notice (once).
    std::optional<std::string> take_reload_notice();

private:
    static std::string too_large_text();
    void start(BackupAction action);
    void finish(BackupPhase phase, std::string detail);

    std::optional<platform::StoreStatus> status_;
    std::optional<BackupImportPreview> preview_;
    std::optional<BackupMerge> merged_;
    BackupAction action_ = BackupAction::none;
    BackupPhase phase_ = BackupPhase::idle;
    std::string detail_;
    std::optional<OutgoingFile> download_;
    std::optional<std::string> reload_notice_;
    WholeFileSink sink_{std::size_t{512} * 1024 * 1024, &BackupSession::too_large_text};
};

// A backup is due when decisions exist and none was saved in the last `days` days.
bool backup_due(const Session& state, Timestamp now, int days = 7);

}  // namespace radar::session
