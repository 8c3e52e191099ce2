//! One streaming pass over the page: lol_html events turned into numbered nodes.
//!
//! Both the collect and the emit pass run through [`stream`]; it owns the open-element stack,
//! so the two passes number nodes identically and see the same implied end tags.

use super::tree::{Open, OpenStack, Tag, NONE};
use crate::Error;
use lol_html::errors::RewritingError;
use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{
    DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, MemorySettings, Selector,
    Settings,
};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// What a pass does with the page's events.
pub trait Visitor {
    /// An element starts. `node` is its number (document order), `parent` the element it sits
    /// in. Called after the elements it implicitly closes have been ended. `src` is the page
    /// from where the element's source locations count (the page itself, but for a pass
    /// with [`Cut`]s).
    fn start(&mut self, node: u32, tag: Tag, parent: Option<Open>, el: &Element<'_, '_>, src: &str);
    /// A site-rule selector matched element `node` (just started); `flags` is the rule's mark.
    fn mark(&mut self, node: u32, flags: u32) {
        let _ = (node, flags);
    }
    /// An element ends, by its end tag, implicitly, or at the end of the document. `at` is
    /// the byte offset of what ended it: the end tag, the start tag that implied it, or the
    /// end of the page.
    fn end(&mut self, open: Open, at: usize);
    /// A piece of text inside `top`. Pieces of one text node arrive in order; `last` marks
    /// the final piece. The text is raw: character references are not yet decoded.
    fn text(&mut self, text: &str, kind: TextType, last: bool, top: Option<Open>);
}

/// A pass over part of the page: from the start tag of one element to where another ended,
/// resuming where a full pass over the same page stood at that start tag.
pub struct Resume {
    /// Byte range of the page to read; `start` is the first element's start tag.
    pub start: usize,
    pub end: usize,
    /// The first element's node number.
    pub first_node: u32,
    /// The elements open around it, outermost first.
    pub open: Vec<Open>,
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

/// What lol_html reads in place of a [`Cut`]: an empty comment, padded inside so that the
/// page from where the source locations of the stretch after it count starts on a character
/// boundary (see [`Visitor::start`]'s `src`). Cuts are at least as long as the longest,
/// so a stretch never starts earlier in the page than in what lol_html was given.
const CUT_STAND_INS: [&str; 4] = ["<!---->", "<!-- -->", "<!--  -->", "<!--   -->"];

/// The shortest cut a pass takes.
pub const CUT_MIN: usize = CUT_STAND_INS[3].len();

/// A stretch of the page lol_html reads without a cut: where it starts in what lol_html was
/// given (`fed`), and the node numbers cut before it.
#[derive(Clone, Copy)]
struct Segment {
    fed: usize,
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
    pub fn of(el: &Element<'_, '_>, parent: Option<Open>) -> Seen {
        Seen {
            start: offset(el.source_location().bytes().start),
            parent: parent.map_or(NONE, |p| p.node),
            foreign: el.namespace_uri() != HTML_NS,
        }
    }
}

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

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

impl std::fmt::Display for Diverged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("resumed pass diverged")
    }
}

impl std::error::Error for Diverged {}

struct Driver<V> {
    visitor: V,
    stack: OpenStack,
    /// The next element's number, before adding the elements cut before it.
    next_node: u32,
    /// The last element's number (for [`Visitor::mark`]).
    last_node: u32,
    /// Where each stretch of what lol_html reads lies in the page (one, without cuts).
    segments: Vec<Segment>,
    /// For a resumed pass, what each element must look like (indexed from `first_node`).
    expect: Vec<Seen>,
    first_node: u32,
}

impl<V: Visitor> Driver<V> {
    /// The stretch a position lol_html reports lies in.
    fn segment(&self, fed: usize) -> Segment {
        let i = self.segments.partition_point(|s| s.fed <= fed);
        self.segments[i.saturating_sub(1)]
    }

    /// `html` is the whole page.
    fn start(&mut self, el: &Element<'_, '_>, html: &str) -> Result<Option<u32>, Diverged> {
        let fed = el.source_location().bytes().start;
        let segment = self.segment(fed);
        // The text the element's source locations index: the page from where its stretch
        // would start if nothing had been cut before it (a character boundary: see
        // `CUT_STAND_INS`).
        let src = html.get(segment.base..).unwrap_or_default();
        let tag = tag_of(el, src);
        debug_assert_eq!(tag, Tag::from_name(el.tag_name().as_bytes()));
        let at = segment.base + fed;
        let Driver { visitor, stack, .. } = self;
        stack.close_implied(tag, |open| visitor.end(open, at));
        let node = self.next_node.saturating_add(segment.skipped);
        self.next_node = self.next_node.saturating_add(1);
        self.last_node = node;
        let parent = self.stack.top();
        if !self.expect.is_empty() {
            let seen = Seen {
                start: offset(at),
                ..Seen::of(el, parent)
            };
            let index = (node - self.first_node) as usize;
            if self.expect.get(index) != Some(&seen) {
                return Err(Diverged);
            }
        }
        self.visitor.start(node, tag, parent, el, src);
        if el.can_have_content() {
            self.stack.push(Open { node, tag });
            Ok(Some(node))
        } else {
            self.visitor.end(Open { node, tag }, at);
            Ok(None)
        }
    }

    fn end_tag(&mut self, node: u32, fed: usize) {
        let at = self.segment(fed).base + fed;
        let Driver { visitor, stack, .. } = self;
        stack.pop_to(node, &mut |open| visitor.end(open, at));
    }
}

/// The element's tag, read from its start tag in the page: `Element::tag_name` decodes the
/// name into a new `String` for every element. The name runs from after the `<` to the first
/// byte that ends it in lol_html's tokenizer (whitespace, `/` or `>`).
fn tag_of(el: &Element<'_, '_>, src: &str) -> Tag {
    let start = el.source_location().bytes().start;
    match src.as_bytes().get(start..) {
        Some([b'<', name @ ..]) => {
            // Longer than any name `Tag` knows is enough to tell it is none of them.
            let name = &name[..name.len().min(11)];
            let end = name
                .iter()
                .position(|&b| ends_tag_name(b))
                .unwrap_or(name.len());
            Tag::from_name(&name[..end])
        }
        _ => Tag::from_name(el.tag_name().as_bytes()),
    }
}

/// Whether `b` ends a tag name in lol_html's tokenizer (whitespace, `/` or `>`).
pub fn ends_tag_name(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'/' | b'>')
}

/// Streams `html` through lol_html, feeding `visitor`, and gives it back at the end.
/// Each of `marks` is a selector and the flags to report through [`Visitor::mark`] for the
/// elements it matches (a user's per-site rules).
pub fn stream<V: Visitor + 'static>(
    html: &str,
    max_memory: usize,
    marks: &[(Selector, u32)],
    visitor: V,
) -> Result<V, Error> {
    let resume = Resume {
        start: 0,
        end: html.len(),
        first_node: 0,
        open: Vec::new(),
        expect: Vec::new(),
        cuts: Vec::new(),
    };
    stream_range(html, resume, max_memory, marks, visitor)?
        .ok_or_else(|| Error::Parse("internal: a full pass diverged".into()))
}

/// Like [`stream`], over the part of `html` that `resume` names. `None` when the pass read
/// that part differently from the full pass `resume` was taken from: the caller falls back
/// to a full pass.
pub fn stream_range<V: Visitor + 'static>(
    html: &str,
    resume: Resume,
    max_memory: usize,
    marks: &[(Selector, u32)],
    visitor: V,
) -> Result<Option<V>, Error> {
    let Resume {
        start,
        end,
        first_node,
        open,
        expect,
        cuts,
    } = resume;
    let mut stack = OpenStack::default();
    for o in open {
        stack.push(o);
    }
    let outer = stack.depth();
    // The stretches between the cuts, and where each starts in what lol_html is given.
    let mut segments = vec![Segment {
        fed: 0,
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
        segments.push(Segment {
            fed,
            base: at - fed,
            skipped,
        });
    }
    let Some(rest) = html.get(at..end) else {
        return Ok(None);
    };
    pieces.push(rest);
    let driver = Rc::new(RefCell::new(Driver {
        visitor,
        stack,
        next_node: first_node,
        last_node: first_node,
        segments,
        expect,
        first_node,
    }));

    let on_element = {
        let driver = Rc::clone(&driver);
        move |el: &mut Element<'_, '_>| {
            let node = driver.borrow_mut().start(el, html)?;
            // Nobody reads lol_html's output: removing the outermost elements turns its
            // serialisation of everything inside them off. Handlers still see all of it.
            if driver.borrow().stack.depth() == outer + usize::from(node.is_some()) {
                el.remove();
            }
            if let Some(node) = node {
                let driver = Rc::clone(&driver);
                el.on_end_tag(Box::new(move |end| {
                    let at = end.source_location().bytes().start;
                    driver.borrow_mut().end_tag(node, at);
                    Ok(())
                }))?;
            }
            Ok(())
        }
    };
    let on_text = {
        let driver = Rc::clone(&driver);
        move |chunk: &mut TextChunk<'_>| {
            let mut d = driver.borrow_mut();
            let top = d.stack.top();
            d.visitor.text(
                chunk.as_str(),
                chunk.text_type(),
                chunk.last_in_text_node(),
                top,
            );
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
        .append_document_content_handler(DocumentContentHandlers::default().text(on_text))
        .with_memory_settings(MemorySettings::new().with_max_allowed_memory_usage(max_memory))
        .with_strict(false);
    // lol_html runs an element's handlers in the order they were added, so these see the node
    // the catch-all handler above has just numbered.
    for (selector, flags) in marks {
        let driver = Rc::clone(&driver);
        let flags = *flags;
        settings = settings.append_element_content_handler((
            Cow::Owned(selector.clone()),
            ElementContentHandlers::default().element(move |_el: &mut Element<'_, '_>| {
                let mut d = driver.borrow_mut();
                let node = d.last_node;
                d.visitor.mark(node, flags);
                Ok(())
            }),
        ));
    }

    let fed = {
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // Feeding in slices keeps lol_html's buffers small whatever the page's size.
        pieces
            .iter()
            .flat_map(|piece| piece.as_bytes().chunks(64 * 1024))
            .try_for_each(|piece| rewriter.write(piece))
            .and_then(|()| rewriter.end())
    };
    match fed {
        Ok(()) => {}
        Err(RewritingError::ContentHandlerError(e)) if e.is::<Diverged>() => return Ok(None),
        Err(RewritingError::MemoryLimitExceeded(_)) => {
            return Err(Error::MemoryLimit { limit: max_memory })
        }
        Err(other) => return Err(Error::Parse(other.to_string())),
    }

    let driver = Rc::try_unwrap(driver)
        .map_err(|_| Error::Parse("internal: handlers outlived the pass".into()))?
        .into_inner();
    let Driver {
        mut visitor,
        mut stack,
        ..
    } = driver;
    stack.pop_all(&mut |open| visitor.end(open, end));
    Ok(Some(visitor))
}
