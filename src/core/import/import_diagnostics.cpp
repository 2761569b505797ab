// Codes and labels of import diagnostics.
#include "core/import/import_diagnostics.hpp"

namespace radar {
namespace {

struct ReasonText {
    const char* code;
    const char* nl;
    const char* en;
};

constexpr ReasonText reason_texts[diagnostic_reason_count] = {
    {"unparsable_number", "Geen geldig getal", "Not a valid number"},
    {"not_whole_number", "Geen geheel getal", "Not a whole number"},
    {"unparsable_date", "Geen geldige datum", "Not a valid date"},
    {"impossible_date", "Onmogelijke datum", "Impossible date"},
    {"unparsable_boolean", "Geen geldige ja/nee-waarde", "Not a valid yes/no value"},
    {"out_of_range", "Waarde buiten het toegelaten bereik", "Value out of range"},
    {"unknown_category", "Onbekende waarde", "Unknown value"},
    {"required_missing", "Verplicht veld ontbreekt", "Required field missing"},
    {"duplicate_id", "Dubbel dossiernummer", "Duplicate dossier id"},
    {"ragged_row", "Verkeerd aantal kolommen", "Wrong number of columns"},
    {"unbalanced_quote", "Aanhalingsteken niet afgesloten", "Unbalanced quote"},
    {"invalid_json", "Ongeldige JSON", "Invalid JSON"},
    {"invalid_utf8", "Ongeldige UTF-8 gelezen als Windows-1252", "Invalid UTF-8 read as Windows-1252"},
    {"invalid_utf16", "Ongeldige UTF-16 gelezen als U+FFFD", "Invalid UTF-16 read as U+FFFD"},
    {"duplicate_header", "Dubbele kolomnaam", "Duplicate column header"},
    {"empty_header", "Lege kolomnaam", "Empty column header"},
    {"mapping_conflict", "Veld al gekoppeld aan een andere kolom", "Field already mapped from another column"},
    {"x_means_no", "Lege cellen gelezen als 'nee' (kolom met x-markering)",
     "Empty cells read as 'no' (column marks yes with x)"},
    {"ignored_data", "Gegevens genegeerd", "Data ignored"},
    {"missing_required_column", "Verplicht veld niet gevonden in de kolommen", "Required field not found among the columns"},
    {"unreadable_file", "Bestand niet leesbaar", "File cannot be read"},
    {"rows_not_listed", "Niet alle geweigerde rijen opgesomd", "Not every rejected row listed"},
};

}  // namespace

const char* reason_code(DiagnosticReason reason) { return reason_texts[static_cast<std::size_t>(reason)].code; }

const char* reason_label(DiagnosticReason reason, std::string_view language) {
    const ReasonText& text = reason_texts[static_cast<std::size_t>(reason)];
    return language == "nl" ? text.nl : text.en;
}

const char* severity_code(Severity severity) {
    switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    case Severity::fatal: return "fatal";
    }
    return "";
}

std::string byte_size_text(std::uint64_t bytes) {
    constexpr std::uint64_t kibibyte = 1024, mebibyte = 1024 * kibibyte;
    if (bytes >= mebibyte && bytes % mebibyte == 0) return std::to_string(bytes / mebibyte) + " MiB";
    if (bytes >= kibibyte && bytes % kibibyte == 0) return std::to_string(bytes / kibibyte) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace radar
