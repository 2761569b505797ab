// The outcome of one import, before the user accepts or discards it: the new Dataset (canonical
// fields and extra attribute columns), how each file column was mapped, a summary, per-cell
// diagnostics and every rejected row. Producing it never touches an existing dataset.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/import/column_mapping.hpp"
#include "core/import/import_diagnostics.hpp"
#include "core/import/text_encoding.hpp"

namespace radar {

enum class SourceFormat {
    csv,          // also TSV and other delimiters: see ImportResult::delimiter
    json_array,   // [ {...}, {...} ]
    json_object,  // { "dossiers": [ {...}, ... ] }
    ndjson,       // one object per line
};
// "csv", "json_array", "json_object", "ndjson".
const char* format_code(SourceFormat format);

struct ImportSummary {
    std::uint64_t rows_read = 0;           // data rows (header and blank rows not counted)
    std::uint64_t rows_imported = 0;       // rows_read = rows_imported + rows_rejected
    std::uint64_t rows_with_warnings = 0;  // imported rows with at least one warning
    std::uint64_t rows_rejected = 0;
    std::uint64_t blank_rows = 0;          // empty lines / rows of empty cells, skipped
    std::uint64_t diagnostics_total = 0;   // all diagnostics, also those past the kept limit
    std::array<std::uint64_t, diagnostic_reason_count> by_reason{};  // indexed by DiagnosticReason
};

struct RejectedRow {
    std::uint32_t row = 0;   // as in Diagnostic::row
    std::uint32_t line = 0;
    std::vector<DiagnosticReason> reasons;
    // Raw cells in file order; empty past ImportLimits::max_rejected_rows_with_fields or max_rejected_cells.
    std::vector<std::string> fields;
};

struct ImportedColumn {
    std::size_t source_index = 0;  // position in the file (JSON: order of first appearance)
    std::string header;            // as in the file
    std::string column_name;       // name in ImportResult::dataset (the field name for mapped columns)
    std::string field;             // canonical field; empty for an extra attribute
    MappingOrigin origin = MappingOrigin::unmatched;
    bool extra = true;
    bool protected_attribute = false;  // displayable, never for models
    // What the values are: a field's type (text with a list of values is a category), or for an
    // extra attribute the type inferred from all its values (column_inference.hpp) or chosen.
    ValueKind kind = ValueKind::text;
    bool kind_chosen = false;  // an extra attribute whose type the user (mapping profile) chose
};

enum class ImportStatus { completed, failed };

struct ImportResult {
    ImportStatus status = ImportStatus::completed;
    std::string failure;     // why the import failed (English), also present as a fatal diagnostic
    std::string failure_nl;  // the same in Dutch
    // The failure in `language` ("nl" or "en"; anything else gives English).
    const std::string& failure_in(std::string_view language) const { return language == "nl" ? failure_nl : failure; }

    std::string source_name;
    std::string mapping_profile;  // name of the profile used, if any
    SourceFormat format = SourceFormat::csv;
    char delimiter = 0;  // CSV only
    TextEncoding encoding = TextEncoding::utf8;
    std::uint64_t byte_count = 0;
    std::uint64_t content_hash = 0;     // content_hash_of all bytes fed
    bool stopped_at_row_limit = false;  // ImportOptions::row_limit ended the import early (a preview)

    std::vector<ImportedColumn> columns;        // one per file column, in file order
    std::vector<std::string> fields_not_found;  // dictionary fields no column maps to
    Dataset dataset;                            // columns in file order; one row per imported row
    std::vector<std::uint32_t> source_rows;     // per dataset row: its row number in the file

    ImportSummary summary;
    std::vector<Diagnostic> diagnostics;     // the first ImportLimits::max_diagnostics
    // The rejected rows in file order, at most ImportLimits::max_rejected_rows_listed (all are
    // counted in summary.rows_rejected; a diagnostic says how many are not listed).
    std::vector<RejectedRow> rejected_rows;
    bool accepted = false;                   // accept_import moved the dataset out

    bool ok() const { return status == ImportStatus::completed; }
    // Each column's mapping, for profile_from_mappings.
    std::vector<HeaderMapping> mappings() const;
};

}  // namespace radar
