// The ranking screen's filtered and sorted rows, worked out from the session's ranking.
#include "session/ranking_list.hpp"

#include <algorithm>

#include "session/session.hpp"

namespace radar::session {

void RankingList::set_filter(const RankingFilter& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    stale_ = true;
}

void RankingList::set_text(const std::string& text) {
    RankingFilter filter = filter_;
    filter.text = text;
    set_filter(filter);
}

void RankingList::set_sort(SortOrder order) {
    if (order.column == sort_.column && order.ascending == sort_.ascending) return;
    sort_ = order;
    stale_ = true;
}

const std::vector<std::size_t>& RankingList::rows(const Session& session) {
    if (stale_ || rows_scores_generation_ != session.scores_generation() ||
        rows_dataset_generation_ != session.dataset_generation())
        compute(session);
    return rows_;
}

std::optional<std::size_t> RankingList::selected_row(const Session& session) const {
    if (selected_dataset_generation_ != session.dataset_generation()) return std::nullopt;
    return selected_row_;
}

void RankingList::select_row(const Session& session, std::optional<std::size_t> row) {
    selected_row_ = row;
    selected_dataset_generation_ = session.dataset_generation();
}

void RankingList::compute(const Session& session) {
    stale_ = false;
    rows_scores_generation_ = session.scores_generation();
    rows_dataset_generation_ = session.dataset_generation();
    rows_.clear();
    const ScoringEngine* engine = session.engine();
    if (!engine) return;
    const Dataset& dataset = session.dataset();
    const auto words = SearchIndex::query_words(filter_.text);
    const Column* provinces = dataset.find("province");
    const Column* care_types = dataset.find("care_type");
    const SearchIndex* search = session.search_index();
    const SearchIndex::Query query = search ? search->query(dataset, words) : SearchIndex::Query();
    // A display score is never below 0: a minimum of 0 lets every row pass without working it out.
    const bool by_score = filter_.min_score > 0.0;
    auto keep = [&](std::size_t row) {
        if (by_score && engine->display_score(row) < filter_.min_score) return false;
        if (!filter_.province.empty() && (!provinces || provinces->texts[row] != filter_.province)) return false;
        if (!filter_.care_type.empty() && (!care_types || care_types->texts[row] != filter_.care_type)) return false;
        return words.empty() || (search && search->matches(row, query));
    };
    const std::vector<std::uint32_t>& ranking = engine->ranking();
    rows_.reserve(ranking.size());
    for (std::size_t row : ranking)
        if (keep(row)) rows_.push_back(row);
    if (sort_.column == SortColumn::rank || sort_.column == SortColumn::score) {
        // Ranked order already is score descending; both columns sort by it.
        if (sort_.ascending == (sort_.column == SortColumn::score)) std::reverse(rows_.begin(), rows_.end());
        return;
    }
    const char* key_name = sort_.column == SortColumn::dossier ? "dossier_id"
                           : sort_.column == SortColumn::name  ? "name"
                           : sort_.column == SortColumn::municipality ? "municipality"
                                                                      : "care_type";
    const Column* key = dataset.find(key_name);
    if (!key) return;
    // Stable: rows with equal keys stay in rank order.
    std::stable_sort(rows_.begin(), rows_.end(), [&](std::size_t a, std::size_t b) {
        return sort_.ascending ? key->texts[a] < key->texts[b] : key->texts[b] < key->texts[a];
    });
}

}  // namespace radar::session
