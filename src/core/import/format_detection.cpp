// Format, delimiter and byte-order-mark sniffing on the first bytes of an import.
#include "core/import/format_detection.hpp"

#include <vector>

namespace radar {
namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Field counts of the first records of `sample` split by `delimiter`; blank lines skipped. The
// cut last line counts only when the sample is complete or holds no other line.
std::vector<std::size_t> field_counts(std::string_view sample, char delimiter, bool complete) {
    constexpr std::size_t max_records = 50;
    std::vector<std::size_t> counts;
    bool in_quotes = false;
    std::size_t fields = 1;
    bool blank = true;
    for (char c : sample) {
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes) {
            blank = false;
            continue;
        }
        if (c == delimiter) {
            ++fields;
        } else if (c == '\n') {
            if (!blank) counts.push_back(fields);
            if (counts.size() == max_records) return counts;
            fields = 1;
            blank = true;
            continue;
        }
        if (c != '\r') blank = false;
    }
    if ((complete || counts.empty()) && !blank) counts.push_back(fields);
    return counts;
}

}  // namespace

bool has_utf8_byte_order_mark(std::string_view sample) { return sample.substr(0, 3) == "\xEF\xBB\xBF"; }

std::optional<TextEncoding> utf16_byte_order_mark(std::string_view sample) {
    if (sample.substr(0, 2) == "\xFF\xFE") return TextEncoding::utf16_le;
    if (sample.substr(0, 2) == "\xFE\xFF") return TextEncoding::utf16_be;
    return std::nullopt;
}

DetectedFormat detect_format(std::string_view sample) {
    std::size_t at = 0;
    while (at < sample.size() && is_json_space(sample[at])) ++at;
    if (at == sample.size() || (sample[at] != '[' && sample[at] != '{')) return DetectedFormat::csv;
    const char opener = sample[at++];
    while (at < sample.size() && is_json_space(sample[at])) ++at;
    if (at == sample.size()) return DetectedFormat::csv;
    const char next = sample[at];
    if (opener == '{') return next == '"' || next == '}' ? DetectedFormat::json : DetectedFormat::csv;
    const bool json_value_start = next == '{' || next == '[' || next == ']' || next == '"' || next == '-' ||
                                  (next >= '0' && next <= '9') || next == 't' || next == 'f' || next == 'n';
    return json_value_start ? DetectedFormat::json : DetectedFormat::csv;
}

std::optional<SeparatorLine> excel_separator_line(std::string_view sample) {
    if (sample.size() < 5 || (sample.substr(0, 4) != "sep=" && sample.substr(0, 4) != "SEP=")) return std::nullopt;
    SeparatorLine line;
    line.delimiter = sample[4];
    if (line.delimiter == '\n' || line.delimiter == '\r' || line.delimiter == '"') return std::nullopt;
    std::size_t at = 5;
    if (at < sample.size() && sample[at] == '\r') ++at;
    if (at < sample.size() && sample[at] == '\n') ++at;
    else if (at < sample.size() && sample[at - 1] != '\r') return std::nullopt;
    line.length = at;
    return line;
}

char detect_delimiter(std::string_view sample, bool complete) {
    static constexpr char candidates[] = {';', ',', '\t', '|'};
    char best = ',';
    std::size_t best_matching = 0, best_total = 1, best_fields = 1;
    for (char candidate : candidates) {
        const auto counts = field_counts(sample, candidate, complete);
        if (counts.empty() || counts[0] < 2) continue;
        std::size_t matching = 0;
        for (std::size_t i = 1; i < counts.size(); ++i) matching += counts[i] == counts[0] ? 1 : 0;
        const std::size_t total = counts.size() - 1;
        // Compare matching/total as fractions (a header alone counts as fully consistent).
        const std::size_t left = total == 0 ? 1 : matching, left_total = total == 0 ? 1 : total;
        const std::size_t right = best_matching, right_total = best_total;
        const bool better = left * right_total > right * left_total ||
                            (left * right_total == right * left_total && counts[0] > best_fields);
        if (best_fields < 2 || better) {
            best = candidate;
            best_matching = left;
            best_total = left_total;
            best_fields = counts[0];
        }
    }
    return best;
}

}  // namespace radar
