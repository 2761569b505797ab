// Backup export, merge-import and forgetting, over the store's asynchronous calls.
#include "session/backup_session.hpp"

#include <cstdio>

#include "core/time/civil_date.hpp"
#include "platform/platform.hpp"
#include "platform/store_backup.hpp"
#include "session/i18n.hpp"

namespace radar::session {
namespace {

bool can_write(const Session& state) {
    return state.store() && state.storage_mode() == StoreMode::writer;
}

// What this device holds when there is no store to read: the work kept in memory, with the model
// versions as the store would keep them (one record per version, keyed by its fingerprint).
BackupContent content_in_memory(const Session& state) {
    BackupContent content;
    content.events = state.screening().events;
    content.batches = state.frozen_batches();
    const ModelRegistry& registry = state.model_registry();
    for (const ModelVersion& version : registry.versions())
        content.models.push_back({version.info.fingerprint, Json(ModelRegistry::record_json_value(version))});
    if (const auto active = registry.active_version())
        content.settings[Session::active_model_setting] = registry.find(*active)->info.fingerprint;
    return content;
}

std::string backup_file_name(Timestamp at, bool demo) {
    const std::string stamp = format_timestamp(at);  // 2026-11-29T10:15:00.000Z
    return std::string(demo ? "dossier-radar-demo-backup-" : "dossier-radar-backup-") + stamp.substr(0, 10) + ".json";
}

}  // namespace

std::string BackupSession::too_large_text() { return tr(TextId::backup_too_large); }

void BackupSession::start(BackupAction action) {
    merged_.reset();
    action_ = action;
    phase_ = BackupPhase::working;
    detail_.clear();
}

void BackupSession::finish(BackupPhase phase, std::string detail) {
    phase_ = phase;
    detail_ = std::move(detail);
}

void BackupSession::refresh_status(Session& state) {
    if (!state.store() || state.storage_mode() == StoreMode::memory_only) return;
    state.store()->status([this](const platform::StoreResult& result, const platform::StoreStatus& status) {
        if (result.ok) status_ = status;
    });
}

void BackupSession::request_persistence(Session& state) {
    if (!state.store()) return;
    state.store()->request_persistence([this, &state](const platform::StoreResult&, bool) { refresh_status(state); });
}

void BackupSession::export_backup(Session& state) {
    if (phase_ == BackupPhase::working) return;
    start(BackupAction::export_backup);
    auto write_file = [this, &state](const BackupContent& content) {
        const Timestamp now{platform::now_millis()};
        const std::string name = backup_file_name(now, state.demo_workspace());
        download_ = OutgoingFile{name, "application/json", radar::export_backup(content, now)};
        state.note_backup_saved(now);
        finish(BackupPhase::done, name);
    };
    if (!state.store() || state.storage_mode() == StoreMode::memory_only) {
        write_file(content_in_memory(state));
        return;
    }
    // One read-only transaction: the backup is one consistent moment of the store.
    state.store()->load_all([this, write_file](const platform::StoreResult& result, platform::StoreContents contents) {
        if (!result.ok) return finish(BackupPhase::failed, result.failure_text());
        std::vector<std::string> problems;
        const BackupContent content = platform::backup_content_from_store(contents, problems);
        if (!problems.empty()) return finish(BackupPhase::failed, problems.front());
        write_file(content);
    });
}

void BackupSession::preview_import(Session& state, PickedFile file) {
    if (phase_ == BackupPhase::working) return;
    start(BackupAction::read_backup);
    preview_.reset();
    if (!file.error.empty()) return finish(BackupPhase::failed, file.name + ": " + file.error);
    if (!can_write(state)) return finish(BackupPhase::failed, tr(TextId::backup_needs_writer));
    // The demo's simulated year and real work never mix, whichever way a file would carry them.
    if (state.demo_workspace()) return finish(BackupPhase::failed, tr(TextId::demo_refuses_files));
    Checked<BackupDocument> document = platform::read_backup_file(file.bytes);
    if (!document) return finish(BackupPhase::failed, file.name + ": " + document.error());
    if (document->content.settings.contains(Session::demo_year_setting))
        return finish(BackupPhase::failed, file.name + ": " + tr(TextId::backup_is_demo));
    auto incoming = std::make_shared<BackupImportPreview>();
    incoming->file_name = std::move(file.name);
    incoming->document = std::move(*document);
    state.store()->load_all([this, incoming](const platform::StoreResult& result, platform::StoreContents contents) {
        if (!result.ok) return finish(BackupPhase::failed, result.failure_text());
        std::vector<std::string> problems;
        const BackupContent local = platform::backup_content_from_store(contents, problems);
        if (!problems.empty()) return finish(BackupPhase::failed, problems.front());
        incoming->merge = merge_backup(local, incoming->document.content);
        preview_ = std::move(*incoming);
        finish(BackupPhase::done, "");
    });
}

void BackupSession::confirm_import(Session& state) {
    if (!preview_ || phase_ == BackupPhase::working) return;
    if (!can_write(state)) return finish(BackupPhase::failed, tr(TextId::backup_needs_writer));
    start(BackupAction::import_backup);
    const std::string summary = preview_->merge.summary();
    if (preview_->merge.changes_nothing()) {
        merged_ = std::move(preview_->merge);
        preview_.reset();
        return finish(BackupPhase::done, summary);
    }
    // All additions in one transaction: the backup is in, or nothing changed.
    state.store()->commit(platform::store_writes_for_merge(preview_->merge),
                          [this, &state, summary](const platform::StoreResult& result) {
                              if (!result.ok) return finish(BackupPhase::failed, result.failure_text());
                              merged_ = std::move(preview_->merge);
                              preview_.reset();
                              state.reload_from_store();
                              finish(BackupPhase::done, summary);
                          });
}

void BackupSession::cancel_import() {
    preview_.reset();
    action_ = BackupAction::none;
    phase_ = BackupPhase::idle;
    detail_.clear();
}

void BackupSession::export_before_migration(Session& state) {
    if (phase_ == BackupPhase::working || !state.store()) return;
    start(BackupAction::export_store);
    state.store()->export_all([this, &state](const platform::StoreResult& result, std::string json) {
        if (!result.ok) return finish(BackupPhase::failed, result.failure_text());
        const Timestamp now{platform::now_millis()};
        const std::string name = "dossier-radar-before-migration-" + format_timestamp(now).substr(0, 10) + ".json";
        download_ = OutgoingFile{name, "application/json", std::move(json)};
        state.note_backup_saved(now);
        finish(BackupPhase::done, name);
    });
}

void BackupSession::migrate(Session& state) {
    if (phase_ == BackupPhase::working) return;
    start(BackupAction::migrate);
    state.migrate_store([this](const platform::StoreResult& result) {
        if (!result.ok) return finish(BackupPhase::failed, result.failure_text());
        finish(BackupPhase::done, "");
    });
}

void BackupSession::forget_everything(Session& state, const std::string& summary) {
    if (phase_ == BackupPhase::working) return;
    if (!state.store()) return;
    start(BackupAction::forget);
    state.store()->forget_everything([this, summary](const platform::StoreResult& result) {
        if (!result.ok) return finish(BackupPhase::failed, result.failure_text());
        finish(BackupPhase::done, "");
        reload_notice_ = summary;
    });
}

std::optional<OutgoingFile> BackupSession::take_download() {
    std::optional<OutgoingFile> file = std::move(download_);
    download_.reset();
    return file;
}

std::optional<std::string> BackupSession::take_reload_notice() {
    std::optional<std::string> notice = std::move(reload_notice_);
    reload_notice_.reset();
    return notice;
}

bool backup_due(const Session& state, Timestamp now, int days) {
    if (state.screening().events.empty()) return false;
    const auto& last = state.last_backup_at();
    return !last || now.millis - last->millis > std::int64_t{days} * 24 * 60 * 60 * 1000;
}

}  // namespace radar::session
