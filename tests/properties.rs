//! Property tests of the engine (proptest): the score stays in 0..=100, the
//! output is byte-identical for the same input, reordering arrays changes
//! nothing that matters, adding a risk never lowers the score, and no input,
//! however malformed, makes it panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use ctip_screen::api::{self, EvaluateOptions};
use ctip_screen::date::Date;
use ctip_screen::json::Json;
use proptest::prelude::*;
use serde_json::{json, Value};

fn today() -> Date {
    Date::parse("2026-03-02").unwrap()
}

fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/typical-bid.json")).unwrap()
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop::option::of(s).boxed()
}

const SECTORS: &[&str] = &[
    "construction",
    "janitorial",
    "hospitality",
    "event-staffing",
    "apparel",
    "laundry",
    "electronics",
    "other",
];
const KINDS: &[&str] = &[
    "recruitment",
    "visa",
    "travel",
    "housing",
    "transport",
    "uniform",
    "tools",
    "meals",
    "other",
];

prop_compose! {
    fn subcontractor()(name in opt("[A-Z][a-z]{2,8}( Inc)?"), tier in opt(1u32..5), share in opt(0.0f64..0.4),
                       sector in opt(prop::sample::select(SECTORS)), broker in opt(any::<bool>()),
                       flow in opt(any::<bool>()), dir in opt(any::<bool>())) -> Value {
        json!({"name": name, "tier": tier, "shareOfValue": share, "sector": sector, "laborBroker": broker,
               "flowDown": flow, "dirRegistered": dir})
    }
}

prop_compose! {
    fn wage_rate()(role in opt(prop::sample::select(&["janitor", "guard", "lead", "cook"][..])), hourly in 5.0f64..60.0,
                   workers in opt(0u32..100)) -> Value {
        json!({"role": role, "hourly": hourly, "workers": workers})
    }
}

prop_compose! {
    fn supply_item()(good in opt(prop::sample::select(&["Garments", "Bricks", "Cotton", "Mops", "Electronics", "Gloves"][..])),
                     country in opt(prop::sample::select(&["BD", "CN", "US", "MY", "IN", "AF"][..])),
                     value in opt(0.0f64..1e6)) -> Value {
        json!({"good": good, "countryOfOrigin": country, "value": value})
    }
}

prop_compose! {
    /// A valid submission with most fields random or absent.
    fn submission()(
        sector in opt(prop::sample::select(SECTORS)),
        jurisdiction in opt(prop::sample::select(&["la-city", "la-county", "california", "federal"][..])),
        public_work in opt(any::<bool>()),
        estimate in opt(0.0f64..5e6),
        total in opt(0.0f64..5e6),
        labor in opt(0.0f64..1e6),
        hours in opt(0.0f64..1e5),
        offshore in opt(0.0f64..2e6),
        headcount in opt(0u32..500), peak in opt(0u32..1000),
        temp in opt(0.0f64..=1.0), ic in opt(0.0f64..=1.0),
        abroad in opt(0u32..50), hours_week in opt(0.0f64..=168.0),
        housing in opt(any::<bool>()),
        deductions in opt(prop::collection::vec((prop::sample::select(KINDS), opt(0.0f64..500.0)), 0..4)),
        rates in opt(prop::collection::vec(wage_rate(), 0..6)),
        subs in opt(prop::collection::vec(subcontractor(), 0..6)),
        items in opt(prop::collection::vec(supply_item(), 0..6)),
        flags in prop::collection::vec(opt(any::<bool>()), 8),
        fees in opt(0.0f64..5000.0),
        submitted in opt(prop::sample::select(&["2024-01-15", "2025-07-01", "2026-03-02", "2026-07-15", "2028-07-20"][..])),
    ) -> Value {
        let mut v = base();
        v["submittedOn"] = json!(submitted);
        v["solicitation"]["sector"] = json!(sector);
        v["solicitation"]["jurisdiction"] = json!(jurisdiction);
        v["solicitation"]["publicWork"] = json!(public_work);
        v["solicitation"]["estimatedValue"] = json!(estimate);
        let labor = match (labor, total) { (Some(l), Some(t)) => Some(l.min(t)), (l, _) => l };
        v["price"] = json!({"total": total, "laborCost": labor, "laborHours": hours, "offshoreValue": offshore});
        v["workforce"]["headcount"] = json!(headcount);
        v["workforce"]["peakHeadcount"] = json!(peak);
        v["workforce"]["temporaryShare"] = json!(temp);
        v["workforce"]["independentContractorShare"] = json!(ic);
        v["workforce"]["recruitedAbroad"] = json!(abroad);
        v["workforce"]["maxWeeklyHours"] = json!(hours_week);
        v["workforce"]["housingProvided"] = json!(housing);
        v["workforce"]["deductions"] = json!(deductions.map(|d| d.into_iter()
            .map(|(k, a)| json!({"kind": k, "amountPerWeek": a})).collect::<Vec<_>>()));
        v["workforce"]["wageRates"] = json!(rates);
        v["subcontractors"] = json!(subs);
        v["supplyItems"] = json!(items);
        v["recruitment"]["workerPaidFees"] = json!(fees);
        let c = &mut v["compliance"];
        for (key, flag) in ["antiTraffickingPolicy", "training", "grievanceMechanism", "hotlinePosted",
                            "retainsWorkerDocuments", "returnTransportPolicy", "housingPlan"].iter().zip(&flags) {
            c[*key] = json!(flag);
        }
        if flags[7] == Some(false) { c["certifications"] = json!([]); }
        v
    }
}

fn assess(v: &Value) -> ctip_screen::Assessment {
    api::evaluate_value(&Json::from(v), &EvaluateOptions::default(), today())
        .unwrap_or_else(|e| panic!("{e}\n{v}"))
}

fn rule_set(a: &ctip_screen::Assessment) -> Vec<String> {
    let mut rules: Vec<String> = a
        .findings
        .iter()
        .map(|f| format!("{}:{}", f.rule, f.severity))
        .collect();
    rules.sort();
    rules
}

/// Reverses then rotates an array, if the field holds one.
fn reorder(v: &mut Value, pointer: &str) {
    if let Some(Value::Array(items)) = v.pointer_mut(pointer) {
        items.reverse();
        if !items.is_empty() {
            items.rotate_left(1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn score_stays_in_range_and_tier_follows_it(v in submission()) {
        let a = assess(&v);
        prop_assert!(a.score <= 100);
        let critical = a.findings.iter().any(|f| f.severity == ctip_screen::model::Severity::Critical);
        let expected_tier = if critical { "critical" } else if a.score >= 50 { "high" } else if a.score >= 20 { "elevated" } else { "low" };
        prop_assert_eq!(a.tier.as_str(), expected_tier);
        prop_assert_eq!(a.review_required, matches!(expected_tier, "critical" | "high"));
        prop_assert!((0.0..=1.0).contains(&a.completeness));
        let sum: u32 = a.findings.iter().map(|f| f.points).sum();
        prop_assert_eq!(a.score, sum.min(100));
    }

    #[test]
    fn same_input_same_bytes(v in submission()) {
        let first = api::to_json(&assess(&v));
        let text = serde_json::to_string(&v).unwrap();
        let again = api::to_json(&api::evaluate_text(&text, &Json::Null, "2026-03-02").unwrap());
        prop_assert_eq!(first, again);
    }

    #[test]
    fn reordering_arrays_changes_nothing_that_matters(v in submission()) {
        let a = assess(&v);
        let mut shuffled = v.clone();
        for pointer in ["/subcontractors", "/workforce/wageRates", "/supplyItems", "/workforce/deductions"] {
            reorder(&mut shuffled, pointer);
        }
        let b = assess(&shuffled);
        prop_assert_eq!(a.score, b.score);
        prop_assert_eq!(a.tier, b.tier);
        prop_assert_eq!(rule_set(&a), rule_set(&b));
        prop_assert_eq!(a.completeness, b.completeness);
    }

    #[test]
    fn adding_a_risk_never_lowers_the_score(v in submission(), which in 0usize..6) {
        let before = assess(&v).score;
        let mut risky = v.clone();
        match which {
            0 => risky["compliance"]["retainsWorkerDocuments"] = json!(true),
            1 => risky["recruitment"]["workerPaidFees"] = json!(500),
            2 => {
                let mut subs = risky["subcontractors"].as_array().cloned().unwrap_or_default();
                subs.push(json!({"name": "Broker X", "tier": 3, "laborBroker": true, "flowDown": false}));
                risky["subcontractors"] = Value::Array(subs);
            }
            3 => {
                let mut rates = risky["workforce"]["wageRates"].as_array().cloned().unwrap_or_default();
                rates.push(json!({"role": "helper", "hourly": 8.0}));
                risky["workforce"]["wageRates"] = Value::Array(rates);
            }
            4 => risky["history"]["exclusions"] = json!([{"list": "SAM", "active": true}]),
            _ => {
                let mut items = risky["supplyItems"].as_array().cloned().unwrap_or_default();
                items.push(json!({"good": "Bricks", "countryOfOrigin": "AF"}));
                risky["supplyItems"] = Value::Array(items);
            }
        }
        let after = assess(&risky).score;
        prop_assert!(after >= before, "score fell from {} to {} (risk {})", before, after, which);
    }
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        prop::sample::select(
            &[
                "2026-03-02",
                "la-city",
                "janitorial",
                "BD",
                "critical",
                "",
                "__proto__"
            ][..]
        )
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 128, 8, |inner| {
        let keys = prop::sample::select(
            &[
                "id",
                "solicitation",
                "vendor",
                "name",
                "workforce",
                "wageRates",
                "hourly",
                "subcontractors",
                "tier",
                "supplyItems",
                "good",
                "compliance",
                "history",
                "price",
                "total",
                "sector",
                "jurisdiction",
                "x",
            ][..],
        );
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_value_makes_it_panic(v in arbitrary_json()) {
        let _ = api::evaluate_value(&Json::from(&v), &EvaluateOptions::default(), today());
        let _ = api::compare_value(&Json::from(&Value::Array(vec![v.clone(), v.clone()])), &EvaluateOptions::default(), today());
        let _ = api::read_options(&Json::from(&v));
        let _ = api::validate_value(&Json::from(&v), &EvaluateOptions::default());
    }

    #[test]
    fn no_text_makes_it_panic(text in ".{0,200}") {
        let _ = api::evaluate_text(&text, &Json::Null, "2026-03-02");
    }

    #[test]
    fn mutated_valid_bids_never_panic(v in submission(), path in 0usize..8, junk in arbitrary_json()) {
        let mut broken = v.clone();
        let pointer = ["/vendor", "/workforce/wageRates", "/subcontractors", "/price/total", "/solicitation/performancePeriod",
                       "/history/wageViolations", "/compliance/compliancePlan", "/supplyItems"][path];
        if let Some(slot) = broken.pointer_mut(pointer) {
            *slot = junk;
        }
        let _ = api::evaluate_value(&Json::from(&broken), &EvaluateOptions::default(), today());
    }
}

#[test]
fn huge_and_deep_inputs_are_refused_not_crashed_on() {
    let mut v = base();
    v["supplyItems"] = Value::Array(vec![json!({"good": "Mops"}); 5001]);
    let err =
        api::evaluate_value(&Json::from(&v), &EvaluateOptions::default(), today()).unwrap_err();
    assert_eq!(err.code(), "limit-exceeded");

    let mut v = base();
    v["vendor"]["name"] = json!("x".repeat(10_001));
    assert_eq!(
        api::evaluate_value(&Json::from(&v), &EvaluateOptions::default(), today())
            .unwrap_err()
            .code(),
        "limit-exceeded"
    );

    // serde_json refuses nesting beyond 128 levels with an error, not a stack overflow
    let deep = "[".repeat(100_000);
    let err = api::evaluate_text(&deep, &Json::Null, "2026-03-02").unwrap_err();
    assert_eq!(err.code(), "invalid-submission");

    let bids = Value::Array(vec![base(); 10_001]);
    assert_eq!(
        api::compare_value(&Json::from(&bids), &EvaluateOptions::default(), today())
            .unwrap_err()
            .code(),
        "limit-exceeded"
    );
}
