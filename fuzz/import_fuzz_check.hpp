// Shared body of the importer fuzz targets: imports the input whole and in chunks (sizes taken
// from the input, under the CSV scanner's block), and row by row without batches, and traps unless all agree, the
// result is internally consistent and it comes back the same through the import worker's codec (import_transfer.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/data/csv_writer.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/import/content_hash.hpp"
#include "core/import/import_report.hpp"
#include "core/import/import_snapshot.hpp"
#include "core/import/import_transfer.hpp"
#include "core/import/importer.hpp"

namespace radar::fuzzing {

inline const FieldDictionary& fuzz_dictionary() {
    // Short names, so the fuzzer finds headers that map to every field type.
    static const FieldDictionary dictionary = *load_field_dictionary(R"({"fields": [
        {"name": "id", "type": "text", "id": true, "required": true, "label": {"nl": "Id", "en": "Id"}},
        {"name": "n", "type": "integer", "min": 0, "max": 100, "label": {"nl": "N", "en": "N"}},
        {"name": "x", "type": "number", "label": {"nl": "X", "en": "X"}},
        {"name": "d", "type": "date", "min": "1900-01-01", "label": {"nl": "D", "en": "D"}},
        {"name": "b", "type": "boolean", "label": {"nl": "B", "en": "B"}},
        {"name": "c", "type": "text", "values": ["aa", "bb"], "label": {"nl": "C", "en": "C"}},
        {"name": "p", "type": "text", "protected": true, "label": {"nl": "P", "en": "P"}}]})")
                                                       .dictionary;
    return dictionary;
}

inline void require(bool condition) {
    if (!condition) __builtin_trap();
}

inline std::string fingerprint(const ImportResult& result) {
    std::string text = write_csv(result.dataset);
    for (const Diagnostic& d : result.diagnostics)
        text += std::to_string(d.row) + "/" + d.column + "/" + d.value + "/" + reason_code(d.reason) + "\n";
    return text;
}

inline void check_import(const std::uint8_t* data, std::size_t size, FormatChoice format) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ImportOptions options;
    options.format = format;
    options.source_name = "fuzz";
    options.limits.max_columns = 512;
    // Inputs stay under 4 KiB (-max_len): a small record limit lets the fuzzer reach its path.
    options.limits.max_record_bytes = 512;
    ImportResult whole = import_bytes(bytes, fuzz_dictionary(), options);
    ImportOptions row_options = options;
    row_options.limits.rows_per_batch = 0;

    // Chunks shorter than the tokenizer's 64-byte block: the chunked reading scans byte by byte
    // (but for text taken back after an unclosed quote), the whole reading a block at a time
    // (byte_block_scanner.hpp), and both must agree. The chunked reading also stores its CSV rows
    // in batches of another size (0: one by one).
    const std::size_t chunk = size == 0 ? 1 : data[0] % 61 + 1;
    options.total_bytes = size;
    ImportOptions split_options = options;
    split_options.limits.rows_per_batch = size < 2 ? 0 : data[1] % 9;
    Importer importer(fuzz_dictionary(), split_options);
    for (std::size_t at = 0; at < size; at += chunk) importer.feed(bytes.substr(at, chunk));
    const ImportResult split = importer.finish();

    // Every row stored by itself (the row path) gives the same as the batches.
    const ImportResult rows = import_bytes(bytes, fuzz_dictionary(), row_options);
    require(fingerprint(rows) == fingerprint(whole));
    require(rows.source_rows == whole.source_rows);
    require(import_report_json(rows) == import_report_json(whole));
    require(write_rejected_rows_csv(rows) == write_rejected_rows_csv(whole));

    const ImportSummary& s = whole.summary;
    require(s.rows_read == s.rows_imported + s.rows_rejected);
    require(s.rows_with_warnings <= s.rows_imported);
    require(whole.rejected_rows.size() == std::min<std::size_t>(s.rows_rejected, options.limits.max_rejected_rows_listed));
    require(!whole.ok() || whole.dataset.row_count() == s.rows_imported);
    require(!whole.ok() || whole.source_rows.size() == s.rows_imported);
    require(whole.ok() || whole.dataset.columns().empty());
    for (const Column& column : whole.dataset.columns()) require(column.size() == whole.dataset.row_count());
    require(split.content_hash == content_hash_of(bytes));
    require(fingerprint(split) == fingerprint(whole));
    require(split.summary.diagnostics_total == s.diagnostics_total);

    // What the import worker hands the page decodes, and encodes again to the same bytes.
    const std::string transferred = encode_import_result(split);
    ImportResultDecode decoded = decode_import_result(transferred);
    require(decoded.result.has_value());
    DatasetSnapshotDecode dataset =
        decode_dataset_snapshot(std::string_view(transferred).substr(decoded.dataset_offset, decoded.dataset_size));
    require(dataset.snapshot.has_value());
    decoded.result->dataset = std::move(dataset.snapshot->dataset);
    require(fingerprint(*decoded.result) == fingerprint(split));
    require(encode_import_result(*decoded.result) == transferred);

    // The reports and accepting must cope with whatever came out.
    require(!write_diagnostics_csv(whole).empty());
    require(!write_rejected_rows_csv(whole).empty());
    require(!import_report_json(whole).empty());
    const AcceptOutcome accepted = accept_import(whole, "fuzz");
    require(accepted.accepted.has_value() == split.ok());
}

}  // namespace radar::fuzzing
