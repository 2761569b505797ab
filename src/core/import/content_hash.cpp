// The content fingerprint's lanes, finalisation and text form.
#include "core/import/content_hash.hpp"

#include <algorithm>
#include <cstring>

#include "core/base/unaligned_load.hpp"

namespace radar {
namespace {

constexpr std::uint64_t lane_multiplier = 0x9E3779B97F4A7C15ULL;

std::uint64_t mix(std::uint64_t value) {
    value ^= value >> 33;
    value *= 0xFF51AFD7ED558CCDULL;
    value ^= value >> 33;
    value *= 0xC4CEB9FE1A85EC53ULL;
    return value ^ (value >> 33);
}

}  // namespace

void ContentHasher::absorb(const char* block) {
    for (std::size_t lane = 0; lane < 4; ++lane) {
        const std::uint64_t mixed = (lanes_[lane] ^ load_word(block + 8 * lane)) * lane_multiplier;
        lanes_[lane] = mixed ^ (mixed >> 29);
    }
}

void ContentHasher::update(std::string_view bytes) {
    length_ += bytes.size();
    if (pending_size_ > 0) {
        const std::size_t take = std::min(block_size - pending_size_, bytes.size());
        if (take > 0) std::memcpy(pending_ + pending_size_, bytes.data(), take);
        pending_size_ += take;
        bytes.remove_prefix(take);
        if (pending_size_ < block_size) return;
        absorb(pending_);
        pending_size_ = 0;
    }
    while (bytes.size() >= block_size) {
        absorb(bytes.data());
        bytes.remove_prefix(block_size);
    }
    if (!bytes.empty()) std::memcpy(pending_, bytes.data(), bytes.size());  // data() may be null
    pending_size_ = bytes.size();
}

std::uint64_t ContentHasher::value() const {
    char tail[block_size] = {};
    std::memcpy(tail, pending_, pending_size_);
    std::uint64_t hash = mix(length_);
    for (std::size_t lane = 0; lane < 4; ++lane)
        hash = mix(hash ^ lanes_[lane] ^ (load_word(tail + 8 * lane) * lane_multiplier));
    return hash;
}

std::uint64_t content_hash_of(std::string_view bytes) {
    ContentHasher hasher;
    hasher.update(bytes);
    return hasher.value();
}

std::string format_content_hash(std::uint64_t hash) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text = "mix64x4:0000000000000000";
    for (std::size_t i = 0; i < 16; ++i) text[text.size() - 1 - i] = digits[(hash >> (4 * i)) & 0xF];
    return text;
}

}  // namespace radar
