// Merge of backup content by id, and of model versions by content.
#include "core/backup/backup_merge.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace radar {
namespace {

template <typename T, typename Id, typename Text>
void merge_by_id(const std::vector<T>& local, const std::vector<T>& incoming, Id id_of, Text text_of,
                 const char* kind, std::vector<T>& added, BackupMerge& merge) {
    std::map<std::string, std::string> held;
    for (const T& item : local) held.emplace(id_of(item), text_of(item));
    for (const T& item : incoming) {
        const std::string text = text_of(item);
        const auto [found, inserted] = held.emplace(id_of(item), text);
        if (inserted) added.push_back(item);
        else if (found->second == text) ++merge.identical;
        else merge.conflicts.push_back({kind, id_of(item)});
    }
}

// A model version record: an object with its content fingerprint and version number.
bool is_model_version(const Json& value) {
    return value.is_object() && value.contains("fingerprint") && value["fingerprint"].is_string() &&
           value.contains("version") && value["version"].is_number_integer();
}

void merge_models(const std::vector<OpaqueRecord>& local, const std::vector<OpaqueRecord>& incoming,
                  BackupMerge& merge) {
    std::set<std::string> held_content;
    std::int64_t last_version = 0;
    std::vector<OpaqueRecord> local_other, incoming_other;
    for (const OpaqueRecord& record : local) {
        if (!is_model_version(record.value)) {
            local_other.push_back(record);
            continue;
        }
        held_content.insert(record.value["fingerprint"].get<std::string>());
        last_version = std::max(last_version, record.value["version"].get<std::int64_t>());
    }
    std::vector<const OpaqueRecord*> versions;
    for (const OpaqueRecord& record : incoming) {
        if (is_model_version(record.value)) versions.push_back(&record);
        else incoming_other.push_back(record);
    }
    // In the backup's own order, so its versions keep their order here.
    std::stable_sort(versions.begin(), versions.end(), [](const OpaqueRecord* a, const OpaqueRecord* b) {
        return a->value["version"].get<std::int64_t>() < b->value["version"].get<std::int64_t>();
    });
    for (const OpaqueRecord* record : versions) {
        const std::string fingerprint = record->value["fingerprint"].get<std::string>();
        if (!held_content.insert(fingerprint).second) {
            ++merge.identical;
            continue;
        }
        OpaqueRecord added{fingerprint, record->value};
        added.value["version"] = ++last_version;
        merge.added_models.push_back(std::move(added));
    }
    const auto record_id = [](const OpaqueRecord& r) { return r.id; };
    const auto record_text = [](const OpaqueRecord& r) { return canonical_json(r.value); };
    merge_by_id(local_other, incoming_other, record_id, record_text, "model", merge.added_models, merge);
}

std::string plural(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

bool BackupMerge::changes_nothing() const {
    return added_events.empty() && added_batches.empty() && added_models.empty() && added_mapping_profiles.empty() &&
           added_settings.empty();
}

std::string BackupMerge::summary() const {
    std::string text = plural(added_events.size(), "event", "events") + ", " +
                       plural(added_batches.size(), "batch", "batches") + ", " +
                       plural(added_models.size(), "model", "models") + ", " +
                       plural(added_mapping_profiles.size(), "mapping profile", "mapping profiles") + ", " +
                       plural(added_settings.size(), "setting", "settings") + " added; " +
                       std::to_string(identical) + " already present";
    if (!conflicts.empty()) {
        text += "; " + plural(conflicts.size(), "conflict", "conflicts") + " (local kept):";
        for (const RecordConflict& conflict : conflicts) text += " " + conflict.kind + " " + conflict.id;
    }
    return text;
}

BackupMerge merge_backup(const BackupContent& local, const BackupContent& incoming) {
    BackupMerge merge;
    EventMerge events = merge_events(local.events, incoming.events);
    merge.added_events = std::move(events.added);
    merge.identical += events.identical;
    for (const EventConflict& conflict : events.conflicts) merge.conflicts.push_back({"event", conflict.event_id});
    merge_by_id(
        local.batches, incoming.batches, [](const FrozenBatch& b) { return b.batch_id; },
        [](const FrozenBatch& b) { return batch_to_text(b); }, "batch", merge.added_batches, merge);
    const auto record_id = [](const OpaqueRecord& r) { return r.id; };
    const auto record_text = [](const OpaqueRecord& r) { return canonical_json(r.value); };
    merge_models(local.models, incoming.models, merge);
    merge_by_id(local.mapping_profiles, incoming.mapping_profiles, record_id, record_text, "mapping_profile",
                merge.added_mapping_profiles, merge);
    if (incoming.settings.is_object()) {
        for (const auto& item : incoming.settings.items()) {
            const auto held = local.settings.is_object() ? local.settings.find(item.key()) : local.settings.end();
            if (!local.settings.is_object() || held == local.settings.end()) merge.added_settings[item.key()] = item.value();
            else if (canonical_json(*held) == canonical_json(item.value())) ++merge.identical;
            else merge.conflicts.push_back({"setting", item.key()});
        }
    }
    return merge;
}

BackupContent apply_backup_merge(BackupContent local, const BackupMerge& merge) {
    local.events.insert(local.events.end(), merge.added_events.begin(), merge.added_events.end());
    local.batches.insert(local.batches.end(), merge.added_batches.begin(), merge.added_batches.end());
    local.models.insert(local.models.end(), merge.added_models.begin(), merge.added_models.end());
    local.mapping_profiles.insert(local.mapping_profiles.end(), merge.added_mapping_profiles.begin(),
                                  merge.added_mapping_profiles.end());
    if (!local.settings.is_object()) local.settings = Json::object();
    for (const auto& item : merge.added_settings.items()) local.settings[item.key()] = item.value();
    return local;
}

}  // namespace radar
