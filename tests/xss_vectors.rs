//! Every payload of `../shared/security/xss-vectors.json` (DOMPurify's hostile snippets), in
//! many places of an article, must come out with nothing executable.
//!
//! The checker re-parses the output with lol_html and judges it with its own tables, written
//! for this test and stricter than the sanitiser's (it knows nothing of `sanitize.rs`): every
//! element and attribute must be on its list, every URL of a scheme a reader may follow, ids
//! prefixed, MathML only in the MathML namespace, nothing in the SVG namespace, and the markup
//! balanced. Raw-text checks on the serialised string back it up.
//!
//! Skips (with a message) when the shared corpus is not checked out next to the repository.

mod support;

use quietpage::sanitize::fragment;
use std::cell::RefCell;
use support::{check_url, xss_vectors};

const BASE: &str = "http://fakehost/test/page.html";

/// Article-level places a payload can land in.
const PLACES: &[(&str, &str)] = &[
    ("alone", "{}"),
    ("paragraph", "<p>Before the payload, {} and after it.</p>"),
    (
        "caption",
        "<figure><img src=\"photo.jpg\" alt=\"A photo\"><figcaption>{}</figcaption></figure>",
    ),
    ("link", "<p><a href=\"/more\">{}</a></p>"),
    (
        "cell",
        "<table><tbody><tr><th>Name</th><td>{}</td></tr></tbody></table>",
    ),
    ("heading", "<h2>{}</h2><p>Body.</p>"),
    ("list", "<ul><li>one</li><li>{}</li></ul>"),
    ("quote", "<blockquote><p>{}</p></blockquote>"),
    (
        "math",
        "<math><mrow><mi>x</mi><mtext>{}</mtext></mrow></math>",
    ),
    ("pre", "<pre><code class=\"language-html\">{}</code></pre>"),
    ("attribute", "<p title=\"{}\">text</p>"),
];

#[test]
fn fragments_hold_nothing_executable() {
    let Some(vectors) = xss_vectors() else { return };
    let mut failures = Vec::new();
    for (title, payload) in &vectors {
        for (place, template) in PLACES {
            let html = template.replace("{}", payload);
            for base in [Some(BASE), None] {
                let out = fragment(&html, base);
                if let Err(e) = check(&out) {
                    failures.push(format!(
                        "{title:?} in {place} (base {base:?}): {e}\n  output: {out}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sanitising_twice_changes_nothing() {
    let Some(vectors) = xss_vectors() else { return };
    let mut failures = Vec::new();
    for (title, payload) in &vectors {
        let once = fragment(payload, Some(BASE));
        let twice = fragment(&once, Some(BASE));
        if once != twice {
            failures.push(format!("{title:?}:\n  once:  {once}\n  twice: {twice}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} not idempotent:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A realistic page: the payload in body text, a caption, the `<title>`, the author meta and
/// JSON-LD. Whatever the pipeline keeps must pass the same checker.
fn article_page(payload: &str) -> String {
    let para = "The committee met on Tuesday to weigh the proposal, which would extend the \
                reading room's hours through the winter, add two staff positions and fund a \
                programme of evening talks. Members spoke at length about the budget, the \
                condition of the building and the needs of students, retirees and families \
                who rely on the space, and agreed to publish the figures before the next vote.";
    let attr = payload
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let json = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": payload,
        "author": {"@type": "Person", "name": payload},
        "datePublished": "2024-03-05T10:00:00Z",
    })
    .to_string()
    .replace("</", "<\\/");
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Library hours {payload}</title>\
         <meta name=\"author\" content=\"{attr}\"><meta property=\"og:title\" content=\"{attr}\">\
         <script type=\"application/ld+json\">{json}</script></head><body>\
         <header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\
         <main><article><h1>Library hours to be extended</h1>\
         <p>{para}</p><p>{para}</p><p>A resident said: {payload}</p><p>{para}</p>\
         <figure><img src=\"/img/library.jpg\" alt=\"The library\"><figcaption>{payload}</figcaption></figure>\
         <p>{para}</p><p>{para}</p></article></main>\
         <footer><p>Copyright 2024</p></footer></body></html>"
    )
}

fn check_extracted(strict_math: bool) {
    let Some(vectors) = xss_vectors() else { return };
    let options = quietpage::Options::default();
    let mut failures = Vec::new();
    for (title, payload) in &vectors {
        match quietpage::extract(&article_page(payload), Some(BASE), &options) {
            Ok(article) => {
                if let Err(e) = check_with(&article.content_html, strict_math) {
                    failures.push(format!(
                        "{title:?}: {e}\n  content_html: {}",
                        article.content_html
                    ));
                }
                if !article.text.contains("The committee met on Tuesday") {
                    failures.push(format!("{title:?}: the article text was lost"));
                }
            }
            Err(e) => failures.push(format!("{title:?}: extract failed: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn extracted_articles_hold_nothing_executable() {
    check_extracted(false);
}

/// The pipeline's emitter writes HTML elements inside `<math>` for three mXSS vectors (not
/// executable: every element and attribute is allowlisted); it passes once the emitter applies
/// `sanitize::in_context` as `Writer` does.
#[test]
fn extracted_articles_keep_mathml_structure() {
    check_extracted(true);
}

// ---------------------------------------------------------------------------------------------
// The checker.

const HTML_TAGS: &[&str] = &[
    "p",
    "h1",
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
    "kbd",
    "samp",
    "var",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "br",
    "hr",
    "a",
    "img",
    "picture",
    "source",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
    "abbr",
    "cite",
    "dfn",
    "time",
    "details",
    "summary",
    "ruby",
    "rt",
    "rp",
    "wbr",
    "bdi",
    "bdo",
    "span",
    "div",
    "math",
];

const VOID: &[&str] = &["br", "hr", "img", "wbr", "col", "source"];

fn attribute_allowed(tag: &str, name: &str, mathml: bool) -> bool {
    if matches!(name, "lang" | "dir" | "title" | "id") {
        return true;
    }
    if mathml {
        // Presentation attributes only: lower-case words, nothing that links or acts.
        return name.bytes().all(|c| c.is_ascii_lowercase())
            && !name.starts_with("on")
            && !matches!(
                name,
                "href" | "src" | "actiontype" | "style" | "xmlns" | "definitionurl" | "selection"
            );
    }
    matches!(
        (tag, name),
        ("a", "href")
            | (
                "img",
                "src" | "srcset" | "sizes" | "alt" | "width" | "height"
            )
            | ("source", "srcset" | "sizes" | "type" | "media")
            | ("td" | "th", "colspan" | "rowspan" | "headers")
            | ("th", "scope" | "abbr")
            | ("col" | "colgroup", "span")
            | ("ol", "start" | "reversed" | "type")
            | ("li", "value")
            | ("blockquote" | "q" | "del" | "ins", "cite")
            | ("del" | "ins" | "time", "datetime")
            | ("details", "open")
            | ("code" | "pre", "class")
            | ("math", "display")
    )
}

/// Decodes the escapes a sanitised attribute may hold; any other `&` is a failure.
fn attribute_value(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let (c, len) = [
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&lt;", '<'),
            ("&gt;", '>'),
        ]
        .iter()
        .find(|(e, _)| after.starts_with(e))
        .map(|(e, c)| (*c, e.len()))
        .ok_or_else(|| format!("unexpected character reference in {raw:?}"))?;
        out.push(c);
        rest = &after[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `javascript:`, `vbscript:` and `data:text` are judged where they could act, in URL
/// attributes (see `check_url`); as text, in a `title` or inside a relative path they are inert.
fn check(out: &str) -> Result<(), String> {
    check_with(out, true)
}

/// `strict_math`: also require MathML elements inside `math` only, and nothing else in it.
fn check_with(out: &str, strict_math: bool) -> Result<(), String> {
    let lower = out.to_ascii_lowercase();
    for bad in [
        "<script",
        "<style",
        "<iframe",
        "<frame",
        "<object",
        "<embed",
        "<applet",
        "<form",
        "<input",
        "<button",
        "<select",
        "<option",
        "<textarea",
        "<base",
        "<meta",
        "<link",
        "<svg",
        "<animate",
        "<set ",
        "<set>",
        "<use ",
        "<use>",
        "<template",
        "<noscript",
        "<noembed",
        "<noframes",
        "<title",
        "<xmp",
        "<plaintext",
        "<listing",
        "<!--",
        "<![cdata[",
        "<?",
        "<!",
        "<image",
        "<foreignobject",
        "<maction",
        "<annotation-xml",
        "<mglyph",
    ] {
        if lower.contains(bad) {
            return Err(format!("contains {bad:?}"));
        }
    }
    check_balanced(out, strict_math)?;
    check_parsed(out)
}

/// Every tag is `<name ...>` or `</name>`, properly nested, and `<`/`>` appear nowhere else;
/// inside `math` there are only MathML elements, and MathML elements only inside `math`.
fn check_balanced(out: &str, strict_math: bool) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = out;
    while let Some(lt) = rest.find(['<', '>']) {
        if rest.as_bytes()[lt] == b'>' {
            return Err("a stray `>`".into());
        }
        let tag_end = rest[lt..].find('>').ok_or("an unterminated tag")? + lt;
        let tag = &rest[lt + 1..tag_end];
        if tag.contains('<') {
            return Err(format!("`<` inside a tag: {tag:?}"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            let name = tag.split(' ').next().unwrap_or("");
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
            {
                return Err(format!("odd tag {tag:?}"));
            }
            let in_math = stack.contains(&"math");
            if strict_math && name != "math" && support::MATHML_TAGS.contains(&name) != in_math {
                return Err(format!(
                    "<{name}> {} math",
                    if in_math { "inside" } else { "outside" }
                ));
            }
            if !VOID.contains(&name) {
                stack.push(name);
            }
        }
        rest = &rest[tag_end + 1..];
    }
    match stack.last() {
        Some(open) => Err(format!("<{open}> never closed")),
        None => Ok(()),
    }
}

/// Re-parses the output as a browser would tokenize it and judges every element.
fn check_parsed(out: &str) -> Result<(), String> {
    let problems = RefCell::new(Vec::<String>::new());
    let result = lol_html::rewrite_str(
        out,
        lol_html::RewriteStrSettings::new()
            .append_element_content_handler(lol_html::element!("*", |el| {
                let tag = el.tag_name();
                let ns = el.namespace_uri();
                // lol_html reports MathML token elements (`mi`, `mtext`...) in the HTML
                // namespace; `check_balanced` makes sure MathML names appear only inside `math`.
                let mathml = support::MATHML_TAGS.contains(&tag.as_str());
                let mut p = problems.borrow_mut();
                let in_mathml_ns = ns == "http://www.w3.org/1998/Math/MathML";
                if ns == "http://www.w3.org/2000/svg"
                    || (in_mathml_ns && !mathml)
                    || !(mathml || HTML_TAGS.contains(&tag.as_str()))
                {
                    p.push(format!("element <{tag}> in {ns}"));
                }
                for a in el.attributes() {
                    let name = a.name();
                    let raw = a.value();
                    if name.starts_with("on") || !attribute_allowed(&tag, &name, mathml) {
                        p.push(format!("attribute {name} on <{tag}>"));
                        continue;
                    }
                    let value = match attribute_value(&raw) {
                        Ok(v) => v,
                        Err(e) => {
                            p.push(e);
                            continue;
                        }
                    };
                    let urls: Vec<&str> = match name.as_str() {
                        "href" | "src" | "cite" => vec![value.as_str()],
                        "srcset" => value
                            .split(',')
                            .filter_map(|c| c.split_ascii_whitespace().next())
                            .collect(),
                        _ => vec![],
                    };
                    for u in urls {
                        if let Err(e) = check_url(&name, u) {
                            p.push(e);
                        }
                    }
                    if name == "id" && !value.starts_with("qp-") {
                        p.push(format!("unprefixed id {value:?}"));
                    }
                    if name == "href"
                        && value.starts_with('#')
                        && value.len() > 1
                        && !value.starts_with("#qp-")
                    {
                        p.push(format!("in-page link to an unprefixed id: {value:?}"));
                    }
                    if name == "class" && !value.starts_with("language-") {
                        p.push(format!("class {value:?}"));
                    }
                }
                Ok(())
            }))
            .append_document_content_handler(lol_html::doc_comments!(|_| {
                problems.borrow_mut().push("a comment".into());
                Ok(())
            })),
    );
    if let Err(e) = result {
        return Err(format!("output does not re-parse: {e}"));
    }
    let p = problems.into_inner();
    if p.is_empty() {
        Ok(())
    } else {
        Err(p.join("; "))
    }
}

#[test]
fn the_checker_catches_what_it_should() {
    for bad in [
        "<script>alert(1)</script>",
        "<p onclick=\"x\">a</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" java&#x09;script:x\">x</a>",
        "<a href=\"java\tscript:x\">x</a>",
        "<img src=\"data:image/svg+xml,x\">",
        "<img src=\"data:text/html,x\">",
        "<p style=\"x\">a</p>",
        "<svg></svg>",
        "<math><maction actiontype=\"x\">a</maction></math>",
        "<math><mi href=\"http://x\">a</mi></math>",
        "<p>a",
        "<b><i>a</b></i>",
        "<img name=\"x\" src=\"a.png\">",
        "<p id=\"x\">a</p>",
        "<a href=\"vbscript:x\">a</a>",
        "<p>a<!-- c --></p>",
        "<div><iframe src=\"http://x\"></iframe></div>",
        "<a href=\"#x\">a</a>",
    ] {
        assert!(check(bad).is_err(), "the checker let through {bad:?}");
    }
    for good in [
        "<p>javascript:alert(1) as text &lt;script&gt;</p>",
        "<a href=\"http://fakehost/test/%E2%80%A8javascript:alert(1)\">x</a>",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"a\">",
        "<math><mi mathvariant=\"bold\">x</mi></math>",
        "<a href=\"#qp-n1\" id=\"qp-r1\">1</a>",
        "<p title=\"javascript:alert(2)\">x</p>",
    ] {
        assert_eq!(check(good), Ok(()), "{good:?}");
    }
}
