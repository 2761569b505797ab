// The double-coding draw and the fold of second codes and adjudications.
#include "core/screening/double_coding.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "core/base/random.hpp"
#include "core/base/stable_hash.hpp"

namespace radar {
namespace {

// Separates this draw's stream from the blind queue's (seed ^ id hash) and the control draw's (seed).
constexpr std::uint64_t double_coding_stream = 0x646F75626C65ULL;  // "double"

}  // namespace

std::size_t double_coding_count(std::size_t members, const DoubleCodingSettings& settings) {
    const auto by_share = static_cast<std::size_t>(std::ceil(settings.share * static_cast<double>(members) - 1e-9));
    return std::min(members, std::max(settings.minimum, by_share));
}

std::vector<std::size_t> double_coding_sample(const BatchState& batch, std::uint64_t control_seed,
                                              const DoubleCodingSettings& settings) {
    std::vector<std::size_t> order(batch.members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const std::size_t count = double_coding_count(order.size(), settings);
    // A partial Fisher-Yates shuffle: the first `count` places are a uniform draw.
    Random random((control_seed ^ stable_text_hash(batch.batch_id)) + double_coding_stream);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t pick = i + random.below(static_cast<std::uint32_t>(order.size() - i));
        std::swap(order[i], order[pick]);
    }
    order.resize(count);
    std::sort(order.begin(), order.end());
    return order;
}

const ScreeningEvent* second_code_of(const ScreeningState& state, const std::string& dossier_id,
                                     const std::string& batch_id) {
    const DossierHistory* history = state.history(dossier_id);
    if (!history) return nullptr;
    // The timeline is in event order: the first match is the earliest.
    for (std::size_t at : history->timeline) {
        const ScreeningEvent& event = state.events[at];
        const auto* coded = event.as<ScreeningCoded>();
        if (coded && coded->second_blind_code && event.dossier_id == dossier_id && coded->batch_id == batch_id)
            return &event;
    }
    return nullptr;
}

std::optional<ScreeningCode> DoubleCodedDossier::first_code() const {
    if (!first) return std::nullopt;
    return first->coder_code;
}

std::optional<ScreeningCode> DoubleCodedDossier::final_code() const {
    if (!first) return std::nullopt;
    return first->code;
}

bool DoubleCodedDossier::disagreement() const { return first && first->coder_code != second_code; }

DoubleCodingFold fold_double_coding(const ScreeningState& state) {
    DoubleCodingFold fold;
    std::map<std::pair<std::string, std::string>, std::size_t> index;  // (batch, dossier) -> dossiers
    // Events are in timeline order, so the earliest second code and the latest adjudication win.
    for (const ScreeningEvent& event : state.events) {
        const auto* coded = event.as<ScreeningCoded>();
        if (!coded || !coded->second_blind_code) continue;
        const auto batch = state.batches.find(coded->batch_id);
        const BatchMember* member = batch == state.batches.end() ? nullptr : batch->second.member(event.dossier_id);
        if (!member) {
            fold.issues.push_back("second code " + event.event_id + " refers to batch " + coded->batch_id +
                                  ", which does not contain dossier " + event.dossier_id);
            continue;
        }
        const auto key = std::make_pair(coded->batch_id, event.dossier_id);
        if (index.count(key)) {
            fold.issues.push_back("second code " + event.event_id + " repeats the second code of dossier " +
                                  event.dossier_id + " in batch " + coded->batch_id + "; the first is used");
            continue;
        }
        DoubleCodedDossier dossier;
        dossier.batch_id = coded->batch_id;
        dossier.month = batch->second.month;
        dossier.dossier_id = event.dossier_id;
        dossier.kind = member->kind;
        dossier.second_event_id = event.event_id;
        dossier.second_screener = event.screener;
        dossier.second_code = coded->code;
        dossier.second_date = coded->screening_date;
        index.emplace(key, fold.dossiers.size());
        fold.dossiers.push_back(std::move(dossier));
    }
    for (DoubleCodedDossier& dossier : fold.dossiers) {
        const DossierHistory* history = state.history(dossier.dossier_id);
        if (!history) continue;
        for (std::size_t at : history->screenings) {
            const EffectiveScreening& screening = state.screenings[at];
            if (!screening.withdrawn && screening.batch_id == dossier.batch_id) dossier.first = &screening;
        }
    }
    std::map<std::string, std::size_t> by_second_code;
    for (std::size_t i = 0; i < fold.dossiers.size(); ++i) by_second_code[fold.dossiers[i].second_event_id] = i;
    for (const ScreeningEvent& event : state.events) {
        const auto* adjudication = event.as<AdjudicationRecorded>();
        if (!adjudication) continue;
        const auto found = by_second_code.find(adjudication->second_code_event_id);
        if (found == by_second_code.end()) {
            fold.issues.push_back("adjudication " + event.event_id + " refers to " + adjudication->second_code_event_id +
                                  ", which is not a second code in use");
            continue;
        }
        fold.dossiers[found->second].adjudication = &event;
    }
    std::sort(fold.dossiers.begin(), fold.dossiers.end(), [](const DoubleCodedDossier& a, const DoubleCodedDossier& b) {
        if (a.month != b.month) return a.month < b.month;
        if (a.batch_id != b.batch_id) return a.batch_id < b.batch_id;
        return a.dossier_id < b.dossier_id;
    });
    return fold;
}

}  // namespace radar
