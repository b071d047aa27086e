//! Property: the same contracting processes give the same assessments in
//! whichever form they are published: a record package (compiled releases),
//! records one per line whose releases must be compiled by the OCDS merge
//! rules, compiled releases as JSON Lines, and a release package.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use ctip_screen::api::{screen_ocds, EvaluateOptions};
use ctip_screen::date::Date;
use proptest::prelude::*;
use serde_json::{json, Value};

const CPV: &[&str] = &[
    "90910000-9", // cleaning
    "79624000-4", // supply of nursing personnel
    "55510000-8", // canteen services
    "45000000-7", // construction work
    "30200000-1", // computer equipment
];
const METHODS: &[&str] = &["open", "selective", "limited", "direct"];
const CURRENCIES: &[&str] = &["USD", "EUR", "UAH"];

/// One bid: (tenderer party 1..=4, value or none, lot index or none,
/// subcontracted share or none, status).
type BidSpec = (u8, Option<u32>, Option<u8>, Option<u8>, bool);

fn bid_spec() -> impl Strategy<Value = BidSpec> {
    (
        1u8..=4,
        prop::option::weighted(
            0.9,
            prop::sample::select(vec![40_000u32, 90_000, 95_000, 99_000]),
        ),
        prop::option::of(0u8..2),
        prop::option::of(0u8..=40),
        prop::bool::weighted(0.9),
    )
}

prop_compose! {
    /// A contracting process as its compiled release and the two releases
    /// it compiles from: the tender first, then the bids, which also update
    /// the title and one bid's value.
    fn process(n: usize)(
        bids in prop::collection::vec(bid_spec(), 0..6),
        lots in 0u8..3,
        cpv in prop::sample::select(CPV),
        method in prop::sample::select(METHODS),
        currency in prop::sample::select(CURRENCIES),
        estimate in prop::option::of(prop::sample::select(vec![100_000u32, 400_000])),
        tenderers_in_parties in any::<bool>(),
        statistics in prop::option::of(0u32..5),
    ) -> (Value, Value, Value) {
        let ocid = format!("ocds-prop-{n}");
        let party = |i: u8| json!({
            "id": format!("P{i}"), "name": format!("Vendor {i} LLC"), "roles": ["tenderer"],
            "identifier": {"scheme": "US-EIN", "id": format!("95-00000{i}")},
            "address": {"streetAddress": format!("{i}00 Main St"), "postalCode": "90012", "countryName": "US"}
        });
        let lot_ids: Vec<String> = (0..lots).map(|l| format!("L{l}")).collect();
        let mut details = Vec::new();
        for (k, (who, value, lot, share, valid)) in bids.iter().enumerate() {
            let mut b = json!({
                "id": format!("B{k}"),
                "status": if *valid { "valid" } else { "withdrawn" },
                "tenderers": [if tenderers_in_parties { json!({"id": format!("P{who}")}) } else { party(*who) }],
            });
            if let Some(v) = value {
                b["value"] = json!({"amount": v, "currency": currency});
            }
            if let (Some(l), false) = (lot, lot_ids.is_empty()) {
                b["relatedLots"] = json!([lot_ids[usize::from(*l) % lot_ids.len()]]);
            }
            if let Some(s) = share {
                b["hasSubcontracting"] = json!(*s > 0);
                b["subcontracting"] = json!({"minimumPercentage": f64::from(*s) / 100.0, "maximumPercentage": f64::from(*s) / 100.0});
            }
            details.push(b);
        }
        let mut tender = json!({
            "id": format!("T-{n}"), "title": "Final title", "procurementMethod": method,
            "items": [{"id": "1", "description": "Services", "classification": {"scheme": "CPV", "id": cpv}}],
        });
        if let Some(e) = estimate {
            tender["value"] = json!({"amount": e, "currency": currency});
        }
        if !lot_ids.is_empty() {
            tender["lots"] = Value::Array(lot_ids.iter().map(|l| json!({"id": l, "value": {"amount": 50_000, "currency": currency}})).collect());
        }
        let parties: Vec<Value> = if tenderers_in_parties { (1..=4).map(party).collect() } else { Vec::new() };
        let mut bids_section = json!({"details": details});
        if let Some(s) = statistics {
            bids_section["statistics"] = json!([{"id": "1", "measure": "bids", "value": s}]);
        }
        let compiled = json!({
            "ocid": ocid, "id": format!("{n}-compiled"), "date": "2026-09-01T00:00:00Z", "tag": ["compiled"],
            "parties": parties, "tender": tender, "bids": bids_section,
        });
        // The first release: the tender under an older title, and the bids
        // as first published: the first bid's value was later corrected.
        let mut first_tender = compiled["tender"].clone();
        first_tender["title"] = json!("First title");
        let mut first = json!({
            "ocid": ocid, "id": format!("{n}-1"), "date": "2026-08-01T00:00:00Z", "tag": ["tender"],
            "parties": compiled["parties"].clone(), "tender": first_tender,
        });
        // (A bid published without a value keeps none: a merge only
        // removes a field the later release sets to null.)
        if let Some(b0) = details.first().filter(|b| b.get("value").is_some()) {
            first["bids"] = json!({"details": [{"id": b0["id"].clone(), "value": {"amount": 1, "currency": currency}}]});
        }
        let later = json!({
            "ocid": ocid, "id": format!("{n}-2"), "date": "2026-09-01T00:00:00Z", "tag": ["tenderUpdate", "award"],
            "tender": {"title": "Final title"}, "bids": compiled["bids"].clone(),
        });
        (compiled, first, later)
    }
}

fn processes() -> impl Strategy<Value = Vec<(Value, Value, Value)>> {
    (1usize..4).prop_flat_map(|n| (0..n).map(process).collect::<Vec<_>>())
}

fn screen(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    screen_ocds(
        text.as_bytes(),
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| out.push(serde_json::to_string(&r).unwrap()),
    )
    .unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_form_gives_the_same_assessments(ps in processes()) {
        let compiled: Vec<&Value> = ps.iter().map(|(c, _, _)| c).collect();
        let record_package = json!({
            "uri": "https://example.com/records", "version": "1.1",
            "records": ps.iter().map(|(c, _, _)| json!({
                "ocid": c["ocid"].clone(),
                "releases": [{"url": "https://example.com/r.json", "date": "2026-09-01T00:00:00Z", "tag": ["award"]}],
                "compiledRelease": c,
            })).collect::<Vec<_>>(),
        });
        // Latest first: the merge orders releases by date.
        let records_per_line: String = ps.iter()
            .map(|(c, first, later)| json!({"ocid": c["ocid"].clone(), "releases": [later, first]}).to_string() + "\n")
            .collect();
        let releases_per_line: String = compiled.iter().map(|c| c.to_string() + "\n").collect();
        let release_package = json!({"uri": "https://example.com/releases", "version": "1.1", "releases": compiled});

        let expected = screen(&record_package.to_string());
        prop_assert_eq!(expected.len(), ps.len());
        prop_assert_eq!(&screen(&records_per_line), &expected, "records, one per line, compiled");
        prop_assert_eq!(&screen(&releases_per_line), &expected, "compiled releases as JSON Lines");
        prop_assert_eq!(&screen(&serde_json::to_string_pretty(&release_package).unwrap()), &expected, "release package");
    }
}
