// Model checks. Messages say which parameter, which transform step and what is wrong, in English
// and Dutch, so an analyst can fix an imported model without reading code.
#include "core/model/model_check.hpp"

#include <cmath>
#include <set>

#include "core/model/number_text.hpp"

namespace radar {
namespace {

ProblemText parameter_prefix(const ModelParameter& parameter) {
    return same_in_both("parameter '" + parameter.id + "'");
}

ProblemText step_prefix(const ModelParameter& parameter, std::size_t index) {
    const std::string step =
        " " + std::to_string(index + 1) + " (" + transform_kind_name(parameter.transforms[index].kind) + ")";
    return parameter_prefix(parameter) + ProblemText{": transform" + step, ": transformatie" + step};
}

bool finite(double value) { return std::isfinite(value); }

class ProblemList {
public:
    explicit ProblemList(std::vector<ModelProblem>& problems) : problems_(problems) {}
    void add(const std::string& parameter, ProblemText message) {
        problems_.push_back(model_problem(parameter, std::move(message)));
    }

private:
    std::vector<ModelProblem>& problems_;
};

void check_transform(const ModelParameter& parameter, std::size_t index, ProblemList& problems) {
    const Transform& t = parameter.transforms[index];
    const ProblemText where = step_prefix(parameter, index);
    auto add = [&](const ProblemText& what) { problems.add(parameter.id, where + same_in_both(": ") + what); };
    const bool first = index == 0;
    switch (t.kind) {
    case TransformKind::linear:
    case TransformKind::log1p: break;
    case TransformKind::clamp:
        if (!t.min && !t.max) add({"needs a min, a max or both", "heeft een min, een max of beide nodig"});
        if (t.min && !finite(*t.min)) add({"min must be a finite number", "min moet een eindig getal zijn"});
        if (t.max && !finite(*t.max)) add({"max must be a finite number", "max moet een eindig getal zijn"});
        if (t.min && t.max && *t.min > *t.max) {
            const std::string min = format_number(*t.min), max = format_number(*t.max);
            add({"min " + min + " is greater than max " + max, "min " + min + " is groter dan max " + max});
        }
        break;
    case TransformKind::step:
        if (t.bins.empty()) add({"needs at least one bin", "heeft minstens één klasse nodig"});
        if (!finite(t.below)) add({"'below' must be a finite number", "'below' moet een eindig getal zijn"});
        for (std::size_t i = 0; i < t.bins.size(); ++i) {
            const std::string bin = std::to_string(i + 1);
            if (!finite(t.bins[i].from) || !finite(t.bins[i].value)) {
                add({"bin " + bin + " needs finite 'from' and 'value'",
                     "klasse " + bin + " heeft een eindige 'from' en 'value' nodig"});
            } else if (i > 0 && !(t.bins[i].from > t.bins[i - 1].from)) {
                const std::string from = format_number(t.bins[i].from), before = format_number(t.bins[i - 1].from);
                add({"bin thresholds must increase, but bin " + bin + " starts at " + from + " after " + before,
                     "de grenzen van de klassen moeten stijgen, maar klasse " + bin + " begint bij " + from + " na " +
                         before});
            }
        }
        break;
    case TransformKind::boolean:
        if (!t.true_levels.empty() && !first)
            add({"with true_levels reads text, so it must be the first transform",
                 "met true_levels leest tekst en moet dus de eerste transformatie zijn"});
        for (const auto& level : t.true_levels)
            if (level.empty()) add({"has an empty entry in true_levels", "heeft een lege waarde in true_levels"});
        break;
    case TransformKind::categorical: {
        if (!first)
            add({"reads text, so it must be the first transform",
                 "leest tekst en moet dus de eerste transformatie zijn"});
        if (t.levels.empty()) add({"needs at least one level", "heeft minstens één niveau nodig"});
        if (!finite(t.default_value))
            add({"'default' must be a finite number", "'default' moet een eindig getal zijn"});
        std::set<std::string> seen;
        for (const auto& [level, value] : t.levels) {
            if (!seen.insert(level).second)
                add({"lists level '" + level + "' twice", "noemt niveau '" + level + "' twee keer"});
            if (!finite(value))
                add({"level '" + level + "' needs a finite value",
                     "niveau '" + level + "' heeft een eindige waarde nodig"});
        }
        break;
    }
    case TransformKind::time_since:
        if (!first)
            add({"reads a date, so it must be the first transform",
                 "leest een datum en moet dus de eerste transformatie zijn"});
        break;
    }
}

void check_missing_policy(const ModelParameter& parameter, ProblemList& problems) {
    const MissingPolicy& policy = parameter.missing;
    const ProblemText where =
        parameter_prefix(parameter) + ProblemText{": missing policy ", ": beleid bij een ontbrekende waarde: "};
    auto add = [&](const ProblemText& what) { problems.add(parameter.id, where + what); };
    if (policy.kind == MissingPolicyKind::points && !finite(policy.points))
        add({"'points' needs a finite number of points", "'points' heeft een eindig aantal punten nodig"});
    if (policy.kind != MissingPolicyKind::neutral) return;
    const bool text_input = pipeline_input_kind(parameter.transforms) == InputKind::text;
    if (text_input && !std::holds_alternative<std::string>(policy.neutral))
        add({"'neutral' needs a level (text), because the field holds text",
             "'neutral' heeft een niveau (tekst) nodig, want het veld bevat tekst"});
    if (!text_input) {
        if (!std::holds_alternative<double>(policy.neutral))
            add({"'neutral' needs a number, because the pipeline reads numbers",
                 "'neutral' heeft een getal nodig, want de transformaties lezen getallen"});
        else if (!finite(std::get<double>(policy.neutral)))
            add({"'neutral' needs a finite number", "'neutral' heeft een eindig getal nodig"});
    }
}

void check_parameter(const ModelParameter& parameter, ProblemList& problems) {
    const ProblemText where = parameter_prefix(parameter) + same_in_both(": ");
    auto add = [&](const ProblemText& what) { problems.add(parameter.id, where + what); };
    if (parameter.field.empty()) add({"names no field", "noemt geen veld"});
    if (!finite(parameter.weight)) add({"weight must be a finite number", "het gewicht moet een eindig getal zijn"});
    if (parameter.label.nl.empty() || parameter.label.en.empty())
        add({"needs a Dutch and an English label", "heeft een Nederlands en een Engels label nodig"});
    if (parameter.rationale.nl.empty() || parameter.rationale.en.empty())
        add({"needs a one-line rationale in Dutch and English",
             "heeft een motivering van één regel in het Nederlands en het Engels nodig"});
    if (parameter.transforms.empty())
        add({"needs at least one transform (use linear for the value as it is)",
             "heeft minstens één transformatie nodig (linear voor de waarde zoals ze is)"});
    for (std::size_t i = 0; i < parameter.transforms.size(); ++i) check_transform(parameter, i, problems);
    check_missing_policy(parameter, problems);
}

ProblemText type_name(ColumnType type) {
    switch (type) {
        case ColumnType::text:
            return {"text", "tekst"};
        case ColumnType::integer:
            return {"whole numbers", "gehele getallen"};
        case ColumnType::number:
            return {"numbers", "getallen"};
        case ColumnType::date:
            return {"dates", "datums"};
    }
    return {"values", "waarden"};
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
    auto add = [&](const ProblemText& what) { problems.add("", same_in_both("model: ") + what); };
    if (spec.schema_version != model_schema_version) {
        const std::string version = std::to_string(spec.schema_version), read = std::to_string(model_schema_version);
        add({"schema_version " + version + " is not supported (this version reads " + read + ")",
             "schema_version " + version + " wordt niet ondersteund (deze versie leest " + read + ")"});
    }
    if (spec.id.empty()) add({"'id' is empty", "'id' is leeg"});
    if (spec.name.nl.empty() && spec.name.en.empty())
        add({"'name' is empty", "'name' is leeg"});
    else if (spec.name.nl.empty() || spec.name.en.empty())
        add({"'name' needs a Dutch and an English text", "'name' heeft een Nederlandse en een Engelse tekst nodig"});
    if (spec.description.nl.empty() != spec.description.en.empty())
        add({"'description' needs a Dutch and an English text (or neither)",
             "'description' heeft een Nederlandse en een Engelse tekst nodig (of geen van beide)"});
    if (spec.created_at.size() < 10 || !parse_iso_date(std::string_view(spec.created_at).substr(0, 10)))
        add({"'created_at' must start with a date as YYYY-MM-DD, got '" + spec.created_at + "'",
             "'created_at' moet beginnen met een datum als JJJJ-MM-DD, maar is '" + spec.created_at + "'"});
    if (!finite(spec.intercept)) add({"'intercept' must be a finite number", "'intercept' moet een eindig getal zijn"});
    if (spec.display.mapping == DisplayMapping::range &&
        !(finite(spec.display.min) && finite(spec.display.max) && spec.display.min < spec.display.max)) {
        const std::string range = format_number(spec.display.min) + " and " + format_number(spec.display.max);
        const std::string range_nl = format_number(spec.display.min) + " en " + format_number(spec.display.max);
        add({"display range needs finite min < max, got " + range,
             "het weergavebereik heeft eindige min < max nodig, maar is " + range_nl});
    }
    if (spec.display.mapping == DisplayMapping::probability && !spec.logistic)
        add({"display mapping 'probability' needs output.logistic = true",
             "weergave 'probability' vraagt output.logistic = true"});
    if (spec.parameters.empty()) add({"has no parameters", "heeft geen parameters"});
    std::set<std::string> ids;
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
        const ModelParameter& parameter = spec.parameters[i];
        if (parameter.id.empty()) {
            const std::string number = std::to_string(i + 1);
            add({"parameter " + number + " has no id", "parameter " + number + " heeft geen id"});
        } else if (!ids.insert(parameter.id).second) {
            problems.add(parameter.id, parameter_prefix(parameter) +
                                           ProblemText{": the id is used twice", ": het id komt twee keer voor"});
        }
        check_parameter(parameter, problems);
    }
    return result;
}

std::vector<ModelProblem> check_model_fields(const ModelSpec& spec, const std::vector<FieldInfo>& fields,
                                             const std::set<std::string>& protected_fields) {
    std::vector<ModelProblem> result;
    ProblemList problems(result);
    for (const ModelParameter& parameter : spec.parameters) {
        const ProblemText where =
            parameter_prefix(parameter) + ProblemText{": field '", ": veld '"} + same_in_both(parameter.field + "' ");
        auto add = [&](const ProblemText& what) { problems.add(parameter.id, where + what); };
        const FieldInfo* found = nullptr;
        for (const FieldInfo& field : fields)
            if (field.name == parameter.field) found = &field;
        if (protected_fields.count(parameter.field) || (found && found->protected_attribute)) {
            add({"is protected and can never be a model input",
                 "is beschermd en kan nooit een invoer van het model zijn"});
            continue;
        }
        if (!found) {
            add({"is not in the dataset", "staat niet in de dataset"});
            continue;
        }
        const InputKind wanted = pipeline_input_kind(parameter.transforms);
        const ColumnType type = found->type;
        const std::string first_step =
            parameter.transforms.empty() ? std::string() : transform_kind_name(parameter.transforms.front().kind);
        if (wanted == InputKind::number && type == ColumnType::date)
            add({"holds dates: start the transforms with time_since",
                 "bevat datums: begin de transformaties met time_since"});
        else if (wanted == InputKind::number && type == ColumnType::text)
            add({"holds text: start the transforms with categorical, or boolean with true_levels",
                 "bevat tekst: begin de transformaties met categorical, of boolean met true_levels"});
        else if (wanted == InputKind::date && type != ColumnType::date)
            add(ProblemText{"holds ", "bevat "} + type_name(type) +
                ProblemText{", but time_since needs dates", ", maar time_since heeft datums nodig"});
        else if (wanted == InputKind::text && type == ColumnType::date)
            add({"holds dates, but " + first_step + " with levels needs text or numbers",
                 "bevat datums, maar " + first_step + " met niveaus heeft tekst of getallen nodig"});
    }
    return result;
}

std::string describe_problems(const std::vector<ModelProblem>& problems, std::string_view language) {
    std::string text;
    for (const ModelProblem& problem : problems) {
        if (!text.empty()) text += '\n';
        text += problem.message_in(language);
    }
    return text;
}

}  // namespace radar
