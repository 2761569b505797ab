// From CSV records to header and rows.
#include "core/import/csv_reader.hpp"

namespace radar {

CsvReader::CsvReader(char delimiter, std::uint32_t first_line, std::size_t max_record_bytes, TableBuilder& builder,
                     TextDecoder& decoder)
    : tokenizer_(delimiter, first_line, max_record_bytes), max_record_bytes_(max_record_bytes), builder_(builder),
      decoder_(decoder) {}

void CsvReader::feed(std::string_view bytes) { tokenizer_.feed(bytes, *this); }

void CsvReader::finish() { tokenizer_.finish(*this); }

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
    if (builder_.failed() || builder_.stopped_at_row_limit()) return;
    builder_.count_record_bytes(record.buffer.size() + 1);
    if (record.is_blank()) {
        if (header_seen_) builder_.skip_blank_row();
        return;
    }
    split_into_cells(record);
    if (!header_seen_) {
        header_seen_ = true;
        for (const RawCell& cell : cells_) builder_.add_column(cell.text, record.row, record.line);
        builder_.check_required_columns();
        return;
    }
    builder_.add_row(RowContext{record.row, record.line, record.unbalanced_quote, true}, cells_.data(), cells_.size());
}

}  // namespace radar
