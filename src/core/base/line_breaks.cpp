// Greedy line breaking at spaces (see line_breaks.hpp).
#include "core/base/line_breaks.hpp"

namespace radar {
namespace {

// One line without line breaks, broken at spaces, appended to `out`.
void break_line(std::string_view line, float width, const TextWidth& width_of, std::string& out) {
    std::size_t line_begin = 0;
    std::size_t last_space = std::string_view::npos;  // where the current line could end
    std::size_t word_begin = 0;
    while (true) {
        std::size_t word_end = line.find(' ', word_begin);
        if (word_end == std::string_view::npos) word_end = line.size();
        if (word_end == word_begin) {  // a second space, or spaces ending the line (kept: not drawn)
            if (word_end == line.size()) break;
            word_begin = word_end + 1;
            continue;
        }
        const bool too_wide = width_of(line.substr(line_begin, word_end - line_begin)) > width;
        if (too_wide && last_space != std::string_view::npos) {
            out.append(line.substr(line_begin, last_space - line_begin));
            out += '\n';
            line_begin = line.find_first_not_of(' ', last_space);
            if (line_begin == std::string_view::npos) return;
            last_space = std::string_view::npos;
            if (word_begin < line_begin) word_begin = line_begin;
            continue;
        }
        if (word_end == line.size()) break;
        if (word_end > line_begin) last_space = word_end;
        word_begin = word_end + 1;
    }
    out.append(line.substr(line_begin));
}

}  // namespace

std::string broken_at_spaces(std::string_view text, float width, const TextWidth& width_of) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = text.find('\n', begin);
        break_line(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin), width,
                   width_of, out);
        if (end == std::string_view::npos) return out;
        out += '\n';
        begin = end + 1;
    }
}

}  // namespace radar
