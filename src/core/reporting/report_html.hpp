// The report as one self-contained, printable HTML page: header with the reproducibility data,
// key figures, the summary paragraph, inline-SVG bar charts, when given the period's fairness and
// consistency audit, and every report table. No scripts, no external resources (a
// Content-Security-Policy forbids them), all text HTML-escaped.
#pragma once

#include <string>
#include <string_view>

#include "core/fairness/audit_report.hpp"
#include "core/import/field_dictionary.hpp"
#include "core/reporting/html_format.hpp"
#include "core/time/date_text.hpp"
#include "core/reporting/parliament_answer.hpp"
#include "core/reporting/report.hpp"

namespace radar {

struct HtmlReportOptions {
    TextLanguage language = TextLanguage::dutch;
    std::string notice;  // shown as a badge in the header when set, e.g. "SYNTHETISCHE DEMODATA"
    UtcOffsetAt utc_offset = nullptr;  // the reader's time zone for "made on" (UTC when empty)
    // The period's audit, shown as the section "Eerlijkheid en consistentie" (audit_html.hpp)
    // before the tables; none: the page has no such section.
    const AuditReport* audit = nullptr;
    const FieldDictionary* fields = nullptr;  // labels the audit's groupings ("Provincie")
    // The parliamentary question and its answer in both languages with its table, after the
    // summary; none: no such section.
    const ParliamentAnswer* parliament = nullptr;
};

std::string report_to_html(const Report& report, const HtmlReportOptions& options);

}  // namespace radar
