//! The engine: reads a submission, runs every enabled rule, and turns the
//! outcomes into a scored, sorted [`Assessment`].
//!
//! Everything here is deterministic: the same submission, policy, `asOf`
//! and watch lists give byte-identical JSON, natively and in wasm. The date
//! is always passed in; the engine never reads a clock.

use crate::assessment::{sort_findings, Assessment, Finding, Gap};
use crate::date::Date;
use crate::error::{Error, Issue};
use crate::input::{Read, Reader};
use crate::json::Json;
use crate::model::{Severity, Submission};
use crate::policy::{LoadedPolicy, Policy};
use crate::rules::{in_id_order, Context, Outcome};
use crate::text::{tr, Lang};
use crate::watchlist::Watchlist;
use std::borrow::Cow;

/// The version of this engine, reported in every assessment.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What an evaluation needs besides the submission.
#[derive(Debug, Clone)]
pub struct Options<'p> {
    /// The policy.
    pub policy: &'p LoadedPolicy,
    /// The date to evaluate at; `None` uses the submission's `submittedOn`,
    /// else `today`.
    pub as_of: Option<Date>,
    /// Watch lists to match parties against.
    pub watchlists: Vec<Watchlist>,
}

impl<'p> Options<'p> {
    /// Options with a policy and nothing else.
    pub fn new(policy: &'p LoadedPolicy) -> Options<'p> {
        Options {
            policy,
            as_of: None,
            watchlists: Vec::new(),
        }
    }
}

/// Reads a submission from a JSON value, listing every problem by path.
pub fn read_submission(value: &Json<'_>, policy: &Policy) -> Result<Submission, Error> {
    read_submission_in(value, policy, Lang::En)
}

/// [`read_submission`], naming problems in `lang`.
pub fn read_submission_in(
    value: &Json<'_>,
    policy: &Policy,
    lang: Lang,
) -> Result<Submission, Error> {
    let mut reader = Reader::new(policy.read_limits()).in_lang(lang);
    let submission = Submission::read(value, &mut reader);
    let (limits, issues) = reader.finish();
    if !limits.is_empty() {
        let mut all = limits;
        all.extend(issues);
        return Err(Error::LimitExceeded(all));
    }
    match submission {
        Some(s) if issues.is_empty() => Ok(s),
        _ => Err(Error::InvalidSubmission(issues)),
    }
}

/// Checks a policy against the rule catalogue, which the policy layer
/// below does not know: every `disabledRules` entry must be a rule id, and
/// the `thresholds` must be the ones the rules declare ([`ThresholdSpec`]):
/// each required one given, no unknown name, each value from 0 to its
/// largest. Every problem is listed.
///
/// [`ThresholdSpec`]: crate::policy::ThresholdSpec
pub fn check_policy(policy: &Policy) -> Result<(), Error> {
    check_policy_in(policy, Lang::En)
}

/// [`check_policy`], naming the problems in `lang`.
pub fn check_policy_in(policy: &Policy, lang: Lang) -> Result<(), Error> {
    let mut issues: Vec<Issue> = policy
        .disabled_rules
        .iter()
        .enumerate()
        .filter(|(_, id)| crate::rules::rule(id).is_none())
        .map(|(i, _)| {
            Issue::new(
                format!("disabledRules[{i}]"),
                tr!(
                    lang,
                    "is not a rule id (see `ctip-screen rules`)",
                    "no es el identificador de una regla (vea `ctip-screen rules`)"
                ),
            )
        })
        .collect();
    let specs = crate::rules::threshold_specs();
    for spec in &specs {
        match policy.thresholds.get(spec.name) {
            None if !spec.optional => issues.push(Issue::new(
                format!("thresholds.{}", spec.name),
                tr!(lang, "is required", "es obligatorio"),
            )),
            None => {}
            Some(t) if !(t.value.is_finite() && t.value >= 0.0 && t.value <= spec.max) => {
                issues.push(Issue::new(format!("thresholds.{}.value", spec.name), {
                    let max = crate::format::grouped(spec.max);
                    tr!(
                        lang,
                        "must be a number from 0 to {max}",
                        "debe ser un número entre 0 y {max}"
                    )
                }));
            }
            Some(_) => {}
        }
    }
    let unknown: Vec<&str> = policy
        .thresholds
        .iter()
        .map(|(name, _)| name)
        .filter(|name| !specs.iter().any(|s| s.name == *name))
        .collect();
    if !unknown.is_empty() {
        let mut known: Vec<&str> = specs.iter().map(|s| s.name).collect();
        crate::sort::sort(&mut known);
        let known = known.join(", ");
        for name in unknown {
            issues.push(Issue::new(
                format!("thresholds.{name}"),
                tr!(
                    lang,
                    "is not a threshold any rule reads; expected one of: {known}",
                    "no es un umbral que lea alguna regla; se esperaba uno de: {known}"
                ),
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidPolicy(issues))
    }
}

/// Parses JSON text into a value; a syntax error becomes `invalid-submission`
/// naming the line and column.
/// A UTF-8 byte order mark before the text is skipped (RFC 8259 section
/// 8.1 lets a parser ignore it; editors on Windows write one).
pub fn parse_json(text: &str) -> Result<Json<'_>, Error> {
    parse_json_in(text, Lang::En)
}

/// [`parse_json`], naming a syntax error in `lang`.
pub fn parse_json_in(text: &str, lang: Lang) -> Result<Json<'_>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Json::parse(text).map_err(|e| Error::InvalidSubmission(vec![Issue::syntax_in(&e, lang)]))
}

/// The date an evaluation uses: the option, else the submission's
/// `submittedOn`, else `today`.
pub fn effective_as_of(options_as_of: Option<Date>, submission: &Submission, today: Date) -> Date {
    options_as_of.or(submission.submitted_on).unwrap_or(today)
}

/// Evaluates a submission at `as_of`, writing in English.
pub fn evaluate(
    submission: &Submission,
    policy: &LoadedPolicy,
    as_of: Date,
    watchlists: &[Watchlist],
) -> Assessment {
    evaluate_in(submission, policy, as_of, watchlists, Lang::En)
}

/// Evaluates a submission at `as_of`, writing every text in `lang`.
pub fn evaluate_in(
    submission: &Submission,
    policy: &LoadedPolicy,
    as_of: Date,
    watchlists: &[Watchlist],
    lang: Lang,
) -> Assessment {
    let rules_policy = policy.policy();
    let ctx =
        Context::new(submission, rules_policy, as_of, policy.goods(), watchlists).in_lang(lang);
    let mut findings = Vec::with_capacity(8);
    let mut gaps = Vec::with_capacity(in_id_order().len());
    let mut evaluated = 0u32;
    let mut applicable = 0u32;
    // In id order, so that the gaps are already sorted.
    for rule in in_id_order() {
        let Some(check) = rule.check else { continue };
        if !rules_policy.is_enabled(rule.id) {
            continue;
        }
        match check(&ctx) {
            Outcome::NotApplicable => {}
            Outcome::Clear => {
                evaluated += 1;
                applicable += 1;
            }
            Outcome::Gap { paths, message } => {
                applicable += 1;
                gaps.push(Gap {
                    rule: rule.id,
                    paths,
                    message,
                    vendor_action: None,
                });
            }
            Outcome::Fired(hit) => {
                evaluated += 1;
                applicable += 1;
                findings.push(Finding {
                    rule: rule.id,
                    severity: hit.severity,
                    points: rules_policy.points_for(hit.severity),
                    title: rule.title.get(lang),
                    message: hit.message,
                    evidence: hit.evidence,
                    citations: crate::rules::citations_in(rule, lang),
                    action: hit
                        .action
                        .map_or(Cow::Borrowed(rule.action.get(lang)), Cow::Owned),
                    vendor_action: None,
                });
            }
        }
    }
    let completeness = if applicable == 0 {
        1.0
    } else {
        (f64::from(evaluated) / f64::from(applicable) * 1000.0).round() / 1000.0
    };
    let mut assessment = Assessment {
        submission_id: submission.id.clone(),
        score: 0,
        tier: crate::model::Tier::Low,
        review_required: false,
        findings,
        gaps,
        completeness,
        as_of,
        policy: policy.reference_in(lang).clone(),
        engine_version: ENGINE_VERSION,
        locale: lang,
        audience: None,
    };
    rescore(&mut assessment, rules_policy);
    assessment
}

/// Sorts the findings and recomputes score, tier and `reviewRequired` from
/// them (after cross-bid findings are added, for instance).
pub fn rescore(assessment: &mut Assessment, policy: &Policy) {
    sort_findings(&mut assessment.findings);
    let total: u64 = assessment
        .findings
        .iter()
        .map(|f| u64::from(f.points))
        .sum();
    assessment.score = u32::try_from(total.min(100)).unwrap_or(100);
    let any_critical = assessment
        .findings
        .iter()
        .any(|f| f.severity == Severity::Critical);
    assessment.tier = policy.tier_for(assessment.score, any_critical);
    assessment.review_required = matches!(
        assessment.tier,
        crate::model::Tier::High | crate::model::Tier::Critical
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{bid, clean_json};
    use serde_json::json;

    fn builtin() -> &'static LoadedPolicy {
        LoadedPolicy::builtin().unwrap()
    }

    #[test]
    fn the_builtin_policy_sets_exactly_the_thresholds_the_rules_declare() {
        assert_eq!(check_policy(builtin().policy()), Ok(()));
        let declared: Vec<&str> = crate::rules::threshold_specs()
            .iter()
            .map(|s| s.name)
            .collect();
        let mut set: Vec<&str> = builtin()
            .policy()
            .thresholds
            .iter()
            .map(|(n, _)| n)
            .collect();
        let mut sorted = declared.clone();
        crate::sort::sort(&mut set);
        crate::sort::sort(&mut sorted);
        assert_eq!(set, sorted);
    }

    #[test]
    fn a_policy_must_set_the_declared_thresholds_and_no_others() {
        let mut p = builtin().policy().clone();
        let burden = p.thresholds.get("payrollBurden").cloned().unwrap();
        let mut kept = crate::policy::Thresholds::default();
        for (name, t) in p.thresholds.iter() {
            if name != "weeklyHoursHigh" && name != "minimumPaydaysPerMonth" {
                kept.insert(name, t.clone());
            }
        }
        kept.insert("weeklyHoursHihg", burden.clone());
        kept.insert(
            "temporaryShare",
            crate::policy::Threshold {
                value: 1.5,
                ..burden
            },
        );
        p.thresholds = kept;
        p.disabled_rules = vec!["no-such-rule".into()];
        let err = check_policy(&p).unwrap_err();
        let issues: Vec<(&str, &str)> = err
            .issues()
            .iter()
            .map(|i| (i.path.as_str(), i.message.as_str()))
            .collect();
        assert_eq!(issues.len(), 4, "{issues:?}");
        assert_eq!(issues[0].0, "disabledRules[0]");
        assert_eq!(issues[1], ("thresholds.weeklyHoursHigh", "is required"));
        assert_eq!(
            issues[2],
            (
                "thresholds.temporaryShare.value",
                "must be a number from 0 to 1"
            )
        );
        assert_eq!(issues[3].0, "thresholds.weeklyHoursHihg");
        assert!(issues[3].1.contains("weeklyHoursHigh"), "{}", issues[3].1);
    }

    #[test]
    fn a_rule_whose_threshold_is_missing_reports_a_gap_not_a_finding() {
        let mut p = builtin().policy().clone();
        let mut kept = crate::policy::Thresholds::default();
        for (name, t) in p.thresholds.iter().filter(|(n, _)| *n != "weeklyHoursHigh") {
            kept.insert(name, t.clone());
        }
        p.thresholds = kept;
        let unchecked = LoadedPolicy::new(p).unwrap();
        let s = bid(json!({"workforce": {"maxWeeklyHours": 90}}));
        let a = evaluate(&s, &unchecked, Date::parse("2026-03-02").unwrap(), &[]);
        assert!(a.findings.iter().all(|f| f.rule != "excessive-hours"));
        let gap = a.gaps.iter().find(|g| g.rule == "excessive-hours").unwrap();
        assert_eq!(gap.paths.to_vec(), ["policy.thresholds.weeklyHoursHigh"]);
    }

    #[test]
    fn clean_bid_scores_only_its_sector() {
        let s = bid(json!({}));
        let a = evaluate(&s, builtin(), Date::parse("2026-03-02").unwrap(), &[]);
        let rules: Vec<&str> = a.findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec!["high-risk-sector"]);
        assert_eq!(a.score, 5);
        assert_eq!(a.tier, crate::model::Tier::Low);
        assert!(!a.review_required);
        assert!(a.gaps.is_empty(), "{:?}", a.gaps);
        assert_eq!(a.completeness, 1.0);
    }

    #[test]
    fn critical_finding_makes_the_tier_critical() {
        let s = bid(json!({"compliance": {"retainsWorkerDocuments": true}}));
        let a = evaluate(&s, builtin(), Date::parse("2026-03-02").unwrap(), &[]);
        assert_eq!(a.tier, crate::model::Tier::Critical);
        assert!(a.review_required);
        assert_eq!(a.findings[0].rule, "document-retention");
        assert_eq!(a.score, 45);
    }

    #[test]
    fn score_is_capped_at_100() {
        let s = bid(json!({
            "compliance": {"retainsWorkerDocuments": true, "training": false, "antiTraffickingPolicy": false},
            "recruitment": {"workerPaidFees": 100},
            "history": {"traffickingFindings": [{"source": "x"}], "exclusions": [{"list": "SAM", "active": true}]}
        }));
        let a = evaluate(&s, builtin(), Date::parse("2026-03-02").unwrap(), &[]);
        assert_eq!(a.score, 100);
    }

    #[test]
    fn every_problem_is_listed_by_path() {
        let mut v = clean_json();
        v["workforce"]["wageRates"] = json!([{"hourly": 20}, {"hourly": 21}, {"hourly": -1}]);
        v["vendor"]["nmae"] = json!("typo");
        v["solicitation"]["sector"] = json!("cleaning");
        v["submittedOn"] = json!("2026-02-30");
        let err = read_submission(&Json::from(&v), builtin().policy()).unwrap_err();
        assert_eq!(err.code(), "invalid-submission");
        let paths: Vec<&str> = err.issues().iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "submittedOn",
                "solicitation.sector",
                "vendor.nmae",
                "workforce.wageRates[2].hourly"
            ]
        );
        assert_eq!(err.issues()[3].message, "must be >= 0");
    }

    #[test]
    fn labor_cost_above_the_total_is_read_and_scored() {
        let mut v = clean_json();
        v["price"] = json!({"total": 1200000.5, "laborCost": 1300000});
        let s = read_submission(&Json::from(&v), builtin().policy()).unwrap();
        let a = evaluate(&s, builtin(), Date::parse("2026-03-02").unwrap(), &[]);
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == "labor-cost-implausible")
            .unwrap();
        assert_eq!(f.severity, Severity::High);
        assert!(
            f.message
                .contains("$1,300,000 is above the whole price of $1,200,000.50"),
            "{}",
            f.message
        );
    }

    #[test]
    fn oversized_input_is_refused_as_limit_exceeded() {
        let mut v = clean_json();
        v["subcontractors"] = serde_json::Value::Array(vec![json!({"name": "x"}); 1001]);
        let err = read_submission(&Json::from(&v), builtin().policy()).unwrap_err();
        assert_eq!(err.code(), "limit-exceeded");
        assert_eq!(err.issues()[0].path, "subcontractors");
    }

    #[test]
    fn disabled_rules_do_not_run() {
        let mut p = builtin().policy().clone();
        p.disabled_rules = vec!["high-risk-sector".to_owned()];
        let loaded = LoadedPolicy::new(p).unwrap();
        let a = evaluate(
            &bid(json!({})),
            &loaded,
            Date::parse("2026-03-02").unwrap(),
            &[],
        );
        assert!(a.findings.is_empty());
        assert_ne!(a.policy.digest, builtin().reference().digest);
    }
}
