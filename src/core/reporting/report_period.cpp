// Calendar periods for the report's period chooser.
#include "core/reporting/report_period.hpp"

#include <algorithm>

#include "core/time/date_text.hpp"

namespace radar {
namespace {

int months_per(PeriodKind kind) { return kind == PeriodKind::month ? 1 : kind == PeriodKind::quarter ? 3 : 12; }

// First day of the month, quarter or year containing `day`.
DayNumber period_start(PeriodKind kind, DayNumber day) {
    const CivilDate date = civil_from_days(day);
    const int months = months_per(kind);
    const int first_month = (date.month - 1) / months * months + 1;
    return days_from_civil({date.year, first_month, 1});
}

std::string choice_label(PeriodKind kind, DayNumber start, TextLanguage language) {
    const CivilDate date = civil_from_days(start);
    const std::string year = std::to_string(date.year);
    if (kind == PeriodKind::month) return format_month_year(start, language);
    if (kind == PeriodKind::year) return year;
    const std::string quarter = std::to_string((date.month - 1) / 3 + 1);
    return language == TextLanguage::dutch ? quarter + "e kwartaal " + year : "Q" + quarter + " " + year;
}

}  // namespace

std::vector<PeriodChoice> period_choices(PeriodKind kind, DayNumber first_day, DayNumber last_day,
                                         TextLanguage language) {
    std::vector<PeriodChoice> choices;
    if (kind == PeriodKind::custom) return choices;
    if (kind == PeriodKind::all_time) {
        ReportPeriod period{std::nullopt, last_day};
        choices.push_back({period, period_label(period, language)});
        return choices;
    }
    const DayNumber earliest = period_start(kind, std::min(first_day, last_day));
    for (DayNumber start = period_start(kind, last_day); start >= earliest; start = add_months(start, -months_per(kind))) {
        // The current month, quarter or year ends today: a report never claims days still to come.
        const ReportPeriod period{start, std::min(add_months(start, months_per(kind)) - 1, last_day)};
        choices.push_back({period, choice_label(kind, start, language)});
    }
    return choices;
}

std::string period_label(const ReportPeriod& period, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    if (!period.from) return (nl ? "tot en met " : "up to and including ") + format_date(period.to, language);
    return format_date(*period.from, language) + " \xE2\x80\x93 " + format_date(period.to, language);
}

std::optional<LinkedPeriod> parse_linked_period(const std::string& text) {
    if (text == "all") return LinkedPeriod{PeriodKind::all_time, std::nullopt};
    if (text.size() == 4) {
        if (const auto start = parse_iso_date(text + "-01-01")) return LinkedPeriod{PeriodKind::year, *start};
    } else if (text.size() == 7 && (text[5] == 'Q' || text[5] == 'q') && text[4] == '-' && text[6] >= '1' && text[6] <= '4') {
        const std::string month = std::to_string((text[6] - '1') * 3 + 1);
        const std::string first = text.substr(0, 4) + "-" + (month.size() == 1 ? "0" : "") + month + "-01";
        if (const auto start = parse_iso_date(first)) return LinkedPeriod{PeriodKind::quarter, *start};
    } else if (text.size() == 7) {
        if (const auto start = parse_iso_date(text + "-01")) return LinkedPeriod{PeriodKind::month, *start};
    }
    return std::nullopt;
}

}  // namespace radar
