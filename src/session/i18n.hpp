// All user-visible UI strings in Dutch (default) and English, looked up through one table.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/time/civil_date.hpp"
#include "core/time/date_text.hpp"
#include "core/base/text_language.hpp"
#include "core/time/timestamp.hpp"

namespace radar::session {

// One language enum for the views and the core's sentences.
using Language = TextLanguage;

enum class TextId {
#define RADAR_TEXT(id, dutch, english) id,
#include "session/texts.inc"
#undef RADAR_TEXT
    count
};

// Texts whose words follow a count (counted_texts.inc).
enum class CountedText {
#define RADAR_COUNTED(id, dutch_one, dutch_other, english_one, english_other) id,
#include "session/counted_texts.inc"
#undef RADAR_COUNTED
    count
};

void set_language(Language language);
Language language();
const char* language_code();  // "nl" or "en"

const char* tr(TextId id);
// The form of `id` for `count` (one or other) in the current language, a format string.
const char* counted(CountedText id, std::uint64_t count);
// That form with the grouped count filled in: "1 dossier", "2.400 dossiers".
std::string counted_text(CountedText id, std::uint64_t count);
// The one date format on screen: "3 december 2026" / "3 December 2026".
std::string date_text(DayNumber day);
// A month: "december 2025" / "December 2025".
std::string month_text(DayNumber day);
// A moment in the user's local time: "3 december 2026, 15:29".
std::string date_time_text(Timestamp at);
// The device's UTC offset at a moment, for core functions that show moments.
const UtcOffsetAt& local_utc_offset();
// Thousands separators: "100.000" (nl) / "100,000" (en).
std::string group_thousands(std::uint64_t value);
// One decimal with the language's decimal mark: "12,5" / "12.5".
std::string one_decimal(double value);
// `places` decimals with the language's decimal mark: decimal_text(0.6875, 3) = "0,688" (nl).
std::string decimal_text(double value, int places);
// The text of `id` with each %s replaced by the next value, in order.
std::string filled(TextId id, std::initializer_list<std::string> values);

}  // namespace radar::session
