// Decoding a dataset snapshot from its bytes as they arrive (a store's chunks at start-up), in
// pieces of any size, without ever holding the whole snapshot: each column, and then the search
// index, is decoded once all its bytes are there, and those bytes are let go. The checksum is
// summed as the bytes come and compared once all have come (finish); faults are reported as
// decode_dataset_snapshot reports them for the same bytes (the length, then the checksum, then
// the structure), whatever was decoded before.
//     DatasetSnapshotStream stream;
//     for (std::string_view piece : pieces) stream.add(piece);
//     DatasetSnapshotDecode decoded = stream.finish();
#pragma once

#include <memory>
#include <string_view>

#include "core/data/dataset_snapshot.hpp"

namespace radar {

class DatasetSnapshotStream {
public:
    DatasetSnapshotStream();
    ~DatasetSnapshotStream();
    DatasetSnapshotStream(DatasetSnapshotStream&&) noexcept;
    DatasetSnapshotStream& operator=(DatasetSnapshotStream&&) noexcept;

    // The next bytes; decodes every column (or the search index) they complete.
    void add(std::string_view bytes);
    // 0..1: the bytes received of the length the header gives (0 before the header).
    double progress() const;
    // Bytes received and held: those of the item not yet complete (and up to 1 MiB decoded).
    std::size_t bytes_held() const;
    // Once every byte was added: the decoded snapshot, or why it cannot be read.
    DatasetSnapshotDecode finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace radar
