// All user-visible UI strings in Dutch (default) and English, looked up through one table.
#pragma once

#include <cstdint>
#include <string>

#include "civil_date.hpp"

namespace radar::ui {

enum class Language { dutch, english };

enum class TextId {
#define RADAR_TEXT(id, dutch, english) id,
#include "ui/texts.inc"
#undef RADAR_TEXT
    count
};

void set_language(Language language);
Language language();
const char* language_code();  // "nl" or "en"

const char* tr(TextId id);
// Care type codes in the data are Dutch ("gezinsopvang"); shown translated.
const char* care_type_label(const std::string& code);
// "28 november 2026" / "28 November 2026".
std::string long_date(DayNumber day);
// Thousands separators: "100.000" (nl) / "100,000" (en).
std::string group_thousands(std::uint64_t value);
// One decimal with the language's decimal mark: "12,5" / "12.5".
std::string one_decimal(double value);

}  // namespace radar::ui
