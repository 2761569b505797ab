// Accepting an import: the Dataset moves out of the ImportResult together with a snapshot
// descriptor (source file, import time, content hash, counts) that later selections cite.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/strict_json.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/import/column_mapping.hpp"
#include "core/import/import_result.hpp"
#include "core/import/text_encoding.hpp"

namespace radar {

struct SnapshotDescriptor {
    std::string source_name;   // file name as picked by the user
    std::string imported_at;   // passed in by the caller (ISO 8601, e.g. "2024-01-31T09:15:00Z")
    std::string content_hash;  // format_content_hash of the file's bytes
    std::uint64_t byte_count = 0;
    std::string format;    // format_code()
    std::string encoding;  // encoding_code()
    std::uint64_t row_count = 0;
    std::uint64_t rows_rejected = 0;
    std::uint64_t column_count = 0;
    std::uint64_t extra_column_count = 0;
    std::string mapping_profile;  // empty when none was used
    // The day the data describes (its export): the latest value of an `export_date` column, else
    // the date stated when the import was accepted. 0 = not known (older snapshots).
    DayNumber export_date = 0;

    bool operator==(const SnapshotDescriptor& other) const;
};

OrderedJson snapshot_json_value(const SnapshotDescriptor& snapshot);
std::string snapshot_to_json(const SnapshotDescriptor& snapshot);  // the value above as compact text
// Nothing when the text (parsed strictly) or the value is not a snapshot written by snapshot_to_json.
std::optional<SnapshotDescriptor> snapshot_from_json(std::string_view json_text);
std::optional<SnapshotDescriptor> snapshot_from_json_value(const Json& json);

// The file's text as UTF-8, as the importer read it (Windows-1252 and UTF-16 converted): what an old
// text snapshot kept, so that importing it again with the same mapping gives the same dataset.
// Takes the bytes: text that is already UTF-8 is handed back without a copy (a 150 MB file
// would otherwise be held twice).
std::string source_text_utf8(std::string bytes, TextEncoding encoding);

// A stored snapshot to restore (at start-up): the descriptor of the file as imported, the
// mapping that read it, and either the dataset itself with its fingerprint (dataset_sha256) and
// search index (when stored), decoded from a binary snapshot, or (an old text snapshot) the file's
// text as stored (source_text_utf8), to be read again.
struct StoredDataset {
    SnapshotDescriptor descriptor;
    MappingProfile mapping;
    std::string text;
    std::optional<Dataset> dataset;
    std::string dataset_sha256;
    std::optional<StoredSearchIndex> search;
};

struct AcceptedImport {
    Dataset dataset;
    std::vector<ImportedColumn> columns;     // role of every dataset column (field, extra, protected)
    std::vector<std::uint32_t> source_rows;  // file row of every dataset row
    SnapshotDescriptor snapshot;
};

struct AcceptOutcome {
    std::optional<AcceptedImport> accepted;
    std::string error;  // set when nothing was accepted
};

// The latest day in the dataset's `export_date` column, if it has one with a value.
std::optional<DayNumber> export_date_in_data(const Dataset& dataset);

// Moves the dataset out of a completed `result` (its summary, diagnostics and rejected rows stay
// for the report). A failed or already accepted result gives an error and no dataset. The
// snapshot's export date is the data's own (export_date_in_data), else `stated_export_date`.
AcceptOutcome accept_import(ImportResult& result, std::string imported_at, DayNumber stated_export_date = 0);

}  // namespace radar
