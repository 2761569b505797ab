// The "risk confirmed" label definition, its JSON form and statement, and labels per screening.
#include "core/screening/confirmed_risk.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace radar {
namespace {

constexpr int label_definition_version = 1;
constexpr int max_window_months = 60;
constexpr std::initializer_list<const char*> rule_words = {"risk_code", "serious_or_enforcement",
                                                            "any_shortcoming_or_enforcement"};
constexpr std::initializer_list<const char*> code_words = {"risico", "geen_risico", "verder_onderzoek_nodig"};

std::string months_text(int months, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    return std::to_string(months) + (months == 1 ? (nl ? " maand" : " month") : (nl ? " maanden" : " months"));
}

std::string codes_text(const std::vector<ScreeningCode>& codes, TextLanguage language) {
    std::string text;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) text += i + 1 == codes.size() ? (language == TextLanguage::dutch ? " of " : " or ") : ", ";
        text += code_label(codes[i], language);
    }
    return text;
}

}  // namespace

bool operator==(const LabelDefinition& a, const LabelDefinition& b) {
    return label_definition_to_text(a) == label_definition_to_text(b);
}

std::string validate_label_definition(const LabelDefinition& definition) {
    if (definition.rule == ConfirmationRule::risk_code) {
        if (definition.risk_codes.empty()) return "field 'risk_codes': name at least one code";
        std::set<ScreeningCode> seen;
        for (ScreeningCode code : definition.risk_codes)
            if (!seen.insert(code).second)
                return std::string("field 'risk_codes': ") + code_key(code) + " is listed twice";
        return {};
    }
    if (definition.window_months < 1 || definition.window_months > max_window_months)
        return "field 'window_months': " + std::to_string(definition.window_months) + " is outside 1.." +
               std::to_string(max_window_months);
    return {};
}

Json label_definition_to_json(const LabelDefinition& definition) {
    Json out = Json::object();
    out["version"] = label_definition_version;
    out["rule"] = confirmation_rule_key(definition.rule);
    if (definition.rule == ConfirmationRule::risk_code) {
        Json codes = Json::array();
        for (ScreeningCode code : definition.risk_codes) codes.push_back(code_key(code));
        out["risk_codes"] = std::move(codes);
    } else {
        out["window_months"] = definition.window_months;
    }
    return out;
}

Checked<LabelDefinition> label_definition_from_json(const Json& value, const std::string& context) {
    using Result = Checked<LabelDefinition>;
    FieldReader reader(value, context);
    const auto version = reader.integer("version", 1, 1'000'000);
    if (reader.ok() && version > label_definition_version)
        return Result::failure(context + ": version " + std::to_string(version) +
                               " is newer than this app supports; update the app");
    LabelDefinition definition;
    definition.rule = static_cast<ConfirmationRule>(reader.choice("rule", rule_words));
    if (!reader.ok()) return Result::failure(reader.error());
    if (definition.rule == ConfirmationRule::risk_code) {
        definition.risk_codes.clear();
        if (const Json* codes = reader.array("risk_codes")) {
            for (std::size_t i = 0; i < codes->size(); ++i) {
                const Json& item = (*codes)[i];
                const auto word = item.is_string() ? std::find(code_words.begin(), code_words.end(), item.get<std::string>())
                                                   : code_words.end();
                if (word == code_words.end()) {
                    reader.fail("risk_codes", "item " + std::to_string(i) + " is not one of risico, geen_risico, "
                                              "verder_onderzoek_nodig");
                    break;
                }
                definition.risk_codes.push_back(static_cast<ScreeningCode>(word - code_words.begin()));
            }
        }
    } else {
        definition.window_months = static_cast<int>(reader.integer("window_months", 1, max_window_months));
    }
    if (!reader.finish()) return Result::failure(reader.error());
    if (auto problem = validate_label_definition(definition); !problem.empty())
        return Result::failure(context + ": " + problem);
    return definition;
}

std::string label_definition_to_text(const LabelDefinition& definition) {
    return canonical_json(label_definition_to_json(definition));
}

Checked<LabelDefinition> parse_label_definition(std::string_view text) {
    const Checked<Json> json = parse_json_strict(text);
    if (!json) return Checked<LabelDefinition>::failure("label definition: " + json.error());
    return label_definition_from_json(*json);
}

const char* confirmation_rule_key(ConfirmationRule rule) {
    switch (rule) {
        case ConfirmationRule::risk_code: return "risk_code";
        case ConfirmationRule::serious_or_enforcement: return "serious_or_enforcement";
        case ConfirmationRule::any_shortcoming_or_enforcement: return "any_shortcoming_or_enforcement";
    }
    return "";
}

std::string label_definition_statement(const LabelDefinition& definition, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    const std::string head = nl ? "Risico bevestigd = " : "Risk confirmed = ";
    const std::string window = (nl ? " binnen " : " within ") + months_text(definition.window_months, language) +
                               (nl ? " na de screening" : " after the screening");
    switch (definition.rule) {
        case ConfirmationRule::risk_code:
            return head + (nl ? "de screening kreeg de code " : "the screening was coded ") +
                   codes_text(definition.risk_codes, language);
        case ConfirmationRule::serious_or_enforcement:
            return head + (nl ? "ernstige tekorten of handhaving" : "serious shortcomings or enforcement") + window;
        case ConfirmationRule::any_shortcoming_or_enforcement:
            return head + (nl ? "tekorten, een waarschuwing of handhaving" : "shortcomings, a warning or enforcement") +
                   window;
    }
    return head;
}

const char* label_status_key(LabelStatus status) {
    switch (status) {
        case LabelStatus::confirmed: return "confirmed";
        case LabelStatus::not_confirmed: return "not_confirmed";
        case LabelStatus::not_yet_known: return "not_yet_known";
    }
    return "";
}

bool outcome_confirms_risk(const OutcomeDetails& outcome, ConfirmationRule rule) {
    switch (rule) {
        case ConfirmationRule::risk_code: return false;
        case ConfirmationRule::serious_or_enforcement:
            return outcome.type == OutcomeType::enforcement ||
                   (outcome.type == OutcomeType::inspection &&
                    outcome.inspection_result == InspectionResult::serious_shortcomings);
        case ConfirmationRule::any_shortcoming_or_enforcement:
            return outcome.type == OutcomeType::enforcement || outcome.type == OutcomeType::warning ||
                   (outcome.type == OutcomeType::inspection &&
                    outcome.inspection_result != InspectionResult::no_shortcomings);
    }
    return false;
}

std::optional<ConfirmedRisk> confirmed_risk(const ScreeningState& state, const std::string& screening_event_id,
                                            DayNumber today, const LabelDefinition& definition) {
    const EffectiveScreening* screening = state.screening(screening_event_id);
    if (!screening || screening->withdrawn) return std::nullopt;
    ConfirmedRisk label;
    label.screening_event_id = screening_event_id;
    label.dossier_id = screening->dossier_id;
    label.screening_date = screening->screening_date;
    if (definition.rule == ConfirmationRule::risk_code) {
        label.window_end = screening->screening_date;
        const bool risk = std::find(definition.risk_codes.begin(), definition.risk_codes.end(), screening->code) !=
                          definition.risk_codes.end();
        label.status = risk ? LabelStatus::confirmed : LabelStatus::not_confirmed;
        return label;
    }
    label.window_end = add_months(screening->screening_date, definition.window_months);
    const DayNumber last_counted = std::min(label.window_end, today);
    // current_outcomes is ordered by outcome date, so the first match is the earliest.
    for (const OutcomeState* outcome : state.current_outcomes(screening->dossier_id)) {
        const DayNumber date = outcome->details.outcome_date;
        if (date < label.screening_date || date > last_counted) continue;
        if (!outcome_confirms_risk(outcome->details, definition.rule)) continue;
        label.status = LabelStatus::confirmed;
        label.confirming_outcome_id = outcome->outcome_id;
        label.confirmed_on = date;
        return label;
    }
    label.status = today > label.window_end ? LabelStatus::not_confirmed : LabelStatus::not_yet_known;
    return label;
}

std::vector<ConfirmedRisk> confirmed_risks(const ScreeningState& state, DayNumber today, const LabelDefinition& definition) {
    std::vector<ConfirmedRisk> labels;
    for (const EffectiveScreening& screening : state.screenings) {
        if (screening.withdrawn || screening.screening_date > today) continue;
        if (auto label = confirmed_risk(state, screening.event_id, today, definition)) labels.push_back(std::move(*label));
    }
    std::sort(labels.begin(), labels.end(), [](const ConfirmedRisk& a, const ConfirmedRisk& b) {
        return std::tie(a.screening_date, a.dossier_id, a.screening_event_id) <
               std::tie(b.screening_date, b.dossier_id, b.screening_event_id);
    });
    return labels;
}

}  // namespace radar
