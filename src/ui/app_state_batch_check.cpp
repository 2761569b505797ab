// AppState's reproduction check of a committed batch: re-run the rule with the batch's recorded
// inputs on the current dataset and scores, only when both are the ones the batch recorded.
#include "ui/app_state.hpp"

#include <algorithm>

namespace radar::ui {

void AppState::check_batch(const std::string& batch_id) {
    BatchCheck check;
    check.scores_generation = scores_generation_;
    const auto frozen = std::find_if(frozen_batches_.begin(), frozen_batches_.end(),
                                     [&](const FrozenBatch& batch) { return batch.batch_id == batch_id; });
    const std::string model_version = model_version_id();
    if (frozen == frozen_batches_.end() || !engine_) {
        check.outcome = BatchCheck::Outcome::no_record;
    } else if (frozen->dataset_hash != dataset_hash_) {
        check.outcome = BatchCheck::Outcome::dataset_changed;
        check.recorded = frozen->dataset_hash;
        check.current = dataset_hash_;
    } else if (frozen->model_version_id != model_version) {
        check.outcome = BatchCheck::Outcome::model_changed;
        check.recorded = frozen->model_version_id;
        check.current = model_version;
        if (const auto version = registry_.find_by_model_version_id(frozen->model_version_id))
            check.recorded_model_version = version->info.version;
    } else {
        ReproductionReport report = reproduce_batch(*frozen, dataset_, engine_->raw_scores(), model_version, dataset_hash_);
        check.outcome = report.reproduced ? BatchCheck::Outcome::reproduced : BatchCheck::Outcome::differs;
        check.differences = std::move(report.differences);
    }
    batch_checks_[batch_id] = std::move(check);
}

const BatchCheck* AppState::batch_check(const std::string& batch_id) const {
    const auto found = batch_checks_.find(batch_id);
    if (found == batch_checks_.end() || found->second.scores_generation != scores_generation_) return nullptr;
    return &found->second;
}

}  // namespace radar::ui
