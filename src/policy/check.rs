//! Is the policy current? Every dated series of a policy (the wage floors of
//! each scope and sector, the health payment, the FAR plan threshold, the
//! minimum tender periods) and the TVPRA list's edition, each with the date
//! of its newest entry and whether that is older than the series is
//! expected to last on a given date. `ctip-screen policy --check` and the
//! JavaScript `checkPolicy()` report it, so that a city sees what to update
//! before an assessment relies on an old number.

use super::{FloorScope, Policy};
use crate::date::Date;
use crate::reference::GoodsLists;
use crate::text::{tr, Lang};
use serde::Serialize;

/// FAR thresholds are adjusted for inflation every five years (41 U.S.C.
/// 1908), so the plan threshold is current for 60 months.
const FAR_THRESHOLD_MONTHS: u32 = 60;
/// The TVPRA list is published every two years (22 U.S.C. 7112(b)).
const TVPRA_MONTHS: u32 = 24;

/// One dated series and how current it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SeriesStatus {
    /// What the series is (`wage floor: la-city`).
    pub series: String,
    /// The effective date of its newest entry.
    pub newest: Date,
    /// Where that entry comes from.
    pub source: String,
    /// Whole months from `newest` to the check's date (negative when the
    /// newest entry is still to come).
    pub months_old: i32,
    /// How long an entry of this series is expected to stay current.
    pub expected_months: u32,
    /// True when `months_old` is more than `expected_months`: a newer entry
    /// probably exists that the policy lacks.
    pub stale: bool,
}

/// The result of checking a policy on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PolicyCheck {
    /// The policy's id.
    pub policy: String,
    /// Its version.
    pub version: String,
    /// The date checked.
    pub as_of: Date,
    /// How many series are stale.
    pub stale: usize,
    /// Every dated series, stale ones first.
    pub series: Vec<SeriesStatus>,
}

impl Policy {
    /// Checks every dated series of the policy, and the TVPRA list's
    /// edition, on `as_of`.
    pub fn check(&self, lists: &GoodsLists, as_of: Date) -> PolicyCheck {
        self.check_in(lists, as_of, Lang::En)
    }

    /// [`Policy::check`], naming the series in `lang`.
    pub fn check_in(&self, lists: &GoodsLists, as_of: Date, lang: Lang) -> PolicyCheck {
        // Every policy the engine accepts sets it (it is required); a policy
        // built by hand without it is checked at a year.
        let yearly = self
            .thresholds
            .value(&super::POLICY_STALE_MONTHS)
            .unwrap_or(12.0)
            .max(0.0) as u32;
        let mut series = Vec::new();
        let mut add = |name: String, newest: Date, source: &str, expected: u32| {
            let months_old = newest.months_until(as_of);
            series.push(SeriesStatus {
                series: name,
                newest,
                source: source.to_owned(),
                months_old,
                expected_months: expected,
                stale: months_old > i32::try_from(expected).unwrap_or(i32::MAX),
            });
        };

        // Wage floors, one series per scope and sector.
        let mut keys: Vec<(FloorScope, Option<crate::model::Sector>)> = Vec::new();
        for f in &self.wage_floors {
            if !keys.contains(&(f.scope, f.sector)) {
                keys.push((f.scope, f.sector));
            }
        }
        for (scope, sector) in keys {
            let newest = self
                .wage_floors
                .iter()
                .filter(|f| f.scope == scope && f.sector == sector)
                .max_by_key(|f| f.effective);
            if let Some(f) = newest {
                let scope = scope_in(scope, sector, lang);
                let name = tr!(
                    lang,
                    "wage floor: {scope}",
                    "salario mínimo aplicable: {scope}"
                );
                add(name, f.effective, self.say(&f.source, lang), yearly);
            }
        }
        // The health payment is adjusted every year.
        let health = self
            .wage_floors
            .iter()
            .filter(|f| f.health_payment.is_some())
            .max_by_key(|f| f.effective);
        if let Some(f) = health {
            let scope = scope_in(f.scope, f.sector, lang);
            let name = tr!(lang, "health payment: {scope}", "pago de salud: {scope}");
            add(name, f.effective, self.say(&f.source, lang), yearly);
        }
        if let Some(t) = self
            .compliance_plan_thresholds
            .iter()
            .max_by_key(|t| t.effective)
        {
            add(
                tr!(
                    lang,
                    "FAR 52.222-50(h) compliance-plan threshold",
                    "umbral del plan de cumplimiento de FAR 52.222-50(h)"
                ),
                t.effective,
                self.say(&t.source, lang),
                FAR_THRESHOLD_MONTHS,
            );
        }
        let mut methods = Vec::new();
        for t in &self.tender_periods {
            if !methods.contains(&t.method) {
                methods.push(t.method);
            }
        }
        for method in methods {
            if let Some(t) = self
                .tender_periods
                .iter()
                .filter(|t| t.method == method)
                .max_by_key(|t| t.effective)
            {
                add(
                    tr!(
                        lang,
                        "minimum tender period: {method}",
                        "plazo mínimo para presentar ofertas: procedimiento {method}",
                        method = method.word(lang)
                    ),
                    t.effective,
                    self.say(&t.source, lang),
                    yearly,
                );
            }
        }
        let tvpra = lists.tvpra_ref();
        if let Some(published) = tvpra.published {
            add(
                {
                    let edition = &tvpra.edition;
                    tr!(
                        lang,
                        "TVPRA list of goods, {edition} edition",
                        "lista TVPRA de bienes, edición {edition}"
                    )
                },
                published,
                tvpra.title_in(lang),
                TVPRA_MONTHS,
            );
        }
        // Stale first, then in the order above.
        crate::sort::sort_by(&mut series, |a, b| b.stale.cmp(&a.stale));
        PolicyCheck {
            policy: self.id.clone(),
            version: self.version.clone(),
            as_of,
            stale: series.iter().filter(|s| s.stale).count(),
            series,
        }
    }
}

/// Where a wage floor applies, in `lang`: the policy's tokens in English
/// (`la-city, hospitality`), words in Spanish (`Ciudad de Los Ángeles,
/// hotelería`).
fn scope_in(scope: FloorScope, sector: Option<crate::model::Sector>, lang: Lang) -> String {
    let word = match (lang, scope) {
        (Lang::En, FloorScope::California) => "california",
        (Lang::En, FloorScope::LaCity) => "la-city",
        (Lang::En, FloorScope::LaCounty) => "la-county",
        (Lang::Es, FloorScope::California) => "California",
        (Lang::Es, FloorScope::LaCity) => "Ciudad de Los Ángeles",
        (Lang::Es, FloorScope::LaCounty) => "Condado de Los Ángeles",
    };
    match (sector, lang) {
        (Some(s), Lang::En) => format!("{word}, {s}"),
        (Some(s), Lang::Es) => format!("{word}, {}", s.word(lang)),
        (None, _) => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::LoadedPolicy;

    fn check(date: &str) -> PolicyCheck {
        let p = LoadedPolicy::builtin().unwrap();
        p.policy().check(p.goods(), Date::parse(date).unwrap())
    }

    fn stale_series(c: &PolicyCheck) -> Vec<&str> {
        c.series
            .iter()
            .filter(|s| s.stale)
            .map(|s| s.series.as_str())
            .collect()
    }

    /// On 2026-12-07 the City and County floors (newest 2025-07-01), the
    /// state floor (2026-01-01 is 11 months old: current) and the TVPRA
    /// list (2024-09-05, biennial) are as the policy's changelog says.
    #[test]
    fn la_2026_in_december_2026() {
        let c = check("2026-12-07");
        assert_eq!(
            stale_series(&c),
            vec![
                "wage floor: la-city",
                "wage floor: la-county",
                "TVPRA list of goods, 2024 edition"
            ]
        );
        assert_eq!(c.stale, 3);
        let state = c
            .series
            .iter()
            .find(|s| s.series == "wage floor: california")
            .unwrap();
        assert_eq!((state.months_old, state.stale), (11, false));
        let hotel = c
            .series
            .iter()
            .find(|s| s.series == "wage floor: la-city, hospitality")
            .unwrap();
        assert!(hotel.months_old < 0 && !hotel.stale, "{hotel:?}");
        let far = c
            .series
            .iter()
            .find(|s| s.series.starts_with("FAR"))
            .unwrap();
        assert_eq!((far.expected_months, far.stale), (60, false));
    }

    #[test]
    fn nothing_is_stale_when_the_policy_was_new() {
        let c = check("2026-03-01");
        assert_eq!(c.stale, 0, "{:?}", stale_series(&c));
        // The health payment series: 2026-07-01, adjusted yearly.
        assert!(c
            .series
            .iter()
            .any(|s| s.series == "health payment: la-city, hospitality"));
    }
}
