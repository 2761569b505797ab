// Text form of the content hash stored in snapshot descriptors.
#include "import/content_hash.hpp"

namespace radar {

std::string format_content_hash(std::uint64_t hash) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text = "fnv1a64:0000000000000000";
    for (std::size_t i = 0; i < 16; ++i) text[text.size() - 1 - i] = digits[(hash >> (4 * i)) & 0xF];
    return text;
}

}  // namespace radar
