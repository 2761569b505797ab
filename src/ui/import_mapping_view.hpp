// The review's mapping part: per file column a field or "extra attribute" and its type (an extra
// attribute's inferred type can be changed), the dictionary fields no column maps to, the mapping
// profile in use, and saving the mapping as a named profile.
#pragma once

#include <array>

#include "session/session.hpp"
#include "session/import_session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// "saving…" / "saved" / the store's error for a save that is not a screening decision.
void draw_store_save_status(const Session& state, const SaveStatus& status);

// `name`: the "save as" box.
void draw_mapping_profile_bar(Session& state, ImportSession& session, std::array<char, 64>& name);
// Takes half the height left after keeping `space_below` for what follows the two tables.
void draw_mapping_table(ImportSession& session, float space_below);
// "whole number", "yes/no"... in the interface language.
const char* kind_label(ValueKind kind);

}  // namespace radar::ui
