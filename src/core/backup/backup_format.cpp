// Backup export and validation.
#include "core/backup/backup_format.hpp"

#include <algorithm>
#include <set>

#include "core/screening/event_json.hpp"
#include "core/base/sha256.hpp"

namespace radar {
namespace {

template <typename T, typename Key>
std::vector<const T*> sorted_by(const std::vector<T>& items, Key key) {
    std::vector<const T*> sorted;
    for (const T& item : items) sorted.push_back(&item);
    std::stable_sort(sorted.begin(), sorted.end(), [&](const T* a, const T* b) { return key(*a) < key(*b); });
    return sorted;
}

Json records_json(const std::vector<OpaqueRecord>& records) {
    Json list = Json::array();
    for (const OpaqueRecord* record : sorted_by(records, [](const OpaqueRecord& r) { return r.id; }))
        list.push_back({{"id", record->id}, {"value", record->value}});
    return list;
}

Json content_json(const BackupContent& content) {
    Json events = Json::array();
    for (const ScreeningEvent* event : sorted_by(content.events, [](const ScreeningEvent& e) { return e.event_id; }))
        events.push_back(event_to_json(*event));
    Json batches = Json::array();
    for (const FrozenBatch* batch : sorted_by(content.batches, [](const FrozenBatch& b) { return b.batch_id; }))
        batches.push_back(batch_to_json(*batch));
    return Json{{"events", std::move(events)},
                {"batches", std::move(batches)},
                {"models", records_json(content.models)},
                {"mapping_profiles", records_json(content.mapping_profiles)},
                {"settings", content.settings.is_object() ? content.settings : Json::object()}};
}

Json counts_json(const BackupCounts& counts) {
    return Json{{"events", counts.events},
                {"batches", counts.batches},
                {"models", counts.models},
                {"mapping_profiles", counts.mapping_profiles},
                {"settings", counts.settings}};
}

template <typename T>
Checked<T> refuse(const std::string& message) {
    return Checked<T>::failure("backup refused: " + message);
}

std::string check_count(FieldReader& counts, const char* name, std::size_t held) {
    const std::uint64_t said = counts.unsigned_integer(name, UINT32_MAX);
    if (!counts.ok()) return counts.error();
    if (said != held)
        return std::string("field 'counts.") + name + "' says " + std::to_string(said) + ", the backup holds " +
               std::to_string(held) + " (truncated or edited?)";
    return {};
}

Checked<std::vector<OpaqueRecord>> read_records(const Json& list, const std::string& context) {
    using Result = Checked<std::vector<OpaqueRecord>>;
    std::vector<OpaqueRecord> records;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        FieldReader reader(list[i], context + "[" + std::to_string(i) + "]");
        OpaqueRecord record;
        record.id = reader.text("id");
        const Json* value = reader.any("value");
        if (!reader.finish()) return Result::failure(reader.error());
        if (!is_valid_identifier(record.id))
            return Result::failure(reader.context() + ": field 'id': \"" + record.id + "\" is not a valid id");
        if (!seen.insert(record.id).second)
            return Result::failure(reader.context() + ": field 'id': " + record.id + " occurs twice");
        record.value = *value;
        records.push_back(std::move(record));
    }
    return records;
}

// Every frozen batch must agree with the batch_committed event that announced it.
std::string check_batches_against_events(const BackupContent& content) {
    for (const FrozenBatch& batch : content.batches) {
        const ScreeningEvent* commit = nullptr;
        for (const ScreeningEvent& event : content.events) {
            const auto* committed = event.as<BatchCommitted>();
            if (committed && committed->batch_id == batch.batch_id) commit = &event;
        }
        if (!commit) return "batch " + batch.batch_id + " has no batch_committed event";
        const Json expected = event_to_json([&] {
            ScreeningEvent copy = *commit;
            copy.payload = batch_committed_payload(batch);
            return copy;
        }());
        if (canonical_json(expected) != event_to_text(*commit))
            return "batch " + batch.batch_id + " does not match its batch_committed event " + commit->event_id;
    }
    return {};
}

}  // namespace

std::string canonical_backup_content(const BackupContent& content) { return canonical_json(content_json(content)); }

std::string backup_content_sha256(const BackupContent& content) { return sha256_hex(canonical_backup_content(content)); }

BackupCounts count_backup(const BackupContent& content) {
    BackupCounts counts;
    counts.events = content.events.size();
    counts.batches = content.batches.size();
    counts.models = content.models.size();
    counts.mapping_profiles = content.mapping_profiles.size();
    counts.settings = content.settings.is_object() ? content.settings.size() : 0;
    return counts;
}

std::string export_backup(const BackupContent& content, Timestamp created_at) {
    const Json body = content_json(content);
    const Json document{{"format", backup_format_name},
                        {"version", backup_format_version},
                        {"created_at", format_timestamp(created_at)},
                        {"counts", counts_json(count_backup(content))},
                        {"content_sha256", sha256_hex(canonical_json(body))},
                        {"content", body}};
    return document.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

Checked<BackupDocument> validate_backup(std::string_view text) {
    using Result = BackupDocument;
    const Checked<Json> json = parse_json_strict(text);
    if (!json) return refuse<Result>(json.error());
    FieldReader reader(*json, "backup");
    if (!reader.ok()) return refuse<Result>("this is not a Dossier Radar backup (not a JSON object)");
    if (reader.optional_text("format") != backup_format_name)
        return refuse<Result>("this is not a Dossier Radar backup (field 'format' is not \"" +
                              std::string(backup_format_name) + "\")");
    BackupDocument document;
    document.version = static_cast<int>(reader.integer("version", 1, 1'000'000));
    if (!reader.ok()) return refuse<Result>(reader.error());
    if (document.version > backup_format_version)
        return refuse<Result>("backup version " + std::to_string(document.version) + " is newer than this app supports (" +
                              std::to_string(backup_format_version) + "); update the app");
    document.created_at = reader.timestamp("created_at");
    const Json* counts = reader.object("counts");
    document.content_sha256 = reader.text("content_sha256");
    const Json* content = reader.object("content");
    if (!reader.finish()) return refuse<Result>(reader.error());

    FieldReader body(*content, "backup: content");
    const Json* events = body.array("events");
    const Json* batches = body.array("batches");
    const Json* models = body.array("models");
    const Json* profiles = body.array("mapping_profiles");
    const Json* settings = body.object("settings");
    if (!body.finish()) return refuse<Result>(body.error());

    FieldReader count_reader(*counts, "backup: counts");
    for (const auto& [name, held] : {std::pair<const char*, std::size_t>{"events", events->size()},
                                     {"batches", batches->size()},
                                     {"models", models->size()},
                                     {"mapping_profiles", profiles->size()},
                                     {"settings", settings->size()}}) {
        if (auto problem = check_count(count_reader, name, held); !problem.empty()) return refuse<Result>(problem);
    }
    if (!count_reader.finish()) return refuse<Result>(count_reader.error());

    const std::string computed = sha256_hex(canonical_json(*content));
    if (computed != document.content_sha256)
        return refuse<Result>("the content does not match its SHA-256 (recorded " + document.content_sha256 +
                              ", computed " + computed + "): the file was changed or damaged");

    Checked<std::vector<ScreeningEvent>> parsed_events = events_from_json(*events, "content.events");
    if (!parsed_events) return refuse<Result>(parsed_events.error());
    document.content.events = std::move(*parsed_events);
    std::set<std::string> event_ids;
    for (const ScreeningEvent& event : document.content.events)
        if (!event_ids.insert(event.event_id).second) return refuse<Result>("event " + event.event_id + " occurs twice");

    std::set<std::string> batch_ids;
    for (std::size_t i = 0; i < batches->size(); ++i) {
        Checked<FrozenBatch> batch = batch_from_json((*batches)[i], "content.batches[" + std::to_string(i) + "]");
        if (!batch) return refuse<Result>(batch.error());
        if (!batch_ids.insert(batch->batch_id).second) return refuse<Result>("batch " + batch->batch_id + " occurs twice");
        document.content.batches.push_back(std::move(*batch));
    }
    Checked<std::vector<OpaqueRecord>> parsed_models = read_records(*models, "content.models");
    if (!parsed_models) return refuse<Result>(parsed_models.error());
    document.content.models = std::move(*parsed_models);
    Checked<std::vector<OpaqueRecord>> parsed_profiles = read_records(*profiles, "content.mapping_profiles");
    if (!parsed_profiles) return refuse<Result>(parsed_profiles.error());
    document.content.mapping_profiles = std::move(*parsed_profiles);
    document.content.settings = *settings;
    if (auto problem = check_batches_against_events(document.content); !problem.empty()) return refuse<Result>(problem);
    document.counts = count_backup(document.content);
    return document;
}

}  // namespace radar
