//! The extraction pipeline: collect → score → emit. See the crate docs for the design.

pub mod collect;
pub mod emit;
pub mod names;
pub mod score;
pub mod stream;
pub mod tree;

use crate::metadata;
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
    let mut collected = stream::stream(html, mem, &marks, Collector::new())?.out;

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
    let resolved = metadata::resolve(&collected.meta, &headings);
    let title = resolved.title.clone().unwrap_or_default();

    let plan = score::plan(&collected, &title).ok_or(Error::NoArticle)?;

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
    let range = article_range(&collected, &plan.actions, html.len());
    let meta = std::mem::take(&mut collected.meta);
    drop(collected);
    let emitter = emit(html, range, plan.actions, base.clone(), options)?;
    let text = emitter.text.finish();
    if text.trim().is_empty() {
        return Err(Error::NoArticle);
    }
    let word_count = count_words(&text);
    let excerpt = resolved.excerpt.clone().or_else(|| {
        let first = text.split("\n\n").find(|p| p.chars().count() > 40)?;
        Some(clip_chars(first, EXCERPT_CHARS))
    });
    let lead_image = resolved
        .image
        .as_deref()
        .and_then(absolute)
        .or(emitter.first_image.clone());
    let canonical = meta
        .canonical
        .as_deref()
        .and_then(absolute)
        .or_else(|| page_url.as_ref().map(|u| u.as_str().to_string()));

    Ok(Article {
        title: resolved.title,
        byline: resolved
            .byline
            .and_then(|b| metadata::clean_byline(&b))
            .or_else(|| plan.byline.and_then(|b| metadata::clean_byline(&b))),
        published: resolved.published,
        site_name: resolved.site_name,
        lang: meta.lang.clone(),
        dir: plan.dir.or(meta.dir.clone()),
        excerpt,
        lead_image,
        url: canonical,
        content_html: emitter.html,
        text,
        word_count,
        reading_minutes: word_count.div_ceil(WORDS_PER_MINUTE).max(1) as u32,
        removed: plan.removed,
    })
}

/// The emit pass: over the article's part of the page when there is one (see
/// [`article_range`]) and the pass there reads as the full pass did, else over all of it.
fn emit(
    html: &str,
    range: Option<stream::Resume>,
    actions: Vec<score::Action>,
    base: Option<Url>,
    options: &Options,
) -> Result<Emitter, Error> {
    let mem = options.max_memory_bytes;
    if let Some(range) = range {
        let reserve = range.end - range.start;
        let emitter = Emitter::new(actions.clone(), base.clone(), options.keep_images, reserve);
        if let Some(emitter) = stream::stream_range(html, range, mem, &[], emitter)? {
            return Ok(emitter);
        }
    }
    stream::stream(
        html,
        mem,
        &[],
        Emitter::new(actions, base, options.keep_images, html.len()),
    )
}

/// The part of the page the emit pass needs to read: from the first root's start tag to
/// where the last root ended. Only everything the emitter writes lies inside the roots, and
/// before the first root it has nothing to do. `None` when the pass must read the whole page:
/// roots at different depths (a site rule), the first inside `<svg>`/`<math>` (lol_html's
/// namespace state would not be resumed), or a page too long for `u32` offsets.
fn article_range(
    c: &collect::Collected,
    actions: &[score::Action],
    len: usize,
) -> Option<stream::Resume> {
    let mut roots = actions
        .iter()
        .enumerate()
        .filter(|(_, a)| **a == score::Action::Root)
        .map(|(i, _)| i);
    let first = roots.next()?;
    let nodes = &c.nodes;
    let parent = nodes[first].parent;
    let mut last = first;
    for r in roots {
        if nodes[r].parent != parent {
            return None;
        }
        last = r;
    }
    if u32::try_from(len).is_err() || nodes[first].flags & flag::FOREIGN != 0 {
        return None;
    }
    let mut open = Vec::new();
    let mut p = parent;
    while p != tree::NONE {
        let tag = nodes[p as usize].tag;
        if matches!(tag, Tag::Svg | Tag::Math) {
            return None;
        }
        open.push(tree::Open { node: p, tag });
        p = nodes[p as usize].parent;
    }
    open.reverse();
    let start = c.starts[first];
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
    Some(stream::Resume {
        start: start as usize,
        end: end as usize,
        first_node: first as u32,
        open,
        expect,
    })
}

/// Compiles a user's site rule into selector marks, refusing what lol_html cannot match.
fn site_marks(options: &Options) -> Result<Vec<(Selector, u32)>, Error> {
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

/// Words for reading time: whitespace-separated runs, with each CJK ideograph or kana
/// counted as a word (those scripts do not separate words with spaces).
pub fn count_words(text: &str) -> usize {
    let mut count = 0;
    for run in text.split_whitespace() {
        let mut in_word = false;
        for c in run.chars() {
            if is_cjk(c) {
                count += 1;
                in_word = false;
            } else if !in_word {
                count += 1;
                in_word = true;
            }
        }
    }
    count
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
        ];
        let options = Options::default();
        for page in pages {
            let collected = stream::stream(&page, 1 << 24, &[], Collector::new())
                .unwrap()
                .out;
            let plan = score::plan(&collected, "").expect("an article");
            let range = article_range(&collected, &plan.actions, page.len());
            let part = emit(&page, range, plan.actions.clone(), None, &options);
            let whole = emit(&page, None, plan.actions, None, &options);
            let (part, whole) = (part.unwrap(), whole.unwrap());
            assert_eq!(part.html, whole.html, "{page}");
            assert_eq!(part.text.finish(), whole.text.finish(), "{page}");
        }
    }
}
