// Checks that refuse a model before it scores anything: a well-formed specification (transforms,
// weights, labels) and fields that exist, have a fitting type and are not protected.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

struct ModelProblem {
    std::string parameter;  // id of the parameter concerned; empty for the model as a whole
    std::string message;    // a whole sentence naming the parameter and the problem
};

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

// All messages, one per line.
std::string describe_problems(const std::vector<ModelProblem>& problems);

}  // namespace radar
