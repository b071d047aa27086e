//! The OCDS import module's one export. Built apart from the engine (the
//! `ocds-module` feature) because most portals never import Open Contracting
//! data: the engine module stays smaller, and this one is fetched on first use.

use super::{error, to_js};
use crate::error::{Error, Issue};
use wasm_bindgen::prelude::*;

/// Reads OCDS text (release package, record package or JSON Lines), given
/// as UTF-8 bytes, into contracting processes with their bids as
/// submissions (`ocdsToBids`).
#[wasm_bindgen(js_name = ocdsToBids)]
pub fn ocds_to_bids(text: &[u8]) -> Result<JsValue, JsValue> {
    let mut processes = Vec::new();
    crate::ocds::read_processes(text, |p| processes.push(p)).map_err(|e| {
        error(&Error::InvalidSubmission(vec![Issue::new(
            "",
            e.to_string(),
        )]))
    })?;
    to_js(&processes)
}
