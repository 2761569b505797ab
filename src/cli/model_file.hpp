// Shared by CLI commands: reading a text file, and scoring a dataset with a model JSON file
// through the model engine (the version id names the model and a fingerprint of its JSON).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"

namespace radar::cli {

std::optional<std::string> read_text_file(const std::string& path);

// The model in a model JSON file, or why it is refused.
Checked<ModelSpec> read_model_file(const std::string& path);

struct ModelFileScores {
    std::vector<double> raw_scores;
    std::string model_version_id;  // "<model id>@sha256:<first 16 hex of its canonical JSON>"
};

// Scores `dataset` with the model file as of `reference_date`; a model reading a protected field
// (by name, or a column the importer marked protected) is refused.
Checked<ModelFileScores> score_with_model_file(const std::string& path, const Dataset& dataset, DayNumber reference_date,
                                               const std::set<std::string>& protected_fields);

}  // namespace radar::cli
