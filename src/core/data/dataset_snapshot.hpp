// The binary columnar snapshot of a dataset: what the app stores for an accepted import and maps
// back at start-up without parsing (docs/import.md, "The stored snapshot"). Little-endian, column
// by column as the columns hold their cells: numbers as raw int32 or doubles, texts as a
// dictionary (distinct values + a code per cell) or a pool (end offsets + one byte blob), the
// missing flags as 64-bit words. A header carries the format version, the total length and the
// counts; the caller's note (e.g. JSON text saying what the data are) travels with the columns,
// and a checksum (content_hash_of) over everything before it ends the snapshot.
//
//     std::string bytes = encode_dataset_snapshot(dataset, note_json);
//     DatasetSnapshotDecode decoded = decode_dataset_snapshot(bytes);
//     if (!decoded.snapshot) report(decoded.message);   // wrong magic, version, length, checksum
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/data/dataset.hpp"

namespace radar {

inline constexpr std::uint32_t dataset_snapshot_version = 1;

// Why a snapshot could not be read: not a dataset snapshot at all, written by another version of
// the format, cut short or lengthened, changed after it was written (the checksum), or (with a
// right checksum) a structure this reader cannot have written.
enum class SnapshotFault { none, wrong_magic, unknown_version, length_mismatch, checksum_mismatch, malformed };

// "wrong_magic", "unknown_version", "length_mismatch", "checksum_mismatch", "malformed".
const char* snapshot_fault_code(SnapshotFault fault);

struct DecodedDatasetSnapshot {
    Dataset dataset;
    std::string note;
};

struct DatasetSnapshotDecode {
    std::optional<DecodedDatasetSnapshot> snapshot;
    SnapshotFault fault = SnapshotFault::none;
    std::string message;  // English, names the fault and what was found
};

std::string encode_dataset_snapshot(const Dataset& dataset, std::string_view note);
DatasetSnapshotDecode decode_dataset_snapshot(std::string_view bytes);

}  // namespace radar
