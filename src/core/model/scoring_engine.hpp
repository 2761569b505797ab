// A model compiled against one dataset: per parameter, the column it reads and the transform
// output of every row, so re-scoring after a weight change is a few multiply-adds per cell and
// re-ranking a radix sort into preallocated buffers; an edit of one parameter re-scores only the
// rows whose points it changed and sorts only them, leaving their merge into the whole ranking
// until it is read (the top, ranks and percentiles are exact at once). The UI keeps one engine per dataset.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/model/model_check.hpp"
#include "core/model/model_spec.hpp"
#include "core/model/rank_order.hpp"

namespace radar {

struct ScoringContext {
    DayNumber reference_date = 0;          // ages of dated inputs are counted up to this day
    std::string id_field = "dossier_id";   // equal scores rank by this field, ascending
    std::set<std::string> protected_fields;  // fields no model may read (from the field dictionary)
};

struct EngineResult;
class ScoringEngineBuild;

class ScoringEngine {
public:
    // Checks the model (spec and fields) and compiles, scores and ranks it. The dataset must
    // outlive the engine and keep its rows unchanged.
    static EngineResult create(const ModelSpec& spec, const Dataset& dataset, ScoringContext context);

    // Applies an edited model: checks it, recomputes the transform outputs of parameters whose
    // field, transforms or missing policy changed (a weight or intercept change recomputes none),
    // then re-scores and re-ranks. When only one parameter's weight, transforms or missing policy
    // changed, only the rows whose points for it changed are re-scored (summed in parameter order
    // as always, so the scores are the same to the bit) and re-ranked (RankOrder::rerank).
    // On problems nothing changes and the problems are returned.
    std::vector<ModelProblem> update(const ModelSpec& edited);

    // Re-evaluates dated inputs for another reference date, then re-scores and re-ranks.
    void set_reference_date(DayNumber reference_date);

    // The dataset was moved to `dataset`, rows and columns unchanged (an import taken over after
    // it was scored): reads it there from now on, without scoring again.
    void rebind(const Dataset& dataset);

    const ModelSpec& spec() const { return spec_; }
    const Dataset& dataset() const { return *dataset_; }
    const ScoringContext& context() const { return context_; }
    std::size_t row_count() const { return scores_.size(); }
    std::size_t parameter_count() const { return parameters_.size(); }

    // Raw score = intercept + the points of every parameter, summed in parameter order.
    const std::vector<double>& raw_scores() const { return scores_; }
    double raw_score(std::size_t row) const { return scores_[row]; }
    std::optional<double> probability(std::size_t row) const;  // only for logistic models
    double display_score(std::size_t row) const;               // 0..100, see display_definition()

    // The whole order (rows, best first): finishes a ranking merge left pending by an edit.
    const std::vector<std::uint32_t>& ranking() const { return rank_.order(); }
    // The first min(n, row_count()) rows of the order, without finishing a pending merge.
    std::vector<std::uint32_t> top_rows(std::size_t n) const { return rank_.top(n); }
    std::uint32_t rank_of(std::size_t row) const { return rank_.rank_of(scores_, row); }  // 1-based
    double percentile(std::size_t row) const { return rank_.percentile(scores_, row); }
    RankingSnapshot snapshot() const { return {rank_.order(), rank_.ranks()}; }
    // Dossiers entering/leaving the top N since `saved` (e.g. the saved model's ranking), and moves;
    // without finishing a pending merge.
    Movement movement_since(const RankingSnapshot& saved, std::size_t top_n) const {
        return compare_rankings(saved, rank_.top(top_n), [this](std::uint32_t row) { return rank_of(row); }, top_n);
    }

    // A parameter's contribution to a row: weight * transform output, or the stated points of
    // a missing input under the "points" policy.
    double points(std::size_t row, std::size_t parameter) const;
    double transform_output(std::size_t row, std::size_t parameter) const { return parameters_[parameter].outputs[row]; }
    const Column& parameter_column(std::size_t parameter) const { return *parameters_[parameter].column; }
    bool input_missing(std::size_t row, std::size_t parameter) const { return parameters_[parameter].column->is_missing(row); }
    std::uint32_t missing_input_count(std::size_t row) const { return missing_counts_[row]; }

    const Column& ids() const { return *ids_; }
    // The row of a dossier id (binary search in the tie order), if present.
    std::optional<std::size_t> find_row(const std::string& dossier_id) const;

private:
    friend class ScoringEngineBuild;
    struct CompiledParameter {
        const Column* column = nullptr;
        std::vector<double> outputs;  // transform output per row (missing rows: per the policy)
    };

    ScoringEngine(const ModelSpec& spec, const Dataset& dataset, ScoringContext context);
    std::vector<ModelProblem> check(const ModelSpec& spec) const;
    void compile_parameter(std::size_t index);
    void count_missing_inputs();
    void rescore_and_rank();
    void rescore_changed_points(std::size_t index, const ModelParameter& before, const std::vector<double>& outputs_before);

    ModelSpec spec_;
    const Dataset* dataset_ = nullptr;
    ScoringContext context_;
    const Column* ids_ = nullptr;
    std::vector<CompiledParameter> parameters_;
    std::vector<double> scores_;
    std::vector<std::uint16_t> missing_counts_;
    // Mutable: reading the whole order finishes the merge an edit left pending.
    mutable RankOrder rank_;
    // One-parameter edits: the parameter's previous transform outputs, and the rows re-scored.
    std::vector<double> outputs_before_;
    std::vector<std::uint32_t> changed_rows_;
};

struct EngineResult {
    std::optional<ScoringEngine> engine;  // set only when there are no problems
    std::vector<ModelProblem> problems;
};

// ScoringEngine::create in steps, so a big dataset can be scored over several frames: the tie
// order, then one parameter per step, then the scores and the ranking. The engine it builds is
// the one create() returns (create() is this build taken at once).
class ScoringEngineBuild {
public:
    // Checks the model at once: a refused model is done, with its problems.
    ScoringEngineBuild(const ModelSpec& spec, const Dataset& dataset, ScoringContext context);
    // Does the next step; true once the build is done.
    bool advance();
    bool done() const { return next_step_ == step_count_; }
    double progress() const;  // 0 to 1
    // The engine or the problems; steps not done yet are done first.
    EngineResult take();

private:
    EngineResult result_;
    std::size_t next_step_ = 0;
    std::size_t step_count_ = 0;
};

}  // namespace radar
