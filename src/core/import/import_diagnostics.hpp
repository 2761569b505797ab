// What can go wrong in an import, cell by cell: a reason, a severity and where it happened
// (row as the user sees it in Excel, column header, raw value), with Dutch and English labels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace radar {

enum class DiagnosticReason : std::uint8_t {
    unparsable_number,
    not_whole_number,
    unparsable_date,
    impossible_date,
    unparsable_boolean,
    out_of_range,
    unknown_category,
    required_missing,
    duplicate_id,
    ragged_row,
    unbalanced_quote,
    invalid_json,
    invalid_utf8,
    invalid_utf16,
    duplicate_header,
    empty_header,
    mapping_conflict,
    x_means_no,
    ignored_data,
    missing_required_column,
    unreadable_file,
    rows_not_listed,  // more rejected rows than the list keeps (all are counted)
};
constexpr std::size_t diagnostic_reason_count = static_cast<std::size_t>(DiagnosticReason::rows_not_listed) + 1;

enum class Severity : std::uint8_t {
    info,     // nothing lost (e.g. a duplicate header was renamed)
    warning,  // the row is imported; this cell is left missing (unknown categories are kept as written)
    error,    // the row is rejected (listed in ImportResult::rejected_rows)
    fatal,    // the import failed as a whole
};

struct Diagnostic {
    std::uint32_t row = 0;   // CSV: row number as Excel shows it (header = 1); JSON: record number; 0 = file
    std::uint32_t line = 0;  // line in the file where that row starts (1-based); 0 = file
    std::string column;      // header as in the file (cut to 256 bytes and "…"); empty for the whole row or file
    std::string value;       // the raw cell text (UTF-8)
    DiagnosticReason reason = DiagnosticReason::unreadable_file;
    Severity severity = Severity::warning;
    std::string detail;     // English specifics, e.g. "expected 21 fields, found 23"
    std::string detail_nl;  // the same in Dutch, e.g. "21 velden verwacht, 23 gevonden"

    // The detail in `language` ("nl" or "en"; anything else gives English).
    const std::string& detail_in(std::string_view language) const { return language == "nl" ? detail_nl : detail; }
};

// Stable snake_case codes ("unparsable_number") for reports, tests and translations.
const char* reason_code(DiagnosticReason reason);
// Short label for people; `language` "nl" or "en" (anything else gives English).
const char* reason_label(DiagnosticReason reason, std::string_view language);
// "info", "warning", "error", "fatal".
const char* severity_code(Severity severity);

// A size limit for messages in both languages: "1 MiB", "64 KiB", otherwise "100 bytes".
std::string byte_size_text(std::uint64_t bytes);

}  // namespace radar
