// The Audit screen (issue #18): blind double coding (the current screener's second codes, seeing
// only the dossier's data), the disagreements awaiting a decision, the agreement between
// screeners and the group audit. Every rule and figure is the session's (double_coding_work.hpp,
// audit_work.hpp); the view draws them and keeps only its drafts.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/fairness/audit_export.hpp"
#include "session/audit_work.hpp"
#include "session/double_coding_work.hpp"
#include "session/i18n.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

struct AuditViewState {
    // The second code being given to the first dossier of the queue.
    std::string second_batch;
    std::string second_dossier;
    std::optional<ScreeningCode> second_code;
    std::array<char, 512> second_note{};
    std::string second_refusal;
    // The decision on a chosen disagreement (batch id + dossier id).
    std::string adjudicated_batch;
    std::string adjudicated_dossier;
    std::optional<ScreeningCode> final_code;
    std::array<char, 512> reason{};
    std::string adjudication_refusal;
    // The fair band as typed ("0,80-1,25"), and the band in force (in the language) it was last
    // filled from.
    std::array<char, 32> band_text{};
    struct BandShown {
        double low = 0, high = 0;
        Language language = Language::dutch;
        bool operator!=(const BandShown& other) const {
            return low != other.low || high != other.high || language != other.language;
        }
    };
    std::optional<BandShown> band_text_from;
    std::string choices_refusal;
    // The batch whose audit at commit is shown ("" = the newest).
    std::string batch_at_commit;
    // Which disparity the groupings' charts show.
    DisparityMetric chart_metric = DisparityMetric::selection_rate;
};

void draw_audit_view(Session& state, AuditWork& audit, const Fonts& fonts, AuditViewState& view);

}  // namespace radar::ui
