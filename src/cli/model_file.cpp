// Model files for the CLI: read, parse, check, score.
#include "cli/model_file.hpp"

#include <fstream>
#include <sstream>

#include "core/model/model_json.hpp"
#include "core/model/scoring_engine.hpp"

namespace radar::cli {

std::optional<std::string> read_text_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Checked<ModelSpec> read_model_file(const std::string& path) {
    const auto text = read_text_file(path);
    if (!text) return Checked<ModelSpec>::failure("cannot read model '" + path + "'");
    const ModelParseResult parsed = parse_model_json(*text);
    if (!parsed.ok()) return Checked<ModelSpec>::failure(path + " is refused:\n" + describe_problems(parsed.problems));
    return *parsed.spec;
}

Checked<ModelFileScores> score_with_model_file(const std::string& path, const Dataset& dataset, DayNumber reference_date,
                                               const std::set<std::string>& protected_fields) {
    using Result = Checked<ModelFileScores>;
    const Checked<ModelSpec> spec = read_model_file(path);
    if (!spec) return Result::failure(spec.error());
    ScoringContext context;
    context.reference_date = reference_date;
    context.protected_fields = protected_fields;
    EngineResult engine = ScoringEngine::create(*spec, dataset, context);
    if (!engine.engine) return Result::failure(path + " is refused:\n" + describe_problems(engine.problems));
    ModelFileScores result;
    result.raw_scores = engine.engine->raw_scores();
    result.model_version_id = model_version_id(*spec);
    return result;
}

}  // namespace radar::cli
