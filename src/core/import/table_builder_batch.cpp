// The batch path of the TableBuilder: CSV records whose every cell is clean are parsed a column
// at a time, then stored a column at a time, without the row path's per-row steps. A batch with
// anything the row path would say something about (a diagnostic, a rejection, a limit, an id that
// does not ascend) is left to the row path whole, with nothing stored.

#include "core/base/text_hash.hpp"
#include "core/import/column_plan.hpp"
#include "core/import/table_builder.hpp"

namespace radar {

using column_append::append_missing;
using column_append::append_number;
using column_append::append_text;

namespace {

// A batch's missing flags of one column: bit i says row i's cell is empty.
bool flagged(std::uint64_t missing, std::size_t row) { return (missing >> row) & 1u; }

std::size_t count_flagged(std::uint64_t missing) { return static_cast<std::size_t>(__builtin_popcountll(missing)); }

}  // namespace

bool TableBuilder::add_clean_rows(const CsvRecord* records, std::size_t count) {
    if (count == 0 || failed() || result_.stopped_at_row_limit || !batch_within_limits(records, count) ||
        !parse_clean_batch(records, count))
        return false;
    store_clean_batch(records, count);
    return true;
}

bool TableBuilder::batch_within_limits(const CsvRecord* records, std::size_t count) const {
    const std::uint64_t columns = plans_.size();
    std::uint64_t bytes = record_bytes_;
    for (std::size_t i = 0; i < count; ++i) {
        bytes += records[i].buffer.size() + 1;
        if (limits_.row_limit != 0 && result_.summary.rows_read + i >= limits_.row_limit) return false;
        const std::uint64_t rows = result_.summary.rows_imported + i + 1;
        if (rows * columns > limits_.cells_allowed + limits_.cells_per_byte_allowed * bytes) return false;
    }
    return true;
}

bool TableBuilder::clean_text(const ColumnPlan& plan, std::string_view text, std::uint32_t& category) {
    // Any other spelling of a category is matched (or warned about) by the row path.
    if (plan.kind != ColumnPlan::Kind::category || !plan.field) return true;
    const auto& values = plan.field->values;
    for (category = 0; category < values.size(); ++category)
        if (same_text(text, values[category])) return true;
    return false;
}

bool TableBuilder::parse_clean_numbers(const ColumnPlan& plan, const CsvRecord* records, std::size_t count,
                                       std::size_t column, double* values, std::uint64_t& missing,
                                       std::uint32_t& x_marks) const {
    // The column's kind is the same for every cell: one loop per kind, not a switch per cell.
    const auto each_cell = [&](auto parse) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::string_view text = trim_spaces(records[i].field(column));
            if (text.empty()) {
                if (plan.required) return false;
                missing |= std::uint64_t{1} << i;
                values[i] = 0.0;
            } else if (!parse(text, values[i])) {
                return false;
            }
        }
        return true;
    };
    using Kind = ColumnPlan::Kind;
    switch (plan.kind) {
        case Kind::whole_number:
            return each_cell([&](std::string_view text, double& value) {
                if (!parse_small_whole_number(text, value)) {
                    const NumberParse parsed = parse_number(text, true, decimal_mark_);
                    if (parsed.status != ParseStatus::ok) return false;
                    value = parsed.value;
                }
                return is_exact_whole_number(value) && plan.admits(value);
            });
        case Kind::number:
            return each_cell([&](std::string_view text, double& value) {
                if (!parse_plain_number(text, false, decimal_mark_, value)) {
                    const NumberParse parsed = parse_number(text, false, decimal_mark_);
                    if (parsed.status != ParseStatus::ok) return false;
                    value = parsed.value;
                }
                return plan.admits(value);
            });
        case Kind::date:
            return each_cell([&](std::string_view text, double& value) {
                DayNumber day = 0;
                if (!parse_day_first_date(text, day)) {
                    const DateParse parsed = parse_date(text);
                    if (parsed.status != ParseStatus::ok) return false;
                    day = parsed.day;
                }
                value = day;
                return plan.admits(value);
            });
        case Kind::boolean:
            return each_cell([&](std::string_view text, double& value) {
                const BooleanToken token = parse_boolean(text);
                value = token == BooleanToken::no ? 0.0 : 1.0;
                x_marks += token == BooleanToken::x_mark ? 1 : 0;
                return token != BooleanToken::invalid;
            });
        case Kind::extra:
        case Kind::text:
        case Kind::category:
            break;
    }
    return false;
}

bool TableBuilder::parse_clean_batch(const CsvRecord* records, std::size_t count) {
    const std::size_t columns = plans_.size();
    for (std::size_t i = 0; i < count; ++i)
        if (records[i].field_count != columns || records[i].unbalanced_quote) return false;
    batch_.numbers.resize(columns * count);
    batch_.texts.resize(columns * count);
    batch_.categories.resize(columns * count);
    batch_.missing.assign(columns, 0);
    batch_.x_marks.assign(columns, 0);
    for (std::size_t c = 0; c < columns; ++c) {
        const ColumnPlan& plan = *plans_[c];
        std::uint64_t& missing = batch_.missing[c];
        if (plan.holds_text()) {
            std::string_view* texts = batch_.texts.data() + c * count;
            std::uint32_t* categories = batch_.categories.data() + c * count;
            for (std::size_t i = 0; i < count; ++i) {
                texts[i] = trim_spaces(records[i].field(c));
                if (texts[i].empty()) {
                    if (plan.required) return false;
                    missing |= std::uint64_t{1} << i;
                } else if (!clean_text(plan, texts[i], categories[i])) {
                    return false;
                }
            }
            continue;
        }
        if (!parse_clean_numbers(plan, records, count, c, batch_.numbers.data() + c * count, missing,
                                 batch_.x_marks[c]))
            return false;
    }
    return ids_still_ascending(count);
}

bool TableBuilder::ids_still_ascending(std::size_t count) const {
    if (!id_index_) return true;
    // Once ids stopped ascending every id is looked up in the index: the row path does that.
    if (!ids_ascending_ || !plans_[id_source_column_]->required) return false;
    const std::string_view* ids = batch_.texts.data() + id_source_column_ * count;
    const auto imported = static_cast<std::size_t>(result_.summary.rows_imported);
    std::string_view previous =
        imported > 0 ? plans_[id_source_column_]->column->texts[imported - 1] : std::string_view();
    for (std::size_t i = 0; i < count; ++i) {
        if ((imported > 0 || i > 0) && !text_less(previous, ids[i])) return false;
        previous = ids[i];
    }
    return true;
}

void TableBuilder::store_clean_categories(ColumnPlan& plan, const std::uint32_t* categories, std::uint64_t missing,
                                          std::size_t count) {
    // As append_category stores an exactly written category: by the code it was stored under
    // before, once there is one (a required category is stored as text, as the row path does).
    Column& column = *plan.column;
    for (std::size_t i = 0; i < count; ++i) {
        if (flagged(missing, i)) {
            column.texts.push_empty();
            continue;
        }
        std::uint32_t& code = plan.value_codes[categories[i]];
        if (code != 0 && !column.texts.pooled()) {
            column.texts.push_known_code(code - 1);
            continue;
        }
        column.texts.push_back(plan.field->values[categories[i]]);
        if (!column.texts.pooled()) code = column.texts.code(column.texts.size() - 1) + 1;
    }
    column.missing.append(missing, count);
}

void TableBuilder::store_clean_batch(const CsvRecord* records, std::size_t count) {
    for (std::size_t c = 0; c < plans_.size(); ++c) {
        ColumnPlan& plan = *plans_[c];
        Column& column = *plan.column;
        const std::uint64_t missing = batch_.missing[c];
        if (plan.kind == ColumnPlan::Kind::category && plan.field && !plan.required) {
            store_clean_categories(plan, batch_.categories.data() + c * count, missing, count);
        } else if (plan.holds_text()) {
            const std::string_view* texts = batch_.texts.data() + c * count;
            for (std::size_t i = 0; i < count; ++i) {
                if (flagged(missing, i))
                    column.texts.push_empty();
                else
                    column.texts.push_back(texts[i]);
            }
            column.missing.append(missing, count);
        } else {
            column.numbers.append(batch_.numbers.data() + c * count, count);
            column.missing.append(missing, count);
            if (plan.kind == ColumnPlan::Kind::boolean) {
                plan.x_marks += batch_.x_marks[c];
                plan.other_booleans += count - count_flagged(missing) - batch_.x_marks[c];
            }
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        record_bytes_ += records[i].buffer.size() + 1;
        result_.source_rows.push_back(records[i].row);
    }
    result_.summary.rows_read += count;
    result_.summary.rows_imported += count;
}

}  // namespace radar
