// One line per event for the dossier timeline (UI) and the CLI, in Dutch or English.
#pragma once

#include <string>

#include "core/time/date_text.hpp"
#include "core/screening/screening_event.hpp"

namespace radar {

// E.g. "10 januari 2024 · An · Gescreend op 10 januari 2024: Risico (batch 2024-01) — note" or,
// for a batch event seen from one dossier's timeline, "2 januari 2024 · An · Geselecteerd in batch
// 2024-01 (hoogste scores, rang 3)". The recording day is the local one (`utc_offset`; UTC when
// empty). `dossier_id` picks the member line of batch events; pass "" for the batch-level line.
// `blind`: the member line says only "Geselecteerd in batch 2024-01" (no kind, no rank), for a
// dossier screened blind.
std::string describe_event(const ScreeningEvent& event, const std::string& dossier_id, TextLanguage language,
                           const UtcOffsetAt& utc_offset = {}, bool blind = false);

}  // namespace radar
