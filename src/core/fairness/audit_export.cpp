// JSON and text forms of the audit, and the disparity chart.
#include "core/fairness/audit_export.hpp"

#include <algorithm>
#include <cmath>

#include "core/fairness/disparity_chart_layout.hpp"
#include "core/model/number_text.hpp"

namespace radar {
namespace {

// [SECTION] Small formatting helpers

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }
Json interval_json(const std::optional<Interval>& interval) {
    return interval ? Json::array({interval->low, interval->high}) : Json(nullptr);
}

std::string percent(const std::optional<double>& value) {
    return value ? format_fixed(100.0 * *value, 1) + "%" : std::string("-");
}

std::string ratio_text(const Disparity& disparity) {
    if (!disparity.ratio) return "-";
    std::string text = format_fixed(*disparity.ratio, 2);
    if (disparity.interval)
        text += " [" + format_fixed(disparity.interval->low, 2) + "-" + format_fixed(disparity.interval->high, 2) + "]";
    if (disparity.in_band) text += *disparity.in_band ? " ok" : " BUITEN/OUT";
    return text;
}

std::string rate_text(const GroupRate& rate) {
    if (!rate.value) return "- (0)";
    return percent(rate.value) + " (" + std::to_string(rate.hits) + "/" + std::to_string(rate.total) + ")";
}

std::string statistic_text(const EstimatedStatistic& statistic, int decimals) {
    if (!statistic.estimate.value) return undefined_label(*statistic.estimate.undefined, TextLanguage::dutch) +
                                          std::string(" / ") +
                                          undefined_label(*statistic.estimate.undefined, TextLanguage::english);
    std::string text = format_fixed(*statistic.estimate.value, decimals);
    if (statistic.interval)
        text += " (95% bootstrap " + format_fixed(statistic.interval->low, decimals) + " - " +
                format_fixed(statistic.interval->high, decimals) + ")";
    return text;
}

std::string group_name(const std::string& group) { return group.empty() ? "(leeg / empty)" : group; }

// "Dutch / English", or the word once where both languages use it.
std::string both(const char* dutch, const char* english) {
    return std::string(dutch) == english ? std::string(dutch) : std::string(dutch) + " / " + english;
}

// Display width of UTF-8 text: its code points.
std::size_t width_of(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Columns aligned with two spaces between them; the first column left-aligned, the others too
// (numbers are short and the units differ).
std::string aligned(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], width_of(row[i]));
        }
    std::string text;
    for (const auto& row : rows) {
        std::string line = "  ";
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - width_of(row[i]) + 2, ' ');
        }
        text += line + "\n";
    }
    return text;
}

// [SECTION] JSON

Json rate_json(const GroupRate& rate) {
    return {{"hits", rate.hits},
            {"total", rate.total},
            {"value", optional_number(rate.value)},
            {"interval", interval_json(rate.interval)},
            {"basis", figure_basis_key(rate.basis)}};
}

Json disparity_json(const Disparity& disparity) {
    return {{"ratio", optional_number(disparity.ratio)},
            {"interval", interval_json(disparity.interval)},
            {"in_band", disparity.in_band ? Json(*disparity.in_band) : Json(nullptr)},
            {"basis", figure_basis_key(disparity.basis)}};
}

Json table_json(const GroupTable& table) {
    Json groups = Json::array();
    for (const GroupFigures& figures : table.groups)
        groups.push_back({{"group", figures.group},
                          {"dossiers", figures.dossiers},
                          {"dossiers_basis", figure_basis_key(FigureBasis::dataset)},
                          {"selected", figures.selected},
                          {"control", figures.control},
                          {"not_yet_known", figures.not_yet_known},
                          {"selection_rate", rate_json(figures.selection_rate)},
                          {"list_share", rate_json(figures.list_share)},
                          {"false_discovery_rate", rate_json(figures.false_discovery)},
                          {"false_omission_rate", rate_json(figures.false_omission)},
                          {"base_rate",
                           {{"value", optional_number(figures.base_rate.value)},
                            {"basis", figure_basis_key(figures.base_rate.basis)}}},
                          {"selection_rate_disparity", disparity_json(figures.selection_disparity)},
                          {"false_discovery_rate_disparity", disparity_json(figures.false_discovery_disparity)},
                          {"false_omission_rate_disparity", disparity_json(figures.false_omission_disparity)},
                          {"too_few_to_judge", figures.too_few},
                          {"reference", figures.reference}});
    return {{"batch_id", table.batch_id},
            {"month", table.month},
            {"selected", table.selected},
            {"control", table.control},
            {"groups", std::move(groups)}};
}

Json statistic_json(const EstimatedStatistic& statistic) {
    return {{"value", optional_number(statistic.estimate.value)},
            {"undefined", statistic.estimate.undefined
                              ? Json(undefined_label(*statistic.estimate.undefined, TextLanguage::english))
                              : Json(nullptr)},
            {"interval", interval_json(statistic.interval)},
            {"undefined_resamples", statistic.undefined_resamples}};
}

Json agreement_json(const AgreementFigures& figures) {
    Json table = Json::array();
    for (std::size_t first = 0; first < figures.table.categories; ++first) {
        Json row = Json::array();
        for (std::size_t second = 0; second < figures.table.categories; ++second)
            row.push_back(figures.table.count(first, second));
        table.push_back(std::move(row));
    }
    return {{"table", std::move(table)},
            {"units", figures.table.units},
            {"excluded_missing_second_code", figures.table.excluded_missing},
            {"percent_agreement", statistic_json(figures.percent)},
            {"kappa", statistic_json(figures.kappa)},
            {"kappa_strength", figures.kappa_strength ? Json(kappa_strength_key(*figures.kappa_strength)) : Json(nullptr)},
            {"kappa_substantial", figures.kappa_substantial ? Json(*figures.kappa_substantial) : Json(nullptr)},
            {"alpha", statistic_json(figures.alpha)},
            {"alpha_verdict", figures.alpha_verdict ? Json(alpha_verdict_key(*figures.alpha_verdict)) : Json(nullptr)}};
}

Json proportion_json(const Proportion& proportion) {
    return {{"hits", proportion.hits},
            {"total", proportion.total},
            {"value", proportion.total ? Json(proportion.rate) : Json(nullptr)},
            {"interval", proportion.total ? Json::array({proportion.low, proportion.high}) : Json(nullptr)}};
}

Json condition_json(const ConditionFollowing& condition) {
    Json bands = Json::array();
    for (const BandFollowing& band : condition.by_band)
        bands.push_back({{"band", score_band_key(band.band)},
                         {"following", proportion_json(band.following)},
                         {"possible_risk", proportion_json(band.possible_risk)}});
    return {{"condition", coding_condition_key(condition.condition)},
            {"following", proportion_json(condition.following)},
            {"by_band", std::move(bands)}};
}

Json double_coded_json(const DoubleCodedDossier& dossier) {
    const auto first = dossier.first_code();
    return {{"batch_id", dossier.batch_id},
            {"month", dossier.month},
            {"dossier_id", dossier.dossier_id},
            {"first_event_id", dossier.first ? Json(dossier.first->event_id) : Json(nullptr)},
            {"first_screener", dossier.first ? Json(dossier.first->screener) : Json(nullptr)},
            {"first_code", first ? Json(code_key(*first)) : Json(nullptr)},
            {"second_event_id", dossier.second_event_id},
            {"second_screener", dossier.second_screener},
            {"second_code", code_key(dossier.second_code)}};
}

// [SECTION] Text

std::vector<std::string> pooled_header() {
    return {both("groep", "group"),
            "dossiers",
            both("gesel.", "selected"),
            both("controle", "control"),
            both("selectiekans", "selection rate"),
            both("aandeel lijst", "list share"),
            "FDR",
            "FOR",
            both("basiskans", "base rate"),
            both("ratio selectie", "selection ratio"),
            "ratio FDR",
            "ratio FOR",
            both("opmerking", "note")};
}

std::string note(const GroupFigures& figures) {
    std::string text;
    if (figures.reference) text = both("referentie", "reference");
    if (figures.too_few) text += (text.empty() ? "" : "; ") + both("te weinig om te beoordelen", "too few to judge");
    if (figures.not_yet_known > 0)
        text += (text.empty() ? "" : "; ") + std::to_string(figures.not_yet_known) + " " +
                both("label nog niet gekend", "label not yet known");
    return text;
}

std::string table_text(const GroupTable& table) {
    std::vector<std::vector<std::string>> rows{pooled_header()};
    for (const GroupFigures& figures : table.groups)
        rows.push_back({group_name(figures.group), std::to_string(figures.dossiers), std::to_string(figures.selected),
                        std::to_string(figures.control), rate_text(figures.selection_rate),
                        percent(figures.list_share.value), rate_text(figures.false_discovery),
                        rate_text(figures.false_omission), percent(figures.base_rate.value),
                        ratio_text(figures.selection_disparity), ratio_text(figures.false_discovery_disparity),
                        ratio_text(figures.false_omission_disparity), note(figures)});
    return aligned(rows);
}

std::string basis_text() {
    return "  " + both("basis", "basis") + ": dossiers = " + figure_basis_label(FigureBasis::dataset, TextLanguage::dutch) +
           " / " + figure_basis_label(FigureBasis::dataset, TextLanguage::english) + "; " +
           both("selectiekans en aandeel", "selection rate and share") + " = " +
           figure_basis_label(FigureBasis::selection, TextLanguage::dutch) + " / " +
           figure_basis_label(FigureBasis::selection, TextLanguage::english) + "; FDR = " +
           figure_basis_label(FigureBasis::screened_labels, TextLanguage::dutch) + " / " +
           figure_basis_label(FigureBasis::screened_labels, TextLanguage::english) + "; FOR = " +
           figure_basis_label(FigureBasis::control_sample, TextLanguage::dutch) + " / " +
           figure_basis_label(FigureBasis::control_sample, TextLanguage::english) + "; " + both("basiskans", "base rate") +
           " = " + figure_basis_label(FigureBasis::control_and_screened, TextLanguage::dutch) + " / " +
           figure_basis_label(FigureBasis::control_and_screened, TextLanguage::english) + "\n";
}

std::string chart_text(const GroupTable& table, const FairBand& band) {
    std::vector<std::vector<std::string>> rows;
    for (const DisparityChartLine& line : disparity_chart(table, DisparityMetric::selection_rate, band)) {
        std::string mark = line.reference ? both("referentie", "reference") : "";
        if (line.too_few) mark += (mark.empty() ? "" : "; ") + both("te weinig", "too few");
        rows.push_back({group_name(line.group), line.ratio ? format_fixed(*line.ratio, 2) : "-", "[" + line.bar + "]", mark});
    }
    return aligned(rows);
}

std::string agreement_text(const AgreementFigures& figures) {
    std::string text;
    std::vector<std::vector<std::string>> rows{{both("eerste \\ tweede", "first \\ second"), "Risico", "Geen risico",
                                                "Verder onderzoek nodig"}};
    for (std::size_t first = 0; first < figures.table.categories; ++first) {
        std::vector<std::string> row{code_label(static_cast<ScreeningCode>(first), TextLanguage::dutch)};
        for (std::size_t second = 0; second < figures.table.categories; ++second)
            row.push_back(std::to_string(figures.table.count(first, second)));
        rows.push_back(std::move(row));
    }
    text += aligned(rows);
    text += "  " + both("dubbel gecodeerd", "double coded") + ": " + std::to_string(figures.table.units);
    if (figures.table.excluded_missing > 0)
        text += " (" + std::to_string(figures.table.excluded_missing) + " " +
                both("zonder tweede code, weggelaten", "without a second code, left out") + ")";
    text += "\n  " + both("overeenstemming", "agreement") + ": " +
            (figures.percent.estimate.value ? percent(figures.percent.estimate.value) : std::string("-"));
    if (figures.percent.interval)
        text += " (95% bootstrap " + percent(figures.percent.interval->low) + " - " + percent(figures.percent.interval->high) + ")";
    text += "\n  Cohen's kappa: " + statistic_text(figures.kappa, 3);
    if (figures.kappa_strength)
        text += "; Landis & Koch: " + std::string(kappa_strength_label(*figures.kappa_strength, TextLanguage::dutch)) +
                " / " + kappa_strength_label(*figures.kappa_strength, TextLanguage::english) + "; " +
                (*figures.kappa_substantial ? both("haalt", "meets") : both("haalt niet", "below")) + " 0.61 (" +
                both("aanzienlijk", "substantial") + ")";
    text += "\n  Krippendorff's alpha (" + both("nominaal", "nominal") + "): " + statistic_text(figures.alpha, 3);
    if (figures.alpha_verdict)
        text += "; " + std::string(alpha_verdict_label(*figures.alpha_verdict, TextLanguage::dutch)) + " / " +
                alpha_verdict_label(*figures.alpha_verdict, TextLanguage::english);
    return text + "\n";
}

std::string proportion_text(const Proportion& proportion) {
    if (proportion.total == 0) return "- (0)";
    return format_fixed(100.0 * proportion.rate, 1) + "% (" + std::to_string(proportion.hits) + "/" +
           std::to_string(proportion.total) + "; 95% " + format_fixed(100.0 * proportion.low, 1) + "-" +
           format_fixed(100.0 * proportion.high, 1) + "%)";
}

std::string automation_text(const AutomationBiasFigures& figures) {
    std::vector<std::vector<std::string>> rows{
        {both("band", "band"), both("score zichtbaar", "score visible"), both("blind", "blind")}};
    for (std::size_t band = 0; band < figures.visible.by_band.size(); ++band)
        rows.push_back({score_band_label(static_cast<ScoreBand>(band)),
                        proportion_text(figures.visible.by_band[band].following),
                        proportion_text(figures.blind.by_band[band].following)});
    rows.push_back({both("alle", "all"), proportion_text(figures.visible.following), proportion_text(figures.blind.following)});
    std::string text = "  " +
                       both("code volgt de scoreband (risicocode in de top 25%, Geen risico daaronder)",
                            "code follows the score band (a risk code in the top 25%, Geen risico below)") +
                       "\n" + aligned(rows);
    text += "  " + both("zelfde dossiers dubbel gecodeerd", "same dossiers double coded") + " (" +
            std::to_string(figures.paired.dossiers) + "): " + both("score zichtbaar", "score visible") + " " +
            proportion_text(figures.paired.visible) + ", " + both("blind", "blind") + " " +
            proportion_text(figures.paired.blind) + "\n";
    text += "  " + both("redenen geopend voor het coderen", "reasons opened before coding") + ": " +
            proportion_text(figures.reasons_opened.opened);
    if (figures.reasons_opened.not_recorded > 0)
        text += "; " + both("niet vastgelegd", "not recorded") + ": " + std::to_string(figures.reasons_opened.not_recorded);
    return text + "\n";
}

// Position 0..width-1 of a ratio on the chart's log scale (1/4 .. 4).
int chart_position(double ratio, std::size_t width) {
    const double span = std::log(16.0);
    const double place = (std::log(ratio) - std::log(0.25)) / span * static_cast<double>(width - 1);
    return static_cast<int>(std::lround(place));
}

}  // namespace

const char* disparity_metric_key(DisparityMetric metric) {
    switch (metric) {
        case DisparityMetric::selection_rate: return "selection_rate";
        case DisparityMetric::false_discovery_rate: return "false_discovery_rate";
        case DisparityMetric::false_omission_rate: return "false_omission_rate";
    }
    return "";
}

std::vector<DisparityChartLine> disparity_chart(const GroupTable& table, DisparityMetric metric, const FairBand& band,
                                                std::size_t width) {
    std::vector<DisparityChartLine> lines;
    const int last = static_cast<int>(width) - 1;
    const auto clamp = [&](int position) { return std::min(std::max(position, 0), last); };
    for (const GroupFigures& figures : table.groups) {
        const Disparity& disparity = group_disparity(figures, metric);
        DisparityChartLine line{figures.group, disparity.ratio, disparity.interval, disparity.in_band, figures.too_few,
                                figures.reference, std::string(width, ' ')};
        if (disparity.interval && disparity.interval->low > 0.0) {
            const int from = clamp(chart_position(disparity.interval->low, width));
            const int to = clamp(chart_position(disparity.interval->high, width));
            for (int at = from; at <= to; ++at) line.bar[static_cast<std::size_t>(at)] = '-';
        }
        line.bar[static_cast<std::size_t>(clamp(chart_position(band.low, width)))] = '|';
        line.bar[static_cast<std::size_t>(clamp(chart_position(band.high, width)))] = '|';
        line.bar[static_cast<std::size_t>(chart_position(1.0, width))] = ':';
        if (disparity.ratio) {
            const int at = *disparity.ratio > 0.0 ? chart_position(*disparity.ratio, width) : -1;
            line.bar[static_cast<std::size_t>(clamp(at))] = at < 0 ? '<' : at > last ? '>' : '*';
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

Json audit_to_json(const AuditReport& report) {
    const AuditSettings& settings = report.settings;
    Json groupings = Json::array();
    for (const GroupAudit& audit : report.groupings) {
        Json batches = Json::array();
        for (const GroupTable& table : audit.batches) batches.push_back(table_json(table));
        groupings.push_back({{"grouping", audit.grouping},
                             {"protected_attribute", audit.protected_attribute},
                             {"derived", audit.derived},
                             {"reference_group", audit.reference_group},
                             {"reference_rule", audit.reference_chosen ? "chosen" : "largest group"},
                             {"pooled", table_json(audit.pooled)},
                             {"batches", std::move(batches)}});
    }
    const CoderAgreement& agreement = report.agreement;
    Json by_month = Json::array(), by_pair = Json::array(), awaiting = Json::array();
    for (const GroupAgreement& month : agreement.by_month)
        by_month.push_back({{"month", month.key}, {"agreement", agreement_json(month.figures)}});
    for (const GroupAgreement& pair : agreement.by_pair)
        by_pair.push_back({{"screeners", pair.key}, {"agreement", agreement_json(pair.figures)}});
    for (const DoubleCodedDossier& dossier : agreement.awaiting_adjudication) awaiting.push_back(double_coded_json(dossier));
    const AutomationBiasFigures& bias = report.automation_bias;
    return {
        {"period", {{"from", settings.period.from}, {"to", settings.period.to}}},
        {"labels_as_of", format_iso_date(settings.today)},
        {"label_definition", label_definition_to_json(settings.definition)},
        {"label_statement",
         {{"nl", label_definition_statement(settings.definition, TextLanguage::dutch)},
          {"en", label_definition_statement(settings.definition, TextLanguage::english)}}},
        {"fair_band", {{"low", settings.band.low}, {"high", settings.band.high}}},
        {"min_group_size", settings.min_group_size},
        {"grouping_rule", report.groupings_chosen ? "chosen" : "default"},
        {"groupings", std::move(groupings)},
        {"agreement",
         {{"codes", {"risico", "geen_risico", "verder_onderzoek_nodig"}},
          {"bootstrap",
           {{"resamples", report.bootstrap.resamples},
            {"confidence", report.bootstrap.confidence},
            {"seed", report.bootstrap.seed}}},
          {"thresholds",
           {{"kappa_substantial", kappa_substantial_threshold},
            {"alpha_tentative", alpha_tentative_threshold},
            {"alpha_reliable", alpha_reliable_threshold}}},
          {"second_codes", agreement.second_codes},
          {"without_first_code", agreement.without_first_code},
          {"adjudicated", agreement.adjudicated},
          {"overall", agreement_json(agreement.overall)},
          {"by_month", std::move(by_month)},
          {"by_pair", std::move(by_pair)},
          {"awaiting_adjudication", std::move(awaiting)}}},
        {"automation_bias",
         {{"rule", "a risk code (risico, verder_onderzoek_nodig) in the top 25% of the ranking, geen_risico below it"},
          {"score_visible", condition_json(bias.visible)},
          {"blind", condition_json(bias.blind)},
          {"paired",
           {{"dossiers", bias.paired.dossiers},
            {"score_visible", proportion_json(bias.paired.visible)},
            {"blind", proportion_json(bias.paired.blind)}}},
          {"reasons_opened",
           {{"opened", proportion_json(bias.reasons_opened.opened)},
            {"not_recorded", bias.reasons_opened.not_recorded}}}}},
        {"issues", report.issues}};
}

std::string audit_to_text(const AuditReport& report) {
    const AuditSettings& settings = report.settings;
    std::string text = "# Audit: " + both("batches", "batches") + " " +
                       (settings.period.from.empty() ? std::string("...") : settings.period.from) + " .. " +
                       (settings.period.to.empty() ? std::string("...") : settings.period.to) + "; " +
                       both("labels per", "labels as of") + " " + format_iso_date(settings.today) + "\n";
    text += label_definition_statement(settings.definition, TextLanguage::dutch) + " / " +
            label_definition_statement(settings.definition, TextLanguage::english) + "\n";
    text += both("eerlijke band", "fair band") + ": " + format_fixed(settings.band.low, 2) + " - " +
            format_fixed(settings.band.high, 2) + " (" + both("grenzen inbegrepen", "edges included") + "); " +
            both("groepen met minder dan", "groups of fewer than") + " " + std::to_string(settings.min_group_size) +
            " dossiers: " + both("te weinig om te beoordelen", "too few to judge") + "\n";
    for (const GroupAudit& audit : report.groupings) {
        text += "\n## " + both("groepering", "grouping") + ": " + audit.grouping;
        if (audit.protected_attribute) text += " (" + both("beschermd kenmerk", "protected attribute") + ")";
        if (audit.derived) text += " (" + both("afgeleid: locaties per organisator", "derived: locations per organiser") + ")";
        text += "\n  " + both("referentiegroep", "reference group") + ": " + group_name(audit.reference_group) + " (" +
                (audit.reference_chosen ? both("gekozen", "chosen") : both("grootste groep", "largest group")) + ")\n";
        text += "\n  [" + both("alle batches samen", "pooled over the batches") + ": " +
                std::to_string(audit.batches.size()) + "]\n" + table_text(audit.pooled) + basis_text();
        text += "\n  " + both("selectiekans t.o.v. referentie", "selection rate against the reference") +
                " (log, 0.25 .. 4; | = band, : = 1, * = ratio, - = 95%)\n" + chart_text(audit.pooled, settings.band);
        for (const GroupTable& table : audit.batches)
            text += "\n  [batch " + table.batch_id + " (" + table.month + ")]\n" + table_text(table);
    }
    const CoderAgreement& agreement = report.agreement;
    text += "\n## " + both("overeenstemming bij blinde dubbele codering", "agreement of the blind double coding") + "\n";
    text += "  " + both("tweede codes", "second codes") + ": " + std::to_string(agreement.second_codes) + "; " +
            both("beslecht", "adjudicated") + ": " + std::to_string(agreement.adjudicated);
    if (agreement.without_first_code > 0)
        text += "; " + both("zonder eerste code", "without a first code") + ": " + std::to_string(agreement.without_first_code);
    text += "\n  " + both("drempels", "thresholds") + ": kappa >= 0.61 " + both("aanzienlijk", "substantial") +
            " (Landis & Koch); alpha >= 0.667 " + both("voorlopig", "tentative") + ", >= 0.800 " +
            both("betrouwbaar", "reliable") + " (Krippendorff); " + std::to_string(report.bootstrap.resamples) +
            " bootstrap " + both("steekproeven", "resamples") + "\n\n";
    text += agreement_text(agreement.overall);
    for (const GroupAgreement& pair : agreement.by_pair)
        text += "\n  [" + both("screeners", "screeners") + ": " + pair.key + "]\n" + agreement_text(pair.figures);
    for (const GroupAgreement& month : agreement.by_month)
        text += "\n  [" + month.key + "]\n" + agreement_text(month.figures);
    text += "\n## " + both("meningsverschillen die wachten op beslechting", "disagreements awaiting adjudication") + ": " +
            std::to_string(agreement.awaiting_adjudication.size()) + "\n";
    for (const DoubleCodedDossier& dossier : agreement.awaiting_adjudication)
        text += "  " + dossier.dossier_id + "  batch " + dossier.batch_id + "  " + dossier.first->screener + ": " +
                code_label(*dossier.first_code(), TextLanguage::dutch) + "  " + dossier.second_screener + ": " +
                code_label(dossier.second_code, TextLanguage::dutch) + "\n";
    text += "\n## " + both("automatiseringsbias", "automation bias") + "\n" + automation_text(report.automation_bias);
    if (!report.issues.empty()) {
        text += "\n## " + both("niet gebruikt", "not used") + "\n";
        for (const std::string& issue : report.issues) text += "  " + issue + "\n";
    }
    return text;
}

}  // namespace radar
