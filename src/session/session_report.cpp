// [SECTION] The standard report (see session.hpp): the first day with work, the report of a
// request built once per change of what it reads, and the parliamentary question's answer.
#include <algorithm>

#include "session/session.hpp"

namespace radar::session {
bool Session::ReportCache::Key::operator==(const Key& other) const {
    return request.period.from == other.request.period.from && request.period.to == other.request.period.to &&
           request.possible_risk == other.request.possible_risk && screening_generation == other.screening_generation &&
           dataset_generation == other.dataset_generation && today == other.today &&
           label_months == other.label_months && confirmed_risk == other.confirmed_risk;
}

Session::ReportHistory Session::report_history() {
    if (storage_mode_ == StoreMode::opening) return ReportHistory{reference_date_, false};
    const std::pair<std::uint64_t, DayNumber> inputs{screening_generation_, reference_date_};
    if (report_cache_.history_of == inputs) return report_cache_.history;
    ReportHistory history{reference_date_, false};
    for (const EffectiveScreening& screening : screening_.screenings) {
        if (screening.withdrawn) continue;
        history.first_activity = std::min(history.first_activity, screening.screening_date);
        history.any = true;
    }
    for (const auto& [id, batch] : screening_.batches) {
        if (const auto start = parse_iso_date(batch.month + "-01"))
            history.first_activity = std::min(history.first_activity, *start);
        history.any = true;
    }
    report_cache_.history_of = inputs;
    report_cache_.history = history;
    return history;
}

const Report* Session::report(const ReportRequest& request, Timestamp now) {
    if (storage_mode_ == StoreMode::opening) return nullptr;
    ReportCache& cache = report_cache_;
    const std::pair<std::uint64_t, std::uint64_t> attributes_of{dataset_generation_, screening_generation_};
    if (cache.attributes_of != attributes_of) {
        cache.attributes.clear();
        for (const EffectiveScreening& screening : screening_.screenings)
            if (!cache.attributes.count(screening.dossier_id))
                if (const auto row = row_of(screening.dossier_id))
                    cache.attributes.emplace(screening.dossier_id, dossier_attributes_at(dataset_, *row));
        cache.attributes_of = attributes_of;
    }
    ReportCache::Key key{request,          screening_generation_,             dataset_generation_,
                         reference_date_,  risk_label_settings_.valid_months, label_definition_};
    if (cache.report && cache.key && *cache.key == key) return &*cache.report;
    ReportSettings settings;
    settings.possible_risk = request.possible_risk;
    settings.as_of = reference_date_;
    settings.generated_at = now;
    settings.labels = risk_label_settings_;
    settings.confirmed_risk = label_definition_;
    cache.report = build_report(screening_, frozen_batches_, cache.attributes, request.period, settings);
    cache.key = std::move(key);
    ++cache.generation;
    return &*cache.report;
}

const ParliamentAnswer* Session::parliament_answer(const ReportRequest& request, Timestamp now) {
    const Report* built = report(request, now);
    if (!built) return nullptr;
    ReportCache& cache = report_cache_;
    if (!cache.parliament || cache.parliament_of != cache.generation) {
        cache.parliament = radar::parliament_answer(*built, screening_, coverage_figures(screening_, dataset_, built->period.to));
        cache.parliament_of = cache.generation;
    }
    return &*cache.parliament;
}

}  // namespace radar::session
