// The audit recorded with a batch when it is frozen.
#include "core/fairness/commit_audit.hpp"

#include <algorithm>
#include <tuple>

#include "core/model/number_text.hpp"
#include "core/time/timestamp.hpp"

namespace radar {
namespace {

RecordedGroup recorded(const GroupFigures& figures) {
    RecordedGroup group;
    group.group = figures.group;
    group.dossiers = static_cast<std::uint32_t>(figures.dossiers);
    group.selected = static_cast<std::uint32_t>(figures.selected);
    group.control = static_cast<std::uint32_t>(figures.control);
    group.selection_rate = figures.selection_rate.value;
    const Disparity& disparity = figures.selection_disparity;
    group.ratio = disparity.ratio;
    if (disparity.interval) {
        group.ratio_low = disparity.interval->low;
        group.ratio_high = disparity.interval->high;
    }
    group.in_band = disparity.in_band;
    group.too_few = figures.too_few;
    group.reference = figures.reference;
    return group;
}

// The batches of the period, by month then id.
std::vector<const FrozenBatch*> batches_of(const std::vector<FrozenBatch>& batches, const MonthRange& period) {
    std::vector<const FrozenBatch*> chosen;
    for (const FrozenBatch& batch : batches)
        if (period.contains(batch.month)) chosen.push_back(&batch);
    std::sort(chosen.begin(), chosen.end(), [](const FrozenBatch* a, const FrozenBatch* b) {
        return std::tie(a->month, a->batch_id) < std::tie(b->month, b->batch_id);
    });
    return chosen;
}

std::string both(const char* dutch, const char* english) { return std::string(dutch) + " / " + english; }

std::string group_ratio_text(const RecordedGroup& group) {
    std::string text = (group.group.empty() ? std::string("(leeg / empty)") : group.group) + " ";
    text += group.ratio ? format_fixed(*group.ratio, 2) : std::string("-");
    if (group.ratio_low && group.ratio_high)
        text += " [" + format_fixed(*group.ratio_low, 2) + "-" + format_fixed(*group.ratio_high, 2) + "]";
    return text;
}

std::string join(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : "; ") + part;
    return text;
}

}  // namespace

Checked<BatchAuditRecord> audit_at_commit(const Dataset& dataset, const FieldDictionary* dictionary,
                                          const std::vector<std::string>& groupings, const FrozenBatch& batch,
                                          const AuditSettings& settings) {
    using Result = Checked<BatchAuditRecord>;
    AuditSettings at_commit = settings;
    at_commit.period = MonthRange{batch.month, batch.month};
    const ScreeningState no_labels;
    const std::vector<FrozenBatch> batches{batch};
    BatchAuditRecord record;
    record.band_low = settings.band.low;
    record.band_high = settings.band.high;
    record.min_group_size = static_cast<std::uint32_t>(settings.min_group_size);
    const std::vector<std::string> names = groupings.empty() ? default_groupings(dataset, dictionary) : groupings;
    for (const std::string& name : names) {
        const Checked<Grouping> grouping = grouping_named(dataset, name, dictionary);
        if (!grouping) return Result::failure(grouping.error());
        const Checked<GroupAudit> audit = audit_groups(*grouping, no_labels, batches, at_commit);
        if (!audit) return Result::failure(audit.error());
        RecordedGrouping out;
        out.grouping = audit->grouping;
        out.protected_attribute = audit->protected_attribute;
        out.reference_group = audit->reference_group;
        out.reference_chosen = audit->reference_chosen;
        for (const GroupFigures& figures : audit->pooled.groups) out.groups.push_back(recorded(figures));
        record.groupings.push_back(std::move(out));
    }
    return record;
}

Json audits_at_commit_json(const std::vector<FrozenBatch>& batches, const MonthRange& period) {
    Json out = Json::array();
    for (const FrozenBatch* batch : batches_of(batches, period))
        out.push_back({{"batch_id", batch->batch_id},
                       {"month", batch->month},
                       {"created_at", format_timestamp(batch->created_at)},
                       {"created_by", batch->created_by},
                       {"audit_at_commit", batch->audit_at_commit ? batch_audit_to_json(*batch->audit_at_commit)
                                                                  : Json(nullptr)}});
    return out;
}

std::string audits_at_commit_text(const std::vector<FrozenBatch>& batches, const MonthRange& period) {
    std::string text = "\n## " + both("audit bij het vastleggen van elke batch", "the audit each batch was frozen with") + "\n";
    for (const FrozenBatch* batch : batches_of(batches, period)) {
        text += "\n  [batch " + batch->batch_id + " (" + batch->month + "), " + format_timestamp(batch->created_at) + ", " +
                batch->created_by + "]\n";
        if (!batch->audit_at_commit) {
            text += "    " + both("vastgelegd voordat batches hun audit bewaarden", "frozen before batches kept their audit") + "\n";
            continue;
        }
        const BatchAuditRecord& record = *batch->audit_at_commit;
        text += "    " + both("eerlijke band", "fair band") + ": " + format_fixed(record.band_low, 2) + " - " +
                format_fixed(record.band_high, 2) + "\n";
        for (const RecordedGrouping& grouping : record.groupings) {
            std::vector<std::string> outside;
            std::vector<std::string> too_few;
            for (const RecordedGroup& group : grouping.groups) {
                if (group.too_few) too_few.push_back(group.group.empty() ? "(leeg / empty)" : group.group);
                else if (group.in_band == false) outside.push_back(group_ratio_text(group));
            }
            text += "    " + grouping.grouping + " (" + both("referentie", "reference") + " " + grouping.reference_group +
                    "): " + (outside.empty() ? both("alle groepen in de band", "every group inside the band")
                                             : both("buiten de band", "outside the band") + ": " + join(outside)) + "\n";
            if (!too_few.empty())
                text += "      " + both("te weinig om te beoordelen", "too few to judge") + ": " + join(too_few) + "\n";
        }
    }
    return text;
}

}  // namespace radar
