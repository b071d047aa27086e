//! Group C: wages and price. A price that cannot pay lawful wages is the
//! plainest sign that someone in the chain will not be paid them.

use super::{percent, quoted, Context, Group, Outcome, Rule};
use crate::assessment::Evidence;
use crate::model::{DeductionKind, Severity};
use crate::policy::{ThresholdSpec, SHARE};
use std::borrow::Cow;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &WAGE_BELOW_FLOOR,
    &LABOR_COST_IMPLAUSIBLE,
    &PRICE_BELOW_ESTIMATE,
    &WAGE_WITHHOLDING,
    &POLICY_STALE,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "wage-below-floor",
        r#"{"workforce": {"wageRates": null}}"#,
        "workforce.wageRates",
    ),
    (
        "labor-cost-implausible",
        r#"{"price": {"laborCost": null}}"#,
        "price.laborCost",
    ),
    (
        "price-below-estimate",
        r#"{"price": {"total": null}}"#,
        "price.total",
    ),
    (
        "wage-withholding",
        r#"{"workforce": {"payHeldBack": null}}"#,
        "workforce.payHeldBack",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &["policy-stale"];

/// `wage-below-floor`
pub static WAGE_BELOW_FLOOR: Rule = Rule {
    id: "wage-below-floor",
    group: Group::C,
    title: "Wage below the legal floor",
    severities: &[Severity::Critical],
    citations: &[
        "Cal. Lab. Code 1182.12",
        "LAMC ch. XVIII art. 7 (City minimum wage)",
        "LACC 8.100 (County minimum wage)",
        "Cal. Lab. Code 1771 (prevailing wage)",
    ],
    description: "A wage rate in the bid is below the floor in force on the assessment date: the highest of the state minimum, the jurisdiction's minimum, a sector floor (the LA hotel and airport wage for hospitality in the City), and the solicitation's wage determination for the same role.",
    action: "Ask the vendor to correct the rate and show how the price covers lawful wages; a bid that cannot pay the floor should not be awarded as it stands.",
    thresholds: &[],
    check: Some(wage_below_floor),
};

fn wage_below_floor(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some(rates) = &s.workforce.wage_rates else {
        return Outcome::gap(
            "workforce.wageRates",
            "The bid gives no wage rates; ask for the hourly wage of each role.",
        );
    };
    let determinations = s
        .solicitation
        .wage_determinations
        .as_deref()
        .unwrap_or_default();
    let policy_floor = c.highest_floor();
    if policy_floor.is_none() && determinations.is_empty() {
        return Outcome::gap(
            "solicitation.jurisdiction",
            "No wage floor is known for this solicitation; give its jurisdiction.",
        );
    }
    let mut below = Vec::new();
    let mut evidence = Vec::new();
    let mut health_note = None;
    for (i, rate) in rates.iter().enumerate() {
        let determination = rate.role.as_deref().and_then(|role| {
            determinations
                .iter()
                .filter(|d| d.role.trim().eq_ignore_ascii_case(role.trim()))
                .max_by(|a, b| a.hourly.total_cmp(&b.hourly))
        });
        // Everything is compared in the bid's currency: the policy's floor
        // converted (the same number when the currencies agree), and a
        // determination as the solicitation states it.
        let policy_here = policy_floor.map(|p| (c.from_policy_currency(p.hourly), p));
        let (floor, source) = match (policy_here, determination) {
            (Some((Some(p), policy)), Some(d)) if d.hourly <= p => (p, policy.source.as_str()),
            (Some((Some(p), policy)), None) => (p, policy.source.as_str()),
            (_, Some(d)) => (
                d.hourly,
                d.source.as_deref().unwrap_or("wage determination"),
            ),
            (Some((None, _)), None) => return c.currency_gap("wage floors"),
            (None, None) => continue,
        };
        if rate.hourly < floor {
            let workers = rate
                .workers
                .map(|w| format!(" for {w} workers"))
                .unwrap_or_default();
            below.push(format!(
                "{} at {}/h{workers}, below {}/h ({source})",
                quoted(rate.role.as_deref(), "an unnamed role"),
                c.money(rate.hourly),
                c.money(floor)
            ));
            evidence.push(Evidence::new(
                format!("workforce.wageRates[{i}].hourly"),
                rate.hourly,
            ));
        }
        if let Some(h) = policy_floor.and_then(|p| p.health_payment) {
            health_note = Some(h);
        }
    }
    if below.is_empty() {
        return Outcome::Clear;
    }
    let mut hit = match Outcome::fired(
        Severity::Critical,
        format!(
            "Wage rates below the floor in force on {} ({} of {}): {}.",
            c.as_of,
            below.len(),
            rates.len(),
            below.join("; ")
        ),
        evidence,
    ) {
        Outcome::Fired(hit) => hit,
        other => return other,
    };
    if let Some(h) = health_note {
        hit.action = Some(format!(
            "{} Where no health benefits are given, a further {}/h health payment is owed.",
            WAGE_BELOW_FLOOR.action,
            c.policy_money(h)
        ));
    }
    Outcome::Fired(hit)
}

/// `thresholds.payrollBurden` of the policy, read by `labor-cost-implausible`.
pub static PAYROLL_BURDEN: ThresholdSpec = ThresholdSpec::required("payrollBurden", 10.0);

/// `labor-cost-implausible`
pub static LABOR_COST_IMPLAUSIBLE: Rule = Rule {
    id: "labor-cost-implausible",
    group: Group::C,
    title: "Labor cost that cannot pay lawful wages",
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2810"],
    description: "The labor cost divided by the labor hours is below the lowest lawful wage times the policy's payroll burden, or the stated labor cost is above the whole price, so the price cannot pay for the labor the bid itself counts. A contract that cannot pay lawful wages is unlawful to enter in construction, janitorial, security guard, garment, farm labor and warehouse work.",
    action: "Ask the vendor to explain how its labor cost covers wages, payroll taxes and insurance at the floor (Cal. Lab. Code 2810 requires the information).",
    thresholds: &[&PAYROLL_BURDEN],
    check: Some(labor_cost_implausible),
};

fn labor_cost_implausible(c: &Context<'_>) -> Outcome {
    let p = &c.submission.price;
    if let (Some(cost), Some(total)) = (p.labor_cost, p.total) {
        if cost > total {
            return Outcome::fired(
                Severity::High,
                format!(
                    "The stated labor cost of {} is above the whole price of {}: the price cannot pay for the labor the bid itself counts.",
                    c.money(cost),
                    c.money(total)
                ),
                vec![
                    Evidence::new("price.laborCost", cost),
                    Evidence::new("price.total", total),
                ],
            );
        }
    }
    let (Some(cost), Some(hours)) = (p.labor_cost, p.labor_hours) else {
        let mut paths = Vec::new();
        if p.labor_cost.is_none() {
            paths.push(Cow::Borrowed("price.laborCost"));
        }
        if p.labor_hours.is_none() {
            paths.push(Cow::Borrowed("price.laborHours"));
        }
        return Outcome::Gap {
            paths: paths.into(),
            message: "The bid does not give its labor cost and labor hours; ask for them.".into(),
        };
    };
    if hours <= 0.0 {
        return Outcome::NotApplicable;
    }
    let Some(floor) = c.highest_floor() else {
        return Outcome::gap(
            "solicitation.jurisdiction",
            "No wage floor is known for this solicitation; give its jurisdiction.",
        );
    };
    let Some(burden) = c.threshold(&PAYROLL_BURDEN) else {
        return super::no_threshold(&PAYROLL_BURDEN);
    };
    let minimum = floor.hourly * burden;
    let Some(per_hour) = c.in_policy_currency(cost / hours) else {
        return c.currency_gap("wage floors");
    };
    if per_hour >= minimum {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        format!(
            "The labor cost of {} over {} hours is {}/h, below {}/h: the {}/h floor times a payroll burden of {}.",
            c.money(cost),
            super::number(hours),
            c.policy_money(per_hour),
            c.policy_money(minimum),
            c.policy_money(floor.hourly),
            super::number(burden)
        ),
        vec![Evidence::new("price.laborCost", cost), Evidence::new("price.laborHours", hours)],
    )
}

/// `thresholds.priceBelowEstimate` of the policy, read by `price-below-estimate`.
pub static PRICE_BELOW_ESTIMATE_SHARE: ThresholdSpec =
    ThresholdSpec::required("priceBelowEstimate", SHARE);

/// `price-below-estimate`
pub static PRICE_BELOW_ESTIMATE: Rule = Rule {
    id: "price-below-estimate",
    group: Group::C,
    title: "Price far below the estimate",
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2810", "EU Directive 2014/24 art. 69 (abnormally low tenders)"],
    description: "The bid's total is below the policy's share of the solicitation's estimated value. An abnormally low price may rest on unpaid or underpaid labor.",
    action: "Ask the vendor to explain the price in writing (labor, materials, margin) before award, as the abnormally-low-tender procedure requires.",
    thresholds: &[&PRICE_BELOW_ESTIMATE_SHARE],
    check: Some(price_below_estimate),
};

fn price_below_estimate(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some(total) = s.price.total else {
        return Outcome::gap("price.total", "The bid gives no total price.");
    };
    let Some(estimate) = s.solicitation.estimated_value else {
        return Outcome::NotApplicable;
    };
    if estimate <= 0.0 {
        return Outcome::NotApplicable;
    }
    let Some(share) = c.threshold(&PRICE_BELOW_ESTIMATE_SHARE) else {
        return super::no_threshold(&PRICE_BELOW_ESTIMATE_SHARE);
    };
    if total >= share * estimate {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        format!(
            "The total of {} is {} of the estimated value of {}, below the {} the policy treats as plausible.",
            c.money(total),
            percent(total / estimate),
            c.money(estimate),
            percent(share)
        ),
        vec![
            Evidence::new("price.total", total),
            Evidence::new("solicitation.estimatedValue", estimate),
        ],
    )
}

/// `thresholds.minimumPaydaysPerMonth` of the policy, read by `wage-withholding`.
pub static MINIMUM_PAYDAYS_PER_MONTH: ThresholdSpec =
    ThresholdSpec::optional("minimumPaydaysPerMonth", 31.0);

/// `wage-withholding`
pub static WAGE_WITHHOLDING: Rule = Rule {
    id: "wage-withholding",
    group: Group::C,
    title: "Wages withheld or paid too seldom",
    severities: &[Severity::Medium, Severity::High],
    citations: &[
        "Cal. Lab. Code 204",
        "Cal. Lab. Code 221",
        "Cal. Lab. Code 224",
        "ILO forced labour indicator: withholding of wages",
    ],
    description: "Workers' pay is held back until the end of the job or season, or a deposit is taken from it (high: withholding wages is an ILO indicator of forced labour, and an employer may not take back wages paid, Cal. Lab. Code 221, or deduct from them beyond what Cal. Lab. Code 224 allows); or workers are paid less often than the law's regular paydays, twice in each calendar month (medium, Cal. Lab. Code 204; monthly pay is allowed only for exempt executive, administrative and professional salaries and a few others, not for the hourly workers these contracts employ).",
    action: "Ask for the pay schedule and the deduction list in writing; require that no pay is held back and no deposit taken, and that workers are paid at least twice a month.",
    thresholds: &[&MINIMUM_PAYDAYS_PER_MONTH],
    check: Some(wage_withholding),
};

fn wage_withholding(c: &Context<'_>) -> Outcome {
    let w = &c.submission.workforce;
    let mut severity = None;
    let mut what = Vec::new();
    let mut evidence = Vec::new();
    if w.pay_held_back == Some(true) {
        severity = Some(Severity::High);
        what.push("part of workers' pay is held back until the end of the job".to_owned());
        evidence.push(Evidence::new("workforce.payHeldBack", true));
    }
    for (i, d) in w.deductions.iter().flatten().enumerate() {
        if d.kind == DeductionKind::Deposit {
            severity = Some(Severity::High);
            let amount = d
                .amount_per_week
                .map(|a| format!(" of {} a week", c.money(a)))
                .unwrap_or_default();
            what.push(format!("a deposit{amount} is taken from pay"));
            evidence.push(Evidence::new(
                format!("workforce.deductions[{i}].kind"),
                "deposit",
            ));
        }
    }
    let minimum = c.threshold(&MINIMUM_PAYDAYS_PER_MONTH);
    if let (Some(frequency), Some(minimum)) = (w.pay_frequency, minimum) {
        if f64::from(frequency.paydays_per_month()) < minimum {
            severity = severity.max(Some(Severity::Medium));
            what.push(format!(
                "workers are paid {frequency}, fewer than the {} paydays a month the law requires",
                super::number(minimum)
            ));
            evidence.push(Evidence::new("workforce.payFrequency", frequency.as_str()));
        }
    }
    if let Some(severity) = severity {
        return Outcome::fired(
            severity,
            format!("Risk indicator of withheld wages: {}.", what.join("; ")),
            evidence,
        );
    }
    let mut missing = Vec::new();
    if w.pay_frequency.is_none() && minimum.is_some() {
        missing.push(Cow::Borrowed("workforce.payFrequency"));
    }
    if w.pay_held_back.is_none() {
        missing.push(Cow::Borrowed("workforce.payHeldBack"));
    }
    if missing.is_empty() {
        Outcome::Clear
    } else {
        Outcome::Gap {
            paths: missing.into(),
            message: "The bid does not say how often workers are paid, or whether any pay is held back; ask.".into(),
        }
    }
}

/// `policy-stale`
pub static POLICY_STALE: Rule = Rule {
    id: "policy-stale",
    group: Group::C,
    title: "Wage floors in the policy may be out of date",
    severities: &[Severity::Info],
    citations: &["ctip-screen policy: dated wage floors"],
    description: "A wage floor used for the assessment took effect more than the policy's limit (12 months) before the assessment date, so a newer floor may be in force that the policy does not know.",
    action: "Check the current City, County and state minimum wages, and update the policy.",
    thresholds: &[&crate::policy::POLICY_STALE_MONTHS],
    check: Some(policy_stale),
};

fn policy_stale(c: &Context<'_>) -> Outcome {
    if c.floors.is_empty() {
        return Outcome::NotApplicable;
    }
    let Some(months) = c.threshold(&crate::policy::POLICY_STALE_MONTHS) else {
        return super::no_threshold(&crate::policy::POLICY_STALE_MONTHS);
    };
    // Floors are raised every year or so; one in force for longer than the
    // policy's limit has probably been replaced by a rate the policy lacks.
    let stale: Vec<_> = c
        .floors
        .iter()
        .filter(|f| c.as_of > f.effective.add_months(months as i32))
        .collect();
    let Some(oldest) = stale.iter().min_by_key(|f| f.effective) else {
        return Outcome::Clear;
    };
    Outcome::fired(
        Severity::Info,
        format!(
            "The wage floor used for this assessment ({}) took effect on {}, more than {} months before {}; a newer rate may be in force.",
            oldest.source,
            oldest.effective,
            super::number(months),
            c.as_of
        ),
        vec![Evidence::new("asOf", c.as_of.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn wage_below_city_floor_and_determination() {
        let r = &WAGE_BELOW_FLOOR;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        // 19.00 is above the City floor (17.87) but below the 19.80 determination for janitors
        let below_det = json!({"workforce": {"wageRates": [{"role": "Janitor", "hourly": 19.00, "workers": 5}]}});
        assert_eq!(fired(&run(r, below_det)), Some(Severity::Critical));
        // a role without a determination is held to the City floor
        let lead = json!({"workforce": {"wageRates": [{"role": "lead", "hourly": 17.50}]}});
        assert_eq!(fired(&run(r, lead)), Some(Severity::Critical));
        let lead_ok = json!({"workforce": {"wageRates": [{"role": "lead", "hourly": 17.87}]}});
        assert_eq!(run(r, lead_ok), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"workforce": {"wageRates": null}})),
            "workforce.wageRates"
        ));
    }

    #[test]
    fn wage_floor_follows_the_date_and_sector() {
        let r = &WAGE_BELOW_FLOOR;
        let hotel = |date: &str| {
            json!({"submittedOn": date, "solicitation": {"sector": "hospitality", "wageDeterminations": []},
                   "workforce": {"wageRates": [{"role": "room attendant", "hourly": 24.00}]}})
        };
        // 22.50 in force until 2026-06-30, 25.00 from 2026-07-01
        assert_eq!(run(r, hotel("2026-06-30")), Outcome::Clear);
        let out = run(r, hotel("2026-07-01"));
        assert_eq!(fired(&out), Some(Severity::Critical));
        if let Outcome::Fired(hit) = out {
            assert!(hit.action.unwrap_or_default().contains("$8.35/h"));
        }
        // the County floor of 17.81 for la-county from 2025-07-01
        let county = json!({"solicitation": {"jurisdiction": "la-county", "wageDeterminations": []},
                            "workforce": {"wageRates": [{"role": "x", "hourly": 17.80}]}});
        assert_eq!(fired(&run(r, county)), Some(Severity::Critical));
        let none = json!({"solicitation": {"jurisdiction": null, "wageDeterminations": []}});
        assert!(gap_at(&run(r, none), "solicitation.jurisdiction"));
    }

    #[test]
    fn labor_cost() {
        let r = &LABOR_COST_IMPLAUSIBLE;
        // 300000 / 12000 = 25.00/h, above 17.87 x 1.1
        assert_eq!(run(r, json!({})), Outcome::Clear);
        // 220000 / 12000 = 18.33/h < 19.657
        assert_eq!(
            fired(&run(r, json!({"price": {"laborCost": 220000}}))),
            Some(Severity::High)
        );
        assert!(gap_at(
            &run(r, json!({"price": {"laborHours": null}})),
            "price.laborHours"
        ));
    }

    /// A labor cost above the whole price is the plainest sign the bid
    /// cannot pay its workers: scored, not refused as bad input.
    #[test]
    fn labor_cost_above_the_price() {
        let r = &LABOR_COST_IMPLAUSIBLE;
        let out = run(
            r,
            json!({"price": {"total": 300000, "laborCost": 320000, "laborHours": null}}),
        );
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = out {
            assert_eq!(
                hit.message,
                "The stated labor cost of $320,000 is above the whole price of $300,000: the price cannot pay for the labor the bid itself counts."
            );
        }
        // Equal is plausible as far as this check goes.
        assert_eq!(
            run(r, json!({"price": {"total": 300000, "laborCost": 300000}})),
            Outcome::Clear
        );
    }

    #[test]
    fn price_below_estimate() {
        let r = &PRICE_BELOW_ESTIMATE;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"price": {"total": 299000, "laborCost": 200000}})
            )),
            Some(Severity::High)
        );
        assert_eq!(
            run(r, json!({"price": {"total": 300000, "laborCost": 200000}})),
            Outcome::Clear
        );
        assert_eq!(
            run(r, json!({"solicitation": {"estimatedValue": null}})),
            Outcome::NotApplicable
        );
    }

    #[test]
    fn wage_withholding() {
        let r = &WAGE_WITHHOLDING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let held = json!({"workforce": {"payHeldBack": true}});
        assert_eq!(fired(&run(r, held)), Some(Severity::High));
        let deposit =
            json!({"workforce": {"deductions": [{"kind": "deposit", "amountPerWeek": 25}]}});
        let out = run(r, deposit);
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = &out {
            assert_eq!(
                hit.message,
                "Risk indicator of withheld wages: a deposit of $25.00 a week is taken from pay."
            );
        }
        let monthly = json!({"workforce": {"payFrequency": "monthly"}});
        let out = run(r, monthly);
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message
                    .contains("paid monthly, fewer than the 2 paydays a month"),
                "{}",
                hit.message
            );
        }
        for ok in ["weekly", "biweekly", "semimonthly"] {
            assert_eq!(
                run(r, json!({"workforce": {"payFrequency": ok}})),
                Outcome::Clear,
                "{ok}"
            );
        }
        assert!(gap_at(
            &run(r, json!({"workforce": {"payFrequency": null}})),
            "workforce.payFrequency"
        ));
    }

    #[test]
    fn policy_stale_after_twelve_months() {
        let r = &POLICY_STALE;
        // the City floor in force took effect on 2025-07-01
        assert_eq!(run(r, json!({"submittedOn": "2026-07-01"})), Outcome::Clear);
        assert_eq!(
            fired(&run(r, json!({"submittedOn": "2026-07-02"}))),
            Some(Severity::Info)
        );
        assert_eq!(
            run(r, json!({"solicitation": {"jurisdiction": null}})),
            Outcome::NotApplicable
        );
    }
}
