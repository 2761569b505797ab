// Bringing a validated backup (a restore, or another screener's export) into what this device
// holds: everything merges by id, so importing the same backup twice changes nothing, identical
// duplicates are ignored and conflicting ones are reported (the local record is kept). Model
// versions (ModelRegistry::record_json records) merge by content instead: a version whose
// fingerprint this device holds is already present whatever its number, and new content is added
// as this device's next version number, keyed by its fingerprint.
#pragma once

#include <string>
#include <vector>

#include "core/backup/backup_format.hpp"
#include "core/screening/event_merge.hpp"

namespace radar {

struct RecordConflict {
    std::string kind;  // "event", "batch", "model", "mapping_profile", "setting"
    std::string id;
};

struct BackupMerge {
    // What the store must write (in one transaction).
    std::vector<ScreeningEvent> added_events;
    std::vector<FrozenBatch> added_batches;
    std::vector<OpaqueRecord> added_models;
    std::vector<OpaqueRecord> added_mapping_profiles;
    Json added_settings = Json::object();  // keys this device did not have
    std::size_t identical = 0;             // records already held unchanged
    std::vector<RecordConflict> conflicts;

    bool changes_nothing() const;
    // "3 events, 1 batch added; 120 already present; 1 conflict (event ev-…)".
    std::string summary() const;
};

BackupMerge merge_backup(const BackupContent& local, const BackupContent& incoming);
// local with the merge's additions applied.
BackupContent apply_backup_merge(BackupContent local, const BackupMerge& merge);

}  // namespace radar
