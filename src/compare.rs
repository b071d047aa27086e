//! Comparing the bids of one solicitation: the rules of RULES.md group G,
//! which need every bid at once, and price statistics (SPEC.md section 4).
//!
//! Each cross finding names the bids it concerns and is also added to those
//! bids' assessments, so their scores include it. Every step sorts or
//! groups by key, so the cost stays n log n in the number of bids.

use crate::assessment::{Assessment, Evidence, Finding};
use crate::date::Date;
use crate::engine::{evaluate_in, rescore};
use crate::model::{ProcurementMethod, Severity, Submission};
use crate::names;
use crate::policy::{LoadedPolicy, Policy};
use crate::rules::{cross_bid, money_in, percent, Rule};
use crate::text::{tr, Lang};
use crate::watchlist::Watchlist;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The result of comparing the bids of one solicitation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// One assessment per bid, in input order, cross findings included.
    pub assessments: Vec<Assessment>,
    /// The cross-bid findings.
    pub findings: Vec<CrossFinding>,
    /// Price statistics.
    pub statistics: Statistics,
}

/// A finding about several bids together.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrossFinding {
    /// Rule id (group G).
    pub rule: &'static str,
    /// How serious.
    pub severity: Severity,
    /// Points it adds to each named bid's score.
    pub points: u32,
    /// The submission ids of the bids concerned.
    pub bids: Vec<String>,
    /// The lot the bids were for, when the solicitation has lots (OCDS
    /// `tender.lots`): bids are only compared with bids on the same lot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// What was found.
    pub message: String,
    /// The values that triggered it; paths are prefixed with the bid's index (`[2].price.total`).
    pub evidence: Vec<Evidence>,
    /// The law or standard behind it.
    pub citations: &'static [&'static str],
    /// What the evaluator should do next.
    pub action: &'static str,
}

/// Statistics of the bids' total prices.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statistics {
    /// Number of bids.
    pub count: usize,
    /// Number of bids with a total price.
    pub priced: usize,
    /// Lowest total.
    #[cfg_attr(feature = "schema", schemars(with = "crate::json::Nullable<f64>"))]
    pub min: Option<f64>,
    /// Highest total.
    #[cfg_attr(feature = "schema", schemars(with = "crate::json::Nullable<f64>"))]
    pub max: Option<f64>,
    /// Mean total.
    #[cfg_attr(feature = "schema", schemars(with = "crate::json::Nullable<f64>"))]
    pub mean: Option<f64>,
    /// Median total.
    #[cfg_attr(feature = "schema", schemars(with = "crate::json::Nullable<f64>"))]
    pub median: Option<f64>,
}

/// How many bids a solicitation (or lot) received, as the data says, where
/// that can differ from the bids at hand: published data often gives the
/// count (OCDS `bids.statistics`) but the details of only some bids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BidCount {
    /// The number of bids received.
    pub count: u32,
    /// Where the number comes from (`bids.statistics (bids)`,
    /// `bids.details`, `tender.numberOfTenderers`).
    pub source: String,
}

/// Compares bids that have already been read, writing in English. `as_of`
/// gives each bid's evaluation date (from its `submittedOn` when the caller
/// passes `None`).
pub fn compare(
    bids: &[Submission],
    policy: &LoadedPolicy,
    as_of: Option<Date>,
    today: Date,
    watchlists: &[Watchlist],
) -> Comparison {
    compare_in(bids, policy, as_of, today, watchlists, Lang::En)
}

/// [`compare`], writing every text in `lang`.
pub fn compare_in(
    bids: &[Submission],
    policy: &LoadedPolicy,
    as_of: Option<Date>,
    today: Date,
    watchlists: &[Watchlist],
    lang: Lang,
) -> Comparison {
    compare_group(
        bids,
        policy,
        as_of,
        today,
        watchlists,
        &BidGroup::default(),
        lang,
    )
}

/// What a group of bids compared together shares besides the bids: the lot
/// they are for, how many bids it received where the data says, and a
/// ceiling the data gives for it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BidGroup {
    /// The lot (or lots, joined by `+`), when the solicitation has lots.
    pub lot: Option<String>,
    /// Bids received, when known apart from the bids given.
    pub received: Option<BidCount>,
    /// A total the data gives as the group's ceiling rather than a price
    /// (a framework agreement's maximum value, or the one value of several
    /// parallel awards). Bids whose total is exactly this are not compared
    /// on price (`abnormally-low-bid`, `identical-prices`): publishers write
    /// the ceiling into every framework bid, so equal totals there say
    /// nothing about the prices offered.
    pub ceiling: Option<f64>,
}

/// Compares the bids of one solicitation, or of one lot of it (`group`):
/// the cross-bid findings name the lot, and `single-bid` counts the bids
/// the data says were received, not only the bids at hand.
pub fn compare_group(
    bids: &[Submission],
    policy: &LoadedPolicy,
    as_of: Option<Date>,
    today: Date,
    watchlists: &[Watchlist],
    group: &BidGroup,
    lang: Lang,
) -> Comparison {
    let mut assessments: Vec<Assessment> = bids
        .iter()
        .map(|b| {
            evaluate_in(
                b,
                policy,
                crate::engine::effective_as_of(as_of, b, today),
                watchlists,
                lang,
            )
        })
        .collect();
    let p = policy.policy();
    let mut findings = Vec::new();
    // What the group does not say, the bids' solicitation may.
    let received = group.received.clone().or_else(|| {
        agreed(bids, |b| b.solicitation.bids_received).map(|n| BidCount {
            count: n,
            source: "solicitation.bidsReceived".to_owned(),
        })
    });
    let ceiling = group
        .ceiling
        .or_else(|| agreed(bids, |b| b.solicitation.price_ceiling));
    if p.is_enabled(cross_bid::SINGLE_BID.id) {
        single_bid(bids, p, received.as_ref(), lang, &mut findings);
    }
    if p.is_enabled(cross_bid::ABNORMALLY_LOW_BID.id) {
        abnormally_low(bids, p, ceiling, lang, &mut findings);
    }
    if p.is_enabled(cross_bid::IDENTICAL_PRICES.id) {
        identical_prices(bids, p, ceiling, lang, &mut findings);
    }
    if p.is_enabled(cross_bid::SHARED_IDENTITY.id) {
        shared_identity(bids, p, lang, &mut findings);
    }
    crate::sort::sort_by(&mut findings, |a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule.cmp(b.rule))
            .then_with(|| a.bids.cmp(&b.bids))
    });
    if let Some(lot) = &group.lot {
        for f in &mut findings {
            f.lot = Some(lot.clone());
            f.message = tr!(lang, "Lot {lot}: {m}", "Lote {lot}: {m}", m = f.message);
        }
    }
    attach(&findings, bids, &mut assessments, p, lang);
    Comparison {
        assessments,
        statistics: statistics(bids),
        findings,
    }
}

/// Adds each cross finding to the assessments of the bids it names.
fn attach(
    findings: &[CrossFinding],
    bids: &[Submission],
    assessments: &mut [Assessment],
    policy: &Policy,
    lang: Lang,
) {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, b) in bids.iter().enumerate() {
        by_id.entry(b.id.as_str()).or_default().push(i);
    }
    let mut touched = vec![false; assessments.len()];
    for f in findings {
        let rule = crate::rules::rule(f.rule);
        for id in &f.bids {
            for &i in by_id.get(id.as_str()).into_iter().flatten() {
                if let (Some(a), Some(t)) = (assessments.get_mut(i), touched.get_mut(i)) {
                    a.findings.push(Finding {
                        rule: f.rule,
                        severity: f.severity,
                        points: f.points,
                        title: rule.map_or("", |r| r.title.get(lang)),
                        message: f.message.clone(),
                        evidence: f.evidence.clone(),
                        citations: f.citations,
                        action: std::borrow::Cow::Borrowed(f.action),
                        vendor_action: None,
                    });
                    *t = true;
                }
            }
        }
    }
    for (a, t) in assessments.iter_mut().zip(touched) {
        if t {
            rescore(a, policy);
        }
    }
}

fn finding(
    rule: &'static Rule,
    lang: Lang,
    severity: Severity,
    policy: &Policy,
    bids: Vec<String>,
    message: String,
    mut evidence: Vec<Evidence>,
) -> CrossFinding {
    evidence.truncate(MAX_EVIDENCE);
    CrossFinding {
        rule: rule.id,
        severity,
        points: policy.points_for(severity),
        bids,
        lot: None,
        message,
        evidence,
        citations: crate::rules::citations_in(rule, lang),
        action: rule.action.get(lang),
    }
}

fn label(b: &Submission) -> String {
    format!("'{}' ({})", b.id, b.vendor.name.trim())
}

/// Most bids named in a message, and evidence entries kept in a finding:
/// a finding about thousands of bids is copied into each of their
/// assessments, so it must stay small (the `bids` list stays complete).
const MAX_LISTED: usize = 10;
const MAX_EVIDENCE: usize = 20;

/// The first bids' labels, then how many more.
fn labels(members: &[&Submission], lang: Lang) -> String {
    let mut text = members
        .iter()
        .take(MAX_LISTED)
        .map(|b| label(b))
        .collect::<Vec<_>>()
        .join(", ");
    if members.len() > MAX_LISTED {
        let more = members.len() - MAX_LISTED;
        text.push_str(&tr!(lang, " and {more} more", " y {more} más"));
    }
    text
}

/// One bid received in an open or selective procedure. The count is the
/// data's where it gives one (`received`): a bid at hand may be one of
/// several received, and bids left out for missing data were still bids.
/// The value every bid that gives one agrees on; `None` when none gives
/// it or two disagree.
fn agreed<T: PartialEq + Copy>(
    bids: &[Submission],
    of: impl Fn(&Submission) -> Option<T>,
) -> Option<T> {
    let mut values = bids.iter().filter_map(of);
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

fn single_bid(
    bids: &[Submission],
    policy: &Policy,
    received: Option<&BidCount>,
    lang: Lang,
    out: &mut Vec<CrossFinding>,
) {
    // The bids given were all received, whatever a count says.
    let count = received.map_or(bids.len(), |r| (r.count as usize).max(bids.len()));
    if count != 1 {
        return;
    }
    let Some(first) = bids.first() else { return };
    let method = first.solicitation.procurement_method;
    if !matches!(
        method,
        Some(ProcurementMethod::Open | ProcurementMethod::Selective)
    ) {
        return;
    }
    let word = method.map_or("", |m| m.as_str());
    let mut evidence = vec![Evidence::new("[0].solicitation.procurementMethod", word)];
    let method = method.map_or("", |m| m.word(lang));
    let message = match received {
        Some(r) => {
            evidence.push(Evidence::new(r.source.clone(), r.count));
            tr!(
                lang,
                "Bid {bid} is the only bid received in this {method} procedure ({source}: 1).",
                "La oferta {bid} es la única recibida en este procedimiento {method} ({source}: 1).",
                bid = label(first),
                source = r.source
            )
        }
        None => tr!(
            lang,
            "Bid {bid} is the only bid in this {method} procedure.",
            "La oferta {bid} es la única en este procedimiento {method}.",
            bid = label(first)
        ),
    };
    out.push(finding(
        &cross_bid::SINGLE_BID,
        lang,
        Severity::Low,
        policy,
        vec![first.id.clone()],
        message,
        evidence,
    ));
}

/// The `single-bid` finding for a procedure whose bids are not given at
/// all, where the data still says one bid (or one tenderer) took part.
pub fn single_bid_without_details(
    method: Option<ProcurementMethod>,
    received: &BidCount,
    lot: Option<&str>,
    policy: &Policy,
    lang: Lang,
) -> Option<CrossFinding> {
    let method =
        method.filter(|m| matches!(m, ProcurementMethod::Open | ProcurementMethod::Selective))?;
    if received.count != 1 || !policy.is_enabled(cross_bid::SINGLE_BID.id) {
        return None;
    }
    let method = method.word(lang);
    let lot_prefix = lot
        .map(|l| tr!(lang, "Lot {l}: ", "Lote {l}: "))
        .unwrap_or_default();
    let mut f = finding(
        &cross_bid::SINGLE_BID,
        lang,
        Severity::Low,
        policy,
        Vec::new(),
        tr!(
            lang,
            "{lot_prefix}Only one bid was received in this {method} procedure ({source}: 1); no readable bid is published to name (see what could not be read).",
            "{lot_prefix}Solo se recibió una oferta en este procedimiento {method} ({source}: 1); no se publica ninguna oferta legible que se pueda nombrar (vea lo que no se pudo leer).",
            source = received.source
        ),
        vec![Evidence::new(received.source.clone(), received.count)],
    );
    f.lot = lot.map(str::to_owned);
    Some(f)
}

/// Bids with a total price other than the group's ceiling, as (index,
/// total).
fn priced(bids: &[Submission], ceiling: Option<f64>) -> Vec<(usize, f64)> {
    bids.iter()
        .enumerate()
        .filter_map(|(i, b)| b.price.total.map(|t| (i, t)))
        .filter(|&(_, t)| Some(t) != ceiling)
        .collect()
}

/// The currency the bids' amounts are in: their solicitation's, else the
/// policy's. Relative rules (bids against each other or the estimate) work
/// in any one currency; messages write it.
fn currency<'a>(bids: &'a [Submission], policy: &'a Policy) -> &'a str {
    bids.iter()
        .find_map(|b| b.solicitation.currency.as_deref())
        .unwrap_or(&policy.currency)
}

fn abnormally_low(
    bids: &[Submission],
    policy: &Policy,
    ceiling: Option<f64>,
    lang: Lang,
    out: &mut Vec<CrossFinding>,
) {
    let prices = lowest_per_vendor(bids, ceiling);
    let currency = currency(bids, policy);
    let money = |amount: f64| money_in(amount, currency);
    let t = &policy.thresholds;
    // A policy the engine accepted sets all three (they are required); a
    // policy built by hand without them is not compared on price.
    let (Some(two_bids), Some(many_bids), Some(outlier)) = (
        t.value(&cross_bid::ABNORMALLY_LOW_TWO_BIDS),
        t.value(&cross_bid::ABNORMALLY_LOW_MANY_BIDS),
        t.value(&cross_bid::ABNORMALLY_LOW_OUTLIER),
    ) else {
        return;
    };
    let flag = |i: usize, total: f64, reasons: Vec<String>, out: &mut Vec<CrossFinding>| {
        let Some(b) = bids.get(i) else { return };
        out.push(finding(
            &cross_bid::ABNORMALLY_LOW_BID,
            lang,
            Severity::High,
            policy,
            vec![b.id.clone()],
            tr!(
                lang,
                "Bid {bid} at {total} is {reasons}.",
                "La oferta {bid} de {total} está {reasons}.",
                bid = label(b),
                total = money(total),
                reasons = reasons.join(tr!(lang, ", and ", ", y ").as_str())
            ),
            vec![Evidence::new(format!("[{i}].price.total"), total)],
        ));
    };
    let below = |total: f64, reference: f64| percent(1.0 - total / reference);
    match prices.as_slice() {
        [] | [_] => {}
        [(i, a), (j, b)] => {
            let (low, high) = if a <= b {
                ((*i, *a), *b)
            } else {
                ((*j, *b), *a)
            };
            if high > 0.0 && low.1 < high * (1.0 - two_bids) {
                let reason = tr!(
                    lang,
                    "{below} below the other bid ({other}), more than the {limit} of RGLCAP art. 85.2",
                    "un {below} por debajo de la otra oferta ({other}), más que el {limit} del RGLCAP art. 85.2",
                    below = below(low.1, high),
                    other = money(high),
                    limit = percent(two_bids)
                );
                flag(low.0, low.1, vec![reason], out);
            }
        }
        _ => {
            let reference = reference_mean(&prices, outlier);
            let cutoff = reference.mean * (1.0 - many_bids);
            // With three bids, a bid this far below the estimate is abnormal
            // whatever the mean (art. 85.3, last sentence).
            let estimate = bids
                .iter()
                .find_map(|b| b.solicitation.estimated_value)
                .filter(|e| *e > 0.0 && prices.len() == 3);
            let below_estimate = estimate.zip(t.value(&cross_bid::ABNORMALLY_LOW_BELOW_ESTIMATE));
            for &(i, total) in &prices {
                let mut reasons = Vec::new();
                if reference.mean > 0.0 && total < cutoff {
                    reasons.push(tr!(
                        lang,
                        "{below} below the mean of the bids ({mean}{note}), more than the {limit} of RGLCAP art. 85.{article}",
                        "un {below} por debajo de la media de las ofertas ({mean}{note}), más que el {limit} del RGLCAP art. 85.{article}",
                        below = below(total, reference.mean),
                        mean = money(reference.mean),
                        note = reference.note(lang),
                        limit = percent(many_bids),
                        article = if prices.len() == 3 { 3 } else { 4 }
                    ));
                }
                if let Some((estimate, share)) = below_estimate {
                    if total < estimate * (1.0 - share) {
                        reasons.push(tr!(
                            lang,
                            "{below} below the estimate ({estimate}), more than the {limit} below the budget that RGLCAP art. 85.3 treats as abnormal with three bids",
                            "un {below} por debajo del estimado ({estimate}), más que el {limit} por debajo del presupuesto que el RGLCAP art. 85.3 considera anormal con tres ofertas",
                            below = below(total, estimate),
                            estimate = money(estimate),
                            limit = percent(share)
                        ));
                    }
                }
                if !reasons.is_empty() {
                    flag(i, total, reasons, out);
                }
            }
        }
    }
}

/// Bids with a total price, as (index, total), each vendor once at its
/// lowest price: RGLCAP art. 86.1 takes only the lowest of the bids one
/// business group submits when it looks for abnormally low ones (vendors
/// are told apart by their normalized names).
fn lowest_per_vendor(bids: &[Submission], ceiling: Option<f64>) -> Vec<(usize, f64)> {
    let mut by_vendor: Vec<(String, usize, f64)> = priced(bids, ceiling)
        .into_iter()
        .filter_map(|(i, t)| Some((names::organization(&bids.get(i)?.vendor.name), i, t)))
        .collect();
    crate::sort::sort_by(&mut by_vendor, |a, b| {
        a.0.cmp(&b.0).then(a.2.total_cmp(&b.2)).then(a.1.cmp(&b.1))
    });
    by_vendor.dedup_by(|later, first| later.0 == first.0);
    let mut prices: Vec<(usize, f64)> = by_vendor.into_iter().map(|(_, i, t)| (i, t)).collect();
    crate::sort::sort_by(&mut prices, |a, b| a.0.cmp(&b.0));
    prices
}

/// The mean RGLCAP art. 85 compares against, and which bids it leaves out.
#[derive(Debug, Clone, PartialEq)]
struct ReferenceMean {
    mean: f64,
    /// Bids left out of the mean for being more than the outlier share
    /// above the first mean.
    left_out: usize,
    /// The mean is of the three lowest bids (art. 85.4, fewer than three left).
    three_lowest: bool,
}

impl ReferenceMean {
    /// How the mean was taken, for the message.
    fn note(&self, lang: Lang) -> String {
        match (self.left_out, self.three_lowest) {
            (0, _) => String::new(),
            (_, true) => tr!(
                lang,
                "; taken over the three lowest bids, as art. 85.4 does when fewer than three remain",
                "; tomada sobre las tres ofertas más bajas, como hace el art. 85.4 cuando quedan menos de tres"
            ),
            (1, false) => tr!(
                lang,
                "; one bid more than 10% above the first mean left out",
                "; sin una oferta que estaba más de un 10% por encima de la primera media"
            ),
            (n, false) => tr!(
                lang,
                "; {n} bids more than 10% above the first mean left out",
                "; sin {n} ofertas que estaban más de un 10% por encima de la primera media"
            ),
        }
    }
}

/// The mean RGLCAP art. 85 compares against. With 3 bids (85.3), their
/// mean, leaving out the highest when it is more than `outlier` above that
/// mean; with 4 or more (85.4), the mean of the bids not more than
/// `outlier` above the first mean, or of the 3 lowest bids when fewer than
/// 3 remain.
fn reference_mean(prices: &[(usize, f64)], outlier: f64) -> ReferenceMean {
    let mean = |xs: &[f64]| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let mut totals: Vec<f64> = prices.iter().map(|p| p.1).collect();
    crate::sort::sort_by(&mut totals, f64::total_cmp);
    let first = mean(&totals);
    let plain = ReferenceMean {
        mean: first,
        left_out: 0,
        three_lowest: false,
    };
    let above = |x: &f64| *x > first * (1.0 + outlier);
    if totals.len() == 3 {
        return match totals.split_last() {
            Some((highest, rest)) if above(highest) => ReferenceMean {
                mean: mean(rest),
                left_out: 1,
                three_lowest: false,
            },
            _ => plain,
        };
    }
    let kept: Vec<f64> = totals.iter().copied().filter(|x| !above(x)).collect();
    let left_out = totals.len() - kept.len();
    if left_out == 0 {
        return plain;
    }
    if kept.len() >= 3 {
        return ReferenceMean {
            mean: mean(&kept),
            left_out,
            three_lowest: false,
        };
    }
    ReferenceMean {
        mean: mean(totals.get(..3).unwrap_or(&totals)),
        left_out,
        three_lowest: true,
    }
}

/// True when the bids at `indices` come from at least two vendors, told
/// apart by their normalized names.
fn from_different_vendors(bids: &[Submission], indices: impl Iterator<Item = usize>) -> bool {
    let mut vendors: Vec<String> = indices
        .filter_map(|i| bids.get(i))
        .map(|b| names::organization(&b.vendor.name))
        .collect();
    crate::sort::sort(&mut vendors);
    vendors.dedup();
    vendors.len() >= 2
}

fn identical_prices(
    bids: &[Submission],
    policy: &Policy,
    ceiling: Option<f64>,
    lang: Lang,
    out: &mut Vec<CrossFinding>,
) {
    let currency = currency(bids, policy);
    let money = |amount: f64| money_in(amount, currency);
    let mut prices = priced(bids, ceiling);
    crate::sort::sort_by(&mut prices, |a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    for group in prices.chunk_by(|a, b| a.1 == b.1) {
        if group.len() < 2 {
            continue; // a price of its own
        }
        let Some(&(_, total)) = group.first() else {
            continue;
        };
        if total <= 0.0 || !from_different_vendors(bids, group.iter().map(|(i, _)| *i)) {
            continue;
        }
        let members: Vec<&Submission> = group.iter().filter_map(|(i, _)| bids.get(*i)).collect();
        out.push(finding(
            &cross_bid::IDENTICAL_PRICES,
            lang,
            Severity::Medium,
            policy,
            members.iter().map(|b| b.id.clone()).collect(),
            tr!(
                lang,
                "{count} bids from different vendors have the same total of {total}: {bids}.",
                "{count} ofertas de proveedores distintos tienen el mismo total de {total}: {bids}.",
                count = members.len(),
                total = money(total),
                bids = labels(&members, lang)
            ),
            group
                .iter()
                .map(|(i, t)| Evidence::new(format!("[{i}].price.total"), *t))
                .collect(),
        ));
    }
}

/// Where an identity key of a bid comes from; what it is called, its path
/// and the value as written are only spelled out for keys that are shared.
#[derive(Clone, Copy)]
enum Source<'b> {
    Identifier(&'b str, &'b str),
    Address(Option<&'b str>, Option<&'b str>),
    Email(&'b str),
    Phone(&'b str),
    Principal(usize, &'b str),
}

impl Source<'_> {
    fn what(&self, lang: Lang) -> Cow<'static, str> {
        let es = lang == Lang::Es;
        match self {
            Source::Identifier(k, _) => {
                Cow::Owned(tr!(lang, "identifier {k}", "el identificador {k}"))
            }
            Source::Address(..) if es => Cow::Borrowed("la dirección"),
            Source::Address(..) => Cow::Borrowed("street address"),
            Source::Email(_) if es => Cow::Borrowed("el correo electrónico"),
            Source::Email(_) => Cow::Borrowed("e-mail"),
            Source::Phone(_) if es => Cow::Borrowed("el teléfono"),
            Source::Phone(_) => Cow::Borrowed("phone"),
            Source::Principal(..) if es => Cow::Borrowed("un socio principal"),
            Source::Principal(..) => Cow::Borrowed("principal"),
        }
    }

    fn path(&self) -> String {
        match self {
            Source::Identifier(k, _) => format!("vendor.identifiers.{k}"),
            Source::Address(..) => "vendor.address".to_owned(),
            Source::Email(_) => "vendor.contact.email".to_owned(),
            Source::Phone(_) => "vendor.contact.phone".to_owned(),
            Source::Principal(i, _) => format!("vendor.principals[{i}]"),
        }
    }

    fn written(&self) -> String {
        match self {
            Source::Address(street, postal) => {
                format!("{}, {}", street.unwrap_or(""), postal.unwrap_or(""))
            }
            Source::Identifier(_, v)
            | Source::Principal(_, v)
            | Source::Email(v)
            | Source::Phone(v) => (*v).to_owned(),
        }
    }
}

/// The identity keys of bid `index`: (key, bid index, source), each key
/// once. A key holds its kind, so that an e-mail never equals a phone
/// number.
fn identity_keys<'b>(
    index: usize,
    b: &'b Submission,
    out: &mut Vec<(IdentityKey, usize, Source<'b>)>,
) {
    let first = out.len();
    let mut push = |kind: u8, key: String, source: Source<'b>| {
        let key = (kind, key);
        if !out
            .get(first..)
            .unwrap_or_default()
            .iter()
            .any(|(k, ..)| *k == key)
        {
            out.push((key, index, source));
        }
    };
    let v = &b.vendor;
    for (k, value) in v.identifiers.iter().flatten() {
        let norm = names::identifier(value);
        if norm.len() >= 4 {
            // The scheme is part of the key: a UEI never equals an EIN.
            let mut key = String::with_capacity(k.len() + 1 + norm.len());
            key.push_str(&names::fold(k));
            key.push(':');
            key.push_str(&norm);
            push(0, key, Source::Identifier(k, value));
        }
    }
    if let Some(a) = &v.address {
        let (street, postal) = (a.street.as_deref(), a.postal_code.as_deref());
        if let Some(norm) = names::street_address(street, postal) {
            push(1, norm, Source::Address(street, postal));
        }
    }
    if let Some(c) = &v.contact {
        if let Some(email) = c.email.as_deref() {
            push(2, names::email(email), Source::Email(email));
        }
        if let Some(phone) = c.phone.as_deref() {
            let digits = names::phone(phone);
            if digits.len() >= 7 {
                push(3, digits, Source::Phone(phone));
            }
        }
    }
    for (i, p) in v.principals.iter().flatten().enumerate() {
        let norm = names::person(p);
        if !norm.is_empty() {
            push(4, norm, Source::Principal(i, p));
        }
    }
}

/// An identity key: what kind of value (identifier, address, e-mail,
/// phone, principal), and the value normalized.
type IdentityKey = (u8, String);

fn shared_identity(bids: &[Submission], policy: &Policy, lang: Lang, out: &mut Vec<CrossFinding>) {
    let mut keys = Vec::new();
    for (i, b) in bids.iter().enumerate() {
        identity_keys(i, b, &mut keys);
    }
    // Equal keys side by side, bids in input order within a key.
    crate::sort::sort_by(&mut keys, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    // Bid sets sharing at least one key, with every key they share.
    let mut groups: BTreeMap<Vec<usize>, Vec<(usize, Source<'_>)>> = BTreeMap::new();
    for members in keys.chunk_by(|a, b| a.0 == b.0) {
        if members.len() < 2 {
            continue;
        }
        if !from_different_vendors(bids, members.iter().map(|m| m.1)) {
            continue; // one vendor's several bids share its own identity
        }
        let set: Vec<usize> = members.iter().map(|m| m.1).collect();
        groups
            .entry(set)
            .or_default()
            .extend(members.iter().map(|m| (m.1, m.2)));
    }
    for (set, shared) in groups {
        let members: Vec<&Submission> = set.iter().filter_map(|i| bids.get(*i)).collect();
        let mut kinds: Vec<Cow<'static, str>> = shared.iter().map(|(_, s)| s.what(lang)).collect();
        crate::sort::sort(&mut kinds);
        kinds.dedup();
        out.push(finding(
            &cross_bid::SHARED_IDENTITY,
            lang,
            Severity::High,
            policy,
            members.iter().map(|b| b.id.clone()).collect(),
            tr!(
                lang,
                "Bids from different vendors share {kinds}: {bids}.",
                "Ofertas de proveedores distintos comparten {kinds}: {bids}.",
                kinds = kinds.join(", "),
                bids = labels(&members, lang)
            ),
            shared
                .iter()
                .take(MAX_EVIDENCE)
                .map(|(i, source)| {
                    Evidence::new(format!("[{i}].{}", source.path()), source.written())
                })
                .collect(),
        ));
    }
}

/// Statistics of the bids' total prices.
pub fn statistics(bids: &[Submission]) -> Statistics {
    let mut totals: Vec<f64> = bids.iter().filter_map(|b| b.price.total).collect();
    crate::sort::sort_by(&mut totals, f64::total_cmp);
    let n = totals.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => totals.get(n / 2).copied(),
        _ => match (totals.get(n / 2 - 1), totals.get(n / 2)) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            _ => None,
        },
    };
    Statistics {
        count: bids.len(),
        priced: n,
        min: totals.first().copied(),
        max: totals.last().copied(),
        mean: (n > 0).then(|| totals.iter().sum::<f64>() / n as f64),
        median,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::bid;
    use serde_json::json;

    fn run(bids: &[Submission]) -> Comparison {
        let today = Date::parse("2026-03-02").unwrap();
        compare(bids, LoadedPolicy::builtin().unwrap(), None, today, &[])
    }

    fn priced_bid(id: &str, vendor: &str, total: f64) -> Submission {
        bid(
            json!({"id": id, "vendor": {"name": vendor, "identifiers": {"uei": format!("UEI{id}"), "fein": null, "dir": null},
            "contact": {"email": format!("{id}@example.com"), "phone": null},
            "address": {"street": format!("{} Main St", id.len() * 7), "postalCode": "90012"},
            "principals": [format!("Person {id}")]},
            "solicitation": {"estimatedValue": null},
            "price": {"total": total, "laborCost": total * 0.5}}),
        )
    }

    fn flagged(c: &Comparison, rule: &str) -> Vec<Vec<String>> {
        c.findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.bids.clone())
            .collect()
    }

    #[test]
    fn two_bids_more_than_20_percent_apart() {
        let c = run(&[
            priced_bid("A", "Alpha", 100.0),
            priced_bid("BB", "Beta", 79.0),
        ]);
        assert_eq!(
            flagged(&c, "abnormally-low-bid"),
            vec![vec!["BB".to_owned()]]
        );
        let c = run(&[
            priced_bid("A", "Alpha", 100.0),
            priced_bid("BB", "Beta", 80.0),
        ]);
        assert!(flagged(&c, "abnormally-low-bid").is_empty());
    }

    #[test]
    fn three_bids_against_the_mean() {
        // mean 99.33 (109 is not more than 10% above it, so it stays): 89 is 10.4% below
        let c = run(&[
            priced_bid("A", "A1", 109.0),
            priced_bid("BB", "B1", 100.0),
            priced_bid("CCC", "C1", 89.0),
        ]);
        assert_eq!(
            flagged(&c, "abnormally-low-bid"),
            vec![vec!["CCC".to_owned()]]
        );
    }

    /// RGLCAP art. 85.3: with three bids, the highest leaves the mean when
    /// it is more than 10% above it. 80, 100, 150: first mean 110, 150 is
    /// above 121, so the mean is 90; 80 is 11.1% below it. Without the
    /// exclusion 80 would be 27% below 110 and flagged as well, but the
    /// message would cite the wrong mean.
    #[test]
    fn three_bids_leave_out_a_high_outlier() {
        let c = run(&[
            priced_bid("A", "A1", 80.0),
            priced_bid("BB", "B1", 100.0),
            priced_bid("CCC", "C1", 150.0),
        ]);
        let f: Vec<&CrossFinding> = c
            .findings
            .iter()
            .filter(|f| f.rule == "abnormally-low-bid")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("11.1% below the mean of the bids ($90.00; one bid more than 10% above the first mean left out)"),
            "{}",
            f[0].message
        );
        // 95, 100, 105: nobody left out, nobody flagged.
        let c = run(&[
            priced_bid("A", "A1", 95.0),
            priced_bid("BB", "B1", 100.0),
            priced_bid("CCC", "C1", 105.0),
        ]);
        assert!(flagged(&c, "abnormally-low-bid").is_empty());
    }

    /// With three bids, more than 25% below the estimate is abnormal
    /// whatever the mean (art. 85.3, last sentence): three bids close to
    /// each other, all far under a $400,000 estimate.
    #[test]
    fn three_bids_far_below_the_estimate() {
        let bids: Vec<Submission> = [("A", 290_000.0), ("BB", 295_000.0), ("CCC", 305_000.0)]
            .iter()
            .map(|(id, total)| {
                let mut b = priced_bid(id, &format!("Vendor {id}"), *total);
                b.solicitation.estimated_value = Some(400_000.0);
                b
            })
            .collect();
        let c = run(&bids);
        assert_eq!(
            flagged(&c, "abnormally-low-bid"),
            vec![vec!["A".to_owned()], vec!["BB".to_owned()]]
        );
        assert!(
            c.findings[0]
                .message
                .contains("below the estimate ($400,000)"),
            "{}",
            c.findings[0].message
        );
    }

    #[test]
    fn four_bids_leave_out_high_outliers() {
        // first mean 122; 200 is > 134.2 and left out; new mean of 110, 110, 100, 90 = 102.5; cutoff 92.25
        let bids = [
            priced_bid("A", "A1", 200.0),
            priced_bid("BB", "B1", 110.0),
            priced_bid("CCC", "C1", 110.0),
            priced_bid("DDDD", "D1", 100.0),
            priced_bid("EEEEE", "E1", 90.0),
        ];
        let c = run(&bids);
        assert_eq!(
            flagged(&c, "abnormally-low-bid"),
            vec![vec!["EEEEE".to_owned()]]
        );
        // the finding raised the bid's own score
        let e = &c.assessments[4];
        assert!(e.findings.iter().any(|f| f.rule == "abnormally-low-bid"));
    }

    /// RGLCAP art. 86.1: several bids of one vendor count once, at their
    /// lowest price. One vendor's bids alone are never abnormally low
    /// against each other (a real TED lot: ten bids of one vendor).
    #[test]
    fn one_vendor_counts_once() {
        let same: Vec<Submission> = [95.0, 9_500_000.0, 95_000_000.0, 95_000_000.0]
            .iter()
            .enumerate()
            .map(|(i, t)| priced_bid(&format!("B{i}"), "Elbit Systems of America", *t))
            .collect();
        assert!(flagged(&run(&same), "abnormally-low-bid").is_empty());
        // Two vendors: the mean is of each one's lowest bid.
        let mut two = same;
        two.push(priced_bid("OTHER", "Other Vendor", 1000.0));
        assert_eq!(
            flagged(&run(&two), "abnormally-low-bid"),
            vec![vec!["B0".to_owned()]]
        );
    }

    /// A solicitation's `priceCeiling` (a framework maximum written into
    /// every bid) is not a price: bids at it are neither identical prices
    /// nor the reference a lower bid is abnormally low against. Its
    /// `bidsReceived` is what `single-bid` counts. A real TED lot: ten
    /// framework bids at NOK 65,000,000.
    #[test]
    fn the_solicitation_says_ceiling_and_bids_received() {
        let with = |b: &mut Submission| {
            b.solicitation.price_ceiling = Some(65_000_000.0);
            b.solicitation.bids_received = Some(15);
        };
        let mut bids: Vec<Submission> = ["T", "TT", "TTT"]
            .iter()
            .map(|id| priced_bid(id, &format!("Vendor {id}"), 65_000_000.0))
            .collect();
        bids.push(priced_bid("TTTT", "Vendor L", 40_000_000.0));
        assert_eq!(flagged(&run(&bids), "identical-prices").len(), 1);
        assert_eq!(flagged(&run(&bids), "abnormally-low-bid").len(), 1);
        bids.iter_mut().for_each(with);
        let c = run(&bids);
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        // One bid given, fifteen received: not a single bid.
        let mut one = vec![priced_bid("ONLY", "Vendor", 100.0)];
        one[0].solicitation.procurement_method = Some(ProcurementMethod::Open);
        assert_eq!(flagged(&run(&one), "single-bid").len(), 1);
        with(&mut one[0]);
        assert!(flagged(&run(&one), "single-bid").is_empty());
        // A count below the bids given is not believed.
        one[0].solicitation.bids_received = Some(0);
        one.push(priced_bid("TWO", "Other", 100.0));
        one[1].solicitation = one[0].solicitation.clone();
        assert!(flagged(&run(&one), "single-bid").is_empty());
    }

    #[test]
    fn reference_mean_falls_back_to_three_lowest() {
        let prices = [(0, 10.0), (1, 10.0), (2, 100.0), (3, 100.0)];
        // first mean 55; kept: 10, 10 (2 < 3) -> mean of 3 lowest: 40
        let r = reference_mean(&prices, 0.1);
        assert_eq!((r.mean, r.left_out, r.three_lowest), (40.0, 2, true));
    }

    #[test]
    fn identical_prices_and_shared_identity() {
        let mut b2 = priced_bid("BB", "Beta", 100.0);
        let b1 = priced_bid("A", "Alpha", 100.0);
        b2.vendor.contact = b1.vendor.contact.clone();
        let c = run(&[b1, b2, priced_bid("CCC", "Gamma", 105.0)]);
        assert_eq!(
            flagged(&c, "identical-prices"),
            vec![vec!["A".to_owned(), "BB".to_owned()]]
        );
        assert_eq!(
            flagged(&c, "shared-identity"),
            vec![vec!["A".to_owned(), "BB".to_owned()]]
        );
        assert!(c.assessments[0].score >= 30);
        assert_eq!(c.statistics.count, 3);
        assert_eq!(c.statistics.median, Some(100.0));
    }

    #[test]
    fn the_same_vendor_twice_is_not_shared_identity() {
        let c = run(&[
            priced_bid("A", "Alpha LLC", 100.0),
            priced_bid("A", "ALPHA, L.L.C.", 100.0),
        ]);
        assert!(flagged(&c, "shared-identity").is_empty());
        assert!(flagged(&c, "identical-prices").is_empty());
    }

    #[test]
    fn ten_thousand_bids_sharing_one_phone_stay_small() {
        let base = priced_bid("A", "Alpha", 100.0);
        let bids: Vec<Submission> = (0..10_000)
            .map(|i| {
                let mut b = base.clone();
                b.id = format!("B{i}");
                b.vendor.name = format!("Vendor {i}");
                b.vendor.identifiers = None;
                b.vendor.principals = None;
                b.vendor.address = None;
                b.vendor.contact = Some(crate::model::Contact {
                    email: None,
                    phone: Some("213 555 0100".to_owned()),
                });
                b.price.total = Some(100.0 + f64::from(i % 7));
                b
            })
            .collect();
        let c = run(&bids);
        let shared = flagged(&c, "shared-identity");
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].len(), 10_000);
        let f = c.assessments[0]
            .findings
            .iter()
            .find(|f| f.rule == "shared-identity")
            .unwrap();
        assert!(f.message.ends_with("and 9990 more."), "{}", f.message);
        assert!(f.evidence.len() <= MAX_EVIDENCE);
        assert_eq!(c.statistics.count, 10_000);
    }

    #[test]
    fn single_bid_in_open_procedure() {
        let c = run(&[priced_bid("A", "Alpha", 100.0)]);
        assert_eq!(flagged(&c, "single-bid"), vec![vec!["A".to_owned()]]);
        let mut direct = priced_bid("A", "Alpha", 100.0);
        direct.solicitation.procurement_method = Some(ProcurementMethod::Direct);
        assert!(flagged(&run(&[direct]), "single-bid").is_empty());
    }
}
