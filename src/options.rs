//! What a caller can change about one extraction.

use crate::Error;

/// Per-call settings. `Default` is what the extension and the CLI use unless told otherwise.
/// The extension hands them over as a plain object (`src/wasm.rs` reads it).
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone, Default)]
pub struct SiteRule {
    /// CSS selector of the element holding the article; when it matches, scoring is skipped.
    pub content: Option<String>,
    /// CSS selectors of elements to remove from the article.
    pub remove: Vec<String>,
}

/// Compiles one selector of a site rule, or says in a reader's words why it cannot be used.
///
/// The core matches selectors while streaming (lol_html), which rules out everything that
/// needs to look ahead or sideways: sibling combinators, `:has()`, `:last-child` and the like.
/// The options page checks each selector with this before saving it, so a rule that is
/// accepted there is one the extraction can apply.
pub fn check_selector(selector: &str) -> Result<lol_html::Selector, Error> {
    use lol_html::errors::SelectorError as E;
    selector.parse().map_err(|e: E| {
        let reason = match e {
            E::UnsupportedCombinator(c) => format!(
                "the `{c}` combinator is not supported (use `a b` for a descendant or `a > b` for a child)"
            ),
            E::UnsupportedPseudoClassOrElement => "only the pseudo-classes :not(), :first-child, \
                :nth-child(), :first-of-type and :nth-of-type() are supported"
                .to_string(),
            E::EmptySelector => "it is empty".to_string(),
            E::NamespacedSelector => "namespaces are not supported".to_string(),
            other => {
                let text = other.to_string();
                text.trim_end_matches('.').to_lowercase()
            }
        };
        Error::InvalidSelector {
            selector: selector.to_string(),
            reason,
        }
    })
}
