// What a raw score becomes for people: the optional logistic probability and the 0-100 display
// score, with the definition of that score in words (the UI shows it next to the score).
#pragma once

#include <optional>

#include "core/model/model_spec.hpp"

namespace radar {

// 1 / (1 + exp(-raw)).
double logistic_probability(double raw_score);

// The model's display mapping of a raw score, always within 0..100.
double display_score(const ModelSpec& spec, double raw_score);

// e.g. "Display score = (raw score - 0) / (60 - 0) x 100, limited to 0-100. The raw score is the
// intercept (0) plus the points of all 12 parameters."
LocalText display_definition(const ModelSpec& spec);

// The lowest and highest raw score the model can give, when every parameter's transform output
// is bounded (a clamp, step, boolean or categorical step somewhere in its pipeline); none otherwise.
// The editor can offer it as the display range ("share of the maximum possible points").
struct ScoreRange {
    double min = 0.0;
    double max = 0.0;
};
std::optional<ScoreRange> possible_score_range(const ModelSpec& spec);

// The most points (in absolute value) any one parameter can give, when every parameter is
// bounded: one scale for the reason bars of every dossier, so equal bars mean equal points.
std::optional<double> largest_parameter_points(const ModelSpec& spec);

// How an explanation's "share" is computed (shown as a tooltip next to the shares).
LocalText share_definition();

}  // namespace radar
