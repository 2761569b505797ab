// Automatic and profile-driven header mapping, and mapping profile JSON.
#include "core/import/column_mapping.hpp"

#include "core/import/header_normalisation.hpp"

namespace radar {

const char* mapping_origin_code(MappingOrigin origin) {
    switch (origin) {
    case MappingOrigin::automatic: return "automatic";
    case MappingOrigin::profile: return "profile";
    case MappingOrigin::profile_extra: return "profile_extra";
    case MappingOrigin::unmatched: return "unmatched";
    case MappingOrigin::field_taken: return "field_taken";
    }
    return "";
}

OrderedJson mapping_profile_json_value(const MappingProfile& profile) {
    OrderedJson json;
    json["name"] = profile.name;
    json["columns"] = OrderedJson::array();
    for (const auto& entry : profile.entries) {
        OrderedJson column;
        column["header"] = entry.header;
        column["field"] = entry.field.empty() ? OrderedJson(nullptr) : OrderedJson(entry.field);
        if (entry.protected_attribute) column["protected"] = true;
        if (entry.kind && entry.field.empty()) column["type"] = value_kind_code(*entry.kind);
        json["columns"].push_back(std::move(column));
    }
    return json;
}

std::string mapping_profile_to_json(const MappingProfile& profile) {
    return mapping_profile_json_value(profile).dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

ProfileLoad load_mapping_profile(std::string_view json_text, const FieldDictionary& dictionary) {
    const Checked<Json> parsed = parse_json_strict(json_text);
    if (!parsed) return {std::nullopt, {json_refusal("the mapping profile", parsed.error())}};
    return load_mapping_profile_value(*parsed, dictionary);
}

ProfileLoad load_mapping_profile_value(const Json& json, const FieldDictionary& dictionary) {
    ProfileLoad load;
    if (!json.is_object() || !json.contains("columns") || !json["columns"].is_array()) {
        load.errors.push_back("a mapping profile needs a \"columns\" list");
        return load;
    }
    MappingProfile profile;
    if (json.contains("name")) {
        if (json["name"].is_string()) profile.name = json["name"].get<std::string>();
        else load.errors.push_back("\"name\" must be a string");
    }
    std::map<std::string, std::string> header_of_field;
    for (const auto& column : json["columns"]) {
        const bool header_ok = column.is_object() && column.contains("header") && column["header"].is_string();
        const bool field_ok = header_ok && column.contains("field") &&
                              (column["field"].is_string() || column["field"].is_null());
        if (!field_ok) {
            load.errors.push_back("every column needs \"header\" (text) and \"field\" (a field name or null)");
            continue;
        }
        MappingProfile::Entry entry{column["header"].get<std::string>(),
                                    column["field"].is_null() ? std::string() : column["field"].get<std::string>()};
        if (column.contains("protected")) {
            if (column["protected"].is_boolean()) entry.protected_attribute = column["protected"].get<bool>();
            else load.errors.push_back("column '" + entry.header + "': \"protected\" must be true or false");
        }
        if (column.contains("type")) {
            const auto kind = column["type"].is_string() ? value_kind_from_code(column["type"].get<std::string>())
                                                         : std::nullopt;
            if (!kind)
                load.errors.push_back("column '" + entry.header +
                                      "': \"type\" must be text, category, whole_number, number, date or boolean");
            else if (!entry.field.empty())
                load.errors.push_back("column '" + entry.header + "': only an extra attribute (field null) has a \"type\"");
            else
                entry.kind = kind;
        }
        if (!entry.field.empty()) {
            if (!dictionary.find(entry.field))
                load.errors.push_back("column '" + entry.header + "': unknown field '" + entry.field + "'");
            const auto [it, inserted] = header_of_field.emplace(entry.field, entry.header);
            if (!inserted)
                load.errors.push_back("field '" + entry.field + "' is mapped from both '" + it->second + "' and '" +
                                      entry.header + "'");
        }
        profile.entries.push_back(std::move(entry));
    }
    if (load.errors.empty()) load.profile = std::move(profile);
    return load;
}

MappingProfile profile_from_mappings(std::string name, const std::vector<HeaderMapping>& mappings) {
    MappingProfile profile;
    profile.name = std::move(name);
    for (const HeaderMapping& mapping : mappings)
        profile.entries.push_back({mapping.header, mapping.field, mapping.protected_attribute,
                                   mapping.field.empty() ? mapping.kind : std::nullopt});
    return profile;
}

void assign_column(std::vector<HeaderMapping>& mappings, std::size_t column, const std::string& field) {
    if (column >= mappings.size()) return;
    if (!field.empty())
        for (HeaderMapping& other : mappings)
            if (other.field == field) {
                other.field.clear();
                other.origin = MappingOrigin::profile_extra;
            }
    mappings[column].field = field;
    mappings[column].origin = field.empty() ? MappingOrigin::profile_extra : MappingOrigin::profile;
    if (!field.empty()) mappings[column].kind.reset();
}

void choose_column_kind(std::vector<HeaderMapping>& mappings, std::size_t column, std::optional<ValueKind> kind) {
    if (column >= mappings.size() || !mappings[column].field.empty()) return;
    mappings[column].kind = kind;
    mappings[column].origin = MappingOrigin::profile_extra;
}

bool profile_matches_headers(const MappingProfile& profile, const std::vector<std::string>& headers) {
    std::set<std::string> in_profile, in_file(headers.begin(), headers.end());
    for (const auto& entry : profile.entries) in_profile.insert(entry.header);
    return !in_file.empty() && in_profile == in_file;
}

HeaderMapper::HeaderMapper(const FieldDictionary& dictionary, const MappingProfile* profile)
    : dictionary_(dictionary), profile_(profile) {
    for (const FieldSpec& field : dictionary.fields) {
        spellings_.emplace(normalise_header(field.name), field.name);
        spellings_.emplace(normalise_header(field.label_nl), field.name);
        spellings_.emplace(normalise_header(field.label_en), field.name);
        for (const std::string& synonym : field.synonyms) spellings_.emplace(normalise_header(synonym), field.name);
    }
    if (profile)
        for (const auto& entry : profile->entries)
            if (!entry.field.empty()) reserved_by_profile_.insert(entry.field);
}

const MappingProfile::Entry* HeaderMapper::profile_entry(std::string_view header) const {
    if (!profile_) return nullptr;
    for (const auto& entry : profile_->entries)
        if (entry.header == header) return &entry;
    const std::string key = normalise_header(header);
    for (const auto& entry : profile_->entries)
        if (normalise_header(entry.header) == key) return &entry;
    return nullptr;
}

HeaderMapping HeaderMapper::map(std::string_view header) {
    HeaderMapping mapping;
    mapping.header = std::string(header);
    if (const auto spelled = spellings_.find(normalise_header(header)); spelled != spellings_.end())
        mapping.protected_attribute = dictionary_.is_protected(spelled->second);
    if (const auto* entry = profile_entry(header)) {
        mapping.protected_attribute = mapping.protected_attribute || entry->protected_attribute ||
                                      (!entry->field.empty() && dictionary_.is_protected(entry->field));
        if (entry->field.empty()) {
            mapping.origin = MappingOrigin::profile_extra;
            mapping.kind = entry->kind;
        } else if (taken_.count(entry->field) || !dictionary_.find(entry->field)) {
            mapping.origin = MappingOrigin::field_taken;
        } else {
            mapping.field = entry->field;
            mapping.origin = MappingOrigin::profile;
            taken_.insert(entry->field);
        }
        return mapping;
    }
    const std::string key = normalise_header(header);
    const auto found = key.empty() ? spellings_.end() : spellings_.find(key);
    if (found == spellings_.end()) {
        mapping.origin = MappingOrigin::unmatched;
    } else if (taken_.count(found->second) || reserved_by_profile_.count(found->second)) {
        mapping.origin = MappingOrigin::field_taken;
    } else {
        mapping.field = found->second;
        mapping.origin = MappingOrigin::automatic;
        taken_.insert(found->second);
    }
    return mapping;
}

std::vector<HeaderMapping> map_headers(const std::vector<std::string>& headers, const FieldDictionary& dictionary,
                                       const MappingProfile* profile) {
    HeaderMapper mapper(dictionary, profile);
    std::vector<HeaderMapping> result;
    for (const std::string& header : headers) result.push_back(mapper.map(header));
    return result;
}

}  // namespace radar
