//! The article as one standalone HTML file, styled like the reading view.

use crate::sanitize::{escape_attr, escape_text};
use crate::Article;

/// The reading view's stylesheet, inlined so the file needs nothing else (its comments
/// taken out by `build.rs`).
const ARTICLE_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/article.css"));

/// No scripts and no fetches but images, whatever `content_html` holds: a second lock behind
/// the sanitiser. `base-uri`/`form-action` do not fall back to `default-src`, so they are set.
const CSP: &str = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; \
                   base-uri 'none'; form-action 'none'";

pub(crate) fn document(article: &Article) -> String {
    let mut out = String::with_capacity(ARTICLE_CSS.len() + article.content_html.len() + 2048);
    out.push_str("<!DOCTYPE html>\n<html");
    if let Some(lang) = super::language(article) {
        attr(&mut out, "lang", &lang);
    }
    if let Some(dir) = super::direction(article) {
        attr(&mut out, "dir", dir);
    }
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    // Our constant, with nothing in it to escape.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(CSP);
    out.push_str("\">\n");
    // Opening the saved file must not tell the article's site (or anyone) where it is.
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Quiet Page\">\n");
    let title = super::meta(&article.title);
    out.push_str("<title>");
    escape_text(title.as_deref().unwrap_or("Article"), &mut out);
    out.push_str("</title>\n<style>\n");
    // The stylesheet is ours, but a `</style` in it would end the element early: refuse it
    // at compile time rather than escape it (CSS has no escape that survives HTML parsing).
    const _: () = assert!(!contains_ascii_ci(ARTICLE_CSS.as_bytes(), b"</style"));
    out.push_str(ARTICLE_CSS);
    out.push_str("</style>\n</head>\n<body>\n<article class=\"qp-article\">\n");

    out.push_str("<header class=\"qp-header\">\n");
    if let Some(title) = &title {
        out.push_str("<h1 class=\"qp-title\">");
        escape_text(title, &mut out);
        out.push_str("</h1>\n");
    }
    let mut items = Vec::new();
    if let Some(byline) = super::meta(&article.byline) {
        items.push(span("qp-byline", &byline));
    }
    if let Some(site) = super::shown_site(article) {
        items.push(span("qp-site", &site));
    }
    if let Some(date) = super::display_date(article) {
        let mut time = String::from("<time class=\"qp-date\"");
        if let Some(published) = super::meta(&article.published) {
            attr(&mut time, "datetime", &published);
        }
        time.push('>');
        escape_text(&date, &mut time);
        time.push_str("</time>");
        items.push(time);
    }
    if article.reading_minutes > 0 {
        items.push(span(
            "qp-reading-time",
            &format!("{} min read", article.reading_minutes),
        ));
    }
    if !items.is_empty() {
        out.push_str("<p class=\"qp-meta\">");
        out.push_str(&items.join(" "));
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n<div class=\"qp-content\">\n");
    out.push_str(&super::content_with_lead(article));
    out.push_str("\n</div>\n");
    if let Some(url) = super::source_url(article) {
        out.push_str("<footer class=\"qp-source\">Source: <a");
        attr(&mut out, "href", &url);
        out.push_str(" rel=\"noopener noreferrer\">");
        escape_text(&url, &mut out);
        out.push_str("</a></footer>\n");
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_attr(value, out);
    out.push('"');
}

fn span(class: &str, text: &str) -> String {
    let mut s = format!("<span class=\"{class}\">");
    escape_text(text, &mut s);
    s.push_str("</span>");
    s
}

const fn contains_ascii_ci(haystack: &[u8], needle: &[u8]) -> bool {
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        let mut j = 0;
        while j < needle.len() && haystack[i + j].eq_ignore_ascii_case(&needle[j]) {
            j += 1;
        }
        if j == needle.len() {
            return true;
        }
        i += 1;
    }
    false
}
