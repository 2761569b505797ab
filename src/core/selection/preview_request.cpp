// Deciding a batch preview's request: month, supplementary or not, the seed and the provenance.
#include "core/selection/preview_request.hpp"

namespace radar {

std::string batch_month_of(DayNumber selection_date) { return format_iso_date(selection_date).substr(0, 7); }

PreviewRequest decide_preview_request(const PreviewInputs& inputs, const ScreeningState& state,
                                      std::uint64_t control_seed) {
    PreviewRequest request;
    request.reference_date = inputs.selection_date;
    request.scores_as_of = inputs.scores_as_of;
    request.settings = inputs.settings;
    request.settings.control_seed = control_seed;
    request.model_version_id = inputs.model_version_id;
    request.dataset_hash = inputs.dataset_hash;
    if (inputs.supplementary) {
        request.supplementary = *inputs.supplementary;
    } else {
        const std::string month = batch_month_of(inputs.selection_date);
        for (const auto& entry : state.batches)
            if (entry.second.month == month) request.supplementary = true;
    }
    return request;
}

}  // namespace radar
