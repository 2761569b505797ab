// Demo history simulation. Codes follow the seed document's meaning: a real risk the agency
// already knows (enforcement) is "Risico"; a real risk not yet visible, or a dossier whose last
// inspection is long ago, is "Verder onderzoek nodig" (with a follow-up); otherwise "Geen risico".
#include "selection/demo_history.hpp"

#include <algorithm>

#include "random.hpp"
#include "screening/score_band.hpp"
#include "screening/screening_actions.hpp"

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
    for (int month = 0; month < settings.months; ++month) {
        const DayNumber month_start = add_months(settings.first_month, month);
        const DayNumber reference = month_start + 2;
        const ScreeningState state = fold_events(history.events);
        PreviewRequest request;
        request.reference_date = reference;
        request.settings = settings.selection;
        request.settings.control_seed = settings.seed * 100 + static_cast<std::uint64_t>(month);
        request.model_version_id = model_version_id;
        request.dataset_hash = dataset_hash;
        Checked<BatchPreview> preview = preview_batch(demo.dataset, scores, state, request);
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
            // Most follow-ups get done before their due date once that date has passed.
            if (coding.follow_up && coding.follow_up->due_date < last_month && random.chance(0.8)) {
                ScreeningEvent done;
                done.event_id = next_id();
                done.recorded_at = at_hour(coding.follow_up->due_date - random.between(0, 20), 14, 0);
                done.screener = settings.screener;
                done.dossier_id = member.dossier_id;
                done.payload = FollowUpUpdated{coding.follow_up->event_id, coding.follow_up->type,
                                               coding.follow_up->due_date, FollowUpStatus::done, "Inspectiebezoek uitgevoerd."};
                history.events.push_back(std::move(done));
            }
        }
    }
    return history;
}

}  // namespace radar
