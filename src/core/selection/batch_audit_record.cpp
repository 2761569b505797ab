// The JSON form of the audit a batch carries from its commit.
#include "core/selection/batch_audit_record.hpp"

namespace radar {
namespace {

void put_optional(Json& out, const char* name, const std::optional<double>& value) {
    if (value) out[name] = *value;
}

std::optional<double> read_optional(FieldReader& reader, const char* name) {
    if (!reader.has(name)) return std::nullopt;
    return reader.number(name);
}

Json group_json(const RecordedGroup& group) {
    Json out{{"group", group.group},         {"dossiers", group.dossiers}, {"selected", group.selected},
             {"control", group.control},     {"too_few", group.too_few},   {"reference", group.reference}};
    put_optional(out, "selection_rate", group.selection_rate);
    put_optional(out, "ratio", group.ratio);
    put_optional(out, "ratio_low", group.ratio_low);
    put_optional(out, "ratio_high", group.ratio_high);
    if (group.in_band) out["in_band"] = *group.in_band;
    return out;
}

RecordedGroup read_group(FieldReader& reader) {
    RecordedGroup group;
    group.group = reader.text("group", true);
    group.dossiers = static_cast<std::uint32_t>(reader.unsigned_integer("dossiers", UINT32_MAX));
    group.selected = static_cast<std::uint32_t>(reader.unsigned_integer("selected", UINT32_MAX));
    group.control = static_cast<std::uint32_t>(reader.unsigned_integer("control", UINT32_MAX));
    group.too_few = reader.boolean("too_few");
    group.reference = reader.boolean("reference");
    group.selection_rate = read_optional(reader, "selection_rate");
    group.ratio = read_optional(reader, "ratio");
    group.ratio_low = read_optional(reader, "ratio_low");
    group.ratio_high = read_optional(reader, "ratio_high");
    if (reader.has("in_band")) group.in_band = reader.boolean("in_band");
    return group;
}

}  // namespace

bool RecordedGroup::operator==(const RecordedGroup& other) const {
    return group == other.group && dossiers == other.dossiers && selected == other.selected &&
           control == other.control && selection_rate == other.selection_rate && ratio == other.ratio &&
           ratio_low == other.ratio_low && ratio_high == other.ratio_high && in_band == other.in_band &&
           too_few == other.too_few && reference == other.reference;
}

bool RecordedGrouping::operator==(const RecordedGrouping& other) const {
    return grouping == other.grouping && protected_attribute == other.protected_attribute &&
           reference_group == other.reference_group && reference_chosen == other.reference_chosen &&
           groups == other.groups;
}

bool BatchAuditRecord::operator==(const BatchAuditRecord& other) const {
    return band_low == other.band_low && band_high == other.band_high && min_group_size == other.min_group_size &&
           groupings == other.groupings;
}

Json batch_audit_to_json(const BatchAuditRecord& record) {
    Json groupings = Json::array();
    for (const RecordedGrouping& grouping : record.groupings) {
        Json groups = Json::array();
        for (const RecordedGroup& group : grouping.groups) groups.push_back(group_json(group));
        groupings.push_back({{"grouping", grouping.grouping},
                             {"protected_attribute", grouping.protected_attribute},
                             {"reference_group", grouping.reference_group},
                             {"reference_chosen", grouping.reference_chosen},
                             {"groups", std::move(groups)}});
    }
    return Json{{"fair_band", {{"low", record.band_low}, {"high", record.band_high}}},
                {"min_group_size", record.min_group_size},
                {"groupings", std::move(groupings)}};
}

Checked<BatchAuditRecord> batch_audit_from_json(const Json& value, const std::string& context) {
    using Result = Checked<BatchAuditRecord>;
    FieldReader reader(value, context);
    BatchAuditRecord record;
    if (const Json* band = reader.object("fair_band")) {
        FieldReader band_reader(*band, context + ": fair_band");
        record.band_low = band_reader.number("low");
        record.band_high = band_reader.number("high");
        if (!band_reader.finish()) reader.fail_nested(band_reader.error());
    }
    record.min_group_size = static_cast<std::uint32_t>(reader.unsigned_integer("min_group_size", UINT32_MAX));
    if (const Json* groupings = reader.array("groupings")) {
        for (std::size_t i = 0; i < groupings->size() && reader.ok(); ++i) {
            const std::string where = context + ": groupings[" + std::to_string(i) + "]";
            FieldReader grouping_reader((*groupings)[i], where);
            RecordedGrouping grouping;
            grouping.grouping = grouping_reader.text("grouping");
            grouping.protected_attribute = grouping_reader.boolean("protected_attribute");
            grouping.reference_group = grouping_reader.text("reference_group", true);
            grouping.reference_chosen = grouping_reader.boolean("reference_chosen");
            if (const Json* groups = grouping_reader.array("groups")) {
                for (std::size_t g = 0; g < groups->size() && grouping_reader.ok(); ++g) {
                    FieldReader group_reader((*groups)[g], where + ": groups[" + std::to_string(g) + "]");
                    grouping.groups.push_back(read_group(group_reader));
                    if (!group_reader.finish()) grouping_reader.fail_nested(group_reader.error());
                }
            }
            if (!grouping_reader.finish()) reader.fail_nested(grouping_reader.error());
            record.groupings.push_back(std::move(grouping));
        }
    }
    if (!reader.finish()) return Result::failure(reader.error());
    return record;
}

}  // namespace radar
