// Session's reproduction check of a committed batch: re-score the current dataset with the
// batch's model version as of the day its scores were computed for, and re-run its rule; only
// when the dataset is the one the batch recorded and that model version is still known.
#include "session/session.hpp"

#include <algorithm>

#include "core/model/model_json.hpp"
#include "core/selection/batch_verification.hpp"

namespace radar::session {

void Session::check_batch(const std::string& batch_id) {
    BatchCheck check;
    check.scores_generation = scores_generation_;
    const auto frozen = std::find_if(frozen_batches_.begin(), frozen_batches_.end(),
                                     [&](const FrozenBatch& batch) { return batch.batch_id == batch_id; });
    // The batch's model version, whether or not it is active now.
    const std::optional<ModelVersion> version =
        frozen == frozen_batches_.end() ? std::nullopt : registry_.find_by_model_version_id(frozen->model_version_id);
    const std::optional<ModelSpec> model = version ? registry_.spec(version->info.version) : std::nullopt;
    if (version) check.recorded_model_version = version->info.version;
    if (frozen == frozen_batches_.end() || !engine_) {
        check.outcome = BatchCheck::Outcome::no_record;
    } else if (frozen->dataset_hash != dataset_hash_) {
        check.outcome = BatchCheck::Outcome::dataset_changed;
        check.recorded = frozen->dataset_hash;
        check.current = dataset_hash_;
    } else if (!model) {
        check.outcome = BatchCheck::Outcome::model_changed;
        check.recorded = frozen->model_version_id;
        check.current = model_version_id();
    } else {
        Checked<ReproductionReport> verified = verify_batch(*frozen, dataset_, *model, scoring_context(), dataset_hash_);
        ReproductionReport report = verified ? std::move(*verified) : ReproductionReport{false, {verified.error()}};
        check.outcome = report.reproduced ? BatchCheck::Outcome::reproduced : BatchCheck::Outcome::differs;
        check.differences = std::move(report.differences);
    }
    batch_checks_[batch_id] = std::move(check);
}

const BatchCheck* Session::batch_check(const std::string& batch_id) const {
    const auto found = batch_checks_.find(batch_id);
    if (found == batch_checks_.end() || found->second.scores_generation != scores_generation_) return nullptr;
    return &found->second;
}

}  // namespace radar::session
