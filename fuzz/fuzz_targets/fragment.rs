//! The sanitiser alone: any fragment, with and without a base URL to resolve against.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quietpage::sanitize;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    // The first byte picks whether links resolve against a base, so both paths get fuzzed
    // without a second target.
    let base = match data.first() {
        Some(b) if b & 1 == 1 => Some("http://fakehost/test/page.html"),
        _ => None,
    };
    let _ = sanitize::fragment(&html, base);
});
