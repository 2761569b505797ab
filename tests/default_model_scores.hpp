// Test helper: raw scores of a dataset under the default model (assets/models/default.json).
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/model/model_json.hpp"
#include "core/model/scoring_engine.hpp"

inline std::vector<double> default_model_scores(const radar::Dataset& dataset, radar::DayNumber reference_date) {
    std::ifstream file(std::string(RADAR_ASSETS_DIR) + "/models/default.json", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    const radar::ModelParseResult parsed = radar::parse_model_json(text.str());
    REQUIRE(parsed.ok());
    radar::ScoringContext context;
    context.reference_date = reference_date;
    radar::EngineResult created = radar::ScoringEngine::create(*parsed.spec, dataset, context);
    REQUIRE(created.engine);
    return created.engine->raw_scores();
}
