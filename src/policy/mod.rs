//! The policy: every number a rule uses, dated and sourced (SPEC.md
//! section 5). The default, `la-2026`, is `la-2026.json` beside this file,
//! compiled in; a portal may pass its own, which is validated with the path
//! of every bad value.
//!
//! Numbers live here and not in the rules so that a city can change them
//! without a new release, and so that an assessment can say exactly which
//! numbers it used (the policy's digest is in every assessment).

use crate::date::Date;
use crate::error::{Error, Issue};
use crate::input::{Read, ReadLimits, Reader};
use crate::json::Json;
use crate::model::{Jurisdiction, Sector, Severity, Tier};
use crate::reference::{GoodsLists, ListRef};
use crate::text::{tr, Lang, Text};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

mod check;
mod read;

pub use check::{PolicyCheck, SeriesStatus};

/// Size limits while reading a policy.
const POLICY_READ_LIMITS: ReadLimits = ReadLimits {
    string_length: 10_000,
    array_length: 10_000,
    subcontractors: 0,
    supply_items: 0,
    wage_rates: 0,
};

/// A screening policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// Identifier, such as `la-2026`.
    pub id: String,
    /// Version of this policy.
    pub version: String,
    /// What the policy is.
    pub title: String,
    /// When this version was published.
    pub published: Date,
    /// Currency of every amount (ISO 4217).
    pub currency: String,
    /// The FAR text the policy's citations follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub far: Option<FarEdition>,
    /// What changed in each version, and why (newest first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changelog: Vec<ChangelogEntry>,
    /// Points per severity.
    pub points: Points,
    /// Score cut-offs of the tiers.
    pub tiers: TierCutoffs,
    /// Labor-intensive sectors where trafficking risk is high.
    pub high_risk_sectors: Vec<Sector>,
    /// Where the sector list comes from.
    pub high_risk_sectors_source: String,
    /// Dated hourly wage floors.
    pub wage_floors: Vec<WageFloor>,
    /// Dated FAR 52.222-50(h) compliance-plan thresholds.
    pub compliance_plan_thresholds: Vec<DatedAmount>,
    /// Dated exchange rates into the policy's currency, for bids in other
    /// currencies; without one, a rule does not compare such a bid with the
    /// policy's amounts and reports a gap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<ExchangeRate>,
    /// Named thresholds used by the rules.
    pub thresholds: Thresholds,
    /// Requirements the city sets for its contracts, each on or off.
    #[serde(default)]
    pub requirements: Requirements,
    /// Dated minimum tender periods by procurement method.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tender_periods: Vec<TenderPeriodMinimum>,
    /// Major-event windows (World Cup, Olympics, ...).
    pub event_windows: Vec<EventWindow>,
    /// Rules switched off.
    pub disabled_rules: Vec<String>,
    /// Input size limits.
    pub limits: Limits,
    /// The policy's own texts in other languages, by the English text each
    /// translates (see `Policy::say`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A policy's own texts in other languages, each keyed by the English text
/// it translates, as a message catalogue is: the title, the FAR note, the
/// changelog, every `source` and every event's name (`Policy::texts`). A
/// text without a translation is shown as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Translations {
    /// Spanish (`locale` `es`, `es-MX`, `es-US`...).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub es: std::collections::BTreeMap<String, String>,
}

impl Translations {
    /// No translation at all?
    pub fn is_empty(&self) -> bool {
        self.es.is_empty()
    }
}

/// Whether a number comes from the law itself, from a secondary account of
/// it, or from the project's own judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// The law, regulation or official publication itself.
    Primary,
    /// A secondary account (news, law-firm or trade summaries).
    Secondary,
    /// ctip-screen's own judgement: a city should set its own.
    Design,
}

/// How to check a number of the policy against its source: whether the
/// source is the law itself, an account of it or the project's judgement,
/// when it was read, and where. Written beside the entry's `source`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// Primary, secondary or design.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<SourceKind>,
    /// When the source was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read: Option<Date>,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The FAR text a policy's citations follow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FarEdition {
    /// The edition or circular (`FAC 2025-06`).
    pub edition: String,
    /// Deviations in force, and how citations deal with them.
    pub note: String,
    /// Where it comes from.
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// One version's changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangelogEntry {
    /// The version.
    pub version: String,
    /// When it was published.
    pub date: Date,
    /// What changed and why.
    pub changes: Vec<String>,
}

/// A requirement the city switches on for its contracts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Requirement {
    /// On or off.
    pub value: bool,
    /// Where it comes from.
    pub source: String,
}

/// Requirements the city sets for its contracts. A policy that does not
/// name one has it off.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Requirements {
    /// Employment contracts in a language each worker understands (FAR
    /// 52.222-50(b)(9) applies "if required by law or contract").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contracts_in_workers_languages: Option<Requirement>,
}

impl Requirements {
    /// Is the contract-language requirement on?
    pub fn contracts_in_workers_languages(&self) -> bool {
        self.contracts_in_workers_languages
            .as_ref()
            .is_some_and(|r| r.value)
    }
}

/// The shortest tender period the policy expects for a procurement method,
/// from a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TenderPeriodMinimum {
    /// The procurement method.
    pub method: crate::model::ProcurementMethod,
    /// Fewest days from the start to the end of the tender period.
    pub days: u32,
    /// In force from this date.
    pub effective: Date,
    /// Where it comes from.
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// Points added to the score by a finding of each severity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[allow(missing_docs)]
pub struct Points {
    pub critical: u32,
    pub high: u32,
    pub medium: u32,
    pub low: u32,
    pub info: u32,
    /// Where the numbers come from.
    pub source: String,
}

/// Score cut-offs: `high` at or above `high`, `elevated` at or above `elevated`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[allow(missing_docs)]
pub struct TierCutoffs {
    pub high: u32,
    pub elevated: u32,
    /// Where the numbers come from.
    pub source: String,
}

/// Which floors apply where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FloorScope {
    /// The state minimum: applies in every jurisdiction (all work here is performed in California).
    California,
    /// City of Los Angeles only.
    LaCity,
    /// Unincorporated LA County only.
    LaCounty,
}

impl FloorScope {
    /// Does a floor of this scope apply to a solicitation of `jurisdiction`?
    pub fn applies_to(self, jurisdiction: Jurisdiction) -> bool {
        match self {
            FloorScope::California => true,
            FloorScope::LaCity => jurisdiction == Jurisdiction::LaCity,
            FloorScope::LaCounty => jurisdiction == Jurisdiction::LaCounty,
        }
    }
}

/// An hourly wage floor in force from a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct WageFloor {
    /// Where it applies.
    pub scope: FloorScope,
    /// Only for this sector (`hospitality` for the LA hotel and airport wage).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Hourly wage.
    pub hourly: f64,
    /// In force from this date.
    pub effective: Date,
    /// Extra hourly health payment owed when no health benefits are given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_payment: Option<f64>,
    /// The law that sets it.
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// An amount in force from a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DatedAmount {
    /// The amount.
    pub amount: f64,
    /// In force from this date.
    pub effective: Date,
    /// Where it comes from.
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// How many units of the policy's currency one unit of `currency` is worth,
/// from a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExchangeRate {
    /// ISO 4217 code of the currency converted.
    pub currency: String,
    /// Policy-currency units per unit of `currency`.
    pub rate: f64,
    /// In force from this date.
    pub effective: Date,
    /// Where it comes from.
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A number with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Threshold {
    /// The number.
    pub value: f64,
    /// Where it comes from ("design: ..." for the project's own judgement).
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A number a rule reads from the policy's `thresholds`, declared in the
/// rule's own file beside the rule that reads it. The engine checks every
/// policy against the declarations of the rules it runs
/// (`engine::check_policy`): a required one must be there, an unknown name
/// is refused, and each value must lie from 0 to `max`.
#[derive(Debug)]
pub struct ThresholdSpec {
    /// Its name in the policy's `thresholds`, such as `weeklyHoursHigh`.
    pub name: &'static str,
    /// The largest sensible value: [`SHARE`] for a fraction, [`ANY`] for an
    /// amount of money.
    pub max: f64,
    /// Whether a policy may leave it out (the rule then skips the part it
    /// decides).
    pub optional: bool,
}

impl ThresholdSpec {
    /// A threshold every policy must set.
    pub const fn required(name: &'static str, max: f64) -> ThresholdSpec {
        ThresholdSpec {
            name,
            max,
            optional: false,
        }
    }

    /// A threshold a policy may leave out.
    pub const fn optional(name: &'static str, max: f64) -> ThresholdSpec {
        ThresholdSpec {
            name,
            max,
            optional: true,
        }
    }
}

/// The largest value of a threshold that is a fraction.
pub const SHARE: f64 = 1.0;
/// The largest value of a threshold that is an amount (loosely bounded).
pub const ANY: f64 = 1e15;

/// `policyStaleMonths`: how old a dated series may be before it is called
/// stale. The policy's own check (`policy --check`) reads it as well as the
/// `policy-stale` rule, so it is declared here, in the layer of both.
pub static POLICY_STALE_MONTHS: ThresholdSpec =
    ThresholdSpec::required("policyStaleMonths", 1200.0);

/// The policy's named thresholds, in the order the policy gives them (and
/// so in its canonical JSON and digest). Which names a policy must give,
/// and their ranges, are declared by the rules ([`ThresholdSpec`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Thresholds {
    entries: Vec<(String, Threshold)>,
}

impl Thresholds {
    /// The threshold called `name`.
    pub fn get(&self, name: &str) -> Option<&Threshold> {
        self.entries.iter().find(|(n, _)| n == name).map(|(_, t)| t)
    }

    /// The threshold called `name`, to change it.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Threshold> {
        self.entries
            .iter_mut()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
    }

    /// The value the policy sets for `spec`, if it sets one.
    pub fn value(&self, spec: &ThresholdSpec) -> Option<f64> {
        self.get(spec.name).map(|t| t.value)
    }

    /// Sets the threshold called `name`, in place when the policy has it,
    /// else after the others.
    pub fn insert(&mut self, name: impl Into<String>, threshold: Threshold) {
        let name = name.into();
        match self.get_mut(&name) {
            Some(t) => *t = threshold,
            None => self.entries.push((name, threshold)),
        }
    }

    /// Every threshold with its name, in the policy's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Threshold)> {
        self.entries.iter().map(|(n, t)| (n.as_str(), t))
    }
}

impl Serialize for Thresholds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, threshold) in &self.entries {
            map.serialize_entry(name, threshold)?;
        }
        map.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Thresholds {
    fn schema_name() -> String {
        "Thresholds".to_owned()
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <std::collections::BTreeMap<String, Threshold>>::json_schema(gen)
    }
}

/// A major event during which labor demand surges.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EventWindow {
    /// Its name.
    pub name: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Build-up days before `start` that count as part of the window.
    pub build_up_days: u32,
    /// Where the dates come from.
    pub source: String,
    /// How to check it: the kind of source, when it was read, where.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// Input size limits (SPEC.md section 8).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Limits {
    pub subcontractors: usize,
    pub supply_items: usize,
    pub wage_rates: usize,
    pub bids: usize,
    pub string_length: usize,
    /// The largest OCDS release, record or JSON Lines line read, in bytes
    /// (default 16 MiB): memory stays bounded by it, whatever the input.
    pub release_bytes: usize,
}

/// `limits.releaseBytes` when a policy does not set it: 16 MiB, some 3,000
/// times the average real TED/Doffin release (5.7 KB) and room for 10,000
/// bids with their parties.
pub const DEFAULT_RELEASE_BYTES: usize = 16 << 20;

/// The largest `limits.releaseBytes` a policy may set: 256 MiB.
const RELEASE_BYTES_CEILING: usize = 256 << 20;

/// Hard ceilings on the limits a custom policy may set, so that no policy
/// can make the tool slow.
const LIMIT_CEILING: usize = 1_000_000;

/// The policy as an assessment names it, with the goods lists it ran with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyRef {
    /// Policy id.
    pub id: String,
    /// Policy version.
    pub version: String,
    /// `sha256:` and the hex SHA-256 of the policy's canonical JSON (with
    /// any wage floors the options added).
    pub digest: String,
    /// The goods lists used: edition and digest of each.
    pub lists: Vec<ListRef>,
}

/// A policy checked and ready to use, with its goods lists and its digest
/// computed once.
#[derive(Debug, Clone)]
pub struct LoadedPolicy {
    policy: Policy,
    lists: Arc<GoodsLists>,
    reference: Arc<PolicyRef>,
    /// The same, its lists' titles in Spanish.
    reference_es: Arc<PolicyRef>,
}

static DEFAULT: OnceLock<Result<LoadedPolicy, Error>> = OnceLock::new();

impl LoadedPolicy {
    /// The built-in `la-2026` policy.
    pub fn builtin() -> Result<&'static LoadedPolicy, Error> {
        DEFAULT
            .get_or_init(|| LoadedPolicy::from_json_text(include_str!("la-2026.json")))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads and validates a policy from JSON text.
    pub fn from_json_text(text: &str) -> Result<LoadedPolicy, Error> {
        LoadedPolicy::from_json_text_in(text, Lang::En)
    }

    /// [`LoadedPolicy::from_json_text`], naming the problems in `lang`.
    pub fn from_json_text_in(text: &str, lang: Lang) -> Result<LoadedPolicy, Error> {
        let value = Json::parse(text)
            .map_err(|e| Error::InvalidPolicy(vec![Issue::syntax_in(&e, lang)]))?;
        LoadedPolicy::from_value_in(&value, lang)
    }

    /// Reads and validates a policy from a JSON value, listing every
    /// problem by path.
    pub fn from_value(value: &Json<'_>) -> Result<LoadedPolicy, Error> {
        LoadedPolicy::from_value_in(value, Lang::En)
    }

    /// [`LoadedPolicy::from_value`], naming the problems in `lang`.
    pub fn from_value_in(value: &Json<'_>, lang: Lang) -> Result<LoadedPolicy, Error> {
        let mut reader = Reader::new(POLICY_READ_LIMITS).in_lang(lang);
        let policy = Policy::read(value, &mut reader);
        let (limits, mut issues) = reader.finish();
        issues.extend(limits);
        match policy {
            Some(policy) if issues.is_empty() => LoadedPolicy::new_in(policy, lang),
            _ => Err(Error::InvalidPolicy(issues)),
        }
    }

    /// Validates a policy and computes its digest; it runs with the
    /// built-in goods lists.
    pub fn new(policy: Policy) -> Result<LoadedPolicy, Error> {
        LoadedPolicy::new_in(policy, Lang::En)
    }

    /// [`LoadedPolicy::new`], naming the problems in `lang`.
    pub fn new_in(policy: Policy, lang: Lang) -> Result<LoadedPolicy, Error> {
        let lists = GoodsLists::builtin().map_err(|e| {
            Error::InvalidPolicy(vec![Issue::new("", format!("built-in goods list: {e}"))])
        })?;
        LoadedPolicy::with_lists_in(policy, Arc::clone(lists), lang)
    }

    /// Validates a policy and computes its digest, to run with `lists`.
    pub fn with_lists(policy: Policy, lists: Arc<GoodsLists>) -> Result<LoadedPolicy, Error> {
        LoadedPolicy::with_lists_in(policy, lists, Lang::En)
    }

    /// [`LoadedPolicy::with_lists`], naming the problems in `lang`.
    pub fn with_lists_in(
        policy: Policy,
        lists: Arc<GoodsLists>,
        lang: Lang,
    ) -> Result<LoadedPolicy, Error> {
        let issues = validate(&policy, lang);
        if !issues.is_empty() {
            return Err(Error::InvalidPolicy(issues));
        }
        let canonical = crate::json::write::to_string(&policy)
            .map_err(|e| Error::InvalidPolicy(vec![Issue::new("", e.to_string())]))?;
        let reference = PolicyRef {
            id: policy.id.clone(),
            version: policy.version.clone(),
            digest: crate::reference::digest(canonical.as_bytes()),
            lists: lists.references(),
        };
        let mut reference_es = reference.clone();
        for list in &mut reference_es.lists {
            list.title = list.title_in(Lang::Es).to_owned();
        }
        Ok(LoadedPolicy {
            policy,
            lists,
            reference: Arc::new(reference),
            reference_es: Arc::new(reference_es),
        })
    }

    /// The policy itself.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The goods lists it runs with.
    pub fn goods(&self) -> &GoodsLists {
        &self.lists
    }

    /// Its id, version, digest and goods lists.
    pub fn reference(&self) -> &Arc<PolicyRef> {
        &self.reference
    }

    /// [`LoadedPolicy::reference`] as an assessment in `lang` names it (the
    /// lists' titles in that language).
    pub fn reference_in(&self, lang: Lang) -> &Arc<PolicyRef> {
        match lang {
            Lang::En => &self.reference,
            Lang::Es => &self.reference_es,
        }
    }
}

impl Policy {
    /// `text`, one of this policy's own texts ([`Policy::texts`]), in
    /// `lang`: its translation where the policy gives one, else as written.
    pub fn say<'a>(&'a self, text: &'a str, lang: Lang) -> &'a str {
        match lang {
            Lang::En => text,
            Lang::Es => self.translations.es.get(text).map_or(text, String::as_str),
        }
    }

    /// Every text of the policy a person reads, which `translations` may
    /// translate: the title, the FAR edition and note, the changelog, the
    /// event names and every `source`.
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.title.as_str()];
        if let Some(far) = &self.far {
            texts.extend([far.edition.as_str(), far.note.as_str(), far.source.as_str()]);
        }
        for entry in &self.changelog {
            texts.extend(entry.changes.iter().map(String::as_str));
        }
        texts.extend([
            self.points.source.as_str(),
            self.tiers.source.as_str(),
            self.high_risk_sectors_source.as_str(),
        ]);
        texts.extend(self.wage_floors.iter().map(|f| f.source.as_str()));
        texts.extend(
            self.compliance_plan_thresholds
                .iter()
                .map(|t| t.source.as_str()),
        );
        texts.extend(self.exchange_rates.iter().map(|r| r.source.as_str()));
        texts.extend(self.thresholds.iter().map(|(_, t)| t.source.as_str()));
        if let Some(r) = &self.requirements.contracts_in_workers_languages {
            texts.push(r.source.as_str());
        }
        texts.extend(self.tender_periods.iter().map(|t| t.source.as_str()));
        for w in &self.event_windows {
            texts.extend([w.name.as_str(), w.source.as_str()]);
        }
        texts.retain(|t| !t.is_empty());
        texts
    }

    /// Points for a severity.
    pub fn points_for(&self, severity: Severity) -> u32 {
        match severity {
            Severity::Critical => self.points.critical,
            Severity::High => self.points.high,
            Severity::Medium => self.points.medium,
            Severity::Low => self.points.low,
            Severity::Info => self.points.info,
        }
    }

    /// The tier of a score, given whether any finding is critical.
    pub fn tier_for(&self, score: u32, any_critical: bool) -> Tier {
        if any_critical {
            Tier::Critical
        } else if score >= self.tiers.high {
            Tier::High
        } else if score >= self.tiers.elevated {
            Tier::Elevated
        } else {
            Tier::Low
        }
    }

    /// Is `sector` labor-intensive / high-risk?
    pub fn is_high_risk(&self, sector: Sector) -> bool {
        self.high_risk_sectors.contains(&sector)
    }

    /// Is the rule enabled?
    pub fn is_enabled(&self, rule: &str) -> bool {
        !self.disabled_rules.iter().any(|r| r == rule)
    }

    /// The wage floors in force on `as_of` for a solicitation: for each
    /// scope and sector, the one with the latest `effective` date on or
    /// before `as_of`.
    pub fn floors_in_force(
        &self,
        jurisdiction: Jurisdiction,
        sector: Option<Sector>,
        as_of: Date,
    ) -> Vec<&WageFloor> {
        let mut chosen: Vec<&WageFloor> = Vec::new();
        for floor in &self.wage_floors {
            let applies = floor.scope.applies_to(jurisdiction)
                && floor.effective <= as_of
                && (floor.sector.is_none() || floor.sector == sector);
            if !applies {
                continue;
            }
            match chosen
                .iter_mut()
                .find(|c| c.scope == floor.scope && c.sector == floor.sector)
            {
                Some(current) if current.effective < floor.effective => *current = floor,
                Some(_) => {}
                None => chosen.push(floor),
            }
        }
        chosen
    }

    /// The newest `effective` date of any wage floor.
    pub fn newest_floor_date(&self) -> Option<Date> {
        self.wage_floors.iter().map(|f| f.effective).max()
    }

    /// The exchange rate for `currency` in force on `as_of`.
    pub fn exchange_rate(&self, currency: &str, as_of: Date) -> Option<&ExchangeRate> {
        self.exchange_rates
            .iter()
            .filter(|r| r.currency == currency && r.effective <= as_of)
            .max_by_key(|r| r.effective)
    }

    /// The compliance-plan threshold in force on `as_of`.
    pub fn compliance_plan_threshold(&self, as_of: Date) -> Option<&DatedAmount> {
        self.compliance_plan_thresholds
            .iter()
            .filter(|t| t.effective <= as_of)
            .max_by_key(|t| t.effective)
    }

    /// The size limits as the JSON reader uses them.
    pub fn read_limits(&self) -> crate::input::ReadLimits {
        crate::input::ReadLimits {
            string_length: self.limits.string_length,
            array_length: self
                .limits
                .supply_items
                .max(self.limits.subcontractors)
                .max(1000),
            subcontractors: self.limits.subcontractors,
            supply_items: self.limits.supply_items,
            wage_rates: self.limits.wage_rates,
        }
    }
}

fn validate(policy: &Policy, lang: Lang) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut check = |ok: bool, path: String, message: &str| {
        if !ok {
            issues.push(Issue::new(path, message));
        }
    };
    let say = |text: Text| text.get(lang);
    check(!policy.id.trim().is_empty(), "id".into(), say(NOT_EMPTY));
    check(
        !policy.version.trim().is_empty(),
        "version".into(),
        say(NOT_EMPTY),
    );
    check(
        policy.points.critical <= 100 && policy.points.high <= 100 && policy.points.medium <= 100,
        "points".into(),
        say(const {
            Text::new(
                "points must be at most 100",
                "los puntos deben ser como máximo 100",
            )
        }),
    );
    check(
        policy.tiers.elevated <= 100,
        "tiers.elevated".into(),
        say(AT_MOST_100),
    );
    check(
        policy.tiers.high <= 100,
        "tiers.high".into(),
        say(AT_MOST_100),
    );
    check(
        policy.tiers.elevated <= policy.tiers.high,
        "tiers.elevated".into(),
        say(const {
            Text::new(
                "must not be above tiers.high",
                "no debe ser mayor que tiers.high",
            )
        }),
    );
    for (i, floor) in policy.wage_floors.iter().enumerate() {
        check(
            floor.hourly.is_finite() && floor.hourly > 0.0,
            format!("wageFloors[{i}].hourly"),
            say(NUMBER_ABOVE_0),
        );
        if let Some(h) = floor.health_payment {
            check(
                h.is_finite() && h >= 0.0,
                format!("wageFloors[{i}].healthPayment"),
                say(AT_LEAST_0),
            );
        }
    }
    for (i, t) in policy.compliance_plan_thresholds.iter().enumerate() {
        check(
            t.amount.is_finite() && t.amount >= 0.0,
            format!("compliancePlanThresholds[{i}].amount"),
            say(AT_LEAST_0),
        );
    }
    // Which thresholds a policy must set, and their ranges, are declared by
    // the rules and checked one layer up (`engine::check_policy`); here
    // only that each is a number >= 0.
    for (name, threshold) in policy.thresholds.iter() {
        check(
            threshold.value.is_finite() && threshold.value >= 0.0,
            format!("thresholds.{name}.value"),
            say(const { Text::new("must be a number >= 0", "debe ser un número >= 0") }),
        );
    }
    for (i, t) in policy.tender_periods.iter().enumerate() {
        check(
            t.days <= 366,
            format!("tenderPeriods[{i}].days"),
            say(const { Text::new("must be at most 366", "debe ser como máximo 366") }),
        );
    }
    for (i, r) in policy.exchange_rates.iter().enumerate() {
        check(
            r.rate.is_finite() && r.rate > 0.0,
            format!("exchangeRates[{i}].rate"),
            say(NUMBER_ABOVE_0),
        );
    }
    for (i, w) in policy.event_windows.iter().enumerate() {
        check(
            w.start <= w.end,
            format!("eventWindows[{i}].end"),
            say(const { Text::new("must not be before start", "no debe ser anterior al inicio") }),
        );
    }
    // `disabledRules` is checked against the rule catalogue one layer up
    // (`engine::check_policy`), where the catalogue is known.
    let l = &policy.limits;
    for (name, value) in [
        ("subcontractors", l.subcontractors),
        ("supplyItems", l.supply_items),
        ("wageRates", l.wage_rates),
        ("bids", l.bids),
        ("stringLength", l.string_length),
    ] {
        check(
            (1..=LIMIT_CEILING).contains(&value),
            format!("limits.{name}"),
            &tr!(
                lang,
                "must be from 1 to {LIMIT_CEILING}",
                "debe estar entre 1 y {LIMIT_CEILING}"
            ),
        );
    }
    // A translation of a text the policy does not hold would never be
    // shown: most often the English was edited and its translation not.
    let texts: std::collections::HashSet<&str> = policy.texts().into_iter().collect();
    for (english, spanish) in &policy.translations.es {
        let mut path = String::from("translations.es[");
        crate::json::write::push_string(&mut path, english);
        path.push(']');
        check(
            texts.contains(english.as_str()),
            path.clone(),
            say(const {
                Text::new(
                    "translates no text of the policy (its title, FAR note, changelog, an event's name or a source); was the English text changed?",
                    "no traduce ningún texto de la política de evaluación (su título, la nota de la FAR, el registro de cambios, el nombre de un evento o una fuente); ¿se cambió el texto en inglés?",
                )
            }),
        );
        check(!spanish.trim().is_empty(), path, say(NOT_EMPTY));
    }
    check(
        (1024..=RELEASE_BYTES_CEILING).contains(&l.release_bytes),
        "limits.releaseBytes".to_owned(),
        &tr!(
            lang,
            "must be from 1024 to {RELEASE_BYTES_CEILING} (bytes)",
            "debe estar entre 1024 y {RELEASE_BYTES_CEILING} (bytes)"
        ),
    );
    issues
}

/// Words `validate` uses more than once.
const NOT_EMPTY: Text = Text::new("must not be empty", "no debe estar vacío");
const AT_MOST_100: Text = Text::new("must be at most 100", "debe ser como máximo 100");
const NUMBER_ABOVE_0: Text = Text::new("must be a number > 0", "debe ser un número > 0");
const AT_LEAST_0: Text = Text::new("must be >= 0", "debe ser >= 0");

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static LoadedPolicy {
        match LoadedPolicy::builtin() {
            Ok(p) => p,
            Err(e) => unreachable!("built-in policy is invalid: {e}"),
        }
    }

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::from_days(0))
    }

    /// Every text of the built-in policy a person reads has its Spanish,
    /// and each differs from the English: a source or changelog line added
    /// without one fails here.
    #[test]
    fn every_text_of_the_builtin_policy_is_in_spanish() {
        let p = builtin().policy();
        assert!(p.texts().len() > 60);
        for text in p.texts() {
            assert_ne!(p.say(text, Lang::Es), text, "no Spanish for: {text}");
            assert_eq!(p.say(text, Lang::En), text);
        }
        // What is not translated is shown as written.
        assert_eq!(
            p.say("Not a text of the policy", Lang::Es),
            "Not a text of the policy"
        );
        // The lists' titles too, in the reference an assessment in Spanish carries.
        let es = builtin().reference_in(Lang::Es);
        assert!(es.lists.iter().all(|l| l.title.contains("la lista")));
        assert_eq!(es.digest, builtin().reference().digest);
    }

    /// A translation of a text the policy does not hold (most often, its
    /// English was edited) is refused at its path, as is an empty one.
    #[test]
    fn translations_of_no_text_or_empty_are_refused() {
        let mut p = builtin().policy().clone();
        p.translations
            .es
            .insert("No such text".into(), "Ningún texto".into());
        p.translations.es.insert(p.title.clone(), " ".into());
        let issues = validate(&p, Lang::Es);
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        let title = format!(
            "translations.es[{}]",
            serde_json::to_string(&p.title).unwrap_or_default()
        );
        assert_eq!(paths.len(), 2, "{issues:?}");
        assert!(
            paths.contains(&"translations.es[\"No such text\"]"),
            "{paths:?}"
        );
        assert!(paths.contains(&title.as_str()), "{paths:?}");
        assert!(issues
            .iter()
            .any(|i| i.message.starts_with("no traduce ningún texto")));
        // Read from JSON: an unknown language is named, with the one known.
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("la-2026.json")).unwrap_or_default();
        json["translations"]["fr"] = serde_json::json!({});
        let text = json.to_string();
        let err = LoadedPolicy::from_json_text(&text).map(|_| ()).unwrap_err();
        assert!(err.to_string().contains("translations"), "{err}");
    }

    #[test]
    fn builtin_policy_loads_with_a_digest() {
        let p = builtin();
        assert_eq!(p.reference().id, "la-2026");
        assert!(p.reference().digest.starts_with("sha256:"));
        assert_eq!(p.reference().digest.len(), 71);
    }

    #[test]
    fn floors_are_chosen_by_latest_effective_date() {
        let p = builtin().policy();
        let floors = p.floors_in_force(
            Jurisdiction::LaCity,
            Some(Sector::Hospitality),
            date("2026-07-01"),
        );
        let mut hourly: Vec<f64> = floors.iter().map(|f| f.hourly).collect();
        hourly.sort_by(f64::total_cmp);
        assert_eq!(hourly, vec![16.90, 17.87, 25.00]);
        let floors = p.floors_in_force(
            Jurisdiction::LaCity,
            Some(Sector::Hospitality),
            date("2026-06-30"),
        );
        assert!(floors.iter().any(|f| f.hourly == 22.50));
        let federal = p.floors_in_force(
            Jurisdiction::Federal,
            Some(Sector::Janitorial),
            date("2025-06-01"),
        );
        assert_eq!(
            federal.iter().map(|f| f.hourly).collect::<Vec<_>>(),
            vec![16.50]
        );
        assert!(p
            .floors_in_force(Jurisdiction::LaCounty, None, date("2023-01-01"))
            .is_empty());
    }

    #[test]
    fn compliance_plan_threshold_by_date() {
        let p = builtin().policy();
        let at = |d| p.compliance_plan_threshold(date(d)).map(|t| t.amount);
        assert_eq!(at("2020-09-30"), Some(500_000.0));
        assert_eq!(at("2020-10-01"), Some(550_000.0));
        assert_eq!(at("2025-10-01"), Some(700_000.0));
    }

    #[test]
    fn a_bad_policy_names_the_path() {
        let mut v: serde_json::Value = serde_json::from_str(include_str!("la-2026.json")).unwrap();
        v["thresholds"]["payrollBurden"]["value"] = serde_json::Value::from(-1);
        v["tiers"]["elevated"] = serde_json::Value::from(90);
        let err = LoadedPolicy::from_value(&Json::from(&v))
            .err()
            .map(|e| e.issues().to_vec());
        let paths: Vec<String> = err
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.path)
            .collect();
        assert_eq!(
            paths,
            vec!["tiers.elevated", "thresholds.payrollBurden.value"]
        );

        v["limits"]["bogus"] = serde_json::Value::from(1);
        let err = LoadedPolicy::from_value(&Json::from(&v)).err();
        assert_eq!(
            err.as_ref().map(|e| e.issues()[0].path.as_str()),
            Some("limits.bogus")
        );
        assert!(err
            .map(|e| e.to_string())
            .unwrap_or_default()
            .contains("bogus"));
    }

    #[test]
    fn thresholds_keep_the_policys_order_and_refuse_a_name_given_twice() {
        let read = |text: &str| {
            let value = Json::parse(text).unwrap();
            let mut r = Reader::new(POLICY_READ_LIMITS);
            let t = Thresholds::read(&value, &mut r);
            (t, r.finish().1)
        };
        let (t, issues) = read(
            r#"{"b": {"value": 2, "source": "s"}, "a": {"value": 1, "source": "s"}, "c": null}"#,
        );
        assert!(issues.is_empty(), "{issues:?}");
        let names: Vec<&str> = t.iter().flat_map(|t| t.iter().map(|(n, _)| n)).collect();
        assert_eq!(names, ["b", "a"]);
        assert_eq!(
            crate::json::write::to_string(&t).ok().as_deref(),
            Some(r#"{"b":{"value":2.0,"source":"s"},"a":{"value":1.0,"source":"s"}}"#)
        );
        let (t, issues) = read(
            r#"{"a": {"value": 1, "source": "s"}, "a": {"value": 2, "source": "s"}, "odd key": {"value": 1}}"#,
        );
        assert!(t.is_none());
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["a", "[\"odd key\"].source"]);
    }

    #[test]
    fn a_policy_round_trips_through_its_json() {
        let p = builtin();
        let text = crate::json::write::to_string(p.policy()).unwrap();
        let again = LoadedPolicy::from_json_text(&text).unwrap();
        assert_eq!(again.policy(), p.policy());
        assert_eq!(again.reference(), p.reference());
    }

    #[test]
    fn every_missing_field_is_listed() {
        let err =
            LoadedPolicy::from_value(&Json::from(&serde_json::json!({"id": "x", "limits": {}})))
                .unwrap_err();
        let paths: Vec<&str> = err.issues().iter().map(|i| i.path.as_str()).collect();
        for path in [
            "version",
            "published",
            "points",
            "thresholds",
            "limits.bids",
            "limits.stringLength",
        ] {
            assert!(paths.contains(&path), "{path} in {paths:?}");
        }
    }

    #[test]
    fn digest_changes_with_any_number() {
        let mut p = builtin().policy().clone();
        let before = builtin().reference().digest.clone();
        if let Some(t) = p.thresholds.get_mut("payrollBurden") {
            t.value = 1.2;
        }
        let after = LoadedPolicy::new(p).map(|l| l.reference().digest.clone());
        assert_ne!(after.ok(), Some(before));
    }
}
