// The SQL equivalent of a model, for running the same ranking in a database (the DuckDB-wasm
// peer of the benchmark): one score expression per model, and the table definition of a dataset.
#pragma once

#include <string>

#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"

namespace radar::bench {

// intercept + points of each parameter, summed in model order like the engine; every literal is
// a DOUBLE so the arithmetic is IEEE double as in C++.
std::string model_score_sql(const ModelSpec& spec, DayNumber reference_date);

// SELECT id, score ... ORDER BY score DESC, id LIMIT n: the engine's ranking, cut at n.
std::string ranking_query_sql(const ModelSpec& spec, DayNumber reference_date, const std::string& table,
                              const std::string& id_field, std::size_t limit);

// CREATE TABLE ... AS SELECT * FROM read_csv(...) with the dataset's column types.
std::string create_table_sql(const Dataset& dataset, const std::string& table, const std::string& csv_name);

}  // namespace radar::bench
