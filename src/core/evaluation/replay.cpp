// Re-ordering screened dossiers by score over the real screening days.
#include "core/evaluation/replay.hpp"

#include <algorithm>
#include <numeric>

namespace radar {

Checked<ReplayResult> replay_by_score(const std::vector<ScreenedVisit>& visits) {
    if (visits.empty()) return Checked<ReplayResult>::failure("no screened dossiers to replay");
    ReplayResult result;
    result.visits = visits.size();
    std::vector<std::size_t> by_day(visits.size());
    std::iota(by_day.begin(), by_day.end(), std::size_t{0});
    std::stable_sort(by_day.begin(), by_day.end(),
                     [&](std::size_t a, std::size_t b) { return visits[a].day < visits[b].day; });
    std::vector<std::size_t> by_score = by_day;  // ties keep the real order
    std::stable_sort(by_score.begin(), by_score.end(),
                     [&](std::size_t a, std::size_t b) { return visits[a].score > visits[b].score; });
    result.replay_days.resize(visits.size());
    for (std::size_t slot = 0; slot < visits.size(); ++slot)
        result.replay_days[by_score[slot]] = visits[by_day[slot]].day;

    result.first_day = visits[by_day.front()].day;
    result.last_day = visits[by_day.back()].day;
    const double half = static_cast<double>(result.last_day - result.first_day + 1) / 2.0;
    auto in_first_half = [&](DayNumber day) { return static_cast<double>(day - result.first_day) < half; };
    double days_earlier = 0.0;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        if (!visits[i].positive) continue;
        ++result.positives;
        days_earlier += static_cast<double>(visits[i].day - result.replay_days[i]);
        result.positives_first_half_actual += in_first_half(visits[i].day);
        result.positives_first_half_replay += in_first_half(result.replay_days[i]);
    }
    if (result.positives > 0) {
        const double positives = static_cast<double>(result.positives);
        result.mean_days_earlier = days_earlier / positives;
        result.share_first_half_actual = static_cast<double>(result.positives_first_half_actual) / positives;
        result.share_first_half_replay = static_cast<double>(result.positives_first_half_replay) / positives;
    }
    return result;
}

}  // namespace radar
