//! `candor.toml` of arbitrary bytes: parsed, taxonomy extensions applied.
#![no_main]

use candor::load::parse_config;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_site.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(src) = common::source("candor.toml", data) else {
        return;
    };
    let n = common::lines(&src);
    let mut errors = Vec::new();
    let (config, taxonomy) = parse_config(&src, &mut errors);
    common::check("fuzz input", &errors, Some(n));
    let complete = config.is_some() && taxonomy.is_some();
    assert_eq!(complete, errors.is_empty(), "{errors:?}");
});
