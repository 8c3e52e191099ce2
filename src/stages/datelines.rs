//! Lines that date the page by their words alone, whatever the page names them: "January
//! 22, 2014" in a bare `<p>`, "<dd>12.01.2017</dd>", "08.11.2021 | Online-Fachtag". Found
//! while the collect pass streams; which of them dates the page is decided beside the
//! title (`score::shown_date`).
//!
//! One buffer serves the whole page: a line does not run across blocks, so a block takes
//! the probe over or ends it, and phrasing takes it over only from an element with no text
//! yet (`<div><span>23.01.2019</span>`, but not `<p>Friday, <b>December 23</b>, 2016</p>`).

use super::collect::{capture_text, flag};
use super::tree::{Tag, NONE};
use crate::metadata::{
    after_verb, dated_part, holds_a_year, names_its_author, only_a_date, starts_with_by,
};

/// How much of an element's text is read: a line that only says when, its weekday, time and
/// label included, is shorter.
const MAX_BYTES: usize = 96;

/// The shortest date with its year ("1.2.2018").
const MIN_BYTES: usize = 8;

/// How many linked characters a line whose one part is the date may hold: a category or an
/// author's name ("January 13, 2020 at 08:45 AM | categories: Python, Mercurial"). More is
/// a card's or a menu's line.
const LINKED_MAX_CHARS: u32 = 32;

/// The probe: the open element whose text may only say when, and the start of its text.
pub struct DateProbe {
    node: u32,
    text: String,
    /// Whether `text` holds more than whitespace, or a link's words were counted.
    words: bool,
    /// How many of its characters are a link's (to another page), counted, not kept.
    linked: u32,
}

impl Default for DateProbe {
    fn default() -> Self {
        DateProbe {
            node: NONE,
            text: String::new(),
            words: false,
            linked: 0,
        }
    }
}

impl DateProbe {
    /// Element `node` opens, with its tag and flags.
    pub fn open(&mut self, node: u32, tag: Tag, flags: flag::Bits) {
        let asked = asks(tag)
            && flags & (flag::HIDDEN | flag::NEVER | flag::FOREIGN) == 0
            && !to_another_page(flags);
        let free = self.node == NONE || !self.words;
        if (asked && free) || tag.is_text_block() {
            self.node = if asked { node } else { NONE };
            self.text.clear();
            self.words = false;
            self.linked = 0;
        }
    }

    /// Text of `len` characters (whitespace collapsed; `blank` if it is only whitespace) in
    /// an element with `flags`.
    pub fn text(&mut self, text: &str, len: u32, blank: bool, flags: flag::Bits) {
        if self.node == NONE || self.text.len() >= MAX_BYTES {
            return;
        }
        // A link within the page is no other page's: Springer's "Published: …" links to
        // the article's details.
        if !to_another_page(flags) {
            self.text.push_str(text);
            self.words |= !blank;
        } else if !blank {
            // No element in the line takes the probe over after it either.
            self.linked = self.linked.saturating_add(len);
            self.words = true;
        }
    }

    /// Element `node` ends: what it is (`flag::DATE_TEXT` or `flag::DATE_PART`, and
    /// `flag::BY_TEXT`) and its text as read (raw, a link's words left out), if it is any.
    pub fn end(&mut self, node: u32) -> Option<(flag::Bits, String)> {
        if self.node != node {
            return None;
        }
        self.node = NONE;
        // Most short elements hold no year and start with no word for "by": only those that
        // do are decoded and read.
        let linked = self.linked;
        let text = &self.text;
        if !self.words || !(MIN_BYTES..MAX_BYTES).contains(&text.len()) {
            return None;
        }
        let dated = linked <= LINKED_MAX_CHARS && holds_a_year(text);
        let by = linked == 0 && starts_with_by(after_verb(text.trim_start()));
        if !dated && !by {
            return None;
        }
        let line = capture_text(text);
        let mut found = 0;
        if by && names_its_author(&line) {
            found |= flag::BY_TEXT;
        }
        // A line with a link's words is no line of the date alone, which goes from the text:
        // the date is one part of it, the link another ("24. April 2020 | <a>Presse</a>").
        let date_alone = dated && only_a_date(&line);
        if date_alone && linked == 0 {
            found |= flag::DATE_TEXT;
        } else if date_alone || dated && dated_part(&line) {
            found |= flag::DATE_PART;
        }
        (found != 0).then(|| (found, std::mem::take(&mut self.text)))
    }
}

/// Whether an element with `flags` sits in a link to another page (not one within it, `#…`).
pub fn to_another_page(flags: flag::Bits) -> bool {
    flags & (flag::IN_LINK | flag::HASH_LINK) == flag::IN_LINK
}

/// The elements a line that only says when is set in: a paragraph, a box of text, a list's
/// or a description's item, a heading under the title, and the phrasing inside them
/// (`<small>`, `<span>`, `<time>`). Not links: another story's date is set in its card's.
fn asks(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Span
            | Tag::Li
            | Tag::Dd
            | Tag::Font
            | Tag::Time
            | Tag::Other
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
    )
}
