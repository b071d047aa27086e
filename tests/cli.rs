//! The `ctip-screen` command line as SPEC.md section 7 fixes it: commands,
//! flags, output on stdout, errors on stderr naming the JSON path, and exit
//! statuses 0 (success), 1 (usage) and 2 (invalid input).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn ctip(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout_json(o: &Output) -> Value {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ctip-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn score_prints_the_assessment() {
    let a = stdout_json(&ctip(
        &["score", "tests/scenarios/janitorial-wage-below-floor.json"],
        None,
    ));
    assert_eq!(a["submissionId"], "BID-JANITORIALWA");
    assert_eq!(a["tier"], "critical");
    assert_eq!(a["asOf"], "2026-03-02");
    assert_eq!(a["findings"][0]["rule"], "wage-below-floor");
}

#[test]
fn score_reads_standard_input_and_honours_as_of() {
    let text = std::fs::read_to_string("tests/scenarios/hotel-services-clean.json").unwrap();
    let a = stdout_json(&ctip(&["score", "-", "--as-of", "2026-06-30"], Some(&text)));
    assert_eq!(a["asOf"], "2026-06-30");
}

#[test]
fn invalid_input_exits_2_names_the_path_and_prints_nothing_on_stdout() {
    let bid = json!({"id": "X", "solicitation": {}, "vendor": {"name": "V"}, "workforce": {"wageRates": [{"hourly": 20}, {"hourly": 20}, {"hourly": -1}]}});
    let o = ctip(&["score", "-"], Some(&bid.to_string()));
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("workforce.wageRates[2].hourly: must be >= 0"),
        "{err}"
    );

    let o = ctip(&["score", "-"], Some("{\"id\": "));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ends too early"));
}

#[test]
fn usage_errors_exit_1() {
    assert_eq!(ctip(&["score"], None).status.code(), Some(1));
    assert_eq!(ctip(&["frobnicate"], None).status.code(), Some(1));
    assert_eq!(
        ctip(&["score", "no/such/file.json"], None).status.code(),
        Some(1)
    );
    assert_eq!(
        ctip(&["score", "-", "--as-of", "2026-13-01"], Some("{}"))
            .status
            .code(),
        Some(1)
    );
    let help = ctip(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn text_format_is_a_readable_report() {
    let o = ctip(
        &[
            "score",
            "tests/scenarios/janitorial-document-retention.json",
            "--format",
            "text",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Tier: CRITICAL"), "{text}");
    assert!(
        text.contains("[CRITICAL] Employer holds workers' identity documents"),
        "{text}"
    );
    assert!(text.contains("next step:"), "{text}");
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 88 || l.contains("sha256:")),
        "{text}"
    );
}

#[test]
fn rules_schema_and_policy() {
    let rules = stdout_json(&ctip(&["rules"], None));
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"wage-below-floor") && ids.contains(&"shared-identity"));
    assert_eq!(ids.len(), ctip_screen::rules::catalogue().len());

    let schema = stdout_json(&ctip(&["schema"], None));
    assert_eq!(schema["title"], "Submission");
    assert_eq!(schema["required"], json!(["id", "solicitation", "vendor"]));
    assert_eq!(schema["additionalProperties"], json!(false));

    let policy = stdout_json(&ctip(&["policy"], None));
    assert_eq!(policy["id"], "la-2026");
    let text = ctip(&["rules", "--format", "text"], None);
    assert!(String::from_utf8_lossy(&text.stdout).contains("A. Anti-trafficking compliance"));
}

#[test]
fn the_committed_rule_catalogue_is_what_the_engine_runs() {
    let o = ctip(&["rules", "--format", "markdown"], None);
    assert_eq!(o.status.code(), Some(0));
    let generated = String::from_utf8(o.stdout).unwrap();
    let committed = std::fs::read_to_string("docs/catalogue.md").unwrap();
    assert!(
        generated == committed,
        "docs/catalogue.md is out of date: run `cargo run -- rules --format markdown > docs/catalogue.md`"
    );
    for r in ctip_screen::rules::catalogue() {
        assert!(committed.contains(&format!("### `{}`", r.id)), "{}", r.id);
    }
}

#[test]
fn the_committed_spanish_catalogue_is_what_the_engine_runs() {
    let o = ctip(&["rules", "--lang", "es", "--format", "markdown"], None);
    assert_eq!(o.status.code(), Some(0));
    let generated = String::from_utf8(o.stdout).unwrap();
    let committed = std::fs::read_to_string("docs/catalogue.es.md").unwrap();
    assert!(
        generated == committed,
        "docs/catalogue.es.md is out of date: run `cargo run -- rules --lang es --format markdown > docs/catalogue.es.md`"
    );
    for r in ctip_screen::rules::catalogue() {
        assert!(
            committed.contains(&format!("### `{}`: {}", r.id, r.title.es)),
            "{}",
            r.id
        );
    }
}

#[test]
fn lang_chooses_the_language_of_every_text_and_records_it() {
    let bid = "tests/scenarios/construction-deep-chain.json";
    let en = stdout_json(&ctip(&["score", bid, "--as-of", "2026-03-02"], None));
    let es = stdout_json(&ctip(
        &["score", bid, "--as-of", "2026-03-02", "--lang", "es-MX"],
        None,
    ));
    assert_eq!(en["locale"], "en");
    assert_eq!(es["locale"], "es");
    // The same findings, scores and evidence: only the words differ.
    for key in ["score", "tier", "reviewRequired", "completeness", "asOf"] {
        assert_eq!(en[key], es[key], "{key}");
    }
    // The same policy and lists; only the lists' titles are in Spanish.
    for key in ["id", "version", "digest"] {
        assert_eq!(en["policy"][key], es["policy"][key], "{key}");
    }
    for (l_en, l_es) in en["policy"]["lists"]
        .as_array()
        .unwrap()
        .iter()
        .zip(es["policy"]["lists"].as_array().unwrap())
    {
        for key in ["list", "edition", "digest", "rows", "published"] {
            assert_eq!(l_en[key], l_es[key], "{key}");
        }
        assert_ne!(l_en["title"], l_es["title"]);
    }
    assert!(es["policy"]["lists"][0]["title"]
        .as_str()
        .unwrap()
        .contains(
            "edición 2024 (publicada el 5 de septiembre de 2024), reconstruida por ctip-screen"
        ));
    let rules = |a: &Value| -> Vec<Value> {
        a["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| json!([f["rule"], f["severity"], f["evidence"]]))
            .collect()
    };
    assert_eq!(rules(&en), rules(&es));
    assert_ne!(en["findings"][0]["message"], es["findings"][0]["message"]);
    // Any tag that is not Spanish is English.
    let fr = stdout_json(&ctip(
        &["score", bid, "--as-of", "2026-03-02", "--lang", "fr"],
        None,
    ));
    assert_eq!(fr, en);
    // The text report and the catalogue follow.
    let text = ctip(
        &[
            "score",
            bid,
            "--as-of",
            "2026-03-02",
            "--lang",
            "es",
            "--format",
            "text",
        ],
        None,
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Nivel de riesgo: ALTO"), "{text}");
    assert!(text.contains("siguiente paso: "), "{text}");
    let catalogue = ctip(&["rules", "--lang", "es", "--format", "text"], None);
    assert!(String::from_utf8_lossy(&catalogue.stdout)
        .contains("A. Cumplimiento contra la trata de personas"));
    // Problems with the input are named in the language too, at the same paths.
    let bad = r#"{"id":"X","solicitation":{"currency":"usd"},"vendor":{"name":""},"workforce":{"wageRates":[{"hourly":-3}]},"bogus":1}"#;
    let en = ctip(&["score", "-"], Some(bad));
    let es = ctip(&["score", "-", "--lang", "es"], Some(bad));
    assert_eq!((en.status.code(), es.status.code()), (Some(2), Some(2)));
    let es = String::from_utf8(es.stderr).unwrap();
    for line in [
        "la entrada no es una oferta válida (invalid-submission)",
        "solicitation.currency: 'usd' no es un código de moneda ISO 4217",
        "vendor.name: no debe estar vacío",
        "workforce.wageRates[0].hourly: debe ser >= 0",
        "bogus: campo desconocido 'bogus'; se esperaba uno de: ",
    ] {
        assert!(es.contains(line), "{line}\n{es}");
    }
    let en = String::from_utf8(en.stderr).unwrap();
    assert!(
        en.contains("workforce.wageRates[0].hourly: must be >= 0"),
        "{en}"
    );
}

#[test]
fn custom_policy_changes_the_digest_and_bad_policy_exits_2() {
    let mut policy = stdout_json(&ctip(&["policy"], None));
    policy["version"] = json!("2026.1-test");
    policy["disabledRules"] = json!(["high-risk-sector"]);
    let path = temp_file("policy.json", &policy.to_string());
    let a = stdout_json(&ctip(
        &[
            "score",
            "tests/scenarios/janitorial-clean.json",
            "--policy",
            path.to_str().unwrap(),
        ],
        None,
    ));
    assert_eq!(a["policy"]["version"], "2026.1-test");
    assert_eq!(a["findings"], json!([]));

    policy["thresholds"]["payrollBurden"]["value"] = json!(-2);
    let bad = temp_file("bad-policy.json", &policy.to_string());
    let o = ctip(
        &[
            "score",
            "tests/scenarios/janitorial-clean.json",
            "--policy",
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("thresholds.payrollBurden.value"));
}

/// A city loads a newer goods list and a new wage floor without a release;
/// the assessment names the list's edition and digest, and the policy
/// digest covers the added floor.
#[test]
fn a_newer_goods_list_and_wage_floor_from_files() {
    let bid = "tests/scenarios/uniforms-supply-listed-goods.json";
    let before = stdout_json(&ctip(&["score", bid], None));
    assert_eq!(before["policy"]["lists"][0]["edition"], "2024");
    let builtin_digest = before["policy"]["lists"][0]["digest"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(before["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "forced-labor-goods"));

    // ILAB's columns, a list in which Bangladesh and India garments are no longer listed.
    let csv = "Country,Good,Child Labor,Forced Labor,Forced Child Labor\nMalaysia,Gloves,,X,\n";
    let list = temp_file("tvpra-2026.csv", csv);
    let floors = temp_file(
        "floors.json",
        r#"[{"scope": "la-city", "hourly": 30.0, "effective": "2026-03-01", "source": "test floor"}]"#,
    );
    let after = stdout_json(&ctip(
        &[
            "score",
            bid,
            "--goods-list",
            list.to_str().unwrap(),
            "--wage-floors",
            floors.to_str().unwrap(),
        ],
        None,
    ));
    let tvpra = &after["policy"]["lists"][0];
    assert_eq!(tvpra["edition"], "tvpra-2026");
    assert_eq!(tvpra["rows"], 1);
    assert_ne!(tvpra["digest"].as_str().unwrap(), builtin_digest);
    assert_ne!(after["policy"]["digest"], before["policy"]["digest"]);
    let goods: Vec<&Value> = after["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "forced-labor-goods")
        .collect();
    assert_eq!(goods.len(), 1);
    assert!(
        goods[0]["message"]
            .as_str()
            .unwrap()
            .contains("Gloves from Malaysia (listed for forced labor; tvpra-2026 edition)"),
        "{}",
        goods[0]["message"]
    );
    assert!(after["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "wage-below-floor"));

    let bad = temp_file(
        "bad-list.csv",
        "good,country,child_labor,forced_labor\nGloves,Narnia,x,\n",
    );
    let o = ctip(&["score", bid, "--goods-list", bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("goodsLists[0].csv") && stderr.contains("line 2"),
        "{stderr}"
    );
}

/// `policy --check` lists every dated series whose newest entry is older
/// than it is expected to last on the given date; the text form shows the
/// version's changelog.
#[test]
fn policy_check_lists_stale_series_and_the_changelog() {
    let report = stdout_json(&ctip(&["policy", "--check", "--as-of", "2026-12-07"], None));
    assert_eq!(report["version"], "2026.3");
    let stale: Vec<&str> = report["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["stale"] == true)
        .map(|s| s["series"].as_str().unwrap())
        .collect();
    assert_eq!(
        stale,
        vec![
            "wage floor: la-city",
            "wage floor: la-county",
            "TVPRA list of goods, 2024 edition"
        ]
    );
    assert_eq!(report["stale"], 3);
    // With a newer City floor the City series is current again.
    let floors = temp_file(
        "city-2026.json",
        r#"[{"scope": "la-city", "hourly": 18.5, "effective": "2026-07-01", "source": "test"}]"#,
    );
    let report = stdout_json(&ctip(
        &[
            "policy",
            "--check",
            "--as-of",
            "2026-12-07",
            "--wage-floors",
            floors.to_str().unwrap(),
        ],
        None,
    ));
    assert_eq!(report["stale"], 2);

    let text = ctip(&["policy", "--format", "text"], None);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Policy la-2026 version 2026.3"), "{text}");
    assert!(text.contains("Changes in 2026.3"), "{text}");
    assert!(
        text.contains("FAR text followed: FAR as codified through FAC 2025-06"),
        "{text}"
    );
    let policy = stdout_json(&ctip(&["policy"], None));
    assert_eq!(policy["changelog"][0]["version"], "2026.3");
}

#[test]
fn watchlists_are_matched() {
    let list = json!({"name": "City debarment list", "entries": [{"name": "SUNRISE BUILDING MAINTENANCE, INC."}]});
    let path = temp_file("watch.json", &list.to_string());
    let a = stdout_json(&ctip(
        &[
            "score",
            "tests/scenarios/janitorial-clean.json",
            "--watchlist",
            path.to_str().unwrap(),
        ],
        None,
    ));
    assert_eq!(a["findings"][0]["rule"], "watchlist-match");
    assert_eq!(a["tier"], "critical");
}

#[test]
fn compare_prints_the_comparison() {
    let bids: Vec<Value> = ["janitorial-clean", "janitorial-wage-below-floor"]
        .iter()
        .map(|n| {
            let mut v: Value = serde_json::from_str(
                &std::fs::read_to_string(format!("tests/scenarios/{n}.json")).unwrap(),
            )
            .unwrap();
            v["solicitation"]["id"] = json!("RFP-SAME");
            v
        })
        .collect();
    let o = ctip(
        &["compare", "-"],
        Some(&Value::Array(bids.clone()).to_string()),
    );
    let c = stdout_json(&o);
    assert_eq!(c["assessments"].as_array().unwrap().len(), 2);
    assert_eq!(c["statistics"]["count"], 2);
    let text = ctip(
        &["compare", "-", "--format", "text"],
        Some(&Value::Array(bids).to_string()),
    );
    assert!(String::from_utf8_lossy(&text.stdout).contains("comparison of 2 bids"));
}

/// Vendor text cannot drive the terminal: a vendor name holding a line
/// break and escape sequences that would forge a "Score 0/100 Tier: LOW"
/// line and erase the real one is written with its control characters
/// escaped, in the text report and in error messages on stderr; bidi
/// overrides too.
#[test]
fn vendor_text_cannot_forge_lines_or_move_the_cursor() {
    let mut bid: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/scenarios/janitorial-document-retention.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let forged = "Acme\n\u{1b}[1A\u{1b}[2KScore 0/100   Tier: LOW\u{9b}2K \u{202e}evil\u{7f}";
    bid["vendor"]["name"] = json!(forged);
    bid["id"] = json!("BID\r\u{1b}]0;title\u{7}");
    let text_of = |o: &Output| String::from_utf8(o.stdout.clone()).unwrap();
    let unsafe_chars = |t: &str| {
        t.chars()
            .filter(|c| {
                (c.is_control() && *c != '\n')
                    || ('\u{202a}'..='\u{202e}').contains(c)
                    || ('\u{2066}'..='\u{2069}').contains(c)
            })
            .count()
    };
    for (args, lines_starting_score) in [
        (vec!["score", "-", "--format", "text"], 1),
        (vec!["compare", "-", "--format", "text"], 0),
    ] {
        let input = if args[0] == "compare" {
            // Two vendors at one price: the identical-prices message names both.
            let mut other = bid.clone();
            other["vendor"]["name"] = json!(format!("{forged} Two"));
            other["vendor"]["identifiers"] = json!({});
            other["id"] = json!("BID-2\u{1b}[31m");
            json!([bid.clone(), other]).to_string()
        } else {
            bid.to_string()
        };
        let o = ctip(&args, Some(&input));
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = text_of(&o);
        assert_eq!(unsafe_chars(&text), 0, "{text}");
        assert_eq!(
            text.lines().filter(|l| l.starts_with("Score ")).count(),
            lines_starting_score,
            "{text}"
        );
        assert!(text.contains("\\u{1b}[2KScore 0/100"), "{text}");
    }
    // Error messages echo the value or key at fault: escaped too.
    let mut bad = bid.clone();
    bad["vendor"]["\u{1b}[2Jkey"] = json!(1);
    let o = ctip(&["score", "-"], Some(&bad.to_string()));
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(unsafe_chars(&stderr), 0, "{stderr}");
    assert!(stderr.contains("\\u{1b}[2Jkey"), "{stderr}");
    // Piped JSON is byte for byte what the npm package returns: the
    // characters stay as JSON writes them (escaped only for a terminal).
    bid["id"] = json!("BID\u{9b}2K\u{202e}");
    let o = ctip(&["score", "-"], Some(&bid.to_string()));
    let out: Value = stdout_json(&o);
    assert_eq!(out["submissionId"], "BID\u{9b}2K\u{202e}");
    let raw = String::from_utf8(o.stdout).unwrap();
    assert!(raw.contains("\"BID\u{9b}2K\u{202e}\""), "{raw}");
}

/// A name refused for its length is only that (not also "must not be
/// empty"); a UTF-8 byte order mark before a submission is skipped, as in
/// OCDS; nesting is refused past 127 levels, as serde_json refuses it.
#[test]
fn small_defects_of_reading() {
    let typical = std::fs::read_to_string(format!(
        "{}/tests/fixtures/typical-bid.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut bid: Value = serde_json::from_str(&typical).unwrap();
    bid["vendor"]["name"] = json!("V".repeat(10_001));
    let o = ctip(&["score", "-"], Some(&bid.to_string()));
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(
        stderr.contains("vendor.name: is 10,001 characters long; the limit is 10,000"),
        "{stderr}"
    );
    assert!(!stderr.contains("must not be empty"), "{stderr}");
    bid["vendor"]["name"] = json!("  ");
    let o = ctip(&["score", "-"], Some(&bid.to_string()));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("vendor.name: must not be empty"));

    let o = ctip(&["score", "-"], Some(&format!("\u{feff}{typical}")));
    assert_eq!(stdout_json(&o)["submissionId"], "BID-TYPICAL");

    for (depth, ok) in [(127, true), (128, false)] {
        let deep = format!(
            r#"{{"id": "x", "solicitation": {{}}, "vendor": {{"name": "v"}}, "zz": {}{}}}"#,
            "[".repeat(depth - 1),
            "]".repeat(depth - 1)
        );
        let o = ctip(&["score", "-"], Some(&deep));
        let stderr = String::from_utf8(o.stderr).unwrap();
        // 127 levels parse (then the unknown key is refused); 128 do not.
        assert_eq!(
            stderr.contains("nesting deeper than 127 levels"),
            !ok,
            "{depth}: {stderr}"
        );
        assert_eq!(
            serde_json::from_str::<Value>(&deep).is_ok(),
            ok,
            "serde_json agrees at {depth}"
        );
    }
}

/// The command lines of the README's "The command line" section run as
/// written (from the repository's root, where the files they name are) and
/// succeed, so that the README cannot drift from the tool.
#[test]
fn the_readme_command_lines_run() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## The command line")
        .nth(1)
        .and_then(|rest| rest.split("```sh\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .unwrap();
    let mut ran = 0;
    for line in section.lines() {
        let command = line.split('#').next().unwrap().trim();
        let args: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(args.first(), Some(&"ctip-screen"), "{line}");
        let out = ctip(&args[1..], None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{command} printed nothing");
        ran += 1;
    }
    assert!(ran >= 8, "{ran} command lines");
}

#[test]
fn for_the_vendor_every_finding_and_gap_says_what_to_do_before_submitting() {
    let bid = "tests/scenarios/janitorial-wage-below-floor.json";
    let text = std::fs::read_to_string(bid).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let json = ctip_screen::json::Json::from(&value);
    let today = ctip_screen::date::Date::parse("2026-03-02").unwrap();
    for (locale, lang) in [
        (None, ctip_screen::text::Lang::En),
        (Some("es"), ctip_screen::text::Lang::Es),
    ] {
        let vendor = ctip_screen::api::EvaluateOptions {
            locale: locale.map(str::to_owned),
            audience: Some(ctip_screen::model::Audience::Vendor),
            ..ctip_screen::api::EvaluateOptions::default()
        };
        let evaluator = ctip_screen::api::EvaluateOptions {
            locale: locale.map(str::to_owned),
            ..ctip_screen::api::EvaluateOptions::default()
        };
        let v = ctip_screen::api::evaluate_value(&json, &vendor, today).unwrap();
        let e = ctip_screen::api::evaluate_value(&json, &evaluator, today).unwrap();
        // The same findings, score and tier: only the vendor's next steps are added.
        assert_eq!(
            (v.score, v.tier, v.findings.len(), v.gaps.len()),
            (e.score, e.tier, e.findings.len(), e.gaps.len())
        );
        assert!(!v.findings.is_empty());
        for f in &v.findings {
            let rule = ctip_screen::rules::rule(f.rule).unwrap();
            assert_eq!(
                f.vendor_action,
                Some(rule.vendor_action.get(lang)),
                "{}",
                f.rule
            );
        }
        for g in &v.gaps {
            assert!(g.vendor_action.is_some(), "{}", g.rule);
        }
        let json_v: Value = serde_json::from_str(&ctip_screen::api::to_json(&v)).unwrap();
        assert_eq!(json_v["audience"], "vendor");
        assert!(json_v["findings"][0]["vendorAction"].is_string());
        // The evaluator's assessment is as it was: no vendor fields.
        let json_e = ctip_screen::api::to_json(&e);
        assert!(
            !json_e.contains("vendorAction") && !json_e.contains("\"audience\""),
            "{json_e}"
        );
    }
}

#[test]
fn ocds_reasons_follow_lang() {
    // A release whose bid names no tenderer, and one with no bid details.
    let text = r#"{"releases": [
        {"ocid": "ocds-x-1", "id": "1", "date": "2026-01-01", "tag": ["tender"],
         "bids": {"details": [{"id": "b1", "value": {"amount": 1, "currency": "USD"}}]}},
        {"ocid": "ocds-x-2", "id": "2", "date": "2026-01-01", "tag": ["tender"]}
    ]}"#;
    let lines = |lang: &str| -> Vec<Value> {
        let o = ctip(&["ocds", "-", "--lang", lang], Some(text));
        assert_eq!(o.status.code(), Some(0));
        String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (en, es) = (lines("en"), lines("es"));
    assert_eq!(en[0]["excluded"][0]["reason"], "the bid names no tenderer");
    assert_eq!(
        es[0]["excluded"][0]["reason"],
        "la oferta no nombra ningún licitante"
    );
    assert!(es[1]["excluded"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("sin ofertas: la entrega no tiene bids.details"));
}

/// OCDS data that cannot be read is named in the language asked for: a
/// line that is not JSON, not UTF-8 or not OCDS (each in its place in the
/// output), a document that stops being JSON, and a file that cannot be
/// opened; and standard input is named in the language too.
#[test]
fn ocds_read_errors_follow_lang() {
    let mut lines =
        b"{\"ocid\": \"ocds-x-1\", \"tender\": tru}\n{\"hello\": 1}\n{\"ocid\": \"\xff\"}\n"
            .to_vec();
    lines.extend_from_slice(
        br#"{"ocid": "ocds-x-2", "id": "2", "date": "2026-01-01", "tag": ["tender"]}"#,
    );
    let run = |args: &[&str], input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    let messages = |lang: &str| -> (Vec<String>, String) {
        let o = run(&["ocds", "-", "--lang", lang], &lines);
        assert_eq!(o.status.code(), Some(2));
        let errors = String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|v| v.get("error").is_some())
            .map(|v| v["error"]["message"].as_str().unwrap().to_owned())
            .collect();
        (errors, String::from_utf8(o.stderr).unwrap())
    };
    let (en, en_err) = messages("en");
    let (es, es_err) = messages("es");
    assert_eq!(
        en,
        [
            "line 1: not valid JSON: expected value at column 32",
            "line 2: not OCDS: expected a release, a record, a release package ({\"releases\": [...]}) or a record package ({\"records\": [...]})",
            "line 3: the text is not UTF-8 (byte 11 of the line); OCDS is UTF-8: convert the file first, for example `iconv -f ISO-8859-1 -t UTF-8 data.json > data-utf8.json`",
        ]
    );
    assert_eq!(
        es,
        [
            "línea 1: no es JSON válido: se esperaba un valor en la columna 32",
            "línea 2: no es OCDS: se esperaba una entrega (release), un registro (record), un paquete de entregas ({\"releases\": [...]}) o un paquete de registros ({\"records\": [...]})",
            "línea 3: el texto no es UTF-8 (byte 11 de la línea); OCDS usa UTF-8: convierta primero el archivo, por ejemplo con `iconv -f ISO-8859-1 -t UTF-8 data.json > data-utf8.json`",
        ]
    );
    assert!(
        en_err.contains("standard input: 3 lines could not be read"),
        "{en_err}"
    );
    assert!(
        es_err.contains("la entrada estándar: 3 líneas no se pudieron leer"),
        "{es_err}"
    );
    // A package that stops being JSON half-way: the whole input is refused.
    let broken = br#"{"releases": [{"ocid": "a"} {"ocid": "b"}]}"#;
    let o = run(&["ocds", "-", "--lang", "es"], broken);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(
        stderr
            .contains("la entrada estándar: no se pueden leer los datos OCDS (invalid-submission)")
            && stderr.contains("línea 1: se esperaba `,` o `]`"),
        "{stderr}"
    );
    let o = run(&["ocds", "no-such-file.json", "--lang", "es"], b"");
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "ctip-screen: no se puede leer no-such-file.json: el archivo no existe\n"
    );
    // A folder given as the file, in both languages: the system's words in
    // English, the same reason in Spanish.
    let o = run(&["score", "src"], b"");
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .starts_with("ctip-screen: cannot read src: "));
    let o = run(&["score", "src", "--lang", "es"], b"");
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "ctip-screen: no se puede leer src: es una carpeta, no un archivo\n"
    );
}

/// With `--lang es`, the command line's own usage errors (clap's, which has
/// no translations) are written in Spanish with the same facts: the
/// argument, the value, what it may be, a similar name, the usage line.
/// The same mistakes without it get clap's English.
#[test]
fn usage_errors_read_in_spanish_with_lang_es() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["score", "--fromat", "text", "x"],
            &[
                "error: argumento inesperado: '--fromat'",
                "consejo: hay un argumento parecido: '--format'",
                "Uso: ctip-screen score [OPCIONES] <ARCHIVO>",
                "Para más información, escriba '--help --lang es'.",
            ],
        ),
        (
            &["scroe", "x"],
            &[
                "comando desconocido: 'scroe'",
                "hay comandos parecidos: 'schema', 'score'",
            ],
        ),
        (
            &["score"],
            &["faltan argumentos obligatorios:\n  <ARCHIVO>"],
        ),
        (
            &["score", "x", "--format", "xml"],
            &[
                "el valor 'xml' no es válido para '--format <FORMATO>'",
                "[valores posibles: json, text]",
            ],
        ),
        (
            &["ocds", "x", "--threads", "0"],
            &["'--threads <N>': se espera un número entero de 1 a 256"],
        ),
        (
            &["ocds", "x", "--threads", "many"],
            &["el valor 'many' no es válido"],
        ),
        (
            &["score", "x", "--policy", "a", "--policy", "b"],
            &["'--policy <ARCHIVO>' no se puede dar más de una vez"],
        ),
        (
            &[],
            &[
                "falta el comando",
                "[comandos: score, compare, ocds, rules, schema, policy]",
            ],
        ),
        (
            &["score", "-x"],
            &["consejo: para pasar '-x' como valor, escriba '-- -x'"],
        ),
    ];
    for (args, wanted) in cases {
        let spanish: Vec<&str> = args.iter().copied().chain(["--lang", "es-MX"]).collect();
        let o = ctip(&spanish, None);
        assert_eq!(o.status.code(), Some(1), "{spanish:?}");
        assert!(o.stdout.is_empty(), "{spanish:?}");
        let es = String::from_utf8(o.stderr).unwrap();
        for w in *wanted {
            assert!(es.contains(w), "{spanish:?}: {w}\n{es}");
        }
        for english in [
            "unexpected",
            "unrecognized",
            "tip:",
            "Usage:",
            "For more information",
            "required",
            "invalid value",
            "possible values",
            "cannot be used",
            "<FILE>",
        ] {
            assert!(!es.contains(english), "{spanish:?}: {english}\n{es}");
        }
        let o = ctip(args, None);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let en = String::from_utf8(o.stderr).unwrap();
        // (With no command at all, clap prints the help instead.)
        assert!(
            en.starts_with("error: ") && en.contains("For more information, try '--help'.")
                || args.is_empty() && en.contains("Usage: ctip-screen <COMMAND>"),
            "{args:?}\n{en}"
        );
    }
}

#[test]
fn the_policy_report_reads_in_the_language() {
    let o = ctip(
        &[
            "policy",
            "--check",
            "--format",
            "text",
            "--as-of",
            "2026-12-07",
            "--lang",
            "es",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    for part in [
        "Política de evaluación la-2026 versión ",
        "(publicada el 8 de diciembre de 2026)",
        "Listas de bienes",
        "Series con fecha al 7 de diciembre de 2026: ",
        "salario mínimo aplicable: Ciudad de Los Ángeles",
        // The policy's own texts, from its translations.es.
        "Ciudad y Condado de Los Ángeles, 2026: evaluación contra la trata de personas",
        "Texto de la FAR seguido: La FAR codificada hasta la FAC 2025-06",
        "Cambios en 2026.3",
        "según Econostrum, agosto de 2025",
        "reconstruida por ctip-screen",
    ] {
        // Lines are wrapped at 88 columns: compare the words.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(part), "{part}\n{text}");
    }
    for english in [
        "Policy la-2026",
        "Goods lists",
        "Dated series",
        "months old",
        "current:",
        "STALE:",
        "as reported by",
        "Changes in",
        "design:",
        "la-city",
    ] {
        assert!(!text.contains(english), "{english}\n{text}");
    }
}

#[test]
fn the_policy_check_names_its_series_in_the_language() {
    let en = stdout_json(&ctip(&["policy", "--check", "--as-of", "2026-12-07"], None));
    let es = stdout_json(&ctip(
        &["policy", "--check", "--as-of", "2026-12-07", "--lang", "es"],
        None,
    ));
    assert_eq!(en["stale"], es["stale"]);
    assert_eq!(en["series"][0]["series"], "wage floor: la-city");
    assert_eq!(
        es["series"][0]["series"],
        "salario mínimo aplicable: Ciudad de Los Ángeles"
    );
    // Each series' source in the policy's own Spanish (translations.es).
    assert_eq!(
        es["series"][0]["source"],
        "LAMC cap. XVIII art. 7 (salario mínimo de la Ciudad), tarifa de 2025 (según Econostrum, agosto de 2025)"
    );
    assert!(en["series"][0]["source"]
        .as_str()
        .unwrap()
        .contains("as reported by Econostrum"));
}

#[test]
fn a_custom_policy_s_problems_follow_the_language() {
    // The built-in policy with a wrong tier order, an unknown threshold and a
    // disabled rule that does not exist.
    let mut policy: Value =
        serde_json::from_str(&std::fs::read_to_string("src/policy/la-2026.json").unwrap()).unwrap();
    policy["tiers"]["elevated"] = json!(90);
    policy["thresholds"]["noSuchThreshold"] = json!({"value": 1, "source": "x"});
    policy["disabledRules"] = json!(["no-such-rule"]);
    let path = std::env::temp_dir().join(format!("ctip-policy-{}.json", std::process::id()));
    std::fs::write(&path, policy.to_string()).unwrap();
    let path = path.to_string_lossy().into_owned();
    let run = |lang: &str| {
        let o = ctip(
            &[
                "score",
                "tests/scenarios/minimal-bid.json",
                "--policy",
                &path,
                "--lang",
                lang,
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    let es = run("es");
    assert!(
        es.contains("tiers.elevated: no debe ser mayor que tiers.high"),
        "{es}"
    );
    let en = run("en");
    assert!(
        en.contains("tiers.elevated: must not be above tiers.high"),
        "{en}"
    );
    // Read in full (the reader and the value checks pass), the catalogue checks it.
    policy["tiers"]["elevated"] = json!(20);
    std::fs::write(&path, policy.to_string()).unwrap();
    let es = run("es");
    assert!(
        es.contains("disabledRules[0]: no es el identificador de una regla"),
        "{es}"
    );
    assert!(
        es.contains("thresholds.noSuchThreshold: no es un umbral que lea alguna regla"),
        "{es}"
    );
    let _ = std::fs::remove_file(&path);
}

/// `--help` with `--lang es` describes every command and flag in Spanish,
/// under Spanish headings; without it, the help is English.
#[test]
fn help_reads_in_spanish_with_lang_es() {
    let top = ctip(&["--lang", "es", "--help"], None);
    assert_eq!(top.status.code(), Some(0));
    let top = String::from_utf8(top.stdout).unwrap();
    assert!(
        top.contains("Uso: ctip-screen <COMANDO>") && top.contains("Comandos:"),
        "{top}"
    );
    for command in ["score", "compare", "ocds", "rules", "schema", "policy"] {
        let en = String::from_utf8(ctip(&[command, "--help"], None).stdout).unwrap();
        let es = ctip(&[command, "--help", "--lang", "es-MX"], None);
        assert_eq!(es.status.code(), Some(0), "{command}");
        let es = String::from_utf8(es.stdout).unwrap();
        assert!(es.contains(&format!("Uso: ctip-screen {command}")), "{es}");
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Print help",
            "[default",
            "[possible values",
        ] {
            assert!(!es.contains(english), "{command}: {english}\n{es}");
        }
        // Every flag's English description is gone: each has its Spanish one.
        for line in en
            .lines()
            .filter(|l| l.trim_start().starts_with('-') || l.trim_start().starts_with('<'))
        {
            let Some((_, description)) = line.trim().split_once("  ") else {
                continue;
            };
            let description = description.trim();
            if !description.is_empty() {
                assert!(!es.contains(description), "{command}: {description}\n{es}");
            }
        }
    }
    // Scoring with --lang es still reads its flags as before.
    let o = ctip(
        &[
            "score",
            "tests/scenarios/minimal-bid.json",
            "--lang",
            "es",
            "--as-of",
            "2026-03-02",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout_json(&o)["locale"], "es");
}

/// `--as-of` that is not a date says why, in the language: off the
/// calendar, or not of the form.
#[test]
fn as_of_that_is_not_a_date_says_why() {
    let bid = "tests/scenarios/minimal-bid.json";
    let o = ctip(
        &["score", bid, "--as-of", "2026-02-30", "--lang", "es"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "ctip-screen: --as-of '2026-02-30' no es un día del calendario: ese mes no tiene ese día, o no existe ese mes\n"
    );
    let o = ctip(&["score", bid, "--as-of", "March 2"], None);
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "ctip-screen: --as-of 'March 2' is not a date of the form YYYY-MM-DD\n"
    );
}
