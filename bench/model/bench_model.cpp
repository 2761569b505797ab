// Benchmark driver, built natively and as wasm (run by node): compiles a model against N demo
// dossiers step by step (timing every step of the build), then times re-scoring + re-ranking after
// one weight change (the engine's one-parameter path up to the frame after it: the top of the
// ranking and the movement of the top 25; then the whole order), after a sparse weight, a cap and a
// threshold change, and after a change of two weights (the full re-score a model switch takes),
// repeatedly.
// `sql` prints the equivalent DuckDB statements for the same weight changes. Output: one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/data/demo_data.hpp"
#include "core/model/model_json.hpp"
#include "core/model/scoring_engine.hpp"
#include "model_sql.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Arguments {
    std::string mode;
    std::size_t count = 100000;
    std::uint64_t seed = 20231201;
    radar::DayNumber date = radar::days_from_civil({2023, 12, 1});
    std::string model_path;
    std::size_t iterations = 30;
    std::size_t warmup = 5;
    std::size_t top = 100;
    std::string csv_name = "demo.csv";
};

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0.0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0);
}

// The "one weight change" of iteration i: the first parameter's weight steps through 8 values.
double weight_at(double base, std::size_t iteration) { return base + 0.5 * static_cast<double>(iteration % 8 + 1); }

// The first parameter with a transform of `kind`, if any.
std::optional<std::size_t> parameter_with(const radar::ModelSpec& spec, radar::TransformKind kind) {
    for (std::size_t p = 0; p < spec.parameters.size(); ++p)
        for (const radar::Transform& transform : spec.parameters[p].transforms)
            if (transform.kind == kind) return p;
    return std::nullopt;
}

// What the model editor's frame after an edit reads: the top `top` rows and the movement of the
// top 25 against the ranking the engine was built with (`saved`). Returns the top.
std::vector<std::uint32_t> read_edit_frame(const radar::ScoringEngine& engine, const radar::RankingSnapshot& saved,
                                           const Arguments& arguments) {
    std::vector<std::uint32_t> top = engine.top_rows(arguments.top);
    if (engine.movement_since(saved, 25).top.empty()) top.clear();
    return top;
}

// Times `iterations` edits of one parameter (`edit(parameter, i)` changes it), each up to reading
// the frame after it (read_edit_frame); the whole order is read after each round, outside the
// time, so every round starts from a finished merge. The parameter is put back afterwards.
template <typename Edit>
std::vector<double> time_edits(radar::ScoringEngine& engine, const radar::RankingSnapshot& saved, radar::ModelSpec& edited,
                               std::size_t parameter, const Arguments& arguments, Edit edit) {
    const radar::ModelParameter original = edited.parameters[parameter];
    std::vector<double> times;
    for (std::size_t i = 0; i < arguments.iterations; ++i) {
        edit(edited.parameters[parameter], i);
        const auto start = Clock::now();
        const auto problems = engine.update(edited);
        const std::vector<std::uint32_t> top = read_edit_frame(engine, saved, arguments);
        times.push_back(milliseconds_since(start));
        if (!problems.empty() || top.empty()) std::exit(1);
        engine.ranking();
    }
    edited.parameters[parameter] = original;
    engine.update(edited);
    return times;
}

void add_times(nlohmann::ordered_json& json, const std::string& name, const std::vector<double>& times) {
    json[name + "_ms_median"] = median(times);
    json[name + "_ms_max"] = times.empty() ? 0.0 : *std::max_element(times.begin(), times.end());
}

std::optional<Arguments> parse_arguments(int argc, char** argv) {
    Arguments arguments;
    if (argc < 2) return std::nullopt;
    arguments.mode = argv[1];
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--count") arguments.count = std::stoul(value);
        else if (name == "--seed") arguments.seed = std::stoull(value);
        else if (name == "--date") {
            const auto date = radar::parse_iso_date(value);
            if (!date) return std::nullopt;
            arguments.date = *date;
        } else if (name == "--model") arguments.model_path = value;
        else if (name == "--iterations") arguments.iterations = std::stoul(value);
        else if (name == "--warmup") arguments.warmup = std::stoul(value);
        else if (name == "--top") arguments.top = std::stoul(value);
        else if (name == "--csv-name") arguments.csv_name = value;
        else return std::nullopt;
    }
    if (arguments.model_path.empty() || arguments.iterations == 0 || (arguments.mode != "run" && arguments.mode != "sql"))
        return std::nullopt;
    return arguments;
}

radar::DemoData demo(const Arguments& arguments, std::size_t count) {
    radar::DemoSettings settings;
    settings.dossier_count = count;
    settings.seed = arguments.seed;
    settings.export_date = arguments.date;
    return radar::generate_demo_data(settings);
}

int print_sql(const Arguments& arguments, const radar::ModelSpec& spec) {
    const radar::DemoData schema = demo(arguments, 1);
    nlohmann::ordered_json json;
    json["create"] = radar::bench::create_table_sql(schema.dataset, "dossiers", arguments.csv_name);
    nlohmann::ordered_json queries = nlohmann::ordered_json::array();
    radar::ModelSpec edited = spec;
    for (std::size_t i = 0; i < arguments.iterations; ++i) {
        edited.parameters[0].weight = weight_at(spec.parameters[0].weight, i);
        queries.push_back(radar::bench::ranking_query_sql(edited, arguments.date, "dossiers", "dossier_id", arguments.top));
    }
    json["queries"] = std::move(queries);
    std::cout << json.dump() << "\n";
    return 0;
}

int run(const Arguments& arguments, const radar::ModelSpec& spec) {
    auto start = Clock::now();
    const radar::DemoData data = demo(arguments, arguments.count);
    const double generate_ms = milliseconds_since(start);

    radar::ScoringContext context;
    context.reference_date = arguments.date;
    // The build as the session drives it, one step at a time: the longest step bounds a frame.
    start = Clock::now();
    radar::ScoringEngineBuild build(spec, data.dataset, context);
    std::vector<double> step_ms;
    for (bool done = build.done(); !done;) {
        const auto step_start = Clock::now();
        done = build.advance();
        step_ms.push_back(milliseconds_since(step_start));
    }
    radar::EngineResult created = build.take();
    const double compile_ms = milliseconds_since(start);
    if (!created.engine) {
        std::cerr << radar::describe_problems(created.problems) << "\n";
        return 1;
    }
    radar::ScoringEngine& engine = *created.engine;
    const radar::RankingSnapshot saved = engine.snapshot();

    // Warm-up rounds first: V8 runs wasm in its baseline tier until the optimised code is ready.
    radar::ModelSpec edited = spec;
    for (std::size_t i = 0; i < arguments.warmup; ++i) {
        edited.parameters[0].weight = weight_at(spec.parameters[0].weight, i);
        engine.update(edited);
    }
    // Two weights per iteration: check, re-score every dossier, re-rank every dossier.
    const double second_weight = spec.parameters[1].weight;
    std::vector<double> full_ms;
    for (std::size_t i = 0; i < arguments.iterations; ++i) {
        edited.parameters[0].weight = weight_at(spec.parameters[0].weight, i);
        edited.parameters[1].weight = second_weight + (i % 2 == 0 ? 0.5 : 0.0);
        start = Clock::now();
        const auto problems = engine.update(edited);
        full_ms.push_back(milliseconds_since(start));
        if (!problems.empty()) return 1;
    }
    edited.parameters[1].weight = second_weight;
    engine.update(edited);
    // One weight per iteration of the parameter that gives the fewest dossiers points: the cost of
    // an edit that changes few rows. Its weight is put back afterwards.
    std::vector<std::size_t> rows_with_points(engine.parameter_count(), 0);
    for (std::size_t p = 0; p < engine.parameter_count(); ++p)
        for (std::size_t row = 0; row < engine.row_count(); ++row) rows_with_points[p] += engine.points(row, p) != 0.0 ? 1 : 0;
    const auto sparse = static_cast<std::size_t>(
        std::min_element(rows_with_points.begin(), rows_with_points.end()) - rows_with_points.begin());
    const std::vector<double> sparse_ms = time_edits(engine, saved, edited, sparse, arguments, [&](radar::ModelParameter& p, std::size_t i) {
        p.weight = weight_at(spec.parameters[sparse].weight, i);
    });
    // A cap: the first clamp's maximum steps through 1..4 and back. A threshold: the last bin of
    // the first step transform moves 1..8 units beyond the bin before it.
    const auto capped = parameter_with(spec, radar::TransformKind::clamp);
    const auto stepped = parameter_with(spec, radar::TransformKind::step);
    std::vector<double> cap_ms;
    std::vector<double> threshold_ms;
    if (capped)
        cap_ms = time_edits(engine, saved, edited, *capped, arguments, [](radar::ModelParameter& p, std::size_t i) {
            for (radar::Transform& transform : p.transforms)
                if (transform.kind == radar::TransformKind::clamp) transform.max = static_cast<double>(i % 4 + 1);
        });
    if (stepped)
        threshold_ms = time_edits(engine, saved, edited, *stepped, arguments, [](radar::ModelParameter& p, std::size_t i) {
            for (radar::Transform& transform : p.transforms)
                if (transform.kind == radar::TransformKind::step && transform.bins.size() > 1)
                    transform.bins.back().from = transform.bins[transform.bins.size() - 2].from + static_cast<double>(i % 8 + 1);
        });
    // One weight per iteration: check, re-score the dossiers whose points changed and read the top
    // of the ranking and the movement of the top 25 (the sort of the moved dossiers and their merge
    // into the whole order stay pending: what a frame of the model editor needs). Then the whole order is read, which finishes the merge: both
    // together are the work the previous path did at once for every edit.
    std::vector<double> update_ms;
    std::vector<double> whole_order_ms;
    for (std::size_t i = 0; i < arguments.iterations; ++i) {
        edited.parameters[0].weight = weight_at(spec.parameters[0].weight, i);
        start = Clock::now();
        const auto problems = engine.update(edited);
        const std::vector<std::uint32_t> top = read_edit_frame(engine, saved, arguments);
        update_ms.push_back(milliseconds_since(start));
        if (!problems.empty() || top.empty() || engine.ranking().empty()) return 1;
        whole_order_ms.push_back(milliseconds_since(start));
    }
    // The ranking step alone, on the final scores (its share of the update).
    radar::RankOrder rank(radar::order_by_id(engine.ids()));
    std::vector<double> rank_ms;
    for (std::size_t i = 0; i < arguments.iterations; ++i) {
        start = Clock::now();
        rank.rank(engine.raw_scores());
        rank_ms.push_back(milliseconds_since(start));
    }

    nlohmann::ordered_json json;
#ifdef __EMSCRIPTEN__
    json["runtime"] = "wasm";
#else
    json["runtime"] = "native";
#endif
    json["dossiers"] = arguments.count;
    json["iterations"] = arguments.iterations;
    json["generate_ms"] = generate_ms;
    json["compile_ms"] = compile_ms;
    json["build_steps"] = step_ms.size();
    json["build_step_ms_max"] = *std::max_element(step_ms.begin(), step_ms.end());
    json["build_step_ms"] = step_ms;
    // The dossiers a change of a weight re-scores: those with points for it.
    json["changed_rows"] = rows_with_points[0];
    json["sparse_parameter"] = spec.parameters[sparse].id;
    json["sparse_changed_rows"] = rows_with_points[sparse];
    add_times(json, "sparse", sparse_ms);
    if (capped) json["cap_parameter"] = spec.parameters[*capped].id;
    add_times(json, "cap", cap_ms);
    if (stepped) json["threshold_parameter"] = spec.parameters[*stepped].id;
    add_times(json, "threshold", threshold_ms);
    json["full_ms_median"] = median(full_ms);
    json["full_ms_max"] = *std::max_element(full_ms.begin(), full_ms.end());
    json["update_ms_median"] = median(update_ms);
    json["update_ms_min"] = *std::min_element(update_ms.begin(), update_ms.end());
    json["update_ms_max"] = *std::max_element(update_ms.begin(), update_ms.end());
    json["whole_order_ms_median"] = median(whole_order_ms);
    json["rank_ms_median"] = median(rank_ms);
    nlohmann::ordered_json top = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < arguments.top && i < engine.row_count(); ++i) {
        const std::uint32_t row = engine.ranking()[i];
        top.push_back({std::string(engine.ids().texts[row]), engine.raw_score(row)});
    }
    json["top"] = std::move(top);
    std::cout << json.dump() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto arguments = parse_arguments(argc, argv);
    if (!arguments) {
        std::cerr << "usage: bench_model run|sql --model MODEL.json [--count N] [--seed S] [--date YYYY-MM-DD]"
                     " [--iterations K] [--warmup K] [--top N] [--csv-name NAME]\n";
        return 2;
    }
    std::ifstream file(arguments->model_path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    const radar::ModelParseResult parsed = radar::parse_model_json(text.str());
    if (!parsed.ok()) {
        std::cerr << radar::describe_problems(parsed.problems) << "\n";
        return 1;
    }
    return arguments->mode == "sql" ? print_sql(*arguments, *parsed.spec) : run(*arguments, *parsed.spec);
}
