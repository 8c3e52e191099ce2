//! `extract` on any text: it may refuse the page, never panic. An article it returns also
//! goes through the exporters that put its fields into templates, since those run on the
//! same hostile input one step later.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quietpage::{export, extract, Options};

fuzz_target!(|data: &[u8]| {
    // Lossy, not `from_utf8`: rejecting invalid UTF-8 would waste most byte-level mutations.
    let html = String::from_utf8_lossy(data);
    if let Ok(article) = extract(
        &html,
        Some("http://fakehost/test/page.html"),
        &Options::default(),
    ) {
        let _ = export::to_html_document(&article);
        let _ = export::to_markdown(&article);
    }
});
