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

// Between frames, in a task of its own: up to 25 ms more of the work that needs no notice drawn
// first (decoding a stored snapshot, encoding the accepted one while the store keeps up, a trial
// under way, the preparation). Never begins a step; true while such work waits
// (import_work_waits_between_frames).
bool advance_import_work_between_frames(Session& state, ImportSession& session);
bool import_work_waits_between_frames(const Session& state, const ImportSession& session);
// The page shows nothing but the import's progress: a worker reads the file or its result is
// decoded, a stored dataset is decoded at start-up, or an accept step under way is checking or
// preparing. Not while a result is reviewed, a step's notice waits to be drawn, or the accepted
// dataset is stored. The page then draws fewer frames (src/app/main_web.cpp).
bool import_shows_only_progress(const Session& state, const ImportSession& session);

}  // namespace radar::session
