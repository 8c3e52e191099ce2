//! A small owned tree of the sanitised `content_html` fragment, for the exporters.
//!
//! Extraction streams and never builds a tree, but an exporter has to: a GFM table needs its
//! column count before its first row, a list needs to know whether it is tight, and EPUB's XHTML
//! must move stray table content out of the table. The fragment is the article alone (tens of
//! KB), so a tree of it is cheap. lol_html tokenises it; this module only assembles the tree.
//!
//! Depth is capped: an element deeper than [`MAX_DEPTH`] is unwrapped (its children join its
//! parent), so the recursive exporters have a known stack bound whatever the input.

use std::cell::RefCell;
use std::rc::Rc;

use crate::pass::read_only;
use lol_html::html_content::TextType;
use lol_html::{doc_text, element, end_tag, Settings};

/// Deeper elements are unwrapped. Real articles stay far below this; it only bounds recursion
/// (including wasm's small default stack) on adversarial input.
pub(crate) const MAX_DEPTH: usize = 96;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    /// Decoded text (character references already resolved).
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Element {
    /// Lower-case tag name; empty for the fragment root.
    pub tag: String,
    /// Lower-case names, decoded values.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Element children, skipping text.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Whether the element is `<tag>` for one of `tags`.
    pub fn is(&self, tags: &[&str]) -> bool {
        tags.contains(&self.tag.as_str())
    }

    /// The first element under this one (depth first) that `want` accepts.
    pub fn find(&self, want: &dyn Fn(&Element) -> bool) -> Option<&Element> {
        self.elements()
            .find_map(|c| if want(c) { Some(c) } else { c.find(want) })
    }
}

/// Whether `node` is text that renders as nothing (HTML's inter-element whitespace).
pub(crate) fn is_blank(node: &Node) -> bool {
    matches!(node, Node::Text(t) if t.chars().all(is_html_space))
}

/// HTML's ASCII whitespace: what collapses in normal text flow (not U+00A0).
pub(crate) fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// All the text under `node`, in document order, without any collapsing.
pub(crate) fn text_content(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(t),
        Node::Element(e) if e.tag == "br" => out.push('\n'),
        Node::Element(e) => {
            for c in &e.children {
                text_content(c, out);
            }
        }
    }
}

/// One item of a `<ul>`/`<ol>`, as browsers would show it.
pub(crate) struct ListItem<'a> {
    /// The `<li>`, or `None` for content that sat in the list outside any `<li>`.
    pub li: Option<&'a Element>,
    /// Nodes rendered after the item's own children: a `<ul>`/`<ol>` placed directly in the
    /// list after an `<li>` (a common authoring slip) belongs to that item, as it looks.
    pub extra: Vec<&'a Node>,
}

/// Groups a list's children into items: each `<li>` starts one; stray content gets an item
/// of its own, except nested lists, which attach to the item before them.
pub(crate) fn list_items(list: &Element) -> Vec<ListItem<'_>> {
    let mut items: Vec<ListItem> = Vec::new();
    let mut stray_open = false;
    for node in &list.children {
        match node {
            Node::Element(e) if e.tag == "li" => {
                items.push(ListItem {
                    li: Some(e),
                    extra: Vec::new(),
                });
                stray_open = false;
            }
            n if is_blank(n) => {}
            n => {
                let nested_list = matches!(n, Node::Element(e) if e.is(&["ul", "ol"]));
                match items.last_mut() {
                    Some(item) if nested_list || stray_open => item.extra.push(n),
                    _ => {
                        items.push(ListItem {
                            li: None,
                            extra: vec![n],
                        });
                        stray_open = true;
                    }
                }
            }
        }
    }
    items
}

/// Parses a sanitised fragment into a tree rooted at an element with an empty tag.
///
/// Never fails: what lol_html could not parse is left out, and elements left open at the end
/// are closed.
pub(crate) fn parse(html: &str) -> Element {
    let builder = Rc::new(RefCell::new(Builder::new()));
    {
        let on_element = Rc::clone(&builder);
        let on_text = Rc::clone(&builder);
        let settings = Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                let tag = el.tag_name().to_ascii_lowercase();
                let attrs = el
                    .attributes()
                    .iter()
                    .map(|a| (a.name(), crate::entities::decode(&a.value()).into_owned()))
                    .collect();
                let id = on_element.borrow_mut().start(tag, attrs);
                if let Some(handlers) = el.end_tag_handlers() {
                    let on_end = Rc::clone(&on_element);
                    handlers.push(end_tag!(move |_| {
                        on_end.borrow_mut().end(id);
                        Ok(())
                    }));
                } else {
                    // Void element: it has no end tag, so it ends here.
                    on_element.borrow_mut().end(id);
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |chunk| {
                let decode = matches!(chunk.text_type(), TextType::Data | TextType::RCData);
                on_text
                    .borrow_mut()
                    .text(chunk.as_str(), decode, chunk.last_in_text_node());
                Ok(())
            }));
        // A parse error leaves the tree built so far, which is the best there is.
        let _ = read_only(html, settings);
    }
    // The rewriter and its handlers (the other owners) are gone by now.
    match Rc::try_unwrap(builder) {
        Ok(cell) => cell.into_inner().finish(),
        Err(shared) => shared.borrow_mut().take(),
    }
}

struct Builder {
    /// Open elements with the id of the start tag that opened them; `stack[0]` is the root.
    stack: Vec<(u64, Element)>,
    next_id: u64,
    /// Raw text not yet added: lol_html splits text anywhere, even inside a character
    /// reference, so it is decoded only once whole.
    pending: String,
    pending_decode: bool,
}

impl Builder {
    fn new() -> Self {
        Builder {
            stack: vec![(0, Element::default())],
            next_id: 1,
            pending: String::new(),
            pending_decode: true,
        }
    }

    fn start(&mut self, tag: String, attrs: Vec<(String, String)>) -> u64 {
        self.flush_text();
        let id = self.next_id;
        self.next_id += 1;
        // Past the cap the element is unwrapped: its end tag will find no match and be ignored.
        if self.stack.len() <= MAX_DEPTH {
            self.stack.push((
                id,
                Element {
                    tag,
                    attrs,
                    children: Vec::new(),
                },
            ));
        }
        id
    }

    fn end(&mut self, id: u64) {
        self.flush_text();
        // Elements still open above this one were closed implicitly (lol_html does not report
        // those end tags): close them too.
        if let Some(pos) = self.stack.iter().rposition(|(open, _)| *open == id) {
            while self.stack.len() > pos.max(1) {
                self.close_top();
            }
        }
    }

    fn text(&mut self, chunk: &str, decode: bool, last: bool) {
        self.pending.push_str(chunk);
        self.pending_decode = decode;
        if last {
            self.flush_text();
        }
    }

    fn flush_text(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.pending);
        let text = if self.pending_decode {
            crate::entities::decode(&raw).into_owned()
        } else {
            raw
        };
        let Some((_, parent)) = self.stack.last_mut() else {
            return;
        };
        if let Some(Node::Text(prev)) = parent.children.last_mut() {
            prev.push_str(&text);
        } else {
            parent.children.push(Node::Text(text));
        }
    }

    fn close_top(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        if let Some((_, el)) = self.stack.pop() {
            if let Some((_, parent)) = self.stack.last_mut() {
                parent.children.push(Node::Element(el));
            }
        }
    }

    fn finish(mut self) -> Element {
        self.take()
    }

    fn take(&mut self) -> Element {
        self.flush_text();
        while self.stack.len() > 1 {
            self.close_top();
        }
        self.stack.pop().map(|(_, root)| root).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(node: &Node, out: &mut String) {
        match node {
            Node::Text(t) => out.push_str(&format!("{t:?}")),
            Node::Element(e) => {
                out.push('<');
                out.push_str(&e.tag);
                for (n, v) in &e.attrs {
                    out.push_str(&format!(" {n}={v:?}"));
                }
                out.push('>');
                for c in &e.children {
                    shape(c, out);
                }
                out.push_str("</>");
            }
        }
    }

    fn parsed(html: &str) -> String {
        let root = parse(html);
        let mut s = String::new();
        for c in &root.children {
            shape(c, &mut s);
        }
        s
    }

    #[test]
    fn builds_nested_elements_with_decoded_text_and_attributes() {
        assert_eq!(
            parsed(r#"<p class="a&amp;b">x &amp; y<br>z<img src="i.png?a=1&amp;b=2"></p>"#),
            r#"<p class="a&b">"x & y"<br></>"z"<img src="i.png?a=1&b=2"></></>"#
        );
    }

    #[test]
    fn closes_what_was_left_open() {
        assert_eq!(
            parsed("<ul><li>a<li>b</ul>c"),
            r#"<ul><li>"a"<li>"b"</></></>"c""#
        );
        assert_eq!(parsed("<div><p>open"), r#"<div><p>"open"</></>"#);
    }

    #[test]
    fn unwraps_past_the_depth_cap() {
        let html = format!("{}x{}", "<b>".repeat(10_000), "</b>".repeat(10_000));
        let root = parse(&html);
        let mut depth = 0;
        let mut node = root.children.first();
        while let Some(Node::Element(e)) = node {
            depth += 1;
            node = e.children.first();
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(node, Some(&Node::Text("x".into())));
    }

    #[test]
    fn groups_stray_list_content() {
        let root = parse("<ul>x<li>a</li><ul><li>n</li></ul><li>b</li></ul>");
        let Some(Node::Element(ul)) = root.children.first() else {
            panic!("no list")
        };
        let items = list_items(ul);
        assert_eq!(items.len(), 3);
        assert!(items[0].li.is_none());
        assert_eq!(items[1].extra.len(), 1);
    }
}
