// Report periods people pick from: a calendar month, quarter or year, all time, or custom dates;
// the choices offered run from the first activity up to the reference date, newest first; and a
// period named in a link.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/reporting/report.hpp"

namespace radar {

enum class PeriodKind { month, quarter, year, all_time, custom };

struct PeriodChoice {
    ReportPeriod period;
    std::string label;  // "januari 2024", "1e kwartaal 2024" / "Q1 2024", "2024", "tot en met 30 juni 2024"
};

// The months, quarters or years (per `kind`) that overlap [first_day, last_day], newest first;
// the newest one ends on `last_day` when its calendar end lies after it. all_time gives
// the one period up to `last_day`; custom gives none (the caller supplies the dates).
std::vector<PeriodChoice> period_choices(PeriodKind kind, DayNumber first_day, DayNumber last_day,
                                         TextLanguage language);

// A period as a link names it (`?period=` for presenters): "2026-Q3", "2026-09", "2026", "all".
// The kind and the first day of the month, quarter or year (none for all time); nothing when the
// text is none of these.
struct LinkedPeriod {
    PeriodKind kind = PeriodKind::all_time;
    std::optional<DayNumber> start;
};
std::optional<LinkedPeriod> parse_linked_period(const std::string& text);

// "1 januari 2024 – 31 maart 2024" / "up to and including 31 March 2024" for all time.
std::string period_label(const ReportPeriod& period, TextLanguage language);

}  // namespace radar
