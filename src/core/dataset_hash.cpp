// Dataset fingerprint: a header line with the column types, then the dataset as CSV.
#include "dataset_hash.hpp"

#include "csv_writer.hpp"
#include "sha256.hpp"

namespace radar {

std::string dataset_sha256(const Dataset& dataset) {
    static constexpr const char* type_names[] = {"text", "integer", "number", "date"};
    Sha256 hash;
    std::string types = "types:";
    for (const Column& column : dataset.columns()) {
        types += type_names[static_cast<int>(column.type)];
        types += ',';
    }
    hash.update(types + "\n");
    write_csv_in_pieces(dataset, std::size_t{1} << 20, [&hash](std::string_view piece) { hash.update(piece); });
    return to_hex(hash.finish());
}

}  // namespace radar
