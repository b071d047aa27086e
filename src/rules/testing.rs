//! Test support for rule unit tests: a clean bid, JSON merge patches over
//! it, and running one rule.

use super::{Outcome, Rule};
use crate::engine::read_submission;
use crate::model::Submission;
use crate::policy::LoadedPolicy;
use crate::rules::Context;
use serde_json::{json, Value};

/// A complete bid that no rule of groups A-F flags except the context rules
/// for its sector and dates.
pub fn clean_json() -> Value {
    json!({
      "id": "BID-TEST",
      "submittedOn": "2026-03-02",
      "solicitation": {
        "id": "RFP-TEST", "title": "Office cleaning", "jurisdiction": "la-city",
        "sector": "janitorial", "publicWork": false, "estimatedValue": 400000,
        "procurementMethod": "open", "procurementCategory": "services",
        "tenderPeriod": { "start": "2026-01-05", "end": "2026-02-20" },
        "performancePeriod": { "start": "2027-01-01", "end": "2027-12-31" },
        "wageDeterminations": [ { "role": "janitor", "hourly": 19.80, "source": "LA City Living Wage" } ]
      },
      "vendor": {
        "name": "Clean Co LLC",
        "identifiers": { "uei": "ABCDEF123456", "fein": "95-1234567", "dir": "1000012345" },
        "incorporatedOn": "2015-04-12",
        "address": { "street": "100 Main St", "city": "Los Angeles", "region": "CA", "postalCode": "90012", "country": "US" },
        "contact": { "email": "bids@clean.example", "phone": "+1 213 555 0100" },
        "principals": ["Jane Doe"], "annualRevenue": 8000000, "businessType": "services", "laborBroker": false
      },
      "price": { "total": 380000, "laborCost": 300000, "laborHours": 12000, "offshoreValue": 0, "offshoreCotsOnly": false },
      "workforce": {
        "headcount": 10, "peakHeadcount": 12, "temporaryShare": 0.1, "independentContractorShare": 0.0,
        "recruitedAbroad": 0, "temporaryWorkerProgram": "none", "languages": ["en", "es"], "maxWeeklyHours": 40,
        "wageRates": [ { "role": "janitor", "hourly": 20.10, "workers": 10 } ],
        "housingProvided": false, "deductions": [], "payFrequency": "biweekly", "payHeldBack": false
      },
      "recruitment": { "usesRecruiters": false, "recruiters": [], "workerPaidFees": 0 },
      "subcontractors": [
        { "name": "Window Pros", "tier": 1, "shareOfValue": 0.1, "sector": "janitorial",
          "laborBroker": false, "flowDown": true, "identifiers": { "dir": "1000099999" }, "dirRegistered": true }
      ],
      "supplyItems": [ { "description": "Mops", "good": "Mops", "countryOfOrigin": "US", "value": 2000, "supplier": "Mop Inc" } ],
      "compliance": {
        "certifications": ["far-52.222-50"], "antiTraffickingPolicy": true,
        "compliancePlan": { "provided": true, "elements": ["awareness", "reporting", "recruitment-wage", "subcontractor-monitoring"],
                            "posted": true, "annualCertification": true, "subcontractorCertifications": true },
        "training": true, "grievanceMechanism": true, "hotlinePosted": true,
        "retainsWorkerDocuments": false, "contractLanguages": ["en", "es"],
        "returnTransportPolicy": true, "housingPlan": null, "supplyChainDisclosureUrl": null
      },
      "history": { "wageViolations": [], "exclusions": [], "traffickingFindings": [] }
    })
}

/// RFC 7386 JSON merge patch: objects merge, `null` removes, anything else replaces.
pub fn merge(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    if let Value::Object(map) = target {
        for (key, value) in patch {
            if value.is_null() {
                map.remove(key);
            } else {
                merge(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The clean bid with `patch` merged in.
pub fn bid(patch: Value) -> Submission {
    let mut value = clean_json();
    merge(&mut value, &patch);
    match read_submission(&crate::json::Json::from(&value), policy()) {
        Ok(s) => s,
        Err(e) => unreachable!("test bid is invalid: {e}"),
    }
}

/// The built-in policy.
pub fn policy() -> &'static crate::policy::Policy {
    loaded().policy()
}

/// The built-in policy with its goods lists.
pub fn loaded() -> &'static LoadedPolicy {
    match LoadedPolicy::builtin() {
        Ok(p) => p,
        Err(e) => unreachable!("{e}"),
    }
}

/// Runs one rule on a submission at its `submittedOn` date.
pub fn check(rule: &Rule, submission: &Submission) -> Outcome {
    let as_of = submission
        .submitted_on
        .unwrap_or(crate::date::Date::from_days(0));
    let ctx = Context::new(submission, policy(), as_of, loaded().goods(), &[]);
    match rule.check {
        Some(f) => f(&ctx),
        None => Outcome::NotApplicable,
    }
}

/// Runs one rule on the clean bid patched with `patch`.
pub fn run(rule: &Rule, patch: Value) -> Outcome {
    check(rule, &bid(patch))
}

/// The severity if the rule fired, else `None`.
pub fn fired(outcome: &Outcome) -> Option<crate::model::Severity> {
    match outcome {
        Outcome::Fired(hit) => Some(hit.severity),
        _ => None,
    }
}

/// True when the outcome is a gap naming `path`.
pub fn gap_at(outcome: &Outcome, path: &str) -> bool {
    matches!(outcome, Outcome::Gap { paths, .. } if paths.iter().any(|p| p == path))
}
