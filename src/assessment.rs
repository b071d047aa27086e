//! The assessment: what the engine says about one submission (SPEC.md
//! section 3). Field order here is the order of the JSON output, which is
//! part of the byte-identical guarantee.

use crate::date::Date;
use crate::model::{Audience, Severity, Tier};
use crate::policy::PolicyRef;
use crate::reference::{ListKind, Listing};
use crate::text::Lang;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::Arc;

/// The result of screening one submission.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// The submission's id.
    pub submission_id: String,
    /// Sum of the findings' points, capped at 100.
    pub score: u32,
    /// Risk tier.
    pub tier: Tier,
    /// True for tiers `high` and `critical`: a person must review the bid.
    pub review_required: bool,
    /// Risk indicators found, most severe first.
    pub findings: Vec<Finding>,
    /// Rules that could not be evaluated for lack of information.
    pub gaps: Vec<Gap>,
    /// Rules evaluated / rules applicable.
    pub completeness: f64,
    /// The date the rules were evaluated at.
    pub as_of: Date,
    /// The policy used (shared by every assessment made with it).
    pub policy: Arc<PolicyRef>,
    /// Version of ctip-screen.
    pub engine_version: &'static str,
    /// The language every text of the assessment is written in (`en`,
    /// `es`): the `locale` option chose it. Ids and vocabulary words stay
    /// the English tokens of SPEC.md whatever the language.
    pub locale: Lang,
    /// `vendor` when the assessment was written for the vendor's own check
    /// (the `audience` option); absent for the evaluator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
}

/// One risk indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Rule id (RULES.md).
    pub rule: &'static str,
    /// How serious.
    pub severity: Severity,
    /// Points it adds to the score.
    pub points: u32,
    /// The rule's title.
    pub title: &'static str,
    /// What was found, in plain words, with the evidence.
    pub message: String,
    /// The values in the bid that triggered it.
    pub evidence: Vec<Evidence>,
    /// The law or standard behind it.
    pub citations: &'static [&'static str],
    /// What the evaluator should do next.
    pub action: Cow<'static, str>,
    /// What the vendor can do before submitting (only for `audience:
    /// 'vendor'`).
    #[serde(rename = "vendorAction", skip_serializing_if = "Option::is_none")]
    pub vendor_action: Option<&'static str>,
}

/// A value in the bid, by path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// JSON path in the submission (most are fixed, so not allocated).
    pub path: Cow<'static, str>,
    /// The value found there.
    pub value: Value,
    /// For a value found on a reference list (the TVPRA list): the entry it
    /// matched, so the finding can be checked against the list itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listing: Option<Box<ListEntry>>,
}

/// The entry of a reference list a value of the bid matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListEntry {
    /// Which list.
    pub list: ListKind,
    /// Its edition (`2024`).
    pub edition: String,
    /// The entry as the list writes it: `Garments, Bangladesh`.
    pub entry: String,
    /// How the entry stands in that edition (`confirmed`, `carried-over`, ...).
    pub status: Listing,
}

impl Evidence {
    /// Evidence at `path` with `value`.
    pub fn new(path: impl Into<Cow<'static, str>>, value: impl Into<Value>) -> Evidence {
        Evidence {
            path: path.into(),
            value: value.into(),
            listing: None,
        }
    }

    /// Evidence at `path` with `value`, found on a reference list as `entry`.
    pub fn listed(
        path: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
        entry: ListEntry,
    ) -> Evidence {
        Evidence {
            listing: Some(Box::new(entry)),
            ..Evidence::new(path, value)
        }
    }
}

/// A rule that needed information the bid did not give.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Gap {
    /// Rule id.
    pub rule: &'static str,
    /// The fields that were missing.
    pub paths: Paths,
    /// What to ask the vendor for.
    pub message: Cow<'static, str>,
    /// What the vendor can do before submitting (only for `audience:
    /// 'vendor'`).
    #[serde(rename = "vendorAction", skip_serializing_if = "Option::is_none")]
    pub vendor_action: Option<&'static str>,
}

/// The fields a gap is about: most often one, held without allocating; it
/// reads as a slice of paths and is written as a JSON array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paths {
    /// One path.
    One(Cow<'static, str>),
    /// Any number of paths.
    Many(Vec<Cow<'static, str>>),
}

impl std::ops::Deref for Paths {
    type Target = [Cow<'static, str>];

    fn deref(&self) -> &Self::Target {
        match self {
            Paths::One(path) => std::slice::from_ref(path),
            Paths::Many(paths) => paths,
        }
    }
}

impl From<&'static str> for Paths {
    fn from(path: &'static str) -> Paths {
        Paths::One(Cow::Borrowed(path))
    }
}

impl From<Vec<Cow<'static, str>>> for Paths {
    fn from(paths: Vec<Cow<'static, str>>) -> Paths {
        Paths::Many(paths)
    }
}

impl Serialize for Paths {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Paths {
    fn schema_name() -> String {
        "Paths".to_owned()
    }

    fn is_referenceable() -> bool {
        false
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <Vec<String>>::json_schema(gen)
    }
}

/// Sorts findings by severity (most severe first), then rule id, then the
/// first evidence path, as SPEC.md section 3 fixes, then message; findings
/// equal in all of these keep their order.
pub fn sort_findings(findings: &mut Vec<Finding>) {
    crate::sort::sort_by(findings, finding_order);
}

fn finding_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then_with(|| a.rule.cmp(b.rule))
        .then_with(|| first_path(a).cmp(first_path(b)))
        .then_with(|| a.message.cmp(&b.message))
}

fn first_path(f: &Finding) -> &str {
    f.evidence.first().map_or("", |e| e.path.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn finding(
        severity: Severity,
        rule: &'static str,
        path: &str,
        message: &str,
        points: u32,
    ) -> Finding {
        Finding {
            rule,
            severity,
            points,
            title: "",
            message: message.to_owned(),
            evidence: vec![Evidence::new(path.to_owned(), 1)],
            citations: &[],
            action: Cow::Borrowed(""),
            vendor_action: None,
        }
    }

    proptest! {
        /// `sort_findings` gives exactly what the standard stable sort
        /// gives with the same order (ties keep their input order: `points`
        /// tells them apart here).
        #[test]
        fn sorts_as_the_standard_stable_sort(
            keys in prop::collection::vec((0usize..5, 0usize..3, 0usize..3, 0usize..2), 0..60)
        ) {
            const SEVERITIES: [Severity; 5] =
                [Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical];
            const RULES: [&str; 3] = ["a-rule", "b-rule", "c-rule"];
            let mut findings: Vec<Finding> = keys
                .iter()
                .enumerate()
                .map(|(i, &(s, r, p, m))| {
                    finding(SEVERITIES[s], RULES[r], &format!("p{p}"), &format!("m{m}"), i as u32)
                })
                .collect();
            let mut expected = findings.clone();
            expected.sort_by(finding_order);
            sort_findings(&mut findings);
            prop_assert_eq!(findings, expected);
        }
    }
}
