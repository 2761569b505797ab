// Between the store's records and the core's backup document: what a backup holds of this
// device's store, and the store writes that bring a merged backup in (one transaction).
// Settings that describe this device rather than the team's work (the screener's name, the last
// backup date, the privacy choice to keep dossier data in memory only) stay out of backups, and
// so does the dataset snapshot itself: a backup carries the team's decisions, not dossier data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/backup/backup_format.hpp"
#include "core/backup/backup_merge.hpp"
#include "platform/store.hpp"

namespace radar::platform {

// Settings kept per device, never exported or merged.
bool is_device_setting(const std::string& key);

// The team's work in `contents`; records that do not parse are named in `problems` and left out.
BackupContent backup_content_from_store(const StoreContents& contents, std::vector<std::string>& problems);

// A backup file, or the store's own export of its records (the crash panel's emergency backup, the
// export offered before a migration): either is checked whole and read as a backup document.
// The error of the backup format is returned when the text is neither.
Checked<BackupDocument> read_backup_file(std::string_view text);

// The writes that add a merge's new records (events are added, never overwritten).
std::vector<StoreWrite> store_writes_for_merge(const BackupMerge& merge);

}  // namespace radar::platform
