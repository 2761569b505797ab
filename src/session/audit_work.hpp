// The audit of the running app (issue #18): the user's choices (grouping, reference group, fair
// band), kept as a stored team setting, and the audit (build_audit, as `radar audit` computes it)
// and the double coding's agreement over the session's dataset, field dictionary, screening and
// batches, each built once per change of what it reads. The audit screen draws them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/fairness/audit_report.hpp"
#include "session/session.hpp"

namespace radar::session {

// What the user chose for the group audit.
struct AuditChoices {
    // "" = the default groupings (province, care type, organiser size class, municipality, the
    // protected columns); else one grouping as typed: a column's name, its export header
    // ("Provincie") or organiser_size_grouping.
    std::string grouping;
    std::string reference_group;  // "" = the largest group; needs a grouping
    FairBand band;

    bool operator==(const AuditChoices& other) const {
        return grouping == other.grouping && reference_group == other.reference_group &&
               band.low == other.band.low && band.high == other.band.high;
    }
};

// The stored setting (a team setting: it travels in backups) and its JSON text; parsing checks the
// form only (audit_choices_blocker the values).
constexpr const char* audit_choices_setting = "audit_choices";
std::string audit_choices_to_text(const AuditChoices& choices);
Checked<AuditChoices> parse_audit_choices(std::string_view text);

// Why the choices cannot be taken (a translated text), or "": the band must hold 1 (0 < low <= 1
// <= high) and a reference group needs a grouping.
const char* audit_choices_blocker(const AuditChoices& choices);

// The group audit the batch carries from its commit (core/fairness/commit_audit.hpp) with the
// stored choices over the session's dataset and field dictionary; with the defaults when the
// choices cannot be used for this dataset (an unknown grouping or reference group); none when no
// grouping can be audited at all.
std::optional<BatchAuditRecord> audit_for_commit(const Session& state, const FrozenBatch& batch);

// Owned by the app next to the Session, like the import and backup sessions. What it returns
// points into the session's screening state: ask again each frame, never keep it.
class AuditWork {
public:
    // The choices in force: the stored ones (again after a reload or another tab's change), or
    // the defaults.
    const AuditChoices& choices(const Session& state);
    // Takes the choices and stores them; "" when taken, else why not (audit_choices_blocker).
    std::string set_choices(Session& state, const AuditChoices& wanted);
    // Why the stored choices could not be read or written ("" when there is nothing to say).
    const std::string& notice() const { return notice_; }

    // The audit of the batches of `period` (months; open ends) with the choices in force, labels
    // as of the session's today under the team's label definition; recorded in it: the band, the
    // reference rule and the grouping rule (audit_to_json). Built when the screening work, the
    // batches, the dataset, the field dictionary, today, the label definition, the choices or the
    // period changed, otherwise the kept one (one per period for the last two periods). A refusal (an unknown grouping or reference group)
    // names what is available. Null while the store is opening.
    const Checked<AuditReport>* audit(const Session& state, const MonthRange& period = {});
    // Changes whenever an audit is built.
    std::uint64_t audit_generation() const { return audit_generation_; }

    // The double coding's agreement over `period`: overall, per batch month and per pair of
    // screeners (3 x 3 table, percentage, Cohen's kappa, Krippendorff's alpha with bootstrap
    // intervals), and the disagreements awaiting adjudication; built once per change of the
    // screening work or the period. Null while the store is opening.
    const CoderAgreement* agreement(const Session& state, const MonthRange& period = {});

private:
    // What a cached result was built from.
    struct Inputs {
        std::uint64_t screening_generation = 0;
        std::uint64_t dataset_generation = 0;
        const FieldDictionary* dictionary = nullptr;
        DayNumber today = 0;
        LabelDefinition definition;
        std::uint64_t choices_revision = 0;
        MonthRange period;

        // Whether these are the session's now (compared in place: nothing is built per frame).
        bool current(const Session& state, std::uint64_t revision, const MonthRange& wanted) const;
    };
    struct AuditCache {
        std::optional<Inputs> inputs;
        std::optional<Checked<AuditReport>> report;
    };
    // The audits of the last two periods asked for (the Audit tab's and the report's), so that
    // asking for both in turn builds neither again.
    std::array<AuditCache, 2> audits_;
    std::size_t last_audit_ = 0;  // the slot asked for last
    std::uint64_t audit_generation_ = 0;
    struct AgreementCache {
        std::optional<std::uint64_t> screening_generation;
        MonthRange period;
        CoderAgreement agreement;
    } agreement_;

    AuditChoices choices_;
    std::string choices_text_;  // the stored text choices_ was read from ("" = none stored)
    std::uint64_t choices_revision_ = 0;
    std::string notice_;
};

}  // namespace radar::session
