// The translations of the export's category values and the formatting of cells for people.
#include "session/value_labels.hpp"

#include <cmath>
#include <cstdio>

#include "core/fairness/audit_grouping.hpp"
#include "session/i18n.hpp"

namespace radar::session {
namespace {

struct CategoryTranslation {
    const char* dutch;
    const char* english;
};

// The Dutch values of the field dictionary's enumerated fields (assets/fields.json).
constexpr CategoryTranslation categories[] = {
    {"gezinsopvang", "family-based care"},
    {"groepsopvang", "group care"},
    {"buitenschoolse opvang", "out-of-school care"},
    {"geen", "none"},
    {"aanmaning", "formal warning"},
    {"schorsing", "suspension"},
    {"opheffing", "revocation"},
    {"actief", "active"},
    {"gesloten", "closed"},
};

}  // namespace

std::string category_label(std::string_view value) {
    if (language() == Language::dutch) return std::string(value);
    for (const CategoryTranslation& category : categories)
        if (value == category.dutch) return category.english;
    return std::string(value);
}

std::string cell_label(const Dataset& dataset, std::size_t column_index, std::size_t row) {
    const Column& column = dataset.columns()[column_index];
    if (column.is_missing(row)) return {};
    if (column.kind == ValueKind::boolean) return tr(column.numbers[row] != 0.0 ? TextId::value_yes : TextId::value_no);
    switch (column.type) {
    case ColumnType::text: return category_label(column.texts[row]);
    case ColumnType::date: return date_text(static_cast<DayNumber>(column.numbers[row]));
    case ColumnType::integer: {
        const double value = column.numbers[row];
        return (value < 0 ? "-" : "") + group_thousands(static_cast<std::uint64_t>(std::llround(std::fabs(value))));
    }
    case ColumnType::number: {
        std::string text = dataset.cell_text(column_index, row);
        if (language() == Language::dutch)
            for (char& c : text)
                if (c == '.') c = ',';
        return text;
    }
    }
    return dataset.cell_text(column_index, row);
}

std::string field_label(const FieldDictionary* dictionary, const std::string& name) {
    if (!dictionary) return name;
    const FieldSpec* field = dictionary->find(name);
    if (!field) return name;
    return language() == Language::dutch ? field->label_nl : field->label_en;
}

std::string grouping_label(const FieldDictionary* dictionary, const std::string& name) {
    return name == organiser_size_grouping ? tr(TextId::audit_organiser_size) : field_label(dictionary, name);
}

}  // namespace radar::session
