// Agreement of the double coding, overall, per month and per screener pair.
#include "core/fairness/coder_agreement.hpp"

#include <map>

namespace radar {

bool MonthRange::contains(const std::string& month) const {
    return (from.empty() || month >= from) && (to.empty() || month <= to);
}

MonthRange months_of_days(std::optional<DayNumber> first, DayNumber last) {
    const auto month = [](DayNumber day) { return format_iso_date(day).substr(0, 7); };
    return {first ? month(*first) : std::string(), month(last)};
}

CoderAgreement coder_agreement(const DoubleCodingFold& fold, const MonthRange& period,
                               const BootstrapSettings& bootstrap) {
    CoderAgreement result;
    result.period = period;
    std::vector<CodedUnit> all;
    std::map<std::string, std::vector<CodedUnit>> by_month, by_pair;
    for (const DoubleCodedDossier& dossier : fold.dossiers) {
        if (!period.contains(dossier.month)) continue;
        ++result.second_codes;
        if (!dossier.first) {
            ++result.without_first_code;
            continue;
        }
        if (dossier.adjudication) ++result.adjudicated;
        if (dossier.awaiting_adjudication()) result.awaiting_adjudication.push_back(dossier);
        const CodedUnit unit = coded_unit(*dossier.first_code(), dossier.second_code);
        all.push_back(unit);
        by_month[dossier.month].push_back(unit);
        const std::string& a = dossier.first->screener;
        const std::string& b = dossier.second_screener;
        by_pair[a < b ? a + " / " + b : b + " / " + a].push_back(unit);
    }
    result.overall = measure_agreement(all, screening_code_count, bootstrap);
    for (const auto& [month, units] : by_month)
        result.by_month.push_back({month, measure_agreement(units, screening_code_count, bootstrap)});
    for (const auto& [pair, units] : by_pair)
        result.by_pair.push_back({pair, measure_agreement(units, screening_code_count, bootstrap)});
    return result;
}

}  // namespace radar
