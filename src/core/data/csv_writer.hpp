// Writes a Dataset as RFC 4180 CSV (comma separated, CRLF-free "\n" lines, quotes doubled), and
// single fields/rows for other CSV outputs, optionally neutralised against CSV injection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"

namespace radar {

std::string write_csv(const Dataset& dataset);

struct CsvStyle {
    char delimiter = ',';
    // Cells starting with = + - @ tab or CR get a leading apostrophe, so a spreadsheet shows them
    // as text instead of evaluating them as a formula (CSV injection).
    bool neutralise_formulas = false;
};

// Appends one field, quoted when it holds the delimiter, a quote or a line break.
void append_csv_field(std::string& out, std::string_view value, const CsvStyle& style);
// Appends the fields separated by the delimiter, then "\n".
void append_csv_row(std::string& out, const std::vector<std::string>& fields, const CsvStyle& style);

// FNV-1a 64-bit: a tiny stable fingerprint for determinism checks.
std::uint64_t fnv1a_64(std::string_view bytes);

}  // namespace radar
