// The "Opslag" screen (issue #6): where the work is kept and whether the browser may clear it,
// the backup file with the last backup date and a reminder, importing a backup or a colleague's
// export by merging it, and forgetting everything on this device after a typed confirmation.
#pragma once

#include <array>

#include "session/session.hpp"
#include "session/backup_session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// What the screen keeps between frames: when it last asked the store's status, and the typed
// confirmation of "forget everything".
struct StorageViewState {
    static constexpr double status_refresh_seconds = 5.0;
    double status_asked_at = -status_refresh_seconds;
    std::array<char, 32> confirmation{};
};

void draw_storage_view(Session& state, BackupSession& backup, const Fonts& fonts, StorageViewState& kept);

}  // namespace radar::ui
