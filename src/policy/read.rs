//! Reading a policy from JSON with the same path-naming reader as
//! submissions: every problem is listed at once (`thresholds.payrollBurden.value:
//! must be >= 0`), unknown keys are named, and no serde derive code is
//! compiled into the wasm module for it.

use super::{
    ChangelogEntry, DatedAmount, EventWindow, ExchangeRate, FarEdition, FloorScope, Limits, Points,
    Policy, Provenance, Requirement, Requirements, SourceKind, TenderPeriodMinimum, Threshold,
    Thresholds, TierCutoffs, Translations, WageFloor,
};
use crate::input::{Object, Read, Reader};
use crate::json::Json;

/// Most entries in any list of a policy.
const MAX_ENTRIES: usize = 10_000;

/// Most named thresholds in a policy (the rules read 24).
const MAX_THRESHOLDS: usize = 256;

impl Read for Policy {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let id = o.required(r, "id");
        let version = o.required(r, "version");
        let title = o.optional(r, "title").unwrap_or_default();
        let published = required(&mut o, r, "published");
        let currency = o.required(r, "currency");
        let far = o.optional(r, "far");
        let changelog = o
            .list(r, "changelog", Some(MAX_ENTRIES))
            .unwrap_or_default();
        let points = required(&mut o, r, "points");
        let tiers = required(&mut o, r, "tiers");
        let high_risk_sectors = required_list(&mut o, r, "highRiskSectors");
        let high_risk_sectors_source = o.optional(r, "highRiskSectorsSource").unwrap_or_default();
        let wage_floors = required_list(&mut o, r, "wageFloors");
        let compliance_plan_thresholds = required_list(&mut o, r, "compliancePlanThresholds");
        let exchange_rates = o
            .list(r, "exchangeRates", Some(MAX_ENTRIES))
            .unwrap_or_default();
        let thresholds = required(&mut o, r, "thresholds");
        let requirements = o.optional(r, "requirements").unwrap_or_default();
        let tender_periods = o
            .list(r, "tenderPeriods", Some(MAX_ENTRIES))
            .unwrap_or_default();
        let event_windows = required_list(&mut o, r, "eventWindows");
        let disabled_rules = o
            .list(r, "disabledRules", Some(MAX_ENTRIES))
            .unwrap_or_default();
        let limits = required(&mut o, r, "limits");
        let translations = o.optional(r, "translations").unwrap_or_default();
        o.finish(r);
        Some(Policy {
            id,
            version,
            title,
            published: published?,
            currency,
            far,
            changelog,
            points: points?,
            tiers: tiers?,
            high_risk_sectors: high_risk_sectors?,
            high_risk_sectors_source,
            wage_floors: wage_floors?,
            compliance_plan_thresholds: compliance_plan_thresholds?,
            exchange_rates,
            thresholds: thresholds?,
            requirements,
            tender_periods,
            event_windows: event_windows?,
            disabled_rules,
            limits: limits?,
            translations,
        })
    }
}

impl Read for Translations {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let es = o
            .optional_with(r, "es", |r, value| r.string_map(value, MAX_ENTRIES))
            .unwrap_or_default();
        o.finish(r);
        Some(Translations { es })
    }
}

/// A required field with no sensible default: `None` (after an issue) when
/// it is missing or bad.
fn required<T: Read>(o: &mut Object<'_, '_>, r: &mut Reader, key: &'static str) -> Option<T> {
    o.require(r, key).then(|| o.optional(r, key)).flatten()
}

fn required_list<T: Read>(
    o: &mut Object<'_, '_>,
    r: &mut Reader,
    key: &'static str,
) -> Option<Vec<T>> {
    o.require(r, key)
        .then(|| o.list(r, key, Some(MAX_ENTRIES)))
        .flatten()
}

/// The optional `sourceKind`, `read` and `url` beside a `source`: how a
/// reader checks the number.
fn read_provenance(o: &mut Object<'_, '_>, r: &mut Reader) -> Provenance {
    Provenance {
        source_kind: o.optional(r, "sourceKind"),
        read: o.optional(r, "read"),
        url: o.optional(r, "url"),
    }
}

impl Read for SourceKind {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        const WORDS: [&str; 3] = ["primary", "secondary", "design"];
        match r.word(value, &WORDS)? {
            0 => Some(SourceKind::Primary),
            1 => Some(SourceKind::Secondary),
            _ => Some(SourceKind::Design),
        }
    }
}

impl Read for FarEdition {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let edition = o.required(r, "edition");
        let note = o.optional(r, "note").unwrap_or_default();
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(FarEdition {
            edition,
            note,
            source,
            provenance,
        })
    }
}

impl Read for ChangelogEntry {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let version = o.required(r, "version");
        let date = required(&mut o, r, "date");
        let changes = required_list(&mut o, r, "changes");
        o.finish(r);
        Some(ChangelogEntry {
            version,
            date: date?,
            changes: changes?,
        })
    }
}

impl Read for Requirement {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let on = required(&mut o, r, "value");
        let source = o.required(r, "source");
        o.finish(r);
        Some(Requirement { value: on?, source })
    }
}

impl Read for Requirements {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let contracts_in_workers_languages = o.optional(r, "contractsInWorkersLanguages");
        o.finish(r);
        Some(Requirements {
            contracts_in_workers_languages,
        })
    }
}

impl Read for TenderPeriodMinimum {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let method = required(&mut o, r, "method");
        let days = count(&mut o, r, "days");
        let effective = required(&mut o, r, "effective");
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(TenderPeriodMinimum {
            method: method?,
            days: days?,
            effective: effective?,
            source,
            provenance,
        })
    }
}

fn count(o: &mut Object<'_, '_>, r: &mut Reader, key: &'static str) -> Option<u32> {
    o.require(r, key).then(|| o.count(r, key)).flatten()
}

fn number(o: &mut Object<'_, '_>, r: &mut Reader, key: &'static str) -> Option<f64> {
    o.require(r, key)
        .then(|| o.number(r, key, f64::MIN, f64::MAX))
        .flatten()
}

fn size(o: &mut Object<'_, '_>, r: &mut Reader, key: &'static str) -> Option<usize> {
    count(o, r, key).and_then(|n| usize::try_from(n).ok())
}

impl Read for Points {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let critical = count(&mut o, r, "critical");
        let high = count(&mut o, r, "high");
        let medium = count(&mut o, r, "medium");
        let low = count(&mut o, r, "low");
        let info = count(&mut o, r, "info");
        let source = o.optional(r, "source").unwrap_or_default();
        o.finish(r);
        Some(Points {
            critical: critical?,
            high: high?,
            medium: medium?,
            low: low?,
            info: info?,
            source,
        })
    }
}

impl Read for TierCutoffs {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let high = count(&mut o, r, "high");
        let elevated = count(&mut o, r, "elevated");
        let source = o.optional(r, "source").unwrap_or_default();
        o.finish(r);
        Some(TierCutoffs {
            high: high?,
            elevated: elevated?,
            source,
        })
    }
}

impl Read for FloorScope {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        const WORDS: [&str; 3] = ["california", "la-city", "la-county"];
        match r.word(value, &WORDS)? {
            0 => Some(FloorScope::California),
            1 => Some(FloorScope::LaCity),
            _ => Some(FloorScope::LaCounty),
        }
    }
}

impl Read for WageFloor {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let scope = required(&mut o, r, "scope");
        let sector = o.optional(r, "sector");
        let hourly = number(&mut o, r, "hourly");
        let effective = required(&mut o, r, "effective");
        let health_payment = o.number(r, "healthPayment", f64::MIN, f64::MAX);
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(WageFloor {
            scope: scope?,
            sector,
            hourly: hourly?,
            effective: effective?,
            health_payment,
            source,
            provenance,
        })
    }
}

impl Read for DatedAmount {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let amount = number(&mut o, r, "amount");
        let effective = required(&mut o, r, "effective");
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(DatedAmount {
            amount: amount?,
            effective: effective?,
            source,
            provenance,
        })
    }
}

impl Read for ExchangeRate {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let currency = o.required(r, "currency");
        let rate = number(&mut o, r, "rate");
        let effective = required(&mut o, r, "effective");
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(ExchangeRate {
            currency,
            rate: rate?,
            effective: effective?,
            source,
            provenance,
        })
    }
}

impl Read for Threshold {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let value = number(&mut o, r, "value");
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(Threshold {
            value: value?,
            source,
            provenance,
        })
    }
}

impl Read for Thresholds {
    /// Any names: which ones a policy must give is declared by the rules
    /// and checked by the engine (`engine::check_policy`).
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let Json::Object(pairs) = value else {
            r.object(value)?;
            return None;
        };
        if pairs.len() > MAX_THRESHOLDS {
            r.limit(format!(
                "has {} thresholds; the limit is {MAX_THRESHOLDS}",
                pairs.len()
            ));
            return None;
        }
        let mut out = Thresholds::default();
        let mut ok = true;
        // `null` is "not given", as everywhere in the contract.
        for (name, value) in pairs.iter().filter(|(_, v)| !v.is_null()) {
            if out.get(name).is_some() {
                r.at_name(name, |r| r.issue("appears more than once in the object"));
                ok = false;
                continue;
            }
            match r.at_name(name, |r| Threshold::read(value, r)) {
                Some(t) => out.insert(name.as_ref(), t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

impl Read for EventWindow {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let name = o.required(r, "name");
        let start = required(&mut o, r, "start");
        let end = required(&mut o, r, "end");
        let build_up_days = count(&mut o, r, "buildUpDays");
        let source = o.required(r, "source");
        let provenance = read_provenance(&mut o, r);
        o.finish(r);
        Some(EventWindow {
            name,
            start: start?,
            end: end?,
            build_up_days: build_up_days?,
            source,
            provenance,
        })
    }
}

impl Read for Limits {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let mut s = |key: &'static str| size(&mut o, r, key);
        let fields = [
            s("subcontractors"),
            s("supplyItems"),
            s("wageRates"),
            s("bids"),
            s("stringLength"),
        ];
        // Optional: policies written before it get the default.
        let release_bytes = o
            .count(r, "releaseBytes")
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(super::DEFAULT_RELEASE_BYTES);
        o.finish(r);
        let [a, b, c, d, e] = fields;
        Some(Limits {
            subcontractors: a?,
            supply_items: b?,
            wage_rates: c?,
            bids: d?,
            string_length: e?,
            release_bytes,
        })
    }
}
