// Blind double coding in the running app (issue #18): the current screener's queue of second codes
// (only what a blind coder may see), saving a second code, the disagreements awaiting
// adjudication and saving an adjudication. Each save goes through the same rules and store path
// as an ordinary coding (action_blocker, Session::submit); refusals are translated texts. The
// agreement figures are AuditWork::agreement (audit_work.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/screening/screening_event.hpp"
#include "session/session.hpp"

namespace radar::session {

// A dossier waiting for the current screener's second code: which batch and which dossier (its
// data through `row`), nothing of the first code, its note, the score, rank or selection kind.
struct SecondCodeItem {
    std::string batch_id;
    std::string month;  // the batch's, YYYY-MM
    std::string dossier_id;
    std::optional<std::size_t> row;  // the dossier's row in the current dataset; none when not in it
};

// Members drawn for double coding in a committed batch (double_coding_sample with the batch's
// recorded control seed and the default share: 10%, at least 3), whose screening in the batch
// exists and was made by another screener than the current one, and that have no second code
// there yet; by batch (oldest commit first), then member order. Empty without a screener name.
std::vector<SecondCodeItem> second_code_queue(const Session& state);

// Whether the dossier waits for the current screener's second code (it is in second_code_queue):
// then every view shows no code, note, correction, adjudication or follow-up of it, only
// hidden_until_second_code, until that second code is saved. The queue's dossiers are worked out
// once per work generation and screener, so asking per row and frame is cheap.
bool awaiting_second_code(const Session& state, const std::string& dossier_id);
// Whether a timeline event is hidden from a screener awaiting_second_code: everything but the
// batch's commit and close (codes, notes, corrections, follow-ups, outcomes, adjudications).
bool hidden_until_second_code(const ScreeningEvent& event);

struct SecondCodeDraft {
    std::optional<ScreeningCode> code;
    std::string note;
};

// Submits the current screener's second blind code of a dossier in a batch; "" when submitted, else
// why not: action_blocker, no code chosen, the dossier not drawn in the batch, no first code yet,
// the screener gave the first code, a second code exists already (or is being saved).
std::string save_second_code(Session& state, const std::string& batch_id, const std::string& dossier_id,
                             const SecondCodeDraft& draft);

// A double-coded dossier whose two codes differ and that awaits adjudication: both codes, their
// screeners and notes, for whoever decides.
struct Disagreement {
    std::string batch_id;
    std::string month;
    std::string dossier_id;
    std::optional<std::size_t> row;
    std::string first_screener;
    ScreeningCode first_code = ScreeningCode::geen_risico;  // the first screener's own code
    std::string first_note;
    std::string second_screener;
    ScreeningCode second_code = ScreeningCode::geen_risico;
    std::string second_note;
};

// Every batch's disagreements awaiting adjudication, by month, batch and dossier.
std::vector<Disagreement> disagreements_awaiting(const Session& state);

struct AdjudicationDraft {
    std::optional<ScreeningCode> final_code;
    std::string reason;  // required
};

// Submits the decision on a disagreement (record_adjudication): the final code becomes the
// dossier's code in the batch. "" when submitted, else why not: action_blocker, no code chosen, no
// reason, nothing awaiting adjudication for the dossier in the batch (or it is being saved).
std::string save_adjudication(Session& state, const std::string& batch_id, const std::string& dossier_id,
                              const AdjudicationDraft& draft);

// The save-status subjects: "second-code:<batch id>:<dossier id>", "adjudication:<batch id>:<dossier id>".
std::string second_code_subject(const std::string& batch_id, const std::string& dossier_id);
std::string adjudication_subject(const std::string& batch_id, const std::string& dossier_id);

}  // namespace radar::session
