// Evaluating saved versions on the recorded work (see version_evaluation.hpp).
#include "core/evaluation/version_evaluation.hpp"

#include <map>

#include "core/evaluation/scores_as_of.hpp"
#include "core/model/model_json.hpp"
#include "core/model/model_output.hpp"
#include "core/screening/score_band.hpp"
#include "core/selection/selection_rule.hpp"

namespace radar {
namespace {

bool chosen_by_score(SelectionKind kind) { return kind != SelectionKind::control; }

// The labelled screenings of one month's batches, by dataset row.
struct MonthLabels {
    std::string month;
    std::string version_then;
    const FrozenBatch* rule_batch = nullptr;  // whose settings and history say who was eligible
    std::size_t batch_size = 0;
    std::map<std::size_t, bool> positive_by_row;
    std::vector<ScreenedVisit> visits_then;  // with the scores recorded in the batches
    std::vector<std::size_t> visit_rows;     // dataset row of each visit
};

// Which rows the month's rule could select: not in cooldown, not waiting in an open batch, not
// excluded by its settings (the batch's recorded settings and history facts; eligibility does not
// depend on the scores). None when the rule cannot run on today's dataset.
std::optional<std::vector<bool>> eligible_rows(const Dataset& dataset, const std::vector<double>& scores,
                                               const FrozenBatch& batch) {
    SelectionHistory history;
    for (const RecordedFacts& recorded : batch.history) history.emplace(recorded.dossier_id, recorded.facts);
    const Checked<SelectionOutcome> outcome =
        run_selection_rule(dataset, scores, history, batch.reference_date, batch.settings);
    if (!outcome) return std::nullopt;
    std::vector<bool> eligible(scores.size(), false);
    for (const DossierDecision& decision : outcome->decisions) eligible[decision.row] = decision.eligible_position > 0;
    return eligible;
}

// The month as the backtest sees it: the eligible rows' scores and outcomes only.
BacktestMonth eligible_month(const MonthLabels& month, const std::vector<double>& scores,
                             const std::optional<std::vector<bool>>& eligible) {
    BacktestMonth result{month.month, {}, {}, month.batch_size};
    for (std::size_t row = 0; row < scores.size(); ++row) {
        if (eligible && !(*eligible)[row]) continue;
        const auto label = month.positive_by_row.find(row);
        result.scores.push_back(scores[row]);
        result.outcomes.push_back(label == month.positive_by_row.end() ? MonthOutcome::not_screened
                                  : label->second                      ? MonthOutcome::positive
                                                                       : MonthOutcome::negative);
    }
    return result;
}

}  // namespace

std::optional<MemberLabel> member_label(const ScreeningState& state, const FrozenBatch& batch,
                                        const FrozenMember& member, const LabelDefinition& definition,
                                        DayNumber today) {
    const DossierHistory* history = state.history(member.dossier_id);
    if (!history) return std::nullopt;
    for (std::size_t index : history->screenings) {
        const EffectiveScreening& screening = state.screenings[index];
        if (screening.withdrawn || screening.batch_id != batch.batch_id) continue;
        const std::optional<ConfirmedRisk> label = confirmed_risk(state, screening.event_id, today, definition);
        // Only a final label counts: one confirmed early in a window that still runs would enter
        // the figures while the same month's negatives cannot yet, and bias them upwards.
        const bool final_label = label && label->window_end < today;
        return MemberLabel{&screening, final_label ? label->status : LabelStatus::not_yet_known};
    }
    return std::nullopt;
}

DayNumber batch_scores_day(const FrozenBatch& batch) {
    return batch.scores_as_of != 0 ? batch.scores_as_of : batch.reference_date;
}

Checked<VersionEvaluation> evaluate_version(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                                           const std::string& model_version_id, bool logistic,
                                           const LabelDefinition& definition, DayNumber today) {
    VersionEvaluation result;
    result.model_version_id = model_version_id;
    EvaluationRequest request;
    ControlSample control;
    for (const FrozenBatch& batch : batches) {
        if (batch.model_version_id != model_version_id) continue;
        ++result.batches;
        for (const FrozenMember& member : batch.members) {
            ++result.selected;
            const std::optional<MemberLabel> label = member_label(state, batch, member, definition, today);
            if (!label) continue;
            ++result.screened;
            if (label->status == LabelStatus::not_yet_known) {
                ++result.not_yet_known;
                continue;
            }
            const bool positive = label->status == LabelStatus::confirmed;
            const double percentile = score_percentile(member.rank, std::max(batch.dataset_rows, member.rank));
            request.scores.push_back(percentile);
            request.positive.push_back(positive ? 1 : 0);
            request.percentiles.push_back(percentile);
            if (logistic) request.probabilities.push_back(logistic_probability(member.score));
            if (chosen_by_score(member.kind)) {
                ++result.labelled_top;
            } else {
                ++result.labelled_control;
                ++control.screened;
                if (positive) ++control.positives;
            }
        }
        request.population += batch.dataset_rows;
    }
    result.control_positives = control.positives;
    if (control.screened > 0) request.control = control;
    request.k = std::max<std::size_t>(result.labelled_top, 1);
    if (request.scores.empty()) return Checked<VersionEvaluation>::failure("no labelled screenings");
    Checked<EvaluationSummary> summary = evaluate_ranking(request);
    if (!summary) return Checked<VersionEvaluation>::failure(summary.error());
    result.summary = std::move(*summary);
    return result;
}

Checked<BacktestReport> backtest_versions(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                                          const ModelRegistry& registry, const ModelSpec& candidate,
                                          const Dataset& dataset, const ScoringContext& context,
                                          const LabelDefinition& definition, DayNumber today) {
    using Result = Checked<BacktestReport>;
    BacktestReport report;
    std::map<std::string, std::size_t> row_of;
    if (const Column* ids = dataset.find(context.id_field); ids && ids->type == ColumnType::text)
        for (std::size_t row = 0; row < ids->size(); ++row)
            if (!ids->is_missing(row)) row_of.emplace(std::string(ids->texts[row]), row);

    std::map<std::string, MonthLabels> months;
    for (const FrozenBatch& batch : batches) {
        MonthLabels& month = months[batch.month];
        month.month = batch.month;
        if (month.version_then.empty()) month.version_then = batch.model_version_id;
        if (!month.rule_batch || (month.rule_batch->supplementary && !batch.supplementary)) month.rule_batch = &batch;
        for (const FrozenMember& member : batch.members) {
            if (chosen_by_score(member.kind)) ++month.batch_size;
            const std::optional<MemberLabel> label = member_label(state, batch, member, definition, today);
            if (!label) continue;
            if (label->status == LabelStatus::not_yet_known) {
                ++report.not_yet_known;
                continue;
            }
            const auto row = row_of.find(member.dossier_id);
            if (row == row_of.end()) {
                ++report.unknown_dossiers;
                continue;
            }
            const bool positive = label->status == LabelStatus::confirmed;
            month.positive_by_row[row->second] = positive;
            month.visits_then.push_back({label->screening->screening_date, member.score, positive});
            month.visit_rows.push_back(row->second);
        }
    }
    if (months.empty()) return Result::failure("no frozen batches");

    EngineResult built = ScoringEngine::create(candidate, dataset, context);
    if (!built.engine) return Result::failure("the candidate cannot score this dataset");
    ScoringEngine& candidate_engine = *built.engine;
    std::map<std::string, std::optional<ScoringEngine>> engines_then;

    std::vector<BacktestMonth> candidate_months, then_months;
    std::vector<std::size_t> then_index;  // month position of each then-month
    std::vector<ScreenedVisit> candidate_visits, then_visits;
    for (const auto& [name, month] : months) {
        const DayNumber day = batch_scores_day(*month.rule_batch);
        const std::vector<double> scores = scores_as_of(candidate_engine, day);
        const std::optional<std::vector<bool>> eligible = eligible_rows(dataset, scores, *month.rule_batch);
        if (!eligible) ++report.months_without_eligibility;
        candidate_months.push_back(eligible_month(month, scores, eligible));
        for (std::size_t i = 0; i < month.visit_rows.size(); ++i)
            candidate_visits.push_back({month.visits_then[i].day, scores[month.visit_rows[i]], month.visits_then[i].positive});
        then_visits.insert(then_visits.end(), month.visits_then.begin(), month.visits_then.end());

        auto found = engines_then.find(month.version_then);
        if (found == engines_then.end()) {
            std::optional<ScoringEngine> engine;
            if (const auto version = registry.find_by_model_version_id(month.version_then))
                if (const ModelParseResult parsed = parse_model_json(version->model_json); parsed.ok())
                    engine = std::move(ScoringEngine::create(*parsed.spec, dataset, context).engine);
            found = engines_then.emplace(month.version_then, std::move(engine)).first;
        }
        if (found->second) {
            then_months.push_back(eligible_month(month, scores_as_of(*found->second, day), eligible));
            then_index.push_back(candidate_months.size() - 1);
        }
    }
    Checked<BacktestResult> candidate_result = backtest(candidate_months);
    if (!candidate_result) return Result::failure(candidate_result.error());
    Checked<BacktestResult> then_result = backtest(then_months);
    if (!then_result) return Result::failure(then_result.error());
    report.candidate_totals = candidate_result->totals;
    report.then_totals = then_result->totals;
    std::size_t position = 0;
    for (const auto& [name, month] : months) {
        BacktestComparison comparison;
        comparison.month = name;
        comparison.version_then = month.version_then;
        if (const auto version = registry.find_by_model_version_id(month.version_then))
            comparison.saved_version_then = version->info.version;
        comparison.candidate = candidate_result->months[position];
        for (std::size_t i = 0; i < then_index.size(); ++i)
            if (then_index[i] == position) comparison.then = then_result->months[i];
        report.months.push_back(std::move(comparison));
        ++position;
    }
    if (!candidate_visits.empty()) {
        if (Checked<ReplayResult> replay = replay_by_score(candidate_visits)) report.candidate_replay = std::move(*replay);
        if (Checked<ReplayResult> replay = replay_by_score(then_visits)) report.then_replay = std::move(*replay);
    }
    return report;
}

}  // namespace radar
