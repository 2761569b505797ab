// The answer to the parliamentary question: counts from the report and the history, the
// coverage over the dataset, and the paragraph and table in both languages. Numbers are written
// with integer arithmetic (format_percent), so the text is the same natively and in wasm.
#include "core/reporting/parliament_answer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/reporting/report_summary.hpp"
#include "core/time/date_text.hpp"

namespace radar {
namespace {

constexpr OutcomeType followed_types[] = {OutcomeType::warning, OutcomeType::support, OutcomeType::enforcement,
                                          OutcomeType::handed_over, OutcomeType::inspection};
constexpr ScreeningCode code_order[] = {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig,
                                        ScreeningCode::geen_risico};

bool is_possible_risk_code(const std::vector<ScreeningCode>& codes, ScreeningCode code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// How the dossier came to be screened: chosen by the list, drawn for the control sample, outside a batch.
enum class Route { list, control, outside };

Route route_of(const ScreeningState& state, const EffectiveScreening& screening) {
    const auto batch = state.batches.find(screening.batch_id);
    if (screening.batch_id.empty() || batch == state.batches.end()) return Route::outside;
    const BatchMember* member = batch->second.member(screening.dossier_id);
    if (!member) return Route::outside;
    return member->kind == SelectionKind::control ? Route::control : Route::list;
}

std::string count_of(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string joined(const std::vector<std::string>& parts, TextLanguage language) {
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) text += i + 1 == parts.size() ? (language == TextLanguage::dutch ? " en " : " and ") : ", ";
        text += parts[i];
    }
    return text;
}

std::string code_list(const std::vector<ScreeningCode>& codes, TextLanguage language) {
    std::vector<std::string> names;
    for (ScreeningCode code : codes) names.push_back(code_label(code, language));
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? (language == TextLanguage::dutch ? " of " : " or ") : ", ";
        text += names[i];
    }
    return text;
}

std::vector<std::string> outcome_parts(const OutcomeFigures& outcomes, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::vector<std::string> parts;
    auto add = [&](OutcomeType type, const char* one_nl, const char* many_nl, const char* one_en, const char* many_en) {
        const std::size_t count = outcomes.count(type);
        parts.push_back(nl ? count_of(count, one_nl, many_nl) : count_of(count, one_en, many_en));
    };
    add(OutcomeType::warning, "waarschuwing", "waarschuwingen", "warning", "warnings");
    add(OutcomeType::support, "keer ondersteuning", "keer ondersteuning", "case of support", "cases of support");
    add(OutcomeType::enforcement, "handhavingsmaatregel", "handhavingsmaatregelen", "enforcement measure",
        "enforcement measures");
    add(OutcomeType::handed_over, "overdracht aan klantenbeheer", "overdrachten aan klantenbeheer",
        "hand-over to customer management", "hand-overs to customer management");
    add(OutcomeType::inspection, "inspectie", "inspecties", "inspection", "inspections");
    return parts;
}

std::string coverage_sentence(const CoverageFigures& c, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::string text = nl ? "Dekking: " : "Coverage: ";
    text += std::to_string(c.screened_in_window) + (nl ? " van de " : " of the ") + std::to_string(c.dossiers) +
            (nl ? " dossiers (" : " dossiers (") + format_percent(c.share_in_window(), language) +
            (nl ? ") werden gescreend in de 12 maanden tot en met " : ") were screened in the 12 months up to and including ") +
            format_date(c.as_of, language) + ".";
    if (c.never_screened > 0)
        text += nl ? " " + count_of(c.never_screened, "dossier werd", "dossiers werden") +
                         " nog nooit gescreend sinds het eerste vastgelegde werk op " + format_date(c.history_from, language) + "."
                   : " " + count_of(c.never_screened, "dossier was", "dossiers were") +
                         " never screened since the first recorded work on " + format_date(c.history_from, language) + ".";
    if (!c.longest_unscreened_dossier.empty())
        text += nl ? " Het langst zonder screening: dossier " + c.longest_unscreened_dossier + ", " +
                         (c.longest_at_least ? "minstens " : "") + count_of(c.longest_unscreened_days, "dag", "dagen") + "."
                   : " Longest without a screening: dossier " + c.longest_unscreened_dossier + ", " +
                         (c.longest_at_least ? "at least " : "") + count_of(c.longest_unscreened_days, "day", "days") + ".";
    return text;
}

}  // namespace

CoverageFigures coverage_figures(const ScreeningState& state, const Dataset& dataset, DayNumber as_of) {
    CoverageFigures coverage;
    coverage.as_of = as_of;
    coverage.history_from = as_of;
    std::map<std::string, DayNumber, std::less<>> last_screened;  // found by a string_view of the id column
    for (const EffectiveScreening& screening : state.screenings) {
        if (screening.withdrawn || screening.screening_date > as_of) continue;
        coverage.history_from = std::min(coverage.history_from, screening.screening_date);
        DayNumber& last = last_screened.try_emplace(screening.dossier_id, screening.screening_date).first->second;
        last = std::max(last, screening.screening_date);
    }
    for (const auto& [id, batch] : state.batches)
        if (const auto start = parse_iso_date(batch.month + "-01"); start && *start <= as_of)
            coverage.history_from = std::min(coverage.history_from, *start);
    const DayNumber window_start = add_months(as_of, -coverage_window_months) + 1;
    const Column* ids = dataset.find("dossier_id");
    if (!ids || ids->type != ColumnType::text) return coverage;
    for (std::size_t row = 0; row < ids->size(); ++row) {
        if (ids->is_missing(row)) continue;
        const std::string_view id = ids->texts[row];
        ++coverage.dossiers;
        const auto found = last_screened.find(id);
        const bool never = found == last_screened.end();
        if (never) ++coverage.never_screened;
        else if (found->second >= window_start) ++coverage.screened_in_window;
        const DayNumber since = never ? coverage.history_from : found->second;
        const int days = as_of - since;
        // The longest wait; on a tie a never-screened dossier, then the smallest id.
        const auto wait = std::make_pair(days, never);
        const auto longest = std::make_pair(coverage.longest_unscreened_days, coverage.longest_at_least);
        if (coverage.longest_unscreened_dossier.empty() || wait > longest ||
            (wait == longest && id < coverage.longest_unscreened_dossier)) {
            coverage.longest_unscreened_days = days;
            coverage.longest_at_least = never;
            coverage.longest_unscreened_dossier = id;
        }
    }
    return coverage;
}

ParliamentAnswer parliament_answer(const Report& report, const ScreeningState& state, const CoverageFigures& coverage) {
    ParliamentAnswer answer;
    answer.from = report.first_day;
    answer.to = report.period.to;
    answer.possible_risk_codes = report.possible_risk;
    answer.outcomes = report.outcomes;
    answer.risk_found = report.risk_found;
    answer.coverage = coverage;
    // Per dossier: the latest screening in the period the list chose it for, and the other routes.
    std::map<std::string, const EffectiveScreening*> latest_by_list;
    std::set<std::string> control, outside;
    for (const EffectiveScreening& screening : state.screenings) {
        if (screening.withdrawn || screening.screening_date < answer.from || screening.screening_date > answer.to) continue;
        switch (route_of(state, screening)) {
            case Route::list: {
                const EffectiveScreening*& latest = latest_by_list[screening.dossier_id];
                if (!latest || std::tie(latest->screening_date, latest->recorded_at.millis, latest->event_id) <
                                   std::tie(screening.screening_date, screening.recorded_at.millis, screening.event_id))
                    latest = &screening;
                break;
            }
            case Route::control: control.insert(screening.dossier_id); break;
            case Route::outside: outside.insert(screening.dossier_id); break;
        }
    }
    answer.chosen_by_list = latest_by_list.size();
    for (const auto& [dossier, screening] : latest_by_list) {
        ++answer.by_code[static_cast<std::size_t>(screening->code)];
        if (is_possible_risk_code(answer.possible_risk_codes, screening->code)) ++answer.possible_risk;
        control.erase(dossier);
        outside.erase(dossier);
    }
    for (const std::string& dossier : control) outside.erase(dossier);
    answer.control_only = control.size();
    answer.outside_batches = outside.size();
    return answer;
}

std::string parliament_answer_text(const ParliamentAnswer& a, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::string text = nl ? "Van " + format_date(a.from, language) + " tot en met " + format_date(a.to, language) + " "
                          : "From " + format_date(a.from, language) + " up to and including " + format_date(a.to, language) + ", ";
    text += nl ? (a.chosen_by_list == 1 ? std::string("werd 1 uniek dossier")
                                        : "werden " + std::to_string(a.chosen_by_list) + " unieke dossiers") +
                     " op basis van de datamining onder de loep genomen (daarnaast " +
                     count_of(a.control_only, "dossier", "dossiers") + " uit de willekeurige controlesteekproef en " +
                     count_of(a.outside_batches, "dossier", "dossiers") + " buiten een maandbatch)."
               : count_of(a.chosen_by_list, "unique dossier was", "unique dossiers were") +
                     " examined on the basis of the data mining (besides " +
                     count_of(a.control_only, "dossier", "dossiers") + " from the random control sample and " +
                     count_of(a.outside_batches, "dossier", "dossiers") + " outside a monthly batch).";
    std::vector<std::string> codes;
    for (ScreeningCode code : code_order)
        codes.push_back(std::to_string(a.by_code[static_cast<std::size_t>(code)]) + " " + code_label(code, language));
    text += nl ? " Daarvan werden er " + std::to_string(a.possible_risk) + " als mogelijk risico beoordeeld (code " +
                     code_list(a.possible_risk_codes, language) + "); per code bij de laatste screening: " +
                     joined(codes, language) + "."
               : " Of these, " + std::to_string(a.possible_risk) + " were judged a possible risk (code " +
                     code_list(a.possible_risk_codes, language) + "); by the code of their latest screening: " +
                     joined(codes, language) + ".";
    text += nl ? " Wat volgde, voor zover vastgelegd in deze periode: " + joined(outcome_parts(a.outcomes, language), language) + "."
               : " What followed, as far as recorded in this period: " + joined(outcome_parts(a.outcomes, language), language) + ".";
    const RiskFoundFigures& found = a.risk_found;
    text += nl ? " Van de " + count_of(found.risk_screenings, "screening", "screenings") +
                     " met een mogelijk of bevestigd risico was het risico in " + std::to_string(found.already_known) +
                     " al gekend en werd het in " + std::to_string(found.newly_found) + " nieuw gevonden."
               : " Of the " + count_of(found.risk_screenings, "screening", "screenings") +
                     " with a possible or confirmed risk, the risk was already known in " +
                     std::to_string(found.already_known) + " and newly found in " + std::to_string(found.newly_found) + ".";
    return text + " " + coverage_sentence(a.coverage, language);
}

ReportTable parliament_answer_table(const ParliamentAnswer& a, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::vector<std::vector<std::string>> rows;
    auto row = [&](const char* dutch, const char* english, std::string value) {
        rows.push_back({nl ? dutch : english, std::move(value)});
    };
    row("Unieke dossiers gescreend op basis van de datamining", "Unique dossiers screened on the basis of the data mining",
        std::to_string(a.chosen_by_list));
    row("Daarnaast: uit de controlesteekproef", "Besides: from the control sample", std::to_string(a.control_only));
    row("Daarnaast: buiten een maandbatch", "Besides: outside a monthly batch", std::to_string(a.outside_batches));
    row("Als mogelijk risico beoordeeld", "Judged a possible risk", std::to_string(a.possible_risk));
    for (ScreeningCode code : code_order)
        rows.push_back({std::string("Code ") + code_label(code, language),
                        std::to_string(a.by_code[static_cast<std::size_t>(code)])});
    for (OutcomeType type : followed_types)
        rows.push_back({(nl ? "Gevolg: " : "Followed: ") + std::string(outcome_type_label(type, language)),
                        std::to_string(a.outcomes.count(type))});
    row("Risico al gekend", "Risk already known", std::to_string(a.risk_found.already_known));
    row("Risico nieuw gevonden", "Risk newly found", std::to_string(a.risk_found.newly_found));
    row("Dossiers in de gegevens", "Dossiers in the data", std::to_string(a.coverage.dossiers));
    row("Gescreend in de laatste 12 maanden", "Screened in the last 12 months",
        std::to_string(a.coverage.screened_in_window) + " (" + format_percent(a.coverage.share_in_window(), language) + ")");
    row("Nooit gescreend", "Never screened", std::to_string(a.coverage.never_screened));
    row("Langst zonder screening (dagen)", "Longest without a screening (days)",
        (a.coverage.longest_at_least ? (nl ? "minstens " : "at least ") : std::string()) +
            std::to_string(a.coverage.longest_unscreened_days));
    return ReportTable("parliamentary_question", {nl ? "Vraag" : "Question", nl ? "Antwoord" : "Answer"}, {false, false},
                       std::move(rows), parliament_answer_text(a, language));
}

const char* parliament_question_text() {
    return "Hoeveel dossiers zijn er door datamining en het nieuwe IT-systeem bij Opgroeien al opgepikt om "
           "aangemaand, ondersteund of in handhaving gezet te worden?";
}

const char* parliament_question_reference(TextLanguage language) {
    return language == TextLanguage::dutch ? "Schriftelijke vraag nr. 133 van 4 december 2023 (Vlaams Parlement)"
                                           : "Written question no. 133 of 4 December 2023 (Flemish Parliament)";
}

Json parliament_answer_json(const ParliamentAnswer& a) {
    Json codes = Json::object();
    for (ScreeningCode code : code_order) codes[code_key(code)] = a.by_code[static_cast<std::size_t>(code)];
    Json possible = Json::array();
    for (ScreeningCode code : a.possible_risk_codes) possible.push_back(code_key(code));
    Json followed = Json::object();
    for (OutcomeType type : followed_types) followed[outcome_type_key(type)] = a.outcomes.count(type);
    const CoverageFigures& c = a.coverage;
    return Json{{"question", parliament_question_text()},
                {"from", format_iso_date(a.from)},
                {"to", format_iso_date(a.to)},
                {"answer_nl", parliament_answer_text(a, TextLanguage::dutch)},
                {"answer_en", parliament_answer_text(a, TextLanguage::english)},
                {"screened_by_data_mining", a.chosen_by_list},
                {"screened_control_sample_only", a.control_only},
                {"screened_outside_batches", a.outside_batches},
                {"possible_risk_codes", std::move(possible)},
                {"possible_risk", a.possible_risk},
                {"by_code", std::move(codes)},
                {"followed", std::move(followed)},
                {"risk_already_known", a.risk_found.already_known},
                {"risk_newly_found", a.risk_found.newly_found},
                {"coverage",
                 {{"as_of", format_iso_date(c.as_of)},
                  {"history_from", format_iso_date(c.history_from)},
                  {"dossiers", c.dossiers},
                  {"screened_last_12_months", c.screened_in_window},
                  {"never_screened", c.never_screened},
                  {"longest_unscreened_days", c.longest_unscreened_days},
                  {"longest_unscreened_dossier", c.longest_unscreened_dossier},
                  {"longest_at_least", c.longest_at_least}}}};
}

}  // namespace radar
