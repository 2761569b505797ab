// A logistic model fitted on dataset columns (feature_design + lambda_selection +
// logistic_regression), and the model file that reproduces it (a ModelSpec with
// `logistic = true`, display mapping `probability`, one parameter per feature column).
//
//     FitRequest request;  request.features = {...}; request.rows = ...; request.positive = ...;
//     Checked<FittedModel> fitted = fit_logistic_model(dataset, request);
//     ModelSpec spec = fitted_model_spec(*fitted, description);  // passes check_model_spec
//
// Scoring `spec` with a ScoringEngine at the fit's reference date gives, for every fitted row,
// the fit's linear predictor as raw score (up to the order of the floating-point sums).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/evaluation/feature_design.hpp"
#include "core/evaluation/lambda_selection.hpp"
#include "core/evaluation/logistic_regression.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

struct FitRequest {
    std::vector<std::string> features;   // dataset column names
    std::vector<std::size_t> rows;       // dataset rows with a known outcome
    std::vector<std::uint8_t> positive;  // one 0/1 per entry of `rows`
    std::vector<std::int64_t> periods;   // empty, or one per entry of `rows`: temporal cross-validation
    DayNumber reference_date = 0;        // ages of date columns are counted up to this day
    std::set<std::string> protected_fields;
    // A fixed λ skips cross-validation (e.g. 0 to reproduce a published unpenalised fit).
    std::optional<double> lambda;
    LambdaSelectionOptions selection;
    std::size_t max_levels = 50;
};

struct FittedModel {
    FeatureDesign design;
    LogisticFit fit;
    std::optional<LambdaChoice> choice;  // none when the request fixed λ
    // One per fitted row: intercept + Σ coefficient · design value.
    std::vector<double> linear_predictor;
};

// Refuses with the reason (unknown/protected/constant column, one outcome only, singular design,
// no usable cross-validation) and never returns a fit that did not converge.
Checked<FittedModel> fit_logistic_model(const Dataset& dataset, const FitRequest& request);

// What the model file says about itself. Field labels default to the column name.
struct FittedModelDescription {
    std::string id = "fitted-logistic";
    std::string author = "radar fit";
    std::string created_at;  // YYYY-MM-DD
    std::string label_name;  // the outcome column the model was fitted on
    std::string data_name;   // e.g. the file name
    std::map<std::string, LocalText> field_labels;
};

ModelSpec fitted_model_spec(const FittedModel& fitted, const FittedModelDescription& description);

}  // namespace radar
