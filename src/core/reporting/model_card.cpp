// The model card: the use figures folded from the history, its JSON form and its printable page.
// The page shares the report's escaping and percentage format and, like the report, allows no
// fetch of any kind (Content-Security-Policy).
#include "core/reporting/model_card.hpp"

#include <cmath>


#include "core/time/date_text.hpp"
#include "core/model/model_json.hpp"
#include "core/model/number_text.hpp"
#include "core/reporting/report_html.hpp"
#include "core/reporting/report_summary.hpp"

namespace radar {
namespace {

bool counts_as_risk(const std::vector<ScreeningCode>& codes, ScreeningCode code) {
    for (ScreeningCode c : codes)
        if (c == code) return true;
    return false;
}

// The member's screening in its own batch, if it was coded there (withdrawn ones do not count).
const EffectiveScreening* screening_in_batch(const ScreeningState& state, const std::string& dossier_id,
                                             const std::string& batch_id) {
    const DossierHistory* history = state.history(dossier_id);
    if (!history) return nullptr;
    for (std::size_t index : history->screenings) {
        const EffectiveScreening& screening = state.screenings[index];
        if (!screening.withdrawn && screening.batch_id == batch_id) return &screening;
    }
    return nullptr;
}

bool coded_blind(const ScreeningState& state, const EffectiveScreening& screening) {
    const ScreeningEvent* event = state.event(screening.event_id);
    const ScreeningCoded* coded = event ? event->as<ScreeningCoded>() : nullptr;
    return coded && coded->reasons_seen && !*coded->reasons_seen;
}

std::string transform_text(const Transform& t) {
    std::string text = transform_kind_name(t.kind);
    switch (t.kind) {
        case TransformKind::clamp:
            text += " " + (t.min ? format_number(*t.min) : std::string("-")) + ".." +
                    (t.max ? format_number(*t.max) : std::string("-"));
            break;
        case TransformKind::step:
            for (const StepBin& bin : t.bins) text += " \xE2\x89\xA5" + format_number(bin.from) + ":" + format_number(bin.value);
            break;
        case TransformKind::categorical:
            for (const auto& [level, value] : t.levels) text += " " + level + "=" + format_number(value);
            break;
        case TransformKind::time_since: text += std::string(" (") + time_unit_name(t.unit) + ")"; break;
        default: break;
    }
    return text;
}

std::string pipeline_text(const ModelParameter& parameter) {
    std::string text;
    for (const Transform& t : parameter.transforms) text += (text.empty() ? "" : " \xE2\x86\x92 ") + transform_text(t);
    return text;
}

Json local(const LocalText& text) { return Json{{"nl", text.nl}, {"en", text.en}}; }

Json proportion_json(const Proportion& p) {
    return Json{{"hits", p.hits}, {"total", p.total}, {"rate", p.rate}, {"low", p.low}, {"high", p.high}};
}

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

struct Words {
    const char* title;
    const char* to_fill;
    const char* to_fill_note;
    const char* purpose;
    const char* purpose_text;
    const char* legal_basis;
    const char* inputs;
    const char* input_columns[6];
    const char* protected_title;
    const char* protected_text;
    const char* method;
    const char* method_points;
    const char* method_logistic;
    const char* performance;
    const char* no_evaluation;
    const char* in_use;
    const char* no_use;
    const char* use_text;  // batches, months, selected, screened
    const char* lift_text;
    const char* oversight;
    const char* oversight_text;
    const char* oversight_figures;
    const char* monitoring;
    const char* monitoring_text;
    const char* risks;
    const char* risks_text;
    const char* impact;
    const char* objection;
    const char* revision;
    const char* versions;
    const char* no_versions;
    const char* version_columns[5];
    const char* label_definition;
    const char* evaluated;
    const char* made_on;
};

constexpr Words dutch_words{
    "Modelkaart",
    "In te vullen door de organisatie",
    "Velden met deze markering kan alleen de organisatie zelf invullen; de app laat ze bewust leeg.",
    "Doel",
    "De score bepaalt alleen de volgorde waarin kinderopvangdossiers worden gescreend. Het is een "
    "prioriteit voor screening, geen oordeel over de kwaliteit van de opvang; elke beslissing neemt een "
    "screener na het bekijken van het hele dossier.",
    "Wettelijke grondslag",
    "Invoergegevens en hun onderbouwing",
    {"Invoer", "Veld", "Bewerking", "Gewicht", "Ontbrekend", "Waarom"},
    "Beschermde gegevens uitgesloten",
    "Deze velden kunnen nooit invoer van een model zijn; de app en de opdrachtregel weigeren elk model "
    "dat ze leest:",
    "Methode",
    "Transparante puntenscore: per invoer punten = gewicht \xC3\x97 bewerkte waarde, opgeteld bij het "
    "startgetal %s; geschaald naar 0\xE2\x80\x93" "100.",
    "Logistisch model: lineaire voorspeller = startgetal %s + som van gewicht \xC3\x97 bewerkte waarde; "
    "de score is 100 \xC3\x97 de kans.",
    "Prestaties",
    "Nog geen evaluatie met uitkomsten vastgelegd voor deze versie.",
    "In gebruik",
    "Nog geen bevroren batches met deze versie.",
    "%s batches (%s \xE2\x80\x93 %s): %s dossiers geselecteerd, waarvan %s in de controlesteekproef; %s gescreend.",
    "Aandeel mogelijk risico bovenaan de lijst %s (95%%-interval %s\xE2\x80\x93%s) tegenover %s in de "
    "controlesteekproef (%s\xE2\x80\x93%s): lift %s.",
    "Menselijke tussenkomst",
    "Elk geselecteerd dossier wordt door een screener bekeken en krijgt een van drie codes (Risico, Geen "
    "risico, Verder onderzoek nodig). De score neemt geen beslissing. Bij elk dossier staan de redenen van "
    "de score. De controlesteekproef wordt blind gecodeerd (zonder score of redenen). Correcties worden als "
    "nieuwe gebeurtenis met reden vastgelegd; niets wordt overschreven.",
    "%s screenings, waarvan %s blind gecodeerd en %s later gecorrigeerd.",
    "Monitoring",
    "De standaardrapportage toont per periode de codes, de lift tegenover de controlesteekproef en de "
    "opvolging. Elke batch kan later worden nagerekend op dezelfde gegevens en modelversie. Het modelscherm "
    "waarschuwt wanneer een invoer sterk samenhangt met een beschermd kenmerk (proxy).",
    "Risico's en vertekening in de gegevens",
    "Uitkomsten bestaan alleen voor gescreende dossiers (selectieve labels): alleen de willekeurige "
    "controlesteekproef geeft een onvertekend basispercentage. Invoer kan samenhangen met beschermde "
    "kenmerken; zie de proxywaarschuwing in het modelscherm.",
    "Impactbeoordeling (IAMA / DPIA)",
    "Bezwaarprocedure",
    "Herzieningsdatum",
    "Versiegeschiedenis",
    "Geen opgeslagen versies bekend (geef een back-up mee als geschiedenis).",
    {"Versie", "Opgeslagen", "Door", "Toelichting", "Vingerafdruk"},
    "Labeldefinitie",
    "Ge\xC3\xABvalueerd",
    "Gemaakt op",
};

constexpr Words english_words{
    "Model card",
    "To be completed by the organisation",
    "Fields with this mark can only be completed by the organisation itself; the app leaves them empty on purpose.",
    "Purpose",
    "The score only sets the order in which childcare dossiers are screened. It is a screening priority, "
    "not a judgement of the quality of care; every decision is taken by a screener after reviewing the "
    "whole dossier.",
    "Legal basis",
    "Inputs and their rationale",
    {"Input", "Field", "Transform", "Weight", "Missing", "Why"},
    "Protected fields excluded",
    "These fields can never be a model input; the app and the command line refuse every model that reads them:",
    "Method",
    "Transparent points score: per input points = weight \xC3\x97 transformed value, added to the intercept "
    "%s; scaled to 0\xE2\x80\x93" "100.",
    "Logistic model: linear predictor = intercept %s + sum of weight \xC3\x97 transformed value; the score "
    "is 100 \xC3\x97 the probability.",
    "Performance",
    "No evaluation with outcomes recorded for this version yet.",
    "In use",
    "No frozen batches with this version yet.",
    "%s batches (%s \xE2\x80\x93 %s): %s dossiers selected, %s of them in the control sample; %s screened.",
    "Possible-risk share at the top of the list %s (95%% interval %s\xE2\x80\x93%s) against %s in the "
    "control sample (%s\xE2\x80\x93%s): lift %s.",
    "Human oversight",
    "Every selected dossier is reviewed by a screener and given one of three codes (Risico, Geen risico, "
    "Verder onderzoek nodig). The score takes no decision. Each dossier shows the reasons for its score. "
    "The control sample is coded blind (without score or reasons). Corrections are recorded as new events "
    "with a reason; nothing is overwritten.",
    "%s screenings, %s of them coded blind and %s corrected later.",
    "Monitoring",
    "The standard report shows per period the codes, the lift against the control sample and the follow-up. "
    "Every batch can be re-computed later on the same data and model version. The model screen warns when an "
    "input is strongly associated with a protected attribute (proxy).",
    "Risks and data bias",
    "Outcomes exist only for screened dossiers (selective labels): only the random control sample gives an "
    "unbiased base rate. Inputs may be associated with protected attributes; see the proxy warning on the "
    "model screen.",
    "Impact assessment (FRAIA / DPIA)",
    "Objection procedure",
    "Revision date",
    "Version history",
    "No saved versions known (give a backup as the history).",
    {"Version", "Saved", "By", "Note", "Fingerprint"},
    "Label definition",
    "Evaluated",
    "Made on",
};

const Words& words(TextLanguage language) { return language == TextLanguage::dutch ? dutch_words : english_words; }

// Replaces each "%s" in order; "%%" is a percent sign.
std::string fill(const char* pattern, std::initializer_list<std::string> values) {
    std::string out;
    auto next = values.begin();
    for (const char* c = pattern; *c; ++c) {
        if (c[0] == '%' && c[1] == 's') {
            out += next != values.end() ? *next++ : std::string();
            ++c;
        } else if (c[0] == '%' && c[1] == '%') {
            out += '%';
            ++c;
        } else {
            out += *c;
        }
    }
    return out;
}

// "januari 2026" for "2026-01".
std::string month_text(const std::string& month, TextLanguage language) {
    const std::optional<DayNumber> first = parse_iso_date(month + "-01");
    return first ? format_month_year(*first, language) : month;
}

std::string count_text(std::size_t value) { return std::to_string(value); }

std::string weight_text(double value, TextLanguage language) { return format_decimal(value, language); }

std::string missing_text(const MissingPolicy& missing, TextLanguage language) {
    switch (missing.kind) {
        case MissingPolicyKind::neutral: {
            const std::string value = std::holds_alternative<double>(missing.neutral)
                                          ? format_decimal(std::get<double>(missing.neutral), language)
                                          : std::get<std::string>(missing.neutral);
            return std::string(missing_policy_name(missing.kind)) + " " + value;
        }
        case MissingPolicyKind::points:
            return std::string(missing_policy_name(missing.kind)) + " " + format_decimal(missing.points, language);
        case MissingPolicyKind::unknown: break;
    }
    return missing_policy_name(missing.kind);
}

std::string section(const char* title, const std::string& body) {
    return "<section><h2>" + html_escape(title) + "</h2>" + body + "</section>\n";
}

std::string paragraph(const std::string& text) { return "<p>" + html_escape(text) + "</p>"; }

std::string place_for_people(const Words& w) {
    return "<p class=\"fill\">[" + html_escape(w.to_fill) + "]</p>";
}

std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::string out = "<table><thead><tr>";
    for (const std::string& cell : header) out += "<th>" + html_escape(cell) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& row : rows) {
        out += "<tr>";
        for (const std::string& cell : row) out += "<td>" + html_escape(cell) + "</td>";
        out += "</tr>";
    }
    return out + "</tbody></table>";
}

std::string use_html(const ModelCardUse& use, const Words& w, TextLanguage language) {
    if (use.batches == 0) return paragraph(w.no_use);
    std::string out = paragraph(fill(w.use_text, {count_text(use.batches), month_text(use.first_month, language),
                                                  month_text(use.last_month, language),
                                                  count_text(use.selected), count_text(use.control_selected),
                                                  count_text(use.screened)}));
    if (use.lift.available)
        out += paragraph(fill(w.lift_text, {format_percent(use.lift.top.rate, language), format_percent(use.lift.top.low, language),
                                            format_percent(use.lift.top.high, language),
                                            format_percent(use.lift.control.rate, language),
                                            format_percent(use.lift.control.low, language),
                                            format_percent(use.lift.control.high, language),
                                            use.lift.lift ? format_decimal(std::round(*use.lift.lift * 100.0) / 100.0, language)
                                                          : std::string("\xE2\x80\x93")}));
    return out;
}

std::string evaluation_html(const ModelCardEvaluation& e, const Words& w, TextLanguage language) {
    std::string out = "<div class=\"evaluation\"><p><strong>" + html_escape(w.label_definition) + ":</strong> " +
                      html_escape(text_in(e.label_definition, language)) + "</p>";
    if (!text_in(e.scope, language).empty())
        out += "<p><strong>" + html_escape(w.evaluated) + ":</strong> " + html_escape(text_in(e.scope, language)) + "</p>";
    std::vector<std::vector<std::string>> rows;
    rows.push_back({language == TextLanguage::dutch ? "gelabelde dossiers" : "labelled dossiers", count_text(e.labelled)});
    rows.push_back({language == TextLanguage::dutch ? "waarvan risico bevestigd" : "of which risk confirmed",
                    count_text(e.positives)});
    if (e.auc) rows.push_back({"ROC AUC", format_fixed(*e.auc, 3)});
    if (e.precision_at_k)
        rows.push_back({"precision@" + count_text(e.k), format_percent(e.precision_at_k->rate, language) + " (" +
                                                            format_percent(e.precision_at_k->low, language) + "\xE2\x80\x93" +
                                                            format_percent(e.precision_at_k->high, language) + ")"});
    if (e.base_rate)
        rows.push_back({language == TextLanguage::dutch ? "basispercentage" : "base rate",
                        format_percent(e.base_rate->rate, language) + " (" + format_percent(e.base_rate->low, language) +
                            "\xE2\x80\x93" + format_percent(e.base_rate->high, language) + ")"});
    if (e.lift)
        rows.push_back({"lift", format_fixed(*e.lift, 2) + (e.lift_low && e.lift_high
                                                                ? " (" + format_fixed(*e.lift_low, 2) + "\xE2\x80\x93" +
                                                                      format_fixed(*e.lift_high, 2) + ")"
                                                                : std::string())});
    return out + table({"", ""}, rows) + "</div>";
}

constexpr const char* style_sheet = R"CSS(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;margin:0;background:#fff}
.page{max-width:60rem;margin:0 auto;padding:2rem}
h1{margin:.2rem 0 .4rem;font-size:1.8rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #c9d1dc}
.brand{color:#4a5568;font-size:.9rem}.meta{color:#4a5568;font-size:.9rem}
.notice{display:inline-block;background:#7a1f1f;color:#fff;padding:.15rem .5rem;border-radius:.2rem;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0}
th,td{border:1px solid #c9d1dc;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#eef2f7}
.fill{border:2px dashed #8a5a00;background:#fff8e6;color:#5c3d00;padding:.5rem;font-weight:600}
.evaluation{margin:.6rem 0}
@media print{.page{padding:0}}
)CSS";

}  // namespace

ModelCardUse model_card_use(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                            const std::string& model_version_id, const std::vector<ScreeningCode>& possible_risk) {
    ModelCardUse use;
    use.possible_risk = possible_risk;
    std::size_t top_hits = 0, top_total = 0, control_hits = 0, control_total = 0;
    for (const FrozenBatch& batch : batches) {
        if (batch.model_version_id != model_version_id) continue;
        ++use.batches;
        if (use.first_month.empty() || batch.month < use.first_month) use.first_month = batch.month;
        if (batch.month > use.last_month) use.last_month = batch.month;
        for (const FrozenMember& member : batch.members) {
            ++use.selected;
            const bool control = member.kind == SelectionKind::control;
            if (control) ++use.control_selected;
            const EffectiveScreening* screening = screening_in_batch(state, member.dossier_id, batch.batch_id);
            if (!screening) continue;
            ++use.screened;
            if (coded_blind(state, *screening)) ++use.screened_blind;
            if (!screening->correction_ids.empty()) ++use.corrected;
            const bool hit = counts_as_risk(possible_risk, screening->code);
            if (control) {
                ++control_total;
                if (hit) ++control_hits;
            } else if (member.kind == SelectionKind::top_n || member.kind == SelectionKind::signal_override) {
                ++top_total;
                if (hit) ++top_hits;
            }
        }
    }
    use.lift = compare_with_control(top_hits, top_total, control_hits, control_total);
    return use;
}

const std::vector<std::string>& model_card_places_for_people() {
    static const std::vector<std::string> places{"legal_basis", "impact_assessment", "objection_procedure",
                                                 "revision_date"};
    return places;
}

ModelCardEvaluation model_card_evaluation(const VersionEvaluation& evaluation, const LabelDefinition& definition) {
    const EvaluationSummary& summary = evaluation.summary;
    ModelCardEvaluation card;
    card.label_definition = {label_definition_statement(definition, TextLanguage::dutch),
                             label_definition_statement(definition, TextLanguage::english)};
    const std::string batches = std::to_string(evaluation.batches);
    card.scope = {"Gescreende leden van de " + batches + " eigen batches van deze versie (top van de lijst en "
                  "controlesteekproef) met een definitief label",
                  "Screened members of this version's own " + batches + " batches (top of the list and control "
                  "sample) with a final label"};
    card.labelled = summary.rows;
    card.positives = summary.positives;
    card.auc = summary.auc;
    card.k = summary.at_k.k;
    if (summary.precision_interval) {
        const double hits = summary.at_k.positives.expected;
        card.precision_at_k = Proportion{static_cast<std::size_t>(hits + 0.5), summary.at_k.k, summary.at_k.precision,
                                         summary.precision_interval->low, summary.precision_interval->high};
    }
    if (summary.base_rate && summary.base_rate_interval && summary.base_rate_source == BaseRateSource::control_sample)
        card.base_rate = Proportion{evaluation.control_positives, evaluation.labelled_control, *summary.base_rate,
                                    summary.base_rate_interval->low, summary.base_rate_interval->high};
    if (card.base_rate && summary.lift.ratio) {
        card.lift = summary.lift.ratio;
        if (summary.lift.interval) {
            card.lift_low = summary.lift.interval->low;
            card.lift_high = summary.lift.interval->high;
        }
    }
    return card;
}

Json model_card_json(const ModelCardInput& input) {
    const ModelSpec& m = input.model;
    Json card = Json::object();
    card["format"] = "dossier-radar-model-card";
    card["format_version"] = 1;
    card["generated_at"] = format_timestamp(input.generated_at);
    if (!input.notice.empty()) card["notice"] = input.notice;
    Json model{{"id", m.id}, {"name", local(m.name)}, {"model_version_id", model_version_id(m)},
               {"author", m.author}, {"created_at", m.created_at}, {"description", local(m.description)},
               {"logistic", m.logistic}, {"intercept", m.intercept},
               {"display", display_mapping_name(m.display.mapping)}};
    if (input.version) {
        model["version"] = input.version->version;
        model["fingerprint"] = input.version->fingerprint;
        model["saved_at"] = input.version->saved_at;
        model["saved_by"] = input.version->author;
        model["note"] = input.version->note;
    }
    card["model"] = model;
    card["purpose"] = local({dutch_words.purpose_text, english_words.purpose_text});
    Json inputs = Json::array();
    for (const ModelParameter& p : m.parameters)
        inputs.push_back(Json{{"id", p.id}, {"field", p.field}, {"label", local(p.label)},
                              {"rationale", local(p.rationale)}, {"transforms", pipeline_text(p)},
                              {"weight", p.weight}, {"missing", missing_policy_name(p.missing.kind)}});
    card["inputs"] = inputs;
    card["protected_fields_excluded"] = input.protected_fields;
    Json evaluations = Json::array();
    for (const ModelCardEvaluation& e : input.evaluations) {
        Json item{{"label_definition", local(e.label_definition)}, {"scope", local(e.scope)},
                  {"labelled", e.labelled}, {"positives", e.positives}, {"auc", optional_number(e.auc)},
                  {"k", e.k}, {"lift", optional_number(e.lift)}, {"lift_low", optional_number(e.lift_low)},
                  {"lift_high", optional_number(e.lift_high)}};
        item["precision_at_k"] = e.precision_at_k ? proportion_json(*e.precision_at_k) : Json(nullptr);
        item["base_rate"] = e.base_rate ? proportion_json(*e.base_rate) : Json(nullptr);
        evaluations.push_back(item);
    }
    card["evaluations"] = evaluations;
    if (input.use) {
        const ModelCardUse& u = *input.use;
        Json codes = Json::array();
        for (ScreeningCode code : u.possible_risk) codes.push_back(code_key(code));
        Json use{{"batches", u.batches}, {"first_month", u.first_month}, {"last_month", u.last_month},
                 {"selected", u.selected}, {"control_selected", u.control_selected}, {"screened", u.screened},
                 {"screened_blind", u.screened_blind}, {"corrected", u.corrected}, {"possible_risk", codes}};
        if (u.lift.available) {
            use["top_share"] = proportion_json(u.lift.top);
            use["control_share"] = proportion_json(u.lift.control);
            use["lift"] = optional_number(u.lift.lift);
        }
        card["in_use"] = use;
    } else {
        card["in_use"] = nullptr;
    }
    card["human_oversight"] = local({dutch_words.oversight_text, english_words.oversight_text});
    card["monitoring"] = local({dutch_words.monitoring_text, english_words.monitoring_text});
    card["risks_and_data_bias"] = local({dutch_words.risks_text, english_words.risks_text});
    Json places = Json::object();
    for (const std::string& place : model_card_places_for_people()) places[place] = nullptr;
    card["to_be_completed_by_people"] = places;
    Json versions = Json::array();
    for (const ModelVersionInfo& v : input.versions)
        versions.push_back(Json{{"version", v.version}, {"saved_at", v.saved_at}, {"author", v.author},
                                {"note", v.note}, {"fingerprint", v.fingerprint}});
    card["versions"] = versions;
    return card;
}

std::string model_card_html(const ModelCardInput& input, TextLanguage language) {
    const Words& w = words(language);
    const ModelSpec& m = input.model;
    std::string page = "<!DOCTYPE html>\n<html lang=\"";
    page += language == TextLanguage::dutch ? "nl" : "en";
    page += "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    page += html_escape(std::string(w.title) + " \xE2\x80\x93 " + text_in(m.name, language)) + "</title>\n<style>" +
            style_sheet + "</style>\n</head>\n<body>\n<div class=\"page\">\n<header><div class=\"brand\">Dossier Radar</div><h1>" +
            html_escape(std::string(w.title) + ": " + text_in(m.name, language)) + "</h1><p class=\"meta\">" +
            html_escape(model_version_id(m));
    if (input.version)
        page += html_escape(" \xC2\xB7 v" + std::to_string(input.version->version) + " \xC2\xB7 " + input.version->saved_at);
    page += html_escape(std::string(" \xC2\xB7 ") + w.made_on + " " + format_date(day_of(input.generated_at), language)) + "</p>";
    if (!input.notice.empty()) page += "<p class=\"notice\">" + html_escape(input.notice) + "</p>";
    page += "<p class=\"meta\">" + html_escape(w.to_fill_note) + "</p></header>\n";

    std::string purpose = paragraph(w.purpose_text);
    if (!text_in(m.description, language).empty()) purpose += paragraph(text_in(m.description, language));
    page += section(w.purpose, purpose);
    page += section(w.legal_basis, place_for_people(w));

    std::vector<std::vector<std::string>> rows;
    for (const ModelParameter& p : m.parameters)
        rows.push_back({text_in(p.label, language), p.field, pipeline_text(p), weight_text(p.weight, language),
                        missing_text(p.missing, language), text_in(p.rationale, language)});
    page += section(w.inputs, table(std::vector<std::string>(std::begin(w.input_columns), std::end(w.input_columns)), rows));

    std::string excluded = "<p>" + html_escape(w.protected_text) + "</p><ul>";
    for (const std::string& field : input.protected_fields) excluded += "<li>" + html_escape(field) + "</li>";
    page += section(w.protected_title, excluded + "</ul>");

    page += section(w.method, paragraph(fill(m.logistic ? w.method_logistic : w.method_points,
                                             {format_decimal(m.intercept, language)})));

    std::string performance;
    for (const ModelCardEvaluation& e : input.evaluations) performance += evaluation_html(e, w, language);
    if (input.evaluations.empty()) performance += paragraph(w.no_evaluation);
    performance += "<h3>" + html_escape(w.in_use) + "</h3>";
    performance += input.use ? use_html(*input.use, w, language) : paragraph(w.no_use);
    page += section(w.performance, performance);

    std::string oversight = paragraph(w.oversight_text);
    if (input.use)
        oversight += paragraph(fill(w.oversight_figures, {count_text(input.use->screened), count_text(input.use->screened_blind),
                                                           count_text(input.use->corrected)}));
    page += section(w.oversight, oversight);
    page += section(w.monitoring, paragraph(w.monitoring_text));
    page += section(w.risks, paragraph(w.risks_text));
    page += section(w.impact, place_for_people(w));
    page += section(w.objection, place_for_people(w));
    page += section(w.revision, place_for_people(w));

    std::vector<std::vector<std::string>> versions;
    for (const ModelVersionInfo& v : input.versions)
        versions.push_back({"v" + std::to_string(v.version), v.saved_at, v.author, v.note, v.fingerprint});
    page += section(w.versions, versions.empty() ? paragraph(w.no_versions)
                                                 : table(std::vector<std::string>(std::begin(w.version_columns),
                                                                                  std::end(w.version_columns)),
                                                         versions));
    return page + "</div>\n</body>\n</html>\n";
}

}  // namespace radar
