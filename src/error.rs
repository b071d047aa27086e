//! Errors: every failure is data with a code and the list of problems, each
//! naming the JSON path it is about, so a portal can put the message next to
//! the field that caused it.

use crate::json::ParseError;
use crate::text::{tr, Lang};
use serde::Serialize;
use std::fmt;

/// One problem with an input, at a JSON path such as
/// `workforce.wageRates[2].hourly` (empty for the document itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Where the problem is, in the dotted/indexed notation of SPEC.md.
    pub path: String,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl Issue {
    /// An issue at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The issue for JSON text that cannot be parsed: where it stops being
    /// JSON, or that it ends too early. The one wording for submissions,
    /// options and policies alike.
    pub fn syntax(e: &ParseError) -> Issue {
        Issue::syntax_in(e, Lang::En)
    }

    /// [`Issue::syntax`] in `lang`.
    pub fn syntax_in(e: &ParseError, lang: Lang) -> Issue {
        let (line, column) = (e.line(), e.column());
        let message = if e.is_eof() {
            tr!(
                lang,
                "the JSON ends too early (line {line}, column {column})",
                "el JSON termina antes de tiempo (línea {line}, columna {column})"
            )
        } else {
            match lang {
                Lang::En => format!("not valid JSON: {e}"),
                Lang::Es => format!(
                    "JSON no válido: {} en la línea {line}, columna {column}",
                    e.message_in(Lang::Es)
                ),
            }
        };
        Issue::new("", message)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why an input was refused. The variants map one to one onto the `code`
/// values of the JavaScript `CtipError` (SPEC.md section 6).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The submission (or list of bids) is not valid.
    #[error("invalid submission: {}", Summary(.0, Lang::En))]
    InvalidSubmission(Vec<Issue>),
    /// The policy is not valid.
    #[error("invalid policy: {}", Summary(.0, Lang::En))]
    InvalidPolicy(Vec<Issue>),
    /// The options (asOf, watch lists, ...) are not valid.
    #[error("invalid options: {}", Summary(.0, Lang::En))]
    InvalidOptions(Vec<Issue>),
    /// The input is larger than the policy's limits allow.
    #[error("limit exceeded: {}", Summary(.0, Lang::En))]
    LimitExceeded(Vec<Issue>),
}

impl Error {
    /// The stable code of SPEC.md section 6 (`invalid-submission`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidSubmission(_) => "invalid-submission",
            Error::InvalidPolicy(_) => "invalid-policy",
            Error::InvalidOptions(_) => "invalid-options",
            Error::LimitExceeded(_) => "limit-exceeded",
        }
    }

    /// Every problem found, each with its path.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::InvalidSubmission(issues)
            | Error::InvalidPolicy(issues)
            | Error::InvalidOptions(issues)
            | Error::LimitExceeded(issues) => issues,
        }
    }

    /// The same error with every path prefixed, for errors inside a larger
    /// document (`[3].vendor.name` for the fourth bid of a comparison).
    pub fn prefixed(self, prefix: &str) -> Error {
        let fix = |issues: Vec<Issue>| {
            issues
                .into_iter()
                .map(|i| Issue::new(join_path(prefix, &i.path), i.message))
                .collect()
        };
        match self {
            Error::InvalidSubmission(i) => Error::InvalidSubmission(fix(i)),
            Error::InvalidPolicy(i) => Error::InvalidPolicy(fix(i)),
            Error::InvalidOptions(i) => Error::InvalidOptions(fix(i)),
            Error::LimitExceeded(i) => Error::LimitExceeded(fix(i)),
        }
    }
}

/// Joins a path prefix and a path: `a` + `b.c` is `a.b.c`, `[1]` + `x` is `[1].x`, `a` + `[0]` is `a[0]`.
pub fn join_path(prefix: &str, path: &str) -> String {
    if prefix.is_empty() {
        path.to_owned()
    } else if path.is_empty() || path.starts_with('[') {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}.{path}")
    }
}

/// The error's serializable form, as the JavaScript `CtipError` carries it.
#[derive(Debug, Serialize)]
pub struct ErrorReport<'a> {
    /// The stable error code.
    pub code: &'static str,
    /// A one-line summary.
    pub message: String,
    /// Every problem, by path.
    pub issues: &'a [Issue],
}

impl Error {
    /// The report a JavaScript caller receives.
    pub fn report(&self) -> ErrorReport<'_> {
        self.report_in(Lang::En)
    }

    /// [`Error::report`], its one-line summary in `lang` (the issues are
    /// in the language they were written in).
    pub fn report_in(&self, lang: Lang) -> ErrorReport<'_> {
        ErrorReport {
            code: self.code(),
            message: self.message_in(lang),
            issues: self.issues(),
        }
    }

    /// The one-line summary in `lang`: what was refused and its first
    /// problem (its `Display` is the English).
    pub fn message_in(&self, lang: Lang) -> String {
        let what = match (self, lang) {
            (Error::InvalidSubmission(_), Lang::En) => "invalid submission",
            (Error::InvalidSubmission(_), Lang::Es) => "oferta no válida",
            (Error::InvalidPolicy(_), Lang::En) => "invalid policy",
            (Error::InvalidPolicy(_), Lang::Es) => "política de evaluación no válida",
            (Error::InvalidOptions(_), Lang::En) => "invalid options",
            (Error::InvalidOptions(_), Lang::Es) => "opciones no válidas",
            (Error::LimitExceeded(_), Lang::En) => "limit exceeded",
            (Error::LimitExceeded(_), Lang::Es) => "límite superado",
        };
        format!("{what}: {}", Summary(self.issues(), lang))
    }
}

struct Summary<'a>(&'a [Issue], Lang);

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            ([], Lang::En) => f.write_str("no details"),
            ([], Lang::Es) => f.write_str("sin detalles"),
            ([one], _) => write!(f, "{one}"),
            ([first, rest @ ..], Lang::En) => write!(f, "{first} (and {} more)", rest.len()),
            ([first, rest @ ..], Lang::Es) => write!(f, "{first} (y {} más)", rest.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_reads_in_the_language() {
        let e = Error::InvalidPolicy(vec![Issue::new("tiers", "x"), Issue::new("points", "y")]);
        assert_eq!(e.to_string(), "invalid policy: tiers: x (and 1 more)");
        assert_eq!(e.message_in(Lang::En), e.to_string());
        assert_eq!(
            e.message_in(Lang::Es),
            "política de evaluación no válida: tiers: x (y 1 más)"
        );
        assert_eq!(e.report_in(Lang::Es).message, e.message_in(Lang::Es));
        assert_eq!(
            Error::LimitExceeded(Vec::new()).message_in(Lang::Es),
            "límite superado: sin detalles"
        );
    }

    #[test]
    fn syntax_errors_read_in_spanish_too() {
        for (text, spanish) in [
            (
                "{\"a\" 1}",
                "JSON no válido: se esperaba `:` en la línea 1, columna 6",
            ),
            (
                "[1 2]",
                "JSON no válido: se esperaba `,` o `]` en la línea 1, columna 4",
            ),
            (
                "{\"a\": tru}",
                "JSON no válido: se esperaba un valor en la línea 1, columna 7",
            ),
            (
                "[1] x",
                "JSON no válido: caracteres después del valor en la línea 1, columna 5",
            ),
            (
                "{\"a\": [1,",
                "el JSON termina antes de tiempo (línea 1, columna 10)",
            ),
        ] {
            let Err(e) = crate::json::Json::parse(text) else {
                panic!("{text} parsed")
            };
            assert_eq!(Issue::syntax_in(&e, Lang::Es).message, spanish, "{text}");
            assert!(!Issue::syntax(&e).message.is_empty());
        }
    }

    #[test]
    fn syntax_errors_read_the_same_for_every_input() {
        use crate::policy::LoadedPolicy;
        let cut = crate::json::Json::parse("{\"a\": [1,").unwrap_err();
        assert_eq!(
            Issue::syntax(&cut).message,
            "the JSON ends too early (line 1, column 10)"
        );
        let bad = crate::json::Json::parse("{\"a\": tru}").unwrap_err();
        assert!(Issue::syntax(&bad).message.starts_with("not valid JSON: "));
        // Policies and submissions word it alike.
        let policy = LoadedPolicy::from_json_text("{\"a\": [1,").unwrap_err();
        let submission = crate::engine::parse_json("{\"a\": [1,").unwrap_err();
        assert_eq!(policy.issues(), submission.issues());
        assert_eq!(policy.code(), "invalid-policy");
    }

    #[test]
    fn message_names_the_first_path_and_counts_the_rest() {
        let e = Error::InvalidSubmission(vec![
            Issue::new("workforce.wageRates[2].hourly", "must be >= 0"),
            Issue::new("vendor.name", "is required"),
        ]);
        assert_eq!(
            e.to_string(),
            "invalid submission: workforce.wageRates[2].hourly: must be >= 0 (and 1 more)"
        );
        assert_eq!(e.code(), "invalid-submission");
    }

    #[test]
    fn prefixes_paths() {
        let e = Error::InvalidSubmission(vec![
            Issue::new("vendor.name", "is required"),
            Issue::new("", "x"),
        ]);
        let p = e.prefixed("[3]");
        assert_eq!(p.issues()[0].path, "[3].vendor.name");
        assert_eq!(p.issues()[1].path, "[3]");
        assert_eq!(join_path("a", "[0]"), "a[0]");
    }
}
