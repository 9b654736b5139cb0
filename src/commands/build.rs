//! `candor build`: runs the pipeline ([`crate::pipeline::build_into`]) into a staging
//! directory and publishes it atomically; prints where and what it built.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::config::Audience;
use crate::diag::Error;
use crate::pipeline::{build_into, Clock, Options};
use crate::progress::Progress;
use crate::{render, write};

pub fn run(args: &BuildArgs) -> Result<ExitCode, Error> {
    let started = Instant::now();
    let root = &args.root.root;
    let options = Options {
        audience: args.audience,
        base_url: args.base_url.clone(),
        clock: Clock::from_env(args.today)?,
        previous: args.previous.clone(),
        refuse_config_internal: args.output.is_none(),
        evidence: Vec::new(),
    };
    let progress = Progress::start();
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
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

fn audience_name(a: Audience) -> &'static str {
    match a {
        Audience::Public => "public",
        Audience::Internal => "internal",
    }
}
