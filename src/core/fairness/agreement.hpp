// Agreement between two coders on nominal codes (the three screening codes, or any k categories):
// the cross table, percentage agreement, Cohen's kappa and Krippendorff's alpha (nominal, two
// coders), each with a seeded bootstrap interval over the units, and the customary thresholds
// (Landis & Koch for kappa, Krippendorff for alpha). Formulas in docs/fairness.md.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/evaluation/proportion_interval.hpp"
#include "core/screening/screening_event.hpp"

namespace radar {

// One unit (a dossier) coded by two coders, as category indices 0..k-1. A unit without a second
// code cannot be compared: it is left out of every figure and counted.
struct CodedUnit {
    std::size_t first = 0;
    std::optional<std::size_t> second;
};

// The three screening codes as categories (index = the ScreeningCode's value).
constexpr std::size_t screening_code_count = 3;
CodedUnit coded_unit(ScreeningCode first, std::optional<ScreeningCode> second);

// counts(first, second): how many units the first coder put in `first` and the second in `second`.
struct AgreementTable {
    std::size_t categories = 0;
    std::vector<std::size_t> cells;  // row-major: first coder's category x second coder's category
    std::size_t units = 0;           // units with both codes
    std::size_t excluded_missing = 0;

    std::size_t count(std::size_t first, std::size_t second) const { return cells[first * categories + second]; }
    std::size_t agreeing() const;  // the diagonal
};
AgreementTable agreement_table(const std::vector<CodedUnit>& units, std::size_t categories);

// Why a statistic has no value.
enum class Undefined {
    no_units,        // no unit carries two codes
    single_category  // every code given is the same category: chance agreement is complete (0/0)
};
const char* undefined_label(Undefined reason, TextLanguage language);

struct Statistic {
    std::optional<double> value;
    std::optional<Undefined> undefined;  // set exactly when value is not
};

// Share of units with the same code: p_o = sum of the diagonal / units.
Statistic percent_agreement(const AgreementTable& table);
// Cohen's kappa: (p_o - p_e) / (1 - p_e), p_e = sum over categories of (row share x column share).
Statistic cohen_kappa(const AgreementTable& table);
// Krippendorff's alpha, nominal, two coders: 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k,
// over the coincidence matrix o (each unit adds its ordered pair both ways; n = 2 x units).
Statistic krippendorff_alpha_nominal(const AgreementTable& table);

struct BootstrapSettings {
    std::size_t resamples = 1000;
    double confidence = 0.95;
    std::uint64_t seed = 1;
};

// A statistic with its percentile bootstrap interval (units resampled with replacement).
// Resamples where the statistic is undefined are left out of the interval and counted; with
// fewer than two defined resamples there is no interval.
struct EstimatedStatistic {
    Statistic estimate;
    std::optional<Interval> interval;
    std::size_t undefined_resamples = 0;
};

// Landis & Koch (1977): < 0 poor, 0-0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate,
// 0.61-0.80 substantial, 0.81-1 almost perfect (bands split at 0.21, 0.41, 0.61, 0.81).
enum class KappaStrength { poor, slight, fair, moderate, substantial, almost_perfect };
constexpr double kappa_substantial_threshold = 0.61;
KappaStrength landis_koch_strength(double kappa);
const char* kappa_strength_key(KappaStrength strength);  // "poor", ..., "almost_perfect"
const char* kappa_strength_label(KappaStrength strength, TextLanguage language);

// Krippendorff (2004, 2011): alpha >= 0.800 reliable; >= 0.667 the lowest for tentative conclusions.
enum class AlphaVerdict { insufficient, tentative, reliable };
constexpr double alpha_tentative_threshold = 0.667;
constexpr double alpha_reliable_threshold = 0.800;
AlphaVerdict krippendorff_verdict(double alpha);
const char* alpha_verdict_key(AlphaVerdict verdict);  // "insufficient", "tentative", "reliable"
const char* alpha_verdict_label(AlphaVerdict verdict, TextLanguage language);

struct AgreementFigures {
    AgreementTable table;
    EstimatedStatistic percent;
    EstimatedStatistic kappa;
    EstimatedStatistic alpha;
    BootstrapSettings bootstrap;
    // Judged on the estimate; none when it is undefined.
    std::optional<KappaStrength> kappa_strength;
    std::optional<bool> kappa_substantial;  // kappa >= 0.61
    std::optional<AlphaVerdict> alpha_verdict;
};

// Every figure above for the units; deterministic for the same units and settings.
AgreementFigures measure_agreement(const std::vector<CodedUnit>& units, std::size_t categories,
                                   const BootstrapSettings& bootstrap = {});

}  // namespace radar
