// Monthly batches: previewing next month's batch, freezing it on commit (everything needed to
// audit and re-run it), its JSON form, and the check that re-running the rule reproduces it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/screening/screening_actions.hpp"
#include "core/selection/batch_audit_record.hpp"
#include "core/selection/selection_rule.hpp"

namespace radar {

// The newest batch schema this app reads. Version 2 adds the double-coding settings (when not the
// default) and the audit at commit; a batch without either is written as version 1, as before.
constexpr int batch_schema_version = 2;

// Made by decide_preview_request (preview_request.hpp), the one place that decides it.
struct PreviewRequest {
    DayNumber reference_date = 0;  // the batch month is this date's month
    DayNumber scores_as_of = 0;    // the day the scores were computed for (ages counted up to it)
    SelectionSettings settings;    // with the control sample's seed
    bool supplementary = false;  // a second (third...) batch in the same month, explicitly asked for
    std::string model_version_id;
    std::string dataset_hash;  // dataset_sha256 of the dataset, or the stored snapshot's hash
};

struct BatchPreview {
    std::string batch_id;  // "YYYY-MM", or "YYYY-MM-sN" for the N-th supplementary batch
    std::string month;     // "YYYY-MM"
    bool supplementary = false;
    DayNumber scores_as_of = 0;
    std::string model_version_id;
    std::string dataset_hash;
    std::uint32_t dataset_rows = 0;
    SelectionHistory history;  // the facts used, for the dossiers of this dataset
    SelectionOutcome outcome;  // decisions and reasons for every dossier
};

// Previews the batch for the reference date's month. Refused when that month already has a
// regular batch and `supplementary` is not set (or vice versa), or when the rule cannot run.
// `known_order`: as for run_selection_rule.
Checked<BatchPreview> preview_batch(const Dataset& dataset, const std::vector<double>& scores,
                                    const ScreeningState& state, const PreviewRequest& request,
                                    const std::vector<std::uint32_t>* known_order = nullptr);

struct FrozenMember {
    std::string dossier_id;
    double score = 0.0;
    std::uint32_t rank = 0;
    SelectionKind kind = SelectionKind::top_n;
    std::optional<DayNumber> last_screened;  // overrides: the screening whose cooldown was broken
    std::optional<DayNumber> signal_date;    // overrides: the signal that broke it
    std::optional<DayNumber> unseen_since;   // coverage floor: last inspection / start date
};

struct HeldBack {
    std::string dossier_id;
    std::uint32_t rank = 0;
    double score = 0.0;
    DayNumber last_screened = 0;
    DayNumber cooldown_until = 0;
};

struct RecordedFacts {
    std::string dossier_id;
    DossierFacts facts;
};

struct FrozenBatch {
    int schema_version = 1;  // as read; written as at least the version its fields need
    std::string batch_id;
    std::string month;
    bool supplementary = false;
    Timestamp created_at;
    std::string created_by;
    DayNumber reference_date = 0;
    // The day the scores were computed for; batches from before this field mean reference_date.
    DayNumber scores_as_of = 0;
    SelectionSettings settings;  // control_seed included
    std::string model_version_id;
    std::string dataset_hash;
    std::uint32_t dataset_rows = 0;
    std::vector<RecordedFacts> history;  // screening facts the rule saw (dossiers of the dataset)
    std::vector<FrozenMember> members;   // in selection order
    std::vector<HeldBack> held_back;
    // The group audit of the selection as the team saw it at commit (none for batches frozen
    // before it was recorded, or when no grouping could be audited).
    std::optional<BatchAuditRecord> audit_at_commit;
};

struct CommittedBatch {
    FrozenBatch batch;
    ScreeningEvent event;  // the batch_committed event; store both in one transaction
};

// Freezes a preview. Refused when nothing was selected or when the state meanwhile holds a
// batch with the same id.
Checked<CommittedBatch> commit_batch(const BatchPreview& preview, const ScreeningState& state, const EventStamp& stamp);

BatchCommitted batch_committed_payload(const FrozenBatch& batch);

Json batch_to_json(const FrozenBatch& batch);
Checked<FrozenBatch> batch_from_json(const Json& value, const std::string& context = "batch");
std::string batch_to_text(const FrozenBatch& batch);  // canonical JSON
Checked<FrozenBatch> parse_batch(std::string_view text);

struct ReproductionReport {
    bool reproduced = false;
    std::vector<std::string> differences;  // empty when reproduced
};

// Re-runs the rule with the batch's recorded settings, reference date and history facts on the
// given dataset and scores (which must be computed as of the batch's scores_as_of; see
// batch_verification.hpp), and lists every difference (dataset hash, model version, members,
// kinds, ranks, scores, held-back list).
ReproductionReport reproduce_batch(const FrozenBatch& batch, const Dataset& dataset, const std::vector<double>& scores,
                                   const std::string& model_version_id, const std::string& dataset_hash);

}  // namespace radar
