// The "Screening" screen (issue #6): the open batch's queue with progress, the chosen dossier
// with its reasons and history, and the coding form (1/2/3, Enter, J/K; corrections as new events).
#pragma once

#include <array>
#include <optional>
#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// What the screener is entering for the current dossier; reset when another dossier is chosen.
struct ScreeningDraft {
    std::string dossier_id;
    std::optional<ScreeningCode> code;
    std::array<char, 1024> note{};
    std::array<char, 512> reason{};  // corrections only
    FollowUpType follow_up_type = FollowUpType::inspection_visit;
    std::array<char, 40> due_date{};
    bool correcting = false;
    bool focus_note = false;        // put the keyboard in the note field in the next frame
    const char* message = nullptr;  // why the last save was refused (a translated text)
    std::string detail;             // the core's refusal, when it refused
};

// What the screen remembers between frames: the queue filter, the save to follow, the draft.
struct ScreeningViewState {
    bool only_uncoded = false;
    std::string advance_after_save;  // the dossier whose save, once confirmed, moves on to the next
    ScreeningDraft draft;
};

struct ViewState;

void draw_screening_view(Session& state, const Fonts& fonts, ViewState& views);

}  // namespace radar::ui
