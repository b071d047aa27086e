//! The crate's modules form one-way layers: a module may use the modules of
//! the layers below it, never one above (nor, above the base, one beside
//! it). The order, from the bottom:
//!
//! base (json, error, date, names, reference, format, sort, csv, text)
//!   <- input <- model, watchlist <- policy <- assessment <- rules
//!   <- engine <- compare <- ocds <- api <- wasm (which uses api only)
//!
//! Read from the source text: every `crate::<module>` outside comments and
//! test code. A new module must be given its layer here.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::collections::BTreeSet;
use std::path::Path;

const LAYERS: &[(&str, u32)] = &[
    ("json", 0),
    ("error", 0),
    ("date", 0),
    ("names", 0),
    ("reference", 0),
    ("format", 0),
    ("sort", 0),
    ("csv", 0),
    ("text", 0),
    ("input", 1),
    ("model", 2),
    ("watchlist", 2),
    ("policy", 3),
    ("assessment", 4),
    ("rules", 5),
    ("engine", 6),
    ("compare", 7),
    ("ocds", 8),
    ("api", 9),
    ("schema", 9),
    ("wasm", 10),
];

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The code of a file without its comments and its test module.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // A test module (or a test-only item) ends the code that counts
            // when it is `mod tests`; a single test-only line is skipped.
            let next = lines.peek().map(|l| l.trim_start()).unwrap_or("");
            if trimmed.contains("mod tests")
                || next.starts_with("mod tests")
                || next.starts_with("#[allow")
            {
                break;
            }
            lines.next();
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The crate modules a file's code names: `crate::x`, and the items of
/// `crate::{x, y::z}`.
fn uses(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bin") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_use_only_the_layers_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" || relative.ends_with("rules/testing.rs") {
            continue;
        }
        let Some(own) = layer(&module) else {
            wrong.push(format!(
                "{}: module '{module}' has no layer in tests/layers.rs",
                relative.display()
            ));
            continue;
        };
        checked += 1;
        for used in uses(&code(&std::fs::read_to_string(file).unwrap())) {
            if used == module {
                continue;
            }
            let Some(theirs) = layer(&used) else {
                wrong.push(format!(
                    "{}: uses crate::{used}, which has no layer",
                    relative.display()
                ));
                continue;
            };
            let allowed = if module == "wasm" {
                used == "api" || theirs == 0
            } else {
                theirs < own || (theirs == 0 && own == 0)
            };
            if !allowed {
                wrong.push(format!(
                    "{}: {module} (layer {own}) uses crate::{used} (layer {theirs})",
                    relative.display()
                ));
            }
        }
    }
    assert!(checked > 20, "only {checked} files checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The check finds what it is for: an upward use is reported.
#[test]
fn an_upward_use_is_found() {
    let text = "use crate::api;\n// crate::wasm in a comment\nfn f() { crate::{rules::x, json}; }\n#[cfg(test)]\nmod tests { use crate::engine; }\n";
    let found = uses(&code(text));
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        vec!["api", "json", "rules"]
    );
}

/// The `Text::new` calls of `code` that run when the program runs: those
/// outside a `static` or `const` item and outside a `const { }` block.
/// `Text::new` checks that both languages name the same placeholders; in a
/// const context the check runs when the crate compiles, elsewhere on every
/// call (it was 6.5% of `evaluateBid` in wasm, from three rules).
fn runtime_texts(code: &str) -> Vec<usize> {
    let mut item = "";
    let mut found = Vec::new();
    let mut before = String::new();
    for (i, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent <= 4
            && [
                "static ", "const ", "fn ", "pub ", "impl", "mod ", "struct ", "enum ",
            ]
            .iter()
            .any(|k| trimmed.starts_with(k))
        {
            item = trimmed;
        }
        let in_const_item = [
            "static ",
            "const ",
            "pub static ",
            "pub const ",
            "pub(crate) static ",
            "pub(crate) const ",
        ]
        .iter()
        .any(|k| {
            item.starts_with(k)
                && !item.starts_with("const fn")
                && !item.starts_with("pub const fn")
        });
        let mut rest = line;
        let mut seen = before.clone();
        while let Some(at) = rest.find("Text::new(") {
            seen.push_str(&rest[..at]);
            let in_block = seen.trim_end().ends_with("const {");
            if !in_const_item && !in_block {
                found.push(i + 1);
            }
            seen.clear();
            rest = &rest[at + "Text::new(".len()..];
        }
        before = format!("{seen}{rest}");
    }
    found
}

#[test]
fn texts_are_checked_when_the_crate_compiles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    let mut texts = 0;
    for file in &files {
        let code = code(&std::fs::read_to_string(file).unwrap());
        texts += code.matches("Text::new(").count();
        for line in runtime_texts(&code) {
            wrong.push(format!(
                "{}: line {line} of its code calls Text::new at run time; put it in a const or static, or in `const {{ }}`",
                file.strip_prefix(&src).unwrap().display()
            ));
        }
    }
    assert!(texts > 150, "only {texts} texts found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The check finds what it is for: a text built in a function body.
#[test]
fn a_text_built_at_run_time_is_found() {
    let text = "pub static A: T = T { t: Text::new(\"a\", \"b\") };\nfn f() {\n    g(Text::new(\"a\", \"b\"));\n    g(const { Text::new(\"a\", \"b\") });\n    g(const {\n        Text::new(\"a\", \"b\")\n    });\n}\nconst B: Text = Text::new(\"a\", \"b\");\n";
    assert_eq!(runtime_texts(&code(text)), vec![3]);
}
