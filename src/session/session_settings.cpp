// Stored settings kept for the session's helpers (see Session::stored_setting): read as loaded,
// changed here at once and written to the store when this page is the writer.
#include "session/session.hpp"

namespace radar::session {

const std::string* Session::stored_setting(const std::string& key) const {
    const auto found = stored_settings_.find(key);
    return found == stored_settings_.end() ? nullptr : &found->second;
}

void Session::store_setting(const std::string& key, std::string json_text,
                            std::function<void(const platform::StoreResult&)> done) {
    stored_settings_[key] = json_text;
    if (!store_ || storage_mode_ != StoreMode::writer) return;
    store_->put(platform::RecordKind::setting, key, std::move(json_text),
                [done = std::move(done)](const platform::StoreResult& result) {
                    if (done) done(result);
                });
}

}  // namespace radar::session
