//! The floor: one lol_html pass with no handlers at all, fed the way the core feeds it.
//!
//! Shared by the criterion bench and the side-by-side bench crate (`bench/`), which includes
//! this file by path. It is what any lol_html-based extractor pays before doing anything:
//! lol_html still tokenises the page (its tag scanner) and copies it to the output sink.

use lol_html::{HtmlRewriter, Settings};

/// Streams `html` through a handler-less rewriter; returns the bytes that came out, so the
/// pass cannot be optimised away.
pub fn lol_html_pass(html: &str) -> usize {
    let mut out = 0usize;
    let mut rewriter = HtmlRewriter::new(Settings::new(), |chunk: &[u8]| out += chunk.len());
    // The same 64 KiB slices the core feeds (src/stages/stream.rs).
    for piece in html.as_bytes().chunks(64 * 1024) {
        if rewriter.write(piece).is_err() {
            return 0;
        }
    }
    if rewriter.end().is_err() {
        return 0;
    }
    out
}

/// One lol_html pass subscribed to what the core's passes subscribe to (every start tag)
/// with a handler that does nothing: the cost of being shown every element, which the core
/// pays twice (collect, and emit over the article's range). The core reads text and end tags
/// from the page itself (src/stages/between.rs); asking lol_html for them would cost more
/// than this whole pass. The gap between this and [`lol_html_pass`] is lol_html's full
/// tokeniser on every start tag and its per-element work, which the handler-less pass skips.
pub fn lol_html_handlers_pass(html: &str) -> usize {
    use lol_html::html_content::Element;
    use lol_html::{ElementContentHandlers, Selector};
    use std::borrow::Cow;
    use std::cell::Cell;

    let seen = Cell::new(0usize);
    let Ok(any) = "*".parse::<Selector>() else {
        return 0;
    };
    let on_element = |el: &mut Element<'_, '_>| {
        seen.set(seen.get() + usize::from(el.can_have_content()) + 1);
        Ok(())
    };
    let settings = Settings::new()
        .append_element_content_handler((
            Cow::Owned(any),
            ElementContentHandlers::default().element(on_element),
        ))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    for piece in html.as_bytes().chunks(64 * 1024) {
        if rewriter.write(piece).is_err() {
            return 0;
        }
    }
    if rewriter.end().is_err() {
        return 0;
    }
    seen.get()
}
