// The screening rules the views, the automation hook and the session tests share: whether this
// page may write now, committing the month's batch, and saving a code (the draft's validation,
// the coding or correction request, the follow-up), recording an outcome. Refusals are translated
// texts.
#pragma once

#include <optional>
#include <string>

#include "core/screening/screening_state.hpp"
#include "core/selection/frozen_batch.hpp"
#include "session/session.hpp"

namespace radar::session {

// Why this page cannot write screening work now (the store is still opening, or another tab
// writes), or "" when it can. Memory-only work may be written (it is said elsewhere).
const char* write_blocker(const Session& state);
// Why this page cannot record a screener's action now (no screener name, or write_blocker), or "".
const char* action_blocker(const Session& state);

// Why the previewed batch cannot be committed now, or "" when it can.
const char* commit_blocker(const Session& state, const BatchPreview& preview);
// Freezes the previewed batch and submits it with its event in one store commit; it becomes the
// batch the screening screen works on. False when refused (see commit_blocker).
bool commit_preview(Session& state, const BatchPreview& preview);

// A dossier's code of one batch, as the screener enters it.
struct CodingDraft {
    std::optional<ScreeningCode> code;
    std::string note;
    bool correcting = false;            // replaces the dossier's code in this batch
    std::string correction_reason;      // required when correcting
    FollowUpType follow_up_type = FollowUpType::inspection_visit;
    std::string due_date;               // as typed; required for Verder onderzoek nodig
};

// Why a draft was not submitted.
struct CodingRefusal {
    const char* message = "";  // translated
    std::string detail;        // the core's refusal, when it refused
    bool focus_note = false;   // the note (or correction reason) is what is missing
};

// Validates the draft and submits its events (a coding with its follow-up, or a correction of
// the dossier's code in this batch); nothing is submitted when refused. Also refused, without a
// message, while the dossier's previous save is still under way or when it is coded already and
// the draft is not a correction. A store that confirms at once (the folder store) folds the events
// before this returns: `batch` and `member`, read from the folded state, may then be gone.
std::optional<CodingRefusal> save_coding(Session& state, const BatchState& batch, const BatchMember& member,
                                         const CodingDraft& draft);

// An outcome after a screening, as the form's Save button and the automation hook hand it over: a new outcome when
// `corrects` is empty, else a correction (or withdrawal) of that outcome id.
struct OutcomeInput {
    std::string dossier_id;
    std::string corrects;
    bool withdraw = false;
    std::string reason;
    OutcomeDetails details;
};

// Checks and submits; "" when submitted, else why not (a translated text, or the core's refusal).
std::string submit_outcome(Session& state, const OutcomeInput& input);

// The save-status subject of a dossier's outcomes: "outcome:<dossier id>".
std::string outcome_subject(const std::string& dossier_id);

// The dossier's screening in this batch, if it has one (after corrections, not withdrawn).
const EffectiveScreening* screening_in_batch(const ScreeningState& screening, const std::string& dossier_id,
                                             const std::string& batch_id);
// Whether the member's kind, rank, score and reasons are hidden: a blind batch, not yet coded.
bool member_hidden(const BatchState& batch, const BatchMember& member);
// The percentile the note rule compares the code with; none when the screener does not see it
// (a control-sample dossier, or any dossier of a blind batch before its code is saved).
std::optional<double> visible_percentile(const BatchState& batch, const BatchMember& member);

}  // namespace radar::session
