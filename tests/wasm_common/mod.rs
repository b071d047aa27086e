// Shared by the wasm-bindgen test suites (Node and headless Chromium): the
// exported functions called the way the JavaScript shim calls them, and
// `wasm_suite!`, which declares the same tests in each suite.

/// Declares every shared test as a `#[wasm_bindgen_test]` of the calling suite.
#[macro_export]
macro_rules! wasm_suite {
    () => {
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn wage_rule_fires() {
            wasm_common::wage_rule_fires();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn json_and_object_paths_agree() {
            wasm_common::json_and_object_paths_agree();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn hostile_values_are_errors_not_panics() {
            wasm_common::hostile_values_are_errors_not_panics();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn catalogue_policy_version() {
            wasm_common::catalogue_policy_version();
        }
    };
}

use ctip_screen::wasm;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

pub const JANITORIAL_WAGE: &str = include_str!("../scenarios/janitorial-wage-below-floor.json");
pub const TYPICAL: &str = include_str!("../fixtures/typical-bid.json");

pub fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

pub fn first_issue_path(err: &JsValue) -> String {
    let issues = get(err, "issues");
    get(&Reflect::get_u32(&issues, 0).unwrap(), "path")
        .as_string()
        .unwrap()
}

pub fn wage_rule_fires() {
    let a = wasm::evaluate(parse(JANITORIAL_WAGE), JsValue::NULL).unwrap();
    let findings = get(&a, "findings");
    let first = Reflect::get_u32(&findings, 0).unwrap();
    assert_eq!(get(&first, "rule").as_string().unwrap(), "wage-below-floor");
    assert_eq!(get(&a, "tier").as_string().unwrap(), "critical");
    // JSON-compatible output: null, not undefined, and plain objects
    let policy = get(&a, "policy");
    assert!(policy.is_object());
}

pub fn json_and_object_paths_agree() {
    let from_text = wasm::evaluate_json(TYPICAL.as_bytes(), "null").unwrap();
    let from_object = wasm::evaluate(parse(TYPICAL), JsValue::NULL).unwrap();
    let object_text = JSON::stringify(&from_object).unwrap().as_string().unwrap();
    let reparsed = JSON::stringify(&parse(&from_text))
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(object_text, reparsed);
    // validateSubmission's two paths too, on a valid bid and an invalid one.
    let invalid = r#"{"id": 5, "vendor": {"name": ""}, "workforce": {"wageRates": [{"hourly": -1}]}, "zz": 1}"#;
    for text in [TYPICAL, invalid] {
        let from_text = wasm::validate_json(text.as_bytes(), None);
        let from_object = JSON::stringify(&wasm::validate(parse(text), None))
            .unwrap()
            .as_string()
            .unwrap();
        assert_eq!(from_object, from_text);
    }
    assert!(wasm::validate_json(invalid.as_bytes(), None)
        .starts_with(r#"{"valid":false,"issues":[{"path":"#));
}

pub fn hostile_values_are_errors_not_panics() {
    // wrong types, NaN, Infinity
    for text in [
        r#"{"id": 5, "solicitation": [], "vendor": "x"}"#,
        r#"[1, 2, 3]"#,
        r#""a string""#,
    ] {
        let err = wasm::evaluate(parse(text), JsValue::NULL).unwrap_err();
        assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-submission");
    }
    let bid = parse(JANITORIAL_WAGE);
    let rates = get(&get(&bid, "workforce"), "wageRates");
    let first = Reflect::get_u32(&rates, 0).unwrap();
    Reflect::set(
        &first,
        &JsValue::from_str("hourly"),
        &JsValue::from_f64(f64::NAN),
    )
    .unwrap();
    let err = wasm::evaluate(bid, JsValue::NULL).unwrap_err();
    assert_eq!(first_issue_path(&err), "workforce.wageRates[0].hourly");

    // __proto__ as an own key (as JSON.parse makes it) is an unknown field
    let err = wasm::evaluate(
        parse(
            r#"{"id":"x","solicitation":{},"vendor":{"name":"v"},"__proto__":{"polluted":true}}"#,
        ),
        JsValue::NULL,
    )
    .unwrap_err();
    assert_eq!(first_issue_path(&err), "__proto__");

    // deep nesting is refused with a path, not a stack overflow
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let err = wasm::evaluate(parse(&deep), JsValue::NULL).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-submission");

    // a huge array is refused as limit-exceeded
    let huge = format!(
        r#"{{"id":"x","solicitation":{{}},"vendor":{{"name":"v"}},"supplyItems":[{}]}}"#,
        vec!["{}"; 5001].join(",")
    );
    let err = wasm::evaluate(parse(&huge), JsValue::NULL).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "limit-exceeded");

    // a sparse array of length 2^32 - 1 is refused by its length, at once,
    // not iterated (the shim refuses it first; this is the module's own
    // check, for callers of the export)
    let bid = parse(TYPICAL);
    let sparse = js_sys::Array::new_with_length(u32::MAX);
    Reflect::set(&bid, &JsValue::from_str("supplyItems"), &sparse).unwrap();
    let err = wasm::evaluate(bid, JsValue::NULL).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "limit-exceeded");
    assert_eq!(first_issue_path(&err), "supplyItems");

    // bad options
    let err = wasm::evaluate(parse(TYPICAL), parse(r#"{"asof": "2026-01-01"}"#)).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-options");

    // the module still works after all of that
    wage_rule_fires();
}

pub fn catalogue_policy_version() {
    let rules = wasm::rules(None).unwrap();
    assert!(js_sys::Array::from(&rules).length() >= 38);
    let title = |rules: &JsValue| get(&js_sys::Array::from(rules).get(0), "title").as_string();
    let spanish = wasm::rules(Some("es-MX".to_owned())).unwrap();
    assert_eq!(
        title(&spanish).as_deref(),
        Some(ctip_screen::rules::catalogue()[0].title.es)
    );
    assert_eq!(
        title(&wasm::rules(Some("fr".to_owned())).unwrap()),
        title(&rules)
    );
    let policy = wasm::default_policy().unwrap();
    assert_eq!(get(&policy, "id").as_string().unwrap(), "la-2026");
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
    let v = wasm::validate(JsValue::from_f64(1.0), None);
    assert_eq!(get(&v, "valid").as_bool(), Some(false));
}
