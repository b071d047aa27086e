//! Reading JSON values into typed inputs, collecting *every* problem.
//!
//! serde's derive stops at the first error, and serde-wasm-bindgen ignores
//! `deny_unknown_fields`; an evaluator fixing a bid wants the whole list at
//! once, identical in the browser and on the command line. So inputs are first
//! parsed into a borrowed [`Json`] value (by serde_json natively, by
//! serde-wasm-bindgen in the browser) and then read here, field by field, with
//! the path of each problem: `workforce.wageRates[2].hourly: must be >= 0`.
//!
//! A key that no field asked for is reported as unknown: portals misspell
//! fields, and silently ignoring one would hide a risk.

use crate::date::Date;
use crate::error::Issue;
use crate::json::Json;
use crate::text::{tr, Lang, Text};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Size limits checked while reading, before any rule runs (SPEC.md section 8).
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    /// Longest string, in characters.
    pub string_length: usize,
    /// Longest array not otherwise limited.
    pub array_length: usize,
    /// Most subcontractors in one submission.
    pub subcontractors: usize,
    /// Most supply items in one submission.
    pub supply_items: usize,
    /// Most wage rates in one submission.
    pub wage_rates: usize,
}

enum Segment {
    Key(&'static str),
    /// A key the data chose (a map's), as the path writes it.
    Name(String),
    Index(usize),
}

/// Walks a JSON value and records problems with their paths.
pub struct Reader {
    path: Vec<Segment>,
    issues: Vec<Issue>,
    limit_issues: Vec<Issue>,
    limits: ReadLimits,
    /// The language problems are written in.
    pub lang: Lang,
}

/// A value that can be read from JSON, recording problems in the reader.
pub trait Read: Sized {
    /// Reads `value`; `None` after recording at least one issue.
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self>;
}

impl Reader {
    /// A reader with the given limits.
    pub fn new(limits: ReadLimits) -> Reader {
        Reader {
            path: Vec::with_capacity(8),
            issues: Vec::new(),
            limit_issues: Vec::new(),
            limits,
            lang: Lang::En,
        }
    }

    /// The same reader, writing its problems in `lang`.
    pub fn in_lang(self, lang: Lang) -> Reader {
        Reader { lang, ..self }
    }

    /// The current path, formatted as in SPEC.md.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Segment::Key(k) if out.is_empty() => out.push_str(k),
                Segment::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Segment::Name(k) if out.is_empty() || k.starts_with('[') => out.push_str(k),
                Segment::Name(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Segment::Index(i) => {
                    let _ = write!(out, "[{i}]");
                }
            }
        }
        out
    }

    /// Records a problem at the current path.
    pub fn issue(&mut self, message: impl Into<String>) {
        let path = self.path();
        self.issues.push(Issue::new(path, message));
    }

    /// "must be {expected}, not {kind of value}" in the reader's language.
    pub fn wrong_type_message(&self, expected: Text, value: &Json<'_>) -> String {
        let kind = kind_in(value, self.lang);
        let expected = expected.get(self.lang);
        tr!(
            self.lang,
            "must be {expected}, not {kind}",
            "debe ser {expected}, no {kind}"
        )
    }

    /// Records that `value` is not of the `expected` JSON type.
    pub fn wrong_type(&mut self, expected: Text, value: &Json<'_>) {
        let message = self.wrong_type_message(expected, value);
        self.issue(message);
    }

    /// Records a size-limit problem at the current path.
    pub fn limit(&mut self, message: impl Into<String>) {
        let path = self.path();
        self.limit_issues.push(Issue::new(path, message));
    }

    /// True once any problem has been recorded.
    pub fn failed(&self) -> bool {
        !self.issues.is_empty() || !self.limit_issues.is_empty()
    }

    /// The recorded problems: `(limit problems, other problems)`.
    pub fn finish(self) -> (Vec<Issue>, Vec<Issue>) {
        (self.limit_issues, self.issues)
    }

    /// The limits in force.
    pub fn limits(&self) -> ReadLimits {
        self.limits
    }

    /// Runs `f` with `key` appended to the path.
    pub fn at_key<T>(&mut self, key: &'static str, f: impl FnOnce(&mut Reader) -> T) -> T {
        self.path.push(Segment::Key(key));
        let out = f(self);
        self.path.pop();
        out
    }

    /// Runs `f` with a key of the data's own (a map's) appended to the path.
    pub fn at_name<T>(&mut self, key: &str, f: impl FnOnce(&mut Reader) -> T) -> T {
        self.path.push(Segment::Name(display_key(key)));
        let out = f(self);
        self.path.pop();
        out
    }

    fn at_index<T>(&mut self, index: usize, f: impl FnOnce(&mut Reader) -> T) -> T {
        self.path.push(Segment::Index(index));
        let out = f(self);
        self.path.pop();
        out
    }

    /// Starts reading an object; records an issue if `value` is not one.
    pub fn object<'v, 'a>(&mut self, value: &'v Json<'a>) -> Option<Object<'v, 'a>> {
        match value {
            Json::Object(pairs) => Some(Object {
                pairs,
                asked: Asked::new(),
                seen: 0,
                cursor: 0,
            }),
            other => {
                self.wrong_type(AN_OBJECT, other);
                None
            }
        }
    }

    /// Reads an array of at most `max` elements (`None` uses the reader's
    /// general array limit).
    pub fn list<T: Read>(&mut self, value: &Json<'_>, max: Option<usize>) -> Option<Vec<T>> {
        self.list_with(value, max, |r, item| T::read(item, r))
    }

    /// Reads an array with `read` for each element, at most `max` of them
    /// (`None` uses the reader's general array limit).
    pub fn list_with<T>(
        &mut self,
        value: &Json<'_>,
        max: Option<usize>,
        mut read: impl FnMut(&mut Reader, &Json<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Json::Array(items) = value else {
            self.wrong_type(AN_ARRAY, value);
            return None;
        };
        let max = max.unwrap_or(self.limits.array_length);
        if items.len() > max {
            let n = items.len();
            self.limit(tr!(
                self.lang,
                "has {n} entries; the limit is {max}",
                "tiene {n} entradas; el límite es {max}",
                n = crate::format::count(n),
                max = crate::format::count(max)
            ));
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.at_index(i, |r| read(r, item)) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Reads a number within `[min, max]`.
    pub fn number(&mut self, value: &Json<'_>, min: f64, max: f64) -> Option<f64> {
        let Some(n) = value.as_f64() else {
            // A number in quotes, as a form's value comes ("1200.50"), or
            // written with grouping ("1,200.50"): say what to write.
            if let Json::Str(text) = value {
                let bare: String = text.trim().chars().filter(|&c| c != ',').collect();
                let bare = bare.strip_prefix('$').unwrap_or(&bare);
                if !bare.is_empty() && bare.parse::<f64>().is_ok_and(f64::is_finite) {
                    let text = truncate(text, 40);
                    self.issue(tr!(
                        self.lang,
                        "must be a number, not a string: write {bare} without quotes (from '{text}')",
                        "debe ser un número, no una cadena de texto: escriba {bare} sin comillas (de '{text}')"
                    ));
                    return None;
                }
            }
            self.wrong_type(A_NUMBER, value);
            return None;
        };
        if !n.is_finite() {
            self.issue(tr!(
                self.lang,
                "must be a finite number",
                "debe ser un número finito"
            ));
            None
        } else if n < min {
            let min = crate::format::grouped(min);
            self.issue(tr!(self.lang, "must be >= {min}", "debe ser >= {min}"));
            None
        } else if n > max {
            let max = crate::format::grouped(max);
            self.issue(tr!(self.lang, "must be <= {max}", "debe ser <= {max}"));
            None
        } else {
            Some(n)
        }
    }

    /// Reads a whole number >= 0 that fits in 32 bits.
    pub fn count(&mut self, value: &Json<'_>) -> Option<u32> {
        let n = self.number(value, 0.0, f64::from(u32::MAX))?;
        if n.fract() != 0.0 {
            self.issue(tr!(
                self.lang,
                "must be a whole number",
                "debe ser un número entero"
            ));
            return None;
        }
        Some(n as u32)
    }

    /// Reads a string that is one of `words`, returning its index.
    pub fn word(&mut self, value: &Json<'_>, words: &[&str]) -> Option<usize> {
        let Json::Str(text) = value else {
            self.wrong_type(A_STRING, value);
            return None;
        };
        let found = words.iter().position(|w| same(w, text));
        if found.is_none() {
            // The word as a form or a person may write it: `Construction`,
            // `event staffing`, `H_2B`.
            let folded: String = text
                .trim()
                .chars()
                .map(|c| match c {
                    ' ' | '_' => '-',
                    c => c.to_ascii_lowercase(),
                })
                .collect();
            let near = words.iter().find(|w| same(w, &folded));
            let text = truncate(text, 40);
            let words = words.join(", ");
            self.issue(match near {
                Some(near) => tr!(
                    self.lang,
                    "'{text}' is not one of: {words} (write '{near}')",
                    "'{text}' no es uno de: {words} (escriba '{near}')"
                ),
                None => tr!(
                    self.lang,
                    "'{text}' is not one of: {words}",
                    "'{text}' no es uno de: {words}"
                ),
            });
        }
        found
    }
}

/// An object being read: remembers which keys were asked for, so that
/// [`Object::finish`] can name every key nobody asked for.
pub struct Object<'v, 'a> {
    pairs: &'v [(Cow<'a, str>, Json<'a>)],
    asked: Asked,
    /// Bit i set: pair i was read (for the first 64 pairs).
    seen: u64,
    cursor: usize,
}

/// The field names a read asked for: inline up to 24 (every object of the
/// contract has fewer), so reading an object allocates nothing for them.
struct Asked {
    inline: [&'static str; 24],
    len: usize,
    more: Vec<&'static str>,
}

impl Asked {
    fn new() -> Asked {
        Asked {
            inline: [""; 24],
            len: 0,
            more: Vec::new(),
        }
    }

    fn push(&mut self, key: &'static str) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = key;
                self.len += 1;
            }
            None => self.more.push(key),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.inline.iter().take(self.len).chain(self.more.iter())
    }
}

impl<'v, 'a> Object<'v, 'a> {
    /// The value at `key`, or `None` when it is absent or `null` (both mean
    /// "not provided", SPEC.md section 1).
    pub fn get(&mut self, key: &'static str) -> Option<&'v Json<'a>> {
        self.asked.push(key);
        let index = self.find(key)?;
        if let Some(bit) = 1u64.checked_shl(u32::try_from(index).unwrap_or(u32::MAX)) {
            self.seen |= bit;
        }
        self.pairs
            .get(index)
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// Finds `key`, starting where the last match ended: portals send
    /// fields in a stable order, so the next field asked for is usually the
    /// next pair, and reading an object stays linear in its size.
    fn find(&mut self, key: &str) -> Option<usize> {
        // From the cursor to the end, then from the start (a remainder per
        // step, as `(cursor + step) % len`, costs a division each).
        let cursor = self.cursor.min(self.pairs.len());
        let (before, after) = self.pairs.split_at(cursor);
        let index = match after.iter().position(|(k, _)| same(k, key)) {
            Some(i) => cursor + i,
            None => before.iter().position(|(k, _)| same(k, key))?,
        };
        self.cursor = index + 1;
        Some(index)
    }

    /// The value at `key` without marking it as read (absent and `null` are `None`).
    pub fn peek(&self, key: &str) -> Option<&'v Json<'a>> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// Reads an optional field.
    pub fn optional<T: Read>(&mut self, r: &mut Reader, key: &'static str) -> Option<T> {
        let value = self.get(key)?;
        r.at_key(key, |r| T::read(value, r))
    }

    /// Reads an optional field with a reader of its own.
    pub fn optional_with<T>(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        read: impl FnOnce(&mut Reader, &Json<'a>) -> Option<T>,
    ) -> Option<T> {
        let value = self.get(key)?;
        r.at_key(key, |r| read(r, value))
    }

    /// True when `key` has a value; otherwise marks it read and records
    /// `is required` at its path.
    pub fn require(&mut self, r: &mut Reader, key: &'static str) -> bool {
        if self.peek(key).is_some() {
            return true;
        }
        self.asked.push(key);
        r.at_key(key, |r| {
            let message = tr!(r.lang, "is required", "es obligatorio");
            r.issue(message)
        });
        false
    }

    /// Reads a required field; records `is required` when it is absent.
    pub fn required<T: Read + Default>(&mut self, r: &mut Reader, key: &'static str) -> T {
        if !self.require(r, key) {
            return T::default();
        }
        self.optional(r, key).unwrap_or_default()
    }

    /// Reads an optional number within `[min, max]`.
    pub fn number(&mut self, r: &mut Reader, key: &'static str, min: f64, max: f64) -> Option<f64> {
        self.optional_with(r, key, |r, v| r.number(v, min, max))
    }

    /// Reads an optional amount of money (>= 0).
    pub fn money(&mut self, r: &mut Reader, key: &'static str) -> Option<f64> {
        self.number(r, key, 0.0, f64::MAX)
    }

    /// Reads an optional share, a fraction in `[0, 1]`.
    pub fn share(&mut self, r: &mut Reader, key: &'static str) -> Option<f64> {
        self.number(r, key, 0.0, 1.0)
    }

    /// Reads an optional whole number >= 0.
    pub fn count(&mut self, r: &mut Reader, key: &'static str) -> Option<u32> {
        self.optional_with(r, key, |r, v| r.count(v))
    }

    /// Reads an optional array limited to `max` entries.
    pub fn list<T: Read>(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        max: Option<usize>,
    ) -> Option<Vec<T>> {
        self.optional_with(r, key, |r, v| r.list(v, max))
    }

    /// Records every key that no read asked for.
    pub fn finish(self, r: &mut Reader) {
        for (index, (key, _)) in self.pairs.iter().enumerate() {
            let asked = || self.asked.iter().any(|k| k == key);
            let read = match 1u64.checked_shl(u32::try_from(index).unwrap_or(u32::MAX)) {
                Some(bit) => self.seen & bit != 0,
                None => asked(),
            };
            if !read && asked() {
                // A key given twice: which value was meant cannot be known.
                let path = crate::error::join_path(&r.path(), &display_key(key));
                let message = tr!(
                    r.lang,
                    "appears more than once in the object",
                    "aparece más de una vez en el objeto"
                );
                r.issues.push(Issue::new(path, message));
            } else if !read {
                let path = crate::error::join_path(&r.path(), &display_key(key));
                // A key that differs from an expected one only in case
                // (`asof`, `SubmittedOn`) is named with the key to write.
                let near = self
                    .asked
                    .iter()
                    .find(|k| k.eq_ignore_ascii_case(key))
                    .copied();
                let expected = {
                    let mut keys: Vec<&str> = self.asked.iter().copied().collect();
                    crate::sort::sort(&mut keys);
                    keys.dedup();
                    keys.join(", ")
                };
                let key = truncate(key, 64);
                let message = match near {
                    Some(near) => tr!(
                        r.lang,
                        "unknown field '{key}' (write '{near}'); expected one of: {expected}",
                        "campo desconocido '{key}' (escriba '{near}'); se esperaba uno de: {expected}"
                    ),
                    None => tr!(
                        r.lang,
                        "unknown field '{key}'; expected one of: {expected}",
                        "campo desconocido '{key}'; se esperaba uno de: {expected}"
                    ),
                };
                r.issues.push(Issue::new(path, message));
            }
        }
    }
}

/// Whether two strings are equal, compared eight bytes at a time without
/// calling `memcmp` (in wasm, a loop over single bytes): the field names
/// and words compared here are short.
#[inline]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let words_equal = x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q));
    words_equal && x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// Eight bytes as one number (the slice is eight bytes long).
#[inline]
fn word(bytes: &[u8]) -> u64 {
    <[u8; 8]>::try_from(bytes).map_or(0, u64::from_ne_bytes)
}

fn display_key(key: &str) -> String {
    let simple = !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if simple {
        key.to_owned()
    } else {
        // Quoted as a JSON string, escapes and all.
        let mut quoted = String::from("[");
        crate::json::write::push_string(&mut quoted, &truncate(key, 64));
        quoted.push(']');
        quoted
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// The JSON type of a value, for messages in `lang`.
pub fn kind_in(value: &Json<'_>, lang: Lang) -> &'static str {
    match (lang, value) {
        (_, Json::Null) => "null",
        (Lang::En, Json::Bool(_)) => "a boolean",
        (Lang::En, Json::Number(_)) => "a number",
        (Lang::En, Json::Str(_)) => "a string",
        (Lang::En, Json::Array(_)) => "an array",
        (Lang::En, Json::Object(_)) => "an object",
        (Lang::Es, Json::Bool(_)) => "un booleano",
        (Lang::Es, Json::Number(_)) => "un número",
        (Lang::Es, Json::Str(_)) => "una cadena de texto",
        (Lang::Es, Json::Array(_)) => "un arreglo",
        (Lang::Es, Json::Object(_)) => "un objeto",
    }
}

/// The JSON types a reader expects, as "must be ..." names them.
pub const AN_OBJECT: Text = Text::new("an object", "un objeto");
/// An array.
pub const AN_ARRAY: Text = Text::new("an array", "un arreglo");
/// A number.
pub const A_NUMBER: Text = Text::new("a number", "un número");
/// A string.
pub const A_STRING: Text = Text::new("a string", "una cadena de texto");
/// A boolean.
const TRUE_OR_FALSE: Text = Text::new("true or false", "true o false");

impl Read for String {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let Json::Str(text) = value else {
            r.wrong_type(A_STRING, value);
            return None;
        };
        // Byte length first: it bounds the character count from above and
        // costs nothing.
        if text.len() > r.limits.string_length && text.chars().count() > r.limits.string_length {
            let (n, limit) = (text.chars().count(), r.limits.string_length);
            let message = tr!(
                r.lang,
                "is {n} characters long; the limit is {limit}",
                "tiene {n} caracteres; el límite es {limit}",
                n = crate::format::count(n),
                limit = crate::format::count(limit)
            );
            r.limit(message);
            return None;
        }
        Some(text.to_string())
    }
}

impl Read for bool {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        match value {
            Json::Bool(b) => Some(*b),
            // "true" in quotes, as a form's value comes: say what to write.
            Json::Str(text) if matches!(text.trim(), "true" | "false") => {
                let word = text.trim();
                r.issue(tr!(
                    r.lang,
                    "must be true or false, not a string: write {word} without quotes",
                    "debe ser true o false, no una cadena de texto: escriba {word} sin comillas"
                ));
                None
            }
            other => {
                r.wrong_type(TRUE_OR_FALSE, other);
                None
            }
        }
    }
}

impl Read for f64 {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        r.number(value, f64::MIN, f64::MAX)
    }
}

/// Why `text` is not a date, in `lang`: of the form but not on the
/// calendar (`2026-02-30`), or not of the form at all.
pub fn not_a_date(lang: Lang, text: &str) -> String {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    // A date and time (`2026-03-02T00:00:00Z`, as JavaScript's Date writes
    // itself): which day was meant depends on a time zone, so the date is
    // asked for rather than guessed.
    let date_part = text.get(..10).filter(|d| Date::parse(d).is_some());
    let with_time =
        date_part.is_some() && matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' '));
    let text = truncate(text, 40);
    if let (true, Some(date)) = (with_time, date_part) {
        tr!(
            lang,
            "'{text}' is a date and time; give the date alone, such as '{date}'",
            "'{text}' es una fecha con hora; indique solo la fecha, como '{date}'"
        )
    } else if shaped {
        tr!(
            lang,
            "'{text}' is not a day of the calendar: that month has no such day, or there is no such month",
            "'{text}' no es un día del calendario: ese mes no tiene ese día, o no existe ese mes"
        )
    } else {
        tr!(
            lang,
            "'{text}' is not a date of the form YYYY-MM-DD",
            "'{text}' no es una fecha de la forma AAAA-MM-DD"
        )
    }
}

impl Read for Date {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let Json::Str(text) = value else {
            r.wrong_type(A_STRING, value);
            return None;
        };
        let date = Date::parse(text);
        if date.is_none() {
            let message = not_a_date(r.lang, text);
            r.issue(message);
        }
        date
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        r.list(value, None)
    }
}

impl Read for BTreeMap<String, String> {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        r.string_map(value, 64)
    }
}

impl Reader {
    /// An object of strings of at most `max` entries (a `null` value is
    /// left out, as if absent).
    pub fn string_map(&mut self, value: &Json<'_>, max: usize) -> Option<BTreeMap<String, String>> {
        let Json::Object(map) = value else {
            self.wrong_type(AN_OBJECT, value);
            return None;
        };
        if map.len() > max {
            let n = map.len();
            let message = tr!(
                self.lang,
                "has {n} entries; the limit is {max}",
                "tiene {n} entradas; el límite es {max}",
                n = crate::format::count(n),
                max = crate::format::count(max)
            );
            self.limit(message);
            return None;
        }
        let mut out = BTreeMap::new();
        for (key, v) in map {
            if v.is_null() {
                continue;
            }
            // As any string: of the wrong type, or too long in characters,
            // each named at its key.
            if let Some(text) = self.at_name(key, |r| String::read(v, r)) {
                out.insert(key.to_string(), text);
            }
        }
        Some(out)
    }
}

/// Reads a two-letter ISO 3166-1 alpha-2 country code, such as `BD`.
pub fn read_country(r: &mut Reader, value: &Json<'_>) -> Option<String> {
    let text = String::read(value, r)?;
    if crate::reference::is_country_code(&text) {
        Some(text)
    } else {
        let text = truncate(&text, 40);
        let message = tr!(
            r.lang,
            "'{text}' is not an ISO 3166-1 alpha-2 country code (two capital letters, such as US or MX)",
            "'{text}' no es un código de país ISO 3166-1 alfa-2 (dos letras mayúsculas, como US o MX)"
        );
        r.issue(message);
        None
    }
}

/// Reads a BCP 47 language tag, such as `es` or `zh-Hant`. The language
/// (the first subtag) must be an ISO 639 code of 2 or 3 letters: BCP 47's
/// grammar also allows 4 to 8 letters there, but the registry holds no such
/// language, and what arrives there is a name (`Spanish`), which would
/// never match the `es` of a contract and make `contract-language-gap`
/// fire falsely.
pub fn read_language(r: &mut Reader, value: &Json<'_>) -> Option<String> {
    let text = String::read(value, r)?;
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or_default();
    let letters = primary.bytes().all(|b| b.is_ascii_alphabetic());
    let primary_ok = (2..=3).contains(&primary.len()) && letters;
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        return Some(text);
    }
    let text = truncate(&text, 40);
    let message = if letters && primary.len() > 3 {
        tr!(
            r.lang,
            "'{text}' is a language's name, not its BCP 47 tag: give its ISO 639 code (such as es for Spanish, en for English, tl for Tagalog or zh-Hant)",
            "'{text}' es el nombre de un idioma, no su etiqueta BCP 47: indique su código ISO 639 (como es para español, en para inglés, tl para tagalo o zh-Hant)"
        )
    } else {
        tr!(
            r.lang,
            "'{text}' is not a BCP 47 language tag (such as en, es or zh-Hant)",
            "'{text}' no es una etiqueta de idioma BCP 47 (como en, es o zh-Hant)"
        )
    };
    r.issue(message);
    None
}

/// Reads an array of language tags.
pub fn read_languages(r: &mut Reader, value: &Json<'_>) -> Option<Vec<String>> {
    r.list_with(value, Some(200), read_language)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn same_is_byte_equality(a in "[a-c\u{e9}]{0,20}", b in "[a-c\u{e9}]{0,20}") {
            proptest::prop_assert_eq!(same(&a, &b), a == b);
            proptest::prop_assert!(same(&a, &a.clone()));
        }
    }

    /// `json!` then borrowed: the reader reads `Json`.
    macro_rules! json {
        ($($t:tt)*) => { Json::from(&serde_json::json!($($t)*)).into_owned() };
    }

    fn reader() -> Reader {
        Reader::new(ReadLimits {
            string_length: 10,
            array_length: 3,
            subcontractors: 3,
            supply_items: 3,
            wage_rates: 3,
        })
    }

    /// A vocabulary word written as a form or a person writes it is named
    /// with the word to write; others list the words only.
    #[test]
    fn words_near_a_vocabulary_word_say_which_to_write() {
        let mut r = reader();
        let words = ["construction", "event-staffing", "h-2b"];
        assert_eq!(r.word(&json!("event-staffing"), &words), Some(1));
        for text in ["Construction", " Event Staffing", "H_2B", "building"] {
            assert_eq!(r.word(&json!(text), &words), None, "{text}");
        }
        let (_, issues) = r.finish();
        let text: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        let list = "construction, event-staffing, h-2b";
        assert_eq!(
            text,
            [
                format!("'Construction' is not one of: {list} (write 'construction')"),
                format!("' Event Staffing' is not one of: {list} (write 'event-staffing')"),
                format!("'H_2B' is not one of: {list} (write 'h-2b')"),
                format!("'building' is not one of: {list}"),
            ]
        );
    }

    /// A date of the right form that is not on the calendar is said to be
    /// so; anything else is told the form.
    #[test]
    fn dates_off_the_calendar_are_told_apart_from_bad_forms() {
        let mut r = reader();
        for text in ["2026-02-30", "2026-13-01", "2026-2-3", "March 2, 2026"] {
            let date: Option<Date> = Read::read(&json!(text), &mut r);
            assert_eq!(date, None, "{text}");
        }
        let (_, issues) = r.finish();
        let text: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        assert!(
            text[0].starts_with("'2026-02-30' is not a day of the calendar"),
            "{text:?}"
        );
        assert!(
            text[1].starts_with("'2026-13-01' is not a day of the calendar"),
            "{text:?}"
        );
        assert_eq!(text[2], "'2026-2-3' is not a date of the form YYYY-MM-DD");
        assert_eq!(
            text[3],
            "'March 2, 2026' is not a date of the form YYYY-MM-DD"
        );
        // A number in quotes, with or without grouping and a dollar sign.
        let mut r = reader();
        for text in ["1200.50", " $1,200,000 ", "12 hours"] {
            assert_eq!(r.number(&json!(text), 0.0, 1e15), None);
        }
        let (_, issues) = r.finish();
        let text: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            text,
            [
                "must be a number, not a string: write 1200.50 without quotes (from '1200.50')",
                "must be a number, not a string: write 1200000 without quotes (from ' $1,200,000 ')",
                "must be a number, not a string",
            ]
        );
        // A date and time, as JavaScript writes a Date: the date is asked for.
        let mut r = reader();
        let _: Option<Date> = Read::read(&json!("2026-03-02T08:00:00.000Z"), &mut r);
        let _: Option<bool> = Read::read(&json!("true"), &mut r);
        let (_, issues) = r.finish();
        let text: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            text,
            [
                "'2026-03-02T08:00:00.000Z' is a date and time; give the date alone, such as '2026-03-02'",
                "must be true or false, not a string: write true without quotes",
            ]
        );
    }

    /// Language tags: codes of 2 or 3 letters with any subtags; a name is
    /// refused as a name, anything else as not a tag.
    #[test]
    fn language_tags_are_codes_not_names() {
        let mut r = reader();
        for ok in ["es", "ES", "yue", "es-419", "zh-Hant", "tl"] {
            assert_eq!(read_language(&mut r, &json!(ok)).as_deref(), Some(ok));
        }
        for bad in ["Spanish", "english", "e", "es_MX", "es-", "1es"] {
            assert_eq!(read_language(&mut r, &json!(bad)), None, "{bad}");
        }
        let (_, issues) = r.finish();
        let text: Vec<String> = issues.iter().map(|i| i.message.clone()).collect();
        assert!(text[0].starts_with("'Spanish' is a language's name, not its BCP 47 tag: give its ISO 639 code (such as es"), "{text:?}");
        assert!(
            text[1].starts_with("'english' is a language's name"),
            "{text:?}"
        );
        assert!(
            text[2..]
                .iter()
                .all(|t| t.contains("is not a BCP 47 language tag")),
            "{text:?}"
        );
    }

    /// A map's strings are read as any string: a wrong type is named as
    /// one (it said "must be a string, not a string" of a long one), and
    /// the length limit counts characters, not bytes.
    #[test]
    fn map_strings_are_checked_as_strings() {
        let mut r = reader();
        let v = json!({"ok": "ñññññññññ", "long": "abcdefghijk", "n": 5, "gone": null});
        let map = r.string_map(&v, 64).unwrap_or_default();
        assert_eq!(map.keys().collect::<Vec<_>>(), ["ok"]);
        let (limits, issues) = r.finish();
        let limits: Vec<String> = limits.iter().map(ToString::to_string).collect();
        let issues: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(limits, ["long: is 11 characters long; the limit is 10"]);
        assert_eq!(issues, ["n: must be a string, not a number"]);
    }

    #[test]
    fn names_unknown_keys_and_wrong_types_with_paths() {
        let mut r = reader();
        let v = json!({"a": {"b": [1, "x"]}, "zz": 1});
        let mut o = r.object(&v).unwrap_or_else(|| unreachable!());
        let inner = o.optional_with(&mut r, "a", |r, v| {
            let mut o = r.object(v)?;
            let list: Option<Vec<f64>> = o.list(r, "b", None);
            o.finish(r);
            list
        });
        o.finish(&mut r);
        assert_eq!(inner, None);
        let (limits, issues) = r.finish();
        assert!(limits.is_empty());
        let text: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(text[0], "a.b[1]: must be a number, not a string");
        assert!(text[1].starts_with("zz: unknown field 'zz'"), "{text:?}");
    }

    /// An unknown key that differs from an expected one only in case is
    /// named with the key to write.
    #[test]
    fn a_key_in_the_wrong_case_says_which_to_write() {
        let mut r = reader();
        let v = json!({"asof": "x", "Locale": "es", "other": 1});
        let mut o = r.object(&v).unwrap_or_else(|| unreachable!());
        let _: Option<String> = o.optional(&mut r, "asOf");
        let _: Option<String> = o.optional(&mut r, "locale");
        o.finish(&mut r);
        let (_, issues) = r.finish();
        let text: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "Locale: unknown field 'Locale' (write 'locale'); expected one of: asOf, locale",
                "asof: unknown field 'asof' (write 'asOf'); expected one of: asOf, locale",
                "other: unknown field 'other'; expected one of: asOf, locale",
            ]
        );
    }

    #[test]
    fn null_means_not_provided_and_required_says_so() {
        let mut r = reader();
        let v = json!({"x": null});
        let mut o = r.object(&v).unwrap_or_else(|| unreachable!());
        let x: Option<f64> = o.optional(&mut r, "x");
        let y: String = o.required(&mut r, "y");
        o.finish(&mut r);
        assert_eq!(x, None);
        assert_eq!(y, "");
        let (_, issues) = r.finish();
        assert_eq!(issues, vec![Issue::new("y", "is required")]);
    }

    #[test]
    fn a_repeated_key_is_an_error_not_a_guess() {
        let mut r = reader();
        let v = Json::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap_or_default();
        let mut o = r.object(&v).unwrap_or_else(|| unreachable!());
        let a: Option<f64> = o.optional(&mut r, "a");
        let b: Option<f64> = o.optional(&mut r, "b");
        o.finish(&mut r);
        assert_eq!((a, b), (Some(1.0), Some(2.0)));
        let (_, issues) = r.finish();
        assert_eq!(
            issues,
            vec![Issue::new("a", "appears more than once in the object")]
        );
    }

    #[test]
    fn fields_in_any_order_are_found() {
        let mut r = reader();
        let v = json!({"c": 3, "a": 1, "b": 2});
        let mut o = r.object(&v).unwrap_or_else(|| unreachable!());
        let got: Vec<Option<f64>> = ["a", "b", "c", "d"]
            .iter()
            .map(|k| o.optional(&mut r, k))
            .collect();
        o.finish(&mut r);
        assert_eq!(got, vec![Some(1.0), Some(2.0), Some(3.0), None]);
        assert!(!r.failed());
    }

    #[test]
    fn limits_are_reported_separately() {
        let mut r = reader();
        let long = json!("abcdefghijklmnop");
        assert_eq!(String::read(&long, &mut r), None);
        let many = json!([1, 2, 3, 4]);
        assert_eq!(<Vec<f64>>::read(&many, &mut r), None);
        let (limits, issues) = r.finish();
        assert_eq!(limits.len(), 2);
        assert!(issues.is_empty());
    }

    #[test]
    fn odd_keys_are_quoted_in_paths() {
        let mut r = reader();
        let v = json!({"__proto__": 1, "a b": 2});
        let o = r.object(&v).unwrap_or_else(|| unreachable!());
        o.finish(&mut r);
        let (_, issues) = r.finish();
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, vec!["__proto__", "[\"a b\"]"]);
    }

    #[test]
    fn languages_and_countries() {
        let mut r = reader();
        assert_eq!(
            read_language(&mut r, &json!("zh-Hant")).as_deref(),
            Some("zh-Hant")
        );
        assert_eq!(read_language(&mut r, &json!("e")), None);
        assert_eq!(read_country(&mut r, &json!("MX")).as_deref(), Some("MX"));
        assert_eq!(read_country(&mut r, &json!("mx")), None);
        assert_eq!(read_country(&mut r, &json!("XX")), None);
    }
}
