// Import reports for people and programs: the diagnostics and the rejected rows as CSV (for
// Excel: ';' separated, UTF-8 byte-order mark, formulas neutralised) and everything as JSON.
#pragma once

#include <string>
#include <string_view>

#include "core/import/import_result.hpp"

namespace radar {

struct ReportStyle {
    std::string language = "nl";  // "nl" or "en": headers and reason labels
    char delimiter = ';';          // what Excel expects on Belgian and Dutch machines
    bool byte_order_mark = true;   // so Excel reads the file as UTF-8
};

// One line per kept diagnostic: row, line, column, value, code, reason, severity, detail.
std::string write_diagnostics_csv(const ImportResult& result, const ReportStyle& style = {});

// The rejected rows as they were in the file (so they can be fixed and imported again), each
// preceded by its row number and reasons. Rows past the kept limit have no cells.
std::string write_rejected_rows_csv(const ImportResult& result, const ReportStyle& style = {});

// Status, format, encoding, hash, summary, column mapping, diagnostics and rejected rows as
// JSON (the machine-readable output of `radar import --json`).
std::string import_report_json(const ImportResult& result);

}  // namespace radar
