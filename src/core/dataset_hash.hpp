// A content fingerprint of a dataset snapshot (SHA-256 over field names, types and CSV text), so
// a frozen batch can say exactly which data it was selected from.
#pragma once

#include <string>

#include "dataset.hpp"

namespace radar {

// 64 lower-case hex digits; equal datasets (same fields, types, order and cell texts) hash equally.
std::string dataset_sha256(const Dataset& dataset);

}  // namespace radar
