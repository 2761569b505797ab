// The running application without any UI: the loaded dataset, its scores and ranking, the
// model versions, and the screening work (events, frozen batches, their
// folded state) with the store that keeps it. The views draw it and call its methods; what only a
// view keeps (drafts, text boxes, the shown screen) is the app's ui::ViewState.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/base/strict_json.hpp"
#include "core/data/dataset_preparation.hpp"
#include "core/data/demo_data.hpp"
#include "core/evaluation/learned_weights.hpp"
#include "core/evaluation/version_evaluation.hpp"
#include "core/data/id_index.hpp"
#include "core/import/import_snapshot.hpp"
#include "core/model/model_registry.hpp"
#include "core/model/proxy_check.hpp"
#include "core/model/scoring_engine.hpp"
#include "platform/store.hpp"
#include "core/search/search_index.hpp"
#include "core/reporting/parliament_answer.hpp"
#include "core/reporting/report.hpp"
#include "core/screening/confirmed_risk.hpp"
#include "core/screening/risk_label.hpp"
#include "core/screening/screening_actions.hpp"
#include "core/selection/frozen_batch.hpp"
#include "session/import_trial.hpp"
#include "session/ranking_list.hpp"

namespace radar::session {

// A stored dataset snapshot decoded as the store reads it (session_imports.cpp).
class StreamedSnapshot;

// Where the screening work is kept: the store's mode (platform/store.hpp), memory_only when no
// store could open.
using platform::StoreMode;

// The save state of one user action (a decision on a dossier, a batch commit).
enum class SavePhase { saving, saved, failed };

struct SaveStatus {
    SavePhase phase = SavePhase::saving;
    std::string error_name;  // the store's error name when failed
    std::string message;
    // What was submitted, kept for a retry after a failure.
    std::vector<ScreeningEvent> events;
    std::optional<FrozenBatch> batch;
};

// The outcome of re-running a committed batch's rule. Only run when the current dataset and model
// are the ones the batch recorded; otherwise it names the input that differs.
struct BatchCheck {
    enum class Outcome { reproduced, differs, dataset_changed, model_changed, no_record };
    Outcome outcome = Outcome::no_record;
    std::string recorded;                   // the batch's dataset hash or model version, when changed
    std::string current;                    // the current one
    std::vector<std::string> differences;  // when the re-run differs
    int recorded_model_version = 0;        // the saved version the batch was checked with, 0 when unknown
    std::uint64_t scores_generation = 0;
};

// What an evaluation figure was computed from: the version, the label definition and the
// generations of the work and the scores. A cached figure is shown only while it matches.
struct EvaluationKey {
    int version = 0;
    LabelDefinition definition;
    std::uint64_t screening_generation = 0;
    std::uint64_t scores_generation = 0;
    DayNumber today = 0;

    bool operator==(const EvaluationKey& other) const {
        return version == other.version && definition == other.definition &&
               screening_generation == other.screening_generation &&
               scores_generation == other.scores_generation && today == other.today;
    }
};

// Where an import being adopted comes from: a file the user picked and reviewed, or the stored
// dataset read again at start-up (its descriptor as first imported).
struct ReviewedFile {
    std::string imported_at;
    DayNumber stated_export_date = 0;  // stated in the review, for an export without an export_date column
    MappingProfile mapping;            // the mapping that read it, kept with the stored snapshot
};
using ImportOrigin = std::variant<ReviewedFile, SnapshotDescriptor>;

class Session {
public:
    // Replaces the dataset with freshly generated demo dossiers "as of" export_date, scored by
    // the model in `model_json` (the default model unless the user chose another). No model may
    // ever read `protected_fields` (the field dictionary's), on any path of the app.
    void load_demo(std::size_t dossier_count, DayNumber export_date, DayNumber reference_date,
                   const std::string& model_json, std::set<std::string> protected_fields);
    // Applies an edited model (editor sliders): re-scores and re-ranks; problems leave it unchanged.
    std::vector<ModelProblem> update_model(const ModelSpec& edited);
    // Adds a parameter reading `column` (parameter_for_column: any column of the dataset, also an
    // extra one of an import) to the current model, as the editor's "add an input" does; the
    // engine refuses a protected column like any other. The new parameter's id, or the problems.
    Checked<std::string> add_model_input(const std::string& column);
    // Fields no model may read: the built-in dictionary's protected fields and a custom one's.
    const std::set<std::string>& protected_fields() const { return protected_fields_; }

    // Model versions. The model loaded at start is version 1 (on a device whose store holds
    // versions, the version of the same content). Saving stores the model as it is now (edits
    // included) as the next version and makes it the active, "saved" model that the movement view
    // compares against; content that is already a version adds nothing (`existing`) and activates it.
    SaveResult save_model_version(const std::string& author, const std::string& note, const std::string& saved_at);
    // Scores with a saved version and makes it active; false if there is no such version.
    bool activate_model_version(int version);
    // Imports model JSON as the next version and activates it, if it parses and fits the dataset.
    // An empty author means the model's own author.
    SaveResult import_model(std::string_view model_json, const std::string& author, const std::string& note,
                            const std::string& saved_at);
    const ModelRegistry& model_registry() const { return registry_; }
    // [SECTION] Model versions in the store (session_models.cpp). Every version is one model
    // record keyed by its fingerprint; the user's choice of active version is the setting
    // active_model_setting (the fingerprint). Both load with the store and go into backups.
    static constexpr const char* active_model_setting = radar::active_model_setting;
    // A version's save state by fingerprint: saving until the store confirmed it, or failed with
    // the store's error; nullptr for versions read from the store or not written by this page.
    const SaveStatus* model_save_status(const std::string& fingerprint) const;
    void retry_model_save(const std::string& fingerprint);
    // Why the stored active version does not score (it cannot score this dataset), or why the
    // choice of active version was not stored; "" when there is nothing to say.
    const std::string& model_notice() const { return model_notice_; }
    // The active version's model; the engine's model differs from it while edits are unsaved.
    const std::optional<ModelSpec>& saved_model() const { return saved_spec_; }
    bool model_edited() const { return engine_ && saved_spec_ && engine_->spec() != *saved_spec_; }
    // Ranking moves compared with the active version, for the top movement_top_n() dossiers.
    Movement movement() const;
    // How each parameter's points follow each protected column of the data (proxy warning);
    // measured again when the scores change.
    const std::vector<ProxyMeasure>& proxy_measures() const;
    std::size_t movement_top_n() const { return movement_top_n_; }
    void set_movement_top_n(std::size_t top_n) { movement_top_n_ = top_n; }

    // Replacing the dataset with an accepted import, scored by the active model, in steps the
    // browser spreads over frames (session/import_work.hpp drives them): start_import_trial says at
    // once why the import would be refused (e.g. no id column), or starts scoring result.dataset
    // with the active model, which advance_import_trial continues a step at a time until the trial
    // is decided (a refusal when the model reads a field the file lacks); a DatasetPreparation of
    // result.dataset; then adopt_import with what was prepared and the trial, whose engine becomes
    // the app's. A trial decided before another model version was saved is no longer current: it
    // is run again (over frames) before adopting. A refusal changes nothing.
    ImportTrial start_import_trial(const ImportResult& result) const;
    // True once the trial is decided (trial.decided()).
    bool advance_import_trial(ImportTrial& trial) const;
    bool trial_is_current(const ImportTrial& trial) const;
    // The one place an import replaces the dataset, whatever its origin. Returns the refusal ("" when
    // adopted). A picked file is then stored as the dataset snapshot; a restored one keeps the
    // descriptor of the file as first imported (hash and size of the original file, not of the
    // stored UTF-8 text).
    std::string adopt_import(ImportResult& result, ImportOrigin origin, PreparedDataset prepared, ImportTrial trial);
    // A message from the previous page (e.g. what "forget everything" removed), shown once.
    void set_start_notice(std::string notice) { start_notice_ = std::move(notice); }
    const std::string& start_notice() const { return start_notice_; }
    void dismiss_start_notice() { start_notice_.clear(); }
    // Start-up after a crash or an unfinished start: the stored dataset is not read again but held
    // back until the user loads or removes it (set before connect_store).
    void skip_stored_dataset_at_start() { skip_stored_dataset_ = true; }
    // The stored dataset held back at start-up (nullptr when none).
    const SnapshotDescriptor* skipped_dataset() const { return skipped_dataset_ ? &skipped_dataset_->descriptor : nullptr; }
    // Reads the held-back dataset after all (through take_stored_dataset), or removes it from the store.
    void load_skipped_dataset();
    void remove_skipped_dataset();
    // The stored dataset snapshot found at start-up, to be read again by the import session
    // (once: it is handed over). Accepting another import first drops it. A binary snapshot is
    // decoded first (read_stored_snapshot_step).
    std::optional<StoredDataset> take_stored_dataset();
    // While a stored binary snapshot is read from the store and decoded (before the import
    // session has it): its file name and how far (0..1); nothing otherwise.
    std::optional<std::pair<std::string, double>> stored_dataset_reading() const;
    // A stored snapshot the store handed over whole (the native store without a receiver, or an
    // older store's text form) waits to be decoded in steps (read_stored_snapshot_step). One the
    // store reads from IndexedDB is decoded as its chunks arrive instead (snapshot_receiving).
    bool stored_snapshot_decoding() const { return snapshot_reading_ != nullptr; }
    // One step of decoding the stored binary snapshot (the import work runs them in its frame
    // budget); true once none is left: the decoded dataset then waits for take_stored_dataset (or
    // is held back), a damaged one is reported, and one stored as text is stored again as binary.
    bool read_stored_snapshot_step();
    // While the accepted dataset's snapshot is being encoded for the store (after adopting a
    // picked file): true; its save status says "saving" meanwhile.
    bool snapshot_writing() const { return snapshot_writing_ != nullptr; }
    // One step of that encoding (the import work runs them in its frame budget), its bytes handed
    // to the store as they are done; true when nothing is left to do in this frame: the snapshot
    // is all handed over (the store then finishes it), or enough of it waits to be stored.
    bool write_snapshot_step();
    // The snapshot being encoded has a step to take now (not all of it handed over, and not
    // enough of it waiting to be stored): the import work runs steps between frames too.
    bool snapshot_writing_can_go_on() const;
    // The stored dataset could not be read or accepted again (shown with the store's problems).
    void note_restore_problem(const std::string& problem);
    // The stored dataset snapshot was damaged (its checksum or format): the file name it held and
    // why it could not be read; nothing when none was. Everything else loaded as usual.
    const std::optional<std::pair<std::string, std::string>>& damaged_snapshot() const { return damaged_snapshot_; }
    // A dataset read again from an old text snapshot (before binary snapshots): stores it again
    // as a binary snapshot, so the next start maps its columns back without parsing.
    void rewrite_snapshot(const MappingProfile& mapping) { persist_snapshot(mapping); }
    // Changes whenever another model version becomes the saved one.
    std::uint64_t model_generation() const { return model_generation_; }
    // The columns the ranking's text filter searches.
    static const std::vector<std::string>& search_columns();
    const std::string& import_refusal() const { return import_refusal_; }
    void set_import_refusal(std::string refusal) { import_refusal_ = std::move(refusal); }
    // The accepted import's descriptor (file, time, hash); nothing for the demo data.
    const std::optional<SnapshotDescriptor>& snapshot() const { return snapshot_; }

    const Dataset& dataset() const { return dataset_; }
    // The scoring engine; empty when the model was refused (see model_problems()).
    const ScoringEngine* engine() const { return engine_ ? &*engine_ : nullptr; }
    const std::vector<ModelProblem>& model_problems() const { return model_problems_; }
    // The search over the search_columns() (nullptr before a dataset is loaded).
    const SearchIndex* search_index() const { return search_.get(); }
    std::size_t rank_of(std::size_t row) const { return engine_ ? engine_->rank_of(row) : 0; }
    double display_score(std::size_t row) const { return engine_ ? engine_->display_score(row) : 0.0; }
    const std::vector<std::string>& provinces() const { return provinces_; }
    const std::vector<std::string>& care_types() const { return care_type_values_; }
    bool is_synthetic() const { return synthetic_; }
    DayNumber export_date() const { return export_date_; }
    DayNumber reference_date() const { return reference_date_; }
    // Moves the app's date (scores, screening date and the selection date) to another day with
    // the same dataset, as if the app were used that day; for automation (tests, demos).
    void set_today(DayNumber day);

    // [SECTION] Screening work (issue #6) and monthly selection (issue #5).
    // Connects the store: opens it, loads everything into memory, follows its notices. Without
    // a store (or when it cannot open) the work stays in memory only.
    void connect_store(platform::Store* store);
    StoreMode storage_mode() const { return storage_mode_; }
    const std::string& storage_message() const { return storage_message_; }  // why memory-only / closed
    bool storage_loaded() const { return storage_loaded_; }
    const std::vector<std::string>& load_problems() const { return load_problems_; }
    void use_store_here();  // takes the writer role from another tab
    // The connected store (nullptr when none); the storage screen exports and merges through it.
    platform::Store* store() const { return store_; }
    // Reads everything from the store again (after a restore merged records into it).
    void reload_from_store();
    // When this device last saved a backup file (a device setting); set after the download.
    const std::optional<Timestamp>& last_backup_at() const { return last_backup_at_; }
    void note_backup_saved(Timestamp at);
    // Every stored setting as its JSON text, by key, as loaded (the session's own are read by their
    // accessors); for settings a helper keeps (audit_work.hpp). Storing one changes it here at once
    // and writes it when this page is the writer; `done` hears the store's answer.
    const std::string* stored_setting(const std::string& key) const;
    void store_setting(const std::string& key, std::string json_text,
                       std::function<void(const platform::StoreResult&)> done = {});
    // The stored data has an older schema: nothing loads until the user migrates (after being
    // offered a backup of the data as it is).
    const std::optional<platform::PendingMigration>& pending_migration() const { return pending_migration_; }
    void migrate_store(std::function<void(const platform::StoreResult&)> done);

    const ScreeningState& screening() const { return screening_; }
    // How long a Risico / Verder onderzoek nodig label stays current (the dossier panel, the report).
    const RiskLabelSettings& risk_label_settings() const { return risk_label_settings_; }
    void set_risk_label_months(int months) {
        if (valid_label_months(months)) risk_label_settings_.valid_months = months;
    }
    const std::vector<FrozenBatch>& frozen_batches() const { return frozen_batches_; }
    const std::string& screener() const { return screener_; }
    void set_screener(const std::string& name);
    static constexpr const char* screener_setting = "screener";  // a device setting
    // The dossiers awaiting the current screener's blind second code, as of one work generation
    // and screener; awaiting_second_code (double_coding_work.hpp) fills and reads it.
    struct SecondCodeCache {
        std::optional<std::uint64_t> screening_generation;
        std::string screener;
        std::set<std::string> dossiers;
    };
    SecondCodeCache& second_code_cache() const { return second_code_cache_; }
    SelectionSettings& selection_settings() { return selection_settings_; }
    // The selection's reference date: the preview is for its month and cooldowns are counted up
    // to it. Today unless set for a demo or back-filling; a session setting that leaves the
    // screening date (today) alone.
    DayNumber selection_date() const { return selection_date_; }
    void set_selection_date(DayNumber day) { selection_date_ = day; }
    void reset_selection_date() { selection_date_ = reference_date_; }
    // This month's batch preview for the current settings, scores and screening state (a
    // supplementary batch when the month already has one); recomputed only when those change.
    // The control sample's seed is drawn from the platform's cryptographic source when the
    // month's preview is first made and kept until its batch is committed, so what is committed
    // is what was previewed. Null without a scoring engine.
    const Checked<BatchPreview>* batch_preview();
    // A stamp for a new event: a fresh id, now, and the screener's name.
    EventStamp new_stamp() const;
    // Re-scores the current dataset with the batch's model version (from the registry, even when
    // another version is active) as of the batch's scores_as_of and re-runs its rule (the "check"
    // button); keeps the outcome until the scores change.
    void check_batch(const std::string& batch_id);
    const BatchCheck* batch_check(const std::string& batch_id) const;
    // Blind screening: whether a dossier's score or reasons were shown anywhere in the app since
    // its batch was frozen (this session). The screening form records it on the coding event.
    void note_reasons_shown(const std::string& dossier_id) { reasons_shown_.insert(dossier_id); }
    bool reasons_shown(const std::string& dossier_id) const { return reasons_shown_.count(dossier_id) > 0; }

    // One user action: its events (and batch) are written in one store commit and enter the
    // folded state only once the store confirmed them. `subject` names the action for its save
    // status: a dossier id, or "batch:<id>".
    void submit(const std::string& subject, std::vector<ScreeningEvent> events, std::optional<FrozenBatch> batch = {});
    void retry(const std::string& subject);
    const SaveStatus* save_status(const std::string& subject) const;
    const std::string& last_subject() const { return last_subject_; }
    // Changes whenever the folded screening state changes (views cache what they derive from it).
    std::uint64_t screening_generation() const { return screening_generation_; }
    // Changes whenever the scores change (load, model edit or activation).
    std::uint64_t scores_generation() const { return scores_generation_; }
    // Changes whenever the dataset is replaced (demo, accepted import, restore): row numbers and
    // anything else derived from the old dataset are then meaningless.
    std::uint64_t dataset_generation() const { return dataset_generation_; }

    // The dataset's SHA-256, computed once per load; the scoring model's version id.
    const std::string& dataset_hash() const { return dataset_hash_; }
    std::string model_version_id() const;
    // The dataset row of a dossier id.
    std::optional<std::size_t> row_of(const std::string& dossier_id) const;
    // The batch the screening screen works on ("" for none).
    const std::string& screening_batch() const { return screening_batch_; }
    // The batch's members in screening order (indices into its members): selection order, or for
    // a batch screened blind (it has a control sample) one shuffled order from its recorded seed.
    std::vector<std::size_t> screening_order(const BatchState& batch) const;
    void set_screening_batch(const std::string& batch_id) { screening_batch_ = batch_id; }
    const std::string& screening_dossier() const { return screening_dossier_; }
    // After a confirmed save the screening screen moves on to the next uncoded dossier (a session
    // preference, on by default).
    bool advance_after_save() const { return advance_after_save_; }
    void set_advance_after_save(bool advance) { advance_after_save_ = advance; }
    void set_screening_dossier(const std::string& dossier_id) { screening_dossier_ = dossier_id; }

    // [SECTION] Evaluation (issue #17, session_evaluation.cpp). The user's "risk confirmed"
    // definition is a team setting (stored, in backups) stated next to every figure that uses it.
    static constexpr const char* label_definition_setting = "label_definition";
    const LabelDefinition& label_definition() const { return label_definition_; }
    // Ignored when invalid; stored at once (a failed write is said in label_definition_notice).
    void set_label_definition(const LabelDefinition& definition);
    const std::string& label_definition_notice() const { return label_definition_notice_; }
    // The saved version the Evaluatie screen shows (the active one until the user picks another).
    std::optional<int> evaluated_version() const;
    void set_evaluated_version(int version) { evaluated_version_ = version; }
    // The evaluated version on its own batches, computed when its inputs changed; none without
    // saved versions.
    const Checked<VersionEvaluation>* version_evaluation();
    // The backtest of a candidate version against the versions that selected each month. It
    // re-scores the dataset once per month, so it runs on request, and is shown while its inputs
    // hold.
    std::optional<int> backtest_candidate() const;
    void set_backtest_candidate(int version) { backtest_candidate_ = version; }
    void run_backtest();
    const Checked<BacktestReport>* backtest_report() const;
    // Weights learned from the outcomes for the active version, as a what-if (never applied by
    // itself): run on request, shown while its inputs hold, with the top-N movement against the
    // active version's ranking. Saving makes it the next (active) version, its provenance the note.
    struct LearnedWhatIf {
        Checked<LearnedWeights> weights;
        Movement movement;
    };
    void run_learned_weights();
    const LearnedWhatIf* learned_weights() const;
    SaveResult save_learned_weights(const std::string& author, const std::string& saved_at);

    // [SECTION] The standard report (issue #7, session_report.cpp) over the work, for a period and
    // the codes counted as possible risk, with the risk-label and "risk confirmed" settings; built
    // when one of those, the work, the dataset or today changed, otherwise the kept one.
    struct ReportRequest {
        ReportPeriod period;
        std::vector<ScreeningCode> possible_risk;
    };
    // The first day with screening work (a screening or a batch's month; today when none) and
    // whether there is any; nothing is known while the store is opening.
    struct ReportHistory {
        DayNumber first_activity = 0;
        bool any = false;
    };
    ReportHistory report_history();
    // Null while the store is opening.
    const Report* report(const ReportRequest& request, Timestamp now);
    // The report last built (for automation), and a number that changes whenever one is built.
    const Report* last_report() const { return report_cache_.report ? &*report_cache_.report : nullptr; }
    std::uint64_t report_generation() const { return report_cache_.generation; }
    // The answer to the parliamentary question for the same request (parliament_answer.hpp): the
    // report's figures with the coverage of today's dataset; built with the report it rests on.
    // Null while the store is opening.
    const ParliamentAnswer* parliament_answer(const ReportRequest& request, Timestamp now);

    // [SECTION] Imported datasets and mapping profiles (issue #3), kept through the store.
    // The shipped dictionary (assets/fields.json); set before connect_store. It is the active one
    // until a custom dictionary is loaded.
    void set_built_in_dictionary(FieldDictionary dictionary);
    // The active dictionary: imports, stored profiles and snapshots are read with it.
    const FieldDictionary* field_dictionary() const { return field_dictionary_.get(); }
    std::shared_ptr<const FieldDictionary> shared_field_dictionary() const { return field_dictionary_; }
    // A custom dictionary (JSON text as `--fields` reads it, load_custom_field_dictionary: the
    // built-in protected fields stay protected) becomes the active one for the next imports and
    // is stored, so it comes back after a reload. Returns why it was refused ("" when taken);
    // a refused one changes nothing.
    std::string load_custom_dictionary(std::string_view json_text, const std::string& name);
    // Back to the built-in dictionary (the stored custom one is removed).
    void use_built_in_dictionary();
    // The file name of the active custom dictionary; "" while the built-in one is active.
    const std::string& custom_dictionary_name() const { return custom_dictionary_name_; }
    const std::optional<SaveStatus>& dictionary_save() const { return dictionary_save_; }
    // Saved mapping profiles, by name; loaded from the store like the events.
    const std::vector<MappingProfile>& mapping_profiles() const { return mapping_profiles_; }
    // Stores the profile under its name (replacing one of that name); its save status is
    // profile_save() until the store confirmed it.
    void save_mapping_profile(const MappingProfile& profile);
    const std::optional<SaveStatus>& profile_save() const { return profile_save_; }
    const std::optional<SaveStatus>& snapshot_save() const { return snapshot_save_; }
    // A dataset snapshot is in the store (start-up loads it instead of the demo data).
    bool snapshot_stored() const { return snapshot_stored_; }
    // Privacy: keep dossier data in memory only. Turning it on removes the stored snapshot (ask
    // first); codes and history are still stored.
    bool dataset_memory_only() const { return dataset_memory_only_; }
    void set_dataset_memory_only(bool memory_only);
    // Leaves an imported dataset for the demo dossiers (as generated at start-up), scored by the
    // active model version, and removes the stored dataset snapshot; codes, batches and model
    // versions stay. Returns why it cannot (the active model cannot score the demo), or "".
    std::string return_to_demo();

    // [SECTION] The demo workspace (session_demo_year.cpp). Its store is the demo's own
    // (platform::demo_database_name); when it holds no work, a simulated year is written into it
    // (core/selection/demo_year.hpp: the twelve months before this one, the model revised from the
    // seventh), then loaded like any stored work. Set before connect_store. Nothing from outside
    // comes in (imports and backups are refused) and its backups say they are synthetic.
    // The demo's selection draws a control sample, as its simulated months did.
    void use_demo_workspace();
    bool demo_workspace() const { return demo_workspace_; }
    // The setting that marks the simulated year in the demo's store and in its backups.
    static constexpr const char* demo_year_setting = "demo_year";
    // Why the year could not be simulated or stored ("" when it was, or is being).
    const std::string& demo_year_problem() const { return demo_year_problem_; }
    // The simulated months: the first batch month and the number of months (0 before it loaded);
    // read from the demo_year setting when the store loads.
    const std::pair<std::string, int>& demo_year_span() const { return demo_year_span_; }

    // Column accessors used by views (the dataset's well-known fields).
    // Copies: the columns keep their text pooled (TextColumn), and views are cheap to feed.
    std::string id(std::size_t row) const { return std::string(ids_->texts[row]); }
    std::string name(std::size_t row) const { return std::string(names_->texts[row]); }
    std::string municipality(std::size_t row) const { return std::string(municipalities_->texts[row]); }
    std::string care_type(std::size_t row) const { return std::string(care_types_->texts[row]); }

private:
    // After adopting a picked file: stores dataset_ as the binary dataset snapshot
    // (core/data/dataset_snapshot.hpp; its descriptor, the mapping that read it and its
    // fingerprint travel inside it) unless dossier data is kept in memory only. Encoded over
    // frames (write_snapshot_step), so that the frame adopting a big file stays short.
    void persist_snapshot(const MappingProfile& mapping);
    // A stored binary snapshot (its content is taken) to be decoded over frames for the import
    // session (read_stored_snapshot_step), or (not a snapshot's bytes) reported as damaged.
    void restore_columns_snapshot(platform::StoreSnapshot& stored, SnapshotDescriptor descriptor);
    // Stops encoding a snapshot (and forgets its "saving" status), if one was being encoded.
    void drop_snapshot_writing();
    void finish_snapshot_reading();
    // The decoded stored snapshot's dataset, held for the import session (or held back); false
    // when it cannot be used (reported as damaged).
    bool keep_decoded_snapshot(DatasetSnapshotDecode decoded, const std::string& source_name);
    // For the store's load: a receiver that decodes the stored dataset snapshot as its chunks are
    // read (none for other snapshots, or when the one stored is the dataset shown already).
    platform::SnapshotReceiving snapshot_receiving();
    // The stored snapshot names the dataset shown already (another tab's change reloads everything).
    bool names_shown_dataset(const SnapshotDescriptor& descriptor) const;
    void report_damaged_snapshot(const std::string& source_name, const std::string& why);
    // Replaces dataset_ and drops everything derived from the old one (engine, previews, batch
    // checks), then indexes the new one.
    void install_dataset(Dataset dataset, std::optional<PreparedDataset> prepared = std::nullopt);
    // Points the column accessors, filters and search at dataset_ after it changed; the
    // fingerprint and search index are computed unless they were prepared.
    void index_dataset(std::optional<PreparedDataset> prepared = std::nullopt);
    // The profiles, the privacy setting and the stored dataset snapshot (see [SECTION] above).
    void load_imports_from_store(platform::StoreContents& contents);
    void restore_snapshot(platform::StoreSnapshot& stored);
    // A setting record's value, parsed strictly; one that does not parse is a load problem.
    std::optional<Json> read_setting(const platform::StoreRecord& record);
    void handle_store_notice(const platform::StoreNotice& notice);
    void apply_confirmed(const std::vector<ScreeningEvent>& events, const std::optional<FrozenBatch>& batch);
    void commit_pending(const std::string& subject);
    // Makes the registry's active version the saved model and its ranking the movement baseline.
    void adopt_active_version();
    // Scores with a saved version and makes it active (the choice is not stored); the problems
    // when it cannot score the dataset, which leave everything as it was.
    std::vector<ModelProblem> use_model_version(int version);
    // The model versions and the active choice read from the store (see [SECTION] above).
    void load_models_from_store(const platform::StoreContents& contents);
    // Writes a version (and, when `with_active_choice`, the choice of it as active) in one commit.
    void commit_model_version(const std::string& fingerprint, bool with_active_choice);
    void store_active_choice();
    // Activates the stored active version that could not score the previous dataset, if it can now.
    void activate_wanted_model();
    // The scoring context a new dataset is scored in (the current one, at the reference date).
    ScoringContext scoring_context() const;

    Dataset dataset_;
    std::optional<ScoringEngine> engine_;  // reads dataset_: reset before dataset_ changes
    std::vector<ModelProblem> model_problems_;
    struct ProxyCache {
        std::optional<std::uint64_t> scores_generation;
        std::vector<ProxyMeasure> measures;
    };
    mutable ProxyCache proxy_cache_;
    mutable SecondCodeCache second_code_cache_;
    ModelRegistry registry_;
    std::optional<ModelSpec> saved_spec_;
    std::map<std::string, SaveStatus> model_saves_;  // by fingerprint
    std::string model_notice_;
    std::string wanted_active_model_;  // the stored choice (fingerprint) that could not score
    RankingSnapshot saved_ranking_;
    std::size_t movement_top_n_ = 25;
    std::unique_ptr<SearchIndex> search_;
    const Column* ids_ = nullptr;
    const Column* names_ = nullptr;
    const Column* municipalities_ = nullptr;
    const Column* care_types_ = nullptr;
    std::vector<std::string> provinces_;
    std::vector<std::string> care_type_values_;
    bool synthetic_ = false;
    // The field dictionary's: the built-in ones and those a custom dictionary adds.
    std::set<std::string> protected_fields_;
    DemoSettings demo_settings_;  // the demo dossiers generated at start-up
    std::optional<SnapshotDescriptor> snapshot_;
    std::optional<StoredDataset> stored_dataset_;  // waiting for the import session
    // A stored binary snapshot being decoded at start-up (read_stored_snapshot_step).
    struct SnapshotReading {
        SnapshotDescriptor descriptor;  // from the store's meta: the same data are not read twice
        std::string meta;               // the store's meta, kept for a rewrite as binary
        bool stored_as_text = false;    // an older store's text form (bytes_as_text): rewritten
        std::string bytes;
        std::optional<DatasetSnapshotReader> reader;  // over `bytes`
    };
    std::unique_ptr<SnapshotReading> snapshot_reading_;
    // The stored dataset snapshot being decoded as the store's load reads it, until the load ends.
    std::shared_ptr<StreamedSnapshot> snapshot_streaming_;
    // dataset_'s snapshot being encoded for the store (write_snapshot_step), a part at a time;
    // dropped (and what the store has of it discarded) whenever dataset_ is replaced or dossier
    // data become memory-only.
    struct SnapshotWriting {
        std::string meta;
        DatasetSnapshotWriter writer;  // over dataset_ and search_
        std::unique_ptr<platform::SnapshotParts> parts;
    };
    // The encoding waits while the store has this much of it still to write.
    static constexpr std::size_t snapshot_bytes_ahead = std::size_t{8} << 20;
    std::unique_ptr<SnapshotWriting> snapshot_writing_;
    bool skip_stored_dataset_ = false;
    std::string start_notice_;
    std::optional<StoredDataset> skipped_dataset_;  // held back at start-up by the user's choice
    std::optional<std::pair<std::string, std::string>> damaged_snapshot_;  // (file name, why)
    std::string import_refusal_;
    DayNumber export_date_ = 0;
    DayNumber reference_date_ = 0;
    std::uint64_t scores_generation_ = 0;
    std::uint64_t dataset_generation_ = 0;
    std::uint64_t model_generation_ = 0;
    std::string dataset_hash_;
    std::unique_ptr<IdIndex> row_by_id_;  // over ids_'s texts; prepared with every dataset

    platform::Store* store_ = nullptr;
    StoreMode storage_mode_ = StoreMode::memory_only;
    std::string storage_message_;
    bool storage_loaded_ = false;
    bool persistence_requested_ = false;
    std::vector<std::string> load_problems_;
    std::vector<ScreeningEvent> events_;
    std::vector<FrozenBatch> frozen_batches_;
    ScreeningState screening_;
    RiskLabelSettings risk_label_settings_;
    std::uint64_t screening_generation_ = 0;
    LabelDefinition label_definition_;
    std::string label_definition_notice_;
    std::optional<int> evaluated_version_;
    std::optional<int> backtest_candidate_;
    EvaluationKey evaluation_cache_key_;
    std::optional<Checked<VersionEvaluation>> version_evaluation_;
    EvaluationKey backtest_key_;
    std::optional<Checked<BacktestReport>> backtest_;
    EvaluationKey learned_key_;
    std::optional<LearnedWhatIf> learned_;
    void load_label_definition(const platform::StoreRecord& record);
    EvaluationKey evaluation_key(int version) const;
    struct ReportCache {
        // report_history() of screening_generation_ and reference_date_ (it walks every screening).
        std::optional<std::pair<std::uint64_t, DayNumber>> history_of;
        ReportHistory history;
        // The attributes of the screened dossiers (what a report reads), for these generations of
        // the dataset and the screening work.
        std::optional<std::pair<std::uint64_t, std::uint64_t>> attributes_of;
        std::map<std::string, DossierAttributes> attributes;
        // What `report` was built from.
        struct Key {
            ReportRequest request;
            std::uint64_t screening_generation = 0;
            std::uint64_t dataset_generation = 0;
            DayNumber today = 0;
            int label_months = 0;
            LabelDefinition confirmed_risk;

            bool operator==(const Key& other) const;
        };
        std::optional<Key> key;
        std::optional<Report> report;
        std::uint64_t generation = 0;
        std::optional<ParliamentAnswer> parliament;
        std::uint64_t parliament_of = 0;  // the generation the answer was built from
    } report_cache_;
    std::string screener_;
    std::optional<Timestamp> last_backup_at_;
    std::map<std::string, std::string> stored_settings_;
    std::optional<platform::PendingMigration> pending_migration_;
    SelectionSettings selection_settings_;
    DayNumber selection_date_ = 0;
    std::map<std::string, BatchCheck> batch_checks_;
    std::map<std::string, std::uint64_t> control_seeds_;  // by batch month, until its batch is committed
    std::set<std::string> reasons_shown_;                  // dossier ids, see note_reasons_shown
    struct PreviewCache {
        std::uint64_t screening_generation = 0;
        std::uint64_t scores_generation = 0;
        SelectionSettings settings;  // the model is covered by scores_generation
        DayNumber selection_date = 0;
        std::optional<Checked<BatchPreview>> preview;
    } preview_cache_;
    std::map<std::string, SaveStatus> save_statuses_;
    std::string last_subject_;
    std::string screening_batch_;
    std::string screening_dossier_;
    bool advance_after_save_ = true;

    // Shared with the import session, which keeps the one it started a file with.
    std::shared_ptr<const FieldDictionary> built_in_dictionary_;
    std::shared_ptr<const FieldDictionary> field_dictionary_;
    std::string custom_dictionary_name_;
    std::optional<SaveStatus> dictionary_save_;
    // Makes `dictionary` the active one: protected fields are the built-in ones and its own.
    void activate_dictionary(std::shared_ptr<const FieldDictionary> dictionary, std::string custom_name);
    std::vector<MappingProfile> mapping_profiles_;
    std::optional<SaveStatus> profile_save_;
    std::optional<SaveStatus> snapshot_save_;
    bool snapshot_stored_ = false;
    bool dataset_memory_only_ = false;

    // The demo workspace (see its [SECTION]).
    bool demo_workspace_ = false;
    bool demo_year_written_ = false;  // once per page: a store still empty after it is not written again
    std::string demo_year_problem_;
    std::pair<std::string, int> demo_year_span_{"", 0};
    void load_demo_year_span();
    // Whether the loaded demo store still needs its simulated year, and writing it (then reloading).
    bool demo_year_missing() const;
    void write_demo_year();
};

}  // namespace radar::session
