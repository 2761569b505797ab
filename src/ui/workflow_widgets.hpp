// Small pieces shared by the selection and screening screens: the storage banner (read-only,
// memory-only, closed), the screener's name field and the save state of one user action.
#pragma once

#include <array>
#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// Nothing while the store is the writer; otherwise one line saying where the work is kept, with
// "hier gebruiken" when another tab writes.
void draw_storage_banner(Session& state);
// A text box that mirrors a session value changed elsewhere (the store, automation) unless the
// user is typing in it.
struct MirroredTextBox {
    std::array<char, 80> buffer{};
    std::string shown;
    bool editing = false;
};

// The screener's name, recorded on every event (a setting kept in the store).
void draw_screener_field(Session& state, MirroredTextBox& box);
// "opslaan…", "opgeslagen", or the error name with a retry button.
void draw_save_status(Session& state, const std::string& subject);

}  // namespace radar::ui
