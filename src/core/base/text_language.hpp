// The two languages the core writes user-facing sentences in (reasons, report summaries).
#pragma once

namespace radar {

enum class TextLanguage { dutch, english };

}  // namespace radar
