// Snapshot descriptors and accepting an import.
#include "core/import/import_snapshot.hpp"

#include "core/import/content_hash.hpp"

namespace radar {

bool SnapshotDescriptor::operator==(const SnapshotDescriptor& other) const {
    return source_name == other.source_name && imported_at == other.imported_at && content_hash == other.content_hash &&
           byte_count == other.byte_count && format == other.format && encoding == other.encoding &&
           row_count == other.row_count && rows_rejected == other.rows_rejected && column_count == other.column_count &&
           extra_column_count == other.extra_column_count && mapping_profile == other.mapping_profile &&
           export_date == other.export_date;
}

OrderedJson snapshot_json_value(const SnapshotDescriptor& snapshot) {
    OrderedJson json;
    json["source_name"] = snapshot.source_name;
    json["imported_at"] = snapshot.imported_at;
    json["content_hash"] = snapshot.content_hash;
    json["byte_count"] = snapshot.byte_count;
    json["format"] = snapshot.format;
    json["encoding"] = snapshot.encoding;
    json["row_count"] = snapshot.row_count;
    json["rows_rejected"] = snapshot.rows_rejected;
    json["column_count"] = snapshot.column_count;
    json["extra_column_count"] = snapshot.extra_column_count;
    json["mapping_profile"] = snapshot.mapping_profile;
    if (snapshot.export_date > 0) json["export_date"] = format_iso_date(snapshot.export_date);
    return json;
}

std::string snapshot_to_json(const SnapshotDescriptor& snapshot) {
    return snapshot_json_value(snapshot).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

std::optional<SnapshotDescriptor> snapshot_from_json(std::string_view json_text) {
    const Checked<Json> parsed = parse_json_strict(json_text);
    if (!parsed) return std::nullopt;
    return snapshot_from_json_value(*parsed);
}

std::optional<SnapshotDescriptor> snapshot_from_json_value(const Json& json) {
    if (!json.is_object()) return std::nullopt;
    SnapshotDescriptor snapshot;
    bool valid = true;
    auto text = [&](const char* key, std::string& out) {
        const auto found = json.find(key);
        if (found == json.end() || !found->is_string()) valid = false;
        else out = found->get<std::string>();
    };
    auto count = [&](const char* key, std::uint64_t& out) {
        const auto found = json.find(key);
        if (found == json.end() || !found->is_number_unsigned()) valid = false;
        else out = found->get<std::uint64_t>();
    };
    text("source_name", snapshot.source_name);
    text("imported_at", snapshot.imported_at);
    text("content_hash", snapshot.content_hash);
    count("byte_count", snapshot.byte_count);
    text("format", snapshot.format);
    text("encoding", snapshot.encoding);
    count("row_count", snapshot.row_count);
    count("rows_rejected", snapshot.rows_rejected);
    count("column_count", snapshot.column_count);
    count("extra_column_count", snapshot.extra_column_count);
    text("mapping_profile", snapshot.mapping_profile);
    if (const auto found = json.find("export_date"); found != json.end()) {
        const std::optional<DayNumber> day = found->is_string() ? parse_iso_date(found->get<std::string>()) : std::nullopt;
        if (day) snapshot.export_date = *day;
        else valid = false;
    }
    if (!valid) return std::nullopt;
    return snapshot;
}

std::string source_text_utf8(std::string bytes, TextEncoding encoding) {
    if (encoding == TextEncoding::utf16_le || encoding == TextEncoding::utf16_be) return utf16_to_utf8(bytes, encoding);
    TextDecoder decoder(encoding == TextEncoding::windows_1252 ? EncodingChoice::windows_1252 : EncodingChoice::utf8);
    std::string converted;
    if (decoder.decode(bytes, converted).data() == bytes.data()) return bytes;
    return converted;
}

std::optional<DayNumber> export_date_in_data(const Dataset& dataset) {
    const Column* column = dataset.find("export_date");
    if (!column || column->type != ColumnType::date) return std::nullopt;
    std::optional<DayNumber> latest;
    for (std::size_t row = 0; row < column->size(); ++row)
        if (!column->is_missing(row)) {
            const auto day = static_cast<DayNumber>(column->numbers[row]);
            if (!latest || day > *latest) latest = day;
        }
    return latest;
}

AcceptOutcome accept_import(ImportResult& result, std::string imported_at, DayNumber stated_export_date) {
    AcceptOutcome outcome;
    if (!result.ok()) {
        outcome.error = "a failed import cannot be accepted: " + result.failure;
        return outcome;
    }
    if (result.accepted) {
        outcome.error = "this import was already accepted";
        return outcome;
    }
    AcceptedImport accepted;
    SnapshotDescriptor& snapshot = accepted.snapshot;
    snapshot.source_name = result.source_name;
    snapshot.imported_at = std::move(imported_at);
    snapshot.content_hash = format_content_hash(result.content_hash);
    snapshot.byte_count = result.byte_count;
    snapshot.format = format_code(result.format);
    snapshot.encoding = encoding_code(result.encoding);
    snapshot.row_count = result.dataset.row_count();
    snapshot.rows_rejected = result.summary.rows_rejected;
    snapshot.column_count = result.columns.size();
    for (const ImportedColumn& column : result.columns) snapshot.extra_column_count += column.extra ? 1 : 0;
    snapshot.mapping_profile = result.mapping_profile;
    snapshot.export_date = export_date_in_data(result.dataset).value_or(stated_export_date);
    accepted.dataset = std::move(result.dataset);
    accepted.columns = result.columns;
    accepted.source_rows = std::move(result.source_rows);
    result.dataset = Dataset();
    result.source_rows.clear();
    result.accepted = true;
    outcome.accepted = std::move(accepted);
    return outcome;
}

}  // namespace radar
