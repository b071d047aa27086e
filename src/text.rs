//! Texts in English and Spanish, side by side (issue "Every text in Spanish
//! and English"). The base layer: every module that writes words a person
//! reads takes a [`Lang`] and writes both languages at the same place, with
//! [`Text`] for fixed texts and the crate's `tr!` macro for messages with
//! values in them.
//!
//! Both languages of one text must name the same placeholders: the check
//! runs when the crate compiles ([`same_placeholders`], called by `tr!` and
//! [`Text::new`] in a constant), so a message cannot reach a user with a
//! value missing in one language.
//!
//! Numbers and money are written alike in both: US Spanish (es-US, es-MX)
//! writes `1,234.50` and `$1,200,000` as English does. Dates differ: English
//! keeps the ISO form (`2026-03-02`), Spanish writes `2 de marzo de 2026`.

use crate::date::Date;
use serde::Serialize;

/// The language of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Lang {
    /// English (the default, and the language of anything not Spanish).
    #[default]
    #[serde(rename = "en")]
    En,
    /// Spanish, as spoken in Los Angeles (es-US, es-MX).
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The language a BCP 47 tag chooses: `es`, `es-MX`, `es-US`, `es-419`
    /// (any tag whose language subtag is `es`, in any case) choose Spanish;
    /// anything else, an empty tag included, falls back to English.
    pub fn from_locale(tag: &str) -> Lang {
        let language = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if language.eq_ignore_ascii_case("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// The language's BCP 47 tag, as the assessment records it: `en`, `es`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// A date as a sentence writes it: `2026-03-02` in English, `2 de
    /// marzo de 2026` in Spanish.
    pub fn date(self, date: Date) -> String {
        match self {
            Lang::En => date.to_string(),
            Lang::Es => {
                let (year, month, day) = date.ymd();
                let month = MESES
                    .get(usize::try_from(month).unwrap_or(0).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?");
                format!("{day} de {month} de {year}")
            }
        }
    }
}

const MESES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A fixed text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Spanish.
    pub es: &'static str,
}

impl Text {
    /// A text in both languages; fails to compile (in a constant or static)
    /// when they name different placeholders:
    ///
    /// ```compile_fail
    /// use ctip_screen::text::Text;
    /// static MISSING: Text = Text::new("{count} bids", "ofertas");
    /// ```
    ///
    /// ```
    /// use ctip_screen::text::Text;
    /// static BOTH: Text = Text::new("{count} bids", "{count} ofertas");
    /// ```
    pub const fn new(en: &'static str, es: &'static str) -> Text {
        assert!(
            same_placeholders(en, es),
            "the English and Spanish texts name different placeholders"
        );
        // `make bench` builds without the Spanish texts to weigh them.
        if cfg!(feature = "english-only") {
            Text { en, es: en }
        } else {
            Text { en, es }
        }
    }

    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Es => self.es,
        }
    }
}

/// Formats a message in the language given, the English and the Spanish
/// written side by side: `tr!(lang, "{n} bids", "{n} ofertas", n = 3)`.
/// Each argument is evaluated once, whichever the language. Compiling fails
/// when the two texts name different placeholders.
macro_rules! tr {
    ($lang:expr, $en:literal, $es:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::text::same_placeholders($en, $es),
            "tr!: the English and Spanish texts name different placeholders"
        );
        // Each argument is evaluated once, and one `format` call serves
        // both languages: two `format!` calls per message cost the module
        // their code twice (README, Performance).
        // All are evaluated before any is named, as `format!` does.
        let ($($name,)*) = ($(&$value,)*);
        $crate::text::format_in($lang, format_args!($en), $crate::text::spanish!($en, $es))
    }};
}
pub(crate) use tr;

/// The Spanish text's arguments, or, in the `english-only` build that
/// `make bench` weighs the Spanish texts with, the English text's.
#[cfg(not(feature = "english-only"))]
macro_rules! spanish {
    ($en:literal, $es:literal) => {
        format_args!($es)
    };
}
#[cfg(feature = "english-only")]
macro_rules! spanish {
    ($en:literal, $es:literal) => {
        format_args!($en)
    };
}
pub(crate) use spanish;

/// Writes the message of `tr!` in `lang`.
pub fn format_in(lang: Lang, en: std::fmt::Arguments<'_>, es: std::fmt::Arguments<'_>) -> String {
    std::fmt::format(match lang {
        Lang::En => en,
        Lang::Es => es,
    })
}

/// Why a file or stream could not be read, in `lang`. The operating
/// system's own message is English; the common reasons are said in Spanish
/// here, and any other keeps the system's words.
pub fn io_error(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    const NOT_FOUND: Text = Text::new("no such file or directory", "el archivo no existe");
    const DENIED: Text = Text::new("permission denied", "no hay permiso para leerlo");
    const FOLDER: Text = Text::new(
        "it is a folder, not a file",
        "es una carpeta, no un archivo",
    );
    const NOT_FOLDER: Text = Text::new(
        "a part of the path is not a folder",
        "una parte de la ruta no es una carpeta",
    );
    const MEMORY: Text = Text::new("out of memory", "no hay memoria suficiente");
    let text = match (lang, e.kind()) {
        (Lang::En, _) => return e.to_string(),
        (_, ErrorKind::NotFound) => NOT_FOUND,
        (_, ErrorKind::PermissionDenied) => DENIED,
        (_, ErrorKind::IsADirectory) => FOLDER,
        (_, ErrorKind::NotADirectory) => NOT_FOLDER,
        (_, ErrorKind::OutOfMemory) => MEMORY,
        (Lang::Es, _) => return format!("error del sistema: {e}"),
    };
    text.get(lang).to_owned()
}

/// Do both texts name the same set of placeholders (`{name}`, `{name:spec}`,
/// `{}`)? `{{` and `}}` are literal braces, as in `format!`. A `const fn`,
/// so that `tr!` and [`Text::new`] check every text when the crate compiles.
pub const fn same_placeholders(a: &str, b: &str) -> bool {
    contains_all(a.as_bytes(), b.as_bytes()) && contains_all(b.as_bytes(), a.as_bytes())
}

/// Does every placeholder of `a` appear in `b`?
const fn contains_all(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        match placeholder(a, i) {
            Placeholder::Name(start, end, next) => {
                if !has_name(b, a, start, end) {
                    return false;
                }
                i = next;
            }
            Placeholder::Skip(next) => i = next,
            Placeholder::Text => i += 1,
        }
    }
    true
}

/// Does `b` have a placeholder named `name[start..end]`?
#[allow(clippy::indexing_slicing)] // const fn: s + k < e <= b.len(), start + k < end <= name.len()
const fn has_name(b: &[u8], name: &[u8], start: usize, end: usize) -> bool {
    let mut i = 0;
    while i < b.len() {
        match placeholder(b, i) {
            Placeholder::Name(s, e, next) => {
                if e - s == end - start {
                    let mut k = 0;
                    while k < e - s && b[s + k] == name[start + k] {
                        k += 1;
                    }
                    if k == e - s {
                        return true;
                    }
                }
                i = next;
            }
            Placeholder::Skip(next) => i = next,
            Placeholder::Text => i += 1,
        }
    }
    false
}

enum Placeholder {
    /// A placeholder whose name is `[start, end)`; the text goes on at the third.
    Name(usize, usize, usize),
    /// An escaped brace: the text goes on there.
    Skip(usize),
    /// An ordinary byte.
    Text,
}

/// What starts at byte `i` of a format string.
#[allow(clippy::indexing_slicing)] // const fn: every index is checked against len first
const fn placeholder(s: &[u8], i: usize) -> Placeholder {
    if s[i] == b'}' {
        return if i + 1 < s.len() && s[i + 1] == b'}' {
            Placeholder::Skip(i + 2)
        } else {
            Placeholder::Text
        };
    }
    if s[i] != b'{' {
        return Placeholder::Text;
    }
    if i + 1 < s.len() && s[i + 1] == b'{' {
        return Placeholder::Skip(i + 2);
    }
    let start = i + 1;
    let mut end = start;
    while end < s.len() && s[end] != b'}' && s[end] != b':' {
        end += 1;
    }
    let mut close = end;
    while close < s.len() && s[close] != b'}' {
        close += 1;
    }
    Placeholder::Name(start, end, close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_tags_choose_spanish_and_everything_else_english() {
        for tag in ["es", "es-MX", "es-US", "ES", "es_419", " es-mx "] {
            assert_eq!(Lang::from_locale(tag), Lang::Es, "{tag}");
        }
        for tag in ["", "en", "en-US", "fr", "pt-BR", "est", "e", "-es"] {
            assert_eq!(Lang::from_locale(tag), Lang::En, "{tag}");
        }
    }

    #[test]
    fn placeholders_are_compared_as_sets_of_names() {
        assert!(same_placeholders("{a} of {b}", "{b} de {a}"));
        assert!(same_placeholders("{a:?} x", "y {a}"));
        assert!(same_placeholders("no {{braces}}", "sin llaves"));
        assert!(same_placeholders("{a} and {a}", "{a}"));
        assert!(!same_placeholders("{a} of {b}", "{a}"));
        assert!(!same_placeholders("{a}", "{a} de {b}"));
        assert!(!same_placeholders("{ab}", "{a}"));
        assert!(!same_placeholders("{}", "{{}}"));
        assert!(same_placeholders("{}", "{}"));
    }

    #[test]
    fn tr_writes_the_language_asked_for() {
        let n = 3;
        assert_eq!(tr!(Lang::En, "{n} bids", "{n} ofertas"), "3 bids");
        assert_eq!(tr!(Lang::Es, "{n} bids", "{n} ofertas"), "3 ofertas");
        assert_eq!(
            tr!(Lang::Es, "{a} of {b}", "{b} de {a}", a = 1, b = 2),
            "2 de 1"
        );
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let d = Date::parse("2026-03-02").unwrap_or(Date::from_days(0));
        assert_eq!(Lang::En.date(d), "2026-03-02");
        assert_eq!(Lang::Es.date(d), "2 de marzo de 2026");
        let d = Date::parse("2026-12-31").unwrap_or(Date::from_days(0));
        assert_eq!(Lang::Es.date(d), "31 de diciembre de 2026");
    }
}
