// Dataset columns -> the number matrix a logistic fit reads, by column TYPE (never by name):
//   integer/number  the value as it is                          -> model transform `linear`
//   date            age in days at the reference date           -> model transform `time_since` (days)
//   text            one 0/1 column per level except the most    -> model transform `categorical`
//                   frequent one (the reference; ties: the
//                   alphabetically first)
// Missing values: a number or date gets the mean of the present values (over the fitted rows); a
// missing text counts as the reference level. A level not seen when fitting also counts as the
// reference (contributes 0). The model file written from the fit states the same policy, so
// scoring it reproduces the fitted linear predictor. Refused: an unknown or protected column, a
// column missing on every fitted row, a column with one value on every fitted row, a text column
// with more levels than the limit (an id or free text, not a category).
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/evaluation/logistic_regression.hpp"

namespace radar {

enum class FeatureKind { number, age_in_days, category };

struct FeatureEncoding {
    std::string field;
    FeatureKind kind = FeatureKind::number;
    double fill = 0.0;                // number / age: the value used for a missing cell (the mean)
    std::string reference_level;      // category: the level without a column
    std::vector<std::string> levels;  // category: one design column per level, in this order
    std::size_t missing = 0;          // fitted rows where the cell was missing
    std::size_t first_column = 0;     // its first design column
    std::size_t column_count() const { return kind == FeatureKind::category ? levels.size() : 1; }
};

struct FeatureDesign {
    std::vector<FeatureEncoding> features;
    DesignMatrix matrix;           // one row per fitted row, in the order given
    DayNumber reference_date = 0;  // ages are counted up to this day
};

struct FeatureDesignRequest {
    std::vector<std::string> fields;
    std::vector<std::size_t> rows;  // dataset rows to fit on
    DayNumber reference_date = 0;
    std::set<std::string> protected_fields;  // besides columns the importer marked protected
    std::size_t max_levels = 50;             // more distinct texts: refused
};

Checked<FeatureDesign> build_feature_design(const Dataset& dataset, const FeatureDesignRequest& request);

}  // namespace radar
