// Risk labels from the latest screening of each dossier, with their end dates.
#include "core/screening/risk_label.hpp"

#include <algorithm>

namespace radar {

std::optional<RiskLabel> risk_label(const ScreeningState& state, const std::string& dossier_id, DayNumber today,
                                    const RiskLabelSettings& settings) {
    const EffectiveScreening* latest = state.current_screening(dossier_id);
    if (!latest || latest->code == ScreeningCode::geen_risico) return std::nullopt;
    RiskLabel label;
    label.dossier_id = dossier_id;
    label.code = latest->code;
    label.labelled_on = latest->screening_date;
    label.valid_until = add_months(latest->screening_date, settings.valid_months);
    label.status = today >= label.valid_until                                   ? RiskLabelStatus::expired
                   : today >= label.valid_until - settings.expiring_within_days ? RiskLabelStatus::expiring
                                                                                : RiskLabelStatus::current;
    return label;
}

std::vector<RiskLabel> risk_labels(const ScreeningState& state, DayNumber today, const RiskLabelSettings& settings) {
    std::vector<RiskLabel> labels;
    for (const auto& entry : state.dossiers)
        if (auto label = risk_label(state, entry.first, today, settings)) labels.push_back(std::move(*label));
    std::sort(labels.begin(), labels.end(), [](const RiskLabel& a, const RiskLabel& b) {
        return a.valid_until != b.valid_until ? a.valid_until < b.valid_until : a.dossier_id < b.dossier_id;
    });
    return labels;
}

bool valid_label_months(int months) { return months >= 1 && months <= 120; }

}  // namespace radar
