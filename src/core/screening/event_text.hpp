// One line per event for the dossier timeline (UI) and the CLI, in Dutch or English.
#pragma once

#include <string>

#include "screening/screening_event.hpp"

namespace radar {

// E.g. "2024-01-10 · An · Gescreend: Risico (batch 2024-01) — note" or, for a batch event seen
// from one dossier's timeline, "2024-01-02 · An · Geselecteerd in batch 2024-01 (top_n, rang 3)".
// `dossier_id` picks the member line of batch events; pass "" for the batch-level line.
std::string describe_event(const ScreeningEvent& event, const std::string& dossier_id, TextLanguage language);

}  // namespace radar
