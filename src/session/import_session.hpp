// One file import in the browser: has the picked or dropped file read by an import worker off the
// page's main thread (platform::FileImportWorker, given with use_worker) and decodes its result a
// piece at a time between frames, or, where there is no worker, receives the file chunk by chunk
// and feeds the core Importer itself; it holds the result until the user accepts or discards it.
// A mapping change reads the file again: a new worker reads it, or the platform delivers it once
// more (the browser keeps the file's handle, so its bytes are not kept in memory:
// take_file_request), else the bytes kept from the first read are fed again, a chunk per frame
// (pump). An old text snapshot is read at start-up from kept bytes the same way. The current
// dataset is untouched until Session::adopt_import.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset_preparation.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/import/import_snapshot.hpp"
#include "core/import/import_transfer.hpp"
#include "core/import/importer.hpp"
#include "core/time/date_text.hpp"
#include "platform/file_transfer.hpp"
#include "session/import_trial.hpp"

namespace radar::session {

class ImportSession : public platform::FileSink, public platform::ImportWorkerClient {
public:
    enum class Phase { idle, reading, reviewing };

    explicit ImportSession(std::shared_ptr<const FieldDictionary> dictionary)
        : dictionary_(dictionary), next_dictionary_(std::move(dictionary)) {}
    ~ImportSession() override;
    ImportSession(const ImportSession&) = delete;
    ImportSession& operator=(const ImportSession&) = delete;
    // Files that can be read again are read by `worker` from now on (nullptr: by this session).
    void use_worker(platform::FileImportWorker* worker) { worker_ = worker; }
    // The dictionary the next file (or restore) is read with; a review in progress keeps its own.
    void use_dictionary(std::shared_ptr<const FieldDictionary> dictionary) { next_dictionary_ = std::move(dictionary); }

    bool begin_file(const platform::IncomingFile& file) override;
    bool file_chunk(std::string_view bytes) override;
    void end_file(bool ok, const std::string& error) override;

    // What the worker says; ignored unless a worker is reading for this session.
    void worker_read(std::uint64_t bytes_read) override;
    void worker_done(std::string result) override;
    void worker_failed(const std::string& error) override;
    // The worker could not start: the session reads the file itself (take_file_request), and
    // reads the next files itself too.
    void worker_unavailable() override;
    // The worker's result is being decoded (decode_worker_result_step, between frames).
    bool decoding_worker_result() const { return worker_result_reader_ || worker_dataset_reader_; }
    // A worker is reading the file: until its result arrives, the page has only progress to show.
    bool worker_reading() const { return worker_reading_; }
    // Decodes a piece of the worker's result, then of its dataset; true once it is done (the
    // result is then reviewed, or the read failed).
    bool decode_worker_result_step();

    Phase phase() const { return phase_; }
    const std::string& file_name() const { return file_name_; }
    double progress() const;
    std::uint64_t bytes_read() const;
    std::uint64_t file_size() const { return file_size_; }
    // Stops reading (a worker at once, the session's own reading at the next chunk); the session
    // returns to idle with nothing imported.
    void cancel();
    // The finished import waiting for the user's decision (phase reviewing).
    ImportResult* result() { return result_ ? &*result_ : nullptr; }
    const ImportResult* result() const { return result_ ? &*result_ : nullptr; }
    // Why the last file could not be read (cancelled, browser read error); empty otherwise.
    const std::string& read_error() const { return read_error_; }
    // The last read ended because the user stopped it (its read_error() is "cancelled").
    bool reading_stopped() const { return stopped_by_user_; }
    // Drops the reviewed result (after accepting or discarding it).
    void close_review();
    // [SECTION] Accepting, over several frames (driven by advance_import_work), so a million-row
    // import never freezes the page: a notice is drawn; the next frame checks the active model
    // on the new data; then the fingerprint and search index are prepared a slice per frame
    // (begun already while the result was reviewed); then, once that is drawn as done, the new
    // dataset replaces the current one. Until that last step, withdraw_accept() leaves everything
    // as it was.
    enum class AcceptStep { none, checking, preparing, finishing };
    void request_accept() { set_accept_step(AcceptStep::checking); }
    AcceptStep accept_step() const { return accept_step_; }
    // True from the second frame of the current step: its notice has been on screen. A restore's
    // steps begin at once: its banner has been on screen since the stored dataset began to be read.
    bool accept_step_shown() { return restoring() || accept_step_frames_++ >= 1; }
    // The active model's trial on the reviewed result, started in the checking step and kept
    // to the last one (its engine reads result()->dataset); nullptr before it started.
    void start_trial(ImportTrial trial) { trial_ = std::move(trial); }
    ImportTrial* trial() { return trial_ ? &*trial_ : nullptr; }
    const ImportTrial* trial() const { return trial_ ? &*trial_ : nullptr; }
    ImportTrial take_trial();
    // After a passed trial: prepares the reviewed result's dataset, with a search index over
    // `search_columns`, or goes on with the preparation begun while it was reviewed.
    void begin_preparing(const std::vector<std::string>& search_columns);
    // While a result that can be accepted is reviewed (no accept asked for, not a restore), its
    // preparation begins already, so that accepting finds that work done or under way. It goes
    // with the result: a mapping change, which reads the file again, starts it afresh.
    void prepare_during_review(const std::vector<std::string>& search_columns);
    DatasetPreparation* preparation() { return preparation_.get(); }
    const DatasetPreparation* preparation() const { return preparation_.get(); }
    void finish_preparing() { set_accept_step(AcceptStep::finishing); }
    // The saved model changed while accepting: the trial is tried again under the new one (the
    // preparation, which does not depend on the model, is kept).
    void try_again_under_new_model();
    void withdraw_accept();
    const FieldDictionary& dictionary() const { return *dictionary_; }

    // [SECTION] Restoring the stored dataset (start-up), accepted in the same steps as a picked
    // file, without a review. A binary snapshot's dataset, decoded, is accepted at once (its
    // stored fingerprint spares the hashing, its stored search index the indexing); an old text
    // snapshot is read a chunk per frame like a picked file first.
    void begin_restore(StoredDataset stored);
    // The descriptor of the stored dataset being read or accepted again; nullptr otherwise.
    const SnapshotDescriptor* restoring() const { return restoring_ ? &*restoring_ : nullptr; }
    // While a stored dataset in an older form is restored (an old text snapshot, or a binary one
    // whose search index is missing or was folded by another version, so it is built again): the
    // mapping to store the accepted dataset again with, as a binary snapshot with today's index;
    // nullptr otherwise.
    const MappingProfile* snapshot_rewrite_mapping() const {
        return snapshot_rewrite_mapping_ ? &*snapshot_rewrite_mapping_ : nullptr;
    }

    // [SECTION] Mapping in the review
    // Saved profiles: one whose headers are exactly the file's is applied after the first read.
    void set_saved_profiles(const std::vector<MappingProfile>* profiles) { saved_profiles_ = profiles; }
    // The review's mapping edit: file column `column` maps to `field` ("" = extra attribute);
    // the file is read again with the edited mapping.
    void assign(std::size_t column, const std::string& field);
    // The review's type edit of an extra attribute (nothing = inferred from its values); the file
    // is read again so the dataset holds that type.
    void choose_kind(std::size_t column, std::optional<ValueKind> kind);
    // Reads the file again with a saved profile, or with the automatic mapping (nullopt).
    void apply_profile(std::optional<MappingProfile> profile);
    // The name of the profile applied because its headers matched the file ("" otherwise).
    const std::string& matched_profile() const { return matched_profile_; }
    // The file is being read again (phase reading after a mapping change).
    bool rereading() const { return rereading_; }
    // True once when the file must be delivered again (platform::read_file_again, then the
    // chunks and end_file as for the first read): a mapping change of a file the platform can
    // deliver again, whose bytes were not kept.
    bool take_file_request();
    // The file's bytes held for reading it again (none when the platform can deliver it again).
    std::size_t kept_byte_count() const { return source_bytes_.size(); }
    // Feeds the next kept chunk while the kept bytes are read again (advance_import_work, once per frame).
    void pump();
    // Something is under way: a file being read, a review, or a restore.
    bool busy() const { return phase_ != Phase::idle; }

    // [SECTION] The day the data describes, stated in the review when the file has no
    // export_date column: it starts at the day the file last changed (today when unknown).
    std::array<char, 48>& export_date_text() { return export_date_text_; }
    std::optional<DayNumber> stated_export_date() const { return parse_date_text(export_date_text_.data()); }

private:
    // Starts a worker on the file with `options`; false when there is none.
    bool read_in_worker(const ImportOptions& options);
    // The read ended with `result`: it is reviewed, or accepted at once when it restores.
    void take_result(ImportResult result);
    void fail_reading(const std::string& error, bool stopped_by_user = false);
    void reread(std::optional<MappingProfile> profile);
    void start_reading_again(ImportOptions options);
    const MappingProfile* profile_for_headers() const;

    std::shared_ptr<const FieldDictionary> dictionary_;
    std::shared_ptr<const FieldDictionary> next_dictionary_;
    Phase phase_ = Phase::idle;
    std::string file_name_;
    std::uint64_t file_size_ = 0;
    std::array<char, 48> export_date_text_{};
    std::unique_ptr<Importer> importer_;
    platform::FileImportWorker* worker_ = nullptr;
    bool worker_reading_ = false;
    ImportOptions worker_options_;  // the running worker's, for reading the file here instead
    std::uint64_t worker_bytes_read_ = 0;
    // The worker's result as bytes, read a piece at a time: all but the dataset (then
    // worker_result_), then the dataset.
    std::string worker_result_bytes_;
    std::optional<ImportResultReader> worker_result_reader_;
    std::optional<ImportResult> worker_result_;
    std::optional<DatasetSnapshotReader> worker_dataset_reader_;
    std::optional<ImportResult> result_;
    std::string read_error_;
    bool stopped_by_user_ = false;
    bool cancel_requested_ = false;
    bool keep_bytes_ = true;  // false: the platform delivers the file again when asked
    bool file_wanted_again_ = false;
    std::string source_bytes_;
    const std::vector<MappingProfile>* saved_profiles_ = nullptr;
    bool rereading_ = false;
    std::size_t reread_offset_ = 0;
    std::string matched_profile_;
    std::optional<SnapshotDescriptor> restoring_;
    std::optional<MappingProfile> snapshot_rewrite_mapping_;
    std::string restored_sha256_;                       // the restored binary snapshot's fingerprint
    std::optional<StoredSearchIndex> restored_search_;  // and its search index, until preparing takes it
    void set_accept_step(AcceptStep step);

    AcceptStep accept_step_ = AcceptStep::none;
    int accept_step_frames_ = 0;
    std::unique_ptr<DatasetPreparation> preparation_;  // over result_->dataset
    std::optional<ImportTrial> trial_;                 // its engine reads result_->dataset
};

}  // namespace radar::session
