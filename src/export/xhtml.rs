//! The article fragment as XHTML that epubcheck accepts.
//!
//! An EPUB content document must be well-formed XML and valid against the HTML content
//! models, which HTML parsing forgives and the fragment may break (a `<div>` inside a `<span>`,
//! text directly in a `<ul>`, a `<figcaption>` in the middle of a figure). So the tree is
//! rewritten as it is written out:
//!
//! - only a known set of elements is kept, each with a small allowlist of attributes; sectioning
//!   elements become `<div>`, presentational ones are unwrapped, anything unknown is unwrapped;
//! - block content inside phrasing content is unwrapped (spaces keep words apart);
//! - lists, definition lists, tables and figures are rebuilt in a valid shape (stray content in
//!   a list gets its own item; in a table it moves before the table, as browsers show it);
//! - `<img>` becomes a link to the image (text "[Image: alt]"), because EPUB 3 allows remote
//!   resources only for audio and video and the images are remote; a `data:` image or one
//!   already inside a link keeps just that text;
//! - links keep only absolute http(s) and mailto targets, made into strict URIs, and in-page
//!   targets (`#id`, footnotes) that exist in the book; each id is written once.
//!
//! Headings without an id get one, so the navigation document can list them.

use std::collections::HashSet;

use super::dom::{self, is_blank, Element, Node};
use super::math;

pub(crate) struct Heading {
    pub id: String,
    pub level: u8,
    pub text: String,
}

/// The fragment as XHTML body content, and its headings.
pub(crate) fn fragment(root: &Element) -> (String, Vec<Heading>) {
    let mut all_ids = HashSet::new();
    collect_ids(root, &mut all_ids);
    let mut w = Writer {
        out: String::new(),
        headings: Vec::new(),
        all_ids,
        written_ids: HashSet::new(),
        last_id: None,
        fragment_links: Vec::new(),
    };
    w.nodes(root.children.iter(), Ctx::default());
    // An in-page link whose target was not written (unwrapped, or a duplicate id) would be
    // an error in the book: such links lose their href.
    let mut out = String::with_capacity(w.out.len());
    let mut from = 0;
    for (start, end, target) in &w.fragment_links {
        if !w.written_ids.contains(target) {
            out.push_str(&w.out[from..*start]);
            from = *end;
        }
    }
    out.push_str(&w.out[from..]);
    (out, w.headings)
}

/// Every usable id in the tree, so generated ids avoid them.
fn collect_ids(e: &Element, ids: &mut HashSet<String>) {
    if let Some(id) = e.attr("id").filter(|id| is_valid_id(id)) {
        ids.insert(id.to_owned());
    }
    for child in e.elements() {
        collect_ids(child, ids);
    }
}

/// Ids the book may carry: XML names without colons (what the schema's ID type accepts).
fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// What the content model of the nearest ancestors allows.
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// Only phrasing content (inside `<p>`, a heading, `<span>`, …).
    phrasing: bool,
    /// Inside `<a>`: no further links.
    in_link: bool,
    /// Inside `<th>`/`<dt>`: no headings.
    no_headings: bool,
    /// Inside `<caption>`: no tables.
    no_tables: bool,
}

impl Ctx {
    fn flow(self) -> Ctx {
        Ctx {
            phrasing: false,
            ..self
        }
    }

    fn phrasing(self) -> Ctx {
        Ctx {
            phrasing: true,
            ..self
        }
    }
}

/// Phrasing elements kept as they are.
const PHRASING: &[&str] = &[
    "abbr", "b", "bdi", "cite", "code", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small",
    "span", "strong", "sub", "sup", "u", "var",
];

/// Flow elements that carry no meaning an e-book needs, written as `<div>`.
const AS_DIV: &[&str] = &[
    "address",
    "article",
    "aside",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "header",
    "hgroup",
    "legend",
    "li",
    "main",
    "nav",
    "section",
    "summary",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
];

/// Never content (the sanitiser drops these; this is a second lock).
const SKIP: &[&str] = &[
    "button", "canvas", "col", "colgroup", "embed", "head", "iframe", "input", "link", "meta",
    "noscript", "object", "script", "select", "source", "style", "template", "textarea", "title",
    "track",
];

struct Writer {
    out: String,
    headings: Vec<Heading>,
    /// Ids present anywhere in the fragment.
    all_ids: HashSet<String>,
    /// Ids written so far (each at most once).
    written_ids: HashSet<String>,
    /// The id [`Writer::open`] wrote on the element it just opened.
    last_id: Option<String>,
    /// ` href="#id"` attributes written: byte range in `out`, and the target id.
    fragment_links: Vec<(usize, usize, String)>,
}

impl Writer {
    fn nodes<'a>(&mut self, nodes: impl IntoIterator<Item = &'a Node>, ctx: Ctx) {
        for node in nodes {
            self.node(node, ctx);
        }
    }

    fn node(&mut self, node: &Node, ctx: Ctx) {
        match node {
            Node::Text(t) => text(t, &mut self.out),
            Node::Element(e) => self.element(e, ctx),
        }
    }

    fn element(&mut self, e: &Element, ctx: Ctx) {
        let tag = e.tag.as_str();
        match tag {
            _ if SKIP.contains(&tag) => {}
            "br" => self.out.push_str("<br/>"),
            "wbr" => self.out.push_str("<wbr/>"),
            "img" => self.image(e, ctx),
            // A formula the book can show as MathML (its package says so), else its text.
            "math" => match math::mathml(e) {
                Some(m) => self.out.push_str(&m),
                None => text(&math::linear(e), &mut self.out),
            },
            "a" if ctx.in_link => self.nodes(&e.children, ctx),
            "a" => {
                self.open("a", e);
                let href = e.attr("href").map(str::trim).unwrap_or_default();
                if let Some(target) = href.strip_prefix('#').filter(|t| is_valid_id(t)) {
                    // In-page (footnotes): kept if the target is written, see `fragment`.
                    let start = self.out.len();
                    attr(&mut self.out, "href", href);
                    self.fragment_links
                        .push((start, self.out.len(), target.to_owned()));
                } else if let Some(href) = link_target(href) {
                    attr(&mut self.out, "href", &href);
                }
                self.title_attr(e);
                self.out.push('>');
                self.nodes(
                    &e.children,
                    Ctx {
                        in_link: true,
                        ..ctx
                    },
                );
                self.out.push_str("</a>");
            }
            "ins" | "del" => {
                // Transparent: they take the content model of where they stand.
                self.open(tag, e);
                if let Some(cite) = e.attr("cite").and_then(http_target) {
                    attr(&mut self.out, "cite", &cite);
                }
                self.out.push('>');
                self.nodes(&e.children, ctx);
                self.close(tag);
            }
            "strike" => self.phrasing_element("s", e, ctx),
            "tt" => self.phrasing_element("code", e, ctx),
            "acronym" => self.phrasing_element("abbr", e, ctx),
            "bdo" if matches!(e.attr("dir").map(str::trim), Some("ltr" | "rtl")) => {
                self.phrasing_element("bdo", e, ctx)
            }
            _ if PHRASING.contains(&tag) => self.phrasing_element(tag, e, ctx),
            // Everything from here on is flow content, or unknown.
            "hr" if ctx.phrasing => self.out.push(' '),
            _ if ctx.phrasing && (AS_DIV.contains(&tag) || is_flow(tag)) => {
                self.out.push(' ');
                self.nodes(&e.children, ctx);
                self.out.push(' ');
            }
            "hr" => self.out.push_str("<hr/>\n"),
            "p" | "pre" => {
                self.open(tag, e);
                self.out.push('>');
                let mut children = e.children.iter().peekable();
                // HTML drops a newline right after <pre>; XML would keep it.
                if let (true, Some(Node::Text(t))) = (tag == "pre", children.peek()) {
                    let t = t
                        .strip_prefix("\r\n")
                        .or_else(|| t.strip_prefix('\n'))
                        .unwrap_or(t);
                    text(t, &mut self.out);
                    children.next();
                }
                self.nodes(children, ctx.phrasing());
                self.close(tag);
                self.out.push('\n');
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if ctx.no_headings => {
                self.out.push_str("<p>");
                self.nodes(&e.children, ctx.phrasing());
                self.out.push_str("</p>\n");
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag.as_bytes()[1] - b'0';
                self.open(tag, e);
                // The navigation document links to every heading: by its own id, or a new one.
                let id = match self.last_id.take() {
                    Some(id) => id,
                    None => {
                        let mut n = self.headings.len() + 1;
                        while self.all_ids.contains(&format!("qp-h{n}")) {
                            n += 1;
                        }
                        let id = format!("qp-h{n}");
                        attr(&mut self.out, "id", &id);
                        self.written_ids.insert(id.clone());
                        id
                    }
                };
                let mut heading_text = String::new();
                for c in &e.children {
                    dom::text_content(c, &mut heading_text);
                }
                self.headings.push(Heading {
                    id,
                    level,
                    text: super::collapse(&heading_text),
                });
                self.out.push('>');
                self.nodes(&e.children, ctx.phrasing());
                self.close(tag);
                self.out.push('\n');
            }
            "blockquote" => {
                self.open(tag, e);
                if let Some(cite) = e.attr("cite").and_then(http_target) {
                    attr(&mut self.out, "cite", &cite);
                }
                self.out.push('>');
                self.nodes(&e.children, ctx.flow());
                self.close(tag);
                self.out.push('\n');
            }
            "ul" | "ol" => self.list(e, ctx),
            "dl" => self.definition_list(e, ctx),
            "figure" => self.figure(e, ctx),
            "table" if !ctx.no_tables => self.table(e, ctx),
            _ if AS_DIV.contains(&tag) || is_flow(tag) => {
                self.open("div", e);
                self.out.push('>');
                self.nodes(&e.children, ctx.flow());
                self.close("div");
                self.out.push('\n');
            }
            // Unknown or presentational (font, time, picture, ruby, math, …): the content only.
            _ => self.nodes(&e.children, ctx),
        }
    }

    fn phrasing_element(&mut self, tag: &str, e: &Element, ctx: Ctx) {
        self.open(tag, e);
        if matches!(tag, "abbr" | "dfn") {
            self.title_attr(e);
        }
        if tag == "q" {
            if let Some(cite) = e.attr("cite").and_then(http_target) {
                attr(&mut self.out, "cite", &cite);
            }
        }
        self.out.push('>');
        self.nodes(&e.children, ctx.phrasing());
        self.close(tag);
    }

    /// `<tag` with the attributes every kept element may have (`id`, the first time it is
    /// seen, and `dir`); the caller adds its own and the `>`.
    fn open(&mut self, tag: &str, e: &Element) {
        self.out.push('<');
        self.out.push_str(tag);
        self.last_id = None;
        if let Some(id) = e.attr("id").filter(|id| is_valid_id(id)) {
            if self.written_ids.insert(id.to_owned()) {
                attr(&mut self.out, "id", id);
                self.last_id = Some(id.to_owned());
            }
        }
        if let Some(dir) = e
            .attr("dir")
            .map(|d| d.trim().to_ascii_lowercase())
            .filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto"))
        {
            attr(&mut self.out, "dir", &dir);
        }
    }

    fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn title_attr(&mut self, e: &Element) {
        if let Some(title) = e
            .attr("title")
            .map(super::collapse)
            .filter(|t| !t.is_empty())
        {
            attr(&mut self.out, "title", &title);
        }
    }

    fn image(&mut self, e: &Element, ctx: Ctx) {
        let alt = super::collapse(e.attr("alt").unwrap_or_default());
        let label = if alt.is_empty() {
            "[Image]".to_owned()
        } else {
            format!("[Image: {alt}]")
        };
        match e.attr("src").and_then(http_target) {
            Some(src) if !ctx.in_link => {
                self.out.push_str("<a");
                attr(&mut self.out, "href", &src);
                self.out.push('>');
                text(&label, &mut self.out);
                self.out.push_str("</a>");
            }
            _ => text(&label, &mut self.out),
        }
    }

    fn list(&mut self, e: &Element, ctx: Ctx) {
        let ordered = e.tag == "ol";
        self.open(&e.tag, e);
        if ordered {
            if let Some(start) = e.attr("start").and_then(integer) {
                attr(&mut self.out, "start", &start.to_string());
            }
            if e.attr("reversed").is_some() {
                attr(&mut self.out, "reversed", "reversed");
            }
            if let Some(kind) = e
                .attr("type")
                .map(str::trim)
                .filter(|t| matches!(*t, "1" | "a" | "A" | "i" | "I"))
            {
                attr(&mut self.out, "type", kind);
            }
        }
        self.out.push('>');
        for item in dom::list_items(e) {
            match item.li {
                Some(li) => self.open("li", li),
                None => self.out.push_str("<li"),
            }
            if let (true, Some(value)) = (ordered, item.li.and_then(|li| li.attr("value"))) {
                if let Some(value) = integer(value) {
                    attr(&mut self.out, "value", &value.to_string());
                }
            }
            self.out.push('>');
            if let Some(li) = item.li {
                self.nodes(&li.children, ctx.flow());
            }
            self.nodes(item.extra, ctx.flow());
            self.out.push_str("</li>\n");
        }
        self.close(&e.tag);
        self.out.push('\n');
    }

    /// A `<dl>` only when it is a valid sequence of term groups (`dt`+ then `dd`+, repeated);
    /// otherwise its parts become `<div>`s.
    fn definition_list(&mut self, e: &Element, ctx: Ctx) {
        let parts: Vec<&Element> = e.elements().collect();
        let valid = e
            .children
            .iter()
            .all(|n| is_blank(n) || matches!(n, Node::Element(c) if c.is(&["dt", "dd"])))
            && parts.first().is_some_and(|c| c.tag == "dt")
            && parts.last().is_some_and(|c| c.tag == "dd");
        if !valid {
            self.out.push_str("<div>");
            self.nodes(&e.children, ctx.flow());
            self.out.push_str("</div>\n");
            return;
        }
        self.open("dl", e);
        self.out.push('>');
        for part in parts {
            self.open(&part.tag, part);
            self.out.push('>');
            let inner = if part.tag == "dt" {
                Ctx {
                    no_headings: true,
                    ..ctx.flow()
                }
            } else {
                ctx.flow()
            };
            self.nodes(&part.children, inner);
            self.close(&part.tag);
            self.out.push('\n');
        }
        self.out.push_str("</dl>\n");
    }

    /// A figure keeps one `<figcaption>`, and only as its first or last child.
    fn figure(&mut self, e: &Element, ctx: Ctx) {
        let significant: Vec<usize> = (0..e.children.len())
            .filter(|&i| !is_blank(&e.children[i]))
            .collect();
        let is_caption =
            |i: &usize| matches!(&e.children[*i], Node::Element(c) if c.tag == "figcaption");
        let caption = significant
            .first()
            .filter(|i| is_caption(i))
            .or_else(|| significant.last().filter(|i| is_caption(i)))
            .copied();
        self.open("figure", e);
        self.out.push('>');
        for (i, child) in e.children.iter().enumerate() {
            match child {
                Node::Element(c) if Some(i) == caption => {
                    self.open("figcaption", c);
                    self.out.push('>');
                    self.nodes(&c.children, ctx.flow());
                    self.out.push_str("</figcaption>");
                }
                child => self.node(child, ctx.flow()),
            }
        }
        self.out.push_str("</figure>\n");
    }

    /// Rebuilt as caption, thead, tbody groups, tfoot, in that order (the one HTML allows),
    /// with loose rows in a tbody and content outside any cell moved before the table.
    fn table(&mut self, e: &Element, ctx: Ctx) {
        let mut caption: Option<&Element> = None;
        let mut head: Vec<&Element> = Vec::new();
        let mut groups: Vec<Vec<&Element>> = Vec::new();
        let mut foot: Vec<&Element> = Vec::new();
        let mut stray: Vec<&Node> = Vec::new();
        let mut loose_rows_open = false;
        let mut have_head = false;
        let mut have_foot = false;
        for node in &e.children {
            let Node::Element(c) = node else {
                if !is_blank(node) {
                    stray.push(node);
                }
                continue;
            };
            match c.tag.as_str() {
                "caption" if caption.is_none() => caption = Some(c),
                "tr" => {
                    if loose_rows_open {
                        if let Some(group) = groups.last_mut() {
                            group.push(c);
                        }
                    } else {
                        groups.push(vec![c]);
                        loose_rows_open = true;
                    }
                    continue;
                }
                "thead" if !have_head => {
                    have_head = true;
                    head = rows_of(c, &mut stray);
                }
                "tfoot" if !have_foot => {
                    have_foot = true;
                    foot = rows_of(c, &mut stray);
                }
                "thead" | "tbody" | "tfoot" => groups.push(rows_of(c, &mut stray)),
                "colgroup" | "col" => {}
                _ => stray.push(node),
            }
            loose_rows_open = false;
        }
        self.nodes(stray, ctx.flow());
        groups.retain(|g| !g.is_empty());
        if caption.is_none() && head.is_empty() && groups.is_empty() && foot.is_empty() {
            return;
        }
        self.open("table", e);
        self.out.push('>');
        if let Some(caption) = caption {
            self.open("caption", caption);
            self.out.push('>');
            self.nodes(
                &caption.children,
                Ctx {
                    no_tables: true,
                    ..ctx.flow()
                },
            );
            self.out.push_str("</caption>");
        }
        for (section, rows) in std::iter::once(("thead", &head))
            .chain(groups.iter().map(|g| ("tbody", g)))
            .chain(std::iter::once(("tfoot", &foot)))
        {
            if rows.is_empty() {
                continue;
            }
            self.out.push('<');
            self.out.push_str(section);
            self.out.push('>');
            for row in rows {
                self.row(row, ctx);
            }
            self.close(section);
            self.out.push('\n');
        }
        self.out.push_str("</table>\n");
    }

    fn row(&mut self, tr: &Element, ctx: Ctx) {
        self.open("tr", tr);
        self.out.push('>');
        for node in &tr.children {
            match node {
                Node::Element(cell) if cell.is(&["td", "th"]) => {
                    self.open(&cell.tag, cell);
                    if let Some(span) = cell.attr("colspan").and_then(integer) {
                        if (1..=1000).contains(&span) {
                            attr(&mut self.out, "colspan", &span.to_string());
                        }
                    }
                    if let Some(span) = cell.attr("rowspan").and_then(integer) {
                        if (0..=65534).contains(&span) {
                            attr(&mut self.out, "rowspan", &span.to_string());
                        }
                    }
                    let th = cell.tag == "th";
                    if th {
                        if let Some(scope) = cell
                            .attr("scope")
                            .map(str::trim)
                            .filter(|s| matches!(*s, "row" | "col" | "rowgroup" | "colgroup"))
                        {
                            attr(&mut self.out, "scope", scope);
                        }
                    }
                    self.out.push('>');
                    let inner = Ctx {
                        no_headings: th || ctx.no_headings,
                        ..ctx.flow()
                    };
                    self.nodes(&cell.children, inner);
                    self.close(&cell.tag);
                }
                n if is_blank(n) => {}
                // Content between cells gets a cell of its own rather than vanish.
                n => {
                    self.out.push_str("<td>");
                    self.node(n, ctx.flow());
                    self.out.push_str("</td>");
                }
            }
        }
        self.out.push_str("</tr>\n");
    }
}

/// A table section's rows; anything else in it goes to `stray`.
fn rows_of<'a>(section: &'a Element, stray: &mut Vec<&'a Node>) -> Vec<&'a Element> {
    let mut rows = Vec::new();
    for n in &section.children {
        match n {
            Node::Element(r) if r.tag == "tr" => rows.push(r),
            n if is_blank(n) => {}
            n => stray.push(n),
        }
    }
    rows
}

fn is_flow(tag: &str) -> bool {
    matches!(
        tag,
        "blockquote"
            | "dl"
            | "figure"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "ol"
            | "p"
            | "pre"
            | "table"
            | "ul"
    )
}

fn integer(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok()
}

/// Writes XML text: `&`, `<`, `>` escaped; characters XML 1.0 forbids (most C0 controls,
/// U+FFFE/U+FFFF) and C1 controls removed.
pub(crate) fn text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// Writes ` name="value"` with the value escaped for XML.
pub(crate) fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An http(s) URL as a strict URI, or `None`.
fn http_target(url: &str) -> Option<String> {
    let url = url.trim();
    super::is_http(url).then(|| strict_uri(url))
}

/// A link target: http(s) or mailto, as a strict URI.
fn link_target(url: &str) -> Option<String> {
    let url = url.trim();
    let mailto = url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
    (super::is_http(url) || mailto).then(|| strict_uri(url))
}

/// Percent-encodes what RFC 3986 does not allow where it stands (non-ASCII, spaces, `"<>\^`{|}`,
/// a second `#`, a `%` not starting an escape, brackets outside the host), so that
/// epubcheck's URL check and every reading system accept the link.
pub(crate) fn strict_uri(url: &str) -> String {
    let authority = url.find("://").map(|i| {
        let start = i + 3;
        let end = url[start..]
            .find(['/', '?', '#'])
            .map_or(url.len(), |j| start + j);
        start..end
    });
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    let mut seen_hash = false;
    for (i, &b) in bytes.iter().enumerate() {
        let in_authority = authority.as_ref().is_some_and(|r| r.contains(&i));
        let keep = match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => true,
            b'-' | b'.' | b'_' | b'~' | b':' | b'/' | b'?' | b'@' | b'!' | b'$' | b'&' | b'\''
            | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => true,
            b'[' | b']' => in_authority,
            b'#' => !std::mem::replace(&mut seen_hash, true),
            b'%' => {
                bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
            }
            _ => false,
        };
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The XHTML without the newlines written between blocks.
    fn x(html: &str) -> String {
        fragment(&dom::parse(html)).0.replace('\n', "")
    }

    #[test]
    fn content_models_are_repaired() {
        assert_eq!(x("<p>a<div>b</div>c</p>"), "<p>a b c</p>");
        assert_eq!(x("<span><p>x</p></span>"), "<span> x </span>");
        assert_eq!(
            x("<ul>t<li>a</li><ul><li>b</li></ul></ul>"),
            "<ul><li>t</li><li>a<ul><li>b</li></ul></li></ul>"
        );
        assert_eq!(x("<dl><dd>x</dd></dl>"), "<div><div>x</div></div>");
        assert_eq!(x("<figure><figcaption>a</figcaption><img src=\"https://e/i\"><figcaption>b</figcaption></figure>"),
            "<figure><figcaption>a</figcaption><a href=\"https://e/i\">[Image]</a><div>b</div></figure>");
        assert_eq!(x("<table><tfoot><tr><td>f</td></tr></tfoot>s<tr><th><h2>h</h2></th></tr></table>"),
            "s<table><tbody><tr><th><p>h</p></th></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>");
    }

    #[test]
    fn attributes_and_voids() {
        assert_eq!(
            x("<p onclick=\"x\" class=\"c\">a<br>b<a href=\"javascript:x\">j</a><a href=\"https://e/a b#c#d\" title=\"t\">l</a></p><hr>"),
            "<p>a<br/>b<a>j</a><a href=\"https://e/a%20b#c%23d\" title=\"t\">l</a></p><hr/>"
        );
        assert_eq!(
            x("<a href=\"https://e/\"><img src=\"https://e/i\" alt=\"x\"></a>"),
            "<a href=\"https://e/\">[Image: x]</a>"
        );
        assert_eq!(x("<pre>\n  a\u{1}&lt;</pre>"), "<pre>  a&lt;</pre>");
    }

    #[test]
    fn ids_and_in_page_links() {
        assert_eq!(
            x(concat!(
                "<p>See<sup><a href=\"#qp-n1\" id=\"qp-r1\">1</a></sup> <a href=\"#qp-gone\">x</a>",
                " <a href=\"#qp-dup\">d</a></p><h2 id=\"qp-h1\">A</h2><h2>B</h2>",
                "<ol><li id=\"qp-n1\">Note <a href=\"#qp-r1\">^</a></li></ol>",
                "<span id=\"qp-dup\">1</span><span id=\"qp-dup\">2</span><font id=\"qp-gone\">g</font>"
            )),
            concat!(
                "<p>See<sup><a id=\"qp-r1\" href=\"#qp-n1\">1</a></sup> <a>x</a>",
                " <a href=\"#qp-dup\">d</a></p><h2 id=\"qp-h1\">A</h2><h2 id=\"qp-h2\">B</h2>",
                "<ol><li id=\"qp-n1\">Note <a href=\"#qp-r1\">^</a></li></ol>",
                "<span id=\"qp-dup\">1</span><span>2</span>g"
            )
        );
    }

    #[test]
    fn uris() {
        assert_eq!(
            strict_uri("https://[::1]:8/ü?q=[1]%zz"),
            "https://[::1]:8/%C3%BC?q=%5B1%5D%25zz"
        );
    }
}
