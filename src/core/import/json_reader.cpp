// Parsing (strictly: a key written twice fails the import) and flattening of JSON records.
#include "core/import/json_reader.hpp"

#include <deque>

#include "core/base/strict_json.hpp"

namespace radar {

// One record as (dotted key, cell) pairs; the texts the cells point to live here. The recursion
// is as deep as the record's nesting, which the scanner has bounded.
struct JsonReader::Flattened {
    std::vector<std::pair<std::string, RawCell>> cells;
    std::deque<std::string> texts;  // JSON text of numbers, booleans and arrays (stable addresses)
    // The dotted keys repeat their parents' keys: a long key over many children would take far
    // more memory than the record. Flattening stops once they pass `max_key_bytes` in all.
    std::size_t max_key_bytes = 0;
    std::size_t key_bytes = 0;
    bool keys_too_long = false;

    void add(const std::string& prefix, const OrderedJson& value) {
        if (value.is_object()) {
            for (const auto& item : value.items()) {
                key_bytes += prefix.size() + 1 + item.key().size();
                keys_too_long = keys_too_long || key_bytes > max_key_bytes;
                if (keys_too_long) return;
                add(prefix.empty() ? item.key() : prefix + "." + item.key(), item.value());
            }
            return;
        }
        RawCell cell;
        if (value.is_string()) {
            cell.text = value.get_ref<const std::string&>();
        } else if (value.is_null()) {
            cell.kind = RawCell::Kind::null;
        } else {
            texts.push_back(value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
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

JsonReader::JsonReader(TableBuilder& builder, TextDecoder& decoder, const ImportLimits& limits)
    : scanner_(limits.max_record_bytes, limits.max_json_depth),
      max_record_bytes_(limits.max_record_bytes),
      max_depth_(limits.max_json_depth),
      builder_(builder),
      decoder_(decoder) {}

JsonReader::~JsonReader() = default;

void JsonReader::feed(std::string_view bytes) { scanner_.feed(bytes, *this); }

void JsonReader::finish() { scanner_.finish(*this); }

void JsonReader::on_ignored(std::string_view what, std::string_view what_nl, std::uint32_t line) {
    builder_.diagnose(RowContext{0, line, false, false}, {}, {}, DiagnosticReason::ignored_data, Severity::info,
                      std::string(what), std::string(what_nl));
}

void JsonReader::on_record_too_long(std::uint32_t line) {
    const std::string where = std::to_string(record_number_ + 1) + " (";
    const std::string line_text = std::to_string(line) + ")";
    const std::string limit = byte_size_text(max_record_bytes_);
    builder_.fail(DiagnosticReason::unreadable_file,
                  "record " + where + "line " + line_text + " is longer than " + limit +
                      ": a dossier record is far smaller; the file does not look like a dossier export",
                  "record " + where + "regel " + line_text + " is langer dan " + limit +
                      ": een dossierrecord is veel kleiner; het bestand lijkt geen dossierexport");
}

void JsonReader::on_record_too_deep(std::uint32_t line) {
    const std::string where = std::to_string(record_number_ + 1) + " (";
    const std::string line_text = std::to_string(line) + ")";
    const std::string limit = std::to_string(max_depth_);
    builder_.fail(DiagnosticReason::unreadable_file,
                  "record " + where + "line " + line_text + " nests objects or arrays more than " + limit +
                      " levels deep, the limit: the file does not look like a dossier export",
                  "record " + where + "regel " + line_text + " nest objecten of lijsten meer dan " + limit +
                      " niveaus diep, de grens: het bestand lijkt geen dossierexport");
}

void JsonReader::reject(const RowContext& context, std::string_view text, const std::string& detail,
                        const std::string& detail_nl) {
    const RawCell cell{text, RawCell::Kind::text, 0.0};
    builder_.reject_unreadable_row(context, cell, DiagnosticReason::invalid_json, detail, detail_nl);
}

void JsonReader::on_record(std::string_view raw_text, std::uint32_t line, bool complete) {
    if (builder_.failed() || builder_.stopped_at_row_limit()) return;
    builder_.count_record_bytes(raw_text.size() + 1);
    const RowContext context{++record_number_, line, false, false};
    const std::string_view text = decoder_.decode(raw_text, scratch_);
    if (!complete) {
        reject(context, text, "the file ends inside this record", "het bestand eindigt binnen dit record");
        return;
    }
    bool duplicate_key = false;
    const Checked<OrderedJson> parsed = parse_ordered_json_strict(text, &duplicate_key);
    if (duplicate_key) {
        // Which of the two values the export meant is unknown: keeping either would drop the other.
        const std::string where = "record " + std::to_string(context.row) + " (";
        const std::string line_text = std::to_string(context.line) + ")";
        builder_.fail(DiagnosticReason::invalid_json,
                      where + "line " + line_text + ": " + parsed.error() +
                          ": which value holds is unknown, so nothing is imported",
                      where + "regel " + line_text + " is geweigerd (" + parsed.error() +
                          "): welke waarde geldt is onbekend, dus er is niets geïmporteerd");
        return;
    }
    if (!parsed) {
        reject(context, text, parsed.error(), "geen geldige JSON (" + json_refusal_reason(parsed.error()) + ")");
        return;
    }
    const OrderedJson& json = *parsed;
    if (!json.is_object()) {
        reject(context, text, "a record must be a JSON object {...}", "een record moet een JSON-object {...} zijn");
        return;
    }
    Flattened flattened;
    flattened.max_key_bytes = max_record_bytes_;
    flattened.add({}, json);
    if (flattened.keys_too_long) {
        const std::string limit = byte_size_text(max_record_bytes_);
        reject(context, text, "its keys, written out in full (nested ones as \"a.b\"), take more than " + limit,
               "de sleutels, voluit geschreven (geneste als \"a.b\"), nemen meer dan " + limit + " in");
        return;
    }
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
