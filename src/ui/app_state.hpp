// What the UI shows: the loaded dataset, its scores and ranking, and the current filter/sort
// view over it. Views read this and call its methods; they hold no data of their own.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demo_data.hpp"
#include "import/import_snapshot.hpp"
#include "model/model_registry.hpp"
#include "model/scoring_engine.hpp"
#include "ranking.hpp"

namespace radar::ui {

enum class Screen { ranking, model, data };

enum class SortColumn { rank, dossier, name, municipality, care_type, score };

// What the ranking shows: every non-empty criterion must hold.
struct RankingFilter {
    std::string text;       // words matched against id, name, municipality, care type
    std::string province;   // exact value, "" = all
    std::string care_type;  // exact value, "" = all
    double min_score = 0.0;

    bool operator==(const RankingFilter& other) const {
        return text == other.text && province == other.province && care_type == other.care_type &&
               min_score == other.min_score;
    }
};

struct SortOrder {
    SortColumn column = SortColumn::rank;
    bool ascending = true;
};

class AppState {
public:
    // Replaces the dataset with freshly generated demo dossiers "as of" export_date, scored by
    // the model in `model_json` (the default model unless the user chose another).
    void load_demo(std::size_t dossier_count, DayNumber export_date, DayNumber reference_date,
                   const std::string& model_json);
    // Applies an edited model (editor sliders): re-scores and re-ranks; problems leave it unchanged.
    std::vector<ModelProblem> update_model(const ModelSpec& edited);

    // Model versions. The model loaded at start is version 1. Saving stores the model as it is
    // now (edits included) as the next version and makes it the active, "saved" model that the
    // movement view compares against.
    SaveResult save_model_version(const std::string& author, const std::string& note, const std::string& saved_at);
    // Scores with a saved version and makes it active; false if there is no such version.
    bool activate_model_version(int version);
    // Imports model JSON as the next version and activates it, if it parses and fits the dataset.
    // An empty author means the model's own author.
    SaveResult import_model(std::string_view model_json, const std::string& author, const std::string& note,
                            const std::string& saved_at);
    const ModelRegistry& model_registry() const { return registry_; }
    // The active version's model; the engine's model differs from it while edits are unsaved.
    const std::optional<ModelSpec>& saved_model() const { return saved_spec_; }
    bool model_edited() const { return engine_ && saved_spec_ && engine_->spec() != *saved_spec_; }
    // Ranking moves compared with the active version, for the top movement_top_n() dossiers.
    Movement movement() const;
    std::size_t movement_top_n() const { return movement_top_n_; }
    void set_movement_top_n(std::size_t top_n) { movement_top_n_ = top_n; }

    // The screen (tab) to bring forward in the next frame, set by automation.
    void request_screen(Screen screen) { requested_screen_ = screen; }
    std::optional<Screen> take_requested_screen() {
        auto screen = requested_screen_;
        requested_screen_.reset();
        return screen;
    }
    void note_screen(Screen screen) { screen_ = screen; }
    Screen screen() const { return screen_; }

    void set_filter(const RankingFilter& filter);
    void set_text_filter(const std::string& text);
    void set_sort(SortOrder order);
    // The dossier shown in the dossier panel (nullopt: none).
    void select_row(std::optional<std::size_t> row) { selected_row_ = row; }
    std::optional<std::size_t> selected_row() const { return selected_row_; }
    // Vertical centre (display pixels) of the first row of the visible list, for automation.
    void note_first_row_position(float y) { first_row_y_ = y; }
    float first_row_position() const { return first_row_y_; }
    // Where automation finds a widget last drawn (display pixels), by name, e.g. "weight:complaints".
    struct WidgetBox {
        float left = 0, top = 0, right = 0, bottom = 0;
    };
    void note_widget(const std::string& name, WidgetBox box) { widgets_[name] = box; }
    const std::map<std::string, WidgetBox>& widgets() const { return widgets_; }

    // Replaces the dataset with an accepted import, scored by the active model. Returns why it
    // was refused (e.g. the active model reads a field the file lacks); then nothing changed.
    std::string accept_import(ImportResult& result, const std::string& imported_at);
    const std::string& import_refusal() const { return import_refusal_; }
    void set_import_refusal(std::string refusal) { import_refusal_ = std::move(refusal); }
    // The accepted import's descriptor (file, time, hash); nothing for the demo data.
    const std::optional<SnapshotDescriptor>& snapshot() const { return snapshot_; }

    const Dataset& dataset() const { return dataset_; }
    // The scoring engine; empty when the model was refused (see model_problems()).
    const ScoringEngine* engine() const { return engine_ ? &*engine_ : nullptr; }
    const std::vector<ModelProblem>& model_problems() const { return model_problems_; }
    const std::vector<std::size_t>& visible_rows() const { return visible_; }
    std::size_t rank_of(std::size_t row) const { return engine_ ? engine_->rank_of(row) : 0; }
    double display_score(std::size_t row) const { return engine_ ? engine_->display_score(row) : 0.0; }
    const RankingFilter& filter() const { return filter_; }
    const std::vector<std::string>& provinces() const { return provinces_; }
    const std::vector<std::string>& care_types() const { return care_type_values_; }
    SortOrder sort() const { return sort_; }
    bool is_synthetic() const { return synthetic_; }
    DayNumber export_date() const { return export_date_; }
    DayNumber reference_date() const { return reference_date_; }

    // Column accessors used by views (the dataset's well-known fields).
    const std::string& id(std::size_t row) const { return ids_->texts[row]; }
    const std::string& name(std::size_t row) const { return names_->texts[row]; }
    const std::string& municipality(std::size_t row) const { return municipalities_->texts[row]; }
    const std::string& care_type(std::size_t row) const { return care_types_->texts[row]; }

private:
    void refresh_visible();
    // Points the column accessors, filters and search at dataset_ after it changed.
    void index_dataset();
    // Makes the registry's active version the saved model and its ranking the movement baseline.
    void adopt_active_version();

    Dataset dataset_;
    std::optional<ScoringEngine> engine_;  // reads dataset_: reset before dataset_ changes
    std::vector<ModelProblem> model_problems_;
    ModelRegistry registry_;
    std::optional<ModelSpec> saved_spec_;
    RankingSnapshot saved_ranking_;
    std::size_t movement_top_n_ = 25;
    std::optional<Screen> requested_screen_;
    Screen screen_ = Screen::ranking;
    std::unique_ptr<SearchIndex> search_;
    std::vector<std::size_t> visible_;
    const Column* ids_ = nullptr;
    const Column* names_ = nullptr;
    const Column* municipalities_ = nullptr;
    const Column* care_types_ = nullptr;
    RankingFilter filter_;
    std::vector<std::string> provinces_;
    std::vector<std::string> care_type_values_;
    std::optional<std::size_t> selected_row_;
    float first_row_y_ = 0.0f;
    std::map<std::string, WidgetBox> widgets_;
    SortOrder sort_;
    bool synthetic_ = false;
    std::optional<SnapshotDescriptor> snapshot_;
    std::string import_refusal_;
    DayNumber export_date_ = 0;
    DayNumber reference_date_ = 0;
};

}  // namespace radar::ui
