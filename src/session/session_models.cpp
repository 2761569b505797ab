// Session's model versions in the store: each saved version is committed as one record (keyed by
// its fingerprint) and shown as saved only once the store confirmed it; the versions and the
// user's choice of active version are read back when the store loads, so a reload, another tab or
// a merged backup brings the same versions, numbered the same, with the same one active.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "session/session.hpp"
#include "session/i18n.hpp"

namespace radar::session {
const SaveStatus* Session::model_save_status(const std::string& fingerprint) const {
    const auto found = model_saves_.find(fingerprint);
    return found == model_saves_.end() ? nullptr : &found->second;
}

void Session::retry_model_save(const std::string& fingerprint) {
    const SaveStatus* status = model_save_status(fingerprint);
    if (!status || status->phase != SavePhase::failed) return;
    const auto active = registry_.active_version();
    const auto version = registry_.find_by_fingerprint(fingerprint);
    commit_model_version(fingerprint, version && active == version->info.version);
}

void Session::commit_model_version(const std::string& fingerprint, bool with_active_choice) {
    const std::optional<ModelVersion> version = registry_.find_by_fingerprint(fingerprint);
    if (!version) return;
    SaveStatus& status = model_saves_[fingerprint];
    status = SaveStatus{};
    // Like a decision: without a store the version is kept in memory, and says so.
    if (!store_ || storage_mode_ == StoreMode::memory_only) {
        status.phase = SavePhase::saved;
        return;
    }
    std::vector<platform::StoreWrite> writes{
        {platform::RecordKind::model, fingerprint, ModelRegistry::record_json(*version), false}};
    if (with_active_choice)
        writes.push_back({platform::RecordKind::setting, active_model_setting, nlohmann::json(fingerprint).dump(), false});
    store_->commit(std::move(writes), [this, fingerprint](const platform::StoreResult& result) {
        auto found = model_saves_.find(fingerprint);
        if (found == model_saves_.end()) return;
        found->second.phase = result.ok ? SavePhase::saved : SavePhase::failed;
        found->second.error_name = result.error_name;
        found->second.message = result.message;
    });
}

void Session::store_active_choice() {
    const auto active = registry_.active_version();
    if (!active || !store_ || storage_mode_ == StoreMode::memory_only) return;
    const std::string fingerprint = registry_.find(*active)->info.fingerprint;
    store_->put(platform::RecordKind::setting, active_model_setting, nlohmann::json(fingerprint).dump(),
                [this](const platform::StoreResult& result) {
                    if (result.ok) return;
                    char line[512];
                    std::snprintf(line, sizeof line, tr(TextId::active_choice_not_saved), result.failure_text().c_str());
                    model_notice_ = line;
                });
}

void Session::load_models_from_store(const platform::StoreContents& contents) {
    std::vector<std::string> records;
    for (const auto& record : contents.models) records.push_back(record.data);
    ModelRegistry stored;
    for (const std::string& problem : stored.restore(records, std::nullopt)) load_problems_.push_back("models: " + problem);
    std::string was_active;
    if (const auto active = registry_.active_version()) was_active = registry_.find(*active)->info.fingerprint;
    // What memory holds and the store does not: the model this page started with on a device that
    // never stored it, and versions whose write is under way or failed. Each keeps its content
    // (one version per content); the start-up model is written now, by the writer only.
    std::vector<ModelVersion> unstored;
    for (const ModelVersion& version : registry_.versions())
        if (!stored.find_by_fingerprint(version.info.fingerprint)) unstored.push_back(version);
    registry_ = std::move(stored);
    for (ModelVersion& version : unstored) {
        const std::string fingerprint = version.info.fingerprint;
        const int held_as = version.info.version;
        const int number = registry_.add(std::move(version));
        const bool never_written = !model_save_status(fingerprint);
        // A version renumbered here (the store gained versions meanwhile) is written again with its new number.
        if ((never_written && storage_mode_ == StoreMode::writer) || (!never_written && number != held_as))
            commit_model_version(fingerprint, false);
    }
    std::string chosen;
    for (const auto& record : contents.settings)
        if (record.key == active_model_setting) {
            const std::optional<Json> value = read_setting(record);
            if (value && value->is_string()) chosen = value->get<std::string>();
        }
    if (!chosen.empty() && !registry_.find_by_fingerprint(chosen)) {
        load_problems_.push_back(std::string("models: the active model version ") + chosen + " is not stored");
        chosen.clear();
    }
    if (const auto same = registry_.find_by_fingerprint(was_active)) registry_.activate(same->info.version);
    if (chosen.empty() || chosen == was_active) return;
    wanted_active_model_ = chosen;
    activate_wanted_model();
}

void Session::activate_wanted_model() {
    if (wanted_active_model_.empty()) return;
    const auto wanted = registry_.find_by_fingerprint(wanted_active_model_);
    if (!wanted) {
        wanted_active_model_.clear();
        return;
    }
    const std::vector<ModelProblem> problems = use_model_version(wanted->info.version);
    if (problems.empty()) return;
    // The model in use stays; the stored choice is kept and tried again with the next dataset.
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::stored_active_model_refused), wanted->info.version);
    model_notice_ = line;
    for (const ModelProblem& problem : problems) model_notice_ += "\n- " + problem.message_in(language_code());
}

}  // namespace radar::session
