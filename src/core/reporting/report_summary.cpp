// Summary paragraphs. Numbers are formatted with integer arithmetic so the text is identical
// natively and in WebAssembly.
#include "core/reporting/report_summary.hpp"

#include <cmath>

#include "core/time/date_text.hpp"

namespace radar {
namespace {

bool is_month_end(DayNumber day) { return first_of_month(day + 1) == day + 1; }

// "Tot en met december 2023" / "Van januari 2023 tot en met december 2023" (full dates when the
// period does not run over whole months).
std::string period_phrase(const Report& report, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    const bool whole_months = is_month_end(report.period.to) &&
                              (!report.period.from || first_of_month(*report.period.from) == *report.period.from);
    auto when = [&](DayNumber day) { return whole_months ? format_month_year(day, language) : format_date(day, language); };
    if (!report.period.from) return (nl ? "Tot en met " : "Up to and including ") + when(report.period.to);
    return (nl ? "Van " : "From ") + when(*report.period.from) + (nl ? " tot en met " : " up to and including ") +
           when(report.period.to);
}

std::string joined_codes(const std::vector<ScreeningCode>& codes, TextLanguage language) {
    std::string text;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) text += i + 1 == codes.size() ? (language == TextLanguage::dutch ? " of " : " or ") : ", ";
        text += code_label(codes[i], language);
    }
    return text;
}

std::string interval(const Proportion& p, TextLanguage language) {
    std::string low = format_percent(p.low, language), high = format_percent(p.high, language);
    return low.substr(0, low.size() - 1) + "–" + high;
}

std::string dutch_summary(const Report& r) {
    const TextLanguage nl = TextLanguage::dutch;
    std::string text = period_phrase(r, nl);
    text += r.unique_dossiers == 1 ? " werd 1 uniek dossier" : " werden " + std::to_string(r.unique_dossiers) + " unieke dossiers";
    text += " op basis van de datamining onder de loep genomen.";
    if (r.unique_dossiers == 0) return text;
    text += " Van de gescreende dossiers ";
    text += r.possible_risk_dossiers == 1 ? "werd er 1" : "werden er " + std::to_string(r.possible_risk_dossiers);
    text += " als mogelijk risico geëvalueerd (" + joined_codes(r.possible_risk, nl) + ").";
    text += " In totaal " + std::string(r.screenings.total == 1 ? "gebeurde er 1 screening" :
                                        "gebeurden er " + std::to_string(r.screenings.total) + " screenings") + ": ";
    const ScreeningCode order[] = {ScreeningCode::risico, ScreeningCode::geen_risico, ScreeningCode::verder_onderzoek_nodig};
    for (std::size_t i = 0; i < 3; ++i) {
        text += i == 0 ? "" : (i == 2 ? " en " : ", ");
        text += std::to_string(r.screenings.count(order[i])) + " keer " + code_label(order[i], nl) + " (" +
                format_percent(r.screenings.share(order[i]), nl) + ")";
    }
    text += ".";
    if (r.lift.available) {
        text += " Bij de hoogst gerangschikte dossiers was " + format_percent(r.lift.top.rate, nl) +
                " een mogelijk risico (95%-betrouwbaarheidsinterval " + interval(r.lift.top, nl) + ", n = " +
                std::to_string(r.lift.top.total) + "), tegenover " + format_percent(r.lift.control.rate, nl) +
                " in de willekeurige controlesteekproef (" + interval(r.lift.control, nl) + ", n = " +
                std::to_string(r.lift.control.total) + ").";
    } else {
        text += " Er werd geen controlesteekproef gescreend, dus deze cijfers zeggen niet of de score beter werkt "
                "dan het toeval.";
    }
    if (r.follow_ups.opened > 0)
        text += (r.follow_ups.opened == 1 ? std::string(" Er werd 1 opvolging opgezet: ")
                                          : " Er werden " + std::to_string(r.follow_ups.opened) + " opvolgingen opgezet: ") +
                std::to_string(r.follow_ups.done) + " afgerond, " + std::to_string(r.follow_ups.open) + " lopend (" +
                std::to_string(r.follow_ups.overdue) + " over de vervaldatum).";
    return text;
}

std::string english_summary(const Report& r) {
    const TextLanguage en = TextLanguage::english;
    std::string text = period_phrase(r, en) + ", ";
    text += r.unique_dossiers == 1 ? "1 unique dossier was" : std::to_string(r.unique_dossiers) + " unique dossiers were";
    text += " examined on the basis of the data mining.";
    if (r.unique_dossiers == 0) return text;
    text += " Of the screened dossiers, " + std::to_string(r.possible_risk_dossiers) +
            (r.possible_risk_dossiers == 1 ? " was" : " were") + " evaluated as a possible risk (" +
            joined_codes(r.possible_risk, en) + ").";
    text += " There " + std::string(r.screenings.total == 1 ? "was 1 screening" :
                                    "were " + std::to_string(r.screenings.total) + " screenings") + " in total: ";
    const ScreeningCode order[] = {ScreeningCode::risico, ScreeningCode::geen_risico, ScreeningCode::verder_onderzoek_nodig};
    for (std::size_t i = 0; i < 3; ++i) {
        text += i == 0 ? "" : (i == 2 ? " and " : ", ");
        text += std::to_string(r.screenings.count(order[i])) + " " + code_label(order[i], en) + " (" +
                format_percent(r.screenings.share(order[i]), en) + ")";
    }
    text += ".";
    if (r.lift.available) {
        text += " Among the highest-ranked dossiers " + format_percent(r.lift.top.rate, en) +
                " were a possible risk (95% confidence interval " + interval(r.lift.top, en) + ", n = " +
                std::to_string(r.lift.top.total) + "), against " + format_percent(r.lift.control.rate, en) +
                " in the random control sample (" + interval(r.lift.control, en) + ", n = " +
                std::to_string(r.lift.control.total) + ").";
    } else {
        text += " No control sample was screened, so these figures do not show whether the score does better than "
                "chance.";
    }
    if (r.follow_ups.opened > 0)
        text += (r.follow_ups.opened == 1 ? std::string(" 1 follow-up was set up: ")
                                          : " " + std::to_string(r.follow_ups.opened) + " follow-ups were set up: ") +
                std::to_string(r.follow_ups.done) +
                " done, " + std::to_string(r.follow_ups.open) + " open (" + std::to_string(r.follow_ups.overdue) +
                " overdue).";
    return text;
}

}  // namespace

std::string format_percent(double share, TextLanguage language) {
    const long long tenths = std::llround(share * 1000.0);
    const long long magnitude = tenths < 0 ? -tenths : tenths;
    return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + (language == TextLanguage::dutch ? "," : ".") +
           std::to_string(magnitude % 10) + "%";
}

std::string report_summary(const Report& report, TextLanguage language) {
    return language == TextLanguage::dutch ? dutch_summary(report) : english_summary(report);
}

}  // namespace radar
