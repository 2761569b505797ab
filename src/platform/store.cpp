// Parts of the store interface shared by the web and native implementations.
#include "platform/store.hpp"

#include <array>

#include "core/base/byte_text.hpp"

namespace radar::platform {
namespace {

constexpr std::array<std::pair<RecordKind, std::string_view>, 5> record_store_names{{
    {RecordKind::event, "events"},
    {RecordKind::batch, "batches"},
    {RecordKind::model, "models"},
    {RecordKind::mapping_profile, "mapping_profiles"},
    {RecordKind::setting, "settings"},
}};

// Store::put_snapshot_in_parts's default: the parts gathered, then put_snapshot.
class GatheredSnapshot : public SnapshotParts {
public:
    GatheredSnapshot(Store& store, std::string key) : store_(store), key_(std::move(key)) {}
    void add(std::string part) override { content_ += part; }
    std::size_t bytes_waiting() const override { return 0; }
    void finish(std::string meta, Done done) override {
        store_.put_snapshot({std::move(key_), std::move(meta), std::move(content_), true}, std::move(done));
    }

private:
    Store& store_;
    std::string key_;
    std::string content_;
};

}  // namespace

std::unique_ptr<SnapshotParts> Store::put_snapshot_in_parts(std::string key) {
    return std::make_unique<GatheredSnapshot>(*this, std::move(key));
}

std::string_view record_store_name(RecordKind kind) {
    for (const auto& [candidate, name] : record_store_names)
        if (candidate == kind) return name;
    return "events";
}

std::optional<RecordKind> record_kind_from_name(std::string_view name) {
    for (const auto& [kind, candidate] : record_store_names)
        if (candidate == name) return kind;
    return std::nullopt;
}

std::vector<StoreRecord>& StoreContents::records(RecordKind kind) {
    switch (kind) {
        case RecordKind::event: return events;
        case RecordKind::batch: return batches;
        case RecordKind::model: return models;
        case RecordKind::mapping_profile: return mapping_profiles;
        case RecordKind::setting: return settings;
    }
    return events;
}

const std::vector<StoreRecord>& StoreContents::records(RecordKind kind) const {
    return const_cast<StoreContents*>(this)->records(kind);
}

void Store::put(RecordKind kind, std::string key, std::string data, Done done) {
    std::vector<StoreWrite> writes;
    writes.push_back({kind, std::move(key), std::move(data), false});
    commit(std::move(writes), std::move(done));
}

void Store::put_many(RecordKind kind, std::vector<StoreRecord> records, Done done) {
    std::vector<StoreWrite> writes;
    writes.reserve(records.size());
    for (auto& record : records) writes.push_back({kind, std::move(record.key), std::move(record.data), false});
    commit(std::move(writes), std::move(done));
}

void Store::remove(RecordKind kind, std::string key, Done done) {
    std::vector<StoreWrite> writes;
    writes.push_back({kind, std::move(key), {}, true});
    commit(std::move(writes), std::move(done));
}

std::string snapshot_content_text(const StoreSnapshot& snapshot) {
    return snapshot.binary ? bytes_as_text(snapshot.content) : snapshot.content;
}

}  // namespace radar::platform
