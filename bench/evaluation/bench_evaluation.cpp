// Evaluation benchmark driver, built natively and as wasm (run by node); prints one JSON object.
//   fit       fit_logistic_model on ROWS synthetic dossiers x FEATURES number columns: at a fixed
//             lambda (design + one fit), and the whole path radar fit takes (design, the check
//             fit, lambda by 5-fold cross-validation over the default grid, the final fit)
//   backtest  MONTHS months over N demo dossiers: score every dossier as of each month's start
//             (the engine's reference date moves), then the backtest of those rankings against
//             the demo's outcomes for the month's screened batch
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/data/demo_data.hpp"
#include "core/evaluation/backtest.hpp"
#include "core/evaluation/fitted_model.hpp"
#include "core/evaluation/ranking_metrics.hpp"
#include "core/evaluation/scores_as_of.hpp"
#include "core/model/model_json.hpp"
#include "core/base/random.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string argument(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 2; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

int run_fit(std::size_t rows, std::size_t features) {
    radar::Random random(20240101);
    radar::Dataset dataset;
    radar::Column& ids = dataset.add_column("dossier_id", radar::ColumnType::text);
    radar::FitRequest request;
    for (std::size_t j = 0; j < features; ++j) {
        request.features.push_back("x" + std::to_string(j + 1));
        dataset.add_column(request.features.back(), radar::ColumnType::number);
    }
    for (std::size_t i = 0; i < rows; ++i) {
        ids.push_text("KO-" + std::to_string(i));
        double eta = -2.0;
        for (std::size_t j = 0; j < features; ++j) {
            // Roughly normal (sum of four uniforms), each feature on its own scale.
            const double x =
                (random.unit() + random.unit() + random.unit() + random.unit() - 2.0) * static_cast<double>(j + 1);
            dataset.columns()[j + 1].push_number(x);
            eta += (j % 3 == 0 ? 0.4 : -0.2) * x / static_cast<double>(j + 1);
        }
        request.rows.push_back(i);
        request.positive.push_back(random.chance(1.0 / (1.0 + std::exp(-eta))) ? 1 : 0);
    }
    request.lambda = 0.001;
    auto start = Clock::now();
    const radar::Checked<radar::FittedModel> single = radar::fit_logistic_model(dataset, request);
    const double single_ms = milliseconds_since(start);
    if (!single) {
        std::cerr << single.error() << "\n";
        return 1;
    }
    request.lambda.reset();
    start = Clock::now();
    const radar::Checked<radar::FittedModel> chosen = radar::fit_logistic_model(dataset, request);
    const double cross_validated_ms = milliseconds_since(start);
    if (!chosen) {
        std::cerr << chosen.error() << "\n";
        return 1;
    }
    nlohmann::ordered_json json = {{"rows", rows},
                                   {"features", features},
                                   {"single_fit_ms", single_ms},
                                   {"single_fit_iterations", single->fit.iterations},
                                   {"cross_validated_fit_ms", cross_validated_ms},
                                   {"lambda", chosen->fit.lambda},
                                   {"grid", chosen->choice->scores.size()},
                                   {"folds", chosen->choice->folds},
                                   {"first_coefficient", chosen->fit.coefficients[0]}};
    std::cout << json.dump() << "\n";
    return 0;
}

int run_backtest(std::size_t dossiers, std::size_t months, const std::string& model_path) {
    std::string model_text;
    {
        FILE* file = std::fopen(model_path.c_str(), "rb");
        if (!file) {
            std::cerr << "cannot read " << model_path << "\n";
            return 1;
        }
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) model_text.append(buffer, n);
        std::fclose(file);
    }
    const radar::ModelParseResult parsed = radar::parse_model_json(model_text);
    if (!parsed.ok()) return 1;
    const radar::DayNumber last = radar::days_from_civil({2023, 12, 1});
    radar::DemoSettings settings;
    settings.dossier_count = dossiers;
    settings.export_date = last;
    const radar::DemoData demo = radar::generate_demo_data(settings);
    radar::ScoringContext context;
    context.reference_date = last;
    radar::EngineResult engine = radar::ScoringEngine::create(*parsed.spec, demo.dataset, context);
    if (!engine.engine) return 1;
    const std::vector<radar::DayNumber> starts =
        radar::month_starts(radar::add_months(last, -static_cast<int>(months) + 1), last);
    const std::size_t batch = std::max<std::size_t>(1, dossiers / 100);
    radar::Random random(7);
    auto start = Clock::now();
    std::vector<radar::BacktestMonth> history;
    for (radar::DayNumber day : starts) {
        radar::BacktestMonth month;
        month.name = radar::format_iso_date(day).substr(0, 7);
        month.scores = radar::scores_as_of(*engine.engine, day);
        month.outcomes.assign(dossiers, radar::MonthOutcome::not_screened);
        // The month's batch: the top of its ranking plus a few random control dossiers.
        const std::vector<std::uint32_t>& order = engine.engine->ranking();
        for (std::size_t i = 0; i < batch; ++i) {
            const std::uint32_t row =
                i < batch * 9 / 10 ? order[i]
                                   : static_cast<std::uint32_t>(random.below(static_cast<std::uint32_t>(dossiers)));
            month.outcomes[row] = demo.true_risk[row] ? radar::MonthOutcome::positive : radar::MonthOutcome::negative;
        }
        month.batch_size = batch;
        history.push_back(std::move(month));
    }
    const double scoring_ms = milliseconds_since(start);
    start = Clock::now();
    const radar::Checked<radar::BacktestResult> result = radar::backtest(history);
    const double backtest_ms = milliseconds_since(start);
    if (!result) return 1;
    nlohmann::ordered_json json = {{"dossiers", dossiers},
                                   {"months", months},
                                   {"batch", batch},
                                   {"scoring_ms", scoring_ms},
                                   {"backtest_ms", backtest_ms},
                                   {"total_ms", scoring_ms + backtest_ms},
                                   {"precision_at_k", result->totals.precision_at_k.value_or(0.0)},
                                   {"mean_auc", result->totals.mean_auc.value_or(0.0)}};
    std::cout << json.dump() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "fit")
        return run_fit(std::stoul(argument(argc, argv, "--rows", "100000")),
                       std::stoul(argument(argc, argv, "--features", "20")));
    if (mode == "backtest")
        return run_backtest(std::stoul(argument(argc, argv, "--dossiers", "10000")),
                            std::stoul(argument(argc, argv, "--months", "36")),
                            argument(argc, argv, "--model", "assets/models/default.json"));
    std::cerr << "usage: bench_evaluation fit [--rows N] [--features P] | backtest [--dossiers N] [--months M] "
                 "[--model FILE]\n";
    return 2;
}
