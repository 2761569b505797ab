// The translation table and locale-aware formatting of dates and numbers.
#include "session/i18n.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "platform/platform.hpp"

namespace radar::session {
namespace {

Language current_language = Language::dutch;

struct Translation {
    const char* dutch;
    const char* english;
};

constexpr Translation table[] = {
#define RADAR_TEXT(id, dutch, english) {dutch, english},
#include "session/texts.inc"
#undef RADAR_TEXT
};
static_assert(std::size(table) == static_cast<std::size_t>(TextId::count));

struct CountedTranslation {
    const char* dutch_one;
    const char* dutch_other;
    const char* english_one;
    const char* english_other;
};

constexpr CountedTranslation counted_table[] = {
#define RADAR_COUNTED(id, dutch_one, dutch_other, english_one, english_other) {dutch_one, dutch_other, english_one, english_other},
#include "session/counted_texts.inc"
#undef RADAR_COUNTED
};
static_assert(std::size(counted_table) == static_cast<std::size_t>(CountedText::count));

constexpr bool every_text_has_both_languages() {
    for (const Translation& entry : table)
        if (!entry.dutch || !entry.english || !*entry.dutch || !*entry.english) return false;
    return true;
}
static_assert(every_text_has_both_languages(), "a row of texts.inc lacks its Dutch or English text");

}  // namespace

void set_language(Language language) { current_language = language; }
Language language() { return current_language; }
const char* language_code() { return current_language == Language::dutch ? "nl" : "en"; }

const char* tr(TextId id) {
    const Translation& entry = table[static_cast<std::size_t>(id)];
    return current_language == Language::dutch ? entry.dutch : entry.english;
}

const char* counted(CountedText id, std::uint64_t count) {
    const CountedTranslation& entry = counted_table[static_cast<std::size_t>(id)];
    if (current_language == Language::dutch) return count == 1 ? entry.dutch_one : entry.dutch_other;
    return count == 1 ? entry.english_one : entry.english_other;
}

std::string counted_text(CountedText id, std::uint64_t count) {
    char text[512];
    std::snprintf(text, sizeof text, counted(id, count), group_thousands(count).c_str());
    return text;
}

std::string month_text(DayNumber day) { return format_month_year(day, language()); }

std::string date_text(DayNumber day) { return format_date(day, current_language); }

std::string date_time_text(Timestamp at) { return format_date_time(at, local_utc_offset(), current_language); }

const UtcOffsetAt& local_utc_offset() {
    static const UtcOffsetAt offset = [](Timestamp at) { return platform::utc_offset_minutes(at); };
    return offset;
}

std::string group_thousands(std::uint64_t value) {
    const std::string digits = std::to_string(value);
    const char separator = current_language == Language::dutch ? '.' : ',';
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string one_decimal(double value) { return decimal_text(value, 1); }

std::string decimal_text(double value, int places) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
    std::string text = buffer;
    if (current_language == Language::dutch)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string filled(TextId id, std::initializer_list<std::string> values) {
    std::string out;
    auto next = values.begin();
    for (const char* c = tr(id); *c; ++c) {
        if (c[0] == '%' && c[1] == 's') {
            if (next != values.end()) out += *next++;
            ++c;
        } else {
            out += *c;
        }
    }
    return out;
}

}  // namespace radar::session
