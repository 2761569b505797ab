// CSV serialisation of a Dataset and of single rows.
#include "csv_writer.hpp"

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

void write_csv_in_pieces(const Dataset& dataset, std::size_t piece_bytes,
                         const std::function<void(std::string_view piece)>& sink) {
    const CsvStyle style;
    std::string piece;
    std::string scratch;
    const auto& columns = dataset.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c) piece += ',';
        append_csv_field(piece, columns[c].name, style);
    }
    piece += '\n';
    for (std::size_t row = 0; row < dataset.row_count(); ++row) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c) piece += ',';
            append_csv_field(piece, dataset.cell_text(c, row, scratch), style);
        }
        piece += '\n';
        if (piece.size() >= piece_bytes) {
            sink(piece);
            piece.clear();
        }
    }
    if (!piece.empty()) sink(piece);
}

std::string write_csv(const Dataset& dataset) {
    std::string out;
    write_csv_in_pieces(dataset, std::size_t{1} << 20, [&out](std::string_view piece) { out.append(piece); });
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
