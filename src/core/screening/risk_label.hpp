// Risk labels that expire: a dossier whose latest screening says Risico or Verder onderzoek
// nodig carries that label for a limited time (default 12 months from the screening date),
// unless a later screening confirms it again (the latest screening always decides). A label
// in its last `expiring_within_days` is "expiring"; after its end it is no longer current, so no
// dossier is marked forever.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/screening/screening_state.hpp"

namespace radar {

struct RiskLabelSettings {
    int valid_months = 12;
    int expiring_within_days = 30;
};

enum class RiskLabelStatus { current, expiring, expired };

struct RiskLabel {
    std::string dossier_id;
    ScreeningCode code = ScreeningCode::risico;
    DayNumber labelled_on = 0;  // the screening date that set (or confirmed) the label
    DayNumber valid_until = 0;  // first day it no longer holds
    RiskLabelStatus status = RiskLabelStatus::current;
};

// The dossier's label as of `today`: none when its latest screening is Geen risico or it has none.
std::optional<RiskLabel> risk_label(const ScreeningState& state, const std::string& dossier_id, DayNumber today,
                                    const RiskLabelSettings& settings);

// Every dossier's label as of `today` (expired ones included, flagged), ordered by the day it
// ends, then dossier id.
std::vector<RiskLabel> risk_labels(const ScreeningState& state, DayNumber today, const RiskLabelSettings& settings);

// Checks a validity typed by a user or given on the command line: 1..120 months.
bool valid_label_months(int months);

}  // namespace radar
