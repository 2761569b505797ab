// A model compiled against one dataset: per parameter, the column it reads, the transform output
// of every row and which rows it can give points, so re-scoring after a weight change is a few
// multiply-adds per cell and re-ranking a radix sort into preallocated buffers; an edit of one
// parameter re-scores only the rows whose points it changed and sorts only them, leaving their
// merge into the whole ranking until it is read (the top, ranks and percentiles are exact at
// once). The UI keeps one engine per dataset.
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

// How a compiled parameter is summed (ScoringEngine::parameter_coding): a byte per row indexing its
// distinct inputs (a cap or threshold edit re-runs the numeric steps on these only), or its distinct
// (output, missing) pairs, or each row's output (more than 256 of either).
enum class ParameterCoding { by_input, by_output, none };

class ScoringEngine {
public:
    // Checks the model (spec and fields) and compiles, scores and ranks it. The dataset must
    // outlive the engine and keep its rows unchanged.
    static EngineResult create(const ModelSpec& spec, const Dataset& dataset, ScoringContext context);

    // Applies an edited model: checks it, recomputes the transform outputs of parameters whose
    // field, transforms or missing policy changed (a weight or intercept change recomputes none),
    // then re-scores and re-ranks. When only one parameter's weight, transforms or missing policy
    // changed, only the rows whose points for it changed are re-scored (summed in parameter order
    // as always, so the scores are the same to the bit) and re-ranked (RankOrder::rerank). A cap,
    // threshold or missing-policy edit of a parameter coded by input runs its numeric steps on its
    // distinct inputs only and finds the changed rows from their codes.
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

    // Raw score = intercept + the points of every parameter, summed in parameter order (from
    // intercept + 0.0, so a -0.0 intercept counts as +0.0: no sum is ever -0.0 and adding zero
    // points never changes one).
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
        return compare_rankings(
            saved, rank_.top(top_n), [this](const std::vector<std::uint32_t>& rows) { return rank_.ranks_of(scores_, rows); },
            top_n);
    }

    // A parameter's contribution to a row: weight * transform output, or the stated points of
    // a missing input under the "points" policy.
    double points(std::size_t row, std::size_t parameter) const;
    double transform_output(std::size_t row, std::size_t parameter) const { return parameters_[parameter].output(row); }
    const Column& parameter_column(std::size_t parameter) const { return *parameters_[parameter].column; }
    bool input_missing(std::size_t row, std::size_t parameter) const { return parameters_[parameter].column->is_missing(row); }
    std::uint32_t missing_input_count(std::size_t row) const { return missing_counts_[row]; }
    ParameterCoding parameter_coding(std::size_t parameter) const;

    const Column& ids() const { return *ids_; }
    // The row of a dossier id (binary search in the tie order), if present.
    std::optional<std::size_t> find_row(const std::string& dossier_id) const;

private:
    friend class ScoringEngineBuild;
    struct CompiledParameter {
        const Column* column = nullptr;
        // The transform output per row (missing rows: per the policy), kept only for a parameter
        // without codes once it is compiled (a coded row's output is its code's: 8 bytes per row
        // and parameter less, 86 MB for the default model at 900,000 dossiers).
        std::vector<double> outputs;
        // One bit per row (64 a word): the output is not zero or the input is missing. Only these
        // rows can get points other than zero from the parameter, whatever its weight.
        std::vector<std::uint64_t> contributes;
        // Most parameters (counts, month ages, levels) read few distinct inputs: then each row has
        // the index of its input (the number entering the numeric steps, or missing), each code
        // its output, and summing reads one byte per row and a table of each code's points (the
        // very products the outputs give). A cap or threshold edit then runs the numeric steps on
        // the codes' inputs only. With more than max_codes inputs, the codes index the distinct
        // (output, missing) pairs instead (code_inputs empty); with more than max_codes pairs too,
        // there are no codes.
        std::vector<std::uint8_t> codes;
        bool coded_by_input = false;
        std::vector<double> code_inputs;
        std::vector<double> code_outputs;
        std::vector<bool> code_missing;

        double output(std::size_t row) const { return codes.empty() ? outputs[row] : code_outputs[codes[row]]; }
    };
    static constexpr std::size_t max_codes = 256;

    ScoringEngine(const ModelSpec& spec, const Dataset& dataset, ScoringContext context);
    std::vector<ModelProblem> check(const ModelSpec& spec) const;
    void compile_parameter(std::size_t index);
    // The codes (or, with too many inputs, the transform outputs) and bits of rows [begin, end);
    // begin == 0 starts the parameter afresh and begin must be a multiple of 64.
    void compile_rows(std::size_t index, std::size_t begin, std::size_t end);
    // Every row's output of parameter `index` into outputs_before_, before it is compiled again.
    void keep_outputs_before(std::size_t index);
    // The input codes of rows [begin, end) and the new codes' outputs; false (codes left
    // unfinished) once there are more than max_codes inputs.
    bool code_rows_by_input(std::size_t index, std::size_t begin, std::size_t end);
    // The outputs of the codes from `first` on, from their inputs under the current model.
    void set_code_outputs(std::size_t index, std::size_t first);
    // The (output, missing) codes of rows [begin, end) (after their outputs), or none once there
    // are too many pairs.
    void code_rows_by_output(std::size_t index, std::size_t begin, std::size_t end);
    // Each code's points under the parameter's weight and missing policy (into max_codes doubles).
    void code_points(std::size_t index, const ModelParameter& parameter, double* points) const;
    // Every coded parameter's code points under the current model, into points_tables_.
    void fill_points_tables();
    // Adds the points of every parameter, in parameter order, to sums[i] for the row rows[i],
    // i < count (`rows` an array of rows or consecutive rows); needs fill_points_tables().
    template <typename Rows>
    void add_points(const Rows& rows, std::size_t count, double* sums) const;
    void count_missing_inputs(std::size_t begin, std::size_t end);
    void score_rows(std::size_t begin, std::size_t end);
    void rescore_and_rank();
    void rescore_changed_points(std::size_t index, const ModelParameter& before, bool outputs_changed);
    // An edit of an input-coded parameter's numeric steps or missing policy: the codes' outputs
    // again, then the rows of codes whose output or points changed (their outputs, bits, scores).
    void rescore_changed_codes(std::size_t index, const ModelParameter& before);
    // Sums changed_rows_ again and re-ranks them.
    void rescore_changed_rows();

    ModelSpec spec_;
    const Dataset* dataset_ = nullptr;
    ScoringContext context_;
    const Column* ids_ = nullptr;
    std::vector<CompiledParameter> parameters_;
    std::vector<double> scores_;
    std::vector<std::uint16_t> missing_counts_;
    // Mutable: reading the whole order finishes the merge an edit left pending.
    mutable RankOrder rank_;
    // One-parameter edits: the parameter's previous transform outputs and bits, and the rows re-scored.
    std::vector<double> outputs_before_;
    std::vector<std::uint64_t> contributes_before_;
    std::vector<std::uint32_t> changed_rows_;
    std::vector<double> points_tables_;  // max_codes per parameter
    std::vector<double> input_scratch_;  // code_rows_by_input()'s inputs of a part of rows
};

struct EngineResult {
    std::optional<ScoringEngine> engine;  // set only when there are no problems
    std::vector<ModelProblem> problems;
};

// ScoringEngine::create in steps, so a big dataset can be scored over several frames: the tie
// order (its keys, each radix pass, equal ids), the ranking's buffers, each parameter in parts of
// `rows_per_step` rows, the scores in such parts, then the ranking (its keys, each radix pass, the
// order written). The engine it builds is the one create() returns (create() is this build taken at once).
class ScoringEngineBuild {
public:
    // 131,072 rows: at 1M dossiers each part of a parameter or of the scoring is a few ms to some
    // tens of ms in wasm (bench/model/run prints the longest step).
    static constexpr std::size_t default_rows_per_step = std::size_t{1} << 17;

    // Checks the model at once: a refused model is done, with its problems. `rows_per_step` is
    // rounded up to a multiple of 64.
    ScoringEngineBuild(const ModelSpec& spec, const Dataset& dataset, ScoringContext context,
                       std::size_t rows_per_step = default_rows_per_step);
    // Does the next step; true once the build is done.
    bool advance();
    bool done() const { return phase_ == Phase::done; }
    double progress() const;  // 0 to 1 (the steps done of those planned: radix passes may be skipped)
    // The engine or the problems; steps not done yet are done first.
    EngineResult take();

private:
    enum class Phase { tie_order, rank_buffers, parameters, scores, ranking_keys, ranking, done };
    EngineResult result_;
    std::optional<IdOrderBuild> tie_order_;
    Phase phase_ = Phase::done;
    std::size_t rows_per_step_ = 64;
    std::size_t parts_ = 1;      // parts of rows_per_step_ rows (at least one, even without rows)
    std::size_t next_part_ = 0;  // in the parameters phase, counted over all parameters
    std::size_t steps_done_ = 0;
    std::size_t planned_steps_ = 1;
};

}  // namespace radar
