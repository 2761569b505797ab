// Header -> field mapping: automatic (normalised header against field names, labels and
// synonyms), overridden by a named mapping profile the user saved for an export, and
// serialisable to/from JSON. Columns that map to no field are kept as extra attributes.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/strict_json.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar {

enum class MappingOrigin {
    automatic,      // header matched a field's name, label or synonym
    profile,        // the mapping profile maps this header to the field
    profile_extra,  // the mapping profile says: keep as an extra attribute
    unmatched,      // nothing matched: kept as an extra attribute
    field_taken,    // matched a field already mapped from another column: kept as extra
};

// "automatic", "profile", "profile_extra", "unmatched", "field_taken".
const char* mapping_origin_code(MappingOrigin origin);

struct HeaderMapping {
    std::string header;  // as in the file (UTF-8)
    std::string field;   // canonical field name; empty = extra attribute
    MappingOrigin origin = MappingOrigin::unmatched;
    // The column holds a protected attribute: its header spells a protected field (e.g.
    // "Geboorteland"), it was mapped to one, or the profile says so. It stays protected when the
    // user maps it elsewhere or keeps it as an extra attribute.
    bool protected_attribute = false;
    // An extra attribute's type as the user chose it; nothing = inferred from its values.
    std::optional<ValueKind> kind = std::nullopt;
};

struct MappingProfile {
    struct Entry {
        std::string header;
        std::string field;  // empty = keep as extra attribute
        bool protected_attribute = false;  // the column holds a protected attribute, wherever it maps
        std::optional<ValueKind> kind = std::nullopt;  // extra attributes only: the type the user chose
    };
    std::string name;
    std::vector<Entry> entries;
};

// {"name": "...", "columns": [{"header": "Dossiernr", "field": "dossier_id"},
//                             {"header": "Opmerking", "field": null},
//                             {"header": "Land", "field": null, "protected": true},
//                             {"header": "Vergund", "field": null, "type": "boolean"}]}
// "type" (a value_kind_code) is only written for an extra attribute whose type the user chose.
OrderedJson mapping_profile_json_value(const MappingProfile& profile);
std::string mapping_profile_to_json(const MappingProfile& profile);  // the value above, indented

struct ProfileLoad {
    std::optional<MappingProfile> profile;  // set only when `errors` is empty
    std::vector<std::string> errors;
};

// Checks the structure, that every field exists in the dictionary, that no field is the target
// of two entries and that a "type" is a known kind given to an extra attribute only. The text is
// parsed strictly (parse_json_strict: a key written twice is refused).
ProfileLoad load_mapping_profile(std::string_view json_text, const FieldDictionary& dictionary);
ProfileLoad load_mapping_profile_value(const Json& json, const FieldDictionary& dictionary);

// A profile recording every column's current mapping (what the UI saves after the user fixed it).
MappingProfile profile_from_mappings(std::string name, const std::vector<HeaderMapping>& mappings);

// The user's edit in the review: `column` now maps to `field` (empty = extra attribute); a column
// that held that field before becomes an extra attribute, so each field keeps one column at most.
// A protected column stays protected wherever it is mapped.
void assign_column(std::vector<HeaderMapping>& mappings, std::size_t column, const std::string& field);

// The user's type for an extra attribute in the review (nothing = inferred again from the values);
// ignored for a column mapped to a field, whose type is the field's.
void choose_column_kind(std::vector<HeaderMapping>& mappings, std::size_t column, std::optional<ValueKind> kind);

// True when the profile names exactly the file's headers (as a set): it was saved for this export.
bool profile_matches_headers(const MappingProfile& profile, const std::vector<std::string>& headers);

// Maps headers in file order; each field is mapped from one column at most (the first match;
// fields a profile assigns are kept for the column the profile names).
class HeaderMapper {
public:
    HeaderMapper(const FieldDictionary& dictionary, const MappingProfile* profile);
    HeaderMapping map(std::string_view header);

private:
    const MappingProfile::Entry* profile_entry(std::string_view header) const;

    const FieldDictionary& dictionary_;
    const MappingProfile* profile_;
    std::map<std::string, std::string> spellings_;  // normalised spelling -> field name
    std::set<std::string> reserved_by_profile_;
    std::set<std::string> taken_;
};

std::vector<HeaderMapping> map_headers(const std::vector<std::string>& headers, const FieldDictionary& dictionary,
                                       const MappingProfile* profile);

}  // namespace radar
