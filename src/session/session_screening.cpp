// Session's screening work: loading events and batches from the store (and handing its model
// versions and imports to their loaders), submitting one user action as one store commit,
// following the store's mode and change notices.
#include "core/base/strict_json.hpp"
#include "core/model/model_json.hpp"
#include "platform/platform.hpp"
#include "core/screening/blind_queue.hpp"
#include "core/screening/event_json.hpp"
#include "core/selection/preview_request.hpp"
#include "session/session.hpp"

namespace radar::session {
namespace {

constexpr const char* last_backup_setting_key = "last_backup_at";

}  // namespace

void Session::connect_store(platform::Store* store) {
    store_ = store;
    if (!store_) {
        storage_mode_ = StoreMode::memory_only;
        storage_loaded_ = true;
        return;
    }
    storage_mode_ = StoreMode::opening;
    store_->set_notice_handler([this](const platform::StoreNotice& notice) { handle_store_notice(notice); });
    store_->open([this](const platform::StoreResult& result, const platform::StoreStatus& status) {
        if (!result.ok) {
            // The app keeps working; the banner says nothing is kept after this page closes.
            storage_mode_ = StoreMode::memory_only;
            storage_message_ = result.failure_text();
            storage_loaded_ = true;
            return;
        }
        storage_mode_ = status.mode;
        if (status.pending_migration) {
            pending_migration_ = status.pending_migration;
            storage_message_ = "MigrationPendingError";
            storage_loaded_ = true;
            return;
        }
        reload_from_store();
    });
}

void Session::reload_from_store() {
    if (!store_) return;
    store_->load_all([this](const platform::StoreResult& result, platform::StoreContents contents) {
        storage_loaded_ = true;
        if (!result.ok) {
            snapshot_streaming_.reset();
            storage_message_ = result.failure_text();
            return;
        }
        load_problems_.clear();
        std::vector<ScreeningEvent> events;
        for (const auto& record : contents.events) {
            Checked<ScreeningEvent> event = parse_event(record.data);
            if (event) events.push_back(std::move(*event));
            else load_problems_.push_back(record.key + ": " + event.error());
        }
        std::vector<FrozenBatch> batches;
        for (const auto& record : contents.batches) {
            Checked<FrozenBatch> batch = parse_batch(record.data);
            if (batch) batches.push_back(std::move(*batch));
            else load_problems_.push_back(record.key + ": " + batch.error());
        }
        stored_settings_.clear();
        for (const auto& record : contents.settings) {
            stored_settings_[record.key] = record.data;
            if (record.key == label_definition_setting) load_label_definition(record);
            if (record.key != screener_setting && record.key != last_backup_setting_key) continue;
            const std::optional<Json> value = read_setting(record);
            if (!value || !value->is_string()) continue;
            if (record.key == screener_setting) screener_ = value->get<std::string>();
            if (record.key == last_backup_setting_key) last_backup_at_ = parse_timestamp(value->get<std::string>());
        }
        events_ = std::move(events);
        frozen_batches_ = std::move(batches);
        screening_ = fold_events(events_);
        ++screening_generation_;
        load_models_from_store(contents);
        load_imports_from_store(contents);
        load_demo_year_span();
        if (demo_year_missing()) write_demo_year();
    }, snapshot_receiving());
}

std::optional<Json> Session::read_setting(const platform::StoreRecord& record) {
    Checked<Json> value = parse_json_strict(record.data);
    if (value) return std::move(*value);
    load_problems_.push_back(record.key + ": " + value.error());
    return std::nullopt;
}

void Session::handle_store_notice(const platform::StoreNotice& notice) {
    // The notice's detail comes from the browser's store library; a detail that does not parse says nothing.
    const Checked<Json> detail = parse_json_strict(notice.detail_json);
    const bool has_detail = detail && detail->is_object();
    if (notice.kind == "mode") {
        const std::string mode = has_detail ? detail->value("mode", std::string()) : std::string();
        if (mode == "writer") storage_mode_ = StoreMode::writer;
        else if (mode == "read-only") storage_mode_ = StoreMode::read_only;
        // A tab that just became the writer may have missed changes while it waited.
        if (storage_mode_ == StoreMode::writer) reload_from_store();
    } else if (notice.kind == "change") {
        reload_from_store();
    } else if (notice.kind == "closed") {
        storage_mode_ = StoreMode::closed;
        storage_message_ = has_detail ? detail->value("reason", std::string()) : std::string();
    }
}

void Session::use_store_here() {
    if (!store_) return;
    store_->use_here([this](const platform::StoreResult& result) {
        if (!result.ok) {
            storage_message_ = result.failure_text();
            return;
        }
        storage_mode_ = StoreMode::writer;
        reload_from_store();
    });
}

void Session::migrate_store(std::function<void(const platform::StoreResult&)> done) {
    if (!store_ || !pending_migration_) return;
    store_->migrate([this, done = std::move(done)](const platform::StoreResult& result) {
        if (result.ok) {
            pending_migration_.reset();
            storage_message_.clear();
            reload_from_store();
        }
        done(result);
    });
}

void Session::set_screener(const std::string& name) {
    if (name == screener_) return;
    screener_ = name;
    if (store_ && storage_mode_ == StoreMode::writer)
        store_->put(platform::RecordKind::setting, screener_setting, nlohmann::json(name).dump(),
                    [](const platform::StoreResult&) {});
}

void Session::note_backup_saved(Timestamp at) {
    last_backup_at_ = at;
    if (store_ && storage_mode_ == StoreMode::writer)
        store_->put(platform::RecordKind::setting, last_backup_setting_key, nlohmann::json(format_timestamp(at)).dump(),
                    [](const platform::StoreResult&) {});
}

EventStamp Session::new_stamp() const {
    const platform::RandomBits128 bits = platform::random_bits_128();
    return EventStamp{format_event_id(bits.high, bits.low), Timestamp{platform::now_millis()}, screener_};
}

void Session::submit(const std::string& subject, std::vector<ScreeningEvent> events, std::optional<FrozenBatch> batch) {
    SaveStatus status;
    status.events = std::move(events);
    status.batch = std::move(batch);
    save_statuses_[subject] = std::move(status);
    last_subject_ = subject;
    commit_pending(subject);
}

void Session::retry(const std::string& subject) {
    auto found = save_statuses_.find(subject);
    if (found == save_statuses_.end() || found->second.phase != SavePhase::failed) return;
    last_subject_ = subject;
    commit_pending(subject);
}

void Session::commit_pending(const std::string& subject) {
    SaveStatus& status = save_statuses_[subject];
    status.phase = SavePhase::saving;
    status.error_name.clear();
    status.message.clear();
    if (!store_ || storage_mode_ == StoreMode::memory_only) {
        apply_confirmed(status.events, status.batch);
        status.phase = SavePhase::saved;
        return;
    }
    std::vector<platform::StoreWrite> writes;
    if (status.batch) writes.push_back({platform::RecordKind::batch, status.batch->batch_id, batch_to_text(*status.batch), false});
    for (const ScreeningEvent& event : status.events)
        writes.push_back({platform::RecordKind::event, event.event_id, event_to_text(event), false});
    store_->commit(std::move(writes), [this, subject](const platform::StoreResult& result) {
        auto found = save_statuses_.find(subject);
        if (found == save_statuses_.end()) return;
        SaveStatus& done = found->second;
        if (!result.ok) {
            done.phase = SavePhase::failed;
            done.error_name = result.error_name;
            done.message = result.message;
            return;
        }
        apply_confirmed(done.events, done.batch);
        done.phase = SavePhase::saved;
        // Ask the browser to keep the data once there is a decision worth keeping.
        if (!persistence_requested_ && !done.events.empty() && store_) {
            persistence_requested_ = true;
            store_->request_persistence([](const platform::StoreResult&, bool) {});
        }
    });
}

void Session::apply_confirmed(const std::vector<ScreeningEvent>& events, const std::optional<FrozenBatch>& batch) {
    if (batch) {
        frozen_batches_.push_back(*batch);
        // The next preview of this month (a supplementary batch) draws a seed of its own, and
        // what the members' reasons showed before the freeze no longer counts.
        control_seeds_.erase(batch->month);
        for (const FrozenMember& member : batch->members) reasons_shown_.erase(member.dossier_id);
    }
    events_.insert(events_.end(), events.begin(), events.end());
    screening_ = fold_events(events_);
    ++screening_generation_;
}

const SaveStatus* Session::save_status(const std::string& subject) const {
    const auto found = save_statuses_.find(subject);
    return found == save_statuses_.end() ? nullptr : &found->second;
}

std::string Session::model_version_id() const {
    return engine_ ? radar::model_version_id(engine_->spec()) : std::string();
}

const Checked<BatchPreview>* Session::batch_preview() {
    if (!engine_) return nullptr;
    PreviewCache& cache = preview_cache_;
    if (cache.preview && cache.screening_generation == screening_generation_ &&
        cache.scores_generation == scores_generation_ && cache.settings == selection_settings_ &&
        cache.selection_date == selection_date_)
        return &*cache.preview;
    const std::string month = batch_month_of(selection_date_);
    auto seed = control_seeds_.find(month);
    if (seed == control_seeds_.end())
        seed = control_seeds_.emplace(month, control_seed_from_random_bits(platform::random_bits_128().high)).first;
    PreviewInputs inputs;
    inputs.selection_date = selection_date_;
    inputs.scores_as_of = engine_->context().reference_date;
    inputs.settings = selection_settings_;
    inputs.model_version_id = model_version_id();
    inputs.dataset_hash = dataset_hash_;
    const PreviewRequest request = decide_preview_request(inputs, screening_, seed->second);
    cache.preview = preview_batch(dataset_, engine_->raw_scores(), screening_, request, &engine_->ranking());
    cache.screening_generation = screening_generation_;
    cache.scores_generation = scores_generation_;
    cache.settings = selection_settings_;
    cache.selection_date = selection_date_;
    return &*cache.preview;
}

std::vector<std::size_t> Session::screening_order(const BatchState& batch) const {
    if (screened_blind(batch)) {
        std::uint64_t seed = 0;
        for (const FrozenBatch& frozen : frozen_batches_)
            if (frozen.batch_id == batch.batch_id) seed = frozen.settings.control_seed;
        return blind_queue_order(batch, seed);
    }
    std::vector<std::size_t> order(batch.members.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    return order;
}

std::optional<std::size_t> Session::row_of(const std::string& dossier_id) const {
    if (!row_by_id_) return std::nullopt;
    // Ids are unique: imports reject duplicates and the demo data has none.
    return row_by_id_->find(dossier_id);
}

}  // namespace radar::session
