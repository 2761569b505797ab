// A small hand-made dossier table for the selection tests: id, score and the fields the rule reads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "screening_fixtures.hpp"

namespace radar::fixtures {

struct Dossier {
    std::string id;
    double score = 0.0;
    std::string status = "actief";
    std::string enforcement = "geen";
    const char* last_inspection = nullptr;
    const char* start = nullptr;
    const char* signal = nullptr;
};

struct Table {
    Dataset dataset;
    std::vector<double> scores;
};

inline void push_date(Column& column, const char* iso) {
    if (iso) column.push_number(day(iso));
    else column.push_missing();
}

inline Table table(const std::vector<Dossier>& dossiers) {
    Table result;
    Dataset& d = result.dataset;
    Column& ids = d.add_column("dossier_id", ColumnType::text);
    Column& status = d.add_column("status", ColumnType::text);
    Column& enforcement = d.add_column("enforcement_status", ColumnType::text);
    Column& inspection = d.add_column("last_inspection_date", ColumnType::date);
    Column& start = d.add_column("start_date", ColumnType::date);
    Column& signal = d.add_column("last_serious_signal_date", ColumnType::date);
    for (const Dossier& dossier : dossiers) {
        ids.push_text(dossier.id);
        status.push_text(dossier.status);
        enforcement.push_text(dossier.enforcement);
        push_date(inspection, dossier.last_inspection);
        push_date(start, dossier.start);
        push_date(signal, dossier.signal);
        result.scores.push_back(dossier.score);
    }
    return result;
}

// Dossiers D01..Dnn with scores n..1 (D01 ranks first).
inline Table ranked_table(int count) {
    std::vector<Dossier> dossiers;
    for (int i = 1; i <= count; ++i) {
        std::string id = std::to_string(i);
        if (id.size() < 2) id = "0" + id;
        dossiers.push_back({"D" + id, static_cast<double>(count - i + 1)});
    }
    return table(dossiers);
}

}  // namespace radar::fixtures
