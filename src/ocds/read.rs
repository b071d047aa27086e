//! Reading OCDS as publishers write it, streaming, one release in memory
//! at a time: a release package, a record package, a release, a record,
//! JSON Lines of releases or records, a JSON array of any of these, and
//! several of them one after another in one file. A UTF-8 byte order mark
//! is skipped; text that is not UTF-8 is refused naming the line and byte,
//! with how to convert it.
//!
//! Two ways through the input:
//! - **JSON Lines**, told from a first value that is one object on one line
//!   with an `ocid` (a release, or a record): each line is read on its own,
//!   and a line that cannot be read becomes an error result in its place
//!   (`recover`) while the run goes on;
//! - **everything else** is walked value by value and key by key
//!   ([`JsonStream`]): a package's `releases` or `records` are handed out one
//!   at a time, a top-level release or record whole. A syntax error ends the
//!   run after the processes already read.
//!
//! A record without `compiledRelease` is compiled from its embedded releases
//! by the OCDS merge rules ([`compile`]); one that only links its releases
//! (`url`) is reported with the reason.

use super::{process_in, Exclusion, OcdsError, Problem, Process};
use crate::json::stream::{expected, Syntax};
use crate::json::{Json, JsonStream, StreamError};
use crate::text::{tr, Lang};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{BufRead, Read};

/// One release (or record, or line) as read from the input, not yet
/// parsed: the unit of work that [`crate::api::screen_ocds`] hands to its
/// worker threads.
#[derive(Debug, Clone)]
pub struct RawRelease {
    /// The JSON text, checked as UTF-8 by [`RawRelease::processes`] (on a
    /// worker thread) rather than while reading.
    text: Vec<u8>,
    line: usize,
    form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// One line of JSON Lines: a release, a record, or a package.
    Line,
    /// A release: an item of a package's `releases`, or a document of its own.
    Release,
    /// A record: an item of a package's `records`, or a document of its own.
    Record,
    /// A line of JSON Lines longer than the limit (in bytes), not kept.
    TooLong(usize),
}

/// A line or item that could not be read, in the place of its results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// The 1-based line it starts on.
    pub line: usize,
    /// What is wrong.
    pub error: LineErrorBody,
}

/// The error of a [`LineError`], as SPEC errors are written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineErrorBody {
    /// `invalid-submission` (not OCDS, or not JSON) or `limit-exceeded`.
    pub code: &'static str,
    /// What is wrong, and where.
    pub message: String,
}

impl LineError {
    /// The error of line `line`.
    pub fn new(line: usize, error: &OcdsError) -> LineError {
        LineError::new_in(line, error, Lang::En)
    }

    /// The error of line `line`, its message in `lang`.
    pub fn new_in(line: usize, error: &OcdsError, lang: Lang) -> LineError {
        LineError {
            line,
            error: LineErrorBody {
                code: error.code(),
                message: error.message_in(lang),
            },
        }
    }
}

/// The keys of a release that [`process`] reads (awards only for the
/// ceilings they give): published releases also carry contracts, documents
/// and planning, often most of their size, which are checked as JSON but
/// not built.
const RELEASE_KEYS: &[&str] = &["ocid", "tender", "bids", "parties", "awards"];
/// The keys of a line, which can be a release, a record or a package.
const LINE_KEYS: &[&str] = &[
    "ocid",
    "tender",
    "bids",
    "parties",
    "awards",
    "compiledRelease",
    "releases",
    "records",
    "uri",
];
/// The keys of a record.
const RECORD_KEYS: &[&str] = &["ocid", "compiledRelease", "releases"];
/// Keys only a package has.
const PACKAGE_KEYS: &[&str] = &[
    "uri",
    "version",
    "publishedDate",
    "publisher",
    "license",
    "publicationPolicy",
    "extensions",
    "links",
    "packages",
];
/// Items of `releases` held while it is not yet known whether they belong
/// to a package (handed out) or to a record whose `ocid` comes later (kept
/// whole); past this, a record would be absurdly large, so they are taken
/// as a package's.
const MAX_UNDECIDED_BYTES: usize = 64 * 1024 * 1024;

impl RawRelease {
    /// The line it starts on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// True for a line of JSON Lines: an error reading it is reported in
    /// its place and the run goes on.
    pub fn recovers(&self) -> bool {
        matches!(self.form, Form::Line | Form::TooLong(_))
    }

    /// How many bytes of text it holds.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// Parses it and maps it to contracting processes: one for a release
    /// or a record, one per item for a package on one line.
    pub fn processes(&self) -> Result<Vec<Process>, OcdsError> {
        self.processes_in(Lang::En)
    }

    /// [`RawRelease::processes`], giving the reasons a process or bid is
    /// left out in `lang`.
    pub fn processes_in(&self, lang: Lang) -> Result<Vec<Process>, OcdsError> {
        if let Form::TooLong(limit) = self.form {
            return Err(OcdsError::TooLarge {
                line: self.line,
                limit,
            });
        }
        let text =
            std::str::from_utf8(&self.text).map_err(|e| not_utf8(self.line, &self.text, e))?;
        let keys: &[&str] = match self.form {
            Form::Release => RELEASE_KEYS,
            Form::Record => RECORD_KEYS,
            Form::Line | Form::TooLong(_) => LINE_KEYS,
        };
        // The parser says where within the value; the line is said once,
        // as a line of the input, in front of the message.
        let value = Json::parse_selected(text, &[keys]).map_err(|e| OcdsError::Json {
            line: self.line + e.line() - 1,
            problem: Problem::NotJson(e),
        })?;
        match self.form {
            Form::Release => Ok(vec![process_in(&value, lang)]),
            Form::Record => Ok(vec![record_process(value, lang)]),
            Form::Line | Form::TooLong(_) => line_processes(value, self.line, lang),
        }
    }
}

/// The message for text that is not UTF-8: the line, the byte, and how to
/// convert the file.
fn not_utf8(line: usize, bytes: &[u8], e: std::str::Utf8Error) -> OcdsError {
    let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
    let lines_in = before.iter().filter(|&&b| b == b'\n').count();
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    OcdsError::Json {
        line: line + lines_in,
        problem: Problem::NotUtf8 { byte: column },
    }
}

/// The processes of one line of JSON Lines: a release, a record, a package,
/// or an array of these.
fn line_processes(value: Json<'_>, line: usize, lang: Lang) -> Result<Vec<Process>, OcdsError> {
    match value {
        Json::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                out.extend(line_processes(item, line, lang)?);
            }
            Ok(out)
        }
        Json::Object(_) => match document_kind(&value) {
            Some(DocumentKind::Release) => Ok(vec![process_in(&value, lang)]),
            Some(DocumentKind::Record) => Ok(vec![record_process(value, lang)]),
            Some(DocumentKind::Package) => {
                let mut out = Vec::new();
                if let Some(Json::Array(releases)) = value.get("releases") {
                    out.extend(releases.iter().map(|r| process_in(r, lang)));
                }
                if let Some(Json::Array(records)) = value.get("records") {
                    out.extend(records.iter().cloned().map(|r| record_process(r, lang)));
                }
                Ok(out)
            }
            None => Err(not_ocds(line)),
        },
        _ => Err(not_ocds(line)),
    }
}

enum DocumentKind {
    Release,
    Record,
    Package,
}

/// What an OCDS object is: a record has an `ocid` and `compiledRelease` or
/// `releases`; a release an `ocid` alone; a package `releases` or `records`
/// and no `ocid`.
fn document_kind(value: &Json<'_>) -> Option<DocumentKind> {
    let has = |k: &str| value.get(k).is_some();
    match (
        has("ocid"),
        has("compiledRelease") || has("releases"),
        has("records"),
    ) {
        (true, true, _) => Some(DocumentKind::Record),
        (true, false, _) => Some(DocumentKind::Release),
        (false, true, _) | (false, _, true) => Some(DocumentKind::Package),
        (false, false, false) => None,
    }
}

/// The process of a record: its `compiledRelease`, else its embedded
/// releases compiled by the OCDS merge rules, else (releases that are only
/// links, or none) a process reported with the reason.
fn record_process(record: Json<'_>, lang: Lang) -> Process {
    let ocid = record
        .get("ocid")
        .and_then(Json::as_str)
        .unwrap_or("(no ocid)")
        .to_owned();
    let Json::Object(pairs) = record else {
        let reason = tr!(
            lang,
            "a record must be a JSON object",
            "un registro debe ser un objeto JSON"
        );
        return excluded(ocid, reason);
    };
    let mut compiled = None;
    let mut releases = Vec::new();
    for (k, v) in pairs {
        match (k.as_ref(), v) {
            ("compiledRelease", v @ Json::Object(_)) => compiled = Some(v),
            ("releases", Json::Array(items)) => releases = items,
            _ => {}
        }
    }
    if let Some(compiled) = compiled {
        return process_in(&with_ocid(compiled, &ocid), lang);
    }
    let linked = releases.len();
    let embedded: Vec<Json<'_>> = releases
        .into_iter()
        .filter(|r| {
            r.get("url").is_none()
                && (r.get("ocid").is_some() || r.get("tag").is_some() || r.get("tender").is_some())
        })
        .collect();
    if embedded.is_empty() {
        let reason = if linked == 0 {
            tr!(
                lang,
                "record {ocid} has neither compiledRelease nor releases",
                "el registro {ocid} no tiene compiledRelease ni entregas (releases)"
            )
        } else {
            tr!(
                lang,
                "record {ocid} has no compiledRelease, and its {linked} releases are links (url) only, which ctip-screen does not fetch: use the publisher's compiled releases or a release package",
                "el registro {ocid} no tiene compiledRelease, y sus {linked} entregas son solo enlaces (url), que ctip-screen no descarga: use las entregas compiladas del publicador o un paquete de entregas"
            )
        };
        return excluded(ocid, reason);
    }
    process_in(&with_ocid(compile(embedded), &ocid), lang)
}

/// The UTC instant of an RFC 3339 date-time (`2017-11-10T10:30:37.25+02:00`),
/// as (seconds since 1970, nanoseconds); a date alone is its midnight UTC.
/// `None` when the text is neither.
fn instant(text: &str) -> Option<(i64, u32)> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(text, &Rfc3339) {
        return Some((t.unix_timestamp(), t.nanosecond()));
    }
    let date = crate::date::Date::parse(text)?;
    Some((i64::from(date.days()) * 86_400, 0))
}

/// A process with nothing but the reason it could not be read.
fn excluded(ocid: String, reason: String) -> Process {
    Process {
        ocid,
        title: None,
        bids: Vec::new(),
        excluded: vec![Exclusion {
            bid: None,
            lot: None,
            reason,
        }],
        lots: Vec::new(),
        received: None,
        ceiling: None,
        method: None,
    }
}

/// The release with the record's `ocid` when it has none of its own.
fn with_ocid<'a>(release: Json<'a>, ocid: &str) -> Json<'a> {
    match release {
        Json::Object(mut pairs) => {
            if !pairs.iter().any(|(k, _)| k == "ocid") {
                pairs.push((
                    Cow::Borrowed("ocid"),
                    Json::Str(Cow::Owned(ocid.to_owned())),
                ));
            }
            Json::Object(pairs)
        }
        other => other,
    }
}

/// Compiles releases into one, as OCDS compiles a record: releases in
/// order of `date`; for each field the latest release's value wins;
/// objects merge field by field; arrays of objects with an `id` merge item
/// by item on it; other arrays and values are replaced; a `null` removes.
pub fn compile(mut releases: Vec<Json<'_>>) -> Json<'_> {
    // By the instant each release was dated, whatever its UTC offset
    // (Prozorro writes +02:00 and +03:00): undated releases first, then
    // dates that cannot be read (among themselves as text), then the rest.
    crate::sort::sort_by(&mut releases, |a, b| {
        let date = |r: &Json<'_>| {
            let text = r.get("date").and_then(Json::as_str)?;
            Some((instant(text), text.to_owned()))
        };
        date(a).cmp(&date(b))
    });
    let mut compiled = Json::Object(Vec::new());
    for release in releases {
        merge(&mut compiled, release);
    }
    compiled
}

fn merge<'a>(into: &mut Json<'a>, from: Json<'a>) {
    match (into, from) {
        (Json::Object(target), Json::Object(source)) => {
            for (key, value) in source {
                match target.iter().position(|(k, _)| *k == key) {
                    Some(i) if value.is_null() => {
                        target.remove(i);
                    }
                    Some(i) => {
                        if let Some((_, existing)) = target.get_mut(i) {
                            merge(existing, value);
                        }
                    }
                    None if value.is_null() => {}
                    None => target.push((key, value)),
                }
            }
        }
        (Json::Array(target), Json::Array(source))
            if all_identified(target) && all_identified(&source) =>
        {
            for item in source {
                let id = item.get("id").cloned();
                match target.iter_mut().find(|t| t.get("id") == id.as_ref()) {
                    Some(existing) => merge(existing, item),
                    None => target.push(item),
                }
            }
        }
        (into, from) => *into = from,
    }
}

/// Every item an object with an `id`: an array OCDS merges item by item.
fn all_identified(items: &[Json<'_>]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|i| matches!(i, Json::Object(_)) && i.get("id").is_some())
}

fn not_ocds(line: usize) -> OcdsError {
    OcdsError::Json {
        line,
        problem: Problem::NotOcds,
    }
}

/// Reads OCDS from `input` and calls `sink` with each contracting process,
/// or, for a line of JSON Lines that cannot be read, its error, in input
/// order. Memory stays bounded by the largest single release.
pub fn read_processes<R: Read>(
    input: R,
    sink: impl FnMut(Result<Process, LineError>),
) -> Result<usize, OcdsError> {
    read_processes_in(input, Lang::En, sink)
}

/// [`read_processes`], giving the reasons a process or bid is left out in
/// `lang`.
pub fn read_processes_in<R: Read>(
    input: R,
    lang: Lang,
    mut sink: impl FnMut(Result<Process, LineError>),
) -> Result<usize, OcdsError> {
    read_raw(input, crate::policy::DEFAULT_RELEASE_BYTES, |raw| {
        match raw.processes_in(lang) {
            Ok(processes) => processes.into_iter().for_each(|p| sink(Ok(p))),
            Err(e) if raw.recovers() => sink(Err(LineError::new_in(raw.line(), &e, lang))),
            Err(e) => return Err(e),
        }
        Ok(())
    })
}

/// Reads OCDS from `input` and calls `sink` with each release, record or
/// line, unparsed, in input order; stops at the first error, its own or
/// the sink's. Memory stays bounded by `max_bytes`, the largest release,
/// record or line read: a longer one is refused (in JSON Lines, as an
/// error in its place) without being held whole.
pub fn read_raw<R: Read>(
    input: R,
    max_bytes: usize,
    mut sink: impl FnMut(RawRelease) -> Result<(), OcdsError>,
) -> Result<usize, OcdsError> {
    let input = SkipBom {
        input,
        head: None,
        at: 0,
    };
    // Tell JSON Lines from the first value's top-level keys, keeping the
    // bytes read meanwhile (a release, or a package's head) to read them
    // again: neither a long first line nor a one-line package is held in
    // memory whole.
    let mut stream = JsonStream::with_limit(
        Recorder {
            input,
            seen: Vec::new(),
        },
        max_bytes,
    );
    let first = first_is_line(&mut stream);
    let Recorder { input, seen } = stream.into_inner();
    let lines = match first {
        Ok(lines) => lines,
        // A first value too long to look through: JSON Lines when its
        // first line alone is longer than the limit (that line is then
        // refused in its place, and the rest read).
        Err(StreamError::TooLarge { .. }) => !seen.contains(&b'\n'),
        Err(_) => false,
    };
    let replay = std::io::Cursor::new(seen).chain(input);
    if lines {
        read_json_lines(
            std::io::BufReader::with_capacity(1 << 16, replay),
            max_bytes,
            &mut sink,
        )
    } else {
        read_values(replay, max_bytes, &mut sink)
    }
}

/// A reader that drops a UTF-8 byte order mark at the start.
struct SkipBom<R> {
    input: R,
    /// The first bytes, once looked at (without a mark), and how many of
    /// them have been handed out.
    head: Option<Vec<u8>>,
    at: usize,
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.head.is_none() {
            let mut head = [0u8; 3];
            let mut got = 0;
            while got < 3 {
                match self.input.read(head.get_mut(got..).unwrap_or_default())? {
                    0 => break,
                    n => got += n,
                }
            }
            let head = head.get(..got).unwrap_or_default();
            self.head = Some(if head == b"\xEF\xBB\xBF" {
                Vec::new()
            } else {
                head.to_vec()
            });
        }
        let rest = self
            .head
            .as_deref()
            .and_then(|h| h.get(self.at..))
            .unwrap_or_default();
        if rest.is_empty() {
            return self.input.read(buf);
        }
        let n = rest.len().min(buf.len());
        buf.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(rest.get(..n).unwrap_or_default());
        self.at += n;
        Ok(n)
    }
}

/// A reader that keeps a copy of everything read through it.
struct Recorder<R> {
    input: R,
    seen: Vec<u8>,
}

impl<R: Read> Read for Recorder<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        self.seen
            .extend_from_slice(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

/// Is the input JSON Lines? Yes when its first value is an object on one
/// line with an `ocid` before any `releases` or `records` (a release, or a
/// record written ocid first), or when there is nothing but whitespace.
/// Anything else, including a syntax error (an `Err` here), is walked value
/// by value, whose errors say what is wrong and where.
fn first_is_line<R: Read>(stream: &mut JsonStream<R>) -> Result<bool, StreamError> {
    match stream.peek()? {
        Some(b'{') => {}
        // Blank input: JSON Lines with no lines.
        None => return Ok(true),
        Some(_) => return Ok(false),
    }
    let line = stream.line();
    stream.expect(b'{', expected::OPEN_OBJECT)?;
    let mut ocid = false;
    while stream.peek()? != Some(b'}') {
        match stream.value(|k| k.as_str().map(str::to_owned))?.as_deref() {
            // A package's array would be read whole to look past it.
            Some("releases" | "records") if !ocid => return Ok(false),
            None => return Ok(false),
            Some("ocid") => ocid = true,
            Some(_) => {}
        }
        stream.expect(b':', expected::COLON)?;
        stream.skip()?;
        if stream.peek()? == Some(b',') {
            stream.expect(b',', expected::COMMA)?;
        }
    }
    Ok(ocid && stream.line() == line)
}

fn read_json_lines<R: BufRead>(
    mut reader: R,
    max_bytes: usize,
    sink: &mut impl FnMut(RawRelease) -> Result<(), OcdsError>,
) -> Result<usize, OcdsError> {
    let mut count = 0;
    let mut line = 0;
    // Lines tend to be alike: start each at the size of the last one.
    let mut capacity = 0;
    loop {
        let mut text = Vec::with_capacity(capacity);
        let Some(fits) = read_line(&mut reader, &mut text, max_bytes)? else {
            return Ok(count);
        };
        line += 1;
        capacity = text.len().min(max_bytes) + 1;
        if fits && text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(RawRelease {
            text: without_newline(text),
            line,
            form: if fits {
                Form::Line
            } else {
                Form::TooLong(max_bytes)
            },
        })?;
        count += 1;
    }
}

/// Reads one line, newline included, into `text`, keeping at most
/// `max_bytes` of it: `Some(true)` when it fits, `Some(false)` when it was
/// longer (the rest is read past, not kept), `None` at the end of input.
fn read_line<R: BufRead>(
    reader: &mut R,
    text: &mut Vec<u8>,
    max_bytes: usize,
) -> std::io::Result<Option<bool>> {
    let mut fits = true;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (piece, done) = match memchr::memchr(b'\n', available) {
            Some(at) => (available.get(..=at).unwrap_or(available), true),
            None => (available, false),
        };
        let used = piece.len();
        if fits && text.len() + used <= max_bytes.saturating_add(2) {
            text.extend_from_slice(piece);
        } else {
            fits = false;
            text.clear();
        }
        reader.consume(used);
        if done {
            return Ok(Some(fits));
        }
    }
}

/// A line as `read_until` gives it, without its line ending.
fn without_newline(mut line: Vec<u8>) -> Vec<u8> {
    while let Some(b'\n' | b'\r') = line.last() {
        line.pop();
    }
    line
}

/// Walks the input value by value: objects (packages, releases, records)
/// and arrays of them, one after another.
fn read_values<R: Read>(
    input: R,
    max_bytes: usize,
    sink: &mut impl FnMut(RawRelease) -> Result<(), OcdsError>,
) -> Result<usize, OcdsError> {
    let mut stream = JsonStream::with_limit(input, max_bytes);
    let mut count = 0usize;
    loop {
        match stream.peek()? {
            None => return Ok(count),
            Some(b'{') => walk_object(&mut stream, sink, &mut count)?,
            Some(b'[') => {
                stream.expect(b'[', expected::OPEN_ARRAY)?;
                let mut first = true;
                while stream.peek()? != Some(b']') {
                    if !first {
                        stream.expect(b',', expected::COMMA_OR_CLOSE_ARRAY)?;
                    }
                    first = false;
                    if stream.peek()? != Some(b'{') {
                        return Err(not_ocds(stream.line()));
                    }
                    walk_object(&mut stream, sink, &mut count)?;
                }
                stream.expect(b']', expected::CLOSE_ARRAY)?;
            }
            Some(_) => return Err(not_ocds(stream.line())),
        }
    }
}

/// What a top-level object has turned out to be so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    Unknown,
    Package,
    /// A release or a record: it has an `ocid`.
    Document,
}

/// The value of one key of a document, kept to write the document again.
enum Piece {
    Raw(Vec<u8>),
    Items(Vec<Vec<u8>>),
}

/// Walks one top-level object: a package's items are handed out as they
/// are read; a release or a record is handed out whole at its end.
fn walk_object<R: Read>(
    stream: &mut JsonStream<R>,
    sink: &mut impl FnMut(RawRelease) -> Result<(), OcdsError>,
    count: &mut usize,
) -> Result<(), OcdsError> {
    let start = stream.line();
    stream.expect(b'{', expected::OPEN_OBJECT)?;
    let mut seen = Seen::Unknown;
    // The document's keys and values, while it may be a document.
    let mut pieces: Vec<(String, Piece)> = Vec::new();
    // `releases` or `records` items read while it is not known whose they are.
    let mut pending: Vec<(Vec<u8>, usize, Form)> = Vec::new();
    let mut pending_bytes = 0usize;
    let mut emit = |raw: RawRelease, count: &mut usize| -> Result<(), OcdsError> {
        *count += 1;
        sink(raw)
    };
    let mut first = true;
    while stream.peek()? != Some(b'}') {
        if !first {
            stream.expect(b',', expected::COMMA_OR_CLOSE_OBJECT)?;
        }
        first = false;
        let key = stream
            .value(|k| k.as_str().map(str::to_owned))?
            .ok_or_else(|| stream.error(Syntax::KeyNotString))?;
        stream.expect(b':', expected::COLON)?;
        if PACKAGE_KEYS.contains(&key.as_str()) && seen == Seen::Unknown {
            seen = Seen::Package;
            pieces.clear();
            for (text, line, form) in pending.drain(..) {
                emit(RawRelease { text, line, form }, count)?;
            }
        }
        if key == "ocid" && seen == Seen::Unknown {
            seen = Seen::Document;
        }
        let form = match key.as_str() {
            "releases" => Some(Form::Release),
            "records" => Some(Form::Record),
            _ => None,
        };
        match (form, stream.peek()?) {
            (Some(form), Some(b'[')) => {
                stream.expect(b'[', expected::AN_ARRAY)?;
                let mut items = Vec::new();
                let mut first_item = true;
                while stream.peek()? != Some(b']') {
                    if !first_item {
                        stream.expect(b',', expected::COMMA_OR_CLOSE_ARRAY)?;
                    }
                    first_item = false;
                    let (text, line) = stream.raw()?;
                    match seen {
                        Seen::Package => emit(RawRelease { text, line, form }, count)?,
                        Seen::Document => items.push(text),
                        Seen::Unknown => {
                            pending_bytes += text.len();
                            pending.push((text, line, form));
                            if pending_bytes > MAX_UNDECIDED_BYTES {
                                seen = Seen::Package;
                                for (text, line, form) in pending.drain(..) {
                                    emit(RawRelease { text, line, form }, count)?;
                                }
                            }
                        }
                    }
                }
                stream.expect(b']', expected::CLOSE_ARRAY)?;
                if seen == Seen::Document {
                    pieces.push((key, Piece::Items(items)));
                } else if seen == Seen::Unknown {
                    pieces.push((key, Piece::Items(Vec::new())));
                }
            }
            _ if seen == Seen::Package => stream.skip()?,
            _ => {
                let (text, _) = stream.raw()?;
                pieces.push((key, Piece::Raw(text)));
            }
        }
    }
    stream.expect(b'}', expected::CLOSE_OBJECT)?;
    match seen {
        Seen::Package => Ok(()),
        Seen::Document => {
            // Items read before the `ocid` belong to this document.
            let mut early = pending.into_iter().map(|(text, _, _)| text);
            let is_record = pieces
                .iter()
                .any(|(k, _)| k == "compiledRelease" || k == "releases");
            let mut text = Vec::new();
            text.push(b'{');
            for (i, (key, piece)) in pieces.into_iter().enumerate() {
                if i > 0 {
                    text.push(b',');
                }
                let mut quoted = String::new();
                crate::json::write::push_string(&mut quoted, &key);
                text.extend_from_slice(quoted.as_bytes());
                text.push(b':');
                match piece {
                    Piece::Raw(raw) => text.extend_from_slice(&raw),
                    Piece::Items(mut items) => {
                        if items.is_empty() {
                            items.extend(early.by_ref());
                        }
                        text.push(b'[');
                        text.extend_from_slice(&items.join(&b","[..]));
                        text.push(b']');
                    }
                }
            }
            text.push(b'}');
            let form = if is_record {
                Form::Record
            } else {
                Form::Release
            };
            emit(
                RawRelease {
                    text,
                    line: start,
                    form,
                },
                count,
            )
        }
        Seen::Unknown
            if !pending.is_empty() || pieces.iter().any(|(_, p)| matches!(p, Piece::Items(_))) =>
        {
            for (text, line, form) in pending {
                emit(RawRelease { text, line, form }, count)?;
            }
            Ok(())
        }
        Seen::Unknown => Err(not_ocds(start)),
    }
}
