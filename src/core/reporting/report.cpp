// Report figures from the folded history. A screening belongs to the period by its screening
// date; corrections are applied and withdrawn screenings never count.
#include "core/reporting/report.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "core/evaluation/proportion_interval.hpp"
#include "core/reporting/report_summary.hpp"
#include "core/screening/score_band.hpp"

namespace radar {
namespace {


std::string month_key(DayNumber day) { return format_iso_date(day).substr(0, 7); }

bool is_possible_risk(const std::vector<ScreeningCode>& codes, ScreeningCode code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

void add(CodeCounts& counts, ScreeningCode code, bool possible_risk) {
    ++counts.by_code[static_cast<std::size_t>(code)];
    ++counts.total;
    if (possible_risk) ++counts.possible_risk;
}

const BatchMember* membership(const ScreeningState& state, const EffectiveScreening& screening, const BatchState** batch_out) {
    if (screening.batch_id.empty()) return nullptr;
    const auto found = state.batches.find(screening.batch_id);
    if (found == state.batches.end()) return nullptr;
    if (batch_out) *batch_out = &found->second;
    return found->second.member(screening.dossier_id);
}

std::vector<BreakdownRow> rows_of(const std::map<std::string, CodeCounts>& groups) {
    std::vector<BreakdownRow> rows;
    for (const auto& [group, codes] : groups) rows.push_back({group, codes});
    return rows;
}

DayNumber first_activity(const ScreeningState& state, DayNumber fallback) {
    DayNumber first = fallback;
    for (const EffectiveScreening& screening : state.screenings)
        if (!screening.withdrawn) first = std::min(first, screening.screening_date);
    for (const auto& [id, batch] : state.batches) {
        const auto month_start = parse_iso_date(batch.month + "-01");
        if (month_start) first = std::min(first, *month_start);
    }
    return first;
}

void fill_months(Report& report, const ScreeningState& state, const std::vector<const EffectiveScreening*>& in_period,
                 DayNumber as_of) {
    // Earliest screening date per (batch, dossier): when a batch member stopped being backlog.
    std::map<std::pair<std::string, std::string>, DayNumber> coded_on;
    for (const EffectiveScreening& screening : state.screenings) {
        if (screening.withdrawn || screening.batch_id.empty()) continue;
        const auto key = std::make_pair(screening.batch_id, screening.dossier_id);
        const auto found = coded_on.find(key);
        if (found == coded_on.end() || screening.screening_date < found->second) coded_on[key] = screening.screening_date;
    }
    for (DayNumber month = first_of_month(report.first_day); month <= report.period.to; month = add_months(month, 1)) {
        MonthFigures figures;
        figures.month = month_key(month);
        const DayNumber month_end = std::min(add_months(month, 1) - 1, std::min(report.period.to, as_of));
        for (const auto& [id, batch] : state.batches) {
            if (batch.month == figures.month) {
                ++figures.batches;
                figures.selected += batch.members.size();
                figures.held_back += batch.held_back_count;
                for (const BatchMember& member : batch.members) {
                    if (member.kind == SelectionKind::signal_override) ++figures.overrides;
                    if (member.kind == SelectionKind::control) ++figures.control;
                }
            }
            if (day_of(batch.committed_at) > month_end) continue;
            if (batch.closed_by_user && day_of(batch.closed_at) <= month_end) continue;
            for (const BatchMember& member : batch.members) {
                const auto coded = coded_on.find({batch.batch_id, member.dossier_id});
                if (coded == coded_on.end() || coded->second > month_end) ++figures.backlog;
            }
        }
        for (const EffectiveScreening* screening : in_period) {
            if (month_key(screening->screening_date) != figures.month) continue;
            ++figures.screened;
            add(figures.codes, screening->code, is_possible_risk(report.possible_risk, screening->code));
            const DossierHistory* history = state.history(screening->dossier_id);
            for (std::size_t index : history->screenings) {
                const EffectiveScreening& earlier = state.screenings[index];
                if (&earlier == screening) break;
                if (!earlier.withdrawn) {
                    ++figures.rescreenings;
                    break;
                }
            }
        }
        report.months.push_back(std::move(figures));
    }
}

// When the dossier of `screening` was selected: its batch's freeze (commit) moment, or the start
// of the screening date for a screening outside any batch.
Timestamp selection_moment(const ScreeningState& state, const EffectiveScreening& screening) {
    const BatchState* batch = nullptr;
    if (membership(state, screening, &batch) && batch) return batch->committed_at;
    return Timestamp{static_cast<std::int64_t>(screening.screening_date) * 86'400'000};
}

std::optional<KnownRiskReason> known_risk_reason(const ScreeningState& state, const EffectiveScreening& screening) {
    if (screening.code == ScreeningCode::risico) return KnownRiskReason::risico_code;
    const Timestamp selected = selection_moment(state, screening);
    const DayNumber selected_day = day_of(selected);
    const DayNumber lookback = add_months(selected_day, -known_risk_lookback_months);
    bool enforcement = false, handed_over = false;
    for (const OutcomeState* outcome : state.current_outcomes(screening.dossier_id)) {
        const DayNumber date = outcome->details.outcome_date;
        if (date >= selected_day || date < lookback) continue;
        enforcement = enforcement || outcome->details.type == OutcomeType::enforcement;
        handed_over = handed_over || outcome->details.type == OutcomeType::handed_over;
    }
    if (enforcement) return KnownRiskReason::enforcement;
    if (handed_over) return KnownRiskReason::handed_over;
    if (const DossierHistory* history = state.history(screening.dossier_id))
        for (std::size_t index : history->follow_ups) {
            const FollowUpState& follow_up = state.follow_ups[index];
            const bool open_then = follow_up.status == FollowUpStatus::open || selected < follow_up.updated_at;
            if (follow_up.created_at < selected && open_then) return KnownRiskReason::open_follow_up;
        }
    return std::nullopt;
}

void fill_outcomes(Report& report, const ScreeningState& state) {
    for (const OutcomeState& outcome : state.outcomes) {
        const DayNumber date = outcome.details.outcome_date;
        if (outcome.withdrawn || date < report.first_day || date > report.period.to) continue;
        OutcomeFigures& figures = report.outcomes;
        ++figures.total;
        ++figures.by_type[static_cast<std::size_t>(outcome.details.type)];
        if (outcome.details.type == OutcomeType::enforcement)
            ++figures.enforcement_by_measure[static_cast<std::size_t>(outcome.details.measure)];
        if (outcome.details.type == OutcomeType::inspection)
            ++figures.inspections_by_result[static_cast<std::size_t>(outcome.details.inspection_result)];
    }
}

void fill_risk_found(Report& report, const ScreeningState& state, const std::vector<const EffectiveScreening*>& in_period,
                     const ReportSettings& settings) {
    RiskFoundFigures& found = report.risk_found;
    found.definition = settings.confirmed_risk;
    for (const EffectiveScreening* screening : in_period) {
        const bool judged = is_possible_risk(settings.possible_risk, screening->code);
        const auto label = confirmed_risk(state, screening->event_id, settings.as_of, settings.confirmed_risk);
        const bool confirmed = label && label->status == LabelStatus::confirmed;
        if (!judged && !confirmed) {
            if (label && label->status == LabelStatus::not_yet_known) ++found.not_yet_known;
            continue;
        }
        ++found.risk_screenings;
        if (judged) ++found.judged;
        if (confirmed) ++found.confirmed;
        if (const auto reason = known_risk_reason(state, *screening)) {
            ++found.already_known;
            ++found.known_by_reason[static_cast<std::size_t>(*reason)];
        } else {
            ++found.newly_found;
        }
    }
}

}  // namespace

const char* known_risk_reason_key(KnownRiskReason reason) {
    switch (reason) {
        case KnownRiskReason::risico_code: return "risico_code";
        case KnownRiskReason::enforcement: return "enforcement";
        case KnownRiskReason::handed_over: return "handed_over";
        case KnownRiskReason::open_follow_up: return "open_follow_up";
    }
    return "";
}

const char* known_risk_reason_label(KnownRiskReason reason, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (reason) {
        case KnownRiskReason::risico_code: return nl ? "gecodeerd als Risico (al gekend)" : "coded Risk (already known)";
        case KnownRiskReason::enforcement: return nl ? "al in handhaving" : "already under enforcement";
        case KnownRiskReason::handed_over: return nl ? "al overgedragen aan klantenbeheer" : "already handed over to customer management";
        case KnownRiskReason::open_follow_up: return nl ? "opvolging liep al" : "follow-up already open";
    }
    return "";
}

double CodeCounts::share(ScreeningCode code) const {
    return total == 0 ? 0.0 : static_cast<double>(count(code)) / static_cast<double>(total);
}

Proportion wilson_interval(std::size_t hits, std::size_t total) {
    Proportion p;
    p.hits = hits;
    p.total = total;
    if (total == 0) return p;
    p.rate = static_cast<double>(hits) / static_cast<double>(total);
    const Interval interval = *wilson_interval(static_cast<double>(hits), static_cast<double>(total));
    p.low = interval.low;
    p.high = interval.high;
    return p;
}

LiftFigures compare_with_control(std::size_t top_hits, std::size_t top_total, std::size_t control_hits,
                                 std::size_t control_total) {
    LiftFigures lift;
    lift.top = wilson_interval(top_hits, top_total);
    lift.control = wilson_interval(control_hits, control_total);
    lift.available = top_total > 0 && control_total > 0;
    if (!lift.available) return lift;
    if (lift.control.rate > 0.0) lift.lift = lift.top.rate / lift.control.rate;
    lift.difference = lift.top.rate - lift.control.rate;
    lift.difference_low = lift.difference - std::sqrt((lift.top.rate - lift.top.low) * (lift.top.rate - lift.top.low) +
                                                      (lift.control.high - lift.control.rate) *
                                                          (lift.control.high - lift.control.rate));
    lift.difference_high = lift.difference + std::sqrt((lift.top.high - lift.top.rate) * (lift.top.high - lift.top.rate) +
                                                       (lift.control.rate - lift.control.low) *
                                                           (lift.control.rate - lift.control.low));
    return lift;
}

DossierAttributes dossier_attributes_at(const Dataset& dataset, std::size_t row) {
    auto text = [&](const char* name) {
        const Column* column = dataset.find(name);
        return column && column->type == ColumnType::text && !column->is_missing(row) ? std::string(column->texts[row])
                                                                                     : std::string();
    };
    return {text("province"), text("care_type")};
}

std::map<std::string, DossierAttributes> dossier_attributes(const Dataset& dataset) {
    std::map<std::string, DossierAttributes> attributes;
    const Column* ids = dataset.find("dossier_id");
    if (!ids || ids->type != ColumnType::text) return attributes;
    for (std::size_t row = 0; row < ids->size(); ++row)
        if (!ids->is_missing(row)) attributes[std::string(ids->texts[row])] = dossier_attributes_at(dataset, row);
    return attributes;
}

Report build_report(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                    const std::map<std::string, DossierAttributes>& attributes, const ReportPeriod& period,
                    const ReportSettings& settings) {
    Report report;
    report.period = period;
    report.generated_at = settings.generated_at;
    report.possible_risk = settings.possible_risk;
    report.first_day = period.from ? *period.from : first_activity(state, period.to);

    std::vector<const EffectiveScreening*> in_period;
    for (const EffectiveScreening& screening : state.screenings)
        if (!screening.withdrawn && screening.screening_date >= report.first_day && screening.screening_date <= period.to)
            in_period.push_back(&screening);

    // Latest screening per dossier within the period (screening date, then recording time, then id).
    std::map<std::string, const EffectiveScreening*> latest;
    std::map<std::string, CodeCounts> province, care_type, band;
    std::size_t top_hits = 0, top_total = 0, control_hits = 0, control_total = 0;
    for (const EffectiveScreening* screening : in_period) {
        const bool risk = is_possible_risk(settings.possible_risk, screening->code);
        add(report.screenings, screening->code, risk);
        const EffectiveScreening*& current = latest[screening->dossier_id];
        if (!current || std::tie(current->screening_date, current->recorded_at.millis, current->event_id) <
                            std::tie(screening->screening_date, screening->recorded_at.millis, screening->event_id))
            current = screening;
        const auto found = attributes.find(screening->dossier_id);
        const bool known = found != attributes.end();
        add(province[known && !found->second.province.empty() ? found->second.province : "onbekend"], screening->code, risk);
        add(care_type[known && !found->second.care_type.empty() ? found->second.care_type : "onbekend"], screening->code, risk);
        const BatchState* batch = nullptr;
        const BatchMember* member = membership(state, *screening, &batch);
        add(band[member ? score_band_key(score_band(score_percentile(member->rank, batch->ranked_total))) : "none"],
            screening->code, risk);
        if (member && (member->kind == SelectionKind::top_n || member->kind == SelectionKind::signal_override)) {
            ++top_total;
            if (risk) ++top_hits;
        }
        if (member && member->kind == SelectionKind::control) {
            ++control_total;
            if (risk) ++control_hits;
        }
    }
    report.unique_dossiers = latest.size();
    for (const auto& [dossier, screening] : latest)
        add(report.dossiers, screening->code, is_possible_risk(settings.possible_risk, screening->code));
    report.possible_risk_dossiers = report.dossiers.possible_risk;
    report.by_province = rows_of(province);
    report.by_care_type = rows_of(care_type);
    // Bands in their natural order, then screenings outside batches.
    for (const ScoreBand b : {ScoreBand::top_10, ScoreBand::from_10_to_25, ScoreBand::from_25_to_50, ScoreBand::bottom_50})
        report.by_score_band.push_back({score_band_key(b), band[score_band_key(b)]});
    if (band.count("none")) report.by_score_band.push_back({"none", band["none"]});

    report.lift = compare_with_control(top_hits, top_total, control_hits, control_total);

    for (const FollowUpState& follow_up : state.follow_ups) {
        const DayNumber created = day_of(follow_up.created_at);
        if (created < report.first_day || created > period.to) continue;
        ++report.follow_ups.opened;
        if (follow_up.status == FollowUpStatus::done) ++report.follow_ups.done;
        else ++report.follow_ups.open;
        if (follow_up.overdue(settings.as_of)) ++report.follow_ups.overdue;
    }

    fill_months(report, state, in_period, settings.as_of);
    fill_outcomes(report, state);
    fill_risk_found(report, state, in_period, settings);
    std::set<std::string> hashes, models;
    const std::string first_month = month_key(report.first_day), last_month = month_key(period.to);
    for (const FrozenBatch& batch : batches) {
        if (batch.month < first_month || batch.month > last_month) continue;
        hashes.insert(batch.dataset_hash);
        models.insert(batch.model_version_id);
    }
    report.dataset_hashes.assign(hashes.begin(), hashes.end());
    report.model_versions.assign(models.begin(), models.end());
    RiskLabelFigures& labels = report.risk_labels;
    labels.settings = settings.labels;
    labels.as_of = settings.as_of;
    for (RiskLabel& label : risk_labels(state, settings.as_of, settings.labels)) {
        if (label.status == RiskLabelStatus::expired) {
            ++labels.expired;
            continue;
        }
        ++labels.current;
        ++labels.current_by_code[static_cast<std::size_t>(label.code)];
        if (label.status == RiskLabelStatus::expiring) {
            ++labels.expiring;
            labels.expiring_labels.push_back(std::move(label));
        }
    }

    report.summary_nl = report_summary(report, TextLanguage::dutch);
    report.summary_en = report_summary(report, TextLanguage::english);
    return report;
}

}  // namespace radar
