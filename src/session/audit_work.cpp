// The audit of the running app: the user's stored choices, the cached audit and agreement.
#include "session/audit_work.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "session/i18n.hpp"

namespace radar::session {

std::string audit_choices_to_text(const AuditChoices& choices) {
    return nlohmann::json{{"grouping", choices.grouping},
                          {"reference_group", choices.reference_group},
                          {"fair_band", {{"low", choices.band.low}, {"high", choices.band.high}}}}
        .dump();
}

Checked<AuditChoices> parse_audit_choices(std::string_view text) {
    using Result = Checked<AuditChoices>;
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) return Result::failure("audit choices: not a JSON object");
    AuditChoices choices;
    const auto grouping = json.find("grouping");
    const auto reference = json.find("reference_group");
    const auto band = json.find("fair_band");
    if (grouping == json.end() || !grouping->is_string() || reference == json.end() || !reference->is_string() ||
        band == json.end() || !band->is_object() || !band->contains("low") || !band->contains("high") ||
        !(*band)["low"].is_number() || !(*band)["high"].is_number())
        return Result::failure("audit choices: grouping, reference_group and fair_band {low, high} are required");
    choices.grouping = grouping->get<std::string>();
    choices.reference_group = reference->get<std::string>();
    choices.band = FairBand{(*band)["low"].get<double>(), (*band)["high"].get<double>()};
    return choices;
}

const char* audit_choices_blocker(const AuditChoices& choices) {
    if (!validate_fair_band(choices.band).empty()) return tr(TextId::audit_band_invalid);
    if (!choices.reference_group.empty() && choices.grouping.empty()) return tr(TextId::audit_reference_needs_grouping);
    return "";
}

bool AuditWork::Inputs::current(const Session& state, std::uint64_t revision, const MonthRange& wanted) const {
    return screening_generation == state.screening_generation() && dataset_generation == state.dataset_generation() &&
           dictionary == state.field_dictionary() && today == state.reference_date() &&
           definition == state.label_definition() && choices_revision == revision && period == wanted;
}

const AuditChoices& AuditWork::choices(const Session& state) {
    const std::string* stored = state.stored_setting(audit_choices_setting);
    if (stored ? *stored == choices_text_ : choices_text_.empty()) return choices_;
    choices_text_ = stored ? *stored : std::string();
    const Checked<AuditChoices> read = parse_audit_choices(choices_text_);
    const bool usable = read && !*audit_choices_blocker(*read);
    choices_ = usable ? *read : AuditChoices{};
    notice_ = usable || !stored ? "" : tr(TextId::audit_choices_unreadable);
    ++choices_revision_;
    return choices_;
}

std::string AuditWork::set_choices(Session& state, const AuditChoices& wanted) {
    if (const char* blocker = audit_choices_blocker(wanted); *blocker) return blocker;
    if (wanted == choices(state)) return {};
    choices_ = wanted;
    choices_text_ = audit_choices_to_text(wanted);
    ++choices_revision_;
    notice_.clear();
    state.store_setting(audit_choices_setting, choices_text_, [this](const platform::StoreResult& result) {
        if (result.ok) return;
        char line[512];
        std::snprintf(line, sizeof line, tr(TextId::audit_choices_not_saved), result.failure_text().c_str());
        notice_ = line;
    });
    return {};
}

const Checked<AuditReport>* AuditWork::audit(const Session& state, const MonthRange& period) {
    if (state.storage_mode() == StorageMode::opening) return nullptr;
    const AuditChoices& chosen = choices(state);
    if (audit_.inputs && audit_.inputs->current(state, choices_revision_, period))
        return &*audit_.report;
    AuditSettings settings;
    settings.band = chosen.band;
    if (!chosen.reference_group.empty()) settings.reference_group = chosen.reference_group;
    settings.definition = state.label_definition();
    settings.today = state.reference_date();
    settings.period = period;
    const FieldDictionary* dictionary = state.field_dictionary();
    audit_.report = build_audit(state.dataset(), dictionary, chosen_groupings(state.dataset(), dictionary, chosen.grouping),
                                state.screening(), state.frozen_batches(), settings);
    audit_.inputs = Inputs{state.screening_generation(), state.dataset_generation(), dictionary, state.reference_date(),
                           state.label_definition(),     choices_revision_,          period};
    ++audit_.generation;
    return &*audit_.report;
}

const CoderAgreement* AuditWork::agreement(const Session& state, const MonthRange& period) {
    if (state.storage_mode() == StorageMode::opening) return nullptr;
    if (agreement_.screening_generation == state.screening_generation() && agreement_.period == period)
        return &agreement_.agreement;
    agreement_.agreement = coder_agreement(fold_double_coding(state.screening()), period);
    agreement_.screening_generation = state.screening_generation();
    agreement_.period = period;
    return &agreement_.agreement;
}

}  // namespace radar::session
