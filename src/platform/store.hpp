// The durable record store in the core's terms: screening events (append-only), batches, models,
// mapping profiles, settings and dataset snapshots, as opaque keyed UTF-8 records (JSON text).
// Every call completes through a callback carrying ok or a named error (e.g. QuotaExceededError).
// Web: IndexedDB + journal via web/storage (store_web.cpp); native: files in a folder (store_native.cpp).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace radar::platform {

// The record stores; snapshots have their own calls (they are large and chunked).
enum class RecordKind { event, batch, model, mapping_profile, setting };

// "events", "batches", "models", "mapping_profiles", "settings" (the store names on disk).
std::string_view record_store_name(RecordKind kind);
std::optional<RecordKind> record_kind_from_name(std::string_view name);

struct StoreRecord {
    std::string key;
    std::string data;  // valid UTF-8 (JSON text); comes back byte-identical
};

// One change of a user action: a record to write, or (remove == true) a key to delete.
struct StoreWrite {
    RecordKind kind = RecordKind::event;
    std::string key;
    std::string data;
    bool remove = false;
};

// Takes a stored snapshot's bytes as a load reads them, in order, instead of the load gathering
// them into StoreSnapshot::content: a start-up can decode a large snapshot while it is read,
// never holding all of it (Store::load_all's `receiving`).
class SnapshotReceiver {
public:
    virtual ~SnapshotReceiver() = default;
    virtual void add(std::string_view bytes) = 0;
};

struct StoreSnapshot {
    std::string key;
    std::string meta;     // caller's description (JSON text)
    std::string content;  // the whole snapshot (e.g. a dataset as CSV)
    // true: `content` is bytes of any value, stored as such (Blob chunks in IndexedDB);
    // false: valid UTF-8 text, as every snapshot was stored before. Exports hold a binary
    // snapshot as text (bytes_as_text), so an export restores as a text snapshot.
    bool binary = false;
    // A loaded binary snapshot whose bytes went to this receiver as they were read (`content`
    // is then empty).
    std::shared_ptr<SnapshotReceiver> received = nullptr;
};

// Asked as a load begins each binary snapshot: a receiver for its bytes, or none (they are
// gathered into its content).
using SnapshotReceiving = std::function<std::shared_ptr<SnapshotReceiver>(const std::string& key, const std::string& meta)>;

// The snapshot's content as text: a binary one through bytes_as_text (each byte a Latin-1
// character), as exports and the folder store's JSON hold it.
std::string snapshot_content_text(const StoreSnapshot& snapshot);

// ok, or the error's name: a DOM name (QuotaExceededError, ConstraintError, AbortError,
// VersionError, ...) or the store's own (ReadOnlyError, ClosedError, MigrationPendingError,
// AppendOnlyError, ValidationError, IncompleteSnapshotError, ConfirmationRequiredError, DataError,
// IoError). `message` says what happened in words.
struct StoreResult {
    bool ok = true;
    std::string error_name;
    std::string message;

    static StoreResult success() { return {}; }
    static StoreResult failure(std::string name, std::string text) { return {false, std::move(name), std::move(text)}; }
    // "QuotaExceededError: ..." for a message on screen.
    std::string failure_text() const { return message.empty() ? error_name : error_name + ": " + message; }
};

struct StoreContents {
    std::vector<StoreRecord> events, batches, models, mapping_profiles, settings;  // key order
    std::vector<StoreSnapshot> snapshots;

    std::vector<StoreRecord>& records(RecordKind kind);
    const std::vector<StoreRecord>& records(RecordKind kind) const;
};

// 'writer': this tab/process writes. 'read_only': another tab is the writer (show a banner with
// "use here"). 'closed': the connection was closed (another tab upgraded or wiped the data).
// 'memory_only': no store could open (e.g. a private window without IndexedDB), so the session
// keeps the work in memory only; a store never reports it of itself.
enum class StoreMode { opening, writer, read_only, closed, memory_only };

struct PendingMigration {
    int from_version = 0;
    int to_version = 0;
    bool rewrites_data = false;  // offer a backup (export_all) before migrate()
};

// The journal rebuilt data the browser had deleted (tell the user; snapshots may need re-import).
struct StoreRecovery {
    std::string reason;  // "database-missing" or "events-missing"
    int records = 0;
    bool snapshots_lost = false;
};

struct StoreStatus {
    StoreMode mode = StoreMode::opening;
    std::string closed_reason;
    int schema_version = 0;
    std::optional<PendingMigration> pending_migration;
    std::optional<bool> persisted;      // storage granted as persistent (not evictable)
    std::optional<double> usage_bytes;  // navigator.storage.estimate()
    std::optional<double> quota_bytes;
    std::string journal;                // "open", "closed", "unavailable" (web); "none" natively
    std::string journal_error;          // name of the last journal failure, if any
    std::optional<StoreRecovery> recovered;
};

enum class RestoreMode { replace, merge };

struct RestoreReport {
    RestoreMode mode = RestoreMode::replace;
    std::map<std::string, int> added;  // per store name
    int unchanged = 0;
    std::vector<std::pair<std::string, std::string>> conflicts;  // (store, key), never overwritten
};

// Something happened that the UI shows: kind is "mode" (detail: {"mode","reason"}), "change"
// (another tab committed: reload), "closed" ({"reason"}), "blocked", "migrated", "recovered",
// "journal-error".
struct StoreNotice {
    std::string kind;
    std::string detail_json;
};

// A binary snapshot handed to the store in parts as it is written, so that all of it need never
// be in memory at once (Store::put_snapshot_in_parts). The parts, in order, are its bytes.
class SnapshotParts {
public:
    using Done = std::function<void(const StoreResult&)>;

    virtual ~SnapshotParts() = default;  // unfinished: what was stored of it is discarded
    virtual void add(std::string part) = 0;
    // Bytes added and not yet stored: a writer keeps this small by waiting while it is large.
    virtual std::size_t bytes_waiting() const = 0;
    // The manifest once every part is stored; all or nothing, as put_snapshot.
    virtual void finish(std::string meta, Done done) = 0;
};

class Store {
public:
    using Done = std::function<void(const StoreResult&)>;

    virtual ~Store() = default;

    // Opens the one connection and elects the writer. Call first; everything else after `done`.
    virtual void open(std::function<void(const StoreResult&, const StoreStatus&)> done) = 0;
    // Everything (snapshots with content) in one read; the bytes of a binary snapshot that
    // `receiving` gives a receiver for go to it instead, before `done`.
    virtual void load_all(std::function<void(const StoreResult&, StoreContents)> done, SnapshotReceiving receiving = {}) = 0;
    // One user action: all writes in one transaction, confirmed only once durable. Events are
    // added, never overwritten (ConstraintError) or removed (AppendOnlyError).
    virtual void commit(std::vector<StoreWrite> writes, Done done) = 0;
    // A snapshot: chunks, then its manifest last; all or nothing.
    virtual void put_snapshot(StoreSnapshot snapshot, Done done) = 0;
    // The same for a binary snapshot given in parts. The browser stores each part as it comes;
    // this default gathers them and calls put_snapshot at finish (the folder store, whose
    // snapshots are small files for the CLI and tests). The store must outlive the parts.
    virtual std::unique_ptr<SnapshotParts> put_snapshot_in_parts(std::string key);
    virtual void remove_snapshot(std::string key, Done done) = 0;
    virtual void status(std::function<void(const StoreResult&, const StoreStatus&)> done) = 0;
    // Asks the browser to keep the data (not evict it); natively always true.
    virtual void request_persistence(std::function<void(const StoreResult&, bool persisted)> done) = 0;
    // Everything in one read as JSON: {"format":"dossier-radar-store","schemaVersion",
    // "counts","stores"} (the core wraps it with its version and SHA-256).
    virtual void export_all(std::function<void(const StoreResult&, std::string json)> done) = 0;
    // Validates the whole export first, then writes it in one transaction.
    virtual void restore(std::string json, RestoreMode mode, std::function<void(const StoreResult&, const RestoreReport&)> done) = 0;
    virtual void migrate(Done done) = 0;
    // Takes the writer role from another tab.
    virtual void use_here(Done done) = 0;
    // Deletes everything; only after the user's typed confirmation.
    virtual void forget_everything(Done done) = 0;
    virtual void set_notice_handler(std::function<void(const StoreNotice&)> handler) = 0;

    void put(RecordKind kind, std::string key, std::string data, Done done);
    void put_many(RecordKind kind, std::vector<StoreRecord> records, Done done);
    void remove(RecordKind kind, std::string key, Done done);
};

// The IndexedDB databases of the two workspaces (platform.hpp's Workspace).
constexpr const char* own_database_name = "dossier-radar";
constexpr const char* demo_database_name = "dossier-radar-demo";
// The browser store (IndexedDB database `database_name`); only in the web build.
std::unique_ptr<Store> make_web_store(std::string database_name = own_database_name);
// A folder of files (CLI, tests); callbacks run before the call returns.
std::unique_ptr<Store> make_folder_store(std::string folder);

}  // namespace radar::platform
