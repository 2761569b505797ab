// Checks that refuse a model before it scores anything: a well-formed specification (transforms,
// weights, labels) and fields that exist, have a fitting type and are not protected.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

struct ModelProblem {
    std::string parameter;   // id of the parameter concerned; empty for the model as a whole
    std::string message;     // a whole sentence naming the parameter and the problem (English)
    std::string message_nl;  // the same in Dutch

    // The message in `language` ("nl" or "en"; anything else gives English).
    const std::string& message_in(std::string_view language) const { return language == "nl" ? message_nl : message; }
};

// A problem's message in English and Dutch, put together from parts.
struct ProblemText {
    std::string en;
    std::string nl;
};
inline ProblemText operator+(ProblemText left, const ProblemText& right) {
    return {std::move(left.en) + right.en, std::move(left.nl) + right.nl};
}
// Names, keys and numbers: the same in both languages.
inline ProblemText same_in_both(const std::string& text) { return {text, text}; }
inline ModelProblem model_problem(std::string parameter, ProblemText message) {
    return {std::move(parameter), std::move(message.en), std::move(message.nl)};
}

// The kind of value a parameter's pipeline expects from its field.
enum class InputKind { number, text, date };
InputKind pipeline_input_kind(const std::vector<Transform>& transforms);

struct FieldInfo {
    std::string name;
    ColumnType type = ColumnType::text;
    bool protected_attribute = false;  // the column may be shown, never read by a model
};
std::vector<FieldInfo> dataset_fields(const Dataset& dataset);

// Problems of the specification on its own (no dataset needed). Empty when it is well formed.
std::vector<ModelProblem> check_model_spec(const ModelSpec& spec);

// Problems of the parameters' fields: unknown, protected (never a model input, whatever the
// weight), or of a type the transform pipeline cannot read.
std::vector<ModelProblem> check_model_fields(const ModelSpec& spec, const std::vector<FieldInfo>& fields,
                                             const std::set<std::string>& protected_fields);

// All messages in `language` ("nl" or "en"), one per line.
std::string describe_problems(const std::vector<ModelProblem>& problems, std::string_view language = "en");

}  // namespace radar
