// Evaluation of a parameter's transform pipeline: one cell at a time (explanations), a whole
// column into a preallocated array (compiling a model), or split at its numeric steps (the inputs
// of a column, the steps on given inputs). All share the same code path.
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

// The pipeline in two halves, for evaluating the numeric steps once per distinct input: the number
// entering the numeric steps for each row of [begin, end) (inputs[row - begin]; 0 for a missing
// cell), the numeric steps' output for each of `count` such inputs, and the output of a missing
// cell. numeric_step_outputs of a row's input is the output transform_rows gives that row.
void numeric_step_inputs(const ModelParameter& parameter, const Column& column, DayNumber reference, std::size_t begin,
                         std::size_t end, double* inputs);
void numeric_step_outputs(const ModelParameter& parameter, const double* inputs, std::size_t count, double* outputs);
double missing_cell_output(const ModelParameter& parameter);

}  // namespace radar
