// Session's imported datasets: the field dictionary (built in or a stored custom one), named
// mapping profiles, the accepted dataset kept as a store snapshot (decoded at start-up as the
// store reads it, or over frames when handed over whole, and shown instead of the demo data) and
// the "memory only" privacy setting.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/base/byte_text.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/data/dataset_snapshot_stream.hpp"
#include "session/i18n.hpp"
#include "session/session.hpp"

namespace radar::session {
namespace {

constexpr const char* snapshot_key = "dataset";
// The meta's "content" of a binary dataset snapshot (old text snapshots have none). It is stored
// as bytes (StoreSnapshot::binary); stores from before that hold its bytes as text (bytes_as_text)
// and are read that way once, then stored again as bytes.
constexpr const char* columns_content = "dataset-columns";
constexpr const char* memory_only_setting_key = "dataset_memory_only";
// {"name": file name, "text": the dictionary's JSON text}
constexpr const char* dictionary_setting_key = "field_dictionary";

SaveStatus save_started() {
    SaveStatus status;
    status.phase = SavePhase::saving;
    return status;
}

void note_outcome(std::optional<SaveStatus>& status, const platform::StoreResult& result) {
    if (!status) return;
    status->phase = result.ok ? SavePhase::saved : SavePhase::failed;
    status->error_name = result.error_name;
    status->message = result.message;
}

}  // namespace

class StreamedSnapshot : public platform::SnapshotReceiver {
public:
    explicit StreamedSnapshot(std::string source) : source_name(std::move(source)) {}
    void add(std::string_view bytes) override { stream.add(bytes); }

    const std::string source_name;
    DatasetSnapshotStream stream;
};

void Session::set_built_in_dictionary(FieldDictionary dictionary) {
    built_in_dictionary_ = std::make_shared<const FieldDictionary>(std::move(dictionary));
    activate_dictionary(built_in_dictionary_, "");
}

void Session::activate_dictionary(std::shared_ptr<const FieldDictionary> dictionary, std::string custom_name) {
    field_dictionary_ = std::move(dictionary);
    custom_dictionary_name_ = std::move(custom_name);
    // A custom dictionary keeps the built-in protected fields (load_custom_field_dictionary);
    // the union says so again here, for every model the app scores from now on.
    for (const std::string& name : built_in_dictionary_->protected_names()) protected_fields_.insert(name);
    for (const std::string& name : field_dictionary_->protected_names()) protected_fields_.insert(name);
}

std::string Session::load_custom_dictionary(std::string_view json_text, const std::string& name) {
    if (!built_in_dictionary_) return "no built-in field dictionary";
    DictionaryLoad load = load_custom_field_dictionary(json_text, *built_in_dictionary_);
    if (!load.dictionary) return load.errors.front();
    activate_dictionary(std::make_shared<const FieldDictionary>(std::move(*load.dictionary)), name);
    dictionary_save_ = save_started();
    if (!store_ || storage_mode_ == StoreMode::memory_only) {
        dictionary_save_->phase = SavePhase::saved;
        return {};
    }
    const nlohmann::json record = {{"name", name}, {"text", std::string(json_text)}};
    store_->put(platform::RecordKind::setting, dictionary_setting_key,
                record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                [this](const platform::StoreResult& result) { note_outcome(dictionary_save_, result); });
    return {};
}

void Session::use_built_in_dictionary() {
    if (!built_in_dictionary_ || custom_dictionary_name_.empty()) return;
    activate_dictionary(built_in_dictionary_, "");
    dictionary_save_ = save_started();
    if (!store_ || storage_mode_ == StoreMode::memory_only) {
        dictionary_save_->phase = SavePhase::saved;
        return;
    }
    platform::StoreWrite removal;
    removal.kind = platform::RecordKind::setting;
    removal.key = dictionary_setting_key;
    removal.remove = true;
    store_->commit({removal}, [this](const platform::StoreResult& result) { note_outcome(dictionary_save_, result); });
}

void Session::save_mapping_profile(const MappingProfile& profile) {
    auto same_name = [&](const MappingProfile& saved) { return saved.name == profile.name; };
    mapping_profiles_.erase(std::remove_if(mapping_profiles_.begin(), mapping_profiles_.end(), same_name),
                            mapping_profiles_.end());
    mapping_profiles_.push_back(profile);
    profile_save_ = save_started();
    if (!store_ || storage_mode_ == StoreMode::memory_only) {
        profile_save_->phase = SavePhase::saved;
        return;
    }
    store_->put(platform::RecordKind::mapping_profile, profile.name, mapping_profile_to_json(profile),
                [this](const platform::StoreResult& result) { note_outcome(profile_save_, result); });
}

void Session::persist_snapshot(const MappingProfile& mapping) {
    if (!snapshot_) return;
    drop_snapshot_writing();
    if (dataset_memory_only_ || !store_ || storage_mode_ == StoreMode::memory_only) {
        snapshot_save_.reset();
        return;
    }
    const Json meta = {{"descriptor", snapshot_json_value(*snapshot_)},
                       {"mapping", mapping_profile_json_value(mapping)},
                       {"content", columns_content},
                       {"dataset_sha256", dataset_hash_}};
    // canonical_json: a file name that is not valid UTF-8 is replaced, never thrown on. The same
    // text travels inside the snapshot, under its checksum: restoring trusts that copy.
    std::string meta_text = canonical_json(meta);
    DatasetSnapshotWriter writer(dataset_, meta_text, search_.get());
    snapshot_writing_ = std::make_unique<SnapshotWriting>(
        SnapshotWriting{std::move(meta_text), std::move(writer), store_->put_snapshot_in_parts(snapshot_key)});
    snapshot_save_ = save_started();
}

void Session::drop_snapshot_writing() {
    if (!snapshot_writing_) return;
    snapshot_writing_.reset();
    snapshot_save_.reset();  // it said "saving"
}

bool Session::snapshot_writing_can_go_on() const {
    return snapshot_writing_ && snapshot_writing_->parts->bytes_waiting() < snapshot_bytes_ahead;
}

bool Session::write_snapshot_step() {
    if (!snapshot_writing_) return true;
    SnapshotWriting& writing = *snapshot_writing_;
    if (writing.parts->bytes_waiting() >= snapshot_bytes_ahead) return true;
    const bool written = writing.writer.step();
    if (std::string part = writing.writer.take_written(); !part.empty()) writing.parts->add(std::move(part));
    if (!written) return false;
    const std::unique_ptr<SnapshotWriting> finished = std::move(snapshot_writing_);
    finished->parts->finish(std::move(finished->meta), [this](const platform::StoreResult& result) {
        note_outcome(snapshot_save_, result);
        if (result.ok) snapshot_stored_ = true;
    });
    return true;
}

void Session::set_dataset_memory_only(bool memory_only) {
    if (memory_only == dataset_memory_only_) return;
    dataset_memory_only_ = memory_only;
    if (!store_ || storage_mode_ != StoreMode::writer) return;
    store_->put(platform::RecordKind::setting, memory_only_setting_key, nlohmann::json(memory_only).dump(),
                [](const platform::StoreResult&) {});
    if (memory_only) drop_snapshot_writing();
    if (memory_only && snapshot_stored_) {
        snapshot_save_.reset();
        store_->remove_snapshot(snapshot_key, [this](const platform::StoreResult& result) {
            if (result.ok) snapshot_stored_ = false;
        });
    }
}

std::string Session::return_to_demo() {
    if (synthetic_) return {};
    if (!saved_spec_) return "no model is loaded";
    Dataset demo = generate_demo_data(demo_settings_).dataset;
    // Scored before anything changes: a model made for the imported columns may not fit the demo.
    EngineResult created = ScoringEngine::create(*saved_spec_, demo, scoring_context());
    if (!created.engine) {
        std::string refusal;
        for (const ModelProblem& problem : created.problems)
            refusal += (refusal.empty() ? "" : "\n") + problem.message_in(language_code());
        return refusal;
    }
    synthetic_ = true;
    snapshot_.reset();
    stored_dataset_.reset();
    snapshot_reading_.reset();
    skipped_dataset_.reset();
    export_date_ = demo_settings_.export_date;
    install_dataset(std::move(demo));
    engine_ = std::move(created.engine);
    engine_->rebind(dataset_);
    model_problems_.clear();
    saved_ranking_ = engine_->snapshot();
    snapshot_save_.reset();
    if (snapshot_stored_ && store_ && storage_mode_ == StoreMode::writer)
        store_->remove_snapshot(snapshot_key, [this](const platform::StoreResult& result) {
            if (result.ok) snapshot_stored_ = false;
        });
    return {};
}

void Session::load_imports_from_store(platform::StoreContents& contents) {
    for (const auto& record : contents.settings)
        if (record.key == memory_only_setting_key) {
            const std::optional<Json> value = read_setting(record);
            if (value && value->is_boolean()) dataset_memory_only_ = value->get<bool>();
        }
    if (!field_dictionary_) return;
    // The custom dictionary first: profiles and the snapshot are read with it.
    for (const auto& record : contents.settings) {
        if (record.key != dictionary_setting_key) continue;
        const std::optional<Json> setting = read_setting(record);
        if (!setting) continue;
        const Json& value = *setting;
        const bool readable = value.is_object() && value.contains("name") && value["name"].is_string() &&
                              value.contains("text") && value["text"].is_string();
        DictionaryLoad load = readable ? load_custom_field_dictionary(value["text"].get<std::string>(), *built_in_dictionary_)
                                       : DictionaryLoad{std::nullopt, {"not a stored field dictionary"}};
        if (load.dictionary)
            activate_dictionary(std::make_shared<const FieldDictionary>(std::move(*load.dictionary)),
                                value["name"].get<std::string>());
        else
            load_problems_.push_back(std::string(dictionary_setting_key) + ": " + load.errors.front());
    }
    mapping_profiles_.clear();
    for (const auto& record : contents.mapping_profiles) {
        ProfileLoad load = load_mapping_profile(record.data, *field_dictionary_);
        if (load.profile) mapping_profiles_.push_back(std::move(*load.profile));
        else load_problems_.push_back(record.key + ": " + load.errors.front());
    }
    snapshot_stored_ = false;
    damaged_snapshot_.reset();
    snapshot_reading_.reset();
    snapshot_streaming_.reset();  // the load that decoded it is over: the snapshot below holds it
    for (auto& stored : contents.snapshots)
        if (stored.key == snapshot_key) {
            snapshot_stored_ = true;
            if (!dataset_memory_only_) restore_snapshot(stored);
        }
}

void Session::restore_snapshot(platform::StoreSnapshot& stored) {
    const Checked<Json> parsed = parse_json_strict(stored.meta);
    if (!parsed) {
        load_problems_.push_back(std::string(snapshot_key) + ": " + parsed.error());
        return;
    }
    const Json& meta = *parsed;
    if (!meta.is_object() || !meta.contains("descriptor") || !meta.contains("mapping")) {
        load_problems_.push_back(std::string(snapshot_key) + ": not a dataset snapshot");
        return;
    }
    std::optional<SnapshotDescriptor> descriptor = snapshot_from_json_value(meta["descriptor"]);
    ProfileLoad mapping = load_mapping_profile_value(meta["mapping"], *field_dictionary_);
    if (!descriptor || !mapping.profile) {
        load_problems_.push_back(std::string(snapshot_key) + ": unreadable descriptor or mapping");
        return;
    }
    // Another tab's change notice reloads everything; the same data need not be read again.
    if (names_shown_dataset(*descriptor)) return;
    if (meta.contains("content")) {
        restore_columns_snapshot(stored, std::move(*descriptor));
        return;
    }
    StoredDataset dataset{std::move(*descriptor), std::move(*mapping.profile), std::move(stored.content), {}, {}, {}};
    if (skip_stored_dataset_) skipped_dataset_ = std::move(dataset);
    else stored_dataset_ = std::move(dataset);
}

void Session::report_damaged_snapshot(const std::string& source_name, const std::string& why) {
    damaged_snapshot_.emplace(source_name, why);
    load_problems_.push_back(std::string(snapshot_key) + ": " + why);
}

void Session::restore_columns_snapshot(platform::StoreSnapshot& stored, SnapshotDescriptor descriptor) {
    const Json meta = *parse_json_strict(stored.meta);  // restore_snapshot read it
    if (meta["content"] != columns_content) {
        report_damaged_snapshot(descriptor.source_name,
                                "not a readable dataset snapshot: its content is " + meta["content"].dump());
        return;
    }
    if (const auto streamed = std::dynamic_pointer_cast<StreamedSnapshot>(stored.received)) {
        keep_decoded_snapshot(streamed->stream.finish(), descriptor.source_name);
        return;
    }
    auto reading = std::make_unique<SnapshotReading>();
    reading->stored_as_text = !stored.binary;
    reading->bytes = std::move(stored.content);
    if (reading->stored_as_text && !text_to_bytes_in_place(reading->bytes)) {
        report_damaged_snapshot(descriptor.source_name,
                                "not a readable dataset snapshot: its stored text holds characters a snapshot's bytes never give");
        return;
    }
    reading->descriptor = std::move(descriptor);
    reading->meta = std::move(stored.meta);
    reading->reader.emplace(reading->bytes);
    snapshot_reading_ = std::move(reading);
}

bool Session::names_shown_dataset(const SnapshotDescriptor& descriptor) const {
    return snapshot_ && snapshot_->content_hash == descriptor.content_hash && snapshot_->imported_at == descriptor.imported_at;
}

platform::SnapshotReceiving Session::snapshot_receiving() {
    return [this](const std::string& key, const std::string& meta) -> std::shared_ptr<platform::SnapshotReceiver> {
        if (key != snapshot_key) return nullptr;
        const Checked<Json> parsed = parse_json_strict(meta);
        if (!parsed || !parsed->is_object() || parsed->value("content", Json()) != columns_content || !parsed->contains("descriptor"))
            return nullptr;  // restore_snapshot reports what it is
        const std::optional<SnapshotDescriptor> descriptor = snapshot_from_json_value((*parsed)["descriptor"]);
        if (!descriptor || names_shown_dataset(*descriptor)) return nullptr;
        snapshot_streaming_ = std::make_shared<StreamedSnapshot>(descriptor->source_name);
        return snapshot_streaming_;
    };
}

std::optional<std::pair<std::string, double>> Session::stored_dataset_reading() const {
    if (snapshot_streaming_) return std::make_pair(snapshot_streaming_->source_name, snapshot_streaming_->stream.progress());
    if (!snapshot_reading_) return std::nullopt;
    return std::make_pair(snapshot_reading_->descriptor.source_name, snapshot_reading_->reader->progress());
}

bool Session::read_stored_snapshot_step() {
    if (!snapshot_reading_) return true;
    if (!snapshot_reading_->reader->step()) return false;
    finish_snapshot_reading();
    return true;
}

void Session::finish_snapshot_reading() {
    const std::unique_ptr<SnapshotReading> reading = std::move(snapshot_reading_);
    DatasetSnapshotDecode decoded = reading->reader->take();
    reading->reader.reset();
    if (!keep_decoded_snapshot(std::move(decoded), reading->descriptor.source_name)) return;
    // Stored as text by an older version: stored again as bytes, so the next start reads them as
    // they are. Should that fail, the text snapshot stays and is read the same way next time.
    if (reading->stored_as_text && store_ && storage_mode_ == StoreMode::writer)
        store_->put_snapshot({snapshot_key, std::move(reading->meta), std::move(reading->bytes), true, nullptr},
                             [this](const platform::StoreResult& result) {
                                 if (result.ok) snapshot_stored_ = true;
                             });
}

bool Session::keep_decoded_snapshot(DatasetSnapshotDecode decoded, const std::string& source_name) {
    if (!decoded.snapshot) {
        report_damaged_snapshot(source_name, decoded.message);
        return false;
    }
    // What the dataset is, from the copy under the checksum.
    const Checked<Json> note = parse_json_strict(decoded.snapshot->note);
    std::optional<SnapshotDescriptor> descriptor;
    std::optional<MappingProfile> mapping;
    std::string sha256;
    if (note && note->is_object() && note->contains("descriptor") && note->contains("mapping")) {
        descriptor = snapshot_from_json_value((*note)["descriptor"]);
        mapping = load_mapping_profile_value((*note)["mapping"], *field_dictionary_).profile;
        sha256 = note->value("dataset_sha256", std::string());
    }
    if (!descriptor || !mapping) {
        report_damaged_snapshot(source_name, "not a readable dataset snapshot: it does not say which file it holds");
        return false;
    }
    StoredDataset dataset{std::move(*descriptor), std::move(*mapping), {}, std::move(decoded.snapshot->dataset),
                          std::move(sha256), std::move(decoded.snapshot->search)};
    if (skip_stored_dataset_) skipped_dataset_ = std::move(dataset);
    else stored_dataset_ = std::move(dataset);
    return true;
}

void Session::load_skipped_dataset() {
    if (!skipped_dataset_) return;
    skip_stored_dataset_ = false;
    stored_dataset_ = std::move(skipped_dataset_);
    skipped_dataset_.reset();
}

void Session::remove_skipped_dataset() {
    if (!skipped_dataset_ || !store_ || storage_mode_ != StoreMode::writer) return;
    skipped_dataset_.reset();
    skip_stored_dataset_ = false;
    store_->remove_snapshot(snapshot_key, [this](const platform::StoreResult& result) {
        if (result.ok) snapshot_stored_ = false;
    });
}

std::optional<StoredDataset> Session::take_stored_dataset() {
    std::optional<StoredDataset> stored = std::move(stored_dataset_);
    stored_dataset_.reset();
    return stored;
}

void Session::note_restore_problem(const std::string& problem) {
    load_problems_.push_back(std::string(snapshot_key) + ": " + problem);
}

}  // namespace radar::session
