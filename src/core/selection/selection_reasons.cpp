// Reason sentences for selection decisions.
#include "core/selection/selection_reasons.hpp"

#include "core/time/date_text.hpp"

namespace radar {
namespace {

std::string date_text(const std::optional<DayNumber>& day, TextLanguage language) {
    return day ? format_date(*day, language) : "?";
}

}  // namespace

const char* decision_label(Decision decision, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (decision) {
        case Decision::top_n: return nl ? "hoogste score" : "highest score";
        case Decision::signal_override: return nl ? "signaal" : "signal";
        case Decision::control: return nl ? "controle" : "control";
        case Decision::coverage_floor: return nl ? "dekking" : "coverage";
        case Decision::below_cutoff: return nl ? "onder grens" : "below cut-off";
        case Decision::cooldown: return nl ? "afkoeling" : "cooldown";
        case Decision::pending: return nl ? "in open batch" : "in open batch";
        case Decision::excluded_closed: return nl ? "gesloten" : "closed";
        case Decision::excluded_enforcement: return nl ? "handhaving" : "enforcement";
    }
    return "";
}

std::string describe_decision(const SelectionOutcome& outcome, const DossierDecision& decision, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    const std::string rank = std::to_string(decision.rank);
    const std::string position = std::to_string(decision.eligible_position);
    const std::string capacity = std::to_string(outcome.settings.capacity);
    const std::string months = std::to_string(outcome.settings.coverage_floor_months);
    switch (decision.decision) {
        case Decision::top_n:
            return nl ? "Geselecteerd: nr. " + position + " van de selecteerbare dossiers (capaciteit " + capacity +
                            "); rang " + rank + " van alle dossiers"
                      : "Selected: number " + position + " of the eligible dossiers (capacity " + capacity + "); rank " +
                            rank + " of all dossiers";
        case Decision::signal_override:
            return nl ? "Geselecteerd ondanks afkoeling (gescreend op " + date_text(decision.last_screened, language) +
                            "): nieuw ernstig signaal op " + date_text(decision.signal_date, language) + "; rang " + rank
                      : "Selected despite cooldown (screened on " + date_text(decision.last_screened, language) +
                            "): new serious signal on " + date_text(decision.signal_date, language) + "; rank " + rank;
        case Decision::control:
            return nl ? "Geselecteerd voor de controlesteekproef: willekeurig getrokken onder de grens (seed " +
                            std::to_string(outcome.settings.control_seed) + ")"
                      : "Selected for the control sample: drawn at random below the cut-off (seed " +
                            std::to_string(outcome.settings.control_seed) + ")";
        case Decision::coverage_floor:
            if (!decision.unseen_since)
                return nl ? "Geselecteerd voor de dekking: nooit gescreend en nooit geïnspecteerd"
                          : "Selected for coverage: never screened and never inspected";
            return nl ? "Geselecteerd voor de dekking: nooit gescreend en sinds " + date_text(decision.unseen_since, language) +
                            " niet geïnspecteerd (meer dan " + months + " maanden)"
                      : "Selected for coverage: never screened and not inspected since " +
                            date_text(decision.unseen_since, language) + " (more than " + months + " months)";
        case Decision::below_cutoff: {
            const std::string cutoff = outcome.cutoff_rank ? std::to_string(*outcome.cutoff_rank) : "?";
            std::string text = nl ? "Niet geselecteerd: nr. " + position + " van de selecteerbare dossiers, na de capaciteit van " +
                                        capacity + " (rang " + rank + ", de grens ligt op rang " + cutoff + ")"
                                  : "Not selected: number " + position + " of the eligible dossiers, past the capacity of " +
                                        capacity + " (rank " + rank + "; the cut-off is rank " + cutoff + ")";
            if (decision.signal_date)
                text += nl ? "; afkoeling opgeheven door signaal op " + date_text(decision.signal_date, language)
                           : "; cooldown lifted by a signal on " + date_text(decision.signal_date, language);
            return text;
        }
        case Decision::cooldown:
            return nl ? "Niet geselecteerd: in afkoeling tot " + date_text(decision.cooldown_until, language) +
                            " na screening op " + date_text(decision.last_screened, language)
                      : "Not selected: in cooldown until " + date_text(decision.cooldown_until, language) +
                            " after screening on " + date_text(decision.last_screened, language);
        case Decision::pending:
            return nl ? "Niet geselecteerd: in open batch " + decision.pending_batch + ", nog zonder code"
                      : "Not selected: in open batch " + decision.pending_batch + ", not coded yet";
        case Decision::excluded_closed:
            return nl ? "Niet geselecteerd: uitgesloten omdat het dossier gesloten is (status " +
                            decision.excluded_value + ")"
                      : "Not selected: excluded because the dossier is closed (status " + decision.excluded_value + ")";
        case Decision::excluded_enforcement:
            return nl ? "Niet geselecteerd: uitgesloten omdat het dossier in handhaving is (" +
                            decision.excluded_value + ")"
                      : "Not selected: excluded because the dossier is in enforcement (" + decision.excluded_value + ")";
    }
    return {};
}

}  // namespace radar
