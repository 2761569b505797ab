// A risk model as plain data: nl/en name and description, intercept, output definition and
// parameters (field, transform pipeline, weight, missing-value policy, nl/en label and rationale).
// JSON form: model_json.hpp; checks: model_check.hpp; scoring: scoring_engine.hpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/base/text_language.hpp"

namespace radar {

// Text in both interface languages.
struct LocalText {
    std::string nl;
    std::string en;
};

inline bool operator==(const LocalText& a, const LocalText& b) { return a.nl == b.nl && a.en == b.en; }
inline bool operator!=(const LocalText& a, const LocalText& b) { return !(a == b); }

// The text in one language.
inline const std::string& text_in(const LocalText& text, TextLanguage language) {
    return language == TextLanguage::dutch ? text.nl : text.en;
}

enum class TransformKind { linear, clamp, step, boolean, categorical, time_since, log1p };
enum class TimeUnit { days, months };

// One threshold of a step transform: inputs >= from get `value` (the highest matching bin wins).
struct StepBin {
    double from = 0.0;
    double value = 0.0;
};

// One step of a parameter's transform pipeline. Only the members of its kind are used:
//   linear       f(x) = x
//   clamp        f(x) = min(max(x, min), max); either bound may be absent
//   step         f(x) = value of the last bin with from <= x, `below` under the first threshold
//   boolean      f(x) = 1 if x != 0 else 0; on a text field: 1 if the text is one of true_levels
//   categorical  f(text) = levels[text], `default_value` for a level not listed (text fields only)
//   time_since   f(date) = whole days or whole calendar months from the date to the reference date
//   log1p        f(x) = ln(1 + max(x, 0))
struct Transform {
    TransformKind kind = TransformKind::linear;
    std::optional<double> min;
    std::optional<double> max;
    std::vector<StepBin> bins;
    double below = 0.0;
    std::vector<std::pair<std::string, double>> levels;  // in the order written
    double default_value = 0.0;
    std::vector<std::string> true_levels;
    TimeUnit unit = TimeUnit::days;
};

// What a missing input contributes:
//   neutral  the stated value is used as the input (a number; a level for text fields; for a
//            pipeline starting with time_since, an age in that step's unit) and transformed as usual
//   points   the stated points are added as they are (not multiplied by the weight)
//   unknown  nothing is added; the input counts as unknown in the completeness figure
// In every case the dossier's completeness lists the input as missing.
enum class MissingPolicyKind { neutral, points, unknown };

struct MissingPolicy {
    MissingPolicyKind kind = MissingPolicyKind::unknown;
    std::variant<double, std::string> neutral = 0.0;  // neutral only
    double points = 0.0;                              // points only
};

struct ModelParameter {
    std::string id;     // unique within the model; names the parameter in messages
    std::string field;  // dataset column it reads
    std::vector<Transform> transforms;  // applied in order; at least one
    double weight = 1.0;                // points = weight * transform output
    MissingPolicy missing;
    LocalText label;
    LocalText rationale;  // one line: why this signals risk
};

// How the raw score maps to the 0-100 score people see:
//   range        100 * (raw - min) / (max - min), limited to 0..100
//   probability  100 * logistic probability (needs output.logistic)
enum class DisplayMapping { range, probability };

struct DisplayDefinition {
    DisplayMapping mapping = DisplayMapping::range;
    double min = 0.0;
    double max = 100.0;
};

constexpr int model_schema_version = 1;

struct ModelSpec {
    int schema_version = model_schema_version;
    std::string id;
    LocalText name;         // JSON: one text for both languages, or {"nl", "en"}
    std::string author;
    std::string created_at;  // YYYY-MM-DD, optionally followed by a time
    LocalText description;  // may be empty (in both languages)
    double intercept = 0.0;
    bool logistic = false;  // also report 1 / (1 + exp(-raw score))
    DisplayDefinition display;
    std::vector<ModelParameter> parameters;
};

bool operator==(const StepBin& a, const StepBin& b);
bool operator==(const Transform& a, const Transform& b);
bool operator==(const MissingPolicy& a, const MissingPolicy& b);
bool operator==(const ModelParameter& a, const ModelParameter& b);
bool operator==(const DisplayDefinition& a, const DisplayDefinition& b);
bool operator==(const ModelSpec& a, const ModelSpec& b);
inline bool operator!=(const ModelSpec& a, const ModelSpec& b) { return !(a == b); }
inline bool operator!=(const ModelParameter& a, const ModelParameter& b) { return !(a == b); }

// Names used in JSON and messages ("clamp", "months", "neutral", "range", ...).
const char* transform_kind_name(TransformKind kind);
const char* time_unit_name(TimeUnit unit);
const char* missing_policy_name(MissingPolicyKind kind);
const char* display_mapping_name(DisplayMapping mapping);
std::optional<TransformKind> transform_kind_from_name(const std::string& name);
std::optional<TimeUnit> time_unit_from_name(const std::string& name);
std::optional<MissingPolicyKind> missing_policy_from_name(const std::string& name);
std::optional<DisplayMapping> display_mapping_from_name(const std::string& name);

}  // namespace radar
