//! What `candor serve` adds to the pages it serves, and only to those: a tiny live-reload
//! script, and, when the last build failed, an overlay with its diagnostics (escaped). A page
//! written by `candor build` never carries either.

use crate::escape::html_string as escape;

/// Where the live-reload script is served.
pub const SCRIPT_PATH: &str = "/__candor/live.js";
/// The endpoint the script long-polls: `?since=<generation>` answers with the generation once
/// it differs (or after a timeout, with the same one).
pub const POLL_PATH: &str = "/__candor/poll";

/// The live-reload script: waits for the next build, then reloads the page.
pub const SCRIPT: &str = r#"(function () {
  "use strict";
  var me = document.currentScript;
  var gen = me ? me.getAttribute("data-generation") : null;
  if (gen === null) { return; }
  function poll() {
    fetch("/__candor/poll?since=" + encodeURIComponent(gen), { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (t) { if (t.trim() !== gen) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;

/// The `<script>` tag that loads the live-reload script for a page of `generation`.
pub fn script_tag(generation: u64) -> String {
    format!("<script src=\"{SCRIPT_PATH}\" data-generation=\"{generation}\" defer></script>")
}

/// The overlay that shows a failed build's diagnostics over the last good page.
pub fn overlay(error: &str) -> String {
    format!(
        "<div id=\"candor-build-error\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
overflow:auto;margin:0;padding:2rem;background:rgba(24,24,27,.95);color:#fafafa;\
font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace\">\
<p style=\"margin:0 0 .5rem;font-size:1.25rem;font-weight:700;color:#fca5a5\">candor: the build failed</p>\
<p style=\"margin:0 0 1rem\">You are seeing the last good build. Fix the problems below and save: \
this page reloads by itself.</p>\
<pre style=\"white-space:pre-wrap;margin:0\">{}</pre></div>",
        escape(error)
    )
}

/// Adds the script (and the overlay, when there is an error) before `</body>`, or at the end
/// of a page without one.
pub fn inject(html: &[u8], generation: u64, error: Option<&str>) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(e) = error {
        extra.push_str(&overlay(e));
    }
    extra.push_str(&script_tag(generation));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// A whole page for when there is nothing to show: no good build yet, or no such file.
pub fn page(title: &str, body: &str, generation: u64, error: Option<&str>) -> Vec<u8> {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
<body><h1>{}</h1><p>{}</p></body></html>",
        escape(title),
        escape(title),
        escape(body)
    );
    inject(html.as_bytes(), generation, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_overlay_go_before_the_last_body_end() {
        let page = b"<html><body><p>x</p><!-- </body> in a comment --></BODY></html>";
        let out = String::from_utf8(inject(page, 7, Some("content/a.csv:3: bad <b>&"))).unwrap();
        let overlay = out.find("candor-build-error").unwrap();
        let script = out.find("data-generation=\"7\"").unwrap();
        let end = out.find("</BODY>").unwrap();
        assert!(out.find("in a comment").unwrap() < overlay);
        assert!(overlay < script && script < end, "{out}");
        assert!(out.contains("content/a.csv:3: bad &lt;b&gt;&amp;"), "{out}");
        assert!(!out.contains("<b>&"), "{out}");
    }

    #[test]
    fn no_overlay_without_an_error_and_pages_without_body_get_the_script_appended() {
        let out = String::from_utf8(inject(b"plain", 1, None)).unwrap();
        assert_eq!(out, format!("plain{}", script_tag(1)));
        let p = String::from_utf8(page("Not <found>", "x", 2, None)).unwrap();
        assert!(p.contains("Not &lt;found&gt;") && p.contains(SCRIPT_PATH));
    }
}
