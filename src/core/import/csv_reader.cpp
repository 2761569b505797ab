// From CSV records to header and rows.
#include "import/csv_reader.hpp"

namespace radar {

CsvReader::CsvReader(char delimiter, std::uint32_t first_line, TableBuilder& builder, TextDecoder& decoder)
    : tokenizer_(delimiter, first_line), builder_(builder), decoder_(decoder) {}

void CsvReader::feed(std::string_view bytes) { tokenizer_.feed(bytes, *this); }

void CsvReader::finish() { tokenizer_.finish(*this); }

std::string_view CsvReader::decoded(const CsvRecord& record, std::size_t field) {
    const std::string_view bytes = record.field(field);
    return record.has_non_ascii ? decoder_.decode(bytes, scratch_[field]) : bytes;
}

void CsvReader::on_record(const CsvRecord& record) {
    if (builder_.failed() || builder_.stopped_at_row_limit()) return;
    if (record.is_blank()) {
        if (header_seen_) builder_.skip_blank_row();
        return;
    }
    // Sized before decoding: views into the scratch strings must not move.
    if (scratch_.size() < record.field_count) scratch_.resize(record.field_count);
    if (!header_seen_) {
        header_seen_ = true;
        for (std::size_t i = 0; i < record.field_count; ++i) builder_.add_column(decoded(record, i), record.row, record.line);
        builder_.check_required_columns();
        return;
    }
    cells_.resize(record.field_count);
    for (std::size_t i = 0; i < record.field_count; ++i) cells_[i] = RawCell{decoded(record, i), RawCell::Kind::text, 0.0};
    builder_.add_row(RowContext{record.row, record.line, record.unbalanced_quote, true}, cells_.data(), cells_.size());
}

}  // namespace radar
