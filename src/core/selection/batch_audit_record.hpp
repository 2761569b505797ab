// What the group audit showed when a batch was frozen (issue #18: "every frozen batch carries its
// audit, so a later reader sees what the team saw"): per grouping and group the dataset size, the
// members chosen by the list and by the control sample, the selection rate and its disparity
// against the reference group with the fair band of the day. Recorded with the batch, never
// recomputed: later datasets and later choices do not change it. Labels do not exist yet at
// commit, so error rates are not part of it (the audit computes them later, per batch).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

struct RecordedGroup {
    std::string group;
    std::uint32_t dossiers = 0;
    std::uint32_t selected = 0;
    std::uint32_t control = 0;
    std::optional<double> selection_rate;  // selected / dossiers
    std::optional<double> ratio;           // against the reference group's selection rate
    std::optional<double> ratio_low;       // Katz 95% interval
    std::optional<double> ratio_high;
    std::optional<bool> in_band;
    bool too_few = false;
    bool reference = false;

    bool operator==(const RecordedGroup& other) const;
};

struct RecordedGrouping {
    std::string grouping;
    bool protected_attribute = false;
    std::string reference_group;
    bool reference_chosen = false;  // false: the largest group
    std::vector<RecordedGroup> groups;

    bool operator==(const RecordedGrouping& other) const;
};

struct BatchAuditRecord {
    double band_low = 0.8;
    double band_high = 1.25;
    std::uint32_t min_group_size = 30;
    std::vector<RecordedGrouping> groupings;

    bool operator==(const BatchAuditRecord& other) const;
};

// Absent optional figures are left out of the JSON (and read back as absent).
Json batch_audit_to_json(const BatchAuditRecord& record);
Checked<BatchAuditRecord> batch_audit_from_json(const Json& value, const std::string& context);

}  // namespace radar
