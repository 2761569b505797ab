// Validation and JSON form of the selection settings.
#include "core/selection/selection_settings.hpp"

namespace radar {

std::string validate_settings(const SelectionSettings& settings) {
    if (settings.capacity < 1 || settings.capacity > 100000) return "field 'capacity': must be between 1 and 100000";
    if (settings.cooldown_months < 0 || settings.cooldown_months > 120)
        return "field 'cooldown_months': must be between 0 and 120";
    if (settings.control_size > 100000) return "field 'control_size': must be at most 100000";
    if (settings.control_seed > max_control_seed) return "field 'control_seed': must be below 2^53";
    if (settings.coverage_floor_months < 1 || settings.coverage_floor_months > 600)
        return "field 'coverage_floor_months': must be between 1 and 600";
    if (settings.coverage_floor_limit > 100000) return "field 'coverage_floor_limit': must be at most 100000";
    if (settings.signal_override && settings.signal_fields.empty())
        return "field 'signal_fields': the signal override needs at least one signal date field";
    if (std::string problem = validate_double_coding(settings.double_coding); !problem.empty())
        return "field 'double_coding': " + problem;
    for (const std::string& field : settings.signal_fields)
        if (field.empty()) return "field 'signal_fields': a field name must not be empty";
    return {};
}

Json settings_to_json(const SelectionSettings& settings) {
    Json out{{"capacity", settings.capacity},
             {"cooldown_months", settings.cooldown_months},
             {"exclude_active_enforcement", settings.exclude_active_enforcement},
             {"exclude_closed", settings.exclude_closed},
             {"signal_override", settings.signal_override},
             {"signal_fields", settings.signal_fields},
             {"control_size", settings.control_size},
             {"control_seed", settings.control_seed},
             {"coverage_floor", settings.coverage_floor},
             {"coverage_floor_months", settings.coverage_floor_months},
             {"coverage_floor_limit", settings.coverage_floor_limit}};
    if (settings.double_coding != DoubleCodingSettings{})
        out["double_coding"] = double_coding_to_json(settings.double_coding);
    return out;
}

Checked<SelectionSettings> settings_from_json(const Json& value, const std::string& context) {
    FieldReader reader(value, context);
    SelectionSettings settings;
    settings.capacity = static_cast<std::uint32_t>(reader.unsigned_integer("capacity", UINT32_MAX));
    settings.cooldown_months = static_cast<std::int32_t>(reader.integer("cooldown_months", 0, 120));
    settings.exclude_active_enforcement = reader.boolean("exclude_active_enforcement");
    settings.exclude_closed = reader.boolean("exclude_closed");
    settings.signal_override = reader.boolean("signal_override");
    settings.signal_fields.clear();
    if (const Json* fields = reader.array("signal_fields")) {
        for (const Json& field : *fields) {
            if (!field.is_string()) {
                reader.fail("signal_fields", "every item must be a field name");
                break;
            }
            settings.signal_fields.push_back(field.get<std::string>());
        }
    }
    settings.control_size = static_cast<std::uint32_t>(reader.unsigned_integer("control_size", UINT32_MAX));
    settings.control_seed = reader.unsigned_integer("control_seed", max_control_seed);
    settings.coverage_floor = reader.boolean("coverage_floor");
    settings.coverage_floor_months = static_cast<std::int32_t>(reader.integer("coverage_floor_months", 1, 600));
    settings.coverage_floor_limit = static_cast<std::uint32_t>(reader.unsigned_integer("coverage_floor_limit", UINT32_MAX));
    if (reader.has("double_coding")) {
        if (const Json* double_coding = reader.object("double_coding")) {
            Checked<DoubleCodingSettings> parsed = double_coding_from_json(*double_coding, context + ": double_coding");
            if (!parsed) return Checked<SelectionSettings>::failure(parsed.error());
            settings.double_coding = *parsed;
        }
    }
    if (!reader.finish()) return Checked<SelectionSettings>::failure(reader.error());
    const std::string problem = validate_settings(settings);
    if (!problem.empty()) return Checked<SelectionSettings>::failure(context + ": " + problem);
    return settings;
}

}  // namespace radar
