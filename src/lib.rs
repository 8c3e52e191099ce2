//! Quiet Page's extraction core: a page's HTML in, the article out, without building a DOM.
//!
//! The page streams once through lol_html, which is asked for start tags only: the text and
//! end tags between two start tags are read from the page itself ([`stages::between`], by
//! lol_html's own rules), which costs less than lol_html's text and end-tag handlers.
//! 1. [`stages::collect`] records every element as a small node in a flat arena (parent, tag,
//!    class/id signals, text and link lengths, where its tags are) and gathers metadata;
//! 2. [`stages::score`] picks the article's nodes from those numbers alone;
//! 3. [`stages::emit`] reads the article's part of the page again, from the start tags the
//!    first pass kept (or by lol_html, on a page whose kept tags would outgrow it), and writes
//!    only those nodes through the allowlist [`sanitize`]r, producing `content_html` and
//!    `text` together.
//!
//! [`export`] turns an [`Article`] into files; [`wasm`] and the `quietpage` CLI are thin shells.

pub mod article;
pub mod entities;
pub mod error;
pub mod eval;
pub mod export;
pub mod input;
pub mod metadata;
pub mod options;
mod pass;
pub mod patterns;
pub mod readable;
pub mod sanitize;
pub mod stages;
mod swar;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Removed, RemovedKind};
pub use error::Error;
pub use options::{check_selector, Options, SiteRule};
pub use readable::probably_readable;

/// Extracts the article from an already-decoded page (a serialised live DOM, say).
///
/// `url` is the page's address, used to make links and images absolute; a `<base href>` in
/// the page takes precedence, as in a browser.
pub fn extract(html: &str, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    input::check(html.as_bytes(), options)?;
    stages::run(html, url, options)
}

/// Extracts the article from raw page bytes, decoding them by their BOM or declared charset
/// (`<meta charset>`, `http-equiv`), else as UTF-8 when valid, else windows-1252.
pub fn extract_bytes(bytes: &[u8], url: Option<&str>, options: &Options) -> Result<Article, Error> {
    input::check(bytes, options)?;
    let html = input::decode(bytes);
    stages::run(&html, url, options)
}
