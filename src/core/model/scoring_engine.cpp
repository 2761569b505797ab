// Compiling, scoring and ranking, at once or in steps. The scoring loop runs column by column over
// contiguous arrays (no per-row allocation, no per-row branching on the model's structure).
#include "core/model/scoring_engine.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/model/model_output.hpp"
#include "core/model/transform_eval.hpp"

namespace radar {
namespace {

// Scores are summed in blocks of rows small enough for their sums to stay in the L1 cache.
constexpr std::size_t block = 2048;

std::size_t bit_words(std::size_t bits) { return (bits + 63) / 64; }

// Rows first, first + 1, ... as add_points() reads them.
struct ConsecutiveRows {
    std::size_t first;
    std::size_t operator[](std::size_t i) const { return first + i; }
};

// Finds a (value, missing) pair's code among a parameter's codes (the value an input or an
// output): open addressing over the value's bits, sized for max_codes pairs.
class CodeLookup {
public:
    static constexpr std::size_t slots = 1024;

    CodeLookup() { slot_codes_.fill(-1); }
    // A lookup holding the codes already given out.
    CodeLookup(const std::vector<double>& values, const std::vector<bool>& missings) : CodeLookup() {
        for (std::size_t code = 0; code < values.size(); ++code) set(slot(values[code], missings[code], values, missings), code);
    }
    // The slot holding the pair's code, or the empty slot where it belongs.
    std::size_t slot(double value, bool missing, const std::vector<double>& values, const std::vector<bool>& missings) const {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        std::size_t at = static_cast<std::size_t>(((bits ^ (missing ? 1u : 0u)) * 0x9E3779B97F4A7C15ull) >> 54);
        while (slot_codes_[at] >= 0) {
            const auto code = static_cast<std::size_t>(slot_codes_[at]);
            if (missings[code] == missing && std::memcmp(&values[code], &value, sizeof value) == 0) break;
            at = (at + 1) % slots;
        }
        return at;
    }
    std::int16_t code(std::size_t slot) const { return slot_codes_[slot]; }
    void set(std::size_t slot, std::size_t code) { slot_codes_[slot] = static_cast<std::int16_t>(code); }

private:
    std::array<std::int16_t, slots> slot_codes_{};
};

}  // namespace

EngineResult ScoringEngine::create(const ModelSpec& spec, const Dataset& dataset, ScoringContext context) {
    return ScoringEngineBuild(spec, dataset, std::move(context)).take();
}

ScoringEngineBuild::ScoringEngineBuild(const ModelSpec& spec, const Dataset& dataset, ScoringContext context,
                                       std::size_t rows_per_step) {
    const Column* ids = dataset.find(context.id_field);
    if (!ids) {
        result_.problems.push_back(model_problem("", {"dataset: the id field '" + context.id_field + "' is missing",
                                                      "dataset: het id-veld '" + context.id_field + "' ontbreekt"}));
        return;
    }
    ScoringEngine engine(spec, dataset, std::move(context));
    result_.problems = engine.check(spec);
    if (!result_.problems.empty()) return;
    engine.ids_ = ids;
    engine.parameters_.resize(spec.parameters.size());
    result_.engine = std::move(engine);
    tie_order_.emplace(*ids);
    phase_ = Phase::tie_order;
    const std::size_t rows = dataset.row_count();
    rows_per_step_ = std::max<std::size_t>(64, (rows_per_step + 63) / 64 * 64);
    parts_ = std::max<std::size_t>(1, (rows + rows_per_step_ - 1) / rows_per_step_);
    // At most: the tie order's steps; the buffers; the parts; the ranking's keys, 6 passes and
    // the order.
    planned_steps_ = IdOrderBuild::planned_steps(rows) + 1 + (spec.parameters.size() + 1) * parts_ + 8;
}

bool ScoringEngineBuild::advance() {
    if (done()) return true;
    ScoringEngine& engine = *result_.engine;
    const std::size_t rows = engine.dataset_->row_count();
    const auto part_begin = [&](std::size_t part) { return std::min(rows, part % parts_ * rows_per_step_); };
    const auto part_end = [&](std::size_t part) { return std::min(rows, part_begin(part) + rows_per_step_); };
    ++steps_done_;
    switch (phase_) {
    case Phase::tie_order:
        if (tie_order_->advance()) phase_ = Phase::rank_buffers;
        break;
    case Phase::rank_buffers:
        engine.rank_ = RankOrder(tie_order_->take());
        tie_order_.reset();
        engine.scores_.assign(rows, 0.0);
        engine.missing_counts_.assign(rows, 0);
        phase_ = engine.parameters_.empty() ? Phase::scores : Phase::parameters;
        break;
    case Phase::parameters:
        engine.compile_rows(next_part_ / parts_, part_begin(next_part_), part_end(next_part_));
        if (++next_part_ == engine.parameters_.size() * parts_) {
            next_part_ = 0;
            phase_ = Phase::scores;
        }
        break;
    case Phase::scores:
        engine.count_missing_inputs(part_begin(next_part_), part_end(next_part_));
        engine.score_rows(part_begin(next_part_), part_end(next_part_));
        if (++next_part_ == parts_) phase_ = Phase::ranking_keys;
        break;
    case Phase::ranking_keys:
        engine.rank_.start_rank(engine.scores_);
        phase_ = Phase::ranking;
        break;
    case Phase::ranking:
        if (engine.rank_.continue_rank()) phase_ = Phase::done;
        break;
    case Phase::done:
        break;
    }
    return done();
}

double ScoringEngineBuild::progress() const {
    return done() ? 1.0 : std::min(0.99, static_cast<double>(steps_done_) / static_cast<double>(planned_steps_));
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

// Whether two pipelines of one field give every present cell the same number entering their
// numeric steps (they may differ in those steps: a cap, a threshold).
bool same_numeric_step_inputs(const ModelParameter& a, const ModelParameter& b) {
    const InputKind kind = pipeline_input_kind(a.transforms);
    if (kind != pipeline_input_kind(b.transforms)) return false;
    return kind == InputKind::number || a.transforms.front() == b.transforms.front();
}

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
        if (outputs_change && parameters_[index].coded_by_input && same_numeric_step_inputs(before, now)) {
            rescore_changed_codes(index, before);
            return {};
        }
        if (outputs_change) {
            keep_outputs_before(index);
            contributes_before_.swap(parameters_[index].contributes);
            compile_parameter(index);
        }
        rescore_changed_points(index, before, outputs_change);
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
    if (fields_changed) count_missing_inputs(0, scores_.size());
    rescore_and_rank();
    return {};
}

void ScoringEngine::rescore_changed_points(std::size_t index, const ModelParameter& before, bool outputs_changed) {
    const ModelParameter& now = spec_.parameters[index];
    const CompiledParameter& compiled = parameters_[index];
    const MissingFlags& missing = compiled.column->missing;
    const auto points_of = [&](const ModelParameter& parameter, double output, std::size_t row) {
        return parameter.missing.kind == MissingPolicyKind::points && missing[row] ? parameter.missing.points
                                                                                   : parameter.weight * output;
    };
    // Zero points add nothing to a score (see raw_scores()), so only rows the parameter can give
    // points before or after the edit are compared: for a weight, the rows of its bits alone.
    // With the outputs unchanged and coded, a row's points changed if its code's did.
    const std::vector<std::uint8_t>& codes = parameters_[index].codes;
    const bool compare_codes = !outputs_changed && !codes.empty();
    std::array<bool, max_codes> code_changed{};
    if (compare_codes) {
        std::array<double, max_codes> points_then{};
        std::array<double, max_codes> points_now{};
        code_points(index, before, points_then.data());
        code_points(index, now, points_now.data());
        for (std::size_t code = 0; code < max_codes; ++code) code_changed[code] = !same_bits(points_then[code], points_now[code]);
    }
    const std::vector<std::uint64_t>& contributes_now = parameters_[index].contributes;
    changed_rows_.clear();
    for (std::size_t word = 0; word < contributes_now.size(); ++word) {
        std::uint64_t bits = contributes_now[word] | (outputs_changed ? contributes_before_[word] : 0);
        for (; bits != 0; bits &= bits - 1) {
            const std::size_t row = word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
            const double output_now = compiled.output(row);
            const double output_then = outputs_changed ? outputs_before_[row] : output_now;
            if (compare_codes ? code_changed[codes[row]]
                              : !same_bits(points_of(before, output_then, row), points_of(now, output_now, row)))
                changed_rows_.push_back(static_cast<std::uint32_t>(row));
        }
    }
    rescore_changed_rows();
}

void ScoringEngine::rescore_changed_codes(std::size_t index, const ModelParameter& before) {
    CompiledParameter& compiled = parameters_[index];
    const std::size_t code_count = compiled.code_outputs.size();
    std::array<double, max_codes> outputs_then{};
    std::array<double, max_codes> points_then{};
    std::array<double, max_codes> points_now{};
    std::copy(compiled.code_outputs.begin(), compiled.code_outputs.end(), outputs_then.begin());
    code_points(index, before, points_then.data());
    set_code_outputs(index, 0);
    code_points(index, spec_.parameters[index], points_now.data());
    // Per code: 1 its output changed, 2 its points changed.
    std::array<std::uint8_t, max_codes> touched{};
    bool any_touched = false;
    for (std::size_t code = 0; code < code_count; ++code) {
        touched[code] = static_cast<std::uint8_t>((same_bits(outputs_then[code], compiled.code_outputs[code]) ? 0 : 1) |
                                                  (same_bits(points_then[code], points_now[code]) ? 0 : 2));
        any_touched = any_touched || touched[code] != 0;
    }
    changed_rows_.clear();
    const std::size_t rows = any_touched ? compiled.codes.size() : 0;
    const std::uint8_t* codes = compiled.codes.data();
    for (std::size_t row = 0; row < rows; ++row) {
        const std::uint8_t code = codes[row];
        if (touched[code] == 0) continue;
        if (touched[code] & 1) {
            const double output = compiled.code_outputs[code];
            const std::uint64_t bit = std::uint64_t{1} << (row % 64);
            if (output != 0.0 || compiled.code_missing[code]) compiled.contributes[row / 64] |= bit;
            else compiled.contributes[row / 64] &= ~bit;
        }
        if (touched[code] & 2) changed_rows_.push_back(static_cast<std::uint32_t>(row));
    }
    rescore_changed_rows();
}

void ScoringEngine::rescore_changed_rows() {
    // The changed rows are summed again as score_rows() sums every row (from the intercept, the
    // points of every parameter in parameter order). Testing each parameter's bit to leave out its
    // zero points was slower for a dense edit (docs/model-format.md).
    fill_points_tables();
    double sums[block];
    const double start = spec_.intercept + 0.0;
    for (std::size_t begin = 0; begin < changed_rows_.size(); begin += block) {
        const std::size_t count = std::min(block, changed_rows_.size() - begin);
        const std::uint32_t* rows = changed_rows_.data() + begin;
        std::fill(sums, sums + count, start);
        add_points(rows, count, sums);
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

void ScoringEngine::compile_parameter(std::size_t index) { compile_rows(index, 0, dataset_->row_count()); }

void ScoringEngine::compile_rows(std::size_t index, std::size_t begin, std::size_t end) {
    CompiledParameter& compiled = parameters_[index];
    const ModelParameter& parameter = spec_.parameters[index];
    const std::size_t rows = dataset_->row_count();
    if (begin == 0) {
        compiled.column = dataset_->find(parameter.field);
        std::vector<double>().swap(compiled.outputs);  // only made for rows not coded by input
        compiled.contributes.assign(bit_words(rows), 0);
        compiled.codes.assign(rows, 0);
        compiled.coded_by_input = true;
        compiled.code_inputs.clear();
        compiled.code_outputs.clear();
        compiled.code_missing.clear();
    }
    if (compiled.coded_by_input && code_rows_by_input(index, begin, end)) {
        // A row contributes if its code does: the rows' outputs are never written out.
        std::array<bool, max_codes> code_contributes{};
        for (std::size_t code = 0; code < compiled.code_outputs.size(); ++code)
            code_contributes[code] = compiled.code_outputs[code] != 0.0 || compiled.code_missing[code];
        for (std::size_t row = begin; row < end; ++row)
            if (code_contributes[compiled.codes[row]]) compiled.contributes[row / 64] |= std::uint64_t{1} << (row % 64);
        return;
    }
    std::size_t from = begin;
    if (compiled.coded_by_input) {
        // Too many inputs: every row so far gets its output (the rows before `begin` were coded
        // by input, without one), and all of them are coded by output instead.
        compiled.coded_by_input = false;
        compiled.code_inputs.clear();
        from = 0;
    }
    compiled.outputs.resize(rows);
    transform_rows(parameter, *compiled.column, context_.reference_date, from, end, compiled.outputs.data());
    code_rows_by_output(index, from, end);
    const MissingFlags& missing = compiled.column->missing;
    for (std::size_t row = begin; row < end; ++row)
        if (compiled.outputs[row] != 0.0 || missing[row]) compiled.contributes[row / 64] |= std::uint64_t{1} << (row % 64);
    if (end == rows && !compiled.codes.empty()) std::vector<double>().swap(compiled.outputs);
}

void ScoringEngine::keep_outputs_before(std::size_t index) {
    CompiledParameter& compiled = parameters_[index];
    if (compiled.codes.empty()) {
        outputs_before_.swap(compiled.outputs);
        return;
    }
    outputs_before_.resize(compiled.codes.size());
    for (std::size_t row = 0; row < compiled.codes.size(); ++row) outputs_before_[row] = compiled.code_outputs[compiled.codes[row]];
}

bool ScoringEngine::code_rows_by_input(std::size_t index, std::size_t begin, std::size_t end) {
    CompiledParameter& compiled = parameters_[index];
    input_scratch_.resize(end - begin);
    numeric_step_inputs(spec_.parameters[index], *compiled.column, context_.reference_date, begin, end, input_scratch_.data());
    CodeLookup lookup(compiled.code_inputs, compiled.code_missing);
    const std::size_t first_new = compiled.code_inputs.size();
    const MissingFlags& missing = compiled.column->missing;
    for (std::size_t row = begin; row < end; ++row) {
        const double input = input_scratch_[row - begin];
        const bool row_missing = missing[row];
        const std::size_t slot = lookup.slot(input, row_missing, compiled.code_inputs, compiled.code_missing);
        if (lookup.code(slot) < 0) {
            if (compiled.code_inputs.size() == max_codes) return false;
            lookup.set(slot, compiled.code_inputs.size());
            compiled.code_inputs.push_back(input);
            compiled.code_missing.push_back(row_missing);
        }
        compiled.codes[row] = static_cast<std::uint8_t>(lookup.code(slot));
    }
    set_code_outputs(index, first_new);
    return true;
}

void ScoringEngine::set_code_outputs(std::size_t index, std::size_t first) {
    CompiledParameter& compiled = parameters_[index];
    const ModelParameter& parameter = spec_.parameters[index];
    const std::size_t count = compiled.code_inputs.size();
    compiled.code_outputs.resize(count);
    numeric_step_outputs(parameter, compiled.code_inputs.data() + first, count - first, compiled.code_outputs.data() + first);
    const double missing_output = missing_cell_output(parameter);
    for (std::size_t code = first; code < count; ++code)
        if (compiled.code_missing[code]) compiled.code_outputs[code] = missing_output;
}

void ScoringEngine::code_rows_by_output(std::size_t index, std::size_t begin, std::size_t end) {
    CompiledParameter& compiled = parameters_[index];
    if (begin == 0) {
        compiled.codes.assign(dataset_->row_count(), 0);
        compiled.code_outputs.clear();
        compiled.code_missing.clear();
    }
    if (compiled.codes.empty()) return;
    CodeLookup lookup(compiled.code_outputs, compiled.code_missing);
    const MissingFlags& missing = compiled.column->missing;
    for (std::size_t row = begin; row < end; ++row) {
        const double output = compiled.outputs[row];
        const bool row_missing = missing[row];
        const std::size_t slot = lookup.slot(output, row_missing, compiled.code_outputs, compiled.code_missing);
        if (lookup.code(slot) < 0) {
            if (compiled.code_outputs.size() == max_codes) {
                compiled.codes = {};
                compiled.code_outputs.clear();
                compiled.code_missing.clear();
                return;
            }
            lookup.set(slot, compiled.code_outputs.size());
            compiled.code_outputs.push_back(output);
            compiled.code_missing.push_back(row_missing);
        }
        compiled.codes[row] = static_cast<std::uint8_t>(lookup.code(slot));
    }
}

void ScoringEngine::code_points(std::size_t index, const ModelParameter& parameter, double* points) const {
    const CompiledParameter& compiled = parameters_[index];
    const bool missing_points = parameter.missing.kind == MissingPolicyKind::points;
    for (std::size_t code = 0; code < compiled.code_outputs.size(); ++code)
        points[code] = missing_points && compiled.code_missing[code] ? parameter.missing.points
                                                                     : parameter.weight * compiled.code_outputs[code];
}

void ScoringEngine::fill_points_tables() {
    points_tables_.resize(parameters_.size() * max_codes);
    for (std::size_t p = 0; p < parameters_.size(); ++p)
        code_points(p, spec_.parameters[p], points_tables_.data() + p * max_codes);
}

template <typename Rows>
void ScoringEngine::add_points(const Rows& rows, std::size_t count, double* sums) const {
    for (std::size_t p = 0; p < parameters_.size(); ++p) {
        const CompiledParameter& compiled = parameters_[p];
        if (!compiled.codes.empty()) {
            const double* points = points_tables_.data() + p * max_codes;
            const std::uint8_t* codes = compiled.codes.data();
            for (std::size_t i = 0; i < count; ++i) sums[i] += points[codes[rows[i]]];
            continue;
        }
        const ModelParameter& parameter = spec_.parameters[p];
        const double weight = parameter.weight;
        const double* outputs = compiled.outputs.data();
        if (parameter.missing.kind == MissingPolicyKind::points) {
            const double missing_points = parameter.missing.points;
            const MissingFlags& missing = compiled.column->missing;
            for (std::size_t i = 0; i < count; ++i) sums[i] += missing[rows[i]] ? missing_points : weight * outputs[rows[i]];
        } else {
            for (std::size_t i = 0; i < count; ++i) sums[i] += weight * outputs[rows[i]];
        }
    }
}

void ScoringEngine::count_missing_inputs(std::size_t begin, std::size_t end) {
    std::fill(missing_counts_.begin() + static_cast<std::ptrdiff_t>(begin),
              missing_counts_.begin() + static_cast<std::ptrdiff_t>(end), std::uint16_t{0});
    for (const CompiledParameter& parameter : parameters_) {
        const MissingFlags& missing = parameter.column->missing;
        for (std::size_t row = begin; row < end; ++row)
            missing_counts_[row] = static_cast<std::uint16_t>(missing_counts_[row] + (missing[row] ? 1 : 0));
    }
}

void ScoringEngine::rescore_and_rank() {
    score_rows(0, scores_.size());
    rank_.rank(scores_);
}

void ScoringEngine::score_rows(std::size_t first, std::size_t last) {
    // Rows go in blocks small enough for their scores to stay in the L1 cache while every
    // parameter adds to them: each code or transform output is read once, each score written once.
    fill_points_tables();
    const double start = spec_.intercept + 0.0;
    for (std::size_t begin = first; begin < last; begin += block) {
        const std::size_t end = std::min(last, begin + block);
        double* scores = scores_.data() + begin;
        std::fill(scores, scores + (end - begin), start);
        add_points(ConsecutiveRows{begin}, end - begin, scores);
    }
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
    return definition.weight * parameters_[parameter].output(row);
}

ParameterCoding ScoringEngine::parameter_coding(std::size_t parameter) const {
    const CompiledParameter& compiled = parameters_[parameter];
    if (compiled.coded_by_input) return ParameterCoding::by_input;
    return compiled.codes.empty() ? ParameterCoding::none : ParameterCoding::by_output;
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
