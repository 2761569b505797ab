// What the UI shows: the loaded dataset, its scores and ranking, and the current filter/sort
// view over it. Views read this and call its methods; they hold no data of their own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demo_data.hpp"
#include "ranking.hpp"
#include "starter_model.hpp"

namespace radar::ui {

enum class SortColumn { rank, dossier, name, municipality, care_type, score };

struct SortOrder {
    SortColumn column = SortColumn::rank;
    bool ascending = true;
};

class AppState {
public:
    // Replaces the dataset with freshly generated demo dossiers "as of" export_date.
    void load_demo(std::size_t dossier_count, DayNumber export_date, DayNumber reference_date);

    void set_filter(const std::string& text);
    void set_sort(SortOrder order);

    const Dataset& dataset() const { return dataset_; }
    const std::vector<DossierScore>& scores() const { return scores_; }
    const std::vector<std::size_t>& visible_rows() const { return visible_; }
    std::size_t rank_of(std::size_t row) const { return rank_of_[row]; }
    double max_score() const { return max_score_; }
    const std::string& filter() const { return filter_; }
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
    std::string filter_;
    SortOrder sort_;
    bool synthetic_ = false;
    DayNumber export_date_ = 0;
    DayNumber reference_date_ = 0;
};

}  // namespace radar::ui
