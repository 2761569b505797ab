// What the UI shows: the loaded dataset, its scores and ranking, and the current filter/sort
// view over it. Views read this and call its methods; they hold no data of their own.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "demo_data.hpp"
#include "ranking.hpp"
#include "starter_model.hpp"

namespace radar::ui {

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
    // Replaces the dataset with freshly generated demo dossiers "as of" export_date.
    void load_demo(std::size_t dossier_count, DayNumber export_date, DayNumber reference_date);

    void set_filter(const RankingFilter& filter);
    void set_text_filter(const std::string& text);
    void set_sort(SortOrder order);
    // The dossier shown in the dossier panel (nullopt: none).
    void select_row(std::optional<std::size_t> row) { selected_row_ = row; }
    std::optional<std::size_t> selected_row() const { return selected_row_; }

    const Dataset& dataset() const { return dataset_; }
    const std::vector<DossierScore>& scores() const { return scores_; }
    const std::vector<std::size_t>& visible_rows() const { return visible_; }
    std::size_t rank_of(std::size_t row) const { return rank_of_[row]; }
    double max_score() const { return max_score_; }
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

    Dataset dataset_;
    std::vector<DossierScore> scores_;
    std::vector<std::size_t> ranked_;
    std::vector<std::size_t> rank_of_;
    std::unique_ptr<SearchIndex> search_;
    std::vector<std::size_t> visible_;
    const Column* ids_ = nullptr;
    const Column* names_ = nullptr;
    const Column* municipalities_ = nullptr;
    const Column* care_types_ = nullptr;
    double max_score_ = 0.0;
    RankingFilter filter_;
    std::vector<std::string> provinces_;
    std::vector<std::string> care_type_values_;
    std::optional<std::size_t> selected_row_;
    SortOrder sort_;
    bool synthetic_ = false;
    DayNumber export_date_ = 0;
    DayNumber reference_date_ = 0;
};

}  // namespace radar::ui
