// CSV and JSON renderings of an ImportResult.
#include "core/import/import_report.hpp"

#include "core/base/strict_json.hpp"
#include "core/data/csv_writer.hpp"
#include "core/import/content_hash.hpp"

namespace radar {
namespace {

CsvStyle csv_style(const ReportStyle& style) { return CsvStyle{style.delimiter, true}; }

std::string start(const ReportStyle& style) { return style.byte_order_mark ? "\xEF\xBB\xBF" : ""; }

std::string reasons_text(const RejectedRow& row, std::string_view language) {
    std::string text;
    for (DiagnosticReason reason : row.reasons) text += (text.empty() ? "" : "; ") + std::string(reason_label(reason, language));
    return text;
}

std::string delimiter_text(char delimiter) {
    if (delimiter == '\t') return "tab";
    return delimiter ? std::string(1, delimiter) : std::string();
}

}  // namespace

std::string write_diagnostics_csv(const ImportResult& result, const ReportStyle& style) {
    const bool dutch = style.language == "nl";
    std::string out = start(style);
    const CsvStyle csv = csv_style(style);
    append_csv_row(out,
                   dutch ? std::vector<std::string>{"rij", "regel", "kolom", "waarde", "code", "reden", "ernst", "details"}
                         : std::vector<std::string>{"row", "line", "column", "value", "code", "reason", "severity", "detail"},
                   csv);
    for (const Diagnostic& d : result.diagnostics)
        append_csv_row(out,
                       {d.row ? std::to_string(d.row) : "", d.line ? std::to_string(d.line) : "", d.column, d.value,
                        reason_code(d.reason), reason_label(d.reason, style.language), severity_code(d.severity), d.detail_in(style.language)},
                       csv);
    return out;
}

std::string write_rejected_rows_csv(const ImportResult& result, const ReportStyle& style) {
    const bool dutch = style.language == "nl";
    std::string out = start(style);
    const CsvStyle csv = csv_style(style);
    std::vector<std::string> header{dutch ? "rij" : "row", dutch ? "reden" : "reason"};
    if (result.format == SourceFormat::csv) {
        for (const ImportedColumn& column : result.columns) header.push_back(column.header);
    } else {
        header.push_back("record (JSON)");
    }
    append_csv_row(out, header, csv);
    for (const RejectedRow& row : result.rejected_rows) {
        std::vector<std::string> fields{std::to_string(row.row), reasons_text(row, style.language)};
        fields.insert(fields.end(), row.fields.begin(), row.fields.end());
        append_csv_row(out, fields, csv);
    }
    return out;
}

std::string import_report_json(const ImportResult& result) {
    OrderedJson json;
    json["source_name"] = result.source_name;
    json["status"] = result.ok() ? "completed" : "failed";
    json["failure"] = result.failure;
    json["failure_nl"] = result.failure_nl;
    json["format"] = format_code(result.format);
    json["delimiter"] = delimiter_text(result.delimiter);
    json["encoding"] = encoding_code(result.encoding);
    json["byte_count"] = result.byte_count;
    json["content_hash"] = format_content_hash(result.content_hash);
    json["mapping_profile"] = result.mapping_profile;
    json["stopped_at_row_limit"] = result.stopped_at_row_limit;

    const ImportSummary& s = result.summary;
    OrderedJson summary;
    summary["rows_read"] = s.rows_read;
    summary["rows_imported"] = s.rows_imported;
    summary["rows_with_warnings"] = s.rows_with_warnings;
    summary["rows_rejected"] = s.rows_rejected;
    summary["blank_rows"] = s.blank_rows;
    summary["diagnostics_total"] = s.diagnostics_total;
    OrderedJson by_reason = OrderedJson::object();
    for (std::size_t i = 0; i < diagnostic_reason_count; ++i)
        if (s.by_reason[i]) by_reason[reason_code(static_cast<DiagnosticReason>(i))] = s.by_reason[i];
    summary["by_reason"] = std::move(by_reason);
    json["summary"] = std::move(summary);

    OrderedJson columns = OrderedJson::array();
    for (const ImportedColumn& column : result.columns)
        columns.push_back({{"header", column.header},
                           {"column_name", column.column_name},
                           {"field", column.field.empty() ? OrderedJson(nullptr) : OrderedJson(column.field)},
                           {"origin", mapping_origin_code(column.origin)},
                           {"extra", column.extra},
                           {"protected", column.protected_attribute},
                           {"type", value_kind_code(column.kind)},
                           {"type_chosen", column.kind_chosen}});
    json["columns"] = std::move(columns);
    json["fields_not_found"] = result.fields_not_found;

    OrderedJson diagnostics = OrderedJson::array();
    for (const Diagnostic& d : result.diagnostics)
        diagnostics.push_back({{"row", d.row},
                               {"line", d.line},
                               {"column", d.column},
                               {"value", d.value},
                               {"reason", reason_code(d.reason)},
                               {"severity", severity_code(d.severity)},
                               {"detail", d.detail},
                               {"detail_nl", d.detail_nl}});
    json["diagnostics"] = std::move(diagnostics);
    json["diagnostics_truncated"] = result.diagnostics.size() < s.diagnostics_total;

    OrderedJson rejected = OrderedJson::array();
    for (const RejectedRow& row : result.rejected_rows) {
        OrderedJson reasons = OrderedJson::array();
        for (DiagnosticReason reason : row.reasons) reasons.push_back(reason_code(reason));
        rejected.push_back({{"row", row.row}, {"line", row.line}, {"reasons", std::move(reasons)}, {"fields", row.fields}});
    }
    json["rejected_rows"] = std::move(rejected);
    // Invalid UTF-8 cannot reach here (all text is decoded), but never let dump() throw.
    return json.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

}  // namespace radar
