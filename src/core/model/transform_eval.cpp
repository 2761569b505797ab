// Transform pipelines. The first step may turn a date (time_since) or a text (categorical,
// boolean with levels) into a number; every later step maps a number to a number.
#include "core/model/transform_eval.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "core/model/model_check.hpp"

namespace radar {
namespace {

// Whole months from `start` to `end` (whole_months_between on calendar dates).
int whole_months_between_dates(const CivilDate& start, const CivilDate& end) {
    int months = (end.year - start.year) * 12 + (end.month - start.month);
    // add_months(from, months) lands in to's month, on from's day clamped to that month's end.
    if (std::min(start.day, days_in_month(end.year, end.month)) > end.day) --months;
    return months;
}

// Whole months from each day to a reference date, for the many rows of a column: an export's dates
// fall on a few thousand days, and working out a day's calendar date is most of a month age's
// cost, so each day's months are remembered in a slot of their own (the day's low bits).
class MonthsBefore {
public:
    explicit MonthsBefore(const CivilDate& reference) : reference_(reference), days_(slots), months_(slots) {
        // No day is remembered yet: slot i holds day i + 1, whose slot is another.
        for (std::size_t slot = 0; slot < slots; ++slot) days_[slot] = static_cast<DayNumber>(slot + 1);
    }
    int operator()(DayNumber day) {
        const std::size_t slot = static_cast<std::uint32_t>(day) & (slots - 1);
        if (days_[slot] != day) {
            days_[slot] = day;
            months_[slot] = whole_months_between_dates(civil_from_days(day), reference_);
        }
        return months_[slot];
    }

private:
    static constexpr std::size_t slots = 4096;
    CivilDate reference_;
    std::vector<DayNumber> days_;
    std::vector<int> months_;
};

double apply_numeric_step(const Transform& t, double x) {
    switch (t.kind) {
    case TransformKind::linear: return x;
    case TransformKind::clamp:
        if (t.min && x < *t.min) x = *t.min;
        if (t.max && x > *t.max) x = *t.max;
        return x;
    case TransformKind::step: {
        double value = t.below;
        for (const StepBin& bin : t.bins) {
            if (!(x >= bin.from)) break;
            value = bin.value;
        }
        return value;
    }
    case TransformKind::boolean: return x != 0.0 ? 1.0 : 0.0;
    case TransformKind::log1p: return std::log1p(std::max(x, 0.0));
    case TransformKind::categorical:
    case TransformKind::time_since: return x;  // refused by check_model_spec after the first step
    }
    return x;
}

// The parameter's pipeline prepared for many rows: level lookups built once.
class Pipeline {
public:
    Pipeline(const ModelParameter& parameter, DayNumber reference)
        : parameter_(parameter),
          reference_(reference),
          reference_date_(civil_from_days(reference)),
          input_(pipeline_input_kind(parameter.transforms)) {
        first_numeric_ = input_ == InputKind::number ? 0 : 1;
        if (input_ != InputKind::text) return;
        const Transform& first = parameter.transforms.front();
        for (const auto& [level, value] : first.levels) levels_.emplace(level, value);
        true_levels_.insert(first.true_levels.begin(), first.true_levels.end());
    }

    double numeric(double x) const {
        const auto& steps = parameter_.transforms;
        for (std::size_t i = first_numeric_; i < steps.size(); ++i) x = apply_numeric_step(steps[i], x);
        return x;
    }

    double text_value(std::string_view text) const {
        const Transform& first = parameter_.transforms.front();
        if (first.kind == TransformKind::boolean) return true_levels_.count(text) ? 1.0 : 0.0;
        const auto found = levels_.find(text);
        return found == levels_.end() ? first.default_value : found->second;
    }

    // The number entering the numeric steps for a present cell.
    double input(const Column& column, std::size_t row) const {
        switch (input_) {
        case InputKind::text: {
            if (column.type == ColumnType::text) return text_value(column.texts[row]);
            // Levels on a numeric column (a postcode inferred as a whole number) match the
            // number as the dataset writes it: "2000", "12.5".
            std::string scratch;
            return text_value(column_cell_text(column, row, scratch));
        }
        case InputKind::date: {
            // age_in_unit, with the reference day's calendar date worked out once.
            const auto date = static_cast<DayNumber>(column.numbers[row]);
            if (parameter_.transforms.front().unit == TimeUnit::days)
                return static_cast<double>(reference_) - static_cast<double>(date);
            return whole_months_between_dates(civil_from_days(date), reference_date_);
        }
        case InputKind::number: return column.numbers[row];
        }
        return 0.0;
    }

    // The numbers entering the numeric steps for rows [begin, end), into inputs[0..end - begin),
    // 0 for a missing cell: the kind of input decided once, not per row, a dictionary column's
    // level worked out once per distinct value and a month age once per day.
    void inputs(const Column& column, std::size_t begin, std::size_t end, double* inputs) const {
        const MissingFlags& missing = column.missing;
        if (input_ == InputKind::number) {
            for (std::size_t row = begin; row < end; ++row) inputs[row - begin] = missing[row] ? 0.0 : column.numbers[row];
            return;
        }
        if (input_ == InputKind::date && parameter_.transforms.front().unit != TimeUnit::days) {
            MonthsBefore months_before(reference_date_);
            for (std::size_t row = begin; row < end; ++row)
                inputs[row - begin] = missing[row] ? 0.0 : months_before(static_cast<DayNumber>(column.numbers[row]));
            return;
        }
        if (input_ == InputKind::text && column.type == ColumnType::text && !column.texts.pooled()) {
            const TextColumn& texts = column.texts;
            std::vector<double> level_values(texts.distinct_count());
            std::vector<bool> known(texts.distinct_count());
            for (std::size_t row = begin; row < end; ++row) {
                if (missing[row]) {
                    inputs[row - begin] = 0.0;
                    continue;
                }
                const std::uint32_t code = texts.code(row);
                if (!known[code]) {
                    level_values[code] = text_value(texts.distinct_value(code));
                    known[code] = true;
                }
                inputs[row - begin] = level_values[code];
            }
            return;
        }
        for (std::size_t row = begin; row < end; ++row) inputs[row - begin] = missing[row] ? 0.0 : input(column, row);
    }

    std::optional<double> neutral_input() const {
        const MissingPolicy& policy = parameter_.missing;
        if (policy.kind != MissingPolicyKind::neutral) return std::nullopt;
        if (const auto* text = std::get_if<std::string>(&policy.neutral)) return text_value(*text);
        return std::get<double>(policy.neutral);
    }

private:
    const ModelParameter& parameter_;
    DayNumber reference_;
    CivilDate reference_date_;
    InputKind input_;
    std::size_t first_numeric_ = 0;
    std::map<std::string, double, std::less<>> levels_;
    std::set<std::string, std::less<>> true_levels_;
};

// The output of a missing cell: the numeric steps applied to the neutral input, or 0.
double missing_output(const Pipeline& pipeline) {
    const auto neutral = pipeline.neutral_input();
    return neutral ? pipeline.numeric(*neutral) : 0.0;
}

}  // namespace

int whole_months_between(DayNumber from, DayNumber to) {
    return whole_months_between_dates(civil_from_days(from), civil_from_days(to));
}

double age_in_unit(TimeUnit unit, DayNumber date, DayNumber reference) {
    if (unit == TimeUnit::days) return static_cast<double>(reference) - static_cast<double>(date);
    return whole_months_between(date, reference);
}

TransformedCell transform_cell(const ModelParameter& parameter, const Column& column, std::size_t row,
                               DayNumber reference) {
    const Pipeline pipeline(parameter, reference);
    TransformedCell cell;
    cell.missing = column.is_missing(row);
    cell.input = cell.missing ? pipeline.neutral_input() : std::optional<double>(pipeline.input(column, row));
    if (cell.input) cell.output = pipeline.numeric(*cell.input);
    return cell;
}

void transform_column(const ModelParameter& parameter, const Column& column, DayNumber reference, double* outputs) {
    transform_rows(parameter, column, reference, 0, column.size(), outputs);
}

void transform_rows(const ModelParameter& parameter, const Column& column, DayNumber reference, std::size_t begin,
                    std::size_t end, double* outputs) {
    const Pipeline pipeline(parameter, reference);
    const double missing = missing_output(pipeline);
    pipeline.inputs(column, begin, end, outputs + begin);
    for (std::size_t row = begin; row < end; ++row) outputs[row] = column.missing[row] ? missing : pipeline.numeric(outputs[row]);
}

void numeric_step_inputs(const ModelParameter& parameter, const Column& column, DayNumber reference, std::size_t begin,
                         std::size_t end, double* inputs) {
    Pipeline(parameter, reference).inputs(column, begin, end, inputs);
}

void numeric_step_outputs(const ModelParameter& parameter, const double* inputs, std::size_t count, double* outputs) {
    const Pipeline pipeline(parameter, 0);
    for (std::size_t i = 0; i < count; ++i) outputs[i] = pipeline.numeric(inputs[i]);
}

double missing_cell_output(const ModelParameter& parameter) { return missing_output(Pipeline(parameter, 0)); }

}  // namespace radar
