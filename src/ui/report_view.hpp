// The "Rapport" screen: the standard report (issue #7) for a chosen period, with key figures, the
// summary paragraph, charts drawn with ImGui's draw lists, every table, and CSV/JSON/HTML exports.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "reporting/report.hpp"
#include "screening/screening_state.hpp"
#include "selection/frozen_batch.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// What the view reads; the caller owns it all. The report is recomputed only when the period,
// the possible-risk definition or this input changes (the event count, the batch count, the
// dataset's identity and size, data_revision, reference_date), never per frame.
struct ReportViewInput {
    const ScreeningState* screening = nullptr;        // folded events; nullptr: history not loaded yet
    const std::vector<FrozenBatch>* batches = nullptr;  // frozen batches: dataset hashes and model versions
    const Dataset* dataset = nullptr;                 // the active dataset: province and care type per dossier
    DayNumber reference_date = 0;                     // the app's "today": default period end, overdue follow-ups
    Timestamp now;                                    // stamped on exports as "generated at"
    std::uint64_t data_revision = 0;  // bump when events, batches or the dataset change in place
    bool synthetic = false;           // demo data: exports carry the "synthetic demo data" badge
    RiskLabelSettings risk_labels;    // how long a risk label stays current (shared with the dossier panel)
    LabelDefinition confirmed_risk;   // "risk confirmed" (the Evaluatie screen's, stated in the report)
    std::function<void(int months)> set_risk_label_months;  // the user changed it; may be empty
    // Told where each export button was drawn (for automation): "report-html-open", "report-html",
    // "report-json", "report-csv:<table>". May be empty.
    std::function<void(const std::string& name, ImVec2 min, ImVec2 max)> note_widget;
    // The next step when there is no history yet: open the Selection screen. May be empty.
    std::function<void()> go_to_selection;
};

void draw_report_view(const ReportViewInput& input, const Fonts& fonts);

// The report the view last showed (nullptr before it was first drawn or without history), for
// automation.
const Report* shown_report();

}  // namespace radar::ui
