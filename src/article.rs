//! What extraction returns: the article and an account of what was taken away.

use serde::Serialize;

/// The clean article. Every string is plain text except `content_html`, which is a sanitised
/// HTML fragment (allowlisted elements and attributes, absolute URLs, nothing executable).
///
/// The extension's exports hand the article it shows back to the core (`src/wasm.rs` reads it).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601 when the page says when it was published.
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    /// `ltr` or `rtl` when the page declares it.
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    /// Absolute URL of the article's main image.
    pub lead_image: Option<String>,
    /// The lead picture's caption, when the page set the picture with its caption above the
    /// article (see `stages::lead`); the caption of a picture inside is in the content.
    pub lead_caption: Option<String>,
    /// The page's canonical URL (or the URL it was fetched from).
    pub url: Option<String>,
    pub content_html: String,
    /// The body as plain text, one blank line between blocks. No title, byline or date lines.
    pub text: String,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub removed: Removed,
}

/// How many things of each kind were taken out of the page, for the view's "Removed: …" line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub navigation: u32,
    pub footer: u32,
    pub paywall: u32,
    pub signin: u32,
    pub cookie: u32,
    pub share: u32,
    pub related: u32,
    pub ads: u32,
    pub comments: u32,
    pub hidden: u32,
}

/// The kinds counted in [`Removed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovedKind {
    Navigation,
    Footer,
    Paywall,
    Signin,
    Cookie,
    Share,
    Related,
    Ads,
    Comments,
    Hidden,
}

impl Removed {
    pub fn add(&mut self, kind: RemovedKind) {
        let slot = match kind {
            RemovedKind::Navigation => &mut self.navigation,
            RemovedKind::Footer => &mut self.footer,
            RemovedKind::Paywall => &mut self.paywall,
            RemovedKind::Signin => &mut self.signin,
            RemovedKind::Cookie => &mut self.cookie,
            RemovedKind::Share => &mut self.share,
            RemovedKind::Related => &mut self.related,
            RemovedKind::Ads => &mut self.ads,
            RemovedKind::Comments => &mut self.comments,
            RemovedKind::Hidden => &mut self.hidden,
        };
        *slot = slot.saturating_add(1);
    }

    pub fn total(&self) -> u32 {
        [
            self.navigation,
            self.footer,
            self.paywall,
            self.signin,
            self.cookie,
            self.share,
            self.related,
            self.ads,
            self.comments,
            self.hidden,
        ]
        .iter()
        .sum()
    }
}
