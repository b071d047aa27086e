//! What an item classification says about the work: the sector, and
//! whether the contract buys labor itself (supply of personnel, where the
//! vendor acts as a labor broker). One table per scheme, most specific
//! prefix first, each row tested below; a code that means no sector (most
//! goods, most services) maps to nothing rather than to a guess.
//!
//! Schemes: CPV (the EU's Common Procurement Vocabulary; Ukraine's ДК021
//! (DK021:2015) is CPV and Prozorro publishes it under that name) and
//! UNSPSC (the UN Standard Products and Services Code).

use crate::model::Sector;

/// What a classification code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// Work in this sector.
    Sector(Sector),
    /// The supply of personnel (temporary staff, placement): the vendor
    /// supplies labor as a broker, whatever the work.
    LaborSupply,
}

/// CPV prefixes, most specific first.
const CPV: &[(&str, Meaning)] = &[
    ("7961", Meaning::LaborSupply), // placement services of personnel
    ("7962", Meaning::LaborSupply), // supply services of personnel, incl. temporary staff
    ("9091", Meaning::Sector(Sector::Janitorial)), // cleaning services
    ("9092", Meaning::Sector(Sector::Janitorial)), // facility-related sanitation services
    ("9831", Meaning::Sector(Sector::Laundry)), // washing and dry-cleaning services
    ("7971", Meaning::Sector(Sector::Security)), // security services
    ("7995", Meaning::Sector(Sector::EventStaffing)), // event-organisation services
    ("5552", Meaning::Sector(Sector::FoodService)), // catering services
    ("5551", Meaning::Sector(Sector::FoodService)), // canteen services
    ("7731", Meaning::Sector(Sector::Landscaping)), // planting and maintenance of green areas
    ("7732", Meaning::Sector(Sector::Landscaping)), // sports-field maintenance
    ("6312", Meaning::Sector(Sector::Warehousing)), // storage and warehousing services
    ("45", Meaning::Sector(Sector::Construction)), // construction work
    ("55", Meaning::Sector(Sector::Hospitality)), // hotel, restaurant and retail trade services
    ("18", Meaning::Sector(Sector::Apparel)), // clothing, footwear, luggage
    ("30", Meaning::Sector(Sector::Electronics)), // office and computing machinery
    ("32", Meaning::Sector(Sector::Electronics)), // radio, television, communication equipment
    ("60", Meaning::Sector(Sector::Transportation)), // transport services
    ("03", Meaning::Sector(Sector::Agriculture)), // agricultural products
    ("15", Meaning::Sector(Sector::Manufacturing)), // food, beverages and tobacco
    ("79", Meaning::Sector(Sector::ProfessionalServices)), // business services
];

/// UNSPSC prefixes, most specific first.
const UNSPSC: &[(&str, Meaning)] = &[
    ("8011", Meaning::LaborSupply), // human resources services (temporary personnel)
    ("7611", Meaning::Sector(Sector::Janitorial)), // cleaning and janitorial services
    ("9212", Meaning::Sector(Sector::Security)), // security and personal safety
    ("911115", Meaning::Sector(Sector::Laundry)), // laundry services
    ("9010", Meaning::Sector(Sector::FoodService)), // restaurants and catering
    ("9011", Meaning::Sector(Sector::Hospitality)), // hotels and lodging
    ("7011", Meaning::Sector(Sector::Landscaping)), // horticulture
    ("7813", Meaning::Sector(Sector::Warehousing)), // storage
    ("72", Meaning::Sector(Sector::Construction)), // building construction and maintenance services
    ("30", Meaning::Sector(Sector::Construction)), // structures and building components
    ("53", Meaning::Sector(Sector::Apparel)), // apparel and luggage
    ("43", Meaning::Sector(Sector::Electronics)), // IT, broadcasting and telecommunications
    ("32", Meaning::Sector(Sector::Electronics)), // electronic components
    ("78", Meaning::Sector(Sector::Transportation)), // transportation and storage services
    ("10", Meaning::Sector(Sector::Agriculture)), // live plant and animal material
    ("70", Meaning::Sector(Sector::Agriculture)), // farming and forestry services
    ("80", Meaning::Sector(Sector::ProfessionalServices)), // management and business services
    ("81", Meaning::Sector(Sector::ProfessionalServices)), // engineering and research services
];

/// What the code `id` of `scheme` says, if anything. Only the digits of the
/// code count (`90910000-9` is CPV 90910000 with its check digit).
pub fn meaning(scheme: &str, id: &str) -> Option<Meaning> {
    let digits: String = id.chars().filter(char::is_ascii_digit).collect();
    let table = match scheme.trim().to_uppercase().as_str() {
        "CPV" | "ДК021" | "DK021" | "CPVS" => CPV,
        "UNSPSC" => UNSPSC,
        _ => return None,
    };
    table
        .iter()
        .find(|(prefix, _)| digits.starts_with(prefix))
        .map(|(_, meaning)| *meaning)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One case per row: a real code of the row's kind, and what it means.
    #[test]
    fn every_row_with_a_real_code() {
        let cases: &[(&str, &str, Option<Meaning>)] = &[
            ("CPV", "79610000-3", Some(Meaning::LaborSupply)), // placement services of personnel
            ("CPV", "79620000-6", Some(Meaning::LaborSupply)), // supply services of personnel
            ("CPV", "79624000-4", Some(Meaning::LaborSupply)), // supply services of nursing personnel
            (
                "CPV",
                "90910000-9",
                Some(Meaning::Sector(Sector::Janitorial)),
            ),
            (
                "CPV",
                "90920000-2",
                Some(Meaning::Sector(Sector::Janitorial)),
            ),
            ("CPV", "98310000-9", Some(Meaning::Sector(Sector::Laundry))),
            ("CPV", "79710000-4", Some(Meaning::Sector(Sector::Security))),
            (
                "CPV",
                "79952000-2",
                Some(Meaning::Sector(Sector::EventStaffing)),
            ),
            (
                "CPV",
                "55520000-1",
                Some(Meaning::Sector(Sector::FoodService)),
            ),
            (
                "CPV",
                "55510000-8",
                Some(Meaning::Sector(Sector::FoodService)),
            ),
            (
                "CPV",
                "77310000-6",
                Some(Meaning::Sector(Sector::Landscaping)),
            ),
            (
                "CPV",
                "77320000-9",
                Some(Meaning::Sector(Sector::Landscaping)),
            ),
            (
                "CPV",
                "63120000-6",
                Some(Meaning::Sector(Sector::Warehousing)),
            ),
            (
                "CPV",
                "45233140-2",
                Some(Meaning::Sector(Sector::Construction)),
            ),
            (
                "CPV",
                "55110000-4",
                Some(Meaning::Sector(Sector::Hospitality)),
            ),
            ("CPV", "18110000-3", Some(Meaning::Sector(Sector::Apparel))),
            (
                "CPV",
                "30213100-6",
                Some(Meaning::Sector(Sector::Electronics)),
            ),
            (
                "CPV",
                "32500000-8",
                Some(Meaning::Sector(Sector::Electronics)),
            ),
            (
                "CPV",
                "60100000-9",
                Some(Meaning::Sector(Sector::Transportation)),
            ),
            (
                "CPV",
                "03200000-3",
                Some(Meaning::Sector(Sector::Agriculture)),
            ),
            (
                "CPV",
                "15800000-6",
                Some(Meaning::Sector(Sector::Manufacturing)),
            ),
            (
                "CPV",
                "79411000-8",
                Some(Meaning::Sector(Sector::ProfessionalServices)),
            ),
            ("UNSPSC", "80111600", Some(Meaning::LaborSupply)),
            (
                "UNSPSC",
                "76111500",
                Some(Meaning::Sector(Sector::Janitorial)),
            ),
            (
                "UNSPSC",
                "92121500",
                Some(Meaning::Sector(Sector::Security)),
            ),
            ("UNSPSC", "91111500", Some(Meaning::Sector(Sector::Laundry))),
            (
                "UNSPSC",
                "90101700",
                Some(Meaning::Sector(Sector::FoodService)),
            ),
            (
                "UNSPSC",
                "90111500",
                Some(Meaning::Sector(Sector::Hospitality)),
            ),
            (
                "UNSPSC",
                "70111700",
                Some(Meaning::Sector(Sector::Landscaping)),
            ),
            (
                "UNSPSC",
                "78131600",
                Some(Meaning::Sector(Sector::Warehousing)),
            ),
            (
                "UNSPSC",
                "72121400",
                Some(Meaning::Sector(Sector::Construction)),
            ),
            (
                "UNSPSC",
                "30111600",
                Some(Meaning::Sector(Sector::Construction)),
            ),
            ("UNSPSC", "53101600", Some(Meaning::Sector(Sector::Apparel))),
            (
                "UNSPSC",
                "43211500",
                Some(Meaning::Sector(Sector::Electronics)),
            ),
            (
                "UNSPSC",
                "32101600",
                Some(Meaning::Sector(Sector::Electronics)),
            ),
            (
                "UNSPSC",
                "78101800",
                Some(Meaning::Sector(Sector::Transportation)),
            ),
            (
                "UNSPSC",
                "10151500",
                Some(Meaning::Sector(Sector::Agriculture)),
            ),
            (
                "UNSPSC",
                "70151800",
                Some(Meaning::Sector(Sector::Agriculture)),
            ),
            (
                "UNSPSC",
                "80101500",
                Some(Meaning::Sector(Sector::ProfessionalServices)),
            ),
            (
                "UNSPSC",
                "81111500",
                Some(Meaning::Sector(Sector::ProfessionalServices)),
            ),
        ];
        for (scheme, code, expected) in cases {
            assert_eq!(meaning(scheme, code), *expected, "{scheme} {code}");
        }
        // Every row has a case.
        for (table, scheme) in [(CPV, "CPV"), (UNSPSC, "UNSPSC")] {
            for (prefix, _) in table {
                assert!(
                    cases.iter().any(|(s, code, _)| *s == scheme
                        && code.replace('-', "").starts_with(prefix)
                        && meaning(s, code)
                            == table.iter().find(|(p, _)| p == prefix).map(|(_, m)| *m)),
                    "{scheme} row {prefix} has no case"
                );
            }
        }
    }

    /// Nurse staffing (CPV 79624000) is labor supply, not event staffing;
    /// Prozorro's ДК021 is CPV; codes that say no sector say nothing.
    #[test]
    fn labor_supply_and_other_schemes() {
        assert_eq!(meaning("ДК021", "79620000-6"), Some(Meaning::LaborSupply));
        assert_eq!(
            meaning("dk021", "90910000-9"),
            Some(Meaning::Sector(Sector::Janitorial))
        );
        assert_eq!(meaning("CPV", "33600000-6"), None); // pharmaceutical products
        assert_eq!(meaning("XX", "90910000"), None);
    }
}
