// SHA-256 (FIPS 180-4) written for the core, so backups and dataset snapshots carry the same
// fingerprint natively and in WebAssembly without any third-party or browser crypto.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace radar {

class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    void update(std::string_view bytes);
    // Finishes the hash; the object must not be updated afterwards.
    Digest finish();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

Sha256::Digest sha256(std::string_view bytes);
// Lower-case hexadecimal, 64 characters.
std::string sha256_hex(std::string_view bytes);
std::string to_hex(const Sha256::Digest& digest);

}  // namespace radar
