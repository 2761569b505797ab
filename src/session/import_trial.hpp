// The active model tried on an import before it is taken over, in steps (a 1M-row import is
// scored over several frames): why it would be refused, or the engine that scored it, kept so
// that taking the import over does not score it a second time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/scoring_engine.hpp"

namespace radar::session {

struct ImportTrial {
    std::string refusal;                      // "" when the active model takes the import
    std::optional<ScoringEngineBuild> build;  // while the model is being tried
    std::optional<ScoringEngine> engine;      // the import's dataset scored (when not refused)
    std::uint64_t model_generation = 0;       // Session::model_generation() the trial ran under

    bool decided() const { return !build; }
    double progress() const { return build ? build->progress() : 1.0; }
};

}  // namespace radar::session
