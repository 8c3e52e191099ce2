//! "Is this page an article?", asked before opening the reading view by itself.
//!
//! Automatic cleanup runs on every page of a site the user chose, home and section pages
//! included, and a reading view that pops up over a front page is worse than none: a miss
//! costs one click on the toolbar button, a false alarm hides the page the user came for.
//! So this is Readability's `isProbablyReaderable` over the collect pass's arena (enough
//! paragraphs with enough text, outside page furniture), made stricter where Readability is
//! known to say yes to front pages: text in links does not count, so cards of linked
//! headlines add nothing, and nothing inside a `<nav>`, `<aside>` or `<footer>` counts.
//! It costs one pass (no scoring, no emit).
//!
//! Measured against Readability's own verdicts on its test pages (`quietpage eval`), and not
//! made stricter than that: counting linked headlines ("teasers") as a front-page sign was
//! tried and refused many real articles, whose pages carry strips of them.

use crate::stages::collect::{flag, Collected, Collector};
use crate::stages::stream;
use crate::stages::tree::{Tag, NONE};
use crate::{input, Error, Options};

/// A block shorter than this adds nothing (Readability's `minContentLength`).
const MIN_BLOCK_CHARS: u32 = 140;
/// The page is an article once the blocks' score passes this (Readability's `minScore`).
const MIN_SCORE: f64 = 20.0;

/// Flags that take an element and everything inside it out of the question: text in hidden
/// parts, `<nav>`, `<footer>`, `<aside>` and their roles is not the page's article however
/// long it is.
const OUTSIDE: flag::Bits = flag::HIDDEN | flag::NEVER | flag::STRUCTURAL;
/// Flags that take out only the element itself, as Readability's names do: pages wrap whole
/// articles in containers named like ads or menus (the scorer's `protected` undoes that), so
/// a name does not condemn what is inside.
const SKIPPED: flag::Bits = flag::UNLIKELY | flag::BOILERPLATE;

/// Whether `html` (an already-decoded page) probably holds an article worth a reading view.
///
/// Refuses what [`crate::extract`] refuses for size and shape, so a caller can show the same
/// message either way.
pub fn probably_readable(html: &str, options: &Options) -> Result<bool, Error> {
    input::check(html.as_bytes(), options)?;
    let collected = stream::stream(html, options.max_memory_bytes, &[], Collector::new())?.out;
    Ok(judge(&collected))
}

fn judge(collected: &Collected) -> bool {
    let nodes = &collected.nodes;
    // Text of each element with its descendants, and the part of it inside links. Children
    // follow their parent in the arena, so one backward sweep adds every subtree up.
    let mut text: Vec<u32> = nodes.iter().map(|n| n.text).collect();
    let mut link: Vec<u32> = nodes.iter().map(|n| n.link_text).collect();
    for i in (0..nodes.len()).rev() {
        let parent = nodes[i].parent;
        if parent != NONE {
            let p = parent as usize;
            text[p] = text[p].saturating_add(text[i]);
            link[p] = link[p].saturating_add(link[i]);
        }
    }
    // One forward sweep for what is inherited: being outside the article, being in a list
    // item, and which `<div>`s lay text out with `<br>`s.
    let mut outside = vec![false; nodes.len()];
    let mut in_li = vec![false; nodes.len()];
    let mut br_div = vec![false; nodes.len()];
    for (i, node) in nodes.iter().enumerate() {
        let own = node.flags & OUTSIDE != 0;
        if node.parent == NONE {
            outside[i] = own;
            continue;
        }
        let p = node.parent as usize;
        outside[i] = own || outside[p];
        in_li[i] = in_li[p] || nodes[p].tag == Tag::Li;
        if node.tag == Tag::Br && nodes[p].tag == Tag::Div {
            br_div[p] = true;
        }
    }

    // Readability's sum of sqrt(chars - 140) over paragraphs, `<pre>`s, `<article>`s and
    // `<br>` divs, skipping unlikely names and paragraphs in list items. Link text does not
    // count: a teaser card is mostly its linked headline, a paragraph of an article is not.
    let mut score = 0.0;
    for (i, node) in nodes.iter().enumerate() {
        if outside[i] {
            continue;
        }
        let counted = match node.tag {
            Tag::P => !in_li[i],
            Tag::Pre | Tag::Article => true,
            Tag::Div => br_div[i],
            _ => false,
        };
        let prose = text[i].saturating_sub(link[i]);
        if !counted || node.flags & SKIPPED != 0 || prose < MIN_BLOCK_CHARS {
            continue;
        }
        score += f64::from(prose - MIN_BLOCK_CHARS).sqrt();
        if score > MIN_SCORE {
            return true;
        }
    }
    false
}
