//! Open Contracting Data Standard (OCDS) input: contracting processes with
//! their bids (bids extension), turned into submissions so that the same
//! rules run on published data.
//!
//! Every form publishers use is read, streaming, one release in memory at a
//! time ([`read`]): packages, releases, records (their `compiledRelease`, or
//! one compiled from their releases), arrays and JSON Lines of any. Each
//! release is taken as one contracting process: use records or compiled
//! releases when a process has several releases.
//!
//! Bids that cannot be read (withdrawn or invalid, no value, a currency other
//! than the tender's, several tenderers on one bid) are reported with the
//! reason, never dropped silently.

use crate::compare::BidCount;
use crate::json::stream::{at_line, cannot_read, Syntax};
use crate::json::{Json, StreamError};
use crate::text::{tr, Lang};

pub mod parallel;
mod read;
mod sectors;

use crate::model::{
    Address, Contact, Identifiers, Period, ProcurementCategory, ProcurementMethod, Sector,
    Solicitation, Subcontractor, Submission, SupplyItem, Vendor,
};
use crate::reference::is_country_code;
pub use read::{
    compile, read_processes, read_processes_in, read_raw, LineError, LineErrorBody, RawRelease,
};
use serde::Serialize;
use std::collections::HashMap;

/// One contracting process read from OCDS.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "OcdsProcess"))]
pub struct Process {
    /// The OCDS ocid.
    pub ocid: String,
    /// The tender's title.
    #[cfg_attr(feature = "schema", schemars(with = "crate::json::Nullable<String>"))]
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
    /// For a process without lots: a total its awards give as a ceiling
    /// (see `Ceiling`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<Ceiling>,
    /// How the tender was procured (`open`, `selective`, ...).
    #[serde(skip)]
    pub method: Option<ProcurementMethod>,
}

/// A lot of the tender (OCDS lots extension).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "OcdsLot"))]
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
    /// A total the awards give as the lot's ceiling, not a price: bids at
    /// exactly this total are not compared on price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<Ceiling>,
}

/// A total the data gives as a ceiling rather than a price offered: the
/// `maximumValue` of an award (eForms framework agreements), or the one
/// value of several awards on one lot (parallel framework agreements, where
/// publishers write the framework's maximum into every bid and award).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ceiling {
    /// The ceiling, in the awards' currency.
    pub amount: f64,
    /// Where it comes from (`awards[].maximumValue`, or how many awards
    /// share the value).
    pub source: String,
}

/// A bid (or a whole process) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "OcdsExclusion"))]
pub struct Exclusion {
    /// The bid's id, or null when the whole process is excluded.
    #[cfg_attr(feature = "schema", schemars(with = "crate::json::Nullable<String>"))]
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
    /// The input is not valid JSON (or JSON Lines), not UTF-8, or not OCDS.
    #[error("{}", self.message_in(Lang::En))]
    Json {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: Problem,
    },
    /// The input could not be read.
    #[error("{}", self.message_in(Lang::En))]
    Io(#[from] std::io::Error),
    /// A screening thread ended before its work was done (a defect of
    /// ctip-screen: please report it with the input).
    #[error("{}", self.message_in(Lang::En))]
    Stopped,
    /// A release, record or line longer than the policy allows.
    #[error("{}", self.message_in(Lang::En))]
    TooLarge {
        /// 1-based line it starts on.
        line: usize,
        /// The limit, in bytes.
        limit: usize,
    },
}

/// What is wrong with a line of OCDS input, to be written in either
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not valid JSON: the parser's message, at a column of the line.
    NotJson(crate::json::ParseError),
    /// Not valid JSON, as the reader of a whole document found it.
    Syntax(Syntax),
    /// Not UTF-8, at this byte of the line.
    NotUtf8 {
        /// The 1-based byte of the line.
        byte: usize,
    },
    /// JSON, but not a release, a record or a package of them.
    NotOcds,
}

impl Problem {
    /// What is wrong, in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Problem::NotJson(e) => tr!(
                lang,
                "not valid JSON: {what} at column {column}",
                "no es JSON válido: {what} en la columna {column}",
                what = e.message_in(lang),
                column = e.column()
            ),
            Problem::Syntax(problem) => problem.message_in(lang),
            Problem::NotUtf8 { byte } => tr!(
                lang,
                "the text is not UTF-8 (byte {byte} of the line); OCDS is UTF-8: convert the file first, for example `iconv -f ISO-8859-1 -t UTF-8 data.json > data-utf8.json`",
                "el texto no es UTF-8 (byte {byte} de la línea); OCDS usa UTF-8: convierta primero el archivo, por ejemplo con `iconv -f ISO-8859-1 -t UTF-8 data.json > data-utf8.json`"
            ),
            Problem::NotOcds => tr!(
                lang,
                "not OCDS: expected a release, a record, a release package ({{\"releases\": [...]}}) or a record package ({{\"records\": [...]}})",
                "no es OCDS: se esperaba una entrega (release), un registro (record), un paquete de entregas ({{\"releases\": [...]}}) o un paquete de registros ({{\"records\": [...]}})"
            ),
        }
    }
}

impl OcdsError {
    /// The line the error is on, when it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            OcdsError::Json { line, .. } | OcdsError::TooLarge { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The SPEC error code: `limit-exceeded` for a release above the
    /// limit, else `invalid-submission`.
    pub fn code(&self) -> &'static str {
        match self {
            OcdsError::TooLarge { .. } => "limit-exceeded",
            _ => "invalid-submission",
        }
    }

    /// The error in `lang` (its `Display` is the English).
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            OcdsError::Json { line, problem } => at_line(lang, *line, &problem.message_in(lang)),
            OcdsError::Io(e) => cannot_read(lang, e),
            OcdsError::Stopped => tr!(
                lang,
                "a screening thread stopped",
                "un hilo de análisis se detuvo"
            ),
            OcdsError::TooLarge { line, limit } => tr!(
                lang,
                "line {line}: a release, record or line of more than {limit} bytes, above the policy's limits.releaseBytes; split the file, or raise the limit in a policy of your own",
                "línea {line}: una entrega, registro o línea de más de {limit} bytes, por encima de limits.releaseBytes de la política de evaluación; divida el archivo o aumente el límite en una política de evaluación propia",
                limit = crate::format::count(*limit)
            ),
        }
    }

    /// The error as the API reports it, in `lang`: `limit-exceeded` for a
    /// release above the limit, else `invalid-submission`, the message at
    /// the document.
    pub fn into_error_in(self, lang: Lang) -> crate::error::Error {
        let issues = vec![crate::error::Issue::new("", self.message_in(lang))];
        match self {
            OcdsError::TooLarge { .. } => crate::error::Error::LimitExceeded(issues),
            _ => crate::error::Error::InvalidSubmission(issues),
        }
    }
}

/// An OCDS error as the API reports it, in English.
impl From<OcdsError> for crate::error::Error {
    fn from(e: OcdsError) -> crate::error::Error {
        e.into_error_in(Lang::En)
    }
}

impl From<StreamError> for OcdsError {
    fn from(e: StreamError) -> OcdsError {
        match e {
            StreamError::Io(e) => OcdsError::Io(e),
            StreamError::Syntax { line, problem } => OcdsError::Json {
                line,
                problem: Problem::Syntax(problem),
            },
            StreamError::TooLarge { line, limit } => OcdsError::TooLarge { line, limit },
        }
    }
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
    process_in(release, Lang::En)
}

/// [`process`], giving the reasons a bid is left out in `lang`.
pub fn process_in(release: &Json<'_>, lang: Lang) -> Process {
    let ocid = text(release, &["ocid"]).unwrap_or("(no ocid)").to_owned();
    let tender = release.get("tender").unwrap_or(&Json::Null);
    let mut out = Process {
        ocid,
        title: owned(release, &["tender", "title"]),
        bids: Vec::new(),
        excluded: Vec::new(),
        lots: lots(tender),
        received: None,
        ceiling: None,
        method: text(tender, &["procurementMethod"]).and_then(ProcurementMethod::from_word),
    };
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
    let mut ceilings = ceilings(release, &out.lots);
    for lot in &mut out.lots {
        lot.ceiling = take_ceiling(&mut ceilings, Some(&lot.id));
    }
    if out.lots.is_empty() {
        out.ceiling = take_ceiling(&mut ceilings, None);
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
            reason: no_details_reason(&out, lang),
        });
        return out;
    }
    out.bids.reserve_exact(details.len());
    let mut base = solicitation(release, &out.ocid);
    base.bids_received = out.received.as_ref().map(|r| r.count);
    base.price_ceiling = out.ceiling.as_ref().map(|c| c.amount);
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
            lang,
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
                ceiling: None,
            })
        })
        .collect()
}

/// Why a process without bid details has no bids to screen, with what the
/// data says of the bids received.
fn no_details_reason(process: &Process, lang: Lang) -> String {
    let said = |c: &BidCount| {
        let (n, source) = (c.count, &c.source);
        match (lang, n == 1) {
            (Lang::En, true) => format!("{n} bid was received ({source})"),
            (Lang::En, false) => format!("{n} bids were received ({source})"),
            (Lang::Es, true) => format!("se recibió {n} oferta ({source})"),
            (Lang::Es, false) => format!("se recibieron {n} ofertas ({source})"),
        }
    };
    let mut known: Vec<String> = process
        .lots
        .iter()
        .filter_map(|l| {
            let (lot, received) = (&l.id, said(l.received.as_ref()?));
            Some(tr!(lang, "lot {lot}: {received}", "lote {lot}: {received}"))
        })
        .collect();
    known.extend(process.received.as_ref().map(said));
    if known.is_empty() {
        tr!(
            lang,
            "no bids: the release has no bids.details (OCDS bids extension)",
            "sin ofertas: la entrega no tiene bids.details (extensión de ofertas de OCDS)"
        )
    } else {
        tr!(
            lang,
            "no bid details: the release has no bids.details (OCDS bids extension) to screen; the data says {known}",
            "sin detalles de ofertas: la entrega no tiene bids.details (extensión de ofertas de OCDS) que evaluar; los datos dicen {known}",
            known = known.join("; ")
        )
    }
}

/// The ceilings the awards give, per lot key: an award's `maximumValue`
/// (all the lot's awards agreeing), else the value shared by two or more
/// awards on the lot. Awards that disagree give no ceiling.
fn ceilings(release: &Json<'_>, lots: &[Lot]) -> Vec<(Option<String>, Ceiling)> {
    let awards = release
        .get("awards")
        .and_then(Json::as_array)
        .map_or(&[][..], Vec::as_slice);
    let amount = |award: &Json<'_>, key: &str| {
        award
            .at(&[key, "amount"])
            .and_then(Json::as_f64)
            .filter(|v| v.is_finite() && *v > 0.0)
    };
    // (lot key, maximum values, values) per lot key, in order of appearance.
    let mut per_lot: Vec<(Option<String>, Vec<f64>, Vec<f64>)> = Vec::new();
    for award in awards {
        let key = lot_key(award, lots);
        let at = match per_lot.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                per_lot.push((key, Vec::new(), Vec::new()));
                per_lot.len() - 1
            }
        };
        if let Some((_, maxima, values)) = per_lot.get_mut(at) {
            maxima.extend(amount(award, "maximumValue"));
            values.extend(amount(award, "value"));
        }
    }
    let one = |v: &[f64]| -> Option<f64> {
        let first = *v.first()?;
        v.iter().all(|x| *x == first).then_some(first)
    };
    per_lot
        .into_iter()
        .filter_map(|(key, maxima, values)| {
            let ceiling = match one(&maxima) {
                Some(amount) => Ceiling {
                    amount,
                    source: "awards[].maximumValue".to_owned(),
                },
                None if maxima.is_empty() && values.len() >= 2 => Ceiling {
                    amount: one(&values)?,
                    source: format!(
                        "{} awards on the lot share this value (parallel framework agreements)",
                        values.len()
                    ),
                },
                None => return None,
            };
            Some((key, ceiling))
        })
        .collect()
}

fn take_ceiling(
    ceilings: &mut Vec<(Option<String>, Ceiling)>,
    key: Option<&str>,
) -> Option<Ceiling> {
    let at = ceilings.iter().position(|(k, _)| k.as_deref() == key)?;
    Some(ceilings.swap_remove(at).1)
}

/// An id as OCDS publishers write it: a string, or sometimes a number.
fn id_text(v: &Json<'_>) -> Option<String> {
    match v {
        Json::Str(s) if !s.trim().is_empty() => Some(s.to_string()),
        Json::Number(n) => Some(crate::format::number(*n)),
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
    let only = match (ids.len(), chosen.as_slice()) {
        (1, [lot]) => Some(*lot),
        _ => None,
    };
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
        // What the data says of one lot; bids on several lots at once
        // have no one count or ceiling.
        bids_received: only.and_then(|l| l.received.as_ref()).map(|r| r.count),
        price_ceiling: only.and_then(|l| l.ceiling.as_ref()).map(|c| c.amount),
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
        bids_received: None,
        price_ceiling: None,
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
    /// The language reasons are written in.
    lang: Lang,
}

fn submission(bid: &Json<'_>, id: &str, shared: &Shared<'_, '_>) -> Result<Submission, String> {
    let tender_currency = shared.currency;
    if let Some(status) = text(bid, &["status"]).filter(|s| !matches!(*s, "valid" | "pending")) {
        return Err(tr!(
            shared.lang,
            "the bid's status is '{status}', not 'valid' or 'pending'",
            "el estado de la oferta es '{status}', no 'valid' ni 'pending'"
        ));
    }
    let tenderers = bid
        .get("tenderers")
        .and_then(Json::as_array)
        .map_or(&[][..], Vec::as_slice);
    let tenderer = match tenderers {
        [one] => one,
        [] => {
            return Err(tr!(
                shared.lang,
                "the bid names no tenderer",
                "la oferta no nombra ningún licitante"
            ))
        }
        many => {
            let n = many.len();
            return Err(tr!(
                shared.lang,
                "several tenderers on one bid ({n}): a consortium cannot be screened as one vendor",
                "varios licitantes en una oferta ({n}): un consorcio no se puede evaluar como un solo proveedor"
            ));
        }
    };
    let Some(amount) = bid
        .at(&["value", "amount"])
        .and_then(Json::as_f64)
        .filter(|a| *a >= 0.0)
    else {
        return Err(tr!(
            shared.lang,
            "no value: the bid has no value.amount",
            "sin valor: la oferta no tiene value.amount"
        ));
    };
    let currency = text(bid, &["value", "currency"]);
    if let (Some(bid_currency), Some(tender)) = (currency, tender_currency) {
        if bid_currency != tender {
            return Err(tr!(
                shared.lang,
                "currency mismatch: the bid is in {bid_currency}, the tender in {tender}",
                "monedas distintas: la oferta está en {bid_currency} y la licitación en {tender}"
            ));
        }
    }
    // The organization: its `parties` entry, or, as OCDS 1.0 and many
    // publishers write it, the tenderer object itself with its identifier,
    // address and contact point.
    let organization = shared.parties.get(tenderer).unwrap_or(tenderer);
    let name = text(organization, &["name"])
        .or_else(|| text(tenderer, &["name"]))
        .ok_or_else(|| {
            tr!(
                shared.lang,
                "the tenderer has no name",
                "el licitante no tiene nombre"
            )
        })?;
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
        let scheme = text(identifier, &["scheme"]).map(str::to_lowercase);
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
    use std::io::Read;

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
                (
                    "B5",
                    "the bid's status is 'withdrawn', not 'valid' or 'pending'"
                )
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
        let err = read_raw(input, crate::policy::DEFAULT_RELEASE_BYTES, |raw| {
            lines.push(raw.line());
            raw.processes()?;
            if lines.len() == n {
                // Any error stops the reading; this one is the sink's.
                return Err(OcdsError::Stopped);
            }
            Ok(())
        })
        .unwrap_err();
        assert!(matches!(err, OcdsError::Stopped));
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

    /// The ocids and bid counts read from `text`, or the first line error.
    fn read(text: &str) -> Result<Vec<(String, usize)>, String> {
        let mut seen = Vec::new();
        read_processes(text.as_bytes(), |item| match item {
            Ok(p) => seen.push(Ok((p.ocid, p.bids.len()))),
            Err(e) => seen.push(Err(format!("line {}: {}", e.line, e.error.message))),
        })
        .map_err(|e| e.to_string())?;
        seen.into_iter().collect()
    }

    /// Every form publishers use: packages, releases and records on their
    /// own, JSON Lines of any, arrays of packages, and several packages one
    /// after another.
    #[test]
    fn reads_every_form() {
        let r = release();
        let one = vec![("ocds-abc-001".to_owned(), 1)];
        let two = vec![
            ("ocds-abc-001".to_owned(), 1),
            ("ocds-abc-001".to_owned(), 1),
        ];
        let package = json!({"uri": "x", "releases": [r.clone(), r.clone()]});
        let record = json!({"ocid": "ocds-abc-001", "compiledRelease": r.clone()});
        let records = json!({"records": [record.clone(), record.clone()]});
        let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap();
        assert_eq!(read(&package.to_string()).unwrap(), two);
        assert_eq!(read(&records.to_string()).unwrap(), two);
        assert_eq!(read(&format!("{r}\n\n{r}\n")).unwrap(), two);
        assert_eq!(read(&pretty(&r)).unwrap(), one, "a release on its own");
        assert_eq!(read(&pretty(&record)).unwrap(), one, "a record on its own");
        assert_eq!(
            read(&format!("{record}\n{record}\n")).unwrap(),
            two,
            "JSON Lines of records"
        );
        assert_eq!(
            read(&format!("[{package}, {records}]")).unwrap().len(),
            4,
            "an array of packages"
        );
        assert_eq!(
            read(&format!("{}\n{}", pretty(&package), pretty(&records)))
                .unwrap()
                .len(),
            4,
            "packages one after another"
        );
        // A record whose `releases` come before its `ocid` (Prozorro writes
        // them so) is one record, not a package of its releases.
        let late = format!("{{\"releases\": [{{\"url\": \"https://x/1\", \"date\": \"2026-01-01\"}}], \"compiledRelease\": {r}, \"ocid\": \"ocds-abc-001\"}}");
        assert_eq!(read(&late).unwrap(), one);
        // A byte order mark is skipped.
        assert_eq!(read(&format!("\u{feff}{package}")).unwrap(), two);
        assert_eq!(read("\n\n").unwrap(), vec![]);
    }

    /// A record without `compiledRelease` is compiled from its embedded
    /// releases (latest date wins per field, arrays of objects merged by
    /// id); one that only links its releases is reported with the reason.
    #[test]
    fn records_without_a_compiled_release() {
        let mut first = release();
        first["date"] = json!("2026-03-01T00:00:00Z");
        first["tender"]["title"] = json!("Old title");
        first["bids"]["details"] = json!([{"id": "B1", "status": "valid", "tenderers": [{"id": "T1"}], "value": {"amount": 800, "currency": "USD"}}]);
        let mut later = json!({"ocid": "ocds-abc-001", "id": "r2", "date": "2026-04-01T00:00:00Z", "tag": ["award"],
            "tender": {"title": "New title"},
            "bids": {"details": [{"id": "B1", "value": {"amount": 900, "currency": "USD"}},
                                 {"id": "B9", "status": "valid", "tenderers": [{"id": "T2"}], "value": {"amount": 950, "currency": "USD"}}]}});
        later["parties"] = first["parties"].clone();
        // Given latest first: the merge orders them by date.
        let compiled = compile(vec![Json::from(&later), Json::from(&first)]);
        assert_eq!(
            compiled.at(&["tender", "title"]).and_then(Json::as_str),
            Some("New title")
        );
        assert_eq!(
            compiled
                .at(&["tender", "procurementMethod"])
                .and_then(Json::as_str),
            Some("open")
        );
        let p = process(&compiled);
        let totals: Vec<(String, f64)> = p
            .bids
            .iter()
            .map(|b| (b.id.clone(), b.price.total.unwrap_or(0.0)))
            .collect();
        assert_eq!(
            totals,
            vec![("B1".to_owned(), 900.0), ("B9".to_owned(), 950.0)]
        );
        let record = json!({"ocid": "ocds-abc-001", "releases": [first, later]});
        assert_eq!(
            read(&record.to_string()).unwrap(),
            vec![("ocds-abc-001".to_owned(), 2)]
        );
        let linked = json!({"ocid": "ocds-py-1", "releases": [{"url": "https://x/1", "date": "2026-01-01"}]});
        let mut reasons = Vec::new();
        read_processes(linked.to_string().as_bytes(), |item| {
            if let Ok(p) = item {
                reasons.extend(p.excluded.into_iter().map(|e| e.reason));
            }
        })
        .unwrap();
        assert_eq!(reasons.len(), 1);
        assert!(
            reasons[0].starts_with(
                "record ocds-py-1 has no compiledRelease, and its 1 releases are links"
            ),
            "{}",
            reasons[0]
        );
    }

    /// Releases are merged in the order of the instants they are dated,
    /// whatever their UTC offsets: 10:00+01:00 is after 10:30+03:00.
    #[test]
    fn compile_orders_releases_by_instant() {
        let a = json!({"ocid": "o", "date": "2017-11-10T10:30:00+03:00", "tender": {"title": "A"}});
        let b = json!({"ocid": "o", "date": "2017-11-10T10:00:00+01:00", "tender": {"title": "B"}});
        let c = json!({"ocid": "o", "date": "2017-11-10T09:00:00.5Z", "tender": {"title": "C"}});
        let title = |v: Vec<&Value>| {
            compile(v.into_iter().map(Json::from).collect())
                .at(&["tender", "title"])
                .and_then(Json::as_str)
                .map(str::to_owned)
        };
        assert_eq!(title(vec![&b, &a]).as_deref(), Some("B"));
        assert_eq!(title(vec![&a, &b]).as_deref(), Some("B"));
        // 09:00:00.5Z is half a second after b's 09:00:00Z.
        assert_eq!(title(vec![&c, &b, &a]).as_deref(), Some("C"));
        // A date alone is its midnight UTC; undated releases come first,
        // then dates that cannot be read, then the rest.
        let d = json!({"ocid": "o", "date": "2017-11-11", "tender": {"title": "D"}});
        let e = json!({"ocid": "o", "date": "soon", "tender": {"title": "E"}});
        let f = json!({"ocid": "o", "tender": {"title": "F"}});
        assert_eq!(title(vec![&d, &c]).as_deref(), Some("D"));
        assert_eq!(title(vec![&e, &d]).as_deref(), Some("D"));
        assert_eq!(title(vec![&d, &f]).as_deref(), Some("D"));
    }

    /// JSON Lines: a line that cannot be read is an error in its place and
    /// the run goes on; in a package, a syntax error ends the run. Errors
    /// speak of OCDS, and text that is not UTF-8 says how to convert it.
    #[test]
    fn errors_name_the_line() {
        let lines = format!("{}\nnot json\n{{\"foo\": 1}}\n{}\n", release(), release());
        let mut items = Vec::new();
        read_processes(lines.as_bytes(), |item| {
            items.push(item.map(|p| p.ocid).map_err(|e| (e.line, e.error.message)))
        })
        .unwrap();
        assert_eq!(items.len(), 4);
        assert!(items[0].is_ok() && items[3].is_ok());
        let (line, message) = items[1].clone().unwrap_err();
        assert_eq!(line, 2);
        assert!(message.starts_with("line 2: not valid JSON"), "{message}");
        let (line, message) = items[2].clone().unwrap_err();
        assert_eq!(line, 3);
        assert!(
            message.contains("not OCDS: expected a release, a record"),
            "{message}"
        );
        assert!(matches!(
            read_processes(&b"{\"foo\": 1}"[..], |_| {}),
            Err(OcdsError::Json { line: 1, .. })
        ));
        assert!(matches!(
            read_processes(&b"{\"releases\": [1, "[..], |_| {}),
            Err(OcdsError::Json { .. })
        ));
        let latin1 = [
            format!("{}\n", release()).into_bytes(),
            b"{\"ocid\": \"caf\xe9\"}\n".to_vec(),
        ]
        .concat();
        let mut errors = Vec::new();
        read_processes(&latin1[..], |item| {
            if let Err(e) = item {
                errors.push(e.error.message);
            }
        })
        .unwrap();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("line 2: the text is not UTF-8 (byte 14 of the line)")
                && errors[0].contains("iconv -f ISO-8859-1 -t UTF-8"),
            "{}",
            errors[0]
        );
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
