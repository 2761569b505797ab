// Proxy warning: how strongly each model parameter's points follow a protected attribute present
// in the data. Protected columns are never model inputs, but another input can stand in for one
// (a postcode for origin); the user must judge that, so this warns and never refuses.
//
// The statistic is the correlation ratio η (eta) of the parameter's points across the groups of
// the protected column: η² is the share of the points' variance explained by group membership
// (0 = the points do not differ between groups, 1 = the group fixes the points). It is adjusted
// for the numbers of groups and dossiers (ε² = 1 − (SS_within / (n − k)) / (SS_total / (n − 1)),
// η = √max(0, ε²)), so a small export does not warn by chance. Text columns group by value;
// number and date columns by quintile. Values held by fewer than `min_group_rows` dossiers are
// pooled into one group, and missing values form their own group, so rare categories do not
// inflate η. A pair warns at η ≥ `threshold` (default 0.3, i.e. the protected attribute explains
// at least 9% of the variance: a medium effect in Cohen's terms).
#pragma once

#include <string>
#include <vector>

#include "core/model/scoring_engine.hpp"

namespace radar {

struct ProxySettings {
    double threshold = 0.3;
    std::size_t min_group_rows = 10;
};

struct ProxyMeasure {
    std::string parameter_id;
    std::string protected_column;
    double eta = 0.0;          // 0..1
    std::size_t groups = 0;    // groups compared (after pooling)
    bool warns = false;        // eta >= threshold
};

// The protected columns of the engine's dataset: marked by the importer or named in the
// engine's protected fields.
std::vector<const Column*> protected_columns(const ScoringEngine& engine);

// One measure per (parameter, protected column), parameters in model order; empty when the data
// has no protected column.
std::vector<ProxyMeasure> measure_proxies(const ScoringEngine& engine, const ProxySettings& settings = {});

// "parameter 'postcode' follows protected column 'nationality' (η = 0.42, threshold 0.30)".
std::string describe_proxy(const ProxyMeasure& measure, const ProxySettings& settings = {});

}  // namespace radar
