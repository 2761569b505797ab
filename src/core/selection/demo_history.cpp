// Demo history simulation. Codes follow the seed document's meaning: a real risk the agency
// already knows (enforcement) is "Risico"; a real risk not yet visible, or a dossier whose last
// inspection is long ago, is "Verder onderzoek nodig" (with a follow-up); otherwise "Geen risico".
// Outcomes follow from the same hidden truth: most done follow-ups become an inspection result on
// their completion day (serious shortcomings mostly where the risk is real, some then enforcement);
// many Risico dossiers get enforcement, a hand-over to klantenbeheer or support. Outcomes and the
// double coding draw from random streams of their own, so the screenings are the same without them;
// so do the corrections. A model version change selects the later months with the other scores.
#include "core/selection/demo_history.hpp"

#include <algorithm>

#include "core/base/random.hpp"
#include "core/screening/score_band.hpp"
#include "core/screening/screening_actions.hpp"

namespace radar {
namespace {

constexpr std::int64_t millis_per_day = 86'400'000;

Timestamp at_hour(DayNumber day, int hour, int minute) {
    return Timestamp{std::int64_t{day} * millis_per_day + (hour * 60 + minute) * std::int64_t{60'000}};
}

ScreeningCode demo_code(const DemoData& demo, std::size_t row, DayNumber screened_on, Random& random) {
    const Column& enforcement = *demo.dataset.find("enforcement_status");
    const Column& inspection = *demo.dataset.find("last_inspection_date");
    const bool in_enforcement = enforcement.texts[row] != "geen";
    const bool inspected_recently =
        !inspection.is_missing(row) && add_months(static_cast<DayNumber>(inspection.numbers[row]), 24) >= screened_on;
    if (demo.true_risk[row]) {
        if (in_enforcement || random.chance(0.4)) return ScreeningCode::risico;
        return ScreeningCode::verder_onderzoek_nodig;
    }
    return inspected_recently || random.chance(0.7) ? ScreeningCode::geen_risico : ScreeningCode::verder_onderzoek_nodig;
}

const char* demo_note(ScreeningCode code) {
    switch (code) {
        case ScreeningCode::risico: return "Dossier is gekend: handhaving loopt of wordt intensief opgevolgd.";
        case ScreeningCode::geen_risico: return "Recente informatie toont geen verhoogd risico.";
        case ScreeningCode::verder_onderzoek_nodig: return "Laatste inspectie te lang geleden; nieuw bezoek gepland.";
    }
    return "";
}

// Draws outcomes and makes their events; only outcomes dated up to `horizon` (the last simulated day).
class DemoOutcomes {
public:
    DemoOutcomes(std::uint64_t seed, std::string screener, DayNumber horizon)
        : random_(seed * 0x9E3779B97F4A7C15ULL + 0x6F7574636F6D65ULL), screener_(std::move(screener)), horizon_(horizon) {}

    void after_risico(std::vector<ScreeningEvent>& events, const std::string& screening, const std::string& dossier,
                      DayNumber screened_on) {
        const double draw = random_.unit();
        const DayNumber on = screened_on + random_.between(7, 40);
        if (draw < 0.45) add(events, screening, dossier, enforcement(on, "Handhavingstraject opgestart."));
        else if (draw < 0.70) add(events, screening, dossier, handed_over(on));
        else if (draw < 0.90) add(events, screening, dossier, simple(OutcomeType::support, on, "Begeleidingsgesprek met de organisator."));
    }

    void after_inspection(std::vector<ScreeningEvent>& events, const std::string& screening, const std::string& dossier,
                          DayNumber inspected_on, bool true_risk) {
        OutcomeDetails inspection = simple(OutcomeType::inspection, inspected_on, "");
        const double draw = random_.unit();
        if (true_risk) {
            inspection.inspection_result = draw < 0.5   ? InspectionResult::serious_shortcomings
                                           : draw < 0.9 ? InspectionResult::shortcomings
                                                        : InspectionResult::no_shortcomings;
        } else {
            inspection.inspection_result = draw < 0.75 ? InspectionResult::no_shortcomings : InspectionResult::shortcomings;
        }
        add(events, screening, dossier, inspection);
        const DayNumber later = inspected_on + random_.between(7, 30);
        if (inspection.inspection_result == InspectionResult::serious_shortcomings && random_.chance(0.6))
            add(events, screening, dossier, enforcement(later, "Handhaving na ernstige tekorten bij inspectie."));
        else if (inspection.inspection_result == InspectionResult::shortcomings && random_.chance(0.5))
            add(events, screening, dossier,
                random_.chance(0.5) ? simple(OutcomeType::warning, later, "Waarschuwing na tekorten bij inspectie.")
                                    : simple(OutcomeType::support, later, "Advies over de vastgestelde tekorten."));
    }

private:
    OutcomeDetails simple(OutcomeType type, DayNumber on, const char* note) {
        OutcomeDetails details;
        details.type = type;
        details.outcome_date = on;
        details.note = note;
        return details;
    }

    OutcomeDetails enforcement(DayNumber on, const char* note) {
        OutcomeDetails details = simple(OutcomeType::enforcement, on, note);
        const double draw = random_.unit();
        details.measure = draw < 0.6 ? EnforcementMeasure::aanmaning
                          : draw < 0.9 ? EnforcementMeasure::schorsing
                                       : EnforcementMeasure::opheffing;
        return details;
    }

    OutcomeDetails handed_over(DayNumber on) {
        OutcomeDetails details = simple(OutcomeType::handed_over, on, "Intensieve opvolging door klantenbeheer.");
        details.handed_over_to = random_.chance(0.5) ? "Team Klantenmanagement Oost" : "Team Klantenmanagement West";
        return details;
    }

    void add(std::vector<ScreeningEvent>& events, const std::string& screening, const std::string& dossier,
             const OutcomeDetails& details) {
        if (details.outcome_date > horizon_) return;
        ScreeningEvent event;
        const std::uint64_t high = random_.next();
        event.event_id = format_event_id(high, random_.next());
        event.recorded_at = at_hour(details.outcome_date, 15, 0);
        event.screener = screener_;
        event.dossier_id = dossier;
        event.payload = OutcomeRecorded{screening, details};
        events.push_back(std::move(event));
    }

    Random random_;
    std::string screener_;
    DayNumber horizon_;
};

// The second screener's blind codes for the month's double-coding draw, and later the adjudications.
class DemoDoubleCoding {
public:
    DemoDoubleCoding(const DemoHistorySettings& settings)
        : random_(settings.seed * 0xD1B54A32D192ED03ULL + 0x7365636F6E64ULL), settings_(settings) {}

    Checked<bool> code_month(std::vector<ScreeningEvent>& events, const FrozenBatch& frozen, DayNumber month_end) {
        const std::string& batch_id = frozen.batch_id;
        const ScreeningState state = fold_events(events);
        const BatchState& batch = state.batches.at(batch_id);
        std::vector<SecondCodeRequest> requests;
        bool disagreement = false;
        for (std::size_t index : double_coding_sample(batch, frozen.settings.control_seed, frozen.settings.double_coding)) {
            const BatchMember& member = batch.members[index];
            const EffectiveScreening* first = nullptr;
            for (std::size_t at : state.history(member.dossier_id)->screenings)
                if (state.screenings[at].batch_id == batch_id) first = &state.screenings[at];
            if (!first) continue;  // still uncoded (the last month's backlog)
            SecondCodeRequest request;
            request.stamp = {next_id(), at_hour(std::min(month_end, first->screening_date + random_.between(0, 3)), 16, 30),
                             settings_.second_screener};
            request.dossier_id = member.dossier_id;
            request.batch_id = batch_id;
            request.code = random_.chance(settings_.second_code_agreement) ? first->coder_code : other_code(first->coder_code);
            request.screening_date = day_of(request.stamp.recorded_at);
            disagreement = disagreement || request.code != first->coder_code;
            requests.push_back(std::move(request));
        }
        // Until the history holds one more disagreement than it adjudicates, a month without one
        // gets one, so a demo always has some to adjudicate and some waiting.
        if (!disagreement && !requests.empty() && disagreements_ <= settings_.adjudications) {
            SecondCodeRequest& last = requests.back();
            last.code = other_code(last.code);
            disagreement = true;
        }
        disagreements_ += disagreement;
        for (const SecondCodeRequest& request : requests) {
            Checked<ScreeningEvent> event = record_second_code(state, request);
            if (!event) return Checked<bool>::failure(request.dossier_id + ": " + event.error());
            events.push_back(std::move(*event));
        }
        return true;
    }

    // Adjudicates the earliest disagreements before `last_month` (the cautious code wins).
    Checked<bool> adjudicate(std::vector<ScreeningEvent>& events, const std::string& last_month) {
        const ScreeningState state = fold_events(events);
        const DoubleCodingFold fold = fold_double_coding(state);
        std::size_t done = 0;
        std::vector<ScreeningEvent> adjudications;
        for (const DoubleCodedDossier& dossier : fold.dossiers) {
            if (done == settings_.adjudications || dossier.month >= last_month) break;
            if (!dossier.awaiting_adjudication()) continue;
            AdjudicationRequest request;
            request.stamp = {next_id(), at_hour(dossier.second_date + 3, 11, 0), settings_.adjudicator};
            request.first_code_event_id = dossier.first->event_id;
            request.second_code_event_id = dossier.second_event_id;
            request.final_code = cautious(dossier.first->coder_code, dossier.second_code);
            request.reason = "Besproken in het teamoverleg; dossier samen opnieuw bekeken.";
            Checked<ScreeningEvent> event = record_adjudication(state, request);
            if (!event) return Checked<bool>::failure(dossier.dossier_id + ": " + event.error());
            adjudications.push_back(std::move(*event));
            ++done;
        }
        events.insert(events.end(), adjudications.begin(), adjudications.end());
        return true;
    }

private:
    std::string next_id() {
        const std::uint64_t high = random_.next();
        return format_event_id(high, random_.next());
    }

    ScreeningCode other_code(ScreeningCode code) {
        const int shift = 1 + static_cast<int>(random_.below(2));
        return static_cast<ScreeningCode>((static_cast<int>(code) + shift) % 3);
    }

    // Risico over Verder onderzoek nodig over Geen risico.
    static ScreeningCode cautious(ScreeningCode a, ScreeningCode b) {
        if (a == ScreeningCode::risico || b == ScreeningCode::risico) return ScreeningCode::risico;
        if (a == ScreeningCode::verder_onderzoek_nodig || b == ScreeningCode::verder_onderzoek_nodig)
            return ScreeningCode::verder_onderzoek_nodig;
        return ScreeningCode::geen_risico;
    }

    Random random_;
    const DemoHistorySettings& settings_;
    std::size_t disagreements_ = 0;  // months with a disagreement so far
};

// A few screenings corrected after new information: the screening's code is changed (never to a
// milder code for a dossier with real risk) a few days after it was made.
class DemoCorrections {
public:
    explicit DemoCorrections(const DemoHistorySettings& settings)
        : random_(settings.seed * 0xA0761D6478BD642FULL + 0x636F727265637431ULL), left_(settings.corrections),
          screener_(settings.screener) {}

    Checked<bool> correct_one(std::vector<ScreeningEvent>& events, const std::string& batch_id, DayNumber month_end) {
        if (left_ == 0) return true;
        const ScreeningState state = fold_events(events);
        std::vector<const EffectiveScreening*> candidates;
        for (const EffectiveScreening& screening : state.screenings)
            if (screening.batch_id == batch_id && !screening.withdrawn && screening.coder_code == ScreeningCode::geen_risico &&
                screening.screening_date + 3 <= month_end)
                candidates.push_back(&screening);
        if (candidates.empty()) return true;
        const EffectiveScreening& chosen = *candidates[random_.below(static_cast<std::uint32_t>(candidates.size()))];
        CorrectionRequest request;
        const std::uint64_t high = random_.next();
        const DayNumber on = chosen.screening_date + 3;
        request.stamp = {format_event_id(high, random_.next()), at_hour(on, 10, 15), screener_};
        request.corrects_event_id = chosen.event_id;
        request.reason = "Nieuwe melding ontvangen na de screening.";
        request.code = ScreeningCode::verder_onderzoek_nodig;
        request.screening_date = on;
        request.note = "Melding van een ouder; inspectiebezoek gevraagd.";
        Checked<ScreeningEvent> event = record_correction(state, request);
        if (!event) return Checked<bool>::failure(chosen.dossier_id + ": " + event.error());
        events.push_back(std::move(*event));
        --left_;
        return true;
    }

private:
    Random random_;
    std::size_t left_;
    std::string screener_;
};

}  // namespace

Checked<DemoHistory> simulate_demo_history(const DemoData& demo, const std::vector<double>& scores,
                                           const std::string& model_version_id, const std::string& dataset_hash,
                                           const DemoHistorySettings& settings) {
    using Result = Checked<DemoHistory>;
    const Column* ids = demo.dataset.find("dossier_id");
    if (!ids || !demo.dataset.find("enforcement_status") || !demo.dataset.find("last_inspection_date"))
        return Result::failure("the demo history needs the demo dataset's fields");
    std::map<std::string, std::size_t> row_of;
    for (std::size_t row = 0; row < ids->size(); ++row) row_of[std::string(ids->texts[row])] = row;

    Random random(settings.seed);
    auto next_id = [&] {
        const std::uint64_t high = random.next();
        return format_event_id(high, random.next());
    };
    DemoHistory history;
    const DayNumber last_month = add_months(settings.first_month, settings.months - 1);
    DemoOutcomes outcomes(settings.seed, settings.screener, add_months(last_month, 1) - 1);
    DemoDoubleCoding double_coding(settings);
    DemoCorrections corrections(settings);
    for (int month = 0; month < settings.months; ++month) {
        const DayNumber month_start = add_months(settings.first_month, month);
        const DayNumber reference = month_start + 2;
        const ScreeningState state = fold_events(history.events);
        PreviewRequest request;
        request.reference_date = reference;
        request.settings = settings.selection;
        request.settings.control_seed = settings.seed * 100 + static_cast<std::uint64_t>(month);
        const bool changed = settings.model_change && month >= settings.model_change->from_month;
        request.model_version_id = changed ? settings.model_change->model_version_id : model_version_id;
        request.dataset_hash = dataset_hash;
        Checked<BatchPreview> preview =
            preview_batch(demo.dataset, changed ? settings.model_change->scores : scores, state, request);
        if (!preview) return Result::failure(preview.error());
        Checked<CommittedBatch> committed =
            commit_batch(*preview, state, {next_id(), at_hour(reference, 8, 30), settings.screener});
        if (!committed) return Result::failure(committed.error());
        history.events.push_back(committed->event);
        const FrozenBatch& batch = committed->batch;
        history.batches.push_back(batch);

        const DayNumber month_end = add_months(month_start, 1) - 1;
        const ScreeningState after_commit = fold_events(history.events);
        for (const FrozenMember& member : batch.members) {
            if (month_start == last_month && random.chance(settings.last_month_uncoded)) continue;
            const std::size_t row = row_of.at(member.dossier_id);
            const DayNumber screened_on = std::min(month_end, reference + random.between(1, 25));
            CodingRequest coding;
            coding.stamp = {next_id(), at_hour(screened_on, 9 + random.between(0, 7), random.between(0, 59)),
                            settings.screener};
            coding.dossier_id = member.dossier_id;
            coding.batch_id = batch.batch_id;
            coding.code = demo_code(demo, row, screened_on, random);
            coding.screening_date = screened_on;
            coding.note = demo_note(coding.code);
            if (member.kind != SelectionKind::control)
                coding.score_percentile = score_percentile(member.rank, batch.dataset_rows);
            if (coding.code == ScreeningCode::verder_onderzoek_nodig)
                coding.follow_up = FollowUpRequest{next_id(), FollowUpType::inspection_visit,
                                                   screened_on + random.between(30, 75), ""};
            Checked<std::vector<ScreeningEvent>> events = record_screening(after_commit, coding);
            if (!events) return Result::failure(member.dossier_id + ": " + events.error());
            history.events.insert(history.events.end(), events->begin(), events->end());
            if (coding.code == ScreeningCode::risico)
                outcomes.after_risico(history.events, coding.stamp.event_id, member.dossier_id, screened_on);
            // Most follow-ups get done before their due date once that date has passed.
            if (coding.follow_up && coding.follow_up->due_date < last_month && random.chance(0.8)) {
                ScreeningEvent done;
                done.event_id = next_id();
                done.recorded_at = at_hour(coding.follow_up->due_date - random.between(0, 20), 14, 0);
                done.screener = settings.screener;
                done.dossier_id = member.dossier_id;
                done.payload = FollowUpUpdated{coding.follow_up->event_id, coding.follow_up->type,
                                               coding.follow_up->due_date, FollowUpStatus::done, "Inspectiebezoek uitgevoerd."};
                const DayNumber inspected_on = day_of(done.recorded_at);
                history.events.push_back(std::move(done));
                outcomes.after_inspection(history.events, coding.stamp.event_id, member.dossier_id, inspected_on,
                                          demo.true_risk[row] != 0);
            }
        }
        const Checked<bool> second_codes = double_coding.code_month(history.events, batch, month_end);
        if (!second_codes) return Result::failure(second_codes.error());
        const Checked<bool> corrected = corrections.correct_one(history.events, batch.batch_id, month_end);
        if (!corrected) return Result::failure(corrected.error());
    }
    const Checked<bool> adjudicated = double_coding.adjudicate(history.events, history.batches.back().month);
    if (!adjudicated) return Result::failure(adjudicated.error());
    return history;
}

}  // namespace radar
