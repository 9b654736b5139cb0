//! A model card (and the same bytes as a free page) of arbitrary bytes, then linked.
#![no_main]

use candor::load::model_card::load_model_card;
use candor::load::pages::load_page;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_site.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let mut site = common::empty_site();
    let mut errors = Vec::new();
    let mut max = 1;
    if let Some(src) = common::source("content/models/fuzz.md", data) {
        max = common::lines(&src);
        site.models.extend(load_model_card(&src, &mut errors));
        common::keep(&mut site, src);
    }
    if let Some(src) = common::source("content/pages/fuzz.md", data) {
        site.pages.extend(load_page(&src, &mut errors));
        common::keep(&mut site, src);
    }
    common::check("fuzz input", &errors, Some(max));
    if let Err(ds) = candor::link::link(site) {
        let ds: Vec<_> = ds.into_iter().collect();
        common::check("fuzz input", &ds, Some(max));
    }
});
