//! The article as an EPUB 3 book of one chapter, valid under epubcheck.
//!
//! Layout: `mimetype` (first, stored), `META-INF/container.xml`, and under `EPUB/` the package
//! document, the navigation document, the chapter and a stylesheet. Images stay remote, as
//! links (see [`super::xhtml`]): EPUB 3 lets only audio and video be remote resources.

use super::xhtml::{self, attr, text};
use crate::Article;

const CONTAINER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"#;

/// A small stylesheet of its own rather than the reading view's: reading systems apply their
/// own themes and fonts, and an e-book's CSS should only say what the content is.
const STYLESHEET: &str = "\
body { line-height: 1.5; }
h1.title { margin-bottom: 0.3em; }
p.meta { margin-top: 0; font-size: 0.9em; font-style: italic; }
p.source { margin-top: 2em; font-size: 0.85em; }
pre { white-space: pre-wrap; font-size: 0.85em; }
blockquote { margin-left: 1em; padding-left: 1em; border-left: 2px solid #999; }
figcaption { font-size: 0.9em; font-style: italic; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
";

pub(crate) fn book(article: &Article, modified: &str) -> Vec<u8> {
    let title = super::meta(&article.title).unwrap_or_else(|| "Article".to_owned());
    // "und" is BCP 47 for an undetermined language: valid, and honest.
    let lang = super::language(article).unwrap_or_else(|| "und".to_owned());
    let dir = super::direction(article);
    let (body, headings) = xhtml::fragment(&super::dom::parse(&super::content_with_lead(article)));

    let mut zip = super::zip::Writer::new();
    zip.add("mimetype", b"application/epub+zip");
    zip.add("META-INF/container.xml", CONTAINER.as_bytes());
    zip.add(
        "EPUB/package.opf",
        // Text is escaped, so only a formula the writer made can open a `<math` element.
        package(
            article,
            &title,
            &lang,
            dir,
            modified,
            body.contains("<math xmlns="),
        )
        .as_bytes(),
    );
    zip.add(
        "EPUB/nav.xhtml",
        nav(&title, &lang, dir, &headings).as_bytes(),
    );
    zip.add(
        "EPUB/content.xhtml",
        chapter(article, &title, &lang, dir, &body).as_bytes(),
    );
    zip.add("EPUB/style.css", STYLESHEET.as_bytes());
    zip.finish()
}

/// The book's identifier: a version-5 UUID of the URL and title, so exporting the same
/// article twice gives the same book (reading systems then replace rather than duplicate it).
fn identifier(article: &Article, title: &str) -> String {
    let name = match super::meta(&article.url) {
        Some(url) => format!("{url}\n{title}"),
        None => format!("{title}\n{}", article.text),
    };
    super::sha1::uuid_v5_url(&name)
}

fn package(
    article: &Article,
    title: &str,
    lang: &str,
    dir: Option<&str>,
    modified: &str,
    mathml: bool,
) -> String {
    let mut opf = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\"",
    );
    attr(&mut opf, "xml:lang", lang);
    if let Some(dir) = dir {
        attr(&mut opf, "dir", dir);
    }
    opf.push_str(">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    element(
        &mut opf,
        "dc:identifier id=\"uid\"",
        "dc:identifier",
        &identifier(article, title),
    );
    element(&mut opf, "dc:title", "dc:title", title);
    element(&mut opf, "dc:language", "dc:language", lang);
    if let Some(byline) = super::meta(&article.byline) {
        element(&mut opf, "dc:creator", "dc:creator", &byline);
    }
    if let Some(site) = super::meta(&article.site_name) {
        element(&mut opf, "dc:publisher", "dc:publisher", &site);
    }
    // dc:date must be W3CDTF: only a real calendar date is given.
    if let Some((y, m, d)) = super::meta(&article.published)
        .as_deref()
        .and_then(super::date::iso_date)
    {
        element(
            &mut opf,
            "dc:date",
            "dc:date",
            &format!("{y:04}-{m:02}-{d:02}"),
        );
    }
    if let Some(url) = super::source_url(article) {
        element(&mut opf, "dc:source", "dc:source", &xhtml::strict_uri(&url));
    }
    if let Some(excerpt) = super::meta(&article.excerpt) {
        element(&mut opf, "dc:description", "dc:description", &excerpt);
    }
    element(
        &mut opf,
        "meta property=\"dcterms:modified\"",
        "meta",
        &super::date::epub_stamp(modified),
    );
    opf.push_str(
        "  </metadata>\n  <manifest>\n\
         \x20   <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n\
         \x20   <item id=\"content\" href=\"content.xhtml\" media-type=\"application/xhtml+xml\"",
    );
    // EPUB 3 asks a content document with MathML to say so.
    if mathml {
        opf.push_str(" properties=\"mathml\"");
    }
    opf.push_str(
        "/>\n\
         \x20   <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n\
         \x20 </manifest>\n  <spine",
    );
    if dir == Some("rtl") {
        opf.push_str(" page-progression-direction=\"rtl\"");
    }
    opf.push_str(">\n    <itemref idref=\"content\"/>\n  </spine>\n</package>\n");
    opf
}

fn element(out: &mut String, open: &str, close: &str, value: &str) {
    out.push_str("    <");
    out.push_str(open);
    out.push('>');
    text(value, out);
    out.push_str("</");
    out.push_str(close);
    out.push_str(">\n");
}

/// The XHTML prologue up to and including `<body>`.
fn head(out: &mut String, title: &str, lang: &str, dir: Option<&str>) {
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"",
    );
    attr(out, "xml:lang", lang);
    attr(out, "lang", lang);
    if let Some(dir) = dir {
        attr(out, "dir", dir);
    }
    out.push_str(">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
    text(title, out);
    out.push_str(
        "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n",
    );
}

fn nav(title: &str, lang: &str, dir: Option<&str>, headings: &[xhtml::Heading]) -> String {
    let mut out = String::new();
    head(&mut out, title, lang, dir);
    out.push_str("<nav epub:type=\"toc\" id=\"toc\">\n<h1>");
    text(title, &mut out);
    out.push_str("</h1>\n<ol>\n<li><a href=\"content.xhtml\">");
    text(title, &mut out);
    out.push_str("</a>");
    // The article's sections, at the level of its top-most headings.
    let top = headings
        .iter()
        .filter(|h| !h.text.is_empty())
        .map(|h| h.level)
        .min();
    let sections: Vec<&xhtml::Heading> = headings
        .iter()
        .filter(|h| Some(h.level) == top && !h.text.is_empty())
        .collect();
    if !sections.is_empty() {
        out.push_str("\n<ol>\n");
        for h in sections {
            out.push_str("<li><a");
            attr(&mut out, "href", &format!("content.xhtml#{}", h.id));
            out.push('>');
            text(&h.text, &mut out);
            out.push_str("</a></li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</li>\n</ol>\n</nav>\n</body>\n</html>\n");
    out
}

fn chapter(article: &Article, title: &str, lang: &str, dir: Option<&str>, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    head(&mut out, title, lang, dir);
    out.push_str("<h1 class=\"title\">");
    text(title, &mut out);
    out.push_str("</h1>\n");
    if let Some(line) = super::byline_line(article) {
        out.push_str("<p class=\"meta\">");
        text(&line, &mut out);
        out.push_str("</p>\n");
    }
    out.push_str("<div>\n");
    out.push_str(body);
    out.push_str("\n</div>\n");
    if let Some(url) = super::source_url(article) {
        out.push_str("<p class=\"source\"><a");
        attr(&mut out, "href", &xhtml::strict_uri(&url));
        out.push('>');
        text(&url, &mut out);
        out.push_str("</a></p>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
