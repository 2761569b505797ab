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
    {"Gegevens", "Data"},
    {"Laad een export van de dossiers (CSV, TSV of JSON). Het bestand blijft op deze computer; de huidige gegevens veranderen pas als u de import aanvaardt.", "Load an export of the dossiers (CSV, TSV or JSON). The file stays on this computer; the current data only change when you accept the import."},
    {"Bestand kiezen\xE2\x80\xA6", "Choose file\xE2\x80\xA6"},
    {"of sleep een bestand naar dit venster", "or drop a file onto this window"},
    {"%s kon niet gelezen worden: %s", "%s could not be read: %s"},
    {"%s wordt ingelezen\xE2\x80\xA6", "Reading %s\xE2\x80\xA6"},
    {"Stoppen", "Stop"},
    {"%s rijen gelezen: %s ge\xC3\xAFmporteerd (waarvan %s met waarschuwingen), %s geweigerd", "%s rows read: %s imported (%s of them with warnings), %s rejected"},
    {"Formaat %s \xC2\xB7 codering %s \xC2\xB7 scheidingsteken %s \xC2\xB7 %s", "Format %s \xC2\xB7 encoding %s \xC2\xB7 delimiter %s \xC2\xB7 %s"},
    {"Kolom in het bestand", "Column in the file"},
    {"Veld", "Field"},
    {"Gebruik", "Use"},
    {"veld van het model", "model field"},
    {"extra kenmerk (bewaard, getoond)", "extra attribute (kept, shown)"},
    {"beschermd: getoond, nooit in een model", "protected: shown, never in a model"},
    {"niet gevonden in het bestand", "not found in the file"},
    {"Geen problemen gevonden.", "No problems found."},
    {"Rij", "Row"},
    {"Waarde", "Value"},
    {"Probleem", "Problem"},
    {"Import van %s", "Import of %s"},
    {"De import is mislukt: %s", "The import failed: %s"},
    {"Kolommen", "Columns"},
    {"Problemen (%s)", "Problems (%s)"},
    {"Problemen downloaden (CSV)", "Download problems (CSV)"},
    {"Geweigerde rijen downloaden (CSV)", "Download rejected rows (CSV)"},
    {"Import aanvaarden", "Accept import"},
    {"Annuleren", "Cancel"},
    {"Er is geen actief model om de nieuwe gegevens te scoren.", "There is no active model to score the new data."},
    {"De import mist een verplicht veld: ", "The import lacks a required field: "},
    {"Het actieve model kan deze gegevens niet scoren; er is niets veranderd:", "The active model cannot score these data; nothing changed:"},
    {"ge\xC3\xAFmporteerd op", "imported on"},
    {"Selectie", "Selection"},
    {"Screening", "Screening"},
    {"afgesloten", "closed"},
    {"open", "open"},
    {"Batch %s", "Batch %s"},
    {"Batches", "Batches"},
    {"Annuleren", "Cancel"},
    {"Kies eerst een code (1, 2 of 3).", "Choose a code first (1, 2 or 3)."},
    {"Recente informatie toont geen verhoogd risico.", "Recent information shows no elevated risk."},
    {"Al gekend: in handhaving of intensief opgevolgd.", "Already known: in enforcement or followed intensively."},
    {"Te weinig informatie: er komt een opvolging (bezoek of vraag).", "Not enough information: a follow-up is set up (visit or request)."},
    {"Gecodeerd: %s  \xC2\xB7  %s  \xC2\xB7  %s", "Coded: %s  \xC2\xB7  %s  \xC2\xB7  %s"},
    {"gecodeerd", "coded"},
    {"Batch", "Batch"},
    {"Vastgelegd door", "Committed by"},
    {"Soort", "Kind"},
    {"Voortgang", "Progress"},
    {"Reden", "Reason"},
    {"Status", "Status"},
    {"Batch vastleggen", "Commit batch"},
    {"Sla eerst de modelwijzigingen op (tab Model).", "Save the model edits first (Model tab)."},
    {"Aanvullende batch vastleggen", "Commit supplementary batch"},
    {"%s  \xC2\xB7  controlesteekproef (zonder score of rang)", "%s  \xC2\xB7  control sample (without score or rank)"},
    {"Corrigeren", "Correct"},
    {"Gecorrigeerd: %s", "Corrected: %s"},
    {"Reden van de correctie (verplicht)", "Reason for the correction (required)"},
    {"Geef de reden van de correctie.", "Give the reason for the correction."},
    {"Correctie: kies de nieuwe code. De oorspronkelijke code blijft in de geschiedenis.", "Correction: choose the new code. The original code stays in the history."},
    {"De vervaldatum moet de vorm JJJJ-MM-DD hebben.", "The due date must be YYYY-MM-DD."},
    {"tegen", "due"},
    {"Opvolging", "Follow-up"},
    {"Tegengehouden door de afkoelperiode (%zu)", "Held back by the cooldown (%zu)"},
    {"%s  \xC2\xB7  rang %u van %s bij selectie", "%s  \xC2\xB7  rank %u of %s at selection"},
    {"Nog geen batches vastgelegd.", "No batches committed yet."},
    {"Er is geen open batch. Leg een batch vast in de tab Selectie.", "There is no open batch. Commit one in the Selection tab."},
    {"Notitie (optioneel)", "Note (optional)"},
    {"Notitie (verplicht: de code wijkt af van de scoreband)", "Note (required: the code differs from the score band)"},
    {"Notitie: %s", "Note: %s"},
    {"Een notitie is verplicht: deze code wijkt af van de scoreband van het dossier. Leg kort uit waarom.", "A note is required: this code differs from the dossier's score band. Explain briefly why."},
    {"Alleen niet-gecodeerde", "Only uncoded"},
    {"Screenen", "Screen"},
    {"Model %s  \xC2\xB7  dataset %s\xE2\x80\xA6  \xC2\xB7  %s in aanmerking", "Model %s  \xC2\xB7  dataset %s\xE2\x80\xA6  \xC2\xB7  %s eligible"},
    {"Voorstel batch %s: %zu dossiers", "Proposed batch %s: %zu dossiers"},
    {"Voorstel aanvullende batch %s: %zu dossiers", "Proposed supplementary batch %s: %zu dossiers"},
    {"1/2/3 code  \xC2\xB7  Enter opslaan  \xC2\xB7  J/K volgende/vorige", "1/2/3 code  \xC2\xB7  Enter save  \xC2\xB7  J/K next/previous"},
    {"Opnieuw proberen", "Retry"},
    {"Opslaan (Enter)", "Save (Enter)"},
    {"Niet opgeslagen: %s", "Not saved: %s"},
    {"Niet opgeslagen:", "Not saved:"},
    {"opgeslagen", "saved"},
    {"opgeslagen (enkel in het geheugen)", "saved (in memory only)"},
    {"opslaan\xE2\x80\xA6", "saving\xE2\x80\xA6"},
    {"je naam", "your name"},
    {"Screener", "Screener"},
    {"Vul eerst je naam in als screener.", "Enter your name as screener first."},
    {"Capaciteit per maand (N)", "Capacity per month (N)"},
    {"Controlesteekproef", "Control sample"},
    {"Aantal willekeurige dossiers onder de grens, om het model te toetsen.", "Number of random dossiers below the cut-off, to test the model."},
    {"Afkoelperiode (maanden)", "Cooldown (months)"},
    {"Gesloten dossiers uitsluiten", "Exclude closed dossiers"},
    {"Dossiers in handhaving uitsluiten", "Exclude dossiers in enforcement"},
    {"Dekkingsgrens", "Coverage floor"},
    {"Hoogstens", "At most"},
    {"Niet ge\xC3\xAFnspecteerd sinds (maanden)", "Not inspected for (months)"},
    {"Voegt nooit gescreende dossiers toe die lang niet ge\xC3\xAFnspecteerd werden.", "Adds never-screened dossiers that were not inspected for a long time."},
    {"Zonder model is er geen voorstel.", "Without a model there is no proposal."},
    {"Geen dossiers tegengehouden.", "No dossiers held back."},
    {"Geen voorstel: %s", "No proposal: %s"},
    {"Instellingen", "Settings"},
    {"Nieuw signaal doorbreekt afkoeling", "New signal breaks the cooldown"},
    {"Een dossier in afkoeling met een ernstig signaal na de laatste screening mag toch in de top N.", "A dossier in cooldown with a serious signal after its last screening may still enter the top N."},
    {"De opslag is gesloten (%s). Herlaad de pagina.", "Storage was closed (%s). Reload the page."},
    {"%zu opgeslagen records konden niet gelezen worden.", "%zu stored records could not be read."},
    {"Opslag niet beschikbaar (%s): beslissingen blijven enkel in het geheugen en verdwijnen bij het sluiten.", "Storage unavailable (%s): decisions stay in memory only and are lost on closing."},
    {"Deze tab kan niet opslaan: een andere tab is de schrijver.", "This tab cannot save: another tab is the writer."},
    {"Opslag wordt geopend\xE2\x80\xA6", "Opening storage\xE2\x80\xA6"},
    {"Probleem met de opslag: %s", "Storage problem: %s"},
    {"Alleen lezen: de app is open in een andere tab, die de beslissingen opslaat.", "Read-only: the app is open in another tab, which stores the decisions."},
    {"Nog geen geschiedenis.", "No history yet."},
    {"Geschiedenis", "History"},
    {"Hier gebruiken", "Use here"},
    {"extra attribuut (behouden)", "extra attribute (kept)"},
    {" (beschermd)", " (protected)"},
    {"Koppelprofiel", "Mapping profile"},
    {"(automatisch)", "(automatic)"},
    {"(aangepast)", "(edited)"},
    {"Profiel \"%s\" automatisch toegepast: de kolomkoppen komen overeen.", "Profile \"%s\" applied automatically: the column headers match."},
    {"naam van het profiel", "profile name"},
    {"Koppeling bewaren als profiel", "Save mapping as profile"},
    {"Bestand opnieuw inlezen met de gewijzigde koppeling\xE2\x80\xA6", "Reading the file again with the changed mapping\xE2\x80\xA6"},
    {"Velden zonder kolom: %s", "Fields without a column: %s"},
    {"Dossiergegevens enkel in het geheugen houden (privacy)", "Keep dossier data in memory only (privacy)"},
    {"Het ge\xC3\xAF" "mporteerde bestand wordt niet in de browser bewaard; na herladen verschijnen de demodata. Codes en geschiedenis worden wel bewaard.", "The imported file is not kept in the browser; after a reload the demo data appear. Codes and history are still stored."},
    {"Bewaarde dossiergegevens verwijderen?", "Remove the stored dossier data?"},
    {"De bewaarde dataset wordt uit de browser verwijderd. Codes en geschiedenis blijven bewaard.", "The stored dataset is removed from the browser. Codes and history stay stored."},
    {"Verwijderen", "Remove"},
    {"Annuleren", "Cancel"},
    {"Dataset %s:", "Dataset %s:"},
    {"Dataset %s staat enkel in het geheugen.", "Dataset %s is kept in memory only."},
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

std::string group_thousands(std::uint64_t value) {
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
