//! What a template depends on, read from the templates themselves: the templates it extends and
//! includes and those defining the components it calls, followed transitively. Which built-in
//! templates a natively rendered page mirrors is derived from this, never kept by hand.
//!
//! A scan of the tags (`{% %}`, `{{ }}`; comments and `raw` blocks skipped), not a parse: it
//! may see more than Tera would (a `<x` in a string counts as a call of component `x`), which
//! only ever sends a page to Tera, never away from it.

use std::collections::{BTreeMap, BTreeSet};

/// What one template refers to.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Refs {
    pub extends: Option<String>,
    pub includes: Vec<String>,
    /// Components it defines.
    pub defines: Vec<String>,
    /// Components it calls.
    pub calls: Vec<String>,
    /// Variables it sets (`set`, `set_global`): in a layout they are seen by the page's blocks.
    pub sets: Vec<String>,
    /// Whether it captures output (a `filter` section, a `set` block, a component call with a
    /// body): a block inside one may be printed changed.
    pub captures: bool,
    /// Every identifier in its tags.
    pub names: BTreeSet<String>,
    /// The identifiers of its tags other than plain prints (`{{ name }}`): those whose values
    /// can steer what it writes, not only appear in it.
    pub computed: BTreeSet<String>,
}

impl Refs {
    /// Scans the tags of `source`.
    pub fn scan(source: &str) -> Refs {
        let mut refs = Refs::default();
        for (statement, body) in tags(source) {
            let tokens = tokens(body);
            if statement {
                refs.statement(&tokens);
            }
            let plain = !statement && is_print(body.trim_matches('-').trim());
            for (i, t) in tokens.iter().enumerate() {
                match t {
                    Token::Ident(name) => {
                        refs.names.insert(name.to_string());
                        if !plain {
                            refs.computed.insert(name.to_string());
                        }
                    }
                    Token::Punct('<') => {
                        if let Some(Token::Ident(name)) = tokens.get(i + 1) {
                            refs.calls.push(dotted(&tokens[i + 1..], name));
                        }
                    }
                    _ => {}
                }
            }
        }
        refs
    }

    fn statement(&mut self, tokens: &[Token]) {
        match tokens {
            [Token::Ident("extends"), Token::Str(name), ..] => self.extends = Some(name.clone()),
            [Token::Ident("include"), Token::Str(name), ..] => self.includes.push(name.clone()),
            [Token::Ident("component"), Token::Ident(name), ..] => {
                self.defines.push(dotted(&tokens[1..], name))
            }
            [Token::Ident("set" | "set_global"), Token::Ident(name), rest @ ..] => {
                self.sets.push(name.to_string());
                if !matches!(rest.first(), Some(Token::Punct('='))) {
                    self.captures = true;
                }
            }
            [Token::Ident("filter"), ..] | [Token::Punct('<'), Token::Ident(_), ..] => {
                self.captures = true
            }
            _ => {}
        }
    }
}

/// Whether `text` prints one variable as it is: `name` or `name | safe`.
fn is_print(text: &str) -> bool {
    match text.split_once('|') {
        Some((name, filter)) => is_ident(name.trim()) && filter.trim() == "safe",
        None => is_ident(text),
    }
}

/// Whether `text` is one identifier.
fn is_ident(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A component name as written, dots included (`ui.button`), from the tokens starting at it.
fn dotted(tokens: &[Token], first: &str) -> String {
    let mut name = first.to_string();
    let mut rest = &tokens[1..];
    while let [Token::Punct('.'), Token::Ident(part), more @ ..] = rest {
        name.push('.');
        name.push_str(part);
        rest = more;
    }
    name
}

/// The templates of a theme, scanned.
pub struct Graph {
    refs: BTreeMap<String, Refs>,
    /// Component -> the template defining it.
    components: BTreeMap<String, String>,
}

impl Graph {
    pub fn new<'s>(templates: impl IntoIterator<Item = (&'s str, &'s str)>) -> Graph {
        let refs: BTreeMap<String, Refs> = templates
            .into_iter()
            .map(|(name, source)| (name.to_string(), Refs::scan(source)))
            .collect();
        let components = refs
            .iter()
            .flat_map(|(t, r)| r.defines.iter().map(move |c| (c.clone(), t.clone())))
            .collect();
        Graph { refs, components }
    }

    pub fn refs(&self, name: &str) -> Option<&Refs> {
        self.refs.get(name)
    }

    /// Every template `root` needs to render, itself included: what it extends (unless
    /// `own_parent` is false: then `root`'s own `extends` is not followed) and includes, and
    /// the templates defining the components it calls, transitively.
    pub fn closure(&self, root: &str, own_parent: bool) -> BTreeSet<String> {
        let mut seen = BTreeSet::from([root.to_string()]);
        let mut todo = vec![root.to_string()];
        while let Some(name) = todo.pop() {
            let Some(r) = self.refs.get(&name) else {
                continue;
            };
            let parent = r.extends.iter().filter(|_| own_parent || name != root);
            let defining = r.calls.iter().filter_map(|c| self.components.get(c));
            for next in parent.chain(&r.includes).chain(defining) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    }
}

/// The tags of `source`: whether each is a statement (`{% %}`) and its text between the
/// delimiters (whitespace-control dashes included). Comments and `raw` blocks are skipped;
/// an unterminated tag ends the scan.
fn tags(source: &str) -> Vec<(bool, &str)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'{', &bytes[i..]) {
        let start = i + at;
        let Some(&kind) = bytes.get(start + 1) else {
            break;
        };
        let body = start + 2;
        match kind {
            b'#' => match find(bytes, body, b"#}") {
                Some(end) => i = end + 2,
                None => break,
            },
            b'{' | b'%' => {
                let close: &[u8] = if kind == b'{' { b"}}" } else { b"%}" };
                let Some(end) = tag_end(bytes, body, close) else {
                    break;
                };
                let text = &source[body..end];
                i = end + 2;
                if kind == b'%' && word(text) == "raw" {
                    i = raw_end(source, i).unwrap_or(bytes.len());
                } else {
                    out.push((kind == b'%', text));
                }
            }
            _ => i = start + 1,
        }
    }
    out
}

/// The first word of a tag's text, past a whitespace-control dash.
fn word(text: &str) -> &str {
    let t = text.trim_start_matches('-').trim();
    t.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .next()
        .unwrap_or("")
}

/// Where the text after the `{% endraw %}` that closes a raw block starting at `from` begins.
fn raw_end(source: &str, from: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut i = from;
    while let Some(start) = find(bytes, i, b"{%") {
        let end = find(bytes, start + 2, b"%}")?;
        if word(&source[start + 2..end]) == "endraw" {
            return Some(end + 2);
        }
        i = start + 2;
    }
    None
}

/// Where `close` ends the tag whose text starts at `from`, strings skipped.
fn tag_end(bytes: &[u8], from: usize, close: &[u8]) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'\'' | b'`') => i = string_end(bytes, i + 1, q)? + 1,
            _ if bytes[i..].starts_with(close) => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The index of the quote `q` closing a string whose text starts at `from`.
fn string_end(bytes: &[u8], from: usize, q: u8) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == q => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Ident(&'a str),
    /// A string literal's text, with `\x` escapes resolved.
    Str(String),
    Punct(char),
}

/// The identifiers, strings and punctuation of a tag's text (numbers and spaces dropped).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(Token::Ident(&text[start..i]));
        } else if b.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
        } else if matches!(b, b'"' | b'\'' | b'`') {
            let end = string_end(bytes, i + 1, b).unwrap_or(bytes.len());
            out.push(Token::Str(unescape(&text[i + 1..end.max(i + 1)])));
            i = end + 1;
        } else if b.is_ascii_whitespace() || b == b'-' && (i == 0 || i + 1 == bytes.len()) {
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            out.push(Token::Punct(c));
            i += c.len_utf8();
        }
    }
    out
}

/// A string literal's text with Tera's escapes (`\"`, `\n`, …) resolved.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_extends_includes_components_and_sets_in_tags_only() {
        let r = Refs::scan(concat!(
            "{% extends \"base.html\" %}{# {% include \"no.html\" %} #}",
            "{%- raw -%}{% include \"raw.html\" %}{{ <raw/> }}{% endraw %}",
            "{% block content %}{%- include 'a.html' -%}{{ <taxon t={x} /> }}",
            "{{ \"<str\" }}{% set items = [1] %}{% set_global g = 2 %}",
            "{% component ui.card(e) %}{{ <ui.badge/> }}{% endcomponent %}",
            "{% endblock content %}",
        ));
        assert_eq!(r.extends.as_deref(), Some("base.html"));
        assert_eq!(r.includes, ["a.html"]);
        assert_eq!(r.defines, ["ui.card"]);
        // `<str` in a string is not a call, but the scan is allowed to see more than Tera.
        assert_eq!(r.calls, ["taxon", "ui.badge"]);
        assert_eq!(r.sets, ["items", "g"]);
        assert!(!r.captures);
        assert!(r.names.contains("content") && r.names.contains("x"));
    }

    #[test]
    fn only_plain_prints_leave_a_name_uncomputed() {
        let r = Refs::scan(concat!(
            "{{ title }}{{- root -}}<a href=\"{{root}}x\">{# {{ path | upper }} #}{{ title|safe }}",
            "{{ path | upper }}{{ title2 ~ \"x\" }}{% if section == \"a\" %}{% endif %}",
            "{% set shadow = 1 %}{{ shadow }}{{ site.lang }}",
        ));
        for name in ["title", "root"] {
            assert!(
                r.names.contains(name) && !r.computed.contains(name),
                "{name}"
            );
        }
        // `shadow` is printed plainly, but set by the template itself.
        for name in [
            "path", "title2", "section", "site", "lang", "upper", "shadow",
        ] {
            assert!(r.computed.contains(name), "{name}");
        }
        // A variable both printed and tested is computed.
        assert!(Refs::scan("{{ d }}{% if d %}{% endif %}")
            .computed
            .contains("d"));
    }

    #[test]
    fn captures_are_filter_sections_set_blocks_and_component_bodies() {
        for source in [
            "{% filter upper %}x{% endfilter %}",
            "{% set x %}y{% endset %}",
            "{% set x | upper %}y{% endset %}",
            "{% <box> %}y{% </box> %}",
        ] {
            assert!(Refs::scan(source).captures, "{source}");
        }
        assert!(!Refs::scan("{% set x = 1 %}{{ <box/> }}").captures);
    }

    #[test]
    fn closure_follows_extends_includes_and_components_transitively() {
        let g = Graph::new([
            ("page.html", "{% extends \"base.html\" %}{% block content %}{% include \"part.html\" %}{% endblock content %}"),
            ("base.html", "{% include \"head.html\" %}{% block content %}{% endblock content %}"),
            ("head.html", ""),
            ("part.html", "{{ <key k={k} /> }}"),
            ("macros.html", "{% component key(k) %}{% include \"leaf.html\" %}{% endcomponent key %}"),
            ("leaf.html", ""),
            ("unused.html", "{% include \"page.html\" %}"),
        ]);
        let names = |s: BTreeSet<String>| s.into_iter().collect::<Vec<_>>();
        assert_eq!(
            names(g.closure("page.html", true)),
            [
                "base.html",
                "head.html",
                "leaf.html",
                "macros.html",
                "page.html",
                "part.html"
            ]
        );
        assert_eq!(
            names(g.closure("page.html", false)),
            ["leaf.html", "macros.html", "page.html", "part.html"]
        );
        // Cycles and unknown names end.
        let g = Graph::new([
            ("a", "{% include \"b\" %}"),
            ("b", "{% include \"a\" %}{% include \"zz\" %}"),
        ]);
        assert_eq!(names(g.closure("a", true)), ["a", "b", "zz"]);
    }

    #[test]
    fn unterminated_tags_end_the_scan_without_a_panic() {
        for source in [
            "{%",
            "{{ \"x",
            "{# x",
            "{% raw %}x",
            "{",
            "{%- include \"a\\",
            "é{{ é",
        ] {
            let _ = Refs::scan(source);
        }
    }
}
