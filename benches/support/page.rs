//! A generated news page of any size, for benchmarks that must run without the corpus and for
//! the scaling and large-page memory checks (issue 7).
//!
//! Shared by the criterion bench (`benches/extract.rs`) and the side-by-side bench crate
//! (`bench/`), which includes this file by path so both measure the very same page.
//!
//! The page has the furniture a real one has (site header and navigation, a sidebar of
//! related links, a comment thread, a footer, a cookie banner, scripts) around one long
//! article. Growing the page grows the article *and* the comment thread in step, so a larger
//! page is a longer read with a longer discussion under it, not just more of one kind of node.
//! The text is deterministic (a fixed-seed generator over a fixed vocabulary).

use std::fmt::Write;

/// The page, `target_bytes` long or a little over (one section more at most).
pub fn news_page(target_bytes: usize) -> String {
    let mut words = Words(0x2545_f491_4f6c_dd1d);
    let mut out = String::with_capacity(target_bytes + 16 * 1024);
    out.push_str(HEAD);
    out.push_str(SITE_HEADER);
    out.push_str(
        "<main id=\"content\"><article class=\"post\">\n<header class=\"entry-header\">\
         <h1>The quiet economics of small harbours</h1>\n<p class=\"byline\">By \
         <a rel=\"author\" href=\"/people/jane-doe\">Jane Doe</a> · \
         <time datetime=\"2026-11-30T08:00:00Z\">30 November 2026</time> · 12 min read</p>\
         </header>\n<div class=\"entry-content\" itemprop=\"articleBody\">\n",
    );
    let closing = format!(
        "</div>\n</article>\n{SIDEBAR}</main>\n<section id=\"comments\" class=\"comments\">\
         <h2>Comments</h2>\n"
    );
    // The comment thread is built beside the article and appended after it.
    let mut comments = String::new();
    let tail = closing.len() + TAIL.len();
    let mut section = 0usize;
    while section == 0 || out.len() + comments.len() + tail < target_bytes {
        article_section(&mut out, &mut words, section);
        comment(&mut comments, &mut words, section);
        section += 1;
    }
    out.push_str(&closing);
    out.push_str(&comments);
    out.push_str(TAIL);
    out
}

fn article_section(out: &mut String, words: &mut Words, n: usize) {
    let _ = writeln!(out, "<h2 id=\"s{n}\">{}</h2>", words.title(5));
    for p in 0..5 {
        out.push_str("<p>");
        words.sentences(out, 4 + (p % 3), n + p);
        out.push_str("</p>\n");
    }
    match n % 4 {
        0 => {
            let _ = writeln!(
                out,
                "<figure><img src=\"/img/harbour-{n}.jpg\" srcset=\"/img/harbour-{n}-800.jpg \
                 800w, /img/harbour-{n}-1600.jpg 1600w\" alt=\"{}\" width=\"800\" \
                 height=\"450\" loading=\"lazy\"><figcaption>{}</figcaption></figure>",
                words.title(4),
                words.title(8)
            );
        }
        1 => {
            out.push_str("<blockquote><p>");
            words.sentences(out, 2, n);
            out.push_str("</p></blockquote>\n<ul>");
            for _ in 0..4 {
                let _ = write!(out, "<li>{}</li>", words.title(7));
            }
            out.push_str("</ul>\n");
        }
        2 => {
            out.push_str(
                "<table><caption>Landings by port</caption><thead><tr><th>Port</th>\
                 <th>Tonnes</th><th>Boats</th></tr></thead><tbody>",
            );
            for r in 0..5 {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    words.title(1),
                    (n * 37 + r * 11) % 900 + 100,
                    (n + r) % 40 + 3
                );
            }
            out.push_str("</tbody></table>\n");
        }
        _ => {
            out.push_str("<pre><code>");
            for line in 0..4 {
                let _ = writeln!(out, "tide[{line}] = {} &lt; {};", n + line, n * 3 + line);
            }
            out.push_str("</code></pre>\n");
        }
    }
}

fn comment(out: &mut String, words: &mut Words, n: usize) {
    let _ = write!(
        out,
        "<div class=\"comment\" id=\"c{n}\"><div class=\"comment-meta\"><a href=\"/u/{n}\">\
         reader{n}</a> <span class=\"date\">2 hours ago</span></div><div class=\"comment-body\">\
         <p>"
    );
    words.sentences(out, 2, n);
    out.push_str(
        "</p></div><div class=\"comment-actions\"><a href=\"#reply\">Reply</a> \
         <a href=\"#like\">Like</a> <button>Report</button></div></div>\n",
    );
}

/// A fixed-seed xorshift over a fixed vocabulary: the same page on every machine.
struct Words(u64);

impl Words {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 33) as usize
    }

    fn word(&mut self) -> &'static str {
        VOCABULARY[self.next() % VOCABULARY.len()]
    }

    fn title(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            let w = self.word();
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s
    }

    /// `n` sentences; every so often a word is a link or emphasised, as in real prose.
    fn sentences(&mut self, out: &mut String, n: usize, salt: usize) {
        for s in 0..n {
            let len = 9 + self.next() % 14;
            for i in 0..len {
                let w = self.word();
                if i == 0 {
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(c.as_str());
                    }
                    continue;
                }
                out.push(if i % 7 == 3 { ',' } else { ' ' });
                if i % 7 == 3 {
                    out.push(' ');
                }
                match (self.next() + salt + s) % 29 {
                    0 => {
                        let _ = write!(out, "<a href=\"/topics/{w}\">{w}</a>");
                    }
                    1 => {
                        let _ = write!(out, "<em>{w}</em>");
                    }
                    2 => {
                        let _ = write!(out, "<strong>{w}</strong>");
                    }
                    _ => out.push_str(w),
                }
            }
            out.push_str(". ");
        }
    }
}

#[rustfmt::skip]
const VOCABULARY: &[&str] = &[
    "harbour", "tide", "boat", "net", "quay", "market", "price", "crew", "season", "weather",
    "storm", "morning", "evening", "village", "council", "license", "quota", "fuel", "engine",
    "winter", "summer", "cod", "mackerel", "herring", "crab", "lobster", "trawler", "skipper",
    "family", "debt", "bank", "loan", "insurance", "coast", "cliff", "lighthouse", "pier",
    "river", "estuary", "island", "ferry", "tourist", "café", "rent", "house", "school",
    "the", "a", "of", "and", "to", "in", "that", "it", "was", "for", "on", "with", "as", "at",
    "by", "from", "they", "we", "she", "he", "their", "our", "every", "most", "few", "more",
    "less", "after", "before", "while", "because", "although", "never", "always", "often",
    "slowly", "quietly", "early", "late", "small", "large", "old", "new", "cold", "grey",
    "bright", "steady", "uncertain", "local", "national", "European", "landed", "sold",
    "bought", "mended", "waited", "argued", "counted", "borrowed", "remembered", "worried",
    "explained", "measured", "closed", "opened", "said", "thinks", "knows", "expects",
    "numbers", "records", "figures", "years", "decades", "generations", "hands", "ropes",
    "über", "naïve", "façade", "€", "—", "100", "1987", "2026",
];

const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>The quiet economics of small harbours – The Coastal Review</title>\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta property=\"og:title\" content=\"The quiet economics of small harbours\">\
<meta property=\"og:site_name\" content=\"The Coastal Review\">\
<meta property=\"og:image\" content=\"https://example.com/img/harbour-lead.jpg\">\
<meta name=\"description\" content=\"What keeps a small fishing harbour alive, in numbers.\">\
<link rel=\"canonical\" href=\"https://example.com/2026/11/small-harbours\">\
<link rel=\"stylesheet\" href=\"/css/site.css\">\
<style>body{font:16px/1.5 serif}.cookie{position:fixed;bottom:0}</style>\
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\
gtag('js',new Date());if(1<2&&3>2){gtag('config','X-1')}</script>\
<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\
\"NewsArticle\",\"headline\":\"The quiet economics of small harbours\",\"author\":{\"@type\":\
\"Person\",\"name\":\"Jane Doe\"},\"datePublished\":\"2026-11-30T08:00:00Z\"}</script>\
</head>\n<body class=\"article-page\">\n";

const SITE_HEADER: &str = "<div class=\"cookie-banner cookie\" role=\"dialog\"><p>We use \
cookies to improve your experience.</p><button>Accept</button><button>Settings</button></div>\n\
<header class=\"site-header\"><a class=\"logo\" href=\"/\">The Coastal Review</a>\
<nav class=\"main-nav\"><ul><li><a href=\"/news\">News</a></li><li><a href=\"/politics\">\
Politics</a></li><li><a href=\"/business\">Business</a></li><li><a href=\"/science\">Science\
</a></li><li><a href=\"/culture\">Culture</a></li><li><a href=\"/sport\">Sport</a></li>\
<li><a href=\"/opinion\">Opinion</a></li></ul></nav><form class=\"search\" action=\"/search\">\
<input name=\"q\" placeholder=\"Search\"><button>Go</button></form></header>\n";

const SIDEBAR: &str = "<aside class=\"sidebar related\"><h3>Most read</h3><ol>\
<li><a href=\"/a/1\">Ferry timetable changes for the winter</a></li>\
<li><a href=\"/a/2\">A lighthouse keeper's last season</a></li>\
<li><a href=\"/a/3\">Council approves the new pier</a></li>\
<li><a href=\"/a/4\">Mackerel prices at a ten-year low</a></li></ol>\
<div class=\"newsletter\"><p>Get the Coastal Review every morning.</p>\
<form><input type=\"email\" placeholder=\"Email\"><button>Sign up</button></form></div>\
<div class=\"ad\"><a href=\"https://ads.example.net/c\"><img src=\"/ad.gif\" alt=\"\"></a></div>\
</aside>\n";

const TAIL: &str = "</section>\n<footer class=\"site-footer\"><p>© 2026 The Coastal Review \
</p><ul><li><a href=\"/about\">About</a></li><li><a href=\"/privacy\">Privacy</a></li>\
<li><a href=\"/terms\">Terms</a></li><li><a href=\"/contact\">Contact</a></li></ul></footer>\n\
<div class=\"share-bar\"><a href=\"#share-fb\">Share</a><a href=\"#share-x\">Post</a></div>\n\
<script src=\"/js/app.js\" defer></script>\n</body></html>\n";
