//! Every name-based heuristic in one place, each with the reason it exists.
//!
//! Pages tell us what their parts are through `class`, `id` and `role`. Readability.js reads
//! them with regular expressions over the joined `class id` string; the tables below keep its
//! vocabulary (it is tuned on thousands of pages) and add a second, stricter reading for
//! boilerplate we remove outright: whole words inside class/id tokens, so that `share-bar`
//! and `shareBar` match `share` but `shareholders` does not.
//!
//! Matching is hand-written rather than done with the `regex` crate: the needles are plain
//! words, and the regex engine would add about 400 KB to a WebAssembly module whose budget is
//! 300 KB gzipped.

use crate::article::RemovedKind;

/// How a needle is compared with the lower-cased `class id` string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Anywhere, as Readability's regexes do.
    Substring,
    /// Equal to one whole word of a class/id token (tokens split at `-`, `_`, digits and
    /// camelCase humps).
    Word,
    /// The start of such a word, for names sites glue together (`cookiebanner`).
    WordPrefix,
}

/// One named pattern: what to look for and how. Each is written with the reason it is there
/// (`word("share", "share bars")`); the reasons are for whoever reads this file and are left
/// out of the build, where they were 2 KB of the gzipped WebAssembly.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub needle: &'static str,
    pub how: How,
}

impl Pattern {
    /// Whether one word of a name is this pattern: the word itself, or its start for
    /// [`How::WordPrefix`]. Tables read word by word hold no substring patterns.
    pub fn fits_word(&self, word: &str) -> bool {
        match self.how {
            How::WordPrefix => word.starts_with(self.needle),
            _ => word == self.needle,
        }
    }
}

const fn sub(needle: &'static str, _why: &'static str) -> Pattern {
    Pattern {
        needle,
        how: How::Substring,
    }
}

const fn word(needle: &'static str, _why: &'static str) -> Pattern {
    Pattern {
        needle,
        how: How::Word,
    }
}

const fn prefix(needle: &'static str, _why: &'static str) -> Pattern {
    Pattern {
        needle,
        how: How::WordPrefix,
    }
}

/// A phrase of a table, with the reason it is there (left out of the build, as [`Pattern`]'s).
const fn phrase(phrase: &'static str, _why: &'static str) -> &'static str {
    phrase
}

/// Readability's `unlikelyCandidates`: containers that are almost never the article. They are
/// skipped in the first attempt only, so a page built entirely of such names still reads.
pub const UNLIKELY: &[Pattern] = &[
    sub("-ad-", "ad slots named like `top-ad-unit`"),
    sub("ai2html", "NYT-style graphics exports"),
    sub("banner", "site banners"),
    sub("breadcrumbs", "breadcrumb trails"),
    sub("combx", "legacy comment boxes"),
    sub("comment", "comment threads"),
    sub("community", "community widgets"),
    sub("cover-wrap", "full-page cover overlays"),
    sub("disqus", "Disqus comments"),
    sub("extra", "extras rails"),
    sub("footer", "footers"),
    sub("gdpr", "consent banners"),
    sub("header", "site headers"),
    sub("legends", "map legends"),
    sub("menu", "menus"),
    sub("related", "related-article lists"),
    sub("remark", "remarks/comments"),
    sub("replies", "reply threads"),
    sub("rss", "feed links"),
    sub("shoutbox", "chat boxes"),
    sub("sidebar", "sidebars"),
    sub("skyscraper", "tall ad slots"),
    sub("social", "social buttons"),
    sub("sponsor", "sponsored content"),
    sub("supplemental", "supplemental rails"),
    sub("ad-break", "ad breaks"),
    sub("agegate", "age gates"),
    sub("pagination", "pagers"),
    sub("pager", "pagers"),
    sub("popup", "pop-ups"),
    sub("yom-remote", "Yahoo remote modules"),
];

/// Readability's `okMaybeItsACandidate`: a name that also says "content" saves an unlikely one.
pub const MAYBE_CANDIDATE: &[Pattern] = &[
    sub(
        "and",
        "Readability's (odd but tuned) rescue for names like `main-and-sidebar`",
    ),
    sub("article", "article containers"),
    sub("body", "article bodies"),
    sub("column", "layout columns holding text"),
    sub("content", "content containers"),
    sub("main", "main regions"),
    sub("mathjax", "rendered maths"),
    sub("shadow", "shadow wrappers around the text"),
];

/// Readability's `positive`: names that raise a container's score by 25.
pub const POSITIVE: &[Pattern] = &[
    sub("article", "article containers"),
    sub("body", "article bodies"),
    sub("content", "content containers"),
    sub("entry", "blog entries"),
    sub("hentry", "microformat entries"),
    sub("h-entry", "microformat2 entries"),
    sub("main", "main regions"),
    sub("page", "page bodies"),
    sub(
        "pagination",
        "(Readability keeps this positive for multi-page articles)",
    ),
    sub("post", "blog posts"),
    sub("text", "text blocks"),
    sub("blog", "blog bodies"),
    sub("story", "news stories"),
];

/// Readability's `negative`: names that lower a container's score by 25.
pub const NEGATIVE: &[Pattern] = &[
    sub("-ad-", "ad slots"),
    sub("hidden", "hidden blocks"),
    word("hid", "abbreviated hidden"),
    sub("banner", "banners"),
    sub("combx", "comment boxes"),
    sub("comment", "comments"),
    sub("com-", "comment prefixes"),
    sub("contact", "contact boxes"),
    sub("footer", "footers"),
    sub("gdpr", "consent banners"),
    sub("masthead", "mastheads"),
    sub("media", "media rails"),
    sub("meta", "metadata lines"),
    sub("outbrain", "Outbrain recommendations"),
    sub("promo", "promotions"),
    sub("related", "related links"),
    sub("scroll", "scrollers and carousels"),
    sub("share", "share bars"),
    sub("shoutbox", "chat boxes"),
    sub("sidebar", "sidebars"),
    sub("skyscraper", "tall ads"),
    sub("sponsor", "sponsored blocks"),
    sub("shopping", "shopping widgets"),
    sub("tags", "tag lists"),
    sub("widget", "widgets"),
];

/// Names of skip links and the lists that hold them (`skip-link`, `skipLink`, `navSkip`):
/// read only for a link within the page (or its parent), as "skip" names other things too
/// (`skip-toc` headings, `rs_skip` text that read-aloud tools pass over).
pub const SKIP_LINK: &[Pattern] = &[sub("skip", "skip links for keyboard users")];

/// Readability's `byline`: where the author line usually lives.
pub const BYLINE: &[Pattern] = &[
    sub("byline", "bylines"),
    sub("author", "author lines"),
    sub("dateline", "datelines"),
    sub("writtenby", "written-by lines"),
    sub("p-author", "microformat2 authors"),
    // Not a substring: `autoresize`, `autorotate`.
    word(
        "autor",
        "German, Spanish and Polish author lines (`artikel-autor`, `nombre-autor`)",
    ),
];

/// Class names for text kept for screen readers alone, in any case: read in the class only.
pub const VISUALLY_HIDDEN: &[Pattern] = &[
    sub("sr-only", "Bootstrap 4 and Tailwind"),
    sub("visually-hidden", "Bootstrap 5"),
    sub("visuallyhidden", "HTML5 Boilerplate"),
    sub("screen-reader", "WordPress' `screen-reader-text`"),
    sub("element-invisible", "Drupal 7"),
    sub("text-hide", "Bootstrap 3's image replacement"),
];

/// Names of a quote's box (`pull-quote`, `blockquote`, `testimonial-quote`): an author mark in
/// one (`pull-quote__author`) names who said it, not who wrote the article.
pub const QUOTE_NAMES: &[Pattern] = &[sub("quote", "pull quotes and quote boxes")];

/// Names of a recipe's list of ingredients (`wprm-recipe-ingredients`, `p-ingredient`,
/// `recipe-ingredients__item`): rows of an amount and a name, short and often linked to a
/// glossary, that Readability's cleaning takes for a menu. Asked only on pages that declare
/// a recipe (see `stages::score`). Whole words, as in `ingredient-free` prose they are not.
pub const INGREDIENT_NAMES: &[Pattern] = &[
    word(
        "ingredient",
        "one ingredient's row (`p-ingredient`, h-recipe's)",
    ),
    word(
        "ingredients",
        "the list of ingredients (`tasty-recipes-ingredients`)",
    ),
    word("zutaten", "German recipe sites' lists (`rezept-zutaten`)"),
];

/// Names of a recipe card's parts (`wprm-recipe-header`, `tasty-recipes-instructions`):
/// a heading so named heads the card's lists, whatever else its names say of headers (see
/// `stages::collect`).
pub const RECIPE_CARD: &[Pattern] = &[word("recipe", "recipe cards' parts")];

/// Names of a picture's credit line, set apart from its caption (`o-credit__attribution`,
/// `image-credit`). Whole words, as `credit` is also part of `creditcard` and `accredited`.
pub const CREDIT_NAMES: &[Pattern] = &[
    word(
        "credit",
        "picture credits (`image-credit`, `module-credit`)",
    ),
    word("credits", "picture credits"),
    word("attribution", "picture credits (`o-credit__attribution`)"),
    word("photocredit", "picture credits run together"),
];

/// Names of a caption. A name that says both reads as its last word says, as English
/// compounds do: `caption-credit` is a credit, `credit-caption` (a box for the caption and
/// its credit) and `o-credit__caption` are captions.
pub const CAPTION_NAMES: &[Pattern] = &[
    word(
        "caption",
        "captions (`credit-caption`, `o-credit__caption`)",
    ),
    word("captions", "captions"),
    word("figcaption", "captions named after their element"),
];

/// Names of a box that is furniture while it is small: an appeal for the reader's money or
/// support (`support-box`, `cli-support-huffpost`), a player that reads the story aloud
/// (`article-audio`, `ArticleAudio_root`: "Listen to this article", its duration and the
/// narration's credits), which the view does not show. Only a small box goes for it (see
/// `stages::score`): the names are common words, a docs page's "Support" section is no
/// appeal (nor is a heading, whose `id` is its section's anchor), and a box that holds the
/// `<audio>` itself is an audio clip the view links to.
pub const SMALL_BOX_NAMES: &[Pattern] = &[
    word("support", "appeals: Support our journalism"),
    word(
        "contributions",
        "appeals for readers' money, their meter and amounts (Vox's \
         `contributions-module` after the story)",
    ),
    word("audio", "read-aloud players"),
];

/// Names of short lines that carry the date or the reading time: the reader shows those from
/// metadata, so the lines themselves are left out of the body.
pub const META_LINE: &[Pattern] = &[
    word("date", "publication dates"),
    word("datetime", "date-and-time lines (`tool_datetime`)"),
    word("pubdate", "publication dates run together"),
    word("postdate", "post dates run together"),
    word("datum", "German date lines (`news-datum`)"),
    word("fecha", "Spanish date lines (`fecha-publicacion`)"),
    word("dateline", "datelines"),
    word("timestamp", "timestamps"),
    word("published", "published-on lines"),
    word(
        "publish",
        "publish-date lines (`publish-date`, `ie-first-publish`)",
    ),
    word("updated", "updated-on lines"),
    word("posted", "posted-on lines"),
    word(
        "submitted",
        "Drupal's submitted-by lines (\"Submitted on Mon, 2019-01-21\")",
    ),
    word("byline", "author lines"),
    word("author", "author lines"),
    word("readtime", "reading-time badges"),
];

/// Boilerplate removed outright in every attempt, with the kind it is counted as.
/// Whole words only (see [`How::Word`]); a container that holds most of the page's prose is
/// never removed for its name (see `stages::score`).
pub const BOILERPLATE: &[(Pattern, RemovedKind)] = &[
    (
        prefix("cookie", "cookie notices (`cookiebanner`, `cookienotice`)"),
        RemovedKind::Cookie,
    ),
    (prefix("consent", "consent managers"), RemovedKind::Cookie),
    (prefix("gdpr", "consent banners"), RemovedKind::Cookie),
    (
        word("cmp", "consent-management platforms"),
        RemovedKind::Cookie,
    ),
    (prefix("paywall", "paywalls"), RemovedKind::Paywall),
    (
        word("subscribe", "subscription prompts"),
        RemovedKind::Paywall,
    ),
    (
        word("subscription", "subscription prompts"),
        RemovedKind::Paywall,
    ),
    (
        word("newsletter", "newsletter sign-ups"),
        RemovedKind::Paywall,
    ),
    (word("trial", "free-trial prompts"), RemovedKind::Paywall),
    (
        word("cta", "calls to action: subscribe, donate, write to us"),
        RemovedKind::Paywall,
    ),
    (word("piano", "Piano paywall slots"), RemovedKind::Paywall),
    (
        prefix("donat", "donation appeals (`donate-box`, `donations`)"),
        RemovedKind::Paywall,
    ),
    (word("signin", "sign-in prompts"), RemovedKind::Signin),
    (
        prefix("signup", "sign-up boxes (`nl-signup`)"),
        RemovedKind::Signin,
    ),
    (word("login", "log-in prompts"), RemovedKind::Signin),
    (
        word("register", "registration prompts"),
        RemovedKind::Signin,
    ),
    (
        word("registration", "registration prompts"),
        RemovedKind::Signin,
    ),
    (word("share", "share bars"), RemovedKind::Share),
    (word("sharing", "share bars"), RemovedKind::Share),
    (word("sharebar", "share bars"), RemovedKind::Share),
    (word("sharetools", "share bars"), RemovedKind::Share),
    (word("sharebuttons", "share bars"), RemovedKind::Share),
    (word("shareicons", "share bars"), RemovedKind::Share),
    (word("sharelinks", "share bars"), RemovedKind::Share),
    (word("social", "social buttons"), RemovedKind::Share),
    (word("sharethis", "ShareThis widgets"), RemovedKind::Share),
    (
        word("like", "like buttons (`facebook-like`, `sd-like`)"),
        RemovedKind::Share,
    ),
    (
        word("likes", "like counters (`jetpack-likes-widget`)"),
        RemovedKind::Share,
    ),
    (
        word("ratings", "rate-this-article widgets (`post-ratings`)"),
        RemovedKind::Share,
    ),
    (
        word("rating", "rate-this-article widgets"),
        RemovedKind::Share,
    ),
    (word("addthis", "AddThis widgets"), RemovedKind::Share),
    (
        word(
            "tts",
            "text-to-speech players over a story (`tts-player`, `time-display-tts`): their \
             labels, running time and disclaimer",
        ),
        RemovedKind::Share,
    ),
    (
        prefix(
            "related",
            "related-article lists (`relatedposts`, `relatedlinks`)",
        ),
        RemovedKind::Related,
    ),
    (
        word("recommended", "recommendation rails"),
        RemovedKind::Related,
    ),
    (
        word("recommendations", "recommendation rails"),
        RemovedKind::Related,
    ),
    (
        word("recirculation", "recirculation modules"),
        RemovedKind::Related,
    ),
    (
        word(
            "recirc",
            "the same, shortened (`jwplayer_recirc` over a playlist of other videos, \
             `recirc-list-wrapper`)",
        ),
        RemovedKind::Related,
    ),
    (word("outbrain", "Outbrain modules"), RemovedKind::Related),
    (word("taboola", "Taboola modules"), RemovedKind::Related),
    (word("trending", "trending lists"), RemovedKind::Related),
    (word("popular", "most-read lists"), RemovedKind::Related),
    (word("promo", "promotions"), RemovedKind::Ads),
    (
        word(
            "tout",
            "promotions for the publisher's other products (`terminal-tout`)",
        ),
        RemovedKind::Ads,
    ),
    (word("ad", "ad slots"), RemovedKind::Ads),
    (word("ads", "ad slots"), RemovedKind::Ads),
    (word("advert", "ad slots"), RemovedKind::Ads),
    (word("advertisement", "ad slots"), RemovedKind::Ads),
    (word("adslot", "ad slots"), RemovedKind::Ads),
    (word("dfp", "DoubleClick slots"), RemovedKind::Ads),
    (word("sponsored", "sponsored content"), RemovedKind::Ads),
    (
        word(
            "sponsor",
            "a sponsor's line or slot (`article-sponsor`, `sponsor-slot`)",
        ),
        RemovedKind::Ads,
    ),
    (
        word("disclaimer", "advertising and opinion disclaimers"),
        RemovedKind::Ads,
    ),
    (
        word("disclosure", "affiliate and editorial disclosures"),
        RemovedKind::Ads,
    ),
    (
        word("affiliate", "affiliate-link notices"),
        RemovedKind::Ads,
    ),
    (
        prefix("comment", "comment sections (`commentlist`)"),
        RemovedKind::Comments,
    ),
    (
        prefix(
            "comentario",
            "comment sections in Spanish and Portuguese (`comentarios`)",
        ),
        RemovedKind::Comments,
    ),
    (prefix("disqus", "Disqus threads"), RemovedKind::Comments),
    (
        word(
            "threads",
            "Valnet's comment section (`<section id=\"threads\" class=\"article-threads\">`)",
        ),
        RemovedKind::Comments,
    ),
    (
        word(
            "feedback",
            "readers' reviews under a recipe (`feedback-list`), \"Send feedback\" forms, \
             \"We're interested in your feedback on this page\"",
        ),
        RemovedKind::Comments,
    ),
    (
        word(
            "poll",
            "readers' polls (`data-widget=\"poll\"`), whose buttons vote",
        ),
        RemovedKind::Comments,
    ),
    (
        word("polls", "readers' polls (`wp-polls`)"),
        RemovedKind::Comments,
    ),
    (
        word(
            "dsq",
            "Disqus's own short name, on its \"comments powered by\" link (`dsq-brlink`)",
        ),
        RemovedKind::Comments,
    ),
    (word("nav", "navigation"), RemovedKind::Navigation),
    (word("navbar", "navigation"), RemovedKind::Navigation),
    (word("navigation", "navigation"), RemovedKind::Navigation),
    (word("menu", "menus"), RemovedKind::Navigation),
    (word("breadcrumb", "breadcrumbs"), RemovedKind::Navigation),
    (
        word(
            "editsection",
            "MediaWiki's \"[edit]\" link beside each heading (`mw-editsection`)",
        ),
        RemovedKind::Navigation,
    ),
    (word("breadcrumbs", "breadcrumbs"), RemovedKind::Navigation),
    (
        word(
            "kicker",
            "the label over a headline (\"Bayern\", \"Analysis\"): the section or topic, which \
             the view's title does without",
        ),
        RemovedKind::Navigation,
    ),
    (
        word("overline", "the same, by typographers' name"),
        RemovedKind::Navigation,
    ),
    (
        word("eyebrow", "the same, by designers' name"),
        RemovedKind::Navigation,
    ),
    (
        word(
            "bcrumb",
            "breadcrumbs, shortened (Livemint's `storyPage_bcrumb`)",
        ),
        RemovedKind::Navigation,
    ),
    (
        word(
            "badge",
            "labels pinned on a page or a teaser: a docs page's \"Version: 3.4\", \
             \"Exklusiv für Abonnenten\", a sponsor's \"präsentiert von\", counters",
        ),
        RemovedKind::Navigation,
    ),
    (
        word("badges", "the same, a row of them"),
        RemovedKind::Navigation,
    ),
    (word("masthead", "site mastheads"), RemovedKind::Navigation),
    (
        word(
            "search",
            "site search panels and their \"nothing found\" line",
        ),
        RemovedKind::Navigation,
    ),
    (word("footer", "footers"), RemovedKind::Footer),
    (
        word("bio", "author biographies (`author-bio`, `user-bio`)"),
        RemovedKind::Footer,
    ),
    (
        word("authorbox", "author boxes (`m-authorbox`)"),
        RemovedKind::Footer,
    ),
    (word("copyright", "copyright lines"), RemovedKind::Footer),
    (word("modal", "modal prompts"), RemovedKind::Signin),
    (word("popup", "pop-ups"), RemovedKind::Signin),
];

/// Words that, inside a class token, start a description of the element's state rather than
/// of what it is; the token's words from there on are not read as boilerplate names
/// (`has-sidebar`, `with-comments`, `non-paywall`, `above-footer`, `o-section--has-ads`).
pub const STATE_PREFIXES: &[&str] = &[
    "has", "hasnt", "with", "without", "no", "non", "is", "show", "enable", "enabled", "can",
    "allow", "above", "below", "before", "after",
];

/// Class tokens that only say how a box draws itself, read as no name at all: a word in
/// them matches a table by accident. Compared whole, in any case, after a utility framework's
/// variant (`md:overflow-hidden`).
pub const LAYOUT_ONLY: &[&str] = &[
    phrase(
        "overflow-hidden",
        "Tailwind's and Bootstrap's clipping of a box (`hidden` is a negative name): code \
         blocks, figures and whole article bodies carry it",
    ),
    phrase("overflow-x-hidden", "the same, one axis"),
    phrase("overflow-y-hidden", "the same, one axis"),
];

/// Whether a class token is one of [`LAYOUT_ONLY`].
pub fn is_layout_only(token: &str) -> bool {
    // Asked of every new token: all of them end in "hidden".
    let b = token.as_bytes();
    if !(b.len() >= 15 && b[b.len() - 6..].eq_ignore_ascii_case(b"hidden")) {
        return false;
    }
    let name = token.rsplit(':').next().unwrap_or(token);
    LAYOUT_ONLY.iter().any(|l| name.eq_ignore_ascii_case(l))
}

/// Words that lead a class name as a namespace, not a description: the words after them say
/// what the element is. Alone, such a word keeps its own meaning.
pub const NAMESPACES: &[&str] = &[phrase(
    "cmp",
    "components of Adobe Experience Manager (`cmp-text`, `cmp-image`) and Open Journal \
     Systems (`cmp_notification`) hold whole articles; consent managers put `cmp` after \
     their own name (`qc-cmp2`, `usercentrics-cmp`)",
)];

/// ARIA roles that are never the article (`_unlikelyRoles` in Readability, plus banner and
/// contentinfo, which are the page's header and footer, and tooltip).
pub const UNLIKELY_ROLES: &[(&str, RemovedKind)] = &[
    ("menu", RemovedKind::Navigation),
    ("menubar", RemovedKind::Navigation),
    ("navigation", RemovedKind::Navigation),
    ("complementary", RemovedKind::Related),
    ("alert", RemovedKind::Signin),
    ("alertdialog", RemovedKind::Signin),
    ("dialog", RemovedKind::Signin),
    ("banner", RemovedKind::Navigation),
    ("contentinfo", RemovedKind::Footer),
    // A control's hint, shown on hover or focus ("Log in, register or subscribe to save
    // articles for later." beside a Save button): the view has no control to hint at, and a
    // term's definition would break the sentence it hovers over.
    ("tooltip", RemovedKind::Hidden),
];

/// How a heading that leads into links to other articles begins ("Related stories", "Mehr
/// zum Thema"), in the languages news sites most often write. Matched at the start of a short
/// heading's lower-cased text; the heading goes, and so do the link lists and link-dense
/// blocks under it. Kept to phrases that never title a section of an article itself ("See
/// also" and "Further reading" do, on reference pages, and are not here).
pub const RELATED_HEADINGS: &[&str] = &[
    phrase("related", "English, alone or with a colon"),
    phrase("related stories", "English"),
    phrase("related articles", "English"),
    phrase("related posts", "English"),
    phrase("related content", "English"),
    phrase("related news", "English"),
    phrase("related coverage", "English"),
    phrase("related links", "English"),
    phrase("related reading", "English"),
    phrase("read more", "English"),
    phrase(
        "read next",
        "English: Read Next (the New York Post's list set in the story)",
    ),
    phrase(
        "what to read next",
        "English: the Wall Street Journal's list under the story",
    ),
    phrase("read also", "English"),
    phrase("also read", "English"),
    phrase("more on this", "English: More on this story / topic"),
    phrase(
        "more on",
        "English: More On: a topic's page (the New York Post)",
    ),
    phrase("more stories", "English"),
    phrase(
        "more top stories",
        "English: the Daily Mail's list under the comments",
    ),
    phrase(
        "top stories",
        "English: a front page's list beside or under a story",
    ),
    phrase("go deeper", "English: Axios's links to its earlier stories"),
    phrase(
        "don't miss",
        "English: a list of the site's other stories, set in the story",
    ),
    phrase("don’t miss", "English: the same, with a typeset apostrophe"),
    phrase("more from", "English: More from the site or the author"),
    phrase("you may also like", "English"),
    phrase("you might also like", "English"),
    phrase("you may be interested", "English"),
    phrase("recommended for you", "English"),
    phrase("more for you", "English: Forbes' list set in the story"),
    phrase(
        "more articles",
        "English: More articles by the author (LinkedIn)",
    ),
    phrase(
        "others also viewed",
        "English: LinkedIn's list under a post",
    ),
    phrase("most read", "English: a most-read list"),
    phrase("most popular", "English: a most-popular list"),
    phrase(
        "from our partners",
        "English: a recommendation widget's paid links",
    ),
    phrase(
        "around the web",
        "English: a recommendation widget's paid links",
    ),
    phrase(
        "from around the web",
        "English: a recommendation widget's paid links",
    ),
    phrase(
        "promoted stories",
        "English: a recommendation widget's paid links",
    ),
    phrase("partner content", "English: paid links under a story"),
    phrase("mehr zum thema", "German: more on the topic"),
    phrase("mehr themen", "German: more topics"),
    phrase("mehr von", "German: more from the site or the author"),
    phrase("mehr zu", "German: more on a topic (Mehr zu Wärmepumpen)"),
    phrase("weitere artikel", "German: further articles"),
    phrase("weitere beiträge", "German: further posts"),
    phrase("lesen sie auch", "German: read also"),
    phrase(
        "weiterlesen",
        "German: read on (Der Standard's \"Weiterlesen:\" over its links)",
    ),
    phrase(
        "das könnte sie auch interessieren",
        "German: you may also be interested",
    ),
    phrase("das könnte dich auch interessieren", "German, informal"),
    phrase(
        "das thema könnte dich auch interessieren",
        "German, informal",
    ),
    phrase("auch interessant", "German: also interesting"),
    phrase("schon gelesen", "German: already read?"),
    phrase(
        "serviceangebote unserer",
        "German: partners' offers under a story (Serviceangebote unserer Partner)",
    ),
    phrase("angebote unserer partner", "German: our partners' offers"),
    phrase("à lire aussi", "French: read also"),
    phrase("lire aussi", "French"),
    phrase("sur le même sujet", "French: on the same subject"),
    phrase("articles similaires", "French: similar articles"),
    phrase("articles les plus lus", "French: most read"),
    phrase("les plus lus", "French: most read, alone"),
    phrase("te puede interesar", "Spanish: may interest you"),
    phrase("lee también", "Spanish: read also"),
    phrase(
        "seguir leyendo",
        "Spanish: keep reading, over a news site's list of its stories at the end",
    ),
    phrase("noticias relacionadas", "Spanish: related news"),
    phrase("lo más leído", "Spanish: most read"),
    phrase("más leídas", "Spanish: most read (las noticias más leídas)"),
    phrase("artículos relacionados", "Spanish: related articles"),
    phrase("leia também", "Portuguese: read also"),
    phrase(
        "leia mais",
        "Portuguese: read more (Folha's box of links between paragraphs)",
    ),
    phrase(
        "veja também",
        "Portuguese: see also (news sites' related links)",
    ),
    phrase("notícias relacionadas", "Portuguese: related news"),
    phrase("mais lidas", "Portuguese: most read (Mais lidas no Globo)"),
    phrase("leggi anche", "Italian: read also"),
    phrase("potrebbe interessarti", "Italian: may interest you"),
    phrase("articoli correlati", "Italian: related articles"),
    phrase("i più letti", "Italian: most read"),
    phrase("lees ook", "Dutch: read also"),
    phrase("meest gelezen", "Dutch: most read"),
    phrase("meistgelesen", "German: most read"),
    phrase("関連記事", "Japanese: related articles"),
    phrase("関連ニュース", "Japanese: related news"),
    phrase("관련기사", "Korean: related articles"),
    phrase("관련 기사", "Korean: related articles"),
    phrase("相关新闻", "Chinese (simplified): related news"),
    phrase("相關新聞", "Chinese (traditional): related news"),
    phrase("相关阅读", "Chinese (simplified): related reading"),
    phrase("gerelateerde artikelen", "Dutch: related articles"),
    // The story's topic links: with their colon only, since "Tags" alone may title a
    // section of a manual (git's tags).
    phrase("tags:", "English"),
    phrase("tagged:", "English"),
    phrase("schlagworte:", "German"),
    phrase("schlagwörter:", "German"),
    phrase("mots-clés :", "French"),
    phrase("etiquetas:", "Spanish"),
];

/// The bytes a [`RELATED_HEADINGS`] phrase begins with, in either case, as a bit set, and
/// `&` (an entity not yet decoded).
const RELATED_FIRST_BYTES: u128 = {
    let mut set = 1u128 << b'&';
    let mut i = 0;
    while i < RELATED_HEADINGS.len() {
        let b = RELATED_HEADINGS[i].as_bytes()[0];
        if b < 128 {
            set |= 1 << b.to_ascii_lowercase() | 1 << b.to_ascii_uppercase();
        }
        i += 1;
    }
    set
};

/// Whether text as it stands in the page (entities not decoded) could begin a related-links
/// label, by its first byte past any whitespace. Short texts are asked in every heading,
/// paragraph and `<div>`; most ("Home", "12. März", "Menü") leave here before they are
/// decoded and lower-cased. A non-ASCII first byte is always asked further.
pub fn may_be_related_heading(raw: &str) -> bool {
    // Other whitespace begins with a byte over 127, which is asked further anyway.
    match first_byte(raw) {
        0 => false,
        b if b < 128 => RELATED_FIRST_BYTES & (1 << b) != 0,
        _ => true,
    }
}

/// Headings longer than this are a subheading of the article that happens to begin with a
/// related-links phrase ("Related costs rose..."), not a label.
pub const RELATED_HEADING_MAX_CHARS: usize = 60;

/// [`is_related_heading`] for a text of printable ASCII, single spaces and none around it,
/// as most texts asked are: compared where it lies, in any case, without the decoded,
/// collapsed and lower-cased copies (which made each question cost a thousand instructions,
/// a percent of the whole extract).
pub fn is_related_heading_ascii(text: &[u8]) -> bool {
    let Some(&first) = text.first() else {
        return false;
    };
    text.len() <= RELATED_HEADING_MAX_CHARS
        && related_phrases_of(first).any(|p| {
            starts_ignoring_case(text, p)
                && match text.get(p.len()) {
                    None => true,
                    Some(&b' ') => p.contains(&b' '),
                    Some(c) => !c.is_ascii_alphanumeric(),
                }
        })
}

/// Whether a trimmed text as it stands in the page, of any bytes, could read as a related-
/// links label once decoded, collapsed and lower-cased: some phrase of its first letter
/// agrees with it up to its first reference, whitespace or non-ASCII byte, the first place
/// where the page's bytes and the read text may part. Most short texts that are not plain
/// ASCII ("Thüringen zahlt …", "Publicado por Alberto González") leave here, where reading
/// them cost 3,000 instructions each.
pub fn may_read_as_related_heading(text: &[u8]) -> bool {
    let Some(&first) = text.first() else {
        return false;
    };
    if first == b'&' || first >= 128 {
        // A reference or a space of another script may stand before the first letter.
        return true;
    }
    related_phrases_of(first).any(|p| {
        for (k, &pc) in p.iter().enumerate() {
            match text.get(k) {
                None => return false,
                Some(&c) if c == b'&' || c >= 128 || c.is_ascii_whitespace() => return true,
                Some(&c) if c.to_ascii_lowercase() != pc => return false,
                Some(_) => {}
            }
        }
        true
    })
}

/// The phrases of [`RELATED_HEADINGS`] that begin with `first`'s letter, in either case
/// (all those of no letter a to z for any other byte; see [`RELATED_BY_LETTER`]).
fn related_phrases_of(first: u8) -> impl Iterator<Item = &'static [u8]> {
    let (order, starts) = &RELATED_BY_LETTER;
    let letter = letter_bucket(first.to_ascii_lowercase());
    order[usize::from(starts[letter])..usize::from(starts[letter + 1])]
        .iter()
        .map(|&i| RELATED_HEADINGS[usize::from(i)].as_bytes())
}

/// [`RELATED_HEADINGS`]' indices in order of their first letter, and where each letter's
/// run starts (a to z, then every other first byte): an ASCII text is compared with the
/// phrases of its own first letter only. Asking all of them, the first byte each, cost
/// 850 instructions a text, for the thousands of short texts a page asks.
const RELATED_BY_LETTER: ([u8; RELATED_HEADINGS.len()], [u8; 28]) = by_letter({
    let mut firsts = [0u8; RELATED_HEADINGS.len()];
    let mut i = 0;
    while i < firsts.len() {
        firsts[i] = RELATED_HEADINGS[i].as_bytes()[0];
        i += 1;
    }
    firsts
});

/// The indices of a table's entries, given by their first bytes (`firsts`), in order of
/// their first letter, and where each letter's run starts (a to z, then every other first
/// byte): see [`RELATED_BY_LETTER`].
const fn by_letter<const N: usize>(firsts: [u8; N]) -> ([u8; N], [u8; 28]) {
    assert!(N <= u8::MAX as usize);
    let mut order = [0u8; N];
    let mut starts = [0u8; 28];
    let mut k = 0;
    let mut letter = 0;
    while letter < 27 {
        starts[letter] = k as u8;
        let mut i = 0;
        while i < N {
            if letter_bucket(firsts[i]) == letter {
                order[k] = i as u8;
                k += 1;
            }
            i += 1;
        }
        letter += 1;
    }
    starts[27] = k as u8;
    (order, starts)
}

/// A lower-case letter's place in the alphabet, and 26 for any other byte.
const fn letter_bucket(b: u8) -> usize {
    if b.is_ascii_lowercase() {
        (b - b'a') as usize
    } else {
        26
    }
}

/// Whether a heading's text labels a block of links to other articles (see
/// [`RELATED_HEADINGS`]).
pub fn is_related_heading(text: &str) -> bool {
    let text = text.trim().to_lowercase();
    text.chars().count() <= RELATED_HEADING_MAX_CHARS
        && RELATED_HEADINGS.iter().any(|phrase| {
            text.strip_prefix(phrase)
                .is_some_and(|rest| match rest.chars().next() {
                    // The whole heading, or the phrase and a colon, dash or question mark.
                    None => true,
                    Some(c) if !c.is_alphanumeric() && !c.is_whitespace() => true,
                    // More words after it only for phrases of two words or more: "Mehr zum
                    // Thema auf ...", but not "Related costs rose", an article's subheading.
                    Some(c) => c.is_whitespace() && phrase.contains(' '),
                })
        })
}

/// Calls to action that make a short paragraph inside an article a nudge rather than prose:
/// the paywall's "subscribe for the full story", the newsletter sign-up, the app download.
/// Matched anywhere in the lower-cased text of a paragraph under [`NUDGE_MAX_BYTES`]; a
/// paragraph of an article that merely reports on subscriptions is longer or words it
/// otherwise ("Netflix added nine million subscribers").
pub const NUDGES: &[(&str, RemovedKind)] = &[
    ("subscribe now", RemovedKind::Paywall),
    ("subscribe today", RemovedKind::Paywall),
    ("please subscribe", RemovedKind::Paywall),
    ("subscribe to our", RemovedKind::Paywall),
    ("already a subscriber", RemovedKind::Paywall),
    ("for the full story", RemovedKind::Paywall),
    ("to continue reading", RemovedKind::Paywall),
    ("to read the full article", RemovedKind::Paywall),
    ("sign up for our", RemovedKind::Paywall),
    ("sign up to our", RemovedKind::Paywall),
    ("sign up to receive", RemovedKind::Paywall),
    ("support our journalism", RemovedKind::Paywall),
    ("support independent journalism", RemovedKind::Paywall),
    // An affiliate disclosure over a review ("If you buy through affiliate links, we may
    // earn commissions, which help support our testing."): the site about its income.
    ("we may earn commission", RemovedKind::Ads),
    ("we may earn a commission", RemovedKind::Ads),
    ("we may earn an affiliate commission", RemovedKind::Ads),
    ("may earn us a commission", RemovedKind::Ads),
    // A blog's own ("This post contains affiliate links. If you buy something through them I
    // may earn a small commission …").
    ("contains affiliate links", RemovedKind::Ads),
    // A newsletter's line to whoever got it second-hand ("Was this email forwarded to you?
    // Sign up here to get Field Notes every Tuesday.").
    ("was this email forwarded", RemovedKind::Paywall),
    ("download our app", RemovedKind::Share),
    ("download the app", RemovedKind::Share),
    ("newsletter abonnieren", RemovedKind::Paywall),
    ("jetzt abonnieren", RemovedKind::Paywall),
    // The polite imperative, addressed to the reader: "Abonnieren Sie hier den
    // Politik-Newsletter."
    ("abonnieren sie", RemovedKind::Paywall),
    // Google's "preferred sources" prompt ("Klicken Sie hier, um WELT als bevorzugte Quelle
    // in der Google-Suche hinzuzufügen", "Add … as a preferred source on Google").
    ("als bevorzugte quelle", RemovedKind::Share),
    ("as a preferred source", RemovedKind::Share),
    ("suscríbete", RemovedKind::Paywall),
    // The reader's own subscription, addressed as news prose never does (El País's "Tu
    // suscripción se está usando en otro dispositivo", "¿Quieres añadir otro usuario a tu
    // suscripción?").
    ("tu suscripción", RemovedKind::Paywall),
    ("abonnez-vous", RemovedKind::Paywall),
    ("inscrivez-vous à notre newsletter", RemovedKind::Paywall),
    ("inscrivez-vous à la newsletter", RemovedKind::Paywall),
    ("iscriviti alla newsletter", RemovedKind::Paywall),
    ("assine a newsletter", RemovedKind::Paywall),
    // The line over a story that says it is for subscribers (Le Monde's "Article réservé
    // aux abonnés", Le Figaro's and Le Parisien's "Réservé aux abonnés"): the view shows
    // what the page let through, and the badge is the page talking about itself.
    ("réservé aux abonnés", RemovedKind::Paywall),
    ("riservato agli abbonati", RemovedKind::Paywall),
    ("nur für abonnenten", RemovedKind::Paywall),
    ("exclusivo para suscriptores", RemovedKind::Paywall),
    ("exclusivo para assinantes", RemovedKind::Paywall),
    // "この記事は会員限定です。電子版に登録すると続きをお読みいただけます。"
    ("続きをお読みいただけます", RemovedKind::Paywall),
    // A player's or a widget's stand-in for readers without scripts ("To view this content,
    // Javascript must be enabled and Adobe Flash Player must be installed."): the page
    // talking about itself, which the view, with the script gone, has nothing to show for.
    ("please enable javascript", RemovedKind::Hidden),
    ("javascript must be enabled", RemovedKind::Hidden),
    ("javascript is disabled", RemovedKind::Hidden),
    ("javascript is required", RemovedKind::Hidden),
    ("aktivieren sie javascript", RemovedKind::Hidden),
    ("activer javascript", RemovedKind::Hidden),
    // A broadcaster's note of the programme that ran the story, as a paper's of its print
    // edition ("Über dieses Thema berichtete die tagesschau am 8. April 2025 um 12:00 Uhr.").
    ("über dieses thema berichtete", RemovedKind::Footer),
    // A player's note to the browsers it serves worse, beside the video (Sky News' "Please
    // use Chrome browser for a more accessible video player"): the view has no player.
    ("accessible video player", RemovedKind::Hidden),
];

/// Calls to action that open a short paragraph, addressed to the reader ("Subscribe to
/// Deadline Breaking News Alerts and keep your inbox happy."). Only at the start: inside a
/// sentence they report ("investors who subscribe to the offer").
pub const NUDGE_OPENINGS: &[(&str, RemovedKind)] = &[
    ("subscribe to ", RemovedKind::Paywall),
    ("sign up for ", RemovedKind::Paywall),
    ("sign up to ", RemovedKind::Paywall),
    // The line Indian news sites close each story with ("Catch all the Latest India News,
    // Breaking News Event and Trending News Updates on …", "Catch all the Business News …").
    ("catch all the ", RemovedKind::Related),
    // Its twins on the Hindustan Times ("Get Current Updates on India News, Delhi News along
    // with Latest News and Top Headlines from India and around the world.", "Get Latest India
    // News along with …").
    ("get current updates on ", RemovedKind::Related),
    ("get latest ", RemovedKind::Related),
    // NDTV's ("Track Latest News Live on NDTV.com and get news updates from India and
    // around the world").
    ("track latest news ", RemovedKind::Related),
    // News18's ("Stay updated with all the latest news on Bengaluru. … Follow us on
    // WhatsApp") and a sports site's pointer to its live blog ("Keep up to date with all the
    // latest transfer news and rumours in our dedicated Transfer Centre blog").
    ("stay updated with ", RemovedKind::Share),
    ("keep up to date with ", RemovedKind::Share),
    // An audio version's player over the story (The Economist's "Listen to this story.
    // Enjoy more audio and podcasts on iOS or Android."): the view has no player.
    ("listen to this story", RemovedKind::Hidden),
    ("listen to this article", RemovedKind::Hidden),
    // A broadcaster's box under "Follow … on WhatsApp" ("Keep up with all the latest news
    // from the UK and around the world by following Sky News").
    ("keep up with all the latest ", RemovedKind::Share),
    // A site's or a newsletter's thanks, naming itself, over its sign-up (CBS News' "Thanks
    // for reading CBS NEWS.", Substack's "Thanks for reading Fixed Things! Subscribe for
    // free …"); an author's own sign-off goes on with a comma or a stop.
    ("thanks for reading ", RemovedKind::Paywall),
    // Vox Media's prompt under the story, over buttons for its author and topics ("Follow
    // topics and authors from this story to see more like this in your personalized
    // homepage feed …"): the buttons do not reach the view.
    ("follow topics ", RemovedKind::Share),
    // A widget's error, left in the page when its script failed ("Failed to load latest
    // commit information.").
    ("failed to load ", RemovedKind::Hidden),
    // Where a note of the print edition opens ([`PRINT_NOTES`]), so that its `<div>` is
    // asked; a short line that opens so ("A version of this article was first published in
    // …") is the same kind of note, and goes on its opening alone.
    ("a version of this article ", RemovedKind::Footer),
    // The note of where the story ran first, or under which licence it is shared (Tagesspiegel's
    // "Dieser Text erschien zuerst im …-Newsletter", fluter's "Dieser Text wurde veröffentlicht
    // unter der Lizenz CC-BY-NC-ND", The Conversation's "This article is republished from …"):
    // the page about the text, as a print note is.
    ("this article was originally published", RemovedKind::Footer),
    ("this story was originally published", RemovedKind::Footer),
    ("this article originally appeared", RemovedKind::Footer),
    ("this story originally appeared", RemovedKind::Footer),
    ("this article first appeared", RemovedKind::Footer),
    ("this story first appeared", RemovedKind::Footer),
    ("this article is republished", RemovedKind::Footer),
    ("dieser text erschien ", RemovedKind::Footer),
    ("dieser artikel erschien ", RemovedKind::Footer),
    ("dieser beitrag erschien ", RemovedKind::Footer),
    ("dieser text wurde veröffentlicht", RemovedKind::Footer),
    // A widget that asks the reader's mood or verdict on the page, over its buttons (Rappler's
    // "How does this make you feel?", "What's your reaction?", a help page's "Was this
    // article helpful?"): the buttons do not reach the view, and the question alone asks
    // nothing there.
    ("how does this make you feel", RemovedKind::Comments),
    ("what's your reaction", RemovedKind::Comments),
    ("what’s your reaction", RemovedKind::Comments),
    ("was this article helpful", RemovedKind::Comments),
    ("was this page helpful", RemovedKind::Comments),
    ("war dieser artikel hilfreich", RemovedKind::Comments),
    // The note over a machine-written summary of the story (NDTV's "Summary is AI-generated,
    // newsroom-reviewed"): the page about how it made its summary, not the story.
    ("summary is ai-generated", RemovedKind::Footer),
    ("ai-generated summary", RemovedKind::Footer),
];

/// Paragraphs this long or longer are never nudges: a call to subscribe is a line or two.
pub const NUDGE_MAX_BYTES: usize = 200;

/// A follow prompt may run longer than other nudges, as it often ends with the newsroom's
/// contacts ("... @GleanerJamaica. Send us a message on WhatsApp at ... or email us at ...");
/// it needs two matches, a verb and a network, so the longer reach costs little precision.
/// So may a note of the print edition, which repeats the story's headline ([`PRINT_NOTES`]).
pub const FOLLOW_MAX_BYTES: usize = 256;

/// Notices the site is bound to set beside a story, in words of their own that run longer
/// than a call to action (up to [`FOLLOW_MAX_BYTES`]): Amazon's required lines ("As an
/// Amazon Associate I earn from qualifying purchases.", "… is a participant in the Amazon
/// Services LLC Associates Program, an affiliate advertising program designed to provide a
/// means for sites to earn advertising fees …"), Smithsonian's "… participates in affiliate
/// link advertising programs", and an embed's consent switch left where the embed was ("Ich
/// bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können
/// personenbezogene Daten an Drittplattformen übermittelt werden. …").
pub const NOTICES: &[(&str, RemovedKind)] = &[
    ("as an amazon associate", RemovedKind::Ads),
    ("affiliate advertising program", RemovedKind::Ads),
    ("affiliate link advertising", RemovedKind::Ads),
    ("dass mir externe inhalte angezeigt", RemovedKind::Cookie),
];

/// A copyright line closing the story ("Copyright ©2024 Dow Jones & Company, Inc. All Rights
/// Reserved."): the site's footer, set in the article. Not a reprint's credit, which says
/// where the text comes from ("From the book … Copyright © 2019 by … Reprinted by permission
/// of Basic Books. All rights reserved.").
const COPYRIGHT_LINE: &str = "all rights reserved";
const REPRINT_CREDIT: &str = "permission";

/// The print edition a story ran in, noted under it: The New York Times' "A version of this
/// article appears in print on March 15, 2024, Section A, Page 14 of the New York edition
/// with the headline: …", the Wall Street Journal's "Appeared in the April 23, 2024, print
/// edition as '…'", The Economist's "This article appeared in the Finance section of the
/// print edition under the headline …". The page about its paper, not the story; phrases no
/// sentence about a newspaper words so, matched anywhere as [`NUDGES`] are, in a paragraph
/// under [`FOLLOW_MAX_BYTES`] (the headline it repeats makes the note long). Each holds
/// [`PRINT`], looked for first.
pub const PRINT_NOTES: &[&str] = &[
    phrase("appears in print on", "English: The New York Times"),
    phrase("print edition as", "English: the Wall Street Journal"),
    phrase("of the print edition under", "English: The Economist"),
];

/// The word each of [`PRINT_NOTES`] holds: most paragraphs leave on it.
const PRINT: &str = "print";

/// "Follow us on Twitter", "Síguenos en Instagram", "Únete a nuestro canal de Telegram": a
/// short paragraph with one of these verbs and one of [`SOCIAL_NETWORKS`] is a follow prompt.
/// Both are needed, as a news paragraph may well say that someone "said on Twitter".
/// The verbs are addressed to the reader ("follow us", not "follows"), and the networks are
/// names no other word shares (so not Threads or Mastodon).
pub const FOLLOW_VERBS: &[&str] = &[
    "follow us",
    "follow me",
    "follow him",
    "follow her",
    "follow the",
    "keep up with me",
    "keep up with us",
    "join our",
    "folgen sie",
    "folge uns",
    "suivez",
    "síguenos",
    "siguenos",
    "únete",
    "siga-nos",
    "seguici",
    // "… è anche su WhatsApp. È sufficiente cliccare qui per iscriversi al canale".
    "iscriviti",
    "iscriversi",
    "volg ons",
];
pub const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "youtube",
    "whatsapp",
    "tiktok",
    "linkedin",
    "bluesky",
];

/// Whether a `<div>` of text alone may be a nudge worth asking [`nudge`] about: one that
/// mentions JavaScript, or opens as a call to action does ([`NUDGE_OPENINGS`]: "Failed to
/// load", Livemint's `<div>` "Catch all the Business News … Download The Mint News App").
/// Pages hold far more such divs than paragraphs (labels, menu items, cells), so they are
/// asked only for those, and asked cheaply first: the openings, then a search for the
/// letter j, then the word.
pub fn may_be_div_nudge(text: &str) -> bool {
    let b = text.trim_ascii_start().as_bytes();
    if opening_nudge(b).is_some() {
        return true;
    }
    memchr::memchr2_iter(b'j', b'J', b).any(|at| {
        b.get(at..at + 10)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"javascript"))
    })
}

/// Whether a heading's text is a call to action, and of which kind: one that opens "Follow"
/// and names a network ("Follow Sky News on WhatsApp", an imperative a heading of the story
/// does not address to the reader), or opens as a paragraph's call does
/// ([`NUDGE_OPENINGS`]). Every heading of a page is asked, so only by its opening words.
pub fn heading_nudge(text: &str) -> Option<RemovedKind> {
    if is_signup_label(text) {
        return Some(RemovedKind::Paywall);
    }
    if is_tip_prompt(text) {
        return Some(RemovedKind::Comments);
    }
    let t = text.trim_start().as_bytes();
    if starts_ignoring_case(t, b"follow ") {
        let lower = text.to_ascii_lowercase();
        if SOCIAL_NETWORKS.iter().any(|n| lower.contains(n)) {
            return Some(RemovedKind::Share);
        }
    }
    opening_nudge(t)
}

/// The call to action `text` opens with ([`NUDGE_OPENINGS`]), in any ASCII case, past
/// leading whitespace: one test for paragraphs, `<div>`s of text and headings.
fn opening_nudge(text: &[u8]) -> Option<RemovedKind> {
    // The bytes an opening begins with, in either case: most texts leave on their first.
    const FIRST_BYTES: u128 = {
        let mut set = 0u128;
        let mut i = 0;
        while i < NUDGE_OPENINGS.len() {
            let b = NUDGE_OPENINGS[i].0.as_bytes()[0];
            assert!(b < 128, "an opening begins with an ASCII byte");
            assert!(
                !b.is_ascii_uppercase(),
                "an opening is written in lower case"
            );
            set |= 1 << b.to_ascii_lowercase() | 1 << b.to_ascii_uppercase();
            i += 1;
        }
        set
    };
    let text = text.trim_ascii_start();
    let first = text.first().copied().unwrap_or(128);
    if first >= 128 || FIRST_BYTES & (1 << first) == 0 {
        return None;
    }
    // Only the openings of its first letter are compared, as for the related-links labels:
    // asking all, the first byte each, cost a short paragraph 150 instructions.
    const BY_LETTER: ([u8; NUDGE_OPENINGS.len()], [u8; 28]) = by_letter({
        let mut firsts = [0u8; NUDGE_OPENINGS.len()];
        let mut i = 0;
        while i < firsts.len() {
            firsts[i] = NUDGE_OPENINGS[i].0.as_bytes()[0];
            i += 1;
        }
        firsts
    });
    let (order, starts) = &BY_LETTER;
    let letter = letter_bucket(first.to_ascii_lowercase());
    order[usize::from(starts[letter])..usize::from(starts[letter + 1])]
        .iter()
        .map(|&i| NUDGE_OPENINGS[usize::from(i)])
        .find(|(p, _)| starts_ignoring_case(text, p.as_bytes()))
        .map(|(_, kind)| kind)
}

/// Openings of the newsroom's call for tips, set after or beside a story in a box of its own
/// ("Got a tip? Send it to …", "Har du ett tips? Hör av dig till … – du kan vara anonym."):
/// the site asking its readers, not the story, and always with a question mark. Only where
/// a short paragraph or a heading opens so, and the box it labels goes with it (see
/// `stages::score`); a story's sentence that asks so is longer or opens otherwise.
pub const TIP_PROMPTS: &[&str] = &[
    phrase(
        "got a tip",
        "English (The Daily Beast's \"Got a tip? Send it to …\")",
    ),
    phrase("got a news tip", "English"),
    phrase("have a tip", "English"),
    phrase("have a news tip", "English"),
    phrase("do you have a tip", "English"),
    phrase("do you have a news tip", "English"),
    phrase(
        "do you have a story to share",
        "English (the Mirror's \"… Email us at …\")",
    ),
    phrase("har du ett tips", "Swedish (Aftonbladet, SVT)"),
    phrase(
        "har du tips",
        "Norwegian (VG's \"Har du tips om denne saken?\")",
    ),
    phrase(
        "har du et tip",
        "Danish (DR's \"Har du et tip til DR Nyheder?\")",
    ),
    phrase("heb je een tip", "Dutch"),
    phrase("heeft u een tip", "Dutch, formal"),
    phrase(
        "masz ciekawy temat",
        "Polish (Onet's \"Masz ciekawy temat? Napisz do nas\")",
    ),
];

/// The first letters of [`TIP_PROMPTS`], as a bit set.
const TIP_PROMPT_FIRST_LETTERS: u32 = first_letters(TIP_PROMPTS);

/// Whether a short text opens with a call for tips ([`TIP_PROMPTS`]), in any ASCII case.
pub fn is_tip_prompt(text: &str) -> bool {
    // Every short paragraph is asked: most leave on the want of a question mark, which
    // each call has, before their first letter is sought past the markup's indentation.
    let t = text.as_bytes();
    if t.len() > NUDGE_MAX_BYTES || memchr::memchr(b'?', t).is_none() {
        return false;
    }
    let first = first_byte(text);
    if !opens_with(first, TIP_PROMPT_FIRST_LETTERS) {
        return false;
    }
    let t = t.trim_ascii_start();
    let first = first.to_ascii_lowercase();
    TIP_PROMPTS.iter().any(|p| {
        p.as_bytes()[0] == first
            && starts_ignoring_case(t, p.as_bytes())
            && t.get(p.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Words that alone label a box as a newsletter's sign-up (Le Monde's in-read box:
/// "Newsletter" over the letter's name, a line on what it brings and "S'inscrire"). The same
/// word in the languages news sites write; a section of an article is not titled so alone.
pub const SIGNUP_LABELS: &[&str] = &[
    phrase("newsletter", "the box's label"),
    phrase("newsletters", "the same, for several"),
];

/// The first letters of [`SIGNUP_LABELS`], as a bit set.
const SIGNUP_LABEL_FIRST_LETTERS: u32 = first_letters(SIGNUP_LABELS);

/// Whether the whole of `text` is one of [`SIGNUP_LABELS`], in any ASCII case, past
/// whitespace and a closing colon; or one and the letter's name, quoted or after a colon
/// ("Newsletter « Chaleur humaine »", "Newsletter: The Download"), where a sentence about
/// a newsletter goes on in words.
pub fn is_signup_label(text: &str) -> bool {
    // Every paragraph and heading of a page is asked: most are longer than any label with
    // room around it, and leave on their length.
    if text.len() > 48 || !opens_with(first_byte(text), SIGNUP_LABEL_FIRST_LETTERS) {
        return false;
    }
    let t = text.trim();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    SIGNUP_LABELS.iter().any(|l| {
        let Some(rest) = t
            .get(..l.len())
            .filter(|head| head.eq_ignore_ascii_case(l))
            .map(|_| t[l.len()..].trim_start())
        else {
            return false;
        };
        let quoted = [('«', '»'), ('“', '”'), ('„', '“'), ('"', '"'), ('\'', '\'')]
            .iter()
            .any(|&(open, close)| {
                rest.strip_prefix(open)
                    .and_then(|r| r.strip_suffix(close))
                    .is_some_and(|name| !name.trim().is_empty())
            });
        let named = rest
            .strip_prefix(':')
            .is_some_and(|name| !name.trim().is_empty());
        rest.is_empty() || quoted || named
    })
}

/// Whether `text` opens with `prefix`, in any ASCII case.
fn starts_ignoring_case(text: &[u8], prefix: &[u8]) -> bool {
    (text.get(..prefix.len())).is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// Whether a lower-cased short line is the note of the paper's edition that carried the story
/// (Dawn's "Published in Dawn, March 15th, 2025", The Express Tribune's likewise): "published
/// in", the paper, and the day, which ends it. A sentence that opens so goes on after its
/// year ("Published in Nature in 2019, the study found …").
fn is_edition_note(text: &[u8]) -> bool {
    let text = text.trim_ascii();
    let text = text.strip_suffix(b".").unwrap_or(text);
    // The year: four digits, the last of the line.
    let year = |t: &[u8]| {
        t.len() > 4
            && t[t.len() - 4..].iter().all(u8::is_ascii_digit)
            && !t[t.len() - 5].is_ascii_digit()
    };
    text.len() <= EDITION_NOTE_MAX_BYTES && text.starts_with(b"published in ") && year(text)
}

/// The longest edition note (see [`is_edition_note`]): the paper's name and a day.
const EDITION_NOTE_MAX_BYTES: usize = 80;

/// Whether a short paragraph's text is a nudge, and of which kind.
pub fn nudge(text: &str) -> Option<RemovedKind> {
    if text.len() >= FOLLOW_MAX_BYTES {
        return None;
    }
    // Every short paragraph of every page is asked: the searchers for the fifty-odd phrases
    // are built once instead of on each `str::contains`.
    static FINDERS: std::sync::OnceLock<NudgeFinders> = std::sync::OnceLock::new();
    let f = FINDERS.get_or_init(|| {
        let finder = |p: &&str| memchr::memmem::Finder::new(p.as_bytes()).into_owned();
        NudgeFinders {
            nudges: NUDGES.iter().map(|(p, k)| (finder(p), *k)).collect(),
            notices: NOTICES.iter().map(|(p, k)| (finder(p), *k)).collect(),
            print: finder(&PRINT),
            print_notes: PRINT_NOTES.iter().map(finder).collect(),
            copyright: [COPYRIGHT_LINE, REPRINT_CREDIT].map(|p| finder(&p)),
            verbs: FOLLOW_VERBS.iter().map(finder).collect(),
            networks: SOCIAL_NETWORKS.iter().map(finder).collect(),
        }
    });
    let lower;
    let text = if text.is_ascii() {
        lower = text.to_ascii_lowercase();
        lower.as_bytes()
    } else {
        lower = text.to_lowercase();
        lower.as_bytes()
    };
    let found = |f: &memchr::memmem::Finder<'_>| f.find(text).is_some();
    if text.len() < NUDGE_MAX_BYTES {
        if let Some((_, kind)) = f.nudges.iter().find(|(p, _)| found(p)) {
            return Some(*kind);
        }
        if let Some(kind) = opening_nudge(text) {
            return Some(kind);
        }
        if is_edition_note(text) {
            return Some(RemovedKind::Footer);
        }
        let [copyright, reprint] = &f.copyright;
        if found(copyright) && !found(reprint) {
            return Some(RemovedKind::Footer);
        }
    }
    if let Some((_, kind)) = f.notices.iter().find(|(p, _)| found(p)) {
        return Some(*kind);
    }
    if found(&f.print) && f.print_notes.iter().any(found) {
        return Some(RemovedKind::Footer);
    }
    let follow = f.verbs.iter().any(found) && f.networks.iter().any(found);
    follow.then_some(RemovedKind::Share)
}

/// Words that make a short line with a number and a [`MINUTE_WORDS`] word a reading-time
/// badge ("5 min read", "Temps de Lecture 4 min.", "Lesezeit: 3 Min."): it estimates the
/// story's length and says nothing of it, and the view has its own.
pub const READING_WORDS: &[&str] = &[
    phrase("read", "English: \"5 min read\""),
    phrase("reading", "English: \"Reading time: 5 minutes\""),
    phrase("lecture", "French: \"Lecture 4 min.\""),
    phrase("lesezeit", "German: \"Lesezeit: 3 Min.\""),
    phrase("lesedauer", "German"),
    phrase(
        "lectura",
        "Spanish: \"Lectura de 5 min\", \"5 min de lectura\"",
    ),
    phrase("leitura", "Portuguese"),
    phrase("lettura", "Italian: \"Tempo di lettura: 4 minuti\""),
    phrase("leestijd", "Dutch"),
    phrase("czytania", "Polish: \"Czas czytania: 5 min\""),
];

/// Whether every word of `words` opens with `head`.
const fn every_word_opens(words: &[&str], head: &[u8]) -> bool {
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        if w.len() < head.len() {
            return false;
        }
        let mut k = 0;
        while k < head.len() {
            if w[k] != head[k] {
                return false;
            }
            k += 1;
        }
        i += 1;
    }
    true
}

/// Minutes, as reading-time badges write them (see [`READING_WORDS`]).
pub const MINUTE_WORDS: &[&str] = &[
    "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "minuti", "minuut",
    "minut", "minuty",
];

/// A reading-time badge is a few words; a longer line that mentions reading and minutes is
/// the story's own ("She could read for 20 minutes before the pain came back").
pub const READING_TIME_MAX_BYTES: usize = 48;

/// Whether a short paragraph's text is only a reading-time badge (see [`READING_WORDS`]).
pub fn reading_time(text: &str) -> bool {
    // Every short paragraph is asked: most leave at the length, trimmed of ASCII whitespace
    // only (a Unicode trim cost more than the rest of the test), and the words are compared
    // in place, as the tables are ASCII, rather than lower-cased into a copy.
    let text = text.trim_ascii();
    if text.len() > READING_TIME_MAX_BYTES || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // Every minute word opens "min": a line of digits without it ("12.03.2021", "Foto: dpa
    // 2019") leaves before its words are split.
    const { assert!(every_word_opens(MINUTE_WORDS, b"min")) };
    let b = text.as_bytes();
    let has_min = memchr::memchr2_iter(b'm', b'M', b).any(|at| {
        b.get(at..at + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"min"))
    });
    if !has_min {
        return false;
    }
    let (mut minutes, mut reading) = (false, false);
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        // "5min" is a number and a minute word run together.
        let unit = word.trim_start_matches(|c: char| c.is_ascii_digit());
        let is = |table: &[&str], w: &str| table.iter().any(|t| t.eq_ignore_ascii_case(w));
        minutes |= is(MINUTE_WORDS, unit);
        reading |= is(READING_WORDS, word);
        if minutes && reading {
            return true;
        }
    }
    false
}

struct NudgeFinders {
    nudges: Vec<(memchr::memmem::Finder<'static>, RemovedKind)>,
    notices: Vec<(memchr::memmem::Finder<'static>, RemovedKind)>,
    /// [`PRINT`], then [`PRINT_NOTES`].
    print: memchr::memmem::Finder<'static>,
    print_notes: Vec<memchr::memmem::Finder<'static>>,
    /// [`COPYRIGHT_LINE`], then [`REPRINT_CREDIT`].
    copyright: [memchr::memmem::Finder<'static>; 2],
    verbs: Vec<memchr::memmem::Finder<'static>>,
    networks: Vec<memchr::memmem::Finder<'static>>,
}

/// How a picture's credit line begins, after any opening bracket: a short caption part or
/// paragraph that starts so names the photographer or agency, not what the picture shows
/// ("Foto: dpa", "(© AFP / Marco Bertorello)", "Crédits photos : Bestimage"). Matched at the
/// start of the lower-cased text of a short element (see `stages::credits`), each label ending
/// in its colon so that prose beginning with the word ("Photos of the flood show ...") is not
/// a credit. A news story's source line ("Quelle: dpa", "Source: Reuters") credits its text
/// the same way and goes the same way.
pub const CREDIT_LABELS: &[&str] = &[
    phrase("©", "the copyright sign, in any language"),
    phrase("photo:", "English, French"),
    phrase("photos:", "English, French"),
    phrase("photo credit", "English, alone or with a colon"),
    phrase("photograph:", "English"),
    phrase("photographer:", "English"),
    phrase("image:", "English"),
    phrase("image credit", "English"),
    phrase("picture:", "English"),
    phrase(
        "photo by ",
        "English, as a phrase (\"Photo by Jane Doe/Reuters\")",
    ),
    phrase("photos by ", "English"),
    phrase("image by ", "English (\"Image by Getty Images\")"),
    phrase("credit:", "English"),
    phrase("credits:", "English"),
    phrase("foto:", "German, Spanish, Italian, Dutch, Polish"),
    phrase("fotos:", "German, Spanish, Dutch"),
    phrase("fotograf:", "German"),
    phrase("bild:", "German"),
    phrase("bilder:", "German"),
    phrase("titelbild:", "German: the lead picture"),
    phrase("bildquelle:", "German"),
    phrase("crédit photo", "French"),
    phrase("crédits photo", "French"),
    phrase("crédito:", "Spanish, Portuguese"),
    phrase("créditos:", "Spanish, Portuguese"),
    phrase("fotografía:", "Spanish"),
    phrase("quelle:", "German: a source line"),
    phrase("quellen:", "German"),
    phrase("source:", "English, French"),
    phrase("sources:", "English, French"),
    phrase("fuente:", "Spanish"),
];

/// What a short element's text says about the picture's credit (see [`CREDIT_LABELS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credit {
    /// The label alone ("Bild:"), set apart from the name that follows it.
    Label,
    /// A whole credit line ("Foto: dpa", "© Getty Images").
    Line,
    /// A label's word alone, capitalised and without its colon ("Credit", "Photo"): set
    /// apart for screen readers, it runs into the name that follows ("CreditKevin
    /// Frayer/Getty Images"). Not a credit by itself (a list's "Source" beside its links),
    /// only the wrapper it opens is.
    Word,
}

/// Whether a short element's text is a picture's credit, and how much of one.
pub fn credit(text: &str) -> Option<Credit> {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '['));
    // Most text leaves at its first two bytes, before any is lower-cased.
    let may_lead = match text.as_bytes() {
        [] => false,
        [a] => credit_could_lead(*a, None),
        [a, b, ..] => credit_could_lead(*a, Some(*b)),
    };
    if !may_lead {
        return None;
    }
    // Labels are short: lower-case only the start, not the whole caption.
    const HEAD: usize = 16;
    let head: String = text
        .chars()
        .take(HEAD)
        .flat_map(char::to_lowercase)
        .collect();
    // French sets a space before the colon ("Crédits photos : ...").
    let head = if head.contains(" :") {
        head.replace(" :", ":")
    } else {
        head
    };
    // The first byte first: most heads match no label's, and a call to compare for each of
    // thirty labels was half this function's cost.
    let first = head.as_bytes().first()?;
    let word = text.chars().nth(HEAD).is_none()
        && text.starts_with(|c: char| c.is_uppercase())
        && CREDIT_LABELS.iter().any(|label| {
            label.as_bytes()[0] == *first && label.strip_suffix(':') == Some(head.trim_end())
        });
    if word {
        return Some(Credit::Word);
    }
    let label = CREDIT_LABELS
        .iter()
        .find(|label| label.as_bytes()[0] == *first && head.starts_with(*label))?;
    let rest = head[label.len()..].trim_matches(|c: char| c.is_whitespace() || c == ':');
    Some(if rest.is_empty() && text.chars().nth(HEAD).is_none() {
        Credit::Label
    } else {
        Credit::Line
    })
}

/// Whether text that starts with these bytes (past an opening bracket) may start with a
/// [`CREDIT_LABELS`] label: `©` (UTF-8 0xC2 0xA9, or an entity), or a label's first two letters.
pub fn credit_could_lead(a: u8, b: Option<u8>) -> bool {
    let a = a.to_ascii_lowercase();
    if matches!(a, b'&' | 0xC2) {
        return true;
    }
    let Some(b) = b else {
        return matches!(a, b'b' | b'c' | b'f' | b'i' | b'p' | b'q' | b's' | b't');
    };
    matches!(
        [a, b.to_ascii_lowercase()],
        [b'b', b'i']
            | [b'c', b'r']
            | [b'f', b'o' | b'u']
            | [b'i', b'm']
            | [b'p', b'h' | b'i']
            | [b'q', b'u']
            | [b's', b'o']
            | [b't', b'i']
    )
}

/// Picture agencies and stock libraries, as words of a caption's end: set apart in brackets
/// or after a bar ("(mlharing / iStock.com)", "| Getty Images", "(AP Photo/Evan Vucci)"),
/// one names who took or sells the picture, not what it shows.
pub const PHOTO_AGENCIES: &[&str] = &[
    phrase("getty images", "Getty Images"),
    phrase("getty", "Getty Images, shortened (\"Getty/Jane Doe\")"),
    phrase("gettyimages", "Getty Images, run together"),
    phrase("istock", "iStock (\"iStock.com/Jane Doe\")"),
    phrase("istockphoto", "iStock's full name"),
    phrase("shutterstock", "Shutterstock"),
    phrase("adobe stock", "Adobe Stock"),
    phrase("adobestock", "Adobe Stock, run together"),
    phrase("fotolia", "Fotolia"),
    phrase("alamy", "Alamy"),
    phrase("depositphotos", "Depositphotos"),
    phrase("dreamstime", "Dreamstime"),
    phrase("123rf", "123RF"),
    phrase("unsplash", "Unsplash"),
    phrase("pixabay", "Pixabay"),
    phrase("pexels", "Pexels"),
    phrase("imago", "imago images"),
    phrase("picture alliance", "picture alliance"),
    phrase("dpa", "Deutsche Presse-Agentur"),
    phrase("afp", "Agence France-Presse"),
    phrase("ap", "Associated Press (\"AP Photo/Jane Doe\")"),
    phrase("reuters", "Reuters"),
    phrase("epa", "European Pressphoto Agency"),
    phrase("keystone", "Keystone"),
    phrase("ansa", "ANSA"),
    phrase("efe", "EFE"),
    phrase("xinhua", "Xinhua"),
    phrase("wikimedia", "Wikimedia Commons"),
];

/// A credit at a caption's end is a name or two and an agency: past this many characters the
/// end says something of the picture.
pub const CREDIT_TAIL_MAX_CHARS: usize = 80;

/// Whether `tail`, a caption's text from one word to its end, only credits the picture:
/// "Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com", "… gesegnet. | © Augusta
/// National/Getty Images", "… gut getarnt. (mlharing / iStock.com)". It starts with a
/// capitalised [`CREDIT_LABELS`] label or the copyright sign, or is a bracket or a bar's
/// end naming a [`PHOTO_AGENCIES`] agency; and it is one short phrase, with no sentence in
/// it. The caption before it stays, and so does the full stop after a bracketed credit
/// ("… auf den Brienzersee (Foto: R. Hollinger)."), which is given back to be written.
pub fn credit_tail(tail: &str) -> Option<&'static str> {
    let rest = tail.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '–' | '—' | '-' | '/' | '·' | '•')
    });
    // Only a bar sets an agency's name apart: after a dash ("AFP - Getty Images") it may be
    // the second half of a credit whose first is run into the caption.
    let barred = tail[..tail.len() - rest.len()].contains('|');
    let rest = rest.trim_end();
    if rest.is_empty() || rest.chars().nth(CREDIT_TAIL_MAX_CHARS).is_some() || says_more(rest) {
        return None;
    }
    let labelled = |t: &str| {
        t.starts_with(|c: char| c == '©' || c.is_uppercase()) && credit(t) == Some(Credit::Line)
    };
    let (unstopped, stop) = match rest.strip_suffix('.') {
        Some(t) if t.ends_with([')', ']']) => (t, "."),
        _ => (rest, ""),
    };
    let bracketed = unstopped
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .or_else(|| {
            unstopped
                .strip_prefix('[')
                .and_then(|t| t.strip_suffix(']'))
        });
    let credits = match bracketed {
        Some(inner) => {
            !inner.contains(['(', ')', '[', ']']) && (labelled(inner.trim()) || names_agency(inner))
        }
        None => labelled(rest) || (barred && names_agency(rest)),
    };
    credits.then_some(if bracketed.is_some() { stop } else { "" })
}

/// Whether a phrase goes on past a sentence's end: a full stop, question or exclamation mark
/// and three words or more. Fewer are the rest of a name after an abbreviation
/// ("Kantonspolizei St. Gallen", "J. Doe").
fn says_more(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b[i + 1] == b' '
            && text[i + 1..].split_whitespace().nth(2).is_some()
    })
}

/// Whether a [`PHOTO_AGENCIES`] name is among `text`'s words.
fn names_agency(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    PHOTO_AGENCIES.iter().any(|agency| {
        let n = agency.split(' ').count();
        words
            .windows(n)
            .any(|w| w.iter().copied().eq(agency.split(' ')))
    })
}

/// Where a share button sends the reader: a link to one of these hosts (after any `www.` or
/// `m.`) and paths shares the page rather than cites anything, whatever the button's name or
/// text. A block of them is a share bar, and so is the label beside it ("Möchten Sie den
/// Artikel teilen?") once its icons have gone with the links. A path that ends in a letter
/// must end the path's word too, so that a profile such as `facebook.com/sharepoint` is no
/// share button.
pub const SHARE_ENDPOINTS: &[(&str, &str)] = &[
    endpoint(
        "facebook.com",
        "/sharer",
        "Facebook's sharer.php and sharer/sharer.php",
    ),
    endpoint("facebook.com", "/share.php", "Facebook's older sharer"),
    endpoint(
        "facebook.com",
        "/dialog/",
        "Facebook's share and feed dialogs",
    ),
    endpoint("twitter.com", "/intent/", "a tweet composed for the reader"),
    endpoint("twitter.com", "/share", "the older tweet button"),
    endpoint("x.com", "/intent/", "Twitter under its new name"),
    endpoint("x.com", "/share", "Twitter under its new name"),
    endpoint("linkedin.com", "/sharearticle", "LinkedIn's share button"),
    endpoint(
        "linkedin.com",
        "/sharing/",
        "LinkedIn's newer share-offsite",
    ),
    endpoint(
        "linkedin.com",
        "/cws/share",
        "LinkedIn's older share button",
    ),
    endpoint("pinterest.com", "/pin/create", "a pin of the page"),
    endpoint("reddit.com", "/submit", "a Reddit post of the page"),
    endpoint(
        "api.whatsapp.com",
        "/send",
        "a WhatsApp message with the page's address",
    ),
    endpoint("t.me", "/share", "a Telegram message"),
    endpoint("telegram.me", "/share", "a Telegram message"),
    endpoint("plus.google.com", "/share", "Google+, still on old pages"),
    endpoint("tumblr.com", "/share", "a Tumblr post"),
    endpoint("tumblr.com", "/widgets/share", "a Tumblr post"),
    endpoint("getpocket.com", "/save", "saved to Pocket"),
    endpoint("getpocket.com", "/edit", "saved to Pocket"),
    endpoint("xing.com", "/spi/shares", "a XING post"),
    endpoint("xing.com", "/social/share", "a XING post"),
    endpoint("vk.com", "/share.php", "a VK post"),
    endpoint(
        "news.ycombinator.com",
        "/submitlink",
        "a Hacker News submission",
    ),
    endpoint("bsky.app", "/intent/compose", "a Bluesky post"),
    endpoint("threads.net", "/intent/", "a Threads post"),
];

/// Where an app-download promo sends the reader: an app's page in a store. A box of them
/// with a line of its own ("Get the latest news on your phone with our app") is a promo, and
/// so is a row of the stores' badges alone (see `stages::score`). Only stores' app pages:
/// `play.google.com/store/movies` is a film, and `itunes.apple.com` also holds podcasts.
pub const APP_STORES: &[(&str, &str)] = &[
    endpoint("apps.apple.com", "/", "Apple's App Store"),
    endpoint("play.google.com", "/store/apps/", "Google Play's apps"),
    endpoint("appgallery.huawei.com", "/", "Huawei's AppGallery"),
];

/// What a link is for, told by where it sends the reader (see [`link_to`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkTo {
    /// A share button ([`SHARE_ENDPOINTS`], [`SHARE_SCHEMES`]).
    Share,
    /// An app's page in a store ([`APP_STORES`]).
    AppStore,
}

/// The lengths of [`SHARE_ENDPOINTS`]' and [`APP_STORES`]' hosts and their last bytes, as bit
/// sets.
const HOST_SHAPES: (u32, u128) = {
    let (mut lens, mut lasts) = (0u32, 0u128);
    let tables = [SHARE_ENDPOINTS, APP_STORES];
    let mut t = 0;
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            let host = tables[t][i].0.as_bytes();
            assert!(host.len() < 32 && host[host.len() - 1] < 128);
            lens |= 1 << host.len();
            lasts |= 1 << host[host.len() - 1];
            i += 1;
        }
        t += 1;
    }
    (lens, lasts)
};

/// Share buttons that open an app rather than a site.
pub const SHARE_SCHEMES: &[&str] = &[
    phrase("whatsapp://send", "a WhatsApp message, in the app"),
    phrase(
        "mailto:?",
        "an e-mail with no recipient: the page's address for the reader to send",
    ),
];

const fn endpoint(
    host: &'static str,
    path: &'static str,
    _why: &'static str,
) -> (&'static str, &'static str) {
    (host, path)
}

/// What a link's address, leading spaces trimmed, says the link is for: a share button, an
/// app's page in a store, or (`None`) anything else.
pub fn link_to(href: &str) -> Option<LinkTo> {
    // Every link of every page is asked; most are relative or inside the page and leave at
    // the first byte. The rest is compared ignoring case where it lies, not lower-cased into
    // a copy (a third of this function's cost when it did).
    let href = href.as_bytes();
    match href {
        [b'h' | b'H' | b'w' | b'W' | b'm' | b'M', ..] | [b'/', b'/', ..] => {}
        _ => return None,
    }
    let starts = starts_ignoring_case;
    // Addresses are written in lower case almost always: that is asked first, in one compare.
    let mut rest = if let Some(rest) = href.strip_prefix(b"https://") {
        rest
    } else if SHARE_SCHEMES.iter().any(|s| starts(href, s.as_bytes())) {
        return Some(LinkTo::Share);
    } else if let Some(scheme) = ["https://", "http://", "//"]
        .iter()
        .find(|scheme| starts(href, scheme.as_bytes()))
    {
        &href[scheme.len()..]
    } else {
        return None;
    };
    if let Some(sub) = ["www.", "m."]
        .iter()
        .find(|sub| starts(rest, sub.as_bytes()))
    {
        rest = &rest[sub.len()..];
    }
    let host_end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    // A site's own links mostly leave on their host's length and last letter, before the
    // table is walked.
    let (lens, lasts) = HOST_SHAPES;
    let last = host.last().map_or(0, u8::to_ascii_lowercase);
    if host.len() >= 32 || lens & (1 << host.len()) == 0 || last >= 128 || lasts & (1 << last) == 0
    {
        return None;
    }
    let listed = |table: &[(&str, &str)]| {
        table.iter().any(|(h, p)| {
            host.eq_ignore_ascii_case(h.as_bytes())
                && starts(path, p.as_bytes())
                && (!p.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric)
                    || !path.get(p.len()).is_some_and(u8::is_ascii_alphanumeric))
        })
    };
    if listed(SHARE_ENDPOINTS) {
        Some(LinkTo::Share)
    } else if listed(APP_STORES) {
        Some(LinkTo::AppStore)
    } else {
        None
    }
}

/// What a page writes over an advertisement, as the whole text of an element: the label goes,
/// and so does the box it labels when that holds nothing else (a banner set as a figure
/// captioned "ANZEIGE"). Matched ignoring ASCII case, past brackets, dashes and colons.
pub const AD_LABELS: &[&str] = &[
    phrase("advertisement", "English"),
    phrase("advertisements", "English"),
    phrase("advertorial", "English, German"),
    phrase("sponsored", "English"),
    phrase("sponsored content", "English"),
    phrase("paid content", "English, German"),
    phrase("paid post", "English"),
    phrase(
        "story continues below advertisement",
        "English, as Canadian news sites set it",
    ),
    phrase("article continues below advertisement", "English"),
    phrase("anzeige", "German"),
    phrase("werbung", "German"),
    phrase("gesponsert", "German"),
    phrase("publicité", "French"),
    phrase(
        "la suite après cette publicité",
        "French, the line over an ad in the story (Le Monde)",
    ),
    phrase("sponsorisé", "French"),
    phrase("publicidad", "Spanish"),
    phrase("contenido patrocinado", "Spanish"),
    phrase("pubblicità", "Italian"),
    phrase(
        "continua sotto la pubblicità",
        "Italian, the line under an ad in the story (Il Post)",
    ),
    phrase("advertentie", "Dutch"),
    phrase("reklame", "Danish, Norwegian"),
    phrase("annonse", "Norwegian"),
    phrase(
        "saken fortsetter under annonsen",
        "Norwegian, the line under an ad in the story (Aftenposten)",
    ),
    phrase("annons", "Swedish"),
    phrase("reklama", "Polish, Czech"),
];

/// Text this long or longer, in bytes, is no ad label (see [`AD_LABELS`]), whatever brackets
/// and spaces surround it.
pub const AD_LABEL_MAX_BYTES: usize = 64;

/// Whether a piece of text is only an advertisement's label (see [`AD_LABELS`]).
pub fn is_ad_label(text: &str) -> bool {
    // Every short piece of text of every page is asked. Most leave on their first letter,
    // the rest on their length, and the few left are compared where they lie, not copied
    // lower-cased: an upper-case accent ("PUBLICITÉ") is missed.
    let first = text
        .bytes()
        .find(|b| !b.is_ascii_whitespace() && !b.is_ascii_punctuation() && *b < 0x80);
    if !first.is_some_and(|b| {
        matches!(
            b | 0x20,
            b'a' | b'c' | b'g' | b'l' | b'p' | b'r' | b's' | b'w'
        )
    }) {
        return false;
    }
    let text = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '(' | ')' | '[' | ']' | ':' | '|' | '*')
    });
    if one_of(text, AD_LABELS, AD_LABEL_LENGTHS) {
        true
    } else if text.contains('&') {
        let decoded = crate::stages::collect::capture_text(text);
        decoded != text && is_ad_label(&decoded)
    } else {
        false
    }
}

/// The lengths in bytes of [`AD_LABELS`], as a bit set.
const AD_LABEL_LENGTHS: u64 = length_set(AD_LABELS, AD_LABEL_MAX_BYTES);

/// Whether `text` is one of `labels`, ignoring ASCII case: its length is asked of the
/// table's [`length_set`] before any label is compared, and the few left are compared where
/// they lie, not copied lower-cased.
fn one_of(text: &str, labels: &[&str], lengths: u64) -> bool {
    // A length set holds lengths under 64 only: longer text is no label.
    text.len() < 64
        && lengths & (1 << text.len()) != 0
        && labels
            .iter()
            .any(|label| label.as_bytes().eq_ignore_ascii_case(text.as_bytes()))
}

/// The lengths in bytes of `labels`, each under `max` (at most 64), as a bit set: a text of
/// any other length is none of them, told without comparing.
const fn length_set(labels: &[&str], max: usize) -> u64 {
    assert!(max <= 64);
    let mut lengths = 0u64;
    let mut i = 0;
    while i < labels.len() {
        assert!(labels[i].len() < max);
        lengths |= 1 << labels[i].len();
        i += 1;
    }
    lengths
}

/// What documentation generators and blog themes write as a link to the heading it sits in,
/// when that link's whole text is one of these (beside invisible joiners): a control for
/// copying the address, not a word of the heading. Readability keeps them; a reader gets
/// "Installation¶" in the view and `[¶](#installation)` in every export.
pub const PERMALINK_MARKS: &[&str] = &[
    phrase("¶", "Sphinx, Python-Markdown's toc extension"),
    phrase("#", "Hugo, Jekyll, VitePress, Node's docs"),
    phrase("§", "Pandoc and hand-written themes"),
    phrase("🔗", "themes that draw a link as an emoji"),
    phrase("⚓", "the same, as an anchor"),
];

/// Whether a link's text is only a permalink mark (see [`PERMALINK_MARKS`]). An empty text
/// (an icon drawn by CSS) reads as one too; Docusaurus writes a zero-width space.
pub fn is_permalink_mark(text: &str) -> bool {
    let text = text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FE0E}' | '\u{FE0F}'
            )
    });
    text.is_empty() || PERMALINK_MARKS.contains(&text)
}

/// What a picture's widget writes on its buttons, as the whole text of an element: scripts
/// make them work, and in the view they are words with nothing to do ("Dylann Roof is
/// escorted… hide caption", then "toggle caption"). Matched ignoring ASCII case.
pub const CONTROL_LABELS: &[&str] = &[
    phrase("hide caption", "NPR's caption toggle"),
    phrase("show caption", "the same, the other way"),
    phrase("toggle caption", "NPR's caption toggle, on small screens"),
    phrase("enlarge this image", "NPR's lightbox link"),
    phrase("enlarge image", "lightbox links"),
    phrase("click to enlarge", "lightbox links"),
    phrase("view larger image", "lightbox links"),
    phrase("view image", "lightbox buttons shown on hover"),
    phrase(
        "view images",
        "the same, on a picture of a gallery (National Geographic)",
    ),
    phrase(
        "bild anzeigen",
        "German: a step's picture toggle (a recipe's method)",
    ),
    phrase("bild schließen", "the same, the other way"),
    phrase("bild vergrößern", "German lightbox links"),
    phrase("pin", "Pinterest's save button, set over a picture"),
    phrase("pin it", "the same"),
    // An offer to buy the picture, set under it as a link (the USA Today network's "Buy
    // Photo", Reuters' "Purchase Licensing Rights").
    phrase("buy photo", "English"),
    phrase("buy this photo", "English"),
    phrase("purchase licensing rights", "English: a news agency's"),
    // A script's stand-in while it fetches more (a poll's results, the next story of an
    // endless page), left in the page as words ("Loading ...", "Lade weitere Inhalte ...").
    phrase("loading", "English"),
    phrase("loading more", "English"),
    phrase("lade weitere inhalte", "German"),
    phrase("wird geladen", "German"),
    phrase("chargement", "French"),
    phrase("chargement en cours", "French"),
    phrase("cargando", "Spanish"),
    phrase("caricamento", "Italian"),
    phrase("carregando", "Portuguese"),
];

/// Text this long or longer, in bytes, is no control's label (see [`CONTROL_LABELS`]).
pub const CONTROL_LABEL_MAX_BYTES: usize = 32;

/// Whether a piece of text is only a picture widget's control (see [`CONTROL_LABELS`]).
pub fn is_control_label(text: &str) -> bool {
    // Asked of every short text that is no ad label: most leave on their first letter.
    let first = first_byte(text);
    // Or a no-break space before the label, raw (C2 A0) or as an entity.
    if !opens_with(first, CONTROL_LABEL_FIRST_LETTERS) && first != b'&' && first != 0xC2 {
        return false;
    }
    // A loading line trails off ("Loading ...", "Cargando…").
    let text = text
        .trim()
        .trim_start_matches("&nbsp;")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…'));
    one_of(text, CONTROL_LABELS, CONTROL_LABEL_LENGTHS)
}

/// What an element says alone before the author's name in an information box ("<li>
/// <strong>Author</strong> Antonio Cascais</li>", "<span>Autor: </span><span>…"): its
/// parent is the byline. The whole text, ignoring ASCII case and a colon.
pub const AUTHOR_LABELS: &[&str] = &[
    phrase("author", "English"),
    phrase("authors", "English"),
    phrase("written by", "English"),
    phrase("autor", "German, Spanish, Portuguese, Polish"),
    phrase("autorin", "German, a woman"),
    phrase("autoren", "German, several"),
    phrase("autora", "Spanish and Portuguese, a woman"),
    phrase("autores", "Spanish and Portuguese, several"),
    phrase("auteur", "French"),
    phrase("autore", "Italian"),
];

/// Headings of a box about the article's author, their name and biography after the story.
pub const AUTHOR_BOX_HEADINGS: &[&str] = &[
    phrase("written by", "English (the GitHub blog)"),
    phrase("about the author", "English"),
    phrase("about the authors", "English"),
    phrase("über den autor", "German"),
    phrase("über die autorin", "German, a woman"),
    phrase("über die autoren", "German, several"),
    phrase("à propos de l'auteur", "French"),
    phrase("sobre el autor", "Spanish"),
    phrase("sobre la autora", "Spanish, a woman"),
    phrase("sobre o autor", "Portuguese"),
];

/// The most bytes of a heading read as one of [`AUTHOR_BOX_HEADINGS`].
const AUTHOR_BOX_HEADING_MAX_BYTES: usize = 24;

/// How a heading opens that names whom the box is about ("About Rachel Dunmore", a
/// WordPress theme's `author-box-title`): in a box marked as the author's, the name after it
/// is theirs.
pub const AUTHOR_BOX_ABOUT: &[&str] = &[
    phrase("about ", "English"),
    phrase("über ", "German"),
    phrase("à propos de ", "French"),
    phrase("sobre ", "Spanish, Portuguese"),
];

/// The most words of a name after one of [`AUTHOR_BOX_ABOUT`].
const AUTHOR_BOX_NAME_MAX_WORDS: usize = 4;

/// Whether a heading's text is one of [`AUTHOR_BOX_HEADINGS`], in any case (Unicode's: "Über
/// den Autor"), a colon after it aside; or one of [`AUTHOR_BOX_ABOUT`] and a name, each of
/// its few words capitalised ("About Rachel Dunmore", not "About this recipe").
pub fn is_author_box_heading(text: &str) -> bool {
    // Asked of every `aria-label` too: most leave on their first byte, which for the tables'
    // phrases is "a", "s", "w" or the lead byte of "à" and "ü" (`author_box_openings`).
    if !matches!(
        first_byte(text).to_ascii_lowercase(),
        b'a' | b's' | b'w' | 0xC3
    ) {
        return false;
    }
    let text = text.trim().trim_end_matches(':').trim_end();
    if text.len() > AUTHOR_BOX_HEADING_MAX_BYTES.max(AUTHOR_BOX_NAME_MAX_BYTES) {
        return false;
    }
    let lower = text.to_lowercase();
    if text.len() <= AUTHOR_BOX_HEADING_MAX_BYTES && AUTHOR_BOX_HEADINGS.contains(&lower.as_str()) {
        return true;
    }
    // (The name is cut from `text` where the opening ends in `lower`: the same place
    // unless lower-casing changed a length, when `get` finds no name.)
    AUTHOR_BOX_ABOUT
        .iter()
        .find(|about| lower.starts_with(*about))
        .and_then(|about| text.get(about.len()..))
        .is_some_and(|name| {
            let words = name.split_whitespace().count();
            (1..=AUTHOR_BOX_NAME_MAX_WORDS).contains(&words)
                && name
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        })
}

/// The most bytes of a heading read as one of [`AUTHOR_BOX_ABOUT`] and a name.
const AUTHOR_BOX_NAME_MAX_BYTES: usize = 64;

/// Whether a piece of text is only an author label (see [`AUTHOR_LABELS`]).
pub fn is_author_label(text: &str) -> bool {
    let text = text.trim().trim_end_matches(':').trim_end();
    let first = text.bytes().next().unwrap_or(0);
    opens_with(first, AUTHOR_LABEL_FIRST_LETTERS)
        && one_of(text, AUTHOR_LABELS, AUTHOR_LABEL_LENGTHS)
}

/// The first letters of [`AUTHOR_LABELS`] (`a` is bit 0), as a bit set.
const AUTHOR_LABEL_FIRST_LETTERS: u32 = first_letters(AUTHOR_LABELS);

/// The lengths in bytes of [`AUTHOR_LABELS`], as a bit set.
const AUTHOR_LABEL_LENGTHS: u64 = length_set(AUTHOR_LABELS, 16);

/// The first letters of [`CONTROL_LABELS`] (`a` is bit 0), as a bit set.
const CONTROL_LABEL_FIRST_LETTERS: u32 = first_letters(CONTROL_LABELS);

/// The first letters of `labels` (`a` is bit 0), as a bit set; each must start with a
/// lower-case ASCII letter.
const fn first_letters(labels: &[&str]) -> u32 {
    let mut letters = 0u32;
    let mut i = 0;
    while i < labels.len() {
        let first = labels[i].as_bytes()[0];
        assert!(first.is_ascii_lowercase());
        letters |= 1 << (first - b'a');
        i += 1;
    }
    letters
}

/// The first byte of `text` past ASCII whitespace (0 for none): what the label tables'
/// first-letter sets are asked about before anything is decoded or trimmed. Other
/// whitespace begins with a byte over 127, which such a set never holds.
fn first_byte(text: &str) -> u8 {
    text.bytes().find(|b| !b.is_ascii_whitespace()).unwrap_or(0)
}

/// Whether byte `first`, in either case, is an ASCII letter in `letters` (a set from
/// [`first_letters`]): a text that opens otherwise is none of the labels.
const fn opens_with(first: u8, letters: u32) -> bool {
    let letter = first.to_ascii_lowercase().wrapping_sub(b'a');
    letter < 26 && letters & (1 << letter) != 0
}

/// The lengths in bytes of [`CONTROL_LABELS`], as a bit set.
const CONTROL_LABEL_LENGTHS: u64 = length_set(CONTROL_LABELS, CONTROL_LABEL_MAX_BYTES);

/// What a link says when it only takes the reader back: to the top of the page, to its table
/// of contents, to the list the story was opened from ("Zurück zum Inhaltsverzeichnis"
/// thirteen times down a story, "zurück zur Listenansicht" at its end). As the whole text of
/// a link, matched ignoring ASCII case and any arrow around it; the view has no top to go
/// back to, and an export no list. Phrases of two words or more, so that a link on "back" in
/// a sentence stays.
pub const BACK_LINKS: &[&str] = &[
    phrase("back to top", "English"),
    phrase("back to the top", "English"),
    phrase("go to top", "English"),
    phrase("top of page", "English"),
    phrase("back to contents", "English: to the table of contents"),
    phrase("back to table of contents", "English"),
    phrase("back to index", "English"),
    phrase("back to overview", "English"),
    phrase("back to list", "English"),
    phrase("back to the list", "English"),
    phrase("back to all posts", "English: a blog's list"),
    phrase("back to blog", "English"),
    phrase("back to news", "English"),
    phrase("go back", "English"),
    phrase("nach oben", "German: to the top"),
    phrase("zurück nach oben", "German"),
    phrase("zum seitenanfang", "German: to the top of the page"),
    phrase("zurück zum seitenanfang", "German"),
    phrase(
        "zurück zum inhaltsverzeichnis",
        "German: to the table of contents",
    ),
    phrase("zum inhaltsverzeichnis", "German"),
    phrase("zurück zur übersicht", "German: to the overview"),
    phrase("zur übersicht", "German"),
    phrase("zurück zur listenansicht", "German: to the list view"),
    phrase("zurück zur liste", "German"),
    phrase("zurück zur startseite", "German: to the home page"),
    phrase("haut de page", "French: top of page"),
    phrase("retour en haut", "French: back to the top"),
    phrase("retour en haut de page", "French"),
    phrase("retour au sommaire", "French: to the contents"),
    phrase("retour à la liste", "French: to the list"),
    phrase("volver arriba", "Spanish: back to the top"),
    phrase("ir arriba", "Spanish"),
    phrase("volver al índice", "Spanish: to the contents"),
    phrase("volver al listado", "Spanish: to the list"),
    phrase("voltar ao topo", "Portuguese: back to the top"),
    phrase("torna su", "Italian: back to the top"),
    phrase("torna all'inizio", "Italian"),
    phrase("torna all'elenco", "Italian: to the list"),
    phrase("naar boven", "Dutch: to the top"),
    phrase("terug naar boven", "Dutch"),
    phrase("terug naar overzicht", "Dutch: to the overview"),
];

/// Text this long or longer, in bytes, is no link back (see [`BACK_LINKS`]).
pub const BACK_LINK_MAX_BYTES: usize = 40;

/// Whether a link's whole text only takes the reader back (see [`BACK_LINKS`]).
/// How the text of a link to a place on the same page opens when it skips something there:
/// "Skip past newsletter promotion" (the Guardian), "Skip to content". Pages whose classes
/// are hashed name no such link `skip-link`.
pub const SKIP_LINK_OPENINGS: &[&str] = &[
    phrase("skip to ", "skip links for keyboard users"),
    phrase(
        "skip past ",
        "the Guardian's, over a promotion set in the story",
    ),
];

/// Whole texts of such links.
pub const SKIP_LINKS: &[&str] = &[
    phrase(
        "skip advertisement",
        "the New York Times', over each advert",
    ),
    phrase("skip ad", "the same, shorter"),
    phrase("skip navigation", "skip links for keyboard users"),
];

/// The most bytes of a link's text read as a skip link's (see [`is_skip_link`]).
pub const SKIP_LINK_MAX_BYTES: usize = 48;

/// Whether the text of a link to a place on the same page says to skip something there
/// ([`SKIP_LINK_OPENINGS`], [`SKIP_LINKS`]). A sentence's words linked ("crews skip the
/// last crossing") are none.
pub fn is_skip_link(text: &str) -> bool {
    let text = text.trim_ascii();
    let b = text.as_bytes();
    if b.len() > SKIP_LINK_MAX_BYTES || b.len() < 7 || !b[..4].eq_ignore_ascii_case(b"skip") {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    SKIP_LINK_OPENINGS.iter().any(|o| lower.starts_with(o)) || SKIP_LINKS.contains(&lower.as_str())
}

pub fn is_back_link(text: &str) -> bool {
    // Asked of every short text in a link, a menu's items among them: most leave at their
    // first letter or their length, before any character is decoded.
    let text = text.trim_ascii();
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    let text = if first.is_ascii_alphabetic() {
        if !opens_with(first, BACK_LINK_FIRST_LETTERS) {
            return false;
        }
        match text.as_bytes().last() {
            Some(b) if b.is_ascii_alphabetic() => text,
            _ => trim_arrows(text),
        }
    } else if first < 0x80 && !matches!(first, b'<' | b'^') {
        return false;
    } else {
        trim_arrows(text)
    };
    one_of(text, BACK_LINKS, BACK_LINK_LENGTHS)
}

/// A link back's text without the arrows and whitespace around it ("« Back to top ↑").
fn trim_arrows(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '«' | '‹' | '<' | '>' | '›' | '»' | '←' | '↑' | '^')
    })
}

/// The first letters of [`BACK_LINKS`] (`a` is bit 0), as a bit set.
const BACK_LINK_FIRST_LETTERS: u32 = first_letters(BACK_LINKS);

/// The lengths in bytes of [`BACK_LINKS`], as a bit set.
const BACK_LINK_LENGTHS: u64 = length_set(BACK_LINKS, BACK_LINK_MAX_BYTES);

/// What a link says when it is all a teaser card ends with: the way to the story the card
/// sums up ("READ THE REST", "Weiterlesen"). The card it closes, a headline and a summary,
/// is another story's (see `Marks::read_more`). The whole text of a link, ignoring ASCII
/// case and arrows or an ellipsis after it.
pub const READ_MORE_LABELS: &[&str] = &[
    phrase("read more", "English"),
    phrase("read the rest", "English (Boing Boing)"),
    phrase("read full story", "English"),
    phrase("read the full story", "English"),
    phrase("read full article", "English"),
    phrase("continue reading", "English"),
    phrase("keep reading", "English"),
    phrase("weiterlesen", "German"),
    phrase("mehr lesen", "German"),
    phrase("lire la suite", "French"),
    phrase("leer más", "Spanish"),
    phrase("seguir leyendo", "Spanish"),
    phrase("leia mais", "Portuguese"),
    phrase("continua a leggere", "Italian"),
    phrase("leggi tutto", "Italian"),
    phrase("lees meer", "Dutch"),
    phrase("czytaj dalej", "Polish"),
];

/// What a sign-up box writes on its button, set as a link (WIRED's "Sign up today", Le
/// Monde's "S’inscrire"), as the link's whole text. Matched ignoring ASCII case.
pub const SIGNUP_LINKS: &[&str] = &[
    phrase("sign up", "English"),
    phrase("sign up now", "English"),
    phrase("sign up today", "English"),
    phrase("sign me up", "English"),
    phrase("subscribe", "English"),
    phrase("subscribe now", "English"),
    phrase("s’inscrire", "French"),
    phrase("s'inscrire", "French, a straight apostrophe"),
    phrase("je m’inscris", "French"),
    phrase("je m'inscris", "French, a straight apostrophe"),
    phrase("abonnieren", "German"),
    phrase("jetzt abonnieren", "German"),
    phrase("jetzt anmelden", "German"),
    phrase("suscríbete", "Spanish"),
    phrase("suscribirme", "Spanish"),
    phrase("iscriviti", "Italian"),
    phrase("inscreva-se", "Portuguese"),
    phrase("aanmelden", "Dutch"),
    phrase("zapisz się", "Polish"),
];

/// Text this long or longer, in bytes, is no sign-up link (see [`SIGNUP_LINKS`]).
const SIGNUP_LINK_MAX_BYTES: usize = 32;

/// Whether a link's whole text is a sign-up box's button (see [`SIGNUP_LINKS`]).
pub fn is_signup_link(text: &str) -> bool {
    // Asked of every short text in a link, a menu's items among them: most leave at their
    // first letter, before anything is trimmed.
    if !opens_with(first_byte(text), SIGNUP_LINK_FIRST_LETTERS) {
        return false;
    }
    let text = text.trim().trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '›' | '»' | '→' | '>')
    });
    one_of(text, SIGNUP_LINKS, SIGNUP_LINK_LENGTHS)
}

/// The first letters of [`SIGNUP_LINKS`], as a bit set.
const SIGNUP_LINK_FIRST_LETTERS: u32 = first_letters(SIGNUP_LINKS);

/// The lengths in bytes of [`SIGNUP_LINKS`], as a bit set.
const SIGNUP_LINK_LENGTHS: u64 = length_set(SIGNUP_LINKS, SIGNUP_LINK_MAX_BYTES);

/// Text this long or longer, in bytes, is no read-more link (see [`READ_MORE_LABELS`]).
pub const READ_MORE_MAX_BYTES: usize = 32;

/// Whether a link's whole text is a teaser's way to its story (see [`READ_MORE_LABELS`]).
pub fn is_read_more(text: &str) -> bool {
    // Asked of every short text in a link, a menu's items among them: most leave at their
    // first letter, before anything is trimmed.
    let first = first_byte(text);
    if !opens_with(first, READ_MORE_FIRST_LETTERS) {
        return false;
    }
    let text = text.trim().trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '…' | '›' | '»' | '→' | '>')
    });
    one_of(text, READ_MORE_LABELS, READ_MORE_LENGTHS)
}

/// The first letters of [`READ_MORE_LABELS`], as a bit set.
const READ_MORE_FIRST_LETTERS: u32 = first_letters(READ_MORE_LABELS);

/// The lengths in bytes of [`READ_MORE_LABELS`], as a bit set.
const READ_MORE_LENGTHS: u64 = length_set(READ_MORE_LABELS, READ_MORE_MAX_BYTES);

/// Words of the address of a site's rules for its comments: a paragraph that links to them
/// on the site itself tells readers how to comment ("… ننصحك بمراجعة <a
/// href="/community_guidelines.html">إرشادات الاستخدام</a>", "Bitte beachten Sie unsere
/// Netiquette"), whatever its language. Lower case, as paths are written.
pub const COMMENT_RULES_PAGES: &[&str] = &[
    phrase("community-guidelines", "English"),
    phrase("community_guidelines", "English"),
    phrase("communityguidelines", "English"),
    phrase("comment-policy", "English"),
    phrase("commenting-policy", "English"),
    phrase("netiquette", "German and others"),
    phrase("kommentarrichtlinien", "German"),
];

/// Whether a link goes to the rules for comments of the site it is on (see
/// [`COMMENT_RULES_PAGES`]). Only a path on the same site: a story about a platform's rules
/// links to the platform ("https://www.youtube.com/…/community-guidelines/").
pub fn is_comment_rules_page(href: &str) -> bool {
    // Asked of every link in a paragraph: a memmem search for each name (comparing each
    // window of the address, case folded, cost the whole collect pass 4 %). Paths are written
    // in lower case; a capitalised one is not looked for.
    type Finders = Vec<memchr::memmem::Finder<'static>>;
    static RULES: std::sync::OnceLock<Finders> = std::sync::OnceLock::new();
    let path = href.trim_start();
    path.starts_with('/')
        && !path.starts_with("//")
        && RULES
            .get_or_init(|| {
                COMMENT_RULES_PAGES
                    .iter()
                    .map(|rules| memchr::memmem::Finder::new(rules.as_bytes()))
                    .collect()
            })
            .iter()
            .any(|rules| rules.find(path.as_bytes()).is_some())
}

/// The folder of a site's author pages, as a path segment of a link: a link to one is the
/// author's name as `rel="author"` marks it ("<a href="/autor/frank_g">Gunter Frank</a>").
pub const AUTHOR_FOLDERS: &[&str] = &[
    phrase("author", "English, WordPress's default"),
    phrase("authors", "English"),
    phrase("autor", "German, Spanish, Portuguese, Polish"),
    phrase("autoren", "German"),
    phrase("autores", "Spanish, Portuguese"),
    phrase("auteur", "French"),
    phrase("auteurs", "French"),
    phrase("autore", "Italian"),
    phrase("autori", "Italian"),
];

/// Whether a link's address is an author's page on the site (see [`AUTHOR_FOLDERS`]): a
/// folder of those names followed by one more segment, the author's.
pub fn is_author_page(href: &str) -> bool {
    // Every link of the page is asked: one search for "/aut", which most addresses do not
    // hold, before anything else is read (memchr for each slash cost twice as much). Paths
    // are written in lower case; a capitalised folder is not looked for.
    static AUT: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let aut = AUT.get_or_init(|| memchr::memmem::Finder::new(b"/aut"));
    if aut.find(href.as_bytes()).is_none() {
        return false;
    }
    let end = memchr::memchr2(b'?', b'#', href.as_bytes()).unwrap_or(href.len());
    let path = &href[..end];
    aut.find_iter(path.as_bytes()).any(|at| {
        let mut segments = path[at + 1..].split('/').filter(|s| !s.is_empty());
        segments
            .next()
            .is_some_and(|folder| AUTHOR_FOLDERS.contains(&folder))
            && segments.next().is_some_and(|name| !name.contains('.'))
            && segments.next().is_none()
    })
}

/// Hosts of embedded video that Readability keeps in articles (`videos` regex).
pub const VIDEO_HOSTS: &[&str] = &[
    "dailymotion.com",
    "youtube.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "v.qq.com",
    "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
];

/// Lower-cases `class` and `id` once per element and answers pattern questions about them.
#[derive(Default)]
pub struct Names {
    /// `class id`, lower-cased, as Readability joins them.
    joined: String,
    /// Every word of every token, lower-cased (see [`How::Word`]).
    words: Vec<String>,
    /// Like `words`, but without the tokens that lead with a state prefix.
    name_words: Vec<String>,
    /// Some token's last credit or caption word is a credit word (see [`Names::is_credit`]).
    credit: bool,
    /// Some token's is a caption word.
    caption: bool,
}

impl Names {
    pub fn new(class: Option<&str>, id: Option<&str>) -> Names {
        let mut names = Names::default();
        for (part, is_class) in [(class, true), (id, false)]
            .into_iter()
            .filter_map(|(p, c)| Some((p?, c)))
        {
            if !names.joined.is_empty() {
                names.joined.push(' ');
            }
            if is_class && part.split_ascii_whitespace().any(is_layout_only) {
                let kept = part.split_ascii_whitespace().filter(|t| !is_layout_only(t));
                names
                    .joined
                    .push_str(&kept.collect::<Vec<_>>().join(" ").to_lowercase());
            } else {
                names.joined.push_str(&part.to_lowercase());
            }
            for token in part
                .split_ascii_whitespace()
                .filter(|t| !(is_class && is_layout_only(t)))
            {
                let words = split_words(token);
                let is = |patterns: &[Pattern], w: &str| patterns.iter().any(|p| p.fits_word(w));
                match words
                    .iter()
                    .rev()
                    .find(|w| is(CREDIT_NAMES, w) || is(CAPTION_NAMES, w))
                {
                    Some(w) if is(CREDIT_NAMES, w) => names.credit = true,
                    Some(_) => names.caption = true,
                    None => {}
                }
                let namespaced =
                    words.len() > 1 && NAMESPACES.iter().any(|n| *n == words[0].as_str());
                // Words after a state word describe a state (`o-section--has-ads`).
                names.name_words.extend(
                    words
                        .iter()
                        .skip(usize::from(namespaced))
                        .take_while(|w| !STATE_PREFIXES.contains(&w.as_str()))
                        .cloned(),
                );
                names.words.extend(words);
            }
        }
        names
    }

    pub fn is_empty(&self) -> bool {
        self.joined.is_empty()
    }

    pub fn matches(&self, pattern: &Pattern) -> bool {
        match pattern.how {
            How::Substring => self.joined.contains(pattern.needle),
            How::Word | How::WordPrefix => self.words.iter().any(|w| pattern.fits_word(w)),
        }
    }

    pub fn any(&self, patterns: &[Pattern]) -> bool {
        patterns.iter().any(|p| self.matches(p))
    }

    /// Readability's `_getClassWeight`: ±25 for each of class and id.
    pub fn class_weight(class: Option<&str>, id: Option<&str>) -> i32 {
        let mut weight = 0;
        // Each name read on its own (an empty one matches nothing).
        let parts = [
            class.map(|c| Names::new(Some(c), None)),
            id.map(|i| Names::new(None, Some(i))),
        ];
        for one in parts.into_iter().flatten() {
            if one.any(NEGATIVE) {
                weight -= 25;
            }
            if one.any(POSITIVE) {
                weight += 25;
            }
        }
        weight
    }

    /// The boilerplate kind these names declare, if any.
    pub fn boilerplate(&self) -> Option<RemovedKind> {
        BOILERPLATE
            .iter()
            .find(|(p, _)| self.name_words.iter().any(|w| p.fits_word(w)))
            .map(|(_, kind)| *kind)
    }

    pub fn is_unlikely(&self) -> bool {
        self.any(UNLIKELY) && !self.any(MAYBE_CANDIDATE)
    }

    pub fn is_meta_line(&self) -> bool {
        META_LINE
            .iter()
            .any(|p| self.name_words.iter().any(|w| p.fits_word(w)))
    }

    /// Named as a picture's credit line and not as its caption: some token's last credit or
    /// caption word is a credit word, and none's is a caption word (see [`CAPTION_NAMES`]).
    pub fn is_credit(&self) -> bool {
        self.credit && !self.caption
    }

    /// Named as a caption: some token's last credit or caption word is a caption word.
    pub fn is_caption(&self) -> bool {
        self.caption
    }
}

/// The length of the hash that opens `name`, if its first run of ASCII letters and digits
/// (up to a separator) is one rather than words: hexadecimal only, with a letter after a
/// digit. Medium gives every paragraph such an id (`ad7a`, read as an advert's until then);
/// `ad1` and `ad300` stay an ad slot's words.
pub fn hash_len(name: &[u8]) -> Option<usize> {
    // Asked at the start of every word of every id: most words leave at their first letter
    // past `f`.
    let mut letter_after_digit = false;
    let mut after_digit = false;
    for (k, &b) in name.iter().enumerate() {
        if !b.is_ascii_alphanumeric() {
            return letter_after_digit.then_some(k);
        }
        if !b.is_ascii_hexdigit() {
            return None;
        }
        let digit = b.is_ascii_digit();
        letter_after_digit |= after_digit && !digit;
        after_digit = digit;
    }
    letter_after_digit.then_some(name.len())
}

/// Splits one class/id token into lower-case words at `-`, `_`, `.`, `:`, digits and
/// lower-to-upper case changes: `articleShareBar_2` → `article`, `share`, `bar`.
///
/// Letters that follow a digit and are all hexadecimal are the end of a hash, not a word:
/// `outline-container-orgd7109ad` (an Org export) or `body__3fad` (a CSS module) say nothing
/// of an advert; nor does a run of letters and digits that is a hash whole (see
/// [`hash_len`]).
fn split_words(token: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = token.char_indices().peekable();
    let mut after_digit = false;
    let mut at_run_start = true;
    while let Some(&(at, c)) = chars.peek() {
        if at_run_start {
            if let Some(len) = hash_len(&token.as_bytes()[at..]) {
                while chars.next_if(|&(k, _)| k < at + len).is_some() {}
                continue;
            }
        }
        at_run_start = !c.is_alphanumeric();
        if !c.is_alphabetic() {
            after_digit = c.is_ascii_digit();
            chars.next();
            continue;
        }
        let mut run = String::new();
        while let Some((_, c)) = chars.next_if(|(_, c)| c.is_alphabetic()) {
            run.push(c);
        }
        if after_digit && run.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        let mut current = String::new();
        let mut prev_lower = false;
        for c in run.chars() {
            if c.is_uppercase() && prev_lower {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = c.is_lowercase();
            current.extend(c.to_lowercase());
        }
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signup_link_is_the_call_alone() {
        for text in [
            "Sign up today",
            " SUBSCRIBE ",
            "S’inscrire",
            "Sign up now →",
            "Subscribe!",
        ] {
            assert!(is_signup_link(text), "{text}");
        }
        for text in [
            "Sign in",
            "Subscribers",
            "Sign up for the 7am briefing",
            "subscribed",
        ] {
            assert!(!is_signup_link(text), "{text}");
        }
    }

    #[test]
    fn a_signup_label_is_the_word_alone_or_with_the_letters_name() {
        for label in [
            "Newsletter",
            " newsletters: ",
            "Newsletter « Chaleur humaine »",
            "Newsletter: The Download",
            "NEWSLETTER „Checkpoint“",
        ] {
            assert!(is_signup_label(label), "{label}");
        }
        for text in [
            "Newsletter subscribers rose by a fifth",
            "Newsletter-Anmeldung",
            "Newsletter « »",
            "The newsletter",
        ] {
            assert!(!is_signup_label(text), "{text}");
        }
    }

    #[test]
    fn author_box_openings() {
        for phrase in AUTHOR_BOX_HEADINGS.iter().chain(AUTHOR_BOX_ABOUT) {
            let first = phrase.as_bytes()[0];
            assert!(matches!(first, b'a' | b's' | b'w' | 0xC3), "{phrase}");
        }
    }

    #[test]
    fn an_author_box_is_headed_by_a_label_or_by_whom_it_is_about() {
        for heading in [
            "About the author",
            "Über die Autorin:",
            "About Rachel Dunmore",
            "Über Kathrin",
            "À propos de Jeanne Martin",
        ] {
            assert!(is_author_box_heading(heading), "{heading}");
        }
        for heading in [
            "About this recipe",
            "About",
            "About the Ferry Company And Its Many Boats Today",
            "Sobre",
        ] {
            assert!(!is_author_box_heading(heading), "{heading}");
        }
    }

    #[test]
    fn every_print_note_is_looked_for_after_the_word_print() {
        for note in PRINT_NOTES {
            assert!(note.contains(PRINT), "{note}");
        }
    }

    /// Every link back is told, in any ASCII case and with its arrow; the length filter lets
    /// each through.
    #[test]
    fn back_links() {
        for label in BACK_LINKS {
            assert!(is_back_link(label), "{label}");
            assert!(
                is_back_link(&format!(" « {} ", label.to_ascii_uppercase())),
                "{label}"
            );
        }
        for text in [
            "back",
            "Back to the harbour",
            "nach oben gingen die Preise",
            "top",
        ] {
            assert!(!is_back_link(text), "{text}");
        }
    }

    /// A link to an author's page is told by its folder, and only with one segment after it.
    #[test]
    fn author_pages() {
        for href in [
            "/autor/frank_g",
            "https://californiaglobe.com/author/evan-symon/",
            "https://example.com/de/autoren/anna-schmidt?ref=byline",
            "/news/auteur/marie-dupont#top",
        ] {
            assert!(is_author_page(href), "{href}");
        }
        for href in [
            "/author/",
            "/authors",
            "/author/jane-doe/page/2",
            "/autos/author-of-the-year",
            "/authorization/login",
            "/author/feed.xml",
            "https://example.com/2020/01/story",
            "/search?next=/author/jane-doe",
        ] {
            assert!(!is_author_page(href), "{href}");
        }
    }

    /// A caption's end that only credits the picture is told from one that says more.
    #[test]
    fn credit_tails() {
        for (tail, kept) in [
            ("Bild: TebNad/Shutterstock.com", ""),
            ("| © Augusta National/Getty Images", ""),
            ("© AFP / MARCO BERTORELLO", ""),
            ("(mlharing / iStock.com)", ""),
            ("(Bild: Kantonspolizei St. Gallen)", ""),
            ("(Foto: R. Hollinger, 19.01.2022).", "."),
            ("– © Sergey Nivens – stock.adobe.com", ""),
            ("Photograph: Guy Smallman/Getty Images", ""),
            ("| Getty Images", ""),
            ("(AP Photo/Evan Vucci)", ""),
        ] {
            assert_eq!(credit_tail(tail), Some(kept), "{tail}");
        }
        for tail in [
            "(seen from the harbour wall)",
            "Foto: Jane Doe. The bell was cast in 1890.",
            "photo: the pier",
            "- Getty Images",
            "Getty Images",
            "(Foto: dpa) and the pier",
            "© Harbour Museum, which lent the picture for the exhibition that opened in the spring",
        ] {
            assert_eq!(credit_tail(tail), None, "{tail}");
        }
    }

    /// Every control's label is told, in any ASCII case and with the whitespace around it; a
    /// sentence that starts with one is not.
    #[test]
    fn control_labels_are_whole_texts() {
        for label in CONTROL_LABELS {
            for text in [
                label.to_string(),
                format!(" {} \n", label.to_ascii_uppercase()),
            ] {
                assert!(is_control_label(&text), "{text:?}");
            }
        }
        for text in [
            "&nbsp;Loading ...",
            "\u{a0}Lade weitere Inhalte ...",
            "Cargando…",
        ] {
            assert!(is_control_label(text), "{text:?}");
        }
        for text in [
            "Hide caption of the map",
            "toggle",
            "",
            "  ",
            "Loading docks",
            "&nbsp;",
            "...",
        ] {
            assert!(!is_control_label(text), "{text:?}");
        }
    }

    /// Checks that every address in `hrefs` is told as `want`.
    fn links_to(hrefs: &[&str], want: Option<LinkTo>) {
        for href in hrefs {
            assert_eq!(link_to(href), want, "{href}");
        }
    }

    /// Every label is told, as written and in ASCII capitals (the first-letter exit must
    /// let each through), and no sentence that holds one is.
    #[test]
    fn every_ad_label_is_told() {
        for label in AD_LABELS {
            assert!(is_ad_label(label), "{label}");
            assert!(
                is_ad_label(&format!(" – {} –", label.to_ascii_uppercase())),
                "{label}"
            );
            assert!(!is_ad_label(&format!("{label} was everywhere")), "{label}");
        }
    }

    #[test]
    fn topic_links_are_labelled_with_their_colon() {
        for text in ["Tags:", "tags:", "Schlagwörter:", "Mots-clés :"] {
            assert!(is_related_heading(text), "{text}");
        }
        // A manual's section on git's tags, and a sentence about tags, are no labels.
        for text in ["Tags", "Tags sind problematisch, wenn sie verweisen"] {
            assert!(!is_related_heading(text), "{text}");
        }
    }

    /// The ASCII reading answers as the full one does, for every phrase and the texts around
    /// each: alone, in capitals, with a colon, more words, a word run on, a longer text.
    #[test]
    fn related_labels_read_in_ascii_as_decoded() {
        let long = "Related costs rose sharply across the region this year, officials said";
        for phrase in RELATED_HEADINGS.iter().filter(|p| p.is_ascii()) {
            let upper = phrase.to_ascii_uppercase();
            for text in [
                phrase.to_string(),
                upper.clone(),
                format!("{phrase}:"),
                format!("{upper} - more"),
                format!("{phrase} on the ferry"),
                format!("{phrase}s"),
                format!("{phrase}1"),
                format!("{phrase}?"),
                long.to_string(),
            ] {
                assert_eq!(
                    is_related_heading_ascii(text.as_bytes()),
                    is_related_heading(&text),
                    "{text}"
                );
            }
        }
    }

    /// The prefix filter lets through every text that reads as a label, however the page
    /// writes it: references, other spaces, line breaks, capitals of other scripts.
    #[test]
    fn the_prefix_filter_lets_every_related_label_through() {
        for phrase in RELATED_HEADINGS {
            let upper = phrase.to_uppercase();
            let spaced = phrase.replace(' ', "\n    ");
            let nbsp = phrase.replace(' ', "&nbsp;");
            let escaped = phrase.replace('ä', "&auml;").replace('é', "&eacute;");
            for text in [phrase.to_string(), upper, spaced, nbsp, escaped] {
                for text in [
                    text.clone(),
                    format!("&nbsp;{text}:"),
                    format!("{text} – more"),
                ] {
                    if is_related_heading(&crate::stages::collect::capture_text(&text)) {
                        assert!(
                            may_read_as_related_heading(text.trim().as_bytes()),
                            "{text}"
                        );
                    }
                }
            }
        }
        for text in [
            "Thüringen zahlt Firmen Bonus",
            "Publicado por Alberto González",
            "Tolles Angebot:\nkostenlos",
        ] {
            assert!(!may_read_as_related_heading(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn the_first_byte_filter_lets_every_related_label_through() {
        for phrase in RELATED_HEADINGS {
            let upper = phrase.to_uppercase();
            for text in [phrase, upper.as_str()] {
                assert!(may_be_related_heading(&format!("\n  {text}:")), "{text}");
            }
        }
        assert!(may_be_related_heading("&Auml;hnliche Artikel"));
        assert!(may_be_related_heading("\u{a0}Mehr zum Thema"));
        for text in ["Home", "12. März", "", "  ", "(3) Kommentare"] {
            assert!(!may_be_related_heading(text), "{text}");
        }
    }

    #[test]
    fn share_buttons_are_told_by_where_they_send_the_reader() {
        let share = [
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa",
            "http://m.facebook.com/sharer.php?u=x",
            "//twitter.com/intent/tweet?text=x&url=y",
            "https://x.com/intent/post?url=y",
            "https://twitter.com/share",
            "https://www.linkedin.com/shareArticle?mini=true&url=y",
            "https://api.whatsapp.com/send?text=y",
            "whatsapp://send?text=y",
            "https://t.me/share/url?url=y",
            "MAILTO:?subject=Read%20this&body=y",
        ];
        links_to(&share, Some(LinkTo::Share));
        let other = [
            "https://www.facebook.com/sharepoint",
            "https://twitter.com/shareholders/status/1",
            "https://x.com/jack",
            "https://box.com/shared/file",
            "mailto:editors@news.example?subject=Letter",
            "https://news.example/share?id=3",
            "/intent/tweet",
            "",
        ];
        links_to(&other, None);
    }

    #[test]
    fn app_store_links_are_told_from_other_store_pages() {
        let stores = [
            "https://apps.apple.com/us/app/barbados-nation-news/id887959854",
            "https://play.google.com/store/apps/details?id=com.example.news&hl=en",
            "HTTPS://PLAY.GOOGLE.COM/store/apps/details?id=x",
            "https://appgallery.huawei.com/app/C100000000",
        ];
        links_to(&stores, Some(LinkTo::AppStore));
        let other = [
            "https://play.google.com/store/movies/details?id=fgPqJgZepxM",
            "https://play.google.com/store/books",
            "https://www.apple.com/app-store/",
            "https://podcasts.apple.com/us/podcast/x/id1",
        ];
        links_to(&other, None);
    }

    #[test]
    fn words_split_at_humps_and_punctuation() {
        assert_eq!(
            split_words("articleShareBar_2"),
            ["article", "share", "bar"]
        );
        assert_eq!(split_words("top-ad-unit"), ["top", "ad", "unit"]);
        assert_eq!(split_words("orgd7109ad"), ["orgd"]);
        assert_eq!(split_words("ad2-3fad-ads"), ["ad", "ads"]);
        // A run that is a hash whole: Medium's paragraph ids; an ad slot's number is no hash.
        assert!(split_words("ad7a").is_empty());
        assert_eq!(split_words("post-fb3e-share"), ["post", "share"]);
        assert_eq!(split_words("ad300"), ["ad"]);
        assert_eq!(split_words("ad12"), ["ad"]);
    }

    #[test]
    fn boilerplate_reads_whole_words_only() {
        let n = Names::new(Some("story-share shareholders"), None);
        assert_eq!(n.boilerplate(), Some(RemovedKind::Share));
        let n = Names::new(Some("shareholders-letter"), None);
        assert_eq!(n.boilerplate(), None);
        let n = Names::new(Some("layout has-sidebar with-comments"), None);
        assert_eq!(n.boilerplate(), None);
        let n = Names::new(None, Some("cookieBanner"));
        assert_eq!(n.boilerplate(), Some(RemovedKind::Cookie));
    }

    #[test]
    fn a_namespace_word_names_nothing_before_other_words() {
        for name in ["cmp-text", "cmp-image__caption", "cmp_notification"] {
            assert_eq!(Names::new(Some(name), None).boilerplate(), None, "{name}");
        }
        for name in ["cmp", "qc-cmp2-container", "usercentrics-cmp"] {
            let n = Names::new(Some(name), None);
            assert_eq!(n.boilerplate(), Some(RemovedKind::Cookie), "{name}");
        }
    }

    #[test]
    fn credit_lines_start_with_a_label() {
        for line in [
            "Foto: dpa",
            "(© AFP / Marco Bertorello)",
            "Crédits photos : Bestimage",
            "(Image credit: HandyGames)",
            "Photo : YONHAP News",
        ] {
            assert_eq!(credit(line), Some(Credit::Line), "{line}");
        }
        for label in ["Bild:", " Foto :", "(©"] {
            assert_eq!(credit(label), Some(Credit::Label), "{label}");
        }
        for word in ["Credit", "Photo ", "(Quelle"] {
            assert_eq!(credit(word), Some(Credit::Word), "{word}");
        }
        for prose in [
            "Photos of the flood",
            "Bildung: ein Recht",
            "Credits roll",
            "Creditors",
            "source",
        ] {
            assert_eq!(credit(prose), None, "{prose}");
        }
    }

    #[test]
    fn class_weight_follows_readability() {
        assert_eq!(Names::class_weight(Some("article-body"), None), 25);
        assert_eq!(Names::class_weight(Some("sidebar"), Some("content")), 0);
        assert_eq!(Names::class_weight(Some("comment"), None), -25);
    }

    #[test]
    fn unlikely_unless_it_also_says_content() {
        assert!(Names::new(Some("sidebar"), None).is_unlikely());
        assert!(!Names::new(Some("sidebar-content"), None).is_unlikely());
    }
}
