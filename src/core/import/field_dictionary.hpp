// The field dictionary: the canonical dossier fields the models use, with type, Dutch and English
// label, header synonyms, required/id/protected flags and an optional range or list of values.
// Loaded and validated from JSON text (assets/fields.json); problems come back as messages.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"

namespace radar {

enum class FieldType { text, integer, number, date, boolean };

// "text", "integer", "number", "date", "boolean".
const char* field_type_code(FieldType type);
// Booleans are stored as integer 0/1 columns; dates as day numbers.
ColumnType column_type_for(FieldType type);

struct FieldSpec {
    std::string name;  // canonical column name, e.g. "capacity"
    FieldType type = FieldType::text;
    std::string label_nl;
    std::string label_en;
    std::vector<std::string> synonyms;  // header spellings found in exports (matched normalised)
    bool required = false;              // a row without a usable value is rejected
    bool is_id = false;                 // the dossier id: exactly one field, text, required, unique
    // May be displayed but never used by a model (nationality, religion...).
    bool protected_attribute = false;
    std::optional<double> min;  // inclusive; dates as day numbers
    std::optional<double> max;
    std::vector<std::string> values;  // text fields: the known categories (empty = free text)
};

// What a field's values are: its type, a text field with a list of values being a category.
ValueKind value_kind_for(const FieldSpec& field);

struct FieldDictionary {
    int version = 1;
    std::vector<FieldSpec> fields;

    const FieldSpec* find(std::string_view name) const;
    const FieldSpec& id_field() const;  // a validated dictionary always has one
    bool is_protected(std::string_view name) const;
    // The protected fields' names: never a model input, on every path (ScoringContext).
    std::set<std::string> protected_names() const;
};

struct DictionaryLoad {
    std::optional<FieldDictionary> dictionary;  // set only when `errors` is empty
    std::vector<std::string> errors;            // "field 'capacity': min is greater than max"
};

// Parses and validates: known keys only, valid types, unique names, exactly one id field (text,
// required, not protected), min <= max (ISO dates for date fields), values only for text fields,
// protected fields not required, and no header spelling that would match two different fields.
DictionaryLoad load_field_dictionary(std::string_view json_text);

// A dictionary a user supplies (`--fields`, the app's "load field dictionary"), checked as
// load_field_dictionary does, that can only add protected fields: every protected field of
// `built_in` stays protected. A custom field with its name, or spelling one of its header
// spellings, becomes protected (an error when it is the id or required) and takes over its other
// spellings; a protected field no custom field names or spells is added as it is.
DictionaryLoad load_custom_field_dictionary(std::string_view json_text, const FieldDictionary& built_in);

}  // namespace radar
