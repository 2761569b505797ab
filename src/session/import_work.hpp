// The import's work for one frame, whatever screen is shown: decoding a stored snapshot at
// start-up, reading kept bytes again (after a mapping change where the platform cannot deliver
// the file again, or an old text snapshot at start-up)
// and the steps of accepting
// (ImportSession::AcceptStep). The import view only draws where that work is.
#pragma once

#include "session/session.hpp"
#include "session/import_session.hpp"

namespace radar::session {

// Call once per frame, before drawing.
void advance_import_work(Session& state, ImportSession& session);

}  // namespace radar::session
