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
    CsvReader(char delimiter, std::uint32_t first_line, std::size_t max_record_bytes, std::size_t rows_per_batch,
              TableBuilder& builder, TextDecoder& decoder);
    void feed(std::string_view bytes) override;
    void finish() override;
    SourceFormat format() const override { return SourceFormat::csv; }

private:
    void on_record(const CsvRecord& record) override;
    void on_record_too_long(std::uint32_t row, std::uint32_t line, bool in_quotes) override;
    // Fills cells_ with the record's fields, decoded to UTF-8 when the record holds non-ASCII bytes.
    void split_into_cells(const CsvRecord& record);
    // The row path: the record's bytes counted, its cells handed to the builder's add_row.
    void add_row(const CsvRecord& record);
    // Where a record's bytes stay until the next batch is stored: in the input being fed
    // (HeldRecord::in_input) or among the tokenizer's kept records (the offset there). A record
    // read from a stray quote's replayed text stays in neither (HeldRecord::nowhere).
    std::size_t bytes_kept_at(const CsvRecord& record) const;
    // Keeps a data record for the next batch (the tokenizer keeps its bytes and field ends).
    void hold(const CsvRecord& record, std::size_t bytes_at);
    // Stores the records held, as a batch when the builder takes them so, else one by one.
    void store_held();

    CsvTokenizer tokenizer_;
    std::size_t max_record_bytes_;
    TableBuilder& builder_;
    TextDecoder& decoder_;
    bool header_seen_ = false;
    // [SECTION] Records held for a batch (TableBuilder::add_clean_rows)
    std::size_t rows_per_batch_;
    // A record held: where its bytes and its field ends are kept until the batch is stored.
    struct HeldRecord {
        static constexpr std::size_t in_input = ~std::size_t{0};     // its bytes lie in input_
        static constexpr std::size_t nowhere = ~std::size_t{0} - 1;  // not kept: it cannot be held
        CsvRecord record;
        std::size_t bytes_at;       // from the tokenizer's kept_bytes(), or in_input
        std::size_t field_ends_at;  // from the tokenizer's kept_field_ends()
    };
    std::string_view input_;  // the bytes being fed: records inside it stay where they are
    std::vector<HeldRecord> held_;
    std::vector<CsvRecord> batch_;  // the records held, pointing where they are kept
    // After a batch the builder did not take, records go one by one for a while: a file where
    // most batches hold something to report is not parsed twice.
    std::size_t rows_before_next_batch_ = 0;
    std::vector<RawCell> cells_;
    std::string decoded_;  // the current record's converted fields, back to back
    std::string scratch_;
};

}  // namespace radar
