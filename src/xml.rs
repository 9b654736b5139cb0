//! Text for the XML files a build writes (the Atom feed, `sitemap.xml`, SVG charts): the five
//! markup characters escaped, and the characters XML 1.0 forbids (C0 controls other than tab,
//! line feed and carriage return; U+FFFE; U+FFFF) dropped, so no name or note can make a file
//! that feed readers and search engines reject. (Lone surrogates cannot occur in a `str`.)

/// Whether XML 1.0 allows `c` in a document.
pub fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes `s` for XML content and attribute values onto `out`.
pub fn escape_into(s: &str, out: &mut String) {
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
            c if !allowed(c) => {}
            c => out.push(c),
        }
    }
}

/// [`escape_into`] a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            escape("a<b>&\"'\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF}c"),
            "a&lt;b&gt;&amp;&quot;&apos;c"
        );
        assert_eq!(
            escape("tab\tline\nreturn\r\u{FFFD}\u{EFFF}é"),
            "tab\tline\nreturn\r\u{FFFD}\u{EFFF}é"
        );
        assert_eq!(escape("data/email_address/"), "data/email_address/");
    }
}
