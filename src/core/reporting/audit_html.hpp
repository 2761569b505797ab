// The audit of the report's period (issue #18) as a section of the HTML report, "Eerlijkheid en
// consistentie / Fairness and consistency": the agreement of the blind double coding, the
// automation-bias figures, and per grouping the pooled group audit as a table and an inline-SVG
// disparity chart with the fair band. Every figure says what it rests on; all text HTML-escaped.
#pragma once

#include <string>

#include "core/fairness/audit_report.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar {

// The section (an HTML fragment: <section id="audit">...</section>), in Dutch or English; `fields`
// (optional) gives the groupings their labels ("Provincie (province)").
std::string audit_section_html(const AuditReport& audit, TextLanguage language,
                               const FieldDictionary* fields = nullptr);

// The pooled selection-rate disparities of one grouping as an SVG: a log scale from 0.25 to 4
// with the fair band shaded and its edges drawn, a line at 1, and per group (a <g class="group">)
// its ratio as a point with the 95% Katz interval as a whisker; the reference group, "too few to
// judge" and ratios outside the band are said in text beside it, under the ratio.
std::string disparity_chart_svg(const GroupTable& table, const FairBand& band, TextLanguage language);

}  // namespace radar
