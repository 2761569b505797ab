// Chunked file reading into the core Importer.
#include "ui/import_session.hpp"

namespace radar::ui {

bool ImportSession::begin_file(const platform::IncomingFile& file) {
    if (phase_ == Phase::reading) return false;
    ImportOptions options;
    options.source_name = file.name;
    options.total_bytes = file.size;
    importer_ = std::make_unique<Importer>(dictionary_, options);
    result_.reset();
    read_error_.clear();
    cancel_requested_ = false;
    file_name_ = file.name;
    file_size_ = file.size;
    phase_ = Phase::reading;
    return true;
}

bool ImportSession::file_chunk(std::string_view bytes) {
    if (cancel_requested_ || !importer_) return false;
    importer_->feed(bytes);
    // A failed import needs no more bytes; finish() reports why.
    return !importer_->stopped();
}

void ImportSession::end_file(bool ok, const std::string& error) {
    if (!importer_) return;
    const bool stopped_by_importer = importer_->stopped();
    if (!ok && !stopped_by_importer) {
        read_error_ = cancel_requested_ ? std::string("cancelled") : error;
        importer_.reset();
        phase_ = Phase::idle;
        return;
    }
    result_ = importer_->finish();
    importer_.reset();
    phase_ = Phase::reviewing;
}

void ImportSession::close_review() {
    result_.reset();
    phase_ = Phase::idle;
}

}  // namespace radar::ui
