//! The documents an evaluator checks a finding against must say what the
//! engine does: docs/RULES.md lists exactly the engine's rule ids, with
//! their severities and citations word for word, and docs/POLICY.md is the
//! current output of `ctip-screen policy --format markdown`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::collections::BTreeMap;
use std::process::Command;

/// The rule rows of RULES.md's tables: id -> (severity cell, citation cell).
fn rules_md_rows() -> BTreeMap<String, (String, String)> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/RULES.md")).unwrap();
    let mut rows = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(
            cells.len(),
            4,
            "a rule row has id | fires when | sev | cite: {line}"
        );
        let id = cells[0].trim_matches('`').to_owned();
        let previous = rows.insert(id.clone(), (cells[2].to_owned(), cells[3].to_owned()));
        assert!(previous.is_none(), "{id} is listed twice");
    }
    rows
}

#[test]
fn rules_md_lists_exactly_the_engine_rules_with_their_severities_and_citations() {
    let rows = rules_md_rows();
    let catalogue = ctip_screen::rules::catalogue();
    let engine_ids: Vec<&str> = catalogue.iter().map(|r| r.id).collect();
    let doc_ids: Vec<&str> = rows.keys().map(String::as_str).collect();
    let mut sorted = engine_ids.clone();
    sorted.sort_unstable();
    assert_eq!(doc_ids, sorted, "RULES.md rule ids");
    for rule in catalogue {
        let (severity, cite) = &rows[rule.id];
        let severities: Vec<&str> = rule.severities.iter().map(|s| s.as_str()).collect();
        assert_eq!(severity, &severities.join(" / "), "{}: severity", rule.id);
        assert_eq!(cite, &rule.citations.join("; "), "{}: citations", rule.id);
    }
}

/// The committed document at `path` (under the crate) is what
/// `ctip-screen ARGS` prints now; returns it.
fn generated_document(args: &[&str], path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ctip-screen"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed =
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert!(
        generated == committed,
        "{path} is out of date: run `cargo run -- {} > {path}`",
        args.join(" ")
    );
    committed
}

#[test]
fn policy_md_is_the_current_policy() {
    generated_document(&["policy", "--format", "markdown"], "docs/POLICY.md");
    // The same in Spanish, the policy's own texts from its translations.
    let spanish = generated_document(
        &["policy", "--format", "markdown", "--lang", "es"],
        "docs/POLICY.es.md",
    );
    for english in ["as reported by", "design:", "| source |", "Changes in"] {
        assert!(!spanish.contains(english), "{english} in docs/POLICY.es.md");
    }
    // Every number has a kind of source, and every primary or secondary
    // one says when it was read.
    let policy: serde_json::Value =
        serde_json::from_str(include_str!("../src/policy/la-2026.json")).unwrap();
    let mut entries: Vec<(String, &serde_json::Value)> = Vec::new();
    for key in [
        "wageFloors",
        "compliancePlanThresholds",
        "tenderPeriods",
        "eventWindows",
    ] {
        for (i, e) in policy[key].as_array().unwrap().iter().enumerate() {
            entries.push((format!("{key}[{i}]"), e));
        }
    }
    for (name, t) in policy["thresholds"].as_object().unwrap() {
        entries.push((format!("thresholds.{name}"), t));
    }
    for (path, entry) in entries {
        let kind = entry["sourceKind"].as_str();
        assert!(
            matches!(kind, Some("primary" | "secondary" | "design")),
            "{path} has no sourceKind"
        );
        let read = entry.get("read").is_some();
        let design = kind == Some("design");
        let stated = entry["source"].as_str().unwrap_or_default();
        assert!(
            design || read || stated.contains("not re-read"),
            "{path}: a {kind:?} source says when it was read"
        );
        assert_eq!(
            design,
            stated.starts_with("design"),
            "{path}: design numbers, and only they, say so in their source"
        );
    }
}

/// docs/glossary.md's table: (English terms, Spanish terms), each cell's
/// alternatives split at commas, parentheses dropped.
fn glossary() -> Vec<(Vec<String>, Vec<String>)> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/glossary.md")).unwrap();
    let terms = |cell: &str| -> Vec<String> {
        let cell = match cell.find('(') {
            Some(i) => &cell[..i],
            None => cell,
        };
        cell.split(',')
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect()
    };
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| English") && !l.starts_with("|---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (terms(cells[0]), terms(cells[1]))
        })
        .collect()
}

/// Does `text` hold `term` as words (an English plural in -s too)? A term
/// matches in lower case, or capitalized at the start of a sentence, not
/// inside a proper name ("Global Human Trafficking Hotline").
fn has_words(text: &str, term: &str) -> bool {
    let mut capitalized = term.to_owned();
    if let Some(first) = capitalized.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    [term, capitalized.as_str()].iter().any(|term| {
        text.match_indices(term).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let rest = &text[i + term.len()..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            !before.is_some_and(char::is_alphanumeric)
                && !rest.chars().next().is_some_and(char::is_alphanumeric)
        })
    })
}

/// Spanish words folded for comparison: lower case, accents removed.
fn spanish_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Does the Spanish `text` use `term`? Word by word, each word of the text
/// starting with the term's word, so that plurals and feminines count
/// ("salarios mínimos aplicables" uses "salario mínimo aplicable").
fn uses_spanish(text: &[String], term: &str) -> bool {
    let term = spanish_words(term);
    !term.is_empty()
        && text
            .windows(term.len())
            .any(|w| w.iter().zip(&term).all(|(t, g)| t.starts_with(g.as_str())))
}

/// Wherever an English text uses a glossary term, its Spanish text uses the
/// glossary's Spanish term for it: the misses among `texts` (label,
/// English, Spanish). Longer terms are matched first and take their words
/// out ("anti-trafficking policy" is not "policy").
fn glossary_misses<'t>(texts: impl IntoIterator<Item = (String, &'t str, &'t str)>) -> Vec<String> {
    let mut glossary = glossary();
    assert!(glossary.len() >= 40, "{} glossary rows", glossary.len());
    glossary.sort_by_key(|(en, _)| std::cmp::Reverse(en.iter().map(String::len).max()));
    let mut misses = Vec::new();
    for (label, en_text, es_text) in texts {
        let mut english = en_text.to_owned();
        let spanish = spanish_words(es_text);
        for (en, es) in &glossary {
            let Some(term) = en.iter().find(|t| has_words(&english, t)) else {
                continue;
            };
            if !es.iter().any(|t| uses_spanish(&spanish, t)) {
                misses.push(format!("{label}: '{term}' is not '{}'", es.join("' or '")));
            }
            for t in en {
                english = english.replace(t.as_str(), " ");
            }
        }
    }
    misses
}

/// Fails, listing each one, on the texts whose Spanish misses the
/// glossary's term for an English term they use.
fn assert_glossary_held<'t>(texts: impl IntoIterator<Item = (String, &'t str, &'t str)>) {
    let misses = glossary_misses(texts);
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// Every rule's title, description and next steps use the glossary's terms.
#[test]
fn the_spanish_texts_use_the_glossary_terms() {
    let mut texts = Vec::new();
    for r in ctip_screen::rules::catalogue() {
        for (what, text) in [
            ("title", r.title),
            ("description", r.description),
            ("action", r.action),
            ("vendor action", r.vendor_action),
        ] {
            texts.push((format!("{} {what}", r.id), text.en, text.es));
        }
    }
    assert_glossary_held(texts);
}

/// The built-in policy's own Spanish (its `translations.es`: title, FAR
/// note, changelog, sources, event names) uses the glossary's terms too.
#[test]
fn the_policy_s_spanish_uses_the_glossary_terms() {
    let loaded = ctip_screen::policy::LoadedPolicy::builtin().unwrap();
    let policy = loaded.policy();
    // Rule ids (`wage-withholding`) are tokens, the same in both languages.
    let ids: Vec<&str> = ctip_screen::rules::catalogue()
        .iter()
        .map(|r| r.id)
        .collect();
    let english: Vec<(String, &str)> = policy
        .texts()
        .into_iter()
        .map(|en| {
            let without_ids = ids.iter().fold(en.to_owned(), |t, id| t.replace(id, " "));
            (without_ids, en)
        })
        .collect();
    let texts: Vec<(String, &str, &str)> = english
        .iter()
        .map(|(without_ids, en)| {
            let es = policy.say(en, ctip_screen::text::Lang::Es);
            (format!("policy: {en}"), without_ids.as_str(), es)
        })
        .collect();
    assert!(texts.len() > 60, "{} texts", texts.len());
    assert_glossary_held(texts);
}

/// The English and Spanish string literals of every `tr!(lang, "...",
/// "...")` and `Text::new("...", "...")` in `source`, unescaped, with the
/// line each starts on.
fn text_pairs(source: &str) -> Vec<(usize, String, String)> {
    let literal = |rest: &str| -> Option<(String, usize)> {
        let body = rest.strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((out, i + 2)),
                '\\' => match chars.next()?.1 {
                    'n' => out.push('\n'),
                    '\n' => {
                        // A line continuation: the next line's indentation goes too.
                        while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
        None
    };
    let mut pairs = Vec::new();
    for opener in ["tr!(", "Text::new("] {
        for (at, _) in source.match_indices(opener) {
            let mut rest = &source[at + opener.len()..];
            if opener == "tr!(" {
                // The language argument, up to its comma.
                let Some(comma) = rest.find(',') else {
                    continue;
                };
                rest = &rest[comma + 1..];
            }
            let Some((en, used)) = literal(rest.trim_start()) else {
                continue;
            };
            let rest = rest.trim_start()[used..].trim_start();
            let Some(rest) = rest.strip_prefix(',') else {
                continue;
            };
            let Some((es, _)) = literal(rest.trim_start()) else {
                continue;
            };
            let line = source[..at].lines().count() + 1;
            pairs.push((line, en, es));
        }
    }
    pairs
}

/// Every message the engine and the command line write, in both languages
/// (`tr!` and `Text::new` in the source), uses the glossary's terms too.
#[test]
fn every_message_uses_the_glossary_terms() {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut texts = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let name = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .display()
            .to_string();
        for (line, en, es) in text_pairs(&source) {
            // Placeholders are not words.
            let strip = |t: &str| {
                let mut out = String::new();
                let mut depth = 0;
                for c in t.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth > 0 => depth -= 1,
                        c if depth == 0 => out.push(c),
                        _ => {}
                    }
                }
                out
            };
            texts.push((format!("{name}:{line}"), strip(&en), strip(&es)));
        }
    }
    // The command line's report words, English and Spanish by field.
    let cli = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/bin/ctip-screen/text.rs"
    ))
    .unwrap();
    let block = |name: &str| -> Vec<(String, String)> {
        let start = cli
            .find(&format!("const {name}: Words = Words {{"))
            .unwrap();
        let body = &cli[start..start + cli[start..].find("\n};").unwrap()];
        body.lines()
            .filter_map(|l| {
                let (field, rest) = l.trim().split_once(": \"")?;
                Some((field.to_owned(), rest.trim_end_matches("\",").to_owned()))
            })
            .collect()
    };
    let (en, es) = (block("EN"), block("ES"));
    assert!(
        en.len() > 15 && en.len() == es.len(),
        "{} and {} report words",
        en.len(),
        es.len()
    );
    for ((field, en), (_, es)) in en.into_iter().zip(es) {
        texts.push((format!("CLI report word {field}"), en, es));
    }
    assert!(texts.len() > 300, "only {} texts found", texts.len());
    assert_glossary_held(
        texts
            .iter()
            .map(|(l, en, es)| (l.clone(), en.as_str(), es.as_str())),
    );
}
