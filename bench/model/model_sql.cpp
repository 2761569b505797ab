// Translation of transforms to SQL expressions (DuckDB dialect). A missing input is NULL; the
// whole parameter then takes its missing-policy points, like the engine.
#include "model_sql.hpp"

#include "core/model/transform_eval.hpp"
#include "core/model/number_text.hpp"

namespace radar::bench {
namespace {

std::string literal(double value) { return "CAST(" + format_number(value) + " AS DOUBLE)"; }

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string identifier(const std::string& name) { return "\"" + name + "\""; }

// Whole calendar months from the column's date to the reference date, as whole_months_between.
std::string months_sql(const std::string& column, DayNumber reference) {
    const CivilDate ref = civil_from_days(reference);
    const int ref_index = ref.year * 12 + ref.month;
    const int ref_month_days = days_in_month(ref.year, ref.month);
    return "(" + std::to_string(ref_index) + " - (year(" + column + ") * 12 + month(" + column + ")) - CASE WHEN least(day(" +
           column + "), " + std::to_string(ref_month_days) + ") > " + std::to_string(ref.day) + " THEN 1 ELSE 0 END)";
}

std::string numeric_step_sql(const Transform& t, const std::string& x) {
    switch (t.kind) {
    case TransformKind::linear: return x;
    case TransformKind::clamp: {
        std::string expression = x;
        if (t.min) expression = "greatest(" + expression + ", " + literal(*t.min) + ")";
        if (t.max) expression = "least(" + expression + ", " + literal(*t.max) + ")";
        return expression;
    }
    case TransformKind::step: {
        std::string expression = "CASE";
        for (auto bin = t.bins.rbegin(); bin != t.bins.rend(); ++bin)
            expression += " WHEN " + x + " >= " + literal(bin->from) + " THEN " + literal(bin->value);
        return expression + " ELSE " + literal(t.below) + " END";
    }
    case TransformKind::boolean: return "CASE WHEN " + x + " <> 0 THEN " + literal(1) + " ELSE " + literal(0) + " END";
    case TransformKind::log1p: return "ln(1 + greatest(" + x + ", " + literal(0) + "))";
    case TransformKind::categorical:
    case TransformKind::time_since: return x;
    }
    return x;
}

std::string first_step_sql(const Transform& t, const std::string& column, DayNumber reference) {
    if (t.kind == TransformKind::time_since)
        return t.unit == TimeUnit::days ? "CAST(DATE " + quoted(format_iso_date(reference)) + " - " + column + " AS DOUBLE)"
                                        : "CAST(" + months_sql(column, reference) + " AS DOUBLE)";
    if (t.kind == TransformKind::categorical) {
        std::string expression = "CASE " + column;
        for (const auto& [level, value] : t.levels) expression += " WHEN " + quoted(level) + " THEN " + literal(value);
        return expression + " ELSE " + literal(t.default_value) + " END";
    }
    std::string levels;
    for (const auto& level : t.true_levels) levels += (levels.empty() ? "" : ", ") + quoted(level);
    return "CASE WHEN " + column + " IN (" + levels + ") THEN " + literal(1) + " ELSE " + literal(0) + " END";
}

// The points of a missing input: the engine's own evaluation of a missing cell, times the weight.
double missing_points(const ModelParameter& parameter) {
    if (parameter.missing.kind == MissingPolicyKind::points) return parameter.missing.points;
    Column missing_cell;
    missing_cell.push_missing();
    return parameter.weight * transform_cell(parameter, missing_cell, 0, 0).output;
}

std::string parameter_sql(const ModelParameter& parameter, DayNumber reference) {
    const std::string column = identifier(parameter.field);
    const Transform& first = parameter.transforms.front();
    const bool converts = first.kind == TransformKind::time_since || first.kind == TransformKind::categorical ||
                          (first.kind == TransformKind::boolean && !first.true_levels.empty());
    std::string x = converts ? first_step_sql(first, column, reference) : "CAST(" + column + " AS DOUBLE)";
    for (std::size_t i = converts ? 1 : 0; i < parameter.transforms.size(); ++i)
        x = numeric_step_sql(parameter.transforms[i], x);
    return "CASE WHEN " + column + " IS NULL THEN " + literal(missing_points(parameter)) + " ELSE " +
           literal(parameter.weight) + " * " + x + " END";
}

const char* sql_type(ColumnType type) {
    switch (type) {
    case ColumnType::text: return "VARCHAR";
    case ColumnType::integer: return "BIGINT";
    case ColumnType::number: return "DOUBLE";
    case ColumnType::date: return "DATE";
    }
    return "VARCHAR";
}

}  // namespace

std::string model_score_sql(const ModelSpec& spec, DayNumber reference_date) {
    std::string sql = literal(spec.intercept);
    for (const ModelParameter& parameter : spec.parameters) sql += "\n  + " + parameter_sql(parameter, reference_date);
    return sql;
}

std::string ranking_query_sql(const ModelSpec& spec, DayNumber reference_date, const std::string& table,
                              const std::string& id_field, std::size_t limit) {
    return "SELECT " + identifier(id_field) + ", " + model_score_sql(spec, reference_date) + " AS score\nFROM " +
           identifier(table) + "\nORDER BY score DESC, " + identifier(id_field) + "\nLIMIT " + std::to_string(limit);
}

std::string create_table_sql(const Dataset& dataset, const std::string& table, const std::string& csv_name) {
    std::string columns;
    for (const Column& column : dataset.columns())
        columns += (columns.empty() ? "" : ", ") + quoted(column.name) + ": " + quoted(sql_type(column.type));
    return "CREATE TABLE " + identifier(table) + " AS SELECT * FROM read_csv(" + quoted(csv_name) +
           ", header = true, columns = {" + columns + "})";
}

}  // namespace radar::bench
