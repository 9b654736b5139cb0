//! An inventory CSV of arbitrary bytes: loaded, then linked against the fideslang taxonomy.
#![no_main]

use candor::load::inventory::load_inventory;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_site.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(src) = common::source("content/inventory/fuzz.csv", data) else {
        return;
    };
    let n = common::lines(&src);
    let mut errors = Vec::new();
    let rows = load_inventory(&src, &mut errors);
    common::check("fuzz input", &errors, Some(n));
    let mut site = common::empty_site();
    site.inventory = rows;
    common::keep(&mut site, src);
    if let Err(ds) = candor::link::link(site) {
        let ds: Vec<_> = ds.into_iter().collect();
        common::check("fuzz input", &ds, Some(n));
    }
});
