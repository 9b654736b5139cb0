//! Interface strings (i18n) that name code: `` `candor check` `` printed as
//! `<code>candor check</code>`. Everything else is escaped like any text; no HTML from a
//! translation ever reaches a page.

/// `text` escaped for HTML, each pair of backticks turned into a `<code>` element. A lone
/// backtick (no partner) or an empty pair stays as it is written.
pub fn inline_code(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(close) if close > 0 => {
                escape(&mut out, &rest[..open]);
                out.extend_from_slice(b"<code>");
                escape(&mut out, &after[..close]);
                out.extend_from_slice(b"</code>");
                rest = &after[close + 1..];
            }
            _ => {
                escape(&mut out, &rest[..=open]);
                rest = after;
            }
        }
    }
    escape(&mut out, rest);
    // Only whole UTF-8 strings and ASCII entities were written.
    String::from_utf8(out).unwrap_or_default()
}

/// The five entities Tera's autoescape writes (the same function Tera is given).
fn escape(out: &mut Vec<u8>, s: &str) {
    // Writing into a Vec cannot fail.
    let _ = super::tera_env::escape_html(s, out);
}

#[cfg(test)]
mod tests {
    use super::inline_code;

    #[test]
    fn pairs_of_backticks_become_code_and_the_rest_is_escaped() {
        assert_eq!(
            inline_code("The same as `candor check`."),
            "The same as <code>candor check</code>."
        );
        assert_eq!(
            inline_code("`<b>` & \"x\" `a'b`"),
            "<code>&lt;b&gt;</code> &amp; &quot;x&quot; <code>a&#39;b</code>"
        );
        assert_eq!(inline_code("a ` lone"), "a ` lone");
        assert_eq!(inline_code("``empty"), "``empty");
        assert_eq!(inline_code("`a` `b"), "<code>a</code> `b");
        assert_eq!(inline_code("<script>"), "&lt;script&gt;");
    }
}
