//! The OCDS import module's one export. Built apart from the engine (the
//! `ocds-module` feature) because most portals never import Open Contracting
//! data: the engine module stays smaller, and this one is fetched on first use.

use super::{error, to_js};
use crate::error::{Error, Issue};
use wasm_bindgen::prelude::*;

/// What `ocdsToBids` resolves to: the processes read, and the lines (of
/// JSON Lines) that could not be, in input order.
#[derive(serde::Serialize)]
struct Read {
    processes: Vec<crate::ocds::Process>,
    errors: Vec<crate::ocds::LineError>,
}

/// Reads OCDS text (packages, releases, records, JSON Lines of any), given
/// as UTF-8 bytes, into contracting processes with their bids as
/// submissions (`ocdsToBids`). Fails only when nothing can be read.
#[wasm_bindgen(js_name = ocdsToBids)]
pub fn ocds_to_bids(text: &[u8]) -> Result<JsValue, JsValue> {
    let mut read = Read {
        processes: Vec::new(),
        errors: Vec::new(),
    };
    let result = crate::ocds::read_processes(text, |item| match item {
        Ok(p) => read.processes.push(p),
        Err(e) => read.errors.push(e),
    });
    match result {
        // What was read before an error is kept, with the error.
        Err(e) if !read.processes.is_empty() => read
            .errors
            .push(crate::ocds::LineError::new(e.line().unwrap_or(0), &e)),
        Err(e) => {
            return Err(error(&Error::InvalidSubmission(vec![Issue::new(
                "",
                e.to_string(),
            )])))
        }
        Ok(_) => {}
    }
    to_js(&read)
}
