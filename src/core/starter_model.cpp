// Point terms of the starter model. Weights are a plausible expert guess, not fitted: the UI says
// a score is a screening priority, not a verdict. Protected attributes are never inputs.
#include "starter_model.hpp"

#include <algorithm>

namespace radar {
namespace {

enum Term {
    serious_shortcomings, shortcomings, complaints, incidents, recent_serious_signal,
    inspection_overdue, enforcement, organiser_changes, responsible_changes, missing_certificates,
    subsidy_recovery, term_count
};

double capped(double count, double points_each, double cap) { return std::min(count * points_each, cap); }

}  // namespace

const std::vector<ModelTerm>& StarterModel::terms() {
    static const std::vector<ModelTerm> list = {
        {"serious_shortcomings", "Ernstige tekorten bij laatste inspectie", "Serious shortcomings at last inspection"},
        {"shortcomings", "Tekorten bij laatste inspectie", "Shortcomings at last inspection"},
        {"complaints", "Klachten (12 maanden)", "Complaints (12 months)"},
        {"incidents", "Meldingen (12 maanden)", "Incident reports (12 months)"},
        {"recent_serious_signal", "Ernstig signaal < 6 maanden", "Serious signal < 6 months ago"},
        {"inspection_overdue", "Laatste inspectie lang geleden", "Last inspection long ago"},
        {"enforcement", "Lopende handhaving", "Ongoing enforcement"},
        {"organiser_changes", "Wissels van organisator (3 jaar)", "Organiser changes (3 years)"},
        {"responsible_changes", "Wissels van verantwoordelijke (3 jaar)", "Responsible person changes (3 years)"},
        {"missing_certificates", "Ontbrekende attesten", "Missing certificates"},
        {"subsidy_recovery", "Terugvordering subsidie (12 maanden)", "Subsidy recovery (12 months)"},
    };
    return list;
}

std::vector<std::string> StarterModel::required_fields() {
    return {"last_inspection_date", "shortcomings_last_inspection", "serious_shortcomings_last_inspection",
            "complaints_12m", "incidents_12m", "last_serious_signal_date", "enforcement_status",
            "organiser_changes_3y", "responsible_changes_3y", "missing_certificates", "subsidy_recovery_12m"};
}

std::vector<DossierScore> StarterModel::score(const Dataset& dataset, DayNumber reference_date) {
    std::vector<const Column*> in;
    for (const auto& field : required_fields()) in.push_back(dataset.find(field));
    const std::size_t rows = dataset.row_count();
    std::vector<DossierScore> scores(rows);
    if (std::find(in.begin(), in.end(), nullptr) != in.end()) return {};
    const Column& last_inspection = *in[0];
    auto number = [](const Column* column, std::size_t row) { return column->is_missing(row) ? 0.0 : column->numbers[row]; };

    for (std::size_t row = 0; row < rows; ++row) {
        DossierScore& result = scores[row];
        result.contributions.assign(term_count, 0.0f);
        auto add = [&](Term term, double points) { result.contributions[term] = static_cast<float>(points); };
        add(serious_shortcomings, capped(number(in[2], row), 6.0, 18.0));
        add(shortcomings, capped(number(in[1], row), 1.5, 9.0));
        add(complaints, capped(number(in[3], row), 2.0, 10.0));
        add(incidents, capped(number(in[4], row), 3.0, 12.0));
        if (!in[5]->is_missing(row) && reference_date - in[5]->numbers[row] <= 183) add(recent_serious_signal, 5.0);
        if (last_inspection.is_missing(row)) add(inspection_overdue, 6.0);
        else {
            const double days = reference_date - last_inspection.numbers[row];
            add(inspection_overdue, days > 3 * 365 ? 6.0 : (days > 2 * 365 ? 3.0 : 0.0));
        }
        const std::string& status = in[6]->texts[row];
        add(enforcement, status == "schorsing" ? 10.0 : (status == "aanmaning" ? 6.0 : 0.0));
        add(organiser_changes, capped(number(in[7], row), 2.0, 4.0));
        add(responsible_changes, capped(number(in[8], row), 1.5, 3.0));
        add(missing_certificates, capped(number(in[9], row), 3.0, 9.0));
        add(subsidy_recovery, number(in[10], row) > 0 ? 4.0 : 0.0);
        for (float points : result.contributions) result.points += points;
    }
    return scores;
}

}  // namespace radar
