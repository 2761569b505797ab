// The import screen's field dictionary line: which dictionary the next imports are read with
// (built in, or a custom JSON file as `radar --fields` reads it), loading one, and going back.
#pragma once

#include "platform/file_transfer.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

void draw_dictionary_bar(Session& state);
// The sink a picked dictionary file goes to (the import screen leaves it in place while claimed).
const platform::FileSink* dictionary_file_sink();

}  // namespace radar::ui
