//! What an element's `class` and `id` say, read in one scan per name.
//!
//! [`crate::patterns::Names`] answers each question with its own walk over the names (some
//! 150 `contains` and word tests, the class weight splitting the names a second time). This
//! module gives the same answers from one pass over each name: one automaton finds every
//! substring needle of every table, and one trie looks each word up. The tables stay the
//! single source of the vocabulary, from which both are built on first use; names with
//! non-ASCII characters (whose Unicode lower-casing can change lengths) go through `Names`
//! itself.

use super::collect::Map;
use crate::article::RemovedKind;
use crate::patterns::{
    hash_len, is_layout_only, How, Names, Pattern, BOILERPLATE, BYLINE, CAPTION_NAMES,
    CREDIT_NAMES, INGREDIENT_NAMES, MAYBE_CANDIDATE, META_LINE, NAMESPACES, NEGATIVE, POSITIVE,
    QUOTE_NAMES, SKIP_LINK, SMALL_BOX_NAMES, STATE_PREFIXES, UNLIKELY, VISUALLY_HIDDEN,
};
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// What the collect pass asks about an element's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameFacts {
    pub empty: bool,
    pub positive: bool,
    pub boilerplate: Option<RemovedKind>,
    pub unlikely: bool,
    pub meta_line: bool,
    pub byline: bool,
    pub skip: bool,
    pub credit: bool,
    /// Named as a caption, by its last caption or credit word (see [`CAPTION_NAMES`]).
    pub caption: bool,
    /// Named as a quote (`pull-quote`, `quote-author`): an author named in it is the
    /// speaker's, not the article's.
    pub quote: bool,
    /// Named as a recipe's ingredients (see [`INGREDIENT_NAMES`]).
    pub ingredients: bool,
    /// The class names text for screen readers alone (see [`VISUALLY_HIDDEN`]).
    pub visually_hidden: bool,
    /// Named as furniture while small (see [`SMALL_BOX_NAMES`]).
    pub small_box: bool,
    pub class_weight: i8,
}

/// Readings of class tokens over one page. Pages build their `class` attributes from a few
/// hundred tokens (`flex`, `mt-4`, `article__body`) in ever new combinations: looking a token
/// up costs a fraction of reading it.
#[derive(Default)]
pub struct ClassTokens {
    parts: TokenParts,
    /// Whole `class` attributes with non-ASCII characters, which [`NameFacts::by_names`]
    /// reads at many times an ASCII token's cost: pages that use such names repeat them.
    unicode: Map<String, NameFacts>,
}

/// Distinct class tokens remembered per page; the cap bounds memory on a page where every
/// token differs.
const CLASS_TOKENS_MAX: usize = 4096;

/// Distinct class tokens a page is given room for at its first (see [`TokenParts::insert`]).
const TOKENS_AT_ONCE: usize = 512;

/// Each class token's reading, the tokens' bytes kept end to end in one string. A map keyed
/// by `String` allocated once per distinct token, and freed each one at the page's end: on
/// pages of a few hundred tokens that was 1 % of the whole pass's instructions.
#[derive(Default)]
struct TokenParts {
    text: String,
    /// Where each token is in `text`, and its reading.
    table: hashbrown::HashTable<(u32, u32, Part)>,
    hasher: foldhash::fast::RandomState,
}

impl TokenParts {
    fn get(&self, token: &str) -> Option<Part> {
        let hash = self.hasher.hash_one(token);
        self.table
            .find(hash, |&(at, len, _)| {
                &self.text[at as usize..(at + len) as usize] == token
            })
            .map(|&(_, _, part)| part)
    }

    fn len(&self) -> usize {
        self.table.len()
    }

    /// Adds a token not in the table.
    fn insert(&mut self, token: &str, part: Part) {
        // Offsets are `u32`: a page's tokens past 4 GiB are read again instead of kept.
        let (Ok(end), Ok(len)) = (
            u32::try_from(self.text.len() + token.len()),
            u32::try_from(token.len()),
        ) else {
            return;
        };
        let at = end - len;
        if self.text.is_empty() {
            // A page holds a few hundred distinct tokens: room for them at once spares
            // rehashing every token read so far at each doubling.
            self.text.reserve(4096);
            self.table.reserve(TOKENS_AT_ONCE, |_| 0);
        }
        self.text.push_str(token);
        let (text, hasher) = (&self.text, &self.hasher);
        self.table
            .insert_unique(hasher.hash_one(token), (at, len, part), |&(at, len, _)| {
                hasher.hash_one(&text[at as usize..(at + len) as usize])
            });
    }
}

impl NameFacts {
    pub fn new(class: Option<&str>, id: Option<&str>) -> NameFacts {
        NameFacts::read(class, id, &mut ClassTokens::default())
    }

    /// Like [`NameFacts::new`], with the class tokens read earlier on the page remembered.
    pub fn read(class: Option<&str>, id: Option<&str>, tokens: &mut ClassTokens) -> NameFacts {
        let ascii = |p: Option<&str>| p.is_none_or(str::is_ascii);
        if !(ascii(class) && ascii(id)) {
            let Some(class) = class.filter(|_| id.is_none()) else {
                return NameFacts::by_names(class, id);
            };
            if let Some(facts) = tokens.unicode.get(class) {
                return *facts;
            }
            let facts = NameFacts::by_names(Some(class), None);
            if tokens.unicode.len() < CLASS_TOKENS_MAX {
                tokens.unicode.insert(class.to_string(), facts);
            }
            return facts;
        }
        let m = matcher();
        let c = class.map(|p| m.class_part(p, tokens));
        let i = id.map(|p| m.part(p));
        let both = c.unwrap_or_default().and(i.unwrap_or_default());
        let hits = both.hits;
        // The class weight is the one answer that counts each name on its own.
        let weight = |p: Option<Part>| {
            p.map_or(0, |p| {
                i32::from(p.hits & POS != 0) * 25 - i32::from(p.hits & NEG != 0) * 25
            })
        };
        NameFacts {
            empty: class.is_none_or(str::is_empty) && id.is_none_or(str::is_empty),
            positive: hits & POS != 0,
            boilerplate: (both.boilerplate != NO_PATTERN)
                .then(|| BOILERPLATE[usize::from(both.boilerplate)].1),
            unlikely: hits & UNL != 0 && hits & MAYBE == 0,
            meta_line: both.meta_line,
            byline: hits & BYL != 0,
            skip: hits & SKP != 0,
            credit: hits & CRD != 0 && hits & CAP == 0,
            caption: hits & CAP != 0,
            quote: hits & QTE != 0,
            ingredients: hits & ING != 0,
            visually_hidden: c.is_some_and(|c| c.hits & VIS != 0),
            small_box: hits & SMB != 0,
            class_weight: (weight(c) + weight(i)) as i8,
        }
    }

    /// The reference reading, question by question.
    fn by_names(class: Option<&str>, id: Option<&str>) -> NameFacts {
        let names = Names::new(class, id);
        NameFacts {
            empty: names.is_empty(),
            positive: names.any(POSITIVE),
            boilerplate: names.boilerplate(),
            unlikely: names.is_unlikely(),
            meta_line: names.is_meta_line(),
            byline: names.any(BYLINE),
            skip: names.any(SKIP_LINK),
            credit: names.is_credit(),
            caption: names.is_caption(),
            quote: names.any(QUOTE_NAMES),
            ingredients: names.any(INGREDIENT_NAMES),
            visually_hidden: class.is_some_and(|c| Names::new(Some(c), None).any(VISUALLY_HIDDEN)),
            small_box: names.any(SMALL_BOX_NAMES),
            class_weight: Names::class_weight(class, id) as i8,
        }
    }
}

/// Bits for the tables read with [`Names::any`].
type Hits = u16;
const UNL: Hits = 1;
const MAYBE: Hits = 2;
const POS: Hits = 4;
const NEG: Hits = 8;
const BYL: Hits = 16;
const SKP: Hits = 32;
/// Set in a name's answers only for a token whose last credit or caption word is a credit
/// word (see [`Names::is_credit`]), or a caption word.
const CRD: Hits = 64;
const CAP: Hits = 128;
const QTE: Hits = 256;
const ING: Hits = 512;
const VIS: Hits = 1024;
const SMB: Hits = 2048;

/// The answers for one name (`class` or `id`): a substring cannot span the space `Names`
/// joins them with (no needle has a space), so the element's answers combine its names'.
#[derive(Clone, Copy)]
struct Part {
    /// Tables with a match.
    hits: Hits,
    /// Index in [`BOILERPLATE`] of the first pattern a name word matches, or [`NO_PATTERN`].
    boilerplate: u16,
    meta_line: bool,
}

impl Default for Part {
    fn default() -> Part {
        Part {
            hits: 0,
            boilerplate: NO_PATTERN,
            meta_line: false,
        }
    }
}

impl Part {
    /// The answers for two names read together (as `Names` joins them with a space).
    fn and(self, other: Part) -> Part {
        Part {
            hits: self.hits | other.hits,
            // The first pattern in table order, whichever name matched it.
            boilerplate: self.boilerplate.min(other.boilerplate),
            meta_line: self.meta_line || other.meta_line,
        }
    }
}

struct Matcher {
    /// Every substring needle of the tables, found in one pass over a name.
    substrings: Substrings,
    /// Every word and word-prefix pattern, and the state words, looked up in one walk a word.
    words: Words,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(Matcher::new)
}

impl Matcher {
    fn new() -> Matcher {
        let tables: [(&[Pattern], Hits); 10] = [
            (VISUALLY_HIDDEN, VIS),
            (UNLIKELY, UNL),
            (MAYBE_CANDIDATE, MAYBE),
            (POSITIVE, POS),
            (NEGATIVE, NEG),
            (BYLINE, BYL),
            (SKIP_LINK, SKP),
            (QUOTE_NAMES, QTE),
            (INGREDIENT_NAMES, ING),
            (SMALL_BOX_NAMES, SMB),
        ];
        let mut needles: Vec<(&'static [u8], Hits)> = Vec::new();
        let mut words = WordsBuilder::default();
        for (patterns, bit) in tables {
            for p in patterns {
                let needle = p.needle.as_bytes();
                match p.how {
                    How::Substring => needles.push((needle, bit)),
                    How::Word => words.at(needle).word.hits |= bit,
                    How::WordPrefix => words.at(needle).prefix.hits |= bit,
                }
            }
        }
        for s in STATE_PREFIXES {
            words.at(s.as_bytes()).word.state = true;
        }
        for n in NAMESPACES {
            words.at(n.as_bytes()).word.namespace = true;
        }
        for p in META_LINE {
            words.at(p.needle.as_bytes()).word.meta_line = true;
        }
        for p in CREDIT_NAMES {
            words.at(p.needle.as_bytes()).word.hits |= CRD;
        }
        for p in CAPTION_NAMES {
            words.at(p.needle.as_bytes()).word.hits |= CAP;
        }
        // In table order, so each word keeps the first pattern that names it.
        for (k, (p, _)) in BOILERPLATE.iter().enumerate() {
            let node = words.at(p.needle.as_bytes());
            let facts = match p.how {
                How::WordPrefix => &mut node.prefix,
                _ => &mut node.word,
            };
            facts.boilerplate = facts.boilerplate.min(k as u16);
        }
        Matcher {
            substrings: Substrings::new(&needles),
            words: words.build(),
        }
    }

    /// Reads an ASCII `class` token by token: a substring needle cannot span whitespace either,
    /// and each token's words are read on their own (see [`Matcher::part`]).
    fn class_part(&self, class: &str, tokens: &mut ClassTokens) -> Part {
        let mut part = Part::default();
        for token in class.split_ascii_whitespace() {
            let t = match tokens.parts.get(token) {
                Some(t) => t,
                None => {
                    let t = if is_layout_only(token) {
                        Part::default()
                    } else {
                        self.part(token)
                    };
                    if tokens.parts.len() < CLASS_TOKENS_MAX {
                        tokens.parts.insert(token, t);
                    }
                    t
                }
            };
            part = part.and(t);
        }
        part
    }

    /// Reads one ASCII name.
    fn part(&self, name: &str) -> Part {
        let raw = name.as_bytes();
        let mut part = Part {
            hits: self.substrings.find(raw),
            ..Part::default()
        };
        let mut start = 0;
        while start < raw.len() {
            // One whitespace-separated token; words after a state word describe a state.
            if raw[start].is_ascii_whitespace() {
                start += 1;
                continue;
            }
            let end = raw[start..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(raw.len(), |p| start + p);
            let mut naming = true;
            let mut count = 0;
            // The token's last credit or caption word, as `CRD` or `CAP`.
            let mut last = 0;
            // A namespace's own reading, which counts only if the token is that word alone.
            let mut held = None;
            for_each_word(&raw[start..end], |from, to| {
                let (word, prefix) = self.words.read(&raw[start + from..start + to]);
                part.hits |= (word.hits | prefix.hits) & !(CRD | CAP);
                if word.hits & (CRD | CAP) != 0 {
                    last = word.hits & (CRD | CAP);
                }
                count += 1;
                if !naming || word.state {
                    naming = false;
                    return;
                }
                let boilerplate = word.boilerplate.min(prefix.boilerplate);
                if count == 1 && word.namespace {
                    held = Some((word.meta_line, boilerplate));
                    return;
                }
                part.meta_line |= word.meta_line;
                part.boilerplate = part.boilerplate.min(boilerplate);
            });
            if let (1, Some((meta_line, boilerplate))) = (count, held) {
                part.meta_line |= meta_line;
                part.boilerplate = part.boilerplate.min(boilerplate);
            }
            part.hits |= last;
            start = end;
        }
        part
    }
}

/// The substring needles as one automaton (Aho-Corasick, made deterministic): a name is read
/// once, a byte a step, and each state names the tables of every needle that ends there.
///
/// Written here rather than taken from the `aho-corasick` crate, which would add about 37 KB
/// gzipped to the WebAssembly module (measured with a module that only builds and runs it),
/// more than the room left under the 300 KB budget; the few hundred needles need none of its
/// engines but this one. Trying each needle that starts with the two bytes at each position,
/// as before, cost about 1,600 instructions a name and a tenth of the whole pass's mispredicted
/// branches.
struct Substrings {
    /// Each byte's column (see [`columns`]); bytes no needle holds lead back to the start.
    column: [u8; 256],
    columns: usize,
    /// `next[state * columns + column]`: the state after reading a byte. State 0 is the start.
    next: Vec<u16>,
    /// The tables of the needles that end at each state (its own and those of its suffixes).
    found: Vec<Hits>,
}

impl Substrings {
    fn new(needles: &[(&[u8], Hits)]) -> Substrings {
        let mut trie = Trie::of(needles.iter().map(|(n, _)| *n));
        let mut found = Vec::new();
        for &(needle, bits) in needles {
            let state = trie.insert(needle);
            found.resize(trie.nodes, 0);
            found[state] |= bits;
        }
        found.resize(trie.nodes, 0);
        let Trie {
            column,
            columns,
            mut next,
            ..
        } = trie;
        // Breadth first, each state's missing edges become those of its longest proper suffix
        // in the trie (`fallback`), already complete because it is shallower.
        let mut fallback = vec![0usize; found.len()];
        let mut queue = std::collections::VecDeque::new();
        queue.extend(
            next[..columns]
                .iter()
                .filter(|&&child| child != 0)
                .map(|&c| c as usize),
        );
        while let Some(state) = queue.pop_front() {
            found[state] |= found[fallback[state]];
            for c in 0..columns {
                let at = state * columns + c;
                let via_fallback = next[fallback[state] * columns + c];
                if next[at] == 0 {
                    next[at] = via_fallback;
                } else {
                    let child = next[at] as usize;
                    fallback[child] = via_fallback as usize;
                    queue.push_back(child);
                }
            }
        }
        Substrings {
            column,
            columns,
            next,
            found,
        }
    }

    /// The tables with a needle somewhere in `name` (ASCII, any case).
    #[inline]
    fn find(&self, name: &[u8]) -> Hits {
        let mut state = 0;
        let mut hits = 0;
        for &b in name {
            state = self.next[state * self.columns + self.column[b as usize] as usize] as usize;
            hits |= self.found[state];
        }
        hits
    }
}

/// The columns of the automata's tables: one per byte the needles hold, upper-case letters
/// sharing their lower-case letter's (needles are lower-case; a test checks), and column 0
/// for every other byte. Reading names through it spares lower-casing a copy of each.
fn columns<'a>(needles: impl Iterator<Item = &'a [u8]>) -> ([u8; 256], usize) {
    let mut column = [0u8; 256];
    let mut columns = 1;
    for needle in needles {
        for &b in needle {
            if column[b as usize] == 0 {
                column[b as usize] = columns as u8;
                columns += 1;
            }
        }
    }
    for upper in b'A'..=b'Z' {
        column[upper as usize] = column[upper.to_ascii_lowercase() as usize];
    }
    (column, columns)
}

/// No pattern: sorts after every index of [`BOILERPLATE`].
const NO_PATTERN: u16 = u16::MAX;

/// What a word pattern, or a word-prefix pattern, says of a word it matches.
#[derive(Clone, Copy)]
struct WordFacts {
    /// Tables with the pattern.
    hits: Hits,
    /// The first [`BOILERPLATE`] pattern among them, or [`NO_PATTERN`].
    boilerplate: u16,
    /// A [`STATE_PREFIXES`] word (never a prefix).
    state: bool,
    /// A [`META_LINE`] word (never a prefix).
    meta_line: bool,
    /// A [`NAMESPACES`] word (never a prefix).
    namespace: bool,
}

impl Default for WordFacts {
    fn default() -> WordFacts {
        WordFacts {
            hits: 0,
            boilerplate: NO_PATTERN,
            state: false,
            meta_line: false,
            namespace: false,
        }
    }
}

impl WordFacts {
    fn and(self, other: WordFacts) -> WordFacts {
        WordFacts {
            hits: self.hits | other.hits,
            boilerplate: self.boilerplate.min(other.boilerplate),
            state: self.state || other.state,
            meta_line: self.meta_line || other.meta_line,
            namespace: self.namespace || other.namespace,
        }
    }
}

/// A trie node: the patterns that are the word spelled to it, and those that start with it.
#[derive(Clone, Copy, Default)]
struct WordNode {
    word: WordFacts,
    prefix: WordFacts,
}

/// The word patterns as a trie: a word is read once, a byte a step, instead of being compared
/// with each pattern that starts with its first letter and with each state and meta-line word.
struct Words {
    trie: Trie,
    nodes: Vec<WordNode>,
}

#[derive(Default)]
struct WordsBuilder {
    needles: Vec<(&'static [u8], WordNode)>,
}

impl WordsBuilder {
    /// The node of `needle`, added if it is new: what the patterns say is set on it.
    fn at(&mut self, needle: &'static [u8]) -> &mut WordNode {
        let k = match self.needles.iter().position(|(n, _)| *n == needle) {
            Some(k) => k,
            None => {
                self.needles.push((needle, WordNode::default()));
                self.needles.len() - 1
            }
        };
        &mut self.needles[k].1
    }

    fn build(self) -> Words {
        let mut trie = Trie::of(self.needles.iter().map(|(n, _)| *n));
        let mut nodes = Vec::new();
        for (needle, facts) in self.needles {
            let node = trie.insert(needle);
            nodes.resize(trie.nodes, WordNode::default());
            nodes[node] = facts;
        }
        nodes.resize(trie.nodes, WordNode::default());
        Words { trie, nodes }
    }
}

/// A trie of needles over [`columns`]: both automata start as one.
struct Trie {
    column: [u8; 256],
    columns: usize,
    /// `next[node * columns + column]`: the child, or 0 for none (the root is no one's child).
    next: Vec<u16>,
    nodes: usize,
}

impl Trie {
    /// An empty trie over the bytes of `needles`.
    fn of<'a>(needles: impl Iterator<Item = &'a [u8]>) -> Trie {
        let (column, columns) = columns(needles);
        Trie {
            column,
            columns,
            next: vec![0; columns],
            nodes: 1,
        }
    }

    /// The node `needle` ends at, added with the nodes on the way that were missing.
    fn insert(&mut self, needle: &[u8]) -> usize {
        let mut node = 0;
        for &b in needle {
            let at = node * self.columns + self.column[b as usize] as usize;
            if self.next[at] == 0 {
                self.next[at] = u16::try_from(self.nodes).expect("the tables fit in u16 nodes");
                self.next.extend(std::iter::repeat_n(0, self.columns));
                self.nodes += 1;
            }
            node = self.next[at] as usize;
        }
        node
    }
}

impl Words {
    /// What the patterns equal to `word` (ASCII letters, any case) say, and what those it
    /// starts with say.
    #[inline]
    fn read(&self, word: &[u8]) -> (WordFacts, WordFacts) {
        let mut node = 0;
        let mut prefix = WordFacts::default();
        let trie = &self.trie;
        for &b in word {
            // Column 0, the bytes no pattern holds, has no edges: it leads to 0 and out.
            node = trie.next[node * trie.columns + trie.column[b as usize] as usize] as usize;
            if node == 0 {
                return (WordFacts::default(), prefix);
            }
            prefix = prefix.and(self.nodes[node].prefix);
        }
        (self.nodes[node].word, prefix)
    }
}

/// Calls `f(from, to)` for each word of an ASCII token, split as `patterns::split_words`
/// splits: at anything not a letter, and before an upper-case letter that follows a
/// lower-case one; letters after a digit that are all hexadecimal (a hash's) are no word, nor
/// are the letters of a run that is a hash whole (see [`hash_len`]).
fn for_each_word(token: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut i = 0;
    while i < token.len() {
        if !token[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let run = i;
        let end = token[i..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .map_or(token.len(), |p| i + p);
        i = end;
        let after_digit = run > 0 && token[run - 1].is_ascii_digit();
        if after_digit && token[run..end].iter().all(u8::is_ascii_hexdigit) {
            continue;
        }
        // A hash's letters after its first digit go by the test above; its first letters are
        // asked here, and only when a digit follows them (few words).
        let opens_run = run == 0 || !token[run - 1].is_ascii_alphanumeric();
        if token.get(end).is_some_and(u8::is_ascii_digit)
            && opens_run
            && hash_len(&token[run..]).is_some()
        {
            continue;
        }
        let mut from = run;
        for k in run + 1..end {
            if token[k].is_ascii_uppercase() && token[k - 1].is_ascii_lowercase() {
                f(from, k);
                from = k;
            }
        }
        f(from, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every needle of every table, in the shapes pages give them, alone and in pairs.
    fn samples() -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let tables: [&[Pattern]; 10] = [
            UNLIKELY,
            MAYBE_CANDIDATE,
            POSITIVE,
            NEGATIVE,
            BYLINE,
            META_LINE,
            SKIP_LINK,
            CREDIT_NAMES,
            CAPTION_NAMES,
            INGREDIENT_NAMES,
        ];
        for t in tables {
            words.extend(t.iter().map(|p| p.needle.to_string()));
        }
        words.extend(BOILERPLATE.iter().map(|(p, _)| p.needle.to_string()));
        words.extend(STATE_PREFIXES.iter().map(|s| s.to_string()));
        words.extend(
            [
                "shareholders",
                "x",
                "",
                "Ab",
                "CMS",
                "café-sidebar",
                "İcomment",
            ]
            .map(String::from),
        );
        let mut out = Vec::new();
        for w in &words {
            let cap = w
                .chars()
                .enumerate()
                .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
                .collect::<String>();
            out.push(w.clone());
            out.push(w.to_uppercase());
            out.push(format!("top{cap}Bar_2"));
            out.push(format!("{w}-x {w}s"));
            out.push(format!("has-{w} {w}ing"));
            out.push(format!("x{w}x"));
        }
        let n = words.len();
        for (i, a) in words.iter().enumerate() {
            let b = &words[(i * 7 + 3) % n];
            out.push(format!("{a}-{b}"));
            out.push(format!("  {a}\t{b}  "));
            out.push(format!("{b}--is-{a}"));
        }
        out
    }

    #[test]
    fn one_scan_answers_as_the_patterns_do() {
        let names = samples();
        let parts: Vec<Option<&str>> = std::iter::once(None)
            .chain(names.iter().map(|s| Some(s.as_str())))
            .collect();
        // Remembered over all the samples, as over a page.
        let mut tokens = ClassTokens::default();
        for (k, class) in parts.iter().enumerate() {
            for id in [None, Some(""), parts[(k * 13 + 5) % parts.len()]] {
                let expected = NameFacts::by_names(*class, id);
                let why = format!("class {class:?} id {id:?}");
                assert_eq!(NameFacts::new(*class, id), expected, "{why}");
                // Twice: the second answer comes from what the first remembered.
                assert_eq!(NameFacts::read(*class, id, &mut tokens), expected, "{why}");
                assert_eq!(NameFacts::read(*class, id, &mut tokens), expected, "{why}");
            }
        }
    }

    /// A name that says both credit and caption reads as its last such word says.
    #[test]
    fn a_credit_is_named_by_the_last_word() {
        for (class, credit) in [
            ("o-credit__attribution", true),
            ("caption-credit", true),
            ("imageCredit", true),
            ("photo-credit", true),
            ("credit-caption", false),
            ("c-lead-media__caption o-credit__caption", false),
            ("caption-credit credit-caption", false),
            ("creditcard", false),
            ("attributions", false),
        ] {
            assert_eq!(NameFacts::new(Some(class), None).credit, credit, "{class}");
            assert_eq!(
                NameFacts::by_names(Some(class), None).credit,
                credit,
                "{class}"
            );
        }
    }

    /// The automaton against the plain reading, on needles that overlap in every way the
    /// tables' words may come to: one inside another, one ending where another starts, one a
    /// suffix of another's beginning, the same needle in two tables.
    #[test]
    fn substrings_find_what_contains_finds() {
        let needles: [(&[u8], Hits); 11] = [
            (b"he", 1),
            (b"she", 2),
            (b"his", 4),
            (b"hers", 8),
            (b"comment", 16),
            (b"men", 32),
            (b"ent", 64),
            (b"nav-bar", 128),
            (b"-b", 1),
            (b"av", 2),
            (b"he", 4),
        ];
        let automaton = Substrings::new(&needles);
        let alphabet = b"ehisrcomntav-b_x";
        let mut random = super::super::pseudo_random(7);
        for _ in 0..20_000 {
            let len = random(14);
            let name: Vec<u8> = (0..len).map(|_| alphabet[random(alphabet.len())]).collect();
            let expected = needles
                .iter()
                .filter(|(n, _)| name.windows(n.len()).any(|w| w == *n))
                .fold(0, |hits, (_, bits)| hits | bits);
            let shown = String::from_utf8_lossy(&name);
            assert_eq!(automaton.find(&name), expected, "{shown}");
        }
    }

    #[test]
    fn needles_are_words_without_spaces() {
        let tables: [&[Pattern]; 7] = [
            UNLIKELY,
            MAYBE_CANDIDATE,
            POSITIVE,
            NEGATIVE,
            BYLINE,
            QUOTE_NAMES,
            INGREDIENT_NAMES,
        ];
        let boilerplate = BOILERPLATE.iter().map(|(p, _)| p);
        for p in tables.iter().flat_map(|t| t.iter()).chain(boilerplate) {
            assert!(!p.needle.is_empty(), "an empty needle");
            // A single letter found anywhere would mark nearly every name.
            let two = p.how != How::Substring || p.needle.len() >= 2;
            assert!(two, "a substring needle under two bytes: {}", p.needle);
            // Class tokens are read one by one, so a needle spanning a space would never match.
            assert!(!p.needle.contains(char::is_whitespace), "{}", p.needle);
        }
        // The automata fold a name's case into their columns instead of lower-casing it.
        let meta = META_LINE.iter().map(|p| p.needle);
        let state = STATE_PREFIXES.iter().copied();
        let all = tables.iter().flat_map(|t| t.iter()).map(|p| p.needle);
        let all = all.chain(BOILERPLATE.iter().map(|(p, _)| p.needle));
        for needle in all.chain(meta).chain(state) {
            let lower = needle.bytes().all(|b| !b.is_ascii_uppercase());
            assert!(lower, "a needle with upper-case letters: {needle}");
        }
    }
}
