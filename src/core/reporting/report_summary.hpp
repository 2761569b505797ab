// The report's summary paragraph in the style of the parliamentary answer, in Dutch and English.
#pragma once

#include <string>

#include "core/reporting/report.hpp"

namespace radar {

// "Tot en met december 2023 werden 293 unieke dossiers op basis van de datamining onder de loep
// genomen. Van de gescreende dossiers werden er 156 als mogelijk risico geëvalueerd (...). ..."
std::string report_summary(const Report& report, TextLanguage language);

// A share 0..1 as a percentage with one decimal: "38,7%" / "38.7%".
std::string format_percent(double share, TextLanguage language);

}  // namespace radar
