// Group audit: counting per group, rates, disparities against the reference group.
#include "core/fairness/group_audit.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/evaluation/version_evaluation.hpp"
#include "core/model/number_text.hpp"

namespace radar {
namespace {

// The counts behind one group's figures.
struct GroupCounts {
    std::size_t dossiers = 0;         // in the dataset
    std::size_t dossier_batches = 0;  // dossiers x batches: the selection rate's denominator
    std::size_t selected = 0;
    std::size_t selected_labelled = 0;
    std::size_t false_discoveries = 0;
    std::size_t control = 0;
    std::size_t control_labelled = 0;
    std::size_t false_omissions = 0;
    std::size_t not_yet_known = 0;

    void add(const GroupCounts& other) {
        dossiers = other.dossiers;
        dossier_batches += other.dossier_batches;
        selected += other.selected;
        selected_labelled += other.selected_labelled;
        false_discoveries += other.false_discoveries;
        control += other.control;
        control_labelled += other.control_labelled;
        false_omissions += other.false_omissions;
        not_yet_known += other.not_yet_known;
    }
};

using CountsByGroup = std::map<std::string, GroupCounts>;

GroupRate rate(std::size_t hits, std::size_t total, FigureBasis basis) {
    GroupRate result;
    result.hits = hits;
    result.total = total;
    result.basis = basis;
    if (total == 0) return result;
    result.value = static_cast<double>(hits) / static_cast<double>(total);
    result.interval = wilson_interval(static_cast<double>(hits), static_cast<double>(total));
    return result;
}

// (x1/n1) / (x2/n2), the ratio from whole-number products so that 8/100 against 10/100 is 0.8
// exactly; the interval is Katz's.
Disparity disparity(const GroupRate& group, const GroupRate& reference, bool is_reference, const FairBand& band) {
    Disparity result;
    result.basis = group.basis;
    if (group.total == 0 || reference.total == 0 || reference.hits == 0) return result;
    result.ratio = static_cast<double>(group.hits * reference.total) / static_cast<double>(group.total * reference.hits);
    if (!is_reference)
        result.interval = katz_ratio(static_cast<double>(group.hits), static_cast<double>(group.total),
                                     static_cast<double>(reference.hits), static_cast<double>(reference.total))
                              .interval;
    result.in_band = in_fair_band(*result.ratio, band);
    return result;
}

// The group of each batch member, found in one pass over the dataset's ids (the last row with an
// id wins, as for the dataset's counts); a member not in the dataset is in not_in_dataset_group.
class MemberGroups {
public:
    MemberGroups(const Grouping& grouping, const std::vector<const FrozenBatch*>& batches) : grouping_(grouping) {
        for (const FrozenBatch* batch : batches)
            for (const FrozenMember& member : batch->members) groups_.emplace(member.dossier_id, Grouping::no_dossier);
        if (groups_.empty()) return;
        for (std::size_t row = 0; row < grouping.row_groups.size(); ++row) {
            if (grouping.row_groups[row] == Grouping::no_dossier) continue;
            const auto found = groups_.find(grouping.ids->texts[row]);
            if (found != groups_.end()) found->second = grouping.row_groups[row];
        }
    }
    const std::string& group_of(const std::string& dossier_id) const {
        static const std::string not_in_dataset(not_in_dataset_group);
        const auto found = groups_.find(dossier_id);
        return found == groups_.end() || found->second == Grouping::no_dossier ? not_in_dataset
                                                                              : grouping_.group_names[found->second];
    }

private:
    const Grouping& grouping_;
    std::unordered_map<std::string_view, std::uint32_t> groups_;  // views of the batches' member ids
};

GroupTable make_table(const CountsByGroup& counts, const std::string& reference, const AuditSettings& settings) {
    GroupTable table;
    for (const auto& [group, count] : counts) {
        table.selected += count.selected;
        table.control += count.control;
    }
    for (const auto& [group, count] : counts) {
        GroupFigures figures;
        figures.group = group;
        figures.dossiers = count.dossiers;
        figures.selected = count.selected;
        figures.control = count.control;
        figures.not_yet_known = count.not_yet_known;
        figures.selection_rate = rate(count.selected, count.dossier_batches, FigureBasis::selection);
        figures.list_share = rate(count.selected, table.selected, FigureBasis::selection);
        figures.false_discovery = rate(count.false_discoveries, count.selected_labelled, FigureBasis::screened_labels);
        figures.false_omission = rate(count.false_omissions, count.control_labelled, FigureBasis::control_sample);
        const bool precision_known = count.selected == 0 || figures.false_discovery.value;
        if (count.dossier_batches > 0 && figures.false_omission.value && precision_known &&
            count.selected <= count.dossier_batches) {
            const double precision = count.selected == 0 ? 0.0 : 1.0 - *figures.false_discovery.value;
            figures.base_rate.value =
                (static_cast<double>(count.selected) * precision +
                 static_cast<double>(count.dossier_batches - count.selected) * *figures.false_omission.value) /
                static_cast<double>(count.dossier_batches);
        }
        figures.too_few = count.dossiers < settings.min_group_size;
        figures.reference = group == reference;
        table.groups.push_back(std::move(figures));
    }
    const auto reference_row = std::find_if(table.groups.begin(), table.groups.end(),
                                            [](const GroupFigures& figures) { return figures.reference; });
    if (reference_row != table.groups.end()) {
        const GroupFigures base = *reference_row;
        for (GroupFigures& figures : table.groups) {
            figures.selection_disparity =
                disparity(figures.selection_rate, base.selection_rate, figures.reference, settings.band);
            figures.false_discovery_disparity =
                disparity(figures.false_discovery, base.false_discovery, figures.reference, settings.band);
            figures.false_omission_disparity =
                disparity(figures.false_omission, base.false_omission, figures.reference, settings.band);
        }
    }
    std::sort(table.groups.begin(), table.groups.end(), [](const GroupFigures& a, const GroupFigures& b) {
        if (a.dossiers != b.dossiers) return a.dossiers > b.dossiers;
        return a.group < b.group;
    });
    return table;
}

}  // namespace

std::string validate_fair_band(const FairBand& band) {
    if (!(band.low > 0.0 && band.low <= 1.0)) return "the band's lower end must be above 0 and at most 1";
    if (!(band.high >= 1.0 && band.high < 1e9)) return "the band's upper end must be at least 1";
    return {};
}

Checked<FairBand> parse_fair_band(std::string_view text) {
    const auto dash = text.find('-', 1);
    const auto fail = [&] {
        return Checked<FairBand>::failure("expected a band as LOW-HIGH, e.g. 0.8-1.25; got \"" + std::string(text) + "\"");
    };
    if (dash == std::string_view::npos) return fail();
    const auto low = parse_decimal(text.substr(0, dash));
    const auto high = parse_decimal(text.substr(dash + 1));
    if (!low || !high) return fail();
    const FairBand band{*low, *high};
    if (auto problem = validate_fair_band(band); !problem.empty()) return Checked<FairBand>::failure(problem);
    return band;
}

bool in_fair_band(double ratio, const FairBand& band) {
    constexpr double rounding = 1e-12;
    return ratio >= band.low * (1.0 - rounding) && ratio <= band.high * (1.0 + rounding);
}

const char* figure_basis_key(FigureBasis basis) {
    switch (basis) {
        case FigureBasis::dataset: return "dataset";
        case FigureBasis::selection: return "selection";
        case FigureBasis::screened_labels: return "screened_labels";
        case FigureBasis::control_sample: return "control_sample";
        case FigureBasis::control_and_screened: return "control_and_screened";
    }
    return "";
}

const char* figure_basis_label(FigureBasis basis, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (basis) {
        case FigureBasis::dataset: return nl ? "gegevens" : "dataset";
        case FigureBasis::selection: return nl ? "selectie" : "selection";
        case FigureBasis::screened_labels: return nl ? "alleen labels van gescreende dossiers" : "screened-only labels";
        case FigureBasis::control_sample: return nl ? "controlesteekproef" : "control sample";
        case FigureBasis::control_and_screened:
            return nl ? "controlesteekproef + labels van gescreende dossiers" : "control sample + screened labels";
    }
    return "";
}

Checked<GroupAudit> audit_groups(const Grouping& grouping, const ScreeningState& state,
                                 const std::vector<FrozenBatch>& batches, const AuditSettings& settings) {
    using Result = Checked<GroupAudit>;
    if (auto problem = validate_fair_band(settings.band); !problem.empty()) return Result::failure(problem);
    std::vector<GroupCounts> counts_by_number(grouping.group_names.size());
    for (const std::uint32_t group : grouping.row_groups) {
        if (group == Grouping::no_dossier) continue;
        ++counts_by_number[group].dossiers;
        ++counts_by_number[group].dossier_batches;
    }
    CountsByGroup dataset_counts;
    for (std::size_t group = 0; group < counts_by_number.size(); ++group)
        dataset_counts[grouping.group_names[group]] = counts_by_number[group];

    GroupAudit audit;
    audit.grouping = grouping.name;
    audit.protected_attribute = grouping.protected_attribute;
    audit.derived = grouping.derived;
    audit.band = settings.band;
    audit.min_group_size = settings.min_group_size;
    if (settings.reference_group) {
        if (!dataset_counts.count(*settings.reference_group)) {
            std::string list;
            for (const auto& [group, count] : dataset_counts) list += (list.empty() ? "\"" : ", \"") + group + "\"";
            return Result::failure("reference group \"" + *settings.reference_group + "\" does not occur in " +
                                   grouping.name + "; its groups: " + list);
        }
        audit.reference_group = *settings.reference_group;
        audit.reference_chosen = true;
    } else {
        std::size_t largest = 0;
        for (const auto& [group, count] : dataset_counts)
            if (count.dossiers > largest) {
                largest = count.dossiers;
                audit.reference_group = group;
            }
    }

    std::vector<const FrozenBatch*> chosen;
    for (const FrozenBatch& batch : batches)
        if (settings.period.contains(batch.month)) chosen.push_back(&batch);
    std::sort(chosen.begin(), chosen.end(), [](const FrozenBatch* a, const FrozenBatch* b) {
        return a->month != b->month ? a->month < b->month : a->batch_id < b->batch_id;
    });
    const MemberGroups member_groups(grouping, chosen);
    CountsByGroup pooled;
    for (const FrozenBatch* batch : chosen) {
        CountsByGroup counts = dataset_counts;
        for (const FrozenMember& member : batch->members) {
            GroupCounts& count = counts[member_groups.group_of(member.dossier_id)];
            const bool control = member.kind == SelectionKind::control;
            ++(control ? count.control : count.selected);
            const std::optional<MemberLabel> label =
                member_label(state, *batch, member, settings.definition, settings.today);
            if (!label) continue;
            if (label->status == LabelStatus::not_yet_known) {
                ++count.not_yet_known;
                continue;
            }
            const bool confirmed = label->status == LabelStatus::confirmed;
            if (control) {
                ++count.control_labelled;
                count.false_omissions += confirmed;
            } else {
                ++count.selected_labelled;
                count.false_discoveries += !confirmed;
            }
        }
        for (const auto& [group, count] : counts) pooled[group].add(count);
        GroupTable table = make_table(counts, audit.reference_group, settings);
        table.batch_id = batch->batch_id;
        table.month = batch->month;
        audit.batches.push_back(std::move(table));
    }
    if (chosen.empty())
        for (const auto& [group, count] : dataset_counts) pooled[group].dossiers = count.dossiers;
    audit.pooled = make_table(pooled, audit.reference_group, settings);
    return audit;
}

}  // namespace radar
