// Batch preview, commit, JSON form and reproduction check.
#include "core/selection/frozen_batch.hpp"

#include <algorithm>
#include <set>

namespace radar {
namespace {

std::string month_of(DayNumber day) { return format_iso_date(day).substr(0, 7); }

std::string number_text(double value) { return canonical_json(Json(value)); }

// The batch id for the month, or why no batch may be made for it now.
Checked<std::string> plan_batch_id(const ScreeningState& state, const std::string& month, bool supplementary) {
    const BatchState* regular = nullptr;
    std::size_t supplementary_count = 0;
    for (const auto& [id, batch] : state.batches) {
        if (batch.month != month) continue;
        if (batch.supplementary) ++supplementary_count;
        else regular = &batch;
    }
    if (!supplementary && regular)
        return Checked<std::string>::failure("month " + month + " already has its batch (" + regular->batch_id +
                                             ", committed " + format_timestamp(regular->committed_at) + " by " +
                                             regular->committed_by +
                                             "); another batch this month must be marked supplementary");
    if (!supplementary) return month;
    if (!regular)
        return Checked<std::string>::failure("month " + month +
                                             " has no regular batch yet; a supplementary batch comes after it");
    std::string id;
    for (std::size_t n = supplementary_count + 1;; ++n) {
        id = month + "-s" + std::to_string(n);
        if (!state.batches.count(id)) return id;
    }
}

std::vector<FrozenMember> frozen_members(const SelectionOutcome& outcome) {
    std::vector<FrozenMember> members;
    for (std::size_t index : outcome.selected) {
        const DossierDecision& decision = outcome.decisions[index];
        FrozenMember member;
        member.dossier_id = decision.dossier_id;
        member.score = decision.score;
        member.rank = decision.rank;
        member.kind = decision.kind();
        if (member.kind == SelectionKind::signal_override) {
            member.last_screened = decision.last_screened;
            member.signal_date = decision.signal_date;
        }
        if (member.kind == SelectionKind::coverage_floor) member.unseen_since = decision.unseen_since;
        members.push_back(std::move(member));
    }
    return members;
}

std::vector<HeldBack> held_back_list(const SelectionOutcome& outcome) {
    std::vector<HeldBack> list;
    for (std::size_t index : outcome.held_back) {
        const DossierDecision& decision = outcome.decisions[index];
        list.push_back({decision.dossier_id, decision.rank, decision.score, *decision.last_screened,
                        *decision.cooldown_until});
    }
    return list;
}

void put_date(Json& out, const char* name, const std::optional<DayNumber>& day) {
    if (day) out[name] = format_iso_date(*day);
}

std::string describe_member(const FrozenMember& member) {
    return std::string(selection_kind_key(member.kind)) + " (rank " + std::to_string(member.rank) + ", score " +
           number_text(member.score) + ")";
}

std::string describe_decision_briefly(const DossierDecision* decision) {
    if (!decision) return "the dossier is not in the dataset";
    return std::string(decision_key(decision->decision)) + " (rank " + std::to_string(decision->rank) + ", score " +
           number_text(decision->score) + ")";
}

}  // namespace

Checked<BatchPreview> preview_batch(const Dataset& dataset, const std::vector<double>& scores,
                                    const ScreeningState& state, const PreviewRequest& request,
                                    const std::vector<std::uint32_t>* known_order) {
    using Result = Checked<BatchPreview>;
    BatchPreview preview;
    preview.month = month_of(request.reference_date);
    preview.supplementary = request.supplementary;
    Checked<std::string> id = plan_batch_id(state, preview.month, request.supplementary);
    if (!id) return Result::failure(id.error());
    preview.batch_id = *id;
    const SelectionHistory history = selection_history(state);
    Checked<SelectionOutcome> outcome =
        run_selection_rule(dataset, scores, history, request.reference_date, request.settings, known_order);
    if (!outcome) return Result::failure(outcome.error());
    preview.outcome = std::move(*outcome);
    for (const auto& [dossier, facts] : history)
        if (preview.outcome.find(dossier)) preview.history.emplace(dossier, facts);
    preview.scores_as_of = request.scores_as_of;
    preview.model_version_id = request.model_version_id;
    preview.dataset_hash = request.dataset_hash;
    preview.dataset_rows = static_cast<std::uint32_t>(dataset.row_count());
    return preview;
}

BatchCommitted batch_committed_payload(const FrozenBatch& batch) {
    BatchCommitted payload;
    payload.batch_id = batch.batch_id;
    payload.month = batch.month;
    payload.supplementary = batch.supplementary;
    payload.ranked_total = batch.dataset_rows;
    payload.held_back_count = static_cast<std::uint32_t>(batch.held_back.size());
    for (const FrozenMember& member : batch.members) payload.members.push_back({member.dossier_id, member.kind, member.rank});
    return payload;
}

Checked<CommittedBatch> commit_batch(const BatchPreview& preview, const ScreeningState& state, const EventStamp& stamp) {
    using Result = Checked<CommittedBatch>;
    if (preview.outcome.selected.empty()) return Result::failure("nothing to commit: no dossier was selected");
    if (state.batches.count(preview.batch_id))
        return Result::failure("batch " + preview.batch_id + " was committed meanwhile; make a new preview");
    if (preview.model_version_id.empty()) return Result::failure("field 'model_version_id': must not be empty");
    if (preview.dataset_hash.empty()) return Result::failure("field 'dataset_hash': must not be empty");
    CommittedBatch committed;
    FrozenBatch& batch = committed.batch;
    batch.batch_id = preview.batch_id;
    batch.month = preview.month;
    batch.supplementary = preview.supplementary;
    batch.created_at = stamp.recorded_at;
    batch.created_by = stamp.screener;
    batch.reference_date = preview.outcome.reference_date;
    batch.scores_as_of = preview.scores_as_of;
    batch.settings = preview.outcome.settings;
    batch.model_version_id = preview.model_version_id;
    batch.dataset_hash = preview.dataset_hash;
    batch.dataset_rows = preview.dataset_rows;
    for (const auto& [dossier, facts] : preview.history) batch.history.push_back({dossier, facts});
    batch.members = frozen_members(preview.outcome);
    batch.held_back = held_back_list(preview.outcome);

    committed.event.event_id = stamp.event_id;
    committed.event.recorded_at = stamp.recorded_at;
    committed.event.screener = stamp.screener;
    committed.event.payload = batch_committed_payload(batch);
    if (state.event(stamp.event_id)) return Result::failure("field 'event_id': " + stamp.event_id + " is already used");
    if (auto problem = validate_event(committed.event); !problem.empty()) return Result::failure(problem);
    return committed;
}

Json batch_to_json(const FrozenBatch& batch) {
    Json history = Json::array();
    for (const RecordedFacts& recorded : batch.history) {
        Json item{{"dossier_id", recorded.dossier_id}};
        put_date(item, "last_screened", recorded.facts.last_screened);
        if (!recorded.facts.pending_batch.empty()) item["pending_batch"] = recorded.facts.pending_batch;
        history.push_back(std::move(item));
    }
    Json members = Json::array();
    for (const FrozenMember& member : batch.members) {
        Json item{{"dossier_id", member.dossier_id},
                  {"score", member.score},
                  {"rank", member.rank},
                  {"kind", selection_kind_key(member.kind)}};
        put_date(item, "last_screened", member.last_screened);
        put_date(item, "signal_date", member.signal_date);
        put_date(item, "unseen_since", member.unseen_since);
        members.push_back(std::move(item));
    }
    Json held_back = Json::array();
    for (const HeldBack& held : batch.held_back)
        held_back.push_back({{"dossier_id", held.dossier_id},
                             {"rank", held.rank},
                             {"score", held.score},
                             {"last_screened", format_iso_date(held.last_screened)},
                             {"cooldown_until", format_iso_date(held.cooldown_until)}});
    const bool needs_version_2 = batch.settings.double_coding != DoubleCodingSettings{} || batch.audit_at_commit;
    Json out{{"schema_version", std::max(batch.schema_version, needs_version_2 ? 2 : 1)},
             {"batch_id", batch.batch_id},
             {"month", batch.month},
             {"supplementary", batch.supplementary},
             {"created_at", format_timestamp(batch.created_at)},
             {"created_by", batch.created_by},
             {"reference_date", format_iso_date(batch.reference_date)},
             {"scores_as_of", format_iso_date(batch.scores_as_of)},
             {"settings", settings_to_json(batch.settings)},
             {"model_version_id", batch.model_version_id},
             {"dataset_hash", batch.dataset_hash},
             {"dataset_rows", batch.dataset_rows},
             {"history", std::move(history)},
             {"members", std::move(members)},
             {"held_back", std::move(held_back)}};
    if (batch.audit_at_commit) out["audit_at_commit"] = batch_audit_to_json(*batch.audit_at_commit);
    return out;
}

namespace {

template <typename Item, typename ReadItem>
bool read_list(FieldReader& reader, const char* name, std::vector<Item>& out, ReadItem read_item) {
    const Json* list = reader.array(name);
    if (!list) return false;
    for (std::size_t i = 0; i < list->size(); ++i) {
        FieldReader item_reader((*list)[i], reader.context() + ": " + name + "[" + std::to_string(i) + "]");
        Item item = read_item(item_reader);
        if (!item_reader.finish()) {
            reader.fail_nested(item_reader.error());
            return false;
        }
        out.push_back(std::move(item));
    }
    return true;
}

constexpr std::initializer_list<const char*> selection_kind_words = {"top_n", "control", "signal_override",
                                                                      "coverage_floor"};

std::string check_batch(const FrozenBatch& batch) {
    if (!is_valid_identifier(batch.batch_id)) return "field 'batch_id': \"" + batch.batch_id + "\" is not a valid id";
    if (batch.month != month_of(batch.reference_date))
        return "field 'month': " + batch.month + " is not the month of the reference date " +
               format_iso_date(batch.reference_date);
    std::set<std::string> seen;
    for (const FrozenMember& member : batch.members) {
        if (!seen.insert(member.dossier_id).second)
            return "field 'members': dossier " + member.dossier_id + " occurs twice";
        if (member.rank < 1 || member.rank > batch.dataset_rows)
            return "field 'members': dossier " + member.dossier_id + " has rank " + std::to_string(member.rank) +
                   " outside 1.." + std::to_string(batch.dataset_rows);
    }
    if (batch.members.size() > batch.settings.max_batch_size())
        return "field 'members': " + std::to_string(batch.members.size()) + " members exceed the settings' maximum of " +
               std::to_string(batch.settings.max_batch_size());
    return {};
}

}  // namespace

Checked<FrozenBatch> batch_from_json(const Json& value, const std::string& context) {
    using Result = Checked<FrozenBatch>;
    FieldReader reader(value, context);
    FrozenBatch batch;
    batch.schema_version = static_cast<int>(reader.integer("schema_version", 1, 1'000'000));
    if (reader.ok() && batch.schema_version > batch_schema_version)
        return Result::failure(context + ": schema_version " + std::to_string(batch.schema_version) +
                               " is newer than this app supports (" + std::to_string(batch_schema_version) +
                               "); update the app");
    batch.batch_id = reader.text("batch_id");
    batch.month = reader.text("month");
    batch.supplementary = reader.boolean("supplementary");
    batch.created_at = reader.timestamp("created_at");
    batch.created_by = reader.text("created_by");
    batch.reference_date = reader.date("reference_date");
    // Batches frozen before the field existed were scored as of their reference date.
    batch.scores_as_of = reader.optional_date("scores_as_of").value_or(batch.reference_date);
    if (const Json* settings = reader.object("settings")) {
        Checked<SelectionSettings> parsed = settings_from_json(*settings, context + ": settings");
        if (!parsed) return Result::failure(parsed.error());
        batch.settings = *parsed;
    }
    batch.model_version_id = reader.text("model_version_id");
    batch.dataset_hash = reader.text("dataset_hash");
    batch.dataset_rows = static_cast<std::uint32_t>(reader.unsigned_integer("dataset_rows", UINT32_MAX));
    read_list(reader, "history", batch.history, [](FieldReader& item) {
        RecordedFacts recorded;
        recorded.dossier_id = item.text("dossier_id");
        recorded.facts.last_screened = item.optional_date("last_screened");
        recorded.facts.pending_batch = item.optional_text("pending_batch");
        return recorded;
    });
    read_list(reader, "members", batch.members, [](FieldReader& item) {
        FrozenMember member;
        member.dossier_id = item.text("dossier_id");
        member.score = item.number("score");
        member.rank = static_cast<std::uint32_t>(item.unsigned_integer("rank", UINT32_MAX));
        member.kind = static_cast<SelectionKind>(item.choice("kind", selection_kind_words));
        member.last_screened = item.optional_date("last_screened");
        member.signal_date = item.optional_date("signal_date");
        member.unseen_since = item.optional_date("unseen_since");
        return member;
    });
    read_list(reader, "held_back", batch.held_back, [](FieldReader& item) {
        HeldBack held;
        held.dossier_id = item.text("dossier_id");
        held.rank = static_cast<std::uint32_t>(item.unsigned_integer("rank", UINT32_MAX));
        held.score = item.number("score");
        held.last_screened = item.date("last_screened");
        held.cooldown_until = item.date("cooldown_until");
        return held;
    });
    if (reader.has("audit_at_commit")) {
        if (const Json* audit = reader.object("audit_at_commit")) {
            Checked<BatchAuditRecord> record = batch_audit_from_json(*audit, context + ": audit_at_commit");
            if (!record) return Result::failure(record.error());
            batch.audit_at_commit = std::move(*record);
        }
    }
    if (!reader.finish()) return Result::failure(reader.error());
    if (auto problem = check_batch(batch); !problem.empty())
        return Result::failure(context + " (" + batch.batch_id + "): " + problem);
    return batch;
}

std::string batch_to_text(const FrozenBatch& batch) { return canonical_json(batch_to_json(batch)); }

Checked<FrozenBatch> parse_batch(std::string_view text) {
    const Checked<Json> json = parse_json_strict(text);
    if (!json) return Checked<FrozenBatch>::failure("batch: " + json.error());
    return batch_from_json(*json);
}

ReproductionReport reproduce_batch(const FrozenBatch& batch, const Dataset& dataset, const std::vector<double>& scores,
                                   const std::string& model_version_id, const std::string& dataset_hash) {
    ReproductionReport report;
    auto& differences = report.differences;
    if (dataset_hash != batch.dataset_hash)
        differences.push_back("dataset snapshot differs: the batch was selected from " + batch.dataset_hash +
                              ", the re-run uses " + dataset_hash);
    if (model_version_id != batch.model_version_id)
        differences.push_back("model version differs: the batch used " + batch.model_version_id + ", the re-run uses " +
                              model_version_id);
    SelectionHistory history;
    for (const RecordedFacts& recorded : batch.history) history.emplace(recorded.dossier_id, recorded.facts);
    Checked<SelectionOutcome> outcome = run_selection_rule(dataset, scores, history, batch.reference_date, batch.settings);
    if (!outcome) {
        differences.push_back("the rule cannot run on these inputs: " + outcome.error());
        return report;
    }
    const std::vector<FrozenMember> rerun = frozen_members(*outcome);
    std::map<std::string, const FrozenMember*> rerun_by_id;
    for (const FrozenMember& member : rerun) rerun_by_id[member.dossier_id] = &member;
    std::set<std::string> recorded_ids;
    for (const FrozenMember& member : batch.members) {
        recorded_ids.insert(member.dossier_id);
        const auto found = rerun_by_id.find(member.dossier_id);
        if (found == rerun_by_id.end()) {
            differences.push_back(member.dossier_id + ": in the batch as " + describe_member(member) +
                                  ", the re-run does not select it: " +
                                  describe_decision_briefly(outcome->find(member.dossier_id)));
        } else if (found->second->kind != member.kind ||
                   found->second->rank != member.rank || found->second->score != member.score) {
            differences.push_back(member.dossier_id + ": in the batch as " + describe_member(member) +
                                  ", the re-run gives " + describe_member(*found->second));
        }
    }
    for (const FrozenMember& member : rerun)
        if (!recorded_ids.count(member.dossier_id))
            differences.push_back(member.dossier_id + ": not in the batch, the re-run selects it as " +
                                  describe_member(member));
    if (differences.empty()) {
        for (std::size_t i = 0; i < rerun.size(); ++i) {
            if (rerun[i].dossier_id != batch.members[i].dossier_id) {
                differences.push_back("the members are the same but in a different order from position " +
                                      std::to_string(i + 1));
                break;
            }
        }
    }
    std::set<std::string> recorded_held, rerun_held;
    for (const HeldBack& held : batch.held_back) recorded_held.insert(held.dossier_id);
    for (const HeldBack& held : held_back_list(*outcome)) rerun_held.insert(held.dossier_id);
    if (recorded_held != rerun_held)
        differences.push_back("the held-back list differs: " + std::to_string(recorded_held.size()) +
                              " dossiers in the batch, " + std::to_string(rerun_held.size()) + " in the re-run");
    report.reproduced = differences.empty();
    return report;
}

}  // namespace radar
