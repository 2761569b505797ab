// Numbers as people read them in messages and definitions: shortest text that reads back to
// the same double ("0.5", "60", "1e-07"), identical natively and in wasm.
#pragma once

#include <string>

namespace radar {

std::string format_number(double value);

// Fixed number of decimals ("12.50" for 12.5 with 2): for tables and fingerprints.
std::string format_fixed(double value, int decimals);

}  // namespace radar
