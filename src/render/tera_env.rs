//! The Tera environment of a build: the theme's templates, HTML/XML/SVG autoescaping, the
//! `markdown` filter, and the site-wide values (title, contact, navigation, audience) in Tera's
//! global context, so no page carries its own copy of them.

use serde::Serialize;
use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

use crate::diag::{Diagnostic, Error};
use crate::model::words;
use crate::model::Catalog;
use crate::site::Site;

use super::markdown;
use super::theme::Theme;

/// `site` in templates: the site's name, contact and branding.
#[derive(Serialize)]
pub struct SiteGlobals<'a> {
    pub title: &'a str,
    pub organisation: &'a str,
    pub description: &'a str,
    pub lang: &'a str,
    pub contact: ContactGlobals<'a>,
    /// Asset path of the logo, when it names an asset of the theme.
    pub logo: Option<&'a str>,
    /// The accent colour and its readable shades, when `accent_color` is valid.
    pub accent: Option<super::colour::Accent>,
    /// The `http(s)` URL the site is published at, ending in `/` (printed pages name it).
    pub base_url: Option<String>,
}

#[derive(Serialize)]
pub struct ContactGlobals<'a> {
    pub email: Option<&'a str>,
    /// Only an `http(s)` URL.
    pub url: Option<&'a str>,
    pub address: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub dpo: Option<&'a str>,
}

/// A free page in the navigation.
#[derive(Serialize)]
pub struct NavPage<'a> {
    pub title: &'a str,
    pub href: String,
}

/// Every value of Tera's global context, shared with the native renderer.
pub struct Globals<'a> {
    pub site: SiteGlobals<'a>,
    pub internal: bool,
    pub has_audit: bool,
    pub generated_on: Option<String>,
    pub has_changes: bool,
    pub nav_pages: Vec<NavPage<'a>>,
    pub attribution: &'static str,
}

/// A Tera environment ready to render every page of `site`.
pub fn build(theme: &Theme, catalog: &Catalog, site: &Site) -> Result<Tera, Error> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".htm", ".xml", ".svg"]);
    tera.set_escape_fn(crate::escape::html_to);
    // `{{ body | markdown }}`: rendered and sanitised; `root` comes from the page's context.
    // `markdown(below=2)` when the body sits under an `<h2>` (its headings start at `<h3>`).
    tera.register_filter("markdown", |md: &str, kwargs: Kwargs, state: &State| {
        let root = state
            .get::<String>("root")
            .ok()
            .flatten()
            .unwrap_or_default();
        let below = kwargs.get::<i64>("below")?.unwrap_or(1).clamp(1, 5) as u8;
        Ok::<_, tera::Error>(Value::safe_string(&markdown::to_html(md, &root, below)))
    });
    // `{{ t.home.kinds | fill(n=3, name=x) }}`: a translation's plural form and placeholders.
    // The result is plain text, escaped when printed.
    tera.register_filter(
        "fill",
        |text: tera::StringInput, args: Kwargs, _: &State| -> Value {
            let n = args.get::<f64>("n").ok().flatten();
            let filled = crate::i18n::fill(text.as_str(), n, |name| {
                args.iter()
                    .find(|(k, _)| k.as_str() == Some(name))
                    .map(|(_, v)| v.to_string())
            });
            Value::from(filled)
        },
    );
    // `{{ t.audit.about | code }}`: an interface string whose `backticks` mean code, escaped
    // and with each pair printed as `<code>`.
    tera.register_filter(
        "code",
        |text: tera::StringInput, _: Kwargs, _: &State| -> Value {
            Value::safe_string(&super::inline_code::inline_code(text.as_str()))
        },
    );
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, t)| (name.as_str(), t.text.as_ref())),
    )
    .map_err(|e| Error::Invalid(template_diagnostics(&e, theme)))?;

    let g = globals(theme, catalog, site);
    let global = tera.global_context();
    global.insert("site", &g.site);
    global.insert("internal", &g.internal);
    global.insert("has_audit", &g.has_audit);
    global.insert("generated_on", &g.generated_on);
    global.insert("has_changes", &g.has_changes);
    global.insert("nav_pages", &g.nav_pages);
    global.insert("attribution", g.attribution);
    global.insert("t", site.lang.tree());
    Ok(tera)
}

/// The site-wide values every page shows (title, contact, navigation, audience).
pub fn globals<'a>(theme: &Theme, catalog: &'a Catalog, site: &Site) -> Globals<'a> {
    let config = &catalog.config;
    let title = [config.title.as_str(), config.organisation.as_str()]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .unwrap_or("Your data and our AI");
    let contact = &config.contact;
    let site_globals = SiteGlobals {
        title,
        organisation: &config.organisation,
        description: &config.description,
        lang: config
            .language
            .as_deref()
            .filter(|l| crate::i18n::check(l).is_ok())
            .unwrap_or(site.lang.code),
        contact: ContactGlobals {
            email: contact.email.as_deref(),
            url: contact.url.as_deref().filter(|u| words::is_web_url(u)),
            address: contact.address.as_deref(),
            phone: contact.phone.as_deref(),
            dpo: contact.dpo.as_deref(),
        },
        logo: logo(theme, config.branding.logo.as_deref()),
        accent: config
            .branding
            .accent_color
            .as_deref()
            .and_then(super::colour::Accent::new),
        base_url: Some(config.base_url.trim())
            .filter(|u| words::is_web_url(u))
            .map(|u| format!("{}/", u.trim_end_matches('/'))),
    };
    let rights = &site.rights;
    let mut pages: Vec<(i64, &str, String)> = catalog
        .pages
        .iter()
        .zip(&site.page_slugs)
        .enumerate()
        .map(|(i, (p, slug))| {
            // An extending rights page is shown at `rights/`.
            let href = if rights.absorbs(i) {
                rights.href.clone()
            } else {
                format!("pages/{slug}/index.html")
            };
            (p.weight.unwrap_or(i64::MAX), p.title.as_str(), href)
        })
        .collect();
    pages.sort();
    let mut nav: Vec<NavPage> = pages
        .into_iter()
        .map(|(_, title, href)| NavPage { title, href })
        .collect();
    // The generated rights page leads the free pages.
    if rights.generated && rights.page.is_none() {
        nav.insert(
            0,
            NavPage {
                title: site.lang.get("nav.rights"),
                href: rights.href.clone(),
            },
        );
    }
    Globals {
        site: site_globals,
        internal: site.scope.internal(),
        has_audit: site.audit.is_some(),
        generated_on: site.generated_on.map(|d| d.to_string()),
        has_changes: site.changes.is_some(),
        nav_pages: nav,
        attribution: crate::taxonomy::ATTRIBUTION,
    }
}

/// The asset path of `[branding] logo`, when it names an asset of the theme (see
/// [`check_logo`], which the build runs first, for the error when it does not).
fn logo<'a>(theme: &Theme, logo: Option<&'a str>) -> Option<&'a str> {
    let path = logo?.trim().trim_start_matches('/');
    let path = path.strip_prefix("static/").unwrap_or(path);
    theme.assets.contains_key(path).then_some(path)
}

/// `[branding] logo` must name a file under the site's `static/`: an input error otherwise,
/// with the nearest file suggested.
pub fn check_logo(theme: &Theme, config: &crate::config::Config) -> Result<(), Error> {
    let Some(given) = config.branding.logo.as_deref() else {
        return Ok(());
    };
    if logo(theme, Some(given)).is_some() {
        return Ok(());
    }
    let path = given.trim().trim_start_matches('/');
    let message = format!("[branding] logo `{path}` is not a file under static/");
    let mut d = match config.lines.get(&["branding", "logo"]) {
        Some(line) => Diagnostic::at("candor.toml", line, message),
        None => Diagnostic::file("candor.toml", message),
    };
    let known = theme.assets.keys().map(String::as_str);
    d = match crate::diag::did_you_mean(path, known) {
        Some(h) => d.help(h),
        None => d.help(format!("put the image at static/{path}, or remove `logo`")),
    };
    Err(Error::Invalid(d.into()))
}

/// A page's template context: its view, flattened, plus where it sits in the site.
pub fn page_context<T: Serialize>(
    view: &T,
    title: &str,
    path: &str,
    section: &str,
    last_updated: Option<&str>,
) -> tera::TeraResult<Context> {
    let mut ctx = Context::from_serialize(view)?;
    add_layout(&mut ctx, title, path, section, last_updated);
    Ok(ctx)
}

/// Where a page sits in the site, the part of its context the layout (`base.html`) reads.
pub fn layout_context(
    title: &str,
    path: &str,
    section: &str,
    last_updated: Option<&str>,
) -> Context {
    let mut ctx = Context::new();
    add_layout(&mut ctx, title, path, section, last_updated);
    ctx
}

fn add_layout(
    ctx: &mut Context,
    title: &str,
    path: &str,
    section: &str,
    last_updated: Option<&str>,
) {
    ctx.insert("last_updated", &last_updated);
    ctx.insert("page_title", title);
    ctx.insert("page_path", path);
    ctx.insert("page_url", crate::site::urls::pretty(path));
    ctx.insert("nav_current", nav_current(path));
    ctx.insert("section", section);
    ctx.insert("root", &crate::site::urls::root_of(path));
}

/// `path` when a menu may link to the page (the home page, the first page of a section such as
/// `data/index.html`, a free page under `pages/`), else empty: what a layout compares menu
/// links with, so that it reads nothing unique to a page (see `native/frame.rs`).
pub fn nav_current(path: &str) -> &str {
    if path.matches('/').count() <= 1 || path.starts_with("pages/") {
        path
    } else {
        ""
    }
}

/// A template error of one page: where it is, the same for every page it breaks, and the
/// whole report. A render reports each spot once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFailure {
    /// `file:line:column` of a syntax or rendering error (its message names the variables of
    /// the page, which differ by page kind); else the one-line error, without the page.
    pub spot: String,
    /// [`template_diagnostic`] for the page.
    pub report: Diagnostic,
}

/// [`template_diagnostic`] of `e` on `page`, with its spot for telling errors apart.
pub fn page_failure(e: &tera::Error, theme: &Theme, page: &str) -> PageFailure {
    let spot = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let file = file_of(theme, r.filename());
            format!("{file}:{}:{}", span.start_line, span.start_col + 1)
        }
        _ => error_spot(e, theme),
    };
    PageFailure {
        spot,
        report: template_diagnostic(e, theme, Some(page)),
    }
}

/// A Tera error as a diagnostic at the site's template file (or the built-in template), line
/// and column, with the offending line and, for rendering errors, the page being rendered.
pub fn template_diagnostic(e: &tera::Error, theme: &Theme, page: Option<&str>) -> Diagnostic {
    let during = page
        .map(|p| format!(" (rendering {p})"))
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let message = format!("{}{during}", r.message());
            at_template(
                theme,
                r.filename(),
                span.start_line,
                span.start_col + 1,
                message,
            )
        }
        ErrorKind::TemplateNotFound(name) => {
            let known: Vec<&str> = theme.templates.keys().map(String::as_str).collect();
            Diagnostic::file("templates", format!("template `{name}` not found{during}"))
                .maybe_help(crate::diag::did_you_mean(name, known))
        }
        _ => Diagnostic::file("templates", format!("{e}{during}")),
    }
}

/// A problem at `line` and `column` of the template `name`: at the site's file (or the built-in
/// name), with the line's text.
fn at_template(
    theme: &Theme,
    name: &str,
    line: usize,
    column: usize,
    message: impl Into<String>,
) -> Diagnostic {
    let line = line.max(1);
    let d = Diagnostic::at(file_of(theme, name), line, message).column(column);
    match theme
        .templates
        .get(name)
        .and_then(|t| t.text.lines().nth(line - 1))
    {
        Some(text) => d.snippet(text),
        None => d,
    }
}

/// The errors of loading the templates: a syntax error, or each unknown template or component
/// a template names (which Tera gives as one text of reports: each becomes a diagnostic at its
/// file, line and column).
fn template_diagnostics(e: &tera::Error, theme: &Theme) -> crate::diag::Diagnostics {
    let mut all = crate::diag::Diagnostics::new();
    let ErrorKind::Msg(text) = e.kind() else {
        all.push(template_diagnostic(e, theme, None));
        return all;
    };
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let at = lines
            .peek()
            .and_then(|l| l.trim_start().strip_prefix("--> "))
            .and_then(|spot| {
                let mut parts = spot.rsplitn(3, ':');
                let column = parts.next()?.parse::<usize>().ok()?;
                let line = parts.next()?.parse::<usize>().ok()?;
                Some((parts.next()?.to_string(), line, column))
            });
        let d = match at {
            Some((name, line, column)) => at_template(theme, &name, line, column, message),
            None => Diagnostic::file("templates", message),
        };
        all.push(d);
    }
    if all.is_empty() {
        all.push(template_diagnostic(e, theme, None));
    }
    all
}

/// Where a Tera error is and what it says, in one line: `file:line:column: message`, or
/// which template is missing (with the nearest name).
fn error_spot(e: &tera::Error, theme: &Theme) -> String {
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            format!(
                "{}:{}:{}: {}",
                file_of(theme, r.filename()),
                span.start_line,
                span.start_col + 1,
                r.message()
            )
        }
        ErrorKind::TemplateNotFound(name) => {
            let known: Vec<&str> = theme.templates.keys().map(String::as_str).collect();
            let hint = crate::diag::did_you_mean(name, known)
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!("template `{name}` not found{hint}")
        }
        _ => e.to_string(),
    }
}

/// The site's file of the template `name` (`templates/x.html`), or the built-in name.
fn file_of(theme: &Theme, name: &str) -> String {
    theme
        .templates
        .get(name)
        .map_or_else(|| name.to_string(), |t| t.file.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Audience;
    use crate::site::{plan, testkit};

    /// The errors of building the templates with `text` as the site's `templates/page.html`.
    fn errors_of(text: &str) -> crate::diag::Diagnostics {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let mut theme = Theme::builtin();
        theme.templates.insert(
            "page.html".into(),
            super::super::theme::TemplateSource {
                text: text.to_string().into(),
                file: "templates/page.html".into(),
            },
        );
        let Err(Error::Invalid(errors)) = build(&theme, &c, &site) else {
            panic!("expected template errors");
        };
        errors
    }

    #[test]
    fn syntax_errors_name_the_site_file_and_line() {
        let errors = errors_of("line one\n{% if %}\n");
        let d = errors.iter().next().expect("one error");
        assert_eq!(
            (d.file.to_str(), d.line),
            (Some("templates/page.html"), Some(2))
        );
        assert_eq!(d.snippet.as_deref(), Some("{% if %}"));
    }

    #[test]
    fn each_unknown_include_and_component_is_an_error_at_its_line() {
        let errors = errors_of("one\n{% include \"nope.html\" %}\n{{ <nocomp/> }}\n");
        let found: Vec<_> = errors
            .iter()
            .map(|d| (d.file.to_str().unwrap_or(""), d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "templates/page.html",
                    Some(2),
                    "Unknown template `nope.html`"
                ),
                ("templates/page.html", Some(3), "Unknown component `nocomp`"),
            ]
        );
    }

    #[test]
    fn colours_must_be_hex() {
        use crate::config::is_hex_colour;
        assert!(is_hex_colour("#1a2B3c"));
        assert!(!is_hex_colour("red;}body{display:none"));
        assert!(!is_hex_colour("#12345"));
    }

    #[test]
    fn a_logo_must_name_a_static_file() {
        let mut theme = Theme::builtin();
        theme
            .assets
            .insert("img/logo.svg".into(), std::borrow::Cow::Borrowed(b"<svg/>"));
        assert_eq!(logo(&theme, Some("/img/logo.svg")), Some("img/logo.svg"));
        assert_eq!(
            logo(&theme, Some("static/img/logo.svg")),
            Some("img/logo.svg")
        );
        assert_eq!(logo(&theme, None), None);
        assert_eq!(logo(&theme, Some("img/logo.svgg")), None);
        let mut config = crate::config::Config::default();
        assert!(check_logo(&theme, &config).is_ok());
        config.branding.logo = Some("img/logo.svg".into());
        assert!(check_logo(&theme, &config).is_ok());
        config.branding.logo = Some("img/logo.svgg".into());
        let Err(Error::Invalid(d)) = check_logo(&theme, &config) else {
            panic!("a missing logo is an input error");
        };
        let d = d.iter().next().expect("one diagnostic");
        assert!(d.message.contains("`img/logo.svgg`"), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("did you mean `img/logo.svg`?"));
    }

    #[test]
    fn fill_filter_fills_translations_and_escapes() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let mut theme = Theme::builtin();
        theme.templates.insert(
            "page.html".into(),
            super::super::theme::TemplateSource {
                text:
                    "{{ t.words.year | fill(n=n) }}/{{ t.label.gap_value | fill(metric=m, n=1) }}"
                        .into(),
                file: "templates/page.html".into(),
            },
        );
        let tera = build(&theme, &c, &site).expect("builds");
        let mut ctx = Context::new();
        ctx.insert("n", &3);
        ctx.insert("m", "<b>");
        let out = tera.render("page.html", &ctx).expect("renders");
        assert!(out.starts_with("3 years/&lt;b&gt;: {group}"), "{out}");
    }
}
