//! Criterion benchmarks of the engine (`make bench` runs them and collects
//! the figures into target/bench/results.json).
//!
//! The typical submission (tests/fixtures/typical-bid.json) has 20
//! subcontractors, 50 supply items and 10 wage rates.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ctip_screen::api;
use ctip_screen::date::Date;
use ctip_screen::engine::{evaluate, read_submission};
use ctip_screen::policy::LoadedPolicy;

const TYPICAL: &str = include_str!("../tests/fixtures/typical-bid.json");

fn benches(c: &mut Criterion) {
    let policy = LoadedPolicy::builtin().unwrap();
    let value: serde_json::Value = serde_json::from_str(TYPICAL).unwrap();
    let submission =
        read_submission(&ctip_screen::json::Json::from(&value), policy.policy()).unwrap();
    let as_of = Date::parse("2026-03-02").unwrap();

    c.bench_function("native_evaluate", |b| {
        b.iter(|| evaluate(black_box(&submission), policy, as_of, &[]))
    });
    c.bench_function("native_end_to_end", |b| {
        b.iter(|| {
            let value = ctip_screen::engine::parse_json(black_box(TYPICAL)).unwrap();
            let options = api::EvaluateOptions::default();
            let a = api::evaluate_value(&value, &options, as_of).unwrap();
            api::to_json(&a)
        })
    });

    let bids: Vec<serde_json::Value> = (0..1000)
        .map(|i| {
            let mut v = value.clone();
            v["id"] = format!("BID-{i}").into();
            v["vendor"]["name"] = format!("Vendor {i}").into();
            v["vendor"]["identifiers"] = serde_json::json!({ "uei": format!("UEI{i:09}") });
            v["vendor"]["contact"] = serde_json::json!({ "email": format!("bids{i}@example.com") });
            v["vendor"]["principals"] = serde_json::json!([format!("Person {i}")]);
            v["vendor"]["address"]["street"] = format!("{i} Main St").into();
            v["price"]["total"] = (900_000 + (i * 37) % 200_000).into();
            v
        })
        .collect();
    // End to end, as `compareBids` in wasm is measured: from the bids' JSON
    // text to the comparison's JSON text.
    let bids = serde_json::Value::Array(bids).to_string();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("native_compare_1000", |b| {
        b.iter(|| {
            let value = ctip_screen::engine::parse_json(black_box(&bids)).unwrap();
            let comparison =
                api::compare_value(&value, &api::EvaluateOptions::default(), as_of).unwrap();
            api::to_json(&comparison)
        })
    });
    group.finish();

    // OCDS: JSON Lines, one contracting process with 5 bids per line.
    let line = include_str!("../tests/ocds/releases.jsonl")
        .lines()
        .next()
        .unwrap_or_default();
    const RELEASES: usize = 10_000;
    let jsonl = format!("{line}\n").repeat(RELEASES);
    std::fs::create_dir_all("target/bench").ok();
    std::fs::write("target/bench/ocds-releases.txt", RELEASES.to_string()).ok();
    let mut group = c.benchmark_group("ocds");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Elements(RELEASES as u64));
    group.bench_function("native_ocds_jsonl", |b| {
        b.iter(|| {
            // As `ctip-screen ocds` does, each result is consumed on the
            // thread that screened it (the CLI serializes it there).
            let mut n = 0usize;
            api::screen_ocds_map(
                black_box(jsonl.as_bytes()),
                &api::EvaluateOptions::default(),
                as_of,
                |r| black_box(r).process().map_or(0, |p| p.assessments.len()),
                |count| n += count,
            )
            .unwrap();
            n
        })
    });

    // Real data: the 100 TED/Doffin eForms releases of tests/ocds/real/
    // (27 with bids, lots, statistics, awards), read 1,000 times over as
    // one stream of 100,000 lines without holding it in memory.
    const REAL: &[u8] = include_bytes!("../tests/ocds/real/ted-eforms-releases.jsonl");
    const REAL_LINES: usize = 100_000;
    let repeats = REAL_LINES
        / REAL
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count();
    std::fs::write(
        "target/bench/ocds-real-releases.txt",
        REAL_LINES.to_string(),
    )
    .ok();
    group.throughput(criterion::Throughput::Elements(REAL_LINES as u64));
    group.bench_function("native_ocds_ted_100k", |b| {
        b.iter(|| {
            let mut n = 0usize;
            api::screen_ocds_map(
                Repeat::new(REAL, repeats),
                &api::EvaluateOptions::default(),
                as_of,
                |r| black_box(r).process().map_or(0, |p| p.assessments.len()),
                |count| n += count,
            )
            .unwrap();
            n
        })
    });

    // The parse limit: serde_json merely parsing the same lines (into
    // IgnoredAny) on as many threads as screening uses; `make bench`
    // reports screening's rate over this one (ocds_over_parse_limit).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(16));
    let synthetic: Vec<&[u8]> = jsonl
        .as_bytes()
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let real: Vec<&[u8]> = REAL
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    // `tree`: parse into the crate's own value tree instead, as screening
    // does before anything else: screening can be no faster than that.
    let parse_all = |lines: &[&[u8]], times: usize, tree: bool| {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        let mut n = 0usize;
                        for round in 0..times {
                            for (i, line) in lines.iter().enumerate() {
                                if (round * lines.len() + i) % threads == t {
                                    if tree {
                                        let text = std::str::from_utf8(line).unwrap();
                                        let value = ctip_screen::json::Json::parse(text);
                                        n += usize::from(value.is_ok());
                                    } else {
                                        let _: serde::de::IgnoredAny =
                                            serde_json::from_slice(line).unwrap();
                                        n += 1;
                                    }
                                }
                            }
                        }
                        n
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .sum::<usize>()
        })
    };
    group.throughput(criterion::Throughput::Elements(RELEASES as u64));
    group.bench_function("parse_limit_jsonl", |b| {
        b.iter(|| parse_all(black_box(&synthetic), 1, false))
    });
    group.bench_function("parse_tree_jsonl", |b| {
        b.iter(|| parse_all(black_box(&synthetic), 1, true))
    });
    group.throughput(criterion::Throughput::Elements(REAL_LINES as u64));
    group.bench_function("parse_limit_ted_100k", |b| {
        b.iter(|| parse_all(black_box(&real), repeats, false))
    });
    group.bench_function("parse_tree_ted_100k", |b| {
        b.iter(|| parse_all(black_box(&real), repeats, true))
    });
    group.finish();

    limits(c, &value, as_of);
}

/// The largest input of each kind the built-in policy allows, timed, so
/// that a slow path shows as a number: `make bench` divides each time by
/// its items and compares it with the typical bid's time per item (goal:
/// at most 100 times). The item counts go to target/bench/limits.json.
fn limits(c: &mut Criterion, typical: &serde_json::Value, as_of: Date) {
    use serde_json::json;
    let mut group = c.benchmark_group("limits");
    group.sample_size(10);
    let mut items = serde_json::Map::new();

    // One bid at every array limit, with strings at the length limit.
    let mut bid = typical.clone();
    let sub = typical["subcontractors"][0].clone();
    let item = typical["supplyItems"][0].clone();
    let rate = typical["workforce"]["wageRates"][0].clone();
    bid["subcontractors"] = (0..1000)
        .map(|i| {
            let mut s = sub.clone();
            s["name"] = format!("Subcontractor {i:04} Inc").into();
            s["identifiers"] = json!({ "dir": format!("{:010}", 2_000_000_000u64 + i) });
            s["shareOfValue"] = 0.0001.into();
            s
        })
        .collect();
    bid["supplyItems"] = (0..5000)
        .map(|i| {
            let mut s = item.clone();
            s["supplier"] = format!("Supplier {i} Ltd").into();
            s
        })
        .collect();
    bid["workforce"]["wageRates"] = (0..1000)
        .map(|i| {
            let mut r = rate.clone();
            r["role"] = format!("role {i}").into();
            r
        })
        .collect();
    bid["vendor"]["name"] = "V".repeat(10_000).into();
    let max_bid = serde_json::to_string(&bid).unwrap();
    items.insert("native_max_bid".into(), 7000.into());
    group.bench_function("native_max_bid", |b| {
        b.iter(|| {
            let value = ctip_screen::engine::parse_json(black_box(&max_bid)).unwrap();
            let a = api::evaluate_value(&value, &api::EvaluateOptions::default(), as_of).unwrap();
            api::to_json(&a)
        })
    });

    // The typical bid against a watch list of 100,000 entries (the most
    // allowed), the list read in each call as the CLI reads it.
    let list = json!({ "watchlists": [{ "name": "big", "entries": (0..100_000).map(|i| json!({
        "name": format!("Listed Party {i} LLC"), "identifiers": { "uei": format!("UEI{i:09}") }
    })).collect::<Vec<_>>() }] });
    let list_text = serde_json::to_string(&list).unwrap();
    let typical_text = serde_json::to_string(typical).unwrap();
    items.insert("native_watchlist_100k".into(), 100_080.into());
    group.bench_function("native_watchlist_100k", |b| {
        b.iter(|| {
            let options = ctip_screen::engine::parse_json(black_box(&list_text)).unwrap();
            let options = api::read_options(&options).unwrap();
            let value = ctip_screen::engine::parse_json(&typical_text).unwrap();
            api::evaluate_value(&value, &options, as_of).unwrap()
        })
    });

    // 10,000 bids (the most a comparison takes), each a typical bid.
    let bids: Vec<serde_json::Value> = (0..10_000)
        .map(|i| {
            let mut v = typical.clone();
            v["id"] = format!("BID-{i}").into();
            v["vendor"]["name"] = format!("Vendor {i}").into();
            v["vendor"]["identifiers"] = json!({ "uei": format!("UEI{i:09}") });
            v["vendor"]["contact"] = json!({ "email": format!("bids{i}@example.com") });
            v["vendor"]["principals"] = json!([format!("Person {i}")]);
            v["vendor"]["address"]["street"] = format!("{i} Main St").into();
            v["price"]["total"] = (900_000 + (i * 37) % 200_000).into();
            v
        })
        .collect();
    let bids = serde_json::Value::Array(bids);
    let bids = ctip_screen::json::Json::from(&bids);
    items.insert("native_compare_10k".into(), (10_000 * 80).into());
    group.bench_function("native_compare_10k", |b| {
        b.iter(|| {
            api::compare_value(black_box(&bids), &api::EvaluateOptions::default(), as_of).unwrap()
        })
    });

    // One OCDS release with 10,000 bids and 200,000 parties (5 MB, within
    // the 16 MiB release limit).
    let parties: Vec<serde_json::Value> = (0..200_000)
        .map(|i| json!({ "id": format!("P{i}"), "name": format!("Party {i}") }))
        .collect();
    let details: Vec<serde_json::Value> = (0..10_000)
        .map(|i| json!({ "id": format!("B{i}"), "status": "valid", "tenderers": [{ "id": format!("P{}", i * 20) }],
            "value": { "amount": 100_000 + (i * 37) % 20_000, "currency": "USD" } }))
        .collect();
    let release = json!({ "uri": "x", "releases": [{ "ocid": "ocds-limits-1", "id": "1", "date": "2026-01-01T00:00:00Z",
        "tag": ["award"], "parties": parties, "bids": { "details": details },
        "tender": { "id": "T", "procurementMethod": "open", "value": { "amount": 120_000, "currency": "USD" },
            "items": [{ "id": "1", "classification": { "scheme": "CPV", "id": "90910000" } }] } }] });
    let release = serde_json::to_string(&release).unwrap();
    items.insert("native_ocds_10k_bids_200k_parties".into(), 210_000.into());
    group.bench_function("native_ocds_10k_bids_200k_parties", |b| {
        b.iter(|| {
            let mut n = 0usize;
            api::screen_ocds(
                black_box(release.as_bytes()),
                &api::EvaluateOptions::default(),
                as_of,
                |r| n += r.process().map_or(0, |p| p.assessments.len()),
            )
            .unwrap();
            n
        })
    });
    group.finish();
    items.insert("typical_items".into(), 80.into());
    std::fs::write(
        "target/bench/limits.json",
        serde_json::to_string_pretty(&items).unwrap(),
    )
    .ok();
}

#[path = "../tests/common/repeat.rs"]
mod repeat;
use repeat::Repeat;

criterion_group!(engine, benches);
criterion_main!(engine);

// The allocator the CLI uses (src/bin/ctip-screen/main.rs), so that these
// figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
