//! What lies between the start tags lol_html reports: text, end tags, comments.
//!
//! The passes subscribe lol_html to start tags only. Text and end-tag handlers cost more
//! than everything the collect pass does with them: lol_html decodes every text piece into a
//! buffer and ends each text node with an extra empty piece, allocates four boxes per element
//! for an end-tag handler, and must run its full tokeniser where its tag scanner would do
//! (measured on the corpus: an empty-handler pass takes 291 M instructions with text and
//! end-tag handlers, 174 M without). The stretch between two start tags holds nothing but
//! text, end tags, comments, doctypes and CDATA sections, so it is read here instead, by
//! the HTML tokeniser's rules for those few states, already as UTF-8 slices of the page.
//!
//! What decides those states is mirrored from lol_html, not from the HTML standard's tree
//! builder, so the passes see what lol_html's handlers reported: [`Namespaces`] is
//! lol_html's tree-builder simulator (which start tags switch the tokeniser to raw text,
//! where CDATA sections are allowed), [`OpenNames`] its open-element stack (which element an
//! end tag ends: the nearest open one of the same name, ignoring implied end tags). The
//! stream's tests check the events against lol_html's own handlers on every corpus page, on
//! tricky markup and on generated token soup. One difference is on purpose: after a raw-text
//! start tag that ends in an attribute with no value (`<title a=>`), lol_html's full
//! tokeniser reads data; its tag scanner, which now runs there, reads the raw text as the
//! standard says, and so does this.

use super::stream::ends_tag_name;
use super::tree::Tag;
use lol_html::html_content::TextType;

/// The tokeniser state a stretch starts in: set by the start tag before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Data,
    /// `<title>`, `<textarea>`: text up to the element's end tag.
    RcData,
    /// `<style>`, `<iframe>`, `<xmp>`, `<noembed>`, `<noframes>`, `<noscript>`.
    RawText,
    /// `<script>`: raw text whose end tag is skipped inside `<!-- <script> … -->`.
    Script,
    /// `<plaintext>`: the rest of the page is text.
    PlainText,
}

impl Mode {
    /// How lol_html labels the text of a raw text state (`None` for data).
    pub fn label(self) -> Option<TextType> {
        match self {
            Mode::Data => None,
            Mode::RcData => Some(TextType::RCData),
            Mode::RawText => Some(TextType::RawText),
            Mode::Script => Some(TextType::ScriptData),
            Mode::PlainText => Some(TextType::PlainText),
        }
    }
}

/// What a stretch holds, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A whole text node (the tokeniser's text between two other tokens).
    Text(&'a str, TextType),
    /// An end tag: its offset in the stretch's text and its name as written.
    End(usize, &'a [u8]),
}

/// Which HTML parsing namespace lol_html's tree-builder simulator is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// lol_html's `TreeBuilderSimulator`, rule for rule (lol_html 3.0.3,
/// `parser/tree_builder_simulator/mod.rs`): a stack of namespaces entered at `<svg>`,
/// `<math>` and integration points, left at their end tags and at the HTML tags that break
/// out of foreign content.
pub struct Namespaces {
    stack: Vec<Ns>,
    current: Ns,
}

impl Default for Namespaces {
    fn default() -> Self {
        Namespaces {
            stack: vec![Ns::Html],
            current: Ns::Html,
        }
    }
}

/// Start tags that leave SVG or MathML for HTML (lol_html's `causes_foreign_content_exit`).
const FOREIGN_EXITS: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];
/// SVG elements whose content is HTML.
const SVG_HTML_POINTS: &[&[u8]] = &[b"desc", b"title", b"foreignobject"];
/// MathML elements whose content is HTML text.
const MATHML_TEXT_POINTS: &[&[u8]] = &[b"mi", b"mo", b"mn", b"ms", b"mtext"];

fn is(name: &[u8], lower: &[u8]) -> bool {
    name.eq_ignore_ascii_case(lower)
}

fn is_one_of(name: &[u8], names: &[&[u8]]) -> bool {
    names.iter().any(|n| is(name, n))
}

impl Namespaces {
    /// A start tag named `name`: what the tokeniser reads after it. `attr` looks an attribute
    /// up by name (lowercase); `foreign` is the namespace lol_html gave the element, which
    /// the simulator's own answer is checked against.
    pub fn start<'v>(
        &mut self,
        tag: Tag,
        name: &[u8],
        self_closing: bool,
        attr: impl Fn(&str) -> Option<&'v str>,
        foreign: bool,
    ) -> Mode {
        let mut mode = Mode::Data;
        if tag == Tag::Svg {
            self.enter(Ns::Svg);
        } else if tag == Tag::Math {
            self.enter(Ns::MathMl);
        } else if self.current != Ns::Html {
            if is_one_of(name, FOREIGN_EXITS) {
                self.leave();
            } else if (self.current == Ns::Svg && is_one_of(name, SVG_HTML_POINTS))
                || (self.current == Ns::MathMl && is_one_of(name, MATHML_TEXT_POINTS))
            {
                if !self_closing {
                    self.enter(Ns::Html);
                }
            } else if is(name, b"font") {
                if ["color", "size", "face"].iter().any(|a| attr(a).is_some()) {
                    self.leave();
                }
            } else if self.current == Ns::MathMl && !self_closing && is(name, b"annotation-xml") {
                let html = attr("encoding").is_some_and(|e| {
                    e.eq_ignore_ascii_case("text/html")
                        || e.eq_ignore_ascii_case("application/xhtml+xml")
                });
                if html {
                    self.enter(Ns::Html);
                }
            }
        } else {
            mode = text_mode(tag, name);
        }
        // lol_html names the element's namespace after this very simulation; were the two
        // ever to part, its answer is the one the page was read by.
        if foreign != (self.current != Ns::Html) {
            self.current = match (foreign, self.stack.last()) {
                (false, _) => Ns::Html,
                (true, Some(&ns)) if ns != Ns::Html => ns,
                (true, _) => Ns::Svg,
            };
        }
        mode
    }

    /// An end tag named `name`.
    pub fn end(&mut self, name: &[u8]) {
        if self.current == Ns::Html {
            let Some(&prev) = self
                .stack
                .len()
                .checked_sub(2)
                .and_then(|i| self.stack.get(i))
            else {
                return;
            };
            if (prev == Ns::MathMl && is_one_of(name, MATHML_TEXT_POINTS))
                || (prev == Ns::Svg && is_one_of(name, SVG_HTML_POINTS))
                || (prev == Ns::MathMl && is(name, b"annotation-xml"))
            {
                self.leave();
            }
        } else if (self.current == Ns::Svg && is(name, b"svg"))
            || (self.current == Ns::MathMl && is(name, b"math"))
            || is(name, b"p")
            || is(name, b"br")
        {
            self.leave();
        }
    }

    /// Whether `<![CDATA[` opens a CDATA section (else it is a bogus comment).
    pub fn cdata_allowed(&self) -> bool {
        self.current != Ns::Html
    }

    fn enter(&mut self, ns: Ns) {
        self.stack.push(ns);
        self.current = ns;
    }

    fn leave(&mut self) {
        self.stack.pop();
        if let Some(&ns) = self.stack.last() {
            self.current = ns;
        }
    }
}

/// The tokeniser state an HTML start tag switches to (lol_html's
/// `get_text_type_adjustment`): by its [`Tag`], asked of every element, and by name for the
/// few old ones `Tag` does not know.
fn text_mode(tag: Tag, name: &[u8]) -> Mode {
    match tag {
        Tag::Title | Tag::Textarea => Mode::RcData,
        Tag::Script => Mode::Script,
        Tag::Style | Tag::Iframe | Tag::Noscript => Mode::RawText,
        Tag::Other if is(name, b"plaintext") => Mode::PlainText,
        Tag::Other if is_one_of(name, &[b"xmp", b"noembed", b"noframes"]) => Mode::RawText,
        _ => Mode::Data,
    }
}

/// lol_html's open-element stack (`selectors_vm::Stack`): every element that can have
/// content, by name. An end tag ends the nearest open element of its name and everything
/// opened after it; one whose name is not open ends nothing.
///
/// An end tag whose name is not open (common on broken pages) must be refused without a walk
/// down the whole stack, which would make a page of unclosed elements quadratic. The first
/// [`SHALLOW`] places are walked, a bounded cost; below them, where only deep pages reach,
/// `deep` counts the names. (Counting every element's name cost 2 % of the collect pass in
/// hashing, for stacks that are nearly always shallower.)
#[derive(Default)]
pub struct OpenNames {
    stack: Vec<(u32, Name)>,
    /// How many open elements below the first [`SHALLOW`] have each name. Exact, so that no
    /// name a page chooses can make a walk find nothing. At most one entry per element of the
    /// page, like the collect pass's own node list; long names leave when no element of
    /// theirs is open.
    deep: foldhash::HashMap<Name, u32>,
}

/// How deep the stack is walked to find out whether a name is open at all.
const SHALLOW: usize = 32;

/// A name as the stack compares it (ASCII case ignored, as lol_html does): lower-cased,
/// and packed into a word when it fits, as nearly every name does.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Name {
    Short(u64, u8),
    Long(Box<[u8]>),
}

impl Name {
    fn of(name: &[u8]) -> Name {
        if name.len() <= 8 {
            let mut word = [0u8; 8];
            for (w, b) in word.iter_mut().zip(name) {
                *w = b.to_ascii_lowercase();
            }
            Name::Short(u64::from_le_bytes(word), name.len() as u8)
        } else {
            Name::Long(name.to_ascii_lowercase().into())
        }
    }
}

impl OpenNames {
    /// Element `node`, named `name`, opens.
    pub fn push(&mut self, node: u32, name: &[u8]) {
        let name = Name::of(name);
        if self.stack.len() >= SHALLOW {
            *self.deep.entry(name.clone()).or_default() += 1;
        }
        self.stack.push((node, name));
    }

    /// An end tag named `name`: calls `ended` for each element it ends, outermost first.
    /// lol_html reports each of them, and an outer one may still be open where an inner one
    /// was already ended by an implied end tag.
    pub fn end(&mut self, name: &[u8], mut ended: impl FnMut(u32)) {
        let name = Name::of(name);
        let Self { stack, deep } = self;
        // A stack no deeper than SHALLOW is walked below as it is.
        if stack.len() > SHALLOW
            && deep.get(&name).is_none_or(|&c| c == 0)
            && !stack.iter().take(SHALLOW).any(|(_, n)| *n == name)
        {
            return;
        }
        // Every element the walk passes is ended: the walk costs what the ends do.
        let Some(at) = stack.iter().rposition(|(_, n)| *n == name) else {
            return;
        };
        for (i, (node, name)) in stack.drain(at..).enumerate() {
            if at + i >= SHALLOW {
                if let Some(count) = deep.get_mut(&name) {
                    *count -= 1;
                    // A short name's entry stays for the next element of that name (most
                    // are opened and closed again and again); a long one goes, which keeps
                    // the map from growing with names a page makes up.
                    if *count == 0 && matches!(name, Name::Long(_)) {
                        deep.remove(&name);
                    }
                }
            }
            ended(node);
        }
    }
}

/// Reads `source`, a stretch that starts in `mode` (which it updates: an end tag ends raw
/// text) and holds no start tag lol_html reports, calling `piece` for what it holds, in
/// order. `ns` decides CDATA sections and follows the end tags.
pub fn read<'a>(
    source: &'a str,
    mode: &mut Mode,
    raw_name: &[u8],
    ns: &mut Namespaces,
    mut piece: impl FnMut(Piece<'a>),
) {
    let b = source.as_bytes();
    let mut at = 0;
    if *mode == Mode::PlainText {
        if !source.is_empty() {
            piece(Piece::Text(source, TextType::PlainText));
        }
        return;
    } else if *mode != Mode::Data {
        let kind = mode.label().unwrap_or(TextType::RawText);
        let end = match *mode {
            Mode::Script => script_end(b, raw_name),
            _ => raw_end(b, 0, raw_name),
        };
        let stop = end.map_or(b.len(), |(start, _)| start);
        if stop > 0 {
            piece(Piece::Text(source.get(..stop).unwrap_or_default(), kind));
        }
        // No end tag, or the page ends inside it (which drops it).
        let Some((start, Some(tag_end))) = end else {
            return;
        };
        let name = &b[start + 2..start + 2 + raw_name.len()];
        ns.end(name);
        piece(Piece::End(start, name));
        *mode = Mode::Data;
        at = tag_end;
    }
    // Data: text up to the next construct, which ends the text node.
    let mut text_from = at;
    while let Some(lt) = memchr::memchr(b'<', &b[at..]).map(|i| at + i) {
        let Some(construct) = construct(b, lt, ns.cdata_allowed()) else {
            at = lt + 1;
            continue;
        };
        if lt > text_from {
            if let Some(t) = source.get(text_from..lt) {
                piece(Piece::Text(t, TextType::Data));
            }
        }
        at = match construct {
            Construct::End { name, end } => {
                let name = &b[name.0..name.1];
                ns.end(name);
                piece(Piece::End(lt, name));
                end
            }
            Construct::Cdata { text, end } => {
                if text.1 > text.0 {
                    if let Some(t) = source.get(text.0..text.1) {
                        piece(Piece::Text(t, TextType::CDataSection));
                    }
                }
                end
            }
            Construct::Skip { end } => end,
        };
        text_from = at;
    }
    if b.len() > text_from {
        if let Some(t) = source.get(text_from..) {
            piece(Piece::Text(t, TextType::Data));
        }
    }
}

/// A token the data state reads at a `<`, other than a start tag.
enum Construct {
    /// An end tag: its name's range and where the tag ends.
    End { name: (usize, usize), end: usize },
    /// A CDATA section (foreign content only): its text's range and where it ends.
    Cdata { text: (usize, usize), end: usize },
    /// A comment, doctype or bogus comment; or `</>`, which the tokeniser drops.
    Skip { end: usize },
}

/// What the `<` at `lt` opens in the data state; `None` when it is text. An end tag the
/// page ends inside is dropped, as the tokeniser drops it.
fn construct(b: &[u8], lt: usize, cdata: bool) -> Option<Construct> {
    let rest = &b[lt + 1..];
    let upto_gt = |from: usize| {
        memchr::memchr(b'>', &b[from.min(b.len())..]).map_or(b.len(), |i| from + i + 1)
    };
    match rest {
        [b'/', c, ..] if c.is_ascii_alphabetic() => {
            let name_start = lt + 2;
            let name_end = b[name_start..]
                .iter()
                .position(|&c| ends_tag_name(c))
                .map_or(b.len(), |i| name_start + i);
            Some(match tag_end(b, name_end) {
                Some(end) => Construct::End {
                    name: (name_start, name_end),
                    end,
                },
                None => Construct::Skip { end: b.len() },
            })
        }
        [b'/', b'>', ..] => Some(Construct::Skip { end: lt + 3 }),
        [b'/'] | [] => None,
        [b'/', ..] | [b'?', ..] => Some(Construct::Skip {
            end: upto_gt(lt + 2),
        }),
        [b'!', b'-', b'-', tail @ ..] => {
            let body = lt + 4;
            let end = match tail {
                [b'>', ..] => body + 1,
                [b'-', b'>', ..] => body + 2,
                _ => comment_end(b, body),
            };
            Some(Construct::Skip { end })
        }
        [b'!', b'[', b'C', b'D', b'A', b'T', b'A', b'[', ..] if cdata => {
            let start = lt + 9;
            let (text, end) = match memchr::memmem::find(&b[start..], b"]]>") {
                Some(i) => ((start, start + i), start + i + 3),
                None => ((start, b.len()), b.len()),
            };
            Some(Construct::Cdata { text, end })
        }
        [b'!', ..] => Some(Construct::Skip {
            end: upto_gt(lt + 2),
        }),
        // A start tag lol_html did not report: the page ends inside it, which drops it.
        [c, ..] if c.is_ascii_alphabetic() => Some(Construct::Skip { end: b.len() }),
        _ => None,
    }
}

/// Where a comment whose text starts at `from` ends: after `-->` or `--!>`, or at the end.
fn comment_end(b: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&b[at..], b"--") {
        let dashes = at + i;
        // A run of dashes may end it with its last two.
        let mut after = dashes + 2;
        while b.get(after) == Some(&b'-') {
            after += 1;
        }
        match b.get(after..) {
            Some([b'>', ..]) => return after + 1,
            Some([b'!', b'>', ..]) => return after + 2,
            Some([]) | None => return b.len(),
            _ => at = after,
        }
    }
    b.len()
}

/// Where a tag ends whose name ends at `from`: after its `>`, skipping attributes (a quoted
/// value may hold a `>`). `None` when the page ends first.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    attributes(b, from, |_, _| {})
}

/// Byte places in a tag's text: from, to.
pub type Span = (usize, usize);

/// Reads the attributes of the tag whose name ends at `from` by the tokeniser's attribute
/// states, giving `each` the places of each one's name and value (no value for an attribute
/// written without `=`), duplicates included as lol_html lists them. Returns where the tag
/// ends, after its `>`; `None` when `b` ends first.
///
/// Start tags are read here too instead of through lol_html's `Element::attributes`, which
/// builds a list for every element (an allocation and a copy of what its lexer found):
/// reading them here took the passes over every 10th corpus page from 553.0 M instructions
/// to 546.3 M, and the tape no longer keeps them.
pub fn attributes(
    b: &[u8],
    from: usize,
    mut each: impl FnMut(Span, Option<Span>),
) -> Option<usize> {
    let mut at = from;
    loop {
        // Between attributes. A `/` is passed over (before `>` it makes the tag self-closing,
        // which lol_html reports).
        while let Some(&c) = b.get(at) {
            if c == b'/' || ends_tag_name(c) && c != b'>' {
                at += 1;
            } else {
                break;
            }
        }
        if *b.get(at)? == b'>' {
            return Some(at + 1);
        }
        // A name: up to space, `/`, `>` or `=` (a leading `=` belongs to it).
        let name = at;
        at += 1;
        while let Some(&c) = b.get(at) {
            if ends_tag_name(c) || c == b'=' {
                break;
            }
            at += 1;
        }
        let name = (name, at);
        at = skip_space(b, at);
        if b.get(at) != Some(&b'=') {
            each(name, None);
            continue;
        }
        at = skip_space(b, at + 1);
        match b.get(at)? {
            &q @ (b'"' | b'\'') => {
                let value = at + 1;
                at = value + memchr::memchr(q, b.get(value..)?)?;
                each(name, Some((value, at)));
                at += 1;
            }
            b'>' => {
                each(name, Some((at, at)));
                return Some(at + 1);
            }
            _ => {
                let value = at;
                while b.get(at).is_some_and(|&c| !(ends_tag_name(c) && c != b'/')) {
                    at += 1;
                }
                each(name, Some((value, at)));
            }
        }
    }
}

/// The first position from `at` that is not whitespace.
fn skip_space(b: &[u8], mut at: usize) -> usize {
    while b
        .get(at)
        .is_some_and(|&c| ends_tag_name(c) && c != b'/' && c != b'>')
    {
        at += 1;
    }
    at
}

/// The first end tag named `name` (followed by space, `/` or `>`) at or after `from`: its
/// start and where it ends (`None` when the page ends inside it).
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<(usize, Option<usize>)> {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&b[at..], b"</") {
        let start = at + i;
        if let Some(end) = appropriate_end(b, start, name) {
            return Some((start, end));
        }
        at = start + 2;
    }
    None
}

/// Whether `b[start..]` is `</name` followed by space, `/` or `>`: `Some(Some(end))` when it
/// is, `Some(None)` when it is but the page ends inside the tag, `None` when it is not.
fn appropriate_end(b: &[u8], start: usize, name: &[u8]) -> Option<Option<usize>> {
    let name_end = start + 2 + name.len();
    let candidate = b.get(start + 2..name_end)?;
    if !candidate.eq_ignore_ascii_case(name) || !b.get(name_end).is_some_and(|&c| ends_tag_name(c))
    {
        return None;
    }
    Some(tag_end(b, name_end))
}

/// Where a script's text ends: its end tag, except inside `<!-- … -->` after a `<script`,
/// where the tokeniser's double-escaped states read `</script>` as text (HTML standard
/// 13.2.5.4–13.2.5.31).
fn script_end(b: &[u8], name: &[u8]) -> Option<(usize, Option<usize>)> {
    #[derive(PartialEq)]
    enum S {
        Plain,
        Escaped,
        Double,
    }
    let mut state = S::Plain;
    let mut at = 0;
    while at < b.len() {
        // Dashes matter only inside an escape; scripts are long and full of them.
        let next = match state {
            S::Plain => memchr::memchr(b'<', &b[at..]),
            _ => memchr::memchr2(b'<', b'-', &b[at..]),
        };
        let Some(i) = next else {
            break;
        };
        at += i;
        if b[at] == b'-' {
            // `-->` ends an escape (or a double escape) back to plain script data.
            if state != S::Plain {
                let mut after = at;
                while b.get(after) == Some(&b'-') {
                    after += 1;
                }
                if after - at >= 2 && b.get(after) == Some(&b'>') {
                    state = S::Plain;
                    at = after + 1;
                } else {
                    at = after;
                }
            } else {
                at += 1;
            }
            continue;
        }
        match (&state, b.get(at + 1)) {
            (S::Plain, Some(b'!')) if b.get(at + 2..at + 4) == Some(b"--") => {
                state = S::Escaped;
                // The two dashes may also close at once: `<!-->`.
                at += 2;
            }
            (S::Plain | S::Escaped, Some(b'/')) => {
                if let Some(end) = appropriate_end(b, at, name) {
                    return Some((at, end));
                }
                at += 2;
            }
            (S::Escaped, Some(c)) if c.is_ascii_alphabetic() => {
                if is_script_word(b, at + 1) {
                    state = S::Double;
                }
                at += 1;
            }
            (S::Double, Some(b'/')) => {
                if is_script_word(b, at + 2) {
                    state = S::Escaped;
                }
                at += 2;
            }
            _ => at += 1,
        }
    }
    None
}

/// Whether `b[from..]` is `script` followed by space, `/` or `>` (the double-escape test).
fn is_script_word(b: &[u8], from: usize) -> bool {
    b.get(from..from + 6)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"script"))
        && b.get(from + 6).is_some_and(|&c| ends_tag_name(c))
}

#[cfg(test)]
mod tests {
    use super::{OpenNames, SHALLOW};

    /// The counts below the walked part stay exact as elements open and end at every depth:
    /// a count left behind would send an end tag of that name down the whole stack for
    /// nothing.
    #[test]
    fn deep_counts_follow_the_stack() {
        let mut names = OpenNames::default();
        let depth = 3 * SHALLOW;
        for round in 0..3 {
            for i in 0..depth {
                let name = if i % 2 == 0 {
                    "div"
                } else {
                    "a-long-custom-name"
                };
                names.push(i as u32, name.as_bytes());
            }
            // Ends the innermost few, then everything from the outermost `div` in.
            let mut ended = Vec::new();
            names.end(b"a-long-custom-name", |n| ended.push(n));
            assert_eq!(ended, [depth as u32 - 1], "round {round}");
            names.end(b"nothing-open", |n| ended.push(n));
            assert_eq!(ended.len(), 1, "round {round}");
            names.end(b"DIV", |n| ended.push(n));
            assert_eq!(ended.len(), 2, "round {round}: the innermost div");
            while names.stack.len() > 1 {
                names.end(b"div", |n| ended.push(n));
            }
            names.end(b"div", |n| ended.push(n));
            assert!(names.stack.is_empty(), "round {round}");
            assert!(names.deep.values().all(|&c| c == 0), "round {round}");
            assert_eq!(ended.len(), depth, "round {round}");
        }
    }
}
