// Assembling the audit from its parts.
#include "core/fairness/audit_report.hpp"

#include "core/import/column_lookup.hpp"

namespace radar {

std::vector<std::string> chosen_groupings(const Dataset& dataset, const FieldDictionary* dictionary,
                                          const std::string& name) {
    if (name.empty()) return {};
    if (name == organiser_size_grouping) return {name};
    return {resolve_column(dataset, dictionary, name).value_or(name)};
}

Checked<AuditReport> build_audit(const Dataset& dataset, const FieldDictionary* dictionary,
                                 const std::vector<std::string>& groupings, const ScreeningState& state,
                                 const std::vector<FrozenBatch>& batches, const AuditSettings& settings,
                                 const BootstrapSettings& bootstrap) {
    using Result = Checked<AuditReport>;
    AuditReport report;
    report.settings = settings;
    report.bootstrap = bootstrap;
    report.groupings_chosen = !groupings.empty();
    const std::vector<std::string> names = groupings.empty() ? default_groupings(dataset, dictionary) : groupings;
    for (const std::string& name : names) {
        const Checked<Grouping> grouping = grouping_named(dataset, name, dictionary);
        if (!grouping) return Result::failure(grouping.error());
        Checked<GroupAudit> audit = audit_groups(*grouping, state, batches, settings);
        if (!audit) return Result::failure(audit.error());
        report.groupings.push_back(std::move(*audit));
    }
    const DoubleCodingFold fold = fold_double_coding(state);
    report.issues = fold.issues;
    report.agreement = coder_agreement(fold, settings.period, bootstrap);
    report.automation_bias = automation_bias(state, fold, settings.period);
    return report;
}

}  // namespace radar
