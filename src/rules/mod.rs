//! The risk-indicator rules of RULES.md, one file per group, each rule a
//! [`Rule`]: its metadata (id, title, severities, citations, what it flags,
//! what the evaluator should do) and one small `check` function.
//!
//! The catalogue printed by `ctip-screen rules` and returned by the
//! JavaScript `rules()` is built from these same values, so it cannot drift
//! from what the engine runs.

mod citations;
mod compliance;
pub mod cross_bid;
mod history;
mod recruitment;
mod subcontracting;
mod supply_chain;
mod wages;

use crate::assessment::Evidence;
use crate::date::Date;
use crate::model::{Jurisdiction, Sector, Severity, Submission};
use crate::policy::{Policy, ThresholdSpec, WageFloor};
use crate::reference::GoodsLists;
use crate::text::tr;
pub use crate::text::{Lang, Text};
use crate::watchlist::Watchlist;
use serde::Serialize;
use std::borrow::Cow;

/// The groups of RULES.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Group {
    /// A. Anti-trafficking compliance.
    A,
    /// B. Recruitment and control.
    B,
    /// C. Wages and price.
    C,
    /// D. Subcontracting, labor supply and context.
    D,
    /// E. Supply chain.
    E,
    /// F. History.
    F,
    /// G. Across the bids of one solicitation.
    G,
}

impl Group {
    /// The group's title, in English.
    pub fn title(self) -> &'static str {
        self.title_text().en
    }

    /// The group's title in both languages.
    pub const fn title_text(self) -> Text {
        match self {
            Group::A => {
                const {
                    Text::new(
                        "Anti-trafficking compliance",
                        "Cumplimiento contra la trata de personas",
                    )
                }
            }
            Group::B => const { Text::new("Recruitment and control", "Reclutamiento y control") },
            Group::C => const { Text::new("Wages and price", "Salarios y precio") },
            Group::D => {
                const {
                    Text::new(
                        "Subcontracting, labor supply and context",
                        "Subcontratación, suministro de mano de obra y contexto",
                    )
                }
            }
            Group::E => const { Text::new("Supply chain", "Cadena de suministro") },
            Group::F => const { Text::new("History", "Historial") },
            Group::G => {
                const {
                    Text::new(
                        "Across the bids of one solicitation",
                        "Entre las ofertas de una misma convocatoria",
                    )
                }
            }
        }
    }
}

/// A rule: metadata plus the function that checks a submission.
pub struct Rule {
    /// Fixed id (RULES.md).
    pub id: &'static str,
    /// Group.
    pub group: Group,
    /// Short title shown on a finding.
    pub title: Text,
    /// The severities the rule can give, lowest first.
    pub severities: &'static [Severity],
    /// The law or standard behind it.
    pub citations: &'static [&'static str],
    /// What it flags and why, for the catalogue.
    pub description: Text,
    /// What the evaluator should do when it fires.
    pub action: Text,
    /// What a vendor can do before submitting, for the finding and for
    /// its gap: the vendor self-check (`audience: 'vendor'`) shows it.
    pub vendor_action: Text,
    /// The policy's thresholds the rule reads, declared in its file: the
    /// engine refuses a policy that lacks a required one
    /// (`engine::check_policy`).
    pub thresholds: &'static [&'static ThresholdSpec],
    /// The check; `None` for rules that run across bids (group G).
    pub check: Option<fn(&Context<'_>) -> Outcome>,
}

/// What a rule concluded about one submission.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The rule does not concern this bid (no recruiters, not a public work, ...).
    NotApplicable,
    /// Evaluated; nothing found.
    Clear,
    /// Could not be evaluated: these fields were not provided.
    Gap {
        /// The missing fields.
        paths: crate::assessment::Paths,
        /// What to ask the vendor.
        message: Cow<'static, str>,
    },
    /// Evaluated; the indicator is present.
    Fired(Hit),
}

/// A rule that fired: its severity, message and evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Severity (one of the rule's severities).
    pub severity: Severity,
    /// What was found, in plain words.
    pub message: String,
    /// The values that triggered it.
    pub evidence: Vec<Evidence>,
    /// An action more specific than the rule's general one.
    pub action: Option<String>,
}

impl Outcome {
    /// A finding with the rule's general action.
    pub fn fired(severity: Severity, message: String, evidence: Vec<Evidence>) -> Outcome {
        Outcome::Fired(Hit {
            severity,
            message,
            evidence,
            action: None,
        })
    }

    /// A gap for one missing field.
    pub fn gap(path: &'static str, message: impl Into<Cow<'static, str>>) -> Outcome {
        Outcome::Gap {
            paths: path.into(),
            message: message.into(),
        }
    }

    /// The outcome of yes-or-no commitments a bid states, each `(path,
    /// answer, what a "no" means)`: fired at `severity`, with `says` the
    /// meanings (in `lang`) of every "no", when any answer is no; else a gap
    /// naming the unanswered ones, with `ask`; else clear.
    pub fn from_commitments(
        lang: Lang,
        items: &[(&'static str, Option<bool>, Text)],
        severity: Severity,
        says: impl FnOnce(&[&str]) -> String,
        ask: Text,
    ) -> Outcome {
        let declined: Vec<&(&str, Option<bool>, Text)> =
            items.iter().filter(|i| i.1 == Some(false)).collect();
        if !declined.is_empty() {
            let what: Vec<&str> = declined.iter().map(|i| i.2.get(lang)).collect();
            return Outcome::fired(
                severity,
                says(&what),
                declined.iter().map(|i| Evidence::new(i.0, false)).collect(),
            );
        }
        let missing: Vec<Cow<'static, str>> = items
            .iter()
            .filter(|i| i.1.is_none())
            .map(|i| Cow::Borrowed(i.0))
            .collect();
        if missing.is_empty() {
            Outcome::Clear
        } else {
            Outcome::Gap {
                paths: missing.into(),
                message: ask.get(lang).into(),
            }
        }
    }
}

/// Everything a rule may read.
pub struct Context<'a> {
    /// The submission.
    pub submission: &'a Submission,
    /// The policy's numbers.
    pub policy: &'a Policy,
    /// The date rules are evaluated at.
    pub as_of: Date,
    /// DOL goods lists.
    pub goods: &'a GoodsLists,
    /// Watch lists passed in the options.
    pub watchlists: &'a [Watchlist],
    /// Wage floors in force on `as_of` for this solicitation (empty when the
    /// jurisdiction is not given).
    pub floors: Vec<&'a WageFloor>,
    /// The language messages are written in.
    pub lang: Lang,
}

impl<'a> Context<'a> {
    /// Builds the context, choosing the wage floors once.
    pub fn new(
        submission: &'a Submission,
        policy: &'a Policy,
        as_of: Date,
        goods: &'a GoodsLists,
        watchlists: &'a [Watchlist],
    ) -> Context<'a> {
        let floors = match submission.solicitation.jurisdiction {
            Some(j) => policy.floors_in_force(j, submission.solicitation.sector, as_of),
            None => Vec::new(),
        };
        Context {
            submission,
            policy,
            as_of,
            goods,
            watchlists,
            floors,
            lang: Lang::En,
        }
    }

    /// The same context, writing its messages in `lang`.
    pub fn in_lang(self, lang: Lang) -> Context<'a> {
        Context { lang, ..self }
    }

    /// A date as this context's language writes it in a sentence.
    pub fn date(&self, date: Date) -> String {
        self.lang.date(date)
    }

    /// The solicitation's sector.
    pub fn sector(&self) -> Option<Sector> {
        self.submission.solicitation.sector
    }

    /// The solicitation's jurisdiction.
    pub fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.submission.solicitation.jurisdiction
    }

    /// Is the solicitation in a high-risk sector? `None` when no sector is given.
    pub fn high_risk_sector(&self) -> Option<bool> {
        self.sector().map(|s| self.policy.is_high_risk(s))
    }

    /// The currency of the bid's amounts: the solicitation's, else the
    /// policy's (SPEC: money is in the solicitation's currency, USD when
    /// none is given).
    pub fn currency(&self) -> &str {
        self.submission
            .solicitation
            .currency
            .as_deref()
            .unwrap_or(&self.policy.currency)
    }

    /// An amount of the bid as a message writes it, with its currency.
    pub fn money(&self, amount: f64) -> String {
        money_in(amount, self.currency())
    }

    /// An amount of the policy (a threshold or a floor) as a message writes
    /// it, with the policy's currency.
    pub fn policy_money(&self, amount: f64) -> String {
        money_in(amount, &self.policy.currency)
    }

    /// An amount of the bid in the policy's currency, to compare with the
    /// policy's thresholds: as it is when both currencies are the same,
    /// converted by the policy's exchange rate in force on `asOf` when it
    /// has one, else `None`. A rule never compares amounts in two currencies.
    pub fn in_policy_currency(&self, amount: f64) -> Option<f64> {
        if self.currency() == self.policy.currency {
            return Some(amount);
        }
        self.policy
            .exchange_rate(self.currency(), self.as_of)
            .map(|r| amount * r.rate)
    }

    /// An amount of the policy in the bid's currency (the inverse of
    /// [`Context::in_policy_currency`]).
    pub fn from_policy_currency(&self, amount: f64) -> Option<f64> {
        if self.currency() == self.policy.currency {
            return Some(amount);
        }
        self.policy
            .exchange_rate(self.currency(), self.as_of)
            .map(|r| amount / r.rate)
    }

    /// The gap of a rule whose threshold is in another currency than the
    /// bid, with no exchange rate in the policy.
    pub fn currency_gap(&self, threshold: &str) -> Outcome {
        Outcome::Gap {
            paths: "solicitation.currency".into(),
            message: self.currency_gap_message(threshold).into(),
        }
    }

    /// What [`Context::currency_gap`] says. `threshold` names what the
    /// policy holds, in the context's language (in Spanish with its
    /// article: "los salarios mínimos").
    pub fn currency_gap_message(&self, threshold: &str) -> String {
        tr!(
            self.lang,
            "The bid's amounts are in {bid} and the policy's {threshold} in {policy}, and the policy gives no exchange rate: the rule cannot compare them. Add a dated exchange rate to the policy (exchangeRates) to check it.",
            "Los montos de la oferta están en {bid} y {threshold} de la política de evaluación, en {policy}, y la política de evaluación no da un tipo de cambio: la regla no puede compararlos. Agregue a la política de evaluación un tipo de cambio con fecha (exchangeRates) para revisarlo.",
            bid = self.currency(),
            policy = self.policy.currency
        )
    }

    /// The value the policy sets for `spec`. A policy the engine accepted
    /// sets every required threshold; see [`no_threshold`] for the rest.
    pub fn threshold(&self, spec: &ThresholdSpec) -> Option<f64> {
        self.policy.thresholds.value(spec)
    }

    /// The gap of a rule whose policy lacks the threshold `spec`: only a
    /// policy built by hand and never checked by the engine can
    /// (`engine::check_policy`).
    pub fn no_threshold(&self, spec: &ThresholdSpec) -> Outcome {
        let name = spec.name;
        Outcome::Gap {
            paths: vec![Cow::Owned(format!("policy.thresholds.{name}"))].into(),
            message: tr!(
                self.lang,
                "The policy sets no threshold {name}, so the rule cannot decide; use a policy that passes `ctip-screen policy --check`.",
                "La política de evaluación no fija el umbral {name}, así que la regla no puede decidir; use una política de evaluación que pase `ctip-screen policy --check`."
            )
            .into(),
        }
    }

    /// The highest wage floor in force, if any is known.
    pub fn highest_floor(&self) -> Option<&'a WageFloor> {
        self.floors
            .iter()
            .copied()
            .max_by(|a, b| a.hourly.total_cmp(&b.hourly))
    }
}

/// Every threshold the rules read, each once, in catalogue order.
pub fn threshold_specs() -> Vec<&'static ThresholdSpec> {
    let mut out: Vec<&'static ThresholdSpec> = Vec::new();
    for spec in catalogue()
        .iter()
        .flat_map(|r| r.thresholds.iter().copied())
    {
        if !out.iter().any(|s| s.name == spec.name) {
            out.push(spec);
        }
    }
    out
}

/// Every rule, in catalogue order (group, then the order of RULES.md).
pub fn catalogue() -> &'static [&'static Rule] {
    static ALL: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| GROUPS.iter().flat_map(|g| g.iter().copied()).collect())
}

/// Every rule, in the order of their ids: the engine runs them in this
/// order so that gaps come out sorted without sorting them.
pub fn in_id_order() -> &'static [&'static Rule] {
    static SORTED: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut sorted = catalogue().to_vec();
        crate::sort::sort_by(&mut sorted, |a, b| a.id.cmp(b.id));
        sorted
    })
}

/// The groups' rules, in catalogue order.
static GROUPS: [&[&Rule]; 7] = [
    compliance::RULES,
    recruitment::RULES,
    wages::RULES,
    subcontracting::RULES,
    supply_chain::RULES,
    history::RULES,
    cross_bid::RULES,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    catalogue().iter().copied().find(|r| r.id == id)
}

/// A rule as the catalogue lists it (`ctip-screen rules`, JavaScript `rules()`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleInfo {
    /// Rule id.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// Highest severity it can give.
    pub severity: Severity,
    /// Every severity it can give.
    pub severities: &'static [Severity],
    /// Group letter.
    pub group: Group,
    /// Group title.
    #[serde(rename = "groupTitle")]
    pub group_title: &'static str,
    /// Citations.
    pub citations: &'static [&'static str],
    /// What it flags and why.
    pub description: &'static str,
    /// What the evaluator should do when it fires.
    pub action: &'static str,
    /// What a vendor can do before submitting.
    #[serde(rename = "vendorAction")]
    pub vendor_action: &'static str,
}

/// The catalogue as data, in English.
pub fn rule_infos() -> Vec<RuleInfo> {
    rule_infos_in(Lang::En)
}

pub use citations::citations_in;

/// The catalogue as data, in `lang`.
pub fn rule_infos_in(lang: Lang) -> Vec<RuleInfo> {
    catalogue()
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            title: r.title.get(lang),
            severity: r.severities.last().copied().unwrap_or(Severity::Info),
            severities: r.severities,
            group: r.group,
            group_title: r.group.title_text().get(lang),
            citations: citations_in(r, lang),
            description: r.description.get(lang),
            action: r.action.get(lang),
            vendor_action: r.vendor_action.get(lang),
        })
        .collect()
}

// The message formatters live in the base layer (`crate::format`), where
// the readers below the rules use them too; here for the rules' `use super::`.
pub use crate::format::{grouped, money, money_in, number, percent, quoted};

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
        assert!(ids.iter().all(|id| id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn every_rule_cites_and_advises() {
        for r in catalogue() {
            assert!(!r.citations.is_empty(), "{}", r.id);
            for lang in Lang::ALL {
                assert!(
                    !r.action.get(lang).is_empty()
                        && !r.description.get(lang).is_empty()
                        && !r.title.get(lang).is_empty(),
                    "{} {lang:?}",
                    r.id
                );
            }
            // A Spanish text that is the English one was not translated.
            assert_ne!(r.title.en, r.title.es, "{}", r.id);
            assert_ne!(r.description.en, r.description.es, "{}", r.id);
            assert_ne!(r.action.en, r.action.es, "{}", r.id);
            assert_ne!(r.vendor_action.en, r.vendor_action.es, "{}", r.id);
            assert!(!r.vendor_action.en.is_empty(), "{}", r.id);
            assert!(!r.severities.is_empty(), "{}", r.id);
            assert_eq!(r.check.is_none(), r.group == Group::G, "{}", r.id);
        }
    }

    #[test]
    fn no_rule_text_accuses() {
        for r in catalogue() {
            for lang in Lang::ALL {
                let text = format!(
                    "{} {} {} {}",
                    r.title.get(lang),
                    r.description.get(lang),
                    r.action.get(lang),
                    r.vendor_action.get(lang)
                )
                .to_lowercase();
                // Indicators, never accusations (docs/glossary.md).
                for word in ["guilty", "culpable", "ilegal", "víctima"] {
                    assert!(!text.contains(word), "{} says {word}", r.id);
                }
            }
        }
    }

    /// Every group's gap cases (each in its rule's file).
    fn gaps() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
        [
            compliance::GAPS,
            recruitment::GAPS,
            wages::GAPS,
            subcontracting::GAPS,
            supply_chain::GAPS,
            history::GAPS,
        ]
        .into_iter()
        .flatten()
    }

    /// Every group's rules that never report a gap.
    fn never_gap() -> impl Iterator<Item = &'static &'static str> {
        [
            compliance::NEVER_GAP,
            recruitment::NEVER_GAP,
            wages::NEVER_GAP,
            subcontracting::NEVER_GAP,
            supply_chain::NEVER_GAP,
            history::NEVER_GAP,
        ]
        .into_iter()
        .flatten()
    }

    #[test]
    fn every_rule_reports_a_gap_when_its_input_is_missing() {
        for (id, patch, path) in gaps() {
            let rule = rule(id).unwrap_or_else(|| panic!("no rule {id}"));
            let patch: serde_json::Value = serde_json::from_str(patch).unwrap();
            let out = testing::run(rule, patch);
            assert!(
                testing::gap_at(&out, path),
                "{id}: expected a gap at {path}, got {out:?}"
            );
        }
    }

    #[test]
    fn every_checked_rule_has_a_gap_case_or_needs_no_input() {
        for r in catalogue().iter().filter(|r| r.check.is_some()) {
            let listed = gaps().any(|(id, _, _)| *id == r.id) || never_gap().any(|id| *id == r.id);
            assert!(listed, "{}: add it to GAPS or NEVER_GAP in its file", r.id);
        }
    }

    proptest::proptest! {
        /// The same text as with `format!`, digit grouping done plainly.
        #[test]
        fn money_reads_as_dollars_and_cents(amount in -1.0e12f64..1.0e12) {
            let cents = (amount * 100.0).round();
            let whole = (cents / 100.0).trunc();
            let fraction = (cents - whole * 100.0).abs() as u64;
            let digits = (whole.abs() as u64).to_string();
            let grouped: Vec<String> = digits
                .as_bytes()
                .rchunks(3)
                .rev()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            let sign = if amount < 0.0 { "-" } else { "" };
            let expected = if fraction == 0 && amount.abs() >= 1000.0 {
                format!("{sign}${}", grouped.join(","))
            } else {
                format!("{sign}${}.{fraction:02}", grouped.join(","))
            };
            proptest::prop_assert_eq!(money(amount), expected);
        }
    }

    #[test]
    fn formats_money_and_percent() {
        assert_eq!(money(1_200_000.0), "$1,200,000");
        assert_eq!(money(19.8), "$19.80");
        assert_eq!(money(999.0), "$999.00");
        assert_eq!(money(1234.5), "$1,234.50");
        assert_eq!(money(-5.0), "-$5.00");
        assert_eq!(money(0.07), "$0.07");
        assert_eq!(money_in(129_150.0, "UAH"), "UAH 129,150");
        assert_eq!(money_in(950.5, "EUR"), "\u{20ac}950.50");
        assert_eq!(money_in(95.0, "NOK"), "NOK 95.00");
        assert_eq!(money_in(-5.0, "PYG"), "-PYG 5.00");
        assert_eq!(percent(0.2), "20%");
        assert_eq!(percent(0.125), "12.5%");
        assert_eq!(percent(0.6666), "66.7%");
        assert_eq!(percent(-0.05), "-5%");
        assert_eq!(number(72.0), "72");
        assert_eq!(number(1.1), "1.1");
        assert_eq!(number(115.24101627143601), "115.24101627143601");
        assert_eq!(number(f64::NAN), "not a number");
    }
}
