//! # ctip-screen
//!
//! Screens a vendor's bid on a public contract for labor-trafficking and
//! labor-exploitation risk indicators, and says for each one which rule it
//! comes from, the evidence in the bid, the law behind it, and what the
//! evaluator should do next. It recommends; people decide.
//!
//! The engine is pure Rust with no WebAssembly types, so everything is
//! tested natively; `wasm` (built only for `wasm32`) is a thin boundary that
//! exposes the same functions to JavaScript.
//!
//! ```
//! use ctip_screen::api;
//! let bid = r#"{"id": "BID-1", "solicitation": {"jurisdiction": "la-city"}, "vendor": {"name": "Acme LLC"},
//!               "workforce": {"wageRates": [{"role": "janitor", "hourly": 15.0}]}}"#;
//! let assessment = api::evaluate_text(bid, &ctip_screen::json::Json::Null, "2026-03-02").unwrap();
//! assert_eq!(assessment.findings[0].rule, "wage-below-floor");
//! ```
//!
//! Layout: [`model`] (the submission), [`policy`] (numbers, and the built-in
//! `la-2026`), [`rules`] (one file per group of RULES.md), [`engine`] (runs
//! the rules, scores, sorts), [`compare`] (across the bids of one
//! solicitation), [`api`] (JSON in, JSON out:
//! what the CLI and wasm call).

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod api;
pub mod assessment;
pub mod compare;
pub(crate) mod csv;
pub mod date;
pub mod engine;
pub mod error;
pub mod format;
pub mod input;
pub mod json;
pub mod model;
pub mod names;
pub mod ocds;

pub mod policy;
pub mod reference;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub(crate) mod sort;
pub mod text;
pub mod watchlist;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use assessment::{Assessment, Evidence, Finding, Gap};
pub use error::{Error, Issue};
pub use model::Submission;
