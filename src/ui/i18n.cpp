// The translation table and locale-aware formatting of dates and numbers.
#include "ui/i18n.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace radar::ui {
namespace {

Language current_language = Language::dutch;

struct Translation {
    const char* dutch;
    const char* english;
};

constexpr std::array<Translation, static_cast<std::size_t>(TextId::count)> table{{
    {"Dossier Radar", "Dossier Radar"},
    {"Risicogestuurde screening van kinderopvangdossiers", "Risk-based screening of childcare dossiers"},
    {"SYNTHETISCHE DEMODATA", "SYNTHETIC DEMO DATA"},
    {"Deze dossiers zijn verzonnen door de ingebouwde generator. Ze beschrijven geen echte opvanglocaties.",
     "These dossiers were made up by the built-in generator. They describe no real childcare locations."},
    {"Dataset", "Dataset"},
    {"dossiers", "dossiers"},
    {"Exportdatum", "Export date"},
    {"Peildatum", "Reference date"},
    {"De score is een prioriteit voor screening, geen oordeel over de kwaliteit van de opvang.",
     "The score is a screening priority, not a judgement of the quality of care."},
    {"Zoek op dossier, naam, gemeente of opvangvorm", "Search by dossier, name, municipality or care type"},
    {"/ om te zoeken, Esc om te wissen", "/ to search, Esc to clear"},
    {"Rang", "Rank"},
    {"Dossier", "Dossier"},
    {"Naam", "Name"},
    {"Gemeente", "Municipality"},
    {"Opvangvorm", "Care type"},
    {"Score", "Score"},
    {"%s van %s dossiers", "%s of %s dossiers"},
    {"Geen dossiers gevonden voor deze zoekopdracht.", "No dossiers match this search."},
    {"Opbouw van de score", "Score breakdown"},
    {"Taal / language (Alt+L)", "Language / taal (Alt+L)"},
    {"Alle provincies", "All provinces"},
    {"Alle opvangvormen", "All care types"},
    {"Provincie", "Province"},
    {"Opvangvorm", "Care type"},
    {"Minimale score", "Minimum score"},
    {"Klik op een dossier om te zien waarom het deze score heeft.", "Click a dossier to see why it has this score."},
    {"Rang %zu van %s  \xC2\xB7  score %s", "Rank %zu of %s  \xC2\xB7  score %s"},
    {"Waarom deze score", "Why this score"},
    {"Geen enkele parameter draagt bij: dit dossier heeft de laagste prioriteit.",
     "No parameter contributes: this dossier has the lowest priority."},
    {"Alle gegevens van het dossier", "All data of the dossier"},
    {"Veld", "Field"},
    {"Waarde", "Value"},
    {"(ontbreekt)", "(missing)"},
    {"Sluiten (Esc)", "Close (Esc)"},
    {"Volledigheid van de informatie", "Completeness of the information"},
    {"%s%% van de score", "%s%% of the score"},
    {"Rapport", "Report"},
    {"Periode", "Period"},
    {"Maand", "Month"},
    {"Kwartaal", "Quarter"},
    {"Jaar", "Year"},
    {"Alles", "All time"},
    {"Aangepast", "Custom"},
    {"van", "from"},
    {"tot en met", "to"},
    {"Geef datums als JJJJ-MM-DD, met 'van' niet na 'tot en met'.", "Enter dates as YYYY-MM-DD, with 'from' not after 'to'."},
    {"Mogelijk risico =", "Possible risk ="},
    {"Welke codes als mogelijk risico tellen. De definitie staat in het rapport en in elke export.", "Which codes count as a possible risk. The definition is stated in the report and in every export."},
    {"JSON downloaden", "Download JSON"},
    {"Afdrukbare versie openen", "Open printable version"},
    {"HTML downloaden", "Download HTML"},
    {"Alle exports worden lokaal gemaakt; er wordt niets verstuurd.", "All exports are made locally; nothing is sent anywhere."},
    {"Deze tabel als CSV downloaden (veilig voor Excel)", "Download this table as CSV (safe for Excel)"},
    {"Nog geen screeningsgeschiedenis: leg eerst een batch vast en codeer dossiers.", "No screening history yet: commit a batch and code dossiers first."},
    {"Gemaakt op %s  \xC2\xB7  datasets (sha256) %s  \xC2\xB7  modelversies %s", "Generated at %s  \xC2\xB7  datasets (sha256) %s  \xC2\xB7  model versions %s"},
    {"geen", "none"},
    {"Kerncijfers", "Key figures"},
    {"unieke dossiers gescreend", "unique dossiers screened"},
    {"als mogelijk risico ge\xC3\xABvalueerd (%s)", "evaluated as a possible risk (%s)"},
    {"screenings", "screenings"},
    {"opvolgingen opgezet", "follow-ups set up"},
    {"%s afgerond, %s lopend, %s over de vervaldatum", "%s done, %s open, %s overdue"},
    {"Samenvatting", "Summary"},
    {"Grafieken", "Charts"},
    {"Tabellen", "Tables"},
    {"Trefkans: top van de lijst tegenover de controlesteekproef", "Hit rate: top of the list against the control sample"},
    {"Top-N", "Top N"},
    {"Controlesteekproef", "Control sample"},
    {"Er werd geen controlesteekproef gescreend in deze periode, dus de cijfers zeggen niet of de score beter werkt dan het toeval.", "No control sample was screened in this period, so the figures do not show whether the score does better than chance."},
    {"Verschil top-N \xE2\x88\x92 controle: %s (95%%-betrouwbaarheidsinterval %s \xE2\x80\x93 %s)", "Difference top N \xE2\x88\x92 control: %s (95%% confidence interval %s \xE2\x80\x93 %s)"},
    {"lift %s", "lift %s"},
    {"totaal", "total"},
    {"Geen screenings in deze periode.", "No screenings in this period."},
    {"Het model werd geweigerd:", "The model was refused:"},
    {"Ranglijst", "Ranking"},
    {"Model", "Model"},
    {"Actieve versie %d", "Active version %d"},
    {"gewijzigd, niet opgeslagen", "edited, not saved"},
    {"Definitie van de score", "Definition of the score"},
    {"Parameter", "Parameter"},
    {"Gewicht", "Weight"},
    {"Drempels en grenzen", "Thresholds and caps"},
    {"Punten = gewicht \xC3\x97 uitkomst van de transformatie. Ctrl+klik om een waarde te typen.", "Points = weight \xC3\x97 output of the transform. Ctrl+click to type a value."},
    {"Veld: %s", "Field: %s"},
    {"min", "min"},
    {"max", "max"},
    {"daaronder", "below"},
    {"vanaf", "from"},
    {"waarde", "value"},
    {"Wijzigingen ongedaan maken", "Undo changes"},
    {"Verschuiving ten opzichte van de actieve versie", "Movement compared with the active version"},
    {"Top", "Top"},
    {"%s nieuw in de top %s, %s eruit, %s binnen de top verschoven", "%s entered the top %s, %s left it, %s moved within it"},
    {"Geen verschuiving: de ranglijst is gelijk aan die van de actieve versie.", "No movement: the ranking equals that of the active version."},
    {"Nieuw in de top", "New in the top"},
    {"Uit de top", "Left the top"},
    {"Rang voor", "Rank before"},
    {"Rang nu", "Rank now"},
    {"Verschuiving", "Move"},
    {"Versies", "Versions"},
    {"Auteur", "Author"},
    {"Notitie: waarom deze versie", "Note: why this version"},
    {"Opslaan als nieuwe versie", "Save as new version"},
    {"Versie %d opgeslagen.", "Version %d saved."},
    {"Opslaan mislukt:", "Saving failed:"},
    {"Versie", "Version"},
    {"Auteur", "Author"},
    {"Notitie", "Note"},
    {"Datum", "Date"},
    {"Activeren", "Activate"},
    {"actief", "active"},
    {"Vingerafdruk %s", "Fingerprint %s"},
    {"Actieve versie exporteren (JSON)", "Export active version (JSON)"},
    {"Model importeren (JSON)", "Import model (JSON)"},
    {"Bestand wordt gelezen...", "Reading the file..."},
    {"%s ge\xC3\xAFmporteerd als versie %d.", "%s imported as version %d."},
    {"Importeren mislukt:", "Import failed:"},
    {"Het bestand is te groot voor een model.", "The file is too large for a model."},
    {"nieuw", "new"},
}};

constexpr std::array<const char*, 12> dutch_months{{"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                                     "augustus", "september", "oktober", "november", "december"}};
constexpr std::array<const char*, 12> english_months{{"January", "February", "March", "April", "May", "June", "July",
                                                       "August", "September", "October", "November", "December"}};

}  // namespace

void set_language(Language language) { current_language = language; }
Language language() { return current_language; }
const char* language_code() { return current_language == Language::dutch ? "nl" : "en"; }

const char* tr(TextId id) {
    const Translation& entry = table[static_cast<std::size_t>(id)];
    return current_language == Language::dutch ? entry.dutch : entry.english;
}

const char* care_type_label(const std::string& code) {
    const bool dutch = current_language == Language::dutch;
    if (code == "gezinsopvang") return dutch ? "gezinsopvang" : "family-based care";
    if (code == "groepsopvang") return dutch ? "groepsopvang" : "group care";
    if (code == "buitenschoolse opvang") return dutch ? "buitenschoolse opvang" : "out-of-school care";
    return code.c_str();
}

std::string long_date(DayNumber day) {
    const CivilDate date = civil_from_days(day);
    const auto& months = current_language == Language::dutch ? dutch_months : english_months;
    return std::to_string(date.day) + " " + months[static_cast<std::size_t>(date.month - 1)] + " " +
           std::to_string(date.year);
}

std::string group_thousands(std::size_t value) {
    const std::string digits = std::to_string(value);
    const char separator = current_language == Language::dutch ? '.' : ',';
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string one_decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    if (current_language == Language::dutch)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

}  // namespace radar::ui
