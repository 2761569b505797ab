// Validation and JSON form of the double-coding settings.
#include "core/screening/double_coding_settings.hpp"

namespace radar {

std::string validate_double_coding(const DoubleCodingSettings& settings) {
    if (!(settings.share >= 0.0 && settings.share <= 1.0)) return "field 'share': must be 0..1";
    if (settings.minimum > 100000) return "field 'minimum': must be at most 100000";
    return {};
}

Json double_coding_to_json(const DoubleCodingSettings& settings) {
    return Json{{"share", settings.share}, {"minimum", settings.minimum}};
}

Checked<DoubleCodingSettings> double_coding_from_json(const Json& value, const std::string& context) {
    FieldReader reader(value, context);
    DoubleCodingSettings settings;
    settings.share = reader.number("share");
    settings.minimum = static_cast<std::size_t>(reader.unsigned_integer("minimum", 100000));
    if (!reader.finish()) return Checked<DoubleCodingSettings>::failure(reader.error());
    const std::string problem = validate_double_coding(settings);
    if (!problem.empty()) return Checked<DoubleCodingSettings>::failure(context + ": " + problem);
    return settings;
}

}  // namespace radar
