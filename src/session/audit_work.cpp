// The audit of the running app: the user's stored choices, the cached audit and agreement.
#include "session/audit_work.hpp"

#include <cstdio>
#include <optional>

#include "core/base/strict_json.hpp"
#include "core/fairness/commit_audit.hpp"

#include "session/i18n.hpp"

namespace radar::session {

std::string audit_choices_to_text(const AuditChoices& choices) {
    return canonical_json(Json{{"grouping", choices.grouping},
                               {"reference_group", choices.reference_group},
                               {"fair_band", {{"low", choices.band.low}, {"high", choices.band.high}}}});
}

Checked<AuditChoices> parse_audit_choices(std::string_view text) {
    using Result = Checked<AuditChoices>;
    const Checked<Json> json = parse_json_strict(text);
    if (!json) return Result::failure("audit choices: " + json.error());
    FieldReader reader(*json, "audit choices");
    AuditChoices choices;
    choices.grouping = reader.optional_text("grouping");
    choices.reference_group = reader.optional_text("reference_group");
    if (const Json* band = reader.object("fair_band")) {
        FieldReader band_reader(*band, "audit choices: fair_band");
        choices.band = FairBand{band_reader.number("low"), band_reader.number("high")};
        if (!band_reader.finish()) reader.fail_nested(band_reader.error());
    }
    if (!reader.finish()) return Result::failure(reader.error());
    return choices;
}

const char* audit_choices_blocker(const AuditChoices& choices) {
    if (!validate_fair_band(choices.band).empty()) return tr(TextId::audit_band_invalid);
    if (!choices.reference_group.empty() && choices.grouping.empty()) return tr(TextId::audit_reference_needs_grouping);
    return "";
}

namespace {

// The choices a stored text holds when they can be taken; none otherwise.
std::optional<AuditChoices> usable_choices(const std::string& text) {
    const Checked<AuditChoices> read = parse_audit_choices(text);
    if (!read || *audit_choices_blocker(*read)) return std::nullopt;
    return *read;
}

AuditChoices stored_choices(const Session& state) {
    const std::string* stored = state.stored_setting(audit_choices_setting);
    return stored ? usable_choices(*stored).value_or(AuditChoices{}) : AuditChoices{};
}

Checked<BatchAuditRecord> commit_audit_with(const Session& state, const FrozenBatch& batch, const AuditChoices& choices) {
    AuditSettings settings;
    settings.band = choices.band;
    if (!choices.reference_group.empty()) settings.reference_group = choices.reference_group;
    const FieldDictionary* dictionary = state.field_dictionary();
    return audit_at_commit(state.dataset(), dictionary, chosen_groupings(state.dataset(), dictionary, choices.grouping),
                           batch, settings);
}

}  // namespace

std::optional<BatchAuditRecord> audit_for_commit(const Session& state, const FrozenBatch& batch) {
    Checked<BatchAuditRecord> record = commit_audit_with(state, batch, stored_choices(state));
    if (!record) record = commit_audit_with(state, batch, AuditChoices{});
    if (!record || record->groupings.empty()) return std::nullopt;
    return std::move(*record);
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
    const std::optional<AuditChoices> usable = usable_choices(choices_text_);
    choices_ = usable.value_or(AuditChoices{});
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
    if (state.storage_mode() == StoreMode::opening) return nullptr;
    const AuditChoices& chosen = choices(state);
    for (std::size_t slot = 0; slot < audits_.size(); ++slot)
        if (audits_[slot].inputs && audits_[slot].inputs->current(state, choices_revision_, period)) {
            last_audit_ = slot;
            return &*audits_[slot].report;
        }
    last_audit_ = (last_audit_ + 1) % audits_.size();  // the one asked for less recently
    AuditCache& audit = audits_[last_audit_];
    AuditSettings settings;
    settings.band = chosen.band;
    if (!chosen.reference_group.empty()) settings.reference_group = chosen.reference_group;
    settings.definition = state.label_definition();
    settings.today = state.reference_date();
    settings.period = period;
    const FieldDictionary* dictionary = state.field_dictionary();
    audit.report = build_audit(state.dataset(), dictionary, chosen_groupings(state.dataset(), dictionary, chosen.grouping),
                               state.screening(), state.frozen_batches(), settings);
    audit.inputs = Inputs{state.screening_generation(), state.dataset_generation(), dictionary, state.reference_date(),
                          state.label_definition(),     choices_revision_,          period};
    ++audit_generation_;
    return &*audit.report;
}

const CoderAgreement* AuditWork::agreement(const Session& state, const MonthRange& period) {
    if (state.storage_mode() == StoreMode::opening) return nullptr;
    if (agreement_.screening_generation == state.screening_generation() && agreement_.period == period)
        return &agreement_.agreement;
    agreement_.agreement = coder_agreement(fold_double_coding(state.screening()), period);
    agreement_.screening_generation = state.screening_generation();
    agreement_.period = period;
    return &agreement_.agreement;
}

}  // namespace radar::session
