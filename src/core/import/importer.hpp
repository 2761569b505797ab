// The import entry point. An Importer takes a file's bytes chunk by chunk (so the browser can
// spread a 150 MB file over many frames), reports progress, and finish() hands back an
// ImportResult the caller accepts (accept_import) or drops. Cancelling = destroying the Importer.
//
//     Importer importer(dictionary, options);      // options.total_bytes = file size
//     importer.feed(chunk);  ...                    // any chunk sizes; importer.progress() in 0..1
//     ImportResult result = importer.finish();
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/import/column_mapping.hpp"
#include "core/import/content_hash.hpp"
#include "core/import/field_dictionary.hpp"
#include "core/import/import_result.hpp"
#include "core/import/table_builder.hpp"
#include "core/import/text_encoding.hpp"

namespace radar {

enum class FormatChoice { automatic, csv, json };

struct ImportOptions {
    std::string source_name;       // file name, kept in the result and the snapshot
    std::uint64_t total_bytes = 0;  // file size: drives progress() and column pre-sizing; 0 = unknown
    FormatChoice format = FormatChoice::automatic;
    char delimiter = 0;  // CSV delimiter; 0 = detect (, ; tab |)
    EncodingChoice encoding = EncodingChoice::automatic;
    // For ambiguous numbers ("1.250"); unknown = from the CSV delimiter (';' -> comma, ',' -> point).
    DecimalMark decimal_mark = DecimalMark::unknown;
    std::optional<MappingProfile> profile;  // header -> field overrides
    ImportLimits limits;                    // limits.row_limit > 0 imports only the first rows (preview)
};

class FormatReader;

class Importer {
public:
    // `dictionary` must be a validated one (load_field_dictionary); it is copied.
    Importer(FieldDictionary dictionary, ImportOptions options);
    ~Importer();
    Importer(const Importer&) = delete;
    Importer& operator=(const Importer&) = delete;

    void feed(std::string_view chunk);
    // Call once, after the last chunk. The Importer is spent afterwards.
    ImportResult finish();

    std::uint64_t bytes_consumed() const { return bytes_; }
    // bytes_consumed / total_bytes, at most 1; 0 when the total is unknown.
    double progress() const;
    // True when the rest of the file is not needed: the import failed or reached the row limit.
    bool stopped() const;

private:
    // Once the first two bytes are known: UTF-16 (byte-order mark) or bytes as they are.
    void settle_byte_order();
    // The file's bytes, converted to UTF-8 first when it is UTF-16.
    void take_bytes(std::string_view bytes);
    // Text to the sniff window until it is full, then to the reader.
    void take_text(std::string_view text);
    void start(bool at_end);
    void plan_capacity();

    FieldDictionary dictionary_;
    ImportOptions options_;
    ImportResult result_;
    TextDecoder decoder_;
    std::unique_ptr<TableBuilder> builder_;
    std::unique_ptr<FormatReader> reader_;
    std::string lead_;  // the first bytes, until they show whether the file is UTF-16
    bool byte_order_settled_ = false;
    std::unique_ptr<Utf16ToUtf8> utf16_;  // set for a UTF-16 file
    std::string converted_;               // the current chunk of a UTF-16 file, as UTF-8
    std::string sniff_;  // first text, held until the format and delimiter are known
    ContentHasher hash_;  // over the file's own bytes (also for UTF-16)
    std::uint64_t bytes_ = 0;
    std::uint64_t planned_rows_ = 0;  // rows the columns have capacity for
    bool finished_ = false;
};

// Imports a whole buffer at once (tests, CLI on small files, fuzzing).
ImportResult import_bytes(std::string_view bytes, const FieldDictionary& dictionary, ImportOptions options);

}  // namespace radar
