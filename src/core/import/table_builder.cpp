// Row conversion, validation and rejection for imports.
#include "core/import/table_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "core/base/heap_room.hpp"
#include "core/base/spare_capacity.hpp"
#include "core/base/text_hash.hpp"
#include "core/import/column_inference.hpp"
#include "core/import/column_plan.hpp"
#include "core/search/text_fold.hpp"

namespace radar {

using column_append::append_missing;
using column_append::append_number;
using column_append::append_text;

namespace {

// A diagnostic names its column by the header; a longer header is cut (every diagnostic holds
// a copy, and a header can be as long as a record).
constexpr std::size_t max_diagnostic_column_bytes = 256;

// `text` cut to at most `max_bytes` at a character boundary, with "…" when something was cut.
std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string format_bound(double value, FieldType type) {
    if (type == FieldType::date) return format_iso_date(static_cast<DayNumber>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

std::string range_text(const FieldSpec& field, bool dutch) {
    const std::string low = field.min ? format_bound(*field.min, field.type) : "";
    const std::string high = field.max ? format_bound(*field.max, field.type) : "";
    if (field.min && field.max) return (dutch ? "toegestaan van " : "allowed ") + low + (dutch ? " tot " : " to ") + high;
    if (field.min) return (dutch ? "toegestaan vanaf " : "allowed from ") + low;
    return (dutch ? "toegestaan tot " : "allowed up to ") + high;
}

std::string joined(const std::vector<std::string>& values) {
    std::string text;
    for (const std::string& value : values) text += (text.empty() ? "" : ", ") + value;
    return text;
}

void drop_last_cell(Column& column) {
    if (column.type == ColumnType::text) column.texts.pop_back();
    else column.numbers.pop_back();
    column.missing.pop_back();
}

}  // namespace

TableBuilder::TableBuilder(const FieldDictionary& dictionary, const MappingProfile* profile, const ImportLimits& limits,
                           ImportResult& result)
    : dictionary_(dictionary), limits_(limits), result_(result), mapper_(dictionary, profile) {}

TableBuilder::~TableBuilder() = default;

void TableBuilder::settle_kind(ColumnPlan& plan, std::optional<ValueKind> chosen) {
    using Kind = ColumnPlan::Kind;
    plan.kind = Kind::extra;
    if (!plan.field) {
        // An extra attribute whose type the user chose is read like a field of that type (values
        // that do not fit get a warning); otherwise it is read as text and its type inferred.
        if (!chosen) return;
        switch (*chosen) {
        case ValueKind::text: plan.kind = Kind::text; break;
        case ValueKind::category: plan.kind = Kind::category; break;
        case ValueKind::whole_number: plan.kind = Kind::whole_number; break;
        case ValueKind::number: plan.kind = Kind::number; break;
        case ValueKind::date: plan.kind = Kind::date; break;
        case ValueKind::boolean: plan.kind = Kind::boolean; break;
        }
        return;
    }
    switch (plan.field->type) {
    case FieldType::text: plan.kind = plan.field->values.empty() ? Kind::text : Kind::category; break;
    case FieldType::integer: plan.kind = Kind::whole_number; break;
    case FieldType::number: plan.kind = Kind::number; break;
    case FieldType::date: plan.kind = Kind::date; break;
    case FieldType::boolean: plan.kind = Kind::boolean; break;
    }
}

std::string TableBuilder::dataset_name_for(const std::string& header, std::size_t source_index) {
    const std::string base = header.empty() ? "column_" + std::to_string(source_index + 1) : header;
    // Extra attributes never take a canonical field's name, nor another column's. The suffix
    // search goes on where it stopped for this base, so 4,096 equal headers take linear time.
    auto taken = [&](const std::string& name) { return dictionary_.find(name) || column_names_.count(name); };
    if (!taken(base)) return base;
    int& suffix = next_name_suffix_.emplace(base, 2).first->second;
    std::string name = base + " (" + std::to_string(suffix) + ")";
    while (taken(name)) name = base + " (" + std::to_string(++suffix) + ")";
    ++suffix;
    return name;
}

void TableBuilder::add_column(std::string_view raw_header, std::uint32_t row, std::uint32_t line) {
    if (failed()) return;
    if (plans_.size() >= limits_.max_columns) {
        const std::string limit = std::to_string(limits_.max_columns);
        const std::string where = std::to_string(row) + " (";
        const std::string line_text = std::to_string(line) + ")";
        fail(DiagnosticReason::unreadable_file,
             "row " + where + "line " + line_text + " brings the file past " + limit + " columns, the limit",
             "rij " + where + "regel " + line_text + " brengt het bestand boven " + limit + " kolommen, de grens");
        return;
    }
    const RowContext where{row, line, false, true};
    const std::size_t index = plans_.size();
    if (too_many_cells(where, result_.summary.rows_imported, index + 1)) return;
    const std::string header(trim_spaces(raw_header));
    const std::string number = std::to_string(index + 1);
    if (header.empty())
        diagnose(where, header, raw_header, DiagnosticReason::empty_header, Severity::info,
                 "column " + number + " has no header; kept as column_" + number,
                 "kolom " + number + " heeft geen kop; bewaard als column_" + number);
    if (!header.empty() && !headers_.insert(header).second)
        diagnose(where, header, header, DiagnosticReason::duplicate_header, Severity::info,
                 "header of column " + number + " appears more than once",
                 "de kop van kolom " + number + " komt meer dan eens voor");

    const HeaderMapping mapping = mapper_.map(header);
    auto plan = std::make_unique<ColumnPlan>();
    plan->header = header;
    plan->field = mapping.field.empty() ? nullptr : dictionary_.find(mapping.field);
    plan->required = plan->field && plan->field->required;
    settle_kind(*plan, mapping.kind);
    if (plan->required) required_columns_.push_back(index);
    if (mapping.origin == MappingOrigin::field_taken)
        diagnose(where, header, header, DiagnosticReason::mapping_conflict, Severity::info,
                 "another column already maps to this field; kept as an extra attribute",
                 "een andere kolom is al aan dit veld gekoppeld; bewaard als extra kenmerk");

    const std::string name = plan->field ? plan->field->name : dataset_name_for(header, index);
    column_names_.insert(name);
    const ValueKind kind = plan->field ? value_kind_for(*plan->field) : mapping.kind.value_or(ValueKind::text);
    const ColumnType type = column_type_for(kind);
    Column& column = result_.dataset.add_column(name, type);
    column.kind = kind;
    plan->column = &column;
    if (reserved_rows_ > 0) {
        column.missing.reserve(reserved_rows_);
        if (type == ColumnType::text) column.texts.reserve(reserved_rows_);
        else column.numbers.reserve(reserved_rows_);
    }
    for (std::uint64_t i = 0; i < result_.summary.rows_imported; ++i) column.push_missing();

    if (plan->field) {
        for (const std::string& value : plan->field->values) plan->folded_values.push_back(fold_for_search(value));
        plan->value_codes.assign(plan->field->values.size(), 0);
        if (plan->field->min) plan->low = *plan->field->min;
        if (plan->field->max) plan->high = *plan->field->max;
        if (plan->field->is_id) {
            id_source_column_ = index;
            id_index_ = std::make_unique<IdIndex>(column.texts);  // room only once ids stop ascending
        }
    }
    ImportedColumn imported;
    imported.source_index = index;
    imported.header = header;
    imported.column_name = name;
    imported.field = mapping.field;
    imported.origin = mapping.origin;
    imported.extra = plan->field == nullptr;
    imported.protected_attribute = (plan->field && plan->field->protected_attribute) || mapping.protected_attribute;
    imported.kind = kind;
    imported.kind_chosen = !plan->field && mapping.kind.has_value();
    column.protected_attribute = imported.protected_attribute;
    result_.columns.push_back(std::move(imported));
    plans_.push_back(std::move(plan));
    staged_.resize(plans_.size());
}

void TableBuilder::check_required_columns() {
    if (failed()) return;
    std::string missing;
    for (const FieldSpec& field : dictionary_.fields) {
        if (!field.required) continue;
        const bool mapped = std::any_of(plans_.begin(), plans_.end(), [&](const auto& plan) { return plan->field == &field; });
        if (mapped) continue;
        missing += (missing.empty() ? "" : ", ") + field.name + " (" + field.label_nl + ")";
    }
    if (!missing.empty())
        fail(DiagnosticReason::missing_required_column,
             "no column maps to the required field(s) " + missing + "; fix the column mapping",
             "geen kolom is gekoppeld aan het verplichte veld of de verplichte velden " + missing +
                 "; pas de kolomkoppeling aan");
}

void TableBuilder::reserve_rows(std::size_t rows) {
    if (failed() || rows <= reserved_rows_) return;
    reserved_rows_ = rows;
    // What the reservations below allocate, about: the columns' values and missing flags, the
    // file row numbers and, once ids no longer ascend, the id index's slots (two per row, 8 bytes each).
    const bool index_used = id_index_ && !ids_ascending_;
    std::size_t bytes_per_row = sizeof(std::uint32_t) + (index_used ? 2 * sizeof(std::uint64_t) : 0);
    for (const auto& plan : plans_) {
        const Column& column = *plan->column;
        bytes_per_row += column.type == ColumnType::text || !column.numbers.wide() ? 4 : 8;
    }
    make_heap_room(rows * bytes_per_row + rows / 8 * plans_.size());
    for (const auto& plan : plans_) {
        Column& column = *plan->column;
        column.missing.reserve(rows);
        if (column.type == ColumnType::text) column.texts.reserve(rows);
        else column.numbers.reserve(rows);
    }
    result_.source_rows.reserve(rows);
    if (index_used) id_index_->reserve(rows);
}

void TableBuilder::diagnose(const RowContext& context, std::string_view column, std::string_view value,
                            DiagnosticReason reason, Severity severity, std::string detail, std::string detail_nl) {
    ImportSummary& summary = result_.summary;
    ++summary.diagnostics_total;
    ++summary.by_reason[static_cast<std::size_t>(reason)];
    if (severity == Severity::warning) row_has_warning_ = true;
    if (severity == Severity::error) row_rejections_.push_back(reason);
    if (result_.diagnostics.size() >= limits_.max_diagnostics) return;
    Diagnostic diagnostic;
    diagnostic.row = context.row;
    diagnostic.line = context.line;
    diagnostic.column = shortened(column, max_diagnostic_column_bytes);
    diagnostic.value = std::string(value);
    diagnostic.reason = reason;
    diagnostic.severity = severity;
    diagnostic.detail = std::move(detail);
    diagnostic.detail_nl = std::move(detail_nl);
    result_.diagnostics.push_back(std::move(diagnostic));
}

void TableBuilder::fail(DiagnosticReason reason, const std::string& message, const std::string& message_nl) {
    if (failed()) return;
    diagnose(RowContext{}, {}, {}, reason, Severity::fatal, message, message_nl);
    result_.status = ImportStatus::failed;
    result_.failure = message;
    result_.failure_nl = message_nl;
    id_index_.reset();
    for (auto& plan : plans_) plan->column = nullptr;
    result_.dataset = Dataset();
    result_.source_rows.clear();
    result_.source_rows.shrink_to_fit();
}

void TableBuilder::warn(const RowContext& context, const ColumnPlan& plan, std::string_view text,
                        DiagnosticReason reason, const char* detail, const char* detail_nl) {
    diagnose(context, plan.header, text, reason, Severity::warning, detail, detail_nl);
}

bool TableBuilder::in_range(const RowContext& context, const ColumnPlan& plan, std::string_view text, double value) {
    if (plan.admits(value)) return true;
    diagnose(context, plan.header, text, DiagnosticReason::out_of_range, Severity::warning,
             range_text(*plan.field, false), range_text(*plan.field, true));
    return false;
}

bool TableBuilder::number_value(const RowContext& context, ColumnPlan& plan, const RawCell& cell, std::string_view text,
                                double& value) {
    const bool whole = plan.kind == ColumnPlan::Kind::whole_number;
    if (cell.kind == RawCell::Kind::number) {
        value = cell.number;
    } else {
        const NumberParse parsed = cell.kind == RawCell::Kind::text ? parse_number(text, whole, decimal_mark_) : NumberParse{};
        if (parsed.status != ParseStatus::ok) {
            warn(context, plan, text, DiagnosticReason::unparsable_number,
                 whole ? "expected a whole number" : "expected a number such as 12,5 or 1.234,5",
                 whole ? "een geheel getal verwacht" : "een getal verwacht, zoals 12,5 of 1.234,5");
            return false;
        }
        value = parsed.value;
    }
    if (whole && !is_exact_whole_number(value)) {
        warn(context, plan, text, DiagnosticReason::not_whole_number, "this field holds whole numbers",
             "dit veld bevat gehele getallen");
        return false;
    }
    return in_range(context, plan, text, value);
}

bool TableBuilder::date_value(const RowContext& context, ColumnPlan& plan, const RawCell& cell, std::string_view text,
                              double& value) {
    const DateParse parsed = cell.kind == RawCell::Kind::text ? parse_date(text) : DateParse{};
    if (parsed.status == ParseStatus::unparsable) {
        warn(context, plan, text, DiagnosticReason::unparsable_date, "expected a date as dd/mm/yyyy or yyyy-mm-dd",
             "een datum verwacht als dd/mm/jjjj of jjjj-mm-dd");
        return false;
    }
    if (parsed.status == ParseStatus::impossible) {
        warn(context, plan, text, DiagnosticReason::impossible_date, "no such day (dates are read day first: dd/mm/yyyy)",
             "deze dag bestaat niet (datums worden dag eerst gelezen: dd/mm/jjjj)");
        return false;
    }
    value = parsed.day;
    return in_range(context, plan, text, value);
}

bool TableBuilder::boolean_value(const RowContext& context, ColumnPlan& plan, const RawCell& cell, std::string_view text,
                                 double& value) {
    BooleanToken token = BooleanToken::invalid;
    if (cell.kind == RawCell::Kind::boolean || (cell.kind == RawCell::Kind::number && (cell.number == 0 || cell.number == 1)))
        token = cell.number != 0 ? BooleanToken::yes : BooleanToken::no;
    else if (cell.kind == RawCell::Kind::text)
        token = parse_boolean(text);
    if (token == BooleanToken::x_mark) ++plan.x_marks;
    else ++plan.other_booleans;
    if (token == BooleanToken::invalid) {
        warn(context, plan, text, DiagnosticReason::unparsable_boolean, "expected ja/nee, j/n, yes/no, true/false, 1/0 or x",
             "ja/nee, j/n, yes/no, true/false, 1/0 of x verwacht");
        return false;
    }
    value = token == BooleanToken::no ? 0.0 : 1.0;
    return true;
}

std::string_view TableBuilder::category_value(const RowContext& context, ColumnPlan& plan, std::string_view text) {
    if (!plan.field) return text;  // an extra attribute's categories are the values it holds
    const auto& values = plan.field->values;
    for (const std::string& value : values)
        if (same_text(text, value)) return value;
    const std::string folded = fold_for_search(text);
    for (std::size_t i = 0; i < values.size(); ++i)
        if (folded == plan.folded_values[i]) return values[i];
    diagnose(context, plan.header, text, DiagnosticReason::unknown_category, Severity::warning,
             "kept as written; known values: " + joined(values),
             "bewaard zoals geschreven; bekende waarden: " + joined(values));
    return text;
}

void TableBuilder::append_category(const RowContext& context, ColumnPlan& plan, std::string_view text) {
    Column& column = *plan.column;
    if (plan.field && !column.texts.pooled()) {
        const auto& values = plan.field->values;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!same_text(text, values[i])) continue;
            std::uint32_t& code = plan.value_codes[i];
            if (code != 0) {
                column.texts.push_known_code(code - 1);
                column.missing.push_back(false);
                return;
            }
            append_text(column, values[i]);
            if (!column.texts.pooled()) code = column.texts.code(column.texts.size() - 1) + 1;
            return;
        }
    }
    append_text(column, category_value(context, plan, text));
}

TableBuilder::Staged TableBuilder::stage(const RowContext& context, ColumnPlan& plan, const RawCell& cell) {
    if (cell.kind == RawCell::Kind::null) return {};
    const std::string_view text = trim_spaces(cell.text);
    if (cell.kind == RawCell::Kind::text && text.empty()) return {};
    double value = 0.0;
    switch (plan.kind) {
    case ColumnPlan::Kind::extra:
    case ColumnPlan::Kind::text: return {Staged::Kind::text, 0.0, text};
    case ColumnPlan::Kind::category: return {Staged::Kind::text, 0.0, category_value(context, plan, text)};
    case ColumnPlan::Kind::whole_number:
    case ColumnPlan::Kind::number:
        if (number_value(context, plan, cell, text, value)) return {Staged::Kind::number, value, {}};
        return {};
    case ColumnPlan::Kind::date:
        if (date_value(context, plan, cell, text, value)) return {Staged::Kind::number, value, {}};
        return {};
    case ColumnPlan::Kind::boolean:
        if (boolean_value(context, plan, cell, text, value)) return {Staged::Kind::number, value, {}};
        return {};
    }
    return {};
}

// The whole-number, number and date cases each write out "fast parse, in range, append": one
// local lambda for it made the whole import 7% slower in wasm (alternated import_bench runs).
void TableBuilder::store_cell(const RowContext& context, ColumnPlan& plan, const RawCell& cell) {
    Column& column = *plan.column;
    const std::string_view text = trim_spaces(cell.text);
    if (cell.kind == RawCell::Kind::null || (cell.kind == RawCell::Kind::text && text.empty())) {
        append_missing(column);
        return;
    }
    double value = 0.0;
    bool usable = false;
    switch (plan.kind) {
    case ColumnPlan::Kind::extra:
    case ColumnPlan::Kind::text: append_text(column, text); return;
    case ColumnPlan::Kind::category: append_category(context, plan, text); return;
    case ColumnPlan::Kind::whole_number:
        if (cell.kind == RawCell::Kind::text && parse_small_whole_number(text, value) && value >= plan.low && value <= plan.high) {
            append_number(column, value);
            return;
        }
        usable = number_value(context, plan, cell, text, value);
        break;
    case ColumnPlan::Kind::number:
        if (cell.kind == RawCell::Kind::text && parse_plain_number(text, false, decimal_mark_, value) &&
            value >= plan.low && value <= plan.high) {
            append_number(column, value);
            return;
        }
        usable = number_value(context, plan, cell, text, value);
        break;
    case ColumnPlan::Kind::date: {
        DayNumber day = 0;
        if (cell.kind == RawCell::Kind::text && parse_day_first_date(text, day) && day >= plan.low &&
            day <= plan.high) {
            append_number(column, day);
            return;
        }
        usable = date_value(context, plan, cell, text, value);
        break;
    }
    case ColumnPlan::Kind::boolean: usable = boolean_value(context, plan, cell, text, value); break;
    }
    if (usable) append_number(column, value);
    else append_missing(column);
}

void TableBuilder::store(Column& column, const Staged& value) {
    switch (value.kind) {
    case Staged::Kind::missing: append_missing(column); break;
    case Staged::Kind::number: append_number(column, value.number); break;
    case Staged::Kind::text: append_text(column, value.text); break;
    }
}

void TableBuilder::add_row(const RowContext& context, const RawCell* cells, std::size_t count) {
    if (failed() || at_row_limit() || too_many_cells(context, result_.summary.rows_imported + 1, plans_.size())) return;
    ++result_.summary.rows_read;
    row_rejections_.clear();
    row_has_warning_ = false;
    const std::size_t columns = plans_.size();

    if (context.unbalanced_quote)
        diagnose(context, {}, {}, DiagnosticReason::unbalanced_quote, Severity::warning,
                 "a quote in this row is never closed; it was read as an ordinary character",
                 "een aanhalingsteken in deze rij wordt nooit gesloten; het is als gewoon teken gelezen");
    if (context.fixed_columns && count != columns) {
        const std::string expected = std::to_string(columns);
        const std::string found = std::to_string(count);
        const std::string detail = "expected " + expected + " fields, found " + found;
        const std::string detail_nl = expected + " velden verwacht, " + found + " gevonden";
        if (count < columns) {
            diagnose(context, {}, {}, DiagnosticReason::ragged_row, Severity::warning, detail + "; the missing cells are empty",
                     detail_nl + "; de ontbrekende cellen zijn leeg");
        } else {
            bool extra_values = false;
            for (std::size_t c = columns; c < count; ++c) extra_values |= !trim_spaces(cells[c].text).empty();
            // Trailing empty cells (a delimiter at the end of the line) lose nothing.
            if (extra_values)
                diagnose(context, {}, {}, DiagnosticReason::ragged_row, Severity::error,
                         detail + "; the row does not line up with the header",
                         detail_nl + "; de rij sluit niet aan op de kopregel");
        }
    }

    static const RawCell absent{{}, RawCell::Kind::null, 0.0};
    const auto cell_at = [&](std::size_t c) -> const RawCell& { return c < count ? cells[c] : absent; };
    // Required fields (the id among them) first: a row lacking one is rejected before anything is stored.
    for (std::size_t c : required_columns_) {
        staged_[c] = stage(context, *plans_[c], cell_at(c));
        if (staged_[c].kind == Staged::Kind::missing)
            diagnose(context, plans_[c]->header, cell_at(c).text, DiagnosticReason::required_missing, Severity::error,
                     plans_[c]->field->name + " is required", plans_[c]->field->name + " is verplicht");
    }
    if (!row_rejections_.empty()) {
        for (std::size_t c = 0; c < columns; ++c)
            if (!plans_[c]->required) stage(context, *plans_[c], cell_at(c));  // for the cells' diagnostics
        reject(context, cells, count);
        return;
    }
    // While every id is greater than the one before (an export sorted by id), none can repeat an
    // earlier one and the index is left alone; from the first that is not, it indexes the rows
    // before it and checks every id. The check waits for memory (a random slot of a big table):
    // the slot is fetched while the cells are parsed and stored, and a duplicate's cells are then
    // taken back out.
    const std::string_view id = id_index_ ? staged_[id_source_column_].text : std::string_view();
    const auto imported = static_cast<std::size_t>(result_.summary.rows_imported);  // rows the columns hold: fits
    if (ids_ascending_ && id_index_ && imported > 0 &&
        !text_less(plans_[id_source_column_]->column->texts[imported - 1], id)) {
        ids_ascending_ = false;
        id_index_->reserve(reserved_rows_);
        id_index_->insert_all_rows();  // the id column holds the imported rows: this one is stored below
    }
    const bool check_id = id_index_ && !ids_ascending_;
    std::uint64_t id_hash = 0;
    if (check_id) {
        id_hash = IdIndex::hash_of(id);
        id_index_->prefetch(id_hash);
    }
    for (std::size_t c = 0; c < columns; ++c) {
        ColumnPlan& plan = *plans_[c];
        if (plan.required) store(*plan.column, staged_[c]);
        else store_cell(context, plan, cell_at(c));
    }
    if (check_id) {
        if (const auto first = id_index_->find(id, id_hash)) {
            const std::string first_row = std::to_string(result_.source_rows[*first]);
            diagnose(context, plans_[id_source_column_]->header, id, DiagnosticReason::duplicate_id, Severity::error,
                     "the same id is already in row " + first_row, "hetzelfde id staat al in rij " + first_row);
            for (const auto& plan : plans_) drop_last_cell(*plan->column);
            reject(context, cells, count);
            return;
        }
        id_index_->insert(static_cast<std::uint32_t>(imported), id_hash);
    }
    result_.source_rows.push_back(context.row);
    ++result_.summary.rows_imported;
    if (row_has_warning_) ++result_.summary.rows_with_warnings;
}

bool TableBuilder::too_many_cells(const RowContext& context, std::uint64_t rows, std::uint64_t columns) {
    const std::uint64_t allowed = limits_.cells_allowed + limits_.cells_per_byte_allowed * record_bytes_;
    if (rows * columns <= allowed) return false;
    const std::string where = std::to_string(context.row) + " (";
    const std::string line = std::to_string(context.line) + ")";
    const std::string shape = std::to_string(columns);
    const std::string per_byte = std::to_string(limits_.cells_per_byte_allowed);
    fail(DiagnosticReason::unreadable_file,
         "row " + where + "line " + line + ": " + shape + " columns over this many rows would take more than " +
             per_byte + " cells per byte of the file, nearly all of them empty; this does not look like a dossier "
                        "export",
         "rij " + where + "regel " + line + ": " + shape + " kolommen over zoveel rijen zouden meer dan " + per_byte +
             " cellen per byte van het bestand innemen, bijna alle leeg; dit lijkt geen dossierexport");
    return true;
}

bool TableBuilder::at_row_limit() {
    if (limits_.row_limit != 0 && result_.summary.rows_read >= limits_.row_limit) result_.stopped_at_row_limit = true;
    return result_.stopped_at_row_limit;
}

void TableBuilder::reject_unreadable_row(const RowContext& context, const RawCell& raw, DiagnosticReason reason,
                                         const std::string& detail, const std::string& detail_nl) {
    if (failed() || at_row_limit()) return;
    ++result_.summary.rows_read;
    row_rejections_.clear();
    diagnose(context, {}, raw.text, reason, Severity::error, detail, detail_nl);
    reject(context, &raw, 1);
}

void TableBuilder::reject(const RowContext& context, const RawCell* cells, std::size_t count) {
    ++result_.summary.rows_rejected;
    // A file of millions of bad rows must not take ~100 bytes per row: past the limit they are
    // counted, and finish() says how many were not listed.
    if (result_.rejected_rows.size() >= limits_.max_rejected_rows_listed) return;
    RejectedRow rejected;
    rejected.row = context.row;
    rejected.line = context.line;
    for (DiagnosticReason reason : row_rejections_)
        if (std::find(rejected.reasons.begin(), rejected.reasons.end(), reason) == rejected.reasons.end())
            rejected.reasons.push_back(reason);
    if (result_.rejected_rows.size() < limits_.max_rejected_rows_with_fields &&
        rejected_cells_kept_ + count <= limits_.max_rejected_cells) {
        rejected_cells_kept_ += count;
        rejected.fields.reserve(count);
        for (std::size_t c = 0; c < count; ++c) rejected.fields.emplace_back(cells[c].text);
    }
    result_.rejected_rows.push_back(std::move(rejected));
}

void TableBuilder::apply_x_convention(ColumnPlan& plan) {
    Column& column = *plan.column;
    std::uint64_t changed = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.missing[row]) continue;
        column.missing.set(row, false);
        column.numbers.set(row, 0.0);
        ++changed;
    }
    if (changed == 0) return;
    const std::string count = std::to_string(changed);
    diagnose(RowContext{}, plan.header, {}, DiagnosticReason::x_means_no, Severity::info,
             count + " empty cells read as 'no': this column marks 'yes' with x",
             count + " lege cellen gelezen als 'nee': deze kolom duidt 'ja' aan met x");
}

void TableBuilder::infer_extra_kinds() {
    for (std::size_t c = 0; c < plans_.size(); ++c) {
        ColumnPlan& plan = *plans_[c];
        if (plan.kind != ColumnPlan::Kind::extra) continue;
        *plan.column = inferred_column(std::move(*plan.column), decimal_mark_);
        result_.columns[c].kind = plan.column->kind;
    }
}

void TableBuilder::finish() {
    if (failed()) return;
    if (result_.summary.rows_rejected > result_.rejected_rows.size()) {
        const std::string unlisted = std::to_string(result_.summary.rows_rejected - result_.rejected_rows.size());
        const std::string limit = std::to_string(limits_.max_rejected_rows_listed);
        diagnose(RowContext{}, {}, {}, DiagnosticReason::rows_not_listed, Severity::info,
                 unlisted + " more rejected rows are counted but not listed: the list stops at " + limit + " rows",
                 unlisted + " geweigerde rijen meer zijn geteld maar niet opgesomd: de lijst stopt bij " + limit + " rijen");
    }
    // Dictionary booleans only: an extra attribute's empty cell stays missing.
    for (auto& plan : plans_)
        if (plan->field && plan->kind == ColumnPlan::Kind::boolean && plan->x_marks > 0 && plan->other_booleans == 0)
            apply_x_convention(*plan);
    infer_extra_kinds();
    for (const FieldSpec& field : dictionary_.fields) {
        const bool mapped = std::any_of(plans_.begin(), plans_.end(), [&](const auto& plan) { return plan->field == &field; });
        if (!mapped) result_.fields_not_found.push_back(field.name);
    }
    // Release capacity reserved for an over-estimated row count.
    for (Column& column : result_.dataset.columns()) {
        column.missing.trim_capacity();
        column.texts.trim_capacity();
        column.numbers.trim_capacity();
    }
    release_spare_capacity(result_.source_rows);
}

}  // namespace radar
