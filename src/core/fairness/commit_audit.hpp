// The group audit a batch carries from its commit (selection/batch_audit_record.hpp): the app, the
// CLI's `radar select --freeze` and the simulated history record it with the same function, and
// `radar audit` shows what each batch recorded.
#pragma once

#include <string>
#include <vector>

#include "core/fairness/group_audit.hpp"

namespace radar {

// The selection figures of `batch` per grouping (names as build_audit takes them; empty: the
// default groupings), with the band, reference group and "too few" floor of `settings` (its labels,
// day and period are not used). Fails like build_audit on an unknown grouping or reference group.
Checked<BatchAuditRecord> audit_at_commit(const Dataset& dataset, const FieldDictionary* dictionary,
                                          const std::vector<std::string>& groupings, const FrozenBatch& batch,
                                          const AuditSettings& settings);

// What `radar audit` adds for the batches of `period` (months; open ends), by month: each batch's
// id, month, who froze it when, and its recorded audit (null when it has none).
Json audits_at_commit_json(const std::vector<FrozenBatch>& batches, const MonthRange& period);
// The same as text with Dutch / English labels: per batch the band of that day and per grouping
// the groups outside it (or "all inside"), the too-few groups named apart.
std::string audits_at_commit_text(const std::vector<FrozenBatch>& batches, const MonthRange& period);

}  // namespace radar
