//! One streaming pass over the page: lol_html events turned into numbered nodes.
//!
//! Both the collect and the emit pass run through [`stream`]; it owns the open-element stack,
//! so the two passes number nodes identically and see the same implied end tags.

use super::tree::{Open, OpenStack, Tag};
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
    /// in. Called after the elements it implicitly closes have been ended.
    fn start(&mut self, node: u32, tag: Tag, parent: Option<Open>, el: &Element<'_, '_>);
    /// A site-rule selector matched element `node` (just started); `flags` is the rule's mark.
    fn mark(&mut self, node: u32, flags: u32) {
        let _ = (node, flags);
    }
    /// An element ends, by its end tag, implicitly, or at the end of the document.
    fn end(&mut self, open: Open);
    /// A piece of text inside `top`. Pieces of one text node arrive in order; `last` marks
    /// the final piece. The text is raw: character references are not yet decoded.
    fn text(&mut self, text: &str, kind: TextType, last: bool, top: Option<Open>);
}

struct Driver<V> {
    visitor: V,
    stack: OpenStack,
    next_node: u32,
}

impl<V: Visitor> Driver<V> {
    fn start(&mut self, el: &Element<'_, '_>) -> Option<u32> {
        let name = el.tag_name();
        let tag = Tag::from_name(&name);
        let Driver { visitor, stack, .. } = self;
        stack.close_implied(tag, |open| visitor.end(open));
        let node = self.next_node;
        self.next_node = self.next_node.saturating_add(1);
        let parent = self.stack.top();
        self.visitor.start(node, tag, parent, el);
        if el.can_have_content() {
            self.stack.push(Open { node, tag });
            Some(node)
        } else {
            self.visitor.end(Open { node, tag });
            None
        }
    }

    fn end_tag(&mut self, node: u32) {
        let Driver { visitor, stack, .. } = self;
        stack.pop_to(node, &mut |open| visitor.end(open));
    }
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
    let driver = Rc::new(RefCell::new(Driver {
        visitor,
        stack: OpenStack::default(),
        next_node: 0,
    }));

    let on_element = {
        let driver = Rc::clone(&driver);
        move |el: &mut Element<'_, '_>| {
            let node = driver.borrow_mut().start(el);
            if let Some(node) = node {
                let driver = Rc::clone(&driver);
                el.on_end_tag(Box::new(move |_end| {
                    driver.borrow_mut().end_tag(node);
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
                let node = d.next_node.saturating_sub(1);
                d.visitor.mark(node, flags);
                Ok(())
            }),
        ));
    }

    {
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // Feeding in slices keeps lol_html's buffers small whatever the page's size.
        for piece in html.as_bytes().chunks(64 * 1024) {
            rewriter
                .write(piece)
                .map_err(|e| rewrite_error(e, max_memory))?;
        }
        rewriter.end().map_err(|e| rewrite_error(e, max_memory))?;
    }

    let driver = Rc::try_unwrap(driver)
        .map_err(|_| Error::Parse("internal: handlers outlived the pass".into()))?
        .into_inner();
    let Driver {
        mut visitor,
        mut stack,
        ..
    } = driver;
    stack.pop_all(&mut |open| visitor.end(open));
    Ok(visitor)
}

fn rewrite_error(e: RewritingError, limit: usize) -> Error {
    match e {
        RewritingError::MemoryLimitExceeded(_) => Error::MemoryLimit { limit },
        other => Error::Parse(other.to_string()),
    }
}
