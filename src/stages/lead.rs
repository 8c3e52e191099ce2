//! The lead picture's caption: many pages set their main picture, with its caption, in the
//! story's header, beside the title and standfirst, where the scorer leaves it out of the
//! article (both corpora leave it out too: Readability's expected articles and the annotated
//! pages start at the body). The view and exports show the lead picture above the article,
//! so its caption is kept with it, as the page showed them.
//!
//! Asked once, after scoring, of the few elements just above the article's text: a
//! `<figure>` with an `<img>` and a `<figcaption>` (or, lacking one, an element named as its
//! caption), or a box of a picture and an element named as its caption, that the article
//! leaves out, in nothing that is furniture. Its part of the page is read for the picture's
//! address and the caption's words.

use super::collect::{flag, Collected};
use super::score::{up, Action};
use super::tree::Tag;
use crate::export::dom;
use crate::patterns::Credit;

/// How many elements before the article are looked at: a header holds tens.
const SCAN_MAX: usize = 400;

/// How much text may stand between the picture and the article (the standfirst, byline,
/// date and share labels of a header), in bytes: more, and the figure belongs to something
/// else before the story (a teaser, another story on a front page).
const GAP_MAX_BYTES: u32 = 1_200;

/// A caption is at least this many characters: shorter, it is a credit or a name ("AP",
/// "Getty Images"), which says nothing of the picture.
const CAPTION_MIN_CHARS: usize = 12;

/// A caption this short that a credit's label leads ("Foto: Stefan Müller") is only a credit;
/// a longer one goes on to say what the picture shows.
const CREDIT_MAX_CHARS: usize = 80;

/// And at most this many: a longer "caption" is a box of text that holds a picture.
const CAPTION_MAX_CHARS: usize = 600;

/// A figure's part of the page is read only up to this size: a lead picture's is a few KB,
/// and a larger one is a gallery or a box around more than a picture.
const FIGURE_MAX_BYTES: u32 = 32 * 1024;

/// How many pictures' boxes are read, at most.
const READS_MAX: u32 = 4;

/// A picture declared narrower than this many pixels is an author's portrait or an icon.
const PICTURE_MIN_WIDTH: u32 = 200;

/// Flags that put a figure, or any element around it, out of the question.
const FURNITURE: flag::Bits = flag::HIDDEN
    | flag::NEVER
    | flag::STRUCTURAL
    | flag::BOILERPLATE
    | flag::IN_LINK
    | flag::BYLINE
    | flag::SITE_REMOVE;

/// The lead picture's address and its caption, when a picture with its caption stands above
/// the article's text (see the module docs): between the article's first pieces (a header
/// kept for its standfirst, then the body), or just before the first. `actions` is the
/// plan's; `absolute` resolves an address (see [`read`]).
pub fn find(
    c: &Collected,
    actions: &[Action],
    html: &str,
    absolute: impl Fn(&str) -> Option<String>,
) -> Option<(String, String)> {
    let first = actions.iter().position(|a| *a == Action::Root)?;
    // Each box is read whole: a page of many pictures above its text pays for a few.
    let reads = std::cell::Cell::new(0);
    let read = |i: usize| {
        let part = html.get(c.starts[i] as usize..c.ends[i] as usize)?;
        // Most pictures outside a figure are logos and icons: a box whose markup never
        // spells a caption's name is passed by unread.
        if c.nodes[i].tag != Tag::Figure && !mentions_caption(part) {
            return None;
        }
        reads.set(reads.get() + 1);
        if reads.get() > READS_MAX {
            return None;
        }
        read(part, &absolute)
    };
    between_pieces(c, actions, first, &read).or_else(|| above(c, first, &read))
}

/// What [`find`] reads a picture's box with.
type Reader<'a> = dyn Fn(usize) -> Option<(String, String)> + 'a;

/// A picture the article leaves out, with no more than a header's text kept before it.
fn between_pieces(
    c: &Collected,
    actions: &[Action],
    first: usize,
    read: &Reader<'_>,
) -> Option<(String, String)> {
    let nodes = &c.nodes;
    let mut kept = 0u32;
    let mut k = first;
    while k < nodes.len().min(first + SCAN_MAX) {
        let node = &nodes[k];
        if shown(c, actions, k) {
            if matches!(node.tag, Tag::Figure | Tag::Picture | Tag::Img) {
                // The article opens with a picture of its own.
                return None;
            }
            if node.flags & (flag::HIDDEN | flag::NEVER) == 0 {
                kept = kept.saturating_add(node.text);
            }
            if kept > GAP_MAX_BYTES {
                return None;
            }
        } else if node.tag == Tag::Figure {
            if suitable(c, k) {
                // The nearest figure decides.
                return read(k);
            }
            // Another picture's box: what it holds is not asked again.
            k = c.within(k).end;
            continue;
        } else if node.tag == Tag::Img && node.flags & flag::IN_FIGURE == 0 {
            // A picture outside a figure (an icon, a logo, a portrait) is passed by unless
            // its box holds its caption.
            let beyond = |b: usize| c.within(b).any(|n| shown(c, actions, n));
            if let Some(found) = picture_box(c, k, beyond).and_then(read) {
                return Some(found);
            }
        }
        k += 1;
    }
    None
}

/// The nearest picture with its caption before the article's first piece, with no more
/// than a header's text between them.
fn above(c: &Collected, first: usize, read: &Reader<'_>) -> Option<(String, String)> {
    let start = c.starts[first];
    let nodes = &c.nodes;
    let gap = |i: usize| -> u32 {
        nodes[c.within(i).end..first]
            .iter()
            .filter(|n| n.flags & (flag::HIDDEN | flag::NEVER) == 0)
            .map(|n| n.text)
            .sum()
    };
    let mut seen_text = 0u32;
    for i in (first.saturating_sub(SCAN_MAX)..first).rev() {
        let node = &nodes[i];
        if node.tag == Tag::Figure && c.ends[i] <= start {
            // The nearest figure decides: one further up is another picture's.
            return (gap(i) <= GAP_MAX_BYTES && suitable(c, i))
                .then(|| read(i))
                .flatten();
        }
        if node.tag == Tag::Img && node.flags & flag::IN_FIGURE == 0 {
            let found = picture_box(c, i, |b| c.ends[b] > start)
                .filter(|&b| gap(b) <= GAP_MAX_BYTES)
                .and_then(read);
            if found.is_some() {
                return found;
            }
        }
        if node.flags & (flag::HIDDEN | flag::NEVER) == 0 {
            seen_text = seen_text.saturating_add(node.text);
            if seen_text > GAP_MAX_BYTES + CAPTION_MAX_CHARS as u32 * 4 {
                return None;
            }
        }
    }
    None
}

/// Whether the emitter writes element `k`: the nearest of it and its ancestors that the plan
/// decided on is a piece of the article, not left out.
fn shown(c: &Collected, actions: &[Action], k: usize) -> bool {
    std::iter::once(k)
        .chain(up(&c.nodes, k))
        .find_map(|p| match actions[p] {
            Action::Root => Some(true),
            Action::Drop | Action::Outside => Some(false),
            Action::Keep => None,
        })
        .unwrap_or(false)
}

/// Whether figure `i` is a picture with its caption and nothing else: of a bounded size, with
/// an `<img>` and a `<figcaption>`, in no furniture. A link around the picture opens it
/// larger; one around the caption, or furniture named so, makes the figure a teaser or a
/// widget.
fn suitable(c: &Collected, i: usize) -> bool {
    let nodes = &c.nodes;
    let inside = c.within(i);
    let has = |tag: Tag| nodes[inside.clone()].iter().any(|n| n.tag == tag);
    // A figure's caption is its `<figcaption>`; one without may name an element its
    // caption (The New Yorker's `<div class="caption">`), which counts where it is shown.
    let figure = nodes[i].tag == Tag::Figure;
    let named = figure && !has(Tag::Figcaption);
    let caption = |k: usize| {
        let n = &nodes[k];
        n.tag == Tag::Figcaption
            || (named
                && n.flags & flag::CAPTION != 0
                && n.flags & (flag::HIDDEN | flag::NEVER) == 0)
    };
    // Each caption's parts are summed: asked last, of a figure of bounded size.
    let plain = || {
        inside
            .clone()
            .filter(|&k| caption(k))
            .all(|k| nodes[k].flags & FURNITURE == 0 && !mostly_link(c, k))
    };
    (1..=FIGURE_MAX_BYTES).contains(&c.ends[i].saturating_sub(c.starts[i]))
        && nodes[i].flags & FURNITURE == 0
        && has(Tag::Img)
        && (!figure || inside.clone().any(caption))
        && !within_furniture(c, i)
        && plain()
}

/// How many elements up from a picture outside any `<figure>` its box may be: the picture's
/// wrapper (`<picture>`, a sizing `<div>`), the box of it and its caption, that box's own.
const BOX_LEVELS: usize = 3;

/// The box of `img`, a picture outside any `<figure>`, with its caption (CNN's `image__lede`
/// holding the picture's container and `image__metadata`; a `<div>` holding the picture's and
/// an `img_cptn`): the highest of its nearest ancestors that holds no other picture and is
/// not `beyond` (holds the article's text), if it is [`suitable`]. Whether it holds a caption
/// is read with its markup (see [`read`]).
fn picture_box(c: &Collected, img: usize, beyond: impl Fn(usize) -> bool) -> Option<usize> {
    let nodes = &c.nodes;
    let mut best = None;
    for b in up(nodes, img).take(BOX_LEVELS) {
        let size = c.ends[b].saturating_sub(c.starts[b]);
        let pictures = c.within(b).filter(|&k| nodes[k].tag == Tag::Img).count();
        // A picture in a list item is one of a series: a slider's, a gallery's, teasers'.
        let series = nodes[b].tag == Tag::Li;
        if size > FIGURE_MAX_BYTES || pictures > 1 || series || beyond(b) {
            break;
        }
        best = Some(b);
    }
    best.filter(|&b| suitable(c, b))
}

/// Whether most of element `i`'s text is in links.
fn mostly_link(c: &Collected, i: usize) -> bool {
    let (text, link) = std::iter::once(i)
        .chain(c.within(i))
        .map(|k| &c.nodes[k])
        .fold((0u32, 0u32), |(t, l), n| {
            (t.saturating_add(n.text), l.saturating_add(n.link_text))
        });
    u64::from(link) * 2 > u64::from(text)
}

/// Whether an element around node `i` is furniture (see [`FURNITURE`]).
fn within_furniture(c: &Collected, i: usize) -> bool {
    up(&c.nodes, i).any(|p| c.nodes[p].flags & FURNITURE != 0)
}

/// The picture's absolute address and its caption, read from `figure_html`, the figure's
/// part of the page; `absolute` resolves an address against the page's and keeps it only if
/// it is the web's (http or https). Read from the page's own markup, not the sanitiser's
/// output: the sanitiser unwraps the `<span>`s that set a caption's parts apart, and
/// instantiating its rewriter here would add 5 KB to the WebAssembly module.
fn read(figure_html: &str, absolute: impl Fn(&str) -> Option<String>) -> Option<(String, String)> {
    let page = dom::parse(figure_html);
    let figure = page.elements().next()?;
    let img = figure.find(&|e| e.tag == "img")?;
    let narrow = img
        .attr("width")
        .and_then(|w| w.trim().parse::<u32>().ok())
        .is_some_and(|w| w < PICTURE_MIN_WIDTH);
    if narrow {
        return None;
    }
    // The largest of a `srcset`'s pictures (the view shows the lead picture across the
    // column, where a page's `src` is often its smallest), then a lazy loader's real source,
    // then the `src`.
    let srcset = |name| img.attr(name).and_then(crate::sanitize::best_candidate);
    let src = [srcset("srcset"), srcset("data-srcset")]
        .into_iter()
        .flatten()
        .chain(
            ["data-src", "data-lazy-src", "data-original", "src"]
                .into_iter()
                .filter_map(|name| img.attr(name).map(str::to_string)),
        )
        .find_map(|candidate| absolute(&candidate))?;
    let mut raw = String::new();
    let figcaption = (figure.tag == "figure")
        .then(|| figure.find(&|e| e.tag == "figcaption"))
        .flatten();
    if let Some(caption) = figcaption {
        caption_text(caption, &mut raw);
    } else {
        // A box's caption (or a figure's with no `<figcaption>`), by its name, then its
        // credit where the caption does not hold it.
        let named = |e: &dom::Element| names(e, CAPTION_NAMES) && !names(e, CREDIT_NAMES);
        let caption = figure.find(&|e| named(e) && !unseen(e))?;
        caption_text(caption, &mut raw);
        let credit = |e: &dom::Element| e.tag == "figcaption" || names(e, CREDIT_NAMES);
        let apart = |e: &dom::Element| credit(e) && !std::ptr::eq(e, caption);
        match caption.find(&credit) {
            // A caption's box that holds its credit alone (Condé Nast's `caption` around
            // only a `caption__credit`) says nothing of the picture.
            Some(inner) => {
                let mut credit = String::new();
                caption_text(inner, &mut credit);
                if credit.trim() == raw.trim() {
                    return None;
                }
            }
            None => {
                if let Some(credit) = figure.find(&apart) {
                    raw.push(' ');
                    caption_text(credit, &mut raw);
                }
            }
        }
    }
    let caption = crate::metadata::normalize_space(&raw);
    // Another story's teaser, or a promotion under a logo ("Get the E-Edition").
    if links_hold(figure, &caption) {
        return None;
    }
    let chars = caption.chars().count();
    let credit_only = chars <= CREDIT_MAX_CHARS
        && matches!(crate::patterns::credit(&caption), Some(Credit::Line));
    ((CAPTION_MIN_CHARS..=CAPTION_MAX_CHARS).contains(&chars) && !credit_only)
        .then_some((src, caption))
}

/// A caption's text, its parts set apart: a page's stylesheet puts a caption's credit on a
/// line of its own (`<span class="credit">`), which run together would join the caption's
/// last word to the photographer's name.
fn caption_text(e: &dom::Element, out: &mut String) {
    for child in &e.children {
        match child {
            dom::Node::Text(t) => out.push_str(t),
            dom::Node::Element(c) if c.tag == "br" => out.push(' '),
            dom::Node::Element(c) if unseen(c) => {}
            dom::Node::Element(c) => {
                let part = !c.is(&[
                    "a", "abbr", "b", "cite", "code", "em", "i", "q", "strong", "sub", "sup",
                ]);
                if part {
                    out.push(' ');
                }
                caption_text(c, out);
                if part {
                    out.push(' ');
                }
            }
        }
    }
}

/// Whether links under `root` hold half of `caption`'s characters or more.
fn links_hold(root: &dom::Element, caption: &str) -> bool {
    fn linked(e: &dom::Element, out: &mut String) {
        for c in e.elements() {
            if c.tag == "a" {
                caption_text(c, out);
            } else {
                linked(c, out);
            }
        }
    }
    let mut text = String::new();
    linked(root, &mut text);
    let linked = crate::metadata::normalize_space(&text);
    linked.chars().count() * 2 >= caption.chars().count()
}

/// Whether a caption's part is not shown, or not words: a script, a hidden copy for screen
/// readers or for another layout, a "hide caption" button.
fn unseen(e: &dom::Element) -> bool {
    e.is(&["button", "noscript", "script", "style", "svg", "template"])
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Class names of a caption in a box that is no `<figure>`, each with its reason.
const CAPTION_NAMES: &[(&str, &str)] = &[
    (
        "caption",
        "the word itself (`image__caption`, `wp-caption-text`, `caption`)",
    ),
    (
        "cptn",
        "abbreviated, as CMSs that shorten names do (`img_cptn`)",
    ),
];

/// Whether `html` may hold an element named by [`CAPTION_NAMES`]: a search for their
/// letters, which a box's markup rarely has otherwise.
fn mentions_caption(html: &str) -> bool {
    let b = html.as_bytes();
    ["aption", "APTION", "cptn"]
        .iter()
        .any(|needle| memchr::memmem::find(b, needle.as_bytes()).is_some())
}

/// Class names of a picture's credit beside its caption.
const CREDIT_NAMES: &[(&str, &str)] = &[(
    "credit",
    "the word itself (`image__credit`, `photo-credit`)",
)];

/// Whether `e`'s `class` holds one of `table`'s names, in any case.
fn names(e: &dom::Element, table: &[(&str, &str)]) -> bool {
    e.attr("class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        table.iter().any(|(name, _)| class.contains(name))
    })
}
