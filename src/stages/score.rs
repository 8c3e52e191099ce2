//! Pass 2 (no parsing): choose the article's nodes from the arena's numbers.
//!
//! This is Readability.js's `_grabArticle` and `_prepArticle` done over the flat arena
//! instead of a DOM: paragraphs score their ancestors, the best-scoring container and its
//! worthy siblings become the article, then `_cleanConditionally`'s tests prune what inside
//! reads like a link list, a form or an image gallery. Sums over subtrees are computed in one
//! reverse sweep (children always have larger numbers than their parents), so every step is
//! linear in the number of elements, whatever the nesting depth.

use super::collect::{flag, is_related_label, Collected, Map, Node};
use super::datelines::to_another_page;
use super::tree::{Tag, NONE};
use crate::article::{Removed, RemovedKind};
use crate::metadata::{self, text_similarity};

/// What the emit pass does with one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Not part of the article; its descendants may still be roots.
    Outside,
    /// A top-level piece of the article.
    Root,
    /// Inside the article and kept.
    Keep,
    /// Left out with everything inside it.
    Drop,
}

/// The scorer's verdict.
pub struct Plan {
    pub actions: Vec<Action>,
    /// A byline found in the page body (used when metadata has none).
    pub byline: Option<String>,
    /// The text direction declared nearest the article.
    pub dir: Option<String>,
    pub removed: Removed,
    /// Whitespace-normalised length of the article's text.
    pub text_len: u64,
    /// `false` when what was found is a list of links or a short form, not something to read.
    pub readable: bool,
    /// Link density of the article's text.
    pub link_density: f64,
}

/// Characters of text per picture in a block of pictures that tells what they show, step by
/// step (see `Scorer::should_clean`): a gallery's or an ad grid's captions are shorter.
/// Asked on pages that declare steps (`metadata::declares_steps`).
const TEXT_PER_PICTURE: f64 = 40.0;

/// Link density under which a block of a recipe's ingredients stays whatever its shape (see
/// `Scorer::should_clean`): a row that links its ingredient's name keeps its amount unlinked
/// ("2 EL <a>Leinsamen</a>", about 0.6); a cloud of glossary links beside the list is links
/// alone.
const INGREDIENT_LINK_DENSITY_MAX: f64 = 0.8;

/// Readability's `DEFAULT_CHAR_THRESHOLD`: a shorter result triggers a more lenient attempt.
const CHAR_THRESHOLD: u64 = 500;
/// With less text than this there is nothing to show (Readability shows whatever it found).
const MIN_ARTICLE_TEXT: u64 = 1;
/// Readability's `DEFAULT_N_TOP_CANDIDATES`.
const TOP_CANDIDATES: usize = 5;
/// Characters of text a part of a split body holds at least (see `Scorer::twins`): a
/// paragraph's worth, more than a teaser's line.
const TWIN_MIN_TEXT: u32 = 150;
/// Characters of other text a part's wrappers may hold: a "Story continues below" label, a
/// standfirst's caption line. A list of teasers holds hundreds.
const TWIN_SLACK: u32 = 100;
/// Characters of prose a part after the best candidate holds at least: more of the story,
/// where a donation appeal or a teaser under the body's name is a paragraph or two.
const TWIN_AFTER_MIN_TEXT: u32 = 1000;
/// Parts a split body has at most besides the best candidate: more is a list.
const TWINS_MAX: usize = 6;
/// Non-link prose each of two stories on one page holds at least (see [`stories`]):
/// Readability's [`CHAR_THRESHOLD`], more than a teaser's summary.
const STORY_MIN_PROSE: u64 = CHAR_THRESHOLD;
/// How many levels a story's heading lies below its box, and the box below the element it
/// shares with the next story's (see [`stories`]), at most: templates nest a few, and the
/// bound keeps a hostile page's nesting from making every heading walk it.
const STORY_DEPTH_MAX: usize = 12;

/// The most text, outside its buttons, that a share bar holds: a label ("Den Artikel mit
/// anderen teilen/diskutieren:" is 43 characters). A block with more is prose that happens to
/// sit beside share buttons.
const SHARE_LABEL_MAX_CHARS: u32 = 100;

/// The most text a box around a field for an e-mail address holds when it is a sign-up: a
/// heading, a pitch and the fine print on privacy. More is prose beside a form.
const SIGNUP_MAX_CHARS: u32 = 300;

/// The most text a box named as furniture while small holds (`patterns::SMALL_BOX_NAMES`):
/// an appeal's heading, a few lines asking for money or an account, the buttons and the
/// fine print (HuffPost's is 667 characters). More is a section that shares the word
/// ("Support" in a manual).
const SMALL_BOX_MAX_CHARS: u32 = 800;

/// The fewest links in a list of other stories that a heading introduces (see
/// `Scorer::labels_what_went`).
const LIST_OF_LINKS_MIN: usize = 3;

/// The fewest linked pictures that make a gallery of thumbnails under a heading (see
/// `Scorer::labels_what_went`).
const GALLERY_MIN: usize = 2;

/// How many boxes around a related-links label, holding nothing else, are climbed to find
/// the links it labels (see `Scorer::drop_related_sections`).
const LABEL_BOX_DEPTH_MAX: usize = 3;

/// How many elements back the block before a heading or list is looked for (see
/// `Scorer::amid_text`): a paragraph or list holds fewer, and the bound keeps a page of
/// nested blocks, each after a sibling that holds the rest, from costing its square.
const AMID_TEXT_SCAN_MAX: usize = 64;

/// The most text an app-download promo holds: a line and the stores' names.
const PROMO_MAX_CHARS: u32 = 200;

/// The share of the article's text a block of pictures holds when it is the post itself,
/// which conditional cleaning leaves (see `Scorer::should_clean`).
const POST_SHARE: f64 = 0.8;

/// Marked names that make an author list (see `Scorer::in_author_list`): two are often a
/// name and a job title in one byline box.
const AUTHOR_LIST_MIN: usize = 3;

/// The least text beside its store links that makes a box a promo rather than a list of
/// apps: a line that asks for the download.
const PROMO_MIN_LINE_CHARS: u32 = 15;
/// How much text of its own an element may hold beside a byline and still only label it
/// ("By ", "Von: ", "par ").
const BYLINE_LABEL_MAX_CHARS: u32 = 6;
/// The longest line of names read as one byline (see `Scorer::co_authors`).
const BYLINE_LINE_MAX_CHARS: u32 = 160;

/// The most text a box named as the byline's may hold and go with the name it holds: the
/// name, a job title and a line about the author.
const BYLINE_BOX_MAX_CHARS: u32 = 200;

/// The least text a box about the author holds: a name and a line of biography.
const AUTHOR_BOX_MIN_CHARS: u32 = 100;

/// Elements into a box named for the author its heading is looked for.
const AUTHOR_BOX_HEADING_REACH: usize = 8;

/// The most words of an author's name heading the box about them.
const NAME_MAX_WORDS: usize = 4;

/// How far above a byline its box is looked for.
const BYLINE_BOX_DEPTH: usize = 2;

/// Prose beside a link or phrase named like boilerplate that makes it a part of a sentence
/// (see `Scorer::plan`); beside a label named for navigation, less (a kicker that opens a
/// sentence).
const IN_SENTENCE_MIN_CHARS: u32 = 100;
const IN_SENTENCE_LABEL_MIN_CHARS: u32 = 20;

/// Text a link may hold beyond a byline inside it and still be the author's own link
/// ("By" and a title or a handle); a story card's headline and teaser are more.
const TEASER_MORE: u32 = 30;

/// Whether `text` names the day of ISO date `date` ("2016-12-07"): its year and its day of
/// the month among the numbers it holds, in whatever order and language it writes them
/// ("December 7, 2016", "7. Dezember 2016", "2016/12/07").
fn says_day(text: &str, date: &str) -> bool {
    let (Some(year), Some(day)) = (date.get(..4), date.get(8..10)) else {
        return false;
    };
    let day = day.trim_start_matches('0');
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .take(8)
        .collect();
    numbers.contains(&year) && numbers.iter().any(|n| n.trim_start_matches('0') == day)
}

/// Sums over subtrees, one per node, built in one reverse sweep (see [`Scorer::aggregate`]).
/// Each stage keeps only the sums it reads: on a large page these vectors are the scorer's
/// biggest allocations. Lengths and counts are `u32` like the arena's own figures; lengths
/// saturate (a page would need gigabytes of text to reach that).
trait Sums: Copy {
    /// The node's own figures, before any child is added.
    fn own(node: &Node) -> Self;
    /// Adds `child` (node `node`) into its parent's sums.
    fn add_child(&mut self, child: &Self, node: &Node, is_data_table: bool);
}

/// Text length counted inside links, with in-page (`#`) links counting less.
fn own_link(node: &Node) -> f64 {
    node.link_text as f64 - 0.7 * node.hash_link_text as f64
}

fn link_density(link: f64, text: u32) -> f64 {
    if text == 0 {
        0.0
    } else {
        (link / text as f64).clamp(0.0, 1.0)
    }
}

/// What the protection test and the page's prose total read.
#[derive(Clone, Copy)]
struct Prose {
    text: u32,
    link: f64,
    /// Paragraphs in it, itself included (`<p class="paywall">` for each gated paragraph).
    p: u32,
}

impl Sums for Prose {
    fn own(node: &Node) -> Prose {
        Prose {
            text: node.text,
            link: own_link(node),
            p: u32::from(node.tag == Tag::P),
        }
    }

    fn add_child(&mut self, child: &Prose, _: &Node, _: bool) {
        self.text = self.text.saturating_add(child.text);
        self.link += child.link;
        self.p += child.p;
    }
}

/// What an attempt's candidate scoring reads.
#[derive(Clone, Copy)]
struct Para {
    text: u32,
    commas: u32,
    children: u32,
    sentence: bool,
    link: f64,
}

impl Sums for Para {
    fn own(node: &Node) -> Para {
        Para {
            text: node.text,
            commas: node.commas,
            children: 0,
            sentence: node.flags & flag::SENTENCE != 0,
            link: own_link(node),
        }
    }

    fn add_child(&mut self, child: &Para, _: &Node, _: bool) {
        self.text = self.text.saturating_add(child.text);
        self.commas = self.commas.saturating_add(child.commas);
        self.link += child.link;
        self.sentence |= child.sentence;
        self.children += 1;
    }
}

impl Para {
    fn link_density(&self) -> f64 {
        link_density(self.link, self.text)
    }
}

/// What conditional cleaning reads, over the article's nodes.
#[derive(Clone, Copy, Default, Debug)]
struct Agg {
    text: u32,
    link: f64,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    /// Listings (`<pre>`), a command often shorter than any paragraph.
    pre: u32,
    embeds: u32,
    /// Players from video sites (`flag::VIDEO`), which Readability never cleans away.
    videos: u32,
    heading_text: u32,
    list_text: u32,
    links: u32,
    data_tables: u32,
    /// Date lines and bylines (`flag::META_LINE`, `flag::BYLINE`), which a share bar sits
    /// beside in an article's header and must not take along.
    meta_lines: u32,
    /// Text of the date lines and bylines below that went to the view's header (they are
    /// not kept): a box is judged as it stood, as Readability, which moves none, judges it.
    taken: u32,
    /// Text inside a recipe's ingredients (`flag::IN_INGREDIENTS`).
    ingredient_text: u32,
    /// Share buttons, store badges and ad labels below, counted whether or not they were
    /// kept: a share bar that went still tells its parent that the label beside it labels
    /// buttons.
    marks: Marks,
}

/// What marks a block as furniture whatever its name: share buttons and app-store badges
/// and what they hold, for telling a share bar or an app promo and its line from prose, and
/// ads' labels.
#[derive(Clone, Copy, Debug, Default)]
struct Marks {
    /// Links to share endpoints (`flag::SHARE_LINK`).
    share: Buttons,
    /// Links to apps' pages in stores (`flag::STORE_LINK`).
    store: Buttons,
    /// Elements whose text is only "Anzeige", "Advertisement" (`flag::AD_LABEL`).
    ad_labels: u32,
    /// Links that are all "Read more" (`flag::READ_MORE`), up to the card they close
    /// ([`is_card`]).
    read_more: u32,
    /// Fields for an e-mail address (`flag::EMAIL_FIELD`), which go before any block is
    /// judged (as form controls): the block they sat in is told by them still. And links
    /// that are a sign-up box's button (`flag::SIGNUP_LINK`), which stand for the field.
    email_fields: u32,
    /// Headings that are calls to action (`flag::NUDGE`): "Follow Sky News on WhatsApp";
    /// and paragraphs that label a sign-up or tips box (`flag::SIGNUP_LABEL`): "Newsletter",
    /// "Har du ett tips?".
    nudge_headings: u32,
}

impl Marks {
    /// Whether `node`, with these figures below it, has anything to pass up.
    fn any(&self, node: &Node) -> bool {
        self.share.any()
            || self.store.any()
            || self.ad_labels != 0
            || self.read_more != 0
            || self.email_fields != 0
            || self.nudge_headings != 0
            || node.flags
                & (flag::SHARE_LINK
                    | flag::STORE_LINK
                    | flag::AD_LABEL
                    | flag::READ_MORE
                    | flag::EMAIL_FIELD
                    | flag::SIGNUP_LINK)
                != 0
            || nudge_heading(node)
    }

    /// Adds child `node`'s marks; `card`: the child is the teaser card ([`is_card`]) that
    /// its "Read more" links close, which pass no further.
    fn add(&mut self, child: &Marks, node: &Node, card: bool) {
        self.share.add(&child.share, node, flag::SHARE_LINK);
        self.store.add(&child.store, node, flag::STORE_LINK);
        self.ad_labels += child.ad_labels;
        if node.flags & flag::AD_LABEL != 0 {
            self.ad_labels += 1;
        }
        if !card {
            self.read_more += child.read_more + u32::from(node.flags & flag::READ_MORE != 0);
        }
        let field = node.flags & (flag::EMAIL_FIELD | flag::SIGNUP_LINK) != 0;
        self.email_fields += child.email_fields + u32::from(field);
        self.nudge_headings += child.nudge_headings + u32::from(nudge_heading(node));
    }
}

/// Whether `node` is a heading that is a call to action, or a sign-up or tips box's label
/// (see `Marks::nudge_headings`).
fn nudge_heading(node: &Node) -> bool {
    node.flags & flag::NUDGE != 0 && (node.tag.is_heading() || node.flags & flag::SIGNUP_LABEL != 0)
}

/// Whether `node`, with `kept` below it, is the teaser card a "Read more" link inside it
/// closes: a block of blocks (not a paragraph, a `<div>` of text alone, that the link
/// ends) with a headline or a picture besides the summary. The first such block around the
/// link is its card, and no block further out.
fn is_card(node: &Node, kept: &Agg) -> bool {
    let block = match node.tag {
        Tag::Div => node.flags & flag::HAS_BLOCK_CHILD != 0,
        Tag::Section | Tag::Article | Tag::Li | Tag::Aside => true,
        _ => false,
    };
    block && (kept.img > 0 || kept.heading_text > 0)
}

/// Buttons of one kind, told by where they link (`kind`: `flag::SHARE_LINK` or
/// `flag::STORE_LINK`, which a link's children inherit).
#[derive(Clone, Copy, Debug, Default)]
struct Buttons {
    links: u32,
    /// Text inside them ("Share on Facebook", "iOS").
    text: u32,
    /// Their icons drawn as `<img>` (a share bar's, a store's badge), so that a bar's
    /// pictures are not taken for the article's.
    icons: u32,
}

impl Buttons {
    fn own(node: &Node, kind: flag::Bits) -> Buttons {
        Buttons {
            text: if node.flags & kind != 0 { node.text } else { 0 },
            ..Buttons::default()
        }
    }

    fn any(&self) -> bool {
        (self.links | self.text | self.icons) != 0
    }

    fn add(&mut self, child: &Buttons, node: &Node, kind: flag::Bits) {
        self.links += child.links;
        self.text = self.text.saturating_add(child.text);
        self.icons += child.icons;
        if node.flags & kind != 0 {
            match node.tag {
                Tag::A => self.links += 1,
                Tag::Img => self.icons += 1,
                _ => {}
            }
        }
    }

    /// Whether these buttons make up `kept`, a block, but for its text: two of them or more,
    /// no picture but their icons, and nothing an article's header or body holds beside such
    /// buttons (a title, a date or byline, an embed or a video).
    fn make_up(&self, kept: &Agg) -> bool {
        self.links >= 2
            && kept.img <= self.icons
            && kept.embeds + kept.videos + kept.meta_lines + kept.heading_text == 0
    }
}

impl Sums for Agg {
    fn own(node: &Node) -> Agg {
        Agg {
            text: node.text,
            link: own_link(node),
            commas: node.commas,
            ingredient_text: if node.flags & flag::IN_INGREDIENTS != 0 {
                node.text
            } else {
                0
            },
            marks: Marks {
                share: Buttons::own(node, flag::SHARE_LINK),
                store: Buttons::own(node, flag::STORE_LINK),
                ..Marks::default()
            },
            ..Agg::default()
        }
    }

    fn add_child(&mut self, child: &Agg, node: &Node, is_data_table: bool) {
        self.text = self.text.saturating_add(child.text);
        self.link += child.link;
        self.commas = self.commas.saturating_add(child.commas);
        self.p += child.p;
        self.img += child.img;
        self.li += child.li;
        self.input += child.input;
        self.pre += child.pre;
        self.embeds += child.embeds;
        self.videos += child.videos;
        self.heading_text = self.heading_text.saturating_add(child.heading_text);
        self.list_text = self.list_text.saturating_add(child.list_text);
        self.data_tables += child.data_tables;
        self.links += child.links;
        self.meta_lines += child.meta_lines;
        self.taken = self.taken.saturating_add(child.taken);
        self.ingredient_text = self.ingredient_text.saturating_add(child.ingredient_text);
        if node.flags & (flag::META_LINE | flag::BYLINE) != 0 {
            self.meta_lines += 1;
        }
        self.marks.add(&child.marks, node, is_card(node, child));
        match node.tag {
            Tag::A => self.links += 1,
            Tag::P => self.p += 1,
            Tag::Img => self.img += 1,
            Tag::Li => self.li += 1,
            Tag::Input | Tag::Select | Tag::Textarea | Tag::Button => self.input += 1,
            Tag::Pre => self.pre += 1,
            Tag::Object | Tag::Embed | Tag::Iframe if node.flags & flag::VIDEO == 0 => {
                self.embeds += 1
            }
            Tag::Object | Tag::Embed | Tag::Iframe => self.videos += 1,
            Tag::Table if is_data_table => self.data_tables += 1,
            t if t.is_heading() => self.heading_text = self.heading_text.saturating_add(child.text),
            Tag::Ul | Tag::Ol => self.list_text = self.list_text.saturating_add(child.text),
            _ => {}
        }
    }
}

impl Agg {
    fn link_density(&self) -> f64 {
        link_density(self.link, self.text)
    }
}

/// What the steps after cleaning read of each block in the part of the arena the article
/// spans, indexed by node number: its kept text and links. Only these outlive the cleaning
/// loop; its whole [`Agg`]s (96 bytes a node against 16 here) live on a stack of the open
/// ancestors (see [`Scorer::finish`]), where one per node was the largest allocation of a
/// large page.
struct Kept {
    /// One past the span's last node: the sums are pushed as the loop meets them, last
    /// node first.
    end: usize,
    sums: Vec<Totals>,
}

#[derive(Clone, Copy, Default)]
struct Totals {
    text: u32,
    links: u32,
    link: f64,
}

impl Totals {
    fn link_density(&self) -> f64 {
        link_density(self.link, self.text)
    }
}

impl std::ops::Index<usize> for Kept {
    type Output = Totals;
    fn index(&self, i: usize) -> &Totals {
        &self.sums[self.end - 1 - i]
    }
}

/// The sums of `p`, a parent some of whose children have been judged, on the stack of open
/// ancestors; `p` goes on top when its first child is judged (see [`Scorer::finish`]).
#[inline]
fn open_sums<'a>(open: &'a mut Vec<(usize, Agg)>, p: usize, node: &Node) -> &'a mut Agg {
    if open.last().is_none_or(|e| e.0 != p) {
        open.push((p, Agg::own(node)));
    }
    let top = open.len() - 1;
    &mut open[top].1
}

/// Readability's attempt flags.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

struct Scorer<'a> {
    c: &'a Collected,
    title: &'a str,
    /// The date the page gives (ISO 8601), which the view shows above the article.
    published: Option<&'a str>,
    /// Text inside each subtree with only hidden/never-content parts left out (the rest of
    /// those sums is only needed for [`protected`], and dropped after it).
    raw_text: Vec<u32>,
    /// Nodes no name or furniture tag removes (see [`protected`]).
    protected: Vec<bool>,
    /// Non-link text of the whole page (hidden and never-content parts left out).
    total_prose: f64,
    data_table: Vec<bool>,
    /// The first `<h1>` or `<h2>` that gives the title (see [`title_heading`]).
    titled: Option<usize>,
    /// [`date_reach`] from `titled`, when a date line first asks for it.
    reach: std::cell::OnceCell<Option<std::ops::RangeInclusive<usize>>>,
    /// The page's stories, when it holds more than one ([`stories`]).
    stories: Option<&'a Stories>,
    /// Whether the page declares a recipe or a how-to, when first asked.
    steps: std::cell::OnceCell<bool>,
}

/// Words of the shortest headline [`lone_h1`] takes: fewer are a site's name set as its logo.
const HEADLINE_MIN_WORDS: usize = 3;

/// The first `<h1>` or `<h2>` that gives the title, wherever it is; on a page with none, the
/// first `<h3>` (Blogger's themes set the post's title in one, under the day's `<h2>`).
pub fn title_heading(c: &Collected, title: &str) -> Option<usize> {
    if title.is_empty() {
        return None;
    }
    // Every heading is captured: their few captures are searched, not every node.
    let nodes = &c.nodes;
    let mut headings: Vec<usize> = (c.captures.keys())
        .map(|&k| k as usize)
        .filter(|&k| matches!(nodes[k].tag, Tag::H1 | Tag::H2 | Tag::H3))
        .collect();
    headings.sort_unstable();
    let gives = |&i: &usize| gives_title(c, i, title);
    let of = |tags: &'static [Tag]| move |&i: &usize| tags.contains(&nodes[i].tag);
    (headings.iter().copied())
        .filter(of(&[Tag::H1, Tag::H2]))
        .find(gives)
        .or_else(|| {
            (headings.iter().copied())
                .filter(of(&[Tag::H3]))
                .take(H3_TITLE_REACH)
                .find(gives)
        })
}

/// A page's stories from one template (see [`stories`]).
pub struct Stories {
    /// The box of the story the title heads.
    pub story: usize,
    /// The boxes of the others, in page order, none inside another.
    others: Vec<usize>,
}

impl Stories {
    /// Whether element `i` is in another story's box, or holds one. By binary search: a
    /// page may append many stories, and every byline and root asks.
    pub fn elsewhere(&self, c: &Collected, i: usize) -> bool {
        let at = self.others.partition_point(|&o| o <= i);
        let inside = at > 0 && c.holds(self.others[at - 1], i);
        let holds = self.others.get(at).is_some_and(|&o| c.holds(i, o));
        inside || holds
    }
}

/// The stories of a page that appends the next story as the reader scrolls (and is read as
/// it stands), when the title's `heading` heads one of them: each from one template, in a
/// box of the same tag and class as the first (`<article>`s, or named boxes), under an
/// `<h1>` of the same class as the title's in no link (a card's is; the headline may link
/// to its story's own address, as themes link every post's title), and each holding
/// a story's prose ([`STORY_MIN_PROSE`]) and a byline or a date line. A story's own sections
/// are not so: HTML's old outline gave each an `<h1>` in a bare `<section>`, Medium gives
/// theirs another class than the title's, Drupal's paragraph `<article>`s head theirs with
/// `<h2>`s, and a notebook's cells, each under an `<h1>` of its own, date none.
pub fn stories(c: &Collected, heading: usize, title: &str) -> Option<Stories> {
    let nodes = &c.nodes;
    if nodes[heading].tag != Tag::H1 {
        return None;
    }
    let shown = |i: usize| nodes[i].flags & (flag::HIDDEN | flag::NEVER) == 0;
    let lines = flag::BYLINE | flag::META_LINE | flag::DATE_TEXT | flag::DATE_PART | flag::BY_TEXT;
    // Whether box `b` holds a story: its prose and a dated line. Each box is judged once,
    // however many headings ask (a page of many stories asks of the title's box each time).
    let mut judged: Map<usize, bool> = Map::default();
    let mut holds_story = |b: usize| {
        *judged.entry(b).or_insert_with(|| {
            let mut prose = 0u64;
            let mut dated = false;
            for i in std::iter::once(b).chain(c.within(b)).filter(|&i| shown(i)) {
                prose += u64::from(nodes[i].text.saturating_sub(nodes[i].link_text));
                dated |= nodes[i].flags & lines != 0;
            }
            prose >= STORY_MIN_PROSE && dated
        })
    };
    let same_template = |a: usize, b: usize| {
        let (x, y) = (&nodes[a], &nodes[b]);
        x.tag == y.tag
            && x.class_hash == y.class_hash
            && (x.tag == Tag::Article || x.class_hash != 0)
    };
    // The heading's ancestors, nearest first, as far as a template nests.
    let own: Vec<usize> = up(nodes, heading).take(STORY_DEPTH_MAX).collect();
    let mut story: Option<usize> = None;
    let mut others = Vec::new();
    for &g in c.captures.keys() {
        let g = g as usize;
        let node = &nodes[g];
        if g == heading
            || node.tag != Tag::H1
            || node.class_hash != nodes[heading].class_hash
            || node.flags & flag::IN_LINK != 0
            || !shown(g)
            || gives_title(c, g, title)
        {
            continue;
        }
        // The element both headings are in, a few levels up from each (stories may be the
        // `<body>`'s own children, and the next may come in a wrapper of its own): the
        // boxes are the outermost twins on the two branches below it.
        let mut theirs: Vec<usize> = Vec::new();
        let mut shared = None;
        for a in up(nodes, g).take(STORY_DEPTH_MAX) {
            if c.holds(a, heading) {
                shared = Some(a);
                break;
            }
            theirs.push(a);
        }
        // Two of a fragment's top elements share none.
        let top = |branch: &[usize]| branch.last().is_none_or(|&a| nodes[a].parent == NONE);
        let mine = match shared {
            Some(s) => own.iter().position(|&a| a == s),
            None => (top(&theirs) && top(&own)).then_some(own.len()),
        };
        let Some(mine) = mine else {
            continue;
        };
        let below_g = theirs.last().copied().unwrap_or(g);
        let boxes = (own[..mine].iter().rev()).find_map(|&a| {
            let &b = theirs.iter().rev().find(|&&b| same_template(a, b))?;
            Some(a).filter(|_| holds_story(a) && holds_story(b))
        });
        if let Some(own_box) = boxes {
            others.push(below_g);
            // The nearest box is the story's own: the others' shared parent may be a wider
            // box around more stories.
            if story.is_none_or(|s| c.holds(s, own_box)) {
                story = Some(own_box);
            }
        }
    }
    // In page order, the outermost of nested boxes only (a wrapper around more stories
    // holds them).
    others.sort_unstable();
    others.dedup();
    let mut outermost: Vec<usize> = Vec::with_capacity(others.len());
    for o in others {
        if outermost.last().is_none_or(|&last| !c.holds(last, o)) {
            outermost.push(o);
        }
    }
    Some(Stories {
        story: story?,
        others: outermost,
    })
}

/// On a page of [`stories`] whose metadata is some other story's than the one `heading`
/// heads, the heading of the story the reader scrolled to. Such pages keep the `<title>`
/// (and the address) to the story in view, and leave the metas as the page was opened: a
/// `<title>` that heads another story is where the reader is; a meta title that heads
/// another story than the `<title>`'s (which resolving took over a meta title of a few
/// words, see `metadata::resolve`) says the metadata is not the story's.
pub fn scrolled_to(c: &Collected, heading: usize, stories: &Stories) -> Option<usize> {
    let elsewhere = |h: usize| stories.elsewhere(c, h);
    let shown = title_heading(c, &c.meta.title).filter(|&h| elsewhere(h));
    let opened = || {
        let meta = c.meta.meta_title()?;
        title_heading(c, &meta).filter(|&h| elsewhere(h))
    };
    shown.or_else(|| opened().map(|_| heading))
}

/// Whether heading `i` gives the title: most of its words are the title's (Readability's
/// measure for a heading that repeats the title).
fn gives_title(c: &Collected, i: usize, title: &str) -> bool {
    c.capture(i)
        .is_some_and(|text| text_similarity(title, &text) > 0.75)
}

/// Whether byline `byline` gives `name`: a run of its words, in any case ("Lucy Carrington"
/// in "By Lucy Carrington and Tom Whitfield"), of up to [`NAME_MAX_WORDS`] words.
fn names(byline: &str, name: &str) -> bool {
    super::word_run(byline, name).is_some_and(|n| n <= NAME_MAX_WORDS)
}

/// Whether `heading`, whose words are all but all the title's, says what the title says:
/// it holds most of the title's wording too, or of one part of a title in parts ("Strava-
/// Karten ab sofort mit mehr Infos - Strava-Update: POI bei Routen-Tool"). Under a title
/// that lists what the article covers ("Iron Deficiency Without Anemia: Symptoms, Causes,
/// Testing, and Treatment") a section's heading may be made of its words alone ("Symptoms
/// of Iron Deficiency Without Anemia", "Erdgas") and say far less.
fn repeats(heading: &str, title: &str) -> bool {
    text_similarity(heading, title) > REPEAT_COVERS_TITLE
        || metadata::title_parts(title).any(|part| {
            text_similarity(part, heading) > 0.9
                && text_similarity(heading, part) > REPEAT_COVERS_TITLE
        })
}

/// The page's one `<h1>`, for a title that matches no heading (a meta title written for
/// search engines, "Wärmepumpe im Altbau - Wann es sich lohnt", over the headline "Eignet
/// sich eine Wärmepumpe im Altbau?"): the headline beside which the date and byline lines
/// are looked for, when it reads as one ([`HEADLINE_MIN_WORDS`] words or more, not a logo's
/// name), shown, and not itself named as furniture.
pub fn lone_h1(c: &Collected) -> Option<usize> {
    let nodes = &c.nodes;
    let mut h1s = (c.captures.keys())
        .map(|&k| k as usize)
        .filter(|&k| nodes[k].tag == Tag::H1);
    let (h1, None) = (h1s.next()?, h1s.next()) else {
        return None;
    };
    // Only the heading itself is asked: a layout may set all of its content in a box named
    // like a menu (adac.de's `m-layout-main-nav-left`).
    let shown = nodes[h1].flags & (flag::HIDDEN | flag::NEVER) == 0 && !is_furniture(&nodes[h1]);
    let words = c.capture(h1)?.split_whitespace().count();
    (shown && words >= HEADLINE_MIN_WORDS).then_some(h1)
}

/// The date the page shows beside its title, for a page that gives none in its metadata: the
/// first date line or byline (`flag::META_LINE`, `flag::BYLINE`) that reads as a date, from
/// [`DATE_REACH_BEFORE`] elements before the heading that gives the title to
/// [`DATE_REACH_AFTER`] after it (a `<time>`'s own `datetime` for a line that is or holds
/// one); failing that, the first line there that only says when (`flag::DATE_TEXT`), named
/// as it may be, then the first with a part that does (`flag::DATE_PART`); failing that, the
/// first `<time>` in the article (`Collected::article_times`). Not one inside a link to
/// another page, a hidden element, a table, or a list's item that is another story's card.
pub fn shown_date(c: &Collected, heading: Option<usize>, story: Option<usize>) -> Option<String> {
    // Failing a line beside the title, the first `<time>` in the article that is in no
    // other story's card (a long story's date at its end).
    let first_time = || {
        let beside = heading.unwrap_or(usize::MAX);
        (c.article_times.iter())
            .filter(|(i, _)| story.is_none_or(|s| c.holds(s, *i as usize)))
            .find(|(i, _)| !in_card(c, *i as usize, beside))
            .and_then(|(_, d)| metadata::iso_date(d))
    };
    heading
        .and_then(|h| date_beside(c, h, story))
        .or_else(first_time)
}

/// The date a line beside the title's heading `heading` shows (see [`shown_date`]).
fn date_beside(c: &Collected, heading: usize, story: Option<usize>) -> Option<String> {
    let nodes = &c.nodes;
    let reach = date_reach(c, heading, story);
    let read = |lines: &dyn Fn(usize) -> bool| {
        (reach.clone())
            .filter(|&i| lines(i) && shown_beside(c, heading, i))
            .find_map(|i| {
                // A `<time>` says its day in its `datetime`, as the page wrote it, for the
                // line it is or is in.
                if let Some(d) = line_time(c, i) {
                    return metadata::iso_date(d);
                }
                let text = c.capture(i).filter(|t| t.len() < DATE_LINE_MAX_BYTES)?;
                metadata::date_in_text(&text)
            })
    };
    let told_by_words =
        |line: flag::Bits| move |i: usize| nodes[i].flags & line != 0 && told_beside(c, heading, i);
    read(&|i| nodes[i].flags & (flag::META_LINE | flag::BYLINE) != 0)
        .or_else(|| read(&told_by_words(flag::DATE_TEXT)))
        .or_else(|| read(&told_by_words(flag::DATE_PART)))
}

/// The `datetime` of the first `<time>` in the article that line `i` is or holds.
fn line_time(c: &Collected, i: usize) -> Option<&str> {
    let within = c.within(i);
    (c.article_times.iter())
        .find(|(t, _)| *t as usize == i || within.contains(&(*t as usize)))
        .map(|(_, d)| d.as_str())
}

/// The day the page shows for a story its metadata dates in UTC (`utc`, see
/// [`metadata::in_utc`]), when that is the day before or after Greenwich's: the first
/// date line beside the title (`flag::META_LINE`, `flag::BYLINE`) as its words read it
/// ("Tue 19 Nov 2024 at 6:12am" for "2024-11-18T19:12:00.000Z"), with its `<time>`'s own
/// `datetime` when that names the same day in the page's zone. A reader in Sydney was told
/// the 19th. Only a line under the title is asked: one further down may give any day, and
/// one over it the day the page was read.
pub fn local_day(
    c: &Collected,
    heading: Option<usize>,
    story: Option<usize>,
    utc: &str,
) -> Option<String> {
    let heading = heading?;
    let nodes = &c.nodes;
    let (line, text, day) = date_reach(c, heading, story)
        .filter(|&i| {
            i > heading
                && nodes[i].flags & (flag::META_LINE | flag::BYLINE) != 0
                && shown_beside(c, heading, i)
        })
        .find_map(|i| {
            let text = c.capture(i).filter(|t| t.len() < DATE_LINE_MAX_BYTES)?;
            let day = metadata::date_in_text(&text)?;
            Some((i, text, day))
        })?;
    if !metadata::utc_on_a_neighbouring_day(utc, &day) {
        return None;
    }
    let zoned = line_time(c, line)
        .and_then(metadata::iso_date)
        .filter(|d| d.starts_with(&day) && !metadata::in_utc(d));
    // Failing a `datetime` in the page's zone, the line's own clock says it is the same
    // moment: zones differ from UTC by whole quarters of an hour, so its minutes agree
    // (":12am" for 19:12 UTC). A day alone (a sticky bar's "Thursday, November 9th 2023",
    // the day the page was read) says nothing of the moment.
    let same_moment = || {
        let utc_minutes = utc.get(14..16).and_then(|m| m.parse::<u32>().ok());
        let shown_minutes = metadata::minutes_in_text(&text);
        matches!((utc_minutes, shown_minutes), (Some(u), Some(s)) if (60 + s - u) % 15 == 0)
    };
    zoned.or_else(|| same_moment().then_some(day))
}

/// The line beside the title's heading `heading` that names the author after a word for
/// "by" (`flag::BY_TEXT`), for a page that marks no byline: placed as a date line told by
/// its words is (see [`shown_date`]).
pub fn byline_beside(c: &Collected, heading: usize, story: Option<usize>) -> Option<usize> {
    date_reach(c, heading, story).find(|&i| {
        c.nodes[i].flags & flag::BY_TEXT != 0
            && shown_beside(c, heading, i)
            && told_beside(c, heading, i)
    })
}

/// Whether line `i`, in the reach of the title's heading `heading`, is one the page shows
/// of its story: not in a table (an infobox's release date is data), a link to another page
/// or another story's card (that page's), nor hidden or drawn.
fn shown_beside(c: &Collected, heading: usize, i: usize) -> bool {
    let unseen = flag::HIDDEN | flag::NEVER | flag::IN_TABLE;
    let flags = c.nodes[i].flags;
    flags & unseen == 0
        && !to_another_page(flags)
        && !in_drawing(&c.nodes, i)
        && !in_card(c, i, heading)
}

/// Whether line `i`, told by its words alone, may speak for the story beside the title's
/// heading `heading`. It is read above the heading only in the heading's own box (a kicker's
/// date): elsewhere above it, a line that only says a day is as often the masthead's today.
/// Nor is one in a menu, a footer or another named box (an archive's "12. Mai 2012" entry, a
/// comment's day).
fn told_beside(c: &Collected, heading: usize, i: usize) -> bool {
    let boxed = || heading_box(&c.nodes, heading).any(|p| c.within(p).contains(&i));
    (i > heading || boxed()) && !in_furniture(c, i, heading)
}

/// The title's heading's box: its parent (`<header>`) and the one around that
/// ([`HEADING_BOX_DEPTH`]), where the story's own lines sit above or beside it.
fn heading_box(nodes: &[Node], heading: usize) -> impl Iterator<Item = usize> + '_ {
    up(nodes, heading).take(HEADING_BOX_DEPTH)
}

/// Whether element `i` is part of a list's item that links to another page with a headline's
/// words (more than [`TEASER_MORE`]), apart from the title's heading `heading`: another
/// story's card ("<li><a>Nous sommes…</a> <span><time>30 juil. 2019</time> Par …</span>"),
/// whose date is that story's. The item is looked for within [`CARD_DEPTH_MAX`] ancestors.
fn in_card(c: &Collected, i: usize, heading: usize) -> bool {
    let nodes = &c.nodes;
    let item = up(nodes, i)
        .take(CARD_DEPTH_MAX)
        .take_while(|&p| !c.within(p).contains(&heading))
        .find(|&p| nodes[p].tag == Tag::Li);
    // A headline's worth of linked words: an author's link names one person.
    item.is_some_and(|li| {
        let linked: u32 = (c.within(li))
            .map(|j| &nodes[j])
            .filter(|n| to_another_page(n.flags))
            .map(|n| n.link_text)
            .sum();
        linked > TEASER_MORE
    })
}

/// Whether element `i` sits in page furniture apart from the title's heading `heading`: a
/// menu, a footer or comments (by element or name) that does not also hold the heading (a
/// WordPress post's own box is named for its categories, `category-popular`). A share bar
/// or an `<aside>` of the post's facts may hold its date. At most [`FURNITURE_DEPTH_MAX`]
/// ancestors are asked.
fn in_furniture(c: &Collected, i: usize, heading: usize) -> bool {
    let nodes = &c.nodes;
    std::iter::once(i)
        .chain(up(nodes, i))
        .take(FURNITURE_DEPTH_MAX)
        .take_while(|&p| !c.within(p).contains(&heading))
        .any(|p| is_furniture(&nodes[p]))
}

/// Whether an element is named or tagged as a menu, a footer or comments.
fn is_furniture(node: &Node) -> bool {
    node.flags & (flag::STRUCTURAL | flag::BOILERPLATE) != 0
        && matches!(
            node.kind,
            Some(RemovedKind::Navigation | RemovedKind::Comments | RemovedKind::Footer)
        )
}

/// The elements, in page order, from [`DATE_REACH_BEFORE`] before the title's heading
/// `heading` to [`DATE_REACH_AFTER`] after it, where a line that dates the story is looked
/// for. The reach counts elements as the page shows them: a drawing's inner parts (an icon's
/// `<path>`s, which the extension's serialiser leaves out) are not counted. The walks along
/// are bounded ([`DATE_SCAN_MAX`]), so a page of deep drawings costs no more.
fn date_reach(
    c: &Collected,
    heading: usize,
    story: Option<usize>,
) -> std::ops::RangeInclusive<usize> {
    let nodes = &c.nodes;
    let shown = |i: &usize| !in_drawing(nodes, *i);
    let first = (0..heading)
        .rev()
        .take(DATE_SCAN_MAX)
        .filter(shown)
        .take(DATE_REACH_BEFORE)
        .last()
        .unwrap_or(heading);
    let last = (heading..nodes.len())
        .take(DATE_SCAN_MAX)
        .filter(shown)
        .take(DATE_REACH_AFTER)
        .last()
        .unwrap_or(heading);
    match story {
        Some(s) => first.max(s)..=last.min(c.within(s).end - 1),
        None => first..=last,
    }
}

/// Whether element `i` is part of a drawing (inside an `<svg>`). Icons are shallow: at most
/// [`DRAWING_DEPTH_MAX`] ancestors are asked.
fn in_drawing(nodes: &[Node], i: usize) -> bool {
    up(nodes, i)
        .take(DRAWING_DEPTH_MAX)
        .any(|p| nodes[p].tag == Tag::Svg)
}

/// The elements around element `i`, innermost first, read one at a time as they are asked
/// for: the walks above stop at a bound or at the first that answers.
pub(super) fn up(nodes: &[Node], i: usize) -> Up<'_> {
    Up {
        nodes,
        next: nodes[i].parent,
    }
}

/// See [`up`].
pub(super) struct Up<'a> {
    nodes: &'a [Node],
    next: u32,
}

impl Iterator for Up<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let p = self.next;
        if p == NONE {
            return None;
        }
        self.next = self.nodes[p as usize].parent;
        Some(p as usize)
    }
}

/// How far before the title's heading a date line is looked for (a kicker's line of section,
/// date and reading time above the headline).
const DATE_REACH_BEFORE: usize = 16;

/// How far after the title's heading a date line is looked for: the header under it, with
/// the byline and the share buttons, not the article's own dates.
const DATE_REACH_AFTER: usize = 120;

/// How many elements, drawings' parts included, the search for a date line passes over at
/// most on either side of the title's heading.
const DATE_SCAN_MAX: usize = 2048;

/// How many `<h3>`s are asked whether they give the title, on a page where no `<h1>` or
/// `<h2>` does: a blog's post title is among its first, before the sidebar's.
const H3_TITLE_REACH: usize = 8;

/// The longest kicker link over a headline ("News", "Climate crisis", "Fußball-Bundesliga").
const KICKER_MAX_CHARS: u32 = 30;

/// The longest line of a kicker's labels over a headline, its section's link and the topic
/// beside it ("Barcelona Crisis de la vivienda").
const KICKER_LINE_MAX_CHARS: u32 = 60;

/// How many of the title heading's ancestors make its box, where a line above it that only
/// says when dates the story: its parent (`<header>`) and the one around that.
const HEADING_BOX_DEPTH: usize = 2;

/// How many ancestors are asked for the list item a date line is part of: a card sets the
/// date a few boxes deep.
const CARD_DEPTH_MAX: usize = 4;

/// How many ancestors are asked whether a line is in page furniture.
const FURNITURE_DEPTH_MAX: usize = 32;

/// How many ancestors are asked whether an element is part of a drawing.
const DRAWING_DEPTH_MAX: usize = 16;

/// The longest line read for a date: a byline with the date beside it, not a paragraph.
const DATE_LINE_MAX_BYTES: usize = 160;

/// The most text of a line of date lines side by side (see [`Scorer::date_line_alone`]): a
/// published and an updated time, each with its label, and no more.
const DATE_LINES_MAX_CHARS: u32 = 160;

/// Plans the article. `title` is the resolved article title (to drop a heading repeating it);
/// `published`, the date the page gives, ISO 8601 (to drop a line that only repeats it).
/// `heading`: the element that gives the title ([`title_heading`]), found by the caller,
/// which looks beside it first; `stories`, the stories it heads one of ([`stories`]).
pub fn plan<'a>(
    c: &'a Collected,
    title: &'a str,
    heading: Option<usize>,
    published: Option<&'a str>,
    stories: Option<&'a Stories>,
) -> Option<Plan> {
    let n = c.nodes.len();
    if n == 0 {
        return None;
    }
    let data_table = data_tables(c);
    let mut s = Scorer {
        c,
        title,
        published,
        raw_text: Vec::new(),
        protected: Vec::new(),
        total_prose: 0.0,
        data_table,
        titled: heading,
        reach: std::cell::OnceCell::new(),
        stories,
        steps: std::cell::OnceCell::new(),
    };
    let raw: Vec<Prose> = s.aggregate(
        &|node: &Node| node.flags & (flag::NEVER | flag::HIDDEN) == 0,
        None,
    );
    s.protected = protected(c, &raw);
    s.total_prose = (0..n)
        .filter(|&i| c.nodes[i].parent == NONE)
        .map(|i| raw[i].text as f64 - raw[i].link)
        .sum();
    s.raw_text = raw.iter().map(|a| a.text).collect();
    drop(raw);

    // Site rule: the user said where the article is.
    if c.nodes.iter().any(|n| n.flags & flag::SITE_ROOT != 0) {
        return Some(s.site_plan());
    }

    pick(|k| s.attempt(ATTEMPTS[k]), s.total_prose)
}

/// Non-link text beyond which a block is more than a teaser card's summary.
const TEASER_MAX_CHARS: f64 = 600.0;

/// Text beyond which a heading reads as a sentence (a standfirst, a "dek"), not a label, and
/// a block beside the body joins it (Readability's 80).
const DEK_MIN_CHARS: u32 = 80;

/// A summary in points has at least this many (see `Scorer::summary_list`): one is a
/// standfirst set as a list.
const SUMMARY_POINTS_MIN: usize = 2;

/// How much text a summary's box holds besides its list: a heading ("Key Points", "In
/// short"), no more.
const SUMMARY_LABEL_MAX_CHARS: u32 = 40;

/// Readability's attempts, strictest first.
const ATTEMPTS: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

/// How much more a lenient attempt must read than a stricter one's short result to replace
/// it. A stricter attempt reads the page's names too, and when both read little, a few more
/// characters are more often a sidebar's blurb or a paywall's line than the story's missing
/// part (Readability takes any longer one).
const LENIENT_MARGIN: f64 = 1.5;

/// Readability's retries over [`ATTEMPTS`], `attempt(k)` running the `k`th: the first result
/// of [`CHAR_THRESHOLD`] characters or more wins, and failing that the longest, by
/// [`LENIENT_MARGIN`]. Only a readable result is an article; a list of links, longer than
/// what an earlier attempt read, does not put that out (a photo post's caption, then the
/// lenient attempt's list of related posts). `total_prose` is the page's non-link text.
fn pick(mut attempt: impl FnMut(usize) -> Option<Plan>, total_prose: f64) -> Option<Plan> {
    let mut best: Option<Plan> = None;
    for (k, flags) in ATTEMPTS.iter().enumerate() {
        let Some(plan) = attempt(k) else {
            continue;
        };
        if plan.text_len >= CHAR_THRESHOLD {
            // Readability stops here. But when the result is a small part of the page's prose
            // and an unlikely-named container held the rest (`above-footer` around the whole
            // story), the lenient attempt is worth a look: it wins if it reads much longer.
            if flags.strip_unlikely && (plan.text_len as f64) < 0.15 * total_prose {
                if let Some(lenient) = attempt(1) {
                    if lenient.readable
                        && lenient.text_len >= 4 * plan.text_len
                        && lenient.link_density < 0.25
                    {
                        return Some(lenient);
                    }
                }
            }
            if plan.readable {
                return Some(plan);
            }
            break;
        }
        let longer = |b: &Plan| plan.text_len as f64 > LENIENT_MARGIN * b.text_len as f64;
        if plan.readable && best.as_ref().is_none_or(longer) {
            best = Some(plan);
        }
    }
    best.filter(|b| b.text_len >= MIN_ARTICLE_TEXT)
}

/// Non-link prose at or above which a named-boilerplate container is taken to be mislabelled
/// content (a share bar or an ad slot never holds this much running text).
const LONG_PROSE: f64 = 1500.0;

/// Nodes that neither their names nor their furniture tags may remove:
/// - wrappers of nearly all the page's prose (`<div class="page ad-free">`);
/// - containers of a substantial `<article>`, `<main>` or `articleBody` (broken pages leave a
///   `<header>` open around everything, and browsers nest the article inside it);
/// - long, link-poor prose under a share/ad/related/navigation/footer/paywall name (or one
///   of Readability's unlikely names, `above-footer`), which is the article wearing a flag (`class="entry share"`, `class="paywall"` around the
///   premium text). Cookie, comment and sign-in containers get no such rescue.
/// - containers that hold mostly maths: a formula is content whatever its wrapper is called
///   (MathJax names every formula's container `CtxtMenu_Attached`, after its context menu).
fn protected(c: &Collected, raw: &[Prose]) -> Vec<bool> {
    use RemovedKind as K;
    let nodes = &c.nodes;
    let prose = |i: usize| raw[i].text as f64 - raw[i].link;
    let total: f64 = (0..nodes.len())
        .filter(|&i| nodes[i].parent == NONE)
        .map(prose)
        .sum();
    let mut holds_article = vec![false; nodes.len()];
    for i in (0..nodes.len()).rev() {
        let node = &nodes[i];
        let articleish =
            matches!(node.tag, Tag::Article | Tag::Main) || node.flags & flag::DECLARED_BODY != 0;
        if articleish && prose(i) >= 500.0 {
            holds_article[i] = true;
        }
        if holds_article[i] && node.parent != NONE {
            holds_article[node.parent as usize] = true;
        }
    }
    // The text of the `<math>` elements in each subtree (most pages have none to sum).
    let has_math = nodes.iter().any(|n| n.tag == Tag::Math);
    let mut math = vec![0u32; if has_math { nodes.len() } else { 0 }];
    for i in (0..math.len()).rev() {
        if nodes[i].tag == Tag::Math {
            math[i] = raw[i].text;
        }
        let p = nodes[i].parent;
        if math[i] > 0 && p != NONE {
            math[p as usize] = math[p as usize].saturating_add(math[i]);
        }
    }
    // Named like boilerplate, but prose: a block, or a run of sibling blocks that split the
    // story between them (`<section class="TestReport__Section--Ads">` for each part of a
    // review, its name saying that an ad sits in it, and `--Conclusion --Ads` for the last;
    // `<p class="paywall">` for each paragraph a subscription unlocks). Only blocks with a
    // paragraph join a run, and no `<header>` (the title and the date line again, which the
    // view shows its own way). Summed per parent: pooled over the page, the summaries of a
    // list of teaser cards would pass too. Once a run is the story, blocks of its members'
    // class elsewhere are too (Wired's last chunk of two `<p class="paywall">`).
    // (Cookie, comment and sign-in names never mislabel the story.)
    let named = |node: &Node| {
        node.flags & (flag::BOILERPLATE | flag::UNLIKELY) != 0
            && !matches!(node.kind, Some(K::Cookie | K::Comments | K::Signin))
    };
    let named_prose = |i: usize| {
        let node = &nodes[i];
        named(node)
            && link_density(raw[i].link, raw[i].text) < 0.2
            && raw[i].p > 0
            && node.tag != Tag::Header
    };
    // A list searched from its end, not a map: such blocks are few on a page, and a map
    // would add its own copy of the hashing code to the module.
    // Each run's prose, paragraphs, and the kinds its members were named for (a bit each).
    let kind_bit = |i: usize| nodes[i].kind.map_or(0u16, |k| 1 << k as u16);
    let mut runs: Vec<(u32, (f64, u32, u16))> = Vec::new();
    for i in (0..nodes.len()).filter(|&i| named_prose(i)) {
        let parent = nodes[i].parent;
        match runs.iter_mut().rfind(|(p, _)| *p == parent) {
            Some((_, sum)) => *sum = (sum.0 + prose(i), sum.1 + raw[i].p, sum.2 | kind_bit(i)),
            None => runs.push((parent, (prose(i), raw[i].p, kind_bit(i)))),
        }
    }
    let story_run = |i: usize| {
        runs.iter()
            .rfind(|(p, _)| *p == nodes[i].parent)
            .filter(|&&(_, (prose, p, _))| prose >= LONG_PROSE && p >= 3)
            .map(|&(_, (_, _, kinds))| kinds)
    };
    let in_story_run = |i: usize| story_run(i).is_some();
    // The story's subheadings, named as its paragraphs are (The Irish Times' `<h3
    // class="c-heading paywall">` among `<p class="c-paragraph paywall">`): a heading holds
    // no paragraph, so it joins no run, but beside a run named for the same kind it is the
    // story's too.
    let heads_story_run = |i: usize| {
        let node = &nodes[i];
        node.tag.is_heading()
            && node.tag != Tag::H1
            && named(node)
            && story_run(i).is_some_and(|kinds| kinds & kind_bit(i) != 0)
    };
    let mut story_classes: Vec<u32> = (0..nodes.len())
        .filter(|&i| nodes[i].class_hash != 0 && named_prose(i) && in_story_run(i))
        .map(|i| nodes[i].class_hash)
        .collect();
    story_classes.sort_unstable();
    story_classes.dedup();
    (0..nodes.len())
        .map(|i| {
            let maths = math
                .get(i)
                .is_some_and(|&m| m > 0 && 2 * u64::from(m) >= u64::from(raw[i].text));
            let wrapper = prose(i) >= 500.0 && prose(i) >= 0.75 * total;
            let mislabelled = (named_prose(i)
                && (in_story_run(i) || story_classes.contains(&nodes[i].class_hash)))
                || heads_story_run(i);
            wrapper || holds_article[i] || mislabelled || maths
        })
        .collect()
}

/// Readability's `_markDataTables`.
fn data_tables(c: &Collected) -> Vec<bool> {
    let mut nested = vec![false; c.nodes.len()];
    for node in &c.nodes {
        if node.tag == Tag::Table {
            // A table inside another makes the outer one a layout table.
            let mut p = node.parent;
            while p != NONE {
                if c.nodes[p as usize].tag == Tag::Table {
                    nested[p as usize] = true;
                    break;
                }
                p = c.nodes[p as usize].parent;
            }
        }
    }
    c.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            if node.tag != Tag::Table || node.flags & flag::LAYOUT_TABLE != 0 {
                return false;
            }
            if node.flags & flag::DATA_TABLE_HINT != 0 {
                return true;
            }
            if nested[i] {
                return false;
            }
            let shape = c.tables.get(&(i as u32)).cloned().unwrap_or_default();
            shape.rows >= 10 || shape.cols > 4 || shape.rows * shape.cols > 10
        })
        .collect()
}

impl Scorer<'_> {
    /// Sums every subtree over the nodes `keep` accepts (a rejected node contributes
    /// nothing, nor does anything inside it). `inside` limits the sums to one set of nodes.
    fn aggregate<S: Sums>(&self, keep: &dyn Fn(&Node) -> bool, inside: Option<&[bool]>) -> Vec<S> {
        let nodes = &self.c.nodes;
        let mut agg: Vec<S> = nodes.iter().map(S::own).collect();
        for i in (0..nodes.len()).rev() {
            let node = &nodes[i];
            if !keep(node) || inside.is_some_and(|set| !set[i]) {
                continue;
            }
            let p = node.parent;
            if p == NONE {
                continue;
            }
            let child = agg[i];
            let is_dt = self.data_table.get(i).copied().unwrap_or(false);
            agg[p as usize].add_child(&child, node, is_dt);
        }
        agg
    }

    /// Which nodes take part in this attempt (their whole ancestry does too), the byline
    /// found in the page, and the heading that repeats the title (left out: the view shows
    /// the title above the article).
    fn alive(&self, flags: Flags) -> Alive {
        let nodes = &self.c.nodes;
        let mut alive = vec![false; nodes.len()];
        let mut byline: Option<(u32, String)> = None;
        let mut title_heading = None;
        // Where a byline may be: an article's own header is often named like a page's
        // (`entry-header`, `splash-header`), and left out as unlikely, but it is where the
        // byline is. It is the one inside the article or the one that holds the title.
        let mut bylines_shown = vec![false; nodes.len()];
        // The same header holds the standfirst: what it shows that is not gone by its name
        // is where `lead` looks (see there).
        let mut shown = vec![false; nodes.len()];
        let titled = self.titled;
        for (i, node) in nodes.iter().enumerate() {
            // What is alive is shown, so a parent not shown is not alive either.
            let parent_shown = node.parent == NONE || bylines_shown[node.parent as usize];
            if !parent_shown {
                continue;
            }
            let parent_alive = node.parent == NONE || alive[node.parent as usize];
            let f = node.flags;
            // A link or a phrase named like boilerplate inside a paragraph's prose is a part
            // of its sentence (`<a class="searchLink">Damboa</a>`, the word linked to the
            // site's search; an affiliate link on "this colourful sorting game"): cut out, it
            // would leave a hole in the sentence. Not a picture's credit in its caption
            // (`copyright`), a call to action after a teaser (`<a class="cta">more</a>`),
            // nor a share or comment link set after the prose ("Tweet this", "3 comments").
            let in_sentence = || {
                matches!(node.tag, Tag::A | Tag::Span)
                    && !matches!(
                        node.kind,
                        Some(
                            RemovedKind::Footer
                                | RemovedKind::Paywall
                                | RemovedKind::Share
                                | RemovedKind::Comments
                        )
                    )
                    && node.parent != NONE
                    && {
                        // A paragraph's prose, or prose set straight in its parent (an old
                        // page's table cell of text and `<br>`s); a wrapper of blocks has none
                        // of its own.
                        let p = node.parent as usize;
                        if nodes[p].tag == Tag::P {
                            // A label named as a menu's or a headline's (`kicker`) that opens
                            // a paragraph's sentence ("<span class=kicker>Photo</span> of the
                            // day: …") is one of its words, however short the sentence.
                            let words = if node.kind == Some(RemovedKind::Navigation) {
                                IN_SENTENCE_LABEL_MIN_CHARS
                            } else {
                                IN_SENTENCE_MIN_CHARS
                            };
                            self.raw_text[p] > self.raw_text[i] + words
                        } else {
                            nodes[p].text >= IN_SENTENCE_MIN_CHARS
                        }
                    }
            };
            let named_boilerplate = (f & flag::STRUCTURAL != 0
                || (f & flag::BOILERPLATE != 0 && !in_sentence()))
                && !self.protected[i];
            let removed = f & (flag::NEVER | flag::HIDDEN | flag::SITE_REMOVE) != 0;
            let gone = removed || named_boilerplate;
            let unlikely = flags.strip_unlikely && f & flag::UNLIKELY != 0 && !self.protected[i];
            // (A closure: asked only of an unlikely element, as it searches.)
            let article_header = || {
                f & flag::IN_ARTICLE != 0 || titled.is_some_and(|h| self.c.within(i).contains(&h))
            };
            // A share bar goes, but a byline set in it ("BY Laura Berger" beside the buttons)
            // is still the page's. (Not the bar itself, named for both: `author_share`.)
            let share_bar = named_boilerplate && !removed && node.kind == Some(RemovedKind::Share);
            // So is one in an `<aside>` of the post's facts set under the title in its box
            // (hpd.de's "Von: <a class=author-name>…</a>" beside the date, in the `<article>`
            // around the title's `<header>`), as a date there is (see `in_furniture`); not a
            // sidebar's further out.
            // (Both are boxes after the title's heading, children of its box.)
            let in_title_box = |parent: u32| {
                parent != NONE
                    && titled.is_some_and(|h| {
                        i > h && heading_box(nodes, h).any(|p| p == parent as usize)
                    })
            };
            let facts_box = || {
                node.tag == Tag::Aside
                    && !removed
                    && in_title_box(node.parent)
                    && self.beside_title(i)
            };
            // And one in the post's own footer: Blogger's "Posted by <a rel=author>…</a> at
            // 10:00" under the post, an `<article>`'s `<footer>` with its `itemprop=author`.
            // A footer beside the title's box is the post's; the site's hangs off `<body>`.
            // Its lines may be named as footers too (Blogger's `post-footer-line` inside
            // `post-footer`): the box around them all is the one asked.
            let footer_named = |j: usize| {
                nodes[j].kind == Some(RemovedKind::Footer)
                    && nodes[j].flags & (flag::BOILERPLATE | flag::STRUCTURAL) != 0
            };
            let post_footer =
                named_boilerplate && !removed && node.kind == Some(RemovedKind::Footer) && {
                    let mut outer = node.parent;
                    while outer != NONE && footer_named(outer as usize) {
                        outer = nodes[outer as usize].parent;
                    }
                    in_title_box(outer)
                        && !matches!(nodes[outer as usize].tag, Tag::Body | Tag::Html)
                };
            bylines_shown[i] = parent_shown
                && (!gone || share_bar || facts_box() || post_footer)
                && (!unlikely || article_header() || post_footer);
            shown[i] =
                (node.parent == NONE || shown[node.parent as usize]) && bylines_shown[i] && !gone;
            let mut dead = !parent_alive || gone || unlikely;
            // A box named for the author that a heading calls one about them ("Written by",
            // "About the author"), or heads with a name the byline above gave, holds their
            // name and biography after the story.
            if !dead
                && f & flag::BYLINE != 0
                && self.raw_text[i] >= AUTHOR_BOX_MIN_CHARS
                && self.headed_as_author_box(i, byline.as_ref().map(|(_, b)| b.as_str()))
            {
                dead = true;
            }
            // Another story's byline is its own, however early it stands.
            let other_story = || (self.stories).is_some_and(|s| s.elsewhere(self.c, i));
            if bylines_shown[i] && !share_bar && f & flag::BYLINE != 0 && !other_story() {
                // Captures are clipped, so the length test reads the full subtree's figure.
                // A dateline that opens a paragraph ("<span class=dateline>KOBE –</span> A
                // total of …") is the story's first words, not a line of its own.
                let in_prose = node.parent != NONE
                    && nodes[node.parent as usize].tag == Tag::P
                    && self.raw_text[node.parent as usize] > self.raw_text[i] + 100;
                if let Some(text) = self
                    .c
                    .capture(i)
                    .filter(|_| self.raw_text[i] < 100 && !in_prose && !self.in_teaser(i))
                {
                    // A line named so that only says when ("Sep 19, 2016" in a `dateline`)
                    // repeats the date the view shows, and names no one; nor does a label
                    // alone (WordPress's `meta-prep-author` "Posted on"). The byline may
                    // still come after either.
                    let no_one = metadata::clean_byline(&text).is_none();
                    if no_one && text.bytes().any(|b| b.is_ascii_digit()) {
                        dead |= self.published.is_some();
                    } else if no_one {
                        // "Published by" with the name in another box: the label goes as
                        // the byline it labels does.
                        dead |= byline.is_none();
                    } else if byline.is_none() {
                        let text = self.byline_name(i).unwrap_or(text);
                        let len = text.chars().count();
                        if len > 0 && len < 100 {
                            byline = Some((i as u32, text));
                            // One name of a paper's author list is the byline, but the list
                            // stays whole: cut from it, the rest read ", Jun Zhao, …".
                            dead = !self.in_author_list(i);
                            // Its label goes with it: a line that held only "by" and the
                            // name would show "by" alone. So do the names beside it, set as
                            // it is ("Por <a>Mariana Teixeira</a> e <a>Rafael Nunes</a>"),
                            // or, where the line says more, none of them: cut from it, the
                            // rest read "Por e Rafael Nunes — Rio de Janeiro".
                            let p = node.parent;
                            if dead && p != NONE {
                                let co_authors = self.co_authors(i);
                                if self.labels_only(p as usize, i, co_authors) {
                                    alive[p as usize] = false;
                                } else if co_authors.0 > 0 {
                                    dead = false;
                                }
                            }
                            if let Some(b) = self.byline_box(i).filter(|_| dead) {
                                alive[b] = false;
                            }
                        }
                    }
                }
            }
            // A line told a date line by its words alone is one beside the title only: further
            // down, a day on a line of its own heads a part of the story (a diary's entry).
            // It is asked whole, the `<time>`s in it too: "Updated <time>April 9, 2025 —
            // 5.00am</time>, first published <time>April 8, 2025 — 7.45pm</time>" says the
            // page's day, where neither `<time>` is a line of its own.
            let date_line = f & (flag::META_LINE | flag::BYLINE) == flag::META_LINE
                || f & (flag::DATE_TEXT | flag::BYLINE) == flag::DATE_TEXT && self.beside_title(i);
            if !dead && date_line {
                dead = self.date_line_alone(i, byline.as_ref().map(|b| b.0 as usize));
                // A description's term that labels it ("<dt>Datum</dt><dd>12.01.2017</dd>")
                // goes with it, as a byline's label does.
                if let Some(term) = self.term_of(i).filter(|_| dead) {
                    alive[term] = false;
                }
            }
            // A kicker that links to its section (Ghost's `gh-article-tag` "News" over the
            // headline): a short link alone on its line, just above the title's heading in
            // its box, names where the story is filed, which the view does not show.
            if !dead && node.tag == Tag::A {
                if let Some(h) = titled {
                    if self.kicker_link(i, h) {
                        dead = true;
                    } else if self.kicker_line(i, h) {
                        // The line goes whole: its section's link and the topic beside it.
                        dead = true;
                        alive[node.parent as usize] = false;
                    }
                }
            }
            // The first heading that gives the title is known (`titled`); no heading before
            // it does. Only when it is not alive are later ones asked.
            let asked = titled.is_some_and(|h| i >= h) && matches!(node.tag, Tag::H1 | Tag::H2);
            if !dead
                && title_heading.is_none()
                && asked
                && (titled == Some(i) || gives_title(self.c, i, self.title))
            {
                title_heading = Some(i);
                dead = true;
            }
            alive[i] = !dead;
        }
        Alive {
            alive,
            shown,
            byline,
            title_heading,
        }
    }

    /// Whether date-line element `i` (a `<time>`, a `published-info` box) is a line of its
    /// own that only says the page's date ("December 7, 2016 — 5:00 AM EST"), which the view
    /// shows. In a line with more words ("<li><time>1998</time> The pier opens</li>",
    /// "Updated <time>…</time> to add the board's reply") the date is part of what it says;
    /// another day's date dates something else (a forum's later posts). The byline found
    /// before it (`byline`) goes from the view's text, so a line of the byline and the date
    /// ("<p><span>By Jane Roe</span> <span>May 7, 2019</span></p>") is the date's own too.
    fn date_line_alone(&self, i: usize, byline: Option<usize>) -> bool {
        let Some(date) = self.published else {
            return false;
        };
        let nodes = &self.c.nodes;
        let own = self.raw_text[i];
        // A line of its own: the whole text of the element around it (`<span
        // class=posted-on>` around the `<time>`), or of the block it is or sits in (`<p
        // class=timestamp>`, between a heading and the text).
        let byline_in = |j: usize| {
            byline
                .filter(|b| self.c.within(j).contains(b))
                .map_or(0, |b| {
                    self.raw_text[b].saturating_add(BYLINE_LABEL_MAX_CHARS)
                })
        };
        // Nor does a line of date lines side by side ("<span class=timestamp>Publisert:
        // <time>…</time></span> <span class=timestamp>Oppdatert: <time>…</time></span>"),
        // each only a part of it: their texts, and a space around each, are the line's.
        let date_lines_in = |j: usize| -> u32 {
            let (count, text) = self
                .c
                .within(j)
                .filter(|&k| nodes[k].parent == j as u32 && nodes[k].flags & flag::META_LINE != 0)
                .fold((0, 0), |(n, t), k| (n + 1, t + self.raw_text[k] + 1));
            if count >= 2 {
                text
            } else {
                0
            }
        };
        let whole = |j: u32| {
            j == NONE || {
                let text = self.raw_text[j as usize];
                text <= own.saturating_add(byline_in(j as usize))
                    || text < DATE_LINES_MAX_CHARS && text <= date_lines_in(j as usize)
            }
        };
        let mut block = i as u32;
        while block != NONE && !nodes[block as usize].tag.is_text_block() {
            block = nodes[block as usize].parent;
        }
        if own == 0 || own >= 100 || !(whole(nodes[i].parent) || whole(block)) {
            return false;
        }
        // The numbers are read from the text as captured: few lines hold the page's day,
        // and only those are decoded.
        let says_the_day = self
            .c
            .captures
            .get(&(i as u32))
            .is_some_and(|raw| says_day(raw, date))
            // (A line told by its words alone names no one.)
            && (nodes[i].flags & flag::DATE_TEXT != 0
                || self
                    .c
                    .capture(i)
                    .is_some_and(|text| metadata::clean_byline(&text).is_none()));
        // "Updated 2 hours ago" dates the story only beside its title; in a list of posts
        // further down, each line dates its own post.
        says_the_day
            || self.beside_title(i)
                && self
                    .c
                    .capture(i)
                    .is_some_and(|text| metadata::says_when_relatively(&text))
    }

    /// The `<dt>` just before `<dd>` `i`, when it is short enough to be only a label
    /// ([`BYLINE_LABEL_MAX_CHARS`] and a word more).
    fn term_of(&self, i: usize) -> Option<usize> {
        let nodes = &self.c.nodes;
        if nodes[i].tag != Tag::Dd || i == 0 {
            return None;
        }
        // The sibling before `i` is the ancestor of the element before it in the same box.
        let mut j = i - 1;
        while nodes[j].parent != nodes[i].parent {
            j = nodes[j].parent.try_into().ok().filter(|&p: &usize| p < i)?;
        }
        (nodes[j].tag == Tag::Dt && self.raw_text[j] <= BYLINE_LABEL_MAX_CHARS * 2).then_some(j)
    }

    /// Whether element `i` is within the title's heading's reach for a date line, the
    /// one [`shown_date`] searches ([`date_reach`], found once and only when asked).
    fn beside_title(&self, i: usize) -> bool {
        self.reach
            .get_or_init(|| {
                let story = self.stories.map(|s| s.story);
                self.titled.map(|h| date_reach(self.c, h, story))
            })
            .as_ref()
            .is_some_and(|reach| reach.contains(&i))
    }

    /// Whether link `i` is a kicker above the title's heading `heading`: before it, in its
    /// box ([`heading_box`]), to another page, at most [`KICKER_MAX_CHARS`] long and the only
    /// words of its parent (or the heading's sibling); not a byline. Nothing with words
    /// stands between it and the heading.
    fn kicker_link(&self, i: usize, heading: usize) -> bool {
        let nodes = &self.c.nodes;
        let p = nodes[i].parent;
        self.section_link(i, heading)
            && (self.raw_text[p as usize] == self.raw_text[i] || p == nodes[heading].parent)
            && heading_box(nodes, heading).any(|b| self.c.holds(b, i))
            && (self.c.within(i).end..heading).all(|j| nodes[j].text == 0)
    }

    /// Whether link `i`, before the title's heading `heading` and in a parent, may name the
    /// story's section: to another page, at most [`KICKER_MAX_CHARS`] long, not a byline.
    fn section_link(&self, i: usize, heading: usize) -> bool {
        let node = &self.c.nodes[i];
        i < heading
            && node.parent != NONE
            && to_another_page(node.flags)
            && node.flags & flag::BYLINE == 0
            && (1..=KICKER_MAX_CHARS).contains(&self.raw_text[i])
    }

    /// Whether link `i` opens a kicker's line of labels above the title's heading `heading`:
    /// a short link to another page (its section) whose parent, before the heading in its
    /// box, holds little else (the story's topic, a slash: La Vanguardia's "<a>Barcelona</a>
    /// <span>Crisis de la vivienda</span>"), no picture and no byline, with nothing with words
    /// between it and the heading.
    fn kicker_line(&self, i: usize, heading: usize) -> bool {
        if !self.section_link(i, heading) {
            return false;
        }
        let nodes = &self.c.nodes;
        let line = nodes[i].parent as usize;
        let within = self.c.within(line);
        within.end <= heading
            && self.raw_text[line] <= KICKER_LINE_MAX_CHARS
            && heading_box(nodes, heading).any(|b| b != line && self.c.holds(b, line))
            && !within.clone().any(|j| nodes[j].flags & flag::BYLINE != 0)
            && !self.holds_picture(line)
            && (within.end..heading).all(|j| nodes[j].text == 0)
    }

    /// Whether byline candidate `i` is one name of a list too long to be a byline: its
    /// parent is an author mark of 100 bytes or more, with at least [`AUTHOR_LIST_MIN`]
    /// marked names of its own set as the candidate is (`highwire-citation-authors` of
    /// eighteen `highwire-citation-author`s). An author box of a name and a long bio is not
    /// one, nor is one of a name, a job title and a line about the author, each named for
    /// what it is (Forbes' `contrib-byline-author`, `-type`, `-description`).
    fn in_author_list(&self, i: usize) -> bool {
        let nodes = &self.c.nodes;
        let p = nodes[i].parent;
        if p == NONE
            || nodes[p as usize].flags & flag::BYLINE == 0
            || self.raw_text[p as usize] < 100
        {
            return false;
        }
        let names = self
            .c
            .within(p as usize)
            .filter(|&j| {
                nodes[j].parent == p
                    && nodes[j].flags & flag::BYLINE != 0
                    && nodes[j].tag == nodes[i].tag
                    && nodes[j].class_hash == nodes[i].class_hash
                    && (1..100).contains(&self.raw_text[j])
            })
            .count();
        names >= AUTHOR_LIST_MIN
    }

    /// Whether element `p` holds nothing but byline `i`, the names set beside it as it is
    /// (`co_authors`: how many and their text, from [`Scorer::co_authors`]) and a few
    /// characters of its own for each, which are then their label and the words between
    /// them ("<span>by <a class=author-name>…</a></span>", "Von:", "Por <a>…</a> e
    /// <a>…</a>"), and no picture.
    fn labels_only(&self, p: usize, i: usize, co_authors: (u32, u32)) -> bool {
        let own = self.c.nodes[p].text;
        let (others, others_text) = co_authors;
        own <= BYLINE_LABEL_MAX_CHARS * (others + 1)
            && self.raw_text[p] <= self.raw_text[i] + others_text + own
            && !self.holds_picture(p)
    }

    /// How many names are set beside byline `i` in its line as it is set, and their text:
    /// elements of its parent, a line's length ([`BYLINE_LINE_MAX_CHARS`]), marked as a
    /// byline too, of its tag and a name's length, that read as a name.
    fn co_authors(&self, i: usize) -> (u32, u32) {
        let nodes = &self.c.nodes;
        let p = nodes[i].parent;
        if p == NONE || self.raw_text[p as usize] > BYLINE_LINE_MAX_CHARS {
            return (0, 0);
        }
        self.c
            .within(p as usize)
            .filter(|&j| {
                j != i
                    && nodes[j].parent == p
                    && nodes[j].flags & flag::BYLINE != 0
                    && nodes[j].tag == nodes[i].tag
                    && (1..100).contains(&self.raw_text[j])
                    // A label set apart ("<span class=meta-sep> by </span>") names no one.
                    && self
                        .c
                        .capture(j)
                        .is_some_and(|t| metadata::clean_byline(&t).is_some())
            })
            .fold((0, 0), |(n, text), j| (n + 1, text + self.raw_text[j]))
    }

    /// Whether one of the first [`AUTHOR_BOX_HEADING_REACH`] elements in `i` is a heading
    /// of a box about the author ([`crate::patterns::AUTHOR_BOX_HEADINGS`]), or one that is
    /// a name `byline` gives (the Sydney Morning Herald's profile of each author, headed by
    /// their name alone).
    fn headed_as_author_box(&self, i: usize, byline: Option<&str>) -> bool {
        let nodes = &self.c.nodes;
        // A box with a portrait may be led by the name as a line of its own, not a heading
        // (Aftonbladet's link to the author's page): then a biography names them again ("…
        // är reporter på …"), which the author's own note set in the story does not.
        let named_again = |name: &str| {
            self.c
                .capture(i)
                .is_some_and(|text| text.matches(name).nth(1).is_some())
        };
        self.c
            .within(i)
            .take(AUTHOR_BOX_HEADING_REACH)
            .filter(|&j| nodes[j].tag.is_heading() || nodes[j].flags & flag::BYLINE != 0)
            .any(|j| {
                self.c.capture(j).is_some_and(|t| {
                    if nodes[j].tag.is_heading() {
                        crate::patterns::is_author_box_heading(&t)
                            || byline.is_some_and(|b| names(b, &t))
                    } else {
                        byline.is_some_and(|b| names(b, &t))
                            && self.holds_picture(i)
                            && named_again(&t)
                    }
                })
            })
    }

    /// The outermost box named as the byline's around byline `i`, within
    /// [`BYLINE_BOX_DEPTH`] elements (Forbes' `contrib-byline` around the name's own
    /// `contrib-byline-author`): the author's other lines in it, a job title or a line about
    /// them ("I cover freight, logistics and …"), go with the name. Up to
    /// [`BYLINE_BOX_MAX_CHARS`], and no picture.
    fn byline_box(&self, i: usize) -> Option<usize> {
        let nodes = &self.c.nodes;
        let mut p = nodes[i].parent;
        let mut outermost = None;
        for _ in 0..BYLINE_BOX_DEPTH {
            if p == NONE
                || self.raw_text[p as usize] > BYLINE_BOX_MAX_CHARS
                || self.holds_picture(p as usize)
            {
                break;
            }
            if nodes[p as usize].flags & flag::BYLINE != 0 {
                outermost = Some(p as usize);
            }
            p = nodes[p as usize].parent;
        }
        outermost
    }

    /// Whether byline candidate `i` sits in a link that holds more than the byline: a card
    /// in a feed or a list of other stories, whose whole body (headline, byline, teaser)
    /// links to that story ("By Ed Kilgore" under another headline). An author's own link
    /// holds the name alone.
    fn in_teaser(&self, i: usize) -> bool {
        let nodes = &self.c.nodes;
        let mut j = nodes[i].parent;
        while j != NONE && nodes[j as usize].flags & flag::IN_LINK != 0 {
            if nodes[j as usize].tag == Tag::A {
                return self.raw_text[j as usize] > self.raw_text[i] + TEASER_MORE;
            }
            j = nodes[j as usize].parent;
        }
        false
    }

    /// The name inside byline candidate `i`: its `itemprop="name"`s or marks named for a
    /// name (joined, when there are several), or else the one
    /// author mark (`itemprop="author"`, `rel="author"`, a byline's class) it holds. A byline
    /// line often says more around the name: a label for screen readers, the section, the
    /// author's handle. With two marks or more the line names several authors, and is read
    /// whole; a mark that is a label ("Auteur:") names no one.
    fn byline_name(&self, i: usize) -> Option<String> {
        let within = self.c.within(i);
        let has = |j: &usize, f: flag::Bits| self.c.nodes[*j].flags & f != 0;
        // Several names are several authors, each marked ("By A and B"); a name inside
        // another is part of it.
        let mut names: Vec<String> = Vec::new();
        let mut past = i;
        for j in within.clone().filter(|j| has(j, flag::BYLINE_NAME)) {
            if j < past {
                continue;
            }
            past = self.c.within(j).end;
            if let Some(name) = self.c.capture(j).filter(|n| !n.is_empty()) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        if !names.is_empty() {
            return Some(names.join(", "));
        }
        let named = |j: usize| {
            self.c
                .capture(j)
                .filter(|text| !text.is_empty() && !text.ends_with(':'))
        };
        let mut marks = within.filter(|j| has(j, flag::BYLINE));
        let (first, name) = marks.by_ref().find_map(|j| Some((j, named(j)?)))?;
        // Marks nested in the first are part of its name: only one outside it is a second
        // author, and only those are worth decoding.
        let inside = self.c.within(first);
        (!marks.any(|j| !inside.contains(&j) && named(j).is_some())).then_some(name)
    }

    /// The standfirst: news pages set it in the article's header, under the title and apart
    /// from the body ("Damit Mitarbeiter gesund bleiben, …"), where neither the choice of a
    /// container nor its siblings reach it. It is taken from between the title's heading and
    /// the first root, inside the smallest element holding both (never the whole body): up
    /// to [`LEAD_BLOCKS`] paragraphs of prose, not in an author box or a date line, not a
    /// picture's caption, not links.
    ///
    /// An article's own header may be named as unlikely (`detail-header`, `header`), which
    /// keeps it out of the scoring; the standfirst in it is still the story's (Deutsche
    /// Welle's `teaser-text`, the FAZ's `header-teaser`), so what the header shows (`shown`)
    /// is read too, summed here as the scoring did not.
    fn lead(
        &self,
        heading: usize,
        first_root: usize,
        agg: &[Para],
        alive: &[bool],
        shown: &[bool],
    ) -> Vec<u32> {
        let nodes = &self.c.nodes;
        if heading >= first_root {
            return Vec::new();
        }
        let Some((shared, _)) = self.shared_ancestor(first_root, heading) else {
            return Vec::new();
        };
        let after_heading = self.c.within(heading).end;
        let mut lead = Vec::new();
        let mut text = 0;
        for i in after_heading..first_root.min(heading + 1 + LEAD_REACH) {
            let node = &nodes[i];
            if !alive[i] && !shown[i] {
                continue;
            }
            let block = node.tag == Tag::P
                || (node.tag == Tag::Div && node.flags & flag::HAS_BLOCK_CHILD == 0);
            if !block {
                continue;
            }
            let header_only;
            let a = if alive[i] {
                &agg[i]
            } else {
                let mut sum = Para::own(node);
                for j in self.c.within(i).filter(|&j| shown[j]) {
                    sum.add_child(&Para::own(&nodes[j]), &nodes[j], false);
                }
                header_only = sum;
                &header_only
            };
            if a.text < LEAD_MIN || !a.sentence || self.furniture(i, shared) {
                continue;
            }
            if self.holds_picture(i) || self.caption_of_picture(i) || self.holds_byline(i) {
                continue;
            }
            if a.link_density() >= 0.25 || lead.len() == LEAD_BLOCKS {
                return Vec::new();
            }
            text += a.text;
            lead.push(i as u32);
        }
        if text > LEAD_MAX {
            return Vec::new();
        }
        lead
    }

    /// Shows the standfirst's blocks as the header shows them.
    fn show_lead(&self, lead: &[u32], alive: &mut [bool], shown: &[bool]) {
        for &l in lead {
            let l = l as usize;
            for j in std::iter::once(l).chain(self.c.within(l)) {
                alive[j] |= shown[j];
            }
        }
    }

    /// The nearest `h1`/`h2` before `first_root` that holds the title among other words: a
    /// kicker before it ("Abstandsregeln und Fieberkontrollen: Wie Firmen …") keeps it from
    /// being the heading that repeats the title, but it still heads the article. Only a
    /// title of [`TITLE_WORDS_MIN`] words or more is looked for, within [`HEADING_REACH`]
    /// elements.
    fn heading_holding_title(&self, first_root: usize) -> Option<usize> {
        if self.title.split_whitespace().count() < TITLE_WORDS_MIN {
            return None;
        }
        let from = first_root.saturating_sub(HEADING_REACH);
        (from..first_root).rev().find(|&i| {
            matches!(self.c.nodes[i].tag, Tag::H1 | Tag::H2)
                && self
                    .c
                    .capture(i)
                    .is_some_and(|text| text_similarity(&text, self.title) > 0.9)
        })
    }

    /// Whether `i`, or an element around it inside `outer`, is an author box, a date line, a
    /// figure, a link or a box named as furniture (the Independent's "Support trusted
    /// journalism" appeal, set between the header and the body, leads nothing).
    fn furniture(&self, i: usize, outer: u32) -> bool {
        const FURNITURE: flag::Bits =
            flag::BYLINE | flag::META_LINE | flag::IN_FIGURE | flag::IN_LINK | flag::SMALL_BOX;
        let nodes = &self.c.nodes;
        let mut p = i as u32;
        while p != NONE && p != outer {
            if nodes[p as usize].flags & FURNITURE != 0 {
                return true;
            }
            p = nodes[p as usize].parent;
        }
        false
    }

    /// Whether the element holds a byline or a date line: a post's meta line ("By <span
    /// class=entry-author>Ela</span> on <time>…</time>. This post may contain affiliate
    /// links."), not its standfirst.
    fn holds_byline(&self, i: usize) -> bool {
        (self.c.within(i)).any(|j| self.c.nodes[j].flags & (flag::BYLINE | flag::META_LINE) != 0)
    }

    /// Whether the element holds a picture (a block that does is no standfirst).
    fn holds_picture(&self, i: usize) -> bool {
        self.c.within(i).any(|j| is_picture(self.c.nodes[j].tag))
    }

    /// Whether the last thing before the element that shows anything is a picture: then
    /// the element is that picture's caption, wherever the page put it. Looked for within
    /// [`CAPTION_REACH`] elements back.
    fn caption_of_picture(&self, i: usize) -> bool {
        let nodes = &self.c.nodes;
        let start = self.c.starts[i];
        for j in (i.saturating_sub(CAPTION_REACH)..i).rev() {
            // What is still open where the element starts holds it.
            if self.c.ends[j] > start {
                continue;
            }
            if is_picture(nodes[j].tag) {
                return true;
            }
            if nodes[j].text > 0 {
                return false;
            }
        }
        false
    }

    /// Whether `d` is a `<div>` that holds only a `<p>`, which Readability puts in its place
    /// (`_hasSingleTagInsideElement`): a story set one paragraph to a wrapper
    /// (`div.firstPar > p`) then scores its own column, and each wrapper joins as a paragraph.
    /// Not a wrapper named as content (`outline-text`, `article-body-text`): that name is
    /// the page saying where its text is, which Readability's swap would throw away.
    fn wraps_one_p(&self, d: usize, agg: &[Para]) -> bool {
        let nodes = &self.c.nodes;
        nodes[d].tag == Tag::Div
            && nodes[d].class_weight <= 0
            && agg[d].children == 1
            && nodes[d].text == 0
            && agg[d].link_density() < 0.25
            && nodes
                .get(d + 1)
                .is_some_and(|c| c.parent == d as u32 && c.tag == Tag::P)
    }

    /// Whether `i` is the story's summary in points, set before its body beside it (CNBC's
    /// and ABC News Australia's "Key points"): a list of at least
    /// [`SUMMARY_POINTS_MIN`] sentences without links, of more than a standfirst's
    /// [`DEK_MIN_CHARS`], in a box that holds little else (a short heading) and no picture.
    /// A menu's or a tag list's items are links, and a list of facts' are no sentences.
    fn summary_list(&self, i: usize, agg: &[Para]) -> bool {
        let nodes = &self.c.nodes;
        if agg[i].link > 0.0 || agg[i].text <= DEK_MIN_CHARS || !agg[i].sentence {
            return false;
        }
        let inside = std::iter::once(i).chain(self.c.within(i));
        let Some(list) = inside
            .filter(|&j| matches!(nodes[j].tag, Tag::Ul | Tag::Ol))
            .max_by_key(|&j| agg[j].text)
        else {
            return false;
        };
        if agg[i].text - agg[list].text > SUMMARY_LABEL_MAX_CHARS || self.holds_picture(i) {
            return false;
        }
        let mut points = 0;
        for j in self
            .c
            .within(list)
            .filter(|&j| nodes[j].parent == list as u32)
        {
            if nodes[j].tag != Tag::Li || !agg[j].sentence {
                return false;
            }
            points += 1;
        }
        points >= SUMMARY_POINTS_MIN
    }

    /// The parent a paragraph scores into: past a wrapper of it alone (see [`wraps_one_p`]).
    fn unwrapped_parent(&self, i: usize, agg: &[Para]) -> u32 {
        let nodes = &self.c.nodes;
        let parent = nodes[i].parent;
        if nodes[i].tag == Tag::P && parent != NONE && self.wraps_one_p(parent as usize, agg) {
            nodes[parent as usize].parent
        } else {
            parent
        }
    }

    fn attempt(&self, flags: Flags) -> Option<Plan> {
        let nodes = &self.c.nodes;
        let n = nodes.len();
        let Alive {
            mut alive,
            shown,
            byline,
            title_heading,
        } = self.alive(flags);
        let agg: Vec<Para> = self.aggregate(&|_| true, Some(&alive));

        // Score paragraphs into their ancestors.
        let mut score = vec![0f64; n];
        let mut init = vec![false; n];
        let initialize = |i: usize, score: &mut Vec<f64>, init: &mut Vec<bool>| {
            if init[i] {
                return;
            }
            init[i] = true;
            let node = &nodes[i];
            let base = match node.tag {
                Tag::Div => 5.0,
                Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
                Tag::Address
                | Tag::Ol
                | Tag::Ul
                | Tag::Dl
                | Tag::Dd
                | Tag::Dt
                | Tag::Li
                | Tag::Form => -3.0,
                t if t.is_heading() || t == Tag::Th => -5.0,
                _ => 0.0,
            };
            let weight = if flags.weight_classes {
                node.class_weight as f64
            } else {
                0.0
            };
            score[i] = base + weight;
        };
        for i in 0..n {
            if !alive[i] {
                continue;
            }
            let node = &nodes[i];
            let paragraph_like = matches!(
                node.tag,
                Tag::P
                    | Tag::Pre
                    | Tag::Td
                    | Tag::Section
                    | Tag::H2
                    | Tag::H3
                    | Tag::H4
                    | Tag::H5
                    | Tag::H6
            ) || (node.tag == Tag::Div
                && node.flags & flag::HAS_BLOCK_CHILD == 0);
            // Text sitting directly in a div beside blocks: Readability wraps it in a <p>.
            let loose_text =
                node.tag == Tag::Div && node.flags & flag::HAS_BLOCK_CHILD != 0 && node.text >= 25;
            let (len, commas, first_ancestor) = if paragraph_like {
                (agg[i].text, agg[i].commas, self.unwrapped_parent(i, &agg))
            } else if loose_text {
                (node.text, node.commas, i as u32)
            } else {
                continue;
            };
            if len < 25 {
                continue;
            }
            let content_score = 1.0 + commas as f64 + ((len / 100) as f64).min(3.0);
            let mut anc = first_ancestor;
            let mut level = 0;
            while anc != NONE && level < 5 {
                let a = anc as usize;
                // Readability never scores the root element (its parent is the document). A
                // fragment without <html> has no such root: its top elements are scored.
                if nodes[a].tag == Tag::Html {
                    break;
                }
                initialize(a, &mut score, &mut init);
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                score[a] += content_score / divider;
                anc = nodes[a].parent;
                level += 1;
            }
        }

        // Link density scales every candidate; the best few are kept by insertion as they
        // come, as Readability does (best first, ties in document order): linear, where
        // sorting every candidate brought a 5 KB stable sort into the module.
        let mut candidates: Vec<(usize, f64)> = Vec::with_capacity(TOP_CANDIDATES + 1);
        for i in 0..n {
            if init[i] && alive[i] {
                score[i] *= 1.0 - agg[i].link_density();
                let at = (candidates.iter())
                    .position(|&(_, best)| score[i] > best)
                    .unwrap_or(candidates.len());
                if at < TOP_CANDIDATES {
                    candidates.insert(at, (i, score[i]));
                    candidates.truncate(TOP_CANDIDATES);
                }
            }
        }

        // Never in the module: the report's float formatting alone is kilobytes of code.
        if !cfg!(target_arch = "wasm32") && !self.c.debug_names.is_empty() {
            self.debug_report(&candidates, &agg, &alive);
        }
        let body = nodes
            .iter()
            .position(|nd| nd.tag == Tag::Body)
            .filter(|&b| alive[b]);
        let mut top = match (candidates.first(), self.stories) {
            (Some(&(i, _)), _) if nodes[i].tag != Tag::Body => i,
            // Stories that are the `<body>`'s own children score it best: the title's is
            // the article (see below).
            (_, Some(s)) => s.story,
            _ => {
                // No candidate: the whole body is the article (or, in a fragment without a
                // <body>, every top-level element).
                let roots: Vec<u32> = match body {
                    Some(b) => vec![b as u32],
                    None => (0..n)
                        .filter(|&i| nodes[i].parent == NONE && alive[i])
                        .map(|i| i as u32)
                        .collect(),
                };
                return Some(self.finish(roots, &alive, flags, byline, None));
            }
        };

        // Readability: if several near-best candidates share an ancestor, prefer it.
        let top_score = score[top];
        let mut alternative_ancestors: Vec<Vec<usize>> = Vec::new();
        for &(i, sc) in candidates.iter().skip(1) {
            if top_score > 0.0 && sc / top_score >= 0.75 {
                alternative_ancestors.push(ancestors(nodes, i));
            }
        }
        if alternative_ancestors.len() >= 3 {
            let mut p = nodes[top].parent;
            while p != NONE && nodes[p as usize].tag != Tag::Body {
                let lists = alternative_ancestors
                    .iter()
                    .filter(|a| a.contains(&(p as usize)))
                    .count();
                if lists >= 3 {
                    top = p as usize;
                    break;
                }
                p = nodes[p as usize].parent;
            }
        }
        initialize(top, &mut score, &mut init);

        // Climb while the parent scores better (the article spans more than one block).
        let mut p = nodes[top].parent;
        let mut last_score = score[top];
        let threshold = last_score / 3.0;
        while p != NONE && nodes[p as usize].tag != Tag::Body {
            let pi = p as usize;
            if !init[pi] {
                p = nodes[pi].parent;
                continue;
            }
            let ps = score[pi];
            if ps < threshold {
                break;
            }
            if ps > last_score {
                top = pi;
                break;
            }
            last_score = ps;
            p = nodes[pi].parent;
        }
        // An only child is as good as its parent, which lets siblings join.
        let mut p = nodes[top].parent;
        while p != NONE && nodes[p as usize].tag != Tag::Body && agg[p as usize].children == 1 {
            top = p as usize;
            p = nodes[top].parent;
        }
        // A page that appends the next story as the reader scrolls holds two: the one the
        // title heads is the article, wherever the scores point.
        if let Some(s) = &self.stories {
            if s.story != top && !self.c.holds(s.story, top) {
                top = s.story;
            }
        }
        let its_own = |r: &u32| !(self.stories).is_some_and(|s| s.elsewhere(self.c, *r as usize));
        initialize(top, &mut score, &mut init);

        // Siblings that belong to the article too.
        let mut roots = Vec::new();
        let parent = nodes[top].parent;
        if parent == NONE {
            roots.push(top as u32);
        } else {
            let top_score = score[top];
            let threshold = (top_score * 0.2).max(10.0);
            let top_class = self.class_of(top);
            for i in (parent as usize + 1)..n {
                if nodes[i].parent != parent || !alive[i] {
                    continue;
                }
                if i == top {
                    roots.push(i as u32);
                    continue;
                }
                let mut bonus = 0.0;
                if top_class.is_some() && self.class_of(i) == top_class {
                    bonus += top_score * 0.2;
                }
                let append = if init[i] && score[i] + bonus >= threshold {
                    true
                } else if nodes[i].tag == Tag::P
                    || (nodes[i].tag == Tag::Div && nodes[i].flags & flag::HAS_BLOCK_CHILD == 0)
                    || self.wraps_one_p(i, &agg)
                {
                    let ld = agg[i].link_density();
                    let len = agg[i].text;
                    (len > DEK_MIN_CHARS && ld < 0.25)
                        || (len < DEK_MIN_CHARS && len > 0 && ld == 0.0 && agg[i].sentence)
                } else if nodes[i].tag.is_heading() && nodes[i].tag != Tag::H1 {
                    // A long heading beside the body is its standfirst (a "dek"), which
                    // CMSs mark up as an h2; a short one is a section title that only
                    // belongs with the body it introduces.
                    agg[i].text > DEK_MIN_CHARS && agg[i].link_density() < 0.25
                } else {
                    i < top && self.summary_list(i, &agg)
                };
                if append {
                    roots.push(i as u32);
                }
            }
        }
        if let Some(&(best, _)) = candidates.first() {
            let twins = self.twins(best, &roots, &agg, &alive);
            roots.extend(twins);
            roots.sort_unstable();
        }
        roots.retain(its_own);
        if let Some(&first) = roots.iter().min() {
            let first = first as usize;
            // The title's heading in a header left out as unlikely still heads it.
            let unlikely_header = self.titled.filter(|&h| shown[h] && !alive[h]);
            let heading = unlikely_header.or(title_heading);
            if let Some(heading) = heading.or_else(|| self.heading_holding_title(first)) {
                let lead = self.lead(heading, first, &agg, &alive, &shown);
                self.show_lead(&lead, &mut alive, &shown);
                roots.splice(0..0, lead);
            }
        }
        // `finish` builds sums of its own: one per-node vector of sums alive at a time bounds
        // the peak on a large page.
        drop(agg);
        let best = candidates.first().map(|&(i, _)| i);
        Some(self.finish(roots, &alive, flags, byline, best))
    }

    /// The smallest element holding both `a` and `b`, with the child of it that holds `a`
    /// (`a` itself when its parent holds `b`): found by offsets, not lists of ancestors, as
    /// pages can nest deep. `None` past the page's `<body>`, which holds any two blocks.
    fn shared_ancestor(&self, a: usize, b: usize) -> Option<(u32, usize)> {
        let nodes = &self.c.nodes;
        let mut below = a;
        let mut shared = nodes[a].parent;
        while shared != NONE && !self.c.holds(shared as usize, b) {
            below = shared as usize;
            shared = nodes[below].parent;
        }
        (shared != NONE && !matches!(nodes[shared as usize].tag, Tag::Body | Tag::Html))
            .then_some((shared, below))
    }

    /// The rest of a body split in parts: CMSs cut one story into containers of the same
    /// name around a picture or an ad (`<div class="story-text">` in two page rows, TYPO3's
    /// `ce-bodytext` on either side of a gallery), and page builders set its opening in a
    /// column of its own; none is a sibling of the body, so the sibling step cannot reach
    /// them. A part is named as the best candidate (the body's largest part) is, holds
    /// prose, lies in the same `<article>`, below the same element short of `<body>`, and is
    /// alone in its wrappers up to there but for section headings: a teaser's summary, named
    /// as the body often is (`richtext-field`), shares its box with a headline, a date or a
    /// picture that links to its story, and a blog's next post with a heading that links to
    /// it. After the body a part is long: under the body's name a donation appeal or a
    /// teaser followed it more often than more of the story.
    fn twins(&self, best: usize, roots: &[u32], agg: &[Para], alive: &[bool]) -> Vec<u32> {
        let nodes = &self.c.nodes;
        let Some(class) = self.class_of(best) else {
            return Vec::new();
        };
        let holds = |outer: usize, inner: usize| self.c.holds(outer, inner);
        let article_of = |mut i: u32| {
            while i != NONE && nodes[i as usize].tag != Tag::Article {
                i = nodes[i as usize].parent;
            }
            i
        };
        let tag = nodes[best].tag;
        let article = article_of(best as u32);
        // Each part with its outermost wrapper: the child of the element it shares with the
        // best candidate.
        let mut parts: Vec<(usize, usize)> = Vec::new();
        for i in 0..nodes.len() {
            let node = &nodes[i];
            if i == best
                || (i > best && agg[i].text < TWIN_AFTER_MIN_TEXT)
                || node.class_hash != class
                || node.tag != tag
                || !alive[i]
                || agg[i].text < TWIN_MIN_TEXT
                || !agg[i].sentence
                || agg[i].link_density() >= 0.25
                || parts.iter().any(|&(p, _)| holds(p, i))
                || roots
                    .iter()
                    .any(|&r| holds(r as usize, i) || holds(i, r as usize))
                || article_of(i as u32) != article
            {
                continue;
            }
            if let Some((_, wrapper)) = self.shared_ancestor(i, best) {
                parts.push((i, wrapper));
                // More is a list, and the checks below read each part's wrapper.
                if parts.len() > TWINS_MAX {
                    return Vec::new();
                }
            }
        }
        parts
            .iter()
            .filter(|&&(_, wrapper)| {
                let mut own = 0u32;
                for &(p, _) in parts.iter().filter(|&&(p, _)| holds(wrapper, p)) {
                    own = own.saturating_add(agg[p].text);
                }
                // Section headings between parts are the article's own; one that links
                // elsewhere titles another post (a blog's front page). A picture that links
                // elsewhere is a teaser's; the article's own are not links.
                let (mut linked_heading, mut linked_picture) = (false, false);
                for j in self.c.within(wrapper) {
                    let node = &nodes[j];
                    let heading = node.tag.is_heading();
                    let linked_pic = is_picture(node.tag) && node.flags & flag::IN_LINK != 0;
                    if !(heading || linked_pic)
                        || !alive[j]
                        || parts.iter().any(|&(p, _)| holds(p, j))
                    {
                        continue;
                    }
                    if heading {
                        own = own.saturating_add(agg[j].text);
                        linked_heading |= agg[j].link > 0.0;
                    }
                    linked_picture |= linked_pic;
                }
                let beside = agg[wrapper].text.saturating_sub(own);
                beside <= TWIN_SLACK && !linked_picture && !linked_heading
            })
            .map(|&(p, _)| p as u32)
            .collect()
    }

    /// With `QUIETPAGE_DEBUG` set: the candidates and the big subtrees left out, on stderr.
    fn debug_report(&self, candidates: &[(usize, f64)], agg: &[Para], alive: &[bool]) {
        let name = |i: usize| self.c.debug_names.get(i).cloned().unwrap_or_default();
        for &(i, sc) in candidates {
            eprintln!(
                "candidate {i} {} score {sc:.1} text {} ld {:.2}",
                name(i),
                agg[i].text,
                agg[i].link_density()
            );
        }
        for (i, node) in self.c.nodes.iter().enumerate() {
            let parent_alive = node.parent == NONE || alive[node.parent as usize];
            if parent_alive && !alive[i] && self.raw_text[i] > 200 {
                eprintln!(
                    "dropped {i} {} raw text {} flags {:#x}",
                    name(i),
                    self.raw_text[i],
                    node.flags
                );
            }
        }
    }

    /// The `class` attribute's identity, for the sibling bonus.
    fn class_of(&self, i: usize) -> Option<u32> {
        let h = self.c.nodes[i].class_hash;
        (h != 0).then_some(h)
    }

    /// Readability's `_prepArticle`: conditional cleaning inside the chosen roots, then the
    /// actions for the emit pass. `best` is the candidate that scored best, if any.
    fn finish(
        &self,
        roots: Vec<u32>,
        alive: &[bool],
        flags: Flags,
        byline: Option<(u32, String)>,
        best: Option<usize>,
    ) -> Plan {
        let nodes = &self.c.nodes;
        let n = nodes.len();
        let mut actions = vec![Action::Outside; n];
        for &r in &roots {
            actions[r as usize] = Action::Root;
        }
        // Mark the article's subtrees.
        let mut inside = vec![false; n];
        for i in 0..n {
            let p = nodes[i].parent;
            let parent_inside = p != NONE && inside[p as usize];
            if actions[i] == Action::Root || parent_inside {
                if !alive[i] {
                    actions[i] = Action::Drop;
                } else {
                    inside[i] = true;
                    if actions[i] != Action::Root {
                        actions[i] = Action::Keep;
                    }
                }
            }
        }

        // Conditional cleaning, children first, each verdict seeing its kept children only.
        // The sums cover only the article's span of the arena: its roots' subtrees.
        let first = roots.iter().min().map_or(n, |&r| r as usize);
        let end = inside
            .iter()
            .rposition(|&i| i)
            .map_or(first, |last| last + 1);
        let mut kept = Kept {
            end,
            sums: Vec::with_capacity(end - first),
        };
        let article_text: u64 = (first..end)
            .filter(|&i| inside[i])
            .map(|i| u64::from(nodes[i].text))
            .sum();
        // The block that scored best is not cleaned away with a block that holds it inside
        // the article: the article grew from it (up to where near-best candidates meet), and
        // a holder judged by its furniture (a player's buttons and badges beside an episode's
        // description) would take the story with it. The holders' other children are still
        // judged one by one.
        let mut spine = Vec::new();
        let mut b = best.map_or(NONE, |b| b as u32);
        while b != NONE && actions[b as usize] == Action::Keep {
            spine.push(b);
            b = nodes[b as usize].parent;
        }
        // The story's own `<article>` (around the best block, or around the title's heading
        // and most of the text), when a root grew past it (Readability climbs to a wrapper
        // whose score rose, or a wrapper named `content` outscores the story): what follows
        // it there is the page's, and a block of links after it is another list of stories
        // (Deutsche Welle's "Top Stories").
        let article_of = |i: usize| up(nodes, i).find(|&a| nodes[a].tag == Tag::Article);
        let tail_from = best
            .and_then(article_of)
            .or_else(|| self.titled.and_then(article_of))
            .filter(|&a| {
                inside[a]
                    && actions[a] != Action::Root
                    && 2 * u64::from(self.raw_text[a]) >= article_text
            })
            .map_or(usize::MAX, |a| self.c.within(a).end);
        // In reverse document order a block's children are all judged before it, and the
        // only blocks holding sums of judged children are the current node's ancestors (a
        // subtree is a contiguous run of the arena): their sums are a stack, deepest on top.
        let mut open: Vec<(usize, Agg)> = Vec::new();
        let mut text_len = 0u64;
        for i in (first..end).rev() {
            let node = &nodes[i];
            let sum = match open.last() {
                Some(&(top, sum)) if top == i => {
                    open.pop();
                    sum
                }
                _ => Agg::own(node),
            };
            kept.sums.push(Totals {
                text: sum.text,
                links: sum.links,
                link: sum.link,
            });
            // What goes, by a verdict here or before (a bar named `share`), still counts its
            // share buttons and ad labels into the parent's figures, and nothing else.
            let root = actions[i] == Action::Root;
            let tail_links = i >= tail_from
                && !root
                && sum.links >= LIST_OF_LINKS_MIN as u32
                && sum.link_density() >= 0.5;
            let gone = !inside[i]
                || tail_links
                || (self.should_clean(i, &sum, flags, root, article_text)
                    && !spine.contains(&(i as u32)));
            let p = node.parent as usize;
            if gone {
                if inside[i] {
                    actions[i] = Action::Drop;
                }
                if node.parent == NONE || p < first {
                    continue;
                }
                if sum.marks.any(node) {
                    let card = is_card(node, &sum);
                    open_sums(&mut open, p, &nodes[p])
                        .marks
                        .add(&sum.marks, node, card);
                }
                let lines = flag::META_LINE | flag::BYLINE | flag::DATE_TEXT;
                if !alive[i] && node.flags & lines != 0 {
                    let parent = open_sums(&mut open, p, &nodes[p]);
                    parent.taken = parent.taken.saturating_add(self.raw_text[i]);
                }
                continue;
            }
            if root {
                text_len += u64::from(sum.text);
                continue;
            }
            open_sums(&mut open, p, &nodes[p]).add_child(&sum, node, self.data_table[i]);
        }

        self.drop_title_repeats(&mut actions, &inside);
        self.drop_related_sections(&mut actions, &inside, &kept);
        self.drop_orphan_headings(&mut actions, &inside, &kept);
        let (readable, link_density) = self.readable(&roots, &kept, &inside);

        let dir = self.dir_for(&roots);
        Plan {
            removed: self.removed(alive, &actions),
            actions,
            byline: byline.map(|(_, t)| t),
            dir,
            text_len,
            readable,
            link_density,
        }
    }

    /// Headings inside the article that repeat its title (the view shows the title above).
    fn drop_title_repeats(&self, actions: &mut [Action], inside: &[bool]) {
        if self.title.is_empty() {
            return;
        }
        for (i, node) in self.c.nodes.iter().enumerate() {
            if !inside[i] || !matches!(node.tag, Tag::H1 | Tag::H2 | Tag::H3) {
                continue;
            }
            if let Some(text) = self.c.capture(i) {
                // Stricter than the first-heading rule: a subheading may echo the title.
                if text_similarity(self.title, &text) > 0.9 && repeats(&text, self.title) {
                    actions[i] = Action::Drop;
                }
            }
        }
    }

    /// Whether what was chosen is worth a reading view: not a list of links (a section
    /// front, a sitemap) and not a short form (a sign-in page).
    /// Also returns the article's link density.
    fn readable(&self, roots: &[u32], kept: &Kept, inside: &[bool]) -> (bool, f64) {
        let nodes = &self.c.nodes;
        let (mut text, mut link, mut links) = (0u64, 0f64, 0u32);
        for &r in roots {
            let k = &kept[r as usize];
            text += u64::from(k.text);
            link += k.link;
            links += k.links + u32::from(nodes[r as usize].tag == Tag::A);
        }
        let link_density = if text == 0 { 0.0 } else { link / text as f64 };
        if link_density >= 0.8 && links >= 5 {
            return (false, link_density);
        }
        // Form controls are never content, so count them over the roots' whole subtrees. A
        // site's search box is on every page, the short ones too (a book's one-paragraph
        // chapter opening): it is not the form a page is for.
        let mut under = vec![false; nodes.len()];
        for &r in roots {
            under[r as usize] = inside[r as usize];
        }
        let mut controls = 0;
        for (i, node) in nodes.iter().enumerate() {
            let p = node.parent;
            under[i] = under[i] || (p != NONE && under[p as usize]);
            if under[i]
                && matches!(node.tag, Tag::Input | Tag::Select | Tag::Textarea)
                && node.flags & flag::SEARCH == 0
            {
                controls += 1;
            }
        }
        (!(controls >= 2 && text < 300), link_density)
    }

    /// A heading that labels links to other articles ("Related stories", "Mehr zum Thema")
    /// goes, with the lists and link-dense blocks after it up to the first block of prose or
    /// the next heading. Class names catch most such blocks; this catches the ones written as
    /// plain headings and lists inside the article's body. A paragraph that is only such a
    /// label ("<p><strong>Schon gelesen?</strong></p>") is read as a heading, but goes only
    /// when links or nothing follow it: it may be a sentence that happens to be short.
    fn drop_related_sections(&self, actions: &mut [Action], inside: &[bool], kept: &Kept) {
        let nodes = &self.c.nodes;
        let live = |actions: &[Action], i: usize| inside[i] && actions[i] != Action::Drop;
        // A label cleaning took (too short to stand alone; a topic's "More On:" line, its
        // link to the topic's page) still labels what follows it, and so does one that went
        // for its own name (Asahi's `<h2 id="related-heading">関連ニュース</h2>` over a list
        // named nothing; not one past the article's last kept node, with nothing to label).
        let labels_here = |i: usize| {
            let p = nodes[i].parent;
            (inside[i] || (actions[i] == Action::Drop && i < kept.end))
                && (live(actions, i) || (p != NONE && live(actions, p as usize)))
        };
        let headings = self.c.captures.iter().filter_map(|(&h, text)| {
            let h = h as usize;
            (nodes[h].tag.is_heading() && labels_here(h) && is_related_label(text, usize::MAX))
                .then_some(h)
        });
        // A `<span>` labels the blocks after it in its box, not the words after it in a
        // paragraph set as a `<div>` ("More from <a>the mayor</a>, who said …").
        let boxed = |i: usize| {
            let p = nodes[i].parent;
            nodes[i].tag != Tag::Span || nodes[p as usize].flags & flag::HAS_BLOCK_CHILD != 0
        };
        let labels = (0..nodes.len())
            .filter(|&i| nodes[i].flags & flag::RELATED_LABEL != 0 && labels_here(i) && boxed(i));
        let labels: Vec<usize> = headings.chain(labels).collect();
        for label in labels {
            let heading = nodes[label].tag.is_heading();
            // A label alone in a box of its own (`<div class="title"><span>Read Also</span>
            // </div><ul>…`) labels what follows the box.
            let mut h = label;
            for _ in 0..LABEL_BOX_DEPTH_MAX {
                let p = nodes[h].parent;
                if p == NONE
                    || actions[p as usize] != Action::Keep
                    || kept[p as usize].text > kept[h].text
                {
                    break;
                }
                h = p as usize;
            }
            // A box left holding the label alone may have lost its links already (CNBC's
            // `<p><strong>Don't miss …</strong></p>` over a list that went for its name).
            let went_in_box = h != label && {
                let p = nodes[label].parent;
                (label + 1..self.c.within(p as usize).end).any(|j| {
                    nodes[j].parent == p
                        && !live(actions, j)
                        && (std::iter::once(j).chain(self.c.within(j)))
                            .any(|d| nodes[d].tag == Tag::A)
                })
            };
            // Its following siblings, in document order: each one's subtree is a contiguous
            // run of the arena, so the next sibling is the next node with the same parent.
            let parent = nodes[h].parent;
            let (mut links_went, mut prose_follows) = (went_in_box, false);
            for j in h + 1..nodes.len() {
                if nodes[j].parent != parent {
                    if nodes[j].parent == NONE || (nodes[j].parent as usize) < h {
                        break; // left the parent
                    }
                    continue; // inside a sibling's subtree
                }
                if !live(actions, j) {
                    continue;
                }
                let links = matches!(nodes[j].tag, Tag::Ul | Tag::Ol)
                    || (kept[j].text > 0 && kept[j].link_density() >= 0.5);
                if !links && !nodes[j].tag.is_heading() && kept[j].text < RELATED_GAP_CHARS {
                    continue; // what cleaning emptied, or an embed's frame, between the links
                }
                if nodes[j].tag.is_heading() || !links {
                    prose_follows = !nodes[j].tag.is_heading();
                    break;
                }
                actions[j] = Action::Drop;
                links_went = true;
            }
            if heading || links_went || !prose_follows {
                actions[h] = Action::Drop;
            }
        }
    }

    /// A heading with nothing left under it (before the next heading of its rank or the end)
    /// introduced what cleaning removed ("Related articles", "More on this"): drop it too.
    /// Not a heading of a sentence's length ([`DEK_MIN_CHARS`]) before another heading: that
    /// is a standfirst set as a heading, straight before the body's first subheading. At the
    /// article's end, one goes like a label: a teaser's headline, a blog's tagline.
    fn drop_orphan_headings(&self, actions: &mut [Action], inside: &[bool], kept: &Kept) {
        let nodes = &self.c.nodes;
        let n = nodes.len();
        let mut live = vec![false; n];
        let mut end = (0..n).collect::<Vec<usize>>();
        for i in (0..n).rev() {
            let p = nodes[i].parent;
            if p != NONE {
                end[p as usize] = end[p as usize].max(end[i]);
            }
        }
        let mut pending: Option<usize> = None;
        for i in 0..n {
            let p = nodes[i].parent;
            live[i] = inside[i]
                && actions[i] != Action::Drop
                && (actions[i] == Action::Root || (p != NONE && live[p as usize]));
            if !live[i] || pending.is_some_and(|h| i <= end[h]) {
                continue;
            }
            let tag = nodes[i].tag;
            if tag.is_heading() && self.labels_what_went(i, actions, kept, &end) {
                actions[i] = Action::Drop;
                continue;
            }
            // A box named for the author whose words all went (the name to the view's header,
            // the biography as furniture) is left with their portrait alone.
            if nodes[i].flags & flag::BYLINE != 0
                && actions[i] == Action::Keep
                && kept[i].text == 0
                && self.raw_text[i] > 0
            {
                actions[i] = Action::Drop;
                continue;
            }
            if tag.is_heading() {
                if let Some(h) = pending {
                    if heading_rank(tag) <= heading_rank(nodes[h].tag)
                        && kept[h].text <= DEK_MIN_CHARS
                    {
                        actions[h] = Action::Drop;
                    }
                }
                // A heading set in a run of bare text (`text<br><br><h2>…</h2>text`) heads
                // the text after it, which is its parent's and no element of its own.
                let p = nodes[i].parent;
                let in_bare_text = p != NONE && nodes[p as usize].text >= BARE_TEXT_MIN;
                pending = (!in_bare_text).then_some(i);
            } else if nodes[i].text > 0 || matches!(tag, Tag::Img | Tag::Table | Tag::Pre) {
                pending = None;
            }
        }
        if let Some(h) = pending {
            actions[h] = Action::Drop;
        }
    }

    /// Whether heading `h` is all that is left of its box, whose links cleaning took
    /// ("Recommended Stories" over four headlines set in the story): Readability, judging
    /// the box before its children, takes the two together. Not a box that lost only a
    /// share bar beside the heading, nor one of the article's roots.
    fn labels_what_went(&self, h: usize, actions: &[Action], kept: &Kept, end: &[usize]) -> bool {
        let nodes = &self.c.nodes;
        let p = nodes[h].parent;
        if p == NONE || actions[p as usize] != Action::Keep {
            return false;
        }
        let p = p as usize;
        if kept[p].text < kept[h].text || kept[p].links > 0 {
            return false;
        }
        // The links the box held as the page stood (a block that was never alive has no
        // kept sums), read in one walk: how many, whether one shares, how many pictures,
        // and how many children the box has, each with at most a space of indentation after
        // it that the box still holds as its own text (NRC's tags under "Meer over dit
        // onderwerp").
        let (links, share, pictures, children) =
            (p + 1..=end[p]).fold((0, false, 0, 0u32), |(n, share, pics, c), d| {
                let node = &nodes[d];
                let link = d > h && node.tag == Tag::A;
                (
                    n + usize::from(link),
                    share || (link && node.flags & flag::SHARE_LINK != 0),
                    pics + usize::from(node.tag == Tag::Img),
                    c + u32::from(node.parent as usize == p),
                )
            });
        // A gallery's thumbnails, each a link to its picture, went with their links: its
        // heading ("Photo Gallery (Click to enlarge)") is left over nothing shown.
        let gone = |d: usize| {
            std::iter::once(d)
                .chain(up(nodes, d).take_while(|&a| a != p))
                .any(|a| actions[a] == Action::Drop)
        };
        let gallery = || {
            pictures >= GALLERY_MIN
                && links >= pictures
                && (p + 1..=end[p]).all(|d| nodes[d].tag != Tag::Img || gone(d))
        };
        kept[p].text - kept[h].text <= children + 1
            && (links >= LIST_OF_LINKS_MIN || gallery())
            && !share
    }

    /// Whether element `i` sits in the run of the text, after a paragraph or a list of its
    /// parent and before another or a heading, as a subheading or a list of the text does.
    /// A figure or a box named as furniture on either side (a chart, an inline newsletter
    /// sign-up just before Bloomberg's subheading or just after Arc's list) sits apart from
    /// the run and does not end it.
    fn amid_text(&self, i: usize) -> bool {
        let nodes = &self.c.nodes;
        let parent = nodes[i].parent;
        let text_block =
            |j: usize| matches!(nodes[j].tag, Tag::P | Tag::Ul | Tag::Ol) && self.raw_text[j] > 0;
        let apart =
            |j: usize| nodes[j].tag == Tag::Figure || nodes[j].flags & flag::BOILERPLATE != 0;
        // The next sibling that is not set apart, skipping each one's subtree.
        let mut next = self.c.within(i).end;
        for _ in 0..AMID_TEXT_SCAN_MAX {
            if next >= nodes.len()
                || nodes[next].parent != parent
                || text_block(next)
                || !apart(next)
            {
                break;
            }
            next = self.c.within(next).end;
        }
        let next_is = next < nodes.len()
            && nodes[next].parent == parent
            && (text_block(next) || nodes[next].tag.is_heading());
        next_is
            && (0..i)
                .rev()
                .take(AMID_TEXT_SCAN_MAX)
                .take_while(|&j| j as u32 != parent)
                .filter(|&j| nodes[j].parent == parent)
                .find(|&j| text_block(j) || !apart(j))
                .is_some_and(text_block)
    }

    /// Readability's `_cleanConditionally` plus its `_clean`/`_cleanHeaders` rules.
    /// `root`: the node is one of the article's roots, which only Readability's own rules
    /// may empty. `article_text`: the text of the roots before any cleaning.
    fn should_clean(
        &self,
        i: usize,
        kept: &Agg,
        flags: Flags,
        root: bool,
        article_text: u64,
    ) -> bool {
        let nodes = &self.c.nodes;
        let node = &nodes[i];
        let weight = if flags.weight_classes {
            node.class_weight as f64
        } else {
            0.0
        };
        // A teaser set as a heading: a short label and a colon before a link to another story
        // ("MIRA: <a>…</a>", "Watch: <a>…</a>"). A heading wholly a link, or numbered ("3.
        // <a>…</a>"), heads a section of a list article and stays.
        if node.tag.is_heading() && kept.link_density() >= 0.6 && self.labels_a_link(i, kept) {
            return true;
        }
        match node.tag {
            // `_clean(e, "object"/"embed"/"iframe")` keeps videos; the sanitiser drops the
            // embed itself later, but its caption and link stay.
            Tag::Object | Tag::Embed | Tag::Iframe => return node.flags & flag::VIDEO == 0,
            Tag::H1 | Tag::H2 => return weight < 0.0 && !self.amid_text(i),
            _ => {}
        }
        if node.flags & flag::NUDGE != 0 {
            return true;
        }
        // A share bar, or what is left of one: share buttons and at most a label ("Möchten
        // Sie den Artikel teilen?"), with no picture but the buttons' icons, and not the
        // header's title, date or byline that it often shares a line with. Nor a short post
        // whose one paragraph sits beside its buttons.
        let marks = &kept.marks;
        if !root
            && marks.share.make_up(kept)
            && kept.p == 0
            && kept.text.saturating_sub(marks.share.text) <= SHARE_LABEL_MAX_CHARS
        {
            return true;
        }
        // An app-download promo: links to two stores or more and nothing else to click, with
        // a line that asks for the download ("Get the latest news straight to your phone with
        // our app") or with the stores' badges alone, and no other picture. A list of apps an
        // article recommends names each app in its link and says nothing beside them, and a
        // paragraph that mentions an app's store page is longer or links elsewhere too.
        if !root
            && marks.store.make_up(kept)
            // Marks count links whether or not they were kept (a row of badges is often
            // cleaned away first, as pictures without words); kept links are at most those.
            && kept.links <= marks.store.links
            && kept.text <= PROMO_MAX_CHARS
        {
            let beside = kept.text.saturating_sub(marks.store.text);
            if beside >= PROMO_MIN_LINE_CHARS || marks.store.text == 0 {
                return true;
            }
        }
        // An ad's label goes with whatever it sits in beside it ("- Anzeige -" over a banner),
        // and a figure captioned with one is a banner: one picture and no other words. A
        // picture widget's button goes alone: the caption it toggles stays.
        if node.flags & (flag::AD_LABEL | flag::CONTROL_LABEL) != 0
            && kept.text <= node.text
            && !root
        {
            return true;
        }
        // A sign-up box: a field for an e-mail address and a line or two that pitch the
        // newsletter or the account ("Get the morning briefing in your inbox every
        // weekday."), whatever the box is named; a comment form's notice goes the same way.
        // So does a box that a heading calling to action heads: the call, a line that
        // repeats it ("Keep up with all the latest news … by following Sky News") and its
        // link; and one a call for tips labels ("Har du ett tips?", "Hör av dig till …"). Not a box that shows a picture or a table beside the form (a story's header
        // over its share dialog, a shop's facts over its review form).
        if !root
            && (marks.email_fields > 0 || marks.nudge_headings > 0)
            && kept.text <= SIGNUP_MAX_CHARS
            && kept.img == 0
            && kept.data_tables == 0
        {
            return true;
        }
        // An appeal for the reader's support, named so (HuffPost's "Support HuffPost" box
        // between two sections, the Independent's "Support trusted journalism" under the
        // header): a heading, a few lines and the buttons, with no picture or table. So is a
        // player that reads the story aloud ("Listen to this article", "5 min"), which holds
        // no `<audio>` or video of its own for the view to link to. Even as a root joined
        // beside the story for its lines' score, while it is the lesser part of the text.
        if node.flags & flag::SMALL_BOX != 0
            && (!root || 2 * u64::from(kept.text) <= article_text)
            && kept.text <= SMALL_BOX_MAX_CHARS
            && kept.img == 0
            && kept.data_tables == 0
            && kept.videos == 0
            && !self.c.within(i).any(|j| nodes[j].tag == Tag::Audio)
        {
            return true;
        }
        if node.tag == Tag::Figure && marks.ad_labels > 0 && kept.text <= 2 && kept.img <= 1 {
            return true;
        }
        // A figure that is a link to another story, headline and all (`<figure><a
        // class="teaser">` around a picture, a kicker, an `<h3>` and a summary): a teaser
        // set in the body. A picture's caption holds no heading, and links from it in part.
        if node.tag == Tag::Figure && kept.heading_text > 0 && kept.link_density() >= 0.9 {
            return true;
        }
        // A card that ends in "Read more": another story's headline or picture and its
        // summary, even as one of the article's roots (joined as the top candidate's
        // sibling). Not a block with more to say than a summary, nor half the article (a
        // story cut short before its "Continue reading"), nor a note without a headline or
        // a picture that ends in a link to its source.
        if marks.read_more > 0 && is_card(node, kept) {
            let prose = f64::from(kept.text) * (1.0 - kept.link_density());
            if prose <= TEASER_MAX_CHARS && 2 * u64::from(kept.text) <= article_text {
                return true;
            }
        }
        // A credit line goes, but not the picture it sits beside in one paragraph.
        if node.flags & flag::CREDIT != 0 && kept.img == 0 && kept.embeds == 0 {
            return true;
        }
        if !flags.clean_conditionally {
            return false;
        }
        // In a post of pictures and a line or two ("‘Alternative perspective’ series by …"),
        // the pictures with nearly all its words are the post, whatever the block's name or
        // shape (a wrapper named `-align-sidebar-to-none`), not a gallery beside a story. A
        // story of more words goes through Readability's cleaning, and its retries, as is.
        if article_text < CHAR_THRESHOLD
            && kept.img > 1
            && f64::from(kept.text) >= POST_SHARE * article_text as f64
        {
            return false;
        }
        // A recipe's ingredients, or a box mostly of them: rows of an amount and a name, each
        // short and the name often linked to the site's glossary ("300 ml <a>Haferdrink</a>")
        // or a shop ("<a>z.B. Dr. Oetker Gelatine fix</a>"), which the tests below take for a
        // nudge or a menu. Kept on a page that declares a recipe, unless named as something
        // else to drop, a form (the servings' calculator) or made of links (a cloud of the
        // glossary's entries beside the list); one ingredient's name is one link.
        let ingredients =
            node.flags & flag::IN_INGREDIENTS != 0 || kept.ingredient_text > kept.text / 2;
        if ingredients
            && weight >= 0.0
            && node.tag != Tag::Form
            && (kept.links <= 1 || kept.link_density() < INGREDIENT_LINK_DENSITY_MAX)
            && self.declares_steps()
        {
            return false;
        }
        // An in-article nudge: a short paragraph that is mostly one link ("Also read: ...").
        let paragraph =
            node.tag == Tag::P || (node.tag == Tag::Div && node.flags & flag::HAS_BLOCK_CHILD == 0);
        if paragraph
            && node.flags & (flag::IN_TABLE | flag::IN_FIGURE) == 0
            && kept.text < 300
            && kept.link_density() >= 0.6
        {
            return true;
        }
        if !matches!(
            node.tag,
            Tag::Form | Tag::Fieldset | Tag::Table | Tag::Ul | Tag::Div | Tag::Section
        ) {
            return false;
        }
        if node.tag == Tag::Table && self.data_table[i] {
            return false;
        }
        if node.flags & flag::IN_CODE != 0 || kept.data_tables > 0 {
            return false;
        }
        if node.flags & flag::IN_TABLE != 0 && self.inside_data_table(i) {
            return false;
        }
        // Only the class weight: Readability.js no longer adds the node's content score
        // (`var contentScore = 0`), and with it the score every list starts with (-3) had
        // dropped lists of paragraphs and figures that Readability keeps.
        // A picture's caption named after the rail of pictures it sits in (`media-caption`,
        // a negative name) is still the caption: words in a figure, without links or a
        // picture of their own. So is a box of the story's one picture and its caption
        // (Euronews' `widget widget--type-image` around a `<figure>`), and a box named for
        // its place under a picture set without a `<figure>` that holds a caption (CNN's
        // `image__metadata` around `image__caption`).
        let caption = || {
            kept.links == 0
                && if node.flags & flag::IN_FIGURE != 0 {
                    kept.text > 0 && kept.img == 0
                } else if kept.img == 0 {
                    // (Not a box around a figure of its own, a player's: its caption is the
                    // figure's.)
                    (1..=FIGURE_BOX_MAX_CHARS).contains(&kept.text)
                        && {
                            // (One walk for both: a caption held, and no figure.)
                            let mut caption = false;
                            let no_figure = self.c.within(i).all(|j| {
                                caption |= nodes[j].flags & flag::CAPTION != 0;
                                nodes[j].tag != Tag::Figure
                            });
                            caption && no_figure
                        }
                        && self.caption_of_picture(i)
                } else {
                    kept.img == 1
                        && kept.text <= FIGURE_BOX_MAX_CHARS
                        && self.c.within(i).any(|j| nodes[j].tag == Tag::Figure)
                }
        };
        // Nor is a list of the text's own, without links, in the run of its paragraphs (Arc's
        // `com-unordered-list` of `com-paragraph` items, weighed as a comment's).
        let text_list = || {
            matches!(node.tag, Tag::Ul | Tag::Ol)
                && kept.links == 0
                && kept.img == 0
                && self.amid_text(i)
        };
        if weight < 0.0 && !caption() && !text_list() {
            return true;
        }
        if kept.commas >= 10 {
            return false;
        }
        // Readability's `_cleanConditionally` keeps a container with a video in it, however
        // little text it has: the video is content (the view links to it).
        if kept.videos > 0 {
            return false;
        }
        // (A box's lines that went to the header count as its text: a post's meta box left
        // with its category list was no list.)
        let stood = kept.text.saturating_add(kept.taken);
        let is_list = matches!(node.tag, Tag::Ul | Tag::Ol)
            || (stood > 0 && kept.list_text as f64 / stood as f64 > 0.9);
        let p = kept.p as f64;
        let img = kept.img as f64;
        let li = kept.li as f64 - 100.0;
        let input = kept.input as f64;
        let heading_density = if kept.text == 0 {
            0.0
        } else {
            kept.heading_text as f64 / kept.text as f64
        };
        let link_density = kept.link_density();
        let content_length = kept.text;
        let in_figure = node.flags & flag::IN_FIGURE != 0;
        // Readability's test for a gallery or a grid of ads: pictures and few paragraphs. A
        // recipe's or a how-to's list of steps, each a line and its picture, has words for
        // every picture (a dialog's steps to set a home page do too: only a page that says
        // it is one is asked).
        let told = || {
            content_length as f64 >= TEXT_PER_PICTURE * img
                && link_density < 0.2
                && self.declares_steps()
        };
        (img > 1.0 && p / img < 0.5 && !in_figure && !told())
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && heading_density < 0.9
                && content_length < 25
                // A listing's box: `pip install yapapi` is shorter than any paragraph.
                && kept.pre == 0
                // A `<noscript>` picture counts only where it is the one picture: beside a
                // lazy image it is that image's twin.
                && ((img == 0.0 && self.noscript_pictures(i) == 0) || img > 2.0)
                && !in_figure)
            || (!is_list && weight < 25.0 && link_density > 0.2)
            || (weight >= 25.0 && link_density > 0.5)
            || ((kept.embeds == 1 && content_length < 75) || kept.embeds > 1)
    }

    /// Whether the page declares a recipe or a how-to: its JSON-LD's types
    /// (`metadata::declares_steps`, read when first asked), or its ingredients' microdata.
    fn declares_steps(&self) -> bool {
        self.c.marks_ingredients
            || *self
                .steps
                .get_or_init(|| metadata::declares_steps(&self.c.meta.json_ld))
    }

    /// How many `<noscript>` pictures are inside node `i` (see
    /// `Collected::noscript_pictures`): the emit pass shows them, and a block that holds one
    /// holds a picture.
    fn noscript_pictures(&self, i: usize) -> u32 {
        let all = &self.c.noscript_pictures;
        if all.is_empty() {
            return 0;
        }
        let within = self.c.within(i);
        let from = all.partition_point(|&n| (n as usize) < within.start);
        let to = all.partition_point(|&n| (n as usize) < within.end);
        (to - from) as u32
    }

    /// Whether heading `i` reads as a label and a colon, outside the link, before the rest
    /// (see `should_clean`). A title with a colon inside the link ("“Until Dawn: Rush of
    /// Blood” ($20)") is an entry of a list article, not a teaser.
    fn labels_a_link(&self, i: usize, kept: &Agg) -> bool {
        let Some(text) = self.c.capture(i) else {
            return false;
        };
        let Some((label, rest)) = text.split_once(':') else {
            return false;
        };
        let words = label.split_whitespace().count();
        // Text lengths count whitespace runs as one, characters or bytes, and entities as
        // written (see `TEASER_LABEL_SLACK`).
        let unlinked = kept.text as f64 - kept.link;
        let label = label.trim();
        (1..=TEASER_LABEL_WORDS).contains(&words)
            && !label.chars().any(|c| c.is_ascii_digit())
            && !rest.trim().is_empty()
            && unlinked >= label.chars().count() as f64
            && unlinked <= (label.len() + TEASER_LABEL_SLACK) as f64
    }

    fn inside_data_table(&self, i: usize) -> bool {
        let nodes = &self.c.nodes;
        let mut p = nodes[i].parent;
        while p != NONE {
            if nodes[p as usize].tag == Tag::Table {
                return self.data_table[p as usize];
            }
            p = nodes[p as usize].parent;
        }
        false
    }

    /// The nearest `dir` on the article or above it.
    fn dir_for(&self, roots: &[u32]) -> Option<String> {
        let first = *roots.first()?;
        let mut p = first;
        while p != NONE {
            if let Some(d) = self.c.dirs.get(&p) {
                if d == "rtl" || d == "ltr" {
                    return Some(d.clone());
                }
            }
            p = self.c.nodes[p as usize].parent;
        }
        None
    }

    /// Counts what was taken away, by kind: each outermost removed node once. Not inside SVG
    /// or MathML: a drawing's `<g class="share">` is an icon, not a share bar (and the
    /// extension hands the core its drawings empty).
    fn removed(&self, alive: &[bool], actions: &[Action]) -> Removed {
        let nodes = &self.c.nodes;
        let mut removed = Removed::default();
        for (i, node) in nodes.iter().enumerate() {
            let Some(kind) = node.kind else { continue };
            if node.flags & flag::FOREIGN != 0 {
                continue;
            }
            let parent_alive = node.parent == NONE || alive[node.parent as usize];
            let gone = !alive[i] || actions[i] == Action::Drop;
            if gone && parent_alive {
                removed.add(kind);
            }
        }
        removed
    }

    /// The user's content selector replaces scoring; only removals apply inside it.
    fn site_plan(&self) -> Plan {
        let nodes = &self.c.nodes;
        let flags = Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        };
        let Alive { alive, byline, .. } = self.alive(flags);
        let mut roots = Vec::new();
        let mut covered = vec![false; nodes.len()];
        for (i, node) in nodes.iter().enumerate() {
            let parent_covered = node.parent != NONE && covered[node.parent as usize];
            covered[i] = parent_covered || node.flags & flag::SITE_ROOT != 0;
            if covered[i] && !parent_covered && alive[i] {
                roots.push(i as u32);
            }
        }
        self.finish(roots, &alive, flags, byline, None)
    }
}

/// What [`Scorer::alive`] finds.
struct Alive {
    alive: Vec<bool>,
    /// What is shown, the article's own header included however its name reads: an
    /// unlikely name (`detail-header`) leaves it out of the scoring, not out of the view.
    shown: Vec<bool>,
    byline: Option<(u32, String)>,
    title_heading: Option<usize>,
}

/// A standfirst's paragraphs: at most this many, each at least `LEAD_MIN` characters, all
/// together at most `LEAD_MAX` (more is no standfirst but some other part of the page).
const LEAD_BLOCKS: usize = 2;
const LEAD_MIN: u32 = 60;
const LEAD_MAX: u32 = 800;
/// How many elements after the title's heading the standfirst is looked for in.
const LEAD_REACH: usize = 400;
/// A shorter title is too common a phrase to look for inside headings.
const TITLE_WORDS_MIN: usize = 4;
/// How many elements before the body a heading holding the title is looked for in.
const HEADING_REACH: usize = 400;
/// How much of the title's wording (or of one part of it) a heading inside the article
/// must hold to repeat it.
const REPEAT_COVERS_TITLE: f64 = 0.75;
/// A teaser heading's label is a word or three ("MIRA", "Lesen Sie auch"); more before the
/// colon is a title with a subtitle ("Ferry timetable: what changes in spring").
const TEASER_LABEL_WORDS: usize = 3;
/// What may lie outside a teaser heading's link besides its label's letters: the colon and a
/// space on either side, one of them perhaps written `&nbsp;`.
const TEASER_LABEL_SLACK: usize = 8;
/// Less text than this between a related-links label and its links is no prose: what
/// cleaning left of a teaser, an embed's empty frame, a stray space.
const RELATED_GAP_CHARS: u32 = 25;
/// How many elements before a block its picture is looked for in.
const CAPTION_REACH: usize = 64;
/// The most text a box around one `<figure>` holds for it to be that picture and its
/// caption (see `should_clean`).
const FIGURE_BOX_MAX_CHARS: u32 = 400;
/// Bare text in a heading's parent, in characters, that makes the heading one of a run of
/// text and `<br>`s (see `drop_orphan_headings`).
const BARE_TEXT_MIN: u32 = 200;

fn is_picture(tag: Tag) -> bool {
    matches!(tag, Tag::Img | Tag::Picture | Tag::Figure | Tag::Video)
}

fn heading_rank(tag: Tag) -> u8 {
    match tag {
        Tag::H1 => 1,
        Tag::H2 => 2,
        Tag::H3 => 3,
        Tag::H4 => 4,
        Tag::H5 => 5,
        _ => 6,
    }
}

fn ancestors(nodes: &[Node], i: usize) -> Vec<usize> {
    up(nodes, i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(text_len: u64, readable: bool) -> Plan {
        Plan {
            actions: Vec::new(),
            byline: None,
            dir: None,
            removed: Removed::default(),
            text_len,
            readable,
            link_density: if readable { 0.1 } else { 0.9 },
        }
    }

    fn picked(results: [(u64, bool); 4]) -> Option<u64> {
        pick(|k| Some(result(results[k].0, results[k].1)), 10_000.0).map(|p| p.text_len)
    }

    #[test]
    fn a_list_of_links_does_not_put_out_a_shorter_article() {
        // A photo post: its caption in the second attempt, a list of related posts in the
        // last.
        let photo_post = [(0, true), (66, true), (0, true), (573, false)];
        assert_eq!(picked(photo_post), Some(66));
        // A section front: a list of links and nothing else is no article.
        assert_eq!(
            picked([(0, true), (0, true), (0, true), (800, false)]),
            None
        );
        // The first long readable result wins; failing one, the longest, a lenient attempt
        // only by half as much again.
        assert_eq!(
            picked([(200, true), (900, true), (950, true), (1000, true)]),
            Some(900)
        );
        assert_eq!(
            picked([(200, true), (400, true), (250, true), (100, true)]),
            Some(400)
        );
        assert_eq!(
            picked([(200, true), (280, true), (250, true), (290, true)]),
            Some(200)
        );
    }
}
