// How much of a batch is coded twice, blind: a setting of each batch (recorded with its selection
// settings), so that every later reader draws the same dossiers for the second screener.
#pragma once

#include <cstddef>
#include <string>

#include "core/base/checked.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

struct DoubleCodingSettings {
    double share = 0.10;        // of the batch's members
    std::size_t minimum = 3;    // at least this many (all members when the batch is smaller)

    bool operator==(const DoubleCodingSettings& other) const {
        return share == other.share && minimum == other.minimum;
    }
    bool operator!=(const DoubleCodingSettings& other) const { return !(*this == other); }
};

// "" when usable: share in 0..1, minimum 0..100000. A share of 0 with a minimum of 0 turns
// double coding off.
std::string validate_double_coding(const DoubleCodingSettings& settings);

// {"share": 0.1, "minimum": 3}; the reader refuses other fields and invalid values.
Json double_coding_to_json(const DoubleCodingSettings& settings);
Checked<DoubleCodingSettings> double_coding_from_json(const Json& value, const std::string& context);

}  // namespace radar
