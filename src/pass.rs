//! The one way the crate runs lol_html: every pass only reads, its handlers noting what they
//! see (the collect pass, the emit pass's fallback, the sanitiser, `export::dom`, `eval`).
//! lol_html's parser is generic over its output sink: one named sink keeps one copy of the
//! parser in the WebAssembly module, where each closure (and `rewrite_str`'s own) made
//! another: 15 KB of the gzipped module.

use lol_html::errors::RewritingError;
use lol_html::{HtmlRewriter, Settings};

/// The output of every lol_html pass in the crate.
pub fn discard(_: &[u8]) {}

/// One reading pass of lol_html over `html` with `settings`' handlers, its output discarded.
/// An error leaves what the handlers saw before it.
pub fn read_only<'h, 's>(
    html: &str,
    settings: impl Into<Settings<'h, 's>>,
) -> Result<(), RewritingError> {
    let mut rewriter = HtmlRewriter::new(settings.into(), discard);
    rewriter.write(html.as_bytes())?;
    rewriter.end()
}
