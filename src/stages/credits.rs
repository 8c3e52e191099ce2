//! Picture credits and source lines: which short elements are only a credit line ("Foto:
//! dpa", "(© AFP / Jane Doe)", "Quelle: Reuters", see `patterns::CREDIT_LABELS`), found while
//! the collect pass streams.
//!
//! Every caption part and paragraph is asked, so this keeps no text: the first bytes of each
//! open element's text decide whether a label leads it, and past them it only counts. A copy
//! of each element's text start, decoded and whitespace-collapsed at its end, cost the whole
//! collect pass 40 % more instructions.

use super::tree::Tag;
use crate::patterns::{credit, credit_could_lead as could_lead, Credit};

/// Elements this long or longer (whitespace-normalised characters) are never credit lines: a
/// credit names a photographer or an agency, and a caption that starts with one and goes on
/// to describe the picture is kept whole.
const MAX_LEN: u32 = 80;
/// How many nested elements are asked at once: one inside more than this many others is the
/// innermost of a stack of wrappers and is asked itself. Each piece of text then costs a few
/// steps however deeply a page nests its elements.
const DEPTH: usize = 8;
/// Bytes of an element's text start kept to find a label in: the longest label, after an
/// opening bracket and with an accent written as an entity (`Cr&eacute;dits photo`), fits.
const HEAD: usize = 32;
/// Whitespace around a credit inside a wrapper: a wrapper holding this little more than its
/// credit lines holds nothing else.
const SLACK: u32 = 2;

/// The elements a caption or a paragraph is made of. Not headings, list items or links, whose
/// short text starting "Photos:" titles a gallery rather than credits a picture.
pub fn asks(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P | Tag::Figcaption | Tag::Span | Tag::Div | Tag::Font | Tag::Other
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Too little text so far to tell, and the element is open.
    Undecided,
    Credit(Credit),
    No,
}

#[derive(Clone, Copy)]
struct Probe {
    node: u32,
    state: State,
    /// Bytes in its slot of `CreditProbes::heads` while `Undecided`.
    head_len: usize,
    /// `CreditProbes::total` when it started: its text's length is the growth since.
    start: u64,
    /// How much of its text is in credit lines inside it.
    credited: u32,
    /// It is inside a `<figure>`, where a label's bare word opening it makes it a credit.
    in_figure: bool,
}

const EMPTY: Probe = Probe {
    node: u32::MAX,
    state: State::No,
    head_len: 0,
    start: 0,
    credited: 0,
    in_figure: false,
};

/// The open elements being asked, innermost last: a ring of [`DEPTH`] slots, written in place
/// because one is opened for most elements of the page.
pub struct CreditProbes {
    probes: [Probe; DEPTH],
    /// The start of each slot's text, whitespace collapsed, while `Undecided`.
    heads: [[u8; HEAD]; DEPTH],
    /// The slot of the outermost, and how many are open.
    first: usize,
    count: usize,
    /// Whitespace-normalised length of all text so far: one sum instead of one per element.
    total: u64,
    /// How many open are `Undecided`: most of the time none, and text passes them by.
    undecided: usize,
    /// Of which with a head begun.
    begun: usize,
    /// The last text so far ended in an opening bracket: an element opened now sits inside
    /// brackets its parent writes ("(<span>Source: X</span>)"), and leaving it out as a
    /// credit would leave "()" behind.
    bracketed: bool,
}

impl Default for CreditProbes {
    fn default() -> Self {
        CreditProbes {
            probes: [EMPTY; DEPTH],
            heads: [[0; HEAD]; DEPTH],
            first: 0,
            count: 0,
            total: 0,
            undecided: 0,
            begun: 0,
            bracketed: false,
        }
    }
}

impl CreditProbes {
    fn slot(&self, k: usize) -> usize {
        (self.first + k) % DEPTH
    }

    /// Counts `p` in (`by` = 1) or out (`by` = -1) of `undecided` and `begun`.
    fn tally(&mut self, p: &Probe, by: isize) {
        if p.state == State::Undecided {
            self.undecided = self.undecided.wrapping_add_signed(by);
            if p.head_len > 0 {
                self.begun = self.begun.wrapping_add_signed(by);
            }
        }
    }

    /// `node` has started, and [`asks`] its tag or is `named` as a credit (which its length
    /// alone then decides). `in_figure`: it is inside a `<figure>`.
    pub fn open(&mut self, node: u32, named: bool, in_figure: bool) {
        if self.count == DEPTH {
            let outermost = self.probes[self.first];
            self.tally(&outermost, -1);
            self.first = self.slot(1);
            self.count -= 1;
        }
        let slot = self.slot(self.count);
        let probe = Probe {
            node,
            state: if self.bracketed {
                State::No
            } else if named {
                State::Credit(Credit::Line)
            } else {
                State::Undecided
            },
            head_len: 0,
            start: self.total,
            credited: 0,
            in_figure,
        };
        self.probes[slot] = probe;
        self.count += 1;
        self.tally(&probe, 1);
    }

    /// A piece of text inside whatever is open; `len` is its whitespace-normalised length.
    /// `blank`: it is whitespace only.
    pub fn text(&mut self, text: &str, len: u32, blank: bool) {
        self.total += u64::from(len);
        if !blank {
            self.bracketed = text.trim_end().ends_with(['(', '[']);
        }
        // The whitespace between tags matters only inside a head begun, which is rare: most
        // elements are decided at their first words.
        if self.undecided == 0 || (blank && self.begun == 0) {
            return;
        }
        for k in 0..self.count {
            let slot = self.slot(k);
            let mut probe = self.probes[slot];
            if probe.state == State::Undecided {
                self.tally(&probe, -1);
                read_head(&mut probe, &mut self.heads[slot], text);
                self.tally(&probe, 1);
                self.probes[slot] = probe;
            }
        }
    }

    /// `node` has ended: whether it is a credit line.
    pub fn end(&mut self, node: u32) -> bool {
        if self.count == 0 {
            return false;
        }
        let slot = self.slot(self.count - 1);
        let mut p = self.probes[slot];
        if p.node != node {
            return false;
        }
        self.count -= 1;
        self.tally(&p, -1);
        if p.state == State::Undecided {
            decide(&mut p, &self.heads[slot]);
        }
        let len = u32::try_from(self.total - p.start).unwrap_or(u32::MAX);
        // Past a credit line inside it, a wrapper that holds more is the caption ("© Getty
        // Images", then "Pangolin"): the credit line alone goes.
        let more = p.credited > 0 && len > p.credited.saturating_add(SLACK);
        let kind = match p.state {
            State::Credit(kind) if len < MAX_LEN && !more => Some(kind),
            _ => None,
        };
        if self.count > 0 {
            let slot = self.slot(self.count - 1);
            let mut outer = self.probes[slot];
            // A label on its own ("Bild:") leaves the wrapper that holds the name to be the
            // credit line.
            outer.credited = outer.credited.saturating_add(match kind {
                Some(Credit::Line) => len,
                _ => p.credited,
            });
            // So does a label's bare word, set apart for screen readers, which runs into the
            // name in the wrapper's text ("<span>Credit</span>Kevin Frayer/Getty Images"),
            // where a picture's credit is: in its figure. (Elsewhere "<b>Photo</b> of the
            // day" is a sentence.)
            let opens_it = p.start - outer.start <= u64::from(SLACK);
            if kind == Some(Credit::Word)
                && opens_it
                && outer.in_figure
                && outer.state == State::Undecided
            {
                self.tally(&outer, -1);
                outer.state = State::Credit(Credit::Line);
                self.tally(&outer, 1);
            }
            self.probes[slot] = outer;
        }
        matches!(kind, Some(Credit::Line | Credit::Label))
    }
}

/// Adds `text` to an undecided probe's head, and decides once the head is full or the text
/// cannot start a label.
fn read_head(probe: &mut Probe, head: &mut [u8; HEAD], text: &str) {
    let text = if probe.head_len == 0 {
        let text = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let lead = text.trim_start_matches(['(', '[']).as_bytes();
        // Most text starts with none of the labels' first two bytes: decided at once.
        match lead {
            [] => return,
            [a] if !could_lead(*a, None) => {
                probe.state = State::No;
                return;
            }
            [a, b, ..] if !could_lead(*a, Some(*b)) => {
                probe.state = State::No;
                return;
            }
            _ => text,
        }
    } else {
        text
    };
    for c in text.chars() {
        let space = c.is_ascii_whitespace();
        if space && head[probe.head_len - 1] == b' ' {
            continue;
        }
        let c = if space { ' ' } else { c };
        if probe.head_len + c.len_utf8() > HEAD {
            decide(probe, head);
            return;
        }
        c.encode_utf8(&mut head[probe.head_len..]);
        probe.head_len += c.len_utf8();
    }
}

fn decide(probe: &mut Probe, head: &[u8; HEAD]) {
    let head = std::str::from_utf8(&head[..probe.head_len]).unwrap_or_default();
    // The head's whitespace is collapsed already; only an entity (`&copy;`) needs decoding.
    let found = if head.contains('&') {
        credit(&super::collect::capture_text(head))
    } else {
        credit(head)
    };
    probe.state = found.map_or(State::No, State::Credit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::CREDIT_LABELS;

    /// The quick filter lets every label through, upper-cased or not.
    #[test]
    fn every_label_may_lead() {
        for label in CREDIT_LABELS {
            for label in [label.to_string(), label.to_uppercase()] {
                let b = label.as_bytes();
                assert!(could_lead(b[0], Some(b[1])), "{label}");
                assert!(could_lead(b[0], None), "{label}");
            }
        }
    }

    /// Text split anywhere, and wrappers nested deeper than the ring, read as whole text does.
    #[test]
    fn split_text_and_deep_wrappers() {
        let mut p = CreditProbes::default();
        for node in 0..20 {
            p.open(node, false, false);
        }
        for piece in ["  (", "F", "oto", " :", " dpa)"] {
            let len = piece.split_whitespace().map(str::len).sum::<usize>() as u32;
            p.text(piece, len, piece.trim().is_empty());
        }
        assert!(p.end(19));
        assert!(p.end(18));
        assert!(!p.end(5), "not the innermost open");
        let mut p = CreditProbes::default();
        p.open(1, false, false);
        p.text("Photographs by the harbour, taken at dawn", 40, false);
        assert!(!p.end(1));
    }
}
