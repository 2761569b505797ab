// Small builders for screening events used by the screening, selection, backup and reporting tests.
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/screening/screening_event.hpp"
#include "core/screening/screening_state.hpp"

namespace radar::fixtures {

inline DayNumber day(const char* iso) { return *parse_iso_date(iso); }
inline Timestamp at(const char* iso) { return *parse_timestamp(iso); }

inline ScreeningEvent base(const std::string& id, const char* time, const std::string& dossier) {
    ScreeningEvent event;
    event.event_id = id;
    event.recorded_at = at(time);
    event.screener = "An";
    event.dossier_id = dossier;
    return event;
}

inline ScreeningEvent coded(const std::string& id, const std::string& dossier, ScreeningCode code, const char* date,
                            const std::string& batch = "", const char* time = "2024-01-10T09:00:00.000Z") {
    ScreeningEvent event = base(id, time, dossier);
    event.payload = ScreeningCoded{code, day(date), "", batch, std::nullopt};
    return event;
}

inline ScreeningEvent corrected(const std::string& id, const std::string& target, const std::string& dossier,
                                ScreeningCode code, const char* date, const char* time) {
    ScreeningEvent event = base(id, time, dossier);
    ScreeningCorrected correction;
    correction.corrects_event_id = target;
    correction.reason = "wrong code";
    correction.code = code;
    correction.screening_date = day(date);
    event.payload = correction;
    return event;
}

inline ScreeningEvent withdrawn(const std::string& id, const std::string& target, const std::string& dossier,
                                const char* time) {
    ScreeningEvent event = base(id, time, dossier);
    ScreeningCorrected correction;
    correction.corrects_event_id = target;
    correction.reason = "coded on the wrong dossier";
    correction.withdrawn = true;
    event.payload = correction;
    return event;
}

inline ScreeningEvent committed(const std::string& id, const std::string& batch, const char* month,
                                const std::vector<std::string>& dossiers, const char* time,
                                SelectionKind kind = SelectionKind::top_n) {
    ScreeningEvent event = base(id, time, "");
    BatchCommitted payload;
    payload.batch_id = batch;
    payload.month = month;
    payload.ranked_total = 100;
    std::uint32_t rank = 0;
    for (const auto& dossier : dossiers) payload.members.push_back({dossier, kind, ++rank});
    event.payload = payload;
    return event;
}

inline OutcomeDetails outcome_details(OutcomeType type, const char* date) {
    OutcomeDetails details;
    details.type = type;
    details.outcome_date = day(date);
    if (type == OutcomeType::handed_over) details.handed_over_to = "Team Oost";
    return details;
}

inline OutcomeDetails inspection_details(InspectionResult result, const char* date) {
    OutcomeDetails details = outcome_details(OutcomeType::inspection, date);
    details.inspection_result = result;
    return details;
}

inline ScreeningEvent outcome(const std::string& id, const std::string& screening, const std::string& dossier,
                              const OutcomeDetails& details, const char* time = "2024-03-01T09:00:00.000Z") {
    ScreeningEvent event = base(id, time, dossier);
    event.payload = OutcomeRecorded{screening, details};
    return event;
}

inline ScreeningEvent outcome_corrected(const std::string& id, const std::string& target, const std::string& dossier,
                                        const OutcomeDetails& details, const char* time) {
    ScreeningEvent event = base(id, time, dossier);
    OutcomeCorrected correction;
    correction.corrects_event_id = target;
    correction.reason = "wrong result";
    correction.details = details;
    event.payload = correction;
    return event;
}

inline ScreeningEvent outcome_withdrawn(const std::string& id, const std::string& target, const std::string& dossier,
                                        const char* time) {
    ScreeningEvent event = base(id, time, dossier);
    OutcomeCorrected correction;
    correction.corrects_event_id = target;
    correction.reason = "recorded on the wrong dossier";
    correction.withdrawn = true;
    event.payload = correction;
    return event;
}

// A batch of `top` list members then `control` control-sample members, KO-0, KO-1, ..., uncoded.
inline BatchState batch_of(const std::string& id, std::size_t top, std::size_t control) {
    BatchState batch;
    batch.batch_id = id;
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < top + control; ++i)
        batch.members.push_back({"KO-" + std::to_string(i), i < top ? SelectionKind::top_n : SelectionKind::control, ++rank});
    batch.member_coded.assign(batch.members.size(), 0);
    return batch;
}

}  // namespace radar::fixtures

// Lists of ids print readably in failed checks.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& items) {
        std::string text = "{";
        for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + items[i];
        return (text + "}").c_str();
    }
};
