// ImportSession's import worker: starting one on the picked file with the import's request, what
// it says (how far it read, its result, its failure), reading the result between frames (the head
// with its diagnostics and rejected rows, then the dataset), and Stop. A worker that cannot start
// at all (its script or wasm did not load) leaves the reading to the session itself.
#include <algorithm>

#include "session/import_session.hpp"

namespace radar::session {

ImportSession::~ImportSession() {
    if (worker_reading_) worker_->stop();
}

bool ImportSession::read_in_worker(const ImportOptions& options) {
    if (!worker_) return false;
    worker_bytes_read_ = 0;
    worker_reading_ = worker_->start(encode_import_request(*dictionary_, options), *this);
    if (worker_reading_) worker_options_ = options;
    return worker_reading_;
}

void ImportSession::worker_read(std::uint64_t bytes_read) {
    if (worker_reading_) worker_bytes_read_ = bytes_read;
}

void ImportSession::worker_done(std::string result) {
    if (!worker_reading_) return;
    worker_reading_ = false;
    worker_result_bytes_ = std::move(result);
    worker_result_reader_.emplace(worker_result_bytes_);
}

void ImportSession::worker_failed(const std::string& error) {
    if (worker_reading_) fail_reading(error);
}

void ImportSession::worker_unavailable() {
    if (!worker_reading_) return;
    worker_reading_ = false;
    worker_ = nullptr;  // not tried again
    importer_ = std::make_unique<Importer>(*dictionary_, std::move(worker_options_));
    file_wanted_again_ = true;
}

bool ImportSession::decode_worker_result_step() {
    if (worker_result_reader_) {
        if (!worker_result_reader_->step()) return false;
        ImportResultDecode decoded = worker_result_reader_->take();
        worker_result_reader_.reset();
        if (!decoded.result) {
            fail_reading("the import worker's result could not be read: " + decoded.error);
            return true;
        }
        worker_result_ = std::move(decoded.result);
        worker_dataset_reader_.emplace(
            std::string_view(worker_result_bytes_).substr(decoded.dataset_offset, decoded.dataset_size));
        return false;
    }
    if (!worker_dataset_reader_) return true;
    if (!worker_dataset_reader_->step()) return false;
    DatasetSnapshotDecode decoded = worker_dataset_reader_->take();
    worker_dataset_reader_.reset();
    worker_result_bytes_ = std::string();
    if (!decoded.snapshot) {
        fail_reading("the import worker's dataset could not be read: " + decoded.message);
        return true;
    }
    ImportResult result = std::move(*worker_result_);
    worker_result_.reset();
    result.dataset = std::move(decoded.snapshot->dataset);
    take_result(std::move(result));
    return true;
}

double ImportSession::progress() const {
    if (importer_) return importer_->progress();
    if (worker_reading_ && file_size_ > 0)
        return std::min(1.0, static_cast<double>(worker_bytes_read_) / static_cast<double>(file_size_));
    return decoding_worker_result() ? 1.0 : 0.0;
}

std::uint64_t ImportSession::bytes_read() const {
    if (importer_) return importer_->bytes_consumed();
    if (worker_reading_) return worker_bytes_read_;
    return decoding_worker_result() ? file_size_ : 0;
}

void ImportSession::cancel() {
    cancel_requested_ = true;
    if (!worker_reading_ && !decoding_worker_result()) return;
    if (worker_reading_) worker_->stop();
    fail_reading("cancelled", true);
}

}  // namespace radar::session
