//! `candor serve`: builds the site into memory, serves it on 127.0.0.1, rebuilds when a source
//! file changes and reloads the open pages. A failed rebuild keeps serving the last good build,
//! with the diagnostics over it. Nothing is written to disk.

pub mod http;
pub mod inject;
pub mod paths;
pub mod pool;
pub mod state;
pub mod watch;
pub mod wire;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::diag::Error;
use crate::pipeline::{build_files, Options};

pub use state::State;

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct Serve {
    pub root: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
    pub options: Options,
}

/// Builds once, then serves and rebuilds until the process is stopped.
pub fn run(cfg: Serve) -> Result<(), Error> {
    if !cfg.root.join("candor.toml").is_file() {
        return Err(Error::Usage(format!(
            "{} has no candor.toml: point --root at a site folder (or create one with `candor init`)",
            cfg.root.display()
        )));
    }
    // Watch first: a change made while the first build runs is not missed.
    let watch = watch::Watch::start(&cfg.root)
        .map_err(|e| crate::note!("warning: not watching for changes ({e}); restart to rebuild"))
        .ok();
    let state = Arc::new(State::new());
    rebuild(&cfg.root, &cfg.options, &state);
    let listener = std::net::TcpListener::bind(("127.0.0.1", cfg.port)).map_err(|e| {
        Error::Usage(format!(
            "cannot listen on 127.0.0.1:{}: {e}. Try another --port (0 picks a free one).",
            cfg.port
        ))
    })?;
    let port = listener.local_addr().map_or(cfg.port, |a| a.port());
    crate::out::stdout(
        format!(
            "Serving {} at http://127.0.0.1:{port}/ (rebuilds on change; Ctrl+C to stop)\n",
            cfg.root.display()
        )
        .as_bytes(),
    )?;
    if let Some(watch) = watch {
        let (root, options, state) = (cfg.root.clone(), cfg.options.clone(), Arc::clone(&state));
        let watching = std::thread::Builder::new()
            .name("candor-watch".into())
            .spawn(move || watch.run(|| rebuild(&root, &options, &state)));
        if let Err(e) = watching {
            crate::note!("warning: not watching for changes ({e}); restart to rebuild");
        }
    }
    pool::serve(listener, port, state)
        .map_err(|e| Error::Usage(format!("cannot serve on 127.0.0.1:{port}: {e}")))
}

/// Builds the site and publishes the result (files or error) to `state`. A panic in the
/// build is reported like an error, so the server keeps running.
pub fn rebuild(root: &Path, options: &Options, state: &State) {
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| {
        build_files(root, options, &crate::progress::Progress::start())
    }));
    match result {
        Ok(Ok(built)) => {
            let n = built.files.len();
            let changed = state.publish(built.files);
            crate::note!(
                "built {n} files in {} ms{}",
                started.elapsed().as_millis(),
                if changed { "" } else { " (no change)" }
            );
        }
        Ok(Err(e)) => {
            let message = error_text(&e);
            crate::note!("{message}\nbuild failed: still serving the last good build");
            state.fail(message);
        }
        Err(_) => {
            let message = "internal error: the build panicked (please report this)".to_string();
            crate::note!("{message}");
            state.fail(message);
        }
    }
}

/// An error as the overlay shows it: every diagnostic with its file and line.
fn error_text(e: &Error) -> String {
    match e {
        Error::Invalid(diags) => {
            let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
            format!(
                "{}\n{} error{}",
                lines.join("\n"),
                lines.len(),
                if lines.len() == 1 { "" } else { "s" }
            )
        }
        other => other.to_string(),
    }
}
