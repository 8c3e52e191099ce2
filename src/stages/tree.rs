//! The flat node arena and the open-element stack both passes keep.
//!
//! lol_html hands us start tags, end tags (only for elements whose end tag is actually in the
//! source) and text. To know which element a piece of text belongs to we keep our own stack of
//! open elements and apply the HTML parser's commonest implied end tags (an open `<p>` closed
//! by a `<div>`, an `<li>` by the next `<li>`, a cell by the next cell...). Both passes run the
//! exact same code over the exact same input, so node numbers agree between them.

/// Tags the pipeline treats differently; everything else is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Div,
    P,
    Span,
    A,
    Img,
    Picture,
    Source,
    Figure,
    Figcaption,
    Br,
    Hr,
    Wbr,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Hgroup,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Caption,
    Colgroup,
    Col,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Pre,
    Code,
    Blockquote,
    Article,
    Section,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Address,
    Details,
    Summary,
    Form,
    Fieldset,
    Input,
    Button,
    Select,
    Textarea,
    Option,
    Label,
    Iframe,
    Object,
    Embed,
    Svg,
    Math,
    Canvas,
    Video,
    Audio,
    Time,
    Font,
    Center,
    Dialog,
    Menu,
    /// A second `<html>` or `<body>` inside the body (see [`OpenStack::placed`]): an empty
    /// element whose content belongs to its parent.
    Merged,
    Other,
}

impl Tag {
    /// The tag named `name`, in any case (bytes as in the page).
    pub fn from_name(name: &[u8]) -> Tag {
        use Tag::*;
        let mut lower = [0u8; 10];
        if name.len() > lower.len() {
            return Other;
        }
        for (l, b) in lower.iter_mut().zip(name) {
            *l = b.to_ascii_lowercase();
        }
        match &lower[..name.len()] {
            b"html" => Html,
            b"head" => Head,
            b"body" => Body,
            b"title" => Title,
            b"meta" => Meta,
            b"link" => Link,
            b"base" => Base,
            b"script" => Script,
            b"style" => Style,
            b"noscript" => Noscript,
            b"template" => Template,
            b"div" => Div,
            b"p" => P,
            b"span" => Span,
            b"a" => A,
            b"img" => Img,
            b"picture" => Picture,
            b"source" => Source,
            b"figure" => Figure,
            b"figcaption" => Figcaption,
            b"br" => Br,
            b"hr" => Hr,
            b"wbr" => Wbr,
            b"h1" => H1,
            b"h2" => H2,
            b"h3" => H3,
            b"h4" => H4,
            b"h5" => H5,
            b"h6" => H6,
            b"hgroup" => Hgroup,
            b"ul" => Ul,
            b"ol" => Ol,
            b"li" => Li,
            b"dl" => Dl,
            b"dt" => Dt,
            b"dd" => Dd,
            b"table" => Table,
            b"caption" => Caption,
            b"colgroup" => Colgroup,
            b"col" => Col,
            b"thead" => Thead,
            b"tbody" => Tbody,
            b"tfoot" => Tfoot,
            b"tr" => Tr,
            b"td" => Td,
            b"th" => Th,
            b"pre" => Pre,
            b"code" => Code,
            b"blockquote" => Blockquote,
            b"article" => Article,
            b"section" => Section,
            b"main" => Main,
            b"header" => Header,
            b"footer" => Footer,
            b"nav" => Nav,
            b"aside" => Aside,
            b"address" => Address,
            b"details" => Details,
            b"summary" => Summary,
            b"form" => Form,
            b"fieldset" => Fieldset,
            b"input" => Input,
            b"button" => Button,
            b"select" => Select,
            b"textarea" => Textarea,
            b"option" => Option,
            b"label" => Label,
            b"iframe" => Iframe,
            b"object" => Object,
            b"embed" => Embed,
            b"svg" => Svg,
            b"math" => Math,
            b"canvas" => Canvas,
            b"video" => Video,
            b"audio" => Audio,
            b"time" => Time,
            b"font" => Font,
            b"center" => Center,
            b"dialog" => Dialog,
            b"menu" => Menu,
            _ => Other,
        }
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Readability's `DIV_TO_P_ELEMS`: a `<div>` holding none of these reads as a paragraph.
    pub fn is_div_to_p_block(self) -> bool {
        matches!(
            self,
            Tag::Blockquote
                | Tag::Dl
                | Tag::Div
                | Tag::Img
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Table
                | Tag::Ul
        )
    }

    /// Start tags that close an open `<p>` (HTML's "in body" insertion mode).
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | Header
                | Hgroup
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Section
                | Summary
                | Table
                | Ul
                | Pre
                | Hr
                | Li
                | Dd
                | Dt
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
        )
    }

    /// Elements that stop the search for an open `<p>` or `<li>` to close (scope markers).
    fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Table | Td | Th | Caption | Template | Object | Button | Svg | Math
        )
    }

    /// Blocks for the plain-text rendering: a blank line separates them.
    #[inline]
    pub fn is_text_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            P | Div
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Hgroup
                | Ul
                | Ol
                | Li
                | Dl
                | Dt
                | Dd
                | Table
                | Caption
                | Tr
                | Pre
                | Blockquote
                | Article
                | Section
                | Main
                | Header
                | Footer
                | Nav
                | Aside
                | Address
                | Details
                | Summary
                | Figure
                | Figcaption
                | Form
                | Fieldset
                | Hr
                | Center
                | Dialog
                | Menu
                | Body
                | Picture
        )
    }
}

pub const NONE: u32 = u32::MAX;

/// One open element: its node number and tag.
#[derive(Clone, Copy, Debug)]
pub struct Open {
    pub node: u32,
    pub tag: Tag,
}

/// How far down the stack an implied end tag is looked for. Browsers cap their own searches
/// (the adoption agency stops after 8 outer loops; Blink limits nesting to 512), and the cap
/// keeps hostile nesting from making each start tag cost the stack's depth.
const MAX_SCAN: usize = 512;

/// The stack of open elements, with just enough of HTML's tree-construction rules to agree
/// with a browser about where text belongs on real pages.
pub struct OpenStack {
    stack: Vec<Open>,
    /// Open elements per tag, so the search for an open `<p>` costs nothing when none is.
    open_by_tag: [u32; Tag::Other as usize + 1],
}

impl Default for OpenStack {
    fn default() -> Self {
        OpenStack {
            stack: Vec::new(),
            open_by_tag: [0; Tag::Other as usize + 1],
        }
    }
}

impl OpenStack {
    /// The innermost open element that can hold what comes next (not a [`Tag::Merged`]).
    pub fn top(&self) -> Option<Open> {
        match self.stack.last() {
            Some(open) if open.tag == Tag::Merged => self
                .stack
                .iter()
                .rev()
                .find(|o| o.tag != Tag::Merged)
                .copied(),
            open => open.copied(),
        }
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Open> {
        self.stack.iter()
    }

    /// The tag an element opened here takes. A second `<html>` or `<body>` inside the body is
    /// no document of its own: the HTML parser merges its attributes into the open ones and
    /// leaves its content where it is. Pages get them when a CMS pastes a whole document into
    /// an article. Read as a body, one stopped the search for the article's container at the
    /// pasted part; read as a container, it moved the scores of what it holds a level away
    /// from where a browser puts them. So it stays open (its end tag must find it) but is
    /// no one's parent: [`OpenStack::top`] passes over it.
    pub fn placed(&self, tag: Tag) -> Tag {
        match tag {
            Tag::Html | Tag::Body if self.open_by_tag[Tag::Body as usize] > 0 => Tag::Merged,
            _ => tag,
        }
    }

    /// Pops what the start tag `tag` implicitly closes, calling `closed` for each popped node
    /// (innermost first).
    pub fn close_implied(&mut self, tag: Tag, mut closed: impl FnMut(Open)) {
        use Tag::*;
        match tag {
            Li => self.close_within(&[Li], &[Ul, Ol, Menu], &mut closed),
            Dt | Dd => self.close_within(&[Dt, Dd], &[Dl], &mut closed),
            Tr => self.close_within(&[Tr], &[Table, Tbody, Thead, Tfoot], &mut closed),
            Td | Th => self.close_within(&[Td, Th], &[Tr, Table], &mut closed),
            Thead | Tbody | Tfoot => {
                self.close_within(&[Thead, Tbody, Tfoot], &[Table], &mut closed)
            }
            Option => self.close_top_if(&[Option], &mut closed),
            A => self.close_within(&[A], &[], &mut closed),
            _ => {}
        }
        if tag.closes_p() {
            self.close_within(&[P], &[], &mut closed);
        }
        if tag.is_heading() {
            if let Some(top) = self.top() {
                if top.tag.is_heading() {
                    self.pop_to(top.node, &mut closed);
                }
            }
        }
    }

    /// Closes the innermost open element with a tag in `targets`, if one is open below the
    /// nearest scope boundary or element of `stop_at`.
    fn close_within(&mut self, targets: &[Tag], stop_at: &[Tag], closed: &mut impl FnMut(Open)) {
        if targets.iter().all(|&t| self.open_by_tag[t as usize] == 0) {
            return;
        }
        let mut found = None;
        for open in self.stack.iter().rev().take(MAX_SCAN) {
            if targets.contains(&open.tag) {
                found = Some(open.node);
                break;
            }
            if stop_at.contains(&open.tag) || open.tag.is_scope_boundary() {
                break;
            }
        }
        if let Some(node) = found {
            self.pop_to(node, closed);
        }
    }

    fn close_top_if(&mut self, targets: &[Tag], closed: &mut impl FnMut(Open)) {
        if let Some(top) = self.top() {
            if targets.contains(&top.tag) {
                self.pop_to(top.node, closed);
            }
        }
    }

    pub fn push(&mut self, open: Open) {
        self.open_by_tag[open.tag as usize] += 1;
        self.stack.push(open);
    }

    fn pop(&mut self) -> Option<Open> {
        let open = self.stack.pop()?;
        self.open_by_tag[open.tag as usize] -= 1;
        Some(open)
    }

    /// Pops everything down to and including `node` (an end tag closes the elements left open
    /// inside it). Does nothing when `node` is no longer open.
    pub fn pop_to(&mut self, node: u32, closed: &mut impl FnMut(Open)) {
        // Nodes are numbered in document order, so an open `node` sits above every open node
        // with a smaller number: binary search instead of a scan of the stack.
        if self.stack.binary_search_by(|o| o.node.cmp(&node)).is_err() {
            return;
        }
        while let Some(open) = self.pop() {
            closed(open);
            if open.node == node {
                break;
            }
        }
    }

    /// Pops everything (end of document).
    pub fn pop_all(&mut self, closed: &mut impl FnMut(Open)) {
        while let Some(open) = self.pop() {
            closed(open);
        }
    }
}
