// Backtest over months and the Chicago-style replay on tiny hand-worked examples; scores as of
// earlier days through the scoring engine.
#include <doctest/doctest.h>

#include "core/evaluation/backtest.hpp"
#include "core/evaluation/outcome_label.hpp"
#include "core/evaluation/replay.hpp"
#include "core/evaluation/scores_as_of.hpp"
#include "model_fixtures.hpp"

using namespace radar;

TEST_CASE("replay: the same days, given to the screened dossiers in score order") {
    // Real order A (day 10), B (11), C (12), D (13); by score B, D, C, A.
    const std::vector<ScreenedVisit> visits = {{10, 0.2, false}, {11, 0.9, true}, {12, 0.5, false}, {13, 0.8, true}};
    const Checked<ReplayResult> replay = replay_by_score(visits);
    REQUIRE(replay);
    CHECK(replay->replay_days == std::vector<DayNumber>{13, 10, 12, 11});
    CHECK(replay->positives == 2);
    // B one day earlier, D two days earlier.
    CHECK(*replay->mean_days_earlier == doctest::Approx(1.5));
    // Days 10..13: the first half is days 10 and 11.
    CHECK(replay->positives_first_half_actual == 1);
    CHECK(replay->positives_first_half_replay == 2);
    CHECK(*replay->share_first_half_actual == 0.5);
    CHECK(*replay->share_first_half_replay == 1.0);
    CHECK_FALSE(replay_by_score({}));
}

TEST_CASE("replay keeps each day's real capacity and the real order among equal scores") {
    // Two screenings on day 1, one on day 5; the positive scored lowest is replayed last.
    const std::vector<ScreenedVisit> visits = {{1, 0.5, false}, {1, 0.5, false}, {5, 0.1, true}};
    const Checked<ReplayResult> replay = replay_by_score(visits);
    CHECK(replay->replay_days == std::vector<DayNumber>{1, 1, 5});
    CHECK(*replay->mean_days_earlier == 0.0);
    // Reversed scores: the positive takes the first day-1 place.
    const Checked<ReplayResult> better = replay_by_score({{1, 0.5, false}, {1, 0.5, false}, {5, 0.9, true}});
    CHECK(better->replay_days == std::vector<DayNumber>{1, 5, 1});
    CHECK(*better->mean_days_earlier == 4.0);
}

TEST_CASE("backtest: per month precision@k at the batch size, AUC over screened, totals") {
    using O = MonthOutcome;
    BacktestMonth january{
        "2024-01", {5, 4, 3, 2, 1}, {O::positive, O::not_screened, O::negative, O::positive, O::not_screened}, 2};
    // February: three dossiers tie at the cut for two places; one of them screened positive.
    BacktestMonth february{"2024-02", {9, 9, 9, 1}, {O::positive, O::not_screened, O::not_screened, O::negative}, 2};
    const Checked<BacktestResult> result = backtest({january, february});
    REQUIRE(result);
    const BacktestMonthResult& jan = result->months[0];
    CHECK(jan.screened == 3);
    CHECK(jan.positives == 2);
    CHECK(jan.labelled_in_top_k == 1.0);  // rows 0 and 1: only row 0 screened
    CHECK(jan.positives_in_top_k == 1.0);
    CHECK(*jan.precision_at_k == 1.0);
    CHECK(jan.coverage == 0.5);
    CHECK(*jan.auc_screened == 0.5);  // screened 5 (+), 3 (-), 2 (+): pairs 1 and 0
    const BacktestMonthResult& feb = result->months[1];
    CHECK(feb.labelled_in_top_k == doctest::Approx(2.0 / 3.0));
    CHECK(feb.positives_in_top_k == doctest::Approx(2.0 / 3.0));
    CHECK(*feb.precision_at_k == doctest::Approx(1.0));
    CHECK(*feb.auc_screened == 1.0);
    CHECK(result->totals.months == 2);
    CHECK(result->totals.screened == 5);
    CHECK(result->totals.positives == 3);
    CHECK(*result->totals.precision_at_k == doctest::Approx(1.0));
    CHECK(*result->totals.mean_auc == doctest::Approx(0.75));
    // Batch size 0: the number screened that month.
    january.batch_size = 0;
    CHECK(backtest({january})->months[0].k == 3);
    january.outcomes.pop_back();
    CHECK_FALSE(backtest({january}));
}

TEST_CASE("scores as of a day move only dated inputs, like a frozen batch's scores_as_of") {
    const Dataset dataset = test::small_dossiers();
    const ModelSpec spec = test::parse_or_fail(R"({
      "schema_version": 1, "id": "ages", "name": "Ages", "author": "t", "created_at": "2024-01-01", "intercept": 0,
      "output": {"logistic": false, "display": {"mapping": "range", "min": 0, "max": 100}},
      "parameters": [{"id": "age", "field": "last_inspection", "transforms": [{"type": "time_since", "unit": "days"}],
                      "weight": 1, "missing": {"policy": "unknown"}, "label": {"nl": "L", "en": "L"},
                      "rationale": {"nl": "R", "en": "R"}}]})");
    ScoringContext context;
    const DayNumber january = test::day(2024, 1, 1);
    const Checked<std::vector<double>> early = scores_as_of(spec, dataset, context, january);
    const Checked<std::vector<double>> later = scores_as_of(spec, dataset, context, january + 31);
    REQUIRE(early);
    REQUIRE(later);
    CHECK((*later)[0] == (*early)[0] + 31);
    CHECK((*later)[2] == (*early)[2]);  // missing date: nothing either day
    context.reference_date = january + 31;
    EngineResult engine = ScoringEngine::create(spec, dataset, context);
    CHECK(scores_as_of(*engine.engine, january) == *early);
    context.protected_fields = {"last_inspection"};
    CHECK_FALSE(scores_as_of(spec, dataset, context, january));
    const std::vector<DayNumber> months = month_starts(test::day(2024, 1, 15), test::day(2024, 3, 1));
    CHECK(months == std::vector<DayNumber>{test::day(2024, 1, 1), test::day(2024, 2, 1), test::day(2024, 3, 1)});
}

TEST_CASE("outcome labels: 1/0, ja/nee, true/false, yes/no in any case") {
    for (const char* yes : {"1", "ja", "JA", " True ", "yes", "Yes"}) CHECK(parse_outcome_label(yes) == true);
    for (const char* no : {"0", "nee", "Nee", "FALSE", "no"}) CHECK(parse_outcome_label(no) == false);
    for (const char* other : {"", "2", "misschien", "y", "1.0x"}) CHECK_FALSE(parse_outcome_label(other).has_value());
}
