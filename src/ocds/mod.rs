//! Open Contracting Data Standard (OCDS) input: contracting processes with
//! their bids (bids extension), turned into submissions so that the same
//! rules run on published data.
//!
//! Three input forms are read, streaming, one release in memory at a time:
//! a release package (`{"releases": [...]}`), a record package (each
//! record's `compiledRelease`), or JSON Lines of releases. Each release is
//! taken as one contracting process: use compiled releases (record packages
//! or JSON Lines of compiled releases) when a process has several releases.
//!
//! Bids that cannot be read (withdrawn or invalid, no value, a currency other
//! than the tender's, several tenderers on one bid) are reported with the
//! reason, never dropped silently.

use crate::compare::BidCount;
use crate::json::{Json, JsonStream, StreamError};

mod sectors;
use crate::model::{
    Address, Contact, Identifiers, Period, ProcurementCategory, ProcurementMethod, Sector,
    Solicitation, Subcontractor, Submission, SupplyItem, Vendor,
};
use crate::reference::is_country_code;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, Read};

/// One contracting process read from OCDS.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Process {
    /// The OCDS ocid.
    pub ocid: String,
    /// The tender's title.
    pub title: Option<String>,
    /// The bids that could be read, as submissions. A bid on a lot answers
    /// a solicitation of its own (`solicitation.id` names the lot, and
    /// `estimatedValue` is the lot's): bids are compared only with bids on
    /// the same lot.
    pub bids: Vec<Submission>,
    /// What could not be read, and why.
    pub excluded: Vec<Exclusion>,
    /// The tender's lots, with their estimates and the bids each received.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<Lot>,
    /// For a process without lots: how many bids it received, where the
    /// data says (statistics, bid details, or the tender's tenderers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<BidCount>,
    /// How the tender was procured (`open`, `selective`, ...).
    #[serde(skip)]
    pub method: Option<ProcurementMethod>,
}

/// A lot of the tender (OCDS lots extension).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lot {
    /// The lot's id.
    pub id: String,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its estimated value (`tender.lots[].value.amount`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<f64>,
    /// The estimate's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// How many bids it received, where the data says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<BidCount>,
}

/// A bid (or a whole process) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    /// The bid's id, or `None` when the whole process is excluded.
    pub bid: Option<String>,
    /// The lot (or lots, joined by `+`) the bid was for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// Why.
    pub reason: String,
}

/// An error reading OCDS input.
#[derive(Debug, thiserror::Error)]
pub enum OcdsError {
    /// The input is not valid JSON (or JSON Lines).
    #[error("line {line}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The input could not be read.
    #[error("cannot read the input: {0}")]
    Io(#[from] std::io::Error),
    /// The input is JSON but not an OCDS package or release.
    #[error("{0}")]
    Shape(String),
}

impl From<StreamError> for OcdsError {
    fn from(e: StreamError) -> OcdsError {
        match e {
            StreamError::Io(e) => OcdsError::Io(e),
            StreamError::Syntax { line, message } => OcdsError::Json { line, message },
        }
    }
}

/// One release as read from the input, not yet parsed: the unit of work
/// that [`crate::api::screen_ocds`] hands to its worker threads.
#[derive(Debug, Clone)]
pub struct RawRelease {
    /// The release's JSON text, checked as UTF-8 by [`RawRelease::process`]
    /// (on a worker thread) rather than while reading.
    text: Vec<u8>,
    line: usize,
    form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// One line of JSON Lines.
    Line,
    /// An item of a release package's `releases`.
    Release,
    /// An item of a record package's `records`.
    Record,
}

/// The parts of a release that [`process`] reads.
const RELEASE_KEYS: &[&str] = &["ocid", "tender", "bids", "parties"];

impl RawRelease {
    /// Parses the release and maps it to a contracting process.
    pub fn process(&self) -> Result<Process, OcdsError> {
        let text = std::str::from_utf8(&self.text).map_err(|e| OcdsError::Json {
            line: self.line,
            message: format!("not UTF-8 (at byte {} of the release)", e.valid_up_to()),
        })?;
        // Only what the mapping reads is built: published releases also
        // carry awards, contracts, documents and planning, often most of
        // their size.
        let levels: &[&[&str]] = match self.form {
            Form::Record => &[&["ocid", "compiledRelease"], RELEASE_KEYS],
            Form::Line | Form::Release => &[RELEASE_KEYS],
        };
        let value = Json::parse_selected(text, levels).map_err(|e| OcdsError::Json {
            line: self.line + e.line() - 1,
            message: e.to_string(),
        })?;
        match self.form {
            Form::Line if !matches!(value, Json::Object(_)) => Err(OcdsError::Json {
                line: self.line,
                message: "each line must be one OCDS release (a JSON object)".to_owned(),
            }),
            Form::Record => Ok(process(&compiled_release(value))),
            Form::Line | Form::Release => Ok(process(&value)),
        }
    }
}

/// Reads OCDS from `input` and calls `sink` with each contracting process,
/// in input order. Memory stays bounded by the largest single release.
pub fn read_processes<R: Read>(
    input: R,
    mut sink: impl FnMut(Process),
) -> Result<usize, OcdsError> {
    read_raw(input, |raw| {
        sink(raw.process()?);
        Ok(())
    })
}

/// Reads OCDS from `input` and calls `sink` with each release, unparsed, in
/// input order; stops at the first error, its own or the sink's. Memory
/// stays bounded by the largest single release.
pub fn read_raw<R: Read>(
    input: R,
    mut sink: impl FnMut(RawRelease) -> Result<(), OcdsError>,
) -> Result<usize, OcdsError> {
    // Tell the forms apart from the first value's top-level keys, keeping
    // the bytes read meanwhile (a release, or a package's head) to read
    // them again: neither a long first line nor a one-line package is held
    // in memory whole.
    let mut stream = JsonStream::new(Recorder {
        input,
        seen: Vec::new(),
    });
    let lines = first_is_release(&mut stream).unwrap_or(false);
    let Recorder { input, seen } = stream.into_inner();
    let replay = std::io::Cursor::new(seen).chain(input);
    if lines {
        read_json_lines(
            std::io::BufReader::with_capacity(1 << 16, replay),
            &mut sink,
        )
    } else {
        read_package(replay, &mut sink)
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

/// Is the input JSON Lines of releases? Yes when its first value is an
/// object on one line with an `ocid` and neither `releases` nor `records`
/// (which a package has), or when there is nothing but whitespace.
/// Anything else, including a syntax error (an `Err` here), is left to the
/// package reader, whose errors say what is wrong and where.
fn first_is_release<R: Read>(stream: &mut JsonStream<R>) -> Result<bool, StreamError> {
    match stream.peek()? {
        Some(b'{') => {}
        // Blank input: JSON Lines with no lines.
        None => return Ok(true),
        Some(_) => return Ok(false),
    }
    let line = stream.line();
    stream.expect(b'{', "`{`")?;
    let mut ocid = false;
    while stream.peek()? != Some(b'}') {
        match stream.value(|k| k.as_str().map(str::to_owned))?.as_deref() {
            Some("releases" | "records") | None => return Ok(false),
            Some("ocid") => ocid = true,
            Some(_) => {}
        }
        stream.expect(b':', "`:`")?;
        stream.skip()?;
        if stream.peek()? == Some(b',') {
            stream.expect(b',', "`,`")?;
        }
    }
    Ok(ocid && stream.line() == line)
}

fn read_json_lines<R: BufRead>(
    mut reader: R,
    sink: &mut impl FnMut(RawRelease) -> Result<(), OcdsError>,
) -> Result<usize, OcdsError> {
    let mut count = 0;
    let mut line = 0;
    // Lines tend to be alike: start each at the size of the last one.
    let mut capacity = 0;
    loop {
        let mut text = Vec::with_capacity(capacity);
        if reader.read_until(b'\n', &mut text)? == 0 {
            return Ok(count);
        }
        line += 1;
        capacity = text.len() + 1;
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(RawRelease {
            text: without_newline(text),
            line,
            form: Form::Line,
        })?;
        count += 1;
    }
}

/// A line as `read_until` gives it, without its line ending.
fn without_newline(mut line: Vec<u8>) -> Vec<u8> {
    while let Some(b'\n' | b'\r') = line.last() {
        line.pop();
    }
    line
}

fn read_package<R: Read>(
    input: R,
    sink: &mut impl FnMut(RawRelease) -> Result<(), OcdsError>,
) -> Result<usize, OcdsError> {
    let mut stream = JsonStream::new(input);
    if stream.peek()? != Some(b'{') {
        return Err(not_ocds());
    }
    stream.expect(b'{', "`{`")?;
    let mut count = 0usize;
    let mut found = false;
    let mut first = true;
    while stream.peek()? != Some(b'}') {
        if !first {
            stream.expect(b',', "`,` or `}`")?;
        }
        first = false;
        let key = stream.value(|k| k.as_str().map(str::to_owned))?;
        stream.expect(b':', "`:`")?;
        let form = match key.as_deref() {
            Some("releases") => Form::Release,
            Some("records") => Form::Record,
            Some(_) => {
                // Other package metadata: checked as JSON, not kept.
                stream.value(|_| ())?;
                continue;
            }
            None => return Err(stream.error("an object key must be a string").into()),
        };
        found = true;
        stream.expect(
            b'[',
            match form {
                Form::Record => "an array of records",
                _ => "an array of releases",
            },
        )?;
        let mut first_item = true;
        while stream.peek()? != Some(b']') {
            if !first_item {
                stream.expect(b',', "`,` or `]`")?;
            }
            first_item = false;
            let (text, line) = stream.raw()?;
            sink(RawRelease { text, line, form })?;
            count += 1;
        }
        stream.expect(b']', "`]`")?;
    }
    stream.expect(b'}', "`}`")?;
    if stream.peek()?.is_some() {
        return Err(stream.error("trailing characters after the package").into());
    }
    if found {
        Ok(count)
    } else {
        Err(not_ocds())
    }
}

fn not_ocds() -> OcdsError {
    OcdsError::Shape(
        "not OCDS: expected a release package ({\"releases\": [...]}), a record package ({\"records\": [...]}) or JSON Lines of releases".to_owned(),
    )
}

/// The release to map from a record: its `compiledRelease` (the process as
/// it stands now); a record without one is marked so that the process is
/// reported as excluded.
fn compiled_release(record: Json<'_>) -> Json<'_> {
    let Json::Object(pairs) = record else {
        return Json::Object(vec![(
            Cow::Borrowed("_missingCompiledRelease"),
            Json::Bool(true),
        )]);
    };
    let mut ocid = Json::Null;
    let mut compiled = None;
    for (k, v) in pairs {
        match k.as_ref() {
            "compiledRelease" => compiled = Some(v),
            "ocid" => ocid = v,
            _ => {}
        }
    }
    compiled.unwrap_or_else(|| {
        Json::Object(vec![
            (Cow::Borrowed("ocid"), ocid),
            (Cow::Borrowed("_missingCompiledRelease"), Json::Bool(true)),
        ])
    })
}

fn text<'a>(v: &'a Json<'_>, path: &[&str]) -> Option<&'a str> {
    v.at(path)
        .and_then(Json::as_str)
        .filter(|s| !s.trim().is_empty())
}

fn owned(v: &Json<'_>, path: &[&str]) -> Option<String> {
    text(v, path).map(str::to_owned)
}

/// Maps one release to a contracting process with its bids.
pub fn process(release: &Json<'_>) -> Process {
    let ocid = text(release, &["ocid"]).unwrap_or("(no ocid)").to_owned();
    let tender = release.get("tender").unwrap_or(&Json::Null);
    let mut out = Process {
        ocid,
        title: owned(release, &["tender", "title"]),
        bids: Vec::new(),
        excluded: Vec::new(),
        lots: lots(tender),
        received: None,
        method: text(tender, &["procurementMethod"]).and_then(ProcurementMethod::from_word),
    };
    if release.get("_missingCompiledRelease").is_some() {
        out.excluded.push(Exclusion {
            bid: None,
            lot: None,
            reason: "the record has no compiledRelease".to_owned(),
        });
        return out;
    }
    let statistics = bid_statistics(release);
    let details = release
        .at(&["bids", "details"])
        .and_then(Json::as_array)
        .map_or(&[][..], Vec::as_slice);
    // Bids in the details, per lot key: bids left out below for missing
    // data were still bids received.
    let mut per_lot: Vec<(Option<String>, u32)> = Vec::new();
    let lot_keys: Vec<Option<String>> = details.iter().map(|b| lot_key(b, &out.lots)).collect();
    for key in &lot_keys {
        match per_lot.iter_mut().find(|(k, _)| k == key) {
            Some((_, n)) => *n += 1,
            None => per_lot.push((key.clone(), 1)),
        }
    }
    for lot in &mut out.lots {
        let from_details = per_lot
            .iter()
            .find(|(k, _)| k.as_deref() == Some(lot.id.as_str()))
            .map(|(_, n)| *n);
        lot.received = statistic(&statistics, "bids", Some(&lot.id))
            .or_else(|| from_details.map(|n| count(n, "bids.details")));
    }
    if out.lots.is_empty() {
        out.received = statistic(&statistics, "bids", None)
            .or_else(|| {
                let n = u32::try_from(details.len()).ok().filter(|n| *n > 0)?;
                Some(count(n, "bids.details"))
            })
            .or_else(|| {
                tender
                    .get("numberOfTenderers")
                    .and_then(Json::as_f64)
                    .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 1e9)
                    .map(|n| count(n as u32, "tender.numberOfTenderers"))
            })
            .or_else(|| {
                let n = tender.get("tenderers").and_then(Json::as_array)?.len();
                Some(count(u32::try_from(n).ok()?, "tender.tenderers"))
            });
    }
    if details.is_empty() {
        out.excluded.push(Exclusion {
            bid: None,
            lot: None,
            reason: "no bids: the release has no bids.details (OCDS bids extension)".to_owned(),
        });
        return out;
    }
    out.bids.reserve_exact(details.len());
    let base = solicitation(release, &out.ocid);
    let tender_currency = text(release, &["tender", "value", "currency"]);
    // The tender's items, mapped once for every bid that lists none.
    let tender_items = release
        .at(&["tender", "items"])
        .and_then(Json::as_array)
        .map(|items| supply_items(items));
    let parties = Parties::new(release);
    let labor_supply = classification(tender).1;
    // One solicitation per lot key, built once.
    let mut solicitations: Vec<(Option<String>, Solicitation)> = Vec::new();
    for (i, (bid, key)) in details.iter().zip(&lot_keys).enumerate() {
        let id =
            text(bid, &["id"]).map_or_else(|| format!("{}-bid-{}", out.ocid, i + 1), str::to_owned);
        let solicitation = match solicitations.iter().find(|(k, _)| k == key) {
            Some((_, s)) => s,
            None => {
                let s = lot_solicitation(&base, key.as_deref(), &out.lots);
                solicitations.push((key.clone(), s));
                match solicitations.last() {
                    Some((_, s)) => s,
                    None => continue,
                }
            }
        };
        let currency = match key {
            Some(k) => lot_currency(k, &out.lots).or(tender_currency),
            None => tender_currency,
        };
        let shared = Shared {
            solicitation,
            labor_supply,
            currency,
            items: tender_items.as_ref(),
            parties: &parties,
        };
        match submission(bid, &id, &shared) {
            Ok(s) => out.bids.push(s),
            Err(reason) => out.excluded.push(Exclusion {
                bid: Some(id),
                lot: key.clone(),
                reason,
            }),
        }
    }
    out
}

fn count(n: u32, source: &str) -> BidCount {
    BidCount {
        count: n,
        source: source.to_owned(),
    }
}

/// The tender's lots (OCDS lots extension): id, title and estimate.
fn lots(tender: &Json<'_>) -> Vec<Lot> {
    tender
        .get("lots")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|lot| {
            Some(Lot {
                id: id_text(lot.get("id")?)?,
                title: owned(lot, &["title"]),
                estimate: lot
                    .at(&["value", "amount"])
                    .and_then(Json::as_f64)
                    .filter(|v| *v >= 0.0),
                currency: owned(lot, &["value", "currency"]),
                received: None,
            })
        })
        .collect()
}

/// An id as OCDS publishers write it: a string, or sometimes a number.
fn id_text(v: &Json<'_>) -> Option<String> {
    match v {
        Json::Str(s) if !s.trim().is_empty() => Some(s.to_string()),
        Json::Number(n) => Some(crate::rules::number(*n)),
        _ => None,
    }
}

/// The lot key of a bid: its `relatedLots` joined by `+`, or the only lot
/// of a tender with one; `None` for a tender without lots. Prozorro writes
/// a single `relatedLot` instead of the lots extension's array; both are
/// read.
fn lot_key(bid: &Json<'_>, lots: &[Lot]) -> Option<String> {
    let mut related: Vec<String> = bid
        .get("relatedLots")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .chain(bid.get("relatedLot"))
        .filter_map(id_text)
        .collect();
    related.sort();
    related.dedup();
    if related.is_empty() {
        return match lots {
            [only] => Some(only.id.clone()),
            _ => None,
        };
    }
    Some(related.join("+"))
}

fn lot_currency<'l>(key: &str, lots: &'l [Lot]) -> Option<&'l str> {
    key.split('+')
        .filter_map(|id| lots.iter().find(|l| l.id == id))
        .find_map(|l| l.currency.as_deref())
}

/// A bid's solicitation: the tender's, or, for a bid on lots, one whose id
/// names the lots and whose estimate is theirs (the sum of their values,
/// when every one is given in one currency).
fn lot_solicitation(base: &Solicitation, key: Option<&str>, lots: &[Lot]) -> Solicitation {
    let Some(key) = key else {
        return base.clone();
    };
    let ids: Vec<&str> = key.split('+').collect();
    let chosen: Vec<&Lot> = ids
        .iter()
        .filter_map(|id| lots.iter().find(|l| l.id == *id))
        .collect();
    let currencies: Vec<Option<&str>> = chosen.iter().map(|l| l.currency.as_deref()).collect();
    let one_currency = currencies.windows(2).all(|w| w.first() == w.last());
    let estimate = (chosen.len() == ids.len() && one_currency)
        .then(|| chosen.iter().map(|l| l.estimate).sum::<Option<f64>>())
        .flatten();
    let titles: Vec<&str> = chosen.iter().filter_map(|l| l.title.as_deref()).collect();
    Solicitation {
        id: Some(format!(
            "{} lot {key}",
            base.id.as_deref().unwrap_or("(no tender id)")
        )),
        title: if titles.is_empty() {
            base.title.clone()
        } else {
            Some(titles.join("; "))
        },
        estimated_value: estimate,
        currency: chosen
            .iter()
            .find_map(|l| l.currency.clone())
            .or_else(|| base.currency.clone()),
        ..base.clone()
    }
}

/// A bid statistic (OCDS bids extension, `bids.statistics`): measure,
/// value and the lot it is about.
struct Statistic {
    measure: String,
    value: f64,
    lot: Option<String>,
}

fn bid_statistics(release: &Json<'_>) -> Vec<Statistic> {
    release
        .at(&["bids", "statistics"])
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| {
            Some(Statistic {
                measure: text(s, &["measure"])?.to_owned(),
                value: s.get("value").and_then(Json::as_f64)?,
                lot: s.get("relatedLot").and_then(id_text),
            })
        })
        .collect()
}

/// A count statistic for a lot (or for the process when `lot` is `None`).
fn statistic(statistics: &[Statistic], measure: &str, lot: Option<&str>) -> Option<BidCount> {
    let s = statistics
        .iter()
        .find(|s| s.measure == measure && s.lot.as_deref() == lot)?;
    (s.value.fract() == 0.0 && s.value >= 0.0 && s.value < 1e9).then(|| BidCount {
        count: s.value as u32,
        source: format!("bids.statistics ({measure})"),
    })
}

fn solicitation(release: &Json<'_>, ocid: &str) -> Solicitation {
    let tender = release.get("tender").unwrap_or(&Json::Null);
    Solicitation {
        id: owned(tender, &["id"]).or_else(|| Some(ocid.to_owned())),
        title: owned(tender, &["title"]),
        jurisdiction: None,
        sector: classification(tender).0,
        public_work: None,
        estimated_value: tender
            .at(&["value", "amount"])
            .and_then(Json::as_f64)
            .filter(|v| *v >= 0.0),
        currency: owned(tender, &["value", "currency"]).filter(|c| c.len() == 3),
        procurement_method: text(tender, &["procurementMethod"])
            .and_then(ProcurementMethod::from_word),
        procurement_category: text(tender, &["mainProcurementCategory"])
            .and_then(ProcurementCategory::from_word),
        tender_period: period(tender.get("tenderPeriod")),
        performance_period: period(tender.get("contractPeriod")),
        wage_determinations: None,
    }
}

fn period(p: Option<&Json<'_>>) -> Option<Period> {
    let p = p?;
    let date = |key: &str| {
        p.get(key)
            .and_then(Json::as_str)
            .and_then(|s| s.get(..10))
            .and_then(crate::date::Date::parse)
    };
    let period = Period {
        start: date("startDate"),
        end: date("endDate"),
    };
    (period.start.is_some() || period.end.is_some()).then_some(period)
}

/// What the tender's items' classifications say ([`sectors`]): the first
/// that names a sector, else what `mainProcurementCategory` says (works are
/// construction); and whether any item is the supply of personnel, which
/// makes the vendor a labor broker whatever the work.
fn classification(tender: &Json<'_>) -> (Option<Sector>, bool) {
    let mut sector = None;
    let mut labor_supply = false;
    let items = tender.get("items").and_then(Json::as_array);
    for item in items.into_iter().flatten() {
        let (Some(scheme), Some(id)) = (
            text(item, &["classification", "scheme"]),
            text(item, &["classification", "id"]),
        ) else {
            continue;
        };
        match sectors::meaning(scheme, id) {
            Some(sectors::Meaning::LaborSupply) => labor_supply = true,
            Some(sectors::Meaning::Sector(s)) if sector.is_none() => sector = Some(s),
            _ => {}
        }
    }
    let sector = sector.or_else(|| match text(tender, &["mainProcurementCategory"]) {
        Some("works") => Some(Sector::Construction),
        Some("goods" | "services") => Some(Sector::Other),
        _ => None,
    });
    (sector, labor_supply)
}

/// What every bid of a release shares.
struct Shared<'r, 'a> {
    solicitation: &'r Solicitation,
    /// The tender buys the supply of personnel: its vendors are labor brokers.
    labor_supply: bool,
    currency: Option<&'r str>,
    items: Option<&'r Vec<SupplyItem>>,
    parties: &'r Parties<'r, 'a>,
}

fn submission(bid: &Json<'_>, id: &str, shared: &Shared<'_, '_>) -> Result<Submission, String> {
    let tender_currency = shared.currency;
    if let Some(status) = text(bid, &["status"]).filter(|s| !matches!(*s, "valid" | "pending")) {
        return Err(format!("the bid's status is '{status}', not valid"));
    }
    let tenderers = bid
        .get("tenderers")
        .and_then(Json::as_array)
        .map_or(&[][..], Vec::as_slice);
    let tenderer = match tenderers {
        [one] => one,
        [] => return Err("the bid names no tenderer".to_owned()),
        many => {
            return Err(format!(
                "several tenderers on one bid ({}): a consortium cannot be screened as one vendor",
                many.len()
            ))
        }
    };
    let Some(amount) = bid
        .at(&["value", "amount"])
        .and_then(Json::as_f64)
        .filter(|a| *a >= 0.0)
    else {
        return Err("no value: the bid has no value.amount".to_owned());
    };
    let currency = text(bid, &["value", "currency"]);
    if let (Some(bid_currency), Some(tender)) = (currency, tender_currency) {
        if bid_currency != tender {
            return Err(format!(
                "currency mismatch: the bid is in {bid_currency}, the tender in {tender}"
            ));
        }
    }
    // The organization: its `parties` entry, or, as OCDS 1.0 and many
    // publishers write it, the tenderer object itself with its identifier,
    // address and contact point.
    let organization = shared.parties.get(tenderer).unwrap_or(tenderer);
    let name = text(organization, &["name"])
        .or_else(|| text(tenderer, &["name"]))
        .ok_or_else(|| "the tenderer has no name".to_owned())?;
    let mut submission = Submission {
        id: id.to_owned(),
        submitted_on: text(bid, &["date"])
            .and_then(|d| d.get(..10))
            .and_then(crate::date::Date::parse),
        solicitation: shared.solicitation.clone(),
        vendor: vendor(name, organization),
        ..Submission::default()
    };
    if shared.labor_supply {
        submission.vendor.labor_broker = Some(true);
    }
    // Money is in the solicitation's currency; where the tender states
    // none, the bid's own is the one its amounts are in.
    if submission.solicitation.currency.is_none() {
        submission.solicitation.currency = currency.filter(|c| c.len() == 3).map(str::to_owned);
    }
    submission.price.total = Some(amount);
    submission.subcontractors = subcontracting(shared.parties, bid);
    submission.supply_items = match bid.get("items").and_then(Json::as_array) {
        Some(items) => Some(supply_items(items)),
        None => shared.items.cloned(),
    };
    Ok(submission)
}

/// The release's `parties`, indexed by id once: every bid and subcontract
/// refers to them, and a release can hold thousands of both.
struct Parties<'r, 'a> {
    by_id: HashMap<String, &'r Json<'a>>,
}

impl<'r, 'a> Parties<'r, 'a> {
    fn new(release: &'r Json<'a>) -> Parties<'r, 'a> {
        let mut by_id = HashMap::new();
        for p in release
            .get("parties")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(id) = p.get("id").and_then(id_text) {
                // The first entry of an id is the one a reference means.
                by_id.entry(id).or_insert(p);
            }
        }
        Parties { by_id }
    }

    /// The party an organization reference (`{"id": ...}`) points to.
    fn get(&self, reference: &Json<'_>) -> Option<&'r Json<'a>> {
        let id = reference.get("id").and_then(id_text)?;
        self.by_id.get(&id).copied()
    }
}

fn vendor(name: &str, organization: &Json<'_>) -> Vendor {
    let owners: Vec<String> = organization
        .get("beneficialOwners")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|o| owned(o, &["name"]))
        .collect();
    Vendor {
        name: name.to_owned(),
        identifiers: identifiers(organization),
        address: address(organization),
        contact: organization.get("contactPoint").map(|c| Contact {
            email: owned(c, &["email"]).filter(|e| e.contains('@')),
            phone: owned(c, &["telephone"]),
        }),
        principals: (!owners.is_empty()).then_some(owners),
        ..Vendor::default()
    }
}

/// An organization's `identifier` and `additionalIdentifiers`, by scheme.
fn identifiers(organization: &Json<'_>) -> Option<Identifiers> {
    let mut ids = Identifiers::new();
    let all = organization.get("identifier").into_iter().chain(
        organization
            .get("additionalIdentifiers")
            .and_then(Json::as_array)
            .into_iter()
            .flatten(),
    );
    for identifier in all {
        let scheme = text(identifier, &["scheme"]).map(crate::names::lower_str);
        // Ids are sometimes published as numbers: kept as JSON writes them.
        let value = identifier.get("id").and_then(id_text);
        if let (Some(scheme), Some(value)) = (scheme, value) {
            ids.entry(scheme).or_insert(value);
        }
    }
    (!ids.is_empty()).then_some(ids)
}

/// An organization's address.
fn address(organization: &Json<'_>) -> Option<Address> {
    let a = organization.get("address")?;
    let country = owned(a, &["country"])
        .or_else(|| owned(a, &["countryName"]))
        .filter(|c| is_country_code(c));
    Some(Address {
        street: owned(a, &["streetAddress"]),
        city: owned(a, &["locality"]),
        region: owned(a, &["region"]),
        postal_code: owned(a, &["postalCode"]),
        country,
    })
}

/// Subcontracting as the OCDS subcontracting extension defines it on a bid:
/// `hasSubcontracting`, and `subcontracting.subcontracts[].subcontractor`,
/// an organization reference resolved against `parties`. Where the bid says
/// a share is subcontracted (`minimumPercentage`, `maximumPercentage`) but
/// names no subcontractor, one unnamed subcontractor holds that share.
fn subcontracting(parties: &Parties<'_, '_>, bid: &Json<'_>) -> Option<Vec<Subcontractor>> {
    let has = bid.get("hasSubcontracting").and_then(Json::as_bool);
    let sub = bid.get("subcontracting");
    if has == Some(false) {
        return Some(Vec::new());
    }
    let sub = match sub {
        Some(sub) => sub,
        None if has == Some(true) => &Json::Null,
        None => return None,
    };
    let share = sub
        .get("maximumPercentage")
        .or_else(|| sub.get("minimumPercentage"))
        .and_then(Json::as_f64)
        .filter(|s| (0.0..=1.0).contains(s));
    let named: Vec<Subcontractor> = sub
        .get("subcontracts")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("subcontractor"))
        .map(|reference| {
            let party = parties.get(reference);
            let organization = party.unwrap_or(reference);
            Subcontractor {
                name: owned(organization, &["name"]).or_else(|| owned(reference, &["name"])),
                tier: Some(1),
                identifiers: identifiers(organization),
                address: address(organization),
                ..Subcontractor::default()
            }
        })
        .collect();
    if !named.is_empty() {
        return Some(named);
    }
    Some(vec![Subcontractor {
        name: None,
        tier: Some(1),
        share_of_value: share,
        ..Subcontractor::default()
    }])
}

/// Goods from the bid's items, else the tender's, one supply item per
/// country of origin.
/// The supply items of a bid's (or the tender's) `items`.
fn supply_items(items: &[Json<'_>]) -> Vec<SupplyItem> {
    let mut out = Vec::new();
    for item in items {
        let good = owned(item, &["classification", "description"])
            .or_else(|| owned(item, &["description"]));
        let countries: Vec<String> = item
            .get("countriesOfOrigin")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .chain(text(item, &["countryOfOrigin"]))
            .map(str::to_ascii_uppercase)
            .filter(|c| is_country_code(c))
            .collect();
        let value = item
            .at(&["unit", "value", "amount"])
            .and_then(Json::as_f64)
            .and_then(|unit| {
                item.get("quantity")
                    .and_then(Json::as_f64)
                    .map(|q| unit * q)
                    .filter(|v| v.is_finite() && *v >= 0.0)
            });
        if countries.is_empty() {
            out.push(SupplyItem {
                description: owned(item, &["description"]),
                good: good.clone(),
                value,
                ..SupplyItem::default()
            });
        }
        for country in countries {
            out.push(SupplyItem {
                description: owned(item, &["description"]),
                good: good.clone(),
                country_of_origin: Some(country),
                value,
                supplier: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn j(v: &Value) -> Json<'_> {
        Json::from(v)
    }

    fn release() -> Value {
        json!({
            "ocid": "ocds-abc-001", "id": "r1", "date": "2026-03-01T00:00:00Z", "tag": ["tender"],
            "parties": [
                {"id": "T1", "name": "Acme LLC", "roles": ["tenderer"], "identifier": {"scheme": "US-EIN", "id": "95-1"},
                 "address": {"streetAddress": "1 Main St", "postalCode": "90012", "countryName": "US"},
                 "contactPoint": {"email": "a@acme.example", "telephone": "213 555 0100"},
                 "beneficialOwners": [{"name": "Jane Doe"}]},
                {"id": "T2", "name": "Beta Inc", "roles": ["tenderer"]}
            ],
            "tender": {"id": "T-1", "title": "Cleaning", "value": {"amount": 1000, "currency": "USD"},
                       "procurementMethod": "open",
                       "items": [{"id": "1", "description": "Janitorial services", "classification": {"scheme": "CPV", "id": "90910000-9"}}]},
            "bids": {"details": [
                {"id": "B1", "status": "valid", "tenderers": [{"id": "T1", "name": "Acme LLC"}], "value": {"amount": 900, "currency": "USD"}},
                {"id": "B2", "status": "valid", "tenderers": [{"id": "T2", "name": "Beta Inc"}], "value": {"amount": 950, "currency": "EUR"}},
                {"id": "B3", "status": "valid", "tenderers": [{"id": "T1"}, {"id": "T2"}], "value": {"amount": 950, "currency": "USD"}},
                {"id": "B4", "status": "valid", "tenderers": [{"id": "T2"}]},
                {"id": "B5", "status": "withdrawn", "tenderers": [{"id": "T2"}], "value": {"amount": 1, "currency": "USD"}}
            ]}
        })
    }

    #[test]
    fn maps_bids_and_reports_every_exclusion() {
        let r = release();
        let p = process(&j(&r));
        assert_eq!(p.ocid, "ocds-abc-001");
        assert_eq!(p.bids.len(), 1);
        let b = &p.bids[0];
        assert_eq!(b.vendor.name, "Acme LLC");
        assert_eq!(b.solicitation.sector, Some(Sector::Janitorial));
        assert_eq!(b.solicitation.estimated_value, Some(1000.0));
        assert_eq!(b.vendor.identifiers.as_ref().unwrap()["us-ein"], "95-1");
        assert_eq!(
            b.vendor.principals.as_deref(),
            Some(&["Jane Doe".to_owned()][..])
        );
        assert_eq!(
            b.vendor.address.as_ref().unwrap().country.as_deref(),
            Some("US")
        );
        let reasons: Vec<(&str, &str)> = p
            .excluded
            .iter()
            .map(|e| {
                (
                    e.bid.as_deref().unwrap_or(""),
                    e.reason.split(':').next().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("B2", "currency mismatch"),
                ("B3", "several tenderers on one bid (2)"),
                ("B4", "no value"),
                ("B5", "the bid's status is 'withdrawn', not valid")
            ]
        );
    }

    /// An endless input: `head`, then `item` forever.
    struct Endless {
        head: Vec<u8>,
        item: Vec<u8>,
        at: usize,
    }

    impl Read for Endless {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let mut n = 0;
            for slot in out.iter_mut() {
                let (source, i) = if self.at < self.head.len() {
                    (&self.head, self.at)
                } else {
                    (&self.item, (self.at - self.head.len()) % self.item.len())
                };
                *slot = source[i];
                self.at += 1;
                n += 1;
            }
            Ok(n)
        }
    }

    /// Reads until the sink has had `n` releases; the input never ends.
    fn first_releases(input: Endless, n: usize) -> Vec<usize> {
        let mut lines = Vec::new();
        let err = read_raw(input, |raw| {
            lines.push(raw.line);
            raw.process()?;
            if lines.len() == n {
                return Err(OcdsError::Shape("enough".to_owned()));
            }
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "enough");
        lines
    }

    #[test]
    fn streams_a_one_line_package_and_long_lines() {
        // A package on one endless line: releases arrive as they are read,
        // not after the line ends.
        let item = format!("{},", release()).into_bytes();
        let head = br#"{"uri": "x", "releases": ["#.to_vec();
        assert_eq!(first_releases(Endless { head, item, at: 0 }, 3), [1, 1, 1]);
        // JSON Lines whose first line is longer than the reading buffer.
        let mut long = release();
        long["description"] = "x".repeat(300_000).into();
        let head = format!("\n{long}\n").into_bytes();
        let item = format!("{}\r\n", release()).into_bytes();
        assert_eq!(first_releases(Endless { head, item, at: 0 }, 3), [2, 3, 4]);
    }

    #[test]
    fn reads_the_three_forms() {
        let r = release();
        let package = json!({"uri": "x", "releases": [r.clone(), r.clone()]}).to_string();
        let records = json!({"records": [{"ocid": "ocds-abc-001", "compiledRelease": r.clone()}, {"ocid": "x"}]}).to_string();
        let lines = format!("{}\n\n{}\n", r, r);
        for (text, expected) in [(package, 2), (records, 2), (lines, 2)] {
            let mut seen = Vec::new();
            let n = read_processes(text.as_bytes(), |p| seen.push(p)).unwrap();
            assert_eq!(n, expected);
            assert_eq!(seen[0].bids.len(), 1);
        }
        let pretty = serde_json::to_string_pretty(&json!({"releases": [r]})).unwrap();
        assert_eq!(read_processes(pretty.as_bytes(), |_| {}).unwrap(), 1);
    }

    #[test]
    fn rejects_what_is_not_ocds() {
        assert!(matches!(
            read_processes(&b"{\"foo\": 1}"[..], |_| {}),
            Err(OcdsError::Shape(_))
        ));
        assert!(matches!(
            read_processes(&b"{\"releases\": [1, "[..], |_| {}),
            Err(OcdsError::Json { .. })
        ));
        let lines = format!("{}\nnot json\n", release());
        assert!(matches!(
            read_processes(lines.as_bytes(), |_| {}),
            Err(OcdsError::Json { line: 2, .. })
        ));
        assert_eq!(read_processes(&b"\n\n"[..], |_| {}).unwrap(), 0);
    }

    #[test]
    fn process_without_bids_is_reported() {
        let v = json!({"ocid": "o", "tender": {}});
        let p = process(&j(&v));
        assert!(p.bids.is_empty());
        assert!(p.excluded[0].reason.starts_with("no bids"));
    }

    #[test]
    fn sector_from_unspsc_and_category() {
        let unspsc = json!({"items": [{"classification": {"scheme": "UNSPSC", "id": "76111500"}}]});
        assert_eq!(
            classification(&j(&unspsc)),
            (Some(Sector::Janitorial), false)
        );
        let works = json!({"mainProcurementCategory": "works"});
        assert_eq!(classification(&j(&works)).0, Some(Sector::Construction));
        assert_eq!(classification(&j(&json!({}))), (None, false));
        // Nurse staffing (CPV 79624000) is the supply of personnel: the
        // vendor is a labor broker, the work is not event staffing.
        let nurses = json!({"mainProcurementCategory": "services",
            "items": [{"classification": {"scheme": "CPV", "id": "79624000-4"}}]});
        assert_eq!(classification(&j(&nurses)), (Some(Sector::Other), true));
        let mut r = release();
        r["tender"]["items"] = nurses["items"].clone();
        let p = process(&j(&r));
        assert_eq!(p.bids[0].vendor.labor_broker, Some(true));
        assert_ne!(p.bids[0].solicitation.sector, Some(Sector::EventStaffing));
    }
}
