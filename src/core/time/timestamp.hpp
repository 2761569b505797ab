// Moments in time (UTC, millisecond resolution) as recorded on events and batches, with the
// ISO 8601 text form "2024-01-15T10:22:33.123Z" that JavaScript's Date.toISOString() produces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time/civil_date.hpp"

namespace radar {

struct Timestamp {
    std::int64_t millis = 0;  // since 1970-01-01T00:00:00Z

    friend bool operator==(Timestamp a, Timestamp b) { return a.millis == b.millis; }
    friend bool operator!=(Timestamp a, Timestamp b) { return a.millis != b.millis; }
    friend bool operator<(Timestamp a, Timestamp b) { return a.millis < b.millis; }
};

// Accepts "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DDTHH:MM:SS.mmmZ" only (UTC, no offsets).
std::optional<Timestamp> parse_timestamp(std::string_view text);
// Always "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string format_timestamp(Timestamp time);
// The UTC calendar day the moment falls on.
DayNumber day_of(Timestamp time);

}  // namespace radar
