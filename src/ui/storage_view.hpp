// The "Opslag" screen (issue #6): where the work is kept and whether the browser may clear it,
// the backup file with the last backup date and a reminder, importing a backup or a colleague's
// export by merging it, and forgetting everything on this device after a typed confirmation.
#pragma once

#include "session/session.hpp"
#include "session/backup_session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_storage_view(Session& state, const Fonts& fonts);

// The screen's backup session (for automation).
const BackupSession& storage_backup_session();

}  // namespace radar::ui
