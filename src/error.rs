//! Why a page was refused. Each message is meant to be shown to a reader as it is.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is larger than `Options::max_input_bytes`.
    TooLarge { size: usize, limit: usize },
    /// The input does not look like an HTML document (binary data, JSON, an image...).
    NotHtml,
    /// The page parsed, but nothing on it reads like an article.
    NoArticle,
    /// Parsing needed more memory than `Options::max_memory_bytes` allows.
    MemoryLimit { limit: usize },
    /// A per-site selector could not be used (bad syntax, or a feature lol_html lacks).
    InvalidSelector { selector: String, reason: String },
    /// The parser gave up for another reason.
    Parse(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { size, limit } => write!(
                f,
                "the page is too large to read ({} MB; the limit is {} MB)",
                size / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            Error::NotHtml => f.write_str("this is not an HTML page"),
            Error::NoArticle => f.write_str("no article was found on this page"),
            Error::MemoryLimit { limit } => write!(
                f,
                "the page needs more memory than the {} MB limit allows",
                limit / (1024 * 1024)
            ),
            Error::InvalidSelector { selector, reason } => {
                write!(f, "the selector `{selector}` cannot be used: {reason}")
            }
            Error::Parse(msg) => write!(f, "the page could not be parsed: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
