//! OCDS input: hand-written files that follow the standard's schema with the
//! bids extension, one per input form, covering every group G rule and
//! every reason a bid or process is not read.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "common/repeat.rs"]
mod repeat;
use ctip_screen::api::{screen_ocds, EvaluateOptions, OcdsOutput, OcdsResult, OcdsScreening};
use ctip_screen::date::Date;
use repeat::Repeat;
use std::process::Command;

fn screen(file: &str) -> Vec<OcdsResult> {
    let f =
        std::fs::File::open(format!("{}/tests/ocds/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut out = Vec::new();
    let n = screen_ocds(
        f,
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| out.push(r),
    )
    .unwrap();
    assert_eq!(n, out.len());
    out.into_iter()
        .map(|o| o.process().cloned().unwrap_or_else(|| panic!("{o:?}")))
        .collect()
}

fn rules(r: &OcdsResult) -> Vec<(String, Vec<String>)> {
    r.findings
        .iter()
        .map(|f| (f.rule.to_owned(), f.bids.clone()))
        .collect()
}

fn reasons(r: &OcdsResult) -> Vec<(Option<String>, String)> {
    r.excluded
        .iter()
        .map(|e| {
            (
                e.bid.clone(),
                e.reason.split(':').next().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn release_package() {
    let out = screen("release-package.json");
    assert_eq!(out.len(), 2);
    let a = &out[0];
    assert_eq!(a.ocid, "ocds-la0001-RFP-2026-017");
    let ids: Vec<&str> = a
        .assessments
        .iter()
        .map(|x| x.submission_id.as_str())
        .collect();
    assert_eq!(ids, vec!["A-1", "A-2", "A-3"]);
    assert_eq!(
        rules(a),
        vec![("abnormally-low-bid".to_owned(), vec!["A-2".to_owned()])]
    );
    assert_eq!(
        reasons(a),
        vec![
            (Some("A-4".into()), "currency mismatch".into()),
            (
                Some("A-5".into()),
                "several tenderers on one bid (2)".into()
            ),
            (Some("A-6".into()), "no value".into()),
            (
                Some("A-7".into()),
                "the bid's status is 'withdrawn', not 'valid' or 'pending'".into()
            ),
        ]
    );
    // the subcontracting extension gives an unnamed 30% share: opaque chain
    assert!(a.assessments[2]
        .findings
        .iter()
        .any(|f| f.rule == "subcontracting-opaque"));
    // sector from CPV 90910000 (cleaning)
    assert!(a.assessments[0]
        .findings
        .iter()
        .any(|f| f.rule == "high-risk-sector"));

    let b = &out[1];
    assert_eq!(
        rules(b),
        vec![
            (
                "shared-identity".to_owned(),
                vec!["B-1".to_owned(), "B-2".to_owned()]
            ),
            (
                "identical-prices".to_owned(),
                vec!["B-1".to_owned(), "B-2".to_owned()]
            ),
        ]
    );
    // goods with countriesOfOrigin reach the TVPRA rule
    assert!(b.assessments[0]
        .findings
        .iter()
        .any(|f| f.rule == "forced-labor-goods"));
}

#[test]
fn record_package_uses_compiled_release() {
    let out = screen("record-package.json");
    assert_eq!(out.len(), 2);
    assert_eq!(
        rules(&out[0]),
        vec![("single-bid".to_owned(), vec!["C-1".to_owned()])]
    );
    assert!(out[1].assessments.is_empty());
    assert_eq!(
        reasons(&out[1]),
        vec![(
            None,
            "record ocds-la0001-RFP-2026-099 has no compiledRelease, and its 1 releases \
             are links (url) only, which ctip-screen does not fetch"
                .into()
        )]
    );
}

#[test]
fn json_lines_of_releases() {
    let out = screen("releases.jsonl");
    assert_eq!(out.len(), 2);
    // 4,000,000 is more than 10% above the first mean and left out of the second
    assert_eq!(
        rules(&out[0]),
        vec![("abnormally-low-bid".to_owned(), vec!["D-5".to_owned()])]
    );
    assert_eq!(out[0].statistics.count, 5);
    assert_eq!(reasons(&out[1]), vec![(None, "no bids".into())]);
}

/// Lots and bid statistics (issue: findings false on real data): a bid is
/// held to its lot's estimate, bids are compared only with bids on the same
/// lot, and `single-bid` counts what the data says was received.
#[test]
fn lots_and_statistics() {
    let out = screen("lots-and-statistics.json");
    assert_eq!(out.len(), 4);
    let a = &out[0];
    // A-B1 (95,000) and A-B2 (290,000) are on different lots: not compared.
    assert_eq!(
        rules(a),
        vec![("abnormally-low-bid".to_owned(), vec!["A-B3".to_owned()])]
    );
    assert_eq!(a.findings[0].lot.as_deref(), Some("L2"));
    assert!(
        a.findings[0].message.starts_with("Lot L2: "),
        "{}",
        a.findings[0].message
    );
    // A-B3 (200,000) is held to L2's 300,000, not the tender's 400,000.
    let b3 = a
        .assessments
        .iter()
        .find(|x| x.submission_id == "A-B3")
        .unwrap();
    let below = b3
        .findings
        .iter()
        .find(|f| f.rule == "price-below-estimate")
        .unwrap();
    assert!(
        below
            .message
            .contains("66.7% of the estimated value of $300,000"),
        "{}",
        below.message
    );
    let b1 = a
        .assessments
        .iter()
        .find(|x| x.submission_id == "A-B1")
        .unwrap();
    assert!(!b1.findings.iter().any(|f| f.rule == "price-below-estimate"));
    // Lot L1: two bids published, the statistics say three: no single bid either way.
    assert_eq!(a.lots[0].received.as_ref().map(|r| r.count), Some(3));
    // B: one bid published, three received.
    assert!(rules(&out[1]).is_empty());
    // C: no bid details, one tenderer: a single-bid indicator naming no bid.
    assert_eq!(rules(&out[2]), vec![("single-bid".to_owned(), vec![])]);
    assert!(out[2].findings[0]
        .message
        .contains("tender.numberOfTenderers: 1"));
    // D: two of three bids lack a value; they were still received.
    assert!(rules(&out[3]).is_empty());
    assert_eq!(reasons(&out[3]).len(), 2);
}

/// The subcontracting extension as its schema defines it: a named
/// subcontractor (resolved against `parties`) is named; `hasSubcontracting:
/// false` is no subcontracting. Tenderers embedded without `parties` (OCDS
/// 1.0) are read whole, so two that share an identity are found.
#[test]
fn subcontracting_extension_and_embedded_tenderers() {
    let out = screen("subcontracting-and-embedded-tenderers.json");
    let e = &out[0];
    let b1 = &e.assessments[0];
    assert!(
        !b1.findings
            .iter()
            .any(|f| f.rule == "subcontracting-opaque"),
        "a named subcontractor is not 'not named': {:?}",
        b1.findings
    );
    assert!(rules(e).is_empty());
    let f = &out[1];
    assert_eq!(
        rules(f),
        vec![(
            "shared-identity".to_owned(),
            vec!["F-B1".to_owned(), "F-B2".to_owned()]
        )]
    );
    assert!(
        f.findings[0].message.contains("identifier us-ein"),
        "{}",
        f.findings[0].message
    );
}

/// OCDS `tender.tenderPeriod` and `mainProcurementCategory` reach the
/// rules: a seven-day open tender is rushed (Cardinal R003's arithmetic).
#[test]
fn tender_period_and_category_are_read() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/ocds/releases.jsonl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut release: serde_json::Value =
        serde_json::from_str(text.lines().next().unwrap()).unwrap();
    release["tender"]["procurementMethod"] = "open".into();
    release["tender"]["mainProcurementCategory"] = "works".into();
    release["tender"]["tenderPeriod"] =
        serde_json::json!({"startDate": "2026-08-01T00:00:00Z", "endDate": "2026-08-08T17:00:00Z"});
    let mut out = Vec::new();
    screen_ocds(
        std::io::Cursor::new(release.to_string()),
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| out.push(r),
    )
    .unwrap();
    let a = &out[0].process().unwrap().assessments[0];
    let rushed = a
        .findings
        .iter()
        .find(|f| f.rule == "rushed-procurement")
        .unwrap();
    assert!(
        rushed
            .message
            .contains("ran 7 days (2026-08-01 to 2026-08-08)"),
        "{}",
        rushed.message
    );
    assert!(!a.gaps.iter().any(|g| g.rule == "rushed-procurement"));
}

#[test]
fn cli_prints_one_line_per_process() {
    let o = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
        .args([
            "ocds",
            "tests/ocds/release-package.json",
            "--as-of",
            "2026-11-29",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["ocid"], "ocds-la0001-RFP-2026-017");
    assert!(lines[0]["assessments"].is_array() && lines[0]["findings"].is_array());

    let bad = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
        .args(["ocds", "tests/scenarios/janitorial-clean.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not OCDS"));
}

#[test]
fn memory_stays_flat_as_the_file_grows() {
    // A generated JSON Lines stream of 20,000 processes is screened one
    // release at a time: the sink sees each result before the next is read.
    let line = std::fs::read_to_string(format!(
        "{}/tests/ocds/releases.jsonl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let first = line.lines().next().unwrap().to_owned() + "\n";
    let input = Repeat::new(first.into_bytes(), 20_000);
    let mut seen = 0usize;
    let n = screen_ocds(
        input,
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| {
            assert_eq!(r.process().map(|p| p.assessments.len()), Some(5));
            seen += 1;
        },
    )
    .unwrap();
    assert_eq!((n, seen), (20_000, 20_000));
}

/// Many releases, each with its own ocid, as JSON Lines and as a package.
fn many_releases(n: usize) -> (String, String) {
    let line = std::fs::read_to_string(format!(
        "{}/tests/ocds/releases.jsonl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let line = line.lines().next().unwrap();
    let releases: Vec<String> = (0..n)
        .map(|i| line.replacen("ocds-la0001-", &format!("ocds-n{i:05}-"), 1))
        .collect();
    let lines = releases.join("\n");
    let package = format!("{{\"releases\": [\n{}\n]}}", releases.join(",\n"));
    (lines, package)
}

fn ocids(text: &str) -> Result<Vec<String>, String> {
    ocids_with(text, None)
}

fn ocids_with(text: &str, threads: Option<usize>) -> Result<Vec<String>, String> {
    let mut seen = Vec::new();
    let options = EvaluateOptions::default();
    let screening = OcdsScreening {
        threads,
        ..OcdsScreening::new(&options, Date::parse("2026-11-29").unwrap())
    };
    let result = screening.run(
        text.as_bytes(),
        |r| match r {
            ctip_screen::api::OcdsOutput::Process(p) => p.ocid,
            ctip_screen::api::OcdsOutput::Error(e) => format!("error at line {}", e.line),
        },
        |ocid| seen.push(ocid),
    );
    match result {
        Ok(n) => {
            assert_eq!(n, seen.len());
            Ok(seen)
        }
        Err(e) => Err(format!("{} after {}", e.issues()[0].message, seen.len())),
    }
}

#[test]
fn results_keep_input_order_across_batches_and_threads() {
    let (lines, package) = many_releases(700);
    let expected: Vec<String> = (0..700)
        .map(|i| format!("ocds-n{i:05}-RFP-2026-044"))
        .collect();
    assert_eq!(ocids(&lines).unwrap(), expected);
    assert_eq!(ocids(&package).unwrap(), expected);
    for threads in [1, 3, 8] {
        assert_eq!(
            ocids_with(&lines, Some(threads)).unwrap(),
            expected,
            "{threads} threads"
        );
    }
}

#[test]
fn cli_threads_change_nothing_in_the_output() {
    let (lines, _) = many_releases(80);
    let dir = std::env::temp_dir().join(format!("ctip-ocds-threads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("releases.jsonl");
    std::fs::write(&file, lines).unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
            .args(["ocds", file.to_str().unwrap(), "--as-of", "2026-11-29"])
            .args(extra)
            .output()
            .unwrap()
    };
    let default = run(&[]);
    assert_eq!(default.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&default.stdout).lines().count(), 80);
    for threads in ["1", "4"] {
        let o = run(&["--threads", threads]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(o.stdout, default.stdout, "--threads {threads}");
    }
    let zero = run(&["--threads", "0"]);
    assert_eq!(zero.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_line_is_reported_in_place_and_the_rest_is_read() {
    let (lines, _) = many_releases(700);
    let mut broken: Vec<&str> = lines.lines().collect();
    broken[400] = "{\"ocid\": ";
    let seen = ocids(&broken.join("\n")).unwrap();
    assert_eq!(seen.len(), 700);
    assert_eq!(seen[399], "ocds-n00399-RFP-2026-044");
    assert_eq!(seen[400], "error at line 401");
    assert_eq!(seen[401], "ocds-n00401-RFP-2026-044");
}

#[test]
fn an_error_in_a_package_comes_after_every_result_before_it() {
    let (_, package) = many_releases(700);
    // In a package the rest cannot be trusted: the run stops, naming the
    // line of the broken release, after every result before it.
    let package = package.replacen("ocds-n00500-RFP-2026-044\", \"id\"", "x\" \"id\"", 1);
    let err = ocids(&package).unwrap_err();
    assert!(err.starts_with("line 502:"), "{err}");
    assert!(err.ends_with("after 500"), "{err}");
}

#[test]
fn a_release_that_is_not_utf8_is_named_by_line() {
    let (lines, _) = many_releases(3);
    let mut bytes = Vec::new();
    for (i, line) in lines.lines().enumerate() {
        bytes.extend_from_slice(line.as_bytes());
        if i == 1 {
            bytes.extend_from_slice(b" \xff");
        }
        bytes.push(b'\n');
    }
    let mut seen = Vec::new();
    let n = screen_ocds(
        &bytes[..],
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| seen.push(r),
    )
    .unwrap();
    assert_eq!(n, 3);
    assert!(seen[0].process().is_some());
    assert!(seen[2].process().is_some());
    let ctip_screen::api::OcdsOutput::Error(e) = &seen[1] else {
        panic!("{:?}", seen[1]);
    };
    assert_eq!(e.line, 2);
    assert!(
        e.error.message.starts_with("line 2: the text is not UTF-8")
            && e.error.message.contains("iconv"),
        "{e:?}"
    );
}

#[test]
fn sections_not_read_are_checked_but_change_nothing() {
    let (lines, _) = many_releases(1);
    let plain = lines.lines().next().unwrap().to_owned();
    let extra = r#""awards": [{"id": "A1", "suppliers": [{"name": "x"}], "value": {"amount": 1e3}}], "contracts": [{"documents": [{"url": "https://example.org/\u00e9"}]}], "planning": {"budget": {}}, "#;
    let rich = plain.replacen("\"ocid\"", &format!("{extra}\"ocid\""), 1);
    assert_ne!(plain, rich);
    let screen = |text: &str| {
        let mut out = Vec::new();
        screen_ocds(
            text.as_bytes(),
            &EvaluateOptions::default(),
            Date::parse("2026-11-29").unwrap(),
            |r| out.push(serde_json::to_string(&r).unwrap()),
        )
        .map(|_| out)
    };
    assert_eq!(screen(&rich).unwrap(), screen(&plain).unwrap());
    let broken = rich.replacen(
        "\"planning\": {\"budget\": {}}",
        "\"planning\": {\"budget\": }",
        1,
    );
    let out = screen(&broken).unwrap();
    assert_eq!(out.len(), 1);
    assert!(
        out[0].starts_with("{\"line\":1,\"error\":{\"code\":\"invalid-submission\",\"message\":\"line 1: not valid JSON"),
        "{out:?}"
    );
}

#[test]
fn json_lines_with_crlf_and_blank_lines_keep_their_line_numbers() {
    let (lines, _) = many_releases(40);
    let mut text: String = lines.lines().map(|l| format!("{l}\r\n\r\n")).collect();
    // Line 2k+1 holds release k: break release 30, on line 61.
    let broken = text.lines().nth(60).unwrap().to_owned();
    text = text.replacen(&broken, "{\"ocid\": \"x\", ", 1);
    let seen = ocids(&text).unwrap();
    assert_eq!(seen.len(), 40);
    assert_eq!(seen[30], "error at line 61");
    assert_eq!(seen[31], "ocds-n00031-RFP-2026-044");
}

#[test]
fn cli_stops_quietly_when_its_output_is_closed() {
    let (lines, _) = many_releases(400);
    let dir = std::env::temp_dir().join(format!("ctip-ocds-closed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("releases.jsonl");
    std::fs::write(&file, lines).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
        .args(["ocds", file.to_str().unwrap(), "--as-of", "2026-11-29"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read the first line, then close the pipe, as `| head -1` does.
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    assert!(first.contains("\"ocid\":\"ocds-n00000-"), "{first}");
    drop(stdout);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Every output of a file in `tests/ocds/points/`, errors included.
fn outputs(file: &str) -> Vec<OcdsOutput> {
    let bytes = std::fs::read(format!(
        "{}/tests/ocds/points/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut out = Vec::new();
    let n = screen_ocds(
        &bytes[..],
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| out.push(r),
    )
    .unwrap();
    assert_eq!(n, out.len());
    out
}

/// The processes of a file in `tests/ocds/points/`, as (ocid, bid ids).
fn read_points(file: &str) -> Vec<(String, Vec<String>)> {
    outputs(file)
        .iter()
        .map(|o| match o {
            OcdsOutput::Process(p) => (
                p.ocid.clone(),
                p.assessments
                    .iter()
                    .map(|a| a.submission_id.clone())
                    .collect(),
            ),
            OcdsOutput::Error(e) => (format!("error at line {}", e.line), Vec::new()),
        })
        .collect()
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// Point 2: a release or a record on its own, records one per line, an
/// array of packages and packages one after another are all read; a record
/// without `compiledRelease` is compiled from its releases.
#[test]
fn point_2_every_published_form() {
    assert_eq!(
        read_points("2-release.json"),
        vec![("ocds-test-2a".into(), ids(&["B1", "B2"]))]
    );
    let both = vec![
        ("ocds-test-2e".to_owned(), ids(&["B1"])),
        ("ocds-test-2f".to_owned(), ids(&["B1"])),
    ];
    assert_eq!(read_points("2-array-of-packages.json"), both);
    assert_eq!(read_points("2-packages-one-after-another.json"), both);
    // The later release (given first) wins per field, bids merge by id:
    // B1 at its later 96,000, B2 added.
    let bytes = std::fs::read(format!(
        "{}/tests/ocds/points/2-record-without-compiled-release.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut processes = Vec::new();
    ctip_screen::ocds::read_processes(&bytes[..], |p| processes.push(p.unwrap())).unwrap();
    assert_eq!(processes.len(), 1);
    assert_eq!(processes[0].ocid, "ocds-test-2b");
    assert_eq!(processes[0].title.as_deref(), Some("New title"));
    let totals: Vec<(String, f64)> = processes[0]
        .bids
        .iter()
        .map(|b| (b.id.clone(), b.price.total.unwrap()))
        .collect();
    assert_eq!(
        totals,
        vec![("B1".to_owned(), 96_000.0), ("B2".to_owned(), 98_000.0)]
    );
    let out = outputs("2-records.jsonl");
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].process().unwrap().assessments.len(), 1);
    let linked = out[1].process().unwrap();
    assert_eq!(linked.ocid, "ocds-test-2d");
    assert!(linked.excluded[0]
        .reason
        .starts_with("record ocds-test-2d has no compiledRelease, and its 1 releases are links"));
}

/// Point 6: amounts in euros. Relative rules work and write €; the
/// compliance-plan thresholds, in dollars, are a gap naming both currencies.
#[test]
fn point_6_currencies() {
    let out = outputs("6-currencies.json");
    let p = out[0].process().unwrap();
    assert_eq!(
        rules(p),
        vec![("abnormally-low-bid".to_owned(), vec!["B1".to_owned()])]
    );
    let b1 = &p.assessments[0];
    let below = b1
        .findings
        .iter()
        .find(|f| f.rule == "price-below-estimate")
        .unwrap();
    assert!(
        below.message.contains("€400,000") && below.message.contains("€800,000"),
        "{}",
        below.message
    );
    let text = serde_json::to_string(p).unwrap();
    assert!(!text.contains('$'), "no dollar sign in a euro process");
    let gap = b1
        .gaps
        .iter()
        .find(|g| g.rule == "compliance-plan-missing")
        .unwrap();
    assert!(
        gap.message.contains("in EUR") && gap.message.contains("in USD"),
        "{}",
        gap.message
    );
}

/// Point 7: a byte order mark is skipped; a line that is not UTF-8 is named
/// by line and byte, with how to convert it, and the other lines are read.
#[test]
fn point_7_bytes_as_they_come() {
    assert_eq!(
        read_points("7-byte-order-mark.json"),
        vec![("ocds-test-7a".into(), ids(&["B1"]))]
    );
    let out = outputs("7-latin1-line.jsonl");
    assert_eq!(out.len(), 3);
    let OcdsOutput::Error(e) = &out[1] else {
        panic!("{:?}", out[1]);
    };
    assert_eq!(e.line, 2);
    assert!(
        e.error
            .message
            .starts_with("line 2: the text is not UTF-8 (byte ")
            && e.error.message.contains("iconv -f ISO-8859-1 -t UTF-8"),
        "{}",
        e.error.message
    );
    assert_eq!(out[2].process().unwrap().ocid, "ocds-test-7d");
}

/// Point 8: one bad line becomes an error line in its place; the CLI goes
/// on, exits 2 and counts the failures on stderr.
#[test]
fn point_8_one_bad_line() {
    assert_eq!(
        read_points("8-one-bad-line.jsonl"),
        vec![
            ("ocds-test-8a".to_owned(), ids(&["B1"])),
            ("error at line 2".to_owned(), vec![]),
            ("ocds-test-8c".to_owned(), ids(&["B1"])),
        ]
    );
    let o = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
        .args(["ocds", "--as-of", "2026-11-29"])
        .arg(format!(
            "{}/tests/ocds/points/8-one-bad-line.jsonl",
            env!("CARGO_MANIFEST_DIR")
        ))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stdout = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[1],
        r#"{"line":2,"error":{"code":"invalid-submission","message":"line 2: not valid JSON: EOF while parsing a value at column 55"}}"#
    );
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(stderr.contains("1 line could not be read"), "{stderr}");
}

/// Point 9: CPV 7962 (supply of nursing personnel) and UNSPSC 8011
/// (temporary personnel) make the vendor a labor broker, not event
/// staffing; Prozorro's ДК021 is CPV (90910000 cleaning: janitorial).
#[test]
fn point_9_sector_codes() {
    let out = outputs("9-sector-codes.jsonl");
    let fired = |i: usize| -> Vec<String> {
        out[i].process().unwrap().assessments[0]
            .findings
            .iter()
            .map(|f| f.rule.to_owned())
            .collect()
    };
    assert!(
        fired(0).contains(&"labor-broker".to_owned()),
        "{:?}",
        fired(0)
    );
    assert!(!fired(0).contains(&"high-risk-sector".to_owned()));
    assert!(
        fired(2).contains(&"labor-broker".to_owned()),
        "{:?}",
        fired(2)
    );
    let cleaning = out[1].process().unwrap().assessments[0]
        .findings
        .iter()
        .find(|f| f.rule == "high-risk-sector")
        .unwrap();
    assert!(
        cleaning.message.contains("janitorial"),
        "{}",
        cleaning.message
    );
}

/// Parallel framework agreements: every award on the lot has one value,
/// which publishers also write into every bid. Bids at that ceiling are not
/// compared on price (no identical-prices among them); the lot names the
/// ceiling and where it comes from.
#[test]
fn framework_ceiling_is_not_a_price() {
    let out = outputs("framework-ceiling.json");
    let p = out[0].process().unwrap();
    assert!(rules(p).is_empty(), "{:?}", rules(p));
    let ceiling = p.lots[0].ceiling.as_ref().unwrap();
    assert_eq!(ceiling.amount, 6_500_000.0);
    assert!(ceiling
        .source
        .starts_with("3 awards on the lot share this value"));
    // The same bids without the awards: the three equal totals are flagged,
    // and B4 looks abnormally low against them.
    let text = std::fs::read_to_string(format!(
        "{}/tests/ocds/points/framework-ceiling.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["releases"][0].as_object_mut().unwrap().remove("awards");
    let mut without = Vec::new();
    screen_ocds(
        v.to_string().as_bytes(),
        &EvaluateOptions::default(),
        Date::parse("2026-11-29").unwrap(),
        |r| without.push(r),
    )
    .unwrap();
    assert_eq!(
        rules(without[0].process().unwrap()),
        vec![
            ("abnormally-low-bid".to_owned(), ids(&["B4"])),
            ("identical-prices".to_owned(), ids(&["B1", "B2", "B3"]))
        ]
    );
}
