// Encoding dataset columns as design columns (numbers, ages, one-hot levels).
#include "core/evaluation/feature_design.hpp"

#include <algorithm>
#include <map>

namespace radar {
namespace {

using Result = Checked<FeatureDesign>;

std::string quoted(const std::string& field) { return "'" + field + "'"; }

// Mean of the present numbers (ages for dates) on the fitted rows; refuses all-missing/constant.
Checked<FeatureEncoding> encode_numeric(const Column& column, const std::vector<std::size_t>& rows, FeatureKind kind,
                                        DayNumber reference_date) {
    FeatureEncoding encoding;
    encoding.field = column.name;
    encoding.kind = kind;
    double sum = 0.0;
    double low = 0.0;
    double high = 0.0;
    std::size_t present = 0;
    for (std::size_t row : rows) {
        if (column.is_missing(row)) {
            ++encoding.missing;
            continue;
        }
        const double value = kind == FeatureKind::age_in_days
                                 ? static_cast<double>(reference_date) - column.numbers[row]
                                 : column.numbers[row];
        low = present == 0 ? value : std::min(low, value);
        high = present == 0 ? value : std::max(high, value);
        sum += value;
        ++present;
    }
    if (present == 0)
        return Checked<FeatureEncoding>::failure("column " + quoted(column.name) + " is missing on every row");
    if (low == high)
        return Checked<FeatureEncoding>::failure("column " + quoted(column.name) + " has the same value on every row");
    encoding.fill = sum / static_cast<double>(present);
    return encoding;
}

Checked<FeatureEncoding> encode_category(const Column& column, const std::vector<std::size_t>& rows,
                                         std::size_t max_levels) {
    FeatureEncoding encoding;
    encoding.field = column.name;
    encoding.kind = FeatureKind::category;
    std::map<std::string, std::size_t, std::less<>> counts;
    for (std::size_t row : rows) {
        if (column.is_missing(row)) {
            ++encoding.missing;
            continue;
        }
        const std::string_view text = column.texts[row];
        const auto found = counts.find(text);
        if (found != counts.end())
            ++found->second;
        else
            counts.emplace(std::string(text), 1);
        if (counts.size() > max_levels)
            return Checked<FeatureEncoding>::failure("column " + quoted(column.name) + " has more than " +
                                                     std::to_string(max_levels) +
                                                     " different values: an id or free text, not a category");
    }
    if (counts.empty())
        return Checked<FeatureEncoding>::failure("column " + quoted(column.name) + " is missing on every row");
    if (counts.size() == 1)
        return Checked<FeatureEncoding>::failure("column " + quoted(column.name) + " has the same value on every row");
    auto reference = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it->second > reference->second) reference = it;  // map order: ties keep the alphabetically first
    encoding.reference_level = reference->first;
    for (const auto& [level, count] : counts)
        if (level != encoding.reference_level) encoding.levels.push_back(level);
    return encoding;
}

}  // namespace

Checked<FeatureDesign> build_feature_design(const Dataset& dataset, const FeatureDesignRequest& request) {
    if (request.fields.empty()) return Result::failure("no feature columns were given");
    if (request.rows.empty()) return Result::failure("no rows to fit on");
    FeatureDesign design;
    design.reference_date = request.reference_date;
    std::vector<const Column*> columns;
    std::set<std::string> seen;
    for (const std::string& field : request.fields) {
        if (!seen.insert(field).second) return Result::failure("column " + quoted(field) + " is named twice");
        const Column* column = dataset.find(field);
        if (!column) return Result::failure("column " + quoted(field) + " is not in the data");
        if (column->protected_attribute || request.protected_fields.count(field))
            return Result::failure("column " + quoted(field) + " is protected and can never be a model input");
        Checked<FeatureEncoding> encoding =
            column->type == ColumnType::text ? encode_category(*column, request.rows, request.max_levels)
            : column->type == ColumnType::date
                ? encode_numeric(*column, request.rows, FeatureKind::age_in_days, request.reference_date)
                : encode_numeric(*column, request.rows, FeatureKind::number, request.reference_date);
        if (!encoding) return Result::failure(encoding.error());
        encoding->first_column = design.matrix.columns;
        design.matrix.columns += encoding->column_count();
        if (encoding->kind == FeatureKind::category)
            for (const std::string& level : encoding->levels) design.matrix.names.push_back(field + "=" + level);
        else
            design.matrix.names.push_back(encoding->kind == FeatureKind::age_in_days ? field + " (age in days)"
                                                                                     : field);
        design.features.push_back(std::move(*encoding));
        columns.push_back(column);
    }
    DesignMatrix& matrix = design.matrix;
    matrix.rows = request.rows.size();
    matrix.values.assign(matrix.rows * matrix.columns, 0.0);
    for (std::size_t f = 0; f < design.features.size(); ++f) {
        const FeatureEncoding& encoding = design.features[f];
        const Column& column = *columns[f];
        std::map<std::string, std::size_t, std::less<>> level_column;
        for (std::size_t l = 0; l < encoding.levels.size(); ++l)
            level_column.emplace(encoding.levels[l], encoding.first_column + l);
        for (std::size_t i = 0; i < matrix.rows; ++i) {
            const std::size_t row = request.rows[i];
            double* out = &matrix.values[i * matrix.columns];
            if (encoding.kind == FeatureKind::category) {
                if (column.is_missing(row)) continue;
                const auto found = level_column.find(column.texts[row]);
                if (found != level_column.end()) out[found->second] = 1.0;
            } else if (column.is_missing(row)) {
                out[encoding.first_column] = encoding.fill;
            } else {
                out[encoding.first_column] = encoding.kind == FeatureKind::age_in_days
                                                 ? static_cast<double>(request.reference_date) - column.numbers[row]
                                                 : column.numbers[row];
            }
        }
    }
    return design;
}

}  // namespace radar
