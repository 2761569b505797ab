// Cross table, agreement statistics and their bootstrap intervals.
#include "core/fairness/agreement.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/random.hpp"

namespace radar {
namespace {

// Type-7 quantile (linear between order statistics) of sorted values; q in [0, 1].
double quantile(const std::vector<double>& sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

struct Marginals {
    std::vector<std::size_t> rows;
    std::vector<std::size_t> columns;
};

Marginals marginals(const AgreementTable& table) {
    Marginals totals{std::vector<std::size_t>(table.categories, 0), std::vector<std::size_t>(table.categories, 0)};
    for (std::size_t first = 0; first < table.categories; ++first)
        for (std::size_t second = 0; second < table.categories; ++second) {
            totals.rows[first] += table.count(first, second);
            totals.columns[second] += table.count(first, second);
        }
    return totals;
}

Statistic defined(double value) { return Statistic{value, std::nullopt}; }
Statistic undefined(Undefined reason) { return Statistic{std::nullopt, reason}; }

using StatisticFunction = Statistic (*)(const AgreementTable&);

EstimatedStatistic with_bootstrap(const AgreementTable& table, const std::vector<CodedUnit>& units,
                                  const BootstrapSettings& settings, StatisticFunction statistic) {
    EstimatedStatistic result;
    result.estimate = statistic(table);
    if (units.empty() || settings.resamples == 0) return result;
    Random random(settings.seed);
    std::vector<double> values;
    values.reserve(settings.resamples);
    AgreementTable resample = table;
    for (std::size_t draw = 0; draw < settings.resamples; ++draw) {
        std::fill(resample.cells.begin(), resample.cells.end(), std::size_t{0});
        for (std::size_t i = 0; i < units.size(); ++i) {
            const CodedUnit& unit = units[random.below(static_cast<std::uint32_t>(units.size()))];
            ++resample.cells[unit.first * table.categories + *unit.second];
        }
        const Statistic value = statistic(resample);
        if (value.value) values.push_back(*value.value);
        else ++result.undefined_resamples;
    }
    if (values.size() < 2) return result;
    std::sort(values.begin(), values.end());
    const double tail = (1.0 - settings.confidence) / 2.0;
    result.interval = Interval{quantile(values, tail), quantile(values, 1.0 - tail)};
    return result;
}

}  // namespace

CodedUnit coded_unit(ScreeningCode first, std::optional<ScreeningCode> second) {
    CodedUnit unit;
    unit.first = static_cast<std::size_t>(first);
    if (second) unit.second = static_cast<std::size_t>(*second);
    return unit;
}

std::size_t AgreementTable::agreeing() const {
    std::size_t total = 0;
    for (std::size_t category = 0; category < categories; ++category) total += count(category, category);
    return total;
}

AgreementTable agreement_table(const std::vector<CodedUnit>& units, std::size_t categories) {
    AgreementTable table;
    table.categories = categories;
    table.cells.assign(categories * categories, 0);
    for (const CodedUnit& unit : units) {
        if (!unit.second || unit.first >= categories || *unit.second >= categories) {
            ++table.excluded_missing;
            continue;
        }
        ++table.cells[unit.first * categories + *unit.second];
        ++table.units;
    }
    return table;
}

const char* undefined_label(Undefined reason, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (reason) {
        case Undefined::no_units: return nl ? "niet bepaald: geen dubbel gecodeerde dossiers" : "undefined: no double-coded dossiers";
        case Undefined::single_category:
            return nl ? "niet bepaald: alle codes zijn dezelfde (toevallige overeenstemming is volledig)"
                      : "undefined: every code is the same (chance agreement is complete)";
    }
    return "";
}

Statistic percent_agreement(const AgreementTable& table) {
    if (table.units == 0) return undefined(Undefined::no_units);
    return defined(static_cast<double>(table.agreeing()) / static_cast<double>(table.units));
}

Statistic cohen_kappa(const AgreementTable& table) {
    if (table.units == 0) return undefined(Undefined::no_units);
    const Marginals totals = marginals(table);
    const double n = static_cast<double>(table.units);
    // In whole numbers over n^2, so that p_e = 1 is recognised exactly.
    std::size_t chance_products = 0;
    for (std::size_t category = 0; category < table.categories; ++category)
        chance_products += totals.rows[category] * totals.columns[category];
    const std::size_t n_squared = table.units * table.units;
    if (chance_products == n_squared) return undefined(Undefined::single_category);
    const double observed = static_cast<double>(table.agreeing()) * n;
    const double chance = static_cast<double>(chance_products);
    return defined((observed - chance) / (static_cast<double>(n_squared) - chance));
}

Statistic krippendorff_alpha_nominal(const AgreementTable& table) {
    if (table.units == 0) return undefined(Undefined::no_units);
    const Marginals totals = marginals(table);
    // n_c: how often category c was used by either coder; n = 2 x units pairable values.
    std::size_t n = 0, sum_of_squares = 0;
    for (std::size_t category = 0; category < table.categories; ++category) {
        const std::size_t used = totals.rows[category] + totals.columns[category];
        n += used;
        sum_of_squares += used * used;
    }
    const std::size_t expected_disagreement = n * n - sum_of_squares;  // sum over c != k of n_c n_k
    if (expected_disagreement == 0) return undefined(Undefined::single_category);
    // Off-diagonal coincidences: each disagreeing unit adds o_ck and o_kc.
    const std::size_t observed_disagreement = 2 * (table.units - table.agreeing());
    return defined(1.0 - static_cast<double>(n - 1) * static_cast<double>(observed_disagreement) /
                             static_cast<double>(expected_disagreement));
}

KappaStrength landis_koch_strength(double kappa) {
    if (kappa < 0.0) return KappaStrength::poor;
    if (kappa < 0.21) return KappaStrength::slight;
    if (kappa < 0.41) return KappaStrength::fair;
    if (kappa < kappa_substantial_threshold) return KappaStrength::moderate;
    if (kappa < 0.81) return KappaStrength::substantial;
    return KappaStrength::almost_perfect;
}

const char* kappa_strength_key(KappaStrength strength) {
    switch (strength) {
        case KappaStrength::poor: return "poor";
        case KappaStrength::slight: return "slight";
        case KappaStrength::fair: return "fair";
        case KappaStrength::moderate: return "moderate";
        case KappaStrength::substantial: return "substantial";
        case KappaStrength::almost_perfect: return "almost_perfect";
    }
    return "";
}

const char* kappa_strength_label(KappaStrength strength, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (strength) {
        case KappaStrength::poor: return nl ? "slecht" : "poor";
        case KappaStrength::slight: return nl ? "gering" : "slight";
        case KappaStrength::fair: return nl ? "matig" : "fair";
        case KappaStrength::moderate: return nl ? "redelijk" : "moderate";
        case KappaStrength::substantial: return nl ? "aanzienlijk" : "substantial";
        case KappaStrength::almost_perfect: return nl ? "bijna perfect" : "almost perfect";
    }
    return "";
}

AlphaVerdict krippendorff_verdict(double alpha) {
    if (alpha >= alpha_reliable_threshold) return AlphaVerdict::reliable;
    if (alpha >= alpha_tentative_threshold) return AlphaVerdict::tentative;
    return AlphaVerdict::insufficient;
}

const char* alpha_verdict_key(AlphaVerdict verdict) {
    switch (verdict) {
        case AlphaVerdict::insufficient: return "insufficient";
        case AlphaVerdict::tentative: return "tentative";
        case AlphaVerdict::reliable: return "reliable";
    }
    return "";
}

const char* alpha_verdict_label(AlphaVerdict verdict, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (verdict) {
        case AlphaVerdict::insufficient: return nl ? "onvoldoende (< 0,667)" : "insufficient (< 0.667)";
        case AlphaVerdict::tentative: return nl ? "voorlopige conclusies (>= 0,667)" : "tentative conclusions (>= 0.667)";
        case AlphaVerdict::reliable: return nl ? "betrouwbaar (>= 0,800)" : "reliable (>= 0.800)";
    }
    return "";
}

AgreementFigures measure_agreement(const std::vector<CodedUnit>& units, std::size_t categories,
                                   const BootstrapSettings& bootstrap) {
    AgreementFigures figures;
    figures.bootstrap = bootstrap;
    figures.table = agreement_table(units, categories);
    std::vector<CodedUnit> complete;
    for (const CodedUnit& unit : units)
        if (unit.second && unit.first < categories && *unit.second < categories) complete.push_back(unit);
    figures.percent = with_bootstrap(figures.table, complete, bootstrap, percent_agreement);
    figures.kappa = with_bootstrap(figures.table, complete, bootstrap, cohen_kappa);
    figures.alpha = with_bootstrap(figures.table, complete, bootstrap, krippendorff_alpha_nominal);
    if (const auto kappa = figures.kappa.estimate.value) {
        figures.kappa_strength = landis_koch_strength(*kappa);
        figures.kappa_substantial = *kappa >= kappa_substantial_threshold;
    }
    if (const auto alpha = figures.alpha.estimate.value) figures.alpha_verdict = krippendorff_verdict(*alpha);
    return figures;
}

}  // namespace radar
