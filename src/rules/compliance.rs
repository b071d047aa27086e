//! Group A: anti-trafficking compliance, the federal baseline (FAR
//! 52.222-50) the city wants local bids to meet.

use super::{Context, Group, Outcome, Rule};
use crate::assessment::Evidence;
use crate::model::{PlanElement, Severity};
use crate::policy::{ThresholdSpec, ANY};
use serde_json::Value;
use std::borrow::Cow;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &TIP_CERTIFICATION_MISSING,
    &COMPLIANCE_PLAN_MISSING,
    &COMPLIANCE_PLAN_INCOMPLETE,
    &PLAN_DUTIES_MISSING,
    &ANTI_TRAFFICKING_POLICY_MISSING,
    &TRAINING_MISSING,
    &GRIEVANCE_CHANNEL_MISSING,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "tip-certification-missing",
        r#"{"compliance": {"certifications": null}}"#,
        "compliance.certifications",
    ),
    (
        "compliance-plan-missing",
        r#"{"price": {"offshoreValue": null}}"#,
        "price.offshoreValue",
    ),
    (
        "compliance-plan-incomplete",
        r#"{"compliance": {"compliancePlan": {"elements": null}}}"#,
        "compliance.compliancePlan.elements",
    ),
    (
        "anti-trafficking-policy-missing",
        r#"{"compliance": {"antiTraffickingPolicy": null}}"#,
        "compliance.antiTraffickingPolicy",
    ),
    (
        "training-missing",
        r#"{"compliance": {"training": null}}"#,
        "compliance.training",
    ),
    (
        "grievance-channel-missing",
        r#"{"compliance": {"hotlinePosted": null}}"#,
        "compliance.hotlinePosted",
    ),
    (
        "plan-duties-missing",
        r#"{"compliance": {"compliancePlan": {"posted": null}}}"#,
        "compliance.compliancePlan.posted",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &[];

/// `tip-certification-missing`
pub static TIP_CERTIFICATION_MISSING: Rule = Rule {
    id: "tip-certification-missing",
    group: Group::A,
    title: "Bid does not acknowledge the anti-trafficking clause (FAR 52.222-50)",
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50", "FAR 22.1705(a)(1)"],
    description: "The bid does not acknowledge the Combating Trafficking in Persons clause (listed as `far-52.222-50` in its certifications). FAR 52.222-50 is a contract clause, not a certification: it goes into every solicitation and contract (FAR 22.1705(a)(1)), and Los Angeles alignment asks local bidders to accept the same terms. The certifications the FAR does ask for are separate: FAR 52.222-56 where a compliance plan is required (see compliance-plan-missing) and the annual certification of 52.222-50(h)(5) (see plan-duties-missing).",
    action: "Ask the vendor to acknowledge in writing that the contract will include FAR 52.222-50 and that it accepts its terms, before award.",
    thresholds: &[],
    check: Some(tip_certification_missing),
};

fn tip_certification_missing(c: &Context<'_>) -> Outcome {
    let Some(certs) = &c.submission.compliance.certifications else {
        return Outcome::gap(
            "compliance.certifications",
            "The bid lists no certifications or acknowledgments; ask whether the vendor accepts the FAR 52.222-50 clause.",
        );
    };
    if c.submission.has_certification("far-52.222-50") == Some(true) {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Medium,
        "The bid does not acknowledge the FAR 52.222-50 anti-trafficking clause the contract will include.".to_owned(),
        vec![Evidence::new(
            "compliance.certifications",
            Value::from(certs.clone()),
        )],
    )
}

/// `thresholds.localCompliancePlanValue` of the policy, read by `compliance-plan-missing`.
pub static LOCAL_COMPLIANCE_PLAN_VALUE: ThresholdSpec =
    ThresholdSpec::required("localCompliancePlanValue", ANY);

/// `compliance-plan-missing`
pub static COMPLIANCE_PLAN_MISSING: Rule = Rule {
    id: "compliance-plan-missing",
    group: Group::A,
    title: "Compliance plan required but missing",
    severities: &[Severity::Critical],
    citations: &["FAR 52.222-50(h)", "FAR 52.222-56", "22 U.S.C. 7104a"],
    description: "A compliance plan is required when the part of the contract performed or acquired outside the US exceeds the federal threshold of FAR 52.222-50(h)(1) (unless it is all COTS items); the plan must exist before award and the vendor must certify it (FAR 52.222-56). The local policy also asks a plan of high-risk-sector contracts above its own threshold: that threshold is the city's design number, not a figure of state or federal law.",
    action: "Do not award until the vendor provides a compliance plan and the FAR 52.222-56 certification.",
    thresholds: &[&LOCAL_COMPLIANCE_PLAN_VALUE],
    check: Some(compliance_plan_missing),
};

fn compliance_plan_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let plan = s
        .compliance
        .compliance_plan
        .as_ref()
        .and_then(|p| p.provided);
    let mut reasons = Vec::new();
    let mut evidence = Vec::new();
    let mut missing = Vec::new();
    let mut applies = false;

    // (a) the federal trigger: offshore value above the dated threshold.
    // Amounts are compared in the policy's currency, never across two.
    let threshold = c.policy.compliance_plan_threshold(c.as_of);
    let offshore = s.price.offshore_value.map(|v| (v, c.in_policy_currency(v)));
    match (offshore, threshold) {
        (Some((offshore, Some(converted))), Some(t))
            if converted > t.amount && s.price.offshore_cots_only != Some(true) =>
        {
            applies = true;
            let cert = s.has_certification("far-52.222-56");
            if plan == Some(false) || cert == Some(false) {
                reasons.push(format!(
                    "{} of the contract is performed or acquired outside the US, above the {} threshold of FAR 52.222-50(h), and the bid has {}",
                    c.money(offshore),
                    c.policy_money(t.amount),
                    if plan == Some(false) { "no compliance plan" } else { "no FAR 52.222-56 certification" }
                ));
                evidence.push(Evidence::new("price.offshoreValue", offshore));
            } else {
                if plan.is_none() {
                    missing.push("compliance.compliancePlan.provided");
                }
                if cert.is_none() {
                    missing.push("compliance.certifications");
                }
            }
        }
        (Some((_, None)), Some(_)) => missing.push("solicitation.currency"),
        (None, _) => missing.push("price.offshoreValue"),
        _ => {}
    }

    // (b) the local trigger: a high-risk sector above the local threshold.
    let Some(local) = c.threshold(&LOCAL_COMPLIANCE_PLAN_VALUE) else {
        return super::no_threshold(&LOCAL_COMPLIANCE_PLAN_VALUE);
    };
    let estimate = s
        .solicitation
        .estimated_value
        .map(|v| (v, c.in_policy_currency(v)));
    match (c.high_risk_sector(), estimate) {
        (Some(true), Some((value, Some(converted)))) if converted > local => {
            applies = true;
            match plan {
                Some(false) => {
                    reasons.push(format!(
                        "the contract is in a high-risk sector and estimated at {}, above the local plan threshold of {}, and the bid has no compliance plan",
                        c.money(value),
                        c.policy_money(local)
                    ));
                    evidence.push(Evidence::new("solicitation.estimatedValue", value));
                }
                Some(true) => {}
                None => missing.push("compliance.compliancePlan.provided"),
            }
        }
        (None, _) => missing.push("solicitation.sector"),
        (Some(true), None) => missing.push("solicitation.estimatedValue"),
        (Some(true), Some((_, None))) => missing.push("solicitation.currency"),
        _ => {}
    }

    if !reasons.is_empty() {
        if plan == Some(false) {
            evidence.push(Evidence::new("compliance.compliancePlan.provided", false));
        }
        let mut message = reasons.join("; and ");
        capitalize(&mut message);
        message.push('.');
        return Outcome::fired(Severity::Critical, message, evidence);
    }
    if !missing.is_empty() {
        crate::sort::sort(&mut missing);
        missing.dedup();
        let currency = missing.contains(&"solicitation.currency");
        return Outcome::Gap {
            paths: missing
                .into_iter()
                .map(Cow::Borrowed)
                .collect::<Vec<_>>()
                .into(),
            message: if currency {
                c.currency_gap_message("compliance-plan thresholds").into()
            } else {
                "Cannot tell whether a compliance plan is required or provided; ask for the offshore value of the contract and whether a plan exists.".into()
            },
        };
    }
    if applies {
        Outcome::Clear
    } else {
        Outcome::NotApplicable
    }
}

fn capitalize(text: &mut str) {
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
}

/// `compliance-plan-incomplete`
pub static COMPLIANCE_PLAN_INCOMPLETE: Rule = Rule {
    id: "compliance-plan-incomplete",
    group: Group::A,
    title: "Compliance plan lacks required elements",
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(h)(3)"],
    description: "A compliance plan must include an awareness program, a reporting process, a recruitment and wage plan, and procedures to monitor subcontractors and agents; and a housing plan where the employer provides housing.",
    action: "Ask the vendor to complete the plan with the missing elements before award.",
    thresholds: &[],
    check: Some(compliance_plan_incomplete),
};

const REQUIRED_ELEMENTS: [PlanElement; 4] = [
    PlanElement::Awareness,
    PlanElement::Reporting,
    PlanElement::RecruitmentWage,
    PlanElement::SubcontractorMonitoring,
];

fn compliance_plan_incomplete(c: &Context<'_>) -> Outcome {
    let Some(plan) = &c.submission.compliance.compliance_plan else {
        return Outcome::NotApplicable;
    };
    if plan.provided != Some(true) {
        return Outcome::NotApplicable;
    }
    let Some(elements) = &plan.elements else {
        return Outcome::gap(
            "compliance.compliancePlan.elements",
            "A compliance plan is provided but its elements are not listed; ask for the plan.",
        );
    };
    let mut lacking: Vec<PlanElement> = REQUIRED_ELEMENTS
        .iter()
        .copied()
        .filter(|e| !elements.contains(e))
        .collect();
    if c.submission.workforce.housing_provided == Some(true)
        && !elements.contains(&PlanElement::Housing)
    {
        lacking.push(PlanElement::Housing);
    }
    if lacking.is_empty() {
        return Outcome::Clear;
    }
    let names: Vec<&str> = lacking.iter().map(|e| e.as_str()).collect();
    Outcome::fired(
        Severity::High,
        format!("The compliance plan lacks: {}.", names.join(", ")),
        vec![Evidence::new(
            "compliance.compliancePlan.elements",
            Value::from_iter(elements.iter().map(|e| e.as_str())),
        )],
    )
}

/// `plan-duties-missing`
pub static PLAN_DUTIES_MISSING: Rule = Rule {
    id: "plan-duties-missing",
    group: Group::A,
    title: "Compliance plan duties not committed",
    severities: &[Severity::Medium],
    citations: &[
        "FAR 52.222-50(h)(4)",
        "FAR 52.222-50(h)(5)",
        "FAR 52.222-50(i)(2)",
    ],
    description: "A compliance plan is part of the bid, but the vendor does not commit to what the clause asks around it: posting the plan at the workplace and on its website ((h)(4)), certifying every year that the plan is carried out ((h)(5)), and, where part of the work is performed or acquired outside the US above the plan threshold, requiring its subcontractors' certifications before their subcontracts are awarded ((i)(2)).",
    action: "Ask the vendor to commit in writing to each duty named, as a condition of award.",
    thresholds: &[],
    check: Some(plan_duties_missing),
};

fn plan_duties_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some(plan) = s
        .compliance
        .compliance_plan
        .as_ref()
        .filter(|p| p.provided == Some(true))
    else {
        return Outcome::NotApplicable;
    };
    // (i)(2) concerns subcontracts for work or supplies outside the US above
    // the plan threshold: asked only where the bid has such a part and
    // subcontractors.
    let threshold = c
        .policy
        .compliance_plan_threshold(c.as_of)
        .map(|t| t.amount);
    let offshore = matches!((s.price.offshore_value, threshold), (Some(v), Some(t)) if v > t);
    let subcontracted = s
        .subcontractors
        .as_ref()
        .is_some_and(|subs| !subs.is_empty());
    let mut duties = vec![
        (
            "compliance.compliancePlan.posted",
            plan.posted,
            "to post the plan at the workplace and on its website ((h)(4))",
        ),
        (
            "compliance.compliancePlan.annualCertification",
            plan.annual_certification,
            "to certify every year that the plan is carried out ((h)(5))",
        ),
    ];
    if offshore && subcontracted {
        duties.push((
            "compliance.compliancePlan.subcontractorCertifications",
            plan.subcontractor_certifications,
            "to require its subcontractors' certifications before award ((i)(2))",
        ));
    }
    Outcome::from_commitments(
        &duties,
        Severity::Medium,
        |what| format!("The vendor does not commit {}.", what.join(", nor ")),
        "The bid does not say whether the vendor will post its compliance plan, certify it every year and, where it applies, require its subcontractors' certifications; ask.",
    )
}

/// `anti-trafficking-policy-missing`
pub static ANTI_TRAFFICKING_POLICY_MISSING: Rule = Rule {
    id: "anti-trafficking-policy-missing",
    group: Group::A,
    title: "No anti-trafficking policy",
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(c)"],
    description: "The vendor has no written policy telling its employees what trafficking-related conduct is prohibited and what happens when it occurs.",
    action: "Ask for the vendor's written anti-trafficking policy and how it is communicated to employees.",
    thresholds: &[],
    check: Some(anti_trafficking_policy_missing),
};

fn anti_trafficking_policy_missing(c: &Context<'_>) -> Outcome {
    flag_false(
        c.submission.compliance.anti_trafficking_policy,
        "compliance.antiTraffickingPolicy",
        "The vendor states it has no anti-trafficking policy.",
        "The bid does not say whether the vendor has an anti-trafficking policy; ask for it.",
    )
}

/// `training-missing`
pub static TRAINING_MISSING: Rule = Rule {
    id: "training-missing",
    group: Group::A,
    title: "No anti-trafficking training",
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(h)(3)(i)"],
    description: "The vendor does not train its staff on trafficking, the employee awareness program a compliance plan requires.",
    action: "Ask how and when staff and supervisors will be trained, and require it as a contract term.",
    thresholds: &[],
    check: Some(training_missing),
};

fn training_missing(c: &Context<'_>) -> Outcome {
    flag_false(
        c.submission.compliance.training,
        "compliance.training",
        "The vendor states it provides no anti-trafficking training.",
        "The bid does not say whether staff are trained on trafficking; ask.",
    )
}

/// Fires medium when `value` is `false`, reports a gap when it is absent.
fn flag_false(value: Option<bool>, path: &'static str, fired: &str, gap: &'static str) -> Outcome {
    match value {
        Some(true) => Outcome::Clear,
        Some(false) => Outcome::fired(
            Severity::Medium,
            fired.to_owned(),
            vec![Evidence::new(path, false)],
        ),
        None => Outcome::gap(path, gap),
    }
}

/// `grievance-channel-missing`
pub static GRIEVANCE_CHANNEL_MISSING: Rule = Rule {
    id: "grievance-channel-missing",
    group: Group::A,
    title: "No grievance channel or hotline notice",
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(h)(3)(ii)"],
    description: "Workers have no way to report abuse without retaliation, or the Global Human Trafficking Hotline (1-844-888-FREE, help@befree.org) is not made available to them where they work: the reporting process FAR 52.222-50(h)(3)(ii) describes. (Cal. Civ. Code 52.6 obliges listed venues, such as airports, bus stations and hotels, to post a hotline notice; it binds the venue, not the contractor as such, so it is not cited here.)",
    action: "Require a grievance process and the hotline made available to every worker (FAR 52.222-50(h)(3)(ii)) as conditions of award.",
    thresholds: &[],
    check: Some(grievance_channel_missing),
};

fn grievance_channel_missing(c: &Context<'_>) -> Outcome {
    let compliance = &c.submission.compliance;
    let fields = [
        (
            "compliance.grievanceMechanism",
            compliance.grievance_mechanism,
            "no grievance mechanism",
        ),
        (
            "compliance.hotlinePosted",
            compliance.hotline_posted,
            "no posted hotline notice",
        ),
    ];
    Outcome::from_commitments(
        &fields,
        Severity::Medium,
        |what| format!("The vendor has {}.", what.join(" and ")),
        "The bid does not say whether workers have a grievance channel and a posted hotline notice; ask.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn tip_certification() {
        let r = &TIP_CERTIFICATION_MISSING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"compliance": {"certifications": ["la-sweatfree"]}})
            )),
            Some(Severity::Medium)
        );
        assert!(gap_at(
            &run(r, json!({"compliance": {"certifications": null}})),
            "compliance.certifications"
        ));
        assert_eq!(
            run(
                r,
                json!({"compliance": {"certifications": [" FAR-52.222-50 "]}})
            ),
            Outcome::Clear
        );
    }

    #[test]
    fn compliance_plan_missing_federal_trigger() {
        let r = &COMPLIANCE_PLAN_MISSING;
        let offshore =
            json!({"price": {"offshoreValue": 800000, "total": 900000, "laborCost": 100000}});
        // provided plan but no 52.222-56 certification: fires
        assert_eq!(fired(&run(r, offshore.clone())), Some(Severity::Critical));
        // all COTS: does not apply
        let mut cots = offshore.clone();
        cots["price"]["offshoreCotsOnly"] = json!(true);
        assert_eq!(run(r, cots), Outcome::NotApplicable);
        // certified with a plan: clear
        let mut ok = offshore;
        ok["compliance"] = json!({"certifications": ["far-52.222-50", "far-52.222-56"]});
        assert_eq!(run(r, ok), Outcome::Clear);
        // below the $700,000 threshold in force on 2026-03-02
        assert_eq!(
            run(
                r,
                json!({"price": {"offshoreValue": 650000, "total": 900000}})
            ),
            Outcome::NotApplicable
        );
        // the same value before 2025-10-01 is above the $550,000 threshold
        assert_eq!(
            fired(&run(
                r,
                json!({"submittedOn": "2025-09-30", "price": {"offshoreValue": 650000, "total": 900000}})
            )),
            Some(Severity::Critical)
        );
    }

    #[test]
    fn compliance_plan_missing_local_trigger() {
        let r = &COMPLIANCE_PLAN_MISSING;
        let big = json!({"solicitation": {"estimatedValue": 600000}, "compliance": {"compliancePlan": {"provided": false}}});
        assert_eq!(fired(&run(r, big.clone())), Some(Severity::Critical));
        let mut office = big.clone();
        office["solicitation"]["sector"] = json!("professional-services");
        assert_eq!(run(r, office), Outcome::NotApplicable);
        let mut unknown = big;
        unknown["compliance"]["compliancePlan"] = json!(null);
        assert!(gap_at(
            &run(r, unknown),
            "compliance.compliancePlan.provided"
        ));
        assert!(gap_at(
            &run(r, json!({"price": {"offshoreValue": null}})),
            "price.offshoreValue"
        ));
    }

    /// Amounts in another currency are never compared with the policy's
    /// USD thresholds as if they were dollars: a gap names both currencies,
    /// unless the policy gives an exchange rate.
    #[test]
    fn thresholds_are_not_compared_across_currencies() {
        let r = &COMPLIANCE_PLAN_MISSING;
        let eur = json!({"solicitation": {"currency": "EUR", "estimatedValue": 300000},
                         "price": {"offshoreValue": 800000, "total": 900000, "laborCost": 100000}});
        let out = run(r, eur.clone());
        assert!(gap_at(&out, "solicitation.currency"), "{out:?}");
        if let Outcome::Gap { message, .. } = &out {
            assert!(
                message.contains("in EUR") && message.contains("in USD"),
                "{message}"
            );
        }
        let mut policy = crate::rules::testing::policy().clone();
        policy.exchange_rates.push(crate::policy::ExchangeRate {
            currency: "EUR".to_owned(),
            rate: 1.1,
            effective: crate::date::Date::from_ymd(2026, 1, 1).unwrap(),
            source: "test".to_owned(),
            provenance: Default::default(),
        });
        let s = crate::rules::testing::bid(eur);
        let ctx = Context::new(
            &s,
            &policy,
            s.submitted_on.unwrap(),
            crate::rules::testing::loaded().goods(),
            &[],
        );
        match compliance_plan_missing(&ctx) {
            Outcome::Fired(hit) => assert!(
                hit.message.starts_with("\u{20ac}800,000 of the contract is performed or acquired outside the US, above the $700,000 threshold"),
                "{}",
                hit.message
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn compliance_plan_incomplete() {
        let r = &COMPLIANCE_PLAN_INCOMPLETE;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let partial = json!({"compliance": {"compliancePlan": {"provided": true, "elements": ["awareness"]}}});
        assert_eq!(fired(&run(r, partial)), Some(Severity::High));
        let housing = json!({"workforce": {"housingProvided": true}});
        assert_eq!(fired(&run(r, housing)), Some(Severity::High));
        let no_plan = json!({"compliance": {"compliancePlan": {"provided": false}}});
        assert_eq!(run(r, no_plan), Outcome::NotApplicable);
        let unlisted = json!({"compliance": {"compliancePlan": {"elements": null}}});
        assert!(gap_at(
            &run(r, unlisted),
            "compliance.compliancePlan.elements"
        ));
    }

    #[test]
    fn plan_duties() {
        let r = &PLAN_DUTIES_MISSING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let no_plan =
            json!({"compliance": {"compliancePlan": {"provided": false, "posted": false}}});
        assert_eq!(run(r, no_plan), Outcome::NotApplicable);
        let unposted = json!({"compliance": {"compliancePlan": {"posted": false, "annualCertification": false}}});
        let out = run(r, unposted);
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message.contains("((h)(4))") && hit.message.contains("((h)(5))"),
                "{}",
                hit.message
            );
            assert_eq!(hit.evidence.len(), 2);
        }
        assert!(gap_at(
            &run(
                r,
                json!({"compliance": {"compliancePlan": {"annualCertification": null}}})
            ),
            "compliance.compliancePlan.annualCertification"
        ));
        // Subcontractor certifications matter only for offshore work above the threshold.
        let domestic =
            json!({"compliance": {"compliancePlan": {"subcontractorCertifications": false}}});
        assert_eq!(run(r, domestic), Outcome::Clear);
        let offshore = json!({"price": {"offshoreValue": 800000, "total": 900000, "laborCost": 100000},
                              "compliance": {"compliancePlan": {"subcontractorCertifications": false}}});
        assert_eq!(fired(&run(r, offshore)), Some(Severity::Medium));
    }

    #[test]
    fn policy_training_grievance() {
        for (rule, key) in [
            (&ANTI_TRAFFICKING_POLICY_MISSING, "antiTraffickingPolicy"),
            (&TRAINING_MISSING, "training"),
            (&GRIEVANCE_CHANNEL_MISSING, "hotlinePosted"),
            (&GRIEVANCE_CHANNEL_MISSING, "grievanceMechanism"),
        ] {
            assert_eq!(run(rule, json!({})), Outcome::Clear, "{key}");
            assert_eq!(
                fired(&run(rule, json!({"compliance": {key: false}}))),
                Some(Severity::Medium),
                "{key}"
            );
            assert!(
                gap_at(
                    &run(rule, json!({"compliance": {key: null}})),
                    &format!("compliance.{key}")
                ),
                "{key}"
            );
        }
    }
}
