// Starter model: terms add up, caps hold, and higher latent risk gets higher scores on average.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "demo_data.hpp"
#include "starter_model.hpp"

using namespace radar;

namespace {
DemoData demo(std::size_t count) {
    DemoSettings settings;
    settings.dossier_count = count;
    settings.export_date = days_from_civil({2023, 12, 1});
    return generate_demo_data(settings);
}
}  // namespace

TEST_CASE("every score is the sum of its labelled contributions") {
    const DemoData data = demo(500);
    const auto scores = StarterModel::score(data.dataset, days_from_civil({2023, 12, 1}));
    REQUIRE(scores.size() == 500);
    for (const auto& score : scores) {
        REQUIRE(score.contributions.size() == StarterModel::terms().size());
        const double sum = std::accumulate(score.contributions.begin(), score.contributions.end(), 0.0);
        CHECK(score.points == doctest::Approx(sum));
        CHECK(score.points >= 0.0);
        CHECK(score.contributions[0] <= 18.0f);
    }
}

TEST_CASE("a dataset without the model's fields is not scored") {
    Dataset dataset;
    dataset.add_column("dossier_id", ColumnType::text).push_text("KO-1");
    CHECK(StarterModel::score(dataset, 0).empty());
}

TEST_CASE("an old or missing inspection adds points relative to the reference date") {
    const DemoData data = demo(1);
    Dataset dataset = data.dataset;
    Column& inspected = dataset.columns()[*dataset.index_of("last_inspection_date")];
    const DayNumber reference = days_from_civil({2024, 6, 1});
    inspected.numbers[0] = reference - 10;
    inspected.missing[0] = 0;
    const double recent = StarterModel::score(dataset, reference)[0].contributions[5];
    inspected.numbers[0] = reference - 4 * 365;
    const double old = StarterModel::score(dataset, reference)[0].contributions[5];
    inspected.missing[0] = 1;
    const double never = StarterModel::score(dataset, reference)[0].contributions[5];
    CHECK(recent == 0.0);
    CHECK(old == 6.0);
    CHECK(never == 6.0);
}

TEST_CASE("the top decile holds far more true risks than average") {
    const DemoData data = demo(4000);
    const auto scores = StarterModel::score(data.dataset, days_from_civil({2023, 12, 1}));
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a].points > scores[b].points; });
    double top = 0, all = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        all += data.true_risk[order[i]];
        if (i < order.size() / 10) top += data.true_risk[order[i]];
    }
    const double count = static_cast<double>(order.size());
    const double lift = (top / (count / 10.0)) / (all / count);
    CHECK(lift > 2.0);
}
