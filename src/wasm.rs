//! The WebAssembly boundary, and nothing else: converts JavaScript values to
//! JSON values and back, and calls [`crate::api`]. No rule logic lives here.
//!
//! The npm package holds two modules built from this crate:
//! - the engine (`ctip_screen_wasm`, the default build): evaluate, compare,
//!   validate, the policy, the catalogue, the version ([`scoring`]);
//! - OCDS import (`ctip_screen_ocds`, built with the `ocds-module`
//!   feature): `ocdsToBids` alone ([`ocds`]). The shim loads it the first
//!   time `ocdsToBids` is called, so a portal that never imports Open
//!   Contracting data never downloads it.
//!
//! Errors are returned as `{ code, message, issues }` objects, never thrown
//! as panics: with `panic = "abort"` a panic would leave the module unusable
//! for the rest of the page's life.

use crate::error::Error;
use crate::text::Lang;
use serde::Serialize;
use wasm_bindgen::JsValue;

#[cfg(not(feature = "ocds-module"))]
pub mod scoring;
#[cfg(not(feature = "ocds-module"))]
pub use scoring::*;

#[cfg(feature = "ocds-module")]
pub mod ocds;
#[cfg(feature = "ocds-module")]
pub use ocds::*;

/// Converts a result to a plain JavaScript object through JSON text: one
/// call across the boundary instead of one per value, JSON-compatible by
/// construction (`null`, plain objects, arrays), and one serializer (the
/// crate's own, [`crate::json::write`]) compiled in.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::api::to_json(value))
}

/// An error as the `{ code, message, issues }` object the shim turns into a
/// `CtipError`, its summary in `lang`.
fn error(e: &Error, lang: Lang) -> JsValue {
    to_js(&e.report_in(lang))
        .unwrap_or_else(|_| JsValue::from_str("ctip-screen: error report could not be built"))
}
