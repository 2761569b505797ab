// The demo's year of simulated work, the same for the browser's demo workspace and for
// `radar demo-history`: the synthetic dossiers scored by a model and, from a month half-way, by a
// revised version of it; the months of batches, codes, notes, corrections, follow-ups, outcomes and
// double coding the simulation makes with them; each batch with the group audit of its commit; and
// the model versions the batches name. Deterministic: the same inputs give the same content.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/backup/backup_format.hpp"
#include "core/base/checked.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/field_dictionary.hpp"
#include "core/model/model_registry.hpp"
#include "core/selection/demo_history.hpp"

namespace radar {

struct DemoYearSettings {
    DayNumber first_month = 0;  // first day of the first simulated month
    int months = 12;
    DayNumber scores_as_of = 0;  // the day the model scores the dossiers as of (the scoring context's)
    // From this month (1 = the first) batches are selected by the revised version
    // (demo_model_revision); 0: one version throughout.
    int model_change_month = 0;
    SelectionSettings selection;
    std::uint64_t seed = 1;
    std::size_t corrections = 0;  // screenings corrected later, at most one a month
    std::set<std::string> protected_fields;  // no model may read them
};

struct DemoYear {
    DemoHistory history;                // batches carry their audit at commit
    std::vector<ModelVersion> versions;  // version 1 the given model, version 2 the revision if any
};

// The revised version of the demo: complaints and the age of the last inspection weigh more, as a
// team might decide after a half-year's evaluation. Unchanged for a model without those inputs.
ModelSpec demo_model_revision(const ModelSpec& model);
// Why the revision was made (the version's note).
extern const char* const demo_revision_note;

// `model` scores demo.dataset as of settings.scores_as_of; `dictionary` names
// the groupings of each batch's audit at commit (the default ones).
Checked<DemoYear> build_demo_year(const DemoData& demo, const ModelSpec& model, const FieldDictionary* dictionary,
                                  const DemoYearSettings& settings);

// The backup content of the year: its events and batches and, when `with_models`, the versions
// with the last one active (the active_model_setting).
BackupContent demo_year_backup_content(const DemoYear& year, bool with_models);

}  // namespace radar
