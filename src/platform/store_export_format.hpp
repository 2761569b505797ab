// The store's export format, shared with web/storage/radar_store.js so a backup moves between
// the browser and the CLI: {"format":"dossier-radar-store","schemaVersion","counts","stores"}.
// Snapshots become a manifest plus chunk records on export and are joined again on reading.
#pragma once

#include <string>
#include <string_view>

#include "platform/store.hpp"
#include "core/base/utf8_check.hpp"

namespace radar::platform {

constexpr int store_schema_version = 2;
constexpr std::string_view store_export_format = "dossier-radar-store";

// Deterministic: the same contents always give the same text (no timestamps).
std::string write_store_export(const StoreContents& contents);

struct StoreExportReading {
    StoreResult result;  // ValidationError naming the first problem when the text is refused
    int schema_version = 0;
    StoreContents contents;
};

// Checks everything (JSON, format, version, counts, keys, schema fields, UTF-8, complete
// snapshots) before returning contents; older schema versions are upgraded on the way.
StoreExportReading read_store_export(std::string_view json);

// Cuts UTF-8 text into pieces of at most `max_bytes` without splitting a character.
std::vector<std::string> split_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace radar::platform
