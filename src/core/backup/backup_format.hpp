// The backup file: one versioned JSON document holding everything the team recorded (events,
// frozen batches, models, mapping profiles, settings) with counts and a SHA-256 of the
// canonical content, and its validation before any restore.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/checked.hpp"
#include "core/screening/screening_event.hpp"
#include "core/selection/frozen_batch.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

constexpr int backup_format_version = 1;
constexpr const char* backup_format_name = "dossier-radar-backup";

// A record the backup carries without interpreting it (models, mapping profiles): the caller
// gives its id and its JSON value.
struct OpaqueRecord {
    std::string id;
    Json value;
};

struct BackupContent {
    std::vector<ScreeningEvent> events;
    std::vector<FrozenBatch> batches;
    std::vector<OpaqueRecord> models;
    std::vector<OpaqueRecord> mapping_profiles;
    Json settings = Json::object();  // key -> any JSON value
};

struct BackupCounts {
    std::size_t events = 0;
    std::size_t batches = 0;
    std::size_t models = 0;
    std::size_t mapping_profiles = 0;
    std::size_t settings = 0;
};

struct BackupDocument {
    int version = backup_format_version;
    Timestamp created_at;
    BackupCounts counts;
    std::string content_sha256;
    BackupContent content;  // sorted by id, as in the file
};

// The canonical content (each list sorted by id, keys sorted, compact) and its SHA-256: equal
// content gives an equal hash whatever order the records were stored in.
std::string canonical_backup_content(const BackupContent& content);
std::string backup_content_sha256(const BackupContent& content);
BackupCounts count_backup(const BackupContent& content);

// The backup file text. Records are sorted by id; the document is indented for readability
// (the hash covers the canonical content, not the layout).
std::string export_backup(const BackupContent& content, Timestamp created_at);

// Checks everything before anything is restored: JSON syntax (truncation), format name,
// version, counts, content hash, every event, batch and record, duplicate ids, and that every
// frozen batch matches its batch_committed event. The first problem is returned, precisely.
Checked<BackupDocument> validate_backup(std::string_view text);

}  // namespace radar
