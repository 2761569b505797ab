// The report screen's audit section "Eerlijkheid en consistentie": the key agreement and
// automation-bias figures of the period's audit and a compact disparity chart of the first
// grouping's pooled selection rates, with a way to the Audit tab for the details.
#pragma once

#include "core/fairness/audit_report.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// `audit`: the audit of the report's batch months (AuditWork::audit); null while the store opens.
void draw_report_audit(const Session& state, const Checked<AuditReport>* audit, const Fonts& fonts);

}  // namespace radar::ui
