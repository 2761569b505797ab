// One-parameter edits (weight, cap, threshold, missing points) re-score only the rows they change
// (only rows a parameter gives points are looked at) and re-rank only them, leaving their merge
// into the whole order pending until it is read: after random edits the engine must answer exactly
// what a full re-score of the edited model gives (scores to the bit, top places, ranks, percentiles
// and movement while the merge is pending; then the whole order with its ties). An engine built in
// many small steps must be the one built at once. Caps, thresholds and missing policies edited on
// parameters coded by input (their distinct inputs re-transformed only) and on those with more than
// 256 inputs (the fallback) must also leave every row's transform output as a fresh engine has it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/base/random.hpp"
#include "core/data/demo_data.hpp"
#include "core/model/rank_order.hpp"
#include "core/model/scoring_engine.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

bool same_moves(const std::vector<RankMove>& a, const std::vector<RankMove>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].row != b[i].row || a[i].rank_before != b[i].rank_before || a[i].rank_after != b[i].rank_after) return false;
    return true;
}

const DayNumber reference = day(2023, 12, 1);

ScoringContext context_at_reference() {
    ScoringContext context;
    context.reference_date = reference;
    return context;
}

// Counts the rows where the live engine differs from a freshly built one for the same model. The
// live engine is asked first what it answers while its moved rows are not sorted yet (the top
// places and the movement against `saved`, as the model editor's frame after an edit asks them),
// then while its ranking merge is pending (every rank and percentile, the top places again), then
// for its whole order.
void check_equals_full_rescore(const ScoringEngine& live, const Dataset& dataset, const RankingSnapshot& saved) {
    EngineResult full = ScoringEngine::create(live.spec(), dataset, live.context());
    REQUIRE(full.engine);
    const ScoringEngine& fresh = *full.engine;
    const auto check_top_and_movement = [&] {
        for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{25}, std::size_t{200}, fresh.row_count() + 1}) {
            const std::vector<std::uint32_t> expected(fresh.ranking().begin(),
                                                      fresh.ranking().begin() + std::min(n, fresh.row_count()));
            CHECK(live.top_rows(n) == expected);
        }
        for (const std::size_t top_n : {std::size_t{25}, std::size_t{50}}) {
            const Movement live_movement = live.movement_since(saved, top_n);
            const Movement fresh_movement = fresh.movement_since(saved, top_n);
            CHECK(same_moves(live_movement.top, fresh_movement.top));
            CHECK(same_moves(live_movement.entered, fresh_movement.entered));
            CHECK(same_moves(live_movement.left, fresh_movement.left));
            CHECK(live_movement.moved_in_top == fresh_movement.moved_in_top);
        }
    };
    check_top_and_movement();
    std::size_t score_differences = 0;
    std::size_t rank_differences = 0;
    std::size_t percentile_differences = 0;
    for (std::size_t row = 0; row < fresh.row_count(); ++row) {
        const double a = live.raw_score(row);
        const double b = fresh.raw_score(row);
        if (std::memcmp(&a, &b, sizeof a) != 0) ++score_differences;
        if (live.rank_of(row) != fresh.rank_of(row)) ++rank_differences;
        if (live.percentile(row) != fresh.percentile(row)) ++percentile_differences;
    }
    CHECK(score_differences == 0);
    CHECK(rank_differences == 0);
    CHECK(percentile_differences == 0);
    check_top_and_movement();
    CHECK(live.ranking() == fresh.ranking());
    std::size_t finished_rank_differences = 0;
    for (std::size_t row = 0; row < fresh.row_count(); ++row)
        if (live.rank_of(row) != fresh.rank_of(row)) ++finished_rank_differences;
    CHECK(finished_rank_differences == 0);
}

// A weight from a small set with ties in mind (0, negatives, the usual halves) or a random fraction.
double random_weight(Random& random) {
    static const double usual[] = {0.0, 0.5, 1.0, 1.5, 2.0, 3.0, -1.0, 6.0};
    if (random.chance(0.6)) return usual[random.below(8)];
    return (random.unit() - 0.3) * 10.0;
}

// One random edit of one parameter: its weight, a clamp's cap, a step's threshold, or the points
// of a missing input. Returns the edited model.
ModelSpec random_edit(const ModelSpec& spec, Random& random) {
    ModelSpec edited = spec;
    ModelParameter& parameter = edited.parameters[random.below(static_cast<std::uint32_t>(edited.parameters.size()))];
    switch (random.below(4)) {
    case 0:
        parameter.weight = random_weight(random);
        break;
    case 1:
        for (Transform& transform : parameter.transforms)
            if (transform.kind == TransformKind::clamp) transform.max = static_cast<double>(random.between(1, 6));
        break;
    case 2:
        for (Transform& transform : parameter.transforms)
            if (transform.kind == TransformKind::step && !transform.bins.empty())
                transform.bins.back().from = transform.bins.size() > 1
                                                 ? transform.bins[transform.bins.size() - 2].from + random.between(1, 24)
                                                 : static_cast<double>(random.between(0, 36));
        break;
    default:
        if (parameter.missing.kind == MissingPolicyKind::points) parameter.missing.points = random_weight(random);
        else parameter.weight = random_weight(random);
        break;
    }
    return edited;
}

// Random edits; after some of them the engine is compared with a full re-score, so that between
// comparisons several edits (of different parameters) pile up in one pending ranking merge.
void check_random_edits(const ModelSpec& spec, const Dataset& dataset, std::uint64_t seed, int edits) {
    EngineResult created = ScoringEngine::create(spec, dataset, context_at_reference());
    REQUIRE(created.engine);
    ScoringEngine& engine = *created.engine;
    const RankingSnapshot saved = engine.snapshot();
    Random random(seed);
    for (int i = 0; i < edits; ++i) {
        const ModelSpec edited = random_edit(engine.spec(), random);
        INFO("edit " << i);
        REQUIRE(engine.update(edited).empty());
        if (random.chance(0.6)) check_equals_full_rescore(engine, dataset, saved);
    }
    check_equals_full_rescore(engine, dataset, saved);
}

// Dossiers with many equal values and every column sometimes missing, ids included.
Dataset generated_dossiers(std::size_t count, std::uint64_t seed) {
    Random random(seed);
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& complaints = dataset.add_column("complaints", ColumnType::integer);
    Column& amount = dataset.add_column("amount", ColumnType::number);
    Column& status = dataset.add_column("status", ColumnType::text);
    Column& inspected = dataset.add_column("last_inspection", ColumnType::date);
    for (std::size_t row = 0; row < count; ++row) {
        if (random.chance(0.02)) ids.push_missing();
        else ids.push_text("KO-" + std::to_string(random.below(static_cast<std::uint32_t>(count * 2))));
        if (random.chance(0.2)) complaints.push_missing();
        else complaints.push_number(random.chance(0.7) ? 0 : random.between(1, 8));
        if (random.chance(0.2)) amount.push_missing();
        else amount.push_number(random.between(-20, 80) * 0.25);
        if (random.chance(0.2)) status.push_missing();
        else status.push_text(random.chance(0.8) ? "geen" : random.chance(0.5) ? "aanmaning" : "schorsing");
        if (random.chance(0.2)) inspected.push_missing();
        else inspected.push_number(reference - random.between(0, 1500));
    }
    return dataset;
}

// Complaints (capped, points for a missing count) and an amount (capped, a neutral value for a
// missing one), as generated_model() and wide_model() start.
std::string capped_parameters() {
    return parameter_json("complaints", "complaints", R"([{"type": "clamp", "min": 0, "max": 5}])", "2",
                          R"({"policy": "points", "points": 0.5})") + "," +
           parameter_json("amount", "amount", R"([{"type": "clamp", "min": -1, "max": 10}])", "-0.0723",
                          R"({"policy": "neutral", "value": 1})");
}

// The last inspection's age in whole months, in steps (points for a missing date).
std::string inspection_age_parameter() {
    return parameter_json("inspection_age", "last_inspection",
                          R"([{"type": "time_since", "unit": "months"}, {"type": "step", "bins": [{"from": 24, "value": 3}, {"from": 36, "value": 6}], "below": 0}])",
                          "1", R"({"policy": "points", "points": 6})");
}

std::string generated_model(const std::string& intercept = "0.25") {
    return model_json_with(
        capped_parameters() + "," +
            parameter_json("status", "status",
                           R"([{"type": "categorical", "levels": {"aanmaning": 6, "schorsing": 10}, "default": 0}])", "1") + "," +
            inspection_age_parameter() + "," +
            parameter_json("days_since", "last_inspection", R"([{"type": "time_since", "unit": "days"}])", "0.00173"),
        R"({"logistic": false, "display": {"mapping": "range", "min": 0, "max": 40}})", intercept);
}

}  // namespace

TEST_CASE("one-parameter edits of the default model on the demo data equal a full re-score") {
    DemoSettings settings;
    settings.export_date = reference;
    const DemoData demo = generate_demo_data(settings);
    check_random_edits(parse_or_fail(default_model_text()), demo.dataset, 20231201, 60);
}

TEST_CASE("one-parameter edits on generated data with missing values and missing ids equal a full re-score") {
    const Dataset dataset = generated_dossiers(5000, 7);
    check_random_edits(parse_or_fail(generated_model()), dataset, 99, 60);
}

TEST_CASE("an edit that changes no points and an edit of two parameters keep the full result") {
    const Dataset dataset = generated_dossiers(800, 11);
    EngineResult created = ScoringEngine::create(parse_or_fail(generated_model()), dataset, context_at_reference());
    REQUIRE(created.engine);
    ScoringEngine& engine = *created.engine;
    ModelSpec edited = engine.spec();
    edited.parameters[0].label.en = "Complaints (renamed)";
    const RankingSnapshot saved = engine.snapshot();
    REQUIRE(engine.update(edited).empty());
    check_equals_full_rescore(engine, dataset, saved);
    edited.parameters[1].weight = 3.0;
    edited.parameters[2].weight = 0.5;
    REQUIRE(engine.update(edited).empty());
    check_equals_full_rescore(engine, dataset, saved);
}

TEST_CASE("re-ranking changed rows gives the order of a full ranking, ties by tie order, before the sort, before and after the merge") {
    Random random(5);
    const std::size_t n = 3000;
    std::vector<std::uint32_t> tie_order(n);
    for (std::size_t i = 0; i < n; ++i) tie_order[i] = static_cast<std::uint32_t>((i * 7919) % n);
    std::vector<double> scores(n);
    for (double& score : scores) score = random.between(0, 20) * 0.5;
    RankOrder merged(tie_order);
    merged.rank(scores);
    for (int round = 0; round < 80; ++round) {
        std::vector<std::uint32_t> changed;
        const std::uint32_t count = random.below(round % 5 == 0 ? 1500 : 40);
        for (std::uint32_t row = 0; row < n && changed.size() < count; ++row)
            if (random.chance(0.3)) {
                changed.push_back(row);
                scores[row] = random.between(0, 20) * 0.5;
            }
        merged.rerank(scores, changed);
        RankOrder full(tie_order);
        full.rank(scores);
        INFO("round " << round << ", " << changed.size() << " changed rows");
        // Before the moved rows are sorted: the top by selection, ranks by counting.
        if (merged.merge_pending() && !changed.empty()) CHECK_FALSE(merged.moved_rows_sorted());
        for (const std::size_t top_n : {std::size_t{0}, std::size_t{1}, std::size_t{100}, n + 1})
            CHECK(merged.top(top_n) == full.top(top_n));
        std::vector<std::uint32_t> asked(n);
        for (std::size_t row = 0; row < n; ++row) asked[row] = static_cast<std::uint32_t>((row * 31) % n);
        asked.push_back(asked.front());
        CHECK(merged.ranks_of(scores, asked) == full.ranks_of(scores, asked));
        CHECK(merged.ranks_of(scores, {}).empty());
        if (merged.merge_pending() && !changed.empty()) CHECK_FALSE(merged.moved_rows_sorted());  // neither sorted them
        std::size_t rank_differences = 0;
        std::size_t percentile_differences = 0;
        for (std::size_t row = 0; row < n; ++row) {
            if (merged.rank_of(scores, row) != full.rank_of(scores, row)) ++rank_differences;
            if (merged.percentile(scores, row) != full.percentile(scores, row)) ++percentile_differences;
        }
        CHECK(rank_differences == 0);
        CHECK(percentile_differences == 0);
        CHECK(merged.top(100) == full.top(100));
        // Every third round the merge stays pending into the next rerank.
        if (round % 3 == 0) continue;
        CHECK(merged.order() == full.order());
        CHECK(merged.ranks() == full.ranks());
        CHECK_FALSE(merged.merge_pending());
    }
}

TEST_CASE("with an intercept of -0.0 and zero weights, one-parameter edits equal a full re-score") {
    // Sums start from +0.0 then, so skipping rows without points (adding +0.0 or -0.0) changes no bit.
    const Dataset dataset = generated_dossiers(3000, 23);
    ModelSpec spec = parse_or_fail(generated_model("-0.0"));
    for (ModelParameter& parameter : spec.parameters) parameter.weight = 0.0;
    spec.parameters[1].weight = -1.0;
    check_random_edits(spec, dataset, 5, 40);
    EngineResult created = ScoringEngine::create(spec, dataset, context_at_reference());
    REQUIRE(created.engine);
    std::size_t negative_zeros = 0;
    for (const double score : created.engine->raw_scores()) negative_zeros += score == 0.0 && std::signbit(score) ? 1 : 0;
    CHECK(negative_zeros == 0);
}

TEST_CASE("an engine built in parts of 64 to 1000 rows is the engine built at once, and edits on it equal a full re-score") {
    const Dataset dataset = generated_dossiers(5000, 31);
    const ModelSpec spec = parse_or_fail(generated_model());
    EngineResult whole = ScoringEngine::create(spec, dataset, context_at_reference());
    REQUIRE(whole.engine);
    for (const std::size_t rows_per_step : {std::size_t{1}, std::size_t{100}, std::size_t{1000}}) {
        INFO(rows_per_step << " rows per step");
        ScoringEngineBuild build(spec, dataset, context_at_reference(), rows_per_step);
        std::size_t steps = 1;
        while (!build.advance()) {
            CHECK(build.progress() < 1.0);
            ++steps;
        }
        CHECK(build.progress() == 1.0);
        // At least one step per part of each parameter and of the scores.
        const std::size_t part_rows = (rows_per_step + 63) / 64 * 64;
        CHECK(steps > (spec.parameters.size() + 1) * ((5000 + part_rows - 1) / part_rows));
        EngineResult built = build.take();
        REQUIRE(built.engine);
        ScoringEngine& engine = *built.engine;
        CHECK(std::memcmp(engine.raw_scores().data(), whole.engine->raw_scores().data(), 5000 * sizeof(double)) == 0);
        std::size_t missing_count_differences = 0;
        for (std::size_t row = 0; row < 5000; ++row)
            missing_count_differences += engine.missing_input_count(row) != whole.engine->missing_input_count(row) ? 1 : 0;
        CHECK(missing_count_differences == 0);
        CHECK(engine.ranking() == whole.engine->ranking());
        const RankingSnapshot saved = engine.snapshot();
        Random random(rows_per_step);
        for (int i = 0; i < 12; ++i) REQUIRE(engine.update(random_edit(engine.spec(), random)).empty());
        check_equals_full_rescore(engine, dataset, saved);
    }
}

namespace {

// generated_dossiers with columns of many distinct values: `measure` has 7 values in the first half
// and up to 4,001 after it, `levels_256` 256 values, `levels_257` 257 values (neither missing).
Dataset dossiers_with_wide_columns(std::size_t count, std::uint64_t seed) {
    Dataset dataset = generated_dossiers(count, seed);
    Random random(seed + 1);
    Column& measure = dataset.add_column("measure", ColumnType::number);
    Column& levels_256 = dataset.add_column("levels_256", ColumnType::integer);
    Column& levels_257 = dataset.add_column("levels_257", ColumnType::integer);
    for (std::size_t row = 0; row < count; ++row) {
        if (random.chance(0.1)) measure.push_missing();
        else measure.push_number(row < count / 2 ? static_cast<double>(row % 7) : random.between(0, 4000) * 0.5);
        levels_256.push_number(static_cast<double>(row % 256));
        levels_257.push_number(static_cast<double>(row % 257));
    }
    return dataset;
}

// Caps and thresholds on numbers, month and day ages and levels, with every missing policy;
// levels_256 reads exactly 256 distinct inputs, the four parameters after it more.
std::string wide_model() {
    return model_json_with(
        capped_parameters() + "," +
            parameter_json("status", "status",
                           R"([{"type": "categorical", "levels": {"aanmaning": 6, "schorsing": 10}, "default": 0}, {"type": "clamp", "max": 8}])",
                           "1", R"({"policy": "neutral", "value": "schorsing"})") + "," +
            inspection_age_parameter() + "," +
            parameter_json("levels_256", "levels_256", R"([{"type": "clamp", "max": 100}])", "0.01") + "," +
            parameter_json("days_step", "last_inspection",
                           R"([{"type": "time_since", "unit": "days"}, {"type": "step", "bins": [{"from": 400, "value": 1}, {"from": 800, "value": 2}], "below": 0}])",
                           "1.5") + "," +
            parameter_json("measure", "measure", R"([{"type": "clamp", "min": 0, "max": 100}])", "0.03",
                           R"({"policy": "neutral", "value": 50})") + "," +
            parameter_json("levels_257", "levels_257", R"([{"type": "clamp", "max": 5}])", "0.25") + "," +
            parameter_json("days_since", "last_inspection", R"([{"type": "time_since", "unit": "days"}])", "0.00173"),
        R"({"logistic": false, "display": {"mapping": "range", "min": 0, "max": 40}})", "0.25");
}

// check_equals_full_rescore, and every row's transform outputs and points as a fresh engine has them.
void check_outputs_and_full_rescore(const ScoringEngine& live, const Dataset& dataset, const RankingSnapshot& saved) {
    EngineResult full = ScoringEngine::create(live.spec(), dataset, live.context());
    REQUIRE(full.engine);
    std::size_t output_differences = 0;
    for (std::size_t p = 0; p < live.parameter_count(); ++p)
        for (std::size_t row = 0; row < live.row_count(); ++row) {
            const double a = live.transform_output(row, p);
            const double b = full.engine->transform_output(row, p);
            const double c = live.points(row, p);
            const double d = full.engine->points(row, p);
            if (std::memcmp(&a, &b, sizeof a) != 0 || std::memcmp(&c, &d, sizeof c) != 0) ++output_differences;
        }
    CHECK(output_differences == 0);
    check_equals_full_rescore(live, dataset, saved);
}

Transform& first_of_kind(ModelSpec& spec, std::size_t parameter, TransformKind kind) {
    for (Transform& transform : spec.parameters[parameter].transforms)
        if (transform.kind == kind) return transform;
    FAIL("no such transform");
    return spec.parameters[parameter].transforms.front();
}

}  // namespace

TEST_CASE("parameters are coded by input up to 256 distinct inputs, by output pair or not at all beyond") {
    const Dataset dataset = dossiers_with_wide_columns(3000, 41);
    EngineResult created = ScoringEngine::create(parse_or_fail(wide_model()), dataset, context_at_reference());
    REQUIRE(created.engine);
    const ScoringEngine& engine = *created.engine;
    for (std::size_t p = 0; p < 5; ++p) CHECK(engine.parameter_coding(p) == ParameterCoding::by_input);
    for (std::size_t p = 5; p < 8; ++p) CHECK(engine.parameter_coding(p) == ParameterCoding::by_output);
    CHECK(engine.parameter_coding(8) == ParameterCoding::none);
    // `measure` passes 256 inputs only in a later part of a build in steps: the rows before it are
    // coded by output then, as in the build at once.
    EngineResult in_parts = [&] {
        ScoringEngineBuild build(engine.spec(), dataset, context_at_reference(), 64);
        return build.take();
    }();
    REQUIRE(in_parts.engine);
    CHECK(in_parts.engine->parameter_coding(6) == ParameterCoding::by_output);
    check_outputs_and_full_rescore(*in_parts.engine, dataset, engine.snapshot());
}

TEST_CASE("cap and threshold edits up, down, changing no row or every row equal a full re-score") {
    const Dataset dataset = dossiers_with_wide_columns(3000, 43);
    for (const std::size_t rows_per_step : {ScoringEngineBuild::default_rows_per_step, std::size_t{64}}) {
        INFO(rows_per_step << " rows per step");
        EngineResult created = ScoringEngineBuild(parse_or_fail(wide_model()), dataset, context_at_reference(), rows_per_step).take();
        REQUIRE(created.engine);
        ScoringEngine& engine = *created.engine;
        const RankingSnapshot saved = engine.snapshot();
        ModelSpec edited = engine.spec();
        const auto apply = [&](const std::string& what) {
            INFO(what);
            REQUIRE(engine.update(edited).empty());
            check_outputs_and_full_rescore(engine, dataset, saved);
        };
        // Caps (clamp max, and min) on numbers with points and neutral missing inputs, on levels
        // after categories, on 256 and 257 levels and on a number with thousands of values.
        for (const std::size_t p : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{4}, std::size_t{6}, std::size_t{7}}) {
            INFO("parameter " << edited.parameters[p].id);
            first_of_kind(edited, p, TransformKind::clamp).max = 2.0;
            apply("cap down");
            first_of_kind(edited, p, TransformKind::clamp).max = 7.0;
            apply("cap up");
            first_of_kind(edited, p, TransformKind::clamp).max = 1e6;
            apply("cap above every input");
            first_of_kind(edited, p, TransformKind::clamp).max = 2e6;
            apply("cap moved above every input: no output changes");
            first_of_kind(edited, p, TransformKind::clamp).min = -60.0;
            apply("minimum lowered below every input");
            first_of_kind(edited, p, TransformKind::clamp).max = -50.0;
            apply("cap below every input: every present row changes");
            first_of_kind(edited, p, TransformKind::clamp).min = 1.5;
            first_of_kind(edited, p, TransformKind::clamp).max = 3.0;
            apply("minimum and cap at once");
            edited.parameters[p].weight = -0.5;
            apply("a weight after the caps (reads the rows' contribution bits)");
        }
        // Thresholds of steps on month ages (points for a missing date) and day ages (more than
        // 256 days: coded by output).
        for (const std::size_t p : {std::size_t{3}, std::size_t{5}}) {
            INFO("parameter " << edited.parameters[p].id);
            std::vector<StepBin>& bins = first_of_kind(edited, p, TransformKind::step).bins;
            const double scale = p == 3 ? 1.0 : 30.0;
            bins.back().from = bins.front().from + 4 * scale;
            apply("last threshold down");
            bins.front().from = 6 * scale;
            apply("first threshold down");
            bins.back().from = 40 * scale;
            apply("last threshold up");
            bins.back().from = 1e6;
            apply("last threshold beyond every age");
            bins.back().from = 2e6;
            apply("moved beyond every age: no output changes");
            bins.front().from = -1e6;
            apply("first threshold below every age: every present row changes");
            first_of_kind(edited, p, TransformKind::step).below = 0.5;
            apply("the value below the first threshold: no row below it");
            bins.front().from = 12 * scale;
            apply("first threshold back up");
            edited.parameters[p].weight = 2.5;
            apply("a weight after the thresholds");
        }
        // Missing inputs: a neutral value, the points, the policy itself.
        std::get<double>(edited.parameters[1].missing.neutral) = 9.0;
        apply("a neutral number");
        edited.parameters[2].missing.neutral = std::string("aanmaning");
        apply("a neutral level");
        edited.parameters[0].missing.points = -3.0;
        apply("missing points");
        edited.parameters[3].missing.kind = MissingPolicyKind::neutral;
        edited.parameters[3].missing.neutral = 30.0;
        apply("points to a neutral age");
        edited.parameters[6].missing.kind = MissingPolicyKind::unknown;
        apply("neutral to unknown on a parameter coded by output");
        // Edits that change a parameter's inputs: categories, the unit of an age.
        edited.parameters[2].transforms.front().levels.front().second = 3.0;
        apply("a category's value before a cap");
        edited.parameters[3].transforms.front().unit = TimeUnit::days;
        apply("months to days");
        first_of_kind(edited, 3, TransformKind::step).bins.back().from = 2000.0;
        apply("a threshold in days, coded by output now");
        CHECK(engine.parameter_coding(3) == ParameterCoding::by_output);
        // Another reference date codes the ages again.
        engine.set_reference_date(reference + 400);
        first_of_kind(edited, 4, TransformKind::clamp).max = 50.0;
        apply("a cap after another reference date");
    }
}
