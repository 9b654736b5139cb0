//! `candor build`: load, link, audit, plan, render, then publish the output atomically.
//! [`build_files`] is everything but the publish, shared with `candor serve`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use jiff::civil::Date;

use crate::cli::BuildArgs;
use crate::config::Audience;
use crate::diag::Error;
use crate::diff::{compare, Diff, Labels};
use crate::link::Catalog;
use crate::progress::Progress;
use crate::render::{self, OutputFile, Theme};
use crate::site::audit::SiteAudit;
use crate::site::changes::{feed_time, SiteChanges};
use crate::site::history::{self, History};
use crate::{load_catalog, site, write};

/// What a build needs besides the site folder.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Default: `audience` in candor.toml.
    pub audience: Option<Audience>,
    /// Overrides `base_url` of candor.toml.
    pub base_url: Option<String>,
    /// `--today`; else `SOURCE_DATE_EPOCH`, else the clock's date.
    pub today: Option<Date>,
    /// The previous version, for the "What changed" page and feed.
    pub previous: Option<PathBuf>,
    /// The change history to continue (`changes.json` of a previous build).
    pub history: Option<PathBuf>,
    /// `history` is the output folder's own file, not named on the command line: one written
    /// by an internal build is left out of a public build instead of refused.
    pub history_implicit: bool,
    /// Change sets the history keeps; default [`history::DEFAULT_KEEP`].
    pub keep_changes: Option<usize>,
    /// `--git-dates`: "Last updated" also from the last commit touching each page's sources.
    pub git_dates: bool,
    /// Refuse `audience = "internal"` taken from candor.toml alone: a plain `candor build`
    /// writes to `public/`, and one line in a pull request must not publish internal data.
    pub refuse_config_internal: bool,
}

/// The files of a build, in memory, and who they are for.
#[derive(Debug)]
pub struct Built {
    pub files: Vec<OutputFile>,
    pub audience: Audience,
}

pub fn run(args: &BuildArgs) -> Result<ExitCode, Error> {
    let started = Instant::now();
    let root = &args.root.root;
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
    let options = Options {
        audience: args.audience,
        base_url: args.base_url.clone(),
        today: args.today,
        previous: args.previous.clone(),
        history: args.history.clone().or_else(|| published_history(&output)),
        history_implicit: args.history.is_none(),
        keep_changes: Some(args.keep_changes),
        git_dates: args.git_dates,
        refuse_config_internal: args.output.is_none(),
    };
    let progress = Progress::start();
    let mut inputs = vec![root.as_path()];
    inputs.extend(args.previous.as_deref());
    write::check_placement(&output, &inputs)?;
    // Pages go to the staging directory as they render: the site is never held in memory.
    let mut done = None;
    write::publish_with(&output, |staging| {
        done = Some(build_into(root, &options, &progress, staging)?);
        Ok(())
    })?;
    drop(progress);
    let Some((audience, render::Rendered { pages, charts })) = done else {
        return Err(Error::Usage("the build wrote nothing".to_string()));
    };
    if audience == Audience::Internal {
        crate::note!(
            "WARNING: INTERNAL build: {} holds internal data (owners, notes, internal rows, the audit); do not publish it",
            output.display()
        );
    }
    crate::note!(
        "Built {pages} pages and {charts} charts for the {} audience into {} in {:.2} s",
        audience_name(audience),
        output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
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

/// [`build_files`], handing each file to `sink` as soon as it is rendered.
pub fn build_into(
    root: &Path,
    options: &Options,
    progress: &Progress,
    sink: &render::Sink,
) -> Result<(Audience, render::Rendered), Error> {
    progress.stage("loading", 0);
    let mut catalog = load_catalog(root)?;
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
    // The audit runs on every build; findings never fail it, and only an internal build
    // shows them (`with_audit` leaves a public plan as it is).
    let today = crate::today::today(options.today)?;
    progress.stage("auditing", 0);
    let (audit, reviews) = {
        let _clear = progress.hold(); // the audit prints its summary line
        super::check::audit_for_build(root, &catalog, today)?
    };
    if options.previous.is_some() {
        progress.stage("comparing with the previous version", 0);
    }
    let diff = match &options.previous {
        Some(old_root) => Some(changes_since(old_root, &catalog, &audit, audience, today)?),
        None => None,
    };
    let history = match &options.history {
        Some(file) if options.history_implicit => {
            let h = history::read(file, file, Audience::Internal)?;
            (h.audience == audience || audience == Audience::Internal).then_some(h)
        }
        Some(file) => Some(history::read(file, file, audience)?),
        None => None,
    };
    let mut plan = site::plan(&catalog, audience);
    plan.generated_on = crate::today::source_date()?;
    plan.updated = site::freshness::Updated::new(&catalog, &plan);
    if options.git_dates {
        plan.updated.git = git_dates(root, &catalog);
    }
    if audience == Audience::Internal {
        plan = plan.with_audit(SiteAudit::new(&catalog, &audit, reviews));
    }
    if diff.is_some() || history.is_some() {
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
        plan = plan.with_changes(SiteChanges::new(
            diff.as_ref(),
            history.unwrap_or_else(|| History::new(audience)),
            feed_time(options.today, epoch.as_deref(), jiff::Timestamp::now),
            site::feed::identity(&catalog),
            options.keep_changes.unwrap_or(history::DEFAULT_KEEP),
        ));
    }
    progress.stage("rendering", plan.charts.len() + plan.pages.len());
    let rendered = render::render_into(
        &plan,
        &catalog,
        &theme,
        render::charts::render_svg,
        Some(progress.counter()),
        sink,
    )?;
    Ok((audience, rendered))
}

/// The changes from the site at `old_root` to `catalog`, as `audience` may see them; with the
/// audit findings introduced and resolved on an internal build.
fn changes_since(
    old_root: &Path,
    catalog: &Catalog,
    audit: &crate::audit::Audit,
    audience: Audience,
    today: Date,
) -> Result<Diff, Error> {
    let under = super::diff::under;
    let old = load_catalog(old_root).map_err(|d| Error::Invalid(under(old_root, d)))?;
    let diff = compare(&old, catalog, audience, Labels::Names);
    if audience != Audience::Internal {
        return Ok(diff);
    }
    let old_audit = match super::check::audit_site(old_root, &old, today) {
        Ok((_, a)) => a,
        Err(Error::Invalid(d)) => return Err(Error::Invalid(under(old_root, d))),
        Err(e) => return Err(e),
    };
    Ok(diff.with_findings(&old_audit, audit))
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

/// `changes.json` in the output folder of the previous build, when candor wrote that folder
/// (it has candor's marker file): the history a build continues by default.
fn published_history(output: &Path) -> Option<PathBuf> {
    let is_file = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_file());
    let file = output.join(history::FILE);
    (is_file(&output.join(write::MARKER)) && is_file(&file)).then_some(file)
}

fn audience_name(a: Audience) -> &'static str {
    match a {
        Audience::Public => "public",
        Audience::Internal => "internal",
    }
}
