// The whole fairness and consistency audit of a period (issue #18), as the CLI, the audit screen
// and the report show it: the group audit of each grouping, the agreement of the blind double
// coding (overall, per month, per screener pair) with the disagreements awaiting adjudication, and
// the automation-bias figures.
#pragma once

#include <string>
#include <vector>

#include "core/fairness/automation_bias.hpp"
#include "core/fairness/group_audit.hpp"

namespace radar {

struct AuditReport {
    AuditSettings settings;
    BootstrapSettings bootstrap;
    std::vector<GroupAudit> groupings;
    bool groupings_chosen = false;  // the user chose them (otherwise default_groupings)
    CoderAgreement agreement;
    AutomationBiasFigures automation_bias;
    std::vector<std::string> issues;  // second codes or adjudications that could not be used
};

// The groupings to audit for the one a user chose, named as typed (`radar audit --group`, the app's
// audit screen): organiser_size_grouping, a column's name in any case, or the export header that
// maps to it ("Provincie"); "" chooses none, that is the default groupings ({}). A name that finds
// no column is passed on, so that build_audit fails listing the groupings available.
std::vector<std::string> chosen_groupings(const Dataset& dataset, const FieldDictionary* dictionary,
                                          const std::string& name);

// `groupings`: names as grouping_named takes them; empty means default_groupings. Fails on an
// unknown grouping or reference group, naming it. Points into `state` (keep it alive).
Checked<AuditReport> build_audit(const Dataset& dataset, const FieldDictionary* dictionary,
                                 const std::vector<std::string>& groupings, const ScreeningState& state,
                                 const std::vector<FrozenBatch>& batches, const AuditSettings& settings,
                                 const BootstrapSettings& bootstrap = {});

}  // namespace radar
