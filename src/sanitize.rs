//! The allowlist sanitiser.
//!
//! [`element`] judges one element on its own: which tag to write (if any), with which
//! attributes, values decoded and URLs made absolute and checked. [`in_context`] adds the rules
//! that depend on the open elements (MathML, `<picture>`). [`Writer`] applies both, closes
//! what browsers close implicitly, drops figures left empty and writes balanced markup;
//! [`fragment`] runs any HTML through it with lol_html.
//!
//! Safety does not depend on lol_html parsing hostile markup the way a browser would. Output
//! holds only tags from a fixed list, attribute names from a fixed list with escaped values,
//! and escaped text; none of the written tags switches the browser's tokenizer into a raw-text
//! state (no `script`, `style`, `textarea`, `title`, `xmp`, `noscript`, `iframe`...), and inside
//! `<math>` only MathML presentation elements are written. So whatever a browser makes of the
//! output, it can only build the elements and attributes we chose.
//!
//! Decisions worth knowing:
//! - `section`, `article`, `main`, `header`, `footer`, `aside`, `nav`, `address`, `hgroup`,
//!   `center` become `div`: unwrapping them would run the text of neighbouring blocks together.
//!   `span` is unwrapped unless it carries `lang`, `dir` or `id`.
//! - `svg` is dropped with its content: inline SVG in articles is nearly always icons, and it
//!   is the richest source of script and animation tricks. SVG as an `<img>` is not possible
//!   either (`data:image/svg+xml` is refused) since such images can still carry script when
//!   opened on their own.
//! - MathML presentation elements are kept (no `maction`, `mglyph`, `malignmark`,
//!   `annotation-xml`, no `href` or other link attributes), and an `annotation` only when it
//!   holds the formula's TeX.
//! - `id`s are kept with the prefix [`ID_PREFIX`], and in-page links (`#x`) point to the
//!   prefixed id, so footnotes work in the reading view while page ids can neither clobber
//!   globals of the extension page (`<img name=getElementById>`) nor collide with its ids.
//! - Links get no `target` and no `rel`: they open in the reading view's tab like any link, so
//!   there is no opener to protect, and the referrer is the extension's own page.
//! - `class` is kept only as `language-xxx` on `code`/`pre`, for syntax highlighting.
use crate::entities;
use crate::swar;
use crate::url::{self, Url};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// Prefix given to every kept `id` (and to in-page link targets).
pub const ID_PREFIX: &str = "qp-";

/// What the emitter needs to know to judge one element.
pub struct Context<'a> {
    /// The document's base URL (after `<base href>`), for making URLs absolute.
    pub base: Option<&'a Url>,
    pub keep_images: bool,
}

/// The verdict on one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Write the element as `tag` with these attributes (names allowlisted, values decoded,
    /// URLs absolute and of an allowed scheme). The emitter escapes values when writing.
    Keep {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
    },
    /// Leave the tag out but keep what is inside it.
    Unwrap,
    /// Leave the element and everything inside it out.
    Drop,
}

/// Whether a `<template>`'s attributes make it a declarative shadow root, which a browser
/// renders in place of an inert template: `shadowrootmode` of `open` or `closed`.
pub fn is_shadow_root<N, V>(attrs: impl IntoIterator<Item = (N, V)>) -> bool
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    attrs.into_iter().any(|(name, value)| {
        name.as_ref().eq_ignore_ascii_case("shadowrootmode")
            && ["open", "closed"]
                .iter()
                .any(|m| value.as_ref().eq_ignore_ascii_case(m))
    })
}

/// Where a player from a video site (`patterns::VIDEO_HOSTS`) is embedded, what the reading
/// view shows instead: a link to watch it, `(href, label)`. The view and the exports carry no
/// frames (a player runs the site's scripts), and a gap where the video was would leave the
/// reader to guess that anything is missing. `None` for any other embed, which goes as before.
pub fn video_link(tag: &str, attrs: &[Attr<'_>], ctx: &Context) -> Option<(String, String)> {
    let attrs = Attrs(attrs);
    // Lazy-loaded players keep their address in a data attribute until scrolled to.
    let names: &[&str] = match tag {
        "iframe" => &["src", "data-src", "data-lazy-src"],
        "embed" => &["src"],
        "object" => &["data"],
        _ => return None,
    };
    let raw = names
        .iter()
        .find_map(|n| attrs.get(n).filter(|v| !v.trim().is_empty()))?;
    let (href, site) = video_address(raw, ctx.base)?;
    let label = match player_title(attrs.get("title")) {
        Some(title) => format!("Video: {title} ({site})"),
        None => format!("Video on {site}"),
    };
    Some((href, label))
}

/// The video a player's address `raw` shows, as `(the address to watch it at, its site)`: the
/// player's own address when it is on a video site (`patterns::VIDEO_HOSTS`, matched on the
/// host's suffix), else the video an embed service wraps (Medium's
/// `cdn.embedly.com/widgets/media.html?url=…`) in its `url=` or `src=`. The collect pass
/// (which players the cleaning spares) and the emit pass (which become links) both ask here,
/// so the two cannot disagree.
pub fn video_address(raw: &str, base: Option<&Url>) -> Option<(String, &'static str)> {
    let (href, parsed) = web_address(raw, base)?;
    let site_of = |url: &Url| {
        let host = url.host().to_ascii_lowercase();
        crate::patterns::VIDEO_HOSTS.iter().copied().find(|h| {
            host.strip_suffix(*h)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        })
    };
    match site_of(&parsed) {
        Some(site) => Some((href, site)),
        None => ["url", "src"].iter().find_map(|name| {
            let inner = Url::parse(&parsed.query_param(name)?)?;
            let site = site_of(&inner)?;
            matches!(inner.scheme(), "http" | "https").then(|| (inner.as_str().to_string(), site))
        }),
    }
}

/// What a native `<video>` or `<audio>` player becomes (`media_player`).
pub enum Media {
    /// A link to the file, `(href, label)`.
    Link(String, String),
    /// Its address is in a `<source>` inside it; the player's title, for the label.
    InSource(Option<String>),
    /// Nothing: a player without controls is a moving picture (an animated loop), not
    /// something to watch or hear, and goes as before.
    None,
}

/// A native player with controls, as the reading view shows it: a link to the file, which a
/// browser plays by itself. As with `video_link`, the view runs no players.
pub fn media_player(kind: &str, attrs: &[Attr<'_>], ctx: &Context) -> Media {
    let attrs = Attrs(attrs);
    if attrs.get("controls").is_none() {
        return Media::None;
    }
    let title = player_title(attrs.get("title").or_else(|| attrs.get("aria-label")));
    match attrs.get("src").filter(|v| !v.trim().is_empty()) {
        Some(src) => match web_address(src, ctx.base) {
            Some((href, _)) => {
                let label = media_label(kind, title.as_deref(), &href);
                Media::Link(href, label)
            }
            None => Media::None,
        },
        None => Media::InSource(title),
    }
}

/// A `<source>` of a waiting player (`Media::InSource`): its link, if its address is one a
/// reader can open.
pub fn media_source(
    kind: &str,
    title: Option<&str>,
    attrs: &[Attr<'_>],
    ctx: &Context,
) -> Option<(String, String)> {
    let (href, _) = web_address(Attrs(attrs).get("src")?, ctx.base)?;
    let label = media_label(kind, title, &href);
    Some((href, label))
}

/// A player's address as a link a reader can follow elsewhere: http(s) only (never `blob:`
/// or `data:`, which only the page can play), absolute, with its parse.
fn web_address(raw: &str, base: Option<&Url>) -> Option<(String, Url)> {
    let href = url::resolve(base, &entities::decode_attr(raw))?;
    let parsed = Url::parse(&href)?;
    matches!(parsed.scheme(), "http" | "https").then_some((href, parsed))
}

/// A player's `title` (or label) on one line, when it has one short enough to name a link.
fn player_title(raw: Option<&str>) -> Option<String> {
    raw.map(one_line)
        .filter(|t| !t.is_empty() && t.chars().count() <= 200)
}

/// "Video: its title", else the file's name: "Audio: episode-12.mp3".
fn media_label(kind: &str, title: Option<&str>, href: &str) -> String {
    let noun = if kind == "audio" { "Audio" } else { "Video" };
    let file = href
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').next())
        .filter(|f| !f.is_empty());
    match title.or(file) {
        Some(name) => format!("{noun}: {name}"),
        None => noun.to_string(),
    }
}

fn one_line(text: &str) -> String {
    entities::decode_attr(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Judges one element. `attrs` are the element's attributes as lol_html gives them: names
/// lower-cased, values still entity-encoded.
///
/// The verdict does not depend on where the element is; [`Writer`] applies the rules that do
/// (MathML only inside `<math>`, `<source>` only inside `<picture>`, implicit end tags).
pub fn element(tag: &str, attrs: &[Attr<'_>], ctx: &Context) -> Action {
    if tag == "template" && is_shadow_root(attrs.iter().map(|(n, v)| (n, v))) {
        // A web component's rendering: its content is page content, the wrapper is not.
        return Action::Unwrap;
    }
    let out_tag = match rule(tag) {
        Rule::Keep(t) => t,
        Rule::Unwrap => return Action::Unwrap,
        Rule::Drop => return Action::Drop,
    };
    let attrs = Attrs(attrs);
    let mut kept = Vec::new();
    match out_tag {
        "img" => match image_attrs(&attrs, ctx) {
            Some(a) => kept = a,
            None => return Action::Drop,
        },
        "picture" if !ctx.keep_images => return Action::Drop,
        "source" => match source_attrs(&attrs, ctx) {
            Some(a) => kept = a,
            None => return Action::Drop,
        },
        // A formula's TeX source rides along (the Markdown export writes it); nothing shows
        // an annotation, so one in any other notation is just weight.
        "annotation" => match attrs.get("encoding").map(entities::decode_attr) {
            Some(e) if is_tex(e.trim()) => kept.push(("encoding", TEX.to_string())),
            _ => return Action::Drop,
        },
        _ => {}
    }
    for (name, raw) in attrs.unique() {
        let Some(kind) = attr_kind(out_tag, name) else {
            continue;
        };
        let value = entities::decode_attr(raw);
        if let Some((name, v)) = attr_value(kind, &value, ctx) {
            kept.push((name, v));
        }
    }
    if out_tag == "a" {
        // `<a name>` is the old way to mark a link target; keep it as an id.
        if !kept.iter().any(|(n, _)| *n == "id") {
            if let Some(v) = attrs
                .get("name")
                .and_then(|v| id_value(&entities::decode_attr(v)))
            {
                kept.push(("id", v));
            }
        }
        if kept.is_empty() {
            return Action::Unwrap;
        }
    }
    if out_tag == "span" && kept.is_empty() {
        return Action::Unwrap;
    }
    Action::Keep {
        tag: out_tag,
        attrs: kept,
    }
}

/// Applies the rules that depend on where the element is, for an emitter that tracks its own
/// open elements: MathML elements only inside an open `<math>` and HTML elements never inside
/// one (unwrapped, so their text stays), `<source>` only directly inside `<picture>`.
/// `in_math`: a `<math>` is open in the output; `parent`: the innermost element open in the
/// output.
///
/// Nothing executable depends on this (the allowlist sees to that), but it keeps the output's
/// namespaces what a browser will parse, which is what mutation-XSS tricks play on.
pub fn in_context(action: Action, in_math: bool, parent: Option<&str>) -> Action {
    let Action::Keep { tag, .. } = &action else {
        return action;
    };
    if *tag != "math" && is_mathml(tag) != in_math {
        return Action::Unwrap;
    }
    if *tag == "source" && parent != Some("picture") {
        return Action::Drop;
    }
    action
}

/// Escapes text for an HTML text node. NUL becomes U+FFFD, as a browser would read it.
pub fn escape_text(s: &str, out: &mut String) {
    escape(s, out, false)
}

/// Escapes text for a double-quoted attribute value.
pub fn escape_attr(s: &str, out: &mut String) {
    escape(s, out, true)
}

fn escape(s: &str, out: &mut String, attr: bool) {
    let bytes = s.as_bytes();
    let (mut last, mut i) = (0, 0);
    loop {
        // Eight bytes at a time to the next byte that needs escaping: text rarely has one.
        i = swar::find(
            bytes,
            i,
            |w| {
                let quote = if attr { swar::byte_mask(w, b'"') } else { 0 };
                swar::byte_mask(w, b'&')
                    | swar::byte_mask(w, b'<')
                    | swar::byte_mask(w, b'>')
                    | swar::byte_mask(w, 0)
                    | quote
            },
            |b| matches!(b, b'&' | b'<' | b'>' | 0) || (attr && b == b'"'),
        );
        let Some(&b) = bytes.get(i) else { break };
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "\u{FFFD}",
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        i += 1;
        last = i;
    }
    out.push_str(&s[last..]);
}

/// Sanitises an HTML fragment (or a whole page) with the same policy, returning balanced
/// markup. `base` makes relative URLs absolute; without it they stay relative.
///
/// Used by exporters, by tests, and as defence in depth on anything already sanitised.
pub fn fragment(html: &str, base: Option<&str>) -> String {
    let writer = Rc::new(RefCell::new(Writer::new(base.and_then(Url::parse), true)));
    let pending = RefCell::new(String::new());
    let w_el = writer.clone();
    let w_text = writer.clone();
    let settings = lol_html::RewriteStrSettings::new()
        .append_element_content_handler(lol_html::element!("*", move |el| {
            let attrs: Vec<Attr<'_>> = el
                .attributes()
                .iter()
                .map(|a| (a.name().into(), a.value().into()))
                .collect();
            let can_have_content = el.can_have_content();
            let id = w_el
                .borrow_mut()
                .start(&el.tag_name(), &attrs, can_have_content);
            if can_have_content {
                let w_end = w_el.clone();
                el.on_end_tag(lol_html::end_tag!(move |_| {
                    w_end.borrow_mut().end(id);
                    Ok(())
                }))?;
            }
            Ok(())
        }))
        .append_document_content_handler(lol_html::doc_text!(move |t| {
            // Chunks split anywhere, even inside `&amp;`: decode whole text nodes only.
            let mut buf = pending.borrow_mut();
            buf.push_str(t.as_str());
            if t.last_in_text_node() {
                let text = std::mem::take(&mut *buf);
                let mut w = w_text.borrow_mut();
                if t.text_type().allows_html_entities() {
                    w.text(&entities::decode(&text));
                } else {
                    w.text(&text);
                }
            }
            Ok(())
        }))
        // Ambiguous markup is no danger here (see the module comment); refusing it would only
        // lose articles.
        .with_strict(false);
    // The rewriter's own output is not used; on a parse error, what was written so far is
    // still balanced and safe.
    let _ = crate::pass::read_only(html, settings);
    let writer = Rc::try_unwrap(writer)
        .map(RefCell::into_inner)
        .unwrap_or_else(|rc| rc.borrow_mut().take());
    writer.finish()
}

/// Streams sanitised markup: feed it start tags, end tags and decoded text in document order.
///
/// It mirrors lol_html's stack of open elements (ids returned by [`Writer::start`] are passed
/// back to [`Writer::end`] from the element's end-tag handler), closes what a browser would
/// close implicitly (`<p>` before a block, `<li>` before the next, table rows and cells), only
/// writes MathML inside `<math>` and `<source>` inside `<picture>`, leaves out a `<figure>`
/// that ends up with nothing but a caption and a `<picture>` without an image, and closes
/// everything still open at the end. Work per call is bounded, so time stays linear however
/// deep the nesting.
pub struct Writer {
    base: Option<Url>,
    keep_images: bool,
    out: String,
    /// lol_html's open elements, as we treated them.
    stack: Vec<Frame>,
    /// Elements open in the output, innermost last (a subsequence of `stack`).
    open: Vec<OpenElement>,
    /// Indices into `open` of the open `figure`, `figcaption` and `picture` elements.
    figures: Vec<usize>,
    /// Open output elements per tag that implicit closing looks for (see [`tracked`]).
    counts: [u32; TRACKED.len()],
    next_id: u32,
    /// How many dropped elements are open: while non-zero, nothing is written.
    dropping: usize,
}

/// Identifies an element passed to [`Writer::start`], for [`Writer::end`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ElementId(u32);

struct Frame {
    id: u32,
    kind: FrameKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    /// Written; it may since have been closed implicitly.
    Written,
    /// Not written; its content passes through.
    Pass,
    /// Left out with its content.
    Dropped,
}

struct OpenElement {
    tag: &'static str,
    /// Index of its frame in `stack`.
    frame: usize,
    /// Where its start tag begins in the output, to cut it off if it stays empty.
    start: usize,
    /// For `figure`: content other than the caption; for `picture`: an image.
    body: bool,
}

/// How far back implicit closing looks. A browser looks further, but only in markup no real
/// article has (hundreds of open inline elements); missing such a close costs a stray empty
/// element, never balance or safety.
const SCAN_LIMIT: usize = 256;

/// Tags implicit closing looks for; a count of zero skips the search.
const TRACKED: [&str; 13] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "a", "rt", "rp", "table", "math", "h",
];

fn tracked(tag: &str) -> Option<usize> {
    let tag = if is_heading(tag) { "h" } else { tag };
    TRACKED.iter().position(|t| *t == tag)
}

impl Writer {
    pub fn new(base: Option<Url>, keep_images: bool) -> Writer {
        Writer {
            base,
            keep_images,
            out: String::new(),
            stack: Vec::new(),
            open: Vec::new(),
            figures: Vec::new(),
            counts: [0; TRACKED.len()],
            next_id: 0,
            dropping: 0,
        }
    }

    fn take(&mut self) -> Writer {
        std::mem::replace(self, Writer::new(None, true))
    }

    /// A start tag. `attrs` as lol_html gives them (values entity-encoded);
    /// `can_have_content` as lol_html's `Element::can_have_content`.
    pub fn start(&mut self, tag: &str, attrs: &[Attr<'_>], can_have_content: bool) -> ElementId {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let kind = if self.dropping > 0 {
            FrameKind::Pass
        } else {
            let ctx = Context {
                base: self.base.as_ref(),
                keep_images: self.keep_images,
            };
            match self.in_context(element(tag, attrs, &ctx)) {
                Action::Drop => {
                    if can_have_content {
                        self.dropping += 1;
                    }
                    FrameKind::Dropped
                }
                Action::Unwrap => FrameKind::Pass,
                Action::Keep { tag, attrs } => {
                    if self.write_start(tag, &attrs, can_have_content) {
                        FrameKind::Written
                    } else {
                        FrameKind::Pass
                    }
                }
            }
        };
        if can_have_content {
            self.stack.push(Frame { id, kind });
        }
        ElementId(id)
    }

    /// The end tag of an element given to [`Writer::start`]; closes it and whatever is still
    /// open inside it. Unknown or already closed ids are ignored.
    pub fn end(&mut self, id: ElementId) {
        // Nearly always the last frame; a mismatched end tag pops (and so pays for) the rest.
        if let Some(pos) = self.stack.iter().rposition(|f| f.id == id.0) {
            self.close_open_from(self.open.partition_point(|o| o.frame < pos));
            for frame in self.stack.drain(pos..) {
                if frame.kind == FrameKind::Dropped {
                    self.dropping = self.dropping.saturating_sub(1);
                }
            }
        }
    }

    /// Text, already decoded (it is escaped here).
    pub fn text(&mut self, text: &str) {
        if self.dropping > 0 || text.is_empty() {
            return;
        }
        if text.chars().any(|c| !c.is_whitespace()) {
            self.note_content(None);
        }
        escape_text(text, &mut self.out);
    }

    /// Closes what is still open and returns the markup.
    pub fn finish(mut self) -> String {
        self.close_open_from(0);
        self.out
    }

    fn count(&self, tag: &str) -> u32 {
        tracked(tag).map_or(0, |i| self.counts[i])
    }

    /// [`in_context`], plus: pictures do not nest (one level keeps `note_content` short).
    fn in_context(&self, action: Action) -> Action {
        let parent = self.open.last().map(|o| o.tag);
        let action = in_context(action, self.count("math") > 0, parent);
        match &action {
            Action::Keep { tag: "picture", .. }
                if self.figures.iter().any(|&i| self.open[i].tag == "picture") =>
            {
                Action::Unwrap
            }
            _ => action,
        }
    }

    /// Writes a start tag; true if the element stays open for content.
    fn write_start(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, String)],
        can_have_content: bool,
    ) -> bool {
        self.close_implied_by(tag);
        if tag != "figcaption" {
            self.note_content(Some(tag));
        }
        let start = self.out.len();
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_attr(value, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        if is_void(tag) {
            return false;
        }
        if !can_have_content {
            // A self-closing foreign element (`<mspace/>`): HTML has no such syntax.
            self.out.push_str("</");
            self.out.push_str(tag);
            self.out.push('>');
            return false;
        }
        if matches!(tag, "figure" | "figcaption" | "picture") {
            self.figures.push(self.open.len());
        }
        if let Some(i) = tracked(tag) {
            self.counts[i] += 1;
        }
        self.open.push(OpenElement {
            tag,
            frame: self.stack.len(),
            start,
            body: false,
        });
        true
    }

    /// Content for the nearest `figure` (unless it is in the caption) and `picture`.
    fn note_content(&mut self, tag: Option<&str>) {
        // At most a picture and then a figure or caption: pictures do not nest.
        for &i in self.figures.iter().rev() {
            let el = &mut self.open[i];
            match el.tag {
                "figcaption" => return,
                "figure" => {
                    el.body = true;
                    return;
                }
                _ => {
                    if tag == Some("img") {
                        el.body = true;
                    }
                }
            }
        }
    }

    /// What a browser closes before opening `tag`.
    fn close_implied_by(&mut self, tag: &str) {
        let (targets, stop): (&[&str], fn(&str) -> bool) = match tag {
            "li" => (&["li"], |t| is_special(t) && !matches!(t, "div" | "p")),
            "dt" | "dd" => (&["dt", "dd"], |t| {
                is_special(t) && !matches!(t, "div" | "p")
            }),
            // A new row or cell closes the open one with everything inside it.
            "tr" => (&["tr"], |t| {
                matches!(t, "table" | "thead" | "tbody" | "tfoot")
            }),
            "td" | "th" => (&["td", "th"], |t| matches!(t, "tr" | "table")),
            "rt" | "rp" => (&["rt", "rp"], |t| t == "ruby"),
            "a" => (&["a"], |t| matches!(t, "td" | "th" | "caption" | "table")),
            // A new table section closes whatever is open inside the table.
            "thead" | "tbody" | "tfoot" | "caption" | "colgroup" => (&["table"], |_| false),
            _ => (&[], |_| true),
        };
        if targets.iter().any(|t| self.count(t) > 0) {
            if let Some(i) = self.find(targets, stop) {
                let inside = targets == ["table"];
                self.close_open_from(if inside { i + 1 } else { i });
            }
        }
        if is_heading(tag) && self.open.last().is_some_and(|o| is_heading(o.tag)) {
            self.close_open_from(self.open.len() - 1);
        }
        if closes_p(tag) && self.count("p") > 0 {
            let boundary = |t: &str| matches!(t, "table" | "td" | "th" | "caption") || is_mathml(t);
            if let Some(i) = self.find(&["p"], boundary) {
                self.close_open_from(i);
            }
        }
    }

    /// Index in `open` of the innermost element named in `targets`, unless an element for
    /// which `stop` holds comes first (or it lies beyond [`SCAN_LIMIT`]).
    fn find(&self, targets: &[&str], stop: fn(&str) -> bool) -> Option<usize> {
        for (i, el) in self.open.iter().enumerate().rev().take(SCAN_LIMIT) {
            if targets.contains(&el.tag) {
                return Some(i);
            }
            if stop(el.tag) {
                return None;
            }
        }
        None
    }

    /// Closes the output elements `open[i..]`, innermost first.
    fn close_open_from(&mut self, i: usize) {
        while self.open.len() > i {
            let Some(el) = self.open.pop() else { break };
            if matches!(el.tag, "figure" | "figcaption" | "picture") {
                self.figures.pop();
            }
            if let Some(t) = tracked(el.tag) {
                self.counts[t] = self.counts[t].saturating_sub(1);
            }
            if matches!(el.tag, "figure" | "picture") && !el.body {
                self.out.truncate(el.start);
            } else {
                self.out.push_str("</");
                self.out.push_str(el.tag);
                self.out.push('>');
            }
        }
    }
}

/// How an element is treated, by tag name alone.
enum Rule {
    Keep(&'static str),
    Unwrap,
    Drop,
}

fn rule(tag: &str) -> Rule {
    use Rule::*;
    match tag {
        "p" => Keep("p"),
        "h1" => Keep("h1"),
        "h2" => Keep("h2"),
        "h3" => Keep("h3"),
        "h4" => Keep("h4"),
        "h5" => Keep("h5"),
        "h6" => Keep("h6"),
        "ul" => Keep("ul"),
        "ol" => Keep("ol"),
        "li" => Keep("li"),
        "dl" => Keep("dl"),
        "dt" => Keep("dt"),
        "dd" => Keep("dd"),
        "blockquote" => Keep("blockquote"),
        "q" => Keep("q"),
        "pre" => Keep("pre"),
        "code" => Keep("code"),
        "kbd" => Keep("kbd"),
        "samp" => Keep("samp"),
        "var" => Keep("var"),
        "em" => Keep("em"),
        "strong" => Keep("strong"),
        "b" => Keep("b"),
        "i" => Keep("i"),
        "u" => Keep("u"),
        "s" => Keep("s"),
        "del" => Keep("del"),
        "ins" => Keep("ins"),
        "mark" => Keep("mark"),
        "small" => Keep("small"),
        "sub" => Keep("sub"),
        "sup" => Keep("sup"),
        "br" => Keep("br"),
        "hr" => Keep("hr"),
        "a" => Keep("a"),
        "img" | "image" => Keep("img"),
        "picture" => Keep("picture"),
        "source" => Keep("source"),
        "figure" => Keep("figure"),
        "figcaption" => Keep("figcaption"),
        "table" => Keep("table"),
        "thead" => Keep("thead"),
        "tbody" => Keep("tbody"),
        "tfoot" => Keep("tfoot"),
        "tr" => Keep("tr"),
        "th" => Keep("th"),
        "td" => Keep("td"),
        "caption" => Keep("caption"),
        "colgroup" => Keep("colgroup"),
        "col" => Keep("col"),
        "abbr" | "acronym" => Keep("abbr"),
        "cite" => Keep("cite"),
        "dfn" => Keep("dfn"),
        "time" => Keep("time"),
        "details" => Keep("details"),
        "summary" => Keep("summary"),
        "ruby" => Keep("ruby"),
        "rt" => Keep("rt"),
        "rp" => Keep("rp"),
        "wbr" => Keep("wbr"),
        "bdi" => Keep("bdi"),
        "bdo" => Keep("bdo"),
        "span" => Keep("span"),
        "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "address" | "hgroup" | "center" => Keep("div"),
        "menu" | "dir" => Keep("ul"),
        "strike" => Keep("s"),
        "tt" => Keep("code"),
        // Their text is shown as written; `fragment` hands it over undecoded.
        "listing" | "xmp" | "plaintext" => Keep("pre"),
        "math" => Keep("math"),
        "mi" => Keep("mi"),
        "mn" => Keep("mn"),
        "mo" => Keep("mo"),
        "ms" => Keep("ms"),
        "mtext" => Keep("mtext"),
        "mspace" => Keep("mspace"),
        "mrow" => Keep("mrow"),
        "mfrac" => Keep("mfrac"),
        "msqrt" => Keep("msqrt"),
        "mroot" => Keep("mroot"),
        "mstyle" => Keep("mstyle"),
        "merror" => Keep("merror"),
        "mpadded" => Keep("mpadded"),
        "mphantom" => Keep("mphantom"),
        "mfenced" => Keep("mfenced"),
        "menclose" => Keep("menclose"),
        "msub" => Keep("msub"),
        "msup" => Keep("msup"),
        "msubsup" => Keep("msubsup"),
        "munder" => Keep("munder"),
        "mover" => Keep("mover"),
        "munderover" => Keep("munderover"),
        "mmultiscripts" => Keep("mmultiscripts"),
        "mprescripts" => Keep("mprescripts"),
        "none" => Keep("none"),
        "mtable" => Keep("mtable"),
        "mtr" => Keep("mtr"),
        "mtd" => Keep("mtd"),
        "mlabeledtr" => Keep("mlabeledtr"),
        "semantics" => Keep("semantics"),
        "annotation" => Keep("annotation"),
        // Executable, embedding, styling, document-level, interactive or UI-only elements:
        // their content is not article text either.
        "script" | "style" | "template" | "iframe" | "frame" | "frameset" | "object" | "embed"
        | "applet" | "param" | "noscript" | "noembed" | "noframes" | "base" | "basefont"
        | "bgsound" | "meta" | "link" | "title" | "head" | "svg" | "canvas" | "video" | "audio"
        | "track" | "map" | "area" | "input" | "button" | "select" | "option" | "optgroup"
        | "datalist" | "textarea" | "output" | "progress" | "meter" | "keygen" | "isindex"
        | "dialog" | "portal" | "fencedframe" | "selectedcontent" | "annotation-xml" | "mglyph"
        | "malignmark" | "xml" => Drop,
        // form, fieldset, label, legend, font, big, nobr, slot, data, maction, html, body,
        // custom elements and anything unknown: the text matters, the tag does not.
        _ => Unwrap,
    }
}

/// The encoding a TeX annotation is written out with, whatever the page called it.
pub const TEX: &str = "application/x-tex";

/// The names pages give TeX as an annotation's encoding (MathJax, KaTeX and MediaWiki write
/// `application/x-tex`; LaTeX converters vary).
fn is_tex(encoding: &str) -> bool {
    [
        "application/x-tex",
        "text/x-tex",
        "application/x-latex",
        "tex",
        "latex",
    ]
    .iter()
    .any(|t| t.eq_ignore_ascii_case(encoding))
}

fn is_mathml(tag: &str) -> bool {
    // Asked of every element written: the first byte rules out nearly all of them before a
    // string comparison (a call to `memcmp` in WebAssembly).
    if !matches!(tag.as_bytes().first(), Some(b'm' | b'n' | b's' | b'a')) {
        return false;
    }
    matches!(
        tag,
        "math"
            | "mi"
            | "mn"
            | "mo"
            | "ms"
            | "mtext"
            | "mspace"
            | "mrow"
            | "mfrac"
            | "msqrt"
            | "mroot"
            | "mstyle"
            | "merror"
            | "mpadded"
            | "mphantom"
            | "mfenced"
            | "menclose"
            | "msub"
            | "msup"
            | "msubsup"
            | "munder"
            | "mover"
            | "munderover"
            | "mmultiscripts"
            | "mprescripts"
            | "none"
            | "mtable"
            | "mtr"
            | "mtd"
            | "mlabeledtr"
            | "semantics"
            | "annotation"
    )
}

fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img" | "wbr" | "col" | "source")
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Output tags a browser's parser treats as "special" (they bound implicit `li`/`dd` closing).
fn is_special(tag: &str) -> bool {
    closes_p(tag)
        || matches!(
            tag,
            "table" | "caption" | "td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "math"
        )
}

/// Output tags whose start closes an open `<p>`.
fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "blockquote"
            | "details"
            | "summary"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "figcaption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "ol"
            | "ul"
            | "li"
            | "pre"
            | "table"
    )
}

/// How one attribute's value is checked.
#[derive(Clone, Copy)]
enum Kind {
    /// Free text (`title`, `alt`, `datetime`).
    Text,
    Lang,
    Dir,
    Id,
    /// Space-separated ids (`headers`).
    IdList,
    /// A link (`href`).
    Link,
    /// A citation source (`cite`): http(s) only.
    Cite,
    Int(i64, i64),
    Bool,
    Enum(&'static [&'static str]),
    /// `class`, kept only as `language-xxx`.
    CodeLanguage,
    /// A MathML presentation value (lengths, keywords, alignments).
    Math,
}

fn attr_kind(tag: &str, name: &str) -> Option<(&'static str, Kind)> {
    use Kind::*;
    let global = match name {
        "lang" => Some(("lang", Lang)),
        "dir" => Some(("dir", Dir)),
        "title" => Some(("title", Text)),
        "id" => Some(("id", Id)),
        _ => None,
    };
    if global.is_some() {
        return global;
    }
    if is_mathml(tag) {
        return MATH_ATTRS.iter().find(|n| **n == name).map(|n| (*n, Math));
    }
    Some(match (tag, name) {
        ("a", "href") => ("href", Link),
        ("td" | "th", "colspan") => ("colspan", Int(1, 1000)),
        ("td" | "th", "rowspan") => ("rowspan", Int(0, 65534)),
        ("td" | "th", "headers") => ("headers", IdList),
        ("th", "scope") => ("scope", Enum(&["row", "col", "rowgroup", "colgroup"])),
        ("th", "abbr") => ("abbr", Text),
        ("col" | "colgroup", "span") => ("span", Int(1, 1000)),
        ("ol", "start") => ("start", Int(-1_000_000_000, 1_000_000_000)),
        ("ol", "reversed") => ("reversed", Bool),
        ("ol", "type") => ("type", Enum(&["1", "a", "A", "i", "I"])),
        ("li", "value") => ("value", Int(-1_000_000_000, 1_000_000_000)),
        ("blockquote" | "q" | "del" | "ins", "cite") => ("cite", Cite),
        ("del" | "ins" | "time", "datetime") => ("datetime", Text),
        ("details", "open") => ("open", Bool),
        ("code" | "pre", "class") => ("class", CodeLanguage),
        _ => return None,
    })
}

/// MathML presentation attributes; none of them loads or runs anything.
const MATH_ATTRS: [&str; 32] = [
    "display",
    "mathvariant",
    "displaystyle",
    "scriptlevel",
    "linethickness",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "form",
    "largeop",
    "movablelimits",
    "symmetric",
    "minsize",
    "maxsize",
    "accent",
    "accentunder",
    "columnalign",
    "rowalign",
    "columnspan",
    "rowspan",
    "columnlines",
    "rowlines",
    "frame",
    "notation",
    "width",
    "height",
    "depth",
    "voffset",
    "open",
    "close",
];

fn attr_value(
    (name, kind): (&'static str, Kind),
    value: &str,
    ctx: &Context,
) -> Option<(&'static str, String)> {
    let v = match kind {
        Kind::Text => value.to_string(),
        Kind::Lang => {
            let v = value.trim();
            let ok = !v.is_empty()
                && v.len() <= 35
                && v.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
            ok.then(|| v.to_string())?
        }
        Kind::Dir => {
            let v = value.trim().to_ascii_lowercase();
            matches!(v.as_str(), "ltr" | "rtl" | "auto").then_some(v)?
        }
        Kind::Id => id_value(value)?,
        Kind::IdList => {
            let ids: Vec<String> = value
                .split_ascii_whitespace()
                .filter_map(id_value)
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))?
        }
        Kind::Link => link(ctx.base, value)?,
        Kind::Cite => url::resolve(ctx.base, value)
            .filter(|u| !u.starts_with("mailto:") && !u.starts_with('#'))?,
        Kind::Int(min, max) => parse_int(value)?.clamp(min, max).to_string(),
        Kind::Bool => String::new(),
        Kind::Enum(allowed) => {
            let v = value.trim();
            let found = allowed.iter().find(|a| **a == v).or_else(|| {
                allowed
                    .iter()
                    .find(|a| a.eq_ignore_ascii_case(v) && a.len() > 1)
            })?;
            found.to_string()
        }
        Kind::CodeLanguage => code_language(value)?,
        Kind::Math => {
            let v = value.trim();
            let ok = v.len() <= 64
                && v.bytes().all(|c| {
                    c.is_ascii_alphanumeric()
                        || matches!(c, b' ' | b'.' | b'-' | b'+' | b'%' | b'#' | b',')
                });
            ok.then(|| v.to_string())?
        }
    };
    Some((name, v))
}

/// An `href`: absolute, of an allowed scheme; in-page links point at the prefixed id.
fn link(base: Option<&Url>, value: &str) -> Option<String> {
    let resolved = url::resolve(base, value)?;
    if let Some(frag) = resolved.strip_prefix('#') {
        return Some(if frag.is_empty() {
            resolved
        } else {
            format!("#{}", prefixed(frag))
        });
    }
    // A link to this very page with a fragment is an in-page link too.
    if let (Some(base), Some(hash)) = (base, resolved.find('#')) {
        let page = base.as_str().split('#').next().unwrap_or("");
        if resolved[..hash] == *page && hash + 1 < resolved.len() {
            return Some(format!("#{}", prefixed(&resolved[hash + 1..])));
        }
    }
    Some(resolved)
}

fn id_value(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 256
        && !value.contains(|c: char| c.is_ascii_whitespace());
    ok.then(|| prefixed(value))
}

/// `value` with [`ID_PREFIX`], added once: sanitising sanitised markup again changes nothing.
fn prefixed(value: &str) -> String {
    if value.starts_with(ID_PREFIX) {
        value.to_string()
    } else {
        // Two copies, not `format!`, whose machinery costs ten times as much on every id.
        let mut out = String::with_capacity(ID_PREFIX.len() + value.len());
        out.push_str(ID_PREFIX);
        out.push_str(value);
        out
    }
}

/// HTML's "rules for parsing integers": leading whitespace, a sign, digits, anything after.
fn parse_int(value: &str) -> Option<i64> {
    let v = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (neg, digits) = match v.as_bytes().first() {
        Some(b'-') => (true, &v[1..]),
        Some(b'+') => (false, &v[1..]),
        _ => (false, v),
    };
    let len = digits.bytes().take_while(|c| c.is_ascii_digit()).count();
    if len == 0 {
        return None;
    }
    let n = digits[..len].bytes().fold(0i64, |acc, d| {
        acc.saturating_mul(10).saturating_add(i64::from(d - b'0'))
    });
    Some(if neg { -n } else { n })
}

fn code_language(class: &str) -> Option<String> {
    class.split_ascii_whitespace().find_map(|token| {
        let lang = token
            .strip_prefix("language-")
            .or_else(|| token.strip_prefix("lang-"))?;
        let ok = !lang.is_empty()
            && lang.len() <= 32
            && lang.bytes().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'+' | b'#' | b'.')
            });
        ok.then(|| format!("language-{lang}"))
    })
}

/// An attribute as the page wrote it: its name lower-cased, its value with its character
/// references not yet decoded. Mostly borrowed from the page.
pub type Attr<'a> = (Cow<'a, str>, Cow<'a, str>);

/// An element's attributes, looked up as a browser does: the first of duplicate names wins.
struct Attrs<'a, 'b>(&'a [Attr<'b>]);

/// Attribute lists longer than this are deduplicated with a set rather than by looking back.
const ATTRS_LOOK_BACK: usize = 16;

impl<'a> Attrs<'a, '_> {
    fn get(&self, name: &str) -> Option<&'a str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Each name once, with its first value.
    fn unique(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        // A hostile tag may carry a hundred thousand attributes, so long lists go through a
        // set; for the handful a tag usually has, looking back costs less than building one.
        let all = self.0;
        let mut seen = std::collections::HashSet::new();
        all.iter()
            .enumerate()
            .filter(move |(i, (n, _))| {
                if all.len() > ATTRS_LOOK_BACK {
                    seen.insert(n.as_ref())
                } else {
                    !all[..*i].iter().any(|(m, _)| m == n)
                }
            })
            .map(|(_, (n, v))| (n.as_ref(), v.as_ref()))
    }
}

/// Attributes where lazy-loading scripts keep an image's real source, most specific first.
const LAZY_SRC: [&str; 11] = [
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-hi-res-src",
    "data-url",
    "data-lazy",
    "data-original-src",
    "data-actualsrc",
    "data-echo",
    "data-img-src",
    "data-srcset-src",
];

/// Where lazy-loading scripts keep an image's real `srcset`.
const LAZY_SRCSET: [&str; 3] = ["data-srcset", "data-lazy-srcset", "data-original-srcset"];

/// The attributes of a kept `<img>`, resolving lazy loading; `None` when there is no usable
/// image (or images are off).
fn image_attrs(attrs: &Attrs, ctx: &Context) -> Option<Vec<(&'static str, String)>> {
    if !ctx.keep_images {
        return None;
    }
    let decoded = |name: &str| attrs.get(name).map(entities::decode_attr);
    let image = |v: &str| url::resolve_image(ctx.base, v);
    let lazy_class = attrs.get("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| t.to_ascii_lowercase().contains("lazy"))
    });

    let lazy_src = LAZY_SRC
        .iter()
        .find_map(|n| decoded(n).and_then(|v| image(&v)));
    let lazy_srcset = LAZY_SRCSET
        .iter()
        .find_map(|n| decoded(n).and_then(|v| srcset(&v, ctx.base)));

    let src = decoded("src").filter(|s| !is_tiny_data_image(s));
    let src_is_stand_in = lazy_class || src.as_deref().is_none_or(looks_like_placeholder);
    let own_src = src.as_deref().and_then(image);
    let own_srcset = decoded("srcset").and_then(|v| srcset(&v, ctx.base));
    let chosen_srcset = if lazy_class {
        lazy_srcset.or(own_srcset)
    } else {
        own_srcset.or(lazy_srcset)
    };
    let mut chosen_src = if src_is_stand_in {
        // A stand-in `src` is the last choice, after any real source the lazy loader holds.
        lazy_src
            .clone()
            .or_else(|| chosen_srcset.as_deref().and_then(best_candidate))
            .or(own_src)
    } else {
        own_src.or(lazy_src.clone())
    };

    // Last resort, as Readability does: any data-* attribute that holds an image URL.
    if chosen_src.is_none() && chosen_srcset.is_none() {
        chosen_src = attrs
            .unique()
            .filter(|(n, _)| n.starts_with("data-"))
            .map(|(_, v)| entities::decode_attr(v))
            .filter(|v| has_image_extension(v))
            .find_map(|v| image(&v));
    }
    let chosen_src = chosen_src.or_else(|| chosen_srcset.as_deref().and_then(best_candidate))?;

    let size = |n: &str| decoded(n).and_then(|v| parse_int(&v)).filter(|v| *v >= 0);
    let (width, height) = (size("width"), size("height"));
    if width == Some(1) && height == Some(1) && lazy_src.is_none() {
        // A tracking pixel.
        return None;
    }
    let mut out = vec![("src", chosen_src)];
    if let Some(s) = chosen_srcset {
        out.push(("srcset", s));
        // `sizes="auto"` only means something with native lazy loading, which we do not keep.
        let sizes = ["sizes", "data-sizes", "data-lazy-sizes"]
            .iter()
            .filter_map(|n| decoded(n))
            .find(|s| sizes_ok(s) && !s.trim().eq_ignore_ascii_case("auto"));
        if let Some(sizes) = sizes {
            out.push(("sizes", sizes.trim().to_string()));
        }
    }
    if let Some(alt) = decoded("alt") {
        out.push(("alt", alt.into_owned()));
    }
    for (name, v) in [("width", width), ("height", height)] {
        if let Some(v) = v {
            out.push((name, v.min(100_000).to_string()));
        }
    }
    Some(out)
}

/// `<source>` in `<picture>`: only `srcset`, `sizes`, `type` (an image type) and `media`.
fn source_attrs(attrs: &Attrs, ctx: &Context) -> Option<Vec<(&'static str, String)>> {
    if !ctx.keep_images {
        return None;
    }
    let decoded = |name: &str| attrs.get(name).map(entities::decode_attr);
    let set = decoded("srcset")
        .and_then(|v| srcset(&v, ctx.base))
        .or_else(|| {
            LAZY_SRCSET
                .iter()
                .find_map(|n| decoded(n).and_then(|v| srcset(&v, ctx.base)))
        })?;
    let mut out = vec![("srcset", set)];
    if let Some(sizes) = decoded("sizes").filter(|s| sizes_ok(s)) {
        out.push(("sizes", sizes.trim().to_string()));
    }
    if let Some(t) = decoded("type") {
        let t = t.trim().to_ascii_lowercase();
        let ok = t.starts_with("image/")
            && t != "image/svg+xml"
            && t.bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'+' | b'.'));
        if !ok {
            return None;
        }
        out.push(("type", t));
    }
    if let Some(media) = decoded("media") {
        out.push(("media", media.trim().to_string()));
    }
    Some(out)
}

/// `sizes` is a list of media conditions and lengths; nothing in it loads anything, but keep
/// it plain.
fn sizes_ok(s: &str) -> bool {
    s.len() <= 1000
        && s.bytes().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, b' ' | b'(' | b')' | b',' | b'.' | b':' | b'-' | b'%')
        })
}

/// A 1×1 pixel or blank SVG that lazy loaders put in `src` until the real image loads.
fn is_tiny_data_image(src: &str) -> bool {
    let s = src.trim_start();
    let Some(rest) = s
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("data:"))
        .map(|_| &s[5..])
    else {
        return false;
    };
    let mime = rest.split([';', ',']).next().unwrap_or("").trim();
    if mime.eq_ignore_ascii_case("image/svg+xml") {
        return true;
    }
    // Readability's threshold: base64 data this short is a placeholder, not a picture.
    rest.split_once(',')
        .is_none_or(|(_, data)| data.len() < 133)
}

/// File names lazy loaders use for stand-in images.
fn looks_like_placeholder(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let file = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    file.is_empty()
        || [
            "blank",
            "placeholder",
            "spacer",
            "pixel",
            "transparent",
            "1x1",
            "lazy",
            "loading",
            "loader",
            "dummy",
            "empty.",
            "clear.gif",
            "grey.gif",
            "gray.gif",
        ]
        .iter()
        .any(|p| file.contains(p))
}

fn has_image_extension(v: &str) -> bool {
    let path = v
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !path.contains(char::is_whitespace)
        && [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
            .iter()
            .any(|e| path.ends_with(e))
}

/// Parses a `srcset` (as the HTML spec splits it), resolves each candidate with the image
/// rules and writes back those that pass; `None` if none does.
fn srcset(value: &str, base: Option<&Url>) -> Option<String> {
    let mut out = String::new();
    for (u, descriptor) in srcset_candidates(value) {
        let Some(resolved) = url::resolve_image(base, u) else {
            continue;
        };
        if !out.is_empty() {
            out.push_str(", ");
        }
        // A space or trailing comma would split the URL when the browser reads the list.
        let resolved = resolved.replace(' ', "%20");
        match resolved.strip_suffix(',') {
            Some(stripped) => {
                out.push_str(stripped);
                out.push_str("%2C");
            }
            None => out.push_str(&resolved),
        }
        if let Some(d) = descriptor {
            out.push(' ');
            out.push_str(d);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `(url, descriptor)` pairs; the descriptor is a valid `Nw` or `Nx`, or absent (1x).
fn srcset_candidates(value: &str) -> Vec<(&str, Option<&str>)> {
    let mut list = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let raw_url = &rest[..end];
        rest = &rest[end..];
        let url = raw_url.trim_end_matches(',');
        if url.len() != raw_url.len() {
            list.push((url, None));
            continue;
        }
        // Descriptors run to the next comma outside parentheses.
        let mut depth = 0u32;
        let stop = rest
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => return true,
                    _ => {}
                }
                false
            })
            .map_or(rest.len(), |(i, _)| i);
        let descriptors = &rest[..stop];
        rest = &rest[stop..];
        let mut tokens = descriptors.split_ascii_whitespace();
        let descriptor = match (tokens.next(), tokens.next()) {
            (None, _) => Some(None),
            (Some(d), None) if valid_descriptor(d) => Some(Some(d)),
            _ => None,
        };
        if let Some(d) = descriptor {
            list.push((url, d));
        }
    }
    list
}

/// The number of a `srcset` descriptor ("640", "1.5", "2e0"): digits, a fraction, an
/// exponent, and no sign (a width or density is positive). Written by hand because
/// `str::parse::<f64>` brought core's exact decimal conversion into the module, some 6 KB of
/// code, for numbers that are only compared.
pub fn descriptor_number(s: &str) -> Option<f64> {
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let value = int
        .bytes()
        .chain(frac.bytes())
        .fold(0f64, |v, b| v * 10.0 + f64::from(b - b'0'));
    let mut power = -(frac.len().min(1000) as i32);
    if let Some(e) = exponent {
        let (negative, e) = match e.strip_prefix('-') {
            Some(e) => (true, e),
            None => (false, e.strip_prefix('+').unwrap_or(e)),
        };
        if e.is_empty() || !digits(e) {
            return None;
        }
        // Past 10^±1000 every f64 is zero or infinite: the cap keeps the sum in range.
        let e = e
            .bytes()
            .fold(0i32, |v, b| (v * 10 + i32::from(b - b'0')).min(1000));
        power += if negative { -e } else { e };
    }
    Some(value * 10f64.powi(power))
}

fn valid_descriptor(d: &str) -> bool {
    let (num, unit) = d.split_at(d.len().saturating_sub(1));
    match unit {
        "w" => !num.is_empty() && num.bytes().all(|c| c.is_ascii_digit()),
        "x" => descriptor_number(num).is_some_and(|v| v.is_finite() && v > 0.0),
        _ => false,
    }
}

/// The largest candidate of a sanitised `srcset` (widest `w`, else highest `x`, else first).
pub fn best_candidate(srcset: &str) -> Option<String> {
    srcset_candidates(srcset)
        .into_iter()
        .enumerate()
        .max_by(|(ia, (_, a)), (ib, (_, b))| {
            let score = |d: &Option<&str>| -> (u8, f64) {
                match d {
                    Some(d) if d.ends_with('w') => {
                        (2, descriptor_number(&d[..d.len() - 1]).unwrap_or(0.0))
                    }
                    Some(d) => (1, descriptor_number(&d[..d.len() - 1]).unwrap_or(0.0)),
                    None => (1, 1.0),
                }
            };
            let (sa, sb) = (score(a), score(b));
            sa.0.cmp(&sb.0)
                .then(sa.1.partial_cmp(&sb.1).unwrap_or(std::cmp::Ordering::Equal))
                // Among equals, the first.
                .then(ib.cmp(ia))
        })
        .map(|(_, (u, _))| u.to_string())
}
