//! The extraction pipeline: collect → score → emit. See the crate docs for the design.

pub mod between;
pub mod collect;
pub mod credits;
pub mod datelines;
pub mod emit;
pub mod lead;
pub mod names;
pub mod score;
pub mod stream;
pub mod tree;

use crate::metadata;
use crate::swar;
use crate::url::Url;
use crate::{Article, Error, Options};
use collect::{flag, Collector};
use emit::Emitter;
use lol_html::Selector;
use tree::Tag;

/// Reading speed for `reading_minutes` (words per minute of an adult reading on screen).
const WORDS_PER_MINUTE: usize = 230;
/// The excerpt falls back to the first paragraph, cut to this many characters.
const EXCERPT_CHARS: usize = 300;

/// Runs the three stages over a decoded page.
pub fn run(html: &str, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    let marks = site_marks(options)?;
    let mem = options.max_memory_bytes;
    let (collector, tape) =
        stream::stream_taping(html, mem, &marks, Collector::for_page(html.len()))?;
    let mut collected = collector.out;

    let mut resolved = resolve_metadata(&collected);
    let mut title = resolved.title.clone().unwrap_or_default();
    let mut heading = score::title_heading(&collected, &title);
    // A page the reader scrolled into a later story of: that story is read, and its byline,
    // date and address are its own, not the metadata's, which are the first story's.
    let mut stories = heading.and_then(|h| score::stories(&collected, h, &title));
    let scrolled = heading
        .zip(stories.as_ref())
        .and_then(|(h, s)| score::scrolled_to(&collected, h, s));
    if let Some(shown) = scrolled {
        if heading != Some(shown) {
            title = collected.capture(shown).unwrap_or_default();
            heading = Some(shown);
            stories = score::stories(&collected, shown, &title);
        }
        resolved = metadata::Resolved {
            title: Some(title.clone()),
            site_name: resolved.site_name,
            ..Default::default()
        };
        collected.meta.canonical = None;
    }
    let story = stories.as_ref().map(|s| s.story);
    // A page that marks no byline, in its metadata or its markup, may still name its author
    // in a line under the title ("von Daniela Obers"): that line is its byline, which the
    // plan then takes out of the text as it does a marked one, and whose date is read as a
    // marked one's is.
    let unmarked = (resolved.byline.is_none() || resolved.byline_is_site)
        && !collected.nodes.iter().any(|n| n.flags & flag::BYLINE != 0);
    let headline = heading.or_else(|| score::lone_h1(&collected));
    let by_text = headline
        .filter(|_| unmarked)
        .and_then(|h| score::byline_beside(&collected, h, story));
    if let Some(i) = by_text {
        collected.nodes[i].flags |= flag::BYLINE;
    }
    if resolved.published.is_none() {
        let canonical = collected.meta.canonical.as_deref();
        resolved.published = score::shown_date(&collected, headline, story)
            .or_else(|| url.and_then(metadata::date_in_url))
            .or_else(|| canonical.and_then(metadata::date_in_url));
    } else if let Some(utc) = resolved
        .published
        .as_deref()
        .filter(|p| metadata::in_utc(p))
    {
        // Metadata in UTC names Greenwich's day: the page's own line names its reader's.
        if let Some(local) = score::local_day(&collected, headline, story, utc) {
            resolved.published = Some(local);
        }
    }
    // One whose date could not be read stays in the text, where the reader sees the date.
    if let Some(i) = by_text {
        let dated = (collected.capture(i)).is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()));
        if dated && resolved.published.is_none() {
            collected.nodes[i].flags &= !flag::BYLINE;
        }
    }

    if !resolved.byline_is_site {
        collected.unmark_labelled_bylines();
    }
    let published = resolved.published.as_deref();
    let plan = score::plan(&collected, &title, heading, published, stories.as_ref())
        .ok_or(Error::NoArticle)?;

    let page_url = url.and_then(Url::parse);
    let base = match (&collected.meta.base_href, &page_url) {
        (Some(href), Some(page)) => page.join(href).or_else(|| Some(page.clone())),
        (Some(href), None) => Url::parse(href),
        (None, page) => page.clone(),
    };
    let absolute = |href: &str| -> Option<String> {
        let href = crate::entities::decode(href);
        match &base {
            Some(b) => b.join(href.trim()).map(|u| u.as_str().to_string()),
            None => Url::parse(&href).map(|u| u.as_str().to_string()),
        }
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    };

    // The arena is done with once the emit pass knows its range: freeing it first keeps it
    // from adding to the output's peak on a large page.
    let range = article_range(&collected, &plan.actions, html);
    // The picture a caption above the article describes is the lead picture, whatever the
    // metadata names (often the same one at another size, or a card made for sharing).
    let lead = lead::find(&collected, &plan.actions, html, absolute);
    let meta = std::mem::take(&mut collected.meta);
    let quiet = std::mem::take(&mut collected.quiet_hosts);
    drop(collected);
    let emitter = emit(
        html,
        range,
        tape,
        plan.actions,
        quiet,
        base.clone(),
        options,
    )?;
    let text = emitter.text.finish();
    if text.trim().is_empty() {
        return Err(Error::NoArticle);
    }
    let word_count = count_words(&text);
    let excerpt = resolved.excerpt.clone().or_else(|| {
        let first = text.split("\n\n").find(|p| p.chars().count() > 40)?;
        Some(clip_chars(first, EXCERPT_CHARS))
    });
    let (lead_image, lead_caption) = match lead {
        Some((src, caption)) => (Some(src), Some(caption)),
        None => (
            resolved
                .image
                .as_deref()
                .and_then(absolute)
                .or(emitter.first_image.clone()),
            None,
        ),
    };
    let canonical = meta
        .canonical
        .as_deref()
        .and_then(absolute)
        .or_else(|| page_url.as_ref().map(|u| u.as_str().to_string()));

    Ok(Article {
        title: resolved.title,
        byline: {
            let given = resolved.byline.and_then(|b| metadata::clean_byline(&b));
            let shown = plan.byline.and_then(|b| metadata::clean_byline(&b));
            if resolved.byline_is_site {
                shown.or(given)
            } else {
                given.or(shown)
            }
        },
        published: resolved.published,
        site_name: resolved.site_name,
        lang: meta.lang.clone(),
        dir: plan.dir.or(meta.dir.clone()),
        excerpt,
        lead_image,
        lead_caption,
        url: canonical,
        content_html: emitter.html,
        text,
        word_count,
        reading_minutes: word_count.div_ceil(WORDS_PER_MINUTE).max(1) as u32,
        removed: plan.removed,
    })
}

/// The emit pass: over the article's part of the page when there is one (see
/// [`article_range`]), from the start tags the collect pass kept if it kept them, else by
/// lol_html when it reads there as the full pass did; else over all of the page.
fn emit(
    html: &str,
    range: Option<stream::Resume>,
    tape: Option<stream::Tape>,
    actions: Vec<score::Action>,
    quiet: Vec<u32>,
    base: Option<Url>,
    options: &Options,
) -> Result<Emitter, Error> {
    let mem = options.max_memory_bytes;
    if let Some(range) = range {
        let reserve = range.end - range.start;
        if let Some(tape) = &tape {
            let emitter = Emitter::new(actions, quiet, base, options.keep_images, reserve);
            return Ok(stream::replay(html, tape, range, emitter));
        }
        let emitter = Emitter::new(
            actions.clone(),
            quiet.clone(),
            base.clone(),
            options.keep_images,
            reserve,
        );
        if let Some(emitter) = stream::stream_range(html, range, mem, &[], emitter)? {
            return Ok(emitter);
        }
    }
    stream::stream(
        html,
        mem,
        &[],
        Emitter::new(actions, quiet, base, options.keep_images, html.len()),
    )
}

/// The page's metadata, its title cleaned with the page's `h1`/`h2` headings.
fn resolve_metadata(collected: &collect::Collected) -> metadata::Resolved {
    let headings: Vec<(u8, String)> = collected
        .captures
        .iter()
        .filter_map(|(&node, text)| {
            let level = match collected.nodes.get(node as usize)?.tag {
                Tag::H1 => 1,
                Tag::H2 => 2,
                _ => return None,
            };
            Some((level, collect::capture_text(text)))
        })
        .collect();
    metadata::resolve(&collected.meta, &headings)
}

/// The part of the page the emit pass needs to read: from the first root's start tag to
/// where the last root ended. Only everything the emitter writes lies inside the roots, and
/// before the first root it has nothing to do. The roots need not be siblings (a standfirst
/// in the header, a site rule): whatever holds a later root and started before the range
/// holds the first one too, so the first root's ancestors are all that is open. `None` when
/// the pass must read the whole page: the first root inside `<svg>`/`<math>` (lol_html's
/// namespace state would not be resumed), a merged `<body>` open around it (its end tag would
/// find the real body's name), or a page too long for `u32` offsets. Inside the range, what
/// the emitter is known to leave out is cut (see [`cuts`]).
fn article_range(
    c: &collect::Collected,
    actions: &[score::Action],
    html: &str,
) -> Option<stream::Resume> {
    let len = html.len();
    let is_root = |a: &score::Action| *a == score::Action::Root;
    let first = actions.iter().position(is_root)?;
    let last = actions.iter().rposition(is_root).unwrap_or(first);
    let nodes = &c.nodes;
    let parent = nodes[first].parent;
    if u32::try_from(len).is_err() || nodes[first].flags & flag::FOREIGN != 0 {
        return None;
    }
    let start = c.starts[first];
    let merged_open = (0..first).any(|m| nodes[m].tag == Tag::Merged && c.ends[m] > start);
    if merged_open {
        return None;
    }
    let mut open = Vec::new();
    let mut p = parent;
    while p != tree::NONE {
        let tag = nodes[p as usize].tag;
        if matches!(tag, Tag::Svg | Tag::Math) {
            return None;
        }
        open.push((tree::Open { node: p, tag }, c.starts[p as usize]));
        p = nodes[p as usize].parent;
    }
    open.reverse();
    let end = c.ends[last];
    // Elements from `first` on whose start tag lies before the end of the range.
    let count = c.starts[first..].partition_point(|&s| s < end);
    let expect = (first..first + count)
        .map(|i| stream::Seen {
            start: c.starts[i],
            parent: nodes[i].parent,
            foreign: nodes[i].flags & flag::FOREIGN != 0,
        })
        .collect();
    let cuts = cuts(c, actions, html, first..first + count, parent);
    Some(stream::Resume {
        start: start as usize,
        end: end as usize,
        first_node: first as u32,
        open,
        expect,
        cuts,
    })
}

/// What the emitter will do with an element, as far as the plan alone tells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Between roots: nothing in it is written.
    Outside,
    /// Left out with everything in it.
    Skipped,
    /// Written or unwrapped, or left out by the sanitiser, which only the emitter knows.
    Read,
    /// A `<noscript>` in the article and everything in it: the emitter reads its text.
    Noscript,
}

/// The elements of the emit range (`nodes`, all of them from the first root on) that the
/// emitter would read only to leave out, with all they hold, where lol_html can be spared
/// them (see [`stream::Cut`]): the plan drops them, or they lie between roots. Not cut: one
/// that implicitly closed another when it started, one without its own end tag `</name>`,
/// one in `<svg>`/`<math>`, and one holding a `<picture>` (whose start and end the emitter
/// minds even when it leaves them out). `parent`: the first root's parent.
fn cuts(
    c: &collect::Collected,
    actions: &[score::Action],
    html: &str,
    nodes: std::ops::Range<usize>,
    parent: u32,
) -> Vec<stream::Cut> {
    use score::Action;
    let first = nodes.start;
    let starts = &c.starts[nodes.clone()];
    // Whether an element's start tag implied the end of another: a cut would leave that one
    // open. Those it could have ended were open just before it, below its parent: the
    // element before it and that one's ancestors up to its parent. Each element is on that
    // walk once (for the element right after all it holds), so the walks take linear time.
    let closes_another = |k: usize| {
        let (i, at) = (first + k, starts[k]);
        let Some(mut p) = i.checked_sub(1) else {
            return false;
        };
        while p >= first && p < i && p as u32 != c.nodes[i].parent {
            if c.ends[p] == at {
                return true;
            }
            p = c.nodes[p].parent as usize;
        }
        false
    };
    let mut fates: Vec<Fate> = Vec::with_capacity(nodes.len());
    for i in nodes.clone() {
        let node = &c.nodes[i];
        let parent_fate = if node.parent == parent {
            None
        } else {
            let p = (node.parent as usize).checked_sub(first);
            Some(
                p.and_then(|p| fates.get(p))
                    .copied()
                    .unwrap_or(Fate::Noscript),
            )
        };
        fates.push(match parent_fate {
            // A root whose parent is not the first root's: wherever it stands, it is read.
            _ if actions[i] == Action::Root && parent_fate != Some(Fate::Skipped) => Fate::Read,
            None | Some(Fate::Outside) => Fate::Outside,
            Some(Fate::Skipped) => Fate::Skipped,
            Some(Fate::Noscript) => Fate::Noscript,
            Some(Fate::Read) if node.tag == Tag::Noscript => Fate::Noscript,
            Some(Fate::Read) if actions[i] == Action::Drop => Fate::Skipped,
            Some(Fate::Read) => Fate::Read,
        });
    }
    // How many roots come before each element of the range, and after the last.
    let roots_before: Vec<u32> = std::iter::once(0)
        .chain(actions[nodes.clone()].iter().scan(0u32, |n, a| {
            *n += u32::from(*a == Action::Root);
            Some(*n)
        }))
        .collect();
    let mut cuts = Vec::new();
    let mut k = 0;
    while k < nodes.len() {
        let i = first + k;
        // A merged `<body>` spans what belongs to its parent: not one to cut whole.
        let cut = matches!(fates[k], Fate::Outside | Fate::Skipped)
            && !closes_another(k)
            && c.nodes[i].flags & collect::flag::FOREIGN == 0
            && c.nodes[i].tag != Tag::Merged;
        let end = if cut { own_end_tag(c, html, i) } else { None };
        let Some(end) = end.filter(|&end| end - starts[k] as usize >= stream::CUT_MIN) else {
            k += 1;
            continue;
        };
        // Everything that started before its end tag is inside it.
        let held = starts[k..].partition_point(|&s| (s as usize) < end);
        // An element outside the article may still hold a root further on: a body split
        // in parts (`score::Scorer::twins`).
        let holds_root = roots_before[k + held] > roots_before[k];
        if holds_root || c.nodes[i..i + held].iter().any(|n| n.tag == Tag::Picture) {
            k += 1;
            continue;
        }
        cuts.push(stream::Cut {
            start: starts[k] as usize,
            end,
            nodes: held as u32,
        });
        k += held;
    }
    cuts
}

/// Where element `i`'s end tag ends, if what ended it is its own end tag written plainly:
/// `</name>` with the name of its start tag, in any case.
fn own_end_tag(c: &collect::Collected, html: &str, i: usize) -> Option<usize> {
    let page = html.as_bytes();
    let start = c.starts[i] as usize;
    let at = c.ends[i] as usize;
    let name_len = page
        .get(start + 1..)?
        .iter()
        .position(|&b| stream::ends_tag_name(b))?;
    let name = page
        .get(start + 1..start + 1 + name_len)
        .filter(|n| !n.is_empty())?;
    let end_tag = page.get(at..at + name_len + 3)?;
    let plain = end_tag.starts_with(b"</")
        && end_tag[2..2 + name_len].eq_ignore_ascii_case(name)
        && end_tag[2 + name_len] == b'>';
    plain.then_some(at + name_len + 3)
}

/// ASCII whitespace as `char::is_whitespace` has it (which, unlike `u8::is_ascii_whitespace`,
/// includes the vertical tab): the passes tell ASCII text's whitespace by the byte.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// For tests: numbers below `n` from a xorshift generator, the same on every run.
#[cfg(test)]
fn pseudo_random(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

/// For tests: the shared corpus's pages (`None`, said on stderr, when it is absent).
#[cfg(test)]
fn corpus_pages() -> Option<Vec<std::path::PathBuf>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut pages = Vec::new();
    for (dir, file) in [
        ("readability", Some("source.html")),
        ("boilerplate/pages", None),
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            eprintln!("SKIPPED: ../shared/corpus/{dir} not found (shared corpus absent)");
            return None;
        };
        for entry in entries.flatten() {
            pages.push(match file {
                Some(f) => entry.path().join(f),
                None => entry.path(),
            });
        }
    }
    Some(pages)
}

/// Compiles a user's site rule into selector marks, refusing what lol_html cannot match.
fn site_marks(options: &Options) -> Result<Vec<(Selector, flag::Bits)>, Error> {
    let Some(rule) = &options.site_rule else {
        return Ok(Vec::new());
    };
    let compile = crate::options::check_selector;
    let mut marks = Vec::new();
    if let Some(content) = rule.content.as_deref().filter(|c| !c.trim().is_empty()) {
        marks.push((compile(content)?, flag::SITE_ROOT));
    }
    for remove in rule.remove.iter().filter(|r| !r.trim().is_empty()) {
        marks.push((compile(remove)?, flag::SITE_REMOVE));
    }
    Ok(marks)
}

/// How many words `needle` has (runs of letters and digits, case aside), when they stand one
/// after another in `haystack`, nothing between them: an anchor made from a heading's words
/// (`collect`), an author's name in the byline (`score`).
pub(crate) fn word_run(haystack: &str, needle: &str) -> Option<usize> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let needle = words(needle);
    let found = !needle.is_empty()
        && words(haystack)
            .windows(needle.len())
            .any(|run| run == needle.as_slice());
    found.then_some(needle.len())
}

/// Words for reading time: whitespace-separated runs, with each CJK ideograph or kana
/// counted as a word (those scripts do not separate words with spaces).
pub fn count_words(text: &str) -> usize {
    // ASCII (nearly all text) eight bytes at a time, the rest decoded by character:
    // `split_whitespace` decodes every character, which is slow in WebAssembly.
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        if let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|c| c.try_into().ok())
            .map(swar::word)
        {
            if w & swar::HIGH == 0 {
                // A word starts at a byte that is not whitespace after one that is.
                let text = !swar::ascii_space_mask(w) & swar::HIGH;
                let before = (text << 8) | (u64::from(in_word) << 7);
                count += (text & !before).count_ones() as usize;
                in_word = text >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (space, cjk) = if b.is_ascii() {
            i += 1;
            (is_ascii_space(b), false)
        } else {
            let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            i += c.len_utf8();
            (c.is_whitespace(), is_cjk(c))
        };
        count += usize::from(starts_word(space, cjk, &mut in_word));
    }
    count
}

/// One character of [`count_words`], whitespace or not and CJK or not: whether it starts a
/// word. `in_word`: the character before it was inside a word (a CJK character is a word of
/// its own).
fn starts_word(space: bool, cjk: bool, in_word: &mut bool) -> bool {
    let starts = !space && (cjk || !*in_word);
    *in_word = !space && !cjk;
    starts
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

fn clip_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .to_string();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article as the emit pass writes it, as (HTML, text): over the whole page, over
    /// `range` by lol_html, and over `range` from the start tags on `tape`.
    fn emit_three_ways(
        html: &str,
        range: Option<stream::Resume>,
        tape: Option<stream::Tape>,
        actions: Vec<score::Action>,
    ) -> [(String, String); 3] {
        let options = Options::default();
        let run = |range, tape, actions| {
            let e = emit(html, range, tape, actions, Vec::new(), None, &options).unwrap();
            (e.html, e.text.finish())
        };
        [
            run(None, None, actions.clone()),
            run(range.clone(), None, actions.clone()),
            run(range, tape, actions),
        ]
    }

    #[test]
    fn words_are_runs_between_spaces_and_each_cjk_character() {
        for (text, words) in [
            ("", 0),
            ("  one two\tthree\nfour\u{0B}five\r\n", 5),
            ("déjà vu, naïve café", 4),
            ("a\u{00A0}b\u{3000}c\u{2009}d", 4),
            ("日本語の文章", 6),
            ("Tokyo東京 is big", 5),
            ("한국어 text", 4),
            // Longer than a word of eight bytes, words across its edges.
            ("one two three four five six seven eight nine ten", 10),
            ("abcdefgh ijklmnop\tq  rstuvwxyz0123456789 日本 x", 7),
            ("        eight spaces first, then words", 5),
            ("wordsthatrunpasteightbytes", 1),
        ] {
            assert_eq!(count_words(text), words, "{text:?}");
        }
    }

    /// Generated texts against counting character by character.
    #[test]
    fn words_counted_eight_bytes_at_a_time_as_by_character() {
        let by_char = |text: &str| {
            let mut in_word = false;
            text.chars()
                .filter(|&c| starts_word(c.is_whitespace(), is_cjk(c), &mut in_word))
                .count()
        };
        let pieces = ["a", "bc", " ", "\t", "\n", "é", "日", "\u{A0}", "x y", "  "];
        let mut next = pseudo_random(7);
        for _ in 0..5000 {
            let len = next(40);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(count_words(&text), by_char(&text), "{text:?}");
        }
    }

    /// On every corpus page, the article's range read again from the start tags the collect
    /// pass kept writes what lol_html's pass over the range writes, and what the pass over
    /// the whole page writes.
    #[test]
    fn corpus_articles_replay_as_lol_html_reads_them() {
        let Some(pages) = corpus_pages() else {
            return;
        };
        let (mut replayed, mut apart) = (0, 0);
        for page in pages {
            let Ok(bytes) = std::fs::read(&page) else {
                continue;
            };
            let html = String::from_utf8_lossy(&bytes);
            let (collector, tape) =
                stream::stream_taping(&html, 1 << 26, &[], Collector::new()).unwrap();
            let collected = collector.out;
            let resolved = resolve_metadata(&collected);
            let title = resolved.title.unwrap_or_default();
            let heading = score::title_heading(&collected, &title);
            let published = resolved.published.as_deref();
            let Some(plan) = score::plan(&collected, &title, heading, published, None) else {
                continue;
            };
            let Some(range) = article_range(&collected, &plan.actions, &html) else {
                continue;
            };
            let first_parent = range.open.last().map(|(o, _)| o.node);
            let roots = plan.actions.iter().enumerate();
            let mut roots = roots.filter(|(_, a)| **a == score::Action::Root);
            apart +=
                usize::from(roots.any(|(i, _)| Some(collected.nodes[i].parent) != first_parent));
            let tape = tape.expect("a corpus page's tape is kept");
            let [whole, lol, taped] = emit_three_ways(&html, Some(range), Some(tape), plan.actions);
            assert_eq!(whole, lol, "{}", page.display());
            assert_eq!(lol, taped, "{}", page.display());
            replayed += 1;
        }
        assert!(replayed > 500, "{replayed} pages replayed");
        // Pages with a standfirst: roots that are not siblings.
        assert!(apart > 10, "{apart} pages with roots apart");
    }

    /// The emit pass over the article's range writes what the pass over the whole page does,
    /// including where foreign content before the article leaves lol_html's namespace state
    /// unbalanced.
    #[test]
    fn the_article_range_emits_what_the_whole_page_does() {
        let body = "<p>Paragraph one of the story, with enough words, commas, and sentences to \
                    score as prose. It goes on for a while, as stories do.</p>"
            .repeat(6);
        let pages = [
            format!("<html><body><nav><a href=/>Home</a></nav><div id=a>{body}</div><footer>f</footer>"),
            format!("<body><header><svg><title>Logo</title><path d=M0></header><div>{body}</div>"),
            format!("<body><svg><foreignObject><div>x</div></svg><div><p>a<div>{body}</div>"),
            format!("<body><svg><title><p>x</title></svg><div>{body}<svg><title>y</title></svg></div>"),
            format!("<body><math><mi><div>z</div></math><section>{body}<ul><li>a<li>b</ul>"),
            format!("<body><div><p>lead<div class=content>{body}<table><tr><td>1<td>2</table>"),
            format!("<body><div><div>{body}</div><div>{body}</div></div><p>tail"),
            // A stray `</foreignObject>` in the article takes lol_html back into the `<svg>`
            // opened before it: the range pass must notice, and the whole page be read.
            format!("<body><div><svg><foreignObject></div><div>{body}</foreignObject><abbr>x</abbr>{body}</div>"),
            // Left out inside the article, so cut from the range pass: share bars and
            // newsletter boxes, with text and entities right before and after them.
            format!("<body><div id=a>{body}<p>AT&amp<div class=share-bar><a href=/s>Share</a></div>T;</p>{body}</div>"),
            format!("<body><article>{body}<DIV class=newsletter><p>Sign up<p>now</DIV >x<div class=share><b>s</b></DIV>tail &amp; more{body}</article>"),
            // One that implicitly closes the paragraph it follows must stay.
            format!("<body><div>{body}<p>open paragraph <div class=share>s</div> after</p>{body}</div>"),
            // A <picture> left out still resets the sources a later image would take.
            format!("<body><div>{body}<picture><source srcset='a.jpg 100w'><div class=share><picture></picture></div><img src=b.jpg></picture>{body}</div>"),
            format!("<body><div>{body}<noscript><div class=share>x</div><img src=n.jpg></noscript><aside><p>aside</p></aside>{body}</div>"),
            format!("<body><div><div class=a>{body}</div><nav>menu</nav><div class=b>{body}</div><div class=social>x</div></div>"),
            format!("<body><div>{body}<p>a<script>if (a < b) {{ x('</p>') }}</script>b<svg viewBox='0 0 1 1'><path d=M0/><title>t</title></svg>c<STYLE>p {{}}</style><button>Go</button><aside>x</aside>{body}</div>"),
            format!("<body><div>{body}<svg><foreignObject><p>inside</p><aside>b</aside></foreignObject></svg><math><mi>x</mi><svg><desc>d</desc></svg></math>{body}</div>"),
            // A standfirst in the header: roots that are not siblings.
            format!("<title>Lanes approved</title><body><article><header><h1>Lanes approved</h1><p>The standfirst, long enough to lead the story, says what happened.</p><div class=share>s</div></header><div>{body}</div></article>"),
            // A pasted document's merged body around the article, and one inside it.
            format!("<title>Lanes approved</title><body><div class=entry><h1>Lanes approved</h1><p>The standfirst, long enough to lead the story, says what happened.</p><html><body><div>{body}</div></body></html><p>After the pasted part, the story goes on for a while longer.</p></div>"),
            format!("<body><div class=entry><html><body><div>{body}<p>More</p></div></body></html><div>{body}</div></div>"),
            // A body's opening apart from it (`score::Scorer::twins`): the body's wrappers,
            // outside the article beside the first root, hold the second.
            format!("<body><div class=layout><div class=story-text><p>The opening, long enough to lead the story, says what happened at the harbour this week, and who said what about it.</p><p>It goes on, as openings do, for a second paragraph.</p></div><aside class=ad><p>Ad</p></aside><section class=row><div class=container><div class=column><div class=story-text>{body}</div></div><aside class=ad>a</aside><p>Tip: ferries run hourly.</p></div></section></div>"),
        ];
        // Cuts of every length modulo a character's bytes, so that the stand-ins' padding
        // (which keeps the stretches on character boundaries) is needed.
        let pages = pages.into_iter().chain((0..4).map(|n| {
            let wide = "é€😀".repeat(n) + &"x".repeat(n);
            let lead = "日本語é😀".repeat(40);
            format!("<body><div><p>{lead}</p>{body}<p>ü{wide}<span class=share>{wide}ß</span>€<span>{wide}</span><aside>日本{wide}</aside>ö{body}</div>")
        }));
        let mut cut_pages = 0;
        for page in pages {
            let (collector, tape) =
                stream::stream_taping(&page, 1 << 24, &[], Collector::new()).unwrap();
            let collected = collector.out;
            let title = resolve_metadata(&collected).title.unwrap_or_default();
            let heading = score::title_heading(&collected, &title);
            let plan = score::plan(&collected, &title, heading, None, None).expect("an article");
            let range = article_range(&collected, &plan.actions, &page);
            cut_pages += usize::from(range.as_ref().is_some_and(|r| !r.cuts.is_empty()));
            let [whole, lol, replayed] = emit_three_ways(&page, range, tape, plan.actions);
            assert_eq!(lol, whole, "{page}");
            assert_eq!(replayed, whole, "{page}");
        }
        assert!(cut_pages >= 4, "{cut_pages} pages with cuts");
    }
}
