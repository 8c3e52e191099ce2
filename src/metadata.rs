//! Page metadata: what the collect pass saw in `<head>` and JSON-LD, and how it becomes the
//! article's title, byline, date, site name, excerpt and image.
//!
//! Precedence follows Readability.js (`_getArticleMetadata`, `_getJSONLD`,
//! `_getArticleTitle`): JSON-LD first, then Dublin Core, Open Graph, Twitter and Parse.ly
//! metas, then the `<title>` element cleaned of its site-name suffix.

use crate::entities;
use serde_json::Value;
use std::collections::HashMap;

/// Bounds on what one page may make us keep: metadata is tiny on real pages, and a hostile
/// page must not turn it into a memory sink.
const MAX_META_VALUE: usize = 4 * 1024;
const MAX_METAS: usize = 512;
const MAX_JSON_LD: usize = 1024 * 1024;

/// Raw metadata gathered while streaming.
#[derive(Debug, Default)]
pub struct RawMeta {
    pub title: String,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub base_href: Option<String>,
    pub canonical: Option<String>,
    /// meta `name`/`property` keys (lower-cased, `.` read as `:`) → last content.
    pub metas: HashMap<String, String>,
    /// The same for `itemprop`s, which answer only where `metas` does not (see
    /// [`RawMeta::add_meta`]).
    pub item_metas: HashMap<String, String>,
    pub json_ld: Vec<String>,
    json_ld_bytes: usize,
    /// The first `itemprop=datePublished` value in the body: the page's own word for its
    /// date. (A `<time>` in the article, or one marked `pubdate`, may be another story's or
    /// a comment's, and is judged where it stands: `Collected::article_times`.)
    pub body_date: Option<String>,
}

impl RawMeta {
    /// Records one `<meta>` element's keys and content.
    ///
    /// `item`: the keys are `itemprop`s. Those describe the nearest item, which in a page's
    /// body is as often a picture or a video as the article (an `ImageObject`'s `author` is
    /// the photographer), so they are kept apart and answer only where no `name` or
    /// `property` does.
    pub fn add_meta(&mut self, keys: &str, content: &str, item: bool) {
        if self.metas.len() + self.item_metas.len() >= MAX_METAS || content.trim().is_empty() {
            return;
        }
        let content = clip(content.trim(), MAX_META_VALUE);
        let metas = if item {
            &mut self.item_metas
        } else {
            &mut self.metas
        };
        for key in keys.split_ascii_whitespace() {
            let key = key.to_ascii_lowercase().replace('.', ":");
            // The last wins, as in Readability (a page's own `property` metas usually come
            // after the `name` ones its CMS emits).
            metas.insert(key, content.to_string());
        }
    }

    pub fn add_json_ld(&mut self, text: String) {
        if self.json_ld_bytes + text.len() <= MAX_JSON_LD {
            self.json_ld_bytes += text.len();
            self.json_ld.push(text);
        }
    }

    fn meta(&self, key: &str) -> Option<String> {
        [&self.metas, &self.item_metas]
            .into_iter()
            .find_map(|metas| {
                metas
                    .get(key)
                    .map(|v| normalize_space(&entities::decode_twice(v)))
                    .filter(|v| !v.is_empty())
            })
    }

    fn first_meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.meta(k))
    }

    /// The title a meta gives, by Readability's precedence.
    pub fn meta_title(&self) -> Option<String> {
        self.first_meta(&[
            "dc:title",
            "dcterm:title",
            "og:title",
            "weibo:article:title",
            "weibo:webpage:title",
            "title",
            "twitter:title",
            "parsely-title",
        ])
    }
}

/// Fields read from the first article-like JSON-LD object.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct JsonLd {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub image: Option<String>,
}

/// schema.org types that describe an article (Readability's `JSON_LD_ARTICLE_TYPES`).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// schema.org types of a page that tells a task step by step, a step often a line and its
/// picture (see `stages::score`'s `TEXT_PER_PICTURE`).
const STEP_TYPES: &[&str] = &["Recipe", "HowTo"];

fn is_type(v: &Value, types: &[&str]) -> bool {
    match v {
        Value::String(s) => types.contains(&s.as_str()),
        Value::Array(a) => a.iter().any(|v| is_type(v, types)),
        _ => false,
    }
}

/// Finds the object of one of `types` in one JSON-LD block: the block itself, an array
/// item, an item of `@graph`, or the `mainEntity` of a page (nature.com's `WebPage` whose
/// main entity is the `NewsArticle`).
fn find_typed<'v>(v: &'v Value, types: &[&str]) -> Option<&'v Value> {
    match v {
        Value::Array(items) => items.iter().find_map(|v| find_typed(v, types)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(|t| is_type(t, types)) {
                return Some(v);
            }
            map.get("@graph")
                .and_then(|v| find_typed(v, types))
                .or_else(|| map.get("mainEntity").and_then(|v| find_typed(v, types)))
        }
        _ => None,
    }
}

/// Whether the page's JSON-LD `blocks` declare a recipe or a how-to ([`STEP_TYPES`]).
pub fn declares_steps(blocks: &[String]) -> bool {
    (blocks.iter())
        .filter(|b| STEP_TYPES.iter().any(|t| b.contains(t)))
        .filter_map(|b| block_value(b))
        .any(|v| find_typed(&v, STEP_TYPES).is_some())
}

/// One JSON-LD block's value, a CDATA section's markers aside.
fn block_value(block: &str) -> Option<Value> {
    let cleaned = block
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim();
    json_of(cleaned)
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            Some(normalize_space(&entities::decode_twice(s))).filter(|s| !s.is_empty())
        }
        _ => None,
    }
}

fn names_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => string_of(Some(&Value::String(s.clone()))),
        Value::Object(map) => string_of(map.get("name")),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|i| names_of(Some(i))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn image_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(map) => image_of(map.get("url").or_else(|| map.get("contentUrl"))),
        Value::Array(items) => items.iter().find_map(|i| image_of(Some(i))),
        _ => None,
    }
}

/// Parses one JSON-LD block. A CMS that writes the article's body into `articleBody` often
/// leaves its line breaks raw, which JSON forbids inside a string; read as spaces (which is
/// what they are between tokens), the block parses. Asked only of a block that failed.
fn json_of(block: &str) -> Option<Value> {
    serde_json::from_str::<Value>(block).ok().or_else(|| {
        let raw_breaks = |c: char| matches!(c, '\n' | '\r' | '\t');
        block
            .contains(raw_breaks)
            .then(|| serde_json::from_str(&block.replace(raw_breaks, " ")).ok())?
    })
}

/// Parses the page's JSON-LD blocks; the first article-like object wins, or else the first
/// recipe or how-to (a recipe site's one block names its author and day).
/// `doc_title` decides between `name` and `headline` when they differ, as in Readability.
pub fn parse_json_ld(blocks: &[String], doc_title: &str) -> JsonLd {
    let mut others = Vec::new();
    for block in blocks {
        let Some(value) = block_value(block) else {
            continue;
        };
        if let Some(article) = find_typed(&value, ARTICLE_TYPES) {
            return read_json_ld(article, doc_title);
        }
        others.push(value);
    }
    // A recipe's name is its card's, which a blog's post titles otherwise ("Zitronenkuchen
    // vom Blech" under "Saftiger Zitronenkuchen vom Blech: einfach köstlich!"), and its
    // description the recipe's: only who wrote it, when and its picture are the page's.
    (others.iter())
        .find_map(|v| find_typed(v, STEP_TYPES))
        .map_or_else(JsonLd::default, |a| JsonLd {
            title: None,
            excerpt: None,
            ..read_json_ld(a, doc_title)
        })
}

/// What one JSON-LD object says of the article.
fn read_json_ld(article: &Value, doc_title: &str) -> JsonLd {
    let name = string_of(article.get("name"));
    let headline = string_of(article.get("headline"));
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let name_matches = text_similarity(&n, doc_title) > 0.75;
            let headline_matches = text_similarity(&h, doc_title) > 0.75;
            Some(if headline_matches && !name_matches {
                h
            } else {
                n
            })
        }
        (n, h) => n.or(h),
    };
    JsonLd {
        title,
        byline: names_of(article.get("author")),
        excerpt: string_of(article.get("description")),
        site_name: article.get("publisher").and_then(|p| names_of(Some(p))),
        published: string_of(article.get("datePublished")),
        image: image_of(article.get("image")),
    }
}

/// Metadata resolved into the article's fields.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Resolved {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Whether `byline` is the site's name (see [`SiteNames::named_by`]).
    pub byline_is_site: bool,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub image: Option<String>,
}

/// The most words of a meta title that may be a section's name instead of the story's
/// ("Pressemitteilungen", "100% Noticias").
const SECTION_NAME_MAX_WORDS: usize = 3;

/// Title words counted at least when a headline is weighed as a summary instead (see
/// `resolve`): twice as many is a sentence, not a title.
const SUMMARY_TITLE_WORDS_MIN: usize = 5;

/// Applies Readability's precedence. `headings` are the texts of the page's `h1`/`h2`
/// elements (for title cleaning).
pub fn resolve(raw: &RawMeta, headings: &[(u8, String)]) -> Resolved {
    let doc_title = article_title(&raw.title, headings);
    let ld = parse_json_ld(&raw.json_ld, &doc_title);
    // A headline that shares no word with a `<title>` the page's own `<h1>` repeats is some
    // other text: a CMS's placeholder ("escenic"), a block copied from another page.
    // (Asked once, and only of a page that gives a headline or a meta title.) An `<h1>` of
    // one word names a section or the site ("News" in "News - Eawag").
    let doc_is_h1 = std::cell::LazyCell::new(|| {
        headings.iter().any(|(level, h)| {
            *level == 1
                && h.split_whitespace().nth(1).is_some()
                && text_similarity(&doc_title, h) > 0.75
        })
    });
    let of_this_page = |t: &String| !*doc_is_h1 || text_similarity(&doc_title, t) > 0.0;
    // Nor is a headline that is a sentence about the page, twice the words of the title its
    // `<h1>` repeats: a wiki's summary ("Ysolde Marrow is a major character in …").
    let a_summary = |t: &String| {
        let words = doc_title
            .split_whitespace()
            .count()
            .max(SUMMARY_TITLE_WORDS_MIN);
        t.ends_with('.') && t.split_whitespace().nth(2 * words - 1).is_some() && *doc_is_h1
    };
    let title = ld
        .title
        .clone()
        .filter(|t| of_this_page(t) && !a_summary(t))
        .or_else(|| {
            raw.meta_title()
                // So is a meta title of a few words: a section's name that every page of it
                // gives ("Pressemitteilungen"). A longer one may be a headline for social
                // networks, worded otherwise, and Readability takes it.
                .filter(|t| {
                    t.split_whitespace().nth(SECTION_NAME_MAX_WORDS).is_some() || of_this_page(t)
                })
        })
        .or_else(|| Some(doc_title.clone()).filter(|t| !t.is_empty()));
    let site_name = ld.site_name.clone().or_else(|| raw.meta("og:site_name"));
    let title = title
        .map(|t| without_site_name(t, site_name.as_deref()))
        .map(|t| without_section(t, headings))
        .map(|t| without_kicker(t, headings))
        .map(|t| without_tail(t, headings));
    // An author given as an address (a profile on a social network, which `article:author`
    // asks for and sites copy into `author`) names no one; the byline on the page does.
    let named = |a: &String| !a.starts_with("http://") && !a.starts_with("https://");
    // (Decoded only for a page that names an author.)
    let site = std::cell::LazyCell::new(|| SiteNames::new(site_name.as_deref(), &raw.title));
    let byline = ld.byline.clone().or_else(|| {
        let mut metas = AUTHOR_METAS
            .iter()
            .filter_map(|k| raw.meta(k).filter(named));
        let first = metas.next()?;
        // A CMS fills `author` with the site's name and names the writer in a meta of its
        // own (`cXenseParse:author`): the writer's is the byline.
        if site.named_by(&first) {
            metas.find(|a| !site.named_by(a)).or(Some(first))
        } else {
            Some(first)
        }
    });
    // The site's own name as the author (`<meta name="author" content="Badische Zeitung">`)
    // gives way to a byline the page shows; a blog named for its author still names who wrote.
    let byline_is_site = byline.as_deref().is_some_and(|a| site.named_by(a));
    let excerpt = ld.excerpt.clone().or_else(|| {
        raw.first_meta(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let published = ld
        .published
        .clone()
        .or_else(|| {
            raw.first_meta(&[
                "article:published_time",
                // Open Graph's property as some sites name it, with the namespace (Le Monde).
                "og:article:published_time",
                "parsely-pub-date",
                "datepublished",
                "dc:date",
                "dcterm:created",
                "date",
                "sailthru:date",
            ])
        })
        .or_else(|| raw.body_date.clone())
        .and_then(|d| iso_date(&d));
    let image = ld.image.clone().or_else(|| {
        raw.first_meta(&[
            "og:image",
            "og:image:url",
            "twitter:image",
            "twitter:image:src",
        ])
    });
    Resolved {
        title,
        byline,
        byline_is_site,
        excerpt,
        site_name,
        published,
        image,
    }
}

/// The site's names, to tell an author that is the site (see [`SiteNames::named_by`]): its
/// `site_name` and the document's title, each decoded and folded once a page.
struct SiteNames {
    name: Option<String>,
    title: String,
}

impl SiteNames {
    fn new(site_name: Option<&str>, raw_title: &str) -> SiteNames {
        SiteNames {
            name: site_name.map(|s| normalize_space(s).to_lowercase()),
            title: normalize_space(&entities::decode_twice(raw_title)).to_lowercase(),
        }
    }

    /// Whether `author` is the site's name: an address, its `site_name`, or the part of the
    /// document's title set apart from the rest by a separator or a colon ("ACCU :: Defining
    /// Concepts").
    fn named_by(&self, author: &str) -> bool {
        // "elmundo.es", "Deutsche Welle (www.dw.com)": a person is not named by an address.
        // (Asked in the page's own case: "St.Galler Tagblatt" is no address.)
        let host = |word: &str| {
            let word = word.trim_matches(['(', ')', '[', ']']);
            word.rsplit_once('.').is_some_and(|(head, tld)| {
                !head.is_empty()
                    && !word.contains('@')
                    && (2..=6).contains(&tld.len())
                    && tld.bytes().all(|b| b.is_ascii_lowercase())
            })
        };
        if author.split_whitespace().any(host) {
            return true;
        }
        let author = normalize_space(author).to_lowercase();
        if author.is_empty() {
            return false;
        }
        // The site's name, or a name that holds it as words of its own: its publisher's
        // ("Ediciones El País" on "EL PAÍS"), the site before the author ("unocero - Alberto
        // Ávila").
        if let Some(site) = &self.name {
            let holds = |at: usize| {
                let before = author[..at].chars().next_back();
                let rest = &author[at + site.len()..];
                // "史蒂文的家_藍天 (stevenhgm)": a person named as their blog, with their handle.
                let handle = rest.trim().starts_with('(') && rest.trim().ends_with(')');
                before.is_none_or(char::is_whitespace)
                    && rest.chars().next().is_none_or(char::is_whitespace)
                    && !(at == 0 && handle)
            };
            let letters = site.chars().filter(|c| c.is_alphabetic()).count();
            if author == *site
                || (letters >= 4 && author.match_indices(site.as_str()).any(|(at, _)| holds(at)))
            {
                return true;
            }
        }
        let title = &self.title;
        let separator = |c: char| c == ':' || SEPARATORS.contains(&c);
        // "Site :: Title", "Site: Title", "Title | Site"; not "Sitemaps explained".
        title.strip_prefix(author.as_str()).is_some_and(|rest| {
            rest.starts_with([' ', ':']) && rest.trim_start().starts_with(separator)
        }) || title
            .strip_suffix(author.as_str())
            .is_some_and(|head| head.ends_with(' ') && head.trim_end().ends_with(separator))
    }
}

/// The metas that name the author, the first that does winning (keys as `add_meta` keeps
/// them: lower case, a dot read as a colon).
const AUTHOR_METAS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
    // Open Graph's property with its namespace, as some sites write it (BBC, Le Monde).
    "og:article:author",
    // The Independent's and the Evening Standard's CMS.
    "article:author_name",
    // Sailthru's and cXense's recommendation tags, which name the writer.
    "sailthru:author",
    "cxenseparse:author",
    "dc:author",
];

const SEPARATORS: &[char] = &['|', '-', '–', '—', '·', '\\', '/', '>', '»'];
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    // JavaScript's `split(/\s+/).length`: an empty string still counts one.
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .count()
        .max(1)
}

/// Byte offsets of each ` <sep> ` (a separator with a space either side).
fn separator_positions(s: &str, set: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut found = Vec::new();
    for w in chars.windows(3) {
        if w[0].1 == ' ' && set.contains(&w[1].1) && w[2].1 == ' ' {
            found.push(w[0].0);
        }
    }
    found
}

/// The parts of a title between its separators (` - `, ` | `, ...); none when it has none.
pub fn title_parts(title: &str) -> impl Iterator<Item = &str> {
    let cuts = separator_positions(title, SEPARATORS);
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for at in cuts {
        parts.push(&title[from..at]);
        // Past the space and the separator (one character of one to three bytes).
        let sep = title[at + 1..].chars().next().map_or(0, char::len_utf8);
        from = at + 1 + sep;
    }
    if from > 0 {
        parts.push(&title[from..]);
    }
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// Readability's `_getArticleTitle`: the `<title>` with the site's name cut off.
pub fn article_title(raw_title: &str, headings: &[(u8, String)]) -> String {
    let orig = normalize_space(&entities::decode_twice(raw_title));
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let mut site_before_colon = false;
    let seps = separator_positions(&orig, SEPARATORS);
    if let Some(&last) = seps.last() {
        hierarchical = !separator_positions(&orig, HIERARCHICAL).is_empty();
        cur = orig[..last].to_string();
        if word_count(&cur) < 3 {
            // Drop the first part instead: "Site | The actual title".
            if let Some((pos, sep)) = orig.char_indices().find(|(_, c)| SEPARATORS.contains(c)) {
                cur = orig[pos + sep.len_utf8()..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let matches_heading = headings.iter().any(|(_, h)| h.trim() == cur.trim());
        if !matches_heading {
            let after_last = orig[orig.rfind(':').map_or(0, |i| i + 1)..].to_string();
            if word_count(&after_last) < 3 {
                // Past the first colon, or the first run of them ("ACCU :: Title").
                let first = orig.find(':').map_or(0, |i| i + 1);
                cur = orig[first..].trim_start_matches(':').to_string();
                // A site's name is a word ("ACCU", "SONNENENERGIE"); "Muffin Grundrezept :
                // Muffin Rezepte" is the title, then the site.
                site_before_colon = word_count(&orig[..first.saturating_sub(1)]) == 1;
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5
                // "The Winter Ferry: a novel of…": a lower-case start continues the title
                // as its subtitle; "Site: Title" starts a new one.
                || after_last.trim_start().starts_with(char::is_lowercase)
            {
                cur = orig.clone();
            } else {
                cur = after_last;
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s: Vec<&String> = headings
            .iter()
            .filter(|(l, _)| *l == 1)
            .map(|(_, t)| t)
            .collect();
        if h1s.len() == 1 {
            cur = h1s[0].clone();
        }
    }
    cur = normalize_space(&cur);
    let count = word_count(&cur);
    // A short title is kept whole, as Readability keeps it, unless what is left after a
    // site's one-word name and colon is the page's own heading ("ACCU :: Defining Concepts" over
    // "<h1>Defining Concepts</h1>").
    let is_heading = || {
        headings
            .iter()
            .any(|(l, h)| *l == 1 && normalize_space(h) == cur)
    };
    if count <= 4 && !(site_before_colon && is_heading()) {
        let stripped: String = orig.chars().filter(|c| !SEPARATORS.contains(c)).collect();
        if !hierarchical || count != word_count(&stripped).saturating_sub(1) {
            cur = orig;
        }
    }
    strip_section(cur)
}

/// "Title | Section" left by the site-name cut: a one- or two-word tail after a ` | ` is a
/// section label (`Books`, `World News`) when the head is a real title (at least four words).
fn strip_section(title: String) -> String {
    if let Some(pos) = title.rfind(" | ") {
        let (head, tail) = (&title[..pos], &title[pos + 3..]);
        if word_count(tail) <= 2 && word_count(head) >= 4 {
            return head.trim().to_string();
        }
    }
    title
}

/// A title with the site's own name after a separator ("Your holiday outfit, illustrated -
/// HelloGiggles"), as many sites write their Open Graph and JSON-LD titles too: the view
/// shows the site's name in a field of its own. Only the name the page gives as its site's
/// is cut, so a title's own last words ("Review: The Winter Ferry") stay; so does a title
/// that would be left with fewer than two words.
pub fn without_site_name(title: String, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(fold).filter(|s| !s.is_empty()) else {
        return title;
    };
    // "The Times of India" is written "Times of India" after a title as often.
    let bare = |name: &str| name.strip_prefix("the").unwrap_or(name).to_string();
    let site = bare(&site);
    let cut = separator_positions(&title, SEPARATORS)
        .into_iter()
        .chain(title.rfind(": "))
        .filter(|&at| bare(&fold(&title[at..])) == site)
        .min();
    match cut {
        // What the name followed may end in the section ("… bilaterally | India News").
        Some(at) if word_count(&title[..at]) >= 2 => strip_section(title[..at].trim_end().into()),
        _ => title,
    }
}

/// `s`'s letters and digits in lower case: two names that differ only in case, spaces and
/// punctuation ("BLISTER", "Blister") fold to one.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A meta title that puts a section before the page's own title ("Opinion | Enough
/// platitudes: Let's name names", where the `<h1>` says "Enough platitudes:
/// Let's name names") loses the section: the rest, after the first separator, is the title
/// the page shows. Compared as in [`without_site_name`]. Only a one-word label goes (a
/// section, a place, a date): a page's `<h1>` is at times the site's name, and a longer head
/// before it is then the title ("Enchufla Figuren - Salsa-Figuren - Rueda in Berlin").
pub fn without_section(title: String, headings: &[(u8, String)]) -> String {
    let Some(&at) = separator_positions(&title, SEPARATORS).first() else {
        return title;
    };
    // The separator is " x ": the title starts past it and its spaces.
    let rest = title[at..].trim_start_matches(|c: char| c == ' ' || SEPARATORS.contains(&c));
    if word_count(&title[..at]) == 1 && word_count(rest) >= 2 && an_h1_shows(headings, rest) {
        rest.to_string()
    } else {
        title
    }
}

/// A meta title that puts the story's kicker before its headline, after a colon
/// ("Hochwasserschutz in Niederbayern: Wenn der Deich zur Geduldsprobe wird", where the
/// `<h1>` says "Wenn der Deich zur Geduldsprobe wird"), as German and other news sites write
/// their Open Graph and JSON-LD titles: the headline the page shows is the title, and the
/// kicker is a label over it. A title whose `<h1>` shows it whole keeps its colon
/// ("Rwandan genocide: The long wait for justice"). The kicker is a few words
/// ([`KICKER_MAX_WORDS`]) and the headline at least two.
pub fn without_kicker(title: String, headings: &[(u8, String)]) -> String {
    // A colon after a word, not one of a run ("… 史蒂文的家_藍天 :: 痞客邦 PIXNET ::").
    let Some(at) = title
        .find(": ")
        .filter(|&at| title[..at].ends_with(|c: char| c.is_alphanumeric()))
    else {
        return title;
    };
    let rest = title[at + 2..].trim_start();
    if word_count(&title[..at]) > KICKER_MAX_WORDS
        || word_count(rest) < 2
        || !an_h1_shows(headings, rest)
    {
        return title;
    }
    rest.to_string()
}

/// Whether one of the page's `<h1>`s is `text`, compared as in [`without_site_name`]
/// (spaces, case and punctuation aside); a text of no letters or digits is none.
fn an_h1_shows(headings: &[(u8, String)], text: &str) -> bool {
    let folded = fold(text);
    !folded.is_empty()
        && headings
            .iter()
            .any(|(level, h)| *level == 1 && fold(h) == folded)
}

/// The most words of a kicker before a colon in a meta title (see [`without_kicker`]).
const KICKER_MAX_WORDS: usize = 5;

/// A title whose words before a separator are the page's `<h1>` ("Rwandan genocide: The long
/// wait for justice | DW | 21.05.2020", "港特首梁振英就住宅违建事件道歉 - BBC中文网 - 两岸三地")
/// is those words: what follows is the site, its section, the author or the day, which the
/// view shows apart or not at all. A page's `<h1>` is at times only the site's name, so the
/// head must be a title's length and not the first step of a trail ("Time 4 talks » Blog
/// Archiv » Weitere Digitalisierung …", under `<h1>Time 4 talks</h1>`).
pub fn without_tail(title: String, headings: &[(u8, String)]) -> String {
    let long_enough = |head: &str| word_count(head) >= 2 || head.chars().count() >= 8;
    let h1s: Vec<String> = headings
        .iter()
        .filter(|(level, _)| *level == 1)
        .map(|(_, h)| fold(h))
        .filter(|h| !h.is_empty())
        .collect();
    // A run of separators spaced on both sides or on neither: the `<h1>` vouches for the cut
    // ("短缺药品保供稳价 全力保障临床用药需求-新华网", "… Julian Assange -- Sott.net"). Spaced
    // on one side it is a word's ("Naturkosmetik- doch gesünder?").
    let is_separator = |c: char| SEPARATORS.contains(&c) || c == '_';
    let cut = title
        .char_indices()
        .filter(|&(at, c)| is_separator(c) && !title[..at].ends_with(is_separator))
        .find(|&(at, c)| {
            let run_end = title[at..]
                .find(|c: char| !is_separator(c))
                .map_or(title.len(), |n| at + n);
            let spaced_before = title[..at].ends_with(' ');
            let spaced_after = title[run_end..].starts_with(' ');
            let head = title[..at].trim_end();
            (spaced_before == spaced_after || run_end == title.len())
                && !HIERARCHICAL.contains(&c)
                && long_enough(head)
                && h1s.contains(&fold(head))
        })
        .map(|(at, _)| at);
    match cut {
        Some(at) => title[..at].trim_end().to_string(),
        None => title,
    }
}

/// Readability's `_textSimilarity`: how much of `b`'s wording is also in `a` (0..=1).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    // Tokens are slices of the lower-cased texts: asked of every heading against the title,
    // a `String` per token was most of its cost.
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    fn tokens(s: &str) -> Vec<(&str, usize)> {
        s.split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(|t| (t, t.chars().count()))
            .collect()
    }
    let ta = tokens(&a);
    let tb = tokens(&b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    // Readability joins the tokens with spaces and compares the lengths.
    let joined = |v: &mut dyn Iterator<Item = usize>| {
        let (chars, n) = v.fold((0, 0usize), |(c, n), len| (c + len, n + 1));
        chars + n.saturating_sub(1)
    };
    let uniq_b = joined(
        &mut tb
            .iter()
            .filter(|t| !ta.iter().any(|u| u.0 == t.0))
            .map(|t| t.1),
    );
    let all_b = joined(&mut tb.iter().map(|t| t.1));
    1.0 - uniq_b as f64 / all_b as f64
}

/// Words that introduce an author's name, which the view leaves out as it labels the field
/// itself: the words for "by" ("By Jane Doe", "Par Sébastien Farcis", "von Daniela Obers"),
/// with which a line that names its author may begin (see [`names_its_author`])...
const BY_WORDS: &[&str] = &["by", "par", "por", "von", "door", "przez"];
/// ...and labels ("Autor: Jane Doe"), which a line of prose does not start with. Both are
/// matched in any case...
const AUTHOR_LABELS: &[&str] = &["author", "autor", "auteur", "autore"];
/// ...and these only in lower case, as they are also the start of surnames ("Di Stefano",
/// "Av Ali") when capitalised.
const BYLINE_PREFIXES_LOWER: &[&str] = &["di", "da", "af", "av"];

/// Every word that may introduce an author's name (the three lists above).
fn byline_prefixes() -> impl Iterator<Item = &'static &'static str> {
    BY_WORDS
        .iter()
        .chain(AUTHOR_LABELS)
        .chain(BYLINE_PREFIXES_LOWER)
}

/// Verbs of a date line that may stand before a prefix ("Updated by", "Publié par").
/// "Written by" is not one: it is the line's own wording, and Readability keeps it.
const BYLINE_VERBS: &[&str] = &[
    "updated",
    "posted",
    "published",
    "submitted",
    "eingestellt",
    "gespeichert",
    "aktualisiert",
    "erstellt",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
];
/// Labels of a byline that say what the named person did, before a colon ("Interview: Jane
/// Doe", "Text: Jane Doe").
const BYLINE_LABELS: &[&str] = &["interview", "text", "texte", "texto", "testo"];
/// The link to the author's other stories that an author box sets after the name ("Johanna
/// Kropfitsch Alle Artikel"): a label, not part of the name. A phrase that ends another
/// comes before it.
const AUTHOR_PAGE_LINKS: &[&str] = &[
    "view all posts",
    "all articles",
    "all posts",
    "more articles",
    "alle artikel",
    "alle beiträge",
    "mehr artikel",
    "tous les articles",
    "todos los artículos",
    "tutti gli articoli",
];
/// Words of a job title set after the name ("David Lieberman, Executive Editor", "Jane Doe –
/// Staff Writer"): a tail made only of these, ending in one of [`JOB_NOUNS`], is cut. No
/// name is made only of them.
const JOB_WORDS: &[&str] = &[
    "senior",
    "chief",
    "executive",
    "managing",
    "staff",
    "contributing",
    "associate",
    "deputy",
    "special",
    "political",
    "national",
    "foreign",
    "international",
    "news",
    "sports",
    "business",
    "science",
    "technology",
    "tech",
    "health",
    "investigative",
    "digital",
    "editor-in-chief",
];
/// The last word of such a job title.
const JOB_NOUNS: &[&str] = &[
    "editor",
    "editors",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "columnist",
    "contributor",
    "journalist",
    "producer",
    "critic",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
];

/// What themes and feeds put where no author is named: no name, or a button's label.
const NO_AUTHOR: &[&str] = &[
    "no author",
    "unknown",
    "unknown author",
    "follow",
    "follow author",
    "admin",
];
/// English month names and their abbreviations, for a date written after the name.
const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
/// What pages put between the name and the date or the author's role.
const BYLINE_SEPARATORS: &[&str] = &[
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " | ",
    " \u{2022} ",
    " \u{b7} ",
];

/// Words that label a byline or date line rather than name anyone ("Sunday, Feb 1", "Last
/// updated: January 7", "First published:", "Posted on", "Article by"): a byline made only
/// of these (and a date) is no byline, and they are trimmed off the end of a name that a
/// date followed.
const LABEL_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "om",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "date",
    "datum",
    "fecha",
    "erstellt",
    "created",
    "updated",
    "published",
    "posted",
    "submitted",
    "uploaded",
    "last",
    "first",
    "on",
    "at",
    "by",
    "veröffentlicht",
    "publiziert",
    "aktualisiert",
    "am",
    "um",
    "von",
    "publié",
    "modifié",
    // "Mis à jour le"
    "mis",
    "à",
    "jour",
    "le",
    "publicado",
    "actualizado",
    "el",
    "por",
    "las",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "pubblicato",
    "aggiornato",
    "modificato",
    "modifica",
    "atualizado",
    "atualizada",
    "actualizada",
    "gepubliceerd",
    "aangepast",
    "bijgewerkt",
    "publisert",
    "oppdatert",
    "publiceret",
    "opdateret",
    "publicerad",
    "uppdaterad",
    "il",
    "alle",
    "ore",
    "article",
    "story",
    "post",
];

/// What follows a lower-case "by" (or its like) inside a line, after a label of two words
/// or more and before a capitalised word: the name after a section's label. Lower case
/// only, so that it reads "by" as a word of the line, not as part of a name; a one-word
/// label ("Written by …") is the line's own wording, kept as Readability keeps it.
fn after_inner_by(line: &str) -> Option<&str> {
    const INNER: &[&str] = &[" by ", " par ", " por ", " von ", " door ", " przez "];
    let (at, len) = INNER
        .iter()
        .filter_map(|w| line.find(w).map(|at| (at, w.len())))
        .min()?;
    let rest = &line[at + len..];
    let label_words = line[..at].split_whitespace().count();
    (label_words >= 2 && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// Whether every word of `line`, trimmed of `trim` and lower-cased, is `known` or empty (or
/// there are no words). The two readings below trim and accept different words, as each
/// decides a different question of [`clean_byline`].
fn every_word(line: &str, trim: &[char], mut known: impl FnMut(&str) -> bool) -> bool {
    line.split_whitespace().all(|w| {
        let w = w.trim_matches(trim).to_lowercase();
        w.is_empty() || known(&w)
    })
}

/// Whether every word of `line` is one of [`LABEL_WORDS`] (or there are none).
fn only_date_words(line: &str) -> bool {
    every_word(line, &[',', ':', '.', '|'], |w| LABEL_WORDS.contains(&w))
}

/// The rest of a line that only says when: "Stand" ("Stand: 12.11.2021"), "de" between a
/// Spanish date's parts, the dashes between the date and the time. Weekdays and labels are
/// [`LABEL_WORDS`].
const DATE_WORDS: &[&str] = &["stand", "de", "-", "\u{2013}", "\u{2014}"];

/// Words of the time of day beside a date ("3:15 p.m. EDT", "15.30 Uhr"), and the time zones
/// a date line names ("9:39AM BST", "4:35 PM ET").
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "uhr", "utc", "gmt", "et", "ct", "pt", "bst", "ist", "cet", "cest",
    "mez", "mesz", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "aest", "aedt", "jst",
    "kst", "hkt", "sgt",
];

/// Whether every word of `line` is a number, a month, one of [`LABEL_WORDS`] or
/// [`DATE_WORDS`] or a word of the time of day ("19, 2016 at 3:15 p.m. EDT").
fn only_says_when(line: &str) -> bool {
    // A bullet joins the parts of a date line, often with no space after it where spans
    // meet ("7:00 GMT+2 •Updated 11:48").
    let trim = [',', ':', '.', '|', '(', ')', '[', ']', '\u{2022}', '\u{b7}'];
    every_word(line, &trim, |w| {
        w.bytes().any(|b| b.is_ascii_digit())
            || month_number(w).is_some()
            || [MONTH_NAMES, LABEL_WORDS, TIME_WORDS, DATE_WORDS]
                .iter()
                .any(|words| words.contains(&w))
    })
}

/// Whether `line` holds a run of four digits, as a date with its year does: the cheap
/// question before [`only_a_date`].
pub fn holds_a_year(line: &str) -> bool {
    // By hand: asked of every short element's text, where `split` cost the collect pass
    // most of a percent.
    let mut run = 0;
    for &b in line.as_bytes() {
        if b.is_ascii_digit() {
            run += 1;
        } else if run == 4 {
            return true;
        } else {
            run = 0;
        }
    }
    run == 4
}

/// Whether `line` is a date and only says when: its words a day ([`date_in_text`] reads
/// one), the weekday, the time, and a label ("Posted on", "Veröffentlicht am", "Datum:"). A
/// page sets such a line under its title whatever it names it.
pub fn only_a_date(line: &str) -> bool {
    only_says_when(line) && date_in_text(line).is_some()
}

/// What sets a line's parts apart ("08.11.2021 | Online-Fachtag"): a bar, a dot, a dash or
/// a comma between spaces (templates join their fields so: "1. Februar 2022 , Daniel
/// Dillenburg"; prose sets a comma after a word).
const PART_SEPARATORS: &[&str] = &[
    " | ",
    " , ",
    " \u{2022} ",
    " \u{b7} ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
];

/// Whether one part of `line`, set apart from the rest by [`PART_SEPARATORS`], is a date
/// that only says when ([`only_a_date`]): a line of the day and the section, the place or
/// the author ("Freitag, 3. März 2023 · Politik", "1. Februar 2022 | Daniel Dillenburg").
/// A word for "by" sets the author apart as well ("06.11.2023 13:30 von Olga").
pub fn dated_part(line: &str) -> bool {
    if date_then_author(line) || author_then_date(line) {
        return true;
    }
    if !PART_SEPARATORS.iter().any(|sep| line.contains(sep)) {
        return false;
    }
    let mut parts = vec![line];
    for sep in PART_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.len() > 1 && parts.iter().any(|p| only_a_date(p))
}

/// Whether `line` is a date that only says when, then the author after one of [`BY_WORDS`]
/// ("March 3, 2024 by Jane Doe", "06.11.2023 13:30 von Olga"): the first such word that
/// opens a capitalised word ends the date.
fn date_then_author(line: &str) -> bool {
    line.match_indices(' ')
        .find(|&(space, _)| starts_with_by(&line[space + 1..]))
        .is_some_and(|(space, _)| only_a_date(&line[..space]))
}

/// Whether `line` names its author after a word for "by", then says when after a word that
/// joins them ("Posted by Jane Doe on March 3, 2021", "Von Rolf Rau am 26.02.2014"): the
/// last words from such a word on only say when.
fn author_then_date(line: &str) -> bool {
    const JOINS: &[&str] = &[
        " on ", " am ", " le ", " el ", " op ", " il ", " at ", " um ",
    ];
    let named = after_verb(line);
    opens_with_by(named)
        && JOINS
            .iter()
            .filter_map(|j| named.find(j).map(|at| at + j.len()))
            .any(|at| only_a_date(&named[at..]))
}

/// Words that date a line by the reader's day: "Updated 2 hours ago", "Publié aujourd’hui à
/// 13h59", "vor 3 Stunden". A line needs one of these to read as a relative date (see
/// [`says_when_relatively`]).
const RELATIVE_DAYS: &[&str] = &[
    "today",
    "yesterday",
    "ago",
    "aujourd'hui",
    "aujourd\u{2019}hui",
    "hier",
    "heute",
    "gestern",
    "vor",
    "hoy",
    "ayer",
    "hace",
    "hoje",
    "ontem",
    "há",
    "oggi",
    "ieri",
    "fa",
];

/// The other words of such a line: units, articles and the verbs of an update ("mis à
/// jour", "actualizado"). Minutes are `patterns::MINUTE_WORDS`, shared with reading times.
const RELATIVE_WORDS: &[&str] = &[
    "just",
    "now",
    "a",
    "an",
    "and",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "il",
    "y",
    "à",
    "mis",
    "jour",
    "jours",
    "heure",
    "heures",
    "stunde",
    "stunden",
    "tag",
    "tagen",
    "und",
    "hora",
    "horas",
    "día",
    "días",
    "las",
    "actualizado",
    "atualizado",
    "ore",
    "aggiornato",
];

/// Whether date line `line` only says when, relative to the reader's day ("Updated 2 hours
/// ago", "Publié aujourd’hui à 13h59, mis à jour à 15h25"). A page shows such a line where its
/// metadata gives the date; the view shows that date.
pub fn says_when_relatively(line: &str) -> bool {
    let trim = &[
        ',', ':', '.', '|', '(', ')', '\u{b7}', '\u{2022}', '-', '\u{2013}', '\u{2014}',
    ];
    let mut relative = false;
    every_word(line, trim, |w| {
        relative |= RELATIVE_DAYS.contains(&w);
        w.bytes().any(|b| b.is_ascii_digit())
            || [
                RELATIVE_DAYS,
                RELATIVE_WORDS,
                crate::patterns::MINUTE_WORDS,
                LABEL_WORDS,
                TIME_WORDS,
            ]
            .iter()
            .any(|words| words.contains(&w))
    }) && relative
}

/// Words that join two authors' names or sit inside one ("Jane Doe and John Roe", "Ludwig
/// van Beethoven"), which alone of a name's words may be lower case.
const NAME_JOINS: &[&str] = &[
    "and", "und", "et", "y", "e", "&", "van", "von", "der", "den", "de", "da", "del", "di", "du",
    "la", "le", "zu", "dos",
];

/// How many words a line's names may have: two authors' full names and a join.
const NAME_WORDS_MAX: usize = 7;

/// A line past the verb of a date line that opens it before a word for "by" ("Posted by
/// Jane Doe on March 3, 2021", Drupal's "Submitted by", Blogger's German "Eingestellt von"):
/// the line from that word on, or the whole line.
pub fn after_verb(line: &str) -> &str {
    let Some((verb, rest)) = line.split_once(' ') else {
        return line;
    };
    // Asked of every short line that holds a year: most open with no such verb, and a
    // comparison of words of other lengths ends at their lengths.
    let verb = verb.trim_end_matches(':');
    if !BYLINE_VERBS.iter().any(|v| v.eq_ignore_ascii_case(verb)) {
        return line;
    }
    let rest = rest.trim_start();
    if opens_with_by(rest) {
        rest
    } else {
        line
    }
}

/// Whether a line opens with one of [`BY_WORDS`], in any case, and a space: a name may
/// follow, a user's in lower case too ("by jo").
fn opens_with_by(line: &str) -> bool {
    BY_WORDS.iter().any(|w| {
        line.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && line[w.len()..].starts_with(' ')
    })
}

/// Whether a line starts with one of [`BY_WORDS`], in any case, then whitespace and a
/// capital: a name may follow ("By Jane", not "by the way" or "Por favor").
pub fn starts_with_by(line: &str) -> bool {
    // Asked of every short element's text: most leave at the first letter.
    let first = line.as_bytes().first().map(u8::to_ascii_lowercase);
    if !BY_WORDS.iter().any(|w| Some(w.as_bytes()[0]) == first) {
        return false;
    }
    BY_WORDS.iter().any(|w| {
        line.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && {
                let rest = &line[w.len()..];
                let name = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
                name.len() < rest.len() && name.starts_with(char::is_uppercase)
            }
    })
}

/// Whether a line only names its author after a word for "by" ("By Jane Doe", "von Daniela
/// Obers", "Von Claudia Lindner 27.1.2022"): after the word, two to [`NAME_WORDS_MAX`]
/// capitalised words (joins aside, see [`NAME_JOINS`]) that [`clean_byline`] leaves, the
/// line's date and separators gone. A sentence ("By Monday the council had voted") has
/// lower-case words or says more.
pub fn names_its_author(line: &str) -> bool {
    let line = after_verb(line.trim_start());
    let Some(name) = starts_with_by(line).then(|| clean_byline(line)).flatten() else {
        return false;
    };
    let words: Vec<&str> = name.split(' ').collect();
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    (2..=NAME_WORDS_MAX).contains(&words.len())
        && words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && words.iter().all(|w| capital(w) || NAME_JOINS.contains(w))
        && !name.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ':' | '?' | '!'))
}

/// The author's name from a byline line: without "By", and without the date, time or "2 hours
/// ago" that pages print on the same line ("Dan Goodin - Apr 16, 2015 8:02 pm UTC"), which
/// the view shows in its own field. `None` when the line was only a date. Anything it cannot
/// shorten to a name is kept as it is.
pub fn clean_byline(byline: &str) -> Option<String> {
    let mut name = normalize_space(byline)
        .trim_matches([' ', '|', '\u{2022}', '\u{b7}'])
        .to_string();
    // "'Jane Doe, John Roe'": quotes around the whole, left from a feed's string.
    for (open, close) in [('\'', '\''), ('"', '"'), ('«', '»'), ('“', '”')] {
        if let Some(inner) = name.strip_prefix(open).and_then(|n| n.strip_suffix(close)) {
            if !inner.contains([open, close]) {
                name = inner.trim().to_string();
            }
        }
    }
    if let Some((label, rest)) = name.split_once(':') {
        if BYLINE_LABELS
            .iter()
            .any(|l| l.eq_ignore_ascii_case(label.trim()))
            && rest.chars().any(char::is_alphabetic)
        {
            name = rest.trim().to_string();
        }
    }
    // Spans set side by side run into each other in the text ("2009|Marc"); a bar is never
    // part of a name.
    if name.contains('|') {
        name = normalize_space(&name.replace('|', " | "));
    }
    // "October 14, 2009 | Marc Lifsher": the date first, then the name. (A date has a
    // number: most bylines have none, and skip the separators' searches.)
    // The time may follow in a part of its own ("04.02.2022 | 13:10 Uhr | Uta Helkenberg").
    let dated = name.bytes().any(|b| b.is_ascii_digit());
    let mut cut = dated;
    while cut {
        cut = false;
        for sep in BYLINE_SEPARATORS {
            if let Some((head, tail)) = name.split_once(sep) {
                if head.bytes().any(|b| b.is_ascii_digit())
                    && only_says_when(head)
                    && tail.chars().any(char::is_alphabetic)
                {
                    // "Veröffentlicht am 18.11.2025 | Lesedauer: 5 Minuten": how long the
                    // story takes to read says no more of who wrote it than its day does.
                    if crate::patterns::reading_time(tail) {
                        return None;
                    }
                    name = tail.trim().to_string();
                    cut = true;
                }
            }
        }
    }
    // "Updated by Jane Doe": the verb of a date line before the prefix says nothing of who.
    if let Some((verb, rest)) = name.split_once(' ') {
        let by_follows = byline_prefixes().any(|p| {
            rest.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
                && rest[p.len()..].starts_with(' ')
        });
        if by_follows && BYLINE_VERBS.contains(&verb.to_lowercase().as_str()) {
            name = rest.to_string();
        }
    }
    // "By Jane Doe": the prefix, then a space or a colon. The prefixes are ASCII, so they are
    // compared on the name's own bytes (lower-casing the whole name could change its length
    // and misplace the cut).
    let prefixed = |prefix: &str| {
        let head = name.get(..prefix.len())?;
        let any_case = !BYLINE_PREFIXES_LOWER.contains(&prefix);
        let matched = if any_case {
            head.eq_ignore_ascii_case(prefix)
        } else {
            head == prefix
        };
        let rest = &name[prefix.len()..];
        // "<span>By</span><a>Alex Bozarjian</a>": spans set side by side run into each
        // other ("ByAlex Bozarjian"); the word for "by" as written, then a capital and a
        // small letter, starts no name.
        // (Not "door": DoorDash.)
        let glued = || {
            let mut next = rest.chars();
            BY_WORDS.contains(&prefix)
                && head.len() <= 3
                && head.chars().skip(1).all(char::is_lowercase)
                && next.next().is_some_and(char::is_uppercase)
                && next.next().is_some_and(char::is_lowercase)
        };
        (matched && (rest.starts_with([' ', ':']) || glued())).then_some(rest)
    };
    let unprefixed = byline_prefixes()
        .find_map(|p| prefixed(p))
        .map(|rest| rest.trim_start_matches([' ', ':']).trim())
        .filter(|rest| !rest.is_empty())
        .map(str::to_string);
    if let Some(rest) = unprefixed {
        name = rest;
    } else if let Some(rest) = after_inner_by(&name) {
        // "Tech Industry by Steven Musil": a section's label before the name.
        name = rest.to_string();
    }
    // "Jane Doe | March 3, 2024": the part after a separator, when it holds a number.
    let dated = name.bytes().any(|b| b.is_ascii_digit());
    for sep in BYLINE_SEPARATORS.iter().filter(|_| dated) {
        if let Some((head, tail)) = name.split_once(sep) {
            if !head.trim().is_empty() && tail.chars().any(|c| c.is_ascii_digit()) {
                name = head.trim().to_string();
            }
        }
    }
    // "Politik · Jochen Bittner, Tina Hildebrandt": one word before a separator is the
    // section or the agency, and the names follow it.
    for sep in [" \u{b7} ", " | "] {
        if let Some((head, tail)) = name.split_once(sep) {
            let names = tail.trim();
            if head.split_whitespace().count() == 1
                && names.split_whitespace().count() >= 2
                && !names.contains(sep)
                && !names.bytes().any(|b| b.is_ascii_digit())
            {
                name = names.to_string();
            }
        }
    }
    // "Joshua Sokol May 20, 2019", "Alex Perry 1 day ago": cut at the first digit, and a
    // month name right before it.
    if let Some(at) = name.find(|c: char| c.is_ascii_digit()) {
        let mut head = name[..at].trim_end();
        let mut month_cut = false;
        let mut label_cut = false;
        // A word of the reader's day makes only a time of day or a count relative ("Today
        // 8:42", "Hace 13 horas"); before a calendar date it is the name's ("USA TODAY 8:42
        // a.m. EDT October 3, 2014").
        let calendar = name[at..].split_whitespace().any(|w| {
            let w = w.trim_matches([',', '.', ':']).to_lowercase();
            MONTH_NAMES.contains(&w.as_str())
                || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        });
        while let Some((before, last)) = head.rsplit_once(' ') {
            let last = last.trim_matches(['.', ',', ':']).to_lowercase();
            let month = !month_cut && MONTH_NAMES.contains(&last.as_str());
            // "José Miguel Wilson Hace 13 horas": the word that makes the number a time ago.
            let label = LABEL_WORDS.contains(&last.as_str())
                || (!calendar && RELATIVE_DAYS.contains(&last.as_str()));
            if !month && !label {
                break;
            }
            month_cut |= month;
            label_cut |= label;
            head = before.trim_end();
        }
        let head = head.trim_end_matches([' ', ',', '-', '|', '/', ':', '\u{2022}', '\u{b7}', '(']);
        // "Sep 19, 2016", "2019年2月22日 16:00", "07.12.2016": the line opens with its date,
        // and says nothing else.
        let month_first = !month_cut && MONTH_NAMES.contains(&head.to_lowercase().as_str());
        if (month_first || head.is_empty()) && only_says_when(&name[at..]) {
            return None;
        }
        // A name is letters: three at least ("50 Cent" stays as it is), or two before the
        // date's own words ("jo on Mon, 2019-01-21", "R. R. am 26.02.2014").
        let least = if label_cut { 2 } else { 3 };
        if !month_first && head.chars().filter(|c| c.is_alphabetic()).count() >= least {
            name = head.to_string();
        }
    }
    // "Aja Romano@ajaromano", "Jane Doe (@janedoe)": the author's handle, set beside the
    // name in an element of its own, is no part of it (an address, with its dot, stays).
    if let Some(at) = name.rfind('@') {
        let handle = name[at + 1..].trim_end_matches(')');
        let head = name[..at].trim_end_matches([' ', '(']);
        if !handle.is_empty()
            && handle
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && head.chars().filter(|c| c.is_alphabetic()).count() >= 3
        {
            name = head.to_string();
        }
    }
    // "David Lieberman, Executive Editor": the job after the name. (Most bylines end in no
    // job noun, and skip the separators' searches.)
    let last = name.rsplit(' ').next().unwrap_or("");
    let job_last = JOB_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(last));
    for sep in [", "].iter().chain(BYLINE_SEPARATORS).filter(|_| job_last) {
        if let Some((head, tail)) = name.rsplit_once(sep) {
            let words: Vec<String> = tail.split_whitespace().map(str::to_lowercase).collect();
            let of_job =
                |w: &String| JOB_WORDS.contains(&w.as_str()) || JOB_NOUNS.contains(&w.as_str());
            // The title may open with the agency's or paper's name ("AP Technology Writers").
            let job = words
                .last()
                .is_some_and(|w| JOB_NOUNS.contains(&w.as_str()))
                && (words.iter().all(of_job)
                    || (words.len() >= 3 && words[1..].iter().all(of_job)));
            if job && head.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                name = head.trim().to_string();
                break;
            }
        }
    }
    for link in AUTHOR_PAGE_LINKS {
        let cut = name.len().checked_sub(link.len()).filter(|&at| {
            name.is_char_boundary(at)
                && name[at..]
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(link.chars())
                && name[..at].ends_with(' ')
                && name[..at].chars().filter(|c| c.is_alphabetic()).count() >= 3
        });
        if let Some(at) = cut {
            name.truncate(at);
            break;
        }
    }
    // Left over from a line that only said when ("Posted on", "Veröffentlicht am").
    let name = name.trim_matches([' ', '|', ',', ':', '-', '\u{2022}', '\u{b7}']);
    let placeholder = NO_AUTHOR.iter().any(|n| n.eq_ignore_ascii_case(name));
    (!only_date_words(name) && !placeholder).then(|| name.to_string())
}

/// Collapses runs of whitespace to one space and trims. NUL becomes U+FFFD and other control
/// characters are dropped, as a browser shows them.
///
/// By hand, not `split_whitespace` and a `push` per `char`: every capture and label passes
/// through here, and copying runs of printable ASCII whole took its cost on the bench's 61
/// pages from 9.5 M instructions to 4.6 M (callgrind, BENCHMARKS.md). Whitespace and control
/// characters are Rust's (`char::is_whitespace`, `char::is_control`), as before; a unit
/// test holds the two ways to one answer.
pub fn normalize_space(s: &str) -> String {
    let bytes = s.as_bytes();
    let plain = |b: u8| (0x21..=0x7E).contains(&b);
    let mut out = String::with_capacity(s.len());
    // Whether the last character read was part of a word (not whitespace).
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        // What the word gains here (a control character gains nothing but still makes one),
        // and how far it reaches.
        let (kept, len) = if plain(bytes[i]) {
            let run = bytes[i..]
                .iter()
                .position(|&b| !plain(b))
                .unwrap_or(bytes.len() - i);
            (&s[i..i + run], run)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                in_word = false;
                i += len;
                continue;
            }
            let kept = match c {
                '\0' => "\u{FFFD}",
                c if c.is_control() => "",
                _ => &s[i..i + len],
            };
            (kept, len)
        };
        if !in_word && !out.is_empty() {
            out.push(' ');
        }
        in_word = true;
        out.push_str(kept);
        i += len;
    }
    out
}

fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalises a date to ISO 8601: values that already are (`2025-02-24T16:49:00+05:30`,
/// `2025-02-24`) are kept; `Feb 24, 2025` and `24 February 2025` become `2025-02-24`;
/// anything else is dropped rather than guessed.
pub fn iso_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let b = s.as_bytes();
    let is_digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if is_digits(0..4)
        && b.get(4) == Some(&b'-')
        && is_digits(5..7)
        && b.get(7) == Some(&b'-')
        && is_digits(8..10)
    {
        let rest = &s[10..];
        if rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ') {
            return Some(
                s.replacen(' ', "T", 1)
                    .split_whitespace()
                    .next()?
                    .to_string(),
            );
        }
    }
    // Month-name forms.
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .position(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))?;
    let month_num = MONTHS.iter().position(|m| words[month].starts_with(m))? + 1;
    let year = words.iter().find_map(|w| {
        (w.len() == 4)
            .then(|| w.parse::<u32>().ok())
            .flatten()
            .filter(|y| (1900..2200).contains(y))
    })?;
    let day = words.iter().find_map(|w| {
        let d = w.trim_end_matches(|c: char| c.is_alphabetic());
        (d.len() <= 2 && !d.is_empty())
            .then(|| d.parse::<u32>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    })?;
    Some(format!("{year:04}-{month_num:02}-{day:02}"))
}

/// Whether `date` is a time given in UTC ("2024-11-18T19:12:00.000Z", "…+00:00"): it names
/// the day at Greenwich, which is not the day a page far from it shows.
pub fn in_utc(date: &str) -> bool {
    date.len() > 16
        && date.as_bytes()[10] == b'T'
        && (date.ends_with('Z') || date.ends_with("+00:00") || date.ends_with("+0000"))
}

/// Whether `utc` (see [`in_utc`]) falls on the day before or after `day` ("2024-11-19") at
/// an hour whose clocks somewhere show `day`: zones run from 12 hours behind UTC to 14
/// ahead, so "2024-11-18T19:12Z" may be the 19th (in Sydney) but "2024-11-18T02:00Z" not.
pub fn utc_on_a_neighbouring_day(utc: &str, day: &str) -> bool {
    let days = crate::export::date::days_of;
    let (Some(at), Some(shown), Some(hour)) = (
        days(utc),
        days(day),
        utc.get(11..13).and_then(|h| h.parse::<u32>().ok()),
    ) else {
        return false;
    };
    (shown == at + 1 && hour >= 10) || (shown == at - 1 && hour < 12)
}

/// The minutes of the first time of day in `text` ("6:12am", "5.00am", "22:04h"): an hour
/// of one or two digits, a colon or a dot, and two digits, in no longer run of numbers (the
/// day and month of "19.11.2024" are no time).
pub fn minutes_in_text(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let number_mark = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_digit() || b".:-/".contains(c));
    (1..b.len().saturating_sub(2)).find_map(|at| {
        if !matches!(b[at], b':' | b'.')
            || !b[at + 1].is_ascii_digit()
            || !b[at + 2].is_ascii_digit()
        {
            return None;
        }
        let hour_digits = b[..at]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let hour_from = at - hour_digits;
        let alone = (1..=2).contains(&hour_digits)
            && !number_mark(hour_from.checked_sub(1).and_then(|p| b.get(p)))
            && !number_mark(b.get(at + 3));
        let minutes = u32::from(b[at + 1] - b'0') * 10 + u32::from(b[at + 2] - b'0');
        (alone && minutes < 60).then_some(minutes)
    })
}

/// The date a short line of the page shows ("Updated: Oct 9, 2019, 11:05 IST", "19.07.2022",
/// "25. November 2021", "2019年2月22日 16:00"), as ISO 8601, for a page that gives none in
/// its metadata. Numbers with slashes are left alone: "07/12/2016" is a different day in
/// the US and in Europe. Stricter than [`iso_date`], which reads values meant as dates: a
/// month is a whole word here, so that a name ("Janic", "Mark") is none.
pub fn date_in_text(line: &str) -> Option<String> {
    // Runs of digits, and what stands between each and the next.
    let b = line.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    let value = |r: (usize, usize)| line[r.0..r.1].parse::<u32>().ok();
    let numeric = runs.windows(3).find_map(|w| {
        let (a, m, c) = (value(w[0])?, value(w[1])?, value(w[2])?);
        match (&line[w[0].1..w[1].0], &line[w[1].1..w[2].0]) {
            // 2019-02-22
            ("-", "-") if w[0].1 - w[0].0 == 4 => day(a, m, c),
            // 19.07.2022
            (".", ".") if w[2].1 - w[2].0 == 4 => day(c, m, a),
            // 2019年2月22日, 2023년 1월 30일
            ("年", "月") | ("년 ", "월 ") => day(a, m, c),
            _ => None,
        }
    });
    if numeric.is_some() {
        return numeric;
    }
    // A month's name, its day beside it ("March 25", "25. März", "3rd August", "3 de marzo"),
    // and a year. The first month with a day beside it: "Mar del Plata, 3 de marzo de 2020"
    // names the sea first.
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .map(|w| {
            w.trim_matches(['.', ':', '[', ']', '(', ')'])
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w != "de")
        .collect();
    let day_of = |w: &String| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        (1..=2)
            .contains(&digits.len())
            .then(|| digits.parse::<u32>().ok())?
    };
    let (month, d) = (0..words.len()).find_map(|at| {
        let month = month_number(&words[at])?;
        let d = words
            .get(at + 1)
            .and_then(day_of)
            .or_else(|| at.checked_sub(1).and_then(|p| day_of(&words[p])))?;
        Some((month, d))
    })?;
    let year = words.iter().find_map(|w| {
        (w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit())).then(|| w.parse::<u32>().ok())?
    })?;
    day(year, month, d)
}

/// A day as ISO 8601, if the numbers can be one.
fn day(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The day a page's address files it under, for a page that gives its date nowhere else:
/// `/2019/09/25/slug` (WordPress's and most newsrooms' paths), `/2019-09-25-slug`,
/// `/a/202311/17/WS….html` (China Daily). Only the path is read, and a month without its
/// day is no date (an archive's `/2019/09/`).
pub fn date_in_url(url: &str) -> Option<String> {
    // Over bytes, by hand: `str::split`'s searchers and `parse` cost the module more than
    // the rule itself.
    let b = url.as_bytes();
    let start = url.find("://").map_or(0, |at| at + 3);
    let end = b
        .iter()
        .position(|&c| c == b'?' || c == b'#')
        .unwrap_or(b.len());
    // The host (or, for a path, the empty name before its first slash) is skipped.
    let parts: Vec<&[u8]> = b.get(start..end)?.split(|&c| c == b'/').skip(1).collect();
    let num = |s: &[u8]| {
        (!s.is_empty() && s.len() <= 6 && s.iter().all(u8::is_ascii_digit))
            .then(|| s.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0')))
    };
    (0..parts.len()).find_map(|i| {
        let small = |k: usize| {
            parts
                .get(i + k)
                .filter(|s| s.len() <= 2)
                .and_then(|s| num(s))
        };
        let part = parts[i];
        match (part.len(), num(part)) {
            (4, Some(y)) => day(y, small(1)?, small(2)?),
            (6, Some(ym)) => day(ym / 100, ym % 100, small(1)?),
            _ => {
                // "2019-09-25-slug": the part opens with the day.
                let head = part.get(..10)?;
                let apart = part.get(10).is_none_or(|c| matches!(c, b'-' | b'_' | b'.'));
                if !apart || head[4] != b'-' || head[7] != b'-' {
                    return None;
                }
                day(num(&head[..4])?, num(&head[5..7])?, num(&head[8..])?)
            }
        }
    })
}

/// A month's number from its name in English, German, French or Spanish, or an English
/// abbreviation, lower-cased.
fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["january", "jan", "januar", "janvier", "enero"],
        &["february", "feb", "februar", "février", "febrero"],
        &["march", "mar", "märz", "mars", "marzo"],
        &["april", "apr", "avril", "abril"],
        &["may", "mai", "mayo"],
        &["june", "jun", "juni", "juin", "junio"],
        &["july", "jul", "juli", "juillet", "julio"],
        &["august", "aug", "août", "agosto"],
        &["september", "sep", "sept", "septembre", "septiembre"],
        &["october", "oct", "oktober", "okt", "octobre", "octubre"],
        &["november", "nov", "novembre", "noviembre"],
        &[
            "december",
            "dec",
            "dezember",
            "dez",
            "décembre",
            "diciembre",
        ],
    ];
    NAMES
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_in_utc_may_fall_on_a_neighbouring_day() {
        for (utc, day, near) in [
            ("2024-11-18T19:12:00.000Z", "2024-11-19", true),
            ("2024-11-18T10:00:00Z", "2024-11-19", true),
            ("2024-11-18T09:59:00Z", "2024-11-19", false),
            ("2024-11-19T02:30:00+00:00", "2024-11-18", true),
            ("2024-11-19T12:00:00Z", "2024-11-18", false),
            ("2024-12-31T20:00:00Z", "2025-01-01", true),
            ("2024-03-01T01:00:00Z", "2024-02-29", true),
            ("2024-11-18T19:12:00Z", "2024-11-18", false),
            ("2024-11-18T19:12:00Z", "2024-11-20", false),
        ] {
            assert!(in_utc(utc), "{utc}");
            assert_eq!(utc_on_a_neighbouring_day(utc, day), near, "{utc} {day}");
        }
        assert!(!in_utc("2024-11-18T19:12:00-05:00"));
        assert!(!in_utc("2024-11-18"));
        for (text, minutes) in [
            ("Tue 19 Nov 2024 at 6:12am", Some(12)),
            ("March 4, 2025 — 5.00am", Some(0)),
            ("21 de abril de 2022 a las 22:04h", Some(4)),
            ("19.11.2024", None),
            ("2024.11.19", None),
            ("Thursday, November 9th 2023", None),
            ("19.11.2024 06:45", Some(45)),
        ] {
            assert_eq!(minutes_in_text(text), minutes, "{text}");
        }
    }

    #[test]
    fn a_line_says_when_relatively() {
        for line in [
            "Updated 2 hours ago",
            "Publié aujourd’hui à 13h59, mis à jour à 15h25",
            "vor 3 Stunden",
            "hace 5 minutos",
            "Posted yesterday at 9:30 pm",
        ] {
            assert!(says_when_relatively(line), "{line}");
        }
        for line in [
            "Updated at 9:30 pm",
            "2 hours ago the pier closed",
            "Today's weather: 21 degrees",
            "May 7, 2019",
        ] {
            assert!(!says_when_relatively(line), "{line}");
        }
    }

    #[test]
    fn an_address_files_its_page_under_a_day() {
        for (url, day) in [
            (
                "https://boingboing.net/2019/09/25/patti-smith.html",
                Some("2019-09-25"),
            ),
            (
                "https://china.chinadaily.com.cn/a/202311/17/WS6557.html",
                Some("2023-11-17"),
            ),
            (
                "https://example.com/blog/2021-03-04-first-post/",
                Some("2021-03-04"),
            ),
            ("/news/2020/1/9/story", Some("2020-01-09")),
            // An archive's month, a query's numbers, an ID: no day.
            ("https://example.com/2019/09/", None),
            ("https://example.com/story?d=2019/09/25", None),
            ("https://example.com/item/20231117/x", None),
            ("https://example.com/2019/13/40/x", None),
            ("https://example.com/2019-09-251234", None),
        ] {
            assert_eq!(date_in_url(url).as_deref(), day, "{url}");
        }
    }

    #[test]
    fn a_line_that_only_says_when() {
        for line in [
            "January 22, 2014",
            "Donnerstag, 15.2.2018, 19:51",
            "Erstellt am: 01.11.2023",
            "[Samstag, 19. Juli 2014]",
            "Jueves 28 de abril de 2022 5:03 PM",
            "Posted on March 3, 2021",
            "Stand - 12.11.2021",
            "3 marzo 2025 (modifica il 3 marzo 2025 | 14:21)",
            "Pubblicato il 3 marzo 2025 alle ore 14:21",
            "Actualizado el 28 de abril de 2022, 17:03",
        ] {
            assert!(holds_a_year(line) && only_a_date(line), "{line}");
        }
        for line in [
            "Rückblick auf den 9. November 1989",
            "Von Christian am 03.05.2013, 11:51",
            "2019",
            "12 comments",
            "Essay 25.10.2022 - Reiner Nagel",
        ] {
            assert!(!(holds_a_year(line) && only_a_date(line)), "{line}");
        }
        for line in [
            "08.11.2021 | Online-Fachtag",
            "// By Arun Sai Krishnan \u{2022} Nov 11, 2020",
            "25.10.2022 - Reiner Nagel",
            "1. Februar 2022 , Daniel Dillenburg",
            "Tuesday 15 October 2019 by Bradley M. Kuhn",
            "06.11.2023 13:30 von Olga",
            // The author first, then the day after a word that joins them.
            "Posted by Jane Doe on March 3, 2021",
            "Von Rolf Rau am 26.02.2014",
            "Submitted by jo on Mon, 2019-01-21 10:00",
            "Gespeichert von rasos am 24. Juli 2017 - 18:55",
            // The longest verb, 15 bytes.
            "Veröffentlicht von Max Muster am 3. März 2021",
        ] {
            assert!(dated_part(line), "{line}");
        }
        for line in [
            "January 22, 2014",
            "Essay 25.10.2022 - Reiner Nagel",
            "2019 - 2021",
            // A sentence's date, or its "by" that names no one.
            "The council voted on 3 March 2024 by a show of hands",
            "3 March 2024 by the river",
            "On 3 March 2024, the council voted",
            "By the end of the week on 3 March 2024 the council voted",
        ] {
            assert!(!dated_part(line), "{line}");
        }
        assert!(names_its_author("Posted by Jane Doe on March 3, 2021"));
        assert!(names_its_author("Eingestellt von Max Muster um 10:12"));
        assert!(names_its_author(
            "Veröffentlicht von Max Muster am 3. März 2021"
        ));
        assert!(!names_its_author("Posted by the harbour master"));
    }

    #[test]
    fn a_line_shows_its_date() {
        for (line, day) in [
            (
                "Saibal Dasgupta | TNN | Updated: Oct 9, 2019, 11:05 IST",
                Some("2019-10-09"),
            ),
            ("19.07.2022", Some("2022-07-19")),
            ("October 14, 2009|Marc Lifsher", Some("2009-10-14")),
            ("Aktualisiert am 3.11.2021, 14:02 Uhr", Some("2021-11-03")),
            ("2019年2月22日 16:00", Some("2019-02-22")),
            ("2023년 1월 30일", Some("2023-01-30")),
            ("Janic Cathomen, 01.12.2021", Some("2021-12-01")),
            ("25. November 2021 16:11 Uhr", Some("2021-11-25")),
            ("VON MORITZ GATHMANN am 21. April 2020", Some("2020-04-21")),
            ("3rd August 2017", Some("2017-08-03")),
            ("Le 11 septembre 2018 à 12:57", Some("2018-09-11")),
            ("2 hours ago · March 3, 2020", Some("2020-03-03")),
            ("Mar del Plata, 3 de marzo de 2020", Some("2020-03-03")),
            ("By Mark Jones, 2019", None),
            ("07/12/2016", None),
            ("Lesezeit 4 Min.", None),
            ("31.13.2020", None),
        ] {
            assert_eq!(date_in_text(line).as_deref(), day, "{line}");
        }
    }

    #[test]
    fn bylines_keep_the_name_alone() {
        for (line, name) in [
            ("By Jane Doe", "Jane Doe"),
            ("BY: Jane Doe", "Jane Doe"),
            ("Par Sébastien Farcis", "Sébastien Farcis"),
            (
                "por César Salza 1 de diciembre de 2017 3:00 AM PST",
                "César Salza",
            ),
            ("von Anna Schmidt", "Anna Schmidt"),
            (
                "Isabel Caro y José Miguel Wilson Hace 13 horas",
                "Isabel Caro y José Miguel Wilson",
            ),
            ("Anna Schmidt vor 2 Stunden", "Anna Schmidt"),
            ("di Mario Rossi", "Mario Rossi"),
            ("Updated by Aja Romano@ajaromano", "Aja Romano"),
            ("Posted by Jane Doe (@jane_doe)", "Jane Doe"),
            ("Publié par Marie Dupont", "Marie Dupont"),
            ("pubblicato da Mario Rossi", "Mario Rossi"),
            ("jane.doe@example.com", "jane.doe@example.com"),
            ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"),
            ("James Akinaka \u{2022} 8h", "James Akinaka"),
            ("Joshua Sokol May 20, 2019", "Joshua Sokol"),
            ("GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY"),
            ("Alex Perry 1 day ago", "Alex Perry"),
            ("MORITZ GATHMANN am 12.03.2020", "MORITZ GATHMANN"),
            ("Submitted by jo on Mon, 2019-01-21 10:00", "jo"),
            ("Gespeichert von rasos am 24. Juli 2017 - 18:55", "rasos"),
            ("Von R. R. am 26.02.2014", "R. R."),
            ("Eingestellt von Max Muster um 10:12", "Max Muster"),
            ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", "Uta Helkenberg"),
            ("| Autor: gnaddrig", "gnaddrig"),
            ("October 14, 2009|Marc Lifsher", "Marc Lifsher"),
            ("2019-05-07 \u{b7} By Jane Doe", "Jane Doe"),
            (
                "Politik \u{b7} Jochen Bittner, Tina Hildebrandt",
                "Jochen Bittner, Tina Hildebrandt",
            ),
            (
                "Jane Doe \u{b7} Harbour Times",
                "Jane Doe \u{b7} Harbour Times",
            ),
            (
                "Tech Industry by Steven Musil January 18, 2017",
                "Steven Musil",
            ),
            ("Ein Kommentar von Anna Schmidt", "Anna Schmidt"),
            ("Erstellt von Andri Bryner", "Andri Bryner"),
            ("Interview: Julia Lauter", "Julia Lauter"),
            (
                "'Luana Patriolino, Raphael Felice'",
                "Luana Patriolino, Raphael Felice",
            ),
            ("Text Mining Group", "Text Mining Group"),
            ("Johanna Kropfitsch Alle Artikel", "Johanna Kropfitsch"),
            ("Jane Doe | View all posts", "Jane Doe"),
            (
                "Written by Rob Ewaschuk Edited by Betsy Beyer",
                "Written by Rob Ewaschuk Edited by Betsy Beyer",
            ),
            // Letters whose lower case is longer than they are do not move the cut.
            ("By \u{23a}\u{23a}\u{23a} Doe", "\u{23a}\u{23a}\u{23a} Doe"),
            ("BY \u{130}smail Kaya", "\u{130}smail Kaya"),
            // Names that look like the patterns but are names.
            ("Di Stefano", "Di Stefano"),
            ("Theresa May", "Theresa May"),
            // Spans run into each other; a name that starts with the word does not.
            ("ByAlex Bozarjian", "Alex Bozarjian"),
            ("PorAna Ruiz", "Ana Ruiz"),
            ("Byron Smith", "Byron Smith"),
            ("BYU Newsroom", "BYU Newsroom"),
            ("DoorDash Newsroom", "DoorDash Newsroom"),
            ("50 Cent", "50 Cent"),
            ("DAVID LIEBERMAN, Executive Editor", "DAVID LIEBERMAN"),
            ("Jane Doe - Senior Political Correspondent", "Jane Doe"),
            ("Jane Doe, Max Roe, Staff Writers", "Jane Doe, Max Roe"),
            ("Jane Editor", "Jane Editor"),
            ("Jane Doe, Editor", "Jane Doe"),
            (
                "JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers",
                "JORDAN ROBERTSON and RACHEL METZ",
            ),
            ("Jane Doe, Max Editor", "Jane Doe, Max Editor"),
            (
                "Doug Stanglin, USA TODAY 8:42 a.m. EDT October 3, 2014",
                "Doug Stanglin, USA TODAY",
            ),
            ("May 19, 2016 Jane Doe", "May 19, 2016 Jane Doe"),
            (
                "Brenda Goodman, MA WebMD Health News",
                "Brenda Goodman, MA WebMD Health News",
            ),
        ] {
            assert_eq!(clean_byline(line).as_deref(), Some(name), "{line}");
        }
    }

    /// The hand-written loop gives what `split_whitespace` and `char` by `char` gave.
    #[test]
    fn normalize_space_matches_the_plain_way() {
        fn plain_way(s: &str) -> String {
            let mut out = String::new();
            for word in s.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                for c in word.chars() {
                    match c {
                        '\0' => out.push('\u{FFFD}'),
                        c if c.is_control() => {}
                        c => out.push(c),
                    }
                }
            }
            out
        }
        let pieces = [
            "a", "Zoë", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\0", "\u{1}", "\u{1c}", "\u{7f}",
            "\u{85}", "\u{9f}", "\u{a0}", "\u{a9}", "\u{1680}", "\u{2003}", "\u{200b}", "\u{2028}",
            "\u{202f}", "\u{3000}", "东京", "x-y.", "",
        ];
        // Every string of up to three pieces.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(normalize_space(&s), plain_way(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn title_parts_are_cut_at_spaced_separators() {
        fn parts(t: &str) -> Vec<&str> {
            title_parts(t).collect()
        }
        assert_eq!(
            parts("30.11. | Buch der Woche – Nikole Hannah-Jones"),
            ["30.11.", "Buch der Woche", "Nikole Hannah-Jones"]
        );
        assert!(parts("HE:Kassel/Stammtisch").is_empty());
        assert!(parts("Strava-Karten ab sofort").is_empty());
    }

    /// Readability's measure: the characters of `b`'s tokens missing from `a`, joined by
    /// spaces, against all of `b`'s.
    #[test]
    fn text_similarity_is_readabilitys() {
        assert_eq!(
            text_similarity("The quiet harbour", "the Quiet, harbour!"),
            1.0
        );
        assert!((text_similarity("a b", "a c") - (1.0 - 1.0 / 3.0)).abs() < 1e-9);
        // Characters, not bytes: "straße" is six.
        assert!((text_similarity("x", "Straße x") - 0.25).abs() < 1e-9);
        assert_eq!(text_similarity("", "a"), 0.0);
        assert_eq!(text_similarity("a", "..."), 0.0);
    }

    #[test]
    fn a_line_names_its_author_after_a_word_for_by() {
        for line in [
            "By Jane Doe",
            "von Daniela Obers",
            "Par Didier Roy",
            "By Jane Doe and John Roe",
            "Von Claudia Lindner | 27.1.2022",
            "by Ludwig van Beethoven",
        ] {
            assert!(names_its_author(line), "{line}");
        }
        for line in [
            "By Monday the council had voted",
            "By the way",
            "By Jane",
            "Bye Jane Doe",
            "Von Montag bis Freitag",
            "By 2020, Prices Rose",
            "Photo by Jane Doe",
            "Autor: Jane Doe",
        ] {
            assert!(!names_its_author(line), "{line}");
        }
    }

    #[test]
    fn a_byline_that_only_says_when_is_none() {
        for line in [
            "Sunday, Feb 1, 2015 11:57 AM UTC",
            "Last Updated: January 7, 2025",
            "First Published: 18 Mar 2025, 06:00 AM IST",
            "First uploaded on: 12-03-2024 at 10:12 IST",
            "Published on 09/04/2025 - 7:00 GMT+2 \u{2022}Updated 11:48",
            "Posted on",
            "Submitted on Mon, 2019-01-21 13:49",
            "Veröffentlicht am 3. März 2021",
            "Modifié le 21/11/2025 à 18h02",
            "Mis à jour le 7 janvier 2020",
            "Oppdatert: 30.11.2025 13:05",
            "Aangepast: 27 november 2025 09:31",
            "woensdag 3 december 2025 om 03:00",
            // The reading time beside the day.
            "Veröffentlicht am 18.11.2025 | Lesedauer: 5 Minuten",
            "Published by",
            "Sep 19, 2016",
            "March 3, 2024 at 6:05 p.m. EDT",
            "9:39AM BST 05 Oct 2011",
            "Published: Wednesday, 21 Sep 2011 | 4:35 PM ET",
            "2019年2月22日 16:00",
            "03.11.2021",
            "  ",
            // What a theme writes where no one is named.
            "No Author",
            "Follow",
        ] {
            assert_eq!(clean_byline(line), None, "{line}");
        }
    }

    #[test]
    fn a_one_word_site_before_a_colon_goes_when_the_rest_is_the_heading() {
        let h1 = |t: &str| vec![(1u8, t.to_string())];
        assert_eq!(
            article_title("ACCU  :: Defining Concepts", &h1("Defining Concepts")),
            "Defining Concepts"
        );
        // Without the heading, a short title stays whole, as Readability keeps it.
        assert_eq!(
            article_title("ACCU :: Defining Concepts", &[]),
            "ACCU :: Defining Concepts"
        );
        // The title first, then the site (whose logo is the page's `<h1>`).
        assert_eq!(
            article_title("Muffin Grundrezept : Muffin Rezepte", &h1("Muffin Rezepte")),
            "Muffin Grundrezept : Muffin Rezepte"
        );
    }

    fn names_the_site(author: &str, site_name: Option<&str>, raw_title: &str) -> bool {
        SiteNames::new(site_name, raw_title).named_by(author)
    }

    #[test]
    fn an_author_that_is_the_sites_name_is_told() {
        let title = "Mindestlohn steigt | Badische Zeitung";
        assert!(names_the_site("Badische Zeitung", None, title));
        assert!(names_the_site("ACCU ", None, "ACCU :: Defining Concepts"));
        assert!(names_the_site(
            "heise online",
            Some("heise online"),
            "Lithium"
        ));
        assert!(!names_the_site("Mira Shah", Some("Harbour Times"), title));
        // A title that only begins with the name, as a word of its own.
        assert!(!names_the_site(
            "Sitemap",
            None,
            "Sitemaps explained: a guide"
        ));
        assert!(!names_the_site("Badische", None, title));
        assert!(names_the_site("elmundo.es", None, title));
        assert!(names_the_site("Deutsche Welle (www.dw.com)", None, title));
        assert!(!names_the_site("St.Galler Tagblatt", None, title));
        assert!(!names_the_site("T. V. Raman", None, title));
        assert!(!names_the_site("jane@example.com", None, title));
        // A name that holds the site's as words of its own.
        assert!(names_the_site("Ediciones El País", Some("EL PAÍS"), "x"));
        assert!(names_the_site(
            "unocero - Alberto Ávila",
            Some("unocero"),
            "x"
        ));
        assert!(!names_the_site("Mira Pais", Some("País"), "x"));
        assert!(!names_the_site("Lemire", Some("Daniel Lemire's blog"), "x"));
        let blog = "史蒂文的家_藍天";
        assert!(!names_the_site(
            &format!("{blog} (stevenhgm)"),
            Some(blog),
            "x"
        ));
    }

    #[test]
    fn title_loses_site_suffix() {
        assert_eq!(
            article_title(
                "China's Xi calls Russia true friend | World News - Hindustan Times",
                &[]
            ),
            "China's Xi calls Russia true friend"
        );
        assert_eq!(
            article_title("Site Name | An article about five things", &[]),
            "An article about five things"
        );
    }

    #[test]
    fn a_meta_title_loses_the_sites_own_name() {
        let site = |title: &str, site: &str| without_site_name(title.to_string(), Some(site));
        for (title, name, want) in [
            (
                "Your holiday outfit, illustrated - HelloGiggles",
                "HelloGiggles",
                "Your holiday outfit, illustrated",
            ),
            (
                "2021-2022 Line Outline | Blister",
                "BLISTER",
                "2021-2022 Line Outline",
            ),
            (
                "Helter Shelter: NYC's Fallout Shelters: Gothamist",
                "Gothamist",
                "Helter Shelter: NYC's Fallout Shelters",
            ),
            // The site's name is itself written with separators.
            (
                "Zu Besuch bei Vera — Herz und Blut - Interior | Design",
                "Herz und Blut - Interior | Design",
                "Zu Besuch bei Vera",
            ),
            // Not the site's name: the title's own words.
            (
                "Review: The Winter Ferry - Rosa Lind",
                "Harbour Review",
                "Review: The Winter Ferry - Rosa Lind",
            ),
            // Nothing but the name would be left of a one-word title.
            (
                "Impressum - Harbour Review",
                "Harbour Review",
                "Impressum - Harbour Review",
            ),
            ("Harbour Review", "Harbour Review", "Harbour Review"),
            // The name without its article, after the section.
            (
                "Ferry snubs the harbour board, says talks resume | India News - Times of Harbour",
                "The Times of Harbour",
                "Ferry snubs the harbour board, says talks resume",
            ),
        ] {
            assert_eq!(site(title, name), want, "{title}");
        }
        assert_eq!(without_site_name("A - B c".into(), None), "A - B c");
    }

    #[test]
    fn a_meta_title_loses_a_section_the_page_does_not_show() {
        let h1 = |h: &str| vec![(1u8, h.to_string())];
        let cut =
            |title: &str, headings: &[(u8, String)]| without_section(title.to_string(), headings);
        let title = "Opinion | Enough platitudes: Let’s name names";
        let shown = "Enough platitudes: Let’s name names";
        assert_eq!(cut(title, &h1(shown)), shown);
        // Spaces, case and punctuation aside.
        assert_eq!(
            cut(title, &h1("ENOUGH PLATITUDES - LET'S NAME NAMES")),
            shown
        );
        // The page shows the title whole, or something else: the meta title stays.
        assert_eq!(cut(title, &h1(title)), title);
        assert_eq!(cut(title, &h1("Opinion")), title);
        // The `<title>` is not the page's heading, nor is a second-level heading.
        assert_eq!(cut(title, &[]), title);
        assert_eq!(cut(title, &[(2, shown.to_string())]), title);
        // One word left is no title.
        assert_eq!(cut("Review - Ferries", &h1("Ferries")), "Review - Ferries");
        // Two words before it may be the title, and the heading the site's name.
        let site = "Salsa-Figuren - Rueda in Berlin";
        let title = "Enchufla Figuren - Salsa-Figuren - Rueda in Berlin";
        assert_eq!(cut(title, &h1(site)), title);
    }

    #[test]
    fn a_meta_title_loses_a_kicker_the_page_sets_apart() {
        let h1 = |h: &str| vec![(1u8, h.to_string())];
        let cut = |title: &str, h: &str| without_kicker(title.to_string(), &h1(h));
        let title = "Hochwasserschutz in Niederbayern: Wenn der Deich zur Geduldsprobe wird";
        let shown = "Wenn der Deich zur Geduldsprobe wird";
        assert_eq!(cut(title, shown), shown);
        // The page shows it whole, or something else.
        assert_eq!(cut(title, title), title);
        assert_eq!(cut(title, "Bayern"), title);
        // Not a long head, a headline of one word, or a colon of a run.
        let long = "What the council decided on Tuesday night: Cycle lanes approved";
        assert_eq!(cut(long, "Cycle lanes approved"), long);
        assert_eq!(cut("Review: Ferries", "Ferries"), "Review: Ferries");
        let run = "Autumn leaves (2) @ Steven's home :: PIXNET ::";
        assert_eq!(cut(run, "PIXNET ::"), run);
    }

    #[test]
    fn a_title_that_is_the_headline_then_the_site_is_the_headline() {
        let h1 = |t: &str| vec![(1, t.to_string())];
        let cut = |title: &str, heading: &str| without_tail(title.into(), &h1(heading));
        let dw = "Rwandan genocide: The long wait for justice";
        assert_eq!(cut(&format!("{dw} | DW | 21.05.2020"), dw), dw);
        assert_eq!(
            cut(
                "港特首梁振英就住宅违建事件道歉 - BBC中文网 - 两岸三地",
                "港特首梁振英就住宅违建事件道歉"
            ),
            "港特首梁振英就住宅违建事件道歉"
        );
        // Separators without spaces, or doubled.
        let xinhua = "短缺药品保供稳价 全力保障临床用药需求";
        assert_eq!(cut(&format!("{xinhua}-新华网"), xinhua), xinhua);
        assert_eq!(cut(&format!("{xinhua}_新浪网"), xinhua), xinhua);
        assert_eq!(cut(&format!("{dw} -- Puppet Masters -- Sott.net"), dw), dw);
        assert_eq!(
            cut("Spider-Man review - Empire", "Spider-Man review"),
            "Spider-Man review"
        );
        let word = "Naturkosmetik- doch gesünder?";
        assert_eq!(cut(word, "Naturkosmetik"), word);
        // The `<h1>` is the site's logo: a trail from it, a one-word head, or no separator.
        let trail = "Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos";
        assert_eq!(cut(trail, "Time 4 talks"), trail);
        assert_eq!(
            cut("Heise - Ein Titel hier", "Heise"),
            "Heise - Ein Titel hier"
        );
        assert_eq!(cut("A title of its own", "A title"), "A title of its own");
        // A heading below the first level is a section's, not the page's.
        let h2 = vec![(2, "Samantha and The Great Big Lie".to_string())];
        let medium = "Samantha and The Great Big Lie - John C. Welch";
        assert_eq!(without_tail(medium.into(), &h2), medium);
    }

    #[test]
    fn json_ld_with_raw_line_breaks_in_a_string() {
        let block = "{\"@type\": \"BlogPosting\", \"articleBody\": \"One.\nTwo.\",\n \"author\": {\"name\": \"Jane Roe\"}}";
        let ld = parse_json_ld(&[block.to_string()], "Head");
        assert_eq!(ld.byline.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn json_ld_as_a_pages_main_entity() {
        let block = r#"{"@context":"https://schema.org","@type":"WebPage","mainEntity":
            {"@type":"NewsArticle","headline":"Head","author":[{"@type":"Person","name":"Miriam Okafor"}],
             "datePublished":"2025-06-04"}}"#;
        let ld = parse_json_ld(&[block.to_string()], "Head");
        assert_eq!(ld.title.as_deref(), Some("Head"));
        assert_eq!(ld.byline.as_deref(), Some("Miriam Okafor"));
        assert_eq!(ld.published.as_deref(), Some("2025-06-04"));
    }

    /// A recipe site's one block is the recipe: its author and day are the page's, its name
    /// the card's; an article beside it wins.
    #[test]
    fn json_ld_of_a_recipe_gives_author_and_day() {
        let recipe = r#"{"@context":"http://schema.org","@type":["Recipe"],"name":"Smashed Potatoes",
            "datePublished":"2025-02-20T07:00:00.000-05:00","author":[{"@type":"Person","name":"Maren Holloway"}],
            "description":"Boil, smash, roast."}"#;
        let ld = parse_json_ld(&[recipe.to_string()], "Crispy Smashed Potatoes Recipe");
        assert_eq!(ld.byline.as_deref(), Some("Maren Holloway"));
        assert_eq!(
            ld.published.as_deref(),
            Some("2025-02-20T07:00:00.000-05:00")
        );
        assert_eq!((ld.title, ld.excerpt), (None, None));
        let article = r#"{"@type":"BlogPosting","headline":"Head","author":{"name":"A"}}"#;
        let ld = parse_json_ld(&[recipe.to_string(), article.to_string()], "Head");
        assert_eq!(ld.byline.as_deref(), Some("A"));
    }

    #[test]
    fn json_ld_in_graph() {
        let block = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
            {"@type":"NewsArticle","headline":"Head","author":[{"@type":"Person","name":"A"},{"name":"B"}],
             "datePublished":"2025-02-24T16:49:00+05:30","publisher":{"name":"Pub"}}]}"#;
        let ld = parse_json_ld(&[block.to_string()], "Head");
        assert_eq!(ld.title.as_deref(), Some("Head"));
        assert_eq!(ld.byline.as_deref(), Some("A, B"));
        assert_eq!(ld.site_name.as_deref(), Some("Pub"));
    }

    #[test]
    fn dates_become_iso() {
        assert_eq!(
            iso_date("2025-02-24T16:49:00+05:30").as_deref(),
            Some("2025-02-24T16:49:00+05:30")
        );
        assert_eq!(
            iso_date("Feb 24, 2025 04:49 PM IST").as_deref(),
            Some("2025-02-24")
        );
        assert_eq!(
            iso_date("24th February 2025").as_deref(),
            Some("2025-02-24")
        );
        assert_eq!(iso_date("yesterday"), None);
    }
}
