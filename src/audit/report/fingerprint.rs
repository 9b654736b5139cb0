//! A finding's identity for code scanning (`partialFingerprints`): the same finding keeps the
//! same fingerprint when other rows of its file are edited, added or removed, so dismissed
//! alerts stay dismissed. Made of the rule, the file and the finding's subject (element, model
//! and message) — never the line number. Hashed with 64-bit FNV-1a, which is stable across
//! platforms, Rust releases and runs (unlike `std`'s `DefaultHasher`).

use crate::audit::Finding;

/// The key under `partialFingerprints`; bump the version if the recipe ever changes.
pub const KEY: &str = "candorFinding/v1";

/// 64-bit FNV-1a of `bytes` (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The fingerprint of a finding reported at `uri`, as 16 hex digits. The parts are joined
/// with NUL, which none of them contains, so different parts never hash the same text.
pub fn fingerprint(f: &Finding, uri: &str) -> String {
    let parts = [
        f.rule,
        uri,
        f.element.as_deref().unwrap_or(""),
        f.model.as_deref().unwrap_or(""),
        &f.message,
    ];
    format!("{:016x}", fnv1a64(parts.join("\0").as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::fnv1a64;

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
