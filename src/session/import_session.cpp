// Reading a file chunk by chunk into the core Importer, and reading it again after a mapping
// change (in a new worker, delivered again by the platform, or from the kept bytes); the review's
// mapping edits, the accept steps' state and the restore. The worker's side is in
// import_session_worker.cpp.
#include "session/import_session.hpp"

#include <cstdio>

#include "platform/platform.hpp"
#include "session/i18n.hpp"

namespace radar::session {
namespace {

// Bytes fed per frame when the kept file is read again (the browser's file chunks are similar).
constexpr std::size_t reread_chunk_bytes = 4u << 20;

}  // namespace

bool ImportSession::begin_file(const platform::IncomingFile& file) {
    if (phase_ == Phase::reading || accept_step_ != AcceptStep::none) return false;
    ImportOptions options;
    options.source_name = file.name;
    options.total_bytes = file.size;
    dictionary_ = next_dictionary_;
    if (!file.can_read_again || !read_in_worker(options)) importer_ = std::make_unique<Importer>(*dictionary_, options);
    preparation_.reset();  // before the result it reads
    result_.reset();
    read_error_.clear();
    stopped_by_user_ = false;
    cancel_requested_ = false;
    file_name_ = file.name;
    file_size_ = file.size;
    const std::string changed = date_text(file.changed_day > 0 ? file.changed_day : platform::today());
    std::snprintf(export_date_text_.data(), export_date_text_.size(), "%s", changed.c_str());
    keep_bytes_ = !file.can_read_again;
    file_wanted_again_ = false;
    source_bytes_.clear();
    if (keep_bytes_) source_bytes_.reserve(static_cast<std::size_t>(file.size));
    matched_profile_.clear();
    phase_ = Phase::reading;
    return true;
}

bool ImportSession::file_chunk(std::string_view bytes) {
    if (cancel_requested_ || !importer_) return false;
    if (!rereading_ && keep_bytes_) source_bytes_.append(bytes);
    importer_->feed(bytes);
    // A failed import needs no more bytes; finish() reports why.
    return !importer_->stopped();
}

void ImportSession::end_file(bool ok, const std::string& error) {
    if (!importer_) return;
    if (!ok && !importer_->stopped()) {
        fail_reading(cancel_requested_ ? std::string("cancelled") : error, cancel_requested_);
        return;
    }
    ImportResult result = importer_->finish();
    importer_.reset();
    take_result(std::move(result));
}

void ImportSession::fail_reading(const std::string& error, bool stopped_by_user) {
    rereading_ = false;
    read_error_ = error;
    stopped_by_user_ = stopped_by_user;
    importer_.reset();
    worker_reading_ = false;
    worker_result_reader_.reset();
    worker_result_.reset();
    worker_dataset_reader_.reset();
    worker_result_bytes_ = std::string();
    source_bytes_.clear();
    restoring_.reset();
    snapshot_rewrite_mapping_.reset();
    phase_ = Phase::idle;
}

void ImportSession::take_result(ImportResult result) {
    const bool first_read = !rereading_;
    rereading_ = false;
    result_ = std::move(result);
    phase_ = Phase::reviewing;
    if (restoring_) {
        request_accept();
        return;
    }
    if (first_read)
        if (const MappingProfile* matching = profile_for_headers()) {
            matched_profile_ = matching->name;
            reread(*matching);
        }
}

void ImportSession::close_review() {
    withdraw_accept();  // before the result its trial reads
    result_.reset();
    source_bytes_.clear();
    source_bytes_.shrink_to_fit();
    file_wanted_again_ = false;
    matched_profile_.clear();
    restoring_.reset();
    snapshot_rewrite_mapping_.reset();
    restored_sha256_.clear();
    restored_search_.reset();
    phase_ = Phase::idle;
}

void ImportSession::set_accept_step(AcceptStep step) {
    accept_step_ = step;
    accept_step_frames_ = 0;
}

ImportTrial ImportSession::take_trial() {
    ImportTrial trial = trial_ ? std::move(*trial_) : ImportTrial();
    trial_.reset();
    return trial;
}

void ImportSession::begin_preparing(const std::vector<std::string>& search_columns) {
    if (!result_) return;
    if (!preparation_) {
        std::optional<SearchIndex> search;
        if (restored_search_)
            search = SearchIndex::restored(result_->dataset, search_columns, restored_search_->format,
                                           restored_search_->columns, std::move(restored_search_->haystacks));
        restored_search_.reset();
        preparation_ =
            std::make_unique<DatasetPreparation>(result_->dataset, search_columns, restored_sha256_, std::move(search));
    }
    set_accept_step(AcceptStep::preparing);
}

void ImportSession::prepare_during_review(const std::vector<std::string>& search_columns) {
    if (phase_ != Phase::reviewing || accept_step_ != AcceptStep::none || restoring_ || preparation_ || !result_ ||
        !result_->ok())
        return;
    preparation_ = std::make_unique<DatasetPreparation>(result_->dataset, search_columns);
}

void ImportSession::try_again_under_new_model() {
    trial_.reset();
    set_accept_step(AcceptStep::checking);
}

void ImportSession::withdraw_accept() {
    trial_.reset();
    preparation_.reset();
    set_accept_step(AcceptStep::none);
}

const MappingProfile* ImportSession::profile_for_headers() const {
    if (!saved_profiles_ || !result_) return nullptr;
    std::vector<std::string> headers;
    for (const ImportedColumn& column : result_->columns) headers.push_back(column.header);
    for (const MappingProfile& profile : *saved_profiles_)
        if (profile_matches_headers(profile, headers)) return &profile;
    return nullptr;
}

void ImportSession::assign(std::size_t column, const std::string& field) {
    if (!result_) return;
    std::vector<HeaderMapping> mappings = result_->mappings();
    assign_column(mappings, column, field);
    matched_profile_.clear();
    reread(profile_from_mappings("", mappings));
}

void ImportSession::choose_kind(std::size_t column, std::optional<ValueKind> kind) {
    if (!result_) return;
    std::vector<HeaderMapping> mappings = result_->mappings();
    choose_column_kind(mappings, column, kind);
    matched_profile_.clear();
    reread(profile_from_mappings("", mappings));
}

void ImportSession::apply_profile(std::optional<MappingProfile> profile) {
    if (!result_) return;
    matched_profile_.clear();
    reread(std::move(profile));
}

void ImportSession::reread(std::optional<MappingProfile> profile) {
    ImportOptions options;
    options.source_name = file_name_;
    options.profile = std::move(profile);
    start_reading_again(std::move(options));
}

void ImportSession::begin_restore(StoredDataset stored) {
    if (busy()) return;
    dictionary_ = next_dictionary_;
    file_name_ = stored.descriptor.source_name;
    read_error_.clear();
    stopped_by_user_ = false;
    matched_profile_.clear();
    if (stored.dataset) {
        ImportResult restored;
        restored.source_name = file_name_;
        restored.byte_count = stored.descriptor.byte_count;
        restored.dataset = std::move(*stored.dataset);
        result_ = std::move(restored);
        file_size_ = stored.descriptor.byte_count;
        restored_sha256_ = std::move(stored.dataset_sha256);
        if (!stored.search || stored.search->format != SearchIndex::format) snapshot_rewrite_mapping_ = stored.mapping;
        restored_search_ = std::move(stored.search);
        restoring_ = std::move(stored.descriptor);
        phase_ = Phase::reviewing;
        request_accept();
        return;
    }
    keep_bytes_ = true;
    source_bytes_ = std::move(stored.text);
    file_size_ = source_bytes_.size();
    snapshot_rewrite_mapping_ = stored.mapping;
    ImportOptions options;
    options.source_name = file_name_;
    options.encoding = EncodingChoice::utf8;  // stored as UTF-8 (source_text_utf8)
    options.profile = std::move(stored.mapping);
    restoring_ = std::move(stored.descriptor);
    start_reading_again(std::move(options));
}

void ImportSession::start_reading_again(ImportOptions options) {
    options.total_bytes = keep_bytes_ ? source_bytes_.size() : file_size_;
    preparation_.reset();  // before the result it reads
    result_.reset();
    cancel_requested_ = false;
    rereading_ = true;
    reread_offset_ = 0;
    phase_ = Phase::reading;
    file_wanted_again_ = false;
    if (!keep_bytes_ && read_in_worker(options)) return;
    importer_ = std::make_unique<Importer>(*dictionary_, std::move(options));
    file_wanted_again_ = !keep_bytes_;
}

bool ImportSession::take_file_request() {
    const bool wanted = file_wanted_again_;
    file_wanted_again_ = false;
    return wanted;
}

void ImportSession::pump() {
    if (!rereading_ || !importer_ || !keep_bytes_) return;
    if (cancel_requested_) {
        end_file(false, "");
        return;
    }
    const std::string_view chunk = std::string_view(source_bytes_).substr(reread_offset_, reread_chunk_bytes);
    reread_offset_ += chunk.size();
    if (!file_chunk(chunk) || reread_offset_ >= source_bytes_.size()) end_file(true, "");
}

}  // namespace radar::session
