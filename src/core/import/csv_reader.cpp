// From CSV records to header and rows.
#include "core/import/csv_reader.hpp"

#include <algorithm>
#include <cstdint>

namespace radar {

namespace {

// Records after a batch the builder did not take that go one by one before the next batch.
constexpr std::size_t rows_after_unclean_batch = 1024;

}  // namespace

CsvReader::CsvReader(char delimiter, std::uint32_t first_line, std::size_t max_record_bytes, std::size_t rows_per_batch,
                     TableBuilder& builder, TextDecoder& decoder)
    : tokenizer_(delimiter, first_line, max_record_bytes),
      max_record_bytes_(max_record_bytes),
      builder_(builder),
      decoder_(decoder),
      rows_per_batch_(std::min<std::size_t>(rows_per_batch, 64)) {}

void CsvReader::feed(std::string_view bytes) {
    input_ = bytes;
    tokenizer_.feed(bytes, *this);
    store_held();
    input_ = {};
}

void CsvReader::finish() {
    tokenizer_.finish(*this);
    store_held();
}

void CsvReader::split_into_cells(const CsvRecord& record) {
    cells_.resize(record.field_count);
    if (!record.has_non_ascii || decoder_.keeps_as_is(record.buffer)) {
        for (std::size_t i = 0; i < record.field_count; ++i) cells_[i] = RawCell{record.field(i), RawCell::Kind::text, 0.0};
        return;
    }
    // Fields that need converting are written to decoded_, reserved up front for the worst case
    // (a Windows-1252 byte becomes at most 3 UTF-8 bytes) so that it never moves under the views.
    decoded_.clear();
    decoded_.reserve(record.buffer.size() * 3);
    for (std::size_t i = 0; i < record.field_count; ++i) {
        std::string_view text = decoder_.decode(record.field(i), scratch_);
        if (text.data() == scratch_.data()) {
            const std::size_t start = decoded_.size();
            decoded_.append(text);
            text = std::string_view(decoded_).substr(start);
        }
        cells_[i] = RawCell{text, RawCell::Kind::text, 0.0};
    }
}

void CsvReader::on_record_too_long(std::uint32_t row, std::uint32_t line, bool in_quotes) {
    store_held();
    const std::string limit = byte_size_text(max_record_bytes_);
    const std::string where = std::to_string(row) + " (";
    const std::string line_text = std::to_string(line) + ")";
    const std::string message = "row " + where + "line " + line_text + " is longer than " + limit + ": " +
                                (in_quotes ? "a quote opened in it is perhaps never closed, or the file is not"
                                           : "the file does not look like") +
                                " a delimited export (CSV or tab-separated text)";
    const std::string message_nl = "rij " + where + "regel " + line_text + " is langer dan " + limit + ": " +
                                   (in_quotes ? "een aanhalingsteken erin wordt misschien nooit gesloten, of het "
                                                "bestand is geen"
                                              : "het bestand lijkt geen") +
                                   " export met scheidingstekens (CSV of tekst met tabs)";
    builder_.fail(DiagnosticReason::unreadable_file, message, message_nl);
}

void CsvReader::on_record(const CsvRecord& record) {
    // A data record whose cells need no decoding may wait for a batch; anything else is handled
    // in file order, after the records held.
    const bool data_row = header_seen_ && rows_per_batch_ > 0 && !record.is_blank();
    if (data_row && rows_before_next_batch_ == 0 && (!record.has_non_ascii || decoder_.keeps_as_is(record.buffer))) {
        const std::size_t bytes_at = bytes_kept_at(record);
        if (bytes_at != HeldRecord::nowhere) {
            hold(record, bytes_at);
            if (held_.size() >= rows_per_batch_) store_held();
            return;
        }
    }
    store_held();
    if (data_row && rows_before_next_batch_ > 0) --rows_before_next_batch_;
    if (builder_.failed() || builder_.stopped_at_row_limit()) return;
    if (header_seen_ && !record.is_blank()) {
        add_row(record);
        return;
    }
    builder_.count_record_bytes(record.buffer.size() + 1);
    if (record.is_blank()) {
        if (header_seen_) builder_.skip_blank_row();
        return;
    }
    split_into_cells(record);
    header_seen_ = true;
    for (const RawCell& cell : cells_) builder_.add_column(cell.text, record.row, record.line);
    builder_.check_required_columns();
}

void CsvReader::add_row(const CsvRecord& record) {
    builder_.count_record_bytes(record.buffer.size() + 1);
    split_into_cells(record);
    builder_.add_row(RowContext{record.row, record.line, record.unbalanced_quote, true}, cells_.data(), cells_.size());
}

std::size_t CsvReader::bytes_kept_at(const CsvRecord& record) const {
    const auto lies_in = [&record](std::string_view bytes) {
        const auto address = [](const char* p) { return reinterpret_cast<std::uintptr_t>(p); };
        return !bytes.empty() && address(record.buffer.data()) >= address(bytes.data()) &&
               address(record.buffer.data()) + record.buffer.size() <= address(bytes.data()) + bytes.size();
    };
    if (lies_in(input_)) return HeldRecord::in_input;
    const std::string_view kept = tokenizer_.kept_bytes();
    if (lies_in(kept)) return static_cast<std::size_t>(record.buffer.data() - kept.data());
    return HeldRecord::nowhere;
}

void CsvReader::hold(const CsvRecord& record, std::size_t bytes_at) {
    tokenizer_.keep_record();
    held_.push_back(
        HeldRecord{record, bytes_at, static_cast<std::size_t>(record.field_ends - tokenizer_.kept_field_ends())});
}

void CsvReader::store_held() {
    if (held_.empty()) return;
    // The tokenizer's kept records have stopped growing: the records can point into them now.
    batch_.clear();
    for (const HeldRecord& held : held_) {
        CsvRecord record = held.record;
        record.field_ends = tokenizer_.kept_field_ends() + held.field_ends_at;
        if (held.bytes_at != HeldRecord::in_input)
            record.buffer = std::string_view(tokenizer_.kept_bytes().data() + held.bytes_at, record.buffer.size());
        batch_.push_back(record);
    }
    if (!builder_.add_clean_rows(batch_.data(), batch_.size())) {
        rows_before_next_batch_ = rows_after_unclean_batch;
        for (const CsvRecord& record : batch_) {
            if (builder_.failed() || builder_.stopped_at_row_limit()) break;
            add_row(record);
        }
    }
    held_.clear();
    tokenizer_.release_records();
}

}  // namespace radar
