// DATA for the commands that score, select, report and verify: `demo` (the synthetic dossiers,
// --count N --seed S) or an export file read by the same importer as the app, with the shipped
// field dictionary (or --fields FIELDS.json), an optional --mapping PROFILE.json and an optional
// --id COLUMN naming the export column that holds the dossier id. The field
// dictionary travels along: its protected fields are never a model input, on every command.
#pragma once

#include <set>
#include <string>

#include "core/base/checked.hpp"
#include "cli/options.hpp"
#include "core/data/dataset.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar::cli {

struct DataSource {
    Dataset dataset;
    FieldDictionary dictionary;
    std::string name;           // "demo" or the file's name
    std::size_t rows_rejected = 0;  // rows of the file the importer refused (told on stderr)
};

// The field dictionary of --fields (with the shipped protected fields kept, see
// load_custom_field_dictionary), or the one shipped in assets/.
Checked<FieldDictionary> load_dictionary(const Options& options);

// Reads DATA. `demo_export_date` dates the demo dossiers. A file that cannot be read, a failed
// import or a mapping profile that does not load is an error naming the file.
Checked<DataSource> load_data_source(const std::string& data, Options& options, DayNumber demo_export_date);

}  // namespace radar::cli
