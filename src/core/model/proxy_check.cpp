// Correlation ratio of each parameter's points across the groups of each protected column.
#include "core/model/proxy_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

namespace radar {
namespace {

// The group of every row: 0..n-1, dense. Text by value, numbers and dates by quintile; rare
// values pooled into one group and missing values into another.
std::vector<std::uint32_t> group_rows(const Column& column, std::size_t min_group_rows, std::size_t& group_count) {
    const std::size_t rows = column.size();
    std::vector<std::uint32_t> groups(rows, 0);
    std::vector<std::int64_t> raw(rows, -1);  // -1 = missing
    if (column.type == ColumnType::text) {
        std::map<std::string_view, std::int64_t> codes;
        for (std::size_t row = 0; row < rows; ++row)
            if (!column.is_missing(row)) raw[row] = codes.emplace(column.texts[row], codes.size()).first->second;
    } else {
        std::vector<double> present;
        for (std::size_t row = 0; row < rows; ++row)
            if (!column.is_missing(row)) present.push_back(column.numbers[row]);
        std::sort(present.begin(), present.end());
        for (std::size_t row = 0; row < rows; ++row) {
            if (column.is_missing(row)) continue;
            const auto below = std::lower_bound(present.begin(), present.end(), column.numbers[row]) - present.begin();
            raw[row] = static_cast<std::int64_t>(5 * static_cast<std::size_t>(below) / present.size());
        }
    }
    std::map<std::int64_t, std::size_t> sizes;
    for (std::int64_t code : raw) ++sizes[code];
    std::map<std::int64_t, std::uint32_t> dense;
    constexpr std::int64_t pooled = -2;
    for (std::size_t row = 0; row < rows; ++row) {
        const std::int64_t code = raw[row] != -1 && sizes[raw[row]] < min_group_rows ? pooled : raw[row];
        groups[row] = dense.emplace(code, static_cast<std::uint32_t>(dense.size())).first->second;
    }
    group_count = dense.size();
    return groups;
}

double correlation_ratio(const ScoringEngine& engine, std::size_t parameter, const std::vector<std::uint32_t>& groups,
                         std::size_t group_count) {
    const std::size_t rows = engine.row_count();
    if (rows == 0) return 0.0;
    std::vector<double> sums(group_count, 0.0);
    std::vector<std::size_t> counts(group_count, 0);
    double total = 0.0;
    for (std::size_t row = 0; row < rows; ++row) {
        const double points = engine.points(row, parameter);
        sums[groups[row]] += points;
        ++counts[groups[row]];
        total += points;
    }
    const double mean = total / static_cast<double>(rows);
    double total_squares = 0.0;
    for (std::size_t row = 0; row < rows; ++row) {
        const double deviation = engine.points(row, parameter) - mean;
        total_squares += deviation * deviation;
    }
    if (total_squares <= 1e-12 * static_cast<double>(rows)) return 0.0;  // constant points follow nothing
    double between = 0.0;
    for (std::size_t group = 0; group < group_count; ++group) {
        if (counts[group] == 0) continue;
        const double deviation = sums[group] / static_cast<double>(counts[group]) - mean;
        between += static_cast<double>(counts[group]) * deviation * deviation;
    }
    if (rows <= group_count) return 0.0;
    const double within = std::max(0.0, total_squares - between);
    const double adjusted = 1.0 - (within / static_cast<double>(rows - group_count)) /
                                      (total_squares / static_cast<double>(rows - 1));
    return std::sqrt(std::clamp(adjusted, 0.0, 1.0));
}

}  // namespace

std::vector<const Column*> protected_columns(const ScoringEngine& engine) {
    std::vector<const Column*> result;
    for (const Column& column : engine.dataset().columns())
        if (column.protected_attribute || engine.context().protected_fields.count(column.name))
            result.push_back(&column);
    return result;
}

std::vector<ProxyMeasure> measure_proxies(const ScoringEngine& engine, const ProxySettings& settings) {
    struct Grouping {
        const Column* column;
        std::vector<std::uint32_t> groups;
        std::size_t count = 0;
    };
    std::vector<Grouping> groupings;
    for (const Column* column : protected_columns(engine)) {
        Grouping grouping{column, {}, 0};
        grouping.groups = group_rows(*column, settings.min_group_rows, grouping.count);
        groupings.push_back(std::move(grouping));
    }
    std::vector<ProxyMeasure> result;
    for (std::size_t parameter = 0; parameter < engine.parameter_count(); ++parameter)
        for (const Grouping& grouping : groupings) {
            ProxyMeasure measure;
            measure.parameter_id = engine.spec().parameters[parameter].id;
            measure.protected_column = grouping.column->name;
            measure.groups = grouping.count;
            measure.eta = grouping.count < 2 ? 0.0 : correlation_ratio(engine, parameter, grouping.groups, grouping.count);
            measure.warns = measure.eta >= settings.threshold;
            result.push_back(std::move(measure));
        }
    return result;
}

std::string describe_proxy(const ProxyMeasure& measure, const ProxySettings& settings) {
    char figures[64];
    std::snprintf(figures, sizeof figures, "%.2f, threshold %.2f", measure.eta, settings.threshold);
    return "parameter '" + measure.parameter_id + "' follows protected column '" + measure.protected_column +
           "' (eta = " + figures + ")";
}

}  // namespace radar
