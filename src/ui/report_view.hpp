// The "Rapport" screen: the standard report (issue #7) for a chosen period, with key figures, the
// summary paragraph, charts drawn with ImGui's draw lists, the period's audit (issue #18), every
// table, and CSV/JSON/HTML exports (the JSON and HTML with the audit).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/reporting/report.hpp"
#include "core/reporting/report_charts.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/report_period.hpp"
#include "session/audit_work.hpp"
#include "session/i18n.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// What the screen keeps: the user's choices, and the presentation of the session's report for
// them (rebuilt only when the report or the language changes).
struct ReportViewState {
    // Choices.
    PeriodKind kind = PeriodKind::all_time;
    std::size_t choice = 0;  // index into choices (newest first)
    std::array<char, 40> custom_from{};
    std::array<char, 40> custom_to{};
    std::array<bool, 3> possible_risk{true, false, true};  // by ScreeningCode: Risico + Verder onderzoek nodig
    // A period named in the page's link (?period=2026-Q3), chosen once the choices are known.
    std::optional<LinkedPeriod> linked_period;

    // The session's report for the choices (nullptr without one) and what was drawn from it.
    const Report* report = nullptr;
    std::uint64_t built_report = 0;  // the session's report_generation() of tables, charts, text
    DayNumber choices_from = 0;      // the span the period choices were made for
    DayNumber choices_to = 0;
    std::optional<TextLanguage> built_language;
    std::vector<PeriodChoice> choices;
    std::vector<ReportTable> tables;
    std::vector<BarChart> charts;
    std::string period_text;
    // The parliamentary question's answer for the same choices, its table, and whether the next
    // frame scrolls to it (the "Parlementaire vraag" button).
    const ParliamentAnswer* parliament = nullptr;
    std::string parliament_first;   // the answer in the screen's language
    std::string parliament_second;  // and in the other
    ReportTable parliament_table{"parliamentary_question", {}, {}, {}};
    bool scroll_to_parliament = false;
};

// `audit` gives the audit of the report's batch months (owned by the app next to the session).
void draw_report_view(Session& state, AuditWork& audit, const Fonts& fonts, ReportViewState& view);

}  // namespace radar::ui
