// The "Gegevens" (data) screen: choose or drop an export, watch it being read, review the
// summary, the column mapping and every problem, then accept or cancel the import.
#pragma once

#include "session/session.hpp"
#include "session/import_session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

struct ViewState;

void draw_import_view(Session& state, ImportSession& session, const Fonts& fonts, ViewState& views);

}  // namespace radar::ui
