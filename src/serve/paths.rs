//! Request paths -> build files, safely: percent-decoded, `.` and empty segments dropped, `..`
//! refused (never resolved), and only names of the in-memory build ever looked up, so no
//! request can reach a file outside it. Content types by extension.

/// What a request path asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the build, by its path relative to the site root.
    File(String),
    /// The path names a directory: redirect to it with a trailing slash.
    Redirect(String),
    /// Not a valid path (bad escapes, `..`, NUL, backslash).
    Bad,
}

/// Decodes `%xx` escapes; `None` for a malformed escape or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let malformed = b.iter().enumerate().any(|(i, &c)| {
        c == b'%'
            && !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if malformed {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// The normalised segments of a URL path (query and fragment removed).
fn segments(url: &str) -> Option<Vec<String>> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut out = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) => return None,
            s => out.push(s.to_string()),
        }
    }
    Some(out)
}

/// Resolves a request URL against the files of a build (`exists` says whether a path is one).
pub fn resolve(url: &str, exists: impl Fn(&str) -> bool) -> Target {
    let Some(segs) = segments(url) else {
        return Target::Bad;
    };
    let joined = segs.join("/");
    let path_part = url.split(['?', '#']).next().unwrap_or("");
    if joined.is_empty() || path_part.ends_with('/') {
        let index = if joined.is_empty() {
            "index.html".to_string()
        } else {
            format!("{joined}/index.html")
        };
        return Target::File(index);
    }
    if !exists(&joined) && exists(&format!("{joined}/index.html")) {
        return Target::Redirect(format!("/{joined}/"));
    }
    Target::File(joined)
}

/// The `Content-Type` of a file, by extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" if path == crate::site::changes::FEED => "application/atom+xml",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(p: &str) -> bool {
        matches!(p, "index.html" | "data/index.html" | "assets/candor.css")
    }

    #[test]
    fn directories_and_index_pages() {
        assert_eq!(resolve("/", files), Target::File("index.html".into()));
        assert_eq!(resolve("/?x=1", files), Target::File("index.html".into()));
        assert_eq!(
            resolve("/data/", files),
            Target::File("data/index.html".into())
        );
        assert_eq!(resolve("/data", files), Target::Redirect("/data/".into()));
        assert_eq!(
            resolve("/assets//./candor.css#x", files),
            Target::File("assets/candor.css".into())
        );
        assert_eq!(resolve("/nope", files), Target::File("nope".into()));
        assert_eq!(
            resolve("/data%2Findex.html", files),
            Target::File("data/index.html".into())
        );
    }

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/data/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/..%2fetc/passwd",
            "/a\\..\\b",
            "/a%5c..",
            "/%00",
            "/%zz",
            "/%e9",
        ] {
            assert_eq!(resolve(bad, files), Target::Bad, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/candor.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("charts/x.svg"), "image/svg+xml");
        assert_eq!(content_type("changes.xml"), "application/atom+xml");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("data.json"), "application/json");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
