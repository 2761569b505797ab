// Reading model JSON (strictly: a key written twice is refused) and writing it, with keys in the
// order written (nlohmann::ordered_json). Nothing here throws: Emscripten builds do not catch
// exceptions by default, so every type is checked before use.
#include "core/model/model_json.hpp"

#include <cmath>
#include <set>

#include "core/base/sha256.hpp"
#include "core/base/strict_json.hpp"

namespace radar {
namespace {

// 'key', as the messages name keys and values.
std::string quoted(const std::string& text) { return "'" + text + "'"; }

// Reads one JSON object, collecting problems (English and Dutch) with a context prefix
// ("parameter 'x': transform 2").
class ObjectReader {
public:
    ObjectReader(const OrderedJson& object, ProblemText context, std::string parameter,
                 std::vector<ModelProblem>& problems)
        : object_(object), context_(std::move(context)), parameter_(std::move(parameter)), problems_(problems) {
        if (!object.is_object()) problem({"must be a JSON object", "moet een JSON-object zijn"});
    }

    bool valid() const { return object_.is_object(); }
    const ProblemText& context() const { return context_; }
    const std::string& parameter() const { return parameter_; }

    void problem(const ProblemText& what) {
        problems_.push_back(model_problem(parameter_, context_ + same_in_both(": ") + what));
    }

    const OrderedJson* get(const char* key, bool required) {
        used_.insert(key);
        if (!valid()) return nullptr;
        const auto found = object_.find(key);
        if (found == object_.end()) {
            if (required) problem({quoted(key) + " is missing", quoted(key) + " ontbreekt"});
            return nullptr;
        }
        return &*found;
    }

    std::string text(const char* key, bool required = true) {
        const OrderedJson* value = get(key, required);
        if (!value) return {};
        if (!value->is_string()) {
            problem({quoted(key) + " must be text", quoted(key) + " moet tekst zijn"});
            return {};
        }
        return value->get<std::string>();
    }

    std::optional<double> number(const char* key, bool required = true) {
        const OrderedJson* value = get(key, required);
        if (!value) return std::nullopt;
        if (!value->is_number()) {
            problem({quoted(key) + " must be a number", quoted(key) + " moet een getal zijn"});
            return std::nullopt;
        }
        return value->get<double>();
    }

    bool flag(const char* key) {
        const OrderedJson* value = get(key, true);
        if (!value) return false;
        if (!value->is_boolean()) {
            problem({quoted(key) + " must be true or false", quoted(key) + " moet true of false zijn"});
            return false;
        }
        return value->get<bool>();
    }

    LocalText local_text(const char* key) {
        LocalText result;
        const OrderedJson* value = get(key, true);
        if (!value) return result;
        ObjectReader inner(*value, context_ + same_in_both(": " + quoted(key)), parameter_, problems_);
        if (!inner.valid()) return result;
        result.nl = inner.text("nl");
        result.en = inner.text("en");
        inner.refuse_unknown_keys();
        return result;
    }

    // A model's name or description: one text for both languages, or {"nl": ..., "en": ...}.
    LocalText text_or_local_text(const char* key, bool required) {
        const OrderedJson* value = get(key, required);
        if (!value) return {};
        if (value->is_string()) return {value->get<std::string>(), value->get<std::string>()};
        if (!value->is_object()) {
            problem({quoted(key) + " must be text, or {\"nl\": text, \"en\": text}",
                     quoted(key) + " moet tekst zijn, of {\"nl\": tekst, \"en\": tekst}"});
            return {};
        }
        return local_text(key);
    }

    // Keys that were never asked for are typos or unsupported features: refuse them.
    void refuse_unknown_keys() {
        if (!valid()) return;
        for (const auto& item : object_.items())
            if (!used_.count(item.key()))
                problem({"unknown key " + quoted(item.key()), "onbekende sleutel " + quoted(item.key())});
    }

private:
    const OrderedJson& object_;
    ProblemText context_;
    std::string parameter_;
    std::vector<ModelProblem>& problems_;
    std::set<std::string> used_;
};

std::string known_names(const char* const* names, std::size_t count) {
    std::string list;
    for (std::size_t i = 0; i < count; ++i) list += (i ? ", " : "") + std::string(names[i]);
    return list;
}

Transform read_transform(const OrderedJson& json, ObjectReader& parent, std::size_t index,
                         std::vector<ModelProblem>& problems) {
    Transform transform;
    const std::string number = " " + std::to_string(index + 1);
    ObjectReader reader(json, parent.context() + ProblemText{": transform" + number, ": transformatie" + number},
                        parent.parameter(), problems);
    if (!reader.valid()) return transform;
    const std::string type = reader.text("type");
    const auto kind = transform_kind_from_name(type);
    if (!kind) {
        static const char* const names[] = {"linear", "clamp", "step", "boolean", "categorical", "time_since", "log1p"};
        if (!type.empty())
            reader.problem({"unknown type " + quoted(type) + " (known: " + known_names(names, 7) + ")",
                            "onbekend type " + quoted(type) + " (bekend: " + known_names(names, 7) + ")"});
        return transform;
    }
    transform.kind = *kind;
    switch (*kind) {
    case TransformKind::linear:
    case TransformKind::log1p: break;
    case TransformKind::clamp:
        transform.min = reader.number("min", false);
        transform.max = reader.number("max", false);
        if (!transform.min && !transform.max)
            reader.problem({"needs a min, a max or both", "heeft een min, een max of beide nodig"});
        break;
    case TransformKind::step: {
        transform.below = reader.number("below", false).value_or(0.0);
        const OrderedJson* bins = reader.get("bins", true);
        if (bins && !bins->is_array())
            reader.problem({"'bins' must be a list of {\"from\", \"value\"}",
                            "'bins' moet een lijst van {\"from\", \"value\"} zijn"});
        if (bins && bins->is_array()) {
            for (std::size_t i = 0; i < bins->size(); ++i) {
                const std::string bin_number = " " + std::to_string(i + 1);
                ObjectReader bin((*bins)[i],
                                 reader.context() + ProblemText{": bin" + bin_number, ": klasse" + bin_number},
                                 reader.parameter(), problems);
                if (!bin.valid()) continue;
                const auto from = bin.number("from");
                const auto value = bin.number("value");
                bin.refuse_unknown_keys();
                if (from && value) transform.bins.push_back({*from, *value});
            }
        }
        break;
    }
    case TransformKind::boolean: {
        const OrderedJson* levels = reader.get("true_levels", false);
        if (levels && !levels->is_array())
            reader.problem({"'true_levels' must be a list of texts", "'true_levels' moet een lijst van teksten zijn"});
        if (levels && levels->is_array())
            for (const OrderedJson& level : *levels) {
                if (level.is_string()) transform.true_levels.push_back(level.get<std::string>());
                else
                    reader.problem({"'true_levels' must hold texts only", "'true_levels' mag alleen teksten bevatten"});
            }
        break;
    }
    case TransformKind::categorical: {
        transform.default_value = reader.number("default").value_or(0.0);
        const OrderedJson* levels = reader.get("levels", true);
        if (levels && !levels->is_object())
            reader.problem({"'levels' must map each level (text) to a number",
                            "'levels' moet elk niveau (tekst) een getal geven"});
        if (levels && levels->is_object())
            for (const auto& item : levels->items()) {
                if (item.value().is_number()) transform.levels.emplace_back(item.key(), item.value().get<double>());
                else
                    reader.problem({"level " + quoted(item.key()) + " must map to a number",
                                    "niveau " + quoted(item.key()) + " moet een getal krijgen"});
            }
        break;
    }
    case TransformKind::time_since: {
        const std::string unit = reader.text("unit");
        const auto parsed = time_unit_from_name(unit);
        if (parsed) transform.unit = *parsed;
        else if (!unit.empty())
            reader.problem({"'unit' must be 'days' or 'months', got " + quoted(unit),
                            "'unit' moet 'days' of 'months' zijn, maar is " + quoted(unit)});
        break;
    }
    }
    reader.refuse_unknown_keys();
    return transform;
}

MissingPolicy read_missing(ObjectReader& parent, std::vector<ModelProblem>& problems) {
    MissingPolicy policy;
    const OrderedJson* json = parent.get("missing", true);
    if (!json) return policy;
    ObjectReader reader(*json, parent.context() + same_in_both(": missing"), parent.parameter(), problems);
    if (!reader.valid()) return policy;
    const std::string name = reader.text("policy");
    const auto kind = missing_policy_from_name(name);
    if (!kind) {
        if (!name.empty())
            reader.problem({"unknown policy " + quoted(name) + " (known: neutral, points, unknown)",
                            "onbekend beleid " + quoted(name) + " (bekend: neutral, points, unknown)"});
        return policy;
    }
    policy.kind = *kind;
    if (*kind == MissingPolicyKind::points) policy.points = reader.number("points").value_or(0.0);
    if (*kind == MissingPolicyKind::neutral) {
        const OrderedJson* value = reader.get("value", true);
        if (value && value->is_number()) policy.neutral = value->get<double>();
        else if (value && value->is_string()) policy.neutral = value->get<std::string>();
        else if (value)
            reader.problem(
                {"'value' must be a number or a level (text)", "'value' moet een getal of een niveau (tekst) zijn"});
    }
    reader.refuse_unknown_keys();
    return policy;
}

ModelParameter read_parameter(const OrderedJson& json, std::size_t index, std::vector<ModelProblem>& problems) {
    ModelParameter parameter;
    // Name the parameter by its id in every message when it has one.
    const bool has_id = json.is_object() && json.contains("id") && json["id"].is_string() &&
                        !json["id"].get<std::string>().empty();
    parameter.id = has_id ? json["id"].get<std::string>() : std::string();
    const std::string context = has_id ? "parameter '" + parameter.id + "'" : "parameter " + std::to_string(index + 1);
    ObjectReader reader(json, same_in_both(context), parameter.id, problems);
    if (!reader.valid()) return parameter;
    reader.text("id");
    parameter.field = reader.text("field");
    const OrderedJson* transforms = reader.get("transforms", true);
    if (transforms && !transforms->is_array())
        reader.problem({"'transforms' must be a list", "'transforms' moet een lijst zijn"});
    if (transforms && transforms->is_array())
        for (std::size_t i = 0; i < transforms->size(); ++i)
            parameter.transforms.push_back(read_transform((*transforms)[i], reader, i, problems));
    parameter.weight = reader.number("weight").value_or(0.0);
    parameter.missing = read_missing(reader, problems);
    parameter.label = reader.local_text("label");
    parameter.rationale = reader.local_text("rationale");
    reader.refuse_unknown_keys();
    return parameter;
}

// Whole numbers are written without a fraction ("6", not "6.0"); everything else in the
// shortest form that reads back to the same double.
OrderedJson number_json(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return OrderedJson(static_cast<std::int64_t>(value));
    return OrderedJson(value);
}

OrderedJson local_text_json(const LocalText& text) {
    OrderedJson json = OrderedJson::object();
    json["nl"] = text.nl;
    json["en"] = text.en;
    return json;
}

// A name or description: one plain text when both languages read the same (so a model written
// before the two-language form existed keeps its exact JSON and version id), else {"nl", "en"}.
OrderedJson text_or_local_text_json(const LocalText& text) {
    if (text.nl == text.en) return OrderedJson(text.nl);
    return local_text_json(text);
}

OrderedJson transform_json(const Transform& transform) {
    OrderedJson json = OrderedJson::object();
    json["type"] = transform_kind_name(transform.kind);
    switch (transform.kind) {
    case TransformKind::linear:
    case TransformKind::log1p: break;
    case TransformKind::clamp:
        if (transform.min) json["min"] = number_json(*transform.min);
        if (transform.max) json["max"] = number_json(*transform.max);
        break;
    case TransformKind::step: {
        OrderedJson bins = OrderedJson::array();
        for (const StepBin& bin : transform.bins) {
            OrderedJson item = OrderedJson::object();
            item["from"] = number_json(bin.from);
            item["value"] = number_json(bin.value);
            bins.push_back(std::move(item));
        }
        json["bins"] = std::move(bins);
        json["below"] = number_json(transform.below);
        break;
    }
    case TransformKind::boolean:
        if (!transform.true_levels.empty()) json["true_levels"] = transform.true_levels;
        break;
    case TransformKind::categorical: {
        OrderedJson levels = OrderedJson::object();
        for (const auto& [level, value] : transform.levels) levels[level] = number_json(value);
        json["levels"] = std::move(levels);
        json["default"] = number_json(transform.default_value);
        break;
    }
    case TransformKind::time_since: json["unit"] = time_unit_name(transform.unit); break;
    }
    return json;
}

OrderedJson missing_json(const MissingPolicy& policy) {
    OrderedJson json = OrderedJson::object();
    json["policy"] = missing_policy_name(policy.kind);
    if (policy.kind == MissingPolicyKind::points) json["points"] = number_json(policy.points);
    if (policy.kind == MissingPolicyKind::neutral) {
        if (std::holds_alternative<double>(policy.neutral)) json["value"] = number_json(std::get<double>(policy.neutral));
        else json["value"] = std::get<std::string>(policy.neutral);
    }
    return json;
}

}  // namespace

ModelParseResult parse_model_json(std::string_view text) {
    ModelParseResult result;
    const Checked<OrderedJson> document = parse_ordered_json_strict(text);
    if (!document) {
        result.problems.push_back(model_problem(
            "", {json_refusal("model: the text", document.error()),
                 "model: de tekst is geen geldige JSON (" + json_refusal_reason(document.error()) + ")"}));
        return result;
    }
    const OrderedJson& json = *document;
    auto& problems = result.problems;
    ModelSpec spec;
    ObjectReader reader(json, same_in_both("model"), "", problems);
    if (!reader.valid()) return result;
    const OrderedJson* version = reader.get("schema_version", true);
    if (version && !version->is_number_integer())
        reader.problem({"'schema_version' must be a whole number", "'schema_version' moet een geheel getal zijn"});
    else if (version) spec.schema_version = version->get<int>();
    spec.id = reader.text("id");
    spec.name = reader.text_or_local_text("name", true);
    spec.author = reader.text("author");
    spec.created_at = reader.text("created_at");
    spec.description = reader.text_or_local_text("description", false);
    spec.intercept = reader.number("intercept").value_or(0.0);
    if (const OrderedJson* output = reader.get("output", true)) {
        ObjectReader out(*output, same_in_both("model: output"), "", problems);
        if (out.valid()) {
            spec.logistic = out.flag("logistic");
            if (const OrderedJson* display = out.get("display", true)) {
                ObjectReader shown(*display, same_in_both("model: output: display"), "", problems);
                const std::string mapping = shown.valid() ? shown.text("mapping") : std::string();
                const auto parsed = display_mapping_from_name(mapping);
                if (parsed) spec.display.mapping = *parsed;
                else if (!mapping.empty())
                    shown.problem({"unknown mapping " + quoted(mapping) + " (known: range, probability)",
                                   "onbekende weergave " + quoted(mapping) + " (bekend: range, probability)"});
                if (parsed == DisplayMapping::range) {
                    spec.display.min = shown.number("min").value_or(0.0);
                    spec.display.max = shown.number("max").value_or(0.0);
                }
                shown.refuse_unknown_keys();
            }
            out.refuse_unknown_keys();
        }
    }
    if (const OrderedJson* parameters = reader.get("parameters", true)) {
        if (!parameters->is_array())
            reader.problem({"'parameters' must be a list", "'parameters' moet een lijst zijn"});
        else
            for (std::size_t i = 0; i < parameters->size(); ++i)
                spec.parameters.push_back(read_parameter((*parameters)[i], i, problems));
    }
    reader.refuse_unknown_keys();
    // Structural problems first; the semantic checks only make sense on a complete reading.
    if (!problems.empty()) return result;
    problems = check_model_spec(spec);
    if (problems.empty()) result.spec = std::move(spec);
    return result;
}

std::string model_to_json(const ModelSpec& spec) {
    OrderedJson json = OrderedJson::object();
    json["schema_version"] = spec.schema_version;
    json["id"] = spec.id;
    json["name"] = text_or_local_text_json(spec.name);
    json["author"] = spec.author;
    json["created_at"] = spec.created_at;
    json["description"] = text_or_local_text_json(spec.description);
    json["intercept"] = number_json(spec.intercept);
    OrderedJson display = OrderedJson::object();
    display["mapping"] = display_mapping_name(spec.display.mapping);
    if (spec.display.mapping == DisplayMapping::range) {
        display["min"] = number_json(spec.display.min);
        display["max"] = number_json(spec.display.max);
    }
    OrderedJson output = OrderedJson::object();
    output["logistic"] = spec.logistic;
    output["display"] = std::move(display);
    json["output"] = std::move(output);
    OrderedJson parameters = OrderedJson::array();
    for (const ModelParameter& parameter : spec.parameters) {
        OrderedJson item = OrderedJson::object();
        item["id"] = parameter.id;
        item["field"] = parameter.field;
        OrderedJson transforms = OrderedJson::array();
        for (const Transform& transform : parameter.transforms) transforms.push_back(transform_json(transform));
        item["transforms"] = std::move(transforms);
        item["weight"] = number_json(parameter.weight);
        item["missing"] = missing_json(parameter.missing);
        item["label"] = local_text_json(parameter.label);
        item["rationale"] = local_text_json(parameter.rationale);
        parameters.push_back(std::move(item));
    }
    json["parameters"] = std::move(parameters);
    // ensure_ascii=false keeps Dutch text readable; invalid UTF-8 is replaced instead of throwing.
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string model_version_id(const ModelSpec& spec) {
    return spec.id + "@sha256:" + sha256_hex(model_to_json(spec)).substr(0, 16);
}

}  // namespace radar
