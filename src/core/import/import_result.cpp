// Small helpers of ImportResult.
#include "core/import/import_result.hpp"

namespace radar {

const char* format_code(SourceFormat format) {
    switch (format) {
    case SourceFormat::csv: return "csv";
    case SourceFormat::json_array: return "json_array";
    case SourceFormat::json_object: return "json_object";
    case SourceFormat::ndjson: return "ndjson";
    }
    return "";
}

std::vector<HeaderMapping> ImportResult::mappings() const {
    std::vector<HeaderMapping> result;
    for (const ImportedColumn& column : columns)
        result.push_back({column.header, column.field, column.origin, column.protected_attribute,
                          column.kind_chosen ? std::optional<ValueKind>(column.kind) : std::nullopt});
    return result;
}

}  // namespace radar
