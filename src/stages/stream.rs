//! One streaming pass over the page: the start tags lol_html reports, and the text and end
//! tags [`between`] reads between them, turned into numbered nodes.
//!
//! Both the collect and the emit pass run through the same driver (by lol_html in
//! [`stream`], or again from the start tags a full pass kept in [`replay`]); it owns the
//! open-element stack, so the two passes number nodes identically and see the same implied
//! end tags.

use super::between::{self, Mode, Namespaces, OpenNames, Piece, Span};
use super::tree::{Open, OpenStack, Tag, NONE};
use crate::pass::discard;
use crate::Error;
use lol_html::errors::RewritingError;
use lol_html::html_content::{Element, TextType};
use lol_html::{ElementContentHandlers, HtmlRewriter, MemorySettings, Selector, Settings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// What a pass does with the page's events.
pub trait Visitor {
    /// An element starts. `node` is its number (document order), `parent` the element it sits
    /// in. Called after the elements it implicitly closes have been ended.
    fn start(&mut self, node: u32, tag: Tag, parent: Option<Open>, el: &StartTag<'_>);
    /// A site-rule selector matched element `node` (just started); `flags` is the rule's mark.
    fn mark(&mut self, node: u32, flags: u64) {
        let _ = (node, flags);
    }
    /// An element ends, by its end tag, implicitly, or at the end of the document. `at` is
    /// the byte offset of what ended it: the end tag, the start tag that implied it, or the
    /// end of the page.
    fn end(&mut self, open: Open, at: usize);
    /// A text node inside `top`, whole. The text is raw: character references are not yet
    /// decoded.
    fn text(&mut self, text: &str, kind: TextType, top: Option<Open>);
}

/// A pass over part of the page: from the start tag of one element to where another ended,
/// resuming where a full pass over the same page stood at that start tag.
#[derive(Clone)]
pub struct Resume {
    /// Byte range of the page to read; `start` is the first element's start tag.
    pub start: usize,
    pub end: usize,
    /// The first element's node number.
    pub first_node: u32,
    /// The elements open around it, outermost first, each with where its start tag is (its
    /// name is read there, so that an end tag in the range finds it).
    pub open: Vec<(Open, u32)>,
    /// What the full pass saw for each element of the range, in order.
    pub expect: Vec<Seen>,
    /// Parts of the range to leave unread, in order (see [`Cut`]).
    pub cuts: Vec<Cut>,
}

/// One element of the range, with everything in it, that the pass has no use for: lol_html
/// is given the page without it, which spares tokenising it and calling the handlers for
/// each of its elements and text pieces. An empty comment stands in its place, so the text
/// before it and the text after it stay two text nodes, as they were around the element.
/// The element must have started without closing any other (an implied end tag, which the
/// stand-in would not imply) and end with its own end tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Its start tag's offset, and the offset just after its end tag.
    pub start: usize,
    pub end: usize,
    /// How many elements it holds, itself included: the node numbers it takes up.
    pub nodes: u32,
}

/// Bytes of page per element, about (the corpus has 160 on the median page, markup-heavy
/// generated pages 60): what the per-element lists of a pass (the collector's node arrays,
/// the tape) are sized for before it, so that they do not grow, copying themselves, a dozen
/// times on the way.
pub const BYTES_PER_ELEMENT: usize = 128;

/// How much of the page lol_html is given at a time: its buffers, and the batch of start tags
/// the visitors read after each slice, stay small whatever the page's size.
const SLICE: usize = 16 * 1024;

/// What lol_html reads in place of a [`Cut`]: an empty comment, padded inside so that the
/// page from where the source locations of the stretch after it count starts on a character
/// boundary (see [`StartTag`]'s `src`). Cuts are at least as long as the longest,
/// so a stretch never starts earlier in the page than in what lol_html was given.
const CUT_STAND_INS: [&str; 4] = ["<!---->", "<!-- -->", "<!--  -->", "<!--   -->"];

/// The shortest cut a pass takes.
pub const CUT_MIN: usize = CUT_STAND_INS[3].len();

/// A stretch of the page lol_html reads without a cut: where it starts in what lol_html was
/// given (`fed`), and the node numbers cut before it.
#[derive(Clone, Copy)]
struct Segment {
    fed: usize,
    /// How many bytes of the page it holds (the stand-in for the next cut follows them).
    len: usize,
    /// The stretch's offset in the page minus `fed`: a position lol_html reports plus this
    /// is the position in the page.
    base: usize,
    skipped: u32,
}

/// One element as the full pass saw it: what a resumed pass must see too.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Seen {
    /// Byte offset of its start tag.
    pub start: u32,
    pub parent: u32,
    /// Not in the HTML namespace (inside `<svg>` or `<math>`).
    pub foreign: bool,
}

impl Seen {
    pub fn of(el: &StartTag<'_>, parent: Option<Open>) -> Seen {
        Seen {
            start: offset(el.start),
            parent: parent.map_or(NONE, |p| p.node),
            foreign: el.foreign,
        }
    }
}

/// Whether the element is in the SVG or MathML namespace. lol_html names one of three
/// namespaces, whose URIs differ in length: asked of every element, a length beats a string
/// comparison (a call to `memcmp` in WebAssembly).
fn is_foreign(el: &Element<'_, '_>) -> bool {
    const HTML_NS: &str = "http://www.w3.org/1999/xhtml";
    el.namespace_uri().len() != HTML_NS.len()
}

/// The start tags lol_html reported while it read one slice of the page: what the passes need
/// of each, kept until lol_html returns.
///
/// The handler lol_html calls only notes these; the visitors read the whole batch after it.
/// Reading each start tag as it came made every element run lol_html's tokeniser, its
/// selector machine and then the visitors' code in turn, more code than the processor's
/// instruction cache holds: measured with callgrind on every 10th corpus page, 18 M
/// instruction-cache misses against 0.5 M for lol_html with an empty handler, and the time
/// ran 30 % above what the instruction count predicted.
#[derive(Default)]
struct Batch {
    tags: Vec<Reported>,
}

/// One start tag of a [`Batch`]. Places are byte ranges of what lol_html is given.
struct Reported {
    span: (usize, usize),
    self_closing: bool,
    can_have_content: bool,
    foreign: bool,
    /// The marks of the site-rule selectors it matched.
    marks: u64,
}

/// Where an attribute's name and value lie; no value for an attribute written without one.
#[derive(Clone, Copy)]
struct AttrAt {
    name: Span,
    value: Option<Span>,
}

impl Batch {
    fn report(&mut self, el: &Element<'_, '_>) {
        let at = el.source_location().bytes();
        self.tags.push(Reported {
            span: (at.start, at.end),
            self_closing: el.is_self_closing(),
            can_have_content: el.can_have_content(),
            foreign: is_foreign(el),
            marks: 0,
        });
    }

    fn clear(&mut self) {
        self.tags.clear();
    }
}

/// The start tags of a full pass, kept so that a later pass over part of the page can read
/// them again ([`replay`]) instead of running lol_html a second time: 12 bytes a tag, places
/// as `u32` (only pages whose offsets fit are kept). Attributes are read again from the page
/// ([`between::attributes`]); site-rule marks are not kept.
pub struct Tape {
    tags: Chunks<TapeTag>,
    /// The bytes it may take; past them it is dropped (a page of bare `<b>` tags would make
    /// it four times the page).
    limit: usize,
    dropped: bool,
}

/// A list kept in chunks of a fixed size: growing it never copies it, nor leaves room for as
/// many again (a `Vec` doubles), which on a large page is megabytes at the peak.
struct Chunks<T> {
    full: Vec<Vec<T>>,
    last: Vec<T>,
}

const CHUNK: usize = 1 << 14;

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks {
            full: Vec::new(),
            last: Vec::new(),
        }
    }
}

impl<T> Chunks<T> {
    /// Room for `n` items (at most a chunk) before the first grows.
    fn with_first(n: usize) -> Self {
        Chunks {
            full: Vec::new(),
            last: Vec::with_capacity(n.min(CHUNK)),
        }
    }

    fn len(&self) -> usize {
        self.full.len() * CHUNK + self.last.len()
    }

    fn push(&mut self, item: T) {
        if self.last.len() == CHUNK {
            let last = std::mem::replace(&mut self.last, Vec::with_capacity(CHUNK));
            self.full.push(last);
        }
        self.last.push(item);
    }

    /// The items from `i` on.
    fn from(&self, i: usize) -> impl Iterator<Item = &T> {
        let chunks = self.full.iter().chain(std::iter::once(&self.last));
        chunks.skip(i / CHUNK).enumerate().flat_map(move |(k, c)| {
            let skip = if k == 0 { i % CHUNK } else { 0 };
            c.get(skip..).unwrap_or_default()
        })
    }
}

struct TapeTag {
    span: [u32; 2],
    /// 1: self-closing, 2: can have content, 4: foreign.
    flags: u8,
}

impl TapeTag {
    /// `r` as kept (its offsets fit in `u32`: see [`Tape::for_page`]).
    fn of(r: &Reported) -> TapeTag {
        TapeTag {
            span: [r.span.0 as u32, r.span.1 as u32],
            flags: u8::from(r.self_closing)
                | u8::from(r.can_have_content) << 1
                | u8::from(r.foreign) << 2,
        }
    }

    /// The start tag as lol_html reported it, site-rule marks aside.
    fn reported(&self) -> Reported {
        Reported {
            span: (self.span[0] as usize, self.span[1] as usize),
            self_closing: self.flags & 1 != 0,
            can_have_content: self.flags & 2 != 0,
            foreign: self.flags & 4 != 0,
            marks: 0,
        }
    }
}

impl Tape {
    /// A tape for a page of `len` bytes, which may take as many bytes as the page. Its first
    /// chunk is sized for the page (see [`BYTES_PER_ELEMENT`]).
    fn for_page(len: usize) -> Option<Tape> {
        u32::try_from(len).ok()?;
        let guess = (len / BYTES_PER_ELEMENT).min(CHUNK);
        Some(Tape {
            tags: Chunks::with_first(guess),
            limit: len,
            dropped: false,
        })
    }

    fn keep(&mut self, batch: &Batch) {
        if self.dropped {
            return;
        }
        for r in &batch.tags {
            self.tags.push(TapeTag::of(r));
        }
        if self.tags.len() * std::mem::size_of::<TapeTag>() > self.limit {
            *self = Tape {
                tags: Chunks::default(),
                limit: 0,
                dropped: true,
            };
        }
    }
}

/// A start tag as the visitors see it.
pub struct StartTag<'a> {
    /// The text its places index: the page from where its stretch would start if nothing had
    /// been cut before it (the page itself, but for a pass with [`Cut`]s).
    src: &'a str,
    attrs: &'a [AttrAt],
    /// Where its `<` is in `src`.
    pub start: usize,
    /// Its name as written.
    pub name: &'a [u8],
    pub self_closing: bool,
    /// Not a void element: its content and end tag follow.
    pub can_have_content: bool,
    /// In the SVG or MathML namespace.
    pub foreign: bool,
}

impl<'a> StartTag<'a> {
    /// Its attributes in order, as written: names in their own case, values with character
    /// references not yet decoded (empty for an attribute without a value).
    pub fn attributes(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let src = self.src;
        self.attrs.iter().map(move |a| {
            let slice = |(from, to): (usize, usize)| src.get(from..to).unwrap_or_default();
            (slice(a.name), a.value.map_or("", slice))
        })
    }

    /// The value of the first attribute named `name` in any case, as
    /// `Element::get_attribute` finds it.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.attributes()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// Byte offsets are kept as `u32`; a page too large for that is never resumed (see
/// [`Resume`]'s users), so the clamped value is never relied on.
pub fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// The resumed pass read the page differently from the full pass (lol_html's namespace
/// bookkeeping from before the range can matter on broken foreign content): its events
/// cannot be trusted.
#[derive(Debug)]
struct Diverged;

struct Driver<'p, V> {
    visitor: V,
    stack: OpenStack,
    /// The next element's number, before adding the elements cut before it.
    next_node: u32,
    /// Where each stretch of what lol_html reads lies in the page (one, without cuts).
    segments: Vec<Segment>,
    /// For a resumed pass, what each element must look like (indexed from `first_node`).
    expect: Vec<Seen>,
    first_node: u32,
    /// The page.
    html: &'p str,
    /// How far into what lol_html is given the pass has read: the end of the last start tag.
    read_to: usize,
    /// The tokeniser's state after that start tag, and the name (a range of the page) of
    /// the element whose raw text it reads, if any.
    mode: Mode,
    raw_name: (usize, usize),
    ns: Namespaces,
    names: OpenNames,
    /// The attributes of the start tag being read (kept for its room).
    attrs: Vec<AttrAt>,
}

impl<'p, V: Visitor> Driver<'p, V> {
    /// A driver for a pass that starts inside `open` (outermost first, each with its start
    /// tag's place in `html`) with element `first_node`.
    fn new(
        html: &'p str,
        visitor: V,
        (open, first_node): (Vec<(Open, u32)>, u32),
        segments: Vec<Segment>,
        expect: Vec<Seen>,
    ) -> Self {
        let mut stack = OpenStack::default();
        let mut names = OpenNames::default();
        for (o, start) in open {
            stack.push(o);
            names.push(o.node, name_and_tag(html, start as usize).0);
        }
        Driver {
            visitor,
            stack,
            next_node: first_node,
            segments,
            expect,
            first_node,
            html,
            read_to: 0,
            mode: Mode::Data,
            raw_name: (0, 0),
            ns: Namespaces::default(),
            names,
            attrs: Vec::new(),
        }
    }

    /// Reads what is left up to `to` (in what lol_html is given) and ends the elements still
    /// open at `end` (in the page).
    fn finish(mut self, to: usize, end: usize) -> V {
        self.read_between(to);
        let Driver {
            mut visitor,
            mut stack,
            ..
        } = self;
        stack.pop_all(&mut |open| visitor.end(open, end));
        visitor
    }

    /// The stretch a position lol_html reports lies in.
    fn segment(&self, fed: usize) -> Segment {
        let i = self.segments.partition_point(|s| s.fed <= fed);
        self.segments[i.saturating_sub(1)]
    }

    /// Reports what lies between the last start tag and `to` (a position in `fed`): its text
    /// nodes and end tags.
    fn read_between(&mut self, to: usize) {
        let from = self.read_to;
        if to <= from {
            return;
        }
        self.read_to = to;
        let html = self.html;
        let raw_name = html
            .as_bytes()
            .get(self.raw_name.0..self.raw_name.1)
            .unwrap_or_default();
        let first = self
            .segments
            .partition_point(|s| s.fed <= from)
            .saturating_sub(1);
        let Driver {
            visitor,
            stack,
            mode,
            ns,
            names,
            segments,
            ..
        } = self;
        // Read from the page itself, stretch by stretch: a cut's stand-in is a comment, which
        // ends a text node as the separate reads do.
        for s in segments.get(first..).unwrap_or_default() {
            if s.fed >= to {
                break;
            }
            let (a, b) = (from.max(s.fed) + s.base, to.min(s.fed + s.len) + s.base);
            let Some(part) = html.get(a..b).filter(|p| !p.is_empty()) else {
                continue;
            };
            between::read(part, mode, raw_name, ns, |piece| match piece {
                Piece::Text(text, kind) => visitor.text(text, kind, stack.top()),
                Piece::End(at, name) => names.end(name, |node| {
                    stack.pop_to(node, &mut |open| visitor.end(open, a + at));
                }),
            });
        }
    }

    /// Reads one batch of start tags, with what lies before each.
    fn read(&mut self, batch: &Batch) -> Result<(), Diverged> {
        for r in &batch.tags {
            self.start(r)?;
        }
        Ok(())
    }

    fn start(&mut self, r: &Reported) -> Result<(), Diverged> {
        let (fed, fed_end) = r.span;
        self.read_between(fed);
        let segment = self.segment(fed);
        let src = self.html.get(segment.base..).unwrap_or_default();
        let (name, tag) = name_and_tag(src, fed);
        let mut attrs = std::mem::take(&mut self.attrs);
        attrs.clear();
        let text = src.as_bytes().get(..fed_end).unwrap_or_default();
        between::attributes(text, fed + 1 + name.len(), |name, value| {
            attrs.push(AttrAt { name, value });
        });
        let el = StartTag {
            src,
            attrs: &attrs,
            start: fed,
            name,
            self_closing: r.self_closing,
            can_have_content: r.can_have_content,
            foreign: r.foreign,
        };
        let at = segment.base + fed;
        let Driver { visitor, stack, .. } = self;
        let tag = stack.placed(tag);
        stack.close_implied(tag, |open| visitor.end(open, at));
        let node = self.next_node.saturating_add(segment.skipped);
        self.next_node = self.next_node.saturating_add(1);
        let parent = self.stack.top();
        let seen = Seen {
            start: offset(at),
            ..Seen::of(&el, parent)
        };
        if !self.expect.is_empty() {
            let index = (node - self.first_node) as usize;
            if self.expect.get(index) != Some(&seen) {
                return Err(Diverged);
            }
        }
        self.visitor.start(node, tag, parent, &el);
        if r.marks != 0 {
            self.visitor.mark(node, r.marks);
        }

        // What the tokeniser reads after the tag, and the element's name for its end tag.
        let name_start = at + 1;
        self.mode = self
            .ns
            .start(tag, name, r.self_closing, |attr| el.get(attr), seen.foreign);
        self.raw_name = (name_start, name_start + name.len());
        self.read_to = fed_end;
        if r.can_have_content {
            self.names.push(node, name);
            self.stack.push(Open { node, tag });
        } else {
            self.visitor.end(Open { node, tag }, at);
        }
        self.attrs = attrs;
        Ok(())
    }
}

/// The name as written of the start tag at `start` in `src`, and its tag, read from the page
/// (`Element::tag_name` decodes the name into a new `String` for every element). The name
/// runs from after the `<` to the first byte that ends it in lol_html's tokenizer
/// (whitespace, `/` or `>`).
fn name_and_tag(src: &str, start: usize) -> (&[u8], Tag) {
    let rest = match src.as_bytes().get(start..) {
        Some([b'<', rest @ ..]) => rest,
        // lol_html reports start tags where their `<` is.
        _ => &[],
    };
    let end = rest
        .iter()
        .position(|&b| ends_tag_name(b))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    (name, Tag::from_name(name))
}

/// Whether `b` ends a tag name in lol_html's tokenizer (whitespace, `/` or `>`).
// Asked of every byte of every tag and attribute name: the size-tuned WebAssembly build
// (inline threshold 45) left it a call.
#[inline(always)]
pub fn ends_tag_name(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'/' | b'>')
}

/// Streams `html` through lol_html, feeding `visitor`, and gives it back at the end.
/// Each of `marks` is a selector and the flags to report through [`Visitor::mark`] for the
/// elements it matches (a user's per-site rules).
pub fn stream<V: Visitor + 'static>(
    html: &str,
    max_memory: usize,
    marks: &[(Selector, u64)],
    visitor: V,
) -> Result<V, Error> {
    read_whole(html, max_memory, marks, visitor, None)
}

/// Like [`stream`], keeping the start tags for [`replay`] (`None` when they would take more
/// memory than the page itself, or the page is too large for the tape's offsets).
pub fn stream_taping<V: Visitor + 'static>(
    html: &str,
    max_memory: usize,
    marks: &[(Selector, u64)],
    visitor: V,
) -> Result<(V, Option<Tape>), Error> {
    let mut tape = Tape::for_page(html.len());
    let visitor = read_whole(html, max_memory, marks, visitor, tape.as_mut())?;
    Ok((visitor, tape.filter(|t| !t.dropped)))
}

fn read_whole<V: Visitor + 'static>(
    html: &str,
    max_memory: usize,
    marks: &[(Selector, u64)],
    visitor: V,
    tape: Option<&mut Tape>,
) -> Result<V, Error> {
    let whole = Resume {
        start: 0,
        end: html.len(),
        first_node: 0,
        open: Vec::new(),
        expect: Vec::new(),
        cuts: Vec::new(),
    };
    read_range(html, whole, max_memory, marks, visitor, tape)?
        .ok_or_else(|| Error::Parse("internal: a full pass diverged".into()))
}

/// The part of the page `resume` names, read again from the start tags a full pass kept:
/// the events a full pass gives for those elements, without lol_html. Its cuts are passed
/// over as the lol_html pass passes over their stand-ins; its expectations are not needed
/// (nothing is tokenised again, so nothing can read differently).
pub fn replay<V: Visitor>(html: &str, tape: &Tape, resume: Resume, visitor: V) -> V {
    let Resume {
        start,
        end,
        first_node,
        open,
        cuts,
        ..
    } = resume;
    let page = vec![Segment {
        fed: 0,
        len: html.len(),
        base: 0,
        skipped: 0,
    }];
    let mut driver = Driver::new(html, visitor, (open, first_node), page, Vec::new());
    driver.read_to = start;
    let mut cuts = cuts.iter().peekable();
    let mut tags = tape.tags.from(first_node as usize);
    while let Some(t) = tags.next() {
        let at = t.span[0] as usize;
        if at >= end {
            break;
        }
        if let Some(cut) = cuts.next_if(|c| c.start == at) {
            // What the stand-in ends: the text before it; after it the tokeniser reads data.
            driver.read_between(at);
            driver.read_to = cut.end;
            driver.mode = Mode::Data;
            driver.next_node = driver.next_node.saturating_add(cut.nodes);
            if let Some(n) = (cut.nodes as usize).checked_sub(2) {
                tags.nth(n);
            }
            continue;
        }
        // Without expectations a start tag never diverges.
        let _ = driver.start(&t.reported());
    }
    driver.finish(end, end)
}

/// Like [`stream`], over the part of `html` that `resume` names. `None` when the pass read
/// that part differently from the full pass `resume` was taken from: the caller falls back
/// to a full pass.
pub fn stream_range<V: Visitor + 'static>(
    html: &str,
    resume: Resume,
    max_memory: usize,
    marks: &[(Selector, u64)],
    visitor: V,
) -> Result<Option<V>, Error> {
    read_range(html, resume, max_memory, marks, visitor, None)
}

/// [`stream_range`], keeping the start tags on `tape` if there is one.
fn read_range<V: Visitor + 'static>(
    html: &str,
    resume: Resume,
    max_memory: usize,
    marks: &[(Selector, u64)],
    visitor: V,
    mut tape: Option<&mut Tape>,
) -> Result<Option<V>, Error> {
    let Resume {
        start,
        end,
        first_node,
        open,
        expect,
        cuts,
    } = resume;
    // The stretches between the cuts, and where each starts in what lol_html is given.
    let mut segments = vec![Segment {
        fed: 0,
        len: 0,
        base: start,
        skipped: 0,
    }];
    let mut pieces = Vec::with_capacity(2 * cuts.len() + 1);
    let (mut at, mut fed, mut skipped) = (start, 0, 0u32);
    for cut in &cuts {
        // Cuts come from the full pass, in order and inside the range; anything else would
        // be a bug, and reading the whole page is the safe answer to it.
        let long_enough = cut.end.checked_sub(cut.start) >= Some(CUT_MIN);
        let (Some(before), true) = (html.get(at..cut.start), long_enough) else {
            return Ok(None);
        };
        fed += before.len();
        at = cut.end;
        // One of four neighbouring bytes starts a character.
        let Some(stand_in) = CUT_STAND_INS
            .into_iter()
            .find(|s| html.is_char_boundary(at - fed - s.len()))
        else {
            return Ok(None);
        };
        pieces.push(before);
        pieces.push(stand_in);
        fed += stand_in.len();
        skipped = skipped.saturating_add(cut.nodes);
        if let Some(last) = segments.last_mut() {
            last.len = before.len();
        }
        segments.push(Segment {
            fed,
            len: 0,
            base: at - fed,
            skipped,
        });
    }
    let Some(rest) = html.get(at..end) else {
        return Ok(None);
    };
    pieces.push(rest);
    if let Some(last) = segments.last_mut() {
        last.len = rest.len();
    }
    let fed_len: usize = pieces.iter().map(|p| p.len()).sum();
    let mut driver = Driver::new(html, visitor, (open, first_node), segments, expect);
    let batch = Rc::new(RefCell::new(Batch::default()));

    let on_element = {
        let batch = Rc::clone(&batch);
        move |el: &mut Element<'_, '_>| {
            // Nobody reads lol_html's output, but it is cheaper to let lol_html copy it to a
            // sink that drops it than to turn it off: removing an element makes lol_html
            // allocate a mutation record for every element inside it.
            batch.borrow_mut().report(el);
            Ok(())
        }
    };

    let any: Selector = "*".parse().map_err(|e| Error::Parse(format!("{e}")))?;
    // Not strict: on the rare markup whose parse depends on tree context lol_html guesses
    // instead of refusing the page.
    let mut settings = Settings::new()
        .append_element_content_handler((
            Cow::Owned(any),
            ElementContentHandlers::default().element(on_element),
        ))
        .with_memory_settings(MemorySettings::new().with_max_allowed_memory_usage(max_memory))
        .with_strict(false);
    // lol_html runs an element's handlers in the order they were added, so these see the
    // start tag the catch-all handler above has just noted.
    for (selector, flags) in marks {
        let batch = Rc::clone(&batch);
        let flags = *flags;
        settings = settings.append_element_content_handler((
            Cow::Owned(selector.clone()),
            ElementContentHandlers::default().element(move |_el: &mut Element<'_, '_>| {
                if let Some(tag) = batch.borrow_mut().tags.last_mut() {
                    tag.marks |= flags;
                }
                Ok(())
            }),
        ));
    }

    let mut rewriter = HtmlRewriter::new(settings, discard);
    let failed = |e: RewritingError| match e {
        RewritingError::MemoryLimitExceeded(_) => Error::MemoryLimit { limit: max_memory },
        other => Error::Parse(other.to_string()),
    };
    // The start tags lol_html noted while it read, read in turn; false if the pass diverged.
    let mut read_batch = |driver: &mut Driver<'_, V>| {
        let mut batch = batch.borrow_mut();
        let read = driver.read(&batch);
        if let Some(tape) = tape.as_deref_mut() {
            tape.keep(&batch);
        }
        batch.clear();
        read.is_ok()
    };
    for slice in pieces
        .iter()
        .flat_map(|piece| piece.as_bytes().chunks(SLICE))
    {
        rewriter.write(slice).map_err(failed)?;
        if !read_batch(&mut driver) {
            return Ok(None);
        }
    }
    rewriter.end().map_err(failed)?;
    if !read_batch(&mut driver) {
        return Ok(None);
    }
    Ok(Some(driver.finish(fed_len, end)))
}

#[cfg(test)]
mod tests {
    use super::super::pseudo_random;
    use super::*;
    use lol_html::html_content::TextChunk;
    use lol_html::DocumentContentHandlers;
    use std::fmt::Write;

    /// Every event as text, one per line.
    #[derive(Default)]
    struct Log {
        lines: String,
    }

    impl Log {
        /// A start tag with what the visitors read of it: its attributes (names lower-cased),
        /// whether it has content and its namespace.
        fn start_tag<'a>(
            &mut self,
            (node, tag, parent): (u32, Tag, Option<Open>),
            attrs: impl Iterator<Item = (String, &'a str)>,
            can_have_content: bool,
            foreign: bool,
        ) {
            let parent = parent.map(|p| p.node);
            let _ = write!(self.lines, "start {node} {tag:?} in {parent:?}");
            for (name, value) in attrs {
                let _ = write!(self.lines, " {name}={value:?}");
            }
            let _ = writeln!(self.lines, " content {can_have_content} foreign {foreign}");
        }
    }

    impl Visitor for Log {
        fn start(&mut self, node: u32, tag: Tag, parent: Option<Open>, el: &StartTag<'_>) {
            let attrs = el.attributes().map(|(n, v)| (n.to_ascii_lowercase(), v));
            self.start_tag((node, tag, parent), attrs, el.can_have_content, el.foreign);
        }
        fn end(&mut self, open: Open, at: usize) {
            let _ = writeln!(self.lines, "end {} at {at}", open.node);
        }
        fn text(&mut self, text: &str, kind: TextType, top: Option<Open>) {
            let top = top.map(|t| t.node);
            let _ = writeln!(self.lines, "text {kind:?} in {top:?}: {text:?}");
        }
    }

    /// The events as lol_html's own text and end-tag handlers report them: what the passes
    /// subscribed to before [`between`] read the stretches between start tags.
    fn by_handlers(html: &str) -> String {
        struct Reference {
            log: Log,
            stack: OpenStack,
            next: u32,
            /// The pieces of the text node being reported, joined.
            text: String,
        }
        let r = Rc::new(RefCell::new(Reference {
            log: Log::default(),
            stack: OpenStack::default(),
            next: 0,
            text: String::new(),
        }));
        let on_element = {
            let r = Rc::clone(&r);
            move |el: &mut Element<'_, '_>| {
                let mut d = r.borrow_mut();
                let at = el.source_location().bytes().start;
                let (_, tag) = name_and_tag(html, at);
                let Reference { log, stack, .. } = &mut *d;
                let tag = stack.placed(tag);
                stack.close_implied(tag, |open| log.end(open, at));
                let node = d.next;
                d.next += 1;
                let parent = d.stack.top();
                // lol_html's own reading of the attributes (values are never changed here).
                let values: Vec<(String, String)> = el
                    .attributes()
                    .iter()
                    .map(|a| (a.name(), a.value()))
                    .collect();
                let attrs = values.iter().map(|(n, v)| (n.clone(), v.as_str()));
                let (content, foreign) = (el.can_have_content(), is_foreign(el));
                d.log
                    .start_tag((node, tag, parent), attrs, content, foreign);
                if el.can_have_content() {
                    d.stack.push(Open { node, tag });
                    let r = Rc::clone(&r);
                    el.on_end_tag(Box::new(move |end| {
                        let at = end.source_location().bytes().start;
                        let mut d = r.borrow_mut();
                        let Reference { log, stack, .. } = &mut *d;
                        stack.pop_to(node, &mut |open| log.end(open, at));
                        Ok(())
                    }))?;
                } else {
                    d.log.end(Open { node, tag }, at);
                }
                Ok(())
            }
        };
        let on_text = {
            let r = Rc::clone(&r);
            move |chunk: &mut TextChunk<'_>| {
                let mut d = r.borrow_mut();
                d.text.push_str(chunk.as_str());
                if chunk.last_in_text_node() {
                    let Reference {
                        log, stack, text, ..
                    } = &mut *d;
                    if !text.is_empty() {
                        log.text(text, chunk.text_type(), stack.top());
                    }
                    text.clear();
                }
                Ok(())
            }
        };
        let settings = Settings::new()
            .append_element_content_handler((
                Cow::Owned("*".parse().unwrap()),
                ElementContentHandlers::default().element(on_element),
            ))
            .append_document_content_handler(DocumentContentHandlers::default().text(on_text))
            .with_strict(false);
        let mut rewriter = HtmlRewriter::new(settings, discard);
        for piece in html.as_bytes().chunks(64 * 1024) {
            rewriter.write(piece).unwrap();
        }
        rewriter.end().unwrap();
        let mut r = Rc::try_unwrap(r).ok().unwrap().into_inner();
        let Reference { log, stack, .. } = &mut r;
        stack.pop_all(&mut |open| log.end(open, html.len()));
        r.log.lines
    }

    fn by_stretches(html: &str) -> String {
        stream(html, usize::MAX, &[], Log::default()).unwrap().lines
    }

    fn assert_same(name: &str, html: &str) {
        let (a, b) = (by_handlers(html), by_stretches(html));
        if a != b {
            let first = a.lines().zip(b.lines()).position(|(x, y)| x != y);
            let first = first.unwrap_or(a.lines().count().min(b.lines().count()));
            let show = |s: &str| {
                let lines: Vec<_> = s.lines().skip(first.saturating_sub(3)).take(8).collect();
                lines.join("\n")
            };
            panic!(
                "{name}: events differ at {first}\nlol_html's handlers:\n{}\nread between start tags:\n{}",
                show(&a),
                show(&b)
            );
        }
    }

    /// Markup whose reading depends on the tokeniser's states: raw text, escaped scripts,
    /// comments of every shape, foreign content and its CDATA, end tags with attributes,
    /// names in any case, elements closed out of order.
    const TRICKY: &[&str] = &[
        "<p>a<b>b</p>c</b>d",
        "<div><p>x<div>y</p></div>z</div>",
        "<blockquote><p>q</blockquote></p>",
        "<DIV>Up</div><Span>s</SPAN>",
        "<my-widget>w<My-Widget>v</MY-WIDGET></my-widget>",
        "<title>a</b><i>&amp;</title>",
        "<textarea>x</textarea >y</textarea>",
        "<title>t</titlex></title>",
        "<style>p>a{}</style/>b",
        "<script>if(a<b&&c>d){}</script>e",
        "<script><!--document.write('<script>x</script>')--></script>after",
        "<script><!--<script>a</script>b--></script>c",
        "<script><!--<script>a</script>--><p>p</p>",
        "<script><!-- a --></script>b",
        "<script><!--></script>b",
        "<script><!----></script>b",
        "<script>a</SCRIPT>b",
        "<script>a</script foo='>'>b",
        "<script>never closed",
        "<noscript><p>n</p></noscript>z",
        "<iframe><b>x</b></iframe>y",
        "<xmp><i>x</i></xmp>y",
        "<noembed>a</noembed><noframes>b</noframes>",
        "<plaintext><p>all</p></plaintext>",
        "a<!---->b<!-->c<!--->d<!-- x -- y -->e<!--z--!>f<!--- -->g",
        "a<!--unterminated",
        "a<!x>b<?php echo 1 ?>c<!DOCTYPE html>d<![CDATA[e]]>f",
        "a</>b</ x>c</3>d</",
        "a<b",
        "a < b > c",
        "<div class=\"x\">t</div class=\">\" id=a>u</div>",
        "<p>a</p\n>b</p/>c</p =x>d",
        "<svg><style><![CDATA[.a>b{}]]></style><title>t</title><p>out</p></svg>",
        "<svg><foreignObject><p>in</p></foreignObject><text><![CDATA[x]]></text></svg>y",
        "<svg><title/><desc>d</desc></svg>",
        "<svg><svg><g></svg>x</svg><![CDATA[html]]>",
        "<math><mi>i</mi><mtext><title>t</title></mtext><annotation-xml encoding=\"text/html\"><p>h</p></annotation-xml></math>",
        "<math><font color=red>f</font><![CDATA[c]]></math>",
        "<svg><font size=1><![CDATA[c]]></font></svg>",
        "<svg><p></svg><title>t</title>",
        "<table><tr><td>a<td>b</table><ul><li>1<li>2</ul>",
        "<select><option>a<option>b</select>",
        "<template><p>t</p></template>",
        "<p>\u{e9}t\u{e9} <b>\u{1F600}</b></p>",
        "<br></br><img></img><input/>",
        "</div></div>stray",
        // Attributes as the tokeniser's attribute states read them.
        "<p a b=1 c='2' d=\"3\" e = \"4\" A=dup a=dup2>t</p>",
        "<p a='x'b=\"y\"c=z/d/ =e ==f>t</p>",
        "<p a=\"x>y\" b='\"' c=d\"e f=g'h>t</p>",
        "<img src=a.png/><img src=\"b.png\"/><br/ clear=all>",
        "<p\ta\n=\rb\x0cc>t</p>",
    ];

    #[test]
    fn tricky_markup_reads_as_by_handlers() {
        for (i, html) in TRICKY.iter().enumerate() {
            assert_same(&format!("case {i}: {html}"), html);
        }
    }

    /// Stacks deeper than the part `OpenNames` walks: end tags of names open only near the
    /// root, only deep down, in both, and in neither, long names among them.
    #[test]
    fn deep_stacks_read_as_by_handlers() {
        let long = "custom-element-name";
        let mut html = String::from("<main><section>");
        for i in 0..80 {
            let name = if i % 7 == 0 {
                long
            } else {
                ["div", "span", "em"][i % 3]
            };
            html.push_str(&format!("<{name} id=n{i}>t{i}"));
            if i % 5 == 0 {
                html.push_str("</p></table>");
            }
            if i % 11 == 0 {
                html.push_str(&format!("</{long}>"));
            }
        }
        html.push_str("</em>after</section>x</div></main>y");
        assert_same("deep", &html);
        for cut in ["</main>", "</section>", "</custom-element-name>"] {
            let page = html.replacen("</em>after", cut, 1);
            assert_same(&format!("deep, ended by {cut}"), &page);
        }
    }

    #[test]
    fn generated_markup_reads_as_by_handlers() {
        // Pages stitched from the tricky pieces in a pseudo-random order: the states each
        // piece leaves behind meet the next one.
        let mut next = pseudo_random(0x9E37_79B9_7F4A_7C15);
        for page in 0..2000 {
            let mut html = String::new();
            for _ in 0..1 + next(12) {
                let piece = TRICKY[next(TRICKY.len())];
                // Now and then only part of a piece: unclosed tags, comments and scripts.
                let cut = match next(4) {
                    0 => piece
                        .char_indices()
                        .nth(next(piece.len()))
                        .map_or(piece.len(), |c| c.0),
                    _ => piece.len(),
                };
                html.push_str(&piece[..cut]);
            }
            assert_same(&format!("page {page}: {html}"), &html);
        }
    }

    /// The bytes and pieces the tokeniser's states turn on.
    const SOUP: &[&str] = &[
        "<",
        "</",
        ">",
        "/",
        "!",
        "-",
        "--",
        "<!--",
        "-->",
        "'",
        "\"",
        "=",
        " ",
        "\n",
        "a",
        "p",
        "div",
        "br",
        "script",
        "style",
        "title",
        "textarea",
        "plaintext",
        "svg",
        "math",
        "mi",
        "desc",
        "font",
        "color",
        "<![CDATA[",
        "]]>",
        "?",
        "é",
        "<p>",
        "<script>",
        "</script>",
        "<svg>",
        "</svg>",
        "<title>",
    ];

    #[test]
    fn token_soup_reads_as_by_handlers() {
        // Pages of the bytes the tokeniser's states turn on, in random order: the cases no
        // one thinks to write down.
        let mut next = pseudo_random(0x2545_F491_4F6C_DD1D);
        for page in 0..SOUP_PAGES {
            let html: String = (0..1 + next(40)).map(|_| SOUP[next(SOUP.len())]).collect();
            if !lexer_quirk(&html) {
                assert_same(&format!("page {page}: {html:?}"), &html);
            }
        }
    }

    const SOUP_PAGES: usize = 20_000;

    /// Whether a tag may end in an attribute with no value (`<title a=>`). After such a
    /// raw-text start tag lol_html's full tokeniser, which text handlers keep running, reads
    /// data instead of raw text (its `before_attribute_value_state` goes to `data_state`);
    /// its tag scanner, which runs when only start tags are asked for, reads the raw text
    /// as the HTML standard does, and so do the passes. The reference is wrong there.
    fn lexer_quirk(html: &str) -> bool {
        let b = html.as_bytes();
        b.iter().enumerate().any(|(i, &c)| {
            c == b'=' && b[i + 1..].iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'>')
        })
    }

    #[test]
    fn mutated_corpus_pages_read_as_by_handlers() {
        // Real pages broken at random: bytes cut out, tokeniser-state pieces dropped in.
        let Some(pages) = super::super::corpus_pages() else {
            return;
        };
        let mut next = pseudo_random(0xFEED_FACE_0BAD_CAFE);
        // The annotated pages (the Readability ones are each a `source.html`).
        for path in pages.iter().filter(|p| !p.ends_with("source.html")) {
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let page = String::from_utf8_lossy(&bytes).into_owned();
            for _ in 0..2 {
                let mut html = page.clone();
                for _ in 0..1 + next(8) {
                    let mut at = next(html.len().max(1)).min(html.len());
                    while !html.is_char_boundary(at) {
                        at -= 1;
                    }
                    if next(2) == 0 {
                        let mut end = (at + next(200)).min(html.len());
                        while !html.is_char_boundary(end) {
                            end -= 1;
                        }
                        html.replace_range(at..end, "");
                    } else {
                        html.insert_str(at, SOUP[next(SOUP.len())]);
                    }
                }
                if !lexer_quirk(&html) {
                    assert_same(&format!("{} (mutated)", path.display()), &html);
                }
            }
        }
    }

    /// A page of bare start tags would make the tape several times its size: it is dropped.
    #[test]
    fn the_tape_never_outgrows_the_page() {
        let kept = |html: &str| {
            let (_, tape) = stream_taping(html, 1 << 24, &[], Log::default()).unwrap();
            tape.is_some()
        };
        assert!(kept(
            &"<p class=x>Some words in a paragraph.</p>".repeat(100)
        ));
        assert!(!kept(&"<b>".repeat(1000)));
    }

    #[test]
    fn chunks_hold_items_across_their_edges() {
        let mut c = Chunks::default();
        let n = 2 * CHUNK + 5;
        for i in 0..n {
            c.push(i);
        }
        assert_eq!(c.len(), n);
        for i in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, n - 1] {
            assert!(c.from(i).copied().eq(i..n), "from {i}");
        }
        assert_eq!(c.from(n).count(), 0);
        assert_eq!(c.from(n + CHUNK).count(), 0);
    }

    #[test]
    fn corpus_pages_read_as_by_handlers() {
        let Some(pages) = super::super::corpus_pages() else {
            return;
        };
        for page in pages {
            let Ok(bytes) = std::fs::read(&page) else {
                continue;
            };
            let html = String::from_utf8_lossy(&bytes);
            assert_same(&page.display().to_string(), &html);
        }
    }
}
