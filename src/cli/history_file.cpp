// Reading a history file: a backup through validate_backup, an events file through parse_events.
#include "cli/history_file.hpp"

#include "core/backup/backup_format.hpp"
#include "cli/model_file.hpp"
#include "core/screening/event_json.hpp"

namespace radar::cli {

Checked<HistoryFile> load_history_file(const std::string& path) {
    const std::optional<std::string> content = read_text_file(path);
    if (!content) return Checked<HistoryFile>::failure("cannot read '" + path + "'");
    HistoryFile history;
    const auto first = content->find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (*content)[first] == '{') {
        Checked<BackupDocument> backup = validate_backup(*content);
        if (!backup) return Checked<HistoryFile>::failure(path + ": " + backup.error());
        history.events = std::move(backup->content.events);
        history.batches = std::move(backup->content.batches);
        for (const OpaqueRecord& model : backup->content.models) history.model_records.push_back(model.value.dump());
        const auto setting = backup->content.settings.find("label_definition");
        if (setting != backup->content.settings.end()) {
            Checked<LabelDefinition> definition = label_definition_from_json(*setting, "setting label_definition");
            if (!definition) return Checked<HistoryFile>::failure(path + ": " + definition.error());
            history.label_definition = std::move(*definition);
        }
        return history;
    }
    Checked<std::vector<ScreeningEvent>> events = parse_events(*content);
    if (!events) return Checked<HistoryFile>::failure(path + ": " + events.error());
    history.events = std::move(*events);
    return history;
}

}  // namespace radar::cli
