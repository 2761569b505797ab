// Deterministic synthetic Flemish childcare dossiers for demos and tests. Every dossier carries
// a hidden "true risk" kept outside the dataset, so later evaluations can show how well a score finds it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/data/dataset.hpp"

namespace radar {

struct DemoSettings {
    std::size_t dossier_count = 2400;
    std::uint64_t seed = 20231201;
    DayNumber export_date = 0;  // data are "as of" this day; callers pass the first of a month
};

struct DemoData {
    Dataset dataset;
    // Per row: the latent probability that a full screening would find a real risk (0..1),
    // and whether it actually would. Never part of the dataset columns a model can see.
    std::vector<double> true_risk_probability;
    std::vector<std::uint8_t> true_risk;
};

DemoData generate_demo_data(const DemoSettings& settings);

}  // namespace radar
