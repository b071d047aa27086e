//! Group F: the vendor's history of exclusions, trafficking findings and
//! wage theft.

use super::{Context, Group, Outcome, Rule};
use crate::assessment::Evidence;
use crate::model::{Severity, ViolationStatus};
use crate::policy::ThresholdSpec;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[&EXCLUDED_PARTY, &TRAFFICKING_FINDING, &WAGE_THEFT_HISTORY];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "excluded-party",
        r#"{"history": {"exclusions": null}}"#,
        "history.exclusions",
    ),
    (
        "trafficking-finding",
        r#"{"history": {"traffickingFindings": null}}"#,
        "history.traffickingFindings",
    ),
    (
        "wage-theft-history",
        r#"{"history": {"wageViolations": null}}"#,
        "history.wageViolations",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &[];

/// `excluded-party`
pub static EXCLUDED_PARTY: Rule = Rule {
    id: "excluded-party",
    group: Group::F,
    title: "Vendor is excluded or debarred",
    severities: &[Severity::Critical],
    citations: &["FAR 9.4", "LACC 2.202 (County debarment)"],
    description: "The vendor reports an exclusion or debarment that is in force.",
    action:
        "Confirm the exclusion on the list named; an excluded vendor may not receive the award.",
    thresholds: &[],
    check: Some(excluded_party),
};

fn excluded_party(c: &Context<'_>) -> Outcome {
    let Some(exclusions) = &c.submission.history.exclusions else {
        return Outcome::gap(
            "history.exclusions",
            "The bid does not report exclusions; check SAM and the County debarment list.",
        );
    };
    let active: Vec<(usize, String)> = exclusions
        .iter()
        .enumerate()
        .filter(|(_, e)| e.active == Some(true))
        .map(|(i, e)| {
            let until = e.until.map(|d| format!(" until {d}")).unwrap_or_default();
            (
                i,
                format!("{}{until}", e.list.as_deref().unwrap_or("an unnamed list")),
            )
        })
        .collect();
    if active.is_empty() {
        return Outcome::Clear;
    }
    let lists: Vec<&str> = active.iter().map(|(_, l)| l.as_str()).collect();
    Outcome::fired(
        Severity::Critical,
        format!(
            "The vendor reports an exclusion in force: {}.",
            lists.join("; ")
        ),
        active
            .iter()
            .map(|(i, _)| Evidence::new(format!("history.exclusions[{i}].active"), true))
            .collect(),
    )
}

/// `trafficking-finding`
pub static TRAFFICKING_FINDING: Rule = Rule {
    id: "trafficking-finding",
    group: Group::F,
    title: "Past trafficking finding",
    severities: &[Severity::Critical],
    citations: &[
        "FAR 52.222-50(e) (remedies, including suspension and debarment)",
        "FAR 9.104-1(d) (a satisfactory record of integrity and business ethics)",
    ],
    description: "An agency or court has found trafficking-related conduct by the vendor. Such a finding is what the clause's remedies answer, up to suspension and debarment, and weighs on whether the vendor has the satisfactory record of integrity a responsible contractor needs.",
    action: "Obtain the finding and what the vendor did about it; refer to the contracting officer before any award.",
    thresholds: &[],
    check: Some(trafficking_finding),
};

fn trafficking_finding(c: &Context<'_>) -> Outcome {
    let Some(findings) = &c.submission.history.trafficking_findings else {
        return Outcome::gap(
            "history.traffickingFindings",
            "The bid does not report past trafficking findings; ask.",
        );
    };
    if findings.is_empty() {
        return Outcome::Clear;
    }
    let described: Vec<String> = findings
        .iter()
        .map(|f| {
            let date = f.date.map(|d| format!(" on {d}")).unwrap_or_default();
            format!(
                "{}{date}",
                f.source.as_deref().unwrap_or("an unnamed source")
            )
        })
        .collect();
    Outcome::fired(
        Severity::Critical,
        format!(
            "The vendor reports {} trafficking finding(s): {}.",
            findings.len(),
            described.join("; ")
        ),
        (0..findings.len())
            .map(|i| {
                Evidence::new(
                    format!("history.traffickingFindings[{i}]"),
                    described.get(i).cloned().unwrap_or_default(),
                )
            })
            .collect(),
    )
}

/// `thresholds.wageViolationYears` of the policy, read by `wage-theft-history`.
pub static WAGE_VIOLATION_YEARS: ThresholdSpec =
    ThresholdSpec::required("wageViolationYears", 100.0);

/// `wage-theft-history`
pub static WAGE_THEFT_HISTORY: Rule = Rule {
    id: "wage-theft-history",
    group: Group::F,
    title: "Wage-theft history",
    severities: &[Severity::High, Severity::Critical],
    citations: &["Cal. Lab. Code 1725.5", "LAAC 10.40 (Contractor Responsibility Program)"],
    description: "The vendor has an unpaid wage judgment or assessment (critical), or any wage violation within the policy's number of years before the assessment date (high).",
    action: "Ask for proof of payment and what changed since; weigh it in the responsibility determination.",
    thresholds: &[&WAGE_VIOLATION_YEARS],
    check: Some(wage_theft_history),
};

fn wage_theft_history(c: &Context<'_>) -> Outcome {
    let Some(violations) = &c.submission.history.wage_violations else {
        return Outcome::gap("history.wageViolations", "The bid does not report wage violations; ask and check the Labor Commissioner's records.");
    };
    let Some(years) = c.threshold(&WAGE_VIOLATION_YEARS) else {
        return super::no_threshold(&WAGE_VIOLATION_YEARS);
    };
    let since = c.as_of.add_months(-((years * 12.0) as i32));
    let mut severity = None;
    let mut what = Vec::new();
    let mut evidence = Vec::new();
    for (i, v) in violations.iter().enumerate() {
        let amount = v
            .amount
            .map(|a| format!(" of {}", c.money(a)))
            .unwrap_or_default();
        let agency = v
            .agency
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        if v.status == Some(ViolationStatus::Unpaid) {
            severity = severity.max(Some(Severity::Critical));
            what.push(format!("an unpaid violation{amount}{agency}"));
            evidence.push(Evidence::new(
                format!("history.wageViolations[{i}].status"),
                "unpaid",
            ));
        } else if let Some(date) = v.date.filter(|d| *d >= since && *d <= c.as_of) {
            severity = severity.max(Some(Severity::High));
            what.push(format!("a violation{amount} on {date}{agency}"));
            evidence.push(Evidence::new(
                format!("history.wageViolations[{i}].date"),
                date.to_string(),
            ));
        }
    }
    match severity {
        Some(severity) => Outcome::fired(
            severity,
            format!("Wage-theft history: {}.", what.join("; ")),
            evidence,
        ),
        None => Outcome::Clear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn exclusions() {
        let r = &EXCLUDED_PARTY;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let past = json!({"history": {"exclusions": [{"list": "SAM", "active": false, "until": "2023-01-01"}]}});
        assert_eq!(run(r, past), Outcome::Clear);
        let active = json!({"history": {"exclusions": [{"list": "SAM", "active": true}]}});
        assert_eq!(fired(&run(r, active)), Some(Severity::Critical));
        assert!(gap_at(
            &run(r, json!({"history": {"exclusions": null}})),
            "history.exclusions"
        ));
    }

    #[test]
    fn trafficking_findings() {
        let r = &TRAFFICKING_FINDING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let one = json!({"history": {"traffickingFindings": [{"date": "2020-01-01", "source": "DOL", "description": "x"}]}});
        assert_eq!(fired(&run(r, one)), Some(Severity::Critical));
    }

    #[test]
    fn wage_theft() {
        let r = &WAGE_THEFT_HISTORY;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let recent = json!({"history": {"wageViolations": [{"date": "2022-09-01", "amount": 12000, "status": "paid"}]}});
        assert_eq!(fired(&run(r, recent)), Some(Severity::High));
        let old = json!({"history": {"wageViolations": [{"date": "2021-03-01", "amount": 12000, "status": "paid"}]}});
        assert_eq!(run(r, old), Outcome::Clear);
        let unpaid =
            json!({"history": {"wageViolations": [{"date": "2010-01-01", "status": "unpaid"}]}});
        assert_eq!(fired(&run(r, unpaid)), Some(Severity::Critical));
    }
}
