//! `candor build`: runs the pipeline ([`crate::pipeline::build_into`]) into a staging
//! directory and publishes it atomically; prints where and what it built.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::config::Audience;
use crate::diag::Error;
use crate::pipeline::{build_into, Clock, Options};
use crate::progress::Progress;
use crate::site::history;
use crate::{render, write};

pub fn run(args: &BuildArgs) -> Result<ExitCode, Error> {
    let started = Instant::now();
    let root = &args.root.root;
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
    let options = Options {
        audience: args.audience,
        base_url: args.base_url.clone(),
        clock: Clock::from_env(args.today)?,
        previous: args.previous.clone(),
        history: args.history.clone().or_else(|| published_history(&output)),
        history_implicit: args.history.is_none(),
        keep_changes: Some(args.keep_changes),
        git_dates: args.git_dates,
        refuse_config_internal: args.output.is_none(),
        evidence: Vec::new(),
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
