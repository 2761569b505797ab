// HISTORY for the commands that read the team's recorded work (`report`, `model-card`): a backup
// file (validated in full: events, frozen batches, saved model versions and the label definition
// setting) or a plain events file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/screening/confirmed_risk.hpp"
#include "core/screening/screening_event.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar::cli {

struct HistoryFile {
    std::vector<ScreeningEvent> events;
    std::vector<FrozenBatch> batches;       // only a backup has them
    std::vector<std::string> model_records;  // saved model versions (ModelRegistry records); backup only
    // The team's "risk confirmed" definition (the app's label_definition setting); backup only.
    std::optional<LabelDefinition> label_definition;
};

// A file starting with '{' is a backup, anything else an events file. Errors name the file.
Checked<HistoryFile> load_history_file(const std::string& path);

}  // namespace radar::cli
