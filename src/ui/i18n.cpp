// The translation table and locale-aware formatting of dates and numbers.
#include "ui/i18n.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace radar::ui {
namespace {

Language current_language = Language::dutch;

struct Translation {
    const char* dutch;
    const char* english;
};

constexpr Translation table[] = {
#define RADAR_TEXT(id, dutch, english) {dutch, english},
#include "ui/texts.inc"
#undef RADAR_TEXT
};
static_assert(std::size(table) == static_cast<std::size_t>(TextId::count));

constexpr bool every_text_has_both_languages() {
    for (const Translation& entry : table)
        if (!entry.dutch || !entry.english || !*entry.dutch || !*entry.english) return false;
    return true;
}
static_assert(every_text_has_both_languages(), "a row of texts.inc lacks its Dutch or English text");

constexpr std::array<const char*, 12> dutch_months{{"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                                     "augustus", "september", "oktober", "november", "december"}};
constexpr std::array<const char*, 12> english_months{{"January", "February", "March", "April", "May", "June", "July",
                                                       "August", "September", "October", "November", "December"}};

}  // namespace

void set_language(Language language) { current_language = language; }
Language language() { return current_language; }
const char* language_code() { return current_language == Language::dutch ? "nl" : "en"; }

const char* tr(TextId id) {
    const Translation& entry = table[static_cast<std::size_t>(id)];
    return current_language == Language::dutch ? entry.dutch : entry.english;
}

const char* care_type_label(const std::string& code) {
    const bool dutch = current_language == Language::dutch;
    if (code == "gezinsopvang") return dutch ? "gezinsopvang" : "family-based care";
    if (code == "groepsopvang") return dutch ? "groepsopvang" : "group care";
    if (code == "buitenschoolse opvang") return dutch ? "buitenschoolse opvang" : "out-of-school care";
    return code.c_str();
}

std::string long_date(DayNumber day) {
    const CivilDate date = civil_from_days(day);
    const auto& months = current_language == Language::dutch ? dutch_months : english_months;
    return std::to_string(date.day) + " " + months[static_cast<std::size_t>(date.month - 1)] + " " +
           std::to_string(date.year);
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

std::string one_decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    if (current_language == Language::dutch)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

}  // namespace radar::ui
