//! Normalizing names, identifiers, addresses, e-mails and phone numbers so
//! that the same party written two ways matches (watch lists, shared
//! identities across bids): `ACME Facility Services, L.L.C.` and
//! `Acme Facility Services LLC` are one company.

/// `text` in the form two spellings of one name share: Unicode
/// compatibility normalization (NFKC), full case folding, and NFKC again
/// (folding can leave a letter and a combining mark apart), the
/// "NFKC_Casefold" of Unicode's caseless matching. `José` typed with a
/// combining accent equals `José`, `ΟΔΟΣ` equals `οδος`, `STRASSE` equals
/// `Straße`, full-width `ＡＣＭＥ` equals `acme`. Accents are kept: `Peña`
/// is not `Pena`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let nfkc = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc();
    let folded = icu_casemap::CaseMapper::new()
        .fold_string(&nfkc.normalize(text))
        .into_owned();
    nfkc.normalize(&folded).into_owned()
}

/// `text` as it is when ASCII (whose letters the callers handle), else
/// [`fold`]ed.
fn folded(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(fold(text))
    }
}

/// One character lower-cased, for callers that need a character for a
/// character (Unicode's simple lowercase mapping; [`fold`] is the full
/// one, which matching uses).
pub fn lower(c: char) -> char {
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// `text` folded by [`fold`].
pub fn lower_str(text: &str) -> String {
    fold(text)
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
    let text = folded(text);
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
            out.push(c);
        } else if c.is_whitespace() {
            gap = true;
        }
    }
    out
}

/// An identifier's value with separators dropped and letters upper-cased:
/// `95-1234567` and `951234567` are equal.
pub fn identifier(value: &str) -> String {
    folded(value)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
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
        for c in fold(text).chars() {
            if c.is_alphanumeric() {
                cleaned.push(c);
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

    /// The cases that the earlier hand-made tables missed, each a missed
    /// watch-list or shared-identity match.
    #[test]
    fn names_match_as_people_write_them() {
        // "José" with a combining accent (NFD) and precomposed (NFC).
        assert_eq!(
            person("Jose\u{301} N\u{303}u\u{301}n\u{303}ez"),
            person("José Ñúñez")
        );
        assert_eq!(person("JOSÉ ÑÚÑEZ"), "josé ñúñez");
        // Greek final sigma, and the capital that becomes it.
        assert_eq!(words("ΟΔΟΣ ΑΘΗΝΑΣ"), words("οδος αθηνας"));
        // Sharp s: STRASSE, Straße and the capital ẞ are one word.
        assert_eq!(words("Hauptstraße"), words("HAUPTSTRASSE"));
        assert_eq!(words("HAUPTSTRAẞE"), words("hauptstrasse"));
        // Full-width and ligatures (compatibility forms).
        assert_eq!(
            organization("ＡＣＭＥ Ｆａｃｉｌｉｔｙ ＬＬＣ"),
            "acme facility"
        );
        assert_eq!(
            organization("Eﬃcient Oﬃce Services"),
            "efficient office services"
        );
        // Accents are kept: two different names stay different.
        assert_ne!(person("Peña"), person("Pena"));
        // Identifiers fold too: a full-width EIN is the EIN.
        assert_eq!(identifier("９５－１２３４５６７"), identifier("95-1234567"));
        assert_eq!(email(" Bids@ACME.example "), "bids@acme.example");
        assert_eq!(lower('Ж'), 'ж');
        assert_eq!(lower('ẞ'), 'ß');
    }

    proptest! {
        /// `fold` is the crates' caseless matching: two texts fold alike
        /// exactly when `caseless` says they match caselessly under
        /// compatibility normalization.
        #[test]
        fn fold_agrees_with_caseless_matching(
            a in "[a-zA-Z\u{c0}-\u{17f}\u{300}-\u{30f}\u{391}-\u{3c9}\u{400}-\u{44f}\u{1e9e}\u{ff21}-\u{ff5a}\u{fb00}-\u{fb04} ]{0,12}",
            b in "[a-zA-Z\u{c0}-\u{17f}\u{300}-\u{30f}\u{391}-\u{3c9}\u{400}-\u{44f}\u{1e9e}\u{ff21}-\u{ff5a}\u{fb00}-\u{fb04} ]{0,12}",
        ) {
            prop_assert_eq!(
                fold(&a) == fold(&b),
                caseless::compatibility_caseless_match_str(&a, &b),
                "{:?} {:?}", a, b
            );
            // A text and its lower-case form always match (not always its
            // upper-case form: dotless ı upper-cases to I, which folds to i).
            prop_assert_eq!(fold(&a), fold(&a.to_lowercase()));
        }
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
