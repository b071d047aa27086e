//! The OCDS import module's one export. Built apart from the engine (the
//! `ocds-module` feature) because most portals never import Open Contracting
//! data: the engine module stays smaller, and this one is fetched on first use.

use super::{error, to_js};
use crate::api;
use wasm_bindgen::prelude::*;

/// Reads OCDS text (packages, releases, records, JSON Lines of any), given
/// as UTF-8 bytes, into contracting processes with their bids as
/// submissions (`ocdsToBids`). Fails only when nothing can be read.
#[wasm_bindgen(js_name = ocdsToBids)]
pub fn ocds_to_bids(text: &[u8]) -> Result<JsValue, JsValue> {
    to_js(&api::ocds_to_bids(text).map_err(|e| error(&e))?)
}
