// Encoding and format detection and incremental driving of the CSV/JSON readers.
#include "core/import/importer.hpp"

#include <algorithm>

#include "core/import/csv_reader.hpp"
#include "core/import/format_detection.hpp"
#include "core/import/json_reader.hpp"

namespace radar {
namespace {

// Enough for the delimiter guess (about 50 lines) and the JSON check, small enough to copy.
constexpr std::size_t sniff_bytes = 64 * 1024;
// A UTF-16 byte-order mark.
constexpr std::size_t byte_order_mark_bytes = 2;

}  // namespace

Importer::Importer(FieldDictionary dictionary, ImportOptions options)
    : dictionary_(std::move(dictionary)), options_(std::move(options)), decoder_(options_.encoding) {
    result_.source_name = options_.source_name;
    if (options_.profile) result_.mapping_profile = options_.profile->name;
    builder_ = std::make_unique<TableBuilder>(dictionary_, options_.profile ? &*options_.profile : nullptr,
                                              options_.limits, result_);
    builder_->set_decimal_mark(options_.decimal_mark);
}

Importer::~Importer() = default;

double Importer::progress() const {
    if (finished_) return 1.0;
    if (options_.total_bytes == 0) return 0.0;
    return std::min(1.0, static_cast<double>(bytes_) / static_cast<double>(options_.total_bytes));
}

bool Importer::stopped() const { return builder_->failed() || builder_->stopped_at_row_limit(); }

void Importer::start(bool at_end) {
    std::string_view text = sniff_;
    if (has_utf8_byte_order_mark(text)) {
        decoder_.note_byte_order_mark();
        text.remove_prefix(3);
    }
    DetectedFormat format = detect_format(text);
    if (options_.format == FormatChoice::csv) format = DetectedFormat::csv;
    if (options_.format == FormatChoice::json) format = DetectedFormat::json;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        builder_->fail(DiagnosticReason::unreadable_file, "the file is empty", "het bestand is leeg");
        return;
    }
    if (format == DetectedFormat::json) {
        reader_ = std::make_unique<JsonReader>(*builder_, decoder_, options_.limits);
    } else {
        std::uint32_t first_line = 1;
        char delimiter = options_.delimiter;
        if (const auto separator = excel_separator_line(text)) {
            if (delimiter == 0) delimiter = separator->delimiter;
            text.remove_prefix(separator->length);
            first_line = 2;
        }
        if (delimiter == 0) delimiter = detect_delimiter(text, at_end);
        result_.delimiter = delimiter;
        if (options_.decimal_mark == DecimalMark::unknown)
            builder_->set_decimal_mark(delimiter == ';' ? DecimalMark::comma : delimiter == ',' ? DecimalMark::point
                                                                                               : DecimalMark::unknown);
        reader_ = std::make_unique<CsvReader>(delimiter, first_line, options_.limits.max_record_bytes,
                                              options_.limits.rows_per_batch, *builder_, decoder_);
    }
    reader_->feed(text);
    sniff_.clear();
    sniff_.shrink_to_fit();
}

void Importer::plan_capacity() {
    // Columns sized from the rows per byte seen so far, so big columns are not regrown by
    // doubling (a copy, and up to twice the memory). Re-planned when the rows read come close.
    // Bytes are the file's own (a UTF-16 file's count twice its ASCII text), like total_bytes.
    // Imported rows, not rows read: a file of rejected rows needs no column space.
    const std::uint64_t rows = result_.summary.rows_imported;
    if (options_.total_bytes <= bytes_ || rows == 0) return;
    if (rows < planned_rows_ - planned_rows_ / 32) return;
    const double rows_per_byte = static_cast<double>(rows) / static_cast<double>(bytes_);
    const double remaining = static_cast<double>(options_.total_bytes - bytes_);
    double planned = (static_cast<double>(rows) + remaining * rows_per_byte) * 1.02 + 64;
    if (options_.limits.row_limit) planned = std::min(planned, static_cast<double>(options_.limits.row_limit));
    planned = std::min(planned, static_cast<double>(options_.total_bytes / 2 + 1));
    if (planned <= static_cast<double>(planned_rows_)) return;
    planned_rows_ = static_cast<std::uint64_t>(planned);
    builder_->reserve_rows(static_cast<std::size_t>(planned_rows_));
}

void Importer::settle_byte_order() {
    byte_order_settled_ = true;
    if (const auto utf16 = utf16_byte_order_mark(lead_)) {
        utf16_ = std::make_unique<Utf16ToUtf8>(*utf16);
        decoder_.note_utf16(*utf16);
    }
    const std::string lead = std::move(lead_);
    take_bytes(lead);
}

void Importer::take_bytes(std::string_view bytes) {
    if (!utf16_) {
        take_text(bytes);
        return;
    }
    // The byte-order mark comes out as the UTF-8 one, which start() notes and skips.
    converted_.clear();
    utf16_->convert(bytes, converted_);
    take_text(converted_);
}

void Importer::take_text(std::string_view text) {
    if (text.empty() || stopped()) return;
    if (!reader_) {
        // Only the sniff window is copied; the rest of a big first chunk goes straight on.
        const std::size_t take = std::min(text.size(), sniff_bytes - sniff_.size());
        sniff_.append(text.substr(0, take));
        text.remove_prefix(take);
        if (sniff_.size() < sniff_bytes) return;
        start(false);
        if (!reader_ || stopped()) return;
    }
    if (!text.empty()) reader_->feed(text);
}

void Importer::feed(std::string_view chunk) {
    if (finished_ || chunk.empty()) return;
    hash_.update(chunk);
    bytes_ += chunk.size();
    if (stopped()) return;
    if (!byte_order_settled_) {
        const std::size_t take = std::min(chunk.size(), byte_order_mark_bytes - lead_.size());
        lead_.append(chunk.substr(0, take));
        chunk.remove_prefix(take);
        if (lead_.size() < byte_order_mark_bytes) return;
        settle_byte_order();
    }
    take_bytes(chunk);
    plan_capacity();
}

ImportResult Importer::finish() {
    if (finished_) return ImportResult();
    if (!byte_order_settled_) settle_byte_order();  // a file of fewer than two bytes
    if (utf16_) {
        converted_.clear();
        utf16_->finish(converted_);
        take_text(converted_);
    }
    if (!reader_ && !stopped()) start(true);
    if (reader_ && !builder_->failed()) reader_->finish();
    if (decoder_.invalid_utf8_sequences() > 0) {
        const std::string count = std::to_string(decoder_.invalid_utf8_sequences());
        builder_->diagnose(RowContext{}, {}, {}, DiagnosticReason::invalid_utf8, Severity::info,
                           count + " bytes were not valid UTF-8 and were read as Windows-1252",
                           count + " bytes waren geen geldige UTF-8 en zijn als Windows-1252 gelezen");
    }
    if (utf16_ && utf16_->replaced() > 0) {
        const std::string count = std::to_string(utf16_->replaced());
        builder_->diagnose(RowContext{}, {}, {}, DiagnosticReason::invalid_utf16, Severity::info,
                           count + " characters were not valid UTF-16 (a surrogate without its other half, or an "
                                   "odd last byte) and were read as U+FFFD",
                           count + " tekens waren geen geldige UTF-16 (een surrogaat zonder zijn andere helft, of "
                                   "een oneven laatste byte) en zijn als U+FFFD gelezen");
    }
    builder_->finish();
    finished_ = true;
    if (reader_) result_.format = reader_->format();
    result_.encoding = decoder_.encoding();
    result_.byte_count = bytes_;
    result_.content_hash = hash_.value();
    builder_.reset();
    reader_.reset();
    return std::move(result_);
}

ImportResult import_bytes(std::string_view bytes, const FieldDictionary& dictionary, ImportOptions options) {
    options.total_bytes = bytes.size();
    Importer importer(dictionary, std::move(options));
    importer.feed(bytes);
    return importer.finish();
}

}  // namespace radar
