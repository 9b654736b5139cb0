//! The same arbitrary bytes as retention.csv, systems.csv and recipients.csv, then linked.
#![no_main]

use candor::load::registers::{load_recipients, load_retention, load_systems};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_site.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let mut site = common::empty_site();
    let mut errors = Vec::new();
    let mut max = 1;
    if let Some(src) = common::source("content/retention.csv", data) {
        max = common::lines(&src);
        site.retention = load_retention(&src, &mut errors);
        common::keep(&mut site, src);
    }
    if let Some(src) = common::source("content/systems.csv", data) {
        site.systems = load_systems(&src, &mut errors);
        common::keep(&mut site, src);
    }
    if let Some(src) = common::source("content/recipients.csv", data) {
        site.recipients = load_recipients(&src, &mut errors);
        common::keep(&mut site, src);
    }
    common::check("fuzz input", &errors, Some(max));
    if let Err(ds) = candor::link::link(site) {
        let ds: Vec<_> = ds.into_iter().collect();
        common::check("fuzz input", &ds, Some(max));
    }
});
