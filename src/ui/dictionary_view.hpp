// The import screen's field dictionary line: which dictionary the next imports are read with
// (built in, or a custom JSON file as `radar --fields` reads it), loading one, and going back.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "session/i18n.hpp"
#include "session/session.hpp"
#include "session/whole_file_sink.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// The dictionary file being picked and the outcome of the last load (formatted when drawn, so it
// follows the language). The sink is where a picked dictionary file goes (the import screen leaves
// it in place while claimed).
struct DictionaryState {
    static constexpr std::size_t max_bytes = 4 * 1024 * 1024;
    WholeFileSink sink{max_bytes, [] { return std::string(tr(TextId::import_too_large)); }};
    std::optional<std::string> refusal;
    std::string loaded_file;
};

void draw_dictionary_bar(Session& state, DictionaryState& dictionary);

}  // namespace radar::ui
