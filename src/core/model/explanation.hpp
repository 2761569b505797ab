// Why a dossier scores as it does: each parameter's value, transform output, points and share of
// the score; and how complete its information is (missing inputs, age of dated inputs), as data
// and as Dutch/English text for the dossier panel and the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/scoring_engine.hpp"

namespace radar {

struct ParameterExplanation {
    std::size_t parameter = 0;  // index in the model
    std::string id;
    std::string field;
    LocalText label;
    LocalText rationale;
    bool missing = false;
    MissingPolicyKind policy = MissingPolicyKind::unknown;
    std::string value_text;       // the cell as shown ("2021-05-03", "aanmaning", "3"); empty when missing
    std::optional<double> input;  // the number entering the numeric steps (a date's age, a level's value)
    double transformed = 0.0;     // transform output, before the weight
    double weight = 0.0;
    double points = 0.0;
    double share = 0.0;  // points / sum of |points| over all parameters: see share_definition()
};

// A dated input's age at the reference date, e.g. "Last inspection: 31 months ago (2021-05-03)".
struct DatedInput {
    std::size_t parameter = 0;
    std::string field;
    LocalText label;
    std::optional<DayNumber> date;  // none when missing
    int age_days = 0;
    int age_months = 0;  // whole calendar months
    LocalText text;
};

struct Completeness {
    std::size_t known = 0;  // parameters whose input is present
    std::size_t total = 0;
    double fraction = 1.0;  // known / total
    std::vector<std::size_t> missing_parameters;  // indices, in model order
    std::vector<DatedInput> dated;                // one per date field the model reads
    LocalText summary;  // "9 of 11 inputs known; missing: Last inspection, ..."
};

struct Explanation {
    std::size_t row = 0;
    std::string dossier_id;
    double intercept = 0.0;
    double raw_score = 0.0;
    std::optional<double> probability;
    double display_score = 0.0;
    std::uint32_t rank = 0;
    double percentile = 0.0;
    std::vector<ParameterExplanation> parameters;  // in model order
    Completeness completeness;
};

Explanation explain_row(const ScoringEngine& engine, std::size_t row);
Completeness completeness_of(const ScoringEngine& engine, std::size_t row);

// "31 months ago" / "31 maanden geleden"; days under one month; "today"; future dates "in 5 days".
LocalText describe_age(int age_days, int age_months);

}  // namespace radar
