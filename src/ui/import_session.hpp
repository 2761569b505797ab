// One file import in the browser: receives the picked or dropped file chunk by chunk (one chunk
// per frame), feeds the core Importer, and holds the result until the user accepts or discards
// it. The current dataset is untouched until AppState::accept_import.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "import/importer.hpp"
#include "platform/file_transfer.hpp"

namespace radar::ui {

class ImportSession : public platform::FileSink {
public:
    enum class Phase { idle, reading, reviewing };

    explicit ImportSession(FieldDictionary dictionary) : dictionary_(std::move(dictionary)) {}

    bool begin_file(const platform::IncomingFile& file) override;
    bool file_chunk(std::string_view bytes) override;
    void end_file(bool ok, const std::string& error) override;

    Phase phase() const { return phase_; }
    const std::string& file_name() const { return file_name_; }
    double progress() const { return importer_ ? importer_->progress() : 0.0; }
    std::uint64_t bytes_read() const { return importer_ ? importer_->bytes_consumed() : 0; }
    std::uint64_t file_size() const { return file_size_; }
    // Stops reading at the next chunk; the session returns to idle with nothing imported.
    void cancel() { cancel_requested_ = true; }
    // The finished import waiting for the user's decision (phase reviewing).
    ImportResult* result() { return result_ ? &*result_ : nullptr; }
    const ImportResult* result() const { return result_ ? &*result_ : nullptr; }
    // Why the last file could not be read (cancelled, browser read error); empty otherwise.
    const std::string& read_error() const { return read_error_; }
    // Drops the reviewed result (after accepting or discarding it).
    void close_review();
    const FieldDictionary& dictionary() const { return dictionary_; }

private:
    FieldDictionary dictionary_;
    Phase phase_ = Phase::idle;
    std::string file_name_;
    std::uint64_t file_size_ = 0;
    std::unique_ptr<Importer> importer_;
    std::optional<ImportResult> result_;
    std::string read_error_;
    bool cancel_requested_ = false;
};

}  // namespace radar::ui
