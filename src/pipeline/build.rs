//! A build: the stages up to the audit ([`prepare`], shared with [`super::validate`]), then
//! the plan of the site and its render into a sink.

use std::path::{Path, PathBuf};

use crate::audit::{Audit, Settings};
use crate::config::Audience;
use crate::diag::Error;
use crate::diff::{compare, Diff, Labels};
use crate::model::Catalog;
use crate::progress::Progress;
use crate::render::{self, OutputFile, Theme};
use crate::site::audit::SiteAudit;
use crate::site::changes::SiteChanges;
use crate::site::history::{self, History};
use crate::site::{self, Site};

use super::{audit_site, audit_under, load_under, Clock, REVIEW_HORIZON_DAYS};

/// What a build needs besides the site folder.
#[derive(Debug, Clone)]
pub struct Options {
    /// Default: `audience` in candor.toml.
    pub audience: Option<Audience>,
    /// Overrides `base_url` of candor.toml.
    pub base_url: Option<String>,
    /// The run's dates, resolved once.
    pub clock: Clock,
    /// The previous version, for the "What changed" page and feed.
    pub previous: Option<PathBuf>,
    /// Refuse `audience = "internal"` taken from candor.toml alone: a plain `candor build`
    /// writes to `public/`, and one line in a pull request must not publish internal data.
    pub refuse_config_internal: bool,
    /// Extra scanner reports named on the command line (`check --evidence`), which may lie
    /// outside the site because the command line names them.
    pub evidence: Vec<PathBuf>,
    /// The change history to continue (`changes.json` of a previous build).
    pub history: Option<PathBuf>,
    /// `history` is the output folder's own file, not named on the command line: one written
    /// by an internal build is left out of a public build instead of refused.
    pub history_implicit: bool,
    /// Change sets the history keeps; default [`history::DEFAULT_KEEP`].
    pub keep_changes: Option<usize>,
    /// `--git-dates`: "Last updated" also from the last commit touching each page's sources.
    pub git_dates: bool,
}

impl Options {
    /// A build for the audience of candor.toml, on `clock`, with nothing else asked for.
    pub fn new(clock: Clock) -> Options {
        Options {
            audience: None,
            base_url: None,
            clock,
            previous: None,
            refuse_config_internal: false,
            evidence: Vec::new(),
            history: None,
            history_implicit: false,
            keep_changes: None,
            git_dates: false,
        }
    }
}

/// The files of a build, in memory, and who they are for.
#[derive(Debug)]
pub struct Built {
    pub files: Vec<OutputFile>,
    pub audience: Audience,
}

/// The site up to its audit: what a build and a check both need, found in the same order.
pub(super) struct Prepared {
    pub catalog: Catalog,
    pub theme: Theme,
    pub settings: Settings,
    pub audit: Audit,
    pub audience: Audience,
}

/// Loads and links the site, resolves the audience, loads the theme, checks the logo and
/// audits: every input check before the plan, stopping at the first stage that fails.
pub(super) fn prepare(
    root: &Path,
    options: &Options,
    progress: &Progress,
) -> Result<Prepared, Error> {
    progress.stage("loading", 0);
    let mut catalog = super::load_with(root, &options.evidence)?;
    if let Some(url) = &options.base_url {
        catalog.config.base_url = url.clone();
    }
    let audience = options.audience.unwrap_or(catalog.config.audience);
    if options.audience.is_none()
        && audience == Audience::Internal
        && options.refuse_config_internal
    {
        return Err(Error::Usage(
            "candor.toml sets audience = \"internal\", but this build has no --output, so it would write \
             internal data into the public output folder.\n\
             An internal build is asked for on the command line: \
             `candor build --audience internal --output internal-site` (and set audience = \"public\" \
             in candor.toml, or remove the line)."
                .to_string(),
        ));
    }
    let theme = Theme::load(root)?;
    render::tera_env::check_logo(&theme, &catalog.config)?;
    progress.stage("auditing", 0);
    let (settings, audit) = audit_site(&catalog, options.clock.today)?;
    Ok(Prepared {
        catalog,
        theme,
        settings,
        audit,
        audience,
    })
}

/// The plan of the site for its audience, with the audit page on an internal build (a
/// public plan never gets it) and the footer's date.
pub(super) fn plan<'a>(prepared: &'a Prepared, options: &Options) -> Site<'a> {
    let Prepared {
        catalog,
        settings,
        audit,
        audience,
        ..
    } = prepared;
    let mut plan = site::plan(catalog, *audience);
    plan.generated_on = options.clock.generated_on();
    plan.updated = site::freshness::Updated::new(catalog, &plan);
    if *audience == Audience::Internal {
        let today = options.clock.today;
        let reviews = crate::audit::reviews::reviews_due(
            catalog,
            settings.max_age_days,
            today,
            REVIEW_HORIZON_DAYS,
        );
        plan = plan.with_audit(SiteAudit::new(catalog, audit, reviews));
    }
    plan
}

/// Loads, audits, plans and renders the site at `root`; writes nothing. Long builds show
/// their stage on `progress`.
pub fn build_files(root: &Path, options: &Options, progress: &Progress) -> Result<Built, Error> {
    let mut audience = Audience::Public;
    let files = render::collect(|sink| {
        let (a, rendered) = build_into(root, options, progress, sink)?;
        audience = a;
        Ok(rendered)
    })?;
    Ok(Built { files, audience })
}

/// [`build_files`], handing each file to `sink` as soon as it is rendered. The audit's
/// one-line summary goes to standard error.
pub fn build_into(
    root: &Path,
    options: &Options,
    progress: &Progress,
    sink: &crate::sink::Sink,
) -> Result<(Audience, render::Rendered), Error> {
    let prepared = prepare(root, options, progress)?;
    {
        let _clear = progress.hold(); // the audit's summary line on a line of its own
        crate::note!(
            "audit: {} (details: candor check)",
            prepared.audit.summary()
        );
    }
    if options.previous.is_some() {
        progress.stage("comparing with the previous version", 0);
    }
    let diff = match &options.previous {
        Some(old_root) => Some(changes_since(old_root, &prepared, options.clock)?),
        None => None,
    };
    let audience = prepared.audience;
    let history = match &options.history {
        Some(file) if options.history_implicit => {
            let h = history::read(file, file, Audience::Internal)?;
            (h.audience == audience || audience == Audience::Internal).then_some(h)
        }
        Some(file) => Some(history::read(file, file, audience)?),
        None => None,
    };
    let mut plan = plan(&prepared, options);
    if options.git_dates {
        plan.updated.git = git_dates(root, &prepared.catalog);
    }
    if diff.is_some() || history.is_some() {
        plan = plan.with_changes(SiteChanges::new(
            diff.as_ref(),
            history.unwrap_or_else(|| History::new(audience)),
            options.clock.feed_time(),
            site::feed::identity(&prepared.catalog),
            options.keep_changes.unwrap_or(history::DEFAULT_KEEP),
        ));
    }
    progress.stage("rendering", plan.charts.len() + plan.pages.len());
    let rendered = render::render_into(
        &plan,
        &prepared.catalog,
        &prepared.theme,
        render::charts::render_svg,
        Some(progress.counter()),
        sink,
    )?;
    Ok((prepared.audience, rendered))
}

/// The changes from the site at `old_root` to the prepared one, as its audience may see them;
/// with the audit findings introduced and resolved on an internal build.
fn changes_since(old_root: &Path, new: &Prepared, clock: Clock) -> Result<Diff, Error> {
    let old = load_under(old_root)?;
    let diff = compare(&old, &new.catalog, new.audience, Labels::Names);
    if new.audience != Audience::Internal {
        return Ok(diff);
    }
    let old_audit = audit_under(old_root, &old, clock.today)?;
    Ok(diff.with_findings(&old_audit, &new.audit))
}

/// The last commit dates of the site's sources, or `None` (with a note saying why).
fn git_dates(root: &Path, catalog: &Catalog) -> Option<site::freshness::GitDates> {
    let files = (catalog.uses.iter().map(|u| &u.origin.file))
        .chain(catalog.models.iter().map(|m| &m.origin.file))
        .chain(catalog.pages.iter().map(|p| &p.origin.file));
    match site::git::dates(root, files) {
        Ok(dates) => Some(dates),
        Err(why) => {
            crate::note!("--git-dates: {why}; pages are dated by their data alone");
            None
        }
    }
}
