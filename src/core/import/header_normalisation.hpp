// The key under which column headers and dictionary spellings are compared: case-, accent- and
// spacing-insensitive, so "Datum laatste inspectie", "datum_laatste_inspectie" and
// "DATUM LAATSTE INSPECTIE " all meet.
#pragma once

#include <string>
#include <string_view>

namespace radar {

// Lower-cases, folds Latin-1 accents, and drops everything but letters and digits
// (spaces, '_', '-', '.', brackets...). Non-Latin-1 characters are kept as they are.
std::string normalise_header(std::string_view header);

}  // namespace radar
