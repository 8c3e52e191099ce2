//! Helpers shared by the acceptance tests: loading fixtures, reading `content_html` the way a
//! reader's browser would, and the invariants every extracted article must keep.
//!
//! The small tokenizer here is hand-written on purpose: the well-formedness check needs the raw
//! sequence of start and end tags, which an HTML tree builder (html5ever and friends) repairs
//! silently before we could look at it. It only has to read what a sanitiser emits.
#![allow(dead_code)] // each test binary uses a different subset

use quietpage::{Article, Error, Options};
use std::path::PathBuf;

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

pub fn fixture(name: &str) -> String {
    String::from_utf8(fixture_bytes(name)).unwrap_or_else(|_| panic!("fixture {name} is not UTF-8"))
}

/// Extracts `html` with default options, insists on success, and checks the invariants every
/// article must keep whatever the page (see [`assert_article_invariants`]).
pub fn extract_ok(html: &str, url: &str) -> Article {
    extract_with(html, url, &Options::default())
}

pub fn extract_with(html: &str, url: &str, options: &Options) -> Article {
    match quietpage::extract(html, Some(url), options) {
        Ok(article) => {
            assert_article_invariants(&article);
            article
        }
        Err(e) => panic!("extraction failed: {e} ({e:?})"),
    }
}

pub fn extract_err(html: &str, url: Option<&str>, options: &Options) -> Error {
    match quietpage::extract(html, url, options) {
        Ok(article) => panic!(
            "expected a refusal, got an article titled {:?} with text {:?}",
            article.title,
            truncate(&article.text, 200)
        ),
        Err(e) => e,
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// What any article must satisfy, whatever page it came from:
/// - `content_html` is a well-formed fragment with nothing executable in it;
/// - `text` is blocks separated by exactly one blank line, with no stray whitespace;
/// - the word count and reading time agree with the text.
pub fn assert_article_invariants(article: &Article) {
    assert_well_formed(&article.content_html);
    assert_inert(&article.content_html);
    assert_text_layout(&article.text);
    assert!(
        !article.text.trim().is_empty(),
        "an article was returned with no text"
    );
    assert!(
        article.word_count > 0,
        "word_count is 0 for a non-empty article"
    );
    assert!(
        article.reading_minutes >= 1,
        "reading_minutes is 0 for a non-empty article"
    );
}

/// Blocks separated by exactly one blank line; no leading or trailing whitespace anywhere.
pub fn assert_text_layout(text: &str) {
    assert_eq!(text, text.trim(), "text has leading or trailing whitespace");
    assert!(
        !text.contains("\n\n\n"),
        "text has more than one blank line between blocks:\n{text}"
    );
    for line in text.lines() {
        assert_eq!(
            line,
            line.trim_end(),
            "text has a line with trailing whitespace: {line:?}"
        );
    }
    assert!(!text.contains('\r'), "text contains carriage returns");
}

/// Plain-text blocks of `text`, in order.
pub fn blocks(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

/// `text` is exactly `expected`, one blank line between blocks; on failure, says which block
/// differs first.
pub fn assert_text_is(text: &str, expected: &[&str]) {
    let want = expected.join("\n\n");
    if text == want {
        return;
    }
    let got = blocks(text);
    let at = got
        .iter()
        .zip(expected)
        .position(|(g, e)| g != e)
        .unwrap_or(got.len().min(expected.len()));
    panic!(
        "text differs from the article at block {at}\n  expected: {:?}\n  got:      {:?}\n\
         ({} blocks expected, {} got)\nfull text:\n{text}",
        expected.get(at),
        got.get(at),
        expected.len(),
        got.len(),
    );
}

/// Each needle occurs in `hay`, in the given order.
pub fn assert_in_order(hay: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match hay[from..].find(n) {
            Some(i) => from += i + n.len(),
            None if hay.contains(n) => panic!("{n:?} is out of order in:\n{hay}"),
            None => panic!("{n:?} is missing from:\n{hay}"),
        }
    }
}

/// The lines of `text` with any list marker ("- ", "* ", "• ", "1. ", "1) ") taken off.
pub fn unmarked_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let l = l.trim();
            let l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .or_else(|| l.strip_prefix("• "))
                .unwrap_or(l);
            let digits = l.chars().take_while(char::is_ascii_digit).count();
            if digits > 0 {
                let rest = &l[digits..];
                if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                    return r.to_string();
                }
            }
            l.to_string()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Reading content_html
// ---------------------------------------------------------------------------------------------

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// One token of an HTML fragment.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    /// Decoded character data.
    Text(String),
}

impl Token {
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Token::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Splits an HTML fragment into tags and text. Comments are skipped; `<svg>`/`<math>` contents
/// are tokenized like the rest (their elements just have foreign names).
pub fn tokenize(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let is_tag = rest.starts_with('<')
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        if let Some(end) = is_tag.then(|| tag_end(rest)).flatten() {
            out.push(parse_tag(&rest[1..end - 1]));
            rest = &rest[end..];
        } else {
            let next = rest
                .char_indices()
                .skip(1)
                .find(|&(_, c)| c == '<')
                .map_or(rest.len(), |(i, _)| i);
            out.push(Token::Text(decode_entities(&rest[..next])));
            rest = &rest[next..];
        }
    }
    out
}

/// Index just past the `>` closing the tag at the start of `s`, honouring quoted attributes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return Some(i + 1),
            None => {}
        }
    }
    None
}

fn parse_tag(inner: &str) -> Token {
    if let Some(name) = inner.strip_prefix('/') {
        return Token::End(name.trim().to_ascii_lowercase());
    }
    let self_closing = inner.trim_end().ends_with('/');
    let inner = inner.trim_end().trim_end_matches('/');
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut s = inner[name_end..].trim_start();
    while !s.is_empty() {
        let key_end = s
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(s.len());
        let key = s[..key_end].to_ascii_lowercase();
        s = s[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after_eq) = s.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (raw, rest) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after_eq[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after_eq
                        .find(|c: char| c.is_whitespace())
                        .unwrap_or(after_eq.len());
                    (&after_eq[..end], &after_eq[end..])
                }
            };
            value = decode_entities(raw);
            s = rest.trim_start();
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
    }
    Token::Start {
        name,
        attrs,
        self_closing,
    }
}

/// Decodes the character references a serialiser emits (and the common typographic names a
/// pass-through emitter might keep from the source). Independent of the crate's own decoder so
/// that the entity tests are not checking the decoder against itself.
pub fn decode_entities(s: &str) -> String {
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", "\u{a0}"),
        ("rsquo", "\u{2019}"),
        ("lsquo", "\u{2018}"),
        ("rdquo", "\u{201d}"),
        ("ldquo", "\u{201c}"),
        ("mdash", "\u{2014}"),
        ("ndash", "\u{2013}"),
        ("hellip", "\u{2026}"),
        ("copy", "\u{a9}"),
        ("eacute", "\u{e9}"),
        ("euro", "\u{20ac}"),
        ("deg", "\u{b0}"),
        ("times", "\u{d7}"),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 12);
        let decoded = semi.and_then(|j| {
            let name = &rest[1..j];
            let ch = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32).map(String::from)
            } else {
                NAMED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            };
            ch.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text a reader sees in an HTML fragment: tags dropped, references decoded, whitespace
/// collapsed. Attribute values (alt, title) are not part of it.
pub fn visible_text(html: &str) -> String {
    let mut raw = String::new();
    for tok in tokenize(html) {
        match tok {
            Token::Text(t) => raw.push_str(&t),
            Token::Start { name, .. } | Token::End(name) => {
                if !is_inline(&name) {
                    raw.push(' ');
                }
            }
        }
    }
    collapse_ws(&raw)
}

pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// Start tags named `name`, in document order.
pub fn elements<'a>(tokens: &'a [Token], name: &str) -> Vec<&'a Token> {
    tokens
        .iter()
        .filter(|t| matches!(t, Token::Start { name: n, .. } if n == name))
        .collect()
}

pub fn count_elements(html: &str, name: &str) -> usize {
    elements(&tokenize(html), name).len()
}

/// The visible text inside each element named `name` (outermost occurrences), in order,
/// whitespace collapsed as a browser shows it.
pub fn element_texts(html: &str, name: &str) -> Vec<String> {
    inner_texts(html, name)
        .iter()
        .map(|t| collapse_ws(t))
        .collect()
}

/// Like [`element_texts`] but with whitespace exactly as written (for `pre`).
pub fn raw_element_texts(html: &str, name: &str) -> Vec<String> {
    inner_texts(html, name)
}

fn inner_texts(html: &str, name: &str) -> Vec<String> {
    let tokens = tokenize(html);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if matches!(&tokens[i], Token::Start { name: n, .. } if n == name) {
            let mut depth = 1;
            let mut inner = String::new();
            i += 1;
            while i < tokens.len() && depth > 0 {
                match &tokens[i] {
                    Token::Start { name: n, .. } if n == name => depth += 1,
                    Token::End(n) if n == name => depth -= 1,
                    Token::Text(t) => inner.push_str(t),
                    Token::Start { name: n, .. } if n == "br" => inner.push('\n'),
                    Token::Start { name: n, .. } | Token::End(n) if !is_inline(n) => {
                        inner.push(' ')
                    }
                    _ => {}
                }
                i += 1;
            }
            out.push(inner);
        } else {
            i += 1;
        }
    }
    out
}

/// Every link as (visible text, href), in order.
pub fn anchors(html: &str) -> Vec<(String, Option<String>)> {
    let tokens = tokenize(html);
    let mut out = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        if matches!(tok, Token::Start { name, .. } if name == "a") {
            let mut text = String::new();
            for t in &tokens[i + 1..] {
                match t {
                    Token::End(n) if n == "a" => break,
                    Token::Text(s) => text.push_str(s),
                    _ => {}
                }
            }
            out.push((collapse_ws(&text), tok.attr("href").map(str::to_string)));
        }
    }
    out
}

/// The visible text of the element whose `id` is `id`, if there is one.
pub fn text_of_element_with_id(html: &str, id: &str) -> Option<String> {
    let tokens = tokenize(html);
    let start = tokens.iter().position(|t| t.attr("id") == Some(id))?;
    let Token::Start { name, .. } = &tokens[start] else {
        return None;
    };
    let mut depth = 0;
    let mut text = String::new();
    for t in &tokens[start..] {
        match t {
            Token::Start { name: n, .. } if n == name => depth += 1,
            Token::End(n) if n == name => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Token::Text(s) => text.push_str(s),
            _ => {}
        }
    }
    Some(collapse_ws(&text))
}

/// Texts of every heading (`h1`–`h6`) in the fragment, with their level.
pub fn headings(html: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    for level in 1..=6u8 {
        let name = format!("h{level}");
        for text in element_texts(html, &name) {
            out.push((level, text));
        }
    }
    out
}

/// Every `src` of every `<img>`, in order.
pub fn img_srcs(html: &str) -> Vec<String> {
    elements(&tokenize(html), "img")
        .into_iter()
        .map(|t| t.attr("src").unwrap_or("").to_string())
        .collect()
}

/// Every URL-bearing attribute value in the fragment (href, src, srcset candidates, poster, cite).
pub fn all_urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(html) {
        if let Token::Start { attrs, .. } = tok {
            for (k, v) in attrs {
                match k.as_str() {
                    "href" | "src" | "poster" | "cite" => out.push(v),
                    "srcset" => out.extend(srcset_urls(&v)),
                    _ => {}
                }
            }
        }
    }
    out
}

pub fn srcset_urls(srcset: &str) -> Vec<String> {
    srcset
        .split(',')
        .filter_map(|c| c.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// Every non-void element is closed, in the order it was opened.
pub fn assert_well_formed(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    for tok in tokenize(html) {
        match tok {
            Token::Start {
                name, self_closing, ..
            } => {
                if !VOID.contains(&name.as_str()) && !self_closing {
                    stack.push(name);
                }
            }
            Token::End(name) => {
                if VOID.contains(&name.as_str()) {
                    continue;
                }
                match stack.pop() {
                    Some(open) if open == name => {}
                    Some(open) => {
                        panic!("content_html is not well-formed: </{name}> closes <{open}>\n{html}")
                    }
                    None => panic!("content_html is not well-formed: stray </{name}>\n{html}"),
                }
            }
            Token::Text(_) => {}
        }
    }
    assert!(
        stack.is_empty(),
        "content_html is not well-formed: unclosed {stack:?}\n{html}"
    );
}

/// Nothing in the fragment can run code or pull in another document.
pub fn assert_inert(html: &str) {
    for tok in tokenize(html) {
        if let Token::Start { name, attrs, .. } = &tok {
            assert!(
                !matches!(
                    name.as_str(),
                    "script"
                        | "style"
                        | "iframe"
                        | "object"
                        | "embed"
                        | "form"
                        | "frame"
                        | "base"
                        | "meta"
                        | "link"
                ),
                "content_html contains <{name}>"
            );
            for (k, v) in attrs {
                assert!(
                    !k.starts_with("on"),
                    "content_html has an event handler {k}={v:?}"
                );
                let v = v.trim_start().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("vbscript:"),
                    "content_html has a script URL {k}={v:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The shared security corpus and the URL rule the independent checkers apply.

/// The payloads of `../shared/security/xss-vectors.json` as `(title, payload)`, or `None`
/// (with the reason printed) on a checkout without the shared folder.
pub fn xss_vectors() -> Option<Vec<(String, String)>> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/security/xss-vectors.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/security/xss-vectors.json is not there (the shared security corpus sits next to the repository)");
        return None;
    };
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&json).expect("xss-vectors.json is a JSON array");
    let vectors: Vec<(String, String)> = list
        .iter()
        .map(|v| {
            (
                v["title"].as_str().unwrap_or("").to_string(),
                v["payload"]
                    .as_str()
                    .expect("each vector has a payload")
                    .to_string(),
            )
        })
        .collect();
    assert!(
        vectors.len() > 200,
        "expected the full vector list, got {}",
        vectors.len()
    );
    Some(vectors)
}

/// The scheme a browser would see, if any (URL Standard: strip C0 and space, drop tab/newline).
pub fn url_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let s = &cleaned[..colon];
    let is_scheme = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| s.to_ascii_lowercase())
}

/// Whether a URL in attribute `name` may appear in the view or an export: http(s), mailto
/// links and raster `data:` images only (issue 6's allowlist, restated independently of the
/// sanitiser).
pub fn check_url(name: &str, url: &str) -> Result<(), String> {
    let lower = url.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
    match url_scheme(url).as_deref() {
        None => Ok(()),
        Some("http" | "https") => Ok(()),
        Some("mailto") if name == "href" => Ok(()),
        Some("data")
            if name != "href"
                && [
                    "image/png",
                    "image/gif",
                    "image/jpeg",
                    "image/jpg",
                    "image/webp",
                    "image/avif",
                ]
                .iter()
                .any(|t| {
                    lower.starts_with(&format!("data:{t};"))
                        || lower.starts_with(&format!("data:{t},"))
                }) =>
        {
            Ok(())
        }
        Some(s) => Err(format!("{name} with scheme {s:?}: {url:?}")),
    }
}

/// MathML Core presentation elements, minus those that act (`maction`) or embed
/// (`annotation-xml`, `mglyph`).
pub const MATHML_TAGS: &[&str] = &[
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "mfenced",
    "menclose",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mtd",
    "mlabeledtr",
    "semantics",
    "annotation",
];
