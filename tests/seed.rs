//! The seed page: a Hindustan Times article as its CMS serves it, where a reader today gets the
//! story lost among menus, share widgets, a sign-in prompt and a list of sister sites (the text
//! in `../shared/seed/000_4cfe037dadc1e40d.txt`). `tests/fixtures/news-seed.html` rebuilds that
//! page's HTML; these tests say what Quiet Page must make of it: exactly the article.

mod support;

use quietpage::Article;
use support::*;

const URL: &str = "https://www.hindustantimes.com/world-news/chinas-xi-jinping-calls-russia-true-friend-after-call-with-putin-on-ukraine-war-anniversary-101740395112345.html";

const TITLE: &str =
    "China's Xi Jinping calls Russia ‘true friend’ after call with Putin on Ukraine war anniversary";

const SUBHEADING: &str = "The close partnership between China and Russia";

/// The lead figure's caption. Its credit, "(AFP)" in an element named `photoCredit`, goes as
/// every picture credit does (the picture's `alt` keeps the page's whole wording).
const CAPTION: &str = "Xi Jinping spoke to Vladimir Putin on a call on Monday \"upon invitation\" with the Russian leader.";

/// The article as a reader should get it, block by block: the standfirst and nine body
/// paragraphs (the "ten paragraphs"), the lead figure's caption where the figure stands, and the
/// subheading where it stands.
const ARTICLE: &[&str] = &[
    "Xi Jinping talked to Vladimir Putin on a phone call on Monday \"upon invitation\" with the Russian leader, media in both countries reported.",
    "Chinese President Xi Jinping reaffirmed Beijing’s close ties with Russia, saying both the countries are \"true friends\" who \"support each other\", state media reported.",
    CAPTION,
    "The state news agency earlier reported that Xi Jinping spoke to Vladimir Putin on a phone call on Monday \"upon invitation\" with the Russian leader, where Putin briefed Xi about Russia's talks with the US on peace in Ukraine.",
    "According to a report by Xinhua, Xi said that \"history and reality show that China and Russia are good neighbours that cannot be moved away, and true friends” who share both good and bad times. He also added that both countries “support each other and achieve common development\".",
    "The phone call comes on the third anniversary of the start of the Russia-Ukraine war. Moscow and Beijing have strengthened military and trade ties since Russia sent troops into Ukraine in 2022, though China has sought to depict itself as a neutral party in the conflict.",
    "The Kremlin released a statement after the phone call, saying that President Putin briefed President Xi Jinping on contacts between Russia and the US.",
    "Russian and US officials met in Saudi Arabia last week where Moscow says they agreed to start work on restoring bilateral ties and preparing for Ukraine peace talks.",
    "The Kremlin’s statement added that Xi had expressed his support for the dialogue between Moscow and Washington and had spoken of China's readiness to help find a peace settlement for the conflict in Ukraine, Reuters reported.",
    SUBHEADING,
    "China has remained a close political and economic partner of Russia over the years and also during Moscow’s war with Kyiv. Beijing has never condemned Russia's actions in Ukraine, leading some NATO members to brand the country and its government an \"enabler\" of the conflict.",
    "Both countries have played up the supposedly strong personal bond between Xi Jinping and Vladimir Putin. While the Chinese President has called his Russian counterpart his ‘best friend’, Putin has lauded Xi as his ‘reliable partner’.",
];

/// Everything around the article on the seed page. None of it may reach the reader.
const BOILERPLATE: &[&str] = &[
    // header
    "Menu",
    "Explore",
    "Search",
    "Monday, Feb 24, 2025",
    "New Delhi",
    "Subscribe",
    "Games",
    "E-Paper",
    "close_game",
    // the story's own furniture, which has its own fields
    "HT News Desk",
    "Feb 24, 2025 04:49 PM IST",
    "04:49 PM",
    // after the story
    "rec-icon",
    "Recommended Topics",
    "Share this article",
    "Read breaking news",
    "Super Bowl 2025 Live Updates",
    "See More",
    "SHARE THIS ARTICLE ON",
    "SHARE",
    "Copy",
    "Join Hindustan Times",
    "Create free account",
    "Newsletters, Alerts and Recommendations",
    "Get personalised news",
    "Bookmark the stories",
    "Already have an account?",
    "Sign In",
    // footer and the overlays after it
    "mint-logo",
    "mint-lounge",
    "HT_Auto",
    "ht-tech",
    "healthshots",
    "OTT-icons",
    "slurrp-icon",
    "ht-telegu",
    "Instore Radio - FAB Play",
    "vc-circle",
    "edge-insights",
    "Copyright",
    "HT Digital Streams",
    "Story Saved",
    "Live Score",
    "Edit Profile",
    "Saved Articles",
    "Following",
    "My Reads",
    "Sign out",
    "Monday, February 24, 2025",
    "Free Trial",
    "Subscribe Now",
    "Follow Us On",
    // what scripts and JSON carry
    "googletag",
    "dataLayer",
    "Loading...",
    "Putin says Trump talks were useful",
];

fn seed() -> Article {
    extract_ok(&fixture("news-seed.html"), URL)
}

#[test]
fn boilerplate_list_does_not_overlap_the_article() {
    // Guards the test itself: a boilerplate string that occurs in the article would make the
    // absence checks below impossible to satisfy.
    let article = ARTICLE.join("\n\n");
    for b in BOILERPLATE {
        assert!(!article.contains(b), "{b:?} occurs in the expected article");
    }
    assert!(!article.contains(TITLE));
}

#[test]
fn text_is_exactly_the_article() {
    assert_text_is(&seed().text, ARTICLE);
}

#[test]
fn metadata_fields() {
    let a = seed();
    assert_eq!(a.title.as_deref(), Some(TITLE), "title");
    assert_eq!(a.byline.as_deref(), Some("HT News Desk"), "byline");
    let published = a.published.as_deref().unwrap_or("");
    assert!(
        published.starts_with("2025-02-24"),
        "published should be the ISO date 2025-02-24..., got {published:?}"
    );
    assert_eq!(a.site_name.as_deref(), Some("Hindustan Times"), "site_name");
    assert_eq!(a.lang.as_deref(), Some("en"), "lang");
    assert_ne!(a.dir.as_deref(), Some("rtl"), "an English page is not rtl");
    assert_eq!(a.url.as_deref(), Some(URL), "url is the canonical address");
    let lead = a.lead_image.as_deref().unwrap_or("");
    assert!(
        lead.starts_with("https://www.hindustantimes.com/ht-img/img/2025/02/24/")
            && lead.ends_with("/Xi-Jinping-Putin-call_1740395271832_1740395272087.jpg"),
        "lead_image should be the story's photo, got {lead:?}"
    );
    let excerpt = a.excerpt.as_deref().unwrap_or("");
    assert!(
        excerpt.starts_with(
            "Xi Jinping talked to Vladimir Putin on a phone call on Monday \"upon invitation\""
        ),
        "excerpt should be the page's summary, decoded, got {excerpt:?}"
    );
}

#[test]
fn lead_figure_appears_once_with_its_real_image_and_caption() {
    let a = seed();
    let html = &a.content_html;
    let srcs = img_srcs(html);
    assert_eq!(
        srcs.len(),
        1,
        "exactly one image (not the noscript copy, not icons): {srcs:?}"
    );
    let src = &srcs[0];
    assert!(
        src.starts_with("https://www.hindustantimes.com/ht-img/img/2025/02/24/")
            && src.ends_with("/Xi-Jinping-Putin-call_1740395271832_1740395272087.jpg"),
        "the image shows the photo, not the lazy-load placeholder: {src:?}"
    );
    assert_eq!(count_elements(html, "figure"), 1, "one figure:\n{html}");
    assert_eq!(
        element_texts(html, "figcaption"),
        vec![CAPTION.to_string()],
        "one caption, inside the figure"
    );
    let seen = visible_text(html);
    assert_eq!(
        seen.matches(CAPTION).count(),
        1,
        "caption shown once:\n{seen}"
    );
    assert_eq!(a.text.matches(CAPTION).count(), 1, "caption in text once");
    assert!(!a.text.contains("(AFP)"), "the credit goes:\n{}", a.text);
    // The figure stands between the first and second body paragraphs, as on the page.
    let before = seen.find("state media reported.").expect("first paragraph");
    let caption = seen.find(CAPTION).expect("caption");
    let after = seen
        .find("The state news agency earlier reported")
        .expect("second paragraph");
    assert!(
        before < caption && caption < after,
        "figure out of place:\n{seen}"
    );
}

#[test]
fn subheading_is_a_heading() {
    let a = seed();
    let hs = headings(&a.content_html);
    assert!(
        hs.iter()
            .any(|(level, text)| (2..=4).contains(level) && text == SUBHEADING),
        "{SUBHEADING:?} should be an h2-h4 in content_html, headings are {hs:?}"
    );
}

#[test]
fn title_byline_and_date_are_not_in_the_body() {
    let a = seed();
    let seen = visible_text(&a.content_html);
    for s in [TITLE, "HT News Desk", "ByHT", "Feb 24, 2025"] {
        assert!(!a.text.contains(s), "text contains {s:?}:\n{}", a.text);
        assert!(
            !seen.contains(s),
            "content_html shows {s:?}:\n{}",
            a.content_html
        );
    }
}

#[test]
fn nothing_around_the_article_survives() {
    let a = seed();
    let seen = visible_text(&a.content_html);
    let mut leaks = Vec::new();
    for b in BOILERPLATE {
        if a.text.contains(b) || seen.contains(b) {
            leaks.push(*b);
        }
    }
    assert!(
        leaks.is_empty(),
        "boilerplate in the article: {leaks:?}\n{}",
        a.text
    );
    // Nor do placeholders, tracking or widget addresses hide in attributes.
    for s in [
        "data:image/gif",
        "googletagmanager",
        "doubleclick",
        "facebook.com/sharer",
    ] {
        assert!(!a.content_html.contains(s), "content_html contains {s:?}");
    }
}

#[test]
fn links_in_the_story_are_absolute() {
    let a = seed();
    let tokens = tokenize(&a.content_html);
    let hrefs: Vec<_> = elements(&tokens, "a")
        .iter()
        .filter_map(|t| t.attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"https://www.hindustantimes.com/topic/xinhua"),
        "the in-text Xinhua link is kept and absolute: {hrefs:?}"
    );
    for u in all_urls(&a.content_html) {
        assert!(
            u.starts_with("https://"),
            "relative or odd URL in content_html: {u:?}"
        );
    }
}

#[test]
fn entities_are_decoded_once() {
    let a = seed();
    // The page writes some quotes as &quot; and one apostrophe as &#x27;.
    for s in ["&quot;", "&#x27;", "&amp;", "&#39;"] {
        assert!(!a.text.contains(s), "text contains the raw reference {s}");
    }
    assert!(!a.content_html.contains("&amp;quot;") && !a.content_html.contains("&amp;#x27;"));
    assert!(a.text.contains("China's readiness"));
}

#[test]
fn removed_counts_name_what_was_taken_out() {
    let r = seed().removed;
    assert!(r.navigation > 0, "the header menus are navigation: {r:?}");
    assert!(r.share > 0, "three share bars: {r:?}");
    assert!(r.signin > 0, "the Join / Sign In prompt: {r:?}");
    assert!(r.footer > 0, "the footer: {r:?}");
}

#[test]
fn word_count_and_reading_time() {
    let a = seed();
    let words = ARTICLE.join(" ").split_whitespace().count();
    let diff = a.word_count.abs_diff(words);
    assert!(
        diff * 20 <= words,
        "word_count {} should be within 5% of the article's {words} words",
        a.word_count
    );
    // About 370 words: one and a half to two minutes at usual reading speeds (200-300 wpm).
    let lo = (words / 300).max(1) as u32;
    let hi = words.div_ceil(200) as u32;
    assert!(
        (lo..=hi).contains(&a.reading_minutes),
        "reading_minutes {} for {words} words, expected {lo}..={hi}",
        a.reading_minutes
    );
}
