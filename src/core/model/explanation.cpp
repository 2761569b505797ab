// Explanations are built on demand for one row (the dossier panel shows one at a time), from the
// engine's compiled outputs and the same transform code that compiled them.
#include "core/model/explanation.hpp"

#include <cmath>
#include <set>

#include "core/time/date_text.hpp"
#include "core/model/transform_eval.hpp"

namespace radar {
namespace {

std::string plural(int count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

}  // namespace

LocalText describe_age(int age_days, int age_months) {
    if (age_days == 0) return {"vandaag", "today"};
    if (age_days < 0) {
        const int ahead = -age_days;
        return {"over " + plural(ahead, "dag", "dagen") + " (datum na de peildatum)",
                "in " + plural(ahead, "day", "days") + " (date after the reference date)"};
    }
    if (age_months >= 1)
        return {plural(age_months, "maand", "maanden") + " geleden", plural(age_months, "month", "months") + " ago"};
    return {plural(age_days, "dag", "dagen") + " geleden", plural(age_days, "day", "days") + " ago"};
}

Completeness completeness_of(const ScoringEngine& engine, std::size_t row) {
    Completeness result;
    const ModelSpec& spec = engine.spec();
    const DayNumber reference = engine.context().reference_date;
    result.total = spec.parameters.size();
    std::vector<std::string> missing_nl;
    std::vector<std::string> missing_en;
    std::set<std::string> dated_fields;
    for (std::size_t p = 0; p < spec.parameters.size(); ++p) {
        const ModelParameter& parameter = spec.parameters[p];
        const Column& column = engine.parameter_column(p);
        const bool missing = column.is_missing(row);
        if (missing) {
            result.missing_parameters.push_back(p);
            missing_nl.push_back(parameter.label.nl);
            missing_en.push_back(parameter.label.en);
        } else {
            ++result.known;
        }
        if (column.type != ColumnType::date || !dated_fields.insert(parameter.field).second) continue;
        DatedInput dated;
        dated.parameter = p;
        dated.field = parameter.field;
        dated.label = parameter.label;
        if (missing) {
            dated.text = {parameter.label.nl + ": onbekend (geen datum)", parameter.label.en + ": unknown (no date)"};
        } else {
            const auto date = static_cast<DayNumber>(column.numbers[row]);
            dated.date = date;
            dated.age_days = reference - date;
            dated.age_months = whole_months_between(date, reference);
            const LocalText age = describe_age(dated.age_days, dated.age_months);
            dated.text = {parameter.label.nl + ": " + age.nl + " (" + format_date(date, TextLanguage::dutch) + ")",
                          parameter.label.en + ": " + age.en + " (" + format_date(date, TextLanguage::english) + ")"};
        }
        result.dated.push_back(std::move(dated));
    }
    result.fraction = result.total == 0 ? 1.0 : static_cast<double>(result.known) / static_cast<double>(result.total);
    const std::string known = std::to_string(result.known);
    const std::string total = std::to_string(result.total);
    result.summary.nl = known + " van " + total + " gegevens bekend";
    result.summary.en = known + " of " + total + " inputs known";
    if (!missing_en.empty()) {
        result.summary.nl += "; ontbreekt: " + join(missing_nl);
        result.summary.en += "; missing: " + join(missing_en);
    }
    return result;
}

Explanation explain_row(const ScoringEngine& engine, std::size_t row) {
    Explanation result;
    const ModelSpec& spec = engine.spec();
    result.row = row;
    result.dossier_id = engine.ids().is_missing(row) ? std::string() : engine.dataset().cell_text(
        *engine.dataset().index_of(engine.context().id_field), row);
    result.intercept = spec.intercept;
    result.raw_score = engine.raw_score(row);
    result.probability = engine.probability(row);
    result.display_score = engine.display_score(row);
    result.rank = engine.rank_of(row);
    result.percentile = engine.percentile(row);
    double absolute_total = 0.0;
    for (std::size_t p = 0; p < spec.parameters.size(); ++p) {
        const ModelParameter& parameter = spec.parameters[p];
        const Column& column = engine.parameter_column(p);
        const TransformedCell cell = transform_cell(parameter, column, row, engine.context().reference_date);
        ParameterExplanation item;
        item.parameter = p;
        item.id = parameter.id;
        item.field = parameter.field;
        item.label = parameter.label;
        item.rationale = parameter.rationale;
        item.missing = cell.missing;
        item.policy = parameter.missing.kind;
        item.value_text = engine.dataset().cell_text(*engine.dataset().index_of(parameter.field), row);
        item.input = cell.input;
        item.transformed = engine.transform_output(row, p);
        item.weight = parameter.weight;
        item.points = engine.points(row, p);
        absolute_total += std::fabs(item.points);
        result.parameters.push_back(std::move(item));
    }
    for (auto& item : result.parameters) item.share = absolute_total > 0.0 ? item.points / absolute_total : 0.0;
    result.completeness = completeness_of(engine, row);
    return result;
}

}  // namespace radar
