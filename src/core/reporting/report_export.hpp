// The report as tables (one CSV per table, safe to open in Excel) and as one JSON document.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/strict_json.hpp"
#include "core/fairness/audit_report.hpp"
#include "core/reporting/report.hpp"

namespace radar {

struct ParliamentAnswer;

struct ReportTable {
    ReportTable(std::string name_, std::vector<std::string> header_, std::vector<bool> numeric_,
                std::vector<std::vector<std::string>> rows_, std::string caption_ = {})
        : name(std::move(name_)), header(std::move(header_)), numeric(std::move(numeric_)), rows(std::move(rows_)),
          caption(std::move(caption_)) {}

    std::string name;  // file-name friendly: "months", "by_province", ...
    std::vector<std::string> header;
    std::vector<bool> numeric;  // per column: values the core formatted as numbers
    std::vector<std::vector<std::string>> rows;
    // A sentence shown with the table wherever it is shown (HTML, app, CLI): the label definition
    // for tables that use it. Not part of the CSV.
    std::string caption;
};

std::vector<ReportTable> report_tables(const Report& report, TextLanguage language);
// A heading for a table by its name: "Per provincie" / "By province".
std::string report_table_title(const std::string& name, TextLanguage language);
// A score band group as shown in tables and charts: "top 10%", ..., "buiten batch".
std::string score_band_group_label(const std::string& key, TextLanguage language);

// A cell as people read it: shares (fractions in the table and CSV) as percentages "57,1%", the
// lift ratio as "2,00×"; counts and text unchanged.
std::string readable_cell(const ReportTable& table, std::size_t row, std::size_t column, TextLanguage language);

// One CSV cell: text cells starting with = + - @ tab or CR get a leading apostrophe so that a
// spreadsheet never runs them as a formula; cells with , " or line breaks are quoted.
std::string csv_cell(std::string_view value, bool numeric);
std::string table_to_csv(const ReportTable& table);

// The whole report (figures, definitions, header, both summaries) as JSON, and as indented text;
// with the period's audit (audit_to_json) under "audit" when one is given.
Json report_json_value(const Report& report);
// With the period's audit ("audit") and the parliamentary question's answer ("parliamentary_question")
// when given.
std::string report_to_json(const Report& report, const AuditReport* audit = nullptr,
                           const ParliamentAnswer* parliament = nullptr);

}  // namespace radar
