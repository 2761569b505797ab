// The Chicago-style replay (CDPH food inspections, 2014): take the dossiers that were actually
// screened, on their real days; give the same list of days, in order, to the same dossiers
// ordered by score (highest first), so every day keeps its real capacity; compare when the
// positives are reached. Only labelled dossiers are re-ordered, so selective labels do not enter.
//
// Ties in score keep their real order (earlier real day first, then input order).
// "First half of the period": a day whose offset from the first day is below half the number of
// days from the first to the last day inclusive (days 0..9: offsets 0..4).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/base/checked.hpp"
#include "core/time/civil_date.hpp"

namespace radar {

struct ScreenedVisit {
    DayNumber day = 0;  // the real screening day
    double score = 0.0;
    bool positive = false;
};

struct ReplayResult {
    std::size_t visits = 0;
    std::size_t positives = 0;
    DayNumber first_day = 0;
    DayNumber last_day = 0;
    std::vector<DayNumber> replay_days;  // per input visit: its day in the replay
    // Mean over positives of (real day − replayed day): > 0 means the score reaches them earlier.
    std::optional<double> mean_days_earlier;
    std::size_t positives_first_half_actual = 0;
    std::size_t positives_first_half_replay = 0;
    std::optional<double> share_first_half_actual;  // of all positives; none without positives
    std::optional<double> share_first_half_replay;
};

// Refuses an empty list.
Checked<ReplayResult> replay_by_score(const std::vector<ScreenedVisit>& visits);

}  // namespace radar
