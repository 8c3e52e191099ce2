//! What an element's `class` and `id` say, read in one scan per name.
//!
//! [`crate::patterns::Names`] answers each question with its own walk over the names (some
//! 150 `contains` and word tests, the class weight splitting the names a second time). This
//! module gives the same answers from one pass over each name: every substring needle of
//! every table is tried at each position through an index by its first two bytes, and each
//! word is looked up once. The tables stay the single source of the vocabulary; names with
//! non-ASCII characters (whose Unicode lower-casing can change lengths) go through `Names`
//! itself.

use super::collect::Map;
use crate::article::RemovedKind;
use crate::patterns::{
    How, Names, Pattern, BOILERPLATE, BYLINE, MAYBE_CANDIDATE, META_LINE, NEGATIVE, POSITIVE,
    STATE_PREFIXES, UNLIKELY,
};
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
    pub class_weight: i8,
}

/// Readings of class tokens over one page. Pages build their `class` attributes from a few
/// hundred tokens (`flex`, `mt-4`, `article__body`) in ever new combinations: looking a token
/// up costs a fraction of reading it.
#[derive(Default)]
pub struct ClassTokens {
    parts: Map<String, Part>,
    /// Whole `class` attributes with non-ASCII characters, which [`NameFacts::by_names`]
    /// reads at many times an ASCII token's cost: pages that use such names repeat them.
    unicode: Map<String, NameFacts>,
    /// Room for a token's lower-cased copy while it is read.
    scratch: Vec<u8>,
}

/// Distinct class tokens remembered per page; the cap bounds memory on a page where every
/// token differs.
const CLASS_TOKENS_MAX: usize = 4096;

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
        let i = id.map(|p| m.part(p, &mut tokens.scratch));
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
            boilerplate: both.boilerplate.map(|k| BOILERPLATE[k as usize].1),
            unlikely: hits & UNL != 0 && hits & MAYBE == 0,
            meta_line: both.meta_line,
            byline: hits & BYL != 0,
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
            class_weight: Names::class_weight(class, id) as i8,
        }
    }
}

/// Bits for the tables read with [`Names::any`].
const UNL: u8 = 1;
const MAYBE: u8 = 2;
const POS: u8 = 4;
const NEG: u8 = 8;
const BYL: u8 = 16;

/// The answers for one name (`class` or `id`): a substring cannot span the space `Names`
/// joins them with (no needle has a space), so the element's answers combine its names'.
#[derive(Clone, Copy, Default)]
struct Part {
    /// Tables with a match.
    hits: u8,
    /// Index in [`BOILERPLATE`] of the first pattern a name word matches.
    boilerplate: Option<u16>,
    meta_line: bool,
}

impl Part {
    /// The answers for two names read together (as `Names` joins them with a space).
    fn and(self, other: Part) -> Part {
        Part {
            hits: self.hits | other.hits,
            // The first pattern in table order, whichever name matched it.
            boilerplate: match (self.boilerplate, other.boilerplate) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
            meta_line: self.meta_line || other.meta_line,
        }
    }
}

struct Matcher {
    /// Substring needles and the tables they are in, listed by their first two bytes (see
    /// [`pair`]): at most positions of a name no needle starts with the two bytes there.
    needles: Vec<(&'static [u8], u8)>,
    by_pair: Vec<Vec<u16>>,
    /// Word and word-prefix patterns of the same tables, listed by first byte.
    words_by_first: Vec<Vec<(&'static [u8], How, u8)>>,
    /// [`BOILERPLATE`] indices by the needle's first byte, in table order.
    boilerplate_by_first: Vec<Vec<u16>>,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(Matcher::new)
}

impl Matcher {
    fn new() -> Matcher {
        let tables: [(&[Pattern], u8); 5] = [
            (UNLIKELY, UNL),
            (MAYBE_CANDIDATE, MAYBE),
            (POSITIVE, POS),
            (NEGATIVE, NEG),
            (BYLINE, BYL),
        ];
        // Needles are never empty (a test checks), so each has a first byte.
        let mut needles: Vec<(&'static [u8], u8)> = Vec::new();
        let mut words_by_first = vec![Vec::new(); 256];
        for (patterns, bit) in tables {
            for p in patterns {
                if p.how != How::Substring {
                    let needle = p.needle.as_bytes();
                    words_by_first[needle[0] as usize].push((needle, p.how, bit));
                } else if let Some(n) = needles.iter_mut().find(|(n, _)| *n == p.needle.as_bytes())
                {
                    n.1 |= bit;
                } else {
                    needles.push((p.needle.as_bytes(), bit));
                }
            }
        }
        // Substring needles are at least two bytes long (a test checks).
        let mut by_pair = vec![Vec::new(); PAIRS];
        for (k, (n, _)) in needles.iter().enumerate() {
            by_pair[pair(n[0], n[1])].push(k as u16);
        }
        let mut boilerplate_by_first = vec![Vec::new(); 256];
        for (k, (p, _)) in BOILERPLATE.iter().enumerate() {
            boilerplate_by_first[p.needle.as_bytes()[0] as usize].push(k as u16);
        }
        Matcher {
            needles,
            by_pair,
            words_by_first,
            boilerplate_by_first,
        }
    }

    /// Reads an ASCII `class` token by token: a substring needle cannot span whitespace either,
    /// and each token's words are read on their own (see [`Matcher::part`]).
    fn class_part(&self, class: &str, tokens: &mut ClassTokens) -> Part {
        let mut part = Part::default();
        for token in class.split_ascii_whitespace() {
            let t = match tokens.parts.get(token) {
                Some(&t) => t,
                None => {
                    let t = self.part(token, &mut tokens.scratch);
                    if tokens.parts.len() < CLASS_TOKENS_MAX {
                        tokens.parts.insert(token.to_string(), t);
                    }
                    t
                }
            };
            part = part.and(t);
        }
        part
    }

    /// Reads one ASCII name. `buf` is scratch space for its lower-cased copy.
    fn part(&self, name: &str, buf: &mut Vec<u8>) -> Part {
        buf.clear();
        buf.extend(name.bytes().map(|b| b.to_ascii_lowercase()));
        let lower = buf.as_slice();
        let mut hits = 0u8;
        for (i, two) in lower.windows(2).enumerate() {
            let rest = &lower[i..];
            for &k in &self.by_pair[pair(two[0], two[1])] {
                let (needle, bits) = self.needles[k as usize];
                // A needle whose tables all matched already has nothing to add. Candidates mostly
                // differ from the name within a byte or two: comparing byte by byte stops there,
                // where a slice comparison calls `memcmp` first.
                let found =
                    || rest.len() >= needle.len() && needle.iter().zip(rest).all(|(n, r)| n == r);
                if hits & bits != bits && found() {
                    hits |= bits;
                }
            }
        }
        let mut part = Part {
            hits,
            boilerplate: None,
            meta_line: false,
        };
        let raw = name.as_bytes();
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
            for_each_word(&raw[start..end], |from, to| {
                let word = &lower[start + from..start + to];
                self.word(word, &mut part, &mut naming);
            });
            start = end;
        }
        part
    }

    fn word(&self, word: &[u8], part: &mut Part, naming: &mut bool) {
        for &(needle, how, bit) in &self.words_by_first[word[0] as usize] {
            let hit = match how {
                How::WordPrefix => word.starts_with(needle),
                _ => word == needle,
            };
            if hit {
                part.hits |= bit;
            }
        }
        if !*naming || STATE_PREFIXES.iter().any(|s| s.as_bytes() == word) {
            *naming = false;
            return;
        }
        if !part.meta_line {
            part.meta_line = META_LINE.iter().any(|p| p.needle.as_bytes() == word);
        }
        let first = self.boilerplate_by_first[word[0] as usize]
            .iter()
            .find(|&&k| {
                let (p, _) = &BOILERPLATE[k as usize];
                match p.how {
                    How::WordPrefix => word.starts_with(p.needle.as_bytes()),
                    _ => word == p.needle.as_bytes(),
                }
            });
        if let Some(&k) = first {
            part.boilerplate = Some(part.boilerplate.map_or(k, |b| b.min(k)));
        }
    }
}

/// Buckets of [`pair`]: a letter, `-` or anything else, for each of two bytes.
const PAIRS: usize = 28 * 28;

/// The bucket of two neighbouring lower-case bytes. Needles are words with hyphens, so
/// letters and `-` get buckets of their own; other bytes share one, which only costs a
/// comparison that fails.
fn pair(a: u8, b: u8) -> usize {
    let class = |c: u8| match c {
        b'a'..=b'z' => usize::from(c - b'a') + 1,
        b'-' => 27,
        _ => 0,
    };
    class(a) * 28 + class(b)
}

/// Calls `f(from, to)` for each word of an ASCII token, split as `patterns::split_words`
/// splits: at anything not a letter, and before an upper-case letter that follows a
/// lower-case one.
fn for_each_word(token: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut from = None;
    let mut prev_lower = false;
    for (i, &b) in token.iter().enumerate() {
        if !b.is_ascii_alphabetic() {
            if let Some(s) = from.take() {
                f(s, i);
            }
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase() && prev_lower {
            if let Some(s) = from.take() {
                f(s, i);
            }
        }
        from.get_or_insert(i);
        prev_lower = b.is_ascii_lowercase();
    }
    if let Some(s) = from {
        f(s, token.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every needle of every table, in the shapes pages give them, alone and in pairs.
    fn samples() -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let tables: [&[Pattern]; 7] = [
            UNLIKELY,
            MAYBE_CANDIDATE,
            POSITIVE,
            NEGATIVE,
            BYLINE,
            META_LINE,
            &[],
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

    #[test]
    fn needles_are_words_without_spaces() {
        let tables: [&[Pattern]; 5] = [UNLIKELY, MAYBE_CANDIDATE, POSITIVE, NEGATIVE, BYLINE];
        let boilerplate = BOILERPLATE.iter().map(|(p, _)| p);
        for p in tables.iter().flat_map(|t| t.iter()).chain(boilerplate) {
            assert!(!p.needle.is_empty(), "an empty needle");
            let two = p.how != How::Substring || p.needle.len() >= 2;
            assert!(two, "a substring needle under two bytes: {}", p.needle);
            assert!(!p.needle.contains(char::is_whitespace), "{}", p.needle);
        }
    }
}
