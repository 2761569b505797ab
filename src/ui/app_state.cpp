// Loading, scoring, filtering and sorting behind the ranking screen.
#include "ui/app_state.hpp"

#include <algorithm>

namespace radar::ui {

void AppState::load_demo(std::size_t dossier_count, DayNumber export_date, DayNumber reference_date) {
    DemoSettings settings;
    settings.dossier_count = dossier_count;
    settings.export_date = export_date;
    dataset_ = generate_demo_data(settings).dataset;
    synthetic_ = true;
    export_date_ = export_date;
    reference_date_ = reference_date;
    ids_ = dataset_.find("dossier_id");
    names_ = dataset_.find("name");
    municipalities_ = dataset_.find("municipality");
    care_types_ = dataset_.find("care_type");
    scores_ = StarterModel::score(dataset_, reference_date);
    ranked_ = rank_rows(scores_, *ids_);
    rank_of_ = rank_positions(ranked_);
    max_score_ = ranked_.empty() ? 0.0 : scores_[ranked_.front()].points;
    search_ = std::make_unique<SearchIndex>(dataset_, std::vector<std::string>{"dossier_id", "name", "municipality", "care_type"});
    refresh_visible();
}

void AppState::set_filter(const std::string& text) {
    if (text == filter_) return;
    filter_ = text;
    refresh_visible();
}

void AppState::set_sort(SortOrder order) {
    sort_ = order;
    refresh_visible();
}

void AppState::refresh_visible() {
    const auto words = SearchIndex::query_words(filter_);
    visible_.clear();
    for (std::size_t row : ranked_)
        if (words.empty() || search_->matches(row, words)) visible_.push_back(row);
    if (sort_.column == SortColumn::rank || sort_.column == SortColumn::score) {
        // Ranked order already is score descending; both columns sort by it.
        if (sort_.ascending == (sort_.column == SortColumn::score)) std::reverse(visible_.begin(), visible_.end());
        return;
    }
    const Column* key = sort_.column == SortColumn::dossier ? ids_
                        : sort_.column == SortColumn::name ? names_
                        : sort_.column == SortColumn::municipality ? municipalities_
                                                                   : care_types_;
    // Stable: rows with equal keys stay in rank order.
    std::stable_sort(visible_.begin(), visible_.end(), [&](std::size_t a, std::size_t b) {
        return sort_.ascending ? key->texts[a] < key->texts[b] : key->texts[b] < key->texts[a];
    });
}

}  // namespace radar::ui
