// Small pieces shared by the selection and screening screens: the storage banner (read-only,
// memory-only, closed), the screener's name field and the save state of one user action.
#pragma once

#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// Nothing while the store is the writer; otherwise one line saying where the work is kept, with
// "hier gebruiken" when another tab writes.
void draw_storage_banner(Session& state);
// The screener's name, recorded on every event (a setting kept in the store).
void draw_screener_field(Session& state);
// "opslaan…", "opgeslagen", or the error name with a retry button.
void draw_save_status(Session& state, const std::string& subject);

}  // namespace radar::ui
