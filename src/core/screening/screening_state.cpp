// Folding of screening events into derived state.
#include "core/screening/screening_state.hpp"

#include <algorithm>

#include "core/screening/event_json.hpp"

namespace radar {
namespace {

bool earlier(const ScreeningEvent& a, const ScreeningEvent& b) {
    if (a.recorded_at != b.recorded_at) return a.recorded_at < b.recorded_at;
    return a.event_id < b.event_id;
}

// Sorts into timeline order and drops repeated ids: identical copies silently, differing ones
// with an issue (the earliest recorded copy is kept, ties by canonical text, so the choice never
// depends on input order). Canonical texts are only made for ids that occur more than once.
std::vector<ScreeningEvent> sorted_unique(std::vector<ScreeningEvent> events, std::vector<std::string>& issues) {
    std::vector<std::size_t> order(events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (events[a].event_id != events[b].event_id) return events[a].event_id < events[b].event_id;
        return events[a].recorded_at < events[b].recorded_at;
    });
    std::vector<ScreeningEvent> unique;
    unique.reserve(events.size());
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin + 1;
        while (end < order.size() && events[order[end]].event_id == events[order[begin]].event_id) ++end;
        if (end - begin == 1) {
            unique.push_back(std::move(events[order[begin]]));
            begin = end;
            continue;
        }
        std::vector<std::pair<std::string, std::size_t>> copies;
        for (std::size_t k = begin; k < end; ++k) copies.emplace_back(event_to_text(events[order[k]]), order[k]);
        std::sort(copies.begin(), copies.end(), [&](const auto& a, const auto& b) {
            const Timestamp x = events[a.second].recorded_at, y = events[b.second].recorded_at;
            if (x != y) return x < y;
            return a.first < b.first;
        });
        for (std::size_t k = 1; k < copies.size(); ++k) {
            if (copies[k].first != copies[0].first) {
                issues.push_back("event " + events[copies[0].second].event_id +
                                 " occurs twice with different content; the first is used");
                break;
            }
        }
        unique.push_back(std::move(events[copies[0].second]));
        begin = end;
    }
    std::sort(unique.begin(), unique.end(), earlier);
    return unique;
}

}  // namespace

const BatchMember* BatchState::member(const std::string& dossier_id) const {
    for (const BatchMember& candidate : members)
        if (candidate.dossier_id == dossier_id) return &candidate;
    return nullptr;
}

const DossierHistory* ScreeningState::history(const std::string& dossier_id) const {
    const auto found = dossiers.find(dossier_id);
    return found == dossiers.end() ? nullptr : &found->second;
}

const EffectiveScreening* ScreeningState::current_screening(const std::string& dossier_id) const {
    const DossierHistory* dossier = history(dossier_id);
    if (!dossier) return nullptr;
    for (auto it = dossier->screenings.rbegin(); it != dossier->screenings.rend(); ++it)
        if (!screenings[*it].withdrawn) return &screenings[*it];
    return nullptr;
}

std::optional<ScreeningCode> ScreeningState::current_code(const std::string& dossier_id) const {
    const EffectiveScreening* current = current_screening(dossier_id);
    if (!current) return std::nullopt;
    return current->code;
}

std::optional<DayNumber> ScreeningState::last_screened(const std::string& dossier_id) const {
    const EffectiveScreening* current = current_screening(dossier_id);
    if (!current) return std::nullopt;
    return current->screening_date;
}

std::optional<DayNumber> ScreeningState::cooldown_until(const std::string& dossier_id, int cooldown_months) const {
    const auto last = last_screened(dossier_id);
    if (!last) return std::nullopt;
    return add_months(*last, cooldown_months);
}

const BatchState* ScreeningState::pending_batch(const std::string& dossier_id) const {
    const DossierHistory* dossier = history(dossier_id);
    if (!dossier) return nullptr;
    for (const std::string& batch_id : dossier->batch_ids) {
        const BatchState& batch = batches.at(batch_id);
        if (batch.status() != BatchStatus::open) continue;
        for (std::size_t i = 0; i < batch.members.size(); ++i)
            if (batch.members[i].dossier_id == dossier_id && !batch.member_coded[i]) return &batch;
    }
    return nullptr;
}

const ScreeningEvent* ScreeningState::event(const std::string& event_id) const {
    const auto found = event_index.find(event_id);
    return found == event_index.end() ? nullptr : &events[found->second];
}

const EffectiveScreening* ScreeningState::screening(const std::string& event_id) const {
    const auto found = screening_index.find(event_id);
    return found == screening_index.end() ? nullptr : &screenings[found->second];
}

const OutcomeState* ScreeningState::outcome(const std::string& outcome_id) const {
    const auto found = outcome_index.find(outcome_id);
    return found == outcome_index.end() ? nullptr : &outcomes[found->second];
}

std::vector<const OutcomeState*> ScreeningState::current_outcomes(const std::string& dossier_id) const {
    std::vector<const OutcomeState*> current;
    if (const DossierHistory* dossier = history(dossier_id))
        for (std::size_t index : dossier->outcomes)
            if (!outcomes[index].withdrawn) current.push_back(&outcomes[index]);
    return current;
}

std::vector<const OutcomeState*> ScreeningState::outcomes_of_screening(const std::string& screening_event_id) const {
    std::vector<const OutcomeState*> following;
    const EffectiveScreening* followed = screening(screening_event_id);
    if (!followed) return following;
    for (const OutcomeState* outcome : current_outcomes(followed->dossier_id))
        if (outcome->screening_event_id == screening_event_id) following.push_back(outcome);
    return following;
}

namespace {

// Follows a chain of corrections back to the screening it finally corrects ("" if none).
std::string correction_root(const ScreeningState& state, const ScreeningCorrected& correction) {
    std::string target = correction.corrects_event_id;
    for (std::size_t steps = 0; steps <= state.events.size(); ++steps) {
        if (state.screening_index.count(target)) return target;
        const ScreeningEvent* event = state.event(target);
        if (!event || !event->as<ScreeningCorrected>()) return {};
        target = event->as<ScreeningCorrected>()->corrects_event_id;
    }
    return {};
}

void apply_correction(ScreeningState& state, const ScreeningEvent& event, const ScreeningCorrected& correction) {
    const std::string root = correction_root(state, correction);
    if (root.empty()) {
        state.issues.push_back("correction " + event.event_id + " refers to " + correction.corrects_event_id +
                               ", which is not a known screening");
        return;
    }
    EffectiveScreening& screening = state.screenings[state.screening_index.at(root)];
    if (screening.dossier_id != event.dossier_id) {
        state.issues.push_back("correction " + event.event_id + " is for dossier " + event.dossier_id +
                               " but corrects a screening of dossier " + screening.dossier_id + "; ignored");
        return;
    }
    screening.correction_ids.push_back(event.event_id);
    screening.correction_reason = correction.reason;
    screening.withdrawn = correction.withdrawn;
    if (correction.withdrawn) return;
    screening.code = correction.code;
    screening.coder_code = correction.code;
    screening.screening_date = correction.screening_date;
    screening.note = correction.note;
}

// The adjudicated final code replaces the first screening's code (its coder_code is kept).
void apply_adjudication(ScreeningState& state, const ScreeningEvent& event, const AdjudicationRecorded& adjudication) {
    const auto found = state.screening_index.find(adjudication.first_code_event_id);
    if (found == state.screening_index.end()) {
        state.issues.push_back("adjudication " + event.event_id + " refers to " + adjudication.first_code_event_id +
                               ", which is not a known screening");
        return;
    }
    EffectiveScreening& screening = state.screenings[found->second];
    if (screening.dossier_id != event.dossier_id) {
        state.issues.push_back("adjudication " + event.event_id + " is for dossier " + event.dossier_id +
                               " but adjudicates a screening of dossier " + screening.dossier_id + "; ignored");
        return;
    }
    screening.code = adjudication.final_code;
    screening.adjudication_id = event.event_id;
}

void add_outcome(ScreeningState& state, const ScreeningEvent& event, const OutcomeRecorded& recorded) {
    const EffectiveScreening* followed = state.screening(recorded.screening_event_id);
    if (!followed)
        state.issues.push_back("outcome " + event.event_id + " follows " + recorded.screening_event_id +
                               ", which is not a known screening");
    else if (followed->dossier_id != event.dossier_id)
        state.issues.push_back("outcome " + event.event_id + " is for dossier " + event.dossier_id +
                               " but follows a screening of dossier " + followed->dossier_id);
    OutcomeState outcome;
    outcome.outcome_id = event.event_id;
    outcome.dossier_id = event.dossier_id;
    outcome.screening_event_id = recorded.screening_event_id;
    outcome.screener = event.screener;
    outcome.recorded_at = event.recorded_at;
    outcome.details = recorded.details;
    state.outcome_index[event.event_id] = state.outcomes.size();
    state.outcomes.push_back(std::move(outcome));
}

// Follows a chain of outcome corrections back to the outcome it finally corrects ("" if none).
std::string outcome_correction_root(const ScreeningState& state, const OutcomeCorrected& correction) {
    std::string target = correction.corrects_event_id;
    for (std::size_t steps = 0; steps <= state.events.size(); ++steps) {
        if (state.outcome_index.count(target)) return target;
        const ScreeningEvent* event = state.event(target);
        if (!event || !event->as<OutcomeCorrected>()) return {};
        target = event->as<OutcomeCorrected>()->corrects_event_id;
    }
    return {};
}

void apply_outcome_correction(ScreeningState& state, const ScreeningEvent& event, const OutcomeCorrected& correction) {
    const std::string root = outcome_correction_root(state, correction);
    if (root.empty()) {
        state.issues.push_back("outcome correction " + event.event_id + " refers to " + correction.corrects_event_id +
                               ", which is not a known outcome");
        return;
    }
    OutcomeState& outcome = state.outcomes[state.outcome_index.at(root)];
    if (outcome.dossier_id != event.dossier_id) {
        state.issues.push_back("outcome correction " + event.event_id + " is for dossier " + event.dossier_id +
                               " but corrects an outcome of dossier " + outcome.dossier_id + "; ignored");
        return;
    }
    outcome.correction_ids.push_back(event.event_id);
    outcome.correction_reason = correction.reason;
    outcome.withdrawn = correction.withdrawn;
    if (!correction.withdrawn) outcome.details = correction.details;
}

void add_follow_up(ScreeningState& state, std::map<std::string, std::size_t>& index, const ScreeningEvent& event,
                   const FollowUpCreated& created) {
    FollowUpState follow_up;
    follow_up.follow_up_id = event.event_id;
    follow_up.dossier_id = event.dossier_id;
    follow_up.screening_event_id = created.screening_event_id;
    follow_up.type = created.type;
    follow_up.due_date = created.due_date;
    follow_up.status = created.status;
    follow_up.note = created.note;
    follow_up.created_at = event.recorded_at;
    follow_up.updated_at = event.recorded_at;
    index[event.event_id] = state.follow_ups.size();
    state.follow_ups.push_back(std::move(follow_up));
}

void update_follow_up(ScreeningState& state, const std::map<std::string, std::size_t>& index,
                      const ScreeningEvent& event, const FollowUpUpdated& update) {
    const auto found = index.find(update.follow_up_id);
    if (found == index.end()) {
        state.issues.push_back("follow-up update " + event.event_id + " refers to unknown follow-up " +
                               update.follow_up_id);
        return;
    }
    FollowUpState& follow_up = state.follow_ups[found->second];
    if (follow_up.dossier_id != event.dossier_id) {
        state.issues.push_back("follow-up update " + event.event_id + " is for dossier " + event.dossier_id +
                               " but the follow-up belongs to " + follow_up.dossier_id + "; ignored");
        return;
    }
    follow_up.type = update.type;
    follow_up.due_date = update.due_date;
    follow_up.status = update.status;
    follow_up.note = update.note;
    follow_up.updated_at = event.recorded_at;
    ++follow_up.update_count;
}

void add_batch(ScreeningState& state, const ScreeningEvent& event, const BatchCommitted& committed) {
    if (state.batches.count(committed.batch_id)) {
        state.issues.push_back("batch " + committed.batch_id + " is committed again by event " + event.event_id +
                               "; the first commit is used");
        return;
    }
    BatchState batch;
    batch.batch_id = committed.batch_id;
    batch.month = committed.month;
    batch.supplementary = committed.supplementary;
    batch.commit_event_id = event.event_id;
    batch.committed_at = event.recorded_at;
    batch.committed_by = event.screener;
    batch.ranked_total = committed.ranked_total;
    batch.held_back_count = committed.held_back_count;
    batch.members = committed.members;
    batch.member_coded.assign(batch.members.size(), 0);
    state.batches.emplace(batch.batch_id, std::move(batch));
}

void close_batch(ScreeningState& state, const ScreeningEvent& event, const BatchClosed& closed) {
    const auto found = state.batches.find(closed.batch_id);
    if (found == state.batches.end()) {
        state.issues.push_back("batch close " + event.event_id + " refers to unknown batch " + closed.batch_id);
        return;
    }
    BatchState& batch = found->second;
    if (batch.closed_by_user) return;  // closed twice (e.g. on two devices): the first close stands
    batch.closed_by_user = true;
    batch.closed_at = event.recorded_at;
    batch.uncoded_at_close = closed.uncoded;
}

void count_batch_codes(ScreeningState& state) {
    for (const EffectiveScreening& screening : state.screenings) {
        if (screening.withdrawn || screening.batch_id.empty()) continue;
        const auto found = state.batches.find(screening.batch_id);
        if (found == state.batches.end()) {
            state.issues.push_back("screening " + screening.event_id + " refers to unknown batch " + screening.batch_id);
            continue;
        }
        BatchState& batch = found->second;
        bool member = false;
        for (std::size_t i = 0; i < batch.members.size(); ++i) {
            if (batch.members[i].dossier_id != screening.dossier_id) continue;
            member = true;
            if (!batch.member_coded[i]) ++batch.coded_count;
            batch.member_coded[i] = 1;
        }
        if (!member)
            state.issues.push_back("screening " + screening.event_id + " refers to batch " + batch.batch_id +
                                   ", which does not contain dossier " + screening.dossier_id);
    }
}

void build_histories(ScreeningState& state) {
    for (std::size_t i = 0; i < state.events.size(); ++i) {
        const ScreeningEvent& event = state.events[i];
        if (!event.dossier_id.empty()) state.dossiers[event.dossier_id].timeline.push_back(i);
        if (const auto* committed = event.as<BatchCommitted>()) {
            // Only the commit that defines the batch (a repeated commit was reported and ignored).
            if (state.batches.at(committed->batch_id).commit_event_id != event.event_id) continue;
            for (const BatchMember& member : committed->members) {
                DossierHistory& dossier = state.dossiers[member.dossier_id];
                dossier.timeline.push_back(i);
                dossier.batch_ids.push_back(committed->batch_id);
            }
        }
        if (const auto* closed = event.as<BatchClosed>())
            for (const std::string& dossier : closed->uncoded) state.dossiers[dossier].timeline.push_back(i);
    }
    for (std::size_t i = 0; i < state.screenings.size(); ++i)
        state.dossiers[state.screenings[i].dossier_id].screenings.push_back(i);
    for (std::size_t i = 0; i < state.follow_ups.size(); ++i)
        state.dossiers[state.follow_ups[i].dossier_id].follow_ups.push_back(i);
    for (std::size_t i = 0; i < state.outcomes.size(); ++i)
        state.dossiers[state.outcomes[i].dossier_id].outcomes.push_back(i);
    for (auto& [id, dossier] : state.dossiers) {
        std::sort(dossier.outcomes.begin(), dossier.outcomes.end(), [&](std::size_t a, std::size_t b) {
            const OutcomeState& x = state.outcomes[a];
            const OutcomeState& y = state.outcomes[b];
            if (x.details.outcome_date != y.details.outcome_date) return x.details.outcome_date < y.details.outcome_date;
            if (x.recorded_at != y.recorded_at) return x.recorded_at < y.recorded_at;
            return x.outcome_id < y.outcome_id;
        });
        std::sort(dossier.screenings.begin(), dossier.screenings.end(), [&](std::size_t a, std::size_t b) {
            const EffectiveScreening& x = state.screenings[a];
            const EffectiveScreening& y = state.screenings[b];
            if (x.screening_date != y.screening_date) return x.screening_date < y.screening_date;
            if (x.recorded_at != y.recorded_at) return x.recorded_at < y.recorded_at;
            return x.event_id < y.event_id;
        });
    }
}

}  // namespace

ScreeningState fold_events(std::vector<ScreeningEvent> events) {
    ScreeningState state;
    state.events = sorted_unique(std::move(events), state.issues);
    for (std::size_t i = 0; i < state.events.size(); ++i) state.event_index[state.events[i].event_id] = i;

    for (const ScreeningEvent& event : state.events) {
        const auto* coded = event.as<ScreeningCoded>();
        if (!coded || coded->second_blind_code) continue;
        EffectiveScreening screening;
        screening.event_id = event.event_id;
        screening.dossier_id = event.dossier_id;
        screening.screener = event.screener;
        screening.recorded_at = event.recorded_at;
        screening.code = coded->code;
        screening.coder_code = coded->code;
        screening.screening_date = coded->screening_date;
        screening.note = coded->note;
        screening.batch_id = coded->batch_id;
        state.screening_index[event.event_id] = state.screenings.size();
        state.screenings.push_back(std::move(screening));
    }

    // Timeline order, so the latest recorded correction, adjudication or update decides.
    std::map<std::string, std::size_t> follow_up_index;
    for (const ScreeningEvent& event : state.events) {
        if (const auto* correction = event.as<ScreeningCorrected>()) apply_correction(state, event, *correction);
        else if (const auto* created = event.as<FollowUpCreated>()) add_follow_up(state, follow_up_index, event, *created);
        else if (const auto* committed = event.as<BatchCommitted>()) add_batch(state, event, *committed);
        else if (const auto* outcome = event.as<OutcomeRecorded>()) add_outcome(state, event, *outcome);
        else if (const auto* adjudication = event.as<AdjudicationRecorded>()) apply_adjudication(state, event, *adjudication);
    }
    for (const ScreeningEvent& event : state.events) {
        if (const auto* update = event.as<FollowUpUpdated>()) update_follow_up(state, follow_up_index, event, *update);
        else if (const auto* closed = event.as<BatchClosed>()) close_batch(state, event, *closed);
        else if (const auto* correction = event.as<OutcomeCorrected>()) apply_outcome_correction(state, event, *correction);
    }
    count_batch_codes(state);
    build_histories(state);
    return state;
}

}  // namespace radar
