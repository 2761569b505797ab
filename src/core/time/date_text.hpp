// Dates and times as people read them, in Dutch or English: the one format the app, its exports
// and the command line show ("3 december 2026", "3 December 2026", "3 december 2026, 15:29").
// ISO forms stay for files and keys.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/time/civil_date.hpp"
#include "core/base/text_language.hpp"
#include "core/time/timestamp.hpp"

namespace radar {

// "december 2026" / "December 2026".
std::string format_month_year(DayNumber day, TextLanguage language);
// "3 december 2026" / "3 December 2026".
std::string format_date(DayNumber day, TextLanguage language);

// A date typed by a person: "3 december 2026" or "3 Dec 2026" (Dutch or English month names,
// whole or their first three letters, any case), "3-12-2026", "3/12/2026", "3.12.2026" (day
// first, as in Belgium) or "2026-12-03". Nothing when it is not a real calendar day.
std::optional<DayNumber> parse_date_text(std::string_view text);

// Minutes east of UTC on this device at a moment (summer time included); the host supplies it,
// so moments read in the user's local time.
using UtcOffsetAt = std::function<int(Timestamp)>;
// The local calendar day of a moment.
DayNumber local_day(Timestamp at, const UtcOffsetAt& utc_offset);
// "3 december 2026, 15:29" in local time.
std::string format_date_time(Timestamp at, const UtcOffsetAt& utc_offset, TextLanguage language);

}  // namespace radar
