//! The native renderer gives Tera's bytes for every page it renders, on every site of the
//! repository, for both audiences, in both languages, with and without the optional parts of
//! the layout (changes, generated-on date).

use std::path::Path;

use super::*;
use crate::config::Audience;
use crate::render::tera_env;
use crate::site::audit::SiteAudit;
use crate::site::changes::SiteChanges;
use crate::site::views::{self, Ctx};

/// Renders every page of the site at `root` both ways; returns how many pages of each native
/// kind (by [`slot`]) were compared.
fn compare(
    root: &Path,
    audience: Audience,
    language: Option<&str>,
    extras: bool,
) -> [usize; SLOTS] {
    let theme = Theme::load(root).expect("a valid theme");
    compare_in(root, &theme, audience, language, extras)
}

/// [`compare`] with long lists split every `per_page` entries.
fn compare_paged(
    root: &Path,
    audience: Audience,
    language: Option<&str>,
    extras: bool,
    per_page: usize,
) -> [usize; SLOTS] {
    let theme = Theme::load(root).expect("a valid theme");
    compare_with(root, &theme, audience, language, extras, per_page)
}

/// [`compare`] with `theme`; pages in the site's own layout are compared too.
pub(super) fn compare_in(
    root: &Path,
    theme: &Theme,
    audience: Audience,
    language: Option<&str>,
    extras: bool,
) -> [usize; SLOTS] {
    let per_page = crate::site::paging::PER_PAGE;
    compare_with(root, theme, audience, language, extras, per_page)
}

/// [`compare_in`] with long lists split every `per_page` entries.
fn compare_with(
    root: &Path,
    theme: &Theme,
    audience: Audience,
    language: Option<&str>,
    extras: bool,
    per_page: usize,
) -> [usize; SLOTS] {
    let mut catalog = crate::load_catalog(root).expect("a valid site");
    if let Some(l) = language {
        catalog.config.language = Some(l.to_string());
    }
    let today = jiff::civil::date(2026, 11, 29);
    let (audit, reviews) = crate::pipeline::audit_for_build(&catalog, today).expect("audits");
    let diff = crate::diff::compare(&catalog, &catalog, audience, crate::diff::Labels::Names);
    let mut site = crate::site::plan_paged(&catalog, audience, per_page);
    if audience == Audience::Internal {
        site = site.with_audit(SiteAudit::new(&catalog, &audit, reviews));
    }
    if extras {
        site.generated_on = Some(today);
        site = site.with_changes(SiteChanges::new(
            Some(&diff),
            crate::site::history::History::new(audience),
            jiff::Timestamp::UNIX_EPOCH,
            "test",
            10,
        ));
    }
    let tera = tera_env::build(theme, &catalog, &site).expect("templates");
    let native = Native::new(
        theme,
        &tera,
        tera_env::globals(theme, &catalog, &site),
        site.lang,
    );
    let svgs: Vec<String> = site
        .charts
        .iter()
        .map(super::super::charts::render_svg)
        .collect();
    let ctx = Ctx {
        catalog: &catalog,
        site: &site,
        svgs: &svgs,
    };
    let mut counts = [0; SLOTS];
    // Dates vary by page, so pages share a cached layout with some and not with others.
    let dates = [Some("2026-01-02"), None, Some("2025-12-31")];
    for (n, page) in site.pages.iter().enumerate() {
        let (title, view) = views::build(ctx, page);
        let section = page.kind.section();
        let updated = dates[n % dates.len()];
        if let Some(i) = slot(&page.kind) {
            assert_eq!(ROOTS[i], page.kind.template());
        }
        let mode = native.mode(&page.kind, &view);
        if mode == Mode::Tera {
            continue;
        }
        let Some(shell) = native.shell(&view, &title, &page.path, section, updated) else {
            assert_ne!(
                mode,
                Mode::Native,
                "the built-in layout frames {}",
                page.path
            );
            continue;
        };
        let mut bytes = Vec::new();
        native
            .write(&view, &page.path, &shell, &mut bytes)
            .expect("writes");
        let ours = String::from_utf8(bytes).expect("UTF-8");
        let context =
            tera_env::page_context(&view, &title, &page.path, section, updated).expect("ctx");
        let teras = tera
            .render(page.kind.template(), &context)
            .expect("renders");
        if ours != teras {
            let at = ours
                .bytes()
                .zip(teras.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(ours.len().min(teras.len()));
            let from = at.saturating_sub(200);
            panic!(
                "{} ({audience:?}, {language:?}) differs at byte {at}:\n--- native ---\n{}\n--- tera ---\n{}",
                page.path,
                &ours[from..(at + 200).min(ours.len())],
                &teras[from..(at + 200).min(teras.len())]
            );
        }
        if let Some(i) = slot(&page.kind) {
            counts[i] += 1;
        }
    }
    counts
}

pub(super) fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn native_matches_tera_on_the_demo() {
    for audience in [Audience::Public, Audience::Internal] {
        for language in [None, Some("de")] {
            for extras in [false, true] {
                let counts = compare(&repo(""), audience, language, extras);
                assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
            }
        }
    }
}

#[test]
fn native_matches_tera_on_the_test_sites() {
    for site in [
        "tests/fixtures/site",
        "tests/fixtures/leaky",
        "tests/fixtures/audit/everything",
        "tests/fixtures/audit/clean",
        "tests/fixtures/substance",
        "tests/fixtures/models-audit",
    ] {
        for audience in [Audience::Public, Audience::Internal] {
            let counts = compare(&repo(site), audience, None, false);
            assert!(counts[0] > 0 && counts[7] > 0, "{site}: {counts:?}");
        }
    }
}

/// Model cards with and without every optional part (status, version, metrics with and
/// without a confidence interval, group or dataset, risks with and without a mitigation, an
/// internal-only input, extra and internal fields, Markdown that needs sanitising).
#[test]
fn native_matches_tera_on_the_model_cases() {
    for audience in [Audience::Public, Audience::Internal] {
        for language in [None, Some("de")] {
            let counts = compare(&repo("tests/fixtures/models"), audience, language, false);
            assert_eq!(counts[7..], [4, 1], "{counts:?}");
        }
    }
}

#[test]
fn native_matches_tera_on_a_bare_site() {
    // No registers, no models, no contact: the empty branches of every template.
    let dir = tempfile::tempdir().expect("temp dir");
    let inventory = dir.path().join("content/inventory");
    std::fs::create_dir_all(&inventory).expect("mkdir");
    std::fs::write(dir.path().join("candor.toml"), "title = \"Bare\"\n").expect("write");
    std::fs::write(
        inventory.join("a.csv"),
        "element,name,category,purpose,why\nemail,Email,user.contact.email,essential,To reply.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("content/retention.csv"),
        "id,name,duration\nunused,Unused,P30D\n",
    )
    .expect("write");
    for audience in [Audience::Public, Audience::Internal] {
        let counts = compare(dir.path(), audience, None, false);
        // Retention, recipients, systems; no model page; the empty models index.
        assert_eq!(counts[4..], [1, 1, 1, 0, 1], "{counts:?}");
    }
}

/// Element pages that evidence confirms ("Confirmed by the Bearer scan of …"), both audiences.
#[test]
fn native_matches_tera_on_the_evidence_site() {
    for audience in [Audience::Public, Audience::Internal] {
        for language in [None, Some("de")] {
            let counts = compare(&repo("tests/fixtures/evidence"), audience, language, false);
            assert!(counts[0] > 0, "{counts:?}");
        }
    }
}

/// Long lists split into pages (here every 2 entries) render the same both ways, pager and all.
#[test]
fn native_matches_tera_on_paged_lists() {
    for audience in [Audience::Public, Audience::Internal] {
        for language in [None, Some("de")] {
            let counts = compare_paged(&repo(""), audience, language, false, 2);
            // Several pages each of the retention, sharing, storage and models pages; the data
            // index is one page, an overview of the categories.
            assert!(
                counts[1] == 1 && counts[4] > 2 && counts[5] > 2 && counts[6] > 1 && counts[8] > 1,
                "{counts:?}"
            );
        }
    }
}
