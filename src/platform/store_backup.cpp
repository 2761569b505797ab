// Converts store records to backup content and merged additions back to store writes.
#include "platform/store_backup.hpp"

#include "platform/store_export_format.hpp"
#include "core/screening/event_json.hpp"

namespace radar::platform {
namespace {

constexpr const char* device_settings[] = {"screener", "last_backup_at", "dataset_memory_only"};

void add_opaque(const std::vector<StoreRecord>& records, std::vector<OpaqueRecord>& into,
                std::vector<std::string>& problems) {
    for (const StoreRecord& record : records) {
        Checked<Json> value = parse_json_strict(record.data);
        if (value) into.push_back({record.key, std::move(*value)});
        else problems.push_back(record.key + ": " + value.error());
    }
}

}  // namespace

bool is_device_setting(const std::string& key) {
    for (const char* name : device_settings)
        if (key == name) return true;
    return false;
}

BackupContent backup_content_from_store(const StoreContents& contents, std::vector<std::string>& problems) {
    BackupContent content;
    for (const StoreRecord& record : contents.events) {
        Checked<ScreeningEvent> event = parse_event(record.data);
        if (event) content.events.push_back(std::move(*event));
        else problems.push_back(record.key + ": " + event.error());
    }
    for (const StoreRecord& record : contents.batches) {
        Checked<FrozenBatch> batch = parse_batch(record.data);
        if (batch) content.batches.push_back(std::move(*batch));
        else problems.push_back(record.key + ": " + batch.error());
    }
    add_opaque(contents.models, content.models, problems);
    add_opaque(contents.mapping_profiles, content.mapping_profiles, problems);
    for (const StoreRecord& record : contents.settings) {
        if (is_device_setting(record.key)) continue;
        Checked<Json> value = parse_json_strict(record.data);
        if (value) content.settings[record.key] = std::move(*value);
        else problems.push_back(record.key + ": " + value.error());
    }
    return content;
}

Checked<BackupDocument> read_backup_file(std::string_view text) {
    Checked<BackupDocument> backup = validate_backup(text);
    if (backup) return backup;
    const StoreExportReading store_export = read_store_export(text);
    if (!store_export.result.ok) return backup;
    std::vector<std::string> problems;
    BackupDocument document;
    document.content = backup_content_from_store(store_export.contents, problems);
    if (!problems.empty()) return Checked<BackupDocument>::failure(problems.front());
    document.counts = count_backup(document.content);
    document.content_sha256 = backup_content_sha256(document.content);
    return document;
}

std::vector<StoreWrite> store_writes_for_merge(const BackupMerge& merge) {
    std::vector<StoreWrite> writes;
    for (const FrozenBatch& batch : merge.added_batches)
        writes.push_back({RecordKind::batch, batch.batch_id, batch_to_text(batch), false});
    for (const ScreeningEvent& event : merge.added_events)
        writes.push_back({RecordKind::event, event.event_id, event_to_text(event), false});
    for (const OpaqueRecord& model : merge.added_models)
        writes.push_back({RecordKind::model, model.id, model.value.dump(), false});
    for (const OpaqueRecord& profile : merge.added_mapping_profiles)
        writes.push_back({RecordKind::mapping_profile, profile.id, profile.value.dump(), false});
    for (const auto& [key, value] : merge.added_settings.items())
        if (!is_device_setting(key)) writes.push_back({RecordKind::setting, key, value.dump(), false});
    return writes;
}

}  // namespace radar::platform
