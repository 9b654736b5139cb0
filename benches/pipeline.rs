//! Micro-benchmarks of the pipeline stages on a synthetic site (10,000 elements by default):
//! `cargo bench --bench pipeline [-- ELEMENTS [RUNS]]`. Prints the median and fastest time of
//! each stage: load, link, audit, plan, render (pages in memory) and the whole build.
//!
//! A `harness = false` bench timed with `std::time`: no dependency to build (divan and criterion
//! each add a dependency tree and minutes of compile time on the shared 2-core machine), and
//! each stage runs for hundreds of milliseconds, so the timer's resolution does not matter.
//! Instruction counts: run the bench binary under `valgrind --tool=callgrind`.

#[allow(dead_code)]
#[path = "../examples/gen_site/main.rs"]
mod gen_site;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use candor::config::Audience;
use candor::pipeline::{self, Clock, Options};
use candor::progress::Progress;
use candor::{audit, link, load, render, site};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let dir = std::env::temp_dir().join(format!("candor-bench-{n}-{}", std::process::id()));
    gen_site::generate(n, &dir).expect("generate the synthetic site");
    run(&dir, n, runs);
    let _ = std::fs::remove_dir_all(&dir);
}

fn run(root: &Path, n: usize, runs: usize) {
    println!("{n} elements, median (fastest) of {runs} runs");
    let (raw, _) = load::load(root);
    let catalog = pipeline::load(root).expect("a valid site");
    let today = jiff::civil::date(2026, 11, 29);
    let (settings, _) = pipeline::audit_site(&catalog, today).expect("valid [audit]");
    let options = Options::new(Clock::fixed(today));
    let theme = render::Theme::load(root).expect("the built-in theme");
    let plan = site::plan(&catalog, Audience::Public);

    stage("load", runs, || load::load(root));
    stage("link", runs, || link::link(raw.clone()).is_ok());
    stage("audit", runs, || audit::audit(&catalog, &settings, today));
    stage("plan", runs, || {
        site::plan(&catalog, Audience::Public).pages.len()
    });
    stage("render", runs, || {
        render::render(&plan, &catalog, &theme).map(|f| f.len())
    });
    stage("build", runs, || {
        pipeline::build_files(root, &options, &Progress::new(false)).map(|b| b.files.len())
    });
}

/// Times `f` `runs` times after one warm-up run and prints the median and the fastest.
fn stage<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) {
    black_box(f());
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:>8}: {:>9.1} ms ({:.1} ms)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
}
