// The binary columnar snapshot of a dataset: what the app stores for an accepted import and maps
// back at start-up without parsing (docs/import.md, "The stored snapshot"). Little-endian, column
// by column as the columns hold their cells: whole numbers packed (each its offset from the
// column's smallest, in 1, 2 or 4 bytes) or doubles, texts as a dictionary (distinct values + a
// packed code per cell) or a pool (end offsets + one byte blob), the missing flags as 64-bit
// words. A header carries the format version, the total length and the counts; the caller's
// note (e.g. JSON text saying what the data are) travels with the columns, then (version 2) the
// dataset's search index, so a start-up need not fold every row again, and a checksum
// (content_hash_of) over everything before it ends the snapshot. Decoding takes the columns as
// stored (their dictionaries and codes), without looking a cell up, at once or a piece at a time
// (DatasetSnapshotReader, for a start-up that keeps drawing).
//
//     std::string bytes = encode_dataset_snapshot(dataset, note_json, &search_index);
//     DatasetSnapshotDecode decoded = decode_dataset_snapshot(bytes);
//     if (!decoded.snapshot) report(decoded.message);   // wrong magic, version, length, checksum
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/search/search_index.hpp"

namespace radar {

// Version 2 added the search index, version 3 packed integers and dictionary codes (into 1, 2 or
// 4 bytes each); version 1 and 2 snapshots are still read.
inline constexpr std::uint32_t dataset_snapshot_version = 3;
inline constexpr std::uint32_t oldest_dataset_snapshot_version = 1;

// A search index as a snapshot keeps it; SearchIndex::restored makes it an index again.
struct StoredSearchIndex {
    std::uint32_t format = 0;
    std::vector<std::string> columns;
    TextPool haystacks;
};

// Why a snapshot could not be read: not a dataset snapshot at all, written by another version of
// the format, cut short or lengthened, changed after it was written (the checksum), or (with a
// right checksum) a structure this reader cannot have written.
enum class SnapshotFault { none, wrong_magic, unknown_version, length_mismatch, checksum_mismatch, malformed };

// "wrong_magic", "unknown_version", "length_mismatch", "checksum_mismatch", "malformed".
const char* snapshot_fault_code(SnapshotFault fault);

struct DecodedDatasetSnapshot {
    Dataset dataset;
    std::string note;
    std::optional<StoredSearchIndex> search;  // when it was written with a complete index
};

struct DatasetSnapshotDecode {
    std::optional<DecodedDatasetSnapshot> snapshot;
    SnapshotFault fault = SnapshotFault::none;
    std::string message;  // English, names the fault and what was found
};

// `search`, when given and complete, must be an index of `dataset`.
std::string encode_dataset_snapshot(const Dataset& dataset, std::string_view note, const SearchIndex* search = nullptr);

// Encodes the same bytes a piece at a time, for a store that takes them in parts: each step
// counts the header, one column or the search index, or writes at most 2 MiB of one of them, or
// adds up to 4 MiB of what it wrote to the checksum, or writes the checksum.
// After any step, take_written() hands over the bytes written and summed since it was last
// called (empty while a piece is being summed): in order, they are the snapshot, which need never
// be in memory whole. `dataset` and `search` must outlive the writer and stay unchanged while it works.
//     DatasetSnapshotWriter writer(dataset, note_json, &search_index);
//     for (bool done = false; !done;) {
//         done = writer.step();
//         store_part(writer.take_written());
//     }
class DatasetSnapshotWriter {
public:
    DatasetSnapshotWriter(const Dataset& dataset, std::string note, const SearchIndex* search);
    ~DatasetSnapshotWriter();
    DatasetSnapshotWriter(DatasetSnapshotWriter&&) noexcept;
    DatasetSnapshotWriter& operator=(DatasetSnapshotWriter&&) noexcept;

    // One piece of work; true once the snapshot is written (take_written() then gives its end).
    bool step();
    std::string take_written();
    // The snapshot's length once counted (the first steps), 0 before.
    std::size_t size() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};
DatasetSnapshotDecode decode_dataset_snapshot(std::string_view bytes);

// Decodes a snapshot a piece at a time: the header, the checksum over slices of 4 MiB, the note,
// then one column (or the search index but its folded text) per step, then that text 8 MiB a step.
// `bytes` must outlive the reader.
//     DatasetSnapshotReader reader(bytes);
//     while (!reader.step()) show(reader.progress());
//     DatasetSnapshotDecode decoded = reader.take();
class DatasetSnapshotReader {
public:
    explicit DatasetSnapshotReader(std::string_view bytes);
    ~DatasetSnapshotReader();
    DatasetSnapshotReader(DatasetSnapshotReader&&) noexcept;
    DatasetSnapshotReader& operator=(DatasetSnapshotReader&&) noexcept;

    // One piece of work; true once the snapshot is decoded or refused (then take() it).
    bool step();
    bool done() const;
    // 0..1: the checksum is the first half, the columns the second.
    double progress() const;
    DatasetSnapshotDecode take();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace radar
