// Writes a Dataset as RFC 4180 CSV (comma separated, CRLF-free "\n" lines, quotes doubled).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "dataset.hpp"

namespace radar {

std::string write_csv(const Dataset& dataset);

// FNV-1a 64-bit: a tiny stable fingerprint for determinism checks.
std::uint64_t fnv1a_64(std::string_view bytes);

}  // namespace radar
