//! Serialising straight to markup-safe JSON: a serde_json formatter that writes `<`, `>` and `&`
//! inside strings as `\u003c`, `\u003e` and `\u0026`, so no text pass over the output is needed.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};

/// Writes `value` as JSON to `writer`, pretty-printed (two spaces) or compact, markup-safe.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
    pretty: bool,
) -> serde_json::Result<()> {
    if pretty {
        let fmt = MarkupSafe(PrettyFormatter::new());
        value.serialize(&mut serde_json::Serializer::with_formatter(writer, fmt))
    } else {
        let fmt = MarkupSafe(CompactFormatter);
        value.serialize(&mut serde_json::Serializer::with_formatter(writer, fmt))
    }
}

/// Writes `value` as JSON to `writer` with one line per top-level key and per item of a
/// top-level list ([`super::lines`]), markup-safe.
pub fn to_writer_lines<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let fmt = MarkupSafe(super::lines::Lines::default());
    value.serialize(&mut serde_json::Serializer::with_formatter(writer, fmt))
}

/// Wraps a formatter, escaping markup characters in every string fragment (keys included).
struct MarkupSafe<F>(F);

/// Forwards formatter methods to the wrapped formatter.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: Formatter> Formatter for MarkupSafe<F> {
    forward! {
        write_null();
        write_bool(v: bool);
        write_i8(v: i8);
        write_i16(v: i16);
        write_i32(v: i32);
        write_i64(v: i64);
        write_i128(v: i128);
        write_u8(v: u8);
        write_u16(v: u16);
        write_u32(v: u32);
        write_u64(v: u64);
        write_u128(v: u128);
        write_f32(v: f32);
        write_f64(v: f64);
        write_number_str(v: &str);
        begin_string();
        end_string();
        write_char_escape(v: CharEscape);
        write_byte_array(v: &[u8]);
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
        write_raw_fragment(v: &str);
    }

    #[inline]
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        crate::escape::json_markup_to(s, w)
    }
}

/// Serialises as a JSON string through `Display`, without building a `String` first.
pub struct Text<T>(pub T);

impl<T: std::fmt::Display> Serialize for Text<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Serialises as a JSON array of what a fresh iterator from the closure yields, so a list is
/// written as it is produced instead of being collected first.
pub struct Seq<F>(pub F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_in_keys_and_values_only() {
        let v = serde_json::json!({ "a<b": ["x & <y>", 1, "\"\\<"] });
        let mut out = Vec::new();
        super::to_writer(&mut out, &v, false).expect("writes");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            r#"{"a\u003cb":["x \u0026 \u003cy\u003e",1,"\"\\\u003c"]}"#
        );
    }
}
