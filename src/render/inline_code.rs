//! Interface strings (i18n) that name code: `` `candor check` `` printed as
//! `<code>candor check</code>`. Everything else is escaped like any text; no HTML from a
//! translation ever reaches a page.

use crate::escape::html;

/// `text` escaped for HTML, each pair of backticks turned into a `<code>` element. A lone
/// backtick (no partner) or an empty pair stays as it is written.
pub fn inline_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(close) if close > 0 => {
                html(&rest[..open], &mut out);
                out.push_str("<code>");
                html(&after[..close], &mut out);
                out.push_str("</code>");
                rest = &after[close + 1..];
            }
            _ => {
                html(&rest[..=open], &mut out);
                rest = after;
            }
        }
    }
    html(rest, &mut out);
    out
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
