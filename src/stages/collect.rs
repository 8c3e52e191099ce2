//! Pass 1: every element becomes a small record in a flat arena; metadata is gathered.
//!
//! No text is kept beyond a few short captures (headings, byline candidates, the `<title>`,
//! JSON-LD): the scorer works from lengths and counts, and the emit pass reads the page again.

use super::credits::{self, CreditProbes};
use super::datelines::DateProbe;
use super::is_ascii_space;
use super::names::{ClassTokens, NameFacts};
use super::stream::{offset, Seen, StartTag, Visitor, BYTES_PER_ELEMENT};
use super::tree::{Open, Tag, NONE};
use crate::article::RemovedKind;
use crate::metadata::RawMeta;
use crate::patterns::{
    is_ad_label, is_back_link, is_control_label, is_read_more, is_signup_link, is_skip_link,
    LinkTo, AD_LABEL_MAX_BYTES, UNLIKELY_ROLES, VIDEO_HOSTS,
};
use crate::swar::{self, ascii_space_mask, byte_mask};
use lol_html::html_content::TextType;

/// The collect pass's maps, looked up or filled once or more per element: foldhash (lol_html
/// hashes with it already) costs a fraction of the default SipHash on short keys, and its
/// per-process random seed keeps a page from choosing colliding keys.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Node flags, set while collecting.
pub mod flag {
    /// A node's flags, one bit each.
    pub type Bits = u64;

    /// `hidden`, `aria-hidden=true`, `display:none`, `visibility:hidden`, a closed `<dialog>`.
    pub const HIDDEN: Bits = 1 << 0;
    /// Never article content whatever its text (script, style, forms controls, `<head>`...).
    pub const NEVER: Bits = 1 << 1;
    /// Readability's unlikely candidate (by class/id or role); skipped in the first attempt.
    pub const UNLIKELY: Bits = 1 << 2;
    /// Page furniture by element or role: `<nav>`, `<aside>`, `<footer>`, site `<header>`...
    pub const STRUCTURAL: Bits = 1 << 3;
    /// Named as boilerplate (cookie, share, newsletter...): see `Node::kind`.
    pub const BOILERPLATE: Bits = 1 << 4;
    /// Inside a `<table>` / `<code>` / `<a>` / `<figure>` / `<article>` or `<main>`.
    pub const IN_TABLE: Bits = 1 << 5;
    pub const IN_CODE: Bits = 1 << 6;
    pub const IN_LINK: Bits = 1 << 7;
    pub const IN_FIGURE: Bits = 1 << 8;
    pub const IN_ARTICLE: Bits = 1 << 9;
    /// The link it sits in points inside the page (`href="#..."`).
    pub const HASH_LINK: Bits = 1 << 10;
    /// A byline candidate (`rel=author`, `itemprop~=author`, byline-like names).
    pub const BYLINE: Bits = 1 << 11;
    /// A short line carrying the date or reading time (by name, or a `<time>` element).
    pub const META_LINE: Bits = 1 << 12;
    /// A div/section with a block child (so it does not read as a paragraph itself).
    pub const HAS_BLOCK_CHILD: Bits = 1 << 13;
    /// Its own text ends a sentence (`. ` or a final `.`), for Readability's sibling test.
    pub const SENTENCE: Bits = 1 << 14;
    /// An embed that is a video from a known host (kept by Readability's cleaning).
    pub const VIDEO: Bits = 1 << 15;
    /// A table marked as layout (`role=presentation`, `datatable=0`).
    pub const LAYOUT_TABLE: Bits = 1 << 16;
    /// A table that declares itself as data (`summary`, caption, `th`, `thead`...).
    pub const DATA_TABLE_HINT: Bits = 1 << 17;
    /// `itemprop=articleBody` or `role=main`: the page says this is the article.
    pub const DECLARED_BODY: Bits = 1 << 18;
    /// Matched the user's content-root selector.
    pub const SITE_ROOT: Bits = 1 << 19;
    /// Matched one of the user's remove selectors.
    pub const SITE_REMOVE: Bits = 1 << 20;
    /// A short paragraph that asks the reader to subscribe, sign up or follow (see
    /// `patterns::NUDGES`), or only says how long the story takes to read
    /// (`patterns::READING_WORDS`).
    pub const NUDGE: Bits = 1 << 21;
    /// Not in the HTML namespace (inside `<svg>` or `<math>`).
    pub const FOREIGN: Bits = 1 << 22;
    /// A shadow host whose root has no default slot: its own text is not shown.
    pub const QUIET_TEXT: Bits = 1 << 23;
    /// `itemprop="name"` inside a byline candidate, or a mark in one named for a name
    /// (`author-name`): the author's name alone.
    pub const BYLINE_NAME: Bits = 1 << 24;
    /// A short caption part or paragraph that only credits a picture (see `super::credits`).
    pub const CREDIT: Bits = 1 << 25;
    /// A paragraph that is only a related-links label ("<p><strong>Schon gelesen?</strong>"),
    /// a heading in all but its tag (see `patterns::RELATED_HEADINGS`), or a `<span>` that
    /// opens a `<div>` with such a label, over the list the box holds.
    pub const RELATED_LABEL: Bits = 1 << 26;
    /// A link to a share endpoint (see `patterns::SHARE_ENDPOINTS`).
    pub const SHARE_LINK: Bits = 1 << 27;
    /// Its own text is only an advertisement's label ("Anzeige", see `patterns::AD_LABELS`).
    pub const AD_LABEL: Bits = 1 << 28;
    /// A link to an app's page in a store (see `patterns::APP_STORES`), or inside one.
    pub const STORE_LINK: Bits = 1 << 29;
    /// A search box (`<input type="search">`), or inside `role="search"` or `<search>`.
    pub const SEARCH: Bits = 1 << 30;
    /// Its own text is only a picture widget's control ("hide caption", see
    /// `patterns::CONTROL_LABELS`), or a link's that only goes back ("Back to top", see
    /// `patterns::BACK_LINKS`).
    pub const CONTROL_LABEL: Bits = 1 << 31;
    /// Its only text is a teaser's link to its story ("Read more", "Weiterlesen"): see
    /// `patterns::READ_MORE_LABELS`. Also a `CONTROL_LABEL`.
    pub const READ_MORE: Bits = 1 << 32;
    /// Its text only says when, whatever its name ("Donnerstag, 15.2.2018, 19:51", "Posted
    /// on March 3, 2021"): a date line told by its words (see `metadata::only_a_date`).
    pub const DATE_TEXT: Bits = 1 << 33;
    /// One part of its text, set apart by a separator, only says when ("08.11.2021 |
    /// Online-Fachtag", "Freitag, 3. März 2023 · Politik"): see `metadata::dated_part`.
    pub const DATE_PART: Bits = 1 << 34;
    /// A short line that names its author after a word for "by" ("von Daniela Obers"), named
    /// or not (`metadata::names_its_author`): a page's byline when nothing marks one.
    pub const BY_TEXT: Bits = 1 << 35;
    /// Inside a recipe's list of ingredients, by its names (`patterns::INGREDIENT_NAMES`) or
    /// its microdata (`itemprop="recipeIngredient"`).
    pub const IN_INGREDIENTS: Bits = 1 << 36;
    /// A field for an e-mail address (`type="email"`, or named for one): a sign-up's, or a
    /// comment form's.
    pub const EMAIL_FIELD: Bits = 1 << 37;
    /// Named as furniture while small (an appeal's `support-box`, a player's
    /// `article-audio`): see `score`.
    pub const SMALL_BOX: Bits = 1 << 38;
    /// A picture's caption by its element, its names (`image__caption`) or its microdata
    /// (`itemprop="caption"`): see `score`.
    pub const CAPTION: Bits = 1 << 39;
    /// A paragraph whose whole text labels a sign-up box ("Newsletter"), or that opens a
    /// call for tips ("Got a tip? Send it to …"): it tells its box, as a heading that calls
    /// to action does (see `score`).
    pub const SIGNUP_LABEL: Bits = 1 << 40;
    /// A link whose whole text is a call to sign up ("Sign up today", "S’inscrire") and
    /// that opens its line: a sign-up box's button (see `score`).
    pub const SIGNUP_LINK: Bits = 1 << 41;
    /// Flags a child inherits from its parent.
    pub const INHERITED: Bits = IN_TABLE
        | IN_CODE
        | IN_LINK
        | IN_FIGURE
        | IN_ARTICLE
        | HASH_LINK
        | SHARE_LINK
        | STORE_LINK
        | SEARCH
        | IN_INGREDIENTS;
}

/// One element. Text figures count only the text directly inside it (not its children's);
/// the scorer sums them up the tree.
#[derive(Clone, Debug)]
pub struct Node {
    pub parent: u32,
    pub tag: Tag,
    pub flags: flag::Bits,
    /// What kind of boilerplate its names say it is (with `flag::BOILERPLATE` or
    /// `flag::STRUCTURAL`).
    pub kind: Option<RemovedKind>,
    /// Readability's class weight (-50..=50).
    pub class_weight: i8,
    /// A hash of the `class` attribute (0 when absent), for Readability's sibling bonus.
    pub class_hash: u32,
    /// Whitespace-normalised length of its own text.
    pub text: u32,
    /// Of which inside links.
    pub link_text: u32,
    /// Of which inside in-page (`#`) links.
    pub hash_link_text: u32,
    pub commas: u32,
}

/// Shape of a table, for Readability's data-table test.
#[derive(Clone, Debug, Default)]
pub struct TableShape {
    pub rows: u32,
    pub cols: u32,
    row_cells: u32,
}

/// Everything pass 1 learnt.
#[derive(Default)]
pub struct Collected {
    pub nodes: Vec<Node>,
    pub meta: RawMeta,
    /// Text of headings, byline candidates and meta lines (first `CAPTURE_MAX` bytes).
    pub captures: Map<u32, String>,
    pub tables: Map<u32, TableShape>,
    /// `dir` attributes by node.
    pub dirs: Map<u32, String>,
    /// Shadow hosts whose text directly inside is not shown (`flag::QUIET_TEXT`), in order.
    pub quiet_hosts: Vec<u32>,
    /// Bylines found by the label before them ("<strong>Author</strong> Antonio Cascais"),
    /// in order: a book's facts in a review are set the same way ("Autorin: Alys Arden"), so
    /// they name the writer only over a meta author that is the site's name (see
    /// [`Collected::unmark_labelled_bylines`]).
    pub labelled_bylines: Vec<u32>,
    /// `<noscript>`s that hold a picture and no link, and are in none, in order: the picture
    /// the emit pass shows where a script would have drawn it (picturefill's `<div
    /// data-picture>` of `data-src` stand-ins). A picture in a link is an advert's
    /// click-through or another story's teaser.
    pub noscript_pictures: Vec<u32>,
    /// `lang` attributes by node.
    pub langs: Map<u32, String>,
    /// The first few `<time datetime>`s inside an article or marked `pubdate`, not hidden,
    /// by node, with their `datetime`: the page's date when one stands beside the title or
    /// in no other story's card (see `score::shown_date`).
    pub article_times: Vec<(u32, String)>,
    /// Whether the page marks a recipe's ingredients in microdata
    /// (`itemprop="recipeIngredient"`), which declares it a recipe as a JSON-LD `Recipe`
    /// does (see `metadata::declares_steps`).
    pub marks_ingredients: bool,
    /// `tag.class#id` by node, kept only when `QUIETPAGE_DEBUG` is set (see `debug_on`).
    pub debug_names: Vec<String>,
    /// Byte offset of each node's start tag, and of what ended it (see `Visitor::end`): the
    /// emit pass reads only the article's part of the page.
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

/// How a captured text reads: entities decoded, whitespace collapsed.
pub fn capture_text(raw: &str) -> String {
    crate::metadata::normalize_space(&crate::entities::decode(raw))
}

/// Whether an element's text, as it stands in the page, is only a related-links label
/// ("Mehr zum Thema", see `patterns::RELATED_HEADINGS`) of at most `max_bytes`, spaces
/// around it aside. The cheap questions first: short texts are asked in every heading,
/// paragraph and `<div>`.
pub fn is_related_label(raw: &str, max_bytes: usize) -> bool {
    if !crate::patterns::may_be_related_heading(raw) {
        return false;
    }
    let trimmed = raw.trim();
    if !(1..=max_bytes).contains(&trimmed.len()) {
        return false;
    }
    // Printable ASCII with single spaces and no reference reads as it stands.
    let b = trimmed.as_bytes();
    let plain = b.iter().all(|&c| (b' '..=b'~').contains(&c) && c != b'&')
        && !b.windows(2).any(|w| w == b"  ");
    if plain {
        crate::patterns::is_related_heading_ascii(b)
    } else {
        crate::patterns::may_read_as_related_heading(b)
            && crate::patterns::is_related_heading(&capture_text(raw))
    }
}

impl Collected {
    /// Takes back the bylines an author label made (see [`Collected::labelled_bylines`]):
    /// where the metadata names a writer, or no one, such a line is one of the page's facts
    /// ("Autorin: Alys Arden" in a book review) and stays in its text. A labelled line was
    /// made a byline by its label alone (a parent already capturing is never one), so taking
    /// the flag back leaves it as it would be without the label.
    pub fn unmark_labelled_bylines(&mut self) {
        for &n in &self.labelled_bylines {
            self.nodes[n as usize].flags &= !flag::BYLINE;
        }
    }

    /// The elements that started inside element `i` (its descendants, and whatever else
    /// opened before it ended): consecutive in document order, found by binary search.
    pub fn within(&self, i: usize) -> std::ops::Range<usize> {
        let end = self.ends[i];
        let from = i + 1;
        from..from + self.starts[from..].partition_point(|&s| s < end)
    }

    /// Whether element `outer`'s span holds `inner`'s (an element holds itself).
    pub fn holds(&self, outer: usize, inner: usize) -> bool {
        self.starts[outer] <= self.starts[inner] && self.ends[inner] <= self.ends[outer]
    }

    /// The captured text of `node` as it reads (see [`capture_text`]), if it was captured.
    pub fn capture(&self, node: usize) -> Option<String> {
        self.captures
            .get(&(node as u32))
            .map(|raw| capture_text(raw))
    }
}

/// Whether to keep names for the scorer's debug report (native builds only).
pub fn debug_on() -> bool {
    !cfg!(target_arch = "wasm32") && std::env::var_os("QUIETPAGE_DEBUG").is_some()
}

const CAPTURE_MAX: usize = 400;

/// How much of a paragraph's text the nudge probe reads: a paragraph longer than the longest
/// nudge is prose, whatever it mentions.
const PROBE_MAX_BYTES: usize = crate::patterns::FOLLOW_MAX_BYTES;

/// A paragraph is asked whether it is a related-links label only if it is this short: the
/// longest label is 41 bytes, and most paragraphs are longer, so few pay for the question.
const LABEL_MAX_BYTES: usize = 64;

/// How many `<time>`s in the article are kept to date the page by: the page's own is among
/// the first, before a list of other stories' or the comments' days.
const ARTICLE_TIMES_MAX: usize = 8;

/// The collect pass's state.
pub struct Collector {
    pub out: Collected,
    /// Nodes whose text is being captured, innermost last.
    capturing: Vec<(u32, String)>,
    /// An element inside a byline whose text the captures leave out until it ends (its
    /// copy of the name for screen readers), or `NONE`.
    capture_muted: u32,
    /// An `itemprop="publisher"` open inside a byline, or `NONE`: the `itemprop="name"`
    /// inside it is the site's ("Text: Kirsten Freund / handwerksblatt.de"), not the author's.
    publisher: u32,
    /// An element whose text so far is only an author label ("<strong>Author</strong>"), or
    /// `NONE`: when it ends, the rest of its parent is the byline.
    author_label: u32,
    /// The open paragraph (or innermost `<div>`) and the start of its text, to tell a nudge
    /// ("Subscribe now for the full story") or a related-links label from prose when it
    /// ends. One buffer, reused: paragraphs do not nest, and a div's probe gives way to what
    /// opens inside it.
    probe: Option<u32>,
    probe_text: String,
    /// Which short elements only say when, or say it in one of their parts.
    dates: DateProbe,
    /// The open `<noscript>`, whether its text holds an `<img>`, and whether an `<a>`.
    noscript: Option<(u32, bool, bool)>,
    /// Which short elements are only a picture's credit line.
    credits: CreditProbes,
    /// A line of bare text that is a related-links label and a link (see [`RelatedLine`]).
    related_line: RelatedLine,
    in_title: bool,
    json_ld: Option<String>,
    open_tables: Vec<u32>,
    last_space: bool,
    debug: bool,
    /// What the class tokens seen so far say (ids are mostly unique, so remembering them
    /// would only fill a map).
    class_tokens: ClassTokens,
    no_names: NameFacts,
    /// Room for a `style` attribute while it is read (see [`style_hides`]).
    style_scratch: String,
    shadows: Shadows,
    /// The last element named like a skip link (`<li class="skipLink">`), whose own link
    /// within the page is one.
    skip_named: u32,
    /// A heading declared boilerplate or a byline by its `id` alone, that id, and the flags
    /// it gave: asked at its end whether the id is only its words (see [`Collector::end`]).
    slug_heading: (u32, String, flag::Bits),
    /// The last `<img>` opened, to tell a picture's credit from other things so named.
    last_img: u32,
    /// Elements that are quotes (`<blockquote>`, a `pull-quote` box), in document order: an
    /// author mark inside one names the speaker (see [`Collector::in_quote`]).
    quotes: Vec<u32>,
}

impl Default for Collector {
    fn default() -> Self {
        Self::new()
    }
}

/// How many elements an icon link holds at most (`<a><span><svg><path>`…), for
/// [`Collector::shows_nothing_since`].
const ICON_NODES_MAX: usize = 8;

/// How many elements the node arrays are sized for before the pass (see
/// [`BYTES_PER_ELEMENT`]), at most: past it they grow by doubling as before, which a guess
/// too small would turn into a doubling too large.
const RESERVED_NODES_MAX: usize = 1 << 16;

impl Collector {
    /// Whether `class` is hCard's formatted name (`fn`) inside a byline being captured. (Asked
    /// of the byline's own captures only: headings are captured too, and are many.)
    fn hcard_name(&self, class: &str) -> bool {
        let in_byline = self
            .capturing
            .last()
            .is_some_and(|&(n, _)| self.out.nodes[n as usize].flags & flag::BYLINE != 0);
        in_byline && has_token(class, "fn")
    }

    /// A collector for a page of `len` bytes.
    pub fn for_page(len: usize) -> Self {
        let mut c = Collector::new();
        let nodes = (len / BYTES_PER_ELEMENT).min(RESERVED_NODES_MAX);
        c.out.nodes.reserve(nodes);
        c.out.starts.reserve(nodes);
        c.out.ends.reserve(nodes);
        c
    }

    pub fn new() -> Self {
        Collector {
            out: Collected::default(),
            capturing: Vec::new(),
            capture_muted: NONE,
            publisher: NONE,
            author_label: NONE,
            probe: None,
            probe_text: String::new(),
            dates: DateProbe::default(),
            noscript: None,
            credits: CreditProbes::default(),
            related_line: RelatedLine::default(),
            in_title: false,
            json_ld: None,
            open_tables: Vec::new(),
            last_space: true,
            debug: debug_on(),
            class_tokens: ClassTokens::default(),
            no_names: NameFacts::new(None, None),
            style_scratch: String::new(),
            shadows: Shadows::default(),
            skip_named: NONE,
            slug_heading: (NONE, String::new(), 0),
            last_img: NONE,
            quotes: Vec::new(),
        }
    }

    /// Whether an element opening under node `parent` credits a picture: one of the few
    /// ancestors nearest it holds an `<img>` before it (the picture, then its credit, in one
    /// figure or box), and it is in no quotation, whose `attribution` names who said it.
    /// Asked only of the few elements named as credits, so it walks their ancestry rather
    /// than keeping a flag for every node.
    fn credits_a_picture(&self, parent: u32) -> bool {
        /// A picture's box: the credit's parent (CNBC's box of the picture, its credit and
        /// its caption) or grandparent (a figure, its caption, the credit). A forum post's
        /// `message-attribution` sits further from the poster's picture.
        const LEVELS: usize = 2;
        let mut near = NONE;
        let mut i = parent;
        let mut level = 0;
        while i != NONE {
            let node = &self.out.nodes[i as usize];
            if node.tag == Tag::Blockquote {
                return false;
            }
            // Or the `<figure>` it is in, however deep its caption nests it (Euronews'
            // `figcaption > span > span.widget__captionCredit`).
            if node.tag == Tag::Figure {
                near = i;
                break;
            }
            if level < LEVELS {
                near = i;
                level += 1;
            }
            i = node.parent;
        }
        // Nodes are numbered in document order, so an `<img>` opened after an ancestor that
        // is still open is inside it.
        near != NONE && self.last_img != NONE && self.last_img > near
    }

    /// Whether the element opening as `node`, under `parent`, is a quote or inside one.
    /// Asked only of author marks, so it walks their ancestry rather than keeping a flag
    /// for every node.
    fn in_quote(&self, node: u32, parent: u32) -> bool {
        if self.quotes.last() == Some(&node) {
            return true;
        }
        let mut i = parent;
        // Quotes are numbered in document order: none opened before the first is one.
        while i != NONE && self.quotes.first().is_some_and(|&q| q <= i) {
            if self.quotes.binary_search(&i).is_ok() {
                return true;
            }
            i = self.out.nodes[i as usize].parent;
        }
        false
    }

    /// A related-links label and its link made a line of their own (see [`RelatedLine`]):
    /// both go, as a paragraph that is mostly one link does.
    fn related_line_ends(&mut self, line: [u32; 2]) {
        for n in line {
            let node = &mut self.out.nodes[n as usize];
            node.flags |= flag::NUDGE;
            node.kind = node.kind.or(Some(RemovedKind::Related));
        }
    }

    fn names(&mut self, class: Option<&str>, id: Option<&str>) -> NameFacts {
        match (class, id) {
            (None, None) => self.no_names,
            _ => NameFacts::read(class, id, &mut self.class_tokens),
        }
    }
}

/// Declarative shadow roots (`<template shadowrootmode>`): what a web component renders, so
/// read like any other content, where an ordinary `<template>` is inert. Pages rendered on the
/// server write their components this way, each root as its host's first child (the
/// extension hands live ones over already composed: `content/serialise.js`). The host's
/// other children are its light DOM, which the browser shows only through the root's
/// `<slot>`s: a component that renders its own version of them (a formatted date, an
/// enhanced widget) would otherwise read twice. A stream cannot move slotted children to
/// their slot, so they are read after the root's content, where they are written.
#[derive(Default)]
struct Shadows {
    /// Host → the slots its root has: a default one, a named one.
    hosts: Map<u32, Slots>,
    /// The roots open at this point, innermost last, with their hosts.
    open: Vec<(u32, u32)>,
}

#[derive(Clone, Copy, Default)]
struct Slots {
    default: bool,
    named: bool,
}

impl Shadows {
    /// Whether `el`, a start tag, opens a shadow root.
    fn is_root(tag: Tag, el: &StartTag<'_>) -> bool {
        tag == Tag::Template && crate::sanitize::is_shadow_root(el.attributes())
    }

    /// A shadow root starts, its template numbered `node`, inside `host`.
    fn open(&mut self, node: u32, host: u32) {
        self.hosts.entry(host).or_default();
        self.open.push((node, host));
    }

    /// A template ends; if it was a root without a default slot, its host, whose own text
    /// the browser does not show.
    fn end(&mut self, node: u32) -> Option<u32> {
        let &(root, host) = self.open.last()?;
        if root != node {
            return None;
        }
        self.open.pop();
        let slots = self.hosts.get(&host).copied().unwrap_or_default();
        (!slots.default).then_some(host)
    }

    /// A `<slot>` in the innermost open root.
    fn slot(&mut self, el: &StartTag<'_>) {
        let Some(&(_, host)) = self.open.last() else {
            return;
        };
        let named = el.get("name").is_some_and(|n| !n.is_empty());
        if let Some(slots) = self.hosts.get_mut(&host) {
            if named {
                slots.named = true;
            } else {
                slots.default = true;
            }
        }
    }

    /// Whether `el`, a child of `parent`, is light DOM that no slot of its host's root shows.
    fn hides(&self, parent: u32, el: &StartTag<'_>) -> bool {
        if self.hosts.is_empty() {
            return false;
        }
        let Some(slots) = self.hosts.get(&parent) else {
            return false;
        };
        if el.get("slot").is_some_and(|s| !s.is_empty()) {
            !slots.named
        } else {
            !slots.default
        }
    }
}

/// Whether a heading's names make it a section's heading whose only unlikely word is
/// "header": a recipe card's (WP Recipe Maker's `wprm-recipe-header
/// wprm-recipe-ingredients-header` over "Ingredients" and "Instructions"), one named a
/// subheader (CNN's `<h2 class="subheader">`, `clay-subheader`), or one named for the
/// permalink anchor it carries (Substack's `header-anchor-post` on every subheading, the
/// name Markdown renderers give such anchors). Readability drops each as a page's header,
/// and the story loses its subheadings. Asked only of headings with unlikely names.
fn section_heading_named_header(class: Option<&str>, id: Option<&str>) -> bool {
    use crate::patterns::{Names, RECIPE_CARD, UNLIKELY};
    // Headings with unlikely names are common (`section-header`, `widget-title`); reading
    // their names again is asked only of those that spell the word.
    let recipe = spells(class, b"recipe") || spells(id, b"recipe");
    let sub = spells(class, b"subheader")
        || spells(class, b"sub-header")
        || spells(class, b"header-anchor");
    if !recipe && !sub {
        return false;
    }
    let names = Names::new(class, id);
    (sub || names.any(RECIPE_CARD))
        && UNLIKELY
            .iter()
            .filter(|p| names.matches(p))
            .all(|p| p.needle == "header")
}

/// Whether `id` holds the words of `text`, two or more, one after another and nothing
/// between them, case aside: an anchor made from a heading's words.
fn id_spells_words(id: &str, text: &str) -> bool {
    super::word_run(id, text).is_some_and(|n| n >= 2)
}

/// Whether an `<input>` asks for an e-mail address: typed so, or, typed as plain text (or
/// not at all), named or identified for one (Mailchimp's `name="EMAIL"`, `id="e-mail"`).
fn asks_for_email(a: &Attrs) -> bool {
    let kind = a.kind.map(str::trim).unwrap_or("text");
    kind.eq_ignore_ascii_case("email")
        || (kind.eq_ignore_ascii_case("text") && (spells(a.name, b"mail") || spells(a.id, b"mail")))
}

/// Whether attribute value `value` holds `word` (lower-case ASCII) in any case, anywhere.
fn spells(value: Option<&str>, word: &[u8]) -> bool {
    value.is_some_and(|v| (v.as_bytes().windows(word.len())).any(|w| w.eq_ignore_ascii_case(word)))
}

/// Elements whose content is never article text.
fn is_never(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Head | Title
            | Meta
            | Link
            | Base
            | Script
            | Style
            | Noscript
            | Template
            | Input
            | Button
            | Select
            | Textarea
            | Option
            | Canvas
            | Dialog
    )
}

/// The attributes the collect pass reads, borrowed from the page in one walk over the
/// element's attribute list (asking lol_html for each by name costs a search and a copy).
/// The first of duplicate attributes counts, as with `Element::get_attribute`.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    hidden: Option<&'a str>,
    open: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    style: Option<&'a str>,
    href: Option<&'a str>,
    rel: Option<&'a str>,
    datatable: Option<&'a str>,
    summary: Option<&'a str>,
    colspan: Option<&'a str>,
    src: Option<&'a str>,
    data: Option<&'a str>,
    lang: Option<&'a str>,
    dir: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    content: Option<&'a str>,
    kind: Option<&'a str>,
    datetime: Option<&'a str>,
    pubdate: Option<&'a str>,
    /// What a component framework names the element: `data-component` (the BBC's, the
    /// Guardian's), `data-testid` (React's test hooks, shipped by many news sites), `data-qa`,
    /// `data-area` (Der Spiegel's, whose classes are utilities), `data-module`,
    /// `data-widget`. The first of them an element has.
    component: Option<&'a str>,
    /// What the element is called for screen readers: a region labelled as one about the
    /// author is an author box.
    aria_label: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    // Left a call, it built its 23 fields and then copied all 368 bytes to the caller, for
    // every element.
    #[inline(always)]
    fn read(el: &StartTag<'a>) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in el.attributes() {
            let name = name.as_bytes();
            let mut lower = [0u8; 14];
            if name.len() > lower.len() {
                continue;
            }
            for (l, b) in lower.iter_mut().zip(name) {
                *l = b.to_ascii_lowercase();
            }
            let slot = match &lower[..name.len()] {
                b"class" => &mut a.class,
                b"id" => &mut a.id,
                b"role" => &mut a.role,
                b"itemprop" => &mut a.itemprop,
                b"hidden" => &mut a.hidden,
                b"open" => &mut a.open,
                b"aria-hidden" => &mut a.aria_hidden,
                b"aria-label" => &mut a.aria_label,
                b"style" => &mut a.style,
                b"href" => &mut a.href,
                b"rel" => &mut a.rel,
                b"datatable" => &mut a.datatable,
                b"summary" => &mut a.summary,
                b"colspan" => &mut a.colspan,
                b"src" => &mut a.src,
                b"data" => &mut a.data,
                b"lang" => &mut a.lang,
                b"dir" => &mut a.dir,
                b"property" => &mut a.property,
                b"name" => &mut a.name,
                b"content" => &mut a.content,
                b"type" => &mut a.kind,
                b"datetime" => &mut a.datetime,
                b"pubdate" => &mut a.pubdate,
                b"data-component" | b"data-testid" | b"data-qa" | b"data-area" | b"data-module"
                | b"data-widget" => &mut a.component,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        a
    }
}

/// Whether the whitespace-separated `list` (`itemprop`, `rel`) holds `token`, ASCII case
/// ignored. Most elements have no `itemprop`: the empty list is answered before
/// `split_whitespace`, which is a call and a character decoder in WebAssembly (about 1 % of
/// the extract there).
fn has_token(list: &str, token: &str) -> bool {
    !list.is_empty()
        && list
            .split_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
}

/// Whether a class names a name: a word of it (between `-`, `_` and spaces) ends in "name"
/// (`author-name`, `author__name`, `authorName`, `display-name`), in any case.
fn names_a_name(class: &str) -> bool {
    class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.len() >= 4 && w[w.len() - 4..].eq_ignore_ascii_case("name"))
}

/// `scratch`: room for the compacted `style` (see [`style_hides`]).
/// `label`: text for screen readers alone that labels here what the view shows another way
/// (see `Collector::start`). `caption`: a `<figcaption>` or a part of one.
fn is_hidden(a: &Attrs<'_>, tag: Tag, label: bool, caption: bool, scratch: &mut String) -> bool {
    if a.hidden.is_some() || label {
        return true;
    }
    if tag == Tag::Dialog && a.open.is_none() {
        return true;
    }
    if a
        .aria_hidden
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        // Wikipedia renders maths as an image with a hidden MathML twin; Readability keeps it.
        && !a.class.is_some_and(|c| c.contains("fallback-image"))
        // A caption hidden from screen readers, whose picture's `alt` says the same (Le
        // Monde's `<figcaption aria-hidden="true">`), is still shown.
        && !caption
    {
        return true;
    }
    a.style.is_some_and(|style| style_hides(style, scratch))
}

/// `display:none` or `visibility:hidden` in a `style` attribute, in any case and with
/// whitespace anywhere. `compact` is scratch space, reused from element to element.
fn style_hides(style: &str, compact: &mut String) -> bool {
    compact.clear();
    if style.is_ascii() {
        // Nearly every style attribute: `char::to_lowercase` would look each character up in
        // Unicode's tables to give what the ASCII mapping does.
        let bytes = style.bytes().filter(|&b| !is_ascii_space(b));
        compact.extend(bytes.map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        let chars = style.chars().filter(|c| !c.is_whitespace());
        compact.extend(chars.flat_map(char::to_lowercase));
    }
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

impl Collector {
    /// Reads a `<noscript>`'s text, markup as written, for a picture and a link. Tags split
    /// between two pieces of text are missed: the picture then goes unshown, as before.
    fn noscript_text(&mut self, node: u32, text: &str) {
        if self.noscript.is_none_or(|(open, _, _)| open != node) {
            self.noscript = Some((node, false, false));
        }
        let Some((_, img, link)) = self.noscript.as_mut() else {
            return;
        };
        let bytes = text.as_bytes();
        for at in memchr::memchr_iter(b'<', bytes) {
            let name = &bytes[at + 1..];
            let named = |tag: &[u8]| {
                name.len() > tag.len()
                    && name[..tag.len()].eq_ignore_ascii_case(tag)
                    && matches!(
                        name[tag.len()],
                        b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
                    )
            };
            *img |= named(b"img");
            *link |= named(b"a");
        }
    }

    /// Whether the elements opened since `node`, and `node` itself, hold no text yet (at most
    /// a space): an icon's, or nothing. A link of more than [`ICON_NODES_MAX`] elements is
    /// taken as showing something, so that a page's nesting cannot make each of its elements
    /// cost a walk.
    fn shows_nothing_since(&self, node: u32) -> bool {
        let since = &self.out.nodes[node as usize..];
        since.len() <= ICON_NODES_MAX && since.iter().all(|n| n.text <= 1)
    }

    /// A block's edge parts the words on either side of it, as the page shows them: a byline
    /// box's last name and the date in the block after it ("José Miguel Wilson" and "Hace
    /// 13 horas") are two words, not "WilsonHace".
    fn capture_break(&mut self) {
        for (_, buf) in self.capturing.iter_mut() {
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
            }
        }
    }

    /// Author label `label` has ended: the rest of its parent's text, if the parent is a
    /// line or a box's item, is the byline ("<li><strong>Author</strong> Antonio
    /// Cascais</li>"), captured from here.
    fn label_names_parent(&mut self, label: u32) {
        let parent = self.out.nodes[label as usize].parent;
        let Some(p) = self.out.nodes.get_mut(parent as usize) else {
            return;
        };
        if self.capturing.is_empty()
            && matches!(p.tag, Tag::Li | Tag::P | Tag::Div | Tag::Dd | Tag::Span)
        {
            p.flags |= flag::BYLINE;
            self.capturing.push((parent, String::new()));
            self.out.labelled_bylines.push(parent);
        }
    }

    /// Whether a byline or date line is being captured around the element that opens.
    fn in_byline(&self) -> bool {
        let lines = flag::BYLINE | flag::META_LINE;
        self.capturing
            .iter()
            .any(|&(n, _)| self.out.nodes[n as usize].flags & lines != 0)
    }
}

/// A line of a block of bare text (`<div>` of text and `<br>`s, as the Times of India sets
/// its stories) that is only a related-links label in bold and a link: "<b>Also Read |</b>
/// <a>…</a><br>". Readability splits such a block at its double `<br>`s into paragraphs and
/// a paragraph that is mostly one link goes as a nudge; this pass has no such paragraph, so
/// the line is followed element by element: the label, nothing worded beside it in the
/// block, the link, then a `<br>` or the block's end.
#[derive(Default)]
struct RelatedLine {
    state: LineState,
    /// The block the line is in, the label and the link.
    block: u32,
    label: u32,
    link: u32,
    /// The label's text, up to [`LABEL_MAX_BYTES`].
    text: String,
}

#[derive(Default, PartialEq, Eq)]
enum LineState {
    #[default]
    Idle,
    InLabel,
    AwaitLink,
    InLink,
    AfterLink,
}

impl RelatedLine {
    /// An element opens in `parent`; `bold`: it is a `<b>` or a `<strong>`. Gives the label
    /// and the link when it is the `<br>` that ends their line.
    fn open(&mut self, node: u32, tag: Tag, bold: bool, parent: u32) -> Option<[u32; 2]> {
        use LineState::*;
        if parent == self.block {
            match self.state {
                AwaitLink if tag == Tag::A => {
                    self.state = InLink;
                    self.link = node;
                    return None;
                }
                AfterLink if tag == Tag::Br => {
                    self.state = Idle;
                    return Some([self.label, self.link]);
                }
                AwaitLink | AfterLink => self.state = Idle,
                _ => {}
            }
        }
        if bold && self.state != InLabel && self.state != InLink {
            self.state = InLabel;
            self.block = parent;
            self.label = node;
            self.link = NONE;
            self.text.clear();
        }
        None
    }

    fn text(&mut self, text: &str, top: u32, blank: bool) {
        use LineState::*;
        match self.state {
            InLabel if self.text.len() < LABEL_MAX_BYTES => self.text.push_str(text),
            AwaitLink | AfterLink if top == self.block && !blank => self.state = Idle,
            _ => {}
        }
    }

    /// An element ends. Gives the label and the link when it is the block their line ends.
    fn close(&mut self, node: u32) -> Option<[u32; 2]> {
        use LineState::*;
        match self.state {
            InLabel if node == self.label => {
                let label = self.text.trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '|' | ':' | '-' | '\u{2013}' | '\u{2014}')
                });
                self.state = if is_related_label(label, LABEL_MAX_BYTES) {
                    AwaitLink
                } else {
                    Idle
                };
            }
            InLink if node == self.link => self.state = AfterLink,
            AfterLink if node == self.block => {
                self.state = Idle;
                return Some([self.label, self.link]);
            }
            // The block ended before the line did.
            AwaitLink if node == self.block => self.state = Idle,
            _ => {}
        }
        None
    }
}

impl Visitor for Collector {
    fn start(&mut self, node: u32, tag: Tag, parent: Option<Open>, el: &StartTag<'_>) {
        let a = Attrs::read(el);
        let parent_idx = parent.map_or(NONE, |p| p.node);
        // One lookup for both: this runs for every element of the page.
        let (parent_flags, parent_tag) = parent.map_or((0, None), |p| {
            let node = &self.out.nodes[p.node as usize];
            (node.flags, Some(node.tag))
        });
        let mut flags = parent_flags & flag::INHERITED;

        let (class, id) = (a.class, a.id);
        // Inside code the names are a highlighter's (`hljs-comment`, Prism's `token
        // comment`, `hljs-meta`): they say what the code holds, not what the page does.
        let mut names = if parent_flags & flag::IN_CODE != 0 {
            self.no_names
        } else {
            self.names(class, id)
        };
        // A heading's `id` is its section's anchor, often made from its words (heise's
        // `<h3 class="subheading" id="nav_was_noch_fehlt_0">`, for the table of contents'
        // links): where a class names what the heading is, the anchor declares no boilerplate.
        if names.boilerplate.is_some()
            && tag.is_heading()
            && id.is_some()
            && class.is_some_and(|c| !c.trim().is_empty())
        {
            names.boilerplate = self.names(class, None).boilerplate;
        }
        if names.skip {
            self.skip_named = node;
        }
        if tag == Tag::Img {
            self.last_img = node;
        }
        let role = a.role.map(|r| r.trim().to_ascii_lowercase());
        let itemprop = a.itemprop.unwrap_or_default().to_ascii_lowercase();
        let mut kind = None;

        let shadow_root = Shadows::is_root(tag, el);
        if is_never(tag) && !shadow_root {
            flags |= flag::NEVER;
        }
        // Text for screen readers alone labels what the view shows another way: a heading
        // of it ("Hauptinhalt", "Post navigation") names a region, where the reader sees the
        // title above the article; a figure's own ("Photo" before the New York Times'
        // pictures) names the picture; a link's, before anything it shows, names its icon
        // ("View ORCID Profile" before an author's name), after a control's label where the
        // control leads (", opens new tab" after "Purchase Licensing Rights"); a form
        // control's `<label>`'s names a control the view never shows (a recipe card's "▢"
        // before each ingredient, its checkbox's). A block of its own says it another way,
        // or nothing ("list of 4 items" before a box of headlines). Elsewhere such text
        // finishes a sentence ("(link is external)"), or a heading's kicker (": "). (The
        // names first: few elements have them.)
        let label = names.visually_hidden
            && (tag.is_heading()
                || matches!(tag, Tag::P | Tag::Div | Tag::Li)
                || matches!(parent_tag, Some(Tag::Figure | Tag::Label))
                || (parent_tag == Some(Tag::A)
                    && (self.shows_nothing_since(parent_idx)
                        || self.out.nodes[parent_idx as usize].flags & flag::CONTROL_LABEL != 0)));
        let caption = tag == Tag::Figcaption || parent_tag == Some(Tag::Figcaption);
        if is_hidden(&a, tag, label, caption, &mut self.style_scratch)
            || parent.is_some_and(|p| self.shadows.hides(p.node, el))
        {
            flags |= flag::HIDDEN;
            kind = Some(RemovedKind::Hidden);
        }
        if shadow_root {
            if let Some(host) = parent {
                self.shadows.open(node, host.node);
            }
        } else if tag == Tag::Other && el.name.eq_ignore_ascii_case(b"slot") {
            self.shadows.slot(el);
        }
        match tag {
            Tag::Table => flags |= flag::IN_TABLE,
            Tag::Code | Tag::Pre => flags |= flag::IN_CODE,
            Tag::Figure => flags |= flag::IN_FIGURE,
            Tag::Article | Tag::Main => flags |= flag::IN_ARTICLE,
            Tag::Input
                if a.kind
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("search")) =>
            {
                flags |= flag::SEARCH
            }
            Tag::Input if asks_for_email(&a) => flags |= flag::EMAIL_FIELD,
            Tag::Other if el.name.eq_ignore_ascii_case(b"search") => flags |= flag::SEARCH,
            Tag::A => {
                flags |= flag::IN_LINK;
                let href = a.href.map(str::trim_start);
                let in_page = href.is_some_and(|h| h.starts_with('#'));
                if in_page {
                    flags |= flag::HASH_LINK;
                }
                // A skip link (`<a class="skip-link" href="#content">Skip to content</a>`,
                // or the page's own address and a fragment) is there for keyboards; in the
                // article it would be its first line.
                if (names.skip || (parent.is_some() && self.skip_named == parent_idx))
                    && href.is_some_and(|h| h.contains('#'))
                {
                    flags |= flag::STRUCTURAL;
                    kind = kind.or(Some(RemovedKind::Navigation));
                }
                match href.filter(|_| !in_page).map(crate::patterns::link_to) {
                    Some(Some(LinkTo::Share)) => flags |= flag::SHARE_LINK,
                    Some(Some(LinkTo::AppStore)) => flags |= flag::STORE_LINK,
                    _ => {}
                }
            }
            _ => {}
        }
        if role.as_deref() == Some("search") {
            flags |= flag::SEARCH;
        }
        if has_token(&itemprop, "articlebody") || role.as_deref() == Some("main") {
            flags |= flag::DECLARED_BODY | flag::IN_ARTICLE;
        }

        // Page furniture by element or role. A `<header>` inside the article (or named like
        // one, `entry-header`) holds the title and standfirst, so only site headers go.
        let articleish_name = names.positive;
        let in_article = parent_flags & flag::IN_ARTICLE != 0;
        match tag {
            Tag::Nav | Tag::Menu => {
                flags |= flag::STRUCTURAL;
                kind = kind.or(Some(RemovedKind::Navigation));
            }
            Tag::Aside => {
                flags |= flag::STRUCTURAL;
                kind = kind.or(Some(RemovedKind::Related));
            }
            Tag::Footer => {
                flags |= flag::STRUCTURAL;
                kind = kind.or(Some(RemovedKind::Footer));
            }
            Tag::Header if !in_article && !articleish_name => {
                flags |= flag::STRUCTURAL;
                kind = kind.or(Some(RemovedKind::Navigation));
            }
            _ => {}
        }
        if let Some(role) = role.as_deref() {
            if let Some((_, k)) = UNLIKELY_ROLES.iter().find(|(r, _)| *r == role) {
                let header_like = matches!(role, "banner") && (in_article || articleish_name);
                if !header_like {
                    flags |= flag::STRUCTURAL;
                    kind = kind.or(Some(*k));
                }
            }
        }

        // Sites whose classes are hashed (`dcr-1ujtlep`, `css-53u6y8`) or utilities (`mb-32`)
        // name their components in a data attribute instead: read for the kinds of
        // boilerplate alone, as Readability never weighed those names.
        let component = a
            .component
            .filter(|_| parent_flags & flag::IN_CODE == 0)
            .map(|c| self.names(Some(c), None));
        // A region labelled for screen readers as one about the author (USA Today's `<div
        // aria-label="About the authors">` around their biographies) is the author box a
        // heading would call it.
        let author_region = || {
            (a.aria_label)
                .is_some_and(crate::patterns::is_author_box_heading)
                .then_some(RemovedKind::Footer)
        };
        let declared = names
            .boilerplate
            .or_else(|| component.and_then(|c| c.boilerplate))
            .or_else(author_region);
        // A badge set in a line of text is part of what the line says (MDN's "Optional"
        // beside a parameter's name in a `<dt>`, "New" in a heading); on its own (a docs
        // page's "Version: 3.4", a teaser's "Lesetipp") it is a label pinned on the page.
        // (Asked only of an element some name declares boilerplate.)
        let badge_in_line = || {
            parent_tag.is_some_and(|t: Tag| {
                t.is_heading()
                    || matches!(t, Tag::P | Tag::Li | Tag::Dt | Tag::Dd | Tag::Td | Tag::Th)
            }) && spells(class, b"badge")
        };
        // A figure's caption named for its place in the figure (`media-news__footer`) is no
        // page footer.
        let figure_footer = |k: &RemovedKind| tag == Tag::Figcaption && *k == RemovedKind::Footer;
        let declared = declared.filter(|k| !badge_in_line() && !figure_footer(k));
        if let Some(k) = declared {
            if !matches!(tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article) {
                flags |= flag::BOILERPLATE;
                kind = kind.or(Some(k));
            }
        }
        // (Declared by its names, not a data attribute's: with no class, by its id. A byline's
        // name within a word of it too: "author" in GOV.UK's `new-duties-for-local-transport-
        // authorities`.)
        let mut slug_flags = 0;
        if declared.is_some() && names.boilerplate.is_some() {
            slug_flags |= flag::BOILERPLATE;
        }
        if names.byline {
            slug_flags |= flag::BYLINE | flag::BYLINE_NAME;
        }
        if slug_flags != 0 && tag.is_heading() && class.is_none_or(|c| c.trim().is_empty()) {
            if let Some(id) = id {
                self.slug_heading = (node, id.to_string(), slug_flags);
            }
        }
        if !names.empty {
            // A figure's caption is no unlikely candidate by its names, which say where in
            // the figure it sits (`media-news__footer`).
            if names.unlikely
                && !matches!(tag, Tag::Body | Tag::A | Tag::Html | Tag::Figcaption)
                && flags & (flag::IN_TABLE | flag::IN_CODE) == 0
                && !(tag.is_heading() && section_heading_named_header(class, a.id))
            {
                flags |= flag::UNLIKELY;
            }
            if names.meta_line {
                flags |= flag::META_LINE;
            }
            if names.ingredients {
                flags |= flag::IN_INGREDIENTS;
            }
            if names.small_box
                && !tag.is_heading()
                && !matches!(
                    tag,
                    Tag::Html | Tag::Body | Tag::Main | Tag::Article | Tag::Audio | Tag::Video
                )
            {
                flags |= flag::SMALL_BOX;
            }
        }
        if has_token(&itemprop, "recipeingredient") || has_token(&itemprop, "ingredients") {
            flags |= flag::IN_INGREDIENTS;
            self.out.marks_ingredients = true;
        }
        if tag == Tag::Time {
            flags |= flag::META_LINE;
        }
        if tag == Tag::Figcaption || names.caption || has_token(&itemprop, "caption") {
            flags |= flag::CAPTION;
        }
        // The page's own containers are named for a theme's settings too (`quotes-f2` on a
        // `<body>`, its quotes' font).
        let container = matches!(tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article);
        if tag == Tag::Blockquote || (names.quote && !container) {
            self.quotes.push(node);
        }
        // A paragraph that sends readers to the site's rules for comments is the comment
        // form's notice.
        // (The paragraph is asked first: most links are in none.)
        if let Some(p) = self.probe.filter(|&p| {
            tag == Tag::A
                && self.out.nodes[p as usize].tag == Tag::P
                && a.href.is_some_and(crate::patterns::is_comment_rules_page)
        }) {
            let paragraph = &mut self.out.nodes[p as usize];
            paragraph.flags |= flag::NUDGE;
            paragraph.kind = paragraph.kind.or(Some(RemovedKind::Comments));
        }
        let rel_author = has_token(a.rel.unwrap_or_default(), "author")
            || (tag == Tag::A && a.href.is_some_and(crate::patterns::is_author_page));
        let author_mark = rel_author
            || (!itemprop.is_empty() && itemprop.contains("author"))
            || names.byline
            || component.is_some_and(|c| c.byline);
        // A quote's attribution (`pull-quote__author`, a `cite` marked `author` in a
        // blockquote) names who said it: neither the article's author nor a credit.
        if author_mark && !self.in_quote(node, parent_idx) {
            // An author inside a figure (`img-author`, `photo-author`) took the picture.
            flags |= if flags & flag::IN_FIGURE != 0 {
                flag::CREDIT
            } else {
                flag::BYLINE
            };
            // Inside a byline box, the mark named for the name (`author-name`,
            // `authors-detail__display-name`) holds it alone, apart from the job title or
            // bio beside it ("Senior Politics Editor, The Huffington Post").
            if flags & flag::BYLINE != 0
                && !self.capturing.is_empty()
                && class.is_some_and(names_a_name)
            {
                flags |= flag::BYLINE_NAME;
            }
        } else if !self.capturing.is_empty() && self.publisher == NONE {
            if has_token(&itemprop, "publisher") {
                self.publisher = node;
            } else if has_token(&itemprop, "name") || class.is_some_and(|c| self.hcard_name(c)) {
                // Readability takes a byline's `itemprop="name"` for the byline, leaving out the
                // job title or section beside it ("Ben Silverman Games Editor"); hCard's `fn`
                // marks the name as well ("Andrea Stone" beside "Senior Washington
                // Correspondent").
                flags |= flag::BYLINE_NAME;
            }
        }

        // A picture's rights holder or credit as schema.org's `ImageObject` marks it
        // (`itemprop="copyrightHolder"`, The New York Times' "CreditChang W. Lee/The New
        // York Times") is its credit line.
        if flags & flag::IN_FIGURE != 0
            && (has_token(&itemprop, "copyrightholder") || has_token(&itemprop, "credittext"))
        {
            flags |= flag::CREDIT;
        }

        // Tables: shape and declared nature.
        match tag {
            Tag::Table => {
                let role_presentation = role.as_deref() == Some("presentation");
                if role_presentation || a.datatable == Some("0") {
                    flags |= flag::LAYOUT_TABLE;
                }
                if a.summary.is_some() {
                    flags |= flag::DATA_TABLE_HINT;
                }
                self.out.tables.insert(node, TableShape::default());
                self.open_tables.push(node);
            }
            Tag::Tr => {
                if let Some(t) = self
                    .open_tables
                    .last()
                    .and_then(|t| self.out.tables.get_mut(t))
                {
                    t.rows += 1;
                    t.row_cells = 0;
                }
            }
            Tag::Td | Tag::Th => {
                let span = a
                    .colspan
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                if let Some(t) = self
                    .open_tables
                    .last()
                    .and_then(|t| self.out.tables.get_mut(t))
                {
                    t.row_cells += span;
                    t.cols = t.cols.max(t.row_cells);
                }
            }
            _ => {}
        }
        if matches!(
            tag,
            Tag::Caption | Tag::Th | Tag::Thead | Tag::Tfoot | Tag::Col | Tag::Colgroup
        ) {
            if let Some(&t) = self.open_tables.last() {
                self.out.nodes[t as usize].flags |= flag::DATA_TABLE_HINT;
            }
        }
        if matches!(tag, Tag::Iframe | Tag::Embed | Tag::Object | Tag::Video) {
            // A lazy-loaded player keeps its address in a data attribute until scrolled to.
            let lazy = || el.get("data-src").or_else(|| el.get("data-lazy-src"));
            let src = a.src.or(a.data).or_else(lazy).unwrap_or_default();
            if tag == Tag::Video || shows_video(src) {
                flags |= flag::VIDEO;
            }
        }

        // Metadata.
        match tag {
            Tag::Html => {
                let given = |v: Option<&str>| v.filter(|v| !v.trim().is_empty()).map(String::from);
                self.out.meta.lang = given(a.lang);
                self.out.meta.dir = given(a.dir);
            }
            // An SVG's <title> labels a drawing, not the page.
            Tag::Title if self.out.meta.title.is_empty() && !el.foreign => {
                self.in_title = true;
            }
            Tag::Meta => {
                let keys = [a.property, a.name]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(content) = a.content {
                    if !keys.is_empty() {
                        self.out.meta.add_meta(&keys, content, false);
                    }
                    if let Some(item) = a.itemprop.filter(|k| !k.trim().is_empty()) {
                        self.out.meta.add_meta(item, content, true);
                    }
                }
            }
            Tag::Base if self.out.meta.base_href.is_none() => {
                self.out.meta.base_href = a.href.map(String::from);
            }
            Tag::Link
                if self.out.meta.canonical.is_none()
                    && has_token(a.rel.unwrap_or_default(), "canonical") =>
            {
                self.out.meta.canonical = a.href.map(String::from);
            }
            Tag::Script => {
                let ty = a.kind.unwrap_or_default().trim();
                if ty.eq_ignore_ascii_case("application/ld+json") {
                    self.json_ld = Some(String::new());
                }
            }
            _ => {}
        }
        if self.out.meta.body_date.is_none() && flags & flag::HIDDEN == 0 {
            let date = has_token(&itemprop, "datepublished")
                .then(|| a.datetime.or(a.content))
                .flatten();
            self.out.meta.body_date = date.filter(|d| !d.trim().is_empty()).map(String::from);
        }
        // (`pubdate` marks the date of the article it is in, which may be a comment.)
        if tag == Tag::Time
            && (flags & flag::IN_ARTICLE != 0 || a.pubdate.is_some())
            && flags & flag::HIDDEN == 0
            && self.out.article_times.len() < ARTICLE_TIMES_MAX
        {
            if let Some(d) = a.datetime.filter(|d| !d.trim().is_empty()) {
                self.out.article_times.push((node, d.to_string()));
            }
        }
        if let Some(dir) = a.dir {
            self.out.dirs.insert(node, dir.trim().to_ascii_lowercase());
        }
        if let Some(lang) = a.lang {
            self.out.langs.insert(node, lang.trim().to_string());
        }

        // A block inside a div/section means that div is not itself a paragraph.
        if tag.is_div_to_p_block() && parent_idx != NONE {
            self.out.nodes[parent_idx as usize].flags |= flag::HAS_BLOCK_CHILD;
        }

        // A byline's text for screen readers alone repeats the name or says what the line
        // is ("Kristen Falc'hon" twice, "Author: Mira Shah."): it stays in the page as it
        // was, and out of the byline. (Text hidden from screen readers, `aria-hidden`, is
        // the one the reader sees.)
        // (Asked in that order: most elements have a class, few are in a byline.)
        let unread = self.in_byline() && names.visually_hidden;
        if unread && self.capture_muted == NONE {
            self.capture_muted = node;
        }
        // (Asked of the few elements inside a capture only.)
        if !self.capturing.is_empty() && (tag.is_text_block() || tag == Tag::Br) {
            self.capture_break();
        }
        if tag.is_heading() || flags & (flag::BYLINE | flag::META_LINE | flag::BYLINE_NAME) != 0 {
            self.capturing.push((node, String::new()));
        }
        // A `<div>` is probed too, for a label or a nudge set as one (`<div class="headline">Das
        // könnte Sie auch interessieren</div>`), unless a paragraph is open; the innermost div
        // takes the probe, as one with a block inside is no label.
        let probe_div = tag == Tag::Div
            && self
                .probe
                .is_none_or(|p| self.out.nodes[p as usize].tag == Tag::Div);
        if tag == Tag::P || probe_div {
            self.probe = Some(node);
            self.probe_text.clear();
        }
        let bold = tag == Tag::Other
            && (el.name.eq_ignore_ascii_case(b"b") || el.name.eq_ignore_ascii_case(b"strong"));
        if let Some(line) = self.related_line.open(node, tag, bold, parent_idx) {
            self.related_line_ends(line);
        }
        self.dates.open(node, tag, flags);
        // A credit set apart from its caption (`<span class="o-credit__attribution">`) is
        // told by its name, and is as short as one told by its label.
        let named_credit =
            names.credit && tag != Tag::Figcaption && self.credits_a_picture(parent_idx);
        if credits::asks(tag) || named_credit {
            self.credits
                .open(node, named_credit, flags & flag::IN_FIGURE != 0);
        }

        if !cfg!(target_arch = "wasm32") && self.debug {
            self.out.debug_names.push(format!(
                "{}.{}#{}",
                String::from_utf8_lossy(el.name).to_ascii_lowercase(),
                class.unwrap_or(""),
                id.unwrap_or("")
            ));
        }
        let seen = Seen::of(el, parent);
        if seen.foreign {
            flags |= flag::FOREIGN;
        }
        self.out.starts.push(seen.start);
        self.out.ends.push(seen.start);
        self.out.nodes.push(Node {
            parent: parent_idx,
            tag,
            flags,
            kind,
            class_weight: names.class_weight,
            class_hash: class.map_or(0, hash32),
            text: 0,
            link_text: 0,
            hash_link_text: 0,
            commas: 0,
        });
    }

    fn mark(&mut self, node: u32, flags: flag::Bits) {
        if let Some(n) = self.out.nodes.get_mut(node as usize) {
            n.flags |= flags;
        }
    }

    fn end(&mut self, open: Open, at: usize) {
        if let Some(end) = self.out.ends.get_mut(open.node as usize) {
            *end = offset(at);
        }
        if let Some(line) = self.related_line.close(open.node) {
            self.related_line_ends(line);
        }
        match open.tag {
            Tag::Template => {
                if let Some(host) = self.shadows.end(open.node) {
                    self.out.nodes[host as usize].flags |= flag::QUIET_TEXT;
                    self.out.quiet_hosts.push(host);
                }
            }
            Tag::Table if self.open_tables.last() == Some(&open.node) => {
                self.open_tables.pop();
            }
            Tag::Title => self.in_title = false,
            Tag::Noscript => {
                if let Some((node, true, false)) = self.noscript.take() {
                    if self.out.nodes[node as usize].flags & flag::IN_LINK == 0 {
                        self.out.noscript_pictures.push(node);
                    }
                }
            }
            Tag::Script => {
                if let Some(text) = self.json_ld.take() {
                    self.out.meta.add_json_ld(text);
                }
            }
            // A label set as a `<span>` that opens a box, the list after it in the same box
            // (NDTV's `<div class="ins_rltd"><span>Also Read</span><ul>…`): the box's text
            // so far is the label's alone. The box holds a block, so it is asked nothing.
            // (Only a `<div>`'s: a paragraph's first span opens a sentence, and asking each
            // cost a quarter of a percent of the whole pass.)
            Tag::Span => {
                let parent = self.out.nodes[open.node as usize].parent;
                if self.probe == Some(parent)
                    && self.probe_text.len() <= LABEL_MAX_BYTES
                    && self.out.nodes[parent as usize].tag == Tag::Div
                    && is_related_label(&self.probe_text, LABEL_MAX_BYTES)
                {
                    self.mark(open.node, flag::RELATED_LABEL);
                }
            }
            _ => {}
        }
        if self.capturing.last().is_some_and(|(n, _)| *n == open.node) {
            let (n, text) = self.capturing.pop().unwrap_or_default();
            // A heading can be the call a box makes ("Follow Sky News on WhatsApp" over a
            // line and a link): it is a nudge as a paragraph would be, and tells its box.
            if open.tag.is_heading() && text.len() < crate::patterns::FOLLOW_MAX_BYTES {
                if let Some(kind) = crate::patterns::heading_nudge(&text) {
                    let node = &mut self.out.nodes[n as usize];
                    node.flags |= flag::NUDGE;
                    node.kind = node.kind.or(Some(kind));
                }
            }
            self.out.captures.insert(n, text);
        }
        // Markdown renderers give every heading an `id` made of its words ("What the garden
        // sounds like" gets `what-the-garden-sounds-like`): such an id names nothing the words
        // do not say, and a word in it ("like") declares no boilerplate. Only a heading of two
        // words or more: "Comments" under `id="comments"` is the comment section's. (A classed
        // heading's id was set aside at its start.)
        if self.slug_heading.0 == open.node {
            let (n, id, given) =
                std::mem::replace(&mut self.slug_heading, (NONE, String::new(), 0));
            let text = self.out.captures.get(&n).map(|raw| capture_text(raw));
            if text.is_some_and(|t| id_spells_words(&id, &t)) {
                let node = &mut self.out.nodes[n as usize];
                node.flags &= !given;
                if given & flag::BOILERPLATE != 0 {
                    node.kind = None;
                }
            }
        }
        if !self.capturing.is_empty() && open.tag.is_text_block() {
            self.capture_break();
        }
        if self.capture_muted == open.node {
            self.capture_muted = NONE;
        }
        if self.publisher == open.node {
            self.publisher = NONE;
        }
        if self.author_label == open.node {
            self.author_label = NONE;
            self.label_names_parent(open.node);
        }
        if self.credits.end(open.node) {
            self.mark(open.node, flag::CREDIT);
        }
        if let Some((found, text)) = self.dates.end(open.node) {
            self.out.nodes[open.node as usize].flags |= found;
            self.out.captures.entry(open.node).or_insert(text);
        }
        if self.probe == Some(open.node) {
            self.probe = None;
            let node = &mut self.out.nodes[open.node as usize];
            // A `<div>` of text alone is a paragraph too, but asked about nudges only when it
            // may be a script's stand-in or a load error (`may_be_div_nudge`); one that holds
            // blocks is a wrapper, whatever its first words. A paragraph that filled the
            // buffer is prose, whatever it mentions.
            let div = node.tag == Tag::Div;
            let paragraph = !div || node.flags & flag::HAS_BLOCK_CHILD == 0;
            if paragraph && self.probe_text.len() < PROBE_MAX_BYTES {
                let ask = !div || crate::patterns::may_be_div_nudge(&self.probe_text);
                if crate::patterns::is_signup_label(&self.probe_text) {
                    node.flags |= flag::NUDGE | flag::SIGNUP_LABEL;
                    node.kind = node.kind.or(Some(RemovedKind::Paywall));
                } else if crate::patterns::is_tip_prompt(&self.probe_text) {
                    // It labels its box as a sign-up's label does.
                    node.flags |= flag::NUDGE | flag::SIGNUP_LABEL;
                    node.kind = node.kind.or(Some(RemovedKind::Comments));
                } else if let Some(kind) = ask
                    .then(|| crate::patterns::nudge(&self.probe_text))
                    .flatten()
                {
                    node.flags |= flag::NUDGE;
                    node.kind = node.kind.or(Some(kind));
                } else if crate::patterns::reading_time(&self.probe_text) {
                    node.flags |= flag::NUDGE;
                } else if is_related_label(&self.probe_text, LABEL_MAX_BYTES) {
                    node.flags |= flag::RELATED_LABEL;
                }
            }
        }
    }

    fn text(&mut self, text: &str, kind: TextType, top: Option<Open>) {
        let (false, Some(top)) = (text.is_empty(), top) else {
            return;
        };
        if self.in_title && top.tag == Tag::Title {
            if self.out.meta.title.len() < 4096 {
                self.out.meta.title.push_str(text);
            }
            return;
        }
        if let Some(buf) = self.json_ld.as_mut() {
            if top.tag == Tag::Script && buf.len() < 1024 * 1024 {
                buf.push_str(text);
            }
            return;
        }
        if !matches!(kind, TextType::Data) {
            if top.tag == Tag::Noscript {
                self.noscript_text(top.node, text);
            }
            return;
        }
        // A link set in a box among its blocks, or alone on its line, may be the box's
        // button; one in a sentence ("readers who <a>subscribe</a>") is part of what the
        // sentence says, and one in a list is a menu's item.
        let link_opens_line = top.tag == Tag::A && {
            let p = self.out.nodes[top.node as usize].parent;
            p != NONE && {
                let parent = &self.out.nodes[p as usize];
                match parent.tag {
                    Tag::Div | Tag::Section | Tag::Aside | Tag::Form => {
                        parent.text == 0 || parent.flags & flag::HAS_BLOCK_CHILD != 0
                    }
                    Tag::P => parent.text == 0,
                    _ => false,
                }
            }
        };
        let node = &mut self.out.nodes[top.node as usize];
        if node.flags & (flag::NEVER | flag::QUIET_TEXT) != 0 {
            return;
        }
        let (
            Figures {
                len,
                commas,
                sentence,
                last_space,
            },
            blank,
        ) = Figures::read(text, self.last_space);
        self.last_space = last_space;
        // An ad's label or a control's is an element's only text: asked of its first words,
        // undone by more.
        if !blank {
            node.flags &=
                !(flag::AD_LABEL | flag::CONTROL_LABEL | flag::READ_MORE | flag::SIGNUP_LINK);
            if self.author_label == top.node {
                self.author_label = NONE;
            }
            // (Measured without the indentation of pretty-printed markup around it.)
            let short = |t: &str| t.len() <= AD_LABEL_MAX_BYTES;
            if node.text <= 1 && (short(text) || short(text.trim_ascii())) {
                if is_ad_label(text) {
                    node.flags |= flag::AD_LABEL;
                } else if is_control_label(text)
                    || (node.flags & flag::IN_LINK != 0 && is_back_link(text))
                    || (node.flags & flag::HASH_LINK != 0 && is_skip_link(text))
                {
                    node.flags |= flag::CONTROL_LABEL;
                } else if node.flags & flag::IN_LINK != 0 && is_read_more(text) {
                    node.flags |= flag::CONTROL_LABEL | flag::READ_MORE;
                } else if link_opens_line && is_signup_link(text) {
                    node.flags |= flag::SIGNUP_LINK;
                } else if matches!(top.tag, Tag::Span | Tag::Label | Tag::Other)
                    && self.capturing.is_empty()
                    && crate::patterns::is_author_label(text)
                {
                    self.author_label = top.node;
                }
            }
        }
        node.text = node.text.saturating_add(len);
        node.commas = node.commas.saturating_add(commas);
        if node.flags & flag::IN_LINK != 0 {
            node.link_text = node.link_text.saturating_add(len);
            if node.flags & flag::HASH_LINK != 0 {
                node.hash_link_text = node.hash_link_text.saturating_add(len);
            }
        }
        if sentence {
            node.flags |= flag::SENTENCE;
        }
        if self.capture_muted == NONE {
            for (_, buf) in self.capturing.iter_mut() {
                if buf.len() < CAPTURE_MAX {
                    push_collapsed(buf, text);
                }
            }
        }
        self.credits.text(text, len, blank);
        self.related_line.text(text, top.node, blank);
        if self.probe.is_some() && self.probe_text.len() < PROBE_MAX_BYTES {
            self.probe_text.push_str(text);
        }
        let flags = self.out.nodes[top.node as usize].flags;
        self.dates.text(text, len, blank, flags);
    }
}

/// A player from a video site, which the cleaning spares: the test the emit pass makes when it
/// turns the player into a link (`sanitize::video_address`). The page's address is not known
/// here and need not be: a relative address is on the page's own host, never a video site's,
/// and a protocol-relative one (`//www.youtube.com/embed/…`) needs only a scheme, so any web
/// address stands in for it.
fn shows_video(src: &str) -> bool {
    // Parsing cost more than the rest of a frame's element (pages hold many advertising
    // frames), so only an address that names a video site somewhere, as any that passes
    // must, is parsed.
    let lower = src.to_ascii_lowercase();
    VIDEO_HOSTS.iter().any(|h| lower.contains(h))
        && crate::url::Url::parse("https://page.invalid/")
            .is_some_and(|page| crate::sanitize::video_address(src, Some(&page)).is_some())
}

/// Appends `text` with each run of whitespace as one space: the capture's bytes go to words,
/// not to a template's indentation (a byline box indented 50 columns deep filled the 400
/// bytes before its author's name came).
fn push_collapsed(buf: &mut String, text: &str) {
    for (i, piece) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if i > 0 && !buf.ends_with(' ') {
            buf.push(' ');
        }
        buf.push_str(piece);
    }
}

/// What the scorer counts in one piece of text.
#[derive(Debug, PartialEq, Eq)]
struct Figures {
    /// Whitespace-normalised length: a run of whitespace counts as one character (and
    /// continues a run the previous piece ended with).
    len: u32,
    commas: u32,
    /// The last non-whitespace character is a `.`, or a `.` is followed by a space.
    sentence: bool,
    /// The piece ends in whitespace (or is empty after whitespace).
    last_space: bool,
}

impl Figures {
    /// `last_space`: the text before this piece ended in whitespace.
    #[cfg(test)]
    fn of(text: &str, last_space: bool) -> Figures {
        Figures::read(text, last_space).0
    }

    /// The figures, and whether the piece is whitespace only.
    fn read(text: &str, last_space: bool) -> (Figures, bool) {
        // The whitespace between tags, most text nodes: one space at most.
        if text.bytes().all(is_ascii_space) {
            let figures = Figures {
                len: u32::from(!last_space && !text.is_empty()),
                commas: 0,
                sentence: false,
                last_space: last_space || !text.is_empty(),
            };
            return (figures, true);
        }
        let figures = if text.is_ascii() {
            Figures::of_ascii(text.as_bytes(), last_space)
        } else {
            Figures::of_mixed(text, last_space)
        };
        (figures, false)
    }

    /// ASCII text, nearly all of it, eight bytes at a time: each byte class (whitespace, `.`,
    /// `,`, space) becomes a mask with one bit per byte, and the figures are counts of those
    /// masks and of their shifts by one byte (the previous byte). A loop over the bytes costs
    /// several times as much, and this runs over every text node of the page.
    fn of_ascii(bytes: &[u8], last_space: bool) -> Figures {
        let run = AsciiRun::of(bytes, last_space);
        Figures {
            len: run.len,
            commas: run.commas,
            sentence: run.ends_dot == Some(true) || run.dot_space,
            last_space: run.last_space,
        }
    }

    /// Text with characters beyond ASCII (curly quotes, dashes, other scripts): its ASCII runs
    /// eight bytes at a time as in [`Figures::of_ascii`], only the other characters one by one.
    /// A run starts at the text's start or after such a character, never after a `.`, so the
    /// runs' figures add up to the text's.
    fn of_mixed(text: &str, mut last_space: bool) -> Figures {
        let (mut len, mut commas) = (0u32, 0u32);
        let (mut ends_dot, mut dot_space) = (false, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run_end = swar::find(bytes, i, |w| w & swar::HIGH, |b| !b.is_ascii());
            if run_end > i {
                let run = AsciiRun::of(&bytes[i..run_end], last_space);
                len += run.len;
                commas += run.commas;
                dot_space |= run.dot_space;
                ends_dot = run.ends_dot.unwrap_or(ends_dot);
                last_space = run.last_space;
                i = run_end;
            }
            // Not ASCII, so the start of a character.
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            let space = c.is_whitespace();
            if !space {
                commas += u32::from(is_wide_comma(c));
                ends_dot = false;
            }
            len += u32::from(!(space && last_space));
            last_space = space;
        }
        Figures {
            len,
            commas,
            sentence: ends_dot || dot_space,
            last_space,
        }
    }

    /// Any text, character by character: what the readings above must agree with.
    #[cfg(test)]
    fn of_chars(text: &str, mut last_space: bool) -> Figures {
        let (mut len, mut commas) = (0u32, 0u32);
        let (mut ends_dot, mut dot_space, mut after_dot) = (false, false, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let space = if b.is_ascii() {
                i += 1;
                if is_ascii_space(b) {
                    dot_space |= after_dot && b == b' ';
                    after_dot = false;
                    true
                } else {
                    commas += u32::from(b == b',');
                    ends_dot = b == b'.';
                    after_dot = ends_dot;
                    false
                }
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                i += c.len_utf8();
                after_dot = false;
                let space = c.is_whitespace();
                if !space {
                    commas += u32::from(is_wide_comma(c));
                    ends_dot = false;
                }
                space
            };
            len += u32::from(!(space && last_space));
            last_space = space;
        }
        Figures {
            len,
            commas,
            sentence: ends_dot || dot_space,
            last_space,
        }
    }
}

/// [`Figures`] of a run of ASCII text, with what joining runs needs kept apart.
struct AsciiRun {
    len: u32,
    commas: u32,
    /// A `.` is followed by a space.
    dot_space: bool,
    /// Whether the last character that is not whitespace is a `.`; `None` when all are.
    ends_dot: Option<bool>,
    last_space: bool,
}

impl AsciiRun {
    /// `last_space`: the text before the run ended in whitespace. A `.` just before the run
    /// is not seen (callers start runs where there is none).
    fn of(bytes: &[u8], last_space: bool) -> AsciiRun {
        let (mut len, mut commas, mut dot_space) = (0u32, 0u32, false);
        let (mut prev_space, mut prev_dot) = (last_space, false);
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let w = word.try_into().map_or(0, swar::word);
            let space = ascii_space_mask(w);
            let dot = byte_mask(w, b'.');
            // A byte after a space counts only if it is not a space too.
            let space_before = (space << 8) | (u64::from(prev_space) << 7);
            len += 8 - (space & space_before).count_ones();
            let dot_before = (dot << 8) | (u64::from(prev_dot) << 7);
            dot_space |= byte_mask(w, b' ') & dot_before != 0;
            commas += byte_mask(w, b',').count_ones();
            prev_space = space >> 63 != 0;
            prev_dot = dot >> 63 != 0;
        }
        for &b in words.remainder() {
            let space = is_ascii_space(b);
            len += u32::from(!(space && prev_space));
            dot_space |= prev_dot && b == b' ';
            commas += u32::from(b == b',');
            prev_space = space;
            prev_dot = b == b'.';
        }
        let ends_dot = bytes
            .iter()
            .rev()
            .find(|&&b| !is_ascii_space(b))
            .map(|&b| b == b'.');
        AsciiRun {
            len,
            commas,
            dot_space,
            ends_dot,
            last_space: prev_space,
        }
    }
}

/// Commas of other scripts and widths, which the comma count also takes.
fn is_wide_comma(c: char) -> bool {
    matches!(
        c,
        '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
}

/// FNV-1a: enough to tell class attributes apart without keeping them.
fn hash32(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h.max(1)
}

#[cfg(test)]
mod tests {
    use super::{style_hides, Figures};

    /// The ASCII path reads a style as the Unicode walk does (vertical tab included).
    #[test]
    fn ascii_styles_read_as_the_char_walk() {
        let styles = [
            "display:none",
            "DISPLAY : None;",
            "color:red; visibility:\x0Bhidden",
            "Visibility:\thidden",
            "display:block",
            "display: no ne",
            "",
        ];
        let mut scratch = String::new();
        for style in styles {
            let compact: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            let expected =
                compact.contains("display:none") || compact.contains("visibility:hidden");
            assert_eq!(style_hides(style, &mut scratch), expected, "{style:?}");
        }
    }

    /// The ASCII fast path counts what the general walk does.
    #[test]
    fn ascii_figures_match_the_general_walk() {
        let pieces = [
            "",
            " ",
            "  \t\n",
            "word",
            " word ",
            "One, two.  Three. ",
            "ends with a dot.",
            "ends with a dot.   \n",
            "a.b,c. d",
            ".",
            ". ",
            " .",
            "\x0Bvertical\x0Ctab\r\n",
            ",,, ...",
            "\n        ",
            " \x0B\x0C\r\n\t",
        ];
        // And pieces of every length around the eight-byte words, from the bytes that matter.
        let alphabet = b" \t\n\x0B\x0C\r\x08\x0E\x1F!.,a";
        let mut next = super::super::pseudo_random(0x9E37_79B9_7F4A_7C15);
        let generated: Vec<String> = (0..4000)
            .map(|i| {
                (0..i % 41)
                    .map(|_| char::from(alphabet[next(alphabet.len())]))
                    .collect()
            })
            .collect();
        for piece in pieces
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            for last_space in [false, true] {
                let general = Figures::of_chars(piece, last_space);
                assert_eq!(
                    Figures::of_ascii(piece.as_bytes(), last_space),
                    general,
                    "{piece:?} after space: {last_space}"
                );
                // With the shortcut for whitespace.
                assert_eq!(
                    Figures::of(piece, last_space),
                    general,
                    "{piece:?} after space: {last_space}"
                );
            }
        }
        // Text beyond ASCII: its runs of ASCII read apart from the other characters, some of
        // them whitespace or commas too, at every place around the eight-byte words.
        let alphabet = [
            " ", "\t", ".", ",", "a", "é", "\u{a0}", "\u{3000}", "\u{ff0c}", "’", "\u{2028}",
        ];
        for i in 0..4000 {
            let piece: String = (0..i % 41)
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            for last_space in [false, true] {
                assert_eq!(
                    Figures::of(&piece, last_space),
                    Figures::of_chars(&piece, last_space),
                    "{piece:?} after space: {last_space}"
                );
            }
        }
    }
}
