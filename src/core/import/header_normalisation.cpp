// Header comparison key built on the search folding.
#include "core/import/header_normalisation.hpp"

#include "core/search/text_fold.hpp"

namespace radar {

std::string normalise_header(std::string_view header) {
    const std::string folded = fold_for_search(header);
    std::string key;
    key.reserve(folded.size());
    for (char c : folded) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) key.push_back(c);
    }
    return key;
}

}  // namespace radar
