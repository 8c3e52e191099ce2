//! The article as CommonMark with GFM tables (and `~~` strikethrough), behind YAML front matter.
//!
//! The output holds no raw HTML at all, so a Markdown renderer that passes HTML through cannot
//! be made to run anything by it: every `<`, and every other character that could start
//! Markdown syntax, is backslash-escaped in text.
//!
//! Blocks are rendered to lines and containers prefix those lines (`> ` for a quote, the
//! marker's width of spaces for a list item), which is how CommonMark defines nesting, so any
//! nesting comes out right without special cases.

use std::collections::HashMap;

use super::dom::{self, is_html_space, Element, Node};
use super::math;

/// The Markdown document: front matter, the title as a level-1 heading, then the body.
pub(crate) fn document(article: &crate::Article, saved: &str) -> String {
    let mut out = String::from("---\n");
    let fields = [
        ("title", super::meta(&article.title)),
        ("author", super::meta(&article.byline)),
        ("published", super::meta(&article.published)),
        // Only a URL worth following: the front matter is often rendered as links.
        ("url", super::source_url(article)),
        ("site", super::meta(&article.site_name)),
        ("excerpt", super::meta(&article.excerpt)),
        ("saved", super::meta(&Some(saved.to_owned()))),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            out.push_str(key);
            out.push_str(": ");
            yaml_quoted(&value, &mut out);
            out.push('\n');
        }
    }
    out.push_str("---\n\n");
    if let Some(title) = super::meta(&article.title) {
        out.push_str(&heading_line(1, &escape_text(&title)));
        out.push_str("\n\n");
    }
    let body = body(&dom::parse(&super::content_with_lead(article)));
    if !body.is_empty() {
        out.push_str(&body);
        out.push('\n');
    }
    out
}

/// The body alone: the fragment's blocks, one blank line apart.
pub(crate) fn body(root: &Element) -> String {
    let mut renderer = Renderer::default();
    let mut blocks = Vec::new();
    renderer.blocks_into(&root.children, &mut blocks);
    join(blocks, false).join("\n")
}

/// A YAML double-quoted scalar. Double quotes are the one YAML style in which every string
/// can be written on one line: `\` and `"` are escaped, and so is every character YAML does
/// not allow printed (C0 and C1 controls, DEL, the BOM, non-characters) or that would break
/// the line (NEL, LS, PS).
pub(crate) fn yaml_quoted(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Paragraph,
    /// `marker` is the bullet (`-`/`*`) or the number's delimiter (`.`/`)`).
    List {
        ordered: bool,
        marker: char,
        /// Whether the list may start right under a paragraph line (CommonMark lets only
        /// bullet lists and lists numbered from 1 interrupt a paragraph).
        interrupts: bool,
    },
    Other,
}

struct Block {
    kind: Kind,
    lines: Vec<String>,
}

/// Joins blocks with blank lines; in a tight list item, without (see [`Renderer::list`]).
fn join(blocks: Vec<Block>, tight: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        if i > 0 && !tight {
            lines.push(String::new());
        }
        lines.extend(block.lines);
    }
    lines
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never text to show (the sanitiser drops them; this is a backstop).
const SKIP_TAGS: &[&str] = &[
    "button", "canvas", "embed", "head", "iframe", "input", "noscript", "object", "script",
    "select", "source", "style", "template", "textarea", "title", "track",
];

fn is_block(e: &Element) -> bool {
    e.is(BLOCK_TAGS)
}

#[derive(Default)]
struct Renderer {
    em: u32,
    strong: u32,
    del: u32,
    link: u32,
}

impl Renderer {
    /// Renders nodes in block context: runs of inline content become paragraphs.
    fn blocks_into<'a>(&mut self, nodes: impl IntoIterator<Item = &'a Node>, out: &mut Vec<Block>) {
        let mut run = Inline::new(true, false);
        for node in nodes {
            match node {
                Node::Element(e) if is_block(e) => {
                    flush_paragraph(&mut run, out);
                    self.block(e, out);
                }
                node => self.inline(node, &mut run),
            }
        }
        flush_paragraph(&mut run, out);
    }

    fn block(&mut self, e: &Element, out: &mut Vec<Block>) {
        match e.tag.as_str() {
            "p" => {
                let mut w = Inline::new(true, false);
                self.children_inline(e, &mut w);
                flush_paragraph(&mut w, out);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = usize::from(e.tag.as_bytes()[1] - b'0');
                let mut w = Inline::new(false, false);
                self.children_inline(e, &mut w);
                let text = w.finish();
                if !text.is_empty() {
                    out.push(Block {
                        kind: Kind::Other,
                        lines: vec![heading_line(level, &text)],
                    });
                }
            }
            "ul" | "ol" => {
                let ordered = e.tag == "ol";
                let previous = match out.last() {
                    Some(Block {
                        kind:
                            Kind::List {
                                ordered: o, marker, ..
                            },
                        ..
                    }) if *o == ordered => Some(*marker),
                    _ => None,
                };
                // Two lists in a row with the same marker would merge into one: alternate.
                let marker = match (ordered, previous) {
                    (true, Some('.')) => ')',
                    (true, _) => '.',
                    (false, Some('-')) => '*',
                    (false, _) => '-',
                };
                if let Some(block) = self.list(e, ordered, marker) {
                    out.push(block);
                }
            }
            "blockquote" => {
                let mut inner = Vec::new();
                self.blocks_into(&e.children, &mut inner);
                let lines: Vec<String> = join(inner, false)
                    .into_iter()
                    .map(|l| {
                        if l.is_empty() {
                            ">".into()
                        } else {
                            format!("> {l}")
                        }
                    })
                    .collect();
                if !lines.is_empty() {
                    out.push(Block {
                        kind: Kind::Other,
                        lines,
                    });
                }
            }
            "pre" => {
                if let Some(block) = code_block(e) {
                    out.push(block);
                }
            }
            "hr" => out.push(Block {
                kind: Kind::Other,
                lines: vec!["***".into()],
            }),
            // A caption (or a definition term) reads as an emphasised paragraph of its own.
            "figcaption" | "dt" | "summary" | "legend" => {
                let mut w = Inline::new(true, false);
                let strong = e.tag != "figcaption";
                let id = if strong {
                    self.strong_open(&mut w)
                } else {
                    self.em_open(&mut w)
                };
                self.children_inline(e, &mut w);
                if strong {
                    self.strong_close(&mut w, id);
                } else {
                    self.em_close(&mut w, id);
                }
                flush_paragraph(&mut w, out);
            }
            "table" => self.table(e, out),
            // Containers (div, section, figure, li outside a list, …): their content in place.
            _ => self.blocks_into(&e.children, out),
        }
    }

    /// A list as one block. Empty items are left out: an empty item right under a paragraph
    /// line would turn that line into a setext heading.
    fn list(&mut self, e: &Element, ordered: bool, marker: char) -> Option<Block> {
        let start: u64 = if ordered {
            e.attr("start")
                .and_then(|s| s.trim().parse::<i64>().ok())
                .map_or(1, |n| n.clamp(0, 999_999_999) as u64)
        } else {
            0
        };
        let mut items: Vec<Vec<Block>> = Vec::new();
        for item in dom::list_items(e) {
            let mut blocks = Vec::new();
            if let Some(li) = item.li {
                self.blocks_into(&li.children, &mut blocks);
            }
            self.blocks_into(item.extra.iter().copied(), &mut blocks);
            if !blocks.is_empty() {
                items.push(blocks);
            }
        }
        if items.is_empty() {
            return None;
        }
        // Tight (no blank lines) when every item is one block optionally followed by nested
        // lists that may start right under it; anything else needs blank lines inside items,
        // and then CommonMark makes the whole list loose, so put them between items too.
        let tight = items.iter().all(|blocks| {
            blocks.iter().skip(1).all(|b| {
                matches!(
                    b.kind,
                    Kind::List {
                        interrupts: true,
                        ..
                    }
                )
            })
        });
        let mut lines = Vec::new();
        for (i, blocks) in items.into_iter().enumerate() {
            if i > 0 && !tight {
                lines.push(String::new());
            }
            let head = if ordered {
                // Clamped above, so the number stays within CommonMark's nine digits.
                format!("{}{marker} ", (start + i as u64).min(999_999_999))
            } else {
                format!("{marker} ")
            };
            let indent = " ".repeat(head.len());
            for (j, line) in join(blocks, tight).into_iter().enumerate() {
                if j == 0 {
                    lines.push(format!("{head}{line}").trim_end().to_owned());
                } else if line.is_empty() {
                    lines.push(line);
                } else {
                    lines.push(format!("{indent}{line}"));
                }
            }
        }
        Some(Block {
            kind: Kind::List {
                ordered,
                marker,
                interrupts: !ordered || start == 1,
            },
            lines,
        })
    }

    /// A GFM table. GFM needs a header row: the first row when it is in `<thead>` or made of
    /// `<th>`, else an empty one (making a data row the header would misstate it). Spanned
    /// cells are repeated as empty cells; content that sits in the table outside any cell is
    /// rendered before it, as a browser would show it.
    fn table(&mut self, e: &Element, out: &mut Vec<Block>) {
        let mut caption = None;
        let mut rows: Vec<(bool, &Element)> = Vec::new();
        let mut stray: Vec<&Node> = Vec::new();
        for node in &e.children {
            match node {
                Node::Element(c) if c.tag == "caption" => caption = caption.or(Some(c)),
                Node::Element(c) if c.tag == "tr" => rows.push((false, c)),
                Node::Element(c) if c.is(&["thead", "tbody", "tfoot"]) => {
                    for n in &c.children {
                        match n {
                            Node::Element(r) if r.tag == "tr" => rows.push((c.tag == "thead", r)),
                            n if dom::is_blank(n) => {}
                            n => stray.push(n),
                        }
                    }
                }
                Node::Element(c) if c.is(&["colgroup", "col"]) => {}
                n if dom::is_blank(n) => {}
                n => stray.push(n),
            }
        }
        let mut grid: Vec<(bool, Vec<String>)> = Vec::new();
        for (in_head, tr) in rows {
            let mut cells = Vec::new();
            let mut all_th = true;
            for node in &tr.children {
                let cell = match node {
                    Node::Element(c) if c.is(&["td", "th"]) => c,
                    n if dom::is_blank(n) => continue,
                    n => {
                        stray.push(n);
                        continue;
                    }
                };
                all_th &= cell.tag == "th";
                let mut w = Inline::new(false, true);
                self.children_inline(cell, &mut w);
                cells.push(w.finish());
                let span = cell
                    .attr("colspan")
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                cells.extend(std::iter::repeat_n(String::new(), span - 1));
            }
            if !cells.is_empty() {
                grid.push((in_head || all_th, cells));
            }
        }
        self.blocks_into(stray, out);
        if let Some(caption) = caption {
            self.blocks_into(&caption.children, out);
        }
        let columns = grid.iter().map(|(_, cells)| cells.len()).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let header = match grid.first() {
            Some((true, _)) => grid.remove(0).1,
            _ => Vec::new(),
        };
        let row = |cells: &[String]| {
            let mut line = String::from("|");
            for i in 0..columns {
                line.push(' ');
                line.push_str(cells.get(i).map_or("", String::as_str));
                line.push_str(" |");
            }
            line
        };
        let mut lines = vec![row(&header), format!("|{}", " --- |".repeat(columns))];
        lines.extend(grid.iter().map(|(_, cells)| row(cells)));
        out.push(Block {
            kind: Kind::Other,
            lines,
        });
    }

    fn children_inline(&mut self, e: &Element, w: &mut Inline) {
        for child in &e.children {
            self.inline(child, w);
        }
    }

    fn inline(&mut self, node: &Node, w: &mut Inline) {
        let e = match node {
            Node::Text(t) => return w.text(t),
            Node::Element(e) => e,
        };
        match e.tag.as_str() {
            "br" => w.hard_break(),
            "img" => image(e, w),
            "a" => match e.attr("href").and_then(link_destination) {
                // Links cannot nest in Markdown: an inner link keeps only its text.
                Some(dest) if self.link == 0 => {
                    let id = w.open(Mark::Link);
                    self.link += 1;
                    self.children_inline(e, w);
                    self.link -= 1;
                    w.close(id, &format!("]({dest})"));
                }
                _ => self.children_inline(e, w),
            },
            "em" | "i" | "cite" | "dfn" | "var" => {
                let id = self.em_open(w);
                self.children_inline(e, w);
                self.em_close(w, id);
            }
            "strong" | "b" => {
                let id = self.strong_open(w);
                self.children_inline(e, w);
                self.strong_close(w, id);
            }
            "del" | "s" | "strike" => {
                let id = (self.del == 0).then(|| w.open(Mark::Emphasis("~~")));
                self.del += 1;
                self.children_inline(e, w);
                self.del -= 1;
                if let Some(id) = id {
                    w.close(id, "~~");
                }
            }
            "code" | "kbd" | "samp" | "tt" | "pre" => {
                let mut text = String::new();
                dom::text_content(node, &mut text);
                let span = code_span(&text, w.table_cell);
                if span.is_empty() {
                    w.text(&text);
                } else {
                    w.raw(&span);
                }
            }
            // Markdown has no scripts; short numeric ones have Unicode's (`r²`, `H₂O`,
            // `10⁻³`), and anything else (a footnote's `[1]`) stays as it reads.
            "sup" | "sub" => {
                let mut text = String::new();
                dom::text_content(node, &mut text);
                match script_chars(text.trim_matches(is_html_space), e.tag == "sup") {
                    Some(mapped) => {
                        // `m<sup>3 </sup>oil`: the space is the words' own.
                        if text.starts_with(is_html_space) {
                            w.space();
                        }
                        w.text(&mapped);
                        if text.ends_with(is_html_space) {
                            w.space();
                        }
                    }
                    None => self.children_inline(e, w),
                }
            }
            "math" => match math::tex(e) {
                // `$…$` and `$$…$$`, which GitHub, pandoc and note apps render; a `|` in a
                // table cell would end the cell.
                Some(tex) => {
                    let tex = if w.table_cell {
                        tex.replace('|', "\\|")
                    } else {
                        tex
                    };
                    let fence = if math::is_block(e) { "$$" } else { "$" };
                    w.raw(&format!("{fence}{tex}{fence}"));
                }
                None => w.text(&math::linear(e)),
            },
            tag if SKIP_TAGS.contains(&tag) => {}
            // Block content inside inline content (a card's <div> inside a link, a list inside
            // a table cell) is flattened, kept apart from its neighbours by spaces.
            _ if is_block(e) => {
                w.space();
                self.children_inline(e, w);
                w.space();
            }
            _ => self.children_inline(e, w),
        }
    }

    // Same-kind emphasis does not nest usefully (`**` inside `*` would read as strong), so
    // only the outermost of each kind is written.
    fn em_open(&mut self, w: &mut Inline) -> Option<usize> {
        self.em += 1;
        (self.em == 1).then(|| w.open(Mark::Emphasis("*")))
    }

    fn em_close(&mut self, w: &mut Inline, id: Option<usize>) {
        self.em -= 1;
        if let Some(id) = id {
            w.close(id, "*");
        }
    }

    fn strong_open(&mut self, w: &mut Inline) -> Option<usize> {
        self.strong += 1;
        (self.strong == 1).then(|| w.open(Mark::Emphasis("**")))
    }

    fn strong_close(&mut self, w: &mut Inline, id: Option<usize>) {
        self.strong -= 1;
        if let Some(id) = id {
            w.close(id, "**");
        }
    }
}

fn flush_paragraph(run: &mut Inline, out: &mut Vec<Block>) {
    let table_cell = run.table_cell;
    let text = std::mem::replace(run, Inline::new(true, table_cell)).finish();
    if text.is_empty() {
        return;
    }
    out.push(Block {
        kind: Kind::Paragraph,
        lines: text.split('\n').map(escape_line_start).collect(),
    });
}

/// `# text`, with a trailing run of `#` escaped so it is not read as a closing sequence.
fn heading_line(level: usize, text: &str) -> String {
    let body = text.trim_end_matches('#');
    let hashes = text.len() - body.len();
    format!(
        "{} {body}{}",
        "#".repeat(level.clamp(1, 6)),
        "\\#".repeat(hashes)
    )
}

/// Escapes what only means something at the start of a line: ATX headings, block quotes,
/// list markers, setext underlines and thematic breaks. Only a line that would really start
/// one is touched, so `1.5 million`, `-5 °C` and `#hashtag` stay as they are.
fn escape_line_start(line: &str) -> String {
    let b = line.as_bytes();
    let ends_marker = |i: usize| matches!(b.get(i), None | Some(b' ' | b'\t'));
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && ends_marker(digits + 1)
    {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    let only = |set: &[u8]| b.iter().all(|c| set.contains(c));
    let escape = match b.first() {
        Some(b'>') => true,
        Some(b'#') => {
            let run = b.iter().take_while(|&&c| c == b'#').count();
            run <= 6 && ends_marker(run)
        }
        Some(b'+') => ends_marker(1),
        Some(b'-') => ends_marker(1) || only(b"- \t"),
        Some(b'=') => only(b"= \t"),
        _ => false,
    };
    if escape {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}

fn image(e: &Element, w: &mut Inline) {
    let Some(dest) = e.attr("src").and_then(image_destination) else {
        return;
    };
    let alt = escape_text(&super::collapse(e.attr("alt").unwrap_or_default()));
    w.raw(&format!("![{alt}]({dest})"));
}

/// A link destination, or `None` for a URL with a scheme other than http(s)/mailto (the
/// sanitiser allows no others; this is a second lock).
fn link_destination(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme_ok = super::is_http(url)
        || url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
    scheme_ok.then(|| destination(url))
}

fn image_destination(url: &str) -> Option<String> {
    let url = url.trim();
    let data_image = url
        .get(..11)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:image/"));
    (super::is_http(url) || data_image).then(|| destination(url))
}

/// Writes a URL as a link destination: characters that would end or confuse it are
/// percent-encoded (`|` too, which would split a table cell), and one with parentheses goes in
/// `<…>`, where they need no balancing.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (i, c) in url.char_indices() {
        match c {
            // CommonMark decodes character references in destinations: `&copy;` in a query
            // would become `©`. A backslash keeps the `&` literal without changing the URL.
            '&' if starts_reference(&url[i..]) => out.push_str("\\&"),
            ' ' | '<' | '>' | '\\' | '|' | '`' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    if out.contains(['(', ')']) {
        format!("<{out}>")
    } else {
        out
    }
}

/// Whether `s` (starting at a `&`) starts something CommonMark reads as a character
/// reference: `&name;`, `&#123;` or `&#x1F;`.
fn starts_reference(s: &str) -> bool {
    let name = s[1..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && s.as_bytes().get(1 + name) == Some(&b';')
}

/// A fenced code block from a `<pre>`, whitespace intact, with the language when the page
/// names one in a `language-xxx`/`lang-xxx` class.
fn code_block(pre: &Element) -> Option<Block> {
    let mut text = String::new();
    for child in &pre.children {
        dom::text_content(child, &mut text);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // HTML drops a newline right after <pre>; the fragment's text may still hold it.
    let text = text.strip_prefix('\n').unwrap_or(&text);
    let text = text.strip_suffix('\n').unwrap_or(text);
    if text.trim().is_empty() {
        return None;
    }
    let language = code_language(pre)
        .or_else(|| {
            pre.elements()
                .find(|c| c.tag == "code")
                .and_then(code_language)
        })
        .unwrap_or_default();
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    let mut lines = vec![format!("{fence}{language}")];
    lines.extend(text.split('\n').map(str::to_owned));
    lines.push(fence);
    Some(Block {
        kind: Kind::Other,
        lines,
    })
}

/// The language named by a `language-xxx`/`lang-xxx` class or a `data-lang` attribute,
/// reduced to characters that are safe in an info string.
pub(crate) fn code_language(e: &Element) -> Option<String> {
    let from_class = e.attr("class").and_then(|class| {
        class.split_ascii_whitespace().find_map(|token| {
            token
                .strip_prefix("language-")
                .or_else(|| token.strip_prefix("lang-"))
        })
    });
    let name = from_class
        .or_else(|| e.attr("data-lang"))
        .or_else(|| e.attr("data-language"))?;
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '_' | '.'))
        .take(32)
        .collect();
    (!name.is_empty()).then_some(name)
}

fn longest_run(s: &str, ch: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in s.chars() {
        run = if c == ch { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// An inline code span; empty when there is no code to show. Inside a table cell `|` is
/// escaped even here: GFM splits cells before it parses code spans.
fn code_span(text: &str, table_cell: bool) -> String {
    let mut code = String::new();
    for word in text.split(is_html_space).filter(|w| !w.is_empty()) {
        if !code.is_empty() {
            code.push(' ');
        }
        code.push_str(word);
    }
    if code.is_empty() {
        return code;
    }
    if table_cell {
        code = code.replace('|', "\\|");
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// Escapes plain text (whitespace collapsed) for use inside a line of Markdown.
pub(crate) fn escape_text(s: &str) -> String {
    let mut w = Inline::new(false, false);
    w.text(s);
    w.finish()
}

enum Mark {
    Emphasis(&'static str),
    Link,
}

struct Open {
    id: usize,
    mark: Mark,
    /// Whether the opening delimiter is in the output yet (see [`Inline::open`]).
    written: bool,
    /// For written emphasis: the index of its opener in `Inline::delims`.
    delim: usize,
}

struct Delim {
    pos: usize,
    len: usize,
    /// Index of the opener this closer belongs to (`usize::MAX` for an opener).
    opener: usize,
    removed: bool,
}

/// Writes one paragraph's (or heading's, or cell's) inline content.
///
/// HTML collapses whitespace and lets emphasis start with a space (`a<em> b</em>`); Markdown
/// emphasis must hug its text. So spaces and line breaks are held back until the next visible
/// content, and opening delimiters too: `a<em> b</em>` becomes `a *b*`, an element with nothing
/// visible in it writes nothing, and a closing delimiter lands before any pending space.
struct Inline {
    out: String,
    breaks: bool,
    table_cell: bool,
    pending_space: bool,
    /// `<br>`s waiting for content: each is a hard break, but trailing ones are dropped.
    pending_breaks: usize,
    line_has_content: bool,
    open: Vec<Open>,
    delims: Vec<Delim>,
    next_id: usize,
}

impl Inline {
    /// `breaks`: whether `<br>` makes a hard line break (not in headings or table cells).
    fn new(breaks: bool, table_cell: bool) -> Self {
        Inline {
            out: String::new(),
            breaks,
            table_cell,
            pending_space: false,
            pending_breaks: 0,
            line_has_content: false,
            open: Vec::new(),
            delims: Vec::new(),
            next_id: 0,
        }
    }

    fn text(&mut self, s: &str) {
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if is_html_space(c) {
                self.pending_space = true;
                continue;
            }
            // Invisible controls and non-characters carry nothing (and CommonMark turns NUL
            // into U+FFFD).
            if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') {
                continue;
            }
            // A no-break space (or any other Unicode space) at the start of a span stays
            // outside it: `*` followed by a space opens nothing.
            if c.is_whitespace() && self.open.iter().any(|o| !o.written) {
                self.flush_space();
                self.out.push(c);
                self.line_has_content = true;
                continue;
            }
            self.flush();
            let escape = match c {
                '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' => true,
                // An underscore between two alphanumerics can neither open nor close
                // emphasis, so snake_case stays readable; anywhere else it is escaped.
                '_' => {
                    let prev = i.checked_sub(1).and_then(|p| chars.get(p));
                    let next = chars.get(i + 1);
                    !(prev.is_some_and(|c| c.is_alphanumeric())
                        && next.is_some_and(|c| c.is_alphanumeric()))
                }
                // Only where it would start a character reference (`&amp;`, `&#42;`).
                '&' => {
                    let name = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                        .count();
                    name > 0 && chars.get(i + 1 + name) == Some(&';')
                }
                _ => false,
            };
            if escape {
                self.out.push('\\');
            }
            self.out.push(c);
        }
    }

    /// Writes prepared Markdown (a code span, an image) as one piece of content.
    fn raw(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(s);
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn hard_break(&mut self) {
        if self.breaks && self.line_has_content {
            self.pending_breaks += 1;
        } else {
            self.pending_space = true;
        }
    }

    /// Opens a span; its delimiter is written only if visible content follows.
    fn open(&mut self, mark: Mark) -> usize {
        let id = self.next_id;
        self.next_id += 1;
        self.open.push(Open {
            id,
            mark,
            written: false,
            delim: 0,
        });
        id
    }

    /// Closes span `id` with `closing` — nothing at all if nothing was written inside it.
    fn close(&mut self, id: usize, closing: &str) {
        let Some(pos) = self.open.iter().rposition(|o| o.id == id) else {
            return;
        };
        // Spans nest, so `id` is on top; anything above it was left open by mistake.
        self.open.truncate(pos + 1);
        let Some(span) = self.open.pop() else {
            return;
        };
        if !span.written {
            return;
        }
        // Likewise at its end (`<em>knock!&nbsp;</em>`): a space before `*` closes nothing,
        // so the span ends before it.
        let mut trailing = String::new();
        if let Mark::Emphasis(_) = span.mark {
            let opened = self.delims.get(span.delim).map_or(0, |d| d.pos + d.len);
            let text_end = self
                .out
                .trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
                .len()
                .max(opened);
            trailing = self.out.split_off(text_end);
            self.delims.push(Delim {
                pos: self.out.len(),
                len: closing.len(),
                opener: span.delim,
                removed: false,
            });
        }
        self.out.push_str(closing);
        self.out.push_str(&trailing);
    }

    /// Writes the line breaks and space pending before a piece of content.
    fn flush_space(&mut self) {
        if self.pending_breaks > 0 && self.line_has_content {
            self.out.push_str(&"\\\n".repeat(self.pending_breaks));
            self.line_has_content = false;
            self.pending_space = false;
        }
        self.pending_breaks = 0;
        if self.pending_space && self.line_has_content {
            self.out.push(' ');
        }
        self.pending_space = false;
    }

    /// Writes what is pending before a piece of visible content.
    fn flush(&mut self) {
        self.flush_space();
        for i in 0..self.open.len() {
            if self.open[i].written {
                continue;
            }
            self.open[i].written = true;
            match self.open[i].mark {
                Mark::Link => {
                    // `!` then `[` would open an image instead.
                    if self.out.ends_with('!') {
                        self.out.pop();
                        self.out.push_str("\\!");
                    }
                    self.out.push('[');
                }
                Mark::Emphasis(marker) => {
                    // `<em>a</em><em>b</em>` would give `*a**b*`: continue the span instead.
                    let continues = self.delims.last().is_some_and(|d| {
                        d.opener != usize::MAX
                            && !d.removed
                            && d.pos + d.len == self.out.len()
                            && &self.out[d.pos..] == marker
                    });
                    if continues {
                        if let Some(closer) = self.delims.pop() {
                            self.out.truncate(closer.pos);
                            self.open[i].delim = closer.opener;
                        }
                    } else {
                        self.open[i].delim = self.delims.len();
                        self.delims.push(Delim {
                            pos: self.out.len(),
                            len: marker.len(),
                            opener: usize::MAX,
                            removed: false,
                        });
                        self.out.push_str(marker);
                    }
                }
            }
        }
        self.line_has_content = true;
    }

    /// The finished line(s). Emphasis whose delimiters CommonMark would not accept where they
    /// landed (`*"quoted"*s`: a closer between punctuation and a letter) is dropped, keeping
    /// the text, rather than left as stray asterisks.
    fn finish(mut self) -> String {
        let closers: Vec<usize> = (0..self.delims.len())
            .filter(|&i| self.delims[i].opener != usize::MAX)
            .collect();
        // CommonMark reads delimiters that touch (`**a „***b`: a closer, then two openers)
        // as one run, flanked by what is around the whole run; a dropped pair's delimiters
        // leave their neighbours touching something new. So each pair is judged by its runs,
        // again until nothing changes (a few rounds: each drops a pair or ends).
        let by_start: HashMap<usize, usize> = (0..self.delims.len())
            .filter(|&i| self.delims[i].len > 0)
            .map(|i| (self.delims[i].pos, i))
            .collect();
        let by_end: HashMap<usize, usize> = (0..self.delims.len())
            .filter(|&i| self.delims[i].len > 0)
            .map(|i| (self.delims[i].pos + self.delims[i].len, i))
            .collect();
        for _ in 0..8 {
            let mut changed = false;
            for &c in &closers {
                let opener = self.delims[c].opener;
                if self.delims[c].removed || opener >= self.delims.len() {
                    continue;
                }
                let flanks = |d: usize| {
                    let mark = self.out[self.delims[d].pos..].chars().next();
                    let same = |i: usize| {
                        self.delims[i].removed
                            || self.out[self.delims[i].pos..].chars().next() == mark
                    };
                    let mut from = self.delims[d].pos;
                    while let Some(&i) = by_end.get(&from).filter(|&&i| same(i)) {
                        from = self.delims[i].pos;
                    }
                    let mut to = self.delims[d].pos + self.delims[d].len;
                    while let Some(&i) = by_start.get(&to).filter(|&&i| same(i)) {
                        to = self.delims[i].pos + self.delims[i].len;
                    }
                    (
                        self.out[..from].chars().next_back(),
                        self.out[to..].chars().next(),
                    )
                };
                let (before, after) = flanks(opener);
                let opens = left_flanking(before, after);
                let (before, after) = flanks(c);
                let closes = right_flanking(before, after);
                if !(opens && closes) {
                    self.delims[c].removed = true;
                    self.delims[opener].removed = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // Unclosed openers (none when spans nest properly) would be stray too.
        let mut closed = vec![false; self.delims.len()];
        for d in &self.delims {
            if let Some(slot) = closed.get_mut(d.opener) {
                *slot = true;
            }
        }
        for (d, closed) in self.delims.iter_mut().zip(closed) {
            if d.opener == usize::MAX && !closed {
                d.removed = true;
            }
        }
        if self.delims.iter().any(|d| d.removed) {
            // The removed markers' bytes are marked, then the rest kept: in any order the
            // markers come (a sort of them was 9 KB of the module) and in one pass. Markers
            // are ASCII, so a character goes exactly when its first byte is marked.
            let mut cut = vec![false; self.out.len()];
            for d in self.delims.iter().filter(|d| d.removed) {
                cut[d.pos..d.pos + d.len].fill(true);
            }
            self.out = (self.out.char_indices())
                .filter(|&(at, _)| !cut[at])
                .map(|(_, c)| c)
                .collect();
        }
        self.out
    }
}

/// `text` in Unicode's superscript (or subscript) characters, when it is a short run of
/// digits and signs that all have one.
fn script_chars(text: &str, sup: bool) -> Option<String> {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const SUB: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    if text.is_empty() || text.chars().count() > 6 {
        return None;
    }
    text.chars()
        .map(|c| match (c, sup) {
            ('0'..='9', true) => Some(SUP[c as usize - '0' as usize]),
            ('0'..='9', false) => Some(SUB[c as usize - '0' as usize]),
            ('+', true) => Some('⁺'),
            ('+', false) => Some('₊'),
            ('-' | '\u{2212}', true) => Some('⁻'),
            ('-' | '\u{2212}', false) => Some('₋'),
            ('=', true) => Some('⁼'),
            ('=', false) => Some('₌'),
            _ => None,
        })
        .collect()
}

/// CommonMark's punctuation: ASCII punctuation, and (approximately) Unicode P and S: what is
/// neither alphanumeric nor whitespace.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(next)
        && (!next.is_some_and(is_punctuation) || is_space(prev) || prev.is_some_and(is_punctuation))
}

fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(prev)
        && (!prev.is_some_and(is_punctuation) || is_space(next) || next.is_some_and(is_punctuation))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> String {
        body(&dom::parse(html))
    }

    #[test]
    fn short_numeric_scripts_read_as_unicode_scripts() {
        assert_eq!(
            md("<p>H<sub>2</sub>O, r<sup>2</sup>, 10<sup>\u{2212}3</sup> m, 15 m<sup>3 </sup>oil and E<sub>k</sub></p>"),
            "H₂O, r², 10⁻³ m, 15 m³ oil and Ek"
        );
        // A footnote marker keeps its brackets and its link.
        assert_eq!(
            md("<p>Text.<sup><a href=\"https://e.example/#n1\">[1]</a></sup></p>"),
            "Text.[\\[1\\]](https://e.example/#n1)"
        );
    }

    #[test]
    fn spaces_a_span_starts_or_ends_with_stay_outside_it() {
        // A no-break space is no HTML whitespace, but `*` next to it opens or closes nothing.
        assert_eq!(
            md("<p><strong>119.<em> Knock knock!\u{a0}</em></strong> Who</p>"),
            "**119. *Knock knock!***\u{a0} Who"
        );
        assert_eq!(md("<p>a<em>\u{a0}b</em>c</p>"), "a\u{a0}*b*c");
        assert_eq!(
            md("<p><em><strong>Dishes.\u{a0}</strong></em> who</p>"),
            "***Dishes.***\u{a0} who"
        );
    }

    #[test]
    fn touching_delimiters_are_judged_as_one_run() {
        // `„` then `*****` then a letter: CommonMark reads the five as one run that can only
        // open, so the first span, which would close there, goes (its text stays).
        assert_eq!(
            md("<p><strong>Keynote „</strong><em><strong>Neuland?! Wer“\u{a0}</strong></em></p>"),
            "Keynote „***Neuland?! Wer“***\u{a0}"
        );
        // A span that cannot close (`"` then a letter) goes, and takes nothing else with it.
        assert_eq!(
            md("<p><strong>Called </strong><strong><em>\"guru\"</em></strong>by one</p>"),
            "**Called** \"guru\"by one"
        );
    }

    #[test]
    fn emphasis_hugs_text_and_skips_empty_spans() {
        assert_eq!(md("<p>a<em> b </em>c</p>"), "a *b* c");
        assert_eq!(md("<p>a<strong> </strong>b</p>"), "a b");
        assert_eq!(md("<p><em>a</em><em>b</em></p>"), "*ab*");
        assert_eq!(md("<p><em><em>x</em></em></p>"), "*x*");
    }

    #[test]
    fn emphasis_that_would_not_parse_is_dropped() {
        assert_eq!(md("<p>x<em>\"q\"</em>s</p>"), "x\"q\"s");
        assert_eq!(md("<p>x <em>\"q\"</em> s</p>"), "x *\"q\"* s");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            md("<p>*_[a]&lt;b&gt; snake_case AT&amp;T &amp;amp;</p>"),
            r"\*\_\[a\]\<b> snake_case AT&T \&amp;"
        );
        assert_eq!(
            md("<p># no</p><p>1. no</p><p>- no</p><p>a<br>+ b</p><p>a<br>===</p><p>a<br>- -</p>"),
            "\\# no\n\n1\\. no\n\n\\- no\n\na\\\n\\+ b\n\na\\\n\\===\n\na\\\n\\- -"
        );
        assert_eq!(
            md("<p>1.5 million</p><p>-5 °C</p><p>#tag</p><p>####### seven</p><p>+1</p><p>=&gt;</p>"),
            "1.5 million\n\n-5 °C\n\n#tag\n\n####### seven\n\n+1\n\n=>"
        );
    }

    #[test]
    fn breaks_and_headings() {
        assert_eq!(md("<p>a<br><br>b<br></p>"), "a\\\n\\\nb");
        assert_eq!(md("<h2>C #</h2>"), "## C \\#");
        assert_eq!(md("<h3>a<br>b</h3>"), "### a b");
    }

    #[test]
    fn links_and_images() {
        assert_eq!(
            md(r#"<p><a href="https://e.com/a_(b)">x</a> <a href="javascript:alert(1)">y</a></p>"#),
            "[x](<https://e.com/a_(b)>) y"
        );
        assert_eq!(
            md(
                r#"<p><a href="https://e.com/"><img src="https://e.com/i.png" alt="a [b]"></a></p>"#
            ),
            "[![a \\[b\\]](https://e.com/i.png)](https://e.com/)"
        );
        assert_eq!(md(r#"<p><a href="https://e.com/"> </a>z</p>"#), "z");
        assert_eq!(
            md(r#"<p><a href="https://e.com/?a&amp;copy;=1&amp;b">x</a></p>"#),
            r"[x](https://e.com/?a\&copy;=1&b)"
        );
        assert_eq!(
            md(r#"<p>Now!<a href="https://e.com/">x</a> \!<a href="https://e.com/">y</a></p>"#),
            r"Now\![x](https://e.com/) \\\![y](https://e.com/)"
        );
    }

    #[test]
    fn code_spans_and_blocks() {
        assert_eq!(
            md("<p><code>a`b</code> <code>`x</code></p>"),
            "``a`b`` `` `x ``"
        );
        assert_eq!(
            md("<pre><code class=\"language-rust\">\nfn x() {\n\tlet  a = 1;\n}\n</code></pre>"),
            "```rust\nfn x() {\n\tlet  a = 1;\n}\n```"
        );
        assert_eq!(md("<pre>```\nx</pre>"), "````\n```\nx\n````");
    }

    #[test]
    fn lists_nest_and_stay_apart() {
        assert_eq!(
            md("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ul><li>d</li></ul>"),
            "- a\n  - b\n- c\n\n* d"
        );
        assert_eq!(
            md("<ol start=\"9\"><li><p>a</p><p>b</p></li><li>c</li></ol>"),
            "9. a\n\n   b\n\n10. c"
        );
        assert_eq!(md("<ul><li></li><li>x</li></ul>"), "- x");
    }

    #[test]
    fn blockquotes_prefix_every_line() {
        assert_eq!(
            md("<blockquote><p>a</p><pre>x\n\ny</pre></blockquote>"),
            "> a\n>\n> ```\n> x\n>\n> y\n> ```"
        );
    }

    #[test]
    fn tables() {
        assert_eq!(
            md("<table><thead><tr><th>A</th><th>B|C</th></tr></thead><tbody><tr><td colspan=2><code>x|y</code></td></tr><tr><td>1</td></tr></tbody></table>"),
            "| A | B\\|C |\n| --- | --- |\n| `x\\|y` |  |\n| 1 |  |"
        );
        assert_eq!(
            md("<table><tr><td>1</td><td>2</td></tr></table>"),
            "|  |  |\n| --- | --- |\n| 1 | 2 |"
        );
    }

    #[test]
    fn yaml() {
        let mut s = String::new();
        yaml_quoted("a \"b\" \\ \n\u{7}\u{2028}", &mut s);
        assert_eq!(s, r#""a \"b\" \\ \n\u0007\L""#);
    }
}
