//! `candor build`: load, link, audit, plan, render, then publish the output atomically.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::diag::Error;
use crate::render::{self, Theme};
use crate::site::audit::SiteAudit;
use crate::{load_catalog, site, write};

pub fn run(args: &BuildArgs) -> Result<ExitCode, Error> {
    let started = Instant::now();
    let root = &args.root.root;
    let mut catalog = load_catalog(root)?;
    if let Some(url) = &args.base_url {
        catalog.config.base_url = url.clone();
    }
    let audience = args.audience.unwrap_or(catalog.config.audience);
    let theme = Theme::load(root)?;
    // The audit runs on every build; findings never fail it, and only an internal build
    // shows them (`with_audit` leaves a public plan as it is).
    let today = crate::today::today(args.today)?;
    let (audit, reviews) = super::check::audit_for_build(root, &catalog, today)?;
    let mut plan = site::plan(&catalog, audience);
    plan.generated_on = crate::today::source_date()?;
    if audience == crate::config::Audience::Internal {
        plan = plan.with_audit(SiteAudit::new(&catalog, &audit, reviews));
    }
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
    // Pages go to disk as they are rendered: the site is never held in memory as a whole.
    let mut rendered = None;
    write::publish_with(&output, |staging| {
        let sink = |path: &std::path::Path, bytes: &[u8]| staging.write(path, bytes);
        rendered = Some(render::render_into(
            &plan,
            &catalog,
            &theme,
            render::charts::render_svg,
            &sink,
        )?);
        Ok(())
    })?;
    let render::Rendered { pages, charts } = rendered.unwrap_or(render::Rendered {
        pages: 0,
        charts: 0,
    });
    eprintln!(
        "Built {pages} pages and {charts} charts for the {} audience into {} in {:.2} s",
        audience_name(audience),
        output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn audience_name(a: crate::config::Audience) -> &'static str {
    match a {
        crate::config::Audience::Public => "public",
        crate::config::Audience::Internal => "internal",
    }
}
