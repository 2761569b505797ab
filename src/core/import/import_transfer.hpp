// What crosses between the page and the Web Worker that runs an import, as bytes: the request
// (the field dictionary and the import's options) and the answer (the whole ImportResult, its
// dataset as a dataset snapshot at the end, for the page to decode a piece at a time).
//
//     std::string request = encode_import_request(dictionary, options);      // page -> worker
//     ImportResultWriter writer(importer.finish());                          // worker -> page,
//     for (std::string piece = writer.next_piece(); !piece.empty(); ...)     //   a piece at a time
//     ImportResultReader reader(answer);                                     // on the page, in steps,
//     DatasetSnapshotReader dataset(answer.substr(offset, size));            //   then its dataset
// encode_import_result and decode_import_result do the same at once (tests, fuzzing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/import/field_dictionary.hpp"
#include "core/import/import_result.hpp"
#include "core/import/importer.hpp"

namespace radar {

inline constexpr std::uint32_t import_transfer_version = 1;

// The worker's request: the dictionary the file is read with and the import's options.
struct ImportRequest {
    FieldDictionary dictionary;
    ImportOptions options;
};

std::string encode_import_request(const FieldDictionary& dictionary, const ImportOptions& options);
// Nothing when the bytes are not a request this version wrote (magic, version, length, malformed).
std::optional<ImportRequest> decode_import_request(std::string_view bytes);

// The worker's answer: all of ImportResult but `accepted`. The dataset travels as a dataset
// snapshot (the bytes of encode_dataset_snapshot(result.dataset, "")) at the end of the bytes,
// so that the page can decode it a piece at a time with DatasetSnapshotReader.
std::string encode_import_result(const ImportResult& result);

// The same bytes a piece at a time, so that the worker never holds them whole: first everything
// before the dataset snapshot, then the snapshot as DatasetSnapshotWriter writes it (at most a few
// MiB a piece). `result` must outlive the writer and stay unchanged while it works.
//     ImportResultWriter writer(result);
//     receiver.reserve(writer.size());
//     for (std::string piece = writer.next_piece(); !piece.empty(); piece = writer.next_piece()) send(piece);
class ImportResultWriter {
public:
    explicit ImportResultWriter(const ImportResult& result);
    ~ImportResultWriter();
    ImportResultWriter(const ImportResultWriter&) = delete;
    ImportResultWriter& operator=(const ImportResultWriter&) = delete;

    // The length of all the pieces together.
    std::size_t size() const;
    // The next piece; empty once all are written.
    std::string next_piece();

private:
    struct State;
    std::unique_ptr<State> state_;
};

struct ImportResultDecode {
    std::optional<ImportResult> result;  // everything but the dataset (left empty); not accepted
    std::size_t dataset_offset = 0;      // where the dataset snapshot is within the bytes
    std::size_t dataset_size = 0;
    std::string error;  // English, when result is nullopt
};

// Checks the header and reads everything before the dataset snapshot, which it only locates.
ImportResultDecode decode_import_result(std::string_view bytes);

// The same a piece at a time, for a page that keeps drawing: the header and the result's fixed
// part, then its diagnostics and rejected rows some thousands a step. `bytes` must outlive it.
//     ImportResultReader reader(bytes);
//     while (!reader.step()) draw_a_frame();
//     ImportResultDecode decoded = reader.take();
class ImportResultReader {
public:
    explicit ImportResultReader(std::string_view bytes);
    ~ImportResultReader();
    ImportResultReader(const ImportResultReader&) = delete;
    ImportResultReader& operator=(const ImportResultReader&) = delete;

    // One piece of work; true once the result is read or refused (then take() it).
    bool step();
    ImportResultDecode take();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace radar
