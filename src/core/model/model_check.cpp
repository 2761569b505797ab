// Model checks. Messages say which parameter, which transform step and what is wrong, so an
// analyst can fix an imported model without reading code.
#include "core/model/model_check.hpp"

#include <cmath>
#include <set>

#include "core/model/number_text.hpp"

namespace radar {
namespace {

std::string parameter_prefix(const ModelParameter& parameter) {
    return "parameter '" + parameter.id + "'";
}

std::string step_prefix(const ModelParameter& parameter, std::size_t index) {
    return parameter_prefix(parameter) + ": transform " + std::to_string(index + 1) + " (" +
           transform_kind_name(parameter.transforms[index].kind) + ")";
}

bool finite(double value) { return std::isfinite(value); }

class ProblemList {
public:
    explicit ProblemList(std::vector<ModelProblem>& problems) : problems_(problems) {}
    void add(const std::string& parameter, std::string message) {
        problems_.push_back({parameter, std::move(message)});
    }

private:
    std::vector<ModelProblem>& problems_;
};

void check_transform(const ModelParameter& parameter, std::size_t index, ProblemList& problems) {
    const Transform& t = parameter.transforms[index];
    const std::string where = step_prefix(parameter, index);
    auto add = [&](const std::string& what) { problems.add(parameter.id, where + ": " + what); };
    const bool first = index == 0;
    switch (t.kind) {
    case TransformKind::linear:
    case TransformKind::log1p: break;
    case TransformKind::clamp:
        if (!t.min && !t.max) add("needs a min, a max or both");
        if (t.min && !finite(*t.min)) add("min must be a finite number");
        if (t.max && !finite(*t.max)) add("max must be a finite number");
        if (t.min && t.max && *t.min > *t.max)
            add("min " + format_number(*t.min) + " is greater than max " + format_number(*t.max));
        break;
    case TransformKind::step:
        if (t.bins.empty()) add("needs at least one bin");
        if (!finite(t.below)) add("'below' must be a finite number");
        for (std::size_t i = 0; i < t.bins.size(); ++i) {
            if (!finite(t.bins[i].from) || !finite(t.bins[i].value))
                add("bin " + std::to_string(i + 1) + " needs finite 'from' and 'value'");
            else if (i > 0 && !(t.bins[i].from > t.bins[i - 1].from))
                add("bin thresholds must increase, but bin " + std::to_string(i + 1) + " starts at " +
                    format_number(t.bins[i].from) + " after " + format_number(t.bins[i - 1].from));
        }
        break;
    case TransformKind::boolean:
        if (!t.true_levels.empty() && !first)
            add("with true_levels reads text, so it must be the first transform");
        for (const auto& level : t.true_levels)
            if (level.empty()) add("has an empty entry in true_levels");
        break;
    case TransformKind::categorical: {
        if (!first) add("reads text, so it must be the first transform");
        if (t.levels.empty()) add("needs at least one level");
        if (!finite(t.default_value)) add("'default' must be a finite number");
        std::set<std::string> seen;
        for (const auto& [level, value] : t.levels) {
            if (!seen.insert(level).second) add("lists level '" + level + "' twice");
            if (!finite(value)) add("level '" + level + "' needs a finite value");
        }
        break;
    }
    case TransformKind::time_since:
        if (!first) add("reads a date, so it must be the first transform");
        break;
    }
}

void check_missing_policy(const ModelParameter& parameter, ProblemList& problems) {
    const MissingPolicy& policy = parameter.missing;
    const std::string where = parameter_prefix(parameter) + ": missing policy";
    if (policy.kind == MissingPolicyKind::points && !finite(policy.points))
        problems.add(parameter.id, where + " 'points' needs a finite number of points");
    if (policy.kind != MissingPolicyKind::neutral) return;
    const bool text_input = pipeline_input_kind(parameter.transforms) == InputKind::text;
    if (text_input && !std::holds_alternative<std::string>(policy.neutral))
        problems.add(parameter.id, where + " 'neutral' needs a level (text), because the field holds text");
    if (!text_input) {
        if (!std::holds_alternative<double>(policy.neutral))
            problems.add(parameter.id, where + " 'neutral' needs a number, because the pipeline reads numbers");
        else if (!finite(std::get<double>(policy.neutral)))
            problems.add(parameter.id, where + " 'neutral' needs a finite number");
    }
}

void check_parameter(const ModelParameter& parameter, ProblemList& problems) {
    const std::string where = parameter_prefix(parameter);
    auto add = [&](const std::string& what) { problems.add(parameter.id, where + ": " + what); };
    if (parameter.field.empty()) add("names no field");
    if (!finite(parameter.weight)) add("weight must be a finite number");
    if (parameter.label.nl.empty() || parameter.label.en.empty()) add("needs a Dutch and an English label");
    if (parameter.rationale.nl.empty() || parameter.rationale.en.empty())
        add("needs a one-line rationale in Dutch and English");
    if (parameter.transforms.empty()) add("needs at least one transform (use linear for the value as it is)");
    for (std::size_t i = 0; i < parameter.transforms.size(); ++i) check_transform(parameter, i, problems);
    check_missing_policy(parameter, problems);
}

const char* type_name(ColumnType type) {
    switch (type) {
    case ColumnType::text: return "text";
    case ColumnType::integer: return "whole numbers";
    case ColumnType::number: return "numbers";
    case ColumnType::date: return "dates";
    }
    return "values";
}

}  // namespace

InputKind pipeline_input_kind(const std::vector<Transform>& transforms) {
    if (transforms.empty()) return InputKind::number;
    const Transform& first = transforms.front();
    if (first.kind == TransformKind::time_since) return InputKind::date;
    if (first.kind == TransformKind::categorical) return InputKind::text;
    if (first.kind == TransformKind::boolean && !first.true_levels.empty()) return InputKind::text;
    return InputKind::number;
}

std::vector<FieldInfo> dataset_fields(const Dataset& dataset) {
    std::vector<FieldInfo> fields;
    for (const Column& column : dataset.columns()) fields.push_back({column.name, column.type, column.protected_attribute});
    return fields;
}

std::vector<ModelProblem> check_model_spec(const ModelSpec& spec) {
    std::vector<ModelProblem> result;
    ProblemList problems(result);
    if (spec.schema_version != model_schema_version)
        problems.add("", "model: schema_version " + std::to_string(spec.schema_version) +
                             " is not supported (this version reads " + std::to_string(model_schema_version) + ")");
    if (spec.id.empty()) problems.add("", "model: 'id' is empty");
    if (spec.name.nl.empty() && spec.name.en.empty()) problems.add("", "model: 'name' is empty");
    else if (spec.name.nl.empty() || spec.name.en.empty())
        problems.add("", "model: 'name' needs a Dutch and an English text");
    if (spec.description.nl.empty() != spec.description.en.empty())
        problems.add("", "model: 'description' needs a Dutch and an English text (or neither)");
    if (spec.created_at.size() < 10 || !parse_iso_date(std::string_view(spec.created_at).substr(0, 10)))
        problems.add("", "model: 'created_at' must start with a date as YYYY-MM-DD, got '" + spec.created_at + "'");
    if (!finite(spec.intercept)) problems.add("", "model: 'intercept' must be a finite number");
    if (spec.display.mapping == DisplayMapping::range &&
        !(finite(spec.display.min) && finite(spec.display.max) && spec.display.min < spec.display.max))
        problems.add("", "model: display range needs finite min < max, got " + format_number(spec.display.min) +
                             " and " + format_number(spec.display.max));
    if (spec.display.mapping == DisplayMapping::probability && !spec.logistic)
        problems.add("", "model: display mapping 'probability' needs output.logistic = true");
    if (spec.parameters.empty()) problems.add("", "model: has no parameters");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
        const ModelParameter& parameter = spec.parameters[i];
        if (parameter.id.empty())
            problems.add("", "model: parameter " + std::to_string(i + 1) + " has no id");
        else if (!ids.insert(parameter.id).second)
            problems.add(parameter.id, "parameter '" + parameter.id + "': the id is used twice");
        check_parameter(parameter, problems);
    }
    return result;
}

std::vector<ModelProblem> check_model_fields(const ModelSpec& spec, const std::vector<FieldInfo>& fields,
                                             const std::set<std::string>& protected_fields) {
    std::vector<ModelProblem> result;
    for (const ModelParameter& parameter : spec.parameters) {
        const std::string where = parameter_prefix(parameter) + ": field '" + parameter.field + "'";
        const FieldInfo* found = nullptr;
        for (const FieldInfo& field : fields)
            if (field.name == parameter.field) found = &field;
        if (protected_fields.count(parameter.field) || (found && found->protected_attribute)) {
            result.push_back({parameter.id, where + " is protected and can never be a model input"});
            continue;
        }
        if (!found) {
            result.push_back({parameter.id, where + " is not in the dataset"});
            continue;
        }
        const InputKind wanted = pipeline_input_kind(parameter.transforms);
        const ColumnType type = found->type;
        std::string problem;
        if (wanted == InputKind::number && type == ColumnType::date)
            problem = "holds dates: start the transforms with time_since";
        else if (wanted == InputKind::number && type == ColumnType::text)
            problem = "holds text: start the transforms with categorical, or boolean with true_levels";
        else if (wanted == InputKind::date && type != ColumnType::date)
            problem = std::string("holds ") + type_name(type) + ", but time_since needs dates";
        else if (wanted == InputKind::text && type == ColumnType::date)
            problem = std::string("holds dates, but ") + transform_kind_name(parameter.transforms.front().kind) +
                      " with levels needs text or numbers";
        if (!problem.empty()) result.push_back({parameter.id, where + " " + problem});
    }
    return result;
}

std::string describe_problems(const std::vector<ModelProblem>& problems) {
    std::string text;
    for (const ModelProblem& problem : problems) {
        if (!text.empty()) text += '\n';
        text += problem.message;
    }
    return text;
}

}  // namespace radar
