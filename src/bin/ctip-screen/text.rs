//! The `--format text` reports: what an evaluator reads in a terminal or
//! prints for the file. Plain text, wrapped to 88 columns.

use ctip_screen::assessment::Assessment;
use ctip_screen::compare::Comparison;
use ctip_screen::error::Error;
use ctip_screen::policy::{LoadedPolicy, PolicyCheck};
use ctip_screen::rules::{money, RuleInfo};
use std::fmt::Write as _;

const WIDTH: usize = 88;

/// The policy as a reader checks it: version, FAR edition, goods lists,
/// the current version's changes and, with `--check`, which dated series
/// are older than they are expected to last.
pub fn policy(loaded: &LoadedPolicy, check: Option<&PolicyCheck>) -> String {
    let p = loaded.policy();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Policy {} version {} (published {})",
        p.id, p.version, p.published
    );
    wrap(&mut out, "  ", &p.title);
    let _ = writeln!(out, "  digest: {}", loaded.reference().digest);
    if let Some(far) = &p.far {
        let _ = writeln!(out);
        let _ = writeln!(out, "FAR text followed: {}", far.edition);
        wrap(&mut out, "  ", &far.note);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Goods lists");
    for list in &loaded.reference().lists {
        wrap(
            &mut out,
            "  ",
            &format!(
                "{} edition, {} rows, {}: {}",
                list.edition, list.rows, list.digest, list.title
            ),
        );
    }
    if let Some(entry) = p.changelog.first() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Changes in {} ({})", entry.version, entry.date);
        for change in &entry.changes {
            wrap(&mut out, "  - ", change);
        }
    }
    if let Some(check) = check {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Dated series on {}: {} of {} may be out of date",
            check.as_of,
            check.stale,
            check.series.len()
        );
        for s in &check.series {
            let state = if s.stale { "STALE:" } else { "current:" };
            let age = if s.months_old < 0 {
                format!("takes effect in {} months", -s.months_old)
            } else {
                format!("{} months old", s.months_old)
            };
            wrap(
                &mut out,
                "  ",
                &format!(
                    "{state} {}: newest entry {} ({age}; expected to last {} months). {}",
                    s.series, s.newest, s.expected_months, s.source
                ),
            );
        }
    }
    out
}

/// The report for one assessment.
pub fn assessment(a: &Assessment, vendor: Option<&str>) -> String {
    let mut out = String::new();
    let who = vendor.map(|v| format!(" ({v})")).unwrap_or_default();
    let _ = writeln!(
        out,
        "ctip-screen assessment of bid {}{who}",
        a.submission_id
    );
    let _ = writeln!(
        out,
        "Score {}/100   Tier: {}   Review required: {}",
        a.score,
        a.tier.as_str().to_uppercase(),
        if a.review_required { "YES" } else { "no" }
    );
    let _ = writeln!(
        out,
        "As of {}; policy {} {} ({}); engine {}; completeness {:.0}%",
        a.as_of,
        a.policy.id,
        a.policy.version,
        a.policy.digest,
        a.engine_version,
        a.completeness * 100.0
    );
    let _ = writeln!(
        out,
        "This report lists risk indicators for review. It recommends; people decide."
    );
    let _ = writeln!(out);
    if a.findings.is_empty() {
        let _ = writeln!(out, "No risk indicators found.");
    } else {
        let _ = writeln!(out, "Findings ({})", a.findings.len());
    }
    for f in &a.findings {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "  [{}] {} (+{})",
            f.severity.as_str().to_uppercase(),
            f.title,
            f.points
        );
        let _ = writeln!(out, "    rule: {}", f.rule);
        wrap(&mut out, "    ", &f.message);
        for e in &f.evidence {
            wrap(
                &mut out,
                "    evidence: ",
                &format!("{} = {}", e.path, e.value),
            );
        }
        wrap(&mut out, "    cites: ", &f.citations.join("; "));
        wrap(&mut out, "    next step: ", &f.action);
    }
    if !a.gaps.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Information missing ({} rules could not be evaluated)",
            a.gaps.len()
        );
        for g in &a.gaps {
            wrap(
                &mut out,
                "  - ",
                &format!("{}: {} [{}]", g.rule, g.message, g.paths.join(", ")),
            );
        }
    }
    out
}

/// The report for a comparison.
pub fn comparison(c: &Comparison) -> String {
    let mut out = String::new();
    let s = &c.statistics;
    let _ = writeln!(
        out,
        "ctip-screen comparison of {} bids ({} priced)",
        s.count, s.priced
    );
    if let (Some(min), Some(max), Some(mean), Some(median)) = (s.min, s.max, s.mean, s.median) {
        let _ = writeln!(
            out,
            "Prices: lowest {}, highest {}, mean {}, median {}",
            money(min),
            money(max),
            money(mean),
            money(median)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<20} {:>5}  {:<9} {:>8}  review",
        "bid", "score", "tier", "findings"
    );
    for a in &c.assessments {
        let _ = writeln!(
            out,
            "{:<20} {:>5}  {:<9} {:>8}  {}",
            truncate(&a.submission_id, 20),
            a.score,
            a.tier.as_str(),
            a.findings.len(),
            if a.review_required { "YES" } else { "no" }
        );
    }
    let _ = writeln!(out);
    if c.findings.is_empty() {
        let _ = writeln!(out, "No findings across bids.");
    } else {
        let _ = writeln!(out, "Across bids ({})", c.findings.len());
    }
    for f in &c.findings {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "  [{}] {} (+{} each)",
            f.severity.as_str().to_uppercase(),
            f.rule,
            f.points
        );
        wrap(&mut out, "    ", &f.message);
        wrap(&mut out, "    bids: ", &f.bids.join(", "));
        wrap(&mut out, "    cites: ", &f.citations.join("; "));
        wrap(&mut out, "    next step: ", f.action);
    }
    out
}

/// The rule catalogue as text.
pub fn catalogue(rules: &[RuleInfo]) -> String {
    let mut out = String::new();
    let mut group = None;
    for r in rules {
        if group != Some(r.group) {
            group = Some(r.group);
            let _ = writeln!(out, "\n{:?}. {}", r.group, r.group_title);
        }
        let severities: Vec<&str> = r.severities.iter().map(|s| s.as_str()).collect();
        let _ = writeln!(out, "  {} [{}]", r.id, severities.join(" / "));
        wrap(&mut out, "    ", r.title);
        wrap(&mut out, "    cites: ", &r.citations.join("; "));
    }
    out
}

/// The rule catalogue as Markdown: one section per rule with what it flags,
/// why, the law behind it and what to do (docs/catalogue.md is this output).
pub fn catalogue_markdown(rules: &[RuleInfo]) -> String {
    let mut out = String::from(
        "# ctip-screen rule catalogue\n\n\
         Generated by `ctip-screen rules --format markdown` from the definitions the engine runs; \
         a test fails when this file and the engine differ. Numbers (thresholds, points, dates) \
         come from the policy: see `ctip-screen policy`.\n",
    );
    let mut group = None;
    for r in rules {
        if group != Some(r.group) {
            group = Some(r.group);
            let _ = write!(out, "\n## {:?}. {}\n", r.group, r.group_title);
        }
        let severities: Vec<&str> = r.severities.iter().map(|s| s.as_str()).collect();
        let _ = write!(
            out,
            "\n### `{}`: {}\n\n{}\n\n- **Severity:** {}\n- **Law or standard:** {}\n- **Next step:** {}\n",
            r.id,
            r.title,
            r.description,
            severities.join(" / "),
            r.citations.join("; "),
            r.action
        );
    }
    out
}

/// An error as stderr shows it: what is wrong, where, and what to do.
pub fn error_report(e: &Error, source: &str) -> String {
    let mut out = String::new();
    let what = match e {
        Error::InvalidSubmission(_) => "the input is not a valid submission",
        Error::InvalidPolicy(_) => "the policy is not valid",
        Error::InvalidOptions(_) => "the options are not valid",
        Error::LimitExceeded(_) => "the input is larger than the policy's limits",
    };
    let _ = writeln!(out, "ctip-screen: {source}: {what} ({})", e.code());
    for issue in e.issues().iter().take(50) {
        let path = if issue.path.is_empty() {
            "(document)"
        } else {
            issue.path.as_str()
        };
        let _ = writeln!(out, "  {path}: {}", issue.message);
    }
    if e.issues().len() > 50 {
        let _ = writeln!(out, "  ... and {} more", e.issues().len() - 50);
    }
    if matches!(e, Error::InvalidSubmission(_)) {
        let _ = writeln!(
            out,
            "See `ctip-screen schema` for the shape of a submission."
        );
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Writes `text` after `lead`, wrapped at word boundaries, continuation
/// lines indented to the width of `lead`.
fn wrap(out: &mut String, lead: &str, text: &str) {
    let indent = " ".repeat(lead.chars().count());
    let mut line = String::from(lead);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}
