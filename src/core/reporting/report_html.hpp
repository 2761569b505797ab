// The report as one self-contained, printable HTML page: header with the reproducibility data,
// key figures, the summary paragraph, inline-SVG bar charts and every report table. No scripts,
// no external resources (a Content-Security-Policy forbids them), all text HTML-escaped.
#pragma once

#include <string>
#include <string_view>

#include "core/time/date_text.hpp"
#include "core/reporting/report.hpp"

namespace radar {

struct HtmlReportOptions {
    TextLanguage language = TextLanguage::dutch;
    std::string notice;  // shown as a badge in the header when set, e.g. "SYNTHETISCHE DEMODATA"
    UtcOffsetAt utc_offset;  // the reader's time zone for "made on" (UTC when empty)
};

// Escapes & < > " ' so that any text is safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

std::string report_to_html(const Report& report, const HtmlReportOptions& options);

}  // namespace radar
