// The review's mapping part: per file column a field or "extra attribute", the dictionary fields
// no column maps to, the mapping profile in use, and saving the mapping as a named profile.
#pragma once

#include "ui/app_state.hpp"
#include "ui/import_session.hpp"

namespace radar::ui {

// "saving…" / "saved" / the store's error for a save that is not a screening decision.
void draw_store_save_status(const AppState& state, const SaveStatus& status);

void draw_mapping_profile_bar(AppState& state, ImportSession& session);
// Takes half the height left after keeping `space_below` for what follows the two tables.
void draw_mapping_table(ImportSession& session, float space_below);

}  // namespace radar::ui
