// Report tables, CSV and JSON.
#include "core/reporting/report_export.hpp"

#include <cmath>
#include <cstdlib>

#include "core/fairness/audit_export.hpp"
#include "core/reporting/parliament_answer.hpp"
#include "core/reporting/report_summary.hpp"
#include "core/screening/score_band.hpp"
#include "core/base/strict_json.hpp"

namespace radar {
namespace {

constexpr ScreeningCode all_codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico,
                                       ScreeningCode::verder_onderzoek_nodig};

// Fixed four decimals via integers: identical text natively and in wasm.
std::string decimal(double value) {
    const long long scaled = std::llround(value * 10000.0);
    const long long magnitude = scaled < 0 ? -scaled : scaled;
    std::string fraction = std::to_string(magnitude % 10000);
    fraction.insert(0, 4 - fraction.size(), '0');
    return (scaled < 0 ? "-" : "") + std::to_string(magnitude / 10000) + "." + fraction;
}

std::string count(std::size_t value) { return std::to_string(value); }

ReportTable breakdown_table(const char* name, const char* first_column, const std::vector<BreakdownRow>& rows,
                            TextLanguage language, bool bands) {
    ReportTable table{name, {first_column}, {false}, {}};
    for (ScreeningCode code : all_codes) {
        table.header.push_back(code_label(code, language));
        table.numeric.push_back(true);
    }
    const bool nl = language == TextLanguage::dutch;
    table.header.insert(table.header.end(), {nl ? "totaal" : "total", nl ? "mogelijk risico" : "possible risk"});
    table.numeric.insert(table.numeric.end(), {true, true});
    for (const BreakdownRow& row : rows) {
        std::vector<std::string> cells{bands ? score_band_group_label(row.group, language) : row.group};
        for (ScreeningCode code : all_codes) cells.push_back(count(row.codes.count(code)));
        cells.push_back(count(row.codes.total));
        cells.push_back(count(row.codes.possible_risk));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

Json codes_json(const CodeCounts& counts) {
    Json out{{"total", counts.total}, {"possible_risk", counts.possible_risk}};
    for (ScreeningCode code : all_codes) out[code_key(code)] = counts.count(code);
    return out;
}

Json proportion_json(const Proportion& p) {
    return Json{{"hits", p.hits}, {"total", p.total}, {"rate", p.rate}, {"low", p.low}, {"high", p.high}};
}

Json breakdown_json(const std::vector<BreakdownRow>& rows) {
    Json out = Json::array();
    for (const BreakdownRow& row : rows) out.push_back({{"group", row.group}, {"codes", codes_json(row.codes)}});
    return out;
}

Json risk_labels_json(const RiskLabelFigures& labels) {
    Json current{{"total", labels.current}};
    Json expiring = Json::array();
    for (ScreeningCode code : {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig})
        current[code_key(code)] = labels.current_by_code[static_cast<std::size_t>(code)];
    for (const RiskLabel& label : labels.expiring_labels)
        expiring.push_back({{"dossier_id", label.dossier_id}, {"code", code_key(label.code)},
                            {"labelled_on", format_iso_date(label.labelled_on)},
                            {"valid_until", format_iso_date(label.valid_until)}});
    return Json{{"as_of", format_iso_date(labels.as_of)},
                {"valid_months", labels.settings.valid_months},
                {"expiring_within_days", labels.settings.expiring_within_days},
                {"current", current},
                {"expired", labels.expired},
                {"expiring", expiring}};
}

Json outcomes_json(const OutcomeFigures& outcomes) {
    Json by_type = Json::object(), by_measure = Json::object(), by_result = Json::object();
    for (std::size_t i = 0; i < outcomes.by_type.size(); ++i)
        by_type[outcome_type_key(static_cast<OutcomeType>(i))] = outcomes.by_type[i];
    for (std::size_t i = 0; i < outcomes.enforcement_by_measure.size(); ++i)
        by_measure[enforcement_measure_key(static_cast<EnforcementMeasure>(i))] = outcomes.enforcement_by_measure[i];
    for (std::size_t i = 0; i < outcomes.inspections_by_result.size(); ++i)
        by_result[inspection_result_key(static_cast<InspectionResult>(i))] = outcomes.inspections_by_result[i];
    return Json{{"total", outcomes.total},
                {"by_type", by_type},
                {"enforcement_by_measure", by_measure},
                {"inspections_by_result", by_result}};
}

Json risk_found_json(const RiskFoundFigures& found) {
    Json by_reason = Json::object();
    for (std::size_t i = 0; i < found.known_by_reason.size(); ++i)
        by_reason[known_risk_reason_key(static_cast<KnownRiskReason>(i))] = found.known_by_reason[i];
    return Json{{"label_definition", label_definition_to_json(found.definition)},
                {"statement", {{"nl", label_definition_statement(found.definition, TextLanguage::dutch)},
                               {"en", label_definition_statement(found.definition, TextLanguage::english)}}},
                {"known_risk_lookback_months", known_risk_lookback_months},
                {"risk_screenings", found.risk_screenings},
                {"judged_possible_risk", found.judged},
                {"confirmed", found.confirmed},
                {"newly_found", found.newly_found},
                {"already_known", found.already_known},
                {"already_known_by_reason", by_reason},
                {"not_yet_known", found.not_yet_known}};
}

}  // namespace

std::string score_band_group_label(const std::string& key, TextLanguage language) {
    for (const ScoreBand band : {ScoreBand::top_10, ScoreBand::from_10_to_25, ScoreBand::from_25_to_50, ScoreBand::bottom_50})
        if (key == score_band_key(band)) return score_band_label(band);
    return language == TextLanguage::dutch ? "buiten batch" : "outside batches";
}

std::string report_table_title(const std::string& name, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    if (name == "summary") return nl ? "Overzicht" : "Overview";
    if (name == "codes") return nl ? "Screenings en dossiers per code" : "Screenings and dossiers per code";
    if (name == "months") return nl ? "Batches en screenings per maand" : "Batches and screenings per month";
    if (name == "codes_by_month") return nl ? "Codes per maand" : "Codes per month";
    if (name == "follow_ups") return nl ? "Opvolging van \"Verder onderzoek nodig\"" : "Follow-ups of \"Further investigation needed\"";
    if (name == "by_province") return nl ? "Per provincie" : "By province";
    if (name == "by_care_type") return nl ? "Per opvangvorm" : "By care type";
    if (name == "by_score_band") return nl ? "Per scoreband" : "By score band";
    if (name == "risk_labels") return nl ? "Actuele risicolabels" : "Current risk labels";
    if (name == "risk_labels_expiring") return nl ? "Risicolabels die binnenkort verlopen" : "Risk labels expiring soon";
    if (name == "outcomes") return nl ? "Gevolgen na screening" : "Outcomes after screening";
    if (name == "outcomes_enforcement") return nl ? "Handhaving per maatregel" : "Enforcement by measure";
    if (name == "outcomes_inspections") return nl ? "Inspecties per resultaat" : "Inspections by result";
    if (name == "risk_found") return nl ? "Nieuw gevonden of al gekend risico" : "Risk newly found or already known";
    if (name == "lift") return nl ? "Trefkans: top van de lijst tegenover de controlesteekproef"
                                  : "Hit rate: top of the list against the control sample";
    if (name == "parliamentary_question") return nl ? "De parlementaire vraag in cijfers" : "The parliamentary question in figures";
    return name;
}

std::vector<ReportTable> report_tables(const Report& r, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    std::vector<ReportTable> tables;

    ReportTable summary{"summary", {nl ? "gegeven" : "item", nl ? "waarde" : "value"}, {false, false}, {}};
    std::string definition;
    for (ScreeningCode code : r.possible_risk) definition += (definition.empty() ? "" : " + ") + std::string(code_label(code, language));
    auto join = [](const std::vector<std::string>& items) {
        std::string text;
        for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
        return text;
    };
    summary.rows = {
        {nl ? "periode van" : "period from", format_iso_date(r.first_day)},
        {nl ? "periode tot en met" : "period to", format_iso_date(r.period.to)},
        {nl ? "gemaakt op" : "generated at", format_timestamp(r.generated_at)},
        {nl ? "mogelijk risico = " : "possible risk = ", definition},
        {nl ? "risico bevestigd" : "risk confirmed", label_definition_statement(r.risk_found.definition, language)},
        {nl ? "unieke dossiers gescreend" : "unique dossiers screened", count(r.unique_dossiers)},
        {nl ? "dossiers mogelijk risico" : "dossiers possible risk", count(r.possible_risk_dossiers)},
        {nl ? "screenings" : "screenings", count(r.screenings.total)},
        {nl ? "datasets (sha256)" : "datasets (sha256)", join(r.dataset_hashes)},
        {nl ? "modelversies" : "model versions", join(r.model_versions)},
        {nl ? "samenvatting" : "summary", nl ? r.summary_nl : r.summary_en},
    };
    tables.push_back(std::move(summary));

    ReportTable codes{"codes",
                      {"code", "screenings", nl ? "aandeel screenings" : "share of screenings",
                       nl ? "dossiers (laatste code)" : "dossiers (latest code)", nl ? "aandeel dossiers" : "share of dossiers"},
                      {false, true, true, true, true},
                      {}};
    for (ScreeningCode code : all_codes)
        codes.rows.push_back({code_label(code, language), count(r.screenings.count(code)), decimal(r.screenings.share(code)),
                              count(r.dossiers.count(code)), decimal(r.dossiers.share(code))});
    tables.push_back(std::move(codes));

    ReportTable months{"months",
                       {nl ? "maand" : "month", "batches", nl ? "geselecteerd" : "selected", nl ? "gescreend" : "screened",
                        nl ? "achterstand" : "backlog", nl ? "herscreenings" : "re-screenings",
                        nl ? "tegengehouden door afkoeling" : "held back by cooldown",
                        nl ? "afkoeling doorbroken" : "cooldown overrides", nl ? "controlesteekproef" : "control sample"},
                       {false, true, true, true, true, true, true, true, true},
                       {}};
    for (const MonthFigures& m : r.months)
        months.rows.push_back({m.month, count(m.batches), count(m.selected), count(m.screened), count(m.backlog),
                               count(m.rescreenings), count(m.held_back), count(m.overrides), count(m.control)});
    tables.push_back(std::move(months));

    ReportTable codes_by_month{"codes_by_month", {nl ? "maand" : "month"}, {false}, {}};
    for (ScreeningCode code : all_codes) {
        codes_by_month.header.push_back(code_label(code, language));
        codes_by_month.numeric.push_back(true);
    }
    codes_by_month.header.insert(codes_by_month.header.end(), {nl ? "totaal" : "total", nl ? "mogelijk risico" : "possible risk"});
    codes_by_month.numeric.insert(codes_by_month.numeric.end(), {true, true});
    for (const MonthFigures& m : r.months) {
        std::vector<std::string> cells{m.month};
        for (ScreeningCode code : all_codes) cells.push_back(count(m.codes.count(code)));
        cells.push_back(count(m.codes.total));
        cells.push_back(count(m.codes.possible_risk));
        codes_by_month.rows.push_back(std::move(cells));
    }
    tables.push_back(std::move(codes_by_month));

    ReportTable follow_ups{"follow_ups",
                           {nl ? "opgezet" : "opened", nl ? "afgerond" : "done", nl ? "lopend" : "open",
                            nl ? "over de vervaldatum" : "overdue"},
                           {true, true, true, true},
                           {{count(r.follow_ups.opened), count(r.follow_ups.done), count(r.follow_ups.open),
                             count(r.follow_ups.overdue)}}};
    tables.push_back(std::move(follow_ups));

    const RiskLabelFigures& labels = r.risk_labels;
    const std::string validity = std::to_string(labels.settings.valid_months) + (nl ? " maanden" : " months");
    ReportTable risk_labels{"risk_labels",
                            {nl ? "label" : "label", nl ? "actueel" : "current", nl ? "verloopt binnenkort" : "expiring soon"},
                            {false, true, true},
                            {}};
    for (ScreeningCode code : {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig}) {
        std::size_t expiring = 0;
        for (const RiskLabel& label : labels.expiring_labels) expiring += label.code == code ? 1 : 0;
        risk_labels.rows.push_back({code_label(code, language),
                                    count(labels.current_by_code[static_cast<std::size_t>(code)]), count(expiring)});
    }
    risk_labels.rows.push_back({(nl ? "verlopen (ouder dan " : "lapsed (older than ") + validity + ")",
                                count(labels.expired), ""});
    tables.push_back(std::move(risk_labels));
    ReportTable expiring{"risk_labels_expiring",
                         {nl ? "dossier" : "dossier", nl ? "label" : "label", nl ? "sinds" : "since",
                          nl ? "actueel tot" : "current until"},
                         {false, false, false, false},
                         {}};
    for (const RiskLabel& label : labels.expiring_labels)
        expiring.rows.push_back({label.dossier_id, code_label(label.code, language), format_iso_date(label.labelled_on),
                                 format_iso_date(label.valid_until)});
    tables.push_back(std::move(expiring));

    ReportTable outcomes{"outcomes", {nl ? "gevolg" : "outcome", nl ? "aantal" : "count"}, {false, true}, {}};
    for (OutcomeType type : {OutcomeType::none, OutcomeType::support, OutcomeType::warning, OutcomeType::enforcement,
                             OutcomeType::handed_over, OutcomeType::inspection})
        outcomes.rows.push_back({outcome_type_label(type, language), count(r.outcomes.count(type))});
    outcomes.rows.push_back({nl ? "totaal" : "total", count(r.outcomes.total)});
    tables.push_back(std::move(outcomes));
    ReportTable enforcement{"outcomes_enforcement", {nl ? "maatregel" : "measure", nl ? "aantal" : "count"}, {false, true}, {}};
    for (EnforcementMeasure measure : {EnforcementMeasure::aanmaning, EnforcementMeasure::schorsing,
                                       EnforcementMeasure::opheffing, EnforcementMeasure::other})
        enforcement.rows.push_back({enforcement_measure_label(measure, language),
                                    count(r.outcomes.enforcement_by_measure[static_cast<std::size_t>(measure)])});
    tables.push_back(std::move(enforcement));
    ReportTable inspections{"outcomes_inspections", {nl ? "resultaat" : "result", nl ? "aantal" : "count"}, {false, true}, {}};
    for (InspectionResult result : {InspectionResult::no_shortcomings, InspectionResult::shortcomings,
                                    InspectionResult::serious_shortcomings})
        inspections.rows.push_back({inspection_result_label(result, language),
                                    count(r.outcomes.inspections_by_result[static_cast<std::size_t>(result)])});
    tables.push_back(std::move(inspections));

    const RiskFoundFigures& found = r.risk_found;
    ReportTable risk_found{"risk_found", {nl ? "screenings" : "screenings", nl ? "aantal" : "count"}, {false, true}, {}};
    risk_found.rows.push_back({nl ? "mogelijk risico of risico bevestigd" : "possible risk or risk confirmed",
                               count(found.risk_screenings)});
    risk_found.rows.push_back({nl ? "  waarvan mogelijk risico (code)" : "  of which possible risk (code)", count(found.judged)});
    risk_found.rows.push_back({nl ? "  waarvan risico bevestigd" : "  of which risk confirmed", count(found.confirmed)});
    risk_found.rows.push_back({nl ? "nieuw gevonden door datamining" : "newly found by data mining", count(found.newly_found)});
    risk_found.rows.push_back({nl ? "al gekend bij de selectie" : "already known at selection", count(found.already_known)});
    for (KnownRiskReason reason : {KnownRiskReason::risico_code, KnownRiskReason::enforcement, KnownRiskReason::handed_over,
                                   KnownRiskReason::open_follow_up})
        risk_found.rows.push_back({std::string("  ") + known_risk_reason_label(reason, language),
                                   count(found.known_by_reason[static_cast<std::size_t>(reason)])});
    risk_found.rows.push_back({nl ? "nog niet gekend (venster loopt nog; niet meegeteld)"
                                  : "not yet known (window still open; left out)",
                               count(found.not_yet_known)});
    risk_found.caption = label_definition_statement(found.definition, language);
    tables.push_back(std::move(risk_found));

    tables.push_back(breakdown_table("by_province", nl ? "provincie" : "province", r.by_province, language, false));
    tables.push_back(breakdown_table("by_care_type", nl ? "opvangvorm" : "care type", r.by_care_type, language, false));
    tables.push_back(breakdown_table("by_score_band", nl ? "scoreband" : "score band", r.by_score_band, language, true));

    ReportTable lift{"lift",
                     {nl ? "groep" : "group", "n", nl ? "mogelijk risico" : "possible risk", nl ? "aandeel" : "rate",
                      nl ? "95% ondergrens" : "95% low", nl ? "95% bovengrens" : "95% high"},
                     {false, true, true, true, true, true},
                     {}};
    if (r.lift.available) {
        const Proportion& top = r.lift.top;
        const Proportion& control = r.lift.control;
        lift.rows.push_back({nl ? "top-N (Wilson)" : "top N (Wilson)", count(top.total), count(top.hits), decimal(top.rate),
                             decimal(top.low), decimal(top.high)});
        lift.rows.push_back({nl ? "controlesteekproef (Wilson)" : "control sample (Wilson)", count(control.total),
                             count(control.hits), decimal(control.rate), decimal(control.low), decimal(control.high)});
        lift.rows.push_back({nl ? "verschil top-N - controle (Newcombe)" : "difference top N - control (Newcombe)", "", "",
                             decimal(r.lift.difference), decimal(r.lift.difference_low), decimal(r.lift.difference_high)});
        lift.rows.push_back({nl ? "lift (top-N / controle)" : "lift (top N / control)", "", "",
                             r.lift.lift ? decimal(*r.lift.lift) : "", "", ""});
    } else {
        lift.rows.push_back({nl ? "geen controlesteekproef in deze periode: lift niet meetbaar"
                                : "no control sample in this period: lift cannot be measured",
                             "", "", "", "", ""});
    }
    tables.push_back(std::move(lift));
    return tables;
}

std::string readable_cell(const ReportTable& table, std::size_t row, std::size_t column, TextLanguage language) {
    const std::string& cell = table.rows[row][column];
    if (cell.empty() || column >= table.numeric.size() || !table.numeric[column] || cell.find('.') == std::string::npos)
        return cell;
    // The core wrote this decimal itself ("0.5714"), so strtod in the C locale reads it back exactly.
    const double value = std::strtod(cell.c_str(), nullptr);
    if (table.name == "lift" && table.rows[row][0].rfind("lift", 0) == 0) {
        const long long hundredths = std::llround(value * 100.0);
        std::string fraction = std::to_string(hundredths % 100);
        fraction.insert(0, 2 - fraction.size(), '0');
        return std::to_string(hundredths / 100) + (language == TextLanguage::dutch ? "," : ".") + fraction + "\xC3\x97";
    }
    return format_percent(value, language);
}

std::string csv_cell(std::string_view value, bool numeric) {
    std::string cell(value);
    if (!numeric && !cell.empty() &&
        (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r'))
        cell.insert(0, 1, '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string table_to_csv(const ReportTable& table) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells, bool header) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            out += csv_cell(cells[i], !header && i < table.numeric.size() && table.numeric[i]);
        }
        out += "\r\n";  // RFC 4180 line ends: Excel reads them everywhere
    };
    line(table.header, true);
    for (const auto& row : table.rows) line(row, false);
    return out;
}

Json report_json_value(const Report& r) {
    Json possible = Json::array();
    for (ScreeningCode code : r.possible_risk) possible.push_back(code_key(code));
    Json months = Json::array();
    for (const MonthFigures& m : r.months)
        months.push_back({{"month", m.month},        {"batches", m.batches},     {"selected", m.selected},
                          {"screened", m.screened},  {"backlog", m.backlog},     {"rescreenings", m.rescreenings},
                          {"held_back", m.held_back}, {"overrides", m.overrides}, {"control", m.control},
                          {"codes", codes_json(m.codes)}});
    Json lift{{"available", r.lift.available},
              {"method", "Wilson score 95% interval per rate; Newcombe hybrid score interval for the difference"}};
    if (r.lift.available) {
        lift["top"] = proportion_json(r.lift.top);
        lift["control"] = proportion_json(r.lift.control);
        lift["lift"] = r.lift.lift ? Json(*r.lift.lift) : Json(nullptr);
        lift["difference"] = {{"value", r.lift.difference}, {"low", r.lift.difference_low}, {"high", r.lift.difference_high}};
    }
    return Json{{"period", {{"from", format_iso_date(r.first_day)}, {"to", format_iso_date(r.period.to)},
                               {"all_time", !r.period.from.has_value()}}},
                   {"generated_at", format_timestamp(r.generated_at)},
                   {"possible_risk_definition", possible},
                   {"dataset_hashes", r.dataset_hashes},
                   {"model_versions", r.model_versions},
                   {"unique_dossiers", r.unique_dossiers},
                   {"possible_risk_dossiers", r.possible_risk_dossiers},
                   {"screenings", codes_json(r.screenings)},
                   {"dossiers_latest_code", codes_json(r.dossiers)},
                   {"months", months},
                   {"follow_ups", {{"opened", r.follow_ups.opened}, {"done", r.follow_ups.done},
                                   {"open", r.follow_ups.open}, {"overdue", r.follow_ups.overdue}}},
                   {"by_province", breakdown_json(r.by_province)},
                   {"by_care_type", breakdown_json(r.by_care_type)},
                   {"by_score_band", breakdown_json(r.by_score_band)},
                   {"lift", lift},
                   {"risk_labels", risk_labels_json(r.risk_labels)},
                   {"outcomes", outcomes_json(r.outcomes)},
                   {"risk_found", risk_found_json(r.risk_found)},
                   {"summary", {{"nl", r.summary_nl}, {"en", r.summary_en}}}};
}

std::string report_to_json(const Report& report, const AuditReport* audit, const ParliamentAnswer* parliament) {
    Json value = report_json_value(report);
    if (audit) value["audit"] = audit_to_json(*audit);
    if (parliament) value["parliamentary_question"] = parliament_answer_json(*parliament);
    return value.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace radar
