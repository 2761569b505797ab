// "Parlementaire vraag" (issue #19): the answer to the seed document's written question nr. 133
// of 4 December 2023 ("how many dossiers did the data mining pick up to be warned, supported or
// put in enforcement?"), which the agency answered with "no standardised reporting is possible"
// and two loose figures. For a report period, from the report and the screening history:
//   - unique dossiers screened because the list chose them (highest scores, signal overrides,
//     coverage floor), apart from those screened only as random control-sample members and those
//     screened outside any batch;
//   - of the list's dossiers, how many were judged a possible risk (the report's definition, stated)
//     and how many per code (each dossier's latest screening in the period);
//   - what followed, as far as outcomes are recorded in the period: warned, supported, enforcement
//     (by measure), handed over, inspections;
//   - risk newly found against already known (the report's RiskFoundFigures, rules in report.hpp);
//   - the coverage promise ("alle dossiers worden regelmatig gescreend"): the share of the dataset's
//     dossiers screened in the 12 months up to the period's end, and the longest any dossier has
//     gone unscreened (a dossier never screened counts from the first recorded work: "at least").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/reporting/report.hpp"
#include "core/reporting/report_export.hpp"

namespace radar {

constexpr int coverage_window_months = 12;

struct CoverageFigures {
    DayNumber as_of = 0;
    DayNumber history_from = 0;           // the first recorded screening or batch (as_of without any)
    std::size_t dossiers = 0;             // in the dataset
    std::size_t screened_in_window = 0;   // screened in the 12 months up to as_of
    std::size_t never_screened = 0;       // never screened up to as_of
    int longest_unscreened_days = 0;      // as_of - last screening (or history_from when never)
    std::string longest_unscreened_dossier;
    bool longest_at_least = false;        // the longest is a dossier never screened: at least that long

    double share_in_window() const {
        return dossiers ? static_cast<double>(screened_in_window) / static_cast<double>(dossiers) : 0.0;
    }
};

// Over the dataset's dossier ids (column dossier_id) and the screenings (withdrawn left out) up to as_of.
CoverageFigures coverage_figures(const ScreeningState& state, const Dataset& dataset, DayNumber as_of);

struct ParliamentAnswer {
    DayNumber from = 0;  // the report's first day
    DayNumber to = 0;
    std::vector<ScreeningCode> possible_risk_codes;
    std::size_t chosen_by_list = 0;      // unique dossiers screened because the list chose them
    std::size_t control_only = 0;        // screened in the period only as control-sample members
    std::size_t outside_batches = 0;     // screened only outside any batch
    std::size_t possible_risk = 0;       // of chosen_by_list: latest screening a possible-risk code
    std::array<std::size_t, 3> by_code{};  // of chosen_by_list, latest screening's code (by ScreeningCode)
    OutcomeFigures outcomes;
    RiskFoundFigures risk_found;
    CoverageFigures coverage;
};

ParliamentAnswer parliament_answer(const Report& report, const ScreeningState& state, const CoverageFigures& coverage);

// The question as asked (Dutch, as in the seed document) and its number and date.
const char* parliament_question_text();
const char* parliament_question_reference(TextLanguage language);

// The answer as a paragraph in Dutch or English, as a table of question and figure, and as JSON
// (both paragraphs and every figure).
std::string parliament_answer_text(const ParliamentAnswer& answer, TextLanguage language);
ReportTable parliament_answer_table(const ParliamentAnswer& answer, TextLanguage language);
Json parliament_answer_json(const ParliamentAnswer& answer);

}  // namespace radar
