// Timeline lines for screening events.
#include "core/screening/event_text.hpp"

#include "core/time/date_text.hpp"

namespace radar {
namespace {

std::string with_note(std::string text, const std::string& note) {
    if (!note.empty()) text += " — " + note;
    return text;
}

}  // namespace

std::string describe_event(const ScreeningEvent& event, const std::string& dossier_id, TextLanguage language,
                           const UtcOffsetAt& utc_offset, bool blind) {
    const bool nl = language == TextLanguage::dutch;
    const std::string head = format_date(local_day(event.recorded_at, utc_offset), language) + " · " + event.screener + " · ";
    if (const auto* coded = event.as<ScreeningCoded>()) {
        const char* what = coded->second_blind_code ? (nl ? "Tweede blinde code op " : "Second blind code on ")
                                                    : (nl ? "Gescreend op " : "Screened on ");
        std::string text = head + what + format_date(coded->screening_date, language) + ": " + code_label(coded->code, language);
        if (!coded->batch_id.empty()) text += " (batch " + coded->batch_id + ")";
        return with_note(text, coded->note);
    }
    if (const auto* correction = event.as<ScreeningCorrected>()) {
        if (correction->withdrawn)
            return head + (nl ? "Screening ingetrokken (" : "Screening withdrawn (") + correction->corrects_event_id +
                   "): " + correction->reason;
        return with_note(head + (nl ? "Gecorrigeerd naar " : "Corrected to ") + code_label(correction->code, language) +
                             (nl ? " op " : " on ") + format_date(correction->screening_date, language) + " (" +
                             correction->reason + ")",
                         correction->note);
    }
    if (const auto* follow_up = event.as<FollowUpCreated>())
        return with_note(head + (nl ? "Opvolging: " : "Follow-up: ") + follow_up_type_label(follow_up->type, language) +
                             (nl ? ", uiterlijk " : ", due ") + format_date(follow_up->due_date, language),
                         follow_up->note);
    if (const auto* update = event.as<FollowUpUpdated>())
        return with_note(head + (nl ? "Opvolging bijgewerkt: " : "Follow-up updated: ") +
                             follow_up_type_label(update->type, language) + ", " +
                             (update->status == FollowUpStatus::done ? (nl ? "afgerond" : "done") : "open") +
                             (nl ? ", uiterlijk " : ", due ") + format_date(update->due_date, language),
                         update->note);
    if (const auto* outcome = event.as<OutcomeRecorded>())
        return with_note(head + (nl ? "Gevolg op " : "Outcome on ") + format_date(outcome->details.outcome_date, language) +
                             ": " + describe_outcome(outcome->details, language),
                         outcome->details.note);
    if (const auto* correction = event.as<OutcomeCorrected>()) {
        if (correction->withdrawn)
            return head + (nl ? "Gevolg ingetrokken (" : "Outcome withdrawn (") + correction->corrects_event_id +
                   "): " + correction->reason;
        return with_note(head + (nl ? "Gevolg gecorrigeerd naar " : "Outcome corrected to ") +
                             describe_outcome(correction->details, language) + (nl ? " op " : " on ") +
                             format_date(correction->details.outcome_date, language) + " (" + correction->reason + ")",
                         correction->details.note);
    }
    if (const auto* adjudication = event.as<AdjudicationRecorded>())
        return head + (nl ? "Beslecht: eindcode " : "Adjudicated: final code ") + code_label(adjudication->final_code, language) +
               " (" + adjudication->reason + ")";
    if (const auto* committed = event.as<BatchCommitted>()) {
        for (const BatchMember& member : committed->members)
            if (member.dossier_id == dossier_id) {
                const std::string line = head + (nl ? "Geselecteerd in batch " : "Selected in batch ") + committed->batch_id;
                if (blind) return line;
                return line + " (" + selection_kind_label(member.kind, language) + (nl ? ", rang " : ", rank ") +
                       std::to_string(member.rank) + ")";
            }
        return head + "Batch " + committed->batch_id + (nl ? " vastgelegd: " : " committed: ") +
               std::to_string(committed->members.size()) + (committed->members.size() == 1 ? " dossier" : " dossiers");
    }
    if (const auto* closed = event.as<BatchClosed>()) {
        for (const std::string& uncoded : closed->uncoded)
            if (uncoded == dossier_id)
                return with_note(head + "Batch " + closed->batch_id +
                                     (nl ? " afgesloten zonder code voor dit dossier" : " closed without a code for this dossier"),
                                 closed->note);
        return with_note(head + "Batch " + closed->batch_id + (nl ? " afgesloten, " : " closed, ") +
                             std::to_string(closed->uncoded.size()) + (nl ? " zonder code" : " uncoded"),
                         closed->note);
    }
    return head;
}

}  // namespace radar
