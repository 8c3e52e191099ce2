//! The metadata side of the XSS property: every payload of `../shared/security/xss-vectors.json`
//! placed in the `<title>`, the author meta, Open Graph and JSON-LD headline/author becomes
//! `Article` fields which, put into a standalone file by `export::to_html_document`, hold
//! nothing executable.
//!
//! `tests/xss_vectors.rs` checks `content_html`; this checks the document around it, with its
//! own allowlist (written for this test, knowing nothing of `sanitize.rs` or the exporter): the
//! exporter's fixed skeleton (one `<title>`, one `<style>`, the CSP and three named `<meta>`s),
//! header items that are text only, and the article's allowlisted elements.
//!
//! Skips (with a message) when the shared corpus is not checked out next to the repository.

mod support;

use quietpage::export::to_html_document;
use quietpage::{extract, Article, Options};
use std::cell::RefCell;
use std::rc::Rc;
use support::{check_url, xss_vectors};

const BASE: &str = "http://fakehost/test/page.html";

const PARA: &str = "The committee met on Tuesday to weigh the proposal, which would extend the \
                    reading room's hours through the winter, add two staff positions and fund a \
                    programme of evening talks. Members spoke at length about the budget, the \
                    condition of the building and the needs of students, retirees and families.";

/// Where the payload goes: each variant makes a different source win for title and byline.
#[derive(Clone, Copy, Debug)]
enum Variant {
    /// `<title>` and `<meta name="author">` only.
    TitleTag,
    /// Open Graph title and site name, `<meta name="author">`.
    OpenGraph,
    /// JSON-LD headline and author (which win over everything else).
    JsonLd,
}

fn page(payload: &str, variant: Variant) -> String {
    let attr = payload
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let head = match variant {
        Variant::TitleTag => {
            format!("<title>{payload}</title><meta name=\"author\" content=\"{attr}\">")
        }
        Variant::OpenGraph => format!(
            "<title>Library hours</title><meta property=\"og:title\" content=\"{attr}\">\
             <meta property=\"og:site_name\" content=\"{attr}\">\
             <meta name=\"author\" content=\"{attr}\">"
        ),
        Variant::JsonLd => {
            let json = serde_json::json!({
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": payload,
                "author": {"@type": "Person", "name": payload},
                "publisher": {"@type": "Organization", "name": payload},
                "datePublished": payload,
            })
            .to_string()
            // As a page must write it inside <script>.
            .replace("</", "<\\/");
            format!(
                "<title>Library hours</title>\
                 <script type=\"application/ld+json\">{json}</script>"
            )
        }
    };
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head><body>\
         <main><article><h1>Library hours to be extended</h1>\
         <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></main></body></html>"
    )
}

#[test]
fn metadata_payloads_export_to_nothing_executable() {
    let Some(vectors) = xss_vectors() else { return };
    let mut failures = Vec::new();
    let mut titled = 0;
    let mut cases = 0;
    for (name, payload) in &vectors {
        for variant in [Variant::TitleTag, Variant::OpenGraph, Variant::JsonLd] {
            cases += 1;
            let article = match extract(&page(payload, variant), Some(BASE), &Options::default()) {
                Ok(a) => a,
                Err(e) => {
                    failures.push(format!("{name:?} ({variant:?}): extract failed: {e}"));
                    continue;
                }
            };
            if article.title.as_deref().is_some_and(|t| !t.is_empty()) {
                titled += 1;
            }
            let doc = to_html_document(&article);
            if let Err(e) = check_document(&doc, &article) {
                failures.push(format!(
                    "{name:?} ({variant:?}): {e}\n  title {:?} byline {:?} site {:?}",
                    article.title, article.byline, article.site_name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Not vacuous: the payloads really reached the fields that go into the template.
    assert!(
        titled * 10 >= cases * 9,
        "only {titled} of {cases} articles have a title"
    );
}

// ---------------------------------------------------------------------------------------------
// The checker.

/// Elements the article body may use (the reading view's allowlist, restated here).
const CONTENT_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "q",
    "pre",
    "code",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "small",
    "sub",
    "sup",
    "br",
    "hr",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "div",
];

/// The skeleton of an exported document and the classes it may carry.
const SKELETON: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "article", "header", "h1", "p", "span",
    "time", "div", "footer", "a",
];

/// Judges the exported document: raw-string checks first, then every element as a browser's
/// tokenizer would see it.
fn check_document(doc: &str, article: &Article) -> Result<(), String> {
    let mut lower = doc.to_ascii_lowercase();
    // The exporter's stylesheet is a constant whose comments mention tags; judge the rest.
    if let (Some(a), Some(b)) = (lower.find("<style>"), lower.find("</style>")) {
        lower.replace_range(a + "<style>".len()..b, "");
    }
    for bad in [
        "<script",
        "<iframe",
        "<frame",
        "<object",
        "<embed",
        "<svg",
        "<math",
        "<form",
        "<base",
        "<link",
        "<template",
        "<noscript",
        "<!--",
    ] {
        if lower.contains(bad) {
            return Err(format!("contains {bad:?}"));
        }
    }
    for (tag, want) in [("<title", 1), ("<style", 1), ("<meta", 5), ("<h1", 1)] {
        let n = lower.matches(tag).count();
        // The h1 is there only when the article has a title.
        if n != want && !(tag == "<h1" && n == 0 && article.title.is_none()) {
            return Err(format!("{n} × {tag} (the skeleton has {want})"));
        }
    }

    let problems = Rc::new(RefCell::new(Vec::<String>::new()));
    // The open elements, to know what is inside the header.
    let stack = Rc::new(RefCell::new(Vec::<String>::new()));
    let title_text = Rc::new(RefCell::new(String::new()));
    let (p, s, t) = (problems.clone(), stack.clone(), title_text.clone());
    let result = lol_html::rewrite_str(
        doc,
        lol_html::RewriteStrSettings::new()
            .append_element_content_handler(lol_html::element!("*", move |el| {
                let tag = el.tag_name();
                let mut p = p.borrow_mut();
                let in_header = s.borrow().iter().any(|o| o == "header");
                let in_content = s.borrow().iter().any(|o| o == "div");
                let text_only_parent = s
                    .borrow()
                    .last()
                    .is_some_and(|o| matches!(o.as_str(), "h1" | "span" | "time" | "title"));
                if text_only_parent {
                    p.push(format!("<{tag}> inside a text-only header item"));
                }
                let allowed = if in_content {
                    CONTENT_TAGS.contains(&tag.as_str())
                } else if in_header {
                    matches!(tag.as_str(), "h1" | "p" | "span" | "time")
                } else {
                    SKELETON.contains(&tag.as_str())
                };
                if !allowed {
                    p.push(format!("element <{tag}>"));
                }
                for a in el.attributes() {
                    let (name, value) = (a.name(), a.value());
                    let ok = match name.as_str() {
                        n if n.starts_with("on") => false,
                        "style" | "srcdoc" | "formaction" | "action" | "http-equiv"
                            if tag != "meta" =>
                        {
                            false
                        }
                        "href" | "src" | "cite" => check_url(&name, &value).is_ok(),
                        "srcset" => value
                            .split(',')
                            .filter_map(|c| c.split_ascii_whitespace().next())
                            .all(|u| check_url("src", u).is_ok()),
                        "class" if !in_content => value.starts_with("qp-"),
                        _ => true,
                    };
                    if !ok {
                        p.push(format!("attribute {name}={value:?} on <{tag}>"));
                    }
                }
                if tag == "meta" {
                    let named = el.get_attribute("name");
                    let equiv = el.get_attribute("http-equiv");
                    let fine = el.get_attribute("charset").is_some_and(|c| c == "utf-8")
                        || named
                            .as_deref()
                            .is_some_and(|n| matches!(n, "referrer" | "viewport" | "generator"))
                        || (equiv.as_deref() == Some("Content-Security-Policy")
                            && el
                                .get_attribute("content")
                                .is_some_and(|c| c.starts_with("default-src 'none';")));
                    if !fine
                        || equiv
                            .as_deref()
                            .is_some_and(|e| e.eq_ignore_ascii_case("refresh"))
                    {
                        p.push("a <meta> outside the skeleton".to_string());
                    }
                }
                drop(p);
                if el.can_have_content() {
                    s.borrow_mut().push(tag);
                    let s = s.clone();
                    el.on_end_tag(lol_html::end_tag!(move |_| {
                        s.borrow_mut().pop();
                        Ok(())
                    }))?;
                }
                Ok(())
            }))
            .append_element_content_handler(lol_html::text!("title", move |chunk| {
                t.borrow_mut().push_str(chunk.as_str());
                Ok(())
            })),
    );
    if let Err(e) = result {
        return Err(format!("the document does not re-parse: {e}"));
    }
    // The title element holds the title as escaped text, nothing else.
    let raw = title_text.borrow();
    if raw.contains('<') || raw.contains('>') {
        return Err(format!("unescaped markup in <title>: {raw:?}"));
    }
    let p = problems.borrow();
    if p.is_empty() {
        Ok(())
    } else {
        Err(p.join("; "))
    }
}

#[test]
fn the_checker_catches_what_it_should() {
    let article = Article {
        title: Some("T".into()),
        ..Article::default()
    };
    let good = to_html_document(&article);
    assert_eq!(check_document(&good, &article), Ok(()));
    for (from, to) in [
        (
            "<title>T</title>",
            "<title>T</title><script>alert(1)</script>",
        ),
        (
            "<title>T</title>",
            "<title>T</title><meta http-equiv=\"refresh\" content=\"0\">",
        ),
        (
            "<h1 class=\"qp-title\">T</h1>",
            "<h1 class=\"qp-title\"><img src=x onerror=alert(1)></h1>",
        ),
        (
            "<h1 class=\"qp-title\">T</h1>",
            "<h1 class=\"qp-title\" onclick=\"x\">T</h1>",
        ),
        (
            "<h1 class=\"qp-title\">T</h1>",
            "<h1 class=\"qp-title\"><a href=\"javascript:x\">T</a></h1>",
        ),
        (
            "<title>T</title>",
            "<title>T</title><base href=\"http://evil/\">",
        ),
        (
            "<h1 class=\"qp-title\">T</h1>",
            "<h1 class=\"qp-title\">T</h1><iframe></iframe>",
        ),
        (
            "<h1 class=\"qp-title\">T</h1>",
            "<h1 class=\"qp-title\">T</h1><p class=\"x\" style=\"y\">a</p>",
        ),
    ] {
        assert!(
            good.contains(from),
            "the skeleton changed: {from:?} is gone"
        );
        let bad = good.replacen(from, to, 1);
        assert!(
            check_document(&bad, &article).is_err(),
            "the checker let through {to:?}"
        );
    }
}
