// CSV serialisation of a Dataset.
#include "csv_writer.hpp"

namespace radar {
namespace {

void append_field(std::string& out, const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

std::string write_csv(const Dataset& dataset) {
    std::string out;
    const auto& columns = dataset.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c) out += ',';
        append_field(out, columns[c].name);
    }
    out += '\n';
    for (std::size_t row = 0; row < dataset.row_count(); ++row) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c) out += ',';
            append_field(out, dataset.cell_text(c, row));
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
