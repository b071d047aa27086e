//! The scoring module's exports (`ctip_screen_wasm`, everything but OCDS
//! import): evaluate, compare, validate, the policy, the catalogue and the
//! version. Named apart from `crate::engine`, which runs the rules: this
//! file only converts values and calls `crate::api`.

use super::{error, to_js};
use crate::api;
use crate::date::Date;
use crate::error::{Error, Issue};
use crate::json::Json;
use crate::text::{tr, Lang};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;
use wasm_bindgen::prelude::*;

/// Deepest nesting accepted; a submission is at most five levels deep.
const MAX_DEPTH: usize = 64;
/// Most values (of any kind) read from one argument.
const MAX_NODES: usize = 20_000_000;

/// Evaluates one submission (`evaluateBid`).
#[wasm_bindgen]
pub fn evaluate(submission: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let lang = options.lang();
    let value = to_value(&submission, Error::InvalidSubmission, lang)?;
    let assessment = api::evaluate_value(&value, &options, today()).map_err(|e| error(&e, lang))?;
    to_js(&assessment)
}

/// Evaluates a submission given as JSON text in UTF-8 bytes, returning JSON
/// text: the byte-exact form the native CLI prints. The shim reaches it
/// through [`evaluate_input`].
pub fn evaluate_json(submission: &[u8], options: &str) -> Result<String, JsValue> {
    let options = parse_options_text(options)?;
    let lang = options.lang();
    let value = parse_text(submission, lang).map_err(|e| error(&e, lang))?;
    let assessment = api::evaluate_value(&value, &options, today()).map_err(|e| error(&e, lang))?;
    Ok(api::to_json(&assessment))
}

/// Compares the bids of one solicitation (`compareBids`).
#[wasm_bindgen]
pub fn compare(bids: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let lang = options.lang();
    let value = to_value(&bids, Error::InvalidSubmission, lang)?;
    let comparison = api::compare_value(&value, &options, today()).map_err(|e| error(&e, lang))?;
    to_js(&comparison)
}

/// Compares bids given as JSON text, returning JSON text (the shim reaches
/// it through [`compare_input`]).
pub fn compare_json(bids: &[u8], options: &str) -> Result<String, JsValue> {
    let options = parse_options_text(options)?;
    let lang = options.lang();
    let value = parse_text(bids, lang).map_err(|e| error(&e, lang))?;
    let comparison = api::compare_value(&value, &options, today()).map_err(|e| error(&e, lang))?;
    Ok(api::to_json(&comparison))
}

/// Options that only choose the language problems are named in.
fn in_locale(locale: Option<String>) -> api::EvaluateOptions {
    api::EvaluateOptions {
        locale,
        ..api::EvaluateOptions::default()
    }
}

/// Validates a submission without evaluating it (`validateSubmission`),
/// naming problems in the language `locale` chooses; never throws.
#[wasm_bindgen]
pub fn validate(submission: JsValue, locale: Option<String>) -> JsValue {
    let options = in_locale(locale);
    let validation = match to_json_value(&submission, Error::InvalidSubmission, options.lang()) {
        Ok(value) => api::validate_value(&value, &options),
        Err(e) => api::Validation {
            valid: false,
            issues: e.issues().to_vec(),
        },
    };
    to_js(&validation).unwrap_or(JsValue::NULL)
}

/// Validates a submission given as JSON text in UTF-8 bytes, returning the
/// `{ valid, issues }` result as JSON text; never fails. The shim's path
/// for plain JSON data (through [`validate_input`]), four to five times
/// faster than [`validate`]'s value-by-value conversion on the typical bid.
pub fn validate_json(submission: &[u8], locale: Option<String>) -> String {
    let options = in_locale(locale);
    let validation = match parse_text(submission, options.lang()) {
        Ok(value) => api::validate_value(&value, &options),
        Err(e) => api::Validation {
            valid: false,
            issues: e.issues().to_vec(),
        },
    };
    api::to_json(&validation)
}

thread_local! {
    /// Where the shim writes the JSON text of an input (see [`input_buffer`]).
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Inputs larger than this do not keep their buffer after the call.
const KEEP_INPUT: usize = 1 << 20;

/// Makes room for `len` bytes of input and returns where they start in the
/// module's memory. The shim writes the JSON text there with
/// `TextEncoder.encodeInto` and then calls [`evaluate_input`],
/// [`compare_input`] or [`validate_input`] with the length written: one
/// encoding pass straight into the module, where passing bytes cost an
/// encoding into a new array and a copy (13 µs more for the typical bid in
/// Chromium, whose `TextEncoder.encode` is slow).
/// Null when the module cannot get that much memory, so that the shim can
/// refuse the input instead of the module aborting.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|buf| {
        if let Some(more) = len.checked_sub(buf.len()).filter(|&more| more > 0) {
            if buf.try_reserve_exact(more).is_err() {
                return std::ptr::null_mut();
            }
            buf.resize(len, 0);
        }
        buf.as_mut_ptr()
    })
}

/// Runs `f` on the first `len` bytes of the input buffer, then puts the
/// buffer back (unless it is large). The buffer is taken out rather than
/// borrowed while `f` runs: `f` calls into JavaScript (`Date`, `JSON.parse`),
/// which a page may have replaced with code that calls the module again, and
/// a borrow held across that would panic.
fn with_input<T>(len: usize, f: impl FnOnce(&[u8]) -> T) -> T {
    let buf = INPUT.take();
    let out = f(buf.get(..len).unwrap_or_default());
    if buf.len() <= KEEP_INPUT {
        INPUT.set(buf);
    }
    out
}

/// [`evaluate_json`] on the `len` bytes the shim wrote at [`input_buffer`].
#[wasm_bindgen(js_name = evaluateInput)]
pub fn evaluate_input(len: usize, options: &str) -> Result<String, JsValue> {
    with_input(len, |bytes| evaluate_json(bytes, options))
}

/// [`compare_json`] on the `len` bytes the shim wrote at [`input_buffer`].
#[wasm_bindgen(js_name = compareInput)]
pub fn compare_input(len: usize, options: &str) -> Result<String, JsValue> {
    with_input(len, |bytes| compare_json(bytes, options))
}

/// [`validate_json`] on the `len` bytes the shim wrote at [`input_buffer`].
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(len: usize, locale: Option<String>) -> String {
    with_input(len, |bytes| validate_json(bytes, locale))
}

/// The built-in policy (`defaultPolicy`).
#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> Result<JsValue, JsValue> {
    to_js(api::default_policy().map_err(|e| error(&e, Lang::En))?)
}

/// Which dated series of the policy are older than they are expected to
/// last (`checkPolicy`); options as for `evaluateBid` (policy, asOf,
/// goodsLists, wageFloors), given as JSON text.
#[wasm_bindgen(js_name = checkPolicy)]
pub fn check_policy(options: &str) -> Result<String, JsValue> {
    let options = parse_options_text(options)?;
    let report = api::check_policy(&options, today()).map_err(|e| error(&e, options.lang()))?;
    Ok(api::to_json(&report))
}

/// The rule catalogue (`rules`), in the language `locale` chooses.
#[wasm_bindgen]
pub fn rules(locale: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&api::rule_infos_for(locale.as_deref()))
}

/// The engine version (`version`).
#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_owned()
}

/// The JSON value in UTF-8 bytes, or an `invalid-submission` error (not
/// UTF-8, or not JSON).
fn parse_text(bytes: &[u8], lang: Lang) -> Result<Json<'_>, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Error::InvalidSubmission(vec![Issue::new(
            "",
            match lang {
                Lang::En => format!("the text is not UTF-8 (at byte {at})"),
                Lang::Es => format!("el texto no es UTF-8 (en el byte {at})"),
            },
        )])
    })?;
    api::parse_json_in(text, lang)
}

/// The options given as a JavaScript value, their problems named in the
/// language of their own `locale`.
fn read_options(options: &JsValue) -> Result<api::EvaluateOptions, JsValue> {
    let lang = locale_of(options);
    let value = to_value(options, Error::InvalidOptions, lang)?;
    api::read_options(&value).map_err(|e| error(&e, lang))
}

/// The language the options' `locale` chooses, read before the options
/// are: English when there is none, or it cannot be read.
fn locale_of(options: &JsValue) -> Lang {
    if !options.is_object() {
        return Lang::En;
    }
    js_sys::Reflect::get(options, &JsValue::from_str("locale"))
        .ok()
        .and_then(|locale| locale.as_string())
        .map_or(Lang::En, |locale| Lang::from_locale(&locale))
}

fn parse_options_text(text: &str) -> Result<api::EvaluateOptions, JsValue> {
    let value = Json::parse(text)
        .map_err(|e| error(&Error::InvalidOptions(vec![Issue::syntax(&e)]), Lang::En))?;
    api::read_options(&value).map_err(|e| error(&e, locale_in(&value)))
}

/// The language the `locale` of options given as JSON chooses.
fn locale_in(options: &Json<'_>) -> Lang {
    options
        .get("locale")
        .and_then(Json::as_str)
        .map_or(Lang::En, Lang::from_locale)
}

/// Today's date in UTC, the `asOf` of last resort.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
    );
    i32::try_from(y)
        .ok()
        .and_then(|y| Date::from_ymd(y, m, d))
        .unwrap_or(Date::from_days(0))
}

/// Converts a JavaScript value to JSON, with the path of the first value
/// that JSON cannot hold; the problem named in `lang`.
fn to_value(
    js: &JsValue,
    kind: fn(Vec<Issue>) -> Error,
    lang: Lang,
) -> Result<Json<'static>, JsValue> {
    to_json_value(js, kind, lang).map_err(|e| error(&e, lang))
}

/// [`to_value`], the error as an [`Error`].
fn to_json_value(
    js: &JsValue,
    kind: fn(Vec<Issue>) -> Error,
    lang: Lang,
) -> Result<Json<'static>, Error> {
    if js.is_undefined() || js.is_null() {
        return Ok(Json::Null);
    }
    let budget = Cell::new(MAX_NODES);
    let path = RefCell::new(Vec::new());
    let deserializer = serde_wasm_bindgen::Deserializer::from(js.clone());
    let seed = JsonSeed {
        depth: 0,
        budget: &budget,
        path: &path,
        lang,
    };
    seed.deserialize(deserializer).map_err(|e| {
        let message = e.to_string();
        // serde-wasm-bindgen's errors print as "Error: ..."; the path says where.
        let message = message.strip_prefix("Error: ").unwrap_or(&message);
        let issue = Issue::new(path.borrow().join(""), not_json(message, lang));
        if budget.get() == 0 {
            Error::LimitExceeded(vec![issue])
        } else {
            kind(vec![issue])
        }
    })
}

/// The message for a value JSON cannot hold. serde-wasm-bindgen reports
/// one it cannot read itself (a function, a symbol) as "invalid type: X,
/// expected ..." with X in Rust's notation; that is said as the other
/// problems are, in `lang`. The seed's own messages are passed on.
fn not_json(message: &str, lang: Lang) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.to_owned();
    };
    let what = rest.split_once(", expected").map_or(rest, |(what, _)| what);
    let what = if what.starts_with("JsValue(Function") {
        tr!(lang, "a function", "una función")
    } else if what.starts_with("JsValue(Symbol") {
        tr!(lang, "a symbol", "un símbolo")
    } else if what == "byte array" {
        tr!(lang, "a byte array", "un arreglo de bytes")
    } else {
        what.to_owned()
    };
    not_json_data(lang, &what)
}

/// "must be JSON data (...), not `what`", in `lang`.
fn not_json_data(lang: Lang, what: &str) -> String {
    tr!(
        lang,
        "must be JSON data (null, a boolean, a finite number, a string, an array or a plain object), not {what}",
        "debe ser un dato JSON (null, un booleano, un número finito, una cadena de texto, un arreglo o un objeto simple), no {what}"
    )
}

/// Builds a [`Json`] value, refusing non-finite numbers and bounding
/// depth and size. `path` holds the segments down to the value being read
/// (`workforce`, `.wageRates`, `[2]`): on an error it is left where the error
/// happened, which names the field without a path-tracking wrapper.
#[derive(Clone, Copy)]
struct JsonSeed<'b> {
    depth: usize,
    budget: &'b Cell<usize>,
    path: &'b RefCell<Vec<String>>,
    /// The language problems are named in.
    lang: Lang,
}

impl JsonSeed<'_> {
    fn spend<E: de::Error>(&self) -> Result<(), E> {
        match self.budget.get().checked_sub(1) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(tr!(
                self.lang,
                "the input holds more than {limit} values",
                "la entrada contiene más de {limit} valores",
                limit = crate::format::count(MAX_NODES)
            ))),
        }
    }

    fn nested<E: de::Error>(&self) -> Result<JsonSeed<'_>, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(tr!(
                self.lang,
                "is nested more than {MAX_DEPTH} levels deep",
                "tiene más de {MAX_DEPTH} niveles de anidamiento"
            )));
        }
        Ok(JsonSeed {
            depth: self.depth + 1,
            budget: self.budget,
            path: self.path,
            lang: self.lang,
        })
    }
}

impl<'de> DeserializeSeed<'de> for JsonSeed<'_> {
    type Value = Json<'static>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Json<'static>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed<'_> {
    type Value = Json<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "JSON data (null, a boolean, a finite number, a string, an array or a plain object)",
        )
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json<'static>, E> {
        self.spend()?;
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json<'static>, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json<'static>, E> {
        self.spend()?;
        Ok(Json::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json<'static>, E> {
        self.spend()?;
        Ok(Json::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json<'static>, E> {
        self.spend()?;
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json<'static>, E> {
        self.spend()?;
        if v.is_finite() {
            Ok(Json::Number(v))
        } else {
            Err(E::custom(tr!(
                self.lang,
                "must be a finite number (not NaN or Infinity)",
                "debe ser un número finito (no NaN ni Infinity)"
            )))
        }
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Json<'static>, E> {
        Err(E::custom(not_json_data(
            self.lang,
            &tr!(self.lang, "a byte array", "un arreglo de bytes"),
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json<'static>, E> {
        self.spend()?;
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Json<'static>, E> {
        self.spend()?;
        Ok(Json::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'static>, A::Error> {
        self.spend()?;
        // An array's length is known before its items are read: one longer
        // than the values left to read (a sparse array of length 1e8, a
        // Proxy that reports 1e9) is refused at once, not iterated.
        if let Some(length) = seq.size_hint().filter(|&n| n > self.budget.get()) {
            self.budget.set(0);
            return Err(de::Error::custom(tr!(
                self.lang,
                "has {length} entries, more than the {limit} values an input may hold",
                "tiene {length} elementos, más que los {limit} valores que puede contener una entrada",
                length = crate::format::count(length),
                limit = crate::format::count(MAX_NODES)
            )));
        }
        let inner = self.nested()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            self.path.borrow_mut().push(format!("[{}]", items.len()));
            let Some(item) = seq.next_element_seed(inner)? else {
                self.path.borrow_mut().pop();
                break;
            };
            self.path.borrow_mut().pop();
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'static>, A::Error> {
        self.spend()?;
        let inner = self.nested()?;
        let mut object = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let segment = if self.depth == 0 {
                key.clone()
            } else {
                format!(".{key}")
            };
            self.path.borrow_mut().push(segment);
            let value = map.next_value_seed(inner)?;
            self.path.borrow_mut().pop();
            object.push((Cow::Owned(key), value));
        }
        Ok(Json::Object(object))
    }
}
