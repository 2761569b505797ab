// Agreement between two coders: percentage agreement, Cohen's kappa and Krippendorff's alpha on
// published worked examples (the source named in each test, the arithmetic written out), the edge
// cases (perfect agreement, total disagreement, one category, missing second codes), the
// thresholds, and the bootstrap intervals (deterministic, around the estimate).
#include <doctest/doctest.h>

#include "core/fairness/agreement.hpp"

using namespace radar;

namespace {

// Units from a table of counts: counts[first][second] units coded (first, second).
std::vector<CodedUnit> units_from(const std::vector<std::vector<std::size_t>>& counts) {
    std::vector<CodedUnit> units;
    for (std::size_t first = 0; first < counts.size(); ++first)
        for (std::size_t second = 0; second < counts[first].size(); ++second)
            for (std::size_t i = 0; i < counts[first][second]; ++i) units.push_back({first, second});
    return units;
}

// Units from two coders' values, one letter per unit ('a' = category 0).
std::vector<CodedUnit> units_from(const std::string& first, const std::string& second) {
    std::vector<CodedUnit> units;
    for (std::size_t i = 0; i < first.size(); ++i)
        units.push_back({static_cast<std::size_t>(first[i] - 'a'), static_cast<std::size_t>(second[i] - 'a')});
    return units;
}

}  // namespace

TEST_CASE("Cohen's kappa: Wikipedia's worked example of 50 grant proposals read by two readers gives 0.4") {
    // Wikipedia, "Cohen's kappa", Simple example: A and B both yes 20, A yes B no 5, A no B yes 10,
    // both no 15. p_o = 35/50 = 0.7; A says yes 25/50 = 0.5, B 30/50 = 0.6, so
    // p_e = 0.5 x 0.6 + 0.5 x 0.4 = 0.5 and kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const AgreementTable table = agreement_table(units_from({{20, 5}, {10, 15}}), 2);
    CHECK(table.units == 50);
    CHECK(table.count(0, 1) == 5);
    CHECK(table.count(1, 0) == 10);
    CHECK(*percent_agreement(table).value == doctest::Approx(0.7));
    CHECK(*cohen_kappa(table).value == doctest::Approx(0.4).epsilon(1e-12));
    // Alpha on the same data (by hand): n = 100 values, yes 55, no 45; 2 x 15 disagreeing ordered
    // pairs; alpha = 1 - 99 x 30 / (100^2 - 55^2 - 45^2) = 1 - 2970 / 4950 = 0.4.
    CHECK(*krippendorff_alpha_nominal(table).value == doctest::Approx(0.4).epsilon(1e-12));
}

TEST_CASE("Krippendorff's alpha: the binary example A of Krippendorff (2011) gives 0.095") {
    // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), A. Binary data, two
    // observers, no missing data: ten units,
    //   observer c: 0 1 0 0 0 0 0 0 1 0
    //   observer k: 1 1 1 0 0 1 0 0 0 0
    // Coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6, n = 20;
    // alpha = 1 - (n - 1) o01 / (n0 n1) = 1 - 19 x 4 / (14 x 6) = 1 - 76/84 = 0.0952.
    const auto units = units_from("abaaaaaaba", "bbbaabaaaa");
    const AgreementTable table = agreement_table(units, 2);
    CHECK(*krippendorff_alpha_nominal(table).value == doctest::Approx(1.0 - 76.0 / 84.0).epsilon(1e-12));
    CHECK(*krippendorff_alpha_nominal(table).value == doctest::Approx(0.095).epsilon(0.005));
    // Kappa (by hand): p_o = 6/10; c: 0 eight times, k: 0 six times; p_e = 0.8 x 0.6 + 0.2 x 0.4 = 0.56;
    // kappa = (0.6 - 0.56) / 0.44 = 0.0909.
    CHECK(*cohen_kappa(table).value == doctest::Approx(0.04 / 0.44).epsilon(1e-12));
}

TEST_CASE("Krippendorff's alpha: the nominal example B of Krippendorff (2011) gives 0.692") {
    // Krippendorff (2011), B. Nominal data, two observers, no missing data: twelve units,
    //   observer c: a a b b d c c c e d d a
    //   observer k: b a b b b c c c e d d d
    // Three units disagree (a/b, d/b, a/d): 6 off-diagonal coincidences. Values used: a 4, b 6,
    // c 6, d 6, e 2; n = 24; sum of n_c n_k over c != k = 24^2 - (16 + 36 + 36 + 36 + 4) = 448;
    // alpha = 1 - 23 x 6 / 448 = 0.6920.
    const AgreementTable table = agreement_table(units_from("aabbdcccedda", "babbbccceddd"), 5);
    CHECK(table.units == 12);
    CHECK(table.agreeing() == 9);
    CHECK(*krippendorff_alpha_nominal(table).value == doctest::Approx(1.0 - 138.0 / 448.0).epsilon(1e-12));
    CHECK(*krippendorff_alpha_nominal(table).value == doctest::Approx(0.692).epsilon(0.001));
}

TEST_CASE("the three screening codes: a hand-computed 3 x 3 table") {
    // first \ second   Risico  Geen risico  Verder onderzoek
    //   Risico            8        1             1
    //   Geen risico       2       20             3
    //   Verder onderz.    0        2             3
    // n = 40, diagonal 31: p_o = 0.775. Rows 10/25/5, columns 10/23/7:
    // kappa = (31 x 40 - (100 + 575 + 35)) / (1600 - 710) = 530/890 = 0.5955 (moderate).
    // Values used: R 20, G 48, V 12 of 80; alpha = 1 - 79 x 18 / (6400 - 2848) = 1 - 1422/3552 = 0.5997.
    std::vector<CodedUnit> units;
    const ScreeningCode R = ScreeningCode::risico, G = ScreeningCode::geen_risico,
                        V = ScreeningCode::verder_onderzoek_nodig;
    const std::vector<std::pair<std::pair<ScreeningCode, ScreeningCode>, int>> cells = {
        {{R, R}, 8}, {{R, G}, 1}, {{R, V}, 1}, {{G, R}, 2}, {{G, G}, 20}, {{G, V}, 3}, {{V, G}, 2}, {{V, V}, 3}};
    for (const auto& [pair, count] : cells)
        for (int i = 0; i < count; ++i) units.push_back(coded_unit(pair.first, pair.second));
    units.push_back(coded_unit(R, std::nullopt));  // a unit without a second code is left out
    const AgreementFigures figures = measure_agreement(units, screening_code_count);
    CHECK(figures.table.units == 40);
    CHECK(figures.table.excluded_missing == 1);
    CHECK(figures.table.count(1, 2) == 3);  // Geen risico first, Verder onderzoek nodig second
    CHECK(*figures.percent.estimate.value == doctest::Approx(0.775));
    CHECK(*figures.kappa.estimate.value == doctest::Approx(530.0 / 890.0).epsilon(1e-12));
    CHECK(*figures.alpha.estimate.value == doctest::Approx(1.0 - 1422.0 / 3552.0).epsilon(1e-12));
    CHECK(figures.kappa_strength == KappaStrength::moderate);
    CHECK(figures.kappa_substantial == false);
    CHECK(figures.alpha_verdict == AlphaVerdict::insufficient);
}

TEST_CASE("perfect agreement, total disagreement and a single category") {
    SUBCASE("perfect agreement over two or more codes: every statistic is 1") {
        const AgreementFigures figures = measure_agreement(units_from({{4, 0, 0}, {0, 5, 0}, {0, 0, 1}}), 3);
        CHECK(*figures.percent.estimate.value == 1.0);
        CHECK(*figures.kappa.estimate.value == 1.0);
        CHECK(*figures.alpha.estimate.value == 1.0);
        CHECK(figures.kappa_strength == KappaStrength::almost_perfect);
        CHECK(figures.alpha_verdict == AlphaVerdict::reliable);
    }
    SUBCASE("total disagreement, balanced: kappa -1, alpha 1 - 7 x 8 / 32 = -0.75") {
        // Two units (a, b) and two (b, a): p_o = 0, p_e = 0.5, kappa = -0.5/0.5 = -1. Alpha: n = 8,
        // n_a = n_b = 4, 8 off-diagonal coincidences, 64 - 32 = 32: alpha = 1 - 7 x 8 / 32.
        const AgreementTable table = agreement_table(units_from({{0, 2}, {2, 0}}), 2);
        CHECK(*percent_agreement(table).value == 0.0);
        CHECK(*cohen_kappa(table).value == doctest::Approx(-1.0));
        CHECK(*krippendorff_alpha_nominal(table).value == doctest::Approx(-0.75));
        CHECK(landis_koch_strength(-1.0) == KappaStrength::poor);
    }
    SUBCASE("one coder always Risico, the other always Geen risico: kappa 0 (no better than chance)") {
        const AgreementTable table = agreement_table(units_from({{0, 5}, {0, 0}}), 2);
        CHECK(*cohen_kappa(table).value == doctest::Approx(0.0));
    }
    SUBCASE("every code the same: kappa and alpha undefined, said so, never NaN") {
        const AgreementFigures figures = measure_agreement(units_from({{0, 0, 0}, {0, 7, 0}, {0, 0, 0}}), 3);
        CHECK(*figures.percent.estimate.value == 1.0);
        CHECK_FALSE(figures.kappa.estimate.value);
        CHECK(figures.kappa.estimate.undefined == Undefined::single_category);
        CHECK_FALSE(figures.alpha.estimate.value);
        CHECK(figures.alpha.estimate.undefined == Undefined::single_category);
        CHECK_FALSE(figures.kappa_strength);
        CHECK_FALSE(figures.alpha_verdict);
        CHECK_FALSE(figures.kappa.interval);
        CHECK(figures.kappa.undefined_resamples == figures.bootstrap.resamples);
        CHECK(std::string(undefined_label(Undefined::single_category, TextLanguage::english)) ==
              "undefined: every code is the same (chance agreement is complete)");
    }
    SUBCASE("no double-coded units at all") {
        const AgreementFigures figures = measure_agreement({{0, std::nullopt}, {2, std::nullopt}}, 3);
        CHECK(figures.table.units == 0);
        CHECK(figures.table.excluded_missing == 2);
        CHECK(figures.percent.estimate.undefined == Undefined::no_units);
        CHECK(figures.kappa.estimate.undefined == Undefined::no_units);
        CHECK(figures.alpha.estimate.undefined == Undefined::no_units);
    }
}

TEST_CASE("thresholds: Landis & Koch for kappa, Krippendorff for alpha") {
    CHECK(landis_koch_strength(0.61) == KappaStrength::substantial);
    CHECK(landis_koch_strength(0.6099) == KappaStrength::moderate);
    CHECK(landis_koch_strength(0.81) == KappaStrength::almost_perfect);
    CHECK(landis_koch_strength(0.0) == KappaStrength::slight);
    CHECK(landis_koch_strength(0.3) == KappaStrength::fair);
    CHECK(krippendorff_verdict(0.800) == AlphaVerdict::reliable);
    CHECK(krippendorff_verdict(0.7999) == AlphaVerdict::tentative);
    CHECK(krippendorff_verdict(0.667) == AlphaVerdict::tentative);
    CHECK(krippendorff_verdict(0.6669) == AlphaVerdict::insufficient);
}

TEST_CASE("bootstrap intervals are seeded, deterministic and lie around the estimate") {
    const auto units = units_from({{20, 5}, {10, 15}});
    const AgreementFigures first = measure_agreement(units, 2, {1000, 0.95, 7});
    const AgreementFigures again = measure_agreement(units, 2, {1000, 0.95, 7});
    REQUIRE(first.kappa.interval);
    CHECK(first.kappa.interval->low == again.kappa.interval->low);
    CHECK(first.kappa.interval->high == again.kappa.interval->high);
    for (const EstimatedStatistic* statistic : {&first.percent, &first.kappa, &first.alpha}) {
        REQUIRE(statistic->interval);
        CHECK(statistic->interval->low < *statistic->estimate.value);
        CHECK(statistic->interval->high > *statistic->estimate.value);
    }
    // With 50 units kappa's interval is wide: roughly 0.15 to 0.65 (se about 0.13).
    CHECK(first.kappa.interval->low > 0.05);
    CHECK(first.kappa.interval->high < 0.75);
    const AgreementFigures other_seed = measure_agreement(units, 2, {1000, 0.95, 8});
    CHECK(other_seed.kappa.interval->low != first.kappa.interval->low);
}
