//! URL resolution for links and images. STUB: being written (hand-written resolver, see helper).

/// An absolute URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    serialized: String,
}

impl Url {
    /// Parses an absolute URL; `None` when it is relative or malformed.
    pub fn parse(s: &str) -> Option<Url> {
        let s = s.trim();
        if s.contains("://") {
            Some(Url {
                serialized: s.to_string(),
            })
        } else {
            None
        }
    }
    /// Resolves `href` against this URL (RFC 3986 / WHATWG semantics).
    pub fn join(&self, href: &str) -> Option<Url> {
        Url::parse(href).or_else(|| Some(self.clone()))
    }
    pub fn as_str(&self) -> &str {
        &self.serialized
    }
    pub fn scheme(&self) -> &str {
        self.serialized.split(':').next().unwrap_or("")
    }
    pub fn host(&self) -> &str {
        ""
    }
}
