//! The OCDS import module's one export. Built apart from the engine (the
//! `ocds-module` feature) because most portals never import Open Contracting
//! data: the engine module stays smaller, and this one is fetched on first use.

use super::{error, to_js};
use crate::api;
use crate::text::Lang;
use wasm_bindgen::prelude::*;

/// Reads OCDS text (packages, releases, records, JSON Lines of any), given
/// as UTF-8 bytes, into contracting processes with their bids as
/// submissions (`ocdsToBids`), giving the reasons a process or bid is left
/// out in the language `locale` chooses. Fails only when nothing can be
/// read.
#[wasm_bindgen(js_name = ocdsToBids)]
pub fn ocds_to_bids(text: &[u8], locale: Option<String>) -> Result<JsValue, JsValue> {
    let lang = locale.as_deref().map_or(Lang::En, Lang::from_locale);
    to_js(&api::ocds_to_bids_in(text, lang).map_err(|e| error(&e, lang))?)
}
