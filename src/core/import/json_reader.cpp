// Parsing and flattening of JSON records.
#include "import/json_reader.hpp"

#include <deque>

#include <nlohmann/json.hpp>

namespace radar {
namespace {

using Json = nlohmann::ordered_json;

// Collects nlohmann's message for a record that does not parse. Used instead of exceptions:
// WebAssembly builds cannot catch them.
class ParseErrorMessage final : public nlohmann::json_sax<Json> {
public:
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
        message = error.what();
        return false;
    }
};

std::string parse_error_message(std::string_view text) {
    ParseErrorMessage handler;
    Json::sax_parse(text, &handler);
    return handler.message.empty() ? "not valid JSON" : handler.message;
}

}  // namespace

// One record as (dotted key, cell) pairs; the texts the cells point to live here.
struct JsonReader::Flattened {
    std::vector<std::pair<std::string, RawCell>> cells;
    std::deque<std::string> texts;  // JSON text of numbers, booleans and arrays (stable addresses)

    void add(const std::string& prefix, const Json& value) {
        if (value.is_object()) {
            for (const auto& item : value.items()) add(prefix.empty() ? item.key() : prefix + "." + item.key(), item.value());
            return;
        }
        RawCell cell;
        if (value.is_string()) {
            cell.text = value.get_ref<const std::string&>();
        } else if (value.is_null()) {
            cell.kind = RawCell::Kind::null;
        } else {
            texts.push_back(value.dump(-1, ' ', false, Json::error_handler_t::replace));
            cell.text = texts.back();
            if (value.is_number()) {
                cell.kind = RawCell::Kind::number;
                cell.number = value.get<double>();
            } else if (value.is_boolean()) {
                cell.kind = RawCell::Kind::boolean;
                cell.number = value.get<bool>() ? 1.0 : 0.0;
            }
            // Arrays stay text: their JSON is kept as written.
        }
        cells.emplace_back(prefix, cell);
    }
};

JsonReader::JsonReader(TableBuilder& builder, TextDecoder& decoder) : builder_(builder), decoder_(decoder) {}

JsonReader::~JsonReader() = default;

void JsonReader::feed(std::string_view bytes) { scanner_.feed(bytes, *this); }

void JsonReader::finish() { scanner_.finish(*this); }

void JsonReader::on_ignored(std::string_view what, std::string_view what_nl, std::uint32_t line) {
    builder_.diagnose(RowContext{0, line, false, false}, {}, {}, DiagnosticReason::ignored_data, Severity::info,
                      std::string(what), std::string(what_nl));
}

void JsonReader::reject(const RowContext& context, std::string_view text, const std::string& detail,
                        const std::string& detail_nl) {
    const RawCell cell{text, RawCell::Kind::text, 0.0};
    builder_.reject_unreadable_row(context, cell, DiagnosticReason::invalid_json, detail, detail_nl);
}

void JsonReader::on_record(std::string_view raw_text, std::uint32_t line, bool complete) {
    if (builder_.failed() || builder_.stopped_at_row_limit()) return;
    const RowContext context{++record_number_, line, false, false};
    const std::string_view text = decoder_.decode(raw_text, scratch_);
    if (!complete) {
        reject(context, text, "the file ends inside this record", "het bestand eindigt binnen dit record");
        return;
    }
    const Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        const std::string message = parse_error_message(text);
        reject(context, text, message, "geen geldige JSON (" + message + ")");
        return;
    }
    if (!json.is_object()) {
        reject(context, text, "a record must be a JSON object {...}", "een record moet een JSON-object {...} zijn");
        return;
    }
    Flattened flattened;
    flattened.add({}, json);
    for (const auto& [key, cell] : flattened.cells) {
        if (column_of_key_.count(key)) continue;
        column_of_key_.emplace(key, builder_.column_count());
        builder_.add_column(key, context.row, context.line);
    }
    if (!columns_checked_) {
        columns_checked_ = true;
        builder_.check_required_columns();
    }
    if (builder_.failed()) return;
    cells_.assign(builder_.column_count(), RawCell{{}, RawCell::Kind::null, 0.0});
    for (const auto& [key, cell] : flattened.cells) cells_[column_of_key_[key]] = cell;
    builder_.add_row(context, cells_.data(), cells_.size());
}

}  // namespace radar
