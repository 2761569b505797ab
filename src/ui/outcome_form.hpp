// Outcomes after screening in the screening view: the dossier's current outcomes (each can be
// corrected or withdrawn) and a small form, opened by its button or the O key, to record what
// followed its latest screening (type,
// measure / handed over to / inspection result, date defaulting to today, note). Saved through
// Session::submit like codes, under the subject "outcome:<dossier id>".
#pragma once

#include <array>
#include <optional>
#include <string>

#include "screening/screening_event.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// What is being entered; reset when another dossier is shown.
struct OutcomeDraft {
    std::string dossier_id;
    std::string corrects;  // outcome id being corrected or withdrawn ("" for a new outcome)
    bool withdraw = false;
    bool open = false;  // the form is shown (the list alone otherwise)
    OutcomeDetails details;
    std::array<char, 200> handed_over_to{};
    std::array<char, 40> date{};
    std::array<char, 1024> note{};
    std::array<char, 512> reason{};
    std::string message;
};


// The section for one dossier; `focus_form` (the O key) opens the form, scrolls to it and puts the
// keyboard in its note field (Enter saves; Tab reaches the other fields).
void draw_outcomes_section(Session& state, OutcomeDraft& draft, const std::string& dossier_id, bool focus_form);

// What the automation hook (and the form's Save button) hands over: a new outcome when
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

std::string outcome_subject(const std::string& dossier_id);

}  // namespace radar::ui
