//! `extract_bytes` on raw bytes: charset sniffing (BOM, `<meta charset>`, http-equiv) and
//! decoding come first, then the same pipeline as `extract`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quietpage::{extract_bytes, Options};

fuzz_target!(|data: &[u8]| {
    let _ = extract_bytes(
        data,
        Some("http://fakehost/test/page.html"),
        &Options::default(),
    );
});
