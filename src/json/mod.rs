//! A JSON value that borrows its strings from the input text.
//!
//! Inputs are parsed into this before the path-naming reader
//! (`crate::input`) checks them. Compared with `serde_json::Value` it
//! allocates far less: strings without escapes point into the input, and
//! objects are a vector of pairs instead of a B-tree. Parsing and reading
//! are most of an evaluation's cost, so this is where the time goes.

mod parse;
pub mod stream;
pub mod write;

pub use parse::{ParseError, MAX_NESTING};
use std::borrow::Cow;
pub use stream::{JsonStream, StreamError};

/// A JSON value; strings borrow from the text they were parsed from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json<'a> {
    /// `null`
    #[default]
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number (always finite).
    Number(f64),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, as its key-value pairs in input order.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// Parses JSON text: one value, whitespace around it allowed, nesting
    /// limited to [`MAX_NESTING`] levels.
    pub fn parse(text: &'a str) -> Result<Json<'a>, ParseError> {
        parse::parse(text)
    }

    /// Parses JSON text keeping only some keys of its top-level object:
    /// those of `levels[0]`, and in their object values those of
    /// `levels[1]`, and so on. Everything else is checked as JSON but not
    /// built, so reading a few fields of a large document is cheap.
    pub fn parse_selected(text: &'a str, levels: &[&[&str]]) -> Result<Json<'a>, ParseError> {
        parse::parse_selected(text, levels)
    }

    /// The value of `key` in an object (the last one, as in JSON.parse, when
    /// a key repeats); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(pairs) => pairs
                .iter()
                .rev()
                .find(|(k, _)| k.as_bytes() == key.as_bytes())
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a path of object keys (`&["tender", "value", "amount"]`):
    /// [`Json::pointer`] without parsing a pointer.
    pub fn at(&self, path: &[&str]) -> Option<&Json<'a>> {
        path.iter().try_fold(self, |node, key| node.get(key))
    }

    /// The value at a JSON Pointer (RFC 6901) such as `/tender/value/amount`.
    pub fn pointer(&self, pointer: &str) -> Option<&Json<'a>> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut rest = pointer.strip_prefix('/')?;
        let mut node = self;
        loop {
            // Tokens are short: a plain byte loop beats memchr here.
            let (token, next) = match rest.bytes().position(|b| b == b'/') {
                Some(i) => (rest.get(..i).unwrap_or(rest), rest.get(i + 1..)),
                None => (rest, None),
            };
            let token: Cow<'_, str> = if token.bytes().any(|b| b == b'~') {
                Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(token)
            };
            node = match node {
                Json::Object(_) => node.get(&token)?,
                Json::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
            match next {
                Some(next) => rest = next,
                None => return Some(node),
            }
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Json<'a>>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A copy that owns all its strings.
    pub fn into_owned(self) -> Json<'static> {
        match self {
            Json::Null => Json::Null,
            Json::Bool(b) => Json::Bool(b),
            Json::Number(n) => Json::Number(n),
            Json::Str(s) => Json::Str(Cow::Owned(s.into_owned())),
            Json::Array(items) => Json::Array(items.into_iter().map(Json::into_owned).collect()),
            Json::Object(pairs) => Json::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }
}

impl<'a> From<&'a serde_json::Value> for Json<'a> {
    fn from(value: &'a serde_json::Value) -> Json<'a> {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => n.as_f64().map_or(Json::Null, Json::Number),
            serde_json::Value::String(s) => Json::Str(Cow::Borrowed(s)),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            serde_json::Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from(v)))
                    .collect(),
            ),
        }
    }
}

impl From<&Json<'_>> for serde_json::Value {
    fn from(value: &Json<'_>) -> serde_json::Value {
        match value {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            // Whole numbers go back as integers, as JSON.parse would give them.
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                serde_json::Value::from(*n as i64)
            }
            Json::Number(n) => serde_json::Number::from_f64(*n)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Json::Str(s) => serde_json::Value::String(s.to_string()),
            Json::Array(items) => {
                serde_json::Value::Array(items.iter().map(serde_json::Value::from).collect())
            }
            Json::Object(pairs) => serde_json::Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
                    .collect(),
            ),
        }
    }
}

/// For JSON Schemas (feature `schema`): an `Option` the writer always
/// writes, `null` when it has no value. Its schema is the option's, and the
/// field is required, as it is always there.
#[cfg(feature = "schema")]
pub struct Nullable<T>(std::marker::PhantomData<T>);

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Nullable<T> {
    fn schema_name() -> String {
        format!("Nullable_{}", T::schema_name())
    }

    fn is_referenceable() -> bool {
        false
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <Option<T>>::json_schema(gen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_borrows() {
        let text = r#"{"a": [1, 2.5, "x"], "b": {"c": null, "d": true}, "e": "q\"uote", "a": 7}"#;
        let v = Json::parse(text).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Number(7.0)),
            "the last of a repeated key"
        );
        assert!(matches!(
            v.get("b").and_then(|b| b.get("d")),
            Some(Json::Bool(true))
        ));
        assert!(matches!(v.get("e"), Some(Json::Str(Cow::Owned(s))) if s == "q\"uote"));
        if let Json::Object(pairs) = &v {
            assert!(matches!(pairs[0].0, Cow::Borrowed("a")));
        }
    }

    #[test]
    fn pointers() {
        let v = Json::parse(r#"{"a": {"b/c": [10, {"d~e": 2}]}}"#).unwrap();
        assert_eq!(v.pointer("/a/b~1c/0"), Some(&Json::Number(10.0)));
        assert_eq!(v.pointer("/a/b~1c/1/d~0e"), Some(&Json::Number(2.0)));
        assert_eq!(v.pointer("/a/x"), None);
        assert_eq!(v.pointer("/a/b~1c/9"), None);
        assert_eq!(v.pointer(""), Some(&v));
    }

    #[test]
    fn converts_to_and_from_serde_json() {
        let value = serde_json::json!({"a": [1, 2.5, "x", null, false], "b": {"c": {}}});
        let json = Json::from(&value);
        assert_eq!(serde_json::Value::from(&json), value);
        assert_eq!(json.clone().into_owned(), json);
    }

    #[test]
    fn refuses_bad_text() {
        assert!(Json::parse("{").is_err());
        assert!(Json::parse("[1] 2").is_err());
        assert!(Json::parse(&"[".repeat(1000)).is_err());
    }
}
