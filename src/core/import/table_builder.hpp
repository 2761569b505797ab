// Turns rows of raw cells (from the CSV or JSON reader) into the import's Dataset: maps file
// columns to fields, parses and checks values against the field dictionary, rejects rows that
// cannot be used, and records every problem with its row, column and raw value.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/import/column_mapping.hpp"
#include "core/import/csv_tokenizer.hpp"
#include "core/import/field_dictionary.hpp"
#include "core/data/id_index.hpp"
#include "core/import/import_result.hpp"
#include "core/import/value_parsing.hpp"

namespace radar {

struct ImportLimits {
    std::size_t max_diagnostics = 50'000;              // kept in the result; all are counted
    std::size_t max_rejected_rows_with_fields = 10'000;  // rejected rows whose raw cells are kept
    std::size_t max_rejected_rows_listed = 100'000;      // rejected rows listed at all (all are counted)
    // Raw cells kept over all rejected rows (a row of half a million cells would otherwise keep
    // a std::string per cell, 16 times its bytes); rows past it keep none.
    std::size_t max_rejected_cells = 1'000'000;
    std::size_t max_columns = 4'096;
    // Bytes of one CSV record (its line; a quoted multi-line record counts whole) or one JSON
    // record (array element or NDJSON line). A longer one fails the import: it bounds fields,
    // headers and the memory a record can take.
    std::size_t max_record_bytes = default_max_record_bytes;
    std::size_t max_json_depth = 64;  // nesting of objects and arrays in one JSON record
    // Cells the table may hold: `cells_allowed` plus `cells_per_byte_allowed` per byte of the
    // records read. A dense export holds well under one cell per byte; a header of 4,096 columns over
    // rows of one short cell (or JSON records with ever new keys) would hold thousands, all but
    // one of them empty padding.
    std::uint64_t cells_allowed = 4'000'000;
    std::uint64_t cells_per_byte_allowed = 4;
    std::uint64_t row_limit = 0;      // stop after this many data rows (a preview); 0 = no limit
    // CSV records stored a batch at a time when all of them are clean (TableBuilder::add_clean_rows;
    // at most 64); 0 stores every record by itself (the tests compare the two).
    std::size_t rows_per_batch = 64;
};

struct RawCell {
    enum class Kind : std::uint8_t { text, number, boolean, null };
    std::string_view text;  // UTF-8; for JSON numbers and booleans their JSON text
    Kind kind = Kind::text;
    double number = 0.0;  // Kind::number; Kind::boolean as 0/1
};

struct RowContext {
    std::uint32_t row = 0;
    std::uint32_t line = 0;
    bool unbalanced_quote = false;
    bool fixed_columns = true;  // CSV: a row should have one cell per header (JSON: no)
};

class TableBuilder {
public:
    TableBuilder(const FieldDictionary& dictionary, const MappingProfile* profile, const ImportLimits& limits,
                 ImportResult& result);
    ~TableBuilder();

    // Adds a file column (CSV header cell, or a JSON key seen for the first time). Rows imported
    // before get a missing cell. Fails the import past ImportLimits::max_columns.
    void add_column(std::string_view header, std::uint32_t row, std::uint32_t line);
    std::size_t column_count() const { return plans_.size(); }
    // Fails the import when the id or another required field has no column.
    void check_required_columns();
    // Capacity for this many rows in every column (avoids regrowth copies of big columns).
    void reserve_rows(std::size_t rows);
    // Resolves ambiguous numbers such as "1.250" (see parse_number).
    void set_decimal_mark(DecimalMark mark) { decimal_mark_ = mark; }
    // The readers count the bytes of every record they read (header and blank ones included),
    // before handing it over: they bound the cells, the same way in every chunking.
    void count_record_bytes(std::uint64_t bytes) { record_bytes_ += bytes; }

    void add_row(const RowContext& context, const RawCell* cells, std::size_t count);

    // Stores the CSV records as rows, a column at a time, when each of them is clean: a cell per
    // column, every value usable as it is written, no diagnostic to make, no row to reject, no
    // limit reached (their bytes are counted then, as count_record_bytes would). Otherwise
    // changes nothing and says false, and the reader hands them to add_row one by one. The
    // result is the same either way (tests/test_import_batches.cpp).
    bool add_clean_rows(const CsvRecord* records, std::size_t count);
    // A row that could not even be split into cells (broken JSON): rejected with `reason`.
    void reject_unreadable_row(const RowContext& context, const RawCell& raw, DiagnosticReason reason,
                               const std::string& detail, const std::string& detail_nl);
    void skip_blank_row() { ++result_.summary.blank_rows; }
    // True once a row past ImportLimits::row_limit arrived (and was ignored, as all later ones).
    bool stopped_at_row_limit() const { return result_.stopped_at_row_limit; }

    // `detail` in English, `detail_nl` the same in Dutch. `column` is kept cut to 256 bytes.
    void diagnose(const RowContext& context, std::string_view column, std::string_view value, DiagnosticReason reason,
                  Severity severity, std::string detail, std::string detail_nl);
    // Ends the import as failed: the dataset is dropped, diagnostics and mappings are kept.
    void fail(DiagnosticReason reason, const std::string& message, const std::string& message_nl);
    bool failed() const { return result_.status == ImportStatus::failed; }

    // Whole-column work once all rows are in (x/empty booleans, unused capacity).
    void finish();

private:
    struct ColumnPlan;
    // One parsed cell waiting to be stored.
    struct Staged {
        enum class Kind : std::uint8_t { missing, number, text } kind = Kind::missing;
        double number = 0.0;
        std::string_view text;
    };
    // add_clean_rows' parsed cells, a column after the other (rows_per_batch at most 64: one
    // word of missing flags per column).
    struct CleanBatch {
        std::vector<double> numbers;            // number, date and boolean columns (0 when missing)
        std::vector<std::string_view> texts;    // text and category columns
        std::vector<std::uint32_t> categories;  // a field's category columns: each cell's category
        std::vector<std::uint64_t> missing;     // per column, bit i: row i's cell is empty
        std::vector<std::uint32_t> x_marks;     // per boolean column, its cells written "x"
    };

    // A name no field and no earlier column has: the header, "column_N" when empty, " (2)"... added.
    std::string dataset_name_for(const std::string& header, std::size_t source_index);
    static void settle_kind(ColumnPlan& plan, std::optional<ValueKind> chosen);
    // Extra attributes read as text get the type of all their values (column_inference.hpp).
    void infer_extra_kinds();
    // A cell's value, or nothing (with a diagnostic) when it is empty or unusable.
    Staged stage(const RowContext& context, ColumnPlan& plan, const RawCell& cell);
    // The same, appended straight to the column (the common path, without a Staged in between).
    void store_cell(const RowContext& context, ColumnPlan& plan, const RawCell& cell);
    static void store(Column& column, const Staged& value);
    bool number_value(const RowContext& context, ColumnPlan& plan, const RawCell& cell, std::string_view text,
                      double& value);
    bool date_value(const RowContext& context, ColumnPlan& plan, const RawCell& cell, std::string_view text,
                    double& value);
    bool boolean_value(const RowContext& context, ColumnPlan& plan, const RawCell& cell, std::string_view text,
                       double& value);
    std::string_view category_value(const RowContext& context, ColumnPlan& plan, std::string_view text);
    // Stores a category cell: a known category written exactly as in the dictionary takes the
    // code it was stored under before, without a lookup; any other text goes through category_value.
    void append_category(const RowContext& context, ColumnPlan& plan, std::string_view text);
    bool in_range(const RowContext& context, const ColumnPlan& plan, std::string_view text, double value);
    void warn(const RowContext& context, const ColumnPlan& plan, std::string_view text, DiagnosticReason reason,
              const char* detail, const char* detail_nl);
    void reject(const RowContext& context, const RawCell* cells, std::size_t count);
    bool at_row_limit();
    // Fails the import (and says true) when `rows` rows of `columns` columns pass the cells allowed.
    bool too_many_cells(const RowContext& context, std::uint64_t rows, std::uint64_t columns);
    void apply_x_convention(ColumnPlan& plan);
    // add_clean_rows' two steps: every cell parsed into batch_ (false at the first that is
    // not clean, nothing stored), then every column's cells stored.
    bool parse_clean_batch(const CsvRecord* records, std::size_t count);
    // The values of a number, date or boolean column's cells in the batch (`missing`: its empty
    // cells; `x_marks`: its booleans written "x"), if the row path would store each without a word.
    bool parse_clean_numbers(const ColumnPlan& plan, const CsvRecord* records, std::size_t count, std::size_t column,
                             double* values, std::uint64_t& missing, std::uint32_t& x_marks) const;
    // A text cell is clean unless it is a field's category not written as the dictionary does;
    // `category`: which one it is.
    static bool clean_text(const ColumnPlan& plan, std::string_view text, std::uint32_t& category);
    bool ids_still_ascending(std::size_t count) const;
    void store_clean_batch(const CsvRecord* records, std::size_t count);
    void store_clean_categories(ColumnPlan& plan, const std::uint32_t* categories, std::uint64_t missing,
                                std::size_t count);
    // The row limit and the cells allowed, row by row as add_row checks them: true if none is reached.
    bool batch_within_limits(const CsvRecord* records, std::size_t count) const;

    const FieldDictionary& dictionary_;
    const ImportLimits limits_;
    ImportResult& result_;
    HeaderMapper mapper_;
    std::vector<std::unique_ptr<ColumnPlan>> plans_;
    std::unordered_set<std::string> headers_;                    // headers seen (duplicate check)
    std::unordered_set<std::string> column_names_;               // dataset column names taken
    std::unordered_map<std::string, int> next_name_suffix_;      // per base name: the next " (N)" to try
    std::vector<Staged> staged_;               // required cells of the current row
    CleanBatch batch_;
    std::vector<std::size_t> required_columns_;  // file columns mapped to required fields
    std::vector<DiagnosticReason> row_rejections_;
    bool row_has_warning_ = false;
    DecimalMark decimal_mark_ = DecimalMark::unknown;
    std::size_t reserved_rows_ = 0;
    std::uint64_t record_bytes_ = 0;
    std::size_t rejected_cells_kept_ = 0;
    std::size_t id_source_column_ = 0;
    std::unique_ptr<IdIndex> id_index_;
    bool ids_ascending_ = true;  // every id so far greater than the one before: id_index_ not filled yet
};

}  // namespace radar
