//! Reading one large JSON document piece by piece: the top-level object of
//! an OCDS package is walked key by key, and the items of its big arrays are
//! parsed one at a time, so memory stays bounded by the largest item rather
//! than the file.

use super::{Json, ParseError};
use crate::text::{tr, Lang, Text};
use std::io::Read;

/// An error while streaming: the input could not be read, or is not JSON.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// Reading failed.
    #[error("{}", self.message_in(Lang::En))]
    Io(#[from] std::io::Error),
    /// A syntax error at a 1-based line of the whole input.
    #[error("{}", self.message_in(Lang::En))]
    Syntax {
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        problem: Syntax,
    },
    /// A value longer than the stream's limit, refused before it is read
    /// whole.
    #[error("{}", self.message_in(Lang::En))]
    TooLarge {
        /// The 1-based line the value starts on.
        line: usize,
        /// The limit, in bytes.
        limit: usize,
    },
}

/// What is wrong with the text, to be written in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// The parser's message, at a line and column of the value.
    Parse(ParseError),
    /// Another byte than the one expected (`` `{` ``, "an array").
    Expected(Text),
    /// The text ends where this was expected.
    EndExpecting(Text),
    /// The text ends before a value.
    End,
    /// The text is not UTF-8.
    NotUtf8,
    /// Arrays and objects nested deeper than 127 levels.
    TooDeep,
    /// An object key that is not a string.
    KeyNotString,
}

impl Syntax {
    /// What is wrong, in `lang` (serde_json's words in English).
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Syntax::Parse(e) => tr!(
                lang,
                "{what} at line {line} column {column}",
                "{what} en la línea {line}, columna {column}",
                what = e.message_in(lang),
                line = e.line(),
                column = e.column()
            ),
            Syntax::Expected(what) => {
                tr!(
                    lang,
                    "expected {what}",
                    "se esperaba {what}",
                    what = what.get(lang)
                )
            }
            Syntax::EndExpecting(what) => tr!(
                lang,
                "EOF while expecting {what}",
                "el texto termina donde se esperaba {what}",
                what = what.get(lang)
            ),
            Syntax::End => tr!(
                lang,
                "EOF while parsing a value",
                "el texto termina donde se esperaba un valor"
            ),
            Syntax::NotUtf8 => tr!(lang, "the input is not UTF-8", "la entrada no es UTF-8"),
            Syntax::TooDeep => tr!(
                lang,
                "nesting deeper than 127 levels",
                "anidamiento de más de 127 niveles"
            ),
            Syntax::KeyNotString => tr!(
                lang,
                "an object key must be a string",
                "la clave de un objeto debe ser una cadena de texto"
            ),
        }
    }
}

impl StreamError {
    /// The error in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            StreamError::Io(e) => cannot_read(lang, e),
            StreamError::Syntax { line, problem } => {
                at_line(lang, *line, &problem.message_in(lang))
            }
            StreamError::TooLarge { line, limit } => tr!(
                lang,
                "line {line}: a value of more than {limit} bytes",
                "línea {line}: un valor de más de {limit} bytes",
                limit = crate::format::count(*limit)
            ),
        }
    }
}

/// A problem at a line of the input: "line 3: ...".
pub fn at_line(lang: Lang, line: usize, what: &str) -> String {
    tr!(lang, "line {line}: {what}", "línea {line}: {what}")
}

/// The input could not be read.
pub fn cannot_read(lang: Lang, e: &std::io::Error) -> String {
    let e = crate::text::io_error(lang, e);
    tr!(
        lang,
        "cannot read the input: {e}",
        "no se puede leer la entrada: {e}"
    )
}

/// The symbols and words [`JsonStream::expect`] names.
pub mod expected {
    use crate::text::Text;
    /// `{`
    pub const OPEN_OBJECT: Text = Text::new("`{`", "`{`");
    /// `[`
    pub const OPEN_ARRAY: Text = Text::new("`[`", "`[`");
    /// `}`
    pub const CLOSE_OBJECT: Text = Text::new("`}`", "`}`");
    /// `]`
    pub const CLOSE_ARRAY: Text = Text::new("`]`", "`]`");
    /// `:`
    pub const COLON: Text = Text::new("`:`", "`:`");
    /// `,`
    pub const COMMA: Text = Text::new("`,`", "`,`");
    /// `,` or `}`
    pub const COMMA_OR_CLOSE_OBJECT: Text = Text::new("`,` or `}`", "`,` o `}`");
    /// `,` or `]`
    pub const COMMA_OR_CLOSE_ARRAY: Text = Text::new("`,` or `]`", "`,` o `]`");
    /// An array.
    pub const AN_ARRAY: Text = Text::new("an array", "un arreglo");
}

/// A buffered reader over JSON text that hands out whole values.
pub struct JsonStream<R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    /// Lines consumed before `buf[0]`.
    lines_before: usize,
    ended: bool,
    /// The longest value handed out, read or skipped, in bytes: the buffer
    /// never holds much more.
    max_value: usize,
}

const CHUNK: usize = 1 << 16;

impl<R: Read> JsonStream<R> {
    /// A stream over `input`.
    pub fn new(input: R) -> JsonStream<R> {
        JsonStream {
            input,
            buf: Vec::with_capacity(CHUNK),
            pos: 0,
            lines_before: 0,
            ended: false,
            max_value: usize::MAX,
        }
    }

    /// A stream over `input` that refuses values longer than `max_value`
    /// bytes ([`StreamError::TooLarge`]) before buffering them whole.
    pub fn with_limit(input: R, max_value: usize) -> JsonStream<R> {
        JsonStream {
            max_value,
            ..JsonStream::new(input)
        }
    }

    /// Reads more input onto the end of the buffer; false at the end.
    fn fill(&mut self) -> Result<bool, StreamError> {
        if self.ended {
            return Ok(false);
        }
        // Drop what has been consumed once it is most of the buffer.
        if self.pos > 0 && self.pos >= self.buf.len() / 2 {
            let consumed = self.buf.get(..self.pos).unwrap_or_default();
            self.lines_before += consumed.iter().filter(|&&b| b == b'\n').count();
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let read = loop {
            match self.input.read(self.buf.get_mut(old..).unwrap_or_default()) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e.into());
                }
            }
        };
        self.buf.truncate(old + read);
        self.ended = read == 0;
        Ok(read > 0)
    }

    /// The 1-based line of byte `at` of the buffer.
    fn line_at(&self, at: usize) -> usize {
        let upto = self.buf.get(..at).unwrap_or(&self.buf);
        self.lines_before + upto.iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// A syntax error at the current position.
    pub fn error(&self, problem: Syntax) -> StreamError {
        StreamError::Syntax {
            line: self.line_at(self.pos),
            problem,
        }
    }

    /// The next byte that is not whitespace, without consuming it; `None`
    /// at the end of the input.
    pub fn peek(&mut self) -> Result<Option<u8>, StreamError> {
        loop {
            while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.buf.get(self.pos) {
                self.pos += 1;
            }
            if let Some(&b) = self.buf.get(self.pos) {
                return Ok(Some(b));
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Consumes `byte` (after whitespace), or fails naming `expected`.
    pub fn expect(&mut self, byte: u8, expected: Text) -> Result<(), StreamError> {
        match self.peek()? {
            Some(b) if b == byte => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error(Syntax::Expected(expected))),
            None => Err(self.error(Syntax::EndExpecting(expected))),
        }
    }

    /// Consumes the next value (after whitespace) and hands it, parsed, to
    /// `f`. The value borrows from the buffer, so it lives only for the call.
    pub fn value<T>(&mut self, f: impl FnOnce(Json<'_>) -> T) -> Result<T, StreamError> {
        let (start, end) = self.next_span()?;
        let bytes = self.buf.get(start..end).unwrap_or_default();
        let parsed = std::str::from_utf8(bytes)
            .map_err(|_| self.error(Syntax::NotUtf8))
            .and_then(|text| Json::parse(text).map_err(|e| self.syntax(start, &e)));
        let value = parsed?;
        let out = f(value);
        self.pos = end;
        Ok(out)
    }

    /// Consumes the next value (after whitespace) and returns its bytes,
    /// unparsed and not yet checked as UTF-8, with the line it starts on.
    pub fn raw(&mut self) -> Result<(Vec<u8>, usize), StreamError> {
        let (start, end) = self.next_span()?;
        let bytes = self.buf.get(start..end).unwrap_or_default().to_vec();
        let line = self.line_at(start);
        self.pos = end;
        Ok((bytes, line))
    }

    /// Consumes the next value (after whitespace) without parsing it: only
    /// its strings and brackets are checked.
    pub fn skip(&mut self) -> Result<(), StreamError> {
        let (_, end) = self.next_span()?;
        self.pos = end;
        Ok(())
    }

    /// The 1-based line of the next unread byte.
    pub fn line(&self) -> usize {
        self.line_at(self.pos)
    }

    /// The reader, for what has not been buffered yet.
    pub fn into_inner(self) -> R {
        self.input
    }

    /// Where the next value (after whitespace) lies in the buffer, read in
    /// whole; not consumed yet.
    fn next_span(&mut self) -> Result<(usize, usize), StreamError> {
        if self.peek()?.is_none() {
            return Err(self.error(Syntax::End));
        }
        let end = self.value_end()?;
        // After `value_end`, which may have moved the unread bytes.
        Ok((self.pos, end))
    }

    fn syntax(&self, start: usize, e: &ParseError) -> StreamError {
        StreamError::Syntax {
            line: self.line_at(start) + e.line() - 1,
            problem: Syntax::Parse(e.clone()),
        }
    }

    /// Finds where the value starting at `pos` ends (one past its last
    /// byte), reading more input as needed. Only strings and brackets are
    /// tracked here; the parser checks the rest.
    fn value_end(&mut self) -> Result<usize, StreamError> {
        let mut i = self.pos;
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        loop {
            let Some(&b) = self.buf.get(i) else {
                if i - self.pos > self.max_value {
                    return Err(StreamError::TooLarge {
                        line: self.line_at(self.pos),
                        limit: self.max_value,
                    });
                }
                let start = self.pos;
                if !self.fill()? {
                    return Err(self.error(Syntax::End));
                }
                // `fill` may have moved the unread bytes to the front.
                i -= start - self.pos;
                continue;
            };
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    if depth == 0 {
                        return Ok(i + 1);
                    }
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => {
                        depth += 1;
                        // Fail here, not after buffering the whole input.
                        if depth > super::MAX_NESTING {
                            return Err(self.error(Syntax::TooDeep));
                        }
                    }
                    b'}' | b']' if depth == 0 => return Ok(i),
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(i + 1);
                        }
                    }
                    b',' | b' ' | b'\n' | b'\r' | b'\t' if depth == 0 => return Ok(i),
                    _ => {}
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out one byte at a time, to cross every boundary.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), out.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn items(text: &str) -> Result<Vec<String>, StreamError> {
        let mut s = JsonStream::new(Trickle(text.as_bytes()));
        let mut out = Vec::new();
        s.expect(b'[', expected::OPEN_ARRAY)?;
        loop {
            if s.peek()? == Some(b']') {
                break;
            }
            out.push(s.value(|v| format!("{v:?}"))?);
            if s.peek()? == Some(b',') {
                s.expect(b',', expected::COMMA)?;
            }
        }
        Ok(out)
    }

    #[test]
    fn hands_out_each_value_whole() {
        let got = items(r#"[1, "a]\"b", {"x": [1, {"y": "}"}]}, true, -2.5e3 ]"#).unwrap();
        assert_eq!(got.len(), 5);
        assert!(got[1].contains("a]\\\"b"));
        assert!(got[2].contains("\"}\""));
        assert_eq!(got[4], "Number(-2500.0)");
    }

    #[test]
    fn names_the_line_of_an_error() {
        match items("[1,\n2,\n{\"a\": tru}]") {
            Err(StreamError::Syntax { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            items("[1, {\"a\": "),
            Err(StreamError::Syntax { .. })
        ));
    }

    /// Arbitrary JSON values, as text.
    fn json_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just("null".to_owned()),
            any::<bool>().prop_map(|b| b.to_string()),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| serde_json::to_string(&f).unwrap()),
            "[a-z\\\\\"\\]\\}\\[{ \u{e9}\n]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5)
                    .prop_map(|v| format!("[{}]", v.join(" ,\n"))),
                proptest::collection::vec(("[a-z\\]\\}]{0,4}", inner), 0..5).prop_map(|kv| {
                    let pairs: Vec<String> = kv
                        .into_iter()
                        .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
                        .collect();
                    format!("{{ {} }}", pairs.join(","))
                }),
            ]
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

        /// The streaming reader hands out each item of an array as the
        /// whole parse reads it, one byte at a time or not.
        #[test]
        fn streaming_gives_what_a_whole_parse_gives(items_text in proptest::collection::vec(json_text(), 0..6)) {
            let text = format!("[{}]", items_text.join(",\n "));
            let whole = Json::parse(&text).unwrap();
            let expected: Vec<String> = whole
                .as_array()
                .unwrap()
                .iter()
                .map(|v| format!("{v:?}"))
                .collect();
            proptest::prop_assert_eq!(items(&text).unwrap(), expected);
        }
    }

    #[test]
    fn deep_nesting_fails_without_reading_on() {
        // An endless stream of `[`: the reader must stop at the limit.
        let mut s = JsonStream::new(std::io::repeat(b'['));
        let err = s.value(|_| ()).unwrap_err();
        assert!(err.to_string().contains("nesting"), "{err}");
    }
}
