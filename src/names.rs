//! Normalizing names, identifiers, addresses, e-mails and phone numbers so
//! that the same party written two ways matches (watch lists, shared
//! identities across bids): `ACME Facility Services, L.L.C.` and
//! `Acme Facility Services LLC` are one company.

/// Legal-form words dropped from the end of an organization's name.
const LEGAL_FORMS: &[&str] = &[
    "llc",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "lp",
    "llp",
    "plc",
    "pc",
    "sa",
    "sas",
    "srl",
    "gmbh",
    "ag",
    "bv",
    "pty",
    "pllc",
];

/// Lower-cases, drops punctuation (so `L.L.C.` is `llc`), spells `&` as
/// `and`, folds white space, and drops trailing legal-form words.
pub fn organization(name: &str) -> String {
    let mut words = words(name);
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// A person's name: lower-cased, punctuation dropped, white space folded.
pub fn person(name: &str) -> String {
    words(name).join(" ")
}

fn words(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            cleaned.extend(c.to_lowercase());
        } else if c == '&' {
            cleaned.push_str(" and ");
        } else if c.is_whitespace() || c == ',' || c == '/' || c == '-' {
            cleaned.push(' ');
        }
    }
    cleaned.split_whitespace().map(str::to_owned).collect()
}

/// An identifier's value with separators dropped and letters upper-cased:
/// `95-1234567` and `951234567` are equal.
pub fn identifier(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The digits of a phone number, without a leading US country code.
pub fn phone(value: &str) -> String {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('1') {
        Some(rest) if rest.len() == 10 => rest.to_owned(),
        _ => digits,
    }
}

/// An e-mail address, trimmed and lower-cased.
pub fn email(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Common street-type words and their short forms.
const STREET_WORDS: &[(&str, &str)] = &[
    ("street", "st"),
    ("avenue", "ave"),
    ("boulevard", "blvd"),
    ("road", "rd"),
    ("drive", "dr"),
    ("suite", "ste"),
    ("north", "n"),
    ("south", "s"),
    ("east", "e"),
    ("west", "w"),
    ("place", "pl"),
    ("lane", "ln"),
    ("court", "ct"),
    ("highway", "hwy"),
];

/// A street address with its postal code, normalized so that
/// `100 Main Street, Suite 5` and `100 main st ste 5` are equal; `None` when
/// either part is missing (a street alone is too weak a match).
pub fn street_address(street: Option<&str>, postal_code: Option<&str>) -> Option<String> {
    let street = street?;
    let postal: String = postal_code?
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let postal = postal.get(0..5).unwrap_or(&postal).to_uppercase();
    let words: Vec<String> = words(street)
        .into_iter()
        .map(|w| {
            STREET_WORDS
                .iter()
                .find(|(long, _)| *long == w)
                .map_or(w, |(_, short)| (*short).to_owned())
        })
        .collect();
    if words.is_empty() || postal.is_empty() {
        return None;
    }
    Some(format!("{} {postal}", words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizations_match_across_spellings() {
        assert_eq!(
            organization("ACME Facility Services, L.L.C."),
            "acme facility services"
        );
        assert_eq!(
            organization("Acme Facility Services LLC"),
            "acme facility services"
        );
        assert_eq!(organization("Smith & Sons Co."), "smith and sons");
        assert_eq!(organization("Inc"), "inc");
        assert_ne!(organization("Acme Staffing"), organization("Acme Cleaning"));
    }

    #[test]
    fn identifiers_phones_emails_addresses() {
        assert_eq!(identifier("95-1234567"), identifier("951234567"));
        assert_eq!(phone("+1 (213) 555-0100"), phone("213.555.0100"));
        assert_eq!(email(" Bids@Acme.example "), "bids@acme.example");
        assert_eq!(
            street_address(Some("100 Main Street, Suite 5"), Some("90012-1234")),
            street_address(Some("100 main st ste 5"), Some("90012"))
        );
        assert_eq!(street_address(Some("100 Main St"), None), None);
    }
}
