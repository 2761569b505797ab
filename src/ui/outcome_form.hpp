// Outcomes after screening in the screening view: the dossier's current outcomes (each can be
// corrected or withdrawn) and a small form, opened by its button or the O key, to record what
// followed its latest screening (type, measure / handed over to / inspection result, date
// defaulting to today, note). Saved through the session's submit_outcome (screening_work.hpp).
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/screening/screening_event.hpp"
#include "session/screening_work.hpp"
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


}  // namespace radar::ui
