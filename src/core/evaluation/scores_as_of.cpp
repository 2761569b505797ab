// Scoring at another reference date; month starts.
#include "core/evaluation/scores_as_of.hpp"

namespace radar {

Checked<std::vector<double>> scores_as_of(const ModelSpec& spec, const Dataset& dataset, ScoringContext context,
                                          DayNumber day) {
    context.reference_date = day;
    const EngineResult result = ScoringEngine::create(spec, dataset, std::move(context));
    if (!result.engine)
        return Checked<std::vector<double>>::failure("the model cannot score this dataset:\n" +
                                                     describe_problems(result.problems));
    return result.engine->raw_scores();
}

std::vector<double> scores_as_of(ScoringEngine& engine, DayNumber day) {
    if (engine.context().reference_date != day) engine.set_reference_date(day);
    return engine.raw_scores();
}

std::vector<DayNumber> month_starts(DayNumber from, DayNumber to) {
    std::vector<DayNumber> starts;
    for (DayNumber month = first_of_month(from); month <= to; month = add_months(month, 1)) starts.push_back(month);
    return starts;
}

}  // namespace radar
