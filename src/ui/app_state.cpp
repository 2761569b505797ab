// Loading, scoring, filtering and sorting behind the ranking screen.
#include "ui/app_state.hpp"

#include <algorithm>
#include <set>

namespace radar::ui {
namespace {

std::vector<std::string> distinct_values(const Column* column) {
    if (!column) return {};
    std::set<std::string> values;
    for (std::size_t row = 0; row < column->size(); ++row)
        if (!column->is_missing(row)) values.insert(column->texts[row]);
    return {values.begin(), values.end()};
}

}  // namespace

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
    provinces_ = distinct_values(dataset_.find("province"));
    care_type_values_ = distinct_values(care_types_);
    selected_row_.reset();
    search_ = std::make_unique<SearchIndex>(dataset_, std::vector<std::string>{"dossier_id", "name", "municipality", "care_type"});
    refresh_visible();
}

void AppState::set_filter(const RankingFilter& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    refresh_visible();
}

void AppState::set_text_filter(const std::string& text) {
    RankingFilter filter = filter_;
    filter.text = text;
    set_filter(filter);
}

void AppState::set_sort(SortOrder order) {
    sort_ = order;
    refresh_visible();
}

void AppState::refresh_visible() {
    const auto words = SearchIndex::query_words(filter_.text);
    const Column* provinces = dataset_.find("province");
    auto keep = [&](std::size_t row) {
        if (scores_[row].points < filter_.min_score) return false;
        if (!filter_.province.empty() && (!provinces || provinces->texts[row] != filter_.province)) return false;
        if (!filter_.care_type.empty() && care_types_->texts[row] != filter_.care_type) return false;
        return words.empty() || search_->matches(row, words);
    };
    visible_.clear();
    for (std::size_t row : ranked_)
        if (keep(row)) visible_.push_back(row);
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
