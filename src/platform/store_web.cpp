// Browser store: the Store interface over web/storage/radar_store_library.js (linked with
// --js-library), which calls globalThis.RadarStore (IndexedDB + journal). Calls return at once;
// the library later calls the radar_store_on_* functions below with the request id.
#include <emscripten/emscripten.h>

#include <map>
#include <memory>

#include "core/base/strict_json.hpp"
#include "platform/store.hpp"
#include "platform/store_export_format.hpp"

extern "C" {
// Implemented in web/storage/radar_store_library.js.
void radar_store_open(const char* name, int request_id);
void radar_store_load_all(int request_id);
void radar_store_commit(int count, const int* kinds, const char* const* keys, const char* const* datas,
                        const int* data_lengths, int request_id);
void radar_store_put_snapshot(const char* key, const char* meta, const char* content, int content_length, int binary,
                              int request_id);
void radar_store_remove_snapshot(const char* key, int request_id);
int radar_store_snapshot_begin(const char* key);
void radar_store_snapshot_add(int writer_id, const char* bytes, int length);
int radar_store_snapshot_waiting(int writer_id);
void radar_store_snapshot_finish(int writer_id, const char* meta, int request_id);
void radar_store_snapshot_abandon(int writer_id);
void radar_store_status(int request_id);
void radar_store_request_persistence(int request_id);
void radar_store_export(int request_id);
void radar_store_restore(const char* text, int text_length, int mode, int request_id);
void radar_store_migrate(int request_id);
void radar_store_use_here(int request_id);
void radar_store_forget(int request_id);
}

namespace radar::platform {
namespace {

using nlohmann::json;

// What to do when a request completes: ok/error plus the text the library handed over.
using Completion = std::function<void(const StoreResult&, std::string text)>;

struct Requests {
    int next_id = 1;
    std::map<int, Completion> completions;
    std::map<int, StoreContents> loading;  // records received so far by load_all requests
    std::map<int, SnapshotReceiving> receiving;  // the load_all requests given one
    std::function<void(const StoreNotice&)> notice_handler;

    int add(Completion completion) {
        const int id = next_id++;
        completions.emplace(id, std::move(completion));
        return id;
    }
};

// Requests outlive any one Store object: a callback may arrive after the store was destroyed.
Requests& requests() {
    static Requests instance;
    return instance;
}

StoreMode mode_from_text(const std::string& mode) {
    if (mode == "writer") return StoreMode::writer;
    if (mode == "read-only") return StoreMode::read_only;
    if (mode == "closed") return StoreMode::closed;
    return StoreMode::opening;
}

// The status JSON of RadarStore.status(); missing or null fields stay unset.
StoreStatus status_from_json(const std::string& text) {
    StoreStatus status;
    const Checked<json> parsed = parse_json_strict(text);
    if (!parsed || !parsed->is_object()) return status;
    const json& value = *parsed;
    status.mode = mode_from_text(value.value("mode", std::string()));
    if (value.contains("closedReason") && value["closedReason"].is_string()) status.closed_reason = value["closedReason"];
    status.schema_version = value.value("schemaVersion", 0);
    if (value.contains("pendingMigration") && value["pendingMigration"].is_object()) {
        const json& plan = value["pendingMigration"];
        status.pending_migration = PendingMigration{plan.value("from", 0), plan.value("to", 0), plan.value("rewritesData", false)};
    }
    if (value.contains("persisted") && value["persisted"].is_boolean()) status.persisted = value["persisted"].get<bool>();
    if (value.contains("usage") && value["usage"].is_number()) status.usage_bytes = value["usage"].get<double>();
    if (value.contains("quota") && value["quota"].is_number()) status.quota_bytes = value["quota"].get<double>();
    status.journal = value.value("journal", std::string());
    if (value.contains("journalError") && value["journalError"].is_object())
        status.journal_error = value["journalError"].value("name", std::string());
    if (value.contains("recovered") && value["recovered"].is_object()) {
        const json& recovered = value["recovered"];
        status.recovered = StoreRecovery{recovered.value("reason", std::string()), recovered.value("records", 0),
                                         recovered.value("snapshotsLost", false)};
    }
    return status;
}

RestoreReport report_from_json(const std::string& text, RestoreMode mode) {
    RestoreReport report;
    report.mode = mode;
    const Checked<json> parsed = parse_json_strict(text);
    if (!parsed || !parsed->is_object()) return report;
    const json& value = *parsed;
    if (value.contains("added") && value["added"].is_object())
        for (const auto& item : value["added"].items())
            if (item.value().is_number_integer()) report.added[item.key()] = item.value().get<int>();
    report.unchanged = value.value("unchanged", 0);
    if (value.contains("conflicts") && value["conflicts"].is_array())
        for (const auto& conflict : value["conflicts"])
            if (conflict.is_object() && conflict.value("key", json()).is_string())
                report.conflicts.emplace_back(conflict.value("store", std::string()), conflict["key"].get<std::string>());
    return report;
}

Completion plain(Store::Done done) {
    return [done = std::move(done)](const StoreResult& result, const std::string&) { done(result); };
}

// A snapshot stored as its parts come: the library copies each part into 1 MiB chunks at once
// and writes them to IndexedDB a few per transaction, the manifest last.
class WebSnapshotParts final : public SnapshotParts {
public:
    explicit WebSnapshotParts(const std::string& key) : writer_id_(radar_store_snapshot_begin(key.c_str())) {}
    ~WebSnapshotParts() override {
        if (!finished_) radar_store_snapshot_abandon(writer_id_);
    }
    void add(std::string part) override {
        radar_store_snapshot_add(writer_id_, part.data(), static_cast<int>(part.size()));
    }
    std::size_t bytes_waiting() const override {
        return static_cast<std::size_t>(radar_store_snapshot_waiting(writer_id_));
    }
    void finish(std::string meta, Done done) override {
        if (!is_valid_utf8(meta)) {
            done(StoreResult::failure("ValidationError", "a snapshot's description is not valid UTF-8"));
            return;
        }
        finished_ = true;
        radar_store_snapshot_finish(writer_id_, meta.c_str(), requests().add(plain(std::move(done))));
    }

private:
    int writer_id_;
    bool finished_ = false;
};

class WebStore final : public Store {
public:
    explicit WebStore(std::string database_name) : database_name_(std::move(database_name)) {}

    void open(std::function<void(const StoreResult&, const StoreStatus&)> done) override {
        const int id = requests().add([done = std::move(done)](const StoreResult& result, std::string text) {
            done(result, result.ok ? status_from_json(text) : StoreStatus{});
        });
        radar_store_open(database_name_.c_str(), id);
    }

    void load_all(std::function<void(const StoreResult&, StoreContents)> done, SnapshotReceiving receiving) override {
        auto& all = requests();
        const int id = all.next_id;
        all.add([done = std::move(done), id](const StoreResult& result, const std::string&) {
            auto node = requests().loading.extract(id);
            requests().receiving.erase(id);
            done(result, result.ok && node ? std::move(node.mapped()) : StoreContents{});
        });
        all.loading.emplace(id, StoreContents{});
        if (receiving) all.receiving.emplace(id, std::move(receiving));
        radar_store_load_all(id);
    }

    void commit(std::vector<StoreWrite> writes, Done done) override {
        // Checked here because the browser would silently turn invalid UTF-8 into U+FFFD.
        for (const auto& write : writes) {
            if (!is_valid_utf8(write.key) || (!write.remove && !is_valid_utf8(write.data))) {
                done(StoreResult::failure("ValidationError", "record \"" + write.key + "\" is not valid UTF-8"));
                return;
            }
        }
        std::vector<int> kinds, lengths;
        std::vector<const char*> keys, datas;
        for (const auto& write : writes) {
            kinds.push_back(static_cast<int>(write.kind));
            keys.push_back(write.key.c_str());
            datas.push_back(write.remove ? nullptr : write.data.c_str());
            lengths.push_back(static_cast<int>(write.data.size()));
        }
        // The library copies the strings before returning, so `writes` may go right after.
        radar_store_commit(static_cast<int>(writes.size()), kinds.data(), keys.data(), datas.data(), lengths.data(),
                           requests().add(plain(std::move(done))));
    }

    void put_snapshot(StoreSnapshot snapshot, Done done) override {
        if (!is_valid_utf8(snapshot.key) || !is_valid_utf8(snapshot.meta) || (!snapshot.binary && !is_valid_utf8(snapshot.content))) {
            done(StoreResult::failure("ValidationError", "snapshot \"" + snapshot.key + "\" is not valid UTF-8"));
            return;
        }
        // The library reads the content in place, a few chunks per task: it lives in the
        // completion until the store has it (no 150 MB copy out of wasm memory).
        auto content = std::make_shared<const std::string>(std::move(snapshot.content));
        const char* bytes = content->c_str();
        const auto size = static_cast<int>(content->size());
        radar_store_put_snapshot(snapshot.key.c_str(), snapshot.meta.c_str(), bytes, size, snapshot.binary ? 1 : 0,
                                 requests().add([content, done = std::move(done)](const StoreResult& result,
                                                                                   const std::string&) { done(result); }));
    }

    std::unique_ptr<SnapshotParts> put_snapshot_in_parts(std::string key) override {
        return std::make_unique<WebSnapshotParts>(key);
    }

    void remove_snapshot(std::string key, Done done) override {
        radar_store_remove_snapshot(key.c_str(), requests().add(plain(std::move(done))));
    }

    void status(std::function<void(const StoreResult&, const StoreStatus&)> done) override {
        radar_store_status(requests().add([done = std::move(done)](const StoreResult& result, std::string text) {
            done(result, result.ok ? status_from_json(text) : StoreStatus{});
        }));
    }

    void request_persistence(std::function<void(const StoreResult&, bool)> done) override {
        radar_store_request_persistence(requests().add([done = std::move(done)](const StoreResult& result, std::string text) {
            const Checked<json> value = parse_json_strict(text);
            done(result, value && value->is_object() && value->value("persisted", false));
        }));
    }

    void export_all(std::function<void(const StoreResult&, std::string)> done) override {
        radar_store_export(requests().add([done = std::move(done)](const StoreResult& result, std::string text) {
            done(result, result.ok ? std::move(text) : std::string());
        }));
    }

    void restore(std::string text, RestoreMode mode, std::function<void(const StoreResult&, const RestoreReport&)> done) override {
        const int id = requests().add([done = std::move(done), mode](const StoreResult& result, std::string report) {
            done(result, result.ok ? report_from_json(report, mode) : RestoreReport{mode, {}, 0, {}});
        });
        radar_store_restore(text.c_str(), static_cast<int>(text.size()), mode == RestoreMode::merge ? 1 : 0, id);
    }

    void migrate(Done done) override { radar_store_migrate(requests().add(plain(std::move(done)))); }

    void use_here(Done done) override { radar_store_use_here(requests().add(plain(std::move(done)))); }

    void forget_everything(Done done) override { radar_store_forget(requests().add(plain(std::move(done)))); }

    void set_notice_handler(std::function<void(const StoreNotice&)> handler) override {
        requests().notice_handler = std::move(handler);
    }

private:
    std::string database_name_;
};

}  // namespace

std::unique_ptr<Store> make_web_store(std::string database_name) {
    return std::make_unique<WebStore>(std::move(database_name));
}

}  // namespace radar::platform

// Called by radar_store_library.js; exported so the library can reach them.
extern "C" {

EMSCRIPTEN_KEEPALIVE void radar_store_on_complete(int request_id, int ok, const char* error_name, const char* text,
                                                   int text_length) {
    auto& all = radar::platform::requests();
    auto node = all.completions.extract(request_id);
    if (!node) return;
    const radar::platform::StoreResult result =
        ok ? radar::platform::StoreResult::success()
           : radar::platform::StoreResult::failure(error_name ? error_name : "UnknownError",
                                                   std::string(text ? text : "", static_cast<std::size_t>(text_length)));
    node.mapped()(result, ok ? std::string(text ? text : "", static_cast<std::size_t>(text_length)) : std::string());
}

EMSCRIPTEN_KEEPALIVE void radar_store_on_record(int request_id, const char* store, const char* key, const char* data,
                                                 int data_length) {
    auto& all = radar::platform::requests();
    const auto loading = all.loading.find(request_id);
    if (loading == all.loading.end()) return;
    if (const auto kind = radar::platform::record_kind_from_name(store))
        loading->second.records(*kind).push_back({key, std::string(data, static_cast<std::size_t>(data_length))});
}

// A snapshot of about `length` bytes (binary != 0: raw bytes, else UTF-8 text) joins the load,
// and the library hands its bytes over chunk by chunk with radar_store_on_snapshot_chunk before
// the load completes: to the receiver the load's `receiving` gives for a binary one, or into its
// content, with room reserved but not cleared (no task clears or copies all of a 168 MB snapshot
// at once). False when the request is not loading.
EMSCRIPTEN_KEEPALIVE int radar_store_on_snapshot(int request_id, const char* key, const char* meta, int length, int binary) {
    auto& all = radar::platform::requests();
    const auto loading = all.loading.find(request_id);
    if (loading == all.loading.end()) return 0;
    auto& snapshots = loading->second.snapshots;
    snapshots.push_back({key, meta, std::string(), binary != 0, nullptr});
    if (const auto receiving = all.receiving.find(request_id); binary != 0 && receiving != all.receiving.end())
        snapshots.back().received = receiving->second(snapshots.back().key, snapshots.back().meta);
    if (!snapshots.back().received) snapshots.back().content.reserve(static_cast<std::size_t>(length));
    return 1;
}

// The next `length` bytes of the snapshot radar_store_on_snapshot began last for this request.
EMSCRIPTEN_KEEPALIVE void radar_store_on_snapshot_chunk(int request_id, const char* bytes, int length) {
    auto& all = radar::platform::requests();
    const auto loading = all.loading.find(request_id);
    if (loading == all.loading.end() || loading->second.snapshots.empty()) return;
    radar::platform::StoreSnapshot& snapshot = loading->second.snapshots.back();
    const std::string_view chunk(bytes, static_cast<std::size_t>(length));
    if (snapshot.received) snapshot.received->add(chunk);
    else snapshot.content.append(chunk);
}

EMSCRIPTEN_KEEPALIVE void radar_store_on_notice(const char* kind, const char* detail_json) {
    const auto& handler = radar::platform::requests().notice_handler;
    if (handler) handler({kind, detail_json});
}

}  // extern "C"
