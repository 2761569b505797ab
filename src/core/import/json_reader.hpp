// JSON import: record texts from the scanner are parsed strictly (parse_ordered_json_strict), nested
// objects are flattened to dotted column names ("address.city"), and keys become columns as they
// appear. A record past the size or depth limit fails the import before it is parsed; a record
// that does not parse is a rejected row; a key written twice in a record fails the import.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/import/format_reader.hpp"
#include "core/import/json_record_scanner.hpp"
#include "core/import/table_builder.hpp"
#include "core/import/text_encoding.hpp"

namespace radar {

class JsonReader final : public FormatReader, private JsonRecordSink {
public:
    JsonReader(TableBuilder& builder, TextDecoder& decoder, const ImportLimits& limits);
    ~JsonReader() override;
    void feed(std::string_view bytes) override;
    void finish() override;
    SourceFormat format() const override { return scanner_.layout(); }

private:
    struct Flattened;
    void on_record(std::string_view text, std::uint32_t line, bool complete) override;
    void on_ignored(std::string_view what, std::string_view what_nl, std::uint32_t line) override;
    void on_record_too_long(std::uint32_t line) override;
    void on_record_too_deep(std::uint32_t line) override;
    void reject(const RowContext& context, std::string_view text, const std::string& detail, const std::string& detail_nl);

    JsonRecordScanner scanner_;
    std::size_t max_record_bytes_;
    std::size_t max_depth_;
    TableBuilder& builder_;
    TextDecoder& decoder_;
    std::uint32_t record_number_ = 0;
    bool columns_checked_ = false;
    std::map<std::string, std::size_t> column_of_key_;
    std::vector<RawCell> cells_;
    std::string scratch_;
};

}  // namespace radar
