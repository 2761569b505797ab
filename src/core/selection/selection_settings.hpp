// The batch settings of the monthly selection (capacity, cooldown, exclusions, signal override,
// control sample, coverage floor, the share double coded). Every batch records the settings it was made with.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/base/strict_json.hpp"
#include "core/screening/double_coding_settings.hpp"

namespace radar {

// Control seeds stay below 2^53, so JavaScript reading a batch or backup sees the same number.
constexpr std::uint64_t max_control_seed = (std::uint64_t{1} << 53) - 1;

struct SelectionSettings {
    std::uint32_t capacity = 25;  // N: dossiers the team screens per month
    std::int32_t cooldown_months = 3;
    // Optional exclusions, off by default; a batch shows them when on.
    bool exclude_active_enforcement = false;  // enforcement_status other than "geen"
    bool exclude_closed = false;              // status "gesloten"
    // A dossier in cooldown with a serious signal dated after its last screening may be selected.
    bool signal_override = false;
    std::vector<std::string> signal_fields{"last_serious_signal_date"};  // date columns holding signals
    // k dossiers drawn at random from the eligible ones below the cut-off, with a seed drawn
    // from a cryptographic source for every batch (see preview_request.hpp) and recorded.
    std::uint32_t control_size = 0;
    std::uint64_t control_seed = 0;
    // Never-screened dossiers not inspected for more than M months are added (at most `limit`).
    bool coverage_floor = false;
    std::int32_t coverage_floor_months = 24;
    std::uint32_t coverage_floor_limit = 5;
    // The share of the batch a second screener codes blind (double_coding.hpp).
    DoubleCodingSettings double_coding;

    // The largest batch these settings can produce: N + k + floor limit.
    std::uint64_t max_batch_size() const {
        return std::uint64_t{capacity} + control_size + (coverage_floor ? coverage_floor_limit : 0);
    }
    bool operator==(const SelectionSettings& other) const {
        return capacity == other.capacity && cooldown_months == other.cooldown_months &&
               exclude_active_enforcement == other.exclude_active_enforcement &&
               exclude_closed == other.exclude_closed && signal_override == other.signal_override &&
               signal_fields == other.signal_fields && control_size == other.control_size &&
               control_seed == other.control_seed && coverage_floor == other.coverage_floor &&
               coverage_floor_months == other.coverage_floor_months &&
               coverage_floor_limit == other.coverage_floor_limit && double_coding == other.double_coding;
    }
    bool operator!=(const SelectionSettings& other) const { return !(*this == other); }
};

// "" when usable, else the field and the problem.
std::string validate_settings(const SelectionSettings& settings);
// The double-coding share is written only when it is not the default, so that settings and
// batches from before it existed keep their canonical text; absent, it reads as the default.
Json settings_to_json(const SelectionSettings& settings);
Checked<SelectionSettings> settings_from_json(const Json& value, const std::string& context = "settings");

}  // namespace radar
