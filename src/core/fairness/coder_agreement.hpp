// Agreement of the blind double coding over a period: all double-coded dossiers, each month and
// each pair of screeners (agreement.hpp's figures on first against second code), and the
// disagreements still awaiting adjudication.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/fairness/agreement.hpp"
#include "core/time/civil_date.hpp"
#include "core/screening/double_coding.hpp"

namespace radar {

// Batch months from..to, both included, as YYYY-MM; an empty end is open.
struct MonthRange {
    std::string from;
    std::string to;
    bool contains(const std::string& month) const;
    bool operator==(const MonthRange& other) const { return from == other.from && to == other.to; }
};

// The batch months of a period of days (a report's): the month of `first` (open without one) up
// to the month of `last`.
MonthRange months_of_days(std::optional<DayNumber> first, DayNumber last);

struct GroupAgreement {
    std::string key;  // the month (YYYY-MM), or "first screener / second screener" for a pair
    AgreementFigures figures;
};

struct CoderAgreement {
    MonthRange period;
    AgreementFigures overall;
    std::vector<GroupAgreement> by_month;  // oldest first
    // By screener pair, names in alphabetical order (who coded first does not matter), by key.
    std::vector<GroupAgreement> by_pair;
    std::vector<DoubleCodedDossier> awaiting_adjudication;  // in fold order
    std::size_t adjudicated = 0;
    std::size_t second_codes = 0;       // in the period
    std::size_t without_first_code = 0;  // second codes whose dossier has no current first code (left out)
};

// Units are the period's second codes whose dossier has a current screening in the batch (the
// first screener's own code against the second).
CoderAgreement coder_agreement(const DoubleCodingFold& fold, const MonthRange& period,
                               const BootstrapSettings& bootstrap = {});

}  // namespace radar
