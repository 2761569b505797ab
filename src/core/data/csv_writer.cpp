// CSV serialisation of a Dataset and of single rows.
#include "core/data/csv_writer.hpp"

namespace radar {

void append_csv_field(std::string& out, std::string_view value, const CsvStyle& style) {
    const bool formula = style.neutralise_formulas && !value.empty() &&
                         std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    bool needs_quotes = false;
    for (char c : value) needs_quotes |= c == style.delimiter || c == '"' || c == '\n' || c == '\r';
    if (!needs_quotes) {
        if (formula) out += '\'';
        out += value;
        return;
    }
    out += '"';
    if (formula) out += '\'';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields, const CsvStyle& style) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += style.delimiter;
        append_csv_field(out, fields[i], style);
    }
    out += '\n';
}

std::string write_csv(const Dataset& dataset) {
    const CsvStyle style;
    std::string out;
    std::string scratch;
    const auto& columns = dataset.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c) out += ',';
        append_csv_field(out, columns[c].name, style);
    }
    out += '\n';
    for (std::size_t row = 0; row < dataset.row_count(); ++row) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c) out += ',';
            append_csv_field(out, dataset.cell_text(c, row, scratch), style);
        }
        out += '\n';
    }
    return out;
}

std::uint64_t fnv1a_64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace radar
