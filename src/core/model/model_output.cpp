// Logistic and display mappings, and their definitions in Dutch and English.
#include "core/model/model_output.hpp"

#include <algorithm>
#include <cmath>

#include "core/model/number_text.hpp"

namespace radar {

double logistic_probability(double raw_score) { return 1.0 / (1.0 + std::exp(-raw_score)); }

double display_score(const ModelSpec& spec, double raw_score) {
    double score = 0.0;
    if (spec.display.mapping == DisplayMapping::probability) {
        score = 100.0 * logistic_probability(raw_score);
    } else {
        score = 100.0 * (raw_score - spec.display.min) / (spec.display.max - spec.display.min);
    }
    if (!(score >= 0.0)) return 0.0;  // also maps NaN to 0
    return std::min(score, 100.0);
}

LocalText display_definition(const ModelSpec& spec) {
    const std::string intercept = format_number(spec.intercept);
    const std::string count = std::to_string(spec.parameters.size());
    LocalText raw;
    const bool one = spec.parameters.size() == 1;
    raw.nl = "De ruwe score is het intercept (" + intercept + ") plus de punten van " +
             (one ? std::string("de enige parameter.") : "alle " + count + " parameters.");
    raw.en = "The raw score is the intercept (" + intercept + ") plus the points of " +
             (one ? std::string("its one parameter.") : "all " + count + " parameters.");
    if (spec.display.mapping == DisplayMapping::probability) {
        return {"Weergavescore = 100 × 1 / (1 + e^(−ruwe score)): de geschatte kans volgens het logistische model, "
                "in procent. " + raw.nl,
                "Display score = 100 × 1 / (1 + e^(−raw score)): the logistic model's estimated probability, "
                "in percent. " + raw.en};
    }
    const std::string min = format_number(spec.display.min);
    const std::string max = format_number(spec.display.max);
    return {"Weergavescore = (ruwe score − " + min + ") ÷ (" + max + " − " + min + ") × 100, begrensd tot 0–100. " + raw.nl,
            "Display score = (raw score − " + min + ") ÷ (" + max + " − " + min + ") × 100, limited to 0–100. " + raw.en};
}

namespace {

// Bounds of a pipeline's output, followed step by step; none while unbounded.
std::optional<ScoreRange> output_range(const std::vector<Transform>& transforms) {
    std::optional<ScoreRange> range;
    for (const Transform& t : transforms) {
        switch (t.kind) {
        case TransformKind::linear: break;
        case TransformKind::time_since: range.reset(); break;
        case TransformKind::log1p:
            if (range) range = ScoreRange{std::log1p(std::max(range->min, 0.0)), std::log1p(std::max(range->max, 0.0))};
            break;
        case TransformKind::boolean: range = ScoreRange{0.0, 1.0}; break;
        case TransformKind::clamp: {
            const double low = t.min.value_or(range ? range->min : -HUGE_VAL);
            const double high = t.max.value_or(range ? range->max : HUGE_VAL);
            const double lower = range ? std::min(std::max(range->min, low), high) : low;
            const double upper = range ? std::max(std::min(range->max, high), low) : high;
            if (std::isfinite(lower) && std::isfinite(upper)) range = ScoreRange{lower, upper};
            else range.reset();
            break;
        }
        case TransformKind::step: {
            ScoreRange values{t.below, t.below};
            for (const StepBin& bin : t.bins) values = {std::min(values.min, bin.value), std::max(values.max, bin.value)};
            range = values;
            break;
        }
        case TransformKind::categorical: {
            ScoreRange values{t.default_value, t.default_value};
            for (const auto& level : t.levels) values = {std::min(values.min, level.second), std::max(values.max, level.second)};
            range = values;
            break;
        }
        }
    }
    return range;
}

}  // namespace

std::optional<ScoreRange> possible_score_range(const ModelSpec& spec) {
    ScoreRange total{spec.intercept, spec.intercept};
    for (const ModelParameter& parameter : spec.parameters) {
        const auto output = output_range(parameter.transforms);
        if (!output) return std::nullopt;
        double low = std::min(parameter.weight * output->min, parameter.weight * output->max);
        double high = std::max(parameter.weight * output->min, parameter.weight * output->max);
        // A missing input adds the stated points, or nothing when its value is unknown.
        if (parameter.missing.kind != MissingPolicyKind::neutral) {
            const double missing = parameter.missing.kind == MissingPolicyKind::points ? parameter.missing.points : 0.0;
            low = std::min(low, missing);
            high = std::max(high, missing);
        }
        total.min += low;
        total.max += high;
    }
    return total;
}

std::optional<double> largest_parameter_points(const ModelSpec& spec) {
    double largest = 0.0;
    for (const ModelParameter& parameter : spec.parameters) {
        const auto output = output_range(parameter.transforms);
        if (!output) return std::nullopt;
        largest = std::max({largest, std::fabs(parameter.weight * output->min), std::fabs(parameter.weight * output->max)});
        if (parameter.missing.kind == MissingPolicyKind::points) largest = std::max(largest, std::fabs(parameter.missing.points));
    }
    return largest;
}

LocalText share_definition() {
    return {"Aandeel = punten van de parameter ÷ de som van de absolute punten van alle parameters (intercept niet "
            "meegeteld); negatieve punten geven een negatief aandeel.",
            "Share = the parameter's points ÷ the sum of the absolute points of all parameters (intercept not "
            "counted); negative points give a negative share."};
}

}  // namespace radar
