// The default scoring model until a full model engine replaces it: a transparent table of
// capped point terms over dossier fields. Every score keeps its per-term contributions (the "why").
#pragma once

#include <string>
#include <vector>

#include "dataset.hpp"

namespace radar {

struct ModelTerm {
    std::string key;
    std::string label_nl;
    std::string label_en;
};

struct DossierScore {
    double points = 0.0;
    std::vector<float> contributions;  // one per model term, same order as StarterModel::terms()
};

class StarterModel {
public:
    static const std::vector<ModelTerm>& terms();
    // Fields the model reads; a dataset lacking one of them cannot be scored.
    static std::vector<std::string> required_fields();
    // Scores every row "as of" the reference date (ages of inspections/signals are counted from it).
    static std::vector<DossierScore> score(const Dataset& dataset, DayNumber reference_date);
};

}  // namespace radar
