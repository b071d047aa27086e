//! The JSON parser: RFC 8259 text into a [`Json`] value whose strings borrow
//! from the text when they have no escapes.
//!
//! Hand-written rather than serde_json's, because it is the hottest code in
//! the crate (every bid, every OCDS release passes through it) and because
//! it keeps serde_json's parser, number tables and error machinery out of
//! the WebAssembly module. Numbers are read exactly (`str::parse::<f64>`);
//! nesting is limited to [`MAX_NESTING`] levels so that no input can
//! exhaust the stack.

use super::Json;
use crate::text::Lang;
use std::borrow::Cow;
use std::cell::Cell;

/// Deepest nesting of arrays and objects accepted: 127, as serde_json
/// (whose recursion limit refuses the 128th level).
pub const MAX_NESTING: usize = 127;

/// A syntax error, with the line and column (both 1-based) where it was
/// found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {line} column {column}")]
pub struct ParseError {
    message: &'static str,
    line: usize,
    column: usize,
    eof: bool,
}

impl ParseError {
    /// What is wrong.
    pub fn message(&self) -> &'static str {
        self.message
    }

    /// What is wrong, in `lang` (serde_json's words in English).
    pub fn message_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.message,
            Lang::Es => syntax_es(self.message),
        }
    }

    /// The 1-based line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, in characters.
    pub fn column(&self) -> usize {
        self.column
    }

    /// True when the text ended before the value did.
    pub fn is_eof(&self) -> bool {
        self.eof
    }

    /// An error at byte `at` of `text`.
    pub(crate) fn at(text: &str, at: usize, message: &'static str) -> ParseError {
        let before = text.get(..at.min(text.len())).unwrap_or(text);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ParseError {
            message,
            line,
            column,
            eof: at >= text.len(),
        }
    }
}

/// What the JSON parser says is wrong, in Spanish (its messages are
/// serde_json's, which tests hold it to).
fn syntax_es(message: &'static str) -> &'static str {
    match message {
        "expected value" => "se esperaba un valor",
        "EOF while parsing a value" => "el texto termina antes de que termine el valor",
        "expected `,` or `]`" => "se esperaba `,` o `]`",
        "expected `,` or `}`" => "se esperaba `,` o `}`",
        "expected `:`" => "se esperaba `:`",
        "key must be a string" => "la clave debe ser una cadena de texto",
        "control character in a string" => "carácter de control en una cadena de texto",
        "invalid UTF-8 in a string" => "UTF-8 no válido en una cadena de texto",
        "lone leading surrogate in hex escape" => {
            "sustituto inicial suelto en un escape hexadecimal"
        }
        "lone trailing surrogate in hex escape" => {
            "sustituto final suelto en un escape hexadecimal"
        }
        "invalid escape" => "escape no válido",
        "invalid number" => "número no válido",
        "nesting deeper than 127 levels" => "anidamiento de más de 127 niveles",
        "trailing characters" => "caracteres después del valor",
        other => other,
    }
}

/// Parses one JSON value that fills `text` (whitespace aside).
pub fn parse(text: &str) -> Result<Json<'_>, ParseError> {
    parse_with(text, &[], Mode::BUILD)
}

/// Parses `text` keeping, in the top-level object, only the keys of
/// `levels[0]`; in those keys' object values only the keys of `levels[1]`;
/// and so on (deeper values are kept whole). The rest is checked as JSON
/// but not built: reading the few parts of a large document that are
/// needed costs little more than finding its end.
pub fn parse_selected<'a>(text: &'a str, levels: &[&[&str]]) -> Result<Json<'a>, ParseError> {
    let mode = if levels.is_empty() {
        Mode::BUILD
    } else {
        Mode::SELECT
    };
    parse_with(text, levels, mode)
}

fn parse_with<'a>(text: &'a str, levels: &[&[&str]], mode: Mode) -> Result<Json<'a>, ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        items: Vec::with_capacity(16),
        pairs: Vec::with_capacity(32),
        failure: Cell::new((0, "")),
        levels,
    };
    p.skip_space();
    let value = p.value(mode, Dest::Item).and_then(|()| {
        p.skip_space();
        match (p.pos < p.bytes.len(), p.items.pop()) {
            (false, Some(value)) => Ok(value),
            (true, _) => Err(p.error("trailing characters")),
            (false, None) => Err(p.error("expected value")),
        }
    });
    value.map_err(|Fail| {
        let (at, message) = p.failure.get();
        ParseError::at(text, at, message)
    })
}

/// What becomes of a value being parsed: built, checked but not built
/// (it reads as `null` and is left out), or, from [`Mode::SELECT`] on, an
/// object keeping only the keys of that level of [`Parser::levels`]. A
/// number rather than an enum with the keys in it, so that plain parsing,
/// the hot path, pays one comparison for it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Mode(usize);

impl Mode {
    const BUILD: Mode = Mode(0);
    const SKIP: Mode = Mode(1);
    /// Selecting by `levels[0]`; `Mode(SELECT.0 + n)` selects by `levels[n]`.
    const SELECT: Mode = Mode(2);

    /// The mode of an array's items.
    #[inline]
    fn items(self) -> Mode {
        if self == Mode::SKIP {
            Mode::SKIP
        } else {
            Mode::BUILD
        }
    }

    /// The mode of the value at `key` in an object.
    #[inline]
    fn at(self, key: &str, levels: &[&[&str]]) -> Mode {
        if self.0 < Mode::SELECT.0 {
            return self;
        }
        let level = self.0 - Mode::SELECT.0;
        match levels.get(level) {
            Some(keys) if keys.contains(&key) && level + 1 < levels.len() => Mode(self.0 + 1),
            Some(keys) if keys.contains(&key) => Mode::BUILD,
            Some(_) => Mode::SKIP,
            None => Mode::BUILD,
        }
    }
}

/// A failed parse; what and where are in [`Parser::failure`], which keeps
/// the results on the hot path small.
struct Fail;

/// Where a parsed value goes: pushed onto [`Parser::items`] (an array's item,
/// or the whole document), or into the value of the pair on top of
/// [`Parser::pairs`] (pushed with its key before the value is read).
#[derive(Clone, Copy)]
enum Dest {
    Item,
    Pair,
}

struct Parser<'a, 'l> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Scratch stacks: the items of the arrays (pairs of the objects) being
    /// read are pushed here and split off into one exactly sized vector
    /// (one allocation, one copy) when the container closes, instead of
    /// growing a vector per container. Values are written into their place
    /// here ([`Dest`]) rather than returned up the recursion: natively,
    /// moving each returned `Json` through its caller's stack (where loads
    /// waited on the callee's narrower stores) made parsing 19% slower.
    items: Vec<Json<'a>>,
    pairs: Vec<(Cow<'a, str>, Json<'a>)>,
    /// Where the parse failed, and why.
    failure: Cell<(usize, &'static str)>,
    /// The keys kept at each level, when selecting ([`parse_selected`]).
    levels: &'l [&'l [&'l str]],
}

type Result<T, E = Fail> = std::result::Result<T, E>;

impl<'a> Parser<'a, '_> {
    #[cold]
    fn error(&self, message: &'static str) -> Fail {
        let message = if self.pos >= self.bytes.len() {
            "EOF while parsing a value"
        } else {
            message
        };
        self.failure.set((self.pos, message));
        Fail
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Parses a value into `dest`, unless `mode` skips it.
    fn value(&mut self, mode: Mode, dest: Dest) -> Result<()> {
        let value = match self.peek() {
            Some(b'"') => Json::Str(self.string()?),
            Some(b'{') => return self.object(mode, dest),
            Some(b'[') => return self.array(mode.items(), dest),
            Some(b't') => self.literal(b"true", Json::Bool(true))?,
            Some(b'f') => self.literal(b"false", Json::Bool(false))?,
            Some(b'n') => self.literal(b"null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => Json::Number(self.number()?),
            _ => return Err(self.error("expected value")),
        };
        if mode != Mode::SKIP {
            self.put(dest, value);
        }
        Ok(())
    }

    #[inline]
    fn put(&mut self, dest: Dest, value: Json<'a>) {
        match dest {
            Dest::Item => self.items.push(value),
            Dest::Pair => {
                if let Some((_, slot)) = self.pairs.last_mut() {
                    *slot = value;
                }
            }
        }
    }

    fn literal(&mut self, word: &[u8], value: Json<'a>) -> Result<Json<'a>> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.error("nesting deeper than 127 levels"));
        }
        self.pos += 1;
        self.skip_space();
        Ok(())
    }

    /// An array whose items are read in `mode`; kept unless they are skipped.
    fn array(&mut self, mode: Mode, dest: Dest) -> Result<()> {
        self.enter()?;
        let keep = mode != Mode::SKIP;
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            if keep {
                self.put(dest, Json::Array(Vec::new()));
            }
            return Ok(());
        }
        let mark = self.items.len();
        loop {
            self.value(mode, Dest::Item)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_space();
                }
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    if keep {
                        let items = self.items.split_off(mark);
                        self.put(dest, Json::Array(items));
                    }
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, mode: Mode, dest: Dest) -> Result<()> {
        self.enter()?;
        let keep = mode != Mode::SKIP;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            if keep {
                self.put(dest, Json::Object(Vec::new()));
            }
            return Ok(());
        }
        let mark = self.pairs.len();
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("key must be a string"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.pos += 1;
            self.skip_space();
            let mode = mode.at(&key, self.levels);
            if mode != Mode::SKIP {
                self.pairs.push((key, Json::Null));
            }
            self.value(mode, Dest::Pair)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_space();
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    if keep {
                        let pairs = self.pairs.split_off(mark);
                        self.put(dest, Json::Object(pairs));
                    }
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A string starting at the opening quote; borrowed when it has no
    /// escapes.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        self.pos = plain_run_end(self.bytes, self.pos);
        match self.peek() {
            Some(b'"') => {
                let s = self.slice(start)?;
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error("control character in a string")),
            None => return Err(self.error("EOF while parsing a string")),
        }
        let mut owned = String::from(self.slice(start)?);
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut owned)?;
                }
                Some(0..=0x1f) => return Err(self.error("control character in a string")),
                Some(_) => {
                    let run = self.pos;
                    self.pos = plain_run_end(self.bytes, self.pos);
                    owned.push_str(self.slice(run)?);
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    /// The text from `start` to the current position; both are at ASCII
    /// bytes, so the slice is whole characters.
    fn slice(&self, start: usize) -> Result<&'a str> {
        self.text
            .get(start..self.pos)
            .ok_or_else(|| self.error("invalid UTF-8 in a string"))
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone trailing surrogate in hex escape"))
                    }
                    _ => first,
                };
                out.push(char::from_u32(code).ok_or_else(|| self.error("invalid escape"))?);
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        out.push(c);
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    /// A number, checked against JSON's grammar and read exactly.
    fn number(&mut self) -> Result<f64> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let mut integer = 0u64;
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    integer = integer.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                    self.pos += 1;
                }
            }
            _ => return Err(self.error("invalid number")),
        }
        let mut simple = self.pos - start <= 15;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            simple = false;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            simple = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        if simple {
            // At most 15 digits: exact in an f64.
            let n = integer as f64;
            return Ok(if self.bytes.get(start) == Some(&b'-') {
                -n
            } else {
                n
            });
        }
        let n: f64 = self
            .slice(start)?
            .parse()
            .map_err(|_| self.error("invalid number"))?;
        if n.is_finite() {
            Ok(n)
        } else {
            self.failure.set((start, "number out of range"));
            Err(Fail)
        }
    }

    fn digits(&mut self) -> Result<()> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error("invalid number"));
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }
}

/// The index of the first byte from `i` on that ends a plain run of a
/// string: a quote, a backslash or a control character (or the end). Eight
/// bytes at a time while none of them can.
#[inline]
pub(super) fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Nonzero when some byte of `x` is below `n` (n <= 128).
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    while let Some(word) = bytes
        .get(i..i + 8)
        .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
        .map(u64::from_le_bytes)
    {
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let found = below(quote, 1) | below(backslash, 1) | below(word, 0x20);
        if found != 0 {
            // The lowest flagged byte is always a true match (a false one
            // can only follow a true one), so this lands on it exactly.
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Parses with this parser and with serde_json, which must agree.
    fn agree(text: &str) {
        let ours = parse(text);
        let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, Json::from(&b), "{text}"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{text:?}: ours {a:?}, serde_json {b:?}"),
        }
    }

    #[test]
    fn agrees_with_serde_json_on_edge_cases() {
        for text in [
            "0",
            "-0",
            "1.5",
            "-1.25e-3",
            "1E+2",
            "123456789012345",
            "1234567890123456789",
            "12345678901234567890123",
            "0.1",
            "2.2250738585072014e-308",
            "5e-324",
            "1.7976931348623157e308",
            r#""\u00e9\ud83d\ude00\n\t\\\/\"""#,
            r#""é ü 日本""#,
            "[]",
            "{}",
            " [ 1 , [ ] , { } ] ",
            r#"{"a":{"b":[null,true,false]}}"#,
            // Refused by both.
            "",
            " ",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{1:2}",
            "{\"a\" 1}",
            "tru",
            "nul",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\t\"",
            "[1] 2",
            "1e400",
            "-1e400",
            "[",
            "{\"a\":",
        ] {
            agree(text);
        }
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line(), e.column()), (2, 8));
        assert!(!e.is_eof());
        let e = parse("[1, 2").unwrap_err();
        assert!(e.is_eof());
        assert!(e.to_string().contains("line 1"));
        assert!(parse(&"[".repeat(MAX_NESTING)).unwrap_err().is_eof());
        let deep = parse(&"[".repeat(MAX_NESTING + 1)).unwrap_err();
        assert!(deep.message().contains("nesting"));
        assert!(parse(&format!(
            "{}{}",
            "[".repeat(MAX_NESTING),
            "]".repeat(MAX_NESTING)
        ))
        .is_ok());
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let v = parse(r#"{"key": "plain", "e": "a\nb"}"#).unwrap();
        let Json::Object(pairs) = v else { panic!() };
        assert!(matches!(
            pairs[0],
            (Cow::Borrowed("key"), Json::Str(Cow::Borrowed("plain")))
        ));
        assert!(matches!(&pairs[1].1, Json::Str(Cow::Owned(s)) if s == "a\nb"));
    }

    /// What [`parse_selected`] must give: the full parse with the keys
    /// outside `levels` taken out.
    fn select<'a>(value: Json<'a>, levels: &[&[&str]]) -> Json<'a> {
        match (value, levels.split_first()) {
            (Json::Object(pairs), Some((keys, deeper))) => Json::Object(
                pairs
                    .into_iter()
                    .filter(|(k, _)| keys.contains(&k.as_ref()))
                    .map(|(k, v)| (k, select(v, deeper)))
                    .collect(),
            ),
            (value, _) => value,
        }
    }

    #[test]
    fn selected_keys_are_built_and_the_rest_only_checked() {
        let text = r#"{"a": {"x": 1, "y": [2, {"z": 3}]}, "b": [{"big": "skipped"}], "c": "kept", "c": 5}"#;
        let levels: &[&[&str]] = &[&["a", "c"], &["y"]];
        let got = parse_selected(text, levels).unwrap();
        assert_eq!(got, select(parse(text).unwrap(), levels));
        assert_eq!(got.get("b"), None);
        assert_eq!(got.pointer("/a/x"), None);
        assert_eq!(
            got.pointer("/a/y/1/z"),
            Some(&Json::Number(3.0)),
            "deeper values whole"
        );
        // A repeated key is kept as often as it appears (the reader refuses it).
        assert!(
            matches!(&got, Json::Object(pairs) if pairs.iter().filter(|(k, _)| k == "c").count() == 2)
        );
        // A skipped value is still checked: the error names where it is.
        let bad = r#"{"a": 1,
  "b": [{"big": tru}]}"#;
        let e = parse_selected(bad, &[&["a"]]).unwrap_err();
        assert_eq!((e.line(), e.column()), (2, 17));
        // Not an object at the top: parsed whole.
        assert_eq!(
            parse_selected("[1, 2]", &[&["a"]]).unwrap(),
            parse("[1, 2]").unwrap()
        );
    }

    fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        arb_json_with_keys(any::<String>())
    }

    /// JSON values whose object keys come from `keys`.
    fn arb_json_with_keys(
        keys: impl Strategy<Value = String> + Clone + 'static,
    ) -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 64, 8, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
                prop::collection::btree_map(keys.clone(), inner, 0..8)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_any_value(value in arb_json(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            };
            agree(&text.unwrap_or_default());
        }

        #[test]
        fn plain_runs_end_where_a_byte_scan_says(bytes in prop::collection::vec(any::<u8>(), 0..40), from in 0usize..40) {
            let naive = (from..bytes.len())
                .find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(bytes.len().max(from));
            prop_assert_eq!(plain_run_end(&bytes, from), naive);
        }

        #[test]
        fn selecting_equals_parsing_then_filtering(
            value in arb_json_with_keys("[a-dk]".prop_map(String::from)),
            a in "[a-c]",
            b in "[a-c]",
        ) {
            let text = serde_json::to_string(&value).unwrap_or_default();
            let levels: &[&[&str]] = &[&[a.as_str(), "k"], &[b.as_str()]];
            let full = parse(&text).map(|v| select(v, levels));
            prop_assert_eq!(parse_selected(&text, levels).ok(), full.ok());
        }

        #[test]
        fn never_panics_on_any_text(text in ".{0,64}") {
            let _ = parse(&text);
        }
    }
}
