// Weights learned from the recorded outcomes (see learned_weights.hpp).
#include "core/evaluation/learned_weights.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/evaluation/ranking_metrics.hpp"
#include "core/evaluation/version_evaluation.hpp"

namespace radar {
namespace {

struct LabelledRow {
    std::size_t row = 0;
    bool positive = false;
    DayNumber scores_day = 0;
    std::string month;
};

bool scores_missing_as_points(const ModelParameter& parameter) {
    return parameter.missing.kind == MissingPolicyKind::points;
}

// One design column per parameter (the transform output its weight multiplies), and one 0/1
// column per parameter whose missing input scores stated points.
struct DesignLayout {
    std::vector<std::size_t> value_column;                   // per parameter
    std::vector<std::optional<std::size_t>> missing_column;  // per parameter
    std::vector<std::string> names;
};

DesignLayout design_layout(const ModelSpec& spec) {
    DesignLayout layout;
    for (const ModelParameter& parameter : spec.parameters) {
        layout.value_column.push_back(layout.names.size());
        layout.names.push_back(parameter.id);
        if (scores_missing_as_points(parameter)) {
            layout.missing_column.push_back(layout.names.size());
            layout.names.push_back(parameter.id + " (missing)");
        } else {
            layout.missing_column.push_back(std::nullopt);
        }
    }
    return layout;
}

std::vector<std::uint32_t> rows_where(const std::vector<std::int64_t>& periods, bool before, std::int64_t cut) {
    std::vector<std::uint32_t> rows;
    for (std::size_t i = 0; i < periods.size(); ++i)
        if ((periods[i] < cut) == before) rows.push_back(static_cast<std::uint32_t>(i));
    return rows;
}

std::string decimals(double value, int places) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", places, value);
    return text;
}

}  // namespace

Checked<LearnedWeights> learn_weights(const ModelSpec& current, const Dataset& dataset, const ScoringContext& context,
                                      const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                                      const LabelDefinition& definition, DayNumber today,
                                      const LearnedWeightsRequest& request) {
    using Result = Checked<LearnedWeights>;
    EngineResult built = ScoringEngine::create(current, dataset, context);
    if (!built.engine) return Result::failure("the model cannot score this dataset");
    ScoringEngine& engine = *built.engine;

    LearnedWeights result;
    result.definition = definition;
    std::vector<LabelledRow> labelled;
    for (const FrozenBatch& batch : batches)
        for (const FrozenMember& member : batch.members) {
            const std::optional<MemberLabel> label = member_label(state, batch, member, definition, today);
            if (!label) continue;
            if (label->status == LabelStatus::not_yet_known) {
                ++result.not_yet_known;
                continue;
            }
            const std::optional<std::size_t> row = engine.find_row(member.dossier_id);
            if (!row) {
                ++result.unknown_dossiers;
                continue;
            }
            labelled.push_back({*row, label->status == LabelStatus::confirmed, batch_scores_day(batch), batch.month});
        }
    if (labelled.empty()) return Result::failure("no labelled screenings in the frozen batches");
    std::stable_sort(labelled.begin(), labelled.end(),
                     [](const LabelledRow& a, const LabelledRow& b) { return a.scores_day < b.scores_day; });

    const DesignLayout layout = design_layout(current);
    DesignMatrix design;
    design.rows = labelled.size();
    design.columns = layout.names.size();
    design.names = layout.names;
    design.values.assign(design.rows * design.columns, 0.0);
    std::vector<std::uint8_t> positive;
    std::vector<std::int64_t> periods;
    std::vector<double> current_scores;
    for (std::size_t i = 0; i < labelled.size(); ++i) {
        const LabelledRow& item = labelled[i];
        if (i == 0 || item.scores_day != labelled[i - 1].scores_day) engine.set_reference_date(item.scores_day);
        for (std::size_t p = 0; p < current.parameters.size(); ++p) {
            const bool missing = engine.input_missing(item.row, p);
            const bool as_points = layout.missing_column[p].has_value();
            design.values[i * design.columns + layout.value_column[p]] =
                missing && as_points ? 0.0 : engine.transform_output(item.row, p);
            if (as_points) design.values[i * design.columns + *layout.missing_column[p]] = missing ? 1.0 : 0.0;
        }
        positive.push_back(item.positive ? 1 : 0);
        periods.push_back(*parse_iso_date(item.month + "-01"));
        current_scores.push_back(engine.raw_score(item.row));
        result.positives += item.positive ? 1 : 0;
    }
    result.labelled = labelled.size();
    const auto [first, last] = std::minmax_element(labelled.begin(), labelled.end(),
                                                   [](const LabelledRow& a, const LabelledRow& b) { return a.month < b.month; });
    result.first_month = first->month;
    result.last_month = last->month;

    Checked<LambdaChoice> choice = choose_lambda(design, positive, periods, request.selection);
    if (!choice) return Result::failure(choice.error());
    result.choice = std::move(*choice);
    LogisticOptions options;
    options.lambda = result.choice.lambda;
    Checked<LogisticFit> fit = fit_logistic(design, positive, {}, options);
    if (!fit) return Result::failure(fit.error());
    if (!fit->converged) return Result::failure("the fit did not converge");
    result.fit = std::move(*fit);

    result.spec = current;
    result.spec.intercept = result.fit.intercept;
    result.spec.logistic = true;
    result.spec.display = DisplayDefinition{DisplayMapping::probability, 0.0, 100.0};  // min and max unused
    for (std::size_t p = 0; p < current.parameters.size(); ++p) {
        ModelParameter& parameter = result.spec.parameters[p];
        LearnedWeight weight{parameter.id, parameter.weight, result.fit.coefficients[layout.value_column[p]], {}, {}};
        parameter.weight = weight.learned;
        if (layout.missing_column[p]) {
            weight.current_missing_points = parameter.missing.points;
            weight.learned_missing_points = result.fit.coefficients[*layout.missing_column[p]];
            parameter.missing.points = *weight.learned_missing_points;
        }
        result.weights.push_back(std::move(weight));
    }

    // Out of sample: fit on the months before the held-out ones, compare on those.
    const std::set<std::int64_t> distinct(periods.begin(), periods.end());
    if (request.held_out_months > 0 && distinct.size() > request.held_out_months) {
        const std::int64_t cut = *std::next(distinct.begin(), static_cast<std::ptrdiff_t>(distinct.size() - request.held_out_months));
        std::set<std::string> held_out_months;
        for (std::size_t i = 0; i < labelled.size(); ++i)
            if (periods[i] >= cut) held_out_months.insert(labelled[i].month);
        result.held_out_months.assign(held_out_months.begin(), held_out_months.end());
        const std::vector<std::uint32_t> train = rows_where(periods, true, cut);
        const std::vector<std::uint32_t> held = rows_where(periods, false, cut);
        if (const Checked<LogisticFit> earlier = fit_logistic(design, positive, train, options); earlier && earlier->converged) {
            std::vector<double> learned_scores, current_held;
            std::vector<std::uint8_t> held_positive;
            for (std::uint32_t row : held) {
                learned_scores.push_back(earlier->linear_predictor(design, row));
                current_held.push_back(current_scores[row]);
                held_positive.push_back(positive[row]);
                result.held_out_positives += positive[row];
            }
            result.held_out_rows = held.size();
            result.held_out_auc_learned = roc_auc(learned_scores, held_positive);
            result.held_out_auc_current = roc_auc(current_held, held_positive);
        }
    }
    return result;
}

std::string provenance_note(const LearnedWeights& learned, const std::string& dataset_hash) {
    std::string note = "Weights learned from outcomes (L2 logistic regression on the model's transformed inputs) on " +
                       std::to_string(learned.labelled) + " labelled screenings, " + std::to_string(learned.positives) +
                       " positive, batch months " + learned.first_month + " to " + learned.last_month + ". " +
                       label_definition_statement(learned.definition, TextLanguage::english) + ". Lambda " +
                       decimals(learned.choice.lambda, 4) + " by " +
                       (learned.choice.method == CrossValidation::temporal ? "temporal" : "k-fold") +
                       " cross-validation over " + std::to_string(learned.choice.folds) + " folds.";
    if (learned.held_out_auc_learned && learned.held_out_auc_current)
        note += " Held out " + learned.held_out_months.front() + " to " + learned.held_out_months.back() + " (" +
                std::to_string(learned.held_out_rows) + " screenings): AUC " + decimals(*learned.held_out_auc_learned, 3) +
                " against " + decimals(*learned.held_out_auc_current, 3) + " for the weights it replaces.";
    return note + " Dataset SHA-256 " + dataset_hash + ".";
}

}  // namespace radar
