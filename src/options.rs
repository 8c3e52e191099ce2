//! What a caller can change about one extraction.

use serde::Deserialize;

/// Per-call settings. `Default` is what the extension and the CLI use unless told otherwise.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Options {
    /// A rule a user wrote for this site.
    pub site_rule: Option<SiteRule>,
    /// Inputs above this size are refused rather than read.
    pub max_input_bytes: usize,
    /// Memory the parser may use for its buffers (lol_html `MemorySettings`).
    pub max_memory_bytes: usize,
    /// Keep images and figures in `content_html`.
    pub keep_images: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            site_rule: None,
            max_input_bytes: 64 * 1024 * 1024,
            max_memory_bytes: 16 * 1024 * 1024,
            keep_images: true,
        }
    }
}

/// A user's rule for one site: where the article is, and what else to take out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SiteRule {
    /// CSS selector of the element holding the article; when it matches, scoring is skipped.
    pub content: Option<String>,
    /// CSS selectors of elements to remove from the article.
    pub remove: Vec<String>,
}
