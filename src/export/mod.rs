//! Exporters: an [`Article`] as Markdown, a standalone HTML file, plain text or EPUB 3, and a
//! safe file name for each.
//!
//! Every exporter treats the article as hostile: metadata is escaped for its format, and
//! `content_html`, though sanitised by the core, is re-read through [`dom`] and written out
//! element by element (Markdown, EPUB) or wrapped in a strict CSP (HTML).

pub(crate) mod date;
pub(crate) mod dom;
mod epub;
mod filename;
mod html;
mod markdown;
mod math;
mod sha1;
mod text;
mod xhtml;
mod zip;

use crate::Article;

/// One standalone HTML5 file: the reading view's stylesheet inline, a CSP that allows no
/// script and no fetch but images, the header (title, byline, site, date, reading time), the
/// article and a link to its source.
pub fn to_html_document(article: &Article) -> String {
    html::document(article)
}

/// CommonMark with GFM tables, behind YAML front matter (title, author, published, url, site,
/// excerpt, saved), with today's UTC date as `saved`.
pub fn to_markdown(article: &Article) -> String {
    to_markdown_at(article, &date::today())
}

/// [`to_markdown`] with the `saved` date given (an ISO 8601 date such as `2024-05-01`).
pub fn to_markdown_at(article: &Article, saved: &str) -> String {
    markdown::document(article, saved)
}

/// Plain text: the title, a line with byline, site and date, a blank line, then the body with
/// each paragraph on one line.
pub fn to_text(article: &Article) -> String {
    text::document(article)
}

/// An EPUB 3 book of one chapter, stamped as modified now.
pub fn to_epub(article: &Article) -> Vec<u8> {
    epub::book(article, &date::now())
}

/// [`to_epub`] with the modification time given, for reproducible output: an ISO 8601 date
/// (`2024-05-01`) or UTC date-time (`2024-05-01T12:30:00Z`); anything else counts as
/// 1970-01-01.
pub fn to_epub_at(article: &Article, modified: &str) -> Vec<u8> {
    epub::book(article, modified)
}

/// A file name for the article: its title made safe for every common file system (no path
/// separators, control or format characters, characters Windows reserves, reserved device
/// names, leading or trailing dots and spaces), at most 80 characters before the extension,
/// `article` when nothing is left. `ext` is appended after a dot (letters and digits only).
pub fn filename(article: &Article, ext: &str) -> String {
    filename::for_title(article.title.as_deref(), ext)
}

/// Metadata as one clean line: whitespace runs (newlines included) collapsed to one space,
/// control characters removed; `None` when nothing is left.
pub(crate) fn meta(value: &Option<String>) -> Option<String> {
    let clean = collapse(value.as_deref()?);
    (!clean.is_empty()).then_some(clean)
}

/// Collapses whitespace runs to one space, trims, and drops control characters.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Whether `url` is an absolute http(s) URL.
pub(crate) fn is_http(url: &str) -> bool {
    let url = url.trim_start();
    ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    })
}

/// The article's URL when it is http(s), the only kind worth linking back to.
pub(crate) fn source_url(article: &Article) -> Option<String> {
    meta(&article.url).filter(|u| is_http(u))
}

/// A BCP 47-shaped language tag (`en`, `pt-BR`, `zh-Hant-TW`), or `None`.
pub(crate) fn language(article: &Article) -> Option<String> {
    let lang = article.lang.as_deref()?.trim();
    let mut parts = lang.split(['-', '_']);
    let first = parts.next()?;
    let ok = (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    ok.then(|| lang.replace('_', "-"))
}

/// `ltr` or `rtl` when the article says so.
pub(crate) fn direction(article: &Article) -> Option<&'static str> {
    match article.dir.as_deref()?.trim().to_ascii_lowercase().as_str() {
        "rtl" => Some("rtl"),
        "ltr" => Some("ltr"),
        _ => None,
    }
}

/// The publication date for display: the date part of an ISO 8601 timestamp, or the value as
/// given when it is not one.
pub(crate) fn display_date(article: &Article) -> Option<String> {
    let published = meta(&article.published)?;
    Some(match date::iso_date(&published) {
        Some((y, m, d)) => format!("{y:04}-{m:02}-{d:02}"),
        None => published,
    })
}

/// The site's name for the line under the title, unless the byline already says it: a
/// story credited to the newsroom ("ABC News") would read "ABC News · ABC News".
pub(crate) fn shown_site(article: &Article) -> Option<String> {
    let site = meta(&article.site_name)?;
    let same = meta(&article.byline).is_some_and(|b| b.to_lowercase() == site.to_lowercase());
    (!same).then_some(site)
}

/// "Byline · Site · Date", from whichever of those the article has.
pub(crate) fn byline_line(article: &Article) -> Option<String> {
    let parts: Vec<String> = [
        meta(&article.byline),
        shown_site(article),
        display_date(article),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The article's content with its lead picture above it, as the reading view shows it: the
/// picture (`lead_image`) and its caption (`lead_caption`) in a `<figure>`, unless the
/// content already opens with a picture or shows this one. The reading view
/// (`extension/reader/reader.js`, `contentHasImage`) applies the same rule.
pub(crate) fn content_with_lead(article: &Article) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let content = article.content_html.as_str();
    let Some(src) = meta(&article.lead_image).filter(|s| is_http(s)) else {
        return Cow::Borrowed(content);
    };
    if shows_picture(&dom::parse(content), &src) {
        return Cow::Borrowed(content);
    }
    let mut out = String::with_capacity(content.len() + src.len() + 256);
    out.push_str("<figure class=\"qp-lead\"><img src=\"");
    crate::sanitize::escape_attr(&src, &mut out);
    out.push_str("\" alt=\"\">");
    if let Some(caption) = meta(&article.lead_caption) {
        out.push_str("<figcaption>");
        crate::sanitize::escape_text(&caption, &mut out);
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>\n");
    out.push_str(content);
    Cow::Owned(out)
}

/// Whether the content opens with a picture, or shows the picture at `src` anywhere.
fn shows_picture(root: &dom::Element, src: &str) -> bool {
    fn has(e: &dom::Element, src: &str) -> bool {
        e.elements()
            .any(|c| (c.tag == "img" && c.attr("src").map(str::trim) == Some(src)) || has(c, src))
    }
    let opens = root
        .elements()
        .next()
        .is_some_and(|e| e.is(&["figure", "img", "picture"]));
    opens || has(root, src)
}
