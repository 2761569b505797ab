// One sentence per dossier saying why it is or is not in the batch, in Dutch or English
// (the UI's reasons column and the CLI print these).
#pragma once

#include <string>

#include "core/selection/selection_rule.hpp"
#include "core/base/text_language.hpp"

namespace radar {

// E.g. "Niet geselecteerd: in afkoeling tot 2024-03-15 na screening op 2023-12-15" /
// "Not selected: in cooldown until 2024-03-15 after screening on 2023-12-15".
std::string describe_decision(const SelectionOutcome& outcome, const DossierDecision& decision, TextLanguage language);

// Short label of the decision: "top-N", "controle", "signaal", "dekking", "onder grens", ...
const char* decision_label(Decision decision, TextLanguage language);

}  // namespace radar
