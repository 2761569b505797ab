// New model inputs on any dataset column (dictionary fields and typed extra columns alike): which
// columns a model may read, and a first parameter for one, with a pipeline fitting its kind.
// The scoring engine checks the result like any other parameter (protected columns refused).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

struct InputColumn {
    std::string name;
    ValueKind kind = ValueKind::text;
};

// Every column a model may read, in dataset order: not protected (neither marked by the importer
// nor in `protected_fields`), not the id, and not free text (a pipeline reads numbers, dates,
// yes/no or categories).
std::vector<InputColumn> model_input_columns(const Dataset& dataset, const std::set<std::string>& protected_fields,
                                             const std::string& id_field);

// A parameter reading `column`, weight 1, missing inputs counted as unknown, labelled with the
// column's name. Its pipeline by kind: whole number and number linear (the value as it is),
// boolean `boolean` (yes = 1), date `time_since` in months, category `categorical` with every
// value the column holds as a level worth 0 (the user sets the points per level), text like a
// category. Its id is the column name, made unique among `spec`'s parameters.
ModelParameter parameter_for_column(const ModelSpec& spec, const Column& column);

}  // namespace radar
