// Compiling, scoring and ranking. The scoring loop runs column by column over contiguous
// arrays (no per-row allocation, no per-row branching on the model's structure).
#include "core/model/scoring_engine.hpp"

#include <algorithm>
#include <cstring>

#include "core/model/model_output.hpp"
#include "core/model/transform_eval.hpp"

namespace radar {

EngineResult ScoringEngine::create(const ModelSpec& spec, const Dataset& dataset, ScoringContext context) {
    return ScoringEngineBuild(spec, dataset, std::move(context)).take();
}

ScoringEngineBuild::ScoringEngineBuild(const ModelSpec& spec, const Dataset& dataset, ScoringContext context) {
    const Column* ids = dataset.find(context.id_field);
    if (!ids) {
        result_.problems.push_back({"", "dataset: the id field '" + context.id_field + "' is missing"});
        return;
    }
    ScoringEngine engine(spec, dataset, std::move(context));
    result_.problems = engine.check(spec);
    if (!result_.problems.empty()) return;
    engine.ids_ = ids;
    engine.parameters_.resize(spec.parameters.size());
    result_.engine = std::move(engine);
    step_count_ = spec.parameters.size() + 2;
}

bool ScoringEngineBuild::advance() {
    if (done()) return true;
    ScoringEngine& engine = *result_.engine;
    const std::size_t step = next_step_++;
    if (step == 0) {
        engine.rank_ = RankOrder(order_by_id(*engine.ids_));
        engine.scores_.assign(engine.dataset_->row_count(), 0.0);
    } else if (step <= engine.parameters_.size()) {
        engine.compile_parameter(step - 1);
    } else {
        engine.count_missing_inputs();
        engine.rescore_and_rank();
    }
    return done();
}

double ScoringEngineBuild::progress() const {
    return step_count_ == 0 ? 1.0 : static_cast<double>(next_step_) / static_cast<double>(step_count_);
}

EngineResult ScoringEngineBuild::take() {
    while (!advance()) {
    }
    return std::move(result_);
}

ScoringEngine::ScoringEngine(const ModelSpec& spec, const Dataset& dataset, ScoringContext context)
    : spec_(spec), dataset_(&dataset), context_(std::move(context)) {}

std::vector<ModelProblem> ScoringEngine::check(const ModelSpec& spec) const {
    auto problems = check_model_spec(spec);
    auto field_problems = check_model_fields(spec, dataset_fields(*dataset_), context_.protected_fields);
    problems.insert(problems.end(), field_problems.begin(), field_problems.end());
    return problems;
}

namespace {

// Whether two parameters give every row the same points (labels and rationale aside).
bool same_points(const ModelParameter& a, const ModelParameter& b) {
    return a.field == b.field && a.weight == b.weight && a.transforms == b.transforms && a.missing == b.missing;
}

// The one parameter whose points differ between the two models, if the rest scores the same:
// same intercept, same fields in the same order, every other parameter unchanged.
std::optional<std::size_t> single_changed_parameter(const ModelSpec& before, const ModelSpec& after) {
    if (before.intercept != after.intercept || before.parameters.size() != after.parameters.size()) return std::nullopt;
    std::optional<std::size_t> changed;
    for (std::size_t i = 0; i < after.parameters.size(); ++i) {
        if (before.parameters[i].field != after.parameters[i].field) return std::nullopt;
        if (same_points(before.parameters[i], after.parameters[i])) continue;
        if (changed) return std::nullopt;
        changed = i;
    }
    return changed.value_or(0);  // nothing changed: re-checking one parameter finds no row to re-score
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

std::vector<ModelProblem> ScoringEngine::update(const ModelSpec& edited) {
    auto problems = check(edited);
    if (!problems.empty()) return problems;
    const ModelSpec previous = std::move(spec_);
    spec_ = edited;
    if (const auto single = single_changed_parameter(previous, spec_); single && !spec_.parameters.empty()) {
        const std::size_t index = *single;
        const ModelParameter& before = previous.parameters[index];
        const ModelParameter& now = spec_.parameters[index];
        const bool outputs_change = !(now.transforms == before.transforms && now.missing == before.missing);
        if (outputs_change) {
            outputs_before_.swap(parameters_[index].outputs);
            compile_parameter(index);
        }
        rescore_changed_points(index, before, outputs_change ? outputs_before_ : parameters_[index].outputs);
        return {};
    }
    parameters_.resize(spec_.parameters.size());
    bool fields_changed = previous.parameters.size() != spec_.parameters.size();
    for (std::size_t i = 0; i < spec_.parameters.size(); ++i) {
        const ModelParameter& now = spec_.parameters[i];
        const bool known = i < previous.parameters.size();
        if (known && now.field == previous.parameters[i].field && now.transforms == previous.parameters[i].transforms &&
            now.missing == previous.parameters[i].missing)
            continue;
        fields_changed = fields_changed || !known || now.field != previous.parameters[i].field;
        compile_parameter(i);
    }
    if (fields_changed) count_missing_inputs();
    rescore_and_rank();
    return {};
}

void ScoringEngine::rescore_changed_points(std::size_t index, const ModelParameter& before,
                                           const std::vector<double>& outputs_before) {
    const ModelParameter& now = spec_.parameters[index];
    const std::vector<double>& outputs_now = parameters_[index].outputs;
    const MissingFlags& missing = parameters_[index].column->missing;
    const auto points_of = [&](const ModelParameter& parameter, const std::vector<double>& outputs, std::size_t row) {
        return parameter.missing.kind == MissingPolicyKind::points && missing[row] ? parameter.missing.points
                                                                                   : parameter.weight * outputs[row];
    };
    changed_rows_.clear();
    for (std::size_t row = 0; row < scores_.size(); ++row)
        if (!same_bits(points_of(before, outputs_before, row), points_of(now, outputs_now, row)))
            changed_rows_.push_back(static_cast<std::uint32_t>(row));
    // The changed rows are summed again as rescore_and_rank() sums every row (the intercept, then
    // the points of every parameter in parameter order), in blocks whose sums stay in the L1 cache.
    constexpr std::size_t block = 2048;
    double sums[block];
    for (std::size_t begin = 0; begin < changed_rows_.size(); begin += block) {
        const std::size_t count = std::min(block, changed_rows_.size() - begin);
        const std::uint32_t* rows = changed_rows_.data() + begin;
        std::fill(sums, sums + count, spec_.intercept);
        for (std::size_t p = 0; p < parameters_.size(); ++p) {
            const ModelParameter& parameter = spec_.parameters[p];
            const double weight = parameter.weight;
            const double* outputs = parameters_[p].outputs.data();
            if (parameter.missing.kind == MissingPolicyKind::points) {
                const double missing_points = parameter.missing.points;
                const MissingFlags& missing_flags = parameters_[p].column->missing;
                for (std::size_t i = 0; i < count; ++i)
                    sums[i] += missing_flags[rows[i]] ? missing_points : weight * outputs[rows[i]];
            } else {
                for (std::size_t i = 0; i < count; ++i) sums[i] += weight * outputs[rows[i]];
            }
        }
        for (std::size_t i = 0; i < count; ++i) scores_[rows[i]] = sums[i];
    }
    rank_.rerank(scores_, changed_rows_);
}

void ScoringEngine::set_reference_date(DayNumber reference_date) {
    if (reference_date == context_.reference_date) return;
    context_.reference_date = reference_date;
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        if (pipeline_input_kind(spec_.parameters[i].transforms) == InputKind::date) compile_parameter(i);
    rescore_and_rank();
}

void ScoringEngine::rebind(const Dataset& dataset) {
    dataset_ = &dataset;
    ids_ = dataset.find(context_.id_field);
    for (std::size_t i = 0; i < parameters_.size(); ++i) parameters_[i].column = dataset.find(spec_.parameters[i].field);
}

void ScoringEngine::compile_parameter(std::size_t index) {
    CompiledParameter& compiled = parameters_[index];
    const ModelParameter& parameter = spec_.parameters[index];
    compiled.column = dataset_->find(parameter.field);
    compiled.outputs.resize(dataset_->row_count());
    transform_column(parameter, *compiled.column, context_.reference_date, compiled.outputs.data());
}

void ScoringEngine::count_missing_inputs() {
    missing_counts_.assign(scores_.size(), 0);
    for (const CompiledParameter& parameter : parameters_) {
        const MissingFlags& missing = parameter.column->missing;
        for (std::size_t row = 0; row < missing_counts_.size(); ++row)
            missing_counts_[row] = static_cast<std::uint16_t>(missing_counts_[row] + (missing[row] ? 1 : 0));
    }
}

void ScoringEngine::rescore_and_rank() {
    // Rows go in blocks small enough for their scores to stay in the L1 cache while every
    // parameter adds to them: each transform output is read once, each score written once.
    constexpr std::size_t block = 2048;
    const std::size_t rows = scores_.size();
    for (std::size_t begin = 0; begin < rows; begin += block) {
        const std::size_t end = std::min(rows, begin + block);
        double* scores = scores_.data();
        std::fill(scores + begin, scores + end, spec_.intercept);
        for (std::size_t p = 0; p < parameters_.size(); ++p) {
            const ModelParameter& parameter = spec_.parameters[p];
            const double weight = parameter.weight;
            const double* outputs = parameters_[p].outputs.data();
            if (parameter.missing.kind == MissingPolicyKind::points) {
                const double missing_points = parameter.missing.points;
                const MissingFlags& missing = parameters_[p].column->missing;
                for (std::size_t row = begin; row < end; ++row)
                    scores[row] += missing[row] ? missing_points : weight * outputs[row];
            } else {
                for (std::size_t row = begin; row < end; ++row) scores[row] += weight * outputs[row];
            }
        }
    }
    rank_.rank(scores_);
}

std::optional<double> ScoringEngine::probability(std::size_t row) const {
    if (!spec_.logistic) return std::nullopt;
    return logistic_probability(scores_[row]);
}

double ScoringEngine::display_score(std::size_t row) const { return radar::display_score(spec_, scores_[row]); }

double ScoringEngine::points(std::size_t row, std::size_t parameter) const {
    const ModelParameter& definition = spec_.parameters[parameter];
    if (definition.missing.kind == MissingPolicyKind::points && parameters_[parameter].column->is_missing(row))
        return definition.missing.points;
    return definition.weight * parameters_[parameter].outputs[row];
}

std::optional<std::size_t> ScoringEngine::find_row(const std::string& dossier_id) const {
    if (ids_->type != ColumnType::text) return std::nullopt;
    // The tie order is the id order (missing ids first), so a binary search finds the id.
    const auto& by_id = rank_.tie_order();
    const auto found = std::lower_bound(by_id.begin(), by_id.end(), dossier_id, [&](std::uint32_t row, const std::string& id) {
        return ids_->is_missing(row) || ids_->texts[row] < id;
    });
    if (found == by_id.end() || ids_->is_missing(*found) || ids_->texts[*found] != dossier_id) return std::nullopt;
    return *found;
}

}  // namespace radar
