// Loading and validation of the field dictionary JSON.
#include "core/import/field_dictionary.hpp"

#include <map>
#include <set>

#include "core/base/strict_json.hpp"
#include "core/import/header_normalisation.hpp"

namespace radar {
namespace {

std::optional<FieldType> field_type_from_code(const std::string& code) {
    for (FieldType type : {FieldType::text, FieldType::integer, FieldType::number, FieldType::date, FieldType::boolean})
        if (code == field_type_code(type)) return type;
    return std::nullopt;
}

class FieldSpecReader {
public:
    FieldSpecReader(const Json& json, std::size_t index, std::vector<std::string>& errors)
        : json_(json), errors_(errors), context_("field #" + std::to_string(index + 1)) {}

    std::optional<FieldSpec> read() {
        if (!json_.is_object()) return fail("is not an object");
        static const std::set<std::string> known = {"name", "type", "label", "synonyms", "required", "id",
                                                    "protected", "min", "max", "values", "description"};
        for (const auto& item : json_.items())
            if (!known.count(item.key())) error("unknown key '" + item.key() + "'");

        FieldSpec field;
        const auto name = text("name");
        if (!name || name->empty()) return fail("needs a non-empty \"name\"");
        field.name = *name;
        context_ = "field '" + field.name + "'";
        for (char c : field.name)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
                error("name may only hold a-z, 0-9, '_' and '.'");

        const auto type_code = text("type");
        const auto type = type_code ? field_type_from_code(*type_code) : std::nullopt;
        if (!type) error("\"type\" must be one of text, integer, number, date, boolean");
        else field.type = *type;

        const auto label = json_.find("label");
        if (label == json_.end() || !label->is_object()) {
            error("needs \"label\": {\"nl\": ..., \"en\": ...}");
        } else {
            for (const auto& item : label->items())
                if (item.key() != "nl" && item.key() != "en") error("label has unknown language '" + item.key() + "'");
            const auto nl = label->find("nl");
            const auto en = label->find("en");
            if (nl == label->end() || !nl->is_string() || nl->get<std::string>().empty()) error("needs a Dutch label");
            else field.label_nl = nl->get<std::string>();
            if (en == label->end() || !en->is_string() || en->get<std::string>().empty()) error("needs an English label");
            else field.label_en = en->get<std::string>();
        }
        field.synonyms = text_list("synonyms");
        field.values = text_list("values");
        field.required = flag("required");
        field.is_id = flag("id");
        field.protected_attribute = flag("protected");
        field.min = bound("min", field.type);
        field.max = bound("max", field.type);
        if (field.min && field.max && *field.min > *field.max) error("min is greater than max");
        if ((field.min || field.max) && (field.type == FieldType::text || field.type == FieldType::boolean))
            error("min/max only apply to integer, number and date fields");
        if (!field.values.empty() && field.type != FieldType::text) error("values only apply to text fields");
        if (field.is_id && (field.type != FieldType::text || !field.required || field.protected_attribute))
            error("the id field must be text, required and not protected");
        if (field.protected_attribute && field.required) error("a protected field cannot be required");
        return field;
    }

private:
    std::optional<FieldSpec> fail(const std::string& message) {
        error(message);
        return std::nullopt;
    }
    void error(const std::string& message) { errors_.push_back(context_ + ": " + message); }

    std::optional<std::string> text(const char* key) {
        const auto found = json_.find(key);
        if (found == json_.end()) return std::nullopt;
        if (!found->is_string()) {
            error(std::string("\"") + key + "\" must be a string");
            return std::nullopt;
        }
        return found->get<std::string>();
    }

    std::vector<std::string> text_list(const char* key) {
        std::vector<std::string> result;
        const auto found = json_.find(key);
        if (found == json_.end()) return result;
        if (!found->is_array()) {
            error(std::string("\"") + key + "\" must be a list of strings");
            return result;
        }
        for (const auto& item : *found) {
            if (item.is_string()) result.push_back(item.get<std::string>());
            else error(std::string("\"") + key + "\" must be a list of strings");
        }
        return result;
    }

    bool flag(const char* key) {
        const auto found = json_.find(key);
        if (found == json_.end()) return false;
        if (!found->is_boolean()) {
            error(std::string("\"") + key + "\" must be true or false");
            return false;
        }
        return found->get<bool>();
    }

    std::optional<double> bound(const char* key, FieldType type) {
        const auto found = json_.find(key);
        if (found == json_.end()) return std::nullopt;
        if (type == FieldType::date) {
            const auto day = found->is_string() ? parse_iso_date(found->get<std::string>()) : std::nullopt;
            if (!day) error(std::string("\"") + key + "\" of a date field must be a YYYY-MM-DD date");
            return day ? std::optional<double>(*day) : std::nullopt;
        }
        if (!found->is_number()) {
            error(std::string("\"") + key + "\" must be a number");
            return std::nullopt;
        }
        return found->get<double>();
    }

    const Json& json_;
    std::vector<std::string>& errors_;
    std::string context_;
};

// Every spelling that auto-mapping will recognise must point at one field only.
void check_spellings(const FieldDictionary& dictionary, std::vector<std::string>& errors) {
    std::map<std::string, std::string> owner;  // normalised spelling -> field name
    for (const FieldSpec& field : dictionary.fields) {
        std::vector<std::string> spellings = field.synonyms;
        spellings.push_back(field.name);
        spellings.push_back(field.label_nl);
        spellings.push_back(field.label_en);
        for (const std::string& spelling : spellings) {
            const std::string key = normalise_header(spelling);
            if (key.empty()) {
                errors.push_back("field '" + field.name + "': synonym '" + spelling + "' has no letters or digits");
                continue;
            }
            const auto [it, inserted] = owner.emplace(key, field.name);
            if (!inserted && it->second != field.name)
                errors.push_back("header spelling '" + spelling + "' matches both '" + it->second + "' and '" +
                                 field.name + "'");
        }
    }
}

std::vector<std::string> spellings_of(const FieldSpec& field) {
    std::vector<std::string> spellings = field.synonyms;
    spellings.push_back(field.name);
    spellings.push_back(field.label_nl);
    spellings.push_back(field.label_en);
    return spellings;
}

}  // namespace

const char* field_type_code(FieldType type) {
    switch (type) {
    case FieldType::text: return "text";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::date: return "date";
    case FieldType::boolean: return "boolean";
    }
    return "";
}

ValueKind value_kind_for(const FieldSpec& field) {
    switch (field.type) {
    case FieldType::text: return field.values.empty() ? ValueKind::text : ValueKind::category;
    case FieldType::integer: return ValueKind::whole_number;
    case FieldType::number: return ValueKind::number;
    case FieldType::date: return ValueKind::date;
    case FieldType::boolean: return ValueKind::boolean;
    }
    return ValueKind::text;
}

ColumnType column_type_for(FieldType type) {
    switch (type) {
    case FieldType::text: return ColumnType::text;
    case FieldType::integer: return ColumnType::integer;
    case FieldType::number: return ColumnType::number;
    case FieldType::date: return ColumnType::date;
    case FieldType::boolean: return ColumnType::integer;
    }
    return ColumnType::text;
}

const FieldSpec* FieldDictionary::find(std::string_view name) const {
    for (const FieldSpec& field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

const FieldSpec& FieldDictionary::id_field() const {
    for (const FieldSpec& field : fields)
        if (field.is_id) return field;
    return fields.front();
}

bool FieldDictionary::is_protected(std::string_view name) const {
    const FieldSpec* field = find(name);
    return field && field->protected_attribute;
}

std::set<std::string> FieldDictionary::protected_names() const {
    std::set<std::string> names;
    for (const FieldSpec& field : fields)
        if (field.protected_attribute) names.insert(field.name);
    return names;
}

DictionaryLoad load_field_dictionary(std::string_view json_text) {
    DictionaryLoad load;
    const Checked<Json> parsed = parse_json_strict(json_text);
    if (!parsed) {
        load.errors.push_back(json_refusal("the field dictionary", parsed.error()));
        return load;
    }
    const Json& json = *parsed;
    if (!json.is_object() || !json.contains("fields") || !json["fields"].is_array()) {
        load.errors.push_back("the field dictionary needs a \"fields\" list");
        return load;
    }
    for (const auto& item : json.items())
        if (item.key() != "version" && item.key() != "fields" && item.key() != "description")
            load.errors.push_back("unknown key '" + item.key() + "'");
    FieldDictionary dictionary;
    if (json.contains("version")) {
        if (json["version"].is_number_integer()) dictionary.version = json["version"].get<int>();
        else load.errors.push_back("\"version\" must be a whole number");
    }
    std::set<std::string> names;
    std::size_t id_count = 0;
    const Json& fields = json["fields"];
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto field = FieldSpecReader(fields[i], i, load.errors).read();
        if (!field) continue;
        if (!names.insert(field->name).second) load.errors.push_back("field '" + field->name + "' is defined twice");
        id_count += field->is_id ? 1 : 0;
        dictionary.fields.push_back(std::move(*field));
    }
    if (id_count != 1) load.errors.push_back("exactly one field must be the id (\"id\": true), found " + std::to_string(id_count));
    check_spellings(dictionary, load.errors);
    if (load.errors.empty()) load.dictionary = std::move(dictionary);
    return load;
}

DictionaryLoad load_custom_field_dictionary(std::string_view json_text, const FieldDictionary& built_in) {
    DictionaryLoad load = load_field_dictionary(json_text);
    if (!load.dictionary) return load;
    FieldDictionary dictionary = std::move(*load.dictionary);
    load.dictionary.reset();
    std::map<std::string, std::size_t> custom_spelling;  // normalised spelling -> custom field
    for (std::size_t i = 0; i < dictionary.fields.size(); ++i)
        for (const std::string& spelling : spellings_of(dictionary.fields[i]))
            custom_spelling.emplace(normalise_header(spelling), i);
    for (const FieldSpec& kept : built_in.fields) {
        if (!kept.protected_attribute) continue;
        // Custom fields with its name or one of its spellings become protected themselves.
        std::set<std::size_t> claiming;
        for (std::size_t i = 0; i < dictionary.fields.size(); ++i)
            if (dictionary.fields[i].name == kept.name) claiming.insert(i);
        for (const std::string& spelling : spellings_of(kept)) {
            const auto found = custom_spelling.find(normalise_header(spelling));
            if (found != custom_spelling.end()) claiming.insert(found->second);
        }
        for (std::size_t i : claiming) {
            FieldSpec& field = dictionary.fields[i];
            if (field.is_id || field.required)
                load.errors.push_back("field '" + field.name + "' spells the built-in protected field '" + kept.name +
                                      "', so it is protected and cannot be the id or required");
            field.protected_attribute = true;
        }
        // Every other spelling of the protected field still finds a protected field: the first
        // claiming field takes them over, or else the built-in field is added as it is.
        const std::size_t owner = claiming.empty() ? dictionary.fields.size() : *claiming.begin();
        if (claiming.empty()) dictionary.fields.push_back(kept);
        for (const std::string& spelling : spellings_of(kept)) {
            const auto [it, added] = custom_spelling.emplace(normalise_header(spelling), owner);
            if (added && !claiming.empty()) dictionary.fields[owner].synonyms.push_back(spelling);
        }
    }
    std::vector<std::string> conflicts;
    check_spellings(dictionary, conflicts);
    for (const std::string& conflict : conflicts)
        load.errors.push_back("with the built-in protected fields kept: " + conflict);
    if (load.errors.empty()) load.dictionary = std::move(dictionary);
    return load;
}

}  // namespace radar
