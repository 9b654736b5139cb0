//! A JSON layout between compact and pretty: compact, except that each key of the top-level
//! object and each item of a top-level list starts a line. `data.json` then has one line per
//! element, policy, system, recipient, model or page: a third of the pretty size, and a
//! change to one record is a one-line diff.
//!
//! ```json
//! {
//! "version":1,
//! "elements":[
//! {"id":"email_address","name":"Email address",…},
//! {"id":"ip_address",…}
//! ],
//! "models":[]
//! }
//! ```

use std::io::{self, Write};

use serde_json::ser::{CompactFormatter, Formatter};

/// The formatter (wrap it in the markup-safe one).
#[derive(Default)]
pub(super) struct Lines {
    /// How many arrays and objects are open.
    depth: usize,
    /// Whether the open top-level list has an item yet.
    has_item: bool,
}

impl Formatter for Lines {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        if self.depth == 2 {
            self.has_item = false;
        }
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.depth == 1 && self.has_item {
            w.write_all(b"\n")?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.depth == 2 {
            self.has_item = true;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.depth == 0 {
            w.write_all(b"\n")?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.depth == 1 {
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        CompactFormatter.begin_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    fn lines(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        super::super::safe::to_writer_lines(&mut out, v).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn one_line_per_top_level_key_and_list_item() {
        let v = json!({
            "a": 1,
            "list": [{"x": [1, 2], "y": {"z": "<b>"}}, {"x": []}],
            "empty": [],
            "site": {"k": [1]},
        });
        let text = lines(&v);
        assert_eq!(
            text,
            "{\n\"a\":1,\n\"empty\":[],\n\"list\":[\n{\"x\":[1,2],\"y\":{\"z\":\"\\u003cb\\u003e\"}},\n{\"x\":[]}\n],\n\"site\":{\"k\":[1]}\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, v);
        assert_eq!(lines(&json!({})), "{\n}");
    }
}
