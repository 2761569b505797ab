// Equality and the names of the model's enumerations.
#include "core/model/model_spec.hpp"

#include <array>

namespace radar {

bool operator==(const StepBin& a, const StepBin& b) { return a.from == b.from && a.value == b.value; }

bool operator==(const Transform& a, const Transform& b) {
    return a.kind == b.kind && a.min == b.min && a.max == b.max && a.bins == b.bins && a.below == b.below &&
           a.levels == b.levels && a.default_value == b.default_value && a.true_levels == b.true_levels &&
           a.unit == b.unit;
}

bool operator==(const MissingPolicy& a, const MissingPolicy& b) {
    return a.kind == b.kind && a.neutral == b.neutral && a.points == b.points;
}

bool operator==(const ModelParameter& a, const ModelParameter& b) {
    return a.id == b.id && a.field == b.field && a.transforms == b.transforms && a.weight == b.weight &&
           a.missing == b.missing && a.label == b.label && a.rationale == b.rationale;
}

bool operator==(const DisplayDefinition& a, const DisplayDefinition& b) {
    return a.mapping == b.mapping && a.min == b.min && a.max == b.max;
}

bool operator==(const ModelSpec& a, const ModelSpec& b) {
    return a.schema_version == b.schema_version && a.id == b.id && a.name == b.name && a.author == b.author &&
           a.created_at == b.created_at && a.description == b.description && a.intercept == b.intercept &&
           a.logistic == b.logistic && a.display == b.display && a.parameters == b.parameters;
}

namespace {

constexpr std::array<const char*, 7> transform_names{
    {"linear", "clamp", "step", "boolean", "categorical", "time_since", "log1p"}};
constexpr std::array<const char*, 2> unit_names{{"days", "months"}};
constexpr std::array<const char*, 3> policy_names{{"neutral", "points", "unknown"}};
constexpr std::array<const char*, 2> mapping_names{{"range", "probability"}};

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::array<const char*, N>& names, const std::string& name) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace

const char* transform_kind_name(TransformKind kind) { return transform_names[static_cast<std::size_t>(kind)]; }
const char* time_unit_name(TimeUnit unit) { return unit_names[static_cast<std::size_t>(unit)]; }
const char* missing_policy_name(MissingPolicyKind kind) { return policy_names[static_cast<std::size_t>(kind)]; }
const char* display_mapping_name(DisplayMapping mapping) { return mapping_names[static_cast<std::size_t>(mapping)]; }

std::optional<TransformKind> transform_kind_from_name(const std::string& name) {
    return from_name<TransformKind>(transform_names, name);
}
std::optional<TimeUnit> time_unit_from_name(const std::string& name) { return from_name<TimeUnit>(unit_names, name); }
std::optional<MissingPolicyKind> missing_policy_from_name(const std::string& name) {
    return from_name<MissingPolicyKind>(policy_names, name);
}
std::optional<DisplayMapping> display_mapping_from_name(const std::string& name) {
    return from_name<DisplayMapping>(mapping_names, name);
}

}  // namespace radar
