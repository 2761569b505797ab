// Shared by CLI commands: reading a text file, and scoring a dataset with a model JSON file
// through the model engine (the version id names the model and a fingerprint of its JSON).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checked.hpp"
#include "dataset.hpp"

namespace radar::cli {

std::optional<std::string> read_text_file(const std::string& path);

struct ModelFileScores {
    std::vector<double> raw_scores;
    std::string model_version_id;  // "<model id>@sha256:<first 16 hex of its canonical JSON>"
};

Checked<ModelFileScores> score_with_model_file(const std::string& path, const Dataset& dataset, DayNumber reference_date);

}  // namespace radar::cli
