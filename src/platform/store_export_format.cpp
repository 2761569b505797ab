// Writing and validating the store's export format (see store_export_format.hpp).
#include "platform/store_export_format.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "core/base/strict_json.hpp"
#include "core/data/csv_writer.hpp"

namespace radar::platform {
namespace {

using nlohmann::json;

constexpr std::size_t export_chunk_bytes = std::size_t{1} << 20;
constexpr std::string_view snapshots_store = "snapshots";
constexpr std::string_view chunks_store = "snapshot_chunks";
constexpr RecordKind record_kinds[] = {RecordKind::event, RecordKind::batch, RecordKind::model,
                                       RecordKind::mapping_profile, RecordKind::setting};

// A stable write id for a snapshot's chunks: the same snapshot always exports the same text.
std::string snapshot_write_id(const StoreSnapshot& snapshot) {
    char text[24];
    std::snprintf(text, sizeof text, "n%016llx",
                  static_cast<unsigned long long>(fnv1a_64(snapshot.meta + '\n' + snapshot_content_text(snapshot))));
    return text;
}

StoreExportReading refused(std::string message) {
    StoreExportReading reading;
    reading.result = StoreResult::failure("ValidationError", std::move(message));
    return reading;
}

bool is_record_key(const json& key) { return key.is_string() && !key.get_ref<const std::string&>().empty(); }

bool is_chunk_key(const json& key) {
    return key.is_array() && key.size() == 3 && is_record_key(key[0]) && is_record_key(key[1]) &&
           key[2].is_number_integer() && key[2].get<std::int64_t>() >= 0;
}

// Record data as text: strings as they are, other JSON values as their JSON text.
std::string data_text(const json& data) { return data.is_string() ? data.get<std::string>() : data.dump(); }

}  // namespace

std::vector<std::string> split_utf8(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto continues = [&](std::size_t at) {
            return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
        };
        std::size_t end = std::min(text.size(), start + std::max<std::size_t>(max_bytes, 1));
        // Step back over continuation bytes (10xxxxxx) so a character is never cut; a character
        // longer than max_bytes goes whole into its own piece.
        while (end > start && continues(end)) --end;
        if (end == start) {
            end = start + 1;
            while (continues(end)) ++end;
        }
        pieces.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return pieces;
}

std::string write_store_export(const StoreContents& contents) {
    json stores = json::object();
    json counts = json::object();
    for (RecordKind kind : record_kinds) {
        json records = json::array();
        for (const auto& record : contents.records(kind))
            records.push_back({{"key", record.key}, {"schema", store_schema_version}, {"data", record.data}});
        counts[std::string(record_store_name(kind))] = records.size();
        stores[std::string(record_store_name(kind))] = std::move(records);
    }
    json manifests = json::array();
    json chunks = json::array();
    for (const auto& snapshot : contents.snapshots) {
        const std::string write_id = snapshot_write_id(snapshot);
        const auto pieces = split_utf8(snapshot_content_text(snapshot), export_chunk_bytes);
        manifests.push_back({{"key", snapshot.key}, {"schema", store_schema_version}, {"data", snapshot.meta},
                             {"writeId", write_id}, {"chunkCount", pieces.size()}});
        for (std::size_t index = 0; index < pieces.size(); ++index)
            chunks.push_back({{"key", json::array({snapshot.key, write_id, index})}, {"schema", store_schema_version},
                              {"data", pieces[index]}});
    }
    counts[std::string(snapshots_store)] = manifests.size();
    counts[std::string(chunks_store)] = chunks.size();
    stores[std::string(snapshots_store)] = std::move(manifests);
    stores[std::string(chunks_store)] = std::move(chunks);
    const json document = {{"format", store_export_format}, {"schemaVersion", store_schema_version},
                           {"counts", std::move(counts)}, {"stores", std::move(stores)}};
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

StoreExportReading read_store_export(std::string_view text) {
    const Checked<json> parsed = parse_json_strict(text);
    if (!parsed) return refused(json_refusal("the backup", parsed.error()));
    const json& document = *parsed;
    if (!document.is_object()) return refused("the backup is not a JSON object");
    if (document.value("format", json()) != store_export_format)
        return refused("format is not \"" + std::string(store_export_format) + "\"");
    const json& version_value = document.value("schemaVersion", json());
    if (!version_value.is_number_integer()) return refused("schemaVersion is missing or invalid");
    const auto version = version_value.get<std::int64_t>();
    if (version < 1) return refused("schemaVersion is invalid");
    if (version > store_schema_version)
        return refused("schemaVersion " + std::to_string(version) + " is newer than this app");
    const json& stores = document.value("stores", json());
    const json& counts = document.value("counts", json());
    if (!stores.is_object()) return refused("stores is missing");
    if (!counts.is_object()) return refused("counts is missing");

    std::vector<std::string> names;
    for (RecordKind kind : record_kinds) names.emplace_back(record_store_name(kind));
    names.emplace_back(snapshots_store);
    names.emplace_back(chunks_store);
    for (const auto& item : stores.items())
        if (std::find(names.begin(), names.end(), item.key()) == names.end())
            return refused("unknown store \"" + item.key() + "\"");
    for (const auto& name : names) {
        if (!stores.contains(name) || !stores[name].is_array()) return refused("store \"" + name + "\" is missing");
        const json& records = stores[name];
        if (!counts.contains(name) || counts[name] != records.size())
            return refused("store \"" + name + "\" holds " + std::to_string(records.size()) +
                           " records but counts says otherwise");
        std::set<std::string> seen;
        for (std::size_t index = 0; index < records.size(); ++index) {
            const json& record = records[index];
            const std::string where = name + "[" + std::to_string(index) + "]";
            if (!record.is_object()) return refused(where + " is not a record");
            const json& key = record.value("key", json());
            if (name == chunks_store ? !is_chunk_key(key) : !is_record_key(key)) return refused(where + " has an invalid key");
            if (version >= 2 && record.value("schema", json()) != version)
                return refused(where + " has the wrong schema version");
            if (!record.contains("data")) return refused(where + " has no data");
            if (!seen.insert(key.dump()).second) return refused(where + " repeats key " + key.dump());
            if (name == snapshots_store &&
                (!is_record_key(record.value("writeId", json())) || !record.value("chunkCount", json()).is_number_integer() ||
                 record["chunkCount"].get<std::int64_t>() < 0))
                return refused(where + " is not a snapshot manifest");
        }
    }

    StoreExportReading reading;
    reading.schema_version = static_cast<int>(version);
    for (RecordKind kind : record_kinds)
        for (const auto& record : stores[std::string(record_store_name(kind))])
            reading.contents.records(kind).push_back({record["key"].get<std::string>(), data_text(record["data"])});

    // Chunks grouped by (snapshot key, write id); every manifest needs chunks 0..n-1, no chunk may
    // be without a manifest.
    std::map<std::pair<std::string, std::string>, std::map<std::int64_t, std::string>> groups;
    for (const auto& chunk : stores[std::string(chunks_store)])
        groups[{chunk["key"][0].get<std::string>(), chunk["key"][1].get<std::string>()}][chunk["key"][2].get<std::int64_t>()] =
            data_text(chunk["data"]);
    for (const auto& manifest : stores[std::string(snapshots_store)]) {
        const std::string key = manifest["key"].get<std::string>();
        const auto group = groups.find({key, manifest["writeId"].get<std::string>()});
        const auto expected = manifest["chunkCount"].get<std::int64_t>();
        const std::int64_t present = group == groups.end() ? 0 : static_cast<std::int64_t>(group->second.size());
        if (present != expected || (present > 0 && group->second.rbegin()->first != expected - 1))
            return refused("snapshot \"" + key + "\" has " + std::to_string(present) + " of " + std::to_string(expected) + " chunks");
        StoreSnapshot snapshot{key, data_text(manifest["data"]), {}};
        if (group != groups.end()) {
            for (const auto& [index, piece] : group->second) snapshot.content += piece;
            groups.erase(group);
        }
        reading.contents.snapshots.push_back(std::move(snapshot));
    }
    if (!groups.empty()) return refused("the backup holds snapshot chunks without a manifest");
    return reading;
}

}  // namespace radar::platform
