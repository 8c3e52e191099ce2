//! Pass 3: stream the article's part of the page again (see `stages::article_range`) and
//! write the chosen nodes, through the sanitiser, as `content_html` and `text` at once.
//!
//! Output is written forward only. The one look-back is cheap: a block that ends up with
//! nothing to show is cut off the end of the buffer when it closes.

use super::is_ascii_space;
use super::score::Action;
use super::stream::{StartTag, Visitor};
use super::tree::{Open, Tag};
use crate::entities;
use crate::sanitize::{self, Context};
use crate::swar;
use crate::url::Url;
use lol_html::html_content::TextType;
use std::borrow::Cow;

/// What happens to one node in this pass.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Not in the article (its descendants may be).
    Outside,
    /// In the article, element not written, children are.
    Unwrapped,
    /// In the article and written: its end tag must be written too.
    Written,
    /// Left out with its descendants.
    Skipped,
}

/// Images without alt text no larger than this on both sides are icons, not pictures (with
/// alt text the bound is 32).
const ICON_MAX: u32 = 48;

/// A written element still open in the output.
struct OpenOut {
    node: u32,
    tag: &'static str,
    /// Where its start tag begins in `html`, for cutting it off if it stays empty.
    start: usize,
    /// Where its content begins in `html`, right after the start tag.
    content: usize,
    /// `meaningful` and `breaks` when it opened.
    meaningful_at_start: u64,
    breaks_at_start: u64,
}

pub struct Emitter {
    actions: Vec<Action>,
    /// Sorted, for the look-up each text node inside a shadow host's light DOM makes.
    quiet: Vec<u32>,
    /// A native player with controls whose address is in a `<source>` inside it: its node,
    /// `video` or `audio`, and its title.
    pending_media: Option<(u32, &'static str, Option<String>)>,
    states: Vec<State>,
    base: Option<Url>,
    keep_images: bool,
    pub html: String,
    pub text: TextOut,
    open: Vec<OpenOut>,
    /// How many of `open` are `<math>`: asking the stack instead costs a walk per element,
    /// quadratic on a deeply nested page.
    math_open: u32,
    /// How many of `open` are a formula's TeX `annotation`: in the HTML for the exports,
    /// but not shown, so not in the text either.
    unseen_open: u32,
    /// Counts writes that make a block worth keeping (visible text, an image).
    meaningful: u64,
    /// Counts `<br>`s written: they keep an inline element (`<span><br></span>`), not a block.
    breaks: u64,
    pre_depth: u32,
    /// `html.len()` right after the last `<code>` closed inside a `<pre>`: a second one right
    /// there is another listing (Node's docs give each example as ES module and CommonJS)
    /// or the next line of one written a `<code>` per line, and starts on a line of its own.
    after_code_in_pre: Option<usize>,
    /// `html.len()` right after the last image written (a `<noscript>` twin right after it
    /// would show the same picture twice).
    after_last_img: Option<usize>,
    /// Where that image's tag starts in `html`, and its `src`.
    last_img: Option<(usize, String)>,
    /// The best `srcset` candidate of the `<source>`s of the `<picture>` being read.
    picture_source: Option<String>,
    noscript: Option<String>,
    pub first_image: Option<String>,
    /// `src`s of the images written so far.
    images: std::collections::HashSet<String>,
    /// Images written so far (`<img>` tags, duplicates left out).
    images_written: u64,
    /// The open `<figure>`s that name an image in an attribute (see [`FigureOpen`]).
    figures: Vec<FigureOpen>,
    /// An open in-page link in a heading, whose text is held back while it reads as a
    /// permalink mark (see [`PermalinkOpen`]).
    permalink: Option<PermalinkOpen>,
    /// `html.len()` right after an image, until the next text or element shows whether a
    /// caption follows it.
    image_end: Option<usize>,
    /// The caption being written, whose credit at the end goes (see [`CaptionOpen`]).
    caption: Option<CaptionOpen>,
    /// The places in it a credit may start, in order; kept from caption to caption.
    credit_marks: Vec<CreditMark>,
}

/// A caption being written: a `<figcaption>`, an element that opens right after an image, or
/// the text right after an image up to the end of the element around both. Its end is held
/// to [`crate::patterns::credit_tail`] when it closes: "… im Abendrot. Bild:
/// TebNad/Shutterstock.com" loses its credit as a caption of only "Bild: dpa" does (see
/// `super::credits`). Captions are short, so where each word that may start a credit begins
/// is noted as it is written, and the output is cut back to it: the one look-back besides
/// an empty block's.
struct CaptionOpen {
    /// The index in `open` of the element whose end ends it.
    depth: usize,
    /// Where its text starts in `text.out`.
    text_at: usize,
    images_at_start: u64,
}

/// A place in a caption where a credit may start: a word that begins with a capital, the
/// copyright sign, a bracket or a bar.
struct CreditMark {
    html: usize,
    text: usize,
    /// The elements open inside the caption there, outermost first, as `(tag, start,
    /// content)` in `html`: cut there, they are closed again, or go if nothing precedes it.
    inner: Vec<(&'static str, usize, usize)>,
}

/// A caption longer than this (bytes of text) is not read for a credit at its end: it is a
/// paragraph, or a caption that a credit's words could not be told apart in.
const CAPTION_MAX_BYTES: usize = 600;
/// Places noted per caption, to bound the copies a long caption's words would make.
const CREDIT_MARKS_MAX: usize = 48;
/// Elements open inside a caption where a place is still noted (see [`CreditMark::inner`]).
const CREDIT_DEPTH_MAX: usize = 8;
/// A caption's end longer than this, in characters, is read for no credit: the credit's own
/// bound ([`crate::patterns::CREDIT_TAIL_MAX_CHARS`]) and the separators before it.
const TAIL_MAX_CHARS: usize = crate::patterns::CREDIT_TAIL_MAX_CHARS + 8;

/// A link to a fragment of the page opened in a heading, a term or a caption, where
/// documentation generators put a permalink to it. Its text is held back while all of it is
/// a mark (`patterns::PERMALINK_MARKS`): if the link closes so, it closes empty and is cut
/// like any empty element, from the view, the text and the exports. Any other text writes
/// what was held first (the text may come in pieces split anywhere).
struct PermalinkOpen {
    node: u32,
    held: String,
}

/// A `<figure>` whose own attributes name its picture (`itemid` on schema.org's
/// ImageObject, a lazy loader's `data-*`): if nothing inside it shows an image by the time
/// it closes, that picture is put at its top, as Readability's `_fixLazyImages` does.
struct FigureOpen {
    node: u32,
    /// Where its content starts in `html`, right after its start tag.
    at: usize,
    images_at_start: u64,
    /// The `<img>` attribute the address makes: `src` or `srcset`, and the raw value.
    image: (&'static str, String),
}

impl Emitter {
    /// `reserve`: the bytes of page the pass will read, which bounds the output in practice;
    /// taking that room at once spares a large page's output its copies while it grows. The
    /// HTML is given an eighth more: its addresses made absolute can take it a little past
    /// the page's own bytes, and growing by a copy would hold it twice. (Room never written
    /// costs no memory the system gives a page.)
    /// `quiet`: the shadow hosts whose own text is not shown (`Collected::quiet_hosts`).
    pub fn new(
        actions: Vec<Action>,
        mut quiet: Vec<u32>,
        base: Option<Url>,
        keep_images: bool,
        reserve: usize,
    ) -> Emitter {
        let n = actions.len();
        // Inner roots end first, so their hosts came in out of order.
        quiet.sort_unstable();
        Emitter {
            actions,
            quiet,
            pending_media: None,
            states: vec![State::Outside; n],
            base,
            keep_images,
            html: String::with_capacity(reserve + reserve / 8),
            text: TextOut {
                out: String::with_capacity(reserve),
                ..TextOut::default()
            },
            open: Vec::new(),
            math_open: 0,
            unseen_open: 0,
            meaningful: 0,
            breaks: 0,
            pre_depth: 0,
            after_code_in_pre: None,
            after_last_img: None,
            last_img: None,
            picture_source: None,
            noscript: None,
            first_image: None,
            images: std::collections::HashSet::new(),
            images_written: 0,
            figures: Vec::new(),
            permalink: None,
            image_end: None,
            caption: None,
            credit_marks: Vec::new(),
        }
    }

    fn ctx(&self) -> Context<'_> {
        Context {
            base: self.base.as_ref(),
            keep_images: self.keep_images,
        }
    }

    fn state(&self, node: u32) -> State {
        self.states
            .get(node as usize)
            .copied()
            .unwrap_or(State::Skipped)
    }

    fn writing(&self, node: u32) -> bool {
        matches!(self.state(node), State::Written | State::Unwrapped)
    }

    /// Writes one element's start tag (or not) and returns its state.
    fn write_start(
        &mut self,
        node: u32,
        tag: Tag,
        name: &[u8],
        mut attrs: Vec<sanitize::Attr<'_>>,
        can_have_content: bool,
    ) -> State {
        if matches!(tag, Tag::Iframe | Tag::Embed | Tag::Object) {
            let link = sanitize::video_link(tag_name_of(tag), &attrs, &self.ctx());
            if let Some((href, label)) = link {
                self.write_player_link(&href, &label);
            }
            // Any other embed goes with what is inside it, as the sanitiser would have it.
            return State::Skipped;
        }
        if matches!(tag, Tag::Video | Tag::Audio) {
            let kind = tag_name_of(tag);
            match sanitize::media_player(kind, &attrs, &self.ctx()) {
                sanitize::Media::Link(href, label) => self.write_player_link(&href, &label),
                // Its address is in a <source> inside it, which the stream reaches next.
                sanitize::Media::InSource(title) => self.pending_media = Some((node, kind, title)),
                sanitize::Media::None => {}
            }
            return State::Skipped;
        }
        let tag_name: &str = match tag {
            // The article's title is shown above it, so its own top level is h2 (as Readability).
            Tag::H1 => "h2",
            Tag::Picture => return State::Unwrapped,
            Tag::Source => {
                if let Some(candidate) = attrs
                    .iter()
                    .find(|(k, _)| k == "srcset" || k == "data-srcset")
                    .and_then(|(_, v)| best_srcset_candidate(&entities::decode(v)))
                {
                    self.picture_source.get_or_insert(candidate);
                }
                return State::Skipped;
            }
            Tag::Img => {
                let has_src = attrs.iter().any(|(k, _)| {
                    matches!(
                        k.as_ref(),
                        "src"
                            | "data-src"
                            | "data-lazy-src"
                            | "data-original"
                            | "srcset"
                            | "data-srcset"
                    )
                });
                // The sanitiser prefers a real `src` over `data-src` but a placeholder `src`
                // gives way to it: exactly what the <picture>'s source should do.
                if let Some(src) = self.picture_source.clone() {
                    if has_src {
                        attrs.push(("data-src".into(), src.into()));
                    } else {
                        attrs.push(("src".into(), src.into()));
                    }
                }
                "img"
            }
            _ => tag_name_of(tag),
        };
        // Most of what the sanitiser keeps has no `Tag` of its own (`em`, `sup`, `abbr`,
        // MathML's elements…): those are judged by name. An HTML parser has lower-cased
        // names already, but a page need not have been through one.
        let lower;
        let tag_name = match tag {
            Tag::Other => match std::str::from_utf8(name) {
                Ok(n) if n.bytes().any(|b| b.is_ascii_uppercase()) => {
                    lower = n.to_ascii_lowercase();
                    lower.as_str()
                }
                Ok(n) => n,
                Err(_) => "",
            },
            _ => tag_name,
        };
        let action = sanitize::in_context(
            sanitize::element(tag_name, &attrs, &self.ctx()),
            self.math_open > 0,
            self.open.last().map(|o| o.tag),
        );
        let figure = (tag == Tag::Figure && self.keep_images)
            .then(|| figure_image(&attrs))
            .flatten();
        match action {
            sanitize::Action::Drop => State::Skipped,
            sanitize::Action::Unwrap => State::Unwrapped,
            sanitize::Action::Keep {
                tag: out_tag,
                attrs,
            } => {
                if out_tag == "img" && !self.first_sighting(&attrs) {
                    return State::Skipped;
                }
                if out_tag == "code" && self.after_code_in_pre == Some(self.html.len()) {
                    self.html.push('\n');
                    self.text.push("\n", true);
                }
                // A line break between a picture and its caption leaves it the caption.
                let follows_image = tag != Tag::Br && self.follows_image();
                let start = self.html.len();
                self.html.push('<');
                self.html.push_str(out_tag);
                for (k, v) in &attrs {
                    self.html.push(' ');
                    self.html.push_str(k);
                    self.html.push_str("=\"");
                    sanitize::escape_attr(v, &mut self.html);
                    self.html.push('"');
                }
                self.html.push('>');
                if out_tag == "img" {
                    self.meaningful += 1;
                    self.images_written += 1;
                    self.after_last_img = Some(self.html.len());
                    self.image_end = Some(self.html.len());
                    let src = attrs.iter().find(|(k, _)| *k == "src");
                    self.last_img = src.map(|(_, v)| (start, v.clone()));
                    if self.first_image.is_none() {
                        self.first_image = attrs
                            .iter()
                            .find(|(k, _)| *k == "src")
                            .map(|(_, v)| v.clone());
                    }
                }
                // A formula's tokens (`<mi>x</mi><mn>2</mn>`) read as words in the text.
                if self.math_open > 0 && matches!(out_tag, "mi" | "mn" | "mo" | "ms" | "mtext") {
                    self.text.space();
                }
                match tag {
                    Tag::Br => {
                        self.breaks += 1;
                        self.text.br();
                    }
                    Tag::Hr => self.text.block(),
                    Tag::Td | Tag::Th => self.text.cell(),
                    Tag::Tr => self.text.line_break(),
                    t if t.is_text_block() => self.text.block(),
                    _ => {}
                }
                if tag == Tag::Pre {
                    self.pre_depth += 1;
                }
                if can_have_content && !is_void(out_tag) {
                    if out_tag == "math" {
                        self.math_open += 1;
                    }
                    if out_tag == "annotation" {
                        self.unseen_open += 1;
                    }
                    if let Some(image) = figure {
                        self.figures.push(FigureOpen {
                            node,
                            at: self.html.len(),
                            images_at_start: self.images_written,
                            image,
                        });
                    }
                    if out_tag == "a" && self.permalink.is_none() && self.may_be_permalink(&attrs) {
                        self.permalink = Some(PermalinkOpen {
                            node,
                            held: String::new(),
                        });
                    }
                    self.open.push(OpenOut {
                        node,
                        tag: out_tag,
                        start,
                        content: self.html.len(),
                        meaningful_at_start: self.meaningful,
                        breaks_at_start: self.breaks,
                    });
                    if tag == Tag::Figcaption || follows_image {
                        self.begin_caption(self.open.len() - 1);
                    }
                    State::Written
                } else {
                    if !is_void(out_tag) {
                        // A self-closed MathML element (`<mspace/>`, `<none/>`): HTML has no
                        // such syntax, so it is closed where it opens.
                        self.html.push_str("</");
                        self.html.push_str(out_tag);
                        self.html.push('>');
                    }
                    State::Unwrapped
                }
            }
        }
    }

    /// A `<source>` that may give the waiting player its address (`pending_media`).
    fn media_source(&mut self, parent: Option<Open>, el: &StartTag<'_>) {
        let Some((player, kind, title)) = &self.pending_media else {
            return;
        };
        if parent.map(|p| p.node) != Some(*player) {
            return;
        }
        // Not one a reader can open (a `blob:` stream): the player waits for its next source.
        let attrs = attributes(el);
        let Some((href, label)) =
            sanitize::media_source(kind, title.as_deref(), &attrs, &self.ctx())
        else {
            return;
        };
        self.pending_media = None;
        self.write_player_link(&href, &label);
    }

    /// A link in place of a player (`sanitize::video_link`, `sanitize::media_player`): a
    /// paragraph of its own, or just the link where a paragraph or a line of text is open.
    /// Never inside a link.
    fn write_player_link(&mut self, href: &str, label: &str) {
        if self.open.iter().any(|o| o.tag == "a") {
            return;
        }
        let in_text = self
            .open
            .last()
            .is_some_and(|o| is_phrasing_container(o.tag));
        // In a line of text the link gets spaces of its own: a player set between two words
        // would otherwise join them to its label.
        if in_text {
            if !self.html.ends_with(|c: char| c.is_ascii_whitespace()) {
                self.html.push(' ');
            }
            self.text.space();
        } else {
            self.html.push_str("<p>");
            self.text.block();
        }
        self.html.push_str("<a href=\"");
        sanitize::escape_attr(href, &mut self.html);
        self.html.push_str("\">");
        sanitize::escape_text(label, &mut self.html);
        self.html.push_str("</a>");
        self.text.push(label, false);
        if in_text {
            self.html.push(' ');
            self.text.space();
        } else {
            self.html.push_str("</p>");
            self.text.block();
        }
        self.meaningful += 1;
    }

    /// Whether an image is worth showing: not an icon (both declared sides small: zoom
    /// buttons, share glyphs, emoji) and not a picture already shown
    /// (a lazy image and its `<noscript>` copy).
    fn first_sighting(&mut self, attrs: &[(&'static str, String)]) -> bool {
        let side = |name: &str| {
            attrs
                .iter()
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| v.trim().parse::<u32>().ok())
        };
        let unlabelled = attrs
            .iter()
            .find(|(k, _)| *k == "alt")
            .is_none_or(|(_, v)| v.trim().is_empty());
        let icon_max = if unlabelled {
            ICON_MAX
        } else {
            ICON_MAX / 2 + 8
        };
        if matches!((side("width"), side("height")), (Some(w), Some(h)) if w <= icon_max && h <= icon_max)
        {
            return false;
        }
        match attrs.iter().find(|(k, _)| *k == "src") {
            Some((_, src)) => self.images.insert(src.clone()),
            None => true,
        }
    }

    /// Whether a link about to open may be a permalink: it points into the page, from inside
    /// a heading, a term or a caption.
    fn may_be_permalink(&self, attrs: &[(&'static str, String)]) -> bool {
        attrs
            .iter()
            .any(|(k, v)| *k == "href" && v.starts_with('#'))
            && self.open.iter().rev().any(|o| {
                matches!(
                    o.tag,
                    "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "caption" | "figcaption"
                )
            })
    }

    /// Writes a text node given as it is in the page.
    fn write_text(&mut self, raw: &str) {
        // The whitespace between tags, most text nodes: nothing in it to decode, drop, escape
        // or collapse, and what it adds to the text is a pending space.
        if self.pre_depth == 0
            && raw
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            if !raw.is_empty() {
                self.html.push_str(raw);
                self.text.space();
            }
            return;
        }
        let decoded = entities::decode(raw);
        // Control characters (a stray BEL, form feeds) are not text anyone can read.
        let decoded: std::borrow::Cow<'_, str> = if has_control(&decoded) {
            decoded
                .chars()
                .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
                .collect::<String>()
                .into()
        } else {
            decoded
        };
        let decoded: Cow<'_, str> = match self.permalink.as_mut() {
            Some(p) => {
                p.held.push_str(&decoded);
                if crate::patterns::is_permalink_mark(&p.held) && p.held.len() <= 16 {
                    return;
                }
                // Not a mark: what was held is written, and the rest of the link as it comes.
                self.permalink
                    .take()
                    .map(|p| p.held)
                    .unwrap_or_default()
                    .into()
            }
            None => decoded,
        };
        // Editors fill a blank line with a zero-width space (`<p><span>&#8203;</span></p>`,
        // Naver's spacers): it shows nothing, and the paragraph goes as an empty one does.
        let shows = decoded
            .chars()
            .any(|c| !c.is_whitespace() && !is_zero_width(c));
        if shows {
            self.meaningful += 1;
            if self.follows_image() {
                if let Some(depth) = self.open.len().checked_sub(1) {
                    self.begin_caption(depth);
                }
            }
        }
        // The text has no element to cut: such a filler is left out of it where it comes.
        let filler = !shows && !decoded.chars().all(char::is_whitespace);
        let shown = self.unseen_open == 0 && !filler;
        if shown && self.pre_depth == 0 && self.noting_credit_marks() {
            self.write_caption_text(&decoded);
            return;
        }
        sanitize::escape_text(&decoded, &mut self.html);
        if shown {
            self.text.push(&decoded, self.pre_depth > 0);
        }
    }

    /// Whether what is written now comes right after an image, with only end tags between;
    /// asked once per image.
    fn follows_image(&mut self) -> bool {
        self.image_end.take().is_some_and(|end| {
            end <= self.html.len() && only_end_tags_and_breaks(&self.html[end..])
        })
    }

    /// A caption starts, ended by the end of `open[depth]`; inside one, another is not.
    fn begin_caption(&mut self, depth: usize) {
        if self.caption.is_none() {
            self.caption = Some(CaptionOpen {
                depth,
                text_at: self.text.out.len(),
                images_at_start: self.images_written,
            });
            self.credit_marks.clear();
        }
    }

    /// Whether the text written now is a caption's, short enough still to be read for a
    /// credit at its end.
    fn noting_credit_marks(&self) -> bool {
        self.caption
            .as_ref()
            .is_some_and(|c| self.text.out.len() - c.text_at < CAPTION_MAX_BYTES)
            && self.credit_marks.len() < CREDIT_MARKS_MAX
            && self.permalink.is_none()
    }

    /// Writes a caption's text in pieces, noting where each word that may start a credit
    /// begins (see [`CaptionOpen`]).
    fn write_caption_text(&mut self, decoded: &str) {
        // Word by word: past a word's first byte, the next place that can begin one is found
        // eight bytes at a time, as nearly all of a caption is ASCII.
        let b = decoded.as_bytes();
        let (mut last, mut i, mut after_space) = (0, 0, true);
        while i < b.len() {
            let (len, space, may_start) = match b[i] {
                c if c < 0x80 => (
                    1,
                    is_ascii_space(c),
                    c.is_ascii_uppercase() || matches!(c, b'(' | b'[' | b'|' | b'-'),
                ),
                _ => {
                    let c = decoded[i..].chars().next().unwrap_or(' ');
                    let starts = c.is_uppercase() || matches!(c, '©' | '–' | '—');
                    (c.len_utf8(), c.is_whitespace(), starts)
                }
            };
            if after_space && !space && may_start {
                let Some(caption) = self.caption.as_ref() else {
                    break;
                };
                // Each place copies the elements open inside the caption: a caption nested
                // deeper than a credit is ever set is not read for one.
                if self.credit_marks.len() == CREDIT_MARKS_MAX
                    || self.open.len() > caption.depth + CREDIT_DEPTH_MAX
                {
                    break;
                }
                let inner = self.open[(caption.depth + 1).min(self.open.len())..]
                    .iter()
                    .map(|o| (o.tag, o.start, o.content))
                    .collect();
                sanitize::escape_text(&decoded[last..i], &mut self.html);
                self.text.push(&decoded[last..i], false);
                last = i;
                self.credit_marks.push(CreditMark {
                    html: self.html.len(),
                    text: self.text.out.len(),
                    inner,
                });
            }
            after_space = space;
            i += len;
            if !space && len == 1 {
                i = swar::find(b, i, word_ends, |x| x >= 0x80 || is_ascii_space(x));
            }
        }
        sanitize::escape_text(&decoded[last..], &mut self.html);
        self.text.push(&decoded[last..], false);
    }

    /// A caption has ended: the credit at its end, if that is what its end is, goes from
    /// the view and the text. A caption with an image inside it was a wrapper of the next
    /// picture, not a caption.
    fn cut_credit(&mut self, caption: CaptionOpen) {
        let text = &self.text.out;
        if self.credit_marks.is_empty()
            || self.images_written != caption.images_at_start
            || caption.text_at > text.len()
        {
            return;
        }
        // The caption before the credit stays, so it must say something of the picture: one
        // that starts as a credit is one in two parts ("© Enertrag / Fotograf: Jane Doe"),
        // not cut in half.
        if crate::patterns::credit(&text[caption.text_at..]).is_some() {
            return;
        }
        // From the last place back, while the end is short enough to be a credit: the
        // earliest that starts one takes the whole credit ("| © Getty Images" from the bar).
        let mut found = None;
        for (k, m) in self.credit_marks.iter().enumerate().rev() {
            if m.text < caption.text_at || m.text > text.len() || m.html > self.html.len() {
                break;
            }
            let tail = &text[m.text..];
            if tail.len() > TAIL_MAX_CHARS
                && (tail.len() > 4 * TAIL_MAX_CHARS || tail.chars().nth(TAIL_MAX_CHARS).is_some())
            {
                break;
            }
            if let Some(stop) = crate::patterns::credit_tail(tail) {
                found = Some((k, stop));
            }
        }
        let Some((k, stop)) = found else {
            return;
        };
        if !text[caption.text_at..self.credit_marks[k].text]
            .chars()
            .any(char::is_alphanumeric)
        {
            return;
        }
        let mark = self.credit_marks.swap_remove(k);
        self.html.truncate(mark.html);
        let mut inner = mark.inner;
        // An element that held only the credit goes whole.
        while let Some(&(_, start, content)) = inner.last() {
            if content <= self.html.len() && self.html[content..].trim().is_empty() {
                self.html.truncate(start);
                inner.pop();
            } else {
                break;
            }
        }
        if !stop.is_empty() {
            self.html.truncate(self.html.trim_end().len());
            self.html.push_str(stop);
        }
        for (tag, _, _) in inner.iter().rev() {
            self.html.push_str("</");
            self.html.push_str(tag);
            self.html.push('>');
        }
        self.text.out.truncate(mark.text);
        self.text.out.push_str(stop);
        self.text.pending_break = 0;
        self.text.pending_space = false;
    }

    /// A figure that showed no image gets the one its attributes named, at its top (above
    /// its caption), written as any image is: sanitised, resolved, once per address.
    fn figure_fallback(&mut self, f: FigureOpen) {
        if self.images_written != f.images_at_start || f.at > self.html.len() {
            return;
        }
        let end = self.html.len();
        let (name, value) = f.image;
        self.write_start(
            u32::MAX,
            Tag::Img,
            b"img",
            vec![(name.into(), value.into())],
            false,
        );
        if self.html.len() > end {
            let img = self.html.split_off(end);
            self.html.insert_str(f.at, &img);
            // Its place moved: a `<noscript>` twin is no longer right after it.
            self.after_last_img = None;
            self.last_img = None;
        }
    }

    /// A `<noscript>` in the article: its `<img>` stands in for a lazy image that had no
    /// usable source, unless the image right before it was written already.
    fn noscript_fallback(&mut self, raw: &str) {
        // Like Readability's `_unwrapNoscriptImages`, the <noscript> picture replaces the image
        // just before it: that one is a lazy stand-in or a blurred preview. It may sit in
        // wrappers of its own, closed since (Medium's `<div><img src=…?q=20></div><noscript>`).
        let replaces_previous = self
            .after_last_img
            .filter(|&end| end <= self.html.len() && only_end_tags(&self.html[end..]));
        let mut found: Option<Vec<sanitize::Attr<'static>>> = None;
        let _ = crate::pass::read_only(
            raw,
            lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::element!(
                "img",
                |el| {
                    if found.is_none() {
                        found = Some(
                            el.attributes()
                                .iter()
                                .map(|a| (a.name().into(), a.value().into()))
                                .collect(),
                        );
                    }
                    Ok(())
                }
            )),
        );
        let Some(attrs) = found else { return };
        let Some((start, src)) = replaces_previous.and(self.last_img.take()) else {
            self.write_start(u32::MAX, Tag::Img, b"img", attrs, false);
            return;
        };
        // The new image takes the old one's place, inside its wrappers.
        let end = replaces_previous.unwrap_or(start);
        let closed = self.html.split_off(end);
        self.html.truncate(start);
        self.images.remove(&src);
        if self.first_image.as_ref() == Some(&src) {
            self.first_image = None;
        }
        self.after_last_img = None;
        self.write_start(u32::MAX, Tag::Img, b"img", attrs, false);
        self.html.push_str(&closed);
    }
}

/// The picture a `<figure>`'s own attributes name, as Readability's `_fixLazyImages` reads
/// them: a value that is one image address (`itemid="https://…/photo.jpg?w=600"`) becomes
/// a `src`, one that lists images with widths a `srcset`.
fn figure_image(attrs: &[sanitize::Attr<'_>]) -> Option<(&'static str, String)> {
    const IMAGE: [&str; 4] = [".jpg", ".jpeg", ".png", ".webp"];
    attrs.iter().find_map(|(name, value)| {
        if matches!(name.as_ref(), "src" | "srcset" | "alt") {
            return None;
        }
        let lower = value.to_ascii_lowercase();
        // `.jpg 600w`: an extension, spaces, then a digit.
        let listed = IMAGE.iter().any(|ext| {
            lower.match_indices(ext).any(|(i, _)| {
                let rest = &lower[i + ext.len()..];
                let digits = rest.trim_start();
                digits.len() < rest.len() && digits.starts_with(|c: char| c.is_ascii_digit())
            })
        });
        let v = lower.trim();
        let single = !v.is_empty()
            && !v.contains(char::is_whitespace)
            && IMAGE.iter().any(|ext| v.find(ext).is_some_and(|i| i > 0));
        if listed {
            Some(("srcset", value.to_string()))
        } else if single {
            Some(("src", value.to_string()))
        } else {
            None
        }
    })
}

/// Whether `s` holds only end tags and whitespace: what was written since an element ended
/// closes the elements around it and opens none.
fn only_end_tags(s: &str) -> bool {
    let mut rest = s.trim_start();
    while let Some(tag) = rest.strip_prefix("</") {
        let Some(close) = tag.find('>') else {
            return false;
        };
        rest = tag[close + 1..].trim_start();
    }
    rest.is_empty()
}

/// Like [`only_end_tags`], with line breaks allowed among them.
fn only_end_tags_and_breaks(s: &str) -> bool {
    s.split("<br>").all(only_end_tags)
}

fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "img" | "br" | "hr" | "wbr" | "col" | "source" | "area" | "input"
    )
}

/// Which tag name the sanitiser is asked about for a known tag.
fn tag_name_of(tag: Tag) -> &'static str {
    use Tag::*;
    match tag {
        Html => "html",
        Head => "head",
        Body => "body",
        Title => "title",
        Meta => "meta",
        Link => "link",
        Base => "base",
        Script => "script",
        Style => "style",
        Noscript => "noscript",
        Template => "template",
        Div => "div",
        P => "p",
        Span => "span",
        A => "a",
        Img => "img",
        Picture => "picture",
        Source => "source",
        Figure => "figure",
        Figcaption => "figcaption",
        Br => "br",
        Hr => "hr",
        Wbr => "wbr",
        H1 => "h1",
        H2 => "h2",
        H3 => "h3",
        H4 => "h4",
        H5 => "h5",
        H6 => "h6",
        Hgroup => "hgroup",
        Ul => "ul",
        Ol => "ol",
        Li => "li",
        Dl => "dl",
        Dt => "dt",
        Dd => "dd",
        Table => "table",
        Caption => "caption",
        Colgroup => "colgroup",
        Col => "col",
        Thead => "thead",
        Tbody => "tbody",
        Tfoot => "tfoot",
        Tr => "tr",
        Td => "td",
        Th => "th",
        Pre => "pre",
        Code => "code",
        Blockquote => "blockquote",
        Article => "article",
        Section => "section",
        Main => "main",
        Header => "header",
        Footer => "footer",
        Nav => "nav",
        Aside => "aside",
        Address => "address",
        Details => "details",
        Summary => "summary",
        Form => "form",
        Fieldset => "fieldset",
        Input => "input",
        Button => "button",
        Select => "select",
        Textarea => "textarea",
        Option => "option",
        Label => "label",
        Iframe => "iframe",
        Object => "object",
        Embed => "embed",
        Svg => "svg",
        Math => "math",
        Canvas => "canvas",
        Video => "video",
        Audio => "audio",
        Time => "time",
        Font => "font",
        Center => "center",
        Dialog => "dialog",
        Menu => "menu",
        // Never asked: the emitter writes nothing for it (see `start`).
        Merged => "body",
        Other => "span",
    }
}

/// The widest candidate of a `srcset` (the last one when widths are not given).
fn best_srcset_candidate(srcset: &str) -> Option<String> {
    let mut best: Option<(f64, String)> = None;
    for (i, part) in srcset.split(", ").enumerate() {
        let mut bits = part.split_whitespace();
        let Some(url) = bits.next() else { continue };
        let size = bits
            .next()
            .and_then(|d| sanitize::descriptor_number(d.trim_end_matches(['w', 'x'])))
            .unwrap_or(i as f64);
        if best.as_ref().is_none_or(|(s, _)| size >= *s) {
            best = Some((size, url.trim_end_matches(',').to_string()));
        }
    }
    best.map(|(_, u)| u)
}

/// An element's attributes, borrowed from the page (lol_html's `name()` and `value()` copy
/// each into a new string). Names are lower-cased as lol_html's `name()` does it, ASCII only.
fn attributes<'a>(el: &StartTag<'a>) -> Vec<sanitize::Attr<'a>> {
    el.attributes()
        .map(|(name, value)| {
            let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(name.to_ascii_lowercase())
            } else {
                Cow::Borrowed(name)
            };
            (name, Cow::Borrowed(value))
        })
        .collect()
}

impl Visitor for Emitter {
    fn start(&mut self, node: u32, tag: Tag, parent: Option<Open>, el: &StartTag<'_>) {
        if tag == Tag::Merged {
            // Its content is its parent's; it is left `Outside`, so its end writes nothing.
            return;
        }
        if tag == Tag::Source && self.pending_media.is_some() {
            self.media_source(parent, el);
        }
        let parent_state = parent.map_or(State::Outside, |p| self.state(p.node));
        let action = self
            .actions
            .get(node as usize)
            .copied()
            .unwrap_or(Action::Drop);
        let state = match parent_state {
            State::Skipped => State::Skipped,
            State::Outside if action == Action::Root => State::Written,
            State::Outside => State::Outside,
            _ if action == Action::Drop && tag != Tag::Noscript => State::Skipped,
            _ => State::Written,
        };
        let state = if state == State::Written {
            if tag == Tag::Noscript {
                self.noscript = Some(String::new());
                State::Skipped
            } else {
                let attrs = attributes(el);
                // An address made absolute grows by the base's length; twice the attributes
                // covers that and the escaping for all but a freak tag.
                let given: usize = attrs.iter().map(|(n, v)| n.len() + v.len() + 4).sum();
                room(&mut self.html, START_ROOM + 2 * given);
                self.write_start(node, tag, el.name, attrs, el.can_have_content)
            }
        } else {
            state
        };
        if tag == Tag::Picture {
            self.picture_source = None;
        }
        if let Some(slot) = self.states.get_mut(node as usize) {
            *slot = state;
        }
    }

    fn end(&mut self, open: Open, _at: usize) {
        if self
            .pending_media
            .as_ref()
            .is_some_and(|p| p.0 == open.node)
        {
            self.pending_media = None;
        }
        if open.tag == Tag::Noscript {
            if let Some(raw) = self.noscript.take() {
                self.noscript_fallback(&raw);
            }
            return;
        }
        if self.state(open.node) != State::Written {
            if open.tag == Tag::Picture {
                self.picture_source = None;
            }
            return;
        }
        let Some(pos) = self.open.iter().rposition(|o| o.node == open.node) else {
            return;
        };
        // Anything opened inside and still open was closed by this end (the stream reports
        // inner ends first, so normally `pos` is the last).
        while self.open.len() > pos + 1 {
            if let Some(inner) = self.open.pop() {
                self.close_out(inner, open.tag);
            }
        }
        if let Some(o) = self.open.pop() {
            self.close_out(o, open.tag);
        }
    }

    fn text(&mut self, text: &str, kind: TextType, top: Option<Open>) {
        if let Some(buf) = self.noscript.as_mut() {
            if top.is_some_and(|t| t.tag == Tag::Noscript) && buf.len() < 64 * 1024 {
                buf.push_str(text);
            }
            return;
        }
        if !matches!(kind, TextType::Data) {
            return;
        }
        let Some(top) = top.filter(|t| self.writing(t.node)) else {
            return;
        };
        if !self.quiet.is_empty() && self.quiet.binary_search(&top.node).is_ok() {
            return;
        }
        room(&mut self.html, START_ROOM + text.len());
        room(&mut self.text.out, START_ROOM + text.len());
        self.write_text(text);
    }
}

impl Emitter {
    fn close_out(&mut self, o: OpenOut, tag: Tag) {
        // `o` was `open[depth]`: a caption it holds has ended, and one it is has closed.
        let depth = self.open.len();
        if let Some(caption) = self.caption.take_if(|c| c.depth >= depth) {
            if caption.depth == depth {
                self.cut_credit(caption);
            }
        }
        if self.permalink.as_ref().is_some_and(|p| p.node == o.node) {
            // Closed holding nothing but a mark: the link is left empty, and goes below.
            self.permalink = None;
        }
        if o.tag == "figure" && self.figures.last().is_some_and(|f| f.node == o.node) {
            if let Some(f) = self.figures.pop() {
                self.figure_fallback(f);
            }
        }
        if o.tag == "math" {
            self.math_open = self.math_open.saturating_sub(1);
        }
        if o.tag == "annotation" {
            self.unseen_open = self.unseen_open.saturating_sub(1);
        }
        // A formula's empty parts hold places (`<mfrac>` takes exactly two children; an
        // `<mspace>` is all width): only the `<math>` itself goes when it is empty.
        let keeps_structure = matches!(
            o.tag,
            "td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "table" | "colgroup" | "caption"
        ) || (self.math_open > 0 && o.tag != "math");
        let inline = is_inline(o.tag);
        let empty = self.meaningful == o.meaningful_at_start
            && (!inline || self.breaks == o.breaks_at_start);
        let cut = empty && !keeps_structure;
        if cut {
            // Pages set the space between two words in an element of its own ("Rowling's<i>
            // </i>universe"): it goes with the element, and the words would run together.
            let held = &self.html[o.content..];
            if inline && self.pre_depth > 0 {
                // In a `<pre>` every space shows, and they stay as they were.
                let spaces: String = held.chars().filter(|c| c.is_whitespace()).collect();
                self.html.truncate(o.start);
                self.html.push_str(&spaces);
            } else {
                let spaced = inline && held.chars().any(char::is_whitespace);
                self.html.truncate(o.start);
                if spaced && !self.html.ends_with(|c: char| c.is_ascii_whitespace()) {
                    self.html.push(' ');
                }
            }
        } else {
            self.html.push_str("</");
            self.html.push_str(o.tag);
            self.html.push('>');
        }
        if o.tag == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if o.tag == "code" && self.pre_depth > 0 && !cut {
            self.after_code_in_pre = Some(self.html.len());
        }
        if tag.is_text_block()
            || matches!(
                o.tag,
                "p" | "div" | "li" | "figcaption" | "blockquote" | "pre"
            )
        {
            self.text.block();
        }
    }
}

/// Whether the character at byte `i` of `s` is whitespace (`char::is_whitespace`), and its
/// length in bytes. ASCII, nearly all text, is told by its byte without decoding.
fn char_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes()[i] {
        b if b.is_ascii() => (is_ascii_space(b), 1),
        _ => {
            let c = s[i..].chars().next().unwrap_or_default();
            (c.is_whitespace(), c.len_utf8())
        }
    }
}

/// Whether `s` holds a control character (`char::is_control`) other than a tab or a line
/// break, read from the bytes: C0 and DEL are single bytes, C1 (U+0080 to U+009F) is 0xC2
/// followed by 0x80 to 0x9F.
fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        // Eight bytes at a time to the next byte that may start one.
        i = swar::find(
            b,
            i,
            |w| {
                let breaks = swar::byte_mask(w, b'\t')
                    | swar::byte_mask(w, b'\n')
                    | swar::byte_mask(w, b'\r');
                (swar::below_mask(w, 0x20) & !breaks)
                    | swar::byte_mask(w, 0x7F)
                    | swar::byte_mask(w, 0xC2)
            },
            |x| (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r')) || x == 0x7F || x == 0xC2,
        );
        match b.get(i) {
            None => return false,
            Some(0xC2) if b.get(i + 1).is_none_or(|&y| y >= 0xA0) => i += 1,
            Some(_) => return true,
        }
    }
}

/// Where a word of a caption may end, for [`Emitter::write_caption_text`]: whitespace and
/// non-ASCII bytes.
fn word_ends(w: u64) -> u64 {
    swar::ascii_space_mask(w) | (w & swar::HIGH)
}

/// Where a run of words in [`TextOut::push`] may end: whitespace and non-ASCII bytes, but not a
/// space with a word's ASCII byte after it in the same word of eight.
fn run_stops(w: u64) -> u64 {
    let stops = swar::ascii_space_mask(w) | (w & swar::HIGH);
    // The last byte's neighbour is in the next word: that space stays a stop.
    let between_words = swar::byte_mask(w, b' ') & !(stops >> 8) & !(1 << 63);
    stops & !between_words
}

/// The plain-text rendering: paragraphs separated by one blank line, whitespace collapsed
/// outside `<pre>`.
#[derive(Default)]
pub struct TextOut {
    pub out: String,
    /// 0: nothing pending, 1: a line break, 2: a blank line.
    pending_break: u8,
    pending_space: bool,
}

/// Elements written inline, whose emptiness a `<br>` inside them undoes.
fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "span"
            | "a"
            | "b"
            | "i"
            | "em"
            | "strong"
            | "small"
            | "u"
            | "s"
            | "sub"
            | "sup"
            | "mark"
            | "code"
            | "q"
            | "cite"
            | "abbr"
            | "time"
    )
}

/// Elements that hold only a line of text, where a `<p>` may not open.
fn is_phrasing_container(tag: &str) -> bool {
    is_inline(tag) || matches!(tag, "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre" | "dt")
}

impl TextOut {
    pub fn block(&mut self) {
        self.pending_break = 2;
        self.pending_space = false;
    }

    pub fn line_break(&mut self) {
        self.pending_break = self.pending_break.max(1);
        self.pending_space = false;
    }

    /// `<br>`: a line break, and two in a row separate paragraphs (how pages without `<p>`
    /// mark them).
    pub fn br(&mut self) {
        self.pending_break = if self.pending_break >= 1 { 2 } else { 1 };
        self.pending_space = false;
    }

    /// Whitespace outside `<pre>`, as [`TextOut::push`] takes it.
    pub fn space(&mut self) {
        if !self.out.is_empty() && self.pending_break == 0 {
            self.pending_space = true;
        }
    }

    pub fn cell(&mut self) {
        if self.pending_break == 0 && !self.out.is_empty() {
            self.pending_space = true;
        }
    }

    fn flush_pending(&mut self) {
        if self.out.is_empty() {
            self.pending_break = 0;
            self.pending_space = false;
            return;
        }
        match self.pending_break {
            2 => self.out.push_str("\n\n"),
            1 => self.out.push('\n'),
            _ => {
                if self.pending_space {
                    self.out.push(' ');
                }
            }
        }
        self.pending_break = 0;
        self.pending_space = false;
    }

    pub fn push(&mut self, s: &str, pre: bool) {
        if pre {
            if s.is_empty() {
                return;
            }
            self.flush_pending();
            self.out.push_str(&s.replace("\r\n", "\n"));
            return;
        }
        // A run of words is copied whole: what is pending goes before the run, and nothing is
        // pending inside one, where a single space between words is written as it stands (as
        // pushing it character by character would find).
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (space, len) = char_at(s, i);
            if space {
                self.space();
                i += len;
                continue;
            }
            let run = i;
            i += len;
            loop {
                // Eight bytes at a time to the next whitespace or non-ASCII byte, passing over
                // the single spaces between words.
                i = swar::find(b, i, run_stops, |x| x >= 0x80 || is_ascii_space(x));
                match b.get(i) {
                    None => break,
                    Some(b' ')
                        if b.get(i + 1)
                            .is_some_and(|&n| n < 0x80 && !is_ascii_space(n)) =>
                    {
                        i += 2;
                    }
                    Some(&x) if x >= 0x80 => {
                        let (space, len) = char_at(s, i);
                        if space {
                            break;
                        }
                        i += len;
                    }
                    Some(_) => break,
                }
            }
            self.flush_pending();
            self.out.push_str(&s[run..i]);
        }
    }

    /// The text, with no trailing whitespace on any line (a `<pre>` line's trailing spaces
    /// are invisible anyway) and at most one blank line between blocks.
    pub fn finish(self) -> String {
        // Most texts need nothing done. A `<pre>` ending in a newline before the next block
        // is what leaves a second blank line.
        let mut blank_run = 0;
        let tidy = self.out.lines().all(|l| {
            blank_run = if l.is_empty() { blank_run + 1 } else { 0 };
            blank_run < 2 && l.len() == l.trim_end().len()
        }) && self.out.len() == self.out.trim().len();
        if tidy {
            return self.out;
        }
        // Compacted in place, lines only ever moving left: a copy would hold a large page's
        // text twice at the peak.
        let mut out = self.out;
        out.truncate(out.trim_end().len());
        let lead = out.len() - out.trim_start().len();
        let mut bytes = out.into_bytes();
        let (mut read, mut write, mut blank_run) = (lead, 0, 0);
        while read < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[read..]).map_or(bytes.len(), |i| read + i);
            // A line of valid UTF-8 cut at newlines is valid UTF-8 itself.
            let kept = std::str::from_utf8(&bytes[read..end]).map_or(0, |l| l.trim_end().len());
            let next = end + 1;
            if kept == 0 {
                blank_run += 1;
                if blank_run > 1 {
                    read = next;
                    continue;
                }
            } else {
                blank_run = 0;
            }
            if write > 0 {
                bytes[write] = b'\n';
                write += 1;
            }
            bytes.copy_within(read..read + kept, write);
            write += kept;
            read = next;
        }
        bytes.truncate(write);
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Headroom made before each written start tag or text node, besides its own length: the
/// end tags, breaks and fallbacks written before the next one.
const START_ROOM: usize = 1024;

/// Makes room for `need` more bytes in an output. Each output is reserved at the size of the
/// part of the page it is written from, which it outgrows only by a little (addresses made
/// absolute); doubling it then would hold room for twice the article at the peak of a large
/// page, so it grows by an eighth (still geometric, so writing stays linear in the input).
fn room(out: &mut String, need: usize) {
    if out.capacity() - out.len() < need {
        out.reserve_exact(need.max(out.capacity() / 8));
    }
}

/// Characters that take no room: the zero-width space, joiners and the byte-order mark.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_from_the_bytes() {
        let chars = (0u32..0x300).filter_map(char::from_u32);
        for c in chars.chain(['\u{2028}', '\u{FEFF}', '\u{3000}', '😀']) {
            let expected = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
            // Short pieces are read byte by byte, longer ones eight bytes at a time.
            let long = "line one\nline two\t";
            for s in [
                format!("a{c}b"),
                c.to_string(),
                format!("é{c}"),
                format!("{long}{c}{long}"),
                format!("{long}é{long}{c}"),
            ] {
                assert_eq!(has_control(&s), expected, "{s:?}");
            }
        }
    }

    /// A `<pre>` that ends in a newline, then the next block: one blank line between them,
    /// with or without trailing spaces elsewhere in the text.
    #[test]
    fn a_block_of_code_ending_in_a_newline_leaves_one_blank_line() {
        for trailing in ["", " "] {
            let mut t = TextOut::default();
            t.push("let x = 1;\n", true);
            t.block();
            t.push("After the code.", false);
            t.block();
            t.push(&format!("x{trailing}\n"), true);
            assert_eq!(t.finish(), "let x = 1;\n\nAfter the code.\n\nx");
        }
    }

    /// Tidying in place gives what tidying into a copy gave: no trailing whitespace on a
    /// line (a no-break space included), none around the text, one blank line at most.
    #[test]
    fn text_is_tidied_in_place_as_into_a_copy() {
        fn by_copy(s: &str) -> String {
            let mut out = String::new();
            let mut blank_run = 0;
            for line in s.trim().lines() {
                let line = line.trim_end();
                blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
                if blank_run > 1 {
                    continue;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(line);
            }
            out
        }
        let lines = ["", " ", "é \u{a0}", "\r", "code  ", "Straße", "\t\t", "a b"];
        // Every sequence of up to four of these lines, joined by newlines.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| lines.iter().map(move |l| format!("{t}\n{l}")))
                .collect();
            texts.extend(longer);
        }
        for text in texts {
            let t = TextOut {
                out: text.clone(),
                ..TextOut::default()
            };
            assert_eq!(t.finish(), by_copy(&text), "{text:?}");
        }
    }

    /// Pushing runs writes what pushing character by character did.
    #[test]
    fn text_is_pushed_as_character_by_character() {
        fn by_char(t: &mut TextOut, s: &str) {
            for c in s.chars() {
                if c.is_whitespace() {
                    if !t.out.is_empty() && t.pending_break == 0 {
                        t.pending_space = true;
                    }
                } else {
                    t.flush_pending();
                    t.out.push(c);
                }
            }
        }
        let pieces = [
            "",
            "  ",
            "One two\tthree\n",
            " lead",
            "trail ",
            "non\u{A0}breaking\u{3000}ideographic\u{0B}tab",
            "été — naïve ",
            "x",
            // Longer than a word of eight bytes, spaces at every distance from its edges.
            "a sentence of words, one space apart, and  two,\tor a tab",
            "ab cd efgh ijklmnop q rs t uvwxyz\u{A0}é\u{2003}x  ",
            " a b c d e f g h i j k l m n o p  q\n\nr",
        ];
        for first in pieces {
            for second in pieces {
                let (mut runs, mut chars) = (TextOut::default(), TextOut::default());
                for (t, by_runs) in [(&mut runs, true), (&mut chars, false)] {
                    for (k, piece) in [first, second, first].into_iter().enumerate() {
                        match k {
                            1 => t.block(),
                            2 => t.cell(),
                            _ => {}
                        }
                        if by_runs {
                            t.push(piece, false);
                        } else {
                            by_char(t, piece);
                        }
                    }
                }
                assert_eq!(runs.out, chars.out, "{first:?} {second:?}");
            }
        }
    }
}
