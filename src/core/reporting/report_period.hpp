// Report periods people pick from: a calendar month, quarter or year, all time, or custom dates;
// the choices offered run from the first activity up to the reference date, newest first.
#pragma once

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

// "1 januari 2024 – 31 maart 2024" / "up to and including 31 March 2024" for all time.
std::string period_label(const ReportPeriod& period, TextLanguage language);

}  // namespace radar
