// Synthetic dossier generator. A latent risk level per dossier drives the observable signals
// (shortcomings, complaints, incidents, enforcement...) with noise, so no single column gives it away.
// Only integer draws and basic IEEE arithmetic are used: byte-identical output native and wasm.
#include "core/data/demo_data.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/base/random.hpp"

namespace radar {
namespace {

struct Municipality {
    const char* name;
    const char* province;
    int weight;  // rough relative number of childcare locations
};

constexpr std::array<Municipality, 48> municipalities{{
    {"Antwerpen", "Antwerpen", 40}, {"Mechelen", "Antwerpen", 10}, {"Turnhout", "Antwerpen", 6},
    {"Mol", "Antwerpen", 5}, {"Geel", "Antwerpen", 5}, {"Lier", "Antwerpen", 5},
    {"Mortsel", "Antwerpen", 4}, {"Schoten", "Antwerpen", 4}, {"Herentals", "Antwerpen", 4},
    {"Gent", "Oost-Vlaanderen", 30}, {"Aalst", "Oost-Vlaanderen", 10}, {"Sint-Niklaas", "Oost-Vlaanderen", 9},
    {"Dendermonde", "Oost-Vlaanderen", 5}, {"Lokeren", "Oost-Vlaanderen", 5}, {"Oudenaarde", "Oost-Vlaanderen", 4},
    {"Eeklo", "Oost-Vlaanderen", 3}, {"Zottegem", "Oost-Vlaanderen", 3}, {"Ronse", "Oost-Vlaanderen", 3},
    {"Brugge", "West-Vlaanderen", 14}, {"Kortrijk", "West-Vlaanderen", 10}, {"Oostende", "West-Vlaanderen", 9},
    {"Roeselare", "West-Vlaanderen", 8}, {"Ieper", "West-Vlaanderen", 4}, {"Waregem", "West-Vlaanderen", 4},
    {"Menen", "West-Vlaanderen", 4}, {"Knokke-Heist", "West-Vlaanderen", 3}, {"Tielt", "West-Vlaanderen", 3},
    {"Leuven", "Vlaams-Brabant", 12}, {"Vilvoorde", "Vlaams-Brabant", 6}, {"Halle", "Vlaams-Brabant", 5},
    {"Dilbeek", "Vlaams-Brabant", 5}, {"Zaventem", "Vlaams-Brabant", 4}, {"Tienen", "Vlaams-Brabant", 4},
    {"Grimbergen", "Vlaams-Brabant", 4}, {"Aarschot", "Vlaams-Brabant", 3}, {"Diest", "Vlaams-Brabant", 3},
    {"Hasselt", "Limburg", 10}, {"Genk", "Limburg", 9}, {"Sint-Truiden", "Limburg", 5},
    {"Beringen", "Limburg", 5}, {"Tongeren", "Limburg", 4}, {"Lommel", "Limburg", 4},
    {"Maasmechelen", "Limburg", 4}, {"Bilzen", "Limburg", 3},
    {"Brussel", "Brussels Hoofdstedelijk Gewest", 14}, {"Schaarbeek", "Brussels Hoofdstedelijk Gewest", 6},
    {"Anderlecht", "Brussels Hoofdstedelijk Gewest", 6}, {"Elsene", "Brussels Hoofdstedelijk Gewest", 5},
}};

constexpr std::array<const char*, 8> group_prefixes{{
    "Kinderdagverblijf", "Crèche", "Kribbe", "Kinderopvang", "Minicrèche", "Kinderhuis", "Peutertuin", "Kindercentrum"}};
constexpr std::array<const char*, 4> after_school_prefixes{{
    "IBO", "Buitenschoolse opvang", "Speelotheek", "Naschoolse opvang"}};
constexpr std::array<const char*, 26> place_names{{
    "De Zonnebloem", "'t Kabouterke", "Het Vlindertje", "De Regenboog", "Pinkeltje", "Klein Geluk",
    "De Speelvogel", "Bengeltjes", "Les Petits Génies", "Zonnestraaltje", "De Notelaar", "Het Egeltje",
    "Kribbebijt", "De Boomhut", "Ukkepuk", "Troetelbeer", "De Vlieger", "Smurfenland", "Het Bijenkorfje",
    "Duimelotje", "De Kangoeroe", "Kindjeshuis", "Belle Étoile", "Het Zeepaardje", "Dikkie Dik", "Sterretje"}};
constexpr std::array<const char*, 30> first_names{{
    "Anaïs", "Zoë", "Chloë", "Noëlla", "Inès", "Sofie", "Lotte", "Hanne", "Fatima", "Ilse", "Marijke",
    "Lien", "Ellen", "Nathalie", "Saïda", "Emine", "Griet", "An", "Katrien", "Mélanie", "Joke", "Leen",
    "Rachida", "Veerle", "Björn", "Tom", "Günther", "Hélène", "Wendy", "Nancy"}};
constexpr std::array<const char*, 24> family_names{{
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Dubois", "Vermeulen", "Van den Broeck", "Declercq", "El Amrani", "Öztürk", "Lemaître",
    "Verhaegen", "Van Damme", "Desmet", "Coppens", "Lambrecht", "D'Hondt", "Verstraete"}};

constexpr std::array<const char*, 3> care_types{{"gezinsopvang", "groepsopvang", "buitenschoolse opvang"}};

template <std::size_t N>
const char* pick(Random& random, const std::array<const char*, N>& items) {
    return items[random.below(static_cast<std::uint32_t>(N))];
}

const Municipality& pick_municipality(Random& random) {
    int total = 0;
    for (const auto& m : municipalities) total += m.weight;
    int draw = static_cast<int>(random.below(static_cast<std::uint32_t>(total)));
    for (const auto& m : municipalities) {
        if (draw < m.weight) return m;
        draw -= m.weight;
    }
    return municipalities.back();
}

// Number of events with expected value `mean` (a sum of Bernoulli trials; no exp/log needed).
int count_events(Random& random, double mean, int trials = 12) {
    const double p = std::min(0.95, mean / trials);
    int count = 0;
    for (int i = 0; i < trials; ++i) count += random.chance(p) ? 1 : 0;
    return count;
}

std::string dossier_id(std::size_t index) {
    std::string digits = std::to_string(100000 + index * 7 % 900000 + index / 900000);
    return "KO-" + digits;
}

std::string location_name(Random& random, int care_type) {
    // One draw per statement: the evaluation order of operands of + is unspecified, and
    // compilers differ, which would break native/wasm byte-identity.
    if (care_type == 0) {
        const std::string first = pick(random, first_names);
        const std::string family = pick(random, family_names);
        return "Gezinsopvang " + first + " " + family;
    }
    const std::string prefix = care_type == 1 ? pick(random, group_prefixes) : pick(random, after_school_prefixes);
    const std::string place = pick(random, place_names);
    return prefix + " " + place;
}

}  // namespace

DemoData generate_demo_data(const DemoSettings& settings) {
    DemoData demo;
    Random random(settings.seed);
    Dataset& d = demo.dataset;
    Column& id = d.add_column("dossier_id", ColumnType::text);
    Column& name = d.add_column("name", ColumnType::text);
    Column& organiser = d.add_column("organiser_id", ColumnType::text);
    Column& municipality = d.add_column("municipality", ColumnType::text);
    Column& province = d.add_column("province", ColumnType::text);
    Column& care_type = d.add_column("care_type", ColumnType::text);
    Column& subsidy_level = d.add_column("subsidy_level", ColumnType::integer);
    Column& capacity = d.add_column("capacity", ColumnType::integer);
    Column& start_date = d.add_column("start_date", ColumnType::date);
    Column& last_inspection = d.add_column("last_inspection_date", ColumnType::date);
    Column& shortcomings = d.add_column("shortcomings_last_inspection", ColumnType::integer);
    Column& serious = d.add_column("serious_shortcomings_last_inspection", ColumnType::integer);
    Column& complaints = d.add_column("complaints_12m", ColumnType::integer);
    Column& incidents = d.add_column("incidents_12m", ColumnType::integer);
    Column& last_signal = d.add_column("last_serious_signal_date", ColumnType::date);
    Column& enforcement = d.add_column("enforcement_status", ColumnType::text);
    Column& organiser_changes = d.add_column("organiser_changes_3y", ColumnType::integer);
    Column& responsible_changes = d.add_column("responsible_changes_3y", ColumnType::integer);
    Column& missing_certificates = d.add_column("missing_certificates", ColumnType::integer);
    Column& subsidy_recovery = d.add_column("subsidy_recovery_12m", ColumnType::integer);
    Column& status = d.add_column("status", ColumnType::text);

    const DayNumber today = settings.export_date;
    std::size_t organiser_counter = 0;
    int organiser_left = 0;
    for (std::size_t row = 0; row < settings.dossier_count; ++row) {
        // Latent risk: mostly low, a long tail of troubled locations (mean of squared uniforms).
        const double u = random.unit();
        const double latent = std::min(1.0, u * u * u * 0.9 + random.unit() * 0.1);
        // Some organisers run several locations; they share an id and part of their risk.
        if (organiser_left == 0) {
            ++organiser_counter;
            organiser_left = random.chance(0.15) ? random.between(2, 6) : 1;
        }
        --organiser_left;

        const int type = static_cast<int>(random.below(100)) < 38 ? 0 : (random.below(100) < 70 ? 1 : 2);
        const Municipality& place = pick_municipality(random);
        id.push_text(dossier_id(row));
        name.push_text(location_name(random, type));
        organiser.push_text("ORG-" + std::to_string(10000 + organiser_counter));
        municipality.push_text(place.name);
        province.push_text(place.province);
        care_type.push_text(care_types[static_cast<std::size_t>(type)]);
        subsidy_level.push_number(type == 2 ? 0 : random.between(0, 4));
        const int places = type == 0 ? random.between(4, 8) : (type == 1 ? random.between(9, 72) : random.between(14, 120));
        capacity.push_number(places);

        const int age_days = random.between(60, 365 * 25);
        start_date.push_number(today - age_days);

        // Inspections roughly every 1-4 years; risky places a bit more often; new places maybe never.
        const int interval = random.between(120, 365 * 4) - static_cast<int>(latent * 300);
        const int since_inspection = std::max(7, interval);
        if (since_inspection >= age_days) last_inspection.push_missing();
        else last_inspection.push_number(today - since_inspection);

        const bool inspected = !last_inspection.is_missing(row);
        shortcomings.push_number(inspected ? count_events(random, 0.6 + latent * 5.0) : 0);
        serious.push_number(inspected ? count_events(random, 0.03 + latent * 1.6, 6) : 0);
        if (!inspected) {
            shortcomings.missing.set(shortcomings.size() - 1, true);
            serious.missing.set(serious.size() - 1, true);
        }
        const double size_factor = 0.5 + places / 80.0;
        const int complaint_count = count_events(random, (0.2 + latent * 2.5) * size_factor);
        const int incident_count = count_events(random, (0.05 + latent * 1.8) * size_factor);
        complaints.push_number(complaint_count);
        incidents.push_number(incident_count);
        if (incident_count > 0 && random.chance(0.3 + latent * 0.6)) last_signal.push_number(today - random.between(3, 365));
        else last_signal.push_missing();

        const int enforcement_draw = static_cast<int>(random.below(1000));
        const int threshold = static_cast<int>(latent * latent * 420);
        const char* enforcement_text = "geen";
        if (enforcement_draw < threshold / 6) enforcement_text = "schorsing";
        else if (enforcement_draw < threshold) enforcement_text = "aanmaning";
        else if (enforcement_draw < threshold + 4) enforcement_text = "opheffing";
        enforcement.push_text(enforcement_text);

        organiser_changes.push_number(count_events(random, 0.1 + latent * 0.7, 4));
        responsible_changes.push_number(count_events(random, 0.3 + latent * 1.0, 4));
        missing_certificates.push_number(count_events(random, 0.1 + latent * 1.5, 5));
        subsidy_recovery.push_number(type != 2 && random.chance(0.02 + latent * 0.2) ? 1 : 0);
        const bool closed = std::string(enforcement_text) == "opheffing" || random.chance(0.015);
        status.push_text(closed ? "gesloten" : "actief");

        demo.true_risk_probability.push_back(latent);
        demo.true_risk.push_back(random.chance(0.05 + latent * 0.9) ? 1 : 0);
    }
    return demo;
}

}  // namespace radar
