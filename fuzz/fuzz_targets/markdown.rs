//! Arbitrary Markdown rendered for a page, then checked for anything unsafe.
//! The property lives in `tests/common/fuzz_props.rs`, which `cargo test` checks too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_props.rs"]
mod fuzz_props;

fuzz_target!(|data: &[u8]| fuzz_props::markdown(data));
