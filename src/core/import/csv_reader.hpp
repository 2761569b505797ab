// CSV import: the tokenizer's records become a header (mapped to fields) and rows of decoded
// cells for the TableBuilder; blank rows are counted and skipped; a record past the size limit
// fails the import.
#pragma once

#include <string>
#include <vector>

#include "core/import/csv_tokenizer.hpp"
#include "core/import/format_reader.hpp"
#include "core/import/table_builder.hpp"
#include "core/import/text_encoding.hpp"

namespace radar {

class CsvReader final : public FormatReader, private CsvRecordSink {
public:
    CsvReader(char delimiter, std::uint32_t first_line, std::size_t max_record_bytes, TableBuilder& builder,
              TextDecoder& decoder);
    void feed(std::string_view bytes) override;
    void finish() override;
    SourceFormat format() const override { return SourceFormat::csv; }

private:
    void on_record(const CsvRecord& record) override;
    void on_record_too_long(std::uint32_t row, std::uint32_t line, bool in_quotes) override;
    // Fills cells_ with the record's fields, decoded to UTF-8 when the record holds non-ASCII bytes.
    void split_into_cells(const CsvRecord& record);

    CsvTokenizer tokenizer_;
    std::size_t max_record_bytes_;
    TableBuilder& builder_;
    TextDecoder& decoder_;
    bool header_seen_ = false;
    std::vector<RawCell> cells_;
    std::string decoded_;  // the current record's converted fields, back to back
    std::string scratch_;
};

}  // namespace radar
