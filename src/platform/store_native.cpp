// Native store (CLI, tests): a folder of committed transaction files "<sequence>.tx", each a
// JSON list of changes. A commit is written to a temporary file, fsynced, renamed into place and
// the folder fsynced before the callback says ok, so a confirmed write survives a crash; a
// temporary file left by a crash is never read and is removed on open. Callbacks run before the
// call returns. A second process on the same folder gets the read-only mode (flock).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "core/base/byte_text.hpp"
#include "core/base/strict_json.hpp"
#include "platform/store.hpp"
#include "platform/store_export_format.hpp"

namespace radar::platform {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Transaction files are folded into one "replace" file once there are this many.
constexpr std::size_t compact_after_files = 64;
constexpr RecordKind record_kinds[] = {RecordKind::event, RecordKind::batch, RecordKind::model,
                                       RecordKind::mapping_profile, RecordKind::setting};

StoreResult io_failure(const std::string& what, int error_number) {
    // A full disk is the native counterpart of the browser's quota error.
    const bool full = error_number == ENOSPC
#ifdef EDQUOT
                      || error_number == EDQUOT
#endif
        ;
    return StoreResult::failure(full ? "QuotaExceededError" : "IoError", what + ": " + std::strerror(error_number));
}

StoreResult write_all(int descriptor, const std::string& bytes, const std::string& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(descriptor, bytes.data() + written, bytes.size() - written);
        if (count < 0) {
            if (errno == EINTR) continue;
            return io_failure("cannot write " + path, errno);
        }
        written += static_cast<std::size_t>(count);
    }
    return StoreResult::success();
}

// Writes `bytes` to `path` durably: temporary file, fsync, rename, fsync of the folder.
StoreResult write_durably(const fs::path& folder, const std::string& name, const std::string& bytes) {
    const std::string final_path = (folder / name).string();
    const std::string temporary_path = final_path + ".tmp";
    const int descriptor = ::open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (descriptor < 0) return io_failure("cannot create " + temporary_path, errno);
    StoreResult result = write_all(descriptor, bytes, temporary_path);
    if (result.ok && ::fsync(descriptor) != 0) result = io_failure("cannot flush " + temporary_path, errno);
    if (::close(descriptor) != 0 && result.ok) result = io_failure("cannot close " + temporary_path, errno);
    if (result.ok && std::rename(temporary_path.c_str(), final_path.c_str()) != 0)
        result = io_failure("cannot rename " + temporary_path, errno);
    if (!result.ok) {
        ::unlink(temporary_path.c_str());
        return result;
    }
    // The rename itself is durable only once the folder is flushed.
    const int folder_descriptor = ::open(folder.string().c_str(), O_RDONLY | O_CLOEXEC);
    if (folder_descriptor < 0) return io_failure("cannot open folder " + folder.string(), errno);
    if (::fsync(folder_descriptor) != 0) result = io_failure("cannot flush folder " + folder.string(), errno);
    ::close(folder_descriptor);
    return result;
}

std::string transaction_name(std::uint64_t sequence) {
    char name[32];
    std::snprintf(name, sizeof name, "%012llu.tx", static_cast<unsigned long long>(sequence));
    return name;
}

struct State {
    std::map<std::string, std::string> records[5];
    std::map<std::string, StoreSnapshot> snapshots;

    std::map<std::string, std::string>& of(RecordKind kind) { return records[static_cast<int>(kind)]; }
    const std::map<std::string, std::string>& of(RecordKind kind) const { return records[static_cast<int>(kind)]; }
};

StoreContents contents_of(const State& state) {
    StoreContents contents;
    for (RecordKind kind : record_kinds)
        for (const auto& [key, data] : state.of(kind)) contents.records(kind).push_back({key, data});
    for (const auto& [key, snapshot] : state.snapshots) contents.snapshots.push_back(snapshot);
    return contents;
}

// A snapshot's write: a binary one as its text (snapshot_content_text), marked "binary".
json snapshot_op(const StoreSnapshot& snapshot) {
    json op = {{"store", "snapshots"}, {"key", snapshot.key}, {"meta", snapshot.meta}, {"content", snapshot_content_text(snapshot)}};
    if (snapshot.binary) op["binary"] = true;
    return op;
}

// The snapshot a write holds; nothing when a binary one's text is not bytes_as_text's.
std::optional<StoreSnapshot> snapshot_of_op(const json& op) {
    StoreSnapshot snapshot{op.at("key").get<std::string>(), op.at("meta").get<std::string>(),
                           op.at("content").get<std::string>(), op.value("binary", false)};
    if (snapshot.binary && !text_to_bytes_in_place(snapshot.content)) return std::nullopt;
    return snapshot;
}

// A binary snapshot's bytes to the receiver `receiving` gives for it, in pieces of the browser
// store's chunk size, as a load in the browser reads them.
void hand_over(StoreSnapshot& snapshot, const SnapshotReceiving& receiving) {
    if (!snapshot.binary) return;
    snapshot.received = receiving(snapshot.key, snapshot.meta);
    if (!snapshot.received) return;
    constexpr std::size_t piece = std::size_t{1} << 20;
    const std::string_view bytes = snapshot.content;
    for (std::size_t at = 0; at < bytes.size(); at += piece) snapshot.received->add(bytes.substr(at, piece));
    std::string().swap(snapshot.content);
}

json full_state_ops(const StoreContents& contents) {
    json ops = json::array();
    for (RecordKind kind : record_kinds)
        for (const auto& record : contents.records(kind))
            ops.push_back({{"store", record_store_name(kind)}, {"key", record.key}, {"data", record.data}});
    for (const auto& snapshot : contents.snapshots) ops.push_back(snapshot_op(snapshot));
    return ops;
}

// Applies one transaction file's changes; false when an op is not understood.
bool apply(State& state, const json& transaction) {
    if (transaction.value("replace", false)) state = State{};
    for (const auto& op : transaction.at("ops")) {
        const std::string store = op.at("store").get<std::string>();
        const std::string key = op.at("key").get<std::string>();
        const bool remove = op.value("delete", false);
        if (store == "snapshots") {
            if (remove) {
                state.snapshots.erase(key);
                continue;
            }
            std::optional<StoreSnapshot> snapshot = snapshot_of_op(op);
            if (!snapshot) return false;
            state.snapshots[key] = std::move(*snapshot);
            continue;
        }
        const auto kind = record_kind_from_name(store);
        if (!kind) return false;
        if (remove) state.of(*kind).erase(key);
        else state.of(*kind)[key] = op.at("data").get<std::string>();
    }
    return true;
}

class FolderStore final : public Store {
public:
    explicit FolderStore(std::string folder) : folder_(std::move(folder)) {}

    ~FolderStore() override {
        if (lock_descriptor_ >= 0) ::close(lock_descriptor_);
    }

    void open(std::function<void(const StoreResult&, const StoreStatus&)> done) override {
        std::error_code error;
        fs::create_directories(folder_, error);
        if (error) {
            done(StoreResult::failure("IoError", "cannot create " + folder_.string() + ": " + error.message()), current_status());
            return;
        }
        lock_descriptor_ = ::open((folder_ / "LOCK").string().c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        mode_ = lock_descriptor_ >= 0 && ::flock(lock_descriptor_, LOCK_EX | LOCK_NB) == 0 ? StoreMode::writer
                                                                                            : StoreMode::read_only;
        StoreResult result = load();
        if (result.ok && mode_ == StoreMode::writer && files_ >= compact_after_files) result = compact();
        done(result, current_status());
    }

    void load_all(std::function<void(const StoreResult&, StoreContents)> done, SnapshotReceiving receiving) override {
        if (mode_ == StoreMode::read_only) {
            // The writer is another process: read what it has committed so far.
            const StoreResult result = load();
            if (!result.ok) {
                done(result, {});
                return;
            }
        }
        StoreContents contents = contents_of(state_);
        if (receiving)
            for (StoreSnapshot& snapshot : contents.snapshots) hand_over(snapshot, receiving);
        done(StoreResult::success(), std::move(contents));
    }

    void commit(std::vector<StoreWrite> writes, Done done) override {
        if (const StoreResult refusal = check_writable(); !refusal.ok) {
            done(refusal);
            return;
        }
        if (writes.empty()) {
            done(StoreResult::failure("ValidationError", "nothing to write"));
            return;
        }
        std::set<std::string> new_events;
        json ops = json::array();
        for (const auto& write : writes) {
            if (write.key.empty()) {
                done(StoreResult::failure("ValidationError", "a key must be a non-empty string"));
                return;
            }
            if (!is_valid_utf8(write.key) || (!write.remove && !is_valid_utf8(write.data))) {
                done(StoreResult::failure("ValidationError", "record \"" + write.key + "\" is not valid UTF-8"));
                return;
            }
            if (write.kind == RecordKind::event) {
                if (write.remove) {
                    done(StoreResult::failure("AppendOnlyError", "events are never deleted; record a correction instead"));
                    return;
                }
                if (state_.of(RecordKind::event).count(write.key) > 0 || !new_events.insert(write.key).second) {
                    done(StoreResult::failure("ConstraintError", "event \"" + write.key + "\" already exists"));
                    return;
                }
            }
            json op = {{"store", record_store_name(write.kind)}, {"key", write.key}};
            if (write.remove) op["delete"] = true;
            else op["data"] = write.data;
            ops.push_back(std::move(op));
        }
        done(write_transaction({{"schema", store_schema_version}, {"ops", std::move(ops)}}));
    }

    void put_snapshot(StoreSnapshot snapshot, Done done) override {
        if (const StoreResult refusal = check_writable(); !refusal.ok) {
            done(refusal);
            return;
        }
        if (snapshot.key.empty() || !is_valid_utf8(snapshot.key) || !is_valid_utf8(snapshot.meta) ||
            (!snapshot.binary && !is_valid_utf8(snapshot.content))) {
            done(StoreResult::failure("ValidationError", "a snapshot needs a key and valid UTF-8 text"));
            return;
        }
        done(write_transaction({{"schema", store_schema_version}, {"ops", json::array({snapshot_op(snapshot)})}}));
    }

    void remove_snapshot(std::string key, Done done) override {
        if (const StoreResult refusal = check_writable(); !refusal.ok) {
            done(refusal);
            return;
        }
        json op = {{"store", "snapshots"}, {"key", key}, {"delete", true}};
        done(write_transaction({{"schema", store_schema_version}, {"ops", json::array({std::move(op)})}}));
    }

    void status(std::function<void(const StoreResult&, const StoreStatus&)> done) override {
        done(StoreResult::success(), current_status());
    }

    void request_persistence(std::function<void(const StoreResult&, bool)> done) override {
        done(StoreResult::success(), true);
    }

    void export_all(std::function<void(const StoreResult&, std::string)> done) override {
        done(StoreResult::success(), write_store_export(contents_of(state_)));
    }

    void restore(std::string text, RestoreMode mode, std::function<void(const StoreResult&, const RestoreReport&)> done) override {
        RestoreReport report;
        report.mode = mode;
        if (const StoreResult refusal = check_writable(); !refusal.ok) {
            done(refusal, report);
            return;
        }
        StoreExportReading reading = read_store_export(text);
        if (!reading.result.ok) {
            done(reading.result, report);
            return;
        }
        if (mode == RestoreMode::replace) {
            for (RecordKind kind : record_kinds)
                report.added[std::string(record_store_name(kind))] = static_cast<int>(reading.contents.records(kind).size());
            report.added["snapshots"] = static_cast<int>(reading.contents.snapshots.size());
            done(write_transaction({{"schema", store_schema_version}, {"replace", true}, {"ops", full_state_ops(reading.contents)}}),
                 report);
            return;
        }
        StoreContents added;
        for (RecordKind kind : record_kinds) {
            const std::string name(record_store_name(kind));
            report.added[name] = 0;
            for (const auto& record : reading.contents.records(kind)) {
                const auto local = state_.of(kind).find(record.key);
                if (local == state_.of(kind).end()) {
                    added.records(kind).push_back(record);
                    ++report.added[name];
                } else if (local->second == record.data) {
                    ++report.unchanged;
                } else {
                    report.conflicts.emplace_back(name, record.key);
                }
            }
        }
        report.added["snapshots"] = 0;
        for (const auto& snapshot : reading.contents.snapshots) {
            const auto local = state_.snapshots.find(snapshot.key);
            if (local == state_.snapshots.end()) {
                added.snapshots.push_back(snapshot);
                ++report.added["snapshots"];
            } else if (local->second.meta == snapshot.meta && snapshot_content_text(local->second) == snapshot.content) {
                ++report.unchanged;
            } else {
                report.conflicts.emplace_back("snapshots", snapshot.key);
            }
        }
        json ops = full_state_ops(added);
        if (ops.empty()) {
            done(StoreResult::success(), report);
            return;
        }
        done(write_transaction({{"schema", store_schema_version}, {"ops", std::move(ops)}}), report);
    }

    void migrate(Done done) override { done(StoreResult::success()); }

    void use_here(Done done) override {
        if (mode_ == StoreMode::writer) {
            done(StoreResult::success());
            return;
        }
        if (lock_descriptor_ >= 0 && ::flock(lock_descriptor_, LOCK_EX | LOCK_NB) == 0) {
            mode_ = StoreMode::writer;
            done(load());
            return;
        }
        done(StoreResult::failure("ReadOnlyError", "another process is writing to " + folder_.string()));
    }

    void forget_everything(Done done) override {
        if (const StoreResult refusal = check_writable(); !refusal.ok) {
            done(refusal);
            return;
        }
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder_, error)) {
            if (entry.path().extension() == ".tx" || entry.path().extension() == ".tmp") fs::remove(entry.path(), error);
            if (error) break;
        }
        if (error) {
            done(StoreResult::failure("IoError", "cannot delete the files in " + folder_.string() + ": " + error.message()));
            return;
        }
        state_ = State{};
        files_ = 0;
        done(StoreResult::success());
    }

    void set_notice_handler(std::function<void(const StoreNotice&)>) override {}

private:
    StoreResult check_writable() const {
        if (mode_ == StoreMode::writer) return StoreResult::success();
        if (mode_ == StoreMode::read_only)
            return StoreResult::failure("ReadOnlyError", "another process is writing to " + folder_.string());
        return StoreResult::failure("ClosedError", "the store is not open");
    }

    StoreStatus current_status() const {
        StoreStatus status;
        status.mode = mode_;
        status.schema_version = store_schema_version;
        status.persisted = true;
        status.journal = "none";
        return status;
    }

    // Reads every transaction file in order. A file that does not parse cannot be a torn write
    // (those never get past the rename), so it is reported rather than skipped.
    StoreResult load() {
        std::error_code error;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder_, error)) {
            if (entry.path().extension() == ".tmp" && mode_ == StoreMode::writer) fs::remove(entry.path(), error);
            else if (entry.path().extension() == ".tx") files.push_back(entry.path());
        }
        if (error) return StoreResult::failure("IoError", "cannot list " + folder_.string() + ": " + error.message());
        std::sort(files.begin(), files.end());
        State state;
        for (const auto& file : files) {
            std::ifstream stream(file, std::ios::binary);
            std::stringstream text;
            text << stream.rdbuf();
            if (!stream) return StoreResult::failure("DataError", file.string() + " cannot be read");
            const Checked<json> parsed = parse_json_strict(text.str());
            if (!parsed) return StoreResult::failure("DataError", file.string() + " is damaged: " + parsed.error());
            const json& transaction = *parsed;
            if (!transaction.is_object() || !transaction.contains("ops"))
                return StoreResult::failure("DataError", file.string() + " is damaged (it is not a complete transaction)");
            bool applied = false;
            try {
                applied = apply(state, transaction);
            } catch (const json::exception&) {
                applied = false;
            }
            if (!applied) return StoreResult::failure("DataError", file.string() + " holds a change this version does not understand");
        }
        state_ = std::move(state);
        files_ = files.size();
        next_sequence_ = files.empty() ? 1 : std::stoull(files.back().stem().string()) + 1;
        return StoreResult::success();
    }

    StoreResult write_transaction(const json& transaction) {
        StoreResult result = write_durably(folder_, transaction_name(next_sequence_), transaction.dump());
        if (!result.ok) return result;
        ++next_sequence_;
        ++files_;
        apply(state_, transaction);
        // A failed compaction leaves the log as it was (still correct); the next commit retries.
        if (files_ >= compact_after_files) (void)compact();
        return result;
    }

    // One "replace" file with the whole state, then the older files go (a crash in between
    // leaves both, which read back to the same state).
    StoreResult compact() {
        const std::uint64_t sequence = next_sequence_;
        const json transaction = {{"schema", store_schema_version}, {"replace", true}, {"ops", full_state_ops(contents_of(state_))}};
        StoreResult result = write_durably(folder_, transaction_name(sequence), transaction.dump());
        if (!result.ok) return result;
        ++next_sequence_;
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder_, error))
            if (entry.path().extension() == ".tx" && entry.path().filename().string() < transaction_name(sequence))
                fs::remove(entry.path(), error);
        files_ = 1;
        return result;
    }

    fs::path folder_;
    int lock_descriptor_ = -1;
    StoreMode mode_ = StoreMode::opening;
    State state_;
    std::size_t files_ = 0;
    std::uint64_t next_sequence_ = 1;
};

}  // namespace

std::unique_ptr<Store> make_folder_store(std::string folder) { return std::make_unique<FolderStore>(std::move(folder)); }

}  // namespace radar::platform
