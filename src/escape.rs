//! Every escape of text into markup a build writes, in one place: HTML (page text and quoted
//! attribute values, the same five entities as Tera's autoescape), XML (the Atom feed,
//! `sitemap.xml`, SVG charts) and JSON that stays harmless inside an HTML page (`data.json`).
//!
//! Markdown escaping (the Markdown reports of `check` and `diff`) is another thing and lives
//! with those reports.

use std::io::{self, Write};

/// The entity HTML writes for an escaped byte (one of [`special`]'s five).
fn html_entity(b: u8) -> &'static str {
    match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        _ => "&#39;",
    }
}

/// The bytes HTML escapes.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t
};

/// Where the first byte HTML escapes (`& < > " '`) is. Short texts (most names, links and
/// interface strings) are read a byte at a time through a table; longer ones by two vectorised
/// scans, whose setup would cost more than the short text itself (escaping is millions of
/// calls in a large build).
pub fn special(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 48 {
        return bytes.iter().position(|&b| SPECIAL[usize::from(b)]);
    }
    let angle = memchr::memchr3(b'&', b'<', b'>', bytes);
    let quote = memchr::memchr2(b'"', b'\'', &bytes[..angle.unwrap_or(bytes.len())]);
    quote.or(angle)
}

/// Appends `s` to `out` escaped for HTML text or a quoted attribute value: `& < > " '` as
/// `&amp; &lt; &gt; &quot; &#39;`, byte for byte what Tera's autoescape writes.
pub fn html(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut rest = s;
    while let Some(i) = special(rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push_str(html_entity(rest.as_bytes()[i]));
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// [`html`] into a new string.
pub fn html_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    html(s, &mut out);
    out
}

/// [`html`] onto a writer, each run of plain text written at once: the escape function the
/// Tera environment is given (Tera's own writes byte by byte, a fifth of a build).
pub fn html_to(s: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut rest = s;
    while let Some(i) = special(rest.as_bytes()) {
        out.write_all(&rest.as_bytes()[..i])?;
        out.write_all(html_entity(rest.as_bytes()[i]).as_bytes())?;
        rest = &rest[i + 1..];
    }
    out.write_all(rest.as_bytes())
}

/// Whether XML 1.0 allows `c` in a document: not the C0 controls other than tab, line feed and
/// carriage return, nor U+FFFE and U+FFFF. (Lone surrogates cannot occur in a `str`.)
pub fn xml_allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `s` to `out` escaped for XML content and attribute values: the five markup
/// characters as entities (`'` as `&apos;`), and what XML forbids dropped, so no name or note
/// can make a file that feed readers and search engines reject.
pub fn xml(s: &str, out: &mut String) {
    // Fast path: most names and paths need nothing (0xEF leads U+F000..U+FFFF in UTF-8).
    if !s
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..=0x1F | 0xEF))
    {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !xml_allowed(c) => {}
            c => out.push(c),
        }
    }
}

/// [`xml`] into a new string.
pub fn xml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    xml(s, &mut out);
    out
}

/// Writes a fragment of a JSON string (already JSON-escaped) with `<`, `>` and `&` as
/// `\u003c`, `\u003e` and `\u0026`: the JSON means the same and stays harmless if someone
/// pastes it into an HTML page.
pub fn json_markup_to<W: ?Sized + Write>(fragment: &str, out: &mut W) -> io::Result<()> {
    let bytes = fragment.as_bytes();
    if !has_markup(bytes) {
        return out.write_all(bytes);
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'<' => b"\\u003c",
            b'>' => b"\\u003e",
            b'&' => b"\\u0026",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(escaped)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// Whether `bytes` holds `<`, `>` or `&`; checks 16 bytes at a time (vectorised), as most
/// text has none.
fn has_markup(bytes: &[u8]) -> bool {
    let markup = |b: u8| (b == b'<') | (b == b'>') | (b == b'&');
    let mut chunks = bytes.chunks_exact(16);
    let found = chunks
        .by_ref()
        .any(|c| c.iter().fold(false, |m, &b| m | markup(b)));
    found || chunks.remainder().iter().any(|&b| markup(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: [&str; 7] = [
        "",
        "plain",
        "<a href=\"x\">Tom & Jerry's</a>",
        "é < ü >",
        "&&''\"\"",
        "café's",
        "a long text without anything to escape, longer than a vector register \u{1F600}",
    ];

    #[test]
    fn html_writes_teras_five_entities_every_way() {
        for text in SAMPLES {
            let mut teras = Vec::new();
            tera::escape_html(text, &mut teras).unwrap();
            let teras = String::from_utf8(teras).unwrap();
            let mut ours = Vec::new();
            html_to(text, &mut ours).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), teras, "{text}");
            assert_eq!(html_string(text), teras, "{text}");
            let mut appended = String::from("x");
            html(text, &mut appended);
            assert_eq!(appended, format!("x{teras}"), "{text}");
        }
        assert_eq!(
            html_string("<b title=\"a'b\">&</b>"),
            "&lt;b title=&quot;a&#39;b&quot;&gt;&amp;&lt;/b&gt;"
        );
    }

    /// `special` finds the first of the five escaped bytes wherever it is, or none.
    #[test]
    fn special_finds_the_first_byte_to_escape() {
        assert_eq!(special(b""), None);
        assert_eq!(special(b"plain text, no markup (at all) 100%"), None);
        for (i, c) in [b'&', b'<', b'>', b'"', b'\''].into_iter().enumerate() {
            // Before and after a byte of the other scan, in a text longer than a vector.
            let mut text = vec![b'x'; 70];
            text[40 + i] = c;
            text[60] = if matches!(c, b'"' | b'\'') {
                b'<'
            } else {
                b'"'
            };
            assert_eq!(special(&text), Some(40 + i), "{}", c as char);
        }
        assert_eq!(special("café's".as_bytes()), Some(5));
        // Short and long texts take different scans: the same answer at every length.
        for len in 1..100 {
            for at in [0, len / 2, len - 1] {
                let mut text = vec![b'a'; len];
                text[at] = b'\'';
                assert_eq!(special(&text), Some(at), "{len} {at}");
                text[at] = 0xC3;
                assert_eq!(special(&text), None, "{len} {at}");
            }
        }
    }

    #[test]
    fn xml_escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            xml_string("a<b>&\"'\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF}c"),
            "a&lt;b&gt;&amp;&quot;&apos;c"
        );
        assert_eq!(
            xml_string("tab\tline\nreturn\r\u{FFFD}\u{EFFF}é"),
            "tab\tline\nreturn\r\u{FFFD}\u{EFFF}é"
        );
        assert_eq!(xml_string("data/email_address/"), "data/email_address/");
        let mut out = String::from("<loc>");
        xml("a&b", &mut out);
        assert_eq!(out, "<loc>a&amp;b");
    }

    #[test]
    fn json_markup_escapes_only_the_three_markup_characters() {
        let mut out = Vec::new();
        json_markup_to("x & <y> \\\" '", &mut out).unwrap();
        assert_eq!(out, b"x \\u0026 \\u003cy\\u003e \\\" '");
        // Past the 16-byte chunks, and in the remainder.
        let long = format!("{}<{}&", "a".repeat(20), "b".repeat(3));
        let mut out = Vec::new();
        json_markup_to(&long, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\\u003c{}\\u0026", "a".repeat(20), "b".repeat(3))
        );
    }
}
