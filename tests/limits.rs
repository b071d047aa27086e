//! Inputs at and beyond the limits: refused, in bounded memory, never read
//! whole. Memory is the process's peak resident size (Linux); the tests
//! run one after another under a lock.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use ctip_screen::api::{screen_ocds, EvaluateOptions, OcdsOutput};
use ctip_screen::date::Date;
use std::sync::Mutex;

static SERIAL: Mutex<()> = Mutex::new(());

/// The process's peak resident memory in bytes (`VmHWM`), Linux only.
fn high_water_mark() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs `f` and returns its result with how far it raised the process's
/// peak resident memory (the peak is reset first where Linux allows; the
/// tests of this binary run one at a time). `None` where it cannot be
/// measured.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, Option<usize>) {
    // Writing 5 to clear_refs resets VmHWM to the current resident size.
    std::fs::write("/proc/self/clear_refs", "5").ok();
    let before = high_water_mark();
    let out = f();
    let after = high_water_mark();
    (out, before.zip(after).map(|(b, a)| a.saturating_sub(b)))
}

fn assert_bounded(peak: Option<usize>) {
    match peak {
        Some(p) => assert!(p < 64 * MB, "peak rose by {} MB", p / MB),
        None => eprintln!("peak memory not measured on this system"),
    }
}

/// A stream of `head`, then `n` bytes of `a`, then `tail`, never held whole.
struct Huge {
    parts: [Vec<u8>; 2],
    n: usize,
    stage: usize,
    at: usize,
}

impl Huge {
    fn new(head: &str, n: usize, tail: &str) -> Huge {
        Huge {
            parts: [head.as_bytes().to_vec(), tail.as_bytes().to_vec()],
            n,
            stage: 0,
            at: 0,
        }
    }
}

impl std::io::Read for Huge {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let (len, filler) = match self.stage {
                0 => (self.parts[0].len(), None),
                1 => (self.n, Some(b'a')),
                2 => (self.parts[1].len(), None),
                _ => return Ok(0),
            };
            if self.at == len {
                self.stage += 1;
                self.at = 0;
                continue;
            }
            let k = (len - self.at).min(buf.len());
            match filler {
                Some(b) => buf[..k].fill(b),
                None => buf[..k].copy_from_slice(&self.parts[self.stage / 2][self.at..self.at + k]),
            }
            self.at += k;
            return Ok(k);
        }
    }
}

const MB: usize = 1 << 20;

fn release(ocid: &str) -> String {
    format!(
        r#"{{"ocid": "{ocid}", "id": "1", "date": "2026-09-01T00:00:00Z", "tag": ["award"], "tender": {{"id": "T", "procurementMethod": "open", "value": {{"amount": 1000, "currency": "USD"}}}}, "bids": {{"details": [{{"id": "B1", "status": "valid", "tenderers": [{{"name": "Acme LLC"}}], "value": {{"amount": 900, "currency": "USD"}}}}]}}}}"#
    )
}

fn screen(
    input: impl std::io::Read,
    options: &EvaluateOptions,
) -> (Result<Vec<String>, ctip_screen::Error>, Option<usize>) {
    peak_during(|| {
        let mut out = Vec::new();
        screen_ocds(input, options, Date::parse("2026-11-29").unwrap(), |r| {
            out.push(match r {
                OcdsOutput::Process(p) => p.ocid,
                OcdsOutput::Error(e) => {
                    format!("{} at line {}: {}", e.error.code, e.line, e.error.message)
                }
            })
        })
        .map(|_| out)
    })
}

/// One 64 MB line among normal ones: refused in its place as
/// limit-exceeded (16 MiB by default), the others read, and the heap never
/// holds the line (before the limit, one 256 MB line used 1.14 GB).
#[test]
fn a_line_above_the_limit_is_refused_in_place_in_bounded_memory() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let head = format!(
        "{}\n{{\"ocid\": \"big\", \"tender\": {{\"title\": \"",
        release("one")
    );
    let tail = format!("\"}}}}\n{}\n", release("three"));
    let (out, peak) = screen(
        Huge::new(&head, 64 * MB, &tail),
        &EvaluateOptions::default(),
    );
    let out = out.unwrap();
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0], "one");
    assert!(out[1].starts_with("limit-exceeded at line 2: line 2: a release, record or line of more than 16,777,216 bytes"), "{}", out[1]);
    assert_eq!(out[2], "three");
    assert_bounded(peak);

    // The first line itself too long: still JSON Lines, still in place.
    let head = "{\"ocid\": \"big\", \"tender\": {\"title\": \"";
    let (out, peak) = screen(Huge::new(head, 64 * MB, &tail), &EvaluateOptions::default());
    let out = out.unwrap();
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        out[0].starts_with("limit-exceeded at line 1:"),
        "{}",
        out[0]
    );
    assert_eq!(out[1], "three");
    assert_bounded(peak);
}

/// In a package, a release above the limit ends the run with
/// limit-exceeded naming its line, after the releases before it.
#[test]
fn a_package_release_above_the_limit_ends_the_run() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let head = format!(
        "{{\"uri\": \"https://example.com/p\", \"releases\": [\n{},\n{{\"ocid\": \"big\", \"tender\": {{\"title\": \"",
        release("one")
    );
    let tail = format!("\"}}}},\n{}\n]}}", release("three"));
    let mut seen = Vec::new();
    let (result, peak) = peak_during(|| {
        screen_ocds(
            Huge::new(&head, 64 * MB, &tail),
            &EvaluateOptions::default(),
            Date::parse("2026-11-29").unwrap(),
            |r| seen.push(r.process().map(|p| p.ocid.clone())),
        )
    });
    let err = result.unwrap_err();
    assert_eq!(err.code(), "limit-exceeded");
    assert!(
        err.issues()[0].message.starts_with("line 3: a release"),
        "{err:?}"
    );
    assert_eq!(seen, vec![Some("one".to_owned())]);
    assert_bounded(peak);
}

/// A policy sets its own limit (limits.releaseBytes), within 1 KiB to 256 MiB.
#[test]
fn the_policy_sets_the_release_limit() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut policy: serde_json::Value =
        serde_json::from_str(include_str!("../src/policy/la-2026.json")).unwrap();
    policy["limits"]["releaseBytes"] = 2048.into();
    let options = ctip_screen::api::read_options(&ctip_screen::json::Json::from(
        &serde_json::json!({ "policy": policy }),
    ))
    .unwrap();
    let small = release("small");
    let big = release("big").replace("\"T\"", &format!("\"{}\"", "x".repeat(3000)));
    let (out, _) = screen(format!("{small}\n{big}\n").as_bytes(), &options);
    let out = out.unwrap();
    assert_eq!(out[0], "small");
    assert!(
        out[1].starts_with(
            "limit-exceeded at line 2: line 2: a release, record or line of more than 2,048 bytes"
        ),
        "{}",
        out[1]
    );
    policy["limits"]["releaseBytes"] = 100.into();
    let err = ctip_screen::api::read_options(&ctip_screen::json::Json::from(
        &serde_json::json!({ "policy": policy }),
    ))
    .unwrap_err();
    assert_eq!(err.code(), "invalid-policy");
    assert_eq!(err.issues()[0].path, "limits.releaseBytes");
}
