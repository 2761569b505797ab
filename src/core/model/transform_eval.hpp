// Evaluation of a parameter's transform pipeline: one cell at a time (explanations) or a whole
// column into a preallocated array (compiling a model). Both share the same code path.
#pragma once

#include <optional>
#include <string>

#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

// Whole calendar months from `from` to `to`: the largest n with add_months(from, n) <= to
// (negative when `from` lies after `to`).
int whole_months_between(DayNumber from, DayNumber to);

// Age of a date at the reference date in the unit (whole days or whole calendar months).
double age_in_unit(TimeUnit unit, DayNumber date, DayNumber reference);

// One row of a parameter: the number that enters the numeric steps (the field's number, a date's
// age, a text level's value) and the pipeline's output. `missing` is set when the cell is missing;
// values then follow the neutral policy, or are 0 for the other policies.
struct TransformedCell {
    bool missing = false;
    std::optional<double> input;  // none for a missing cell without a neutral value
    double output = 0.0;
};

TransformedCell transform_cell(const ModelParameter& parameter, const Column& column, std::size_t row,
                               DayNumber reference);

// Writes the pipeline's output for every row to `outputs` (size column.size()); no per-row allocation.
void transform_column(const ModelParameter& parameter, const Column& column, DayNumber reference, double* outputs);
// The same for the rows [begin, end) only (outputs[row] for each), so a column can be done in parts.
void transform_rows(const ModelParameter& parameter, const Column& column, DayNumber reference, std::size_t begin,
                    std::size_t end, double* outputs);

}  // namespace radar
