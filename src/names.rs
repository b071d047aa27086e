//! Normalizing names, identifiers, addresses, e-mails and phone numbers so
//! that the same party written two ways matches (watch lists, shared
//! identities across bids): `ACME Facility Services, L.L.C.` and
//! `Acme Facility Services LLC` are one company.

/// A letter in lower case, for the scripts that names in bids are written
/// in: Latin (with Latin-1, Latin Extended-A and the Vietnamese letters of
/// Latin Extended Additional), Greek and Cyrillic. Other characters are
/// returned unchanged. Matching only needs both sides folded the same way,
/// and this keeps the 24 KB of full Unicode case tables out of the
/// WebAssembly module.
pub fn lower(c: char) -> char {
    let u = u32::from(c);
    let lowered = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Pairs, capital first (U+0130/U+0131, the dotted and dotless i, are left alone).
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        0x1E9E => 0xDF,
        0x391..=0x3A9 if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        _ => u,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `text` with every letter folded by [`lower`].
pub fn lower_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower).collect()
}

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
    while let Some((rest, last)) = words.rsplit_once(' ') {
        if !LEGAL_FORMS.contains(&last) {
            break;
        }
        let keep = rest.len();
        words.truncate(keep);
    }
    words
}

/// A person's name: lower-cased, punctuation dropped, white space folded.
pub fn person(name: &str) -> String {
    words(name)
}

/// The words of `text`, lower-cased, joined by single spaces: letters and
/// digits are kept, `&` becomes `and`, white space, `,`, `/` and `-`
/// separate words, other punctuation is dropped.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let word = |out: &mut String, gap: &mut bool| {
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        *gap = false;
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word(&mut out, &mut gap);
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            if c == '&' {
                word(&mut out, &mut true);
                out.push_str("and");
                gap = true;
            } else if c.is_whitespace() || matches!(c, ',' | '/' | '-') {
                gap = true;
            }
        } else if c.is_alphanumeric() {
            word(&mut out, &mut gap);
            out.push(lower(c));
        } else if c.is_whitespace() {
            gap = true;
        }
    }
    out
}

/// An identifier's value with separators dropped and letters upper-cased:
/// `95-1234567` and `951234567` are equal.
pub fn identifier(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| match c.is_ascii() {
            true => c.to_ascii_uppercase(),
            false => lower(c),
        })
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
    lower_str(value.trim())
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
    let postal = postal.get(0..5).unwrap_or(&postal).to_ascii_uppercase();
    let words = words(street);
    if words.is_empty() || postal.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(words.len() + postal.len() + 1);
    for w in words.split(' ') {
        let w = STREET_WORDS
            .iter()
            .find(|(long, _)| *long == w)
            .map_or(w, |(_, short)| short);
        out.push_str(w);
        out.push(' ');
    }
    out.push_str(&postal);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition of [`words`]: clean character by character,
    /// then split on white space and join with single spaces.
    fn words_by_definition(text: &str) -> String {
        let mut cleaned = String::new();
        for c in text.chars() {
            if c.is_alphanumeric() {
                cleaned.push(lower(c));
            } else if c == '&' {
                cleaned.push_str(" and ");
            } else if c.is_whitespace() || matches!(c, ',' | '/' | '-') {
                cleaned.push(' ');
            }
        }
        cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest! {
        #[test]
        fn words_matches_its_definition(text in "[ a-zA-Z0-9&,./\\-\t\u{a0}\u{3000}éÉßẞΣσЖж日本'\"]{0,40}") {
            prop_assert_eq!(words(&text), words_by_definition(&text));
        }

        #[test]
        fn words_matches_its_definition_on_any_text(text in ".{0,40}") {
            prop_assert_eq!(words(&text), words_by_definition(&text));
        }
    }

    #[test]
    fn lower_agrees_with_unicode_where_it_folds() {
        let covered = [
            0x41..=0x5A,
            0xC0..=0xDE,
            0x100..=0x17F,
            0x391..=0x3A9,
            0x400..=0x42F,
            0x1E00..=0x1EFF,
        ];
        for range in covered {
            for u in range {
                let Some(c) = char::from_u32(u) else { continue };
                let unicode: Vec<char> = c.to_lowercase().collect();
                match unicode.as_slice() {
                    [one] if c.is_uppercase() && u != 0x130 => {
                        assert_eq!(lower(c), *one, "U+{u:04X}")
                    }
                    _ => assert_eq!(lower(c), c, "U+{u:04X} is left alone"),
                }
            }
        }
        // Outside the covered scripts nothing changes.
        assert_eq!(lower('Ա'), 'Ա');
        assert_eq!(
            lower_str("JOSÉ ÑÚÑEZ Đỗ ΑΘΗΝΑ МОСКВА"),
            "josé ñúñez đỗ αθηνα москва"
        );
    }

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
