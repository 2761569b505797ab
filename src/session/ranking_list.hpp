// The ranking as the ranking screen shows it: a filter (words, minimum score, province, care
// type), a sort order and the selected dossier, with the rows that pass in that order. It is view
// state (the app owns one in ui::ViewState), computed from the session: the rows are worked out
// again only when the session's scores or dataset changed, or the filter or sort did; a selection
// is dropped when the dataset it pointed into is replaced.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace radar::session {

class Session;

enum class SortColumn { rank, dossier, name, municipality, care_type, score };

struct SortOrder {
    SortColumn column = SortColumn::rank;
    bool ascending = true;
};

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

class RankingList {
public:
    const RankingFilter& filter() const { return filter_; }
    void set_filter(const RankingFilter& filter);
    void set_text(const std::string& text);
    SortOrder sort() const { return sort_; }
    void set_sort(SortOrder order);

    // The rows of session.dataset() that pass the filter, in the sort order.
    const std::vector<std::size_t>& rows(const Session& session);
    // The dossier shown in the dossier panel (nullopt: none, or the dataset was replaced since).
    std::optional<std::size_t> selected_row(const Session& session) const;
    void select_row(const Session& session, std::optional<std::size_t> row);

private:
    void compute(const Session& session);

    RankingFilter filter_;
    SortOrder sort_;
    std::vector<std::size_t> rows_;
    bool stale_ = true;
    std::uint64_t rows_scores_generation_ = 0;
    std::uint64_t rows_dataset_generation_ = 0;
    std::optional<std::size_t> selected_row_;
    std::uint64_t selected_dataset_generation_ = 0;
};

}  // namespace radar::session
