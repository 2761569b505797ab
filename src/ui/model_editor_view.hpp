// The "Model" screen: the active model's parameters with live weight and threshold editing, the
// ranking movement against the active version, and saving, activating, importing and exporting versions.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "session/i18n.hpp"
#include "session/session.hpp"
#include "session/whole_file_sink.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

constexpr std::size_t max_model_bytes = 4 * 1024 * 1024;

// What the screen remembers between frames (the model itself lives in Session).
struct EditorState {
    ModelSpec based_on;                  // the engine's model the draft started from
    ModelSpec draft;                     // what the widgets show and edit
    std::vector<ModelProblem> problems;  // why the draft was refused (engine unchanged)
    // The text of a number field while it is being typed in, by ImGui id; applied (or refused) on
    // Enter or when the field loses focus, then forgotten.
    std::map<ImGuiID, std::string> typing;
    // The last typed entry that was not a number, shown in its parameter's row until the next
    // number is entered or the model changes; the field itself went back to the value it had.
    struct Refusal {
        std::string parameter;
        std::string text;
    };
    std::optional<Refusal> refused;
    std::array<char, 96> author{};
    std::array<char, 256> note{};
    // Outcome of the last save or import, formatted when drawn so it follows the language.
    std::optional<TextId> message;
    std::string message_file;
    int message_version = 0;
    std::string message_fingerprint;  // of the saved or imported version: its store save state
    std::vector<ModelProblem> message_problems;
    WholeFileSink sink{max_model_bytes, [] { return std::string(tr(TextId::import_too_large)); }};
};

void draw_model_editor_view(Session& state, const Fonts& fonts, EditorState& editor_state);

}  // namespace radar::ui
