//! The fuzz targets' properties (`tests/common/fuzz_props.rs`) on generated inputs, so that
//! `cargo test` checks them without a nightly toolchain: the parallel CSV reader with tiny
//! pieces against the serial one, and Markdown full of hostile markup rendered safely.

mod common;

use common::fuzz_props;
use proptest::prelude::*;

/// Pieces of inventory text, chosen so that cuts fall inside quotes, rows run short or long,
/// and values are invalid.
const CSV: &[&str] = &[
    "email",
    "e2",
    "Email",
    "user.contact",
    "marketing",
    "why",
    "\"",
    "\"\"",
    ",",
    "\n",
    "\r\n",
    "x",
    "é",
    "2026-13-01",
    "consent",
    "required",
    "internal",
    " ",
    ";",
];

/// Pieces of Markdown and HTML that try to run code or load from elsewhere.
const MARKDOWN: &[&str] = &[
    "<script>",
    "</script>",
    "<img src=",
    "//evil.example/x.png",
    "\\\\evil.example/y",
    " onerror=alert(1)",
    "javascript:",
    "java\tscript:",
    "&#106;avascript:",
    "data:text/html,",
    "![t](",
    "[l](",
    ")",
    "<a href=\"",
    "\"",
    "'",
    ">",
    "<svg>",
    "<style>",
    "<noscript>",
    "<!--",
    "-->",
    "`",
    "```\n",
    "\n",
    "\n\n",
    "- [x] ",
    "# ",
    "<p title=\"",
    "&amp;",
    "<",
    "https://example.com/",
    "../",
    "/",
    "x",
];

fn pieces(from: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(from), 0..max).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn chunked_reading_matches_serial(
        cut in any::<[u8; 3]>(),
        body in pieces(CSV, 120),
    ) {
        let text = format!("element,name,category,purpose,why,legal_basis,necessity\n{body}");
        fuzz_props::chunks(&[&cut[..], text.as_bytes()].concat());
    }

    #[test]
    fn markdown_renders_nothing_unsafe(below in any::<u8>(), text in pieces(MARKDOWN, 40)) {
        fuzz_props::markdown(&[&[below][..], text.as_bytes()].concat());
    }

    #[test]
    fn images_from_elsewhere_never_load(
        lead in prop::sample::select(&[
            "//", "\\\\", "/\\", "\\/", " //", "/\t/", "https://", "HTTPS://", "http:",
            "javascript:", "java\tscript:", "data:image/png,", "", "./", "../",
        ][..]),
        form in 0..4usize,
    ) {
        let url = format!("{lead}evil.example/x.png");
        let markdown = match form {
            0 => format!("![t]({url})"),
            1 => format!("<img src=\"{url}\">"),
            2 => format!("![t][r]\n\n[r]: {url}"),
            _ => format!("<p><img alt=x src='{url}'></p>"),
        };
        fuzz_props::markdown(&[&[1][..], markdown.as_bytes()].concat());
    }

    #[test]
    fn markdown_of_arbitrary_text_renders_nothing_unsafe(text in any::<String>()) {
        fuzz_props::markdown(&[&[0][..], text.as_bytes()].concat());
    }

    #[test]
    fn code_text_is_escaped(text in "[^`\r\n\0]{0,60}") {
        fuzz_props::code_text_survives(&text);
    }

    #[test]
    fn import_of_near_json_never_breaks(text in pieces(&[
        "{", "}", "[", "]", "\"name\":", "\"model_details\":", "\"components\":",
        "\"type\": \"machine-learning-model\"", "\"bomFormat\": \"CycloneDX\"", ",", "\"x\"",
        "1e999", "null", "---\n", "model_name: ", "\n",
    ], 40)) {
        fuzz_props::import(text.as_bytes());
    }
}
