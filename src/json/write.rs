//! Compact JSON text from any `serde::Serialize` value, byte for byte what
//! `serde_json::to_string` writes, into a `String`.
//!
//! Why not serde_json's serializer: it scans strings for characters to
//! escape one byte at a time, and writes through `io::Write` in many small
//! calls; results are mostly text (messages, citations, paths), and in
//! WebAssembly writing the assessment was a tenth of `evaluateBid`. This one finds the
//! next byte to escape eight bytes at a time with the parser's scanner and
//! appends whole runs.

use super::parse::plain_run_end;
use serde::ser::{self, Serialize};
use std::fmt::Display;

/// Why a value could not be written: a map key that is not a string or a
/// number, or an error raised by a `Serialize` implementation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct WriteError(String);

impl ser::Error for WriteError {
    fn custom<T: Display>(msg: T) -> WriteError {
        WriteError(msg.to_string())
    }
}

type Result<T = (), E = WriteError> = std::result::Result<T, E>;

/// Writes `value` as compact JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut writer = Writer {
        out: String::with_capacity(256),
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// Appends `text` to `out` as a JSON string, quotes included.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let end = plain_run_end(bytes, start);
        out.push_str(text.get(start..end).unwrap_or_default());
        let Some(&byte) = bytes.get(end) else {
            break;
        };
        // `end` is at a quote, a backslash or a control character.
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                let hex = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0');
                out.push_str("\\u00");
                out.push(hex(byte >> 4));
                out.push(hex(byte & 0xf));
            }
        }
        start = end + 1;
    }
    out.push('"');
}

struct Writer {
    out: String,
}

impl Writer {
    fn integer(&mut self, n: impl itoa::Integer) {
        self.out.push_str(itoa::Buffer::new().format(n));
    }

    fn float<F: zmij::Float>(&mut self, n: F, finite: bool) {
        if finite {
            self.out.push_str(zmij::Buffer::new().format_finite(n));
        } else {
            self.out.push_str("null");
        }
    }

    /// `{"variant":` for the enum forms that wrap their content.
    fn open_variant(&mut self, variant: &str) {
        self.out.push('{');
        push_string(&mut self.out, variant);
        self.out.push(':');
    }
}

/// An array or object being written; `first` is whether no element has
/// been written yet, `close` what ends it (a variant's content adds `}`).
struct Compound<'w> {
    writer: &'w mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.writer.out.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
        self.comma();
        push_string(&mut self.writer.out, key);
        self.writer.out.push(':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        self.writer.out.push_str(self.close);
        Ok(())
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_i64(self, v: i64) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result {
        self.integer(v);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result {
        self.float(v, v.is_finite());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result {
        self.float(v, v.is_finite());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        push_string(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        push_string(&mut self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w>> {
        self.out.push('[');
        Ok(Compound {
            writer: self,
            first: true,
            close: "]",
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'w>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>> {
        self.open_variant(variant);
        self.out.push('[');
        Ok(Compound {
            writer: self,
            first: true,
            close: "]}",
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w>> {
        self.out.push('{');
        Ok(Compound {
            writer: self,
            first: true,
            close: "}",
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>> {
        self.open_variant(variant);
        self.out.push('{');
        Ok(Compound {
            writer: self,
            first: true,
            close: "}}",
        })
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result {
        self.serialize_str(&value.to_string())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(KeyWriter(&mut self.writer.out))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.writer.out.push(':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// Writes a map key: strings as they are, and, as serde_json does,
/// numbers, booleans and characters as strings. Anything else is an error.
struct KeyWriter<'o>(&'o mut String);

impl KeyWriter<'_> {
    fn quoted(self, text: &str) -> Result {
        push_string(self.0, text);
        Ok(())
    }
}

fn key_must_be_a_string() -> WriteError {
    WriteError("key must be a string".to_owned())
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = ser::Impossible<(), WriteError>;
    type SerializeTuple = ser::Impossible<(), WriteError>;
    type SerializeTupleStruct = ser::Impossible<(), WriteError>;
    type SerializeTupleVariant = ser::Impossible<(), WriteError>;
    type SerializeMap = ser::Impossible<(), WriteError>;
    type SerializeStruct = ser::Impossible<(), WriteError>;
    type SerializeStructVariant = ser::Impossible<(), WriteError>;

    fn serialize_bool(self, v: bool) -> Result {
        self.quoted(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_i64(self, v: i64) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_i128(self, v: i128) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_u64(self, v: u64) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_u128(self, v: u128) -> Result {
        self.quoted(itoa::Buffer::new().format(v))
    }

    fn serialize_f32(self, v: f32) -> Result {
        if v.is_finite() {
            self.quoted(zmij::Buffer::new().format_finite(v))
        } else {
            Err(WriteError("a map key must be a finite number".to_owned()))
        }
    }

    fn serialize_f64(self, v: f64) -> Result {
        if v.is_finite() {
            self.quoted(zmij::Buffer::new().format_finite(v))
        } else {
            Err(WriteError("a map key must be a finite number".to_owned()))
        }
    }

    fn serialize_char(self, v: char) -> Result {
        self.quoted(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result {
        self.quoted(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.quoted(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result {
        self.quoted(&value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize + ?Sized>(value: &T) {
        assert_eq!(
            to_string(value).unwrap(),
            serde_json::to_string(value).unwrap()
        );
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Record<'a> {
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        maybe: Option<u32>,
        nothing: Option<bool>,
        shares: Vec<f64>,
        forms: Vec<Form>,
        by_number: BTreeMap<i32, char>,
        unit: (),
        pair: (u8, &'a str),
        bytes: &'a [u8],
    }

    #[derive(Serialize)]
    enum Form {
        Unit,
        Newtype(i64),
        Tuple(u64, bool),
        Struct { a: f32 },
    }

    #[derive(Serialize)]
    #[serde(tag = "kind")]
    enum Tagged {
        One { x: u8 },
    }

    #[test]
    fn writes_what_serde_json_writes() {
        same(&Record {
            name: "tab\there \"quoted\" \\ \u{1} \u{1f} \u{7f} é 😀",
            maybe: None,
            nothing: None,
            shares: vec![0.1, 1.0, -2.5e-9, 1e300, f64::NAN, f64::INFINITY, 19.8],
            forms: vec![
                Form::Unit,
                Form::Newtype(-7),
                Form::Tuple(u64::MAX, true),
                Form::Struct { a: 0.3 },
            ],
            by_number: BTreeMap::from([(-1, 'x'), (2, '\n')]),
            unit: (),
            pair: (255, ""),
            bytes: &[0, 9, 200],
        });
        same(&Tagged::One { x: 1 });
        same(&BTreeMap::from([(true, 1), (false, 2)]));
        same("\u{8}\u{c}\r\n");
    }

    #[test]
    fn a_key_that_cannot_be_a_string_is_an_error() {
        let map = BTreeMap::from([(vec![1], 2)]);
        assert_eq!(
            to_string(&map).unwrap_err().to_string(),
            "key must be a string"
        );
    }

    fn arb_value() -> impl Strategy<Value = serde_json::Value> {
        let text = prop_oneof![any::<String>(), "[\\x00-\\x20\"\\\\/a-zé€😀]{0,24}"];
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            text.clone().prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 64, 8, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
                prop::collection::btree_map(text.clone(), inner, 0..8)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_any_value(value in arb_value()) {
            prop_assert_eq!(to_string(&value).unwrap(), serde_json::to_string(&value).unwrap());
        }
    }
}
