// Codes against score bands, blind and with the score visible.
#include "core/fairness/automation_bias.hpp"

namespace radar {
namespace {

bool possible_risk(ScreeningCode code) { return code != ScreeningCode::geen_risico; }

struct Tally {
    std::size_t codes = 0;
    std::size_t following = 0;
    std::size_t possible_risk = 0;
};

struct ConditionTally {
    std::array<Tally, score_band_count> bands{};

    void add(ScreeningCode code, ScoreBand band) {
        Tally& tally = bands[static_cast<std::size_t>(band)];
        ++tally.codes;
        tally.following += code_follows_band(code, band);
        tally.possible_risk += possible_risk(code);
    }

    ConditionFollowing figures(CodingCondition condition) const {
        ConditionFollowing result;
        result.condition = condition;
        std::size_t codes = 0, following = 0;
        for (int band = 0; band < score_band_count; ++band) {
            const Tally& tally = bands[static_cast<std::size_t>(band)];
            result.by_band[static_cast<std::size_t>(band)] = {static_cast<ScoreBand>(band),
                                                              wilson_interval(tally.following, tally.codes),
                                                              wilson_interval(tally.possible_risk, tally.codes)};
            codes += tally.codes;
            following += tally.following;
        }
        result.following = wilson_interval(following, codes);
        return result;
    }
};

std::optional<ScoreBand> member_band(const BatchState& batch, const std::string& dossier_id) {
    const BatchMember* member = batch.member(dossier_id);
    if (!member || batch.ranked_total == 0) return std::nullopt;
    return score_band(score_percentile(member->rank, batch.ranked_total));
}

std::optional<bool> reasons_seen(const ScreeningState& state, const EffectiveScreening& screening) {
    const ScreeningEvent* event = state.event(screening.event_id);
    const ScreeningCoded* coded = event ? event->as<ScreeningCoded>() : nullptr;
    return coded ? coded->reasons_seen : std::nullopt;
}

bool coded_blind(const ScreeningState& state, const EffectiveScreening& screening, const BatchMember& member) {
    if (const std::optional<bool> seen = reasons_seen(state, screening)) return !*seen;
    return member.kind == SelectionKind::control;
}

}  // namespace

const char* coding_condition_key(CodingCondition condition) {
    return condition == CodingCondition::blind ? "blind" : "score_visible";
}

const char* coding_condition_label(CodingCondition condition, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    if (condition == CodingCondition::blind) return nl ? "blind gecodeerd" : "coded blind";
    return nl ? "score zichtbaar" : "score visible";
}

bool code_follows_band(ScreeningCode code, ScoreBand band) {
    const bool high = band == ScoreBand::top_10 || band == ScoreBand::from_10_to_25;
    return possible_risk(code) == high;
}

AutomationBiasFigures automation_bias(const ScreeningState& state, const DoubleCodingFold& fold,
                                      const MonthRange& period) {
    AutomationBiasFigures result;
    result.period = period;
    ConditionTally visible, blind;
    std::size_t opened = 0, recorded = 0;
    for (const EffectiveScreening& screening : state.screenings) {
        if (screening.withdrawn || screening.batch_id.empty()) continue;
        const auto batch = state.batches.find(screening.batch_id);
        if (batch == state.batches.end() || !period.contains(batch->second.month)) continue;
        const BatchMember* member = batch->second.member(screening.dossier_id);
        const auto band = member_band(batch->second, screening.dossier_id);
        if (!member || !band) continue;
        (coded_blind(state, screening, *member) ? blind : visible).add(screening.coder_code, *band);
        if (const std::optional<bool> seen = reasons_seen(state, screening)) {
            ++recorded;
            opened += *seen;
        } else {
            ++result.reasons_opened.not_recorded;
        }
    }
    result.reasons_opened.opened = wilson_interval(opened, recorded);
    std::size_t paired = 0, paired_visible = 0, paired_blind = 0;
    for (const DoubleCodedDossier& dossier : fold.dossiers) {
        if (!period.contains(dossier.month)) continue;
        const auto batch = state.batches.find(dossier.batch_id);
        if (batch == state.batches.end()) continue;
        const auto band = member_band(batch->second, dossier.dossier_id);
        if (!band) continue;
        blind.add(dossier.second_code, *band);
        const BatchMember* member = batch->second.member(dossier.dossier_id);
        if (!dossier.first || coded_blind(state, *dossier.first, *member)) continue;
        ++paired;
        paired_visible += code_follows_band(dossier.first->coder_code, *band);
        paired_blind += code_follows_band(dossier.second_code, *band);
    }
    result.visible = visible.figures(CodingCondition::score_visible);
    result.blind = blind.figures(CodingCondition::blind);
    result.paired = {paired, wilson_interval(paired_visible, paired), wilson_interval(paired_blind, paired)};
    return result;
}

}  // namespace radar
