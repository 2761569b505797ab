// A model's JSON form. Parsing reports every problem with the parameter it concerns; writing
// gives one canonical text (fixed key order, 2-space indent), so parse(write(m)) == m and
// write(parse(t)) == t for a canonical text t. A name or description is written as one plain text
// when Dutch and English are the same and as {"nl", "en"} otherwise (docs/model-format.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model_check.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

struct ModelParseResult {
    std::optional<ModelSpec> spec;       // set only when there are no problems
    std::vector<ModelProblem> problems;  // JSON syntax, structure, and check_model_spec problems
    bool ok() const { return spec.has_value(); }
};

ModelParseResult parse_model_json(std::string_view text);

std::string model_to_json(const ModelSpec& spec);
// Names the exact model content for batches and reports, the same in the app and the CLI:
// "<id>@sha256:<first 16 hex digits of the SHA-256 of model_to_json>".
std::string model_version_id(const ModelSpec& spec);

}  // namespace radar
