//! Exporters: Markdown, HTML, plain text, EPUB and file names.
//!
//! Each format is read back with an independent implementation (pulldown-cmark, yaml-rust2,
//! the `zip` crate, quick-xml, and Debian's `epubcheck` when installed) and compared with the
//! article; golden files in tests/golden/ pin the exact output. Regenerate them after an
//! intended change with `UPDATE_GOLDEN=1 cargo test --test export`, and read the diff.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use quietpage::export::{
    filename, to_epub, to_epub_at, to_html_document, to_markdown, to_markdown_at, to_text,
};
use quietpage::Article;

mod support;

const HOSTILE_TITLE: &str =
    "Rust 2024: \"Safe\" by default?\nA *tour* of <img src=x onerror=alert(1)> & [links]";

const CODE: &str = "fn main() {\n    let x = 1;\t// tab before comment\n\n        println!(\"{}\", x * 2);   \n}\n";

/// An article the core could have produced: every construct the exporters handle, and text
/// that means something in Markdown, HTML or YAML.
fn sample() -> Article {
    let content_html = format!(
        r#"<p>Intro with <em>emphasis</em>, <strong>strong text</strong>, a <a href="https://example.com/docs/a_(b)">link with parens</a> and hostile text: *_[]&lt;&gt;&amp; 1. # not a heading &amp;amp; `tick` ~~no~~ \ back.</p>
<h2>Getting started</h2>
<p>Install with <code>cargo add quietpage</code> then run it.<br>Second line after a break.</p>
<ul>
  <li>First item</li>
  <li>Second item with <a href="https://example.com/x?a=1&amp;b=2">a link</a>
    <ul><li>Nested one</li><li>Nested two
      <ol><li>Deep ordered</li></ol></li></ul>
  </li>
  <li>Third item</li>
</ul>
<ol start="3"><li>Three</li><li>Four</li></ol>
<pre><code class="language-rust">{code}</code></pre>
<blockquote><p>A quoted paragraph.</p><p>Second quoted paragraph with <em>style</em>.</p></blockquote>
<figure><img src="https://example.com/img/photo.jpg" alt="A photo: of [things]"><figcaption>The caption, with <a href="https://example.com/credit">credit</a>.</figcaption></figure>
<h3>Data</h3>
<table><thead><tr><th>Name</th><th>Value | pipe</th></tr></thead><tbody><tr><td>alpha</td><td><code>a|b</code></td></tr><tr><td>beta</td><td>2 &lt; 3</td></tr></tbody></table>
<hr>
<p>Closing words with an image <img src="https://example.com/icon.png" alt="icon"> inline, <del>old</del> text and snake_case_name.</p>"#,
        code = CODE.replace('&', "&amp;").replace('<', "&lt;")
    );
    let text = format!(
        "Intro with emphasis, strong text, a link with parens and hostile text: *_[]<>& 1. # not a heading &amp; `tick` ~~no~~ \\ back.\n\n\
         Getting started\n\n\
         Install with cargo add quietpage then run it.\nSecond line after a break.\n\n\
         First item\nSecond item with a link\nNested one\nNested two\nDeep ordered\nThird item\n\n\
         Three\nFour\n\n\
         {CODE}\n\
         A quoted paragraph.\n\nSecond quoted paragraph with style.\n\n\
         The caption, with credit.\n\n\
         Data\n\n\
         Name\tValue | pipe\nalpha\ta|b\nbeta\t2 < 3\n\n\
         Closing words with an image inline, old text and snake_case_name."
    );
    Article {
        title: Some(HOSTILE_TITLE.into()),
        byline: Some("Jane \"JD\" Doe".into()),
        published: Some("2024-05-01T09:30:00Z".into()),
        site_name: Some("Example: News".into()),
        lang: Some("en".into()),
        dir: Some("ltr".into()),
        excerpt: Some("What's new: \"everything\" — almost.\n#not-a-comment".into()),
        lead_image: Some("https://example.com/img/photo.jpg".into()),
        url: Some("https://example.com/posts/rust-2024?ref=a&b=c".into()),
        word_count: 120,
        reading_minutes: 4,
        content_html,
        text,
        ..Article::default()
    }
}

/// A fragment that breaks the content models XHTML and Markdown care about, with URLs that
/// are not strict URIs and things that must not survive.
fn broken() -> Article {
    Article {
        title: Some("Broken \u{7} shapes".into()),
        lang: Some("he".into()),
        dir: Some("rtl".into()),
        url: Some("javascript:alert(1)".into()),
        content_html: concat!(
            "<span>in span <div>a div</div></span>",
            "<p>para <p>nested para</p> <ul><li>list in p</li></ul></p>",
            "<ul>stray text<li>item</li><ul><li>sub</li></ul><li></li></ul>",
            "<dl><dd>dd first</dd><dt>dt</dt></dl>",
            "<dl><dt><h2>heading term</h2></dt><dd>def</dd></dl>",
            "<figure><img src=\"https://e.com/a b.png\" alt=\"a\"><figcaption>mid</figcaption><p>after</p></figure>",
            "<table>loose<tfoot><tr><td>foot</td></tr></tfoot><tr><th><h3>th heading</h3></th>between<td colspan=\"x\">c</td></tr>",
            "<caption>late caption<table><tr><td>inner</td></tr></table></caption><tbody><tr><td>body</td></tr></tbody></table>",
            "<a href=\"https://e.com/\">outer <a href=\"https://e.com/inner\">inner</a></a>",
            "<a href=\"javascript:alert(1)\">js link</a> <a href=\"https://e.com/ü ber?q=[1]%zz#a#b\">weird url</a>",
            "<a href=\"#local\">local</a> <img src=\"data:image/png;base64,AAAA\" alt=\"inline data\">",
            "<h4><p>para in heading</p></h4><pre>\n\nline after blank</pre><details><summary>more</summary>hidden</details>",
            "<section><header>h</header><footer>f</footer></section><time datetime=\"soon\">soon</time>",
            "<font color=red>font</font><center>center</center><math><mi>x</mi></math><svg><text>svgtext</text></svg>",
            "<ol start=\"-3\" type=\"Q\" reversed><li value=\"7\">seven</li></ol>",
            "text with \u{1} control and &#xFFFE; nonchar",
        )
        .into(),
        text: String::new(),
        ..Article::default()
    }
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run UPDATE_GOLDEN=1 cargo test --test export",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from the golden file; if intended, regenerate with \
         UPDATE_GOLDEN=1 cargo test --test export\n--- actual ---\n{actual}"
    );
}

/// Unicode's superscript and subscript digits and signs as plain ones.
fn fold_scripts(s: &str) -> String {
    const SCRIPTS: [(&str, char); 2] = [("⁰¹²³⁴⁵⁶⁷⁸⁹", '0'), ("₀₁₂₃₄₅₆₇₈₉", '0')];
    s.chars()
        .map(|c| {
            for (set, zero) in SCRIPTS {
                if let Some(i) = set.chars().position(|d| d == c) {
                    return char::from(zero as u8 + i as u8);
                }
            }
            match c {
                '⁺' | '₊' => '+',
                '⁻' | '₋' => '-',
                '⁼' | '₌' => '=',
                c => c,
            }
        })
        .collect()
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

// ---------------------------------------------------------------------------------------------
// Markdown

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    )
}

/// The visible text of a Markdown document: what a reader sees, minus the title heading,
/// image descriptions and front matter.
fn visible_text(md: &str) -> String {
    let mut out = String::new();
    let (mut in_meta, mut in_image, mut in_title) = (false, 0, false);
    let mut seen_title = false;
    for event in parser(md) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if !seen_title => {
                in_title = true;
                seen_title = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                in_title = false;
                out.push('\n');
            }
            Event::Text(t) | Event::Code(t) if !in_meta && in_image == 0 && !in_title => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push('\n'),
            // Blocks and cells separate words; inline spans (emphasis, links) do not.
            Event::Start(tag) if !is_inline(&tag) => out.push('\n'),
            Event::End(tag) if !is_inline_end(&tag) => out.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Markdown: {h:?}"),
            _ => {}
        }
    }
    out
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

fn front_matter(md: &str) -> yaml_rust2::Yaml {
    let rest = md
        .strip_prefix("---\n")
        .expect("front matter opens the file");
    let end = rest.find("\n---\n").expect("front matter is closed");
    let docs = yaml_rust2::YamlLoader::load_from_str(&rest[..end]).expect("valid YAML");
    docs.into_iter().next().expect("one YAML document")
}

#[test]
fn markdown_matches_golden() {
    golden("sample.md", &to_markdown_at(&sample(), "2024-06-01"));
    golden("broken.md", &to_markdown_at(&broken(), "2024-06-01"));
}

#[test]
fn markdown_reads_back_as_the_article_text() {
    let article = sample();
    let md = to_markdown_at(&article, "2024-06-01");
    assert_eq!(words(&visible_text(&md)), words(&article.text));
}

#[test]
fn markdown_front_matter_is_yaml_with_every_field() {
    let article = sample();
    let md = to_markdown_at(&article, "2024-06-01");
    let yaml = front_matter(&md);
    let field = |k: &str| yaml[k].as_str().map(str::to_owned);
    let title =
        "Rust 2024: \"Safe\" by default? A *tour* of <img src=x onerror=alert(1)> & [links]";
    assert_eq!(field("title").as_deref(), Some(title));
    assert_eq!(field("author").as_deref(), Some("Jane \"JD\" Doe"));
    assert_eq!(field("published").as_deref(), Some("2024-05-01T09:30:00Z"));
    assert_eq!(field("url"), article.url);
    assert_eq!(field("site").as_deref(), Some("Example: News"));
    assert_eq!(
        field("excerpt").as_deref(),
        Some("What's new: \"everything\" — almost. #not-a-comment")
    );
    assert_eq!(field("saved").as_deref(), Some("2024-06-01"));

    // Without a date, today's (UTC) is used.
    let saved = front_matter(&to_markdown(&article))["saved"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        saved.len() == 10 && saved.as_bytes()[4] == b'-' && saved.starts_with("20"),
        "{saved}"
    );

    // Missing fields are left out, and the title heading with them.
    let bare = to_markdown_at(&Article::default(), "2024-06-01");
    assert_eq!(bare, "---\nsaved: \"2024-06-01\"\n---\n\n");
}

#[test]
fn markdown_structure() {
    let md = to_markdown_at(&sample(), "2024-06-01");
    let events: Vec<Event> = parser(&md).collect();

    // The title is one H1 whose text is the whole (collapsed) title.
    let mut headings = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    for e in &events {
        match e {
            Event::Start(Tag::Heading { level, .. }) => current = Some((*level, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(t)
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            _ => {}
        }
    }
    assert_eq!(
        headings,
        vec![
            (
                HeadingLevel::H1,
                "Rust 2024: \"Safe\" by default? A *tour* of <img src=x onerror=alert(1)> & [links]"
                    .to_owned()
            ),
            (HeadingLevel::H2, "Getting started".to_owned()),
            (HeadingLevel::H3, "Data".to_owned()),
        ]
    );

    // The code block keeps its language and every whitespace character.
    let code: Vec<(String, String)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => {
                let mut text = String::new();
                for e in &events[i + 1..] {
                    match e {
                        Event::Text(t) => text.push_str(t),
                        _ => break,
                    }
                }
                Some((lang.to_string(), text))
            }
            _ => None,
        })
        .collect();
    assert_eq!(code, vec![("rust".to_owned(), CODE.to_owned())]);

    // The table is a GFM table: a header row of two cells, two body rows, pipes kept in text.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_table = false;
    for e in &events {
        match e {
            Event::Start(Tag::Table(aligns)) => {
                assert_eq!(aligns.len(), 2);
                in_table = true;
            }
            Event::End(TagEnd::Table) => in_table = false,
            Event::Start(Tag::TableHead | Tag::TableRow) if in_table => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if in_table => {
                rows.last_mut().unwrap().push(String::new())
            }
            Event::Text(t) | Event::Code(t) if in_table => {
                rows.last_mut().unwrap().last_mut().unwrap().push_str(t)
            }
            _ => {}
        }
    }
    assert_eq!(
        rows,
        vec![
            vec!["Name", "Value | pipe"],
            vec!["alpha", "a|b"],
            vec!["beta", "2 < 3"]
        ]
    );

    // Links and images keep their absolute URLs; the figure is an image then its caption.
    let links: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => Some(format!("img {dest_url}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        vec![
            "https://example.com/docs/a_(b)",
            "https://example.com/x?a=1&b=2",
            "img https://example.com/img/photo.jpg",
            "https://example.com/credit",
            "img https://example.com/icon.png",
        ]
    );

    // Nesting: "Deep ordered" sits in an ordered list inside two bullet lists.
    let mut stack: Vec<Option<u64>> = Vec::new();
    let mut deep = None;
    for e in &events {
        match e {
            Event::Start(Tag::List(start)) => stack.push(*start),
            Event::End(TagEnd::List(_)) => {
                stack.pop();
            }
            Event::Text(t) if t.as_ref() == "Deep ordered" => deep = Some(stack.clone()),
            _ => {}
        }
    }
    assert_eq!(deep, Some(vec![None, None, Some(1)]));
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::List(Some(3))))));
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Strikethrough))));
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::BlockQuote(_)))));
    assert!(events.iter().any(|e| matches!(e, Event::Rule)));
    assert!(events.iter().any(|e| matches!(e, Event::HardBreak)));
}

/// Text that means something in Markdown, in every inline position, reads back unchanged.
#[test]
fn markdown_escapes_every_metacharacter() {
    let hostile = [
        "1.5 m",
        "-5",
        "#tag",
        "####### x",
        "+1",
        "=>",
        "- - -",
        "1.\t",
        "Now!",
        "*a*",
        "_a_",
        "__a__",
        "**a**",
        "`a`",
        "``",
        "~~a~~",
        "~a~",
        "[a]",
        "[a](b)",
        "![a](b)",
        "[a]: /b",
        "<a>",
        "<div>",
        "<!-- x -->",
        "&amp;",
        "&#42;",
        "&copy",
        "\\",
        "\\*",
        "# h",
        "## h ##",
        "> q",
        "- l",
        "+ l",
        "* l",
        "1. o",
        "2) o",
        "123456789. o",
        "---",
        "***",
        "___",
        "===",
        "| a | b |",
        "a | b",
        "|---|",
        "    indented",
        "\ttab",
        "http://x.y",
        "<http://x.y>",
        "a_b_c",
        "_a_b",
        "a_",
        "*",
        "_",
        "!",
        "!!",
        "[^1]",
        "{#id}",
        "$x$",
        "a  ",
        "~~~",
        "```",
        ":---:",
        "=",
        "-",
        "+",
        "#",
        ">",
        "1.",
        "1)",
    ];
    for piece in hostile {
        let e = esc(piece);
        // (fragment, the text a browser shows for it)
        for (html_piece, expected) in [
            (format!("<p>{e}</p>"), piece.to_owned()),
            (format!("<p>x {e} y</p>"), format!("x {piece} y")),
            (format!("<p>x<br>{e}</p>"), format!("x {piece}")),
            (format!("<p><em>{e}</em>z</p>"), format!("{piece}z")),
            (format!("<p>z<strong>{e}</strong></p>"), format!("z{piece}")),
            (format!("<ul><li>{e}</li></ul>"), piece.to_owned()),
            (
                format!("<blockquote><p>{e}</p></blockquote>"),
                piece.to_owned(),
            ),
            (format!("<h2>{e}</h2>"), piece.to_owned()),
            (
                format!("<table><tr><th>{e}</th></tr><tr><td><code>{e}</code></td></tr></table>"),
                format!("{piece} {piece}"),
            ),
            (
                format!("<p><a href=\"https://e.com/\">{e}</a></p>"),
                piece.to_owned(),
            ),
            (format!("<p><code>{e}</code></p>"), piece.to_owned()),
            (
                format!("<p>{e}<a href=\"https://e.com/\">l</a>{e}</p>"),
                format!("{piece}l{piece}"),
            ),
        ] {
            let article = Article {
                content_html: html_piece.clone(),
                ..Article::default()
            };
            let md = to_markdown_at(&article, "2024-06-01");
            assert_eq!(
                words(&visible_text(&md)).join(" "),
                expected.split_whitespace().collect::<Vec<_>>().join(" "),
                "{html_piece:?} gave:\n{md}"
            );
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn markdown_link_destinations_survive_parsing() {
    for url in [
        "https://e.com/a_(b)?c=d&copy;=1&amp;#x",
        "https://e.com/a b<c>\\d|e`f",
        "mailto:a@b.c?subject=Hi%20there",
        "https://e.com/*_[]~",
    ] {
        let article = Article {
            content_html: format!(
                "<p><a href=\"{}\">x</a></p>",
                esc(url).replace('"', "&quot;")
            ),
            ..Article::default()
        };
        let md = to_markdown_at(&article, "2024-06-01");
        let dests: Vec<String> = parser(&md)
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect();
        let expected = url
            .replace(' ', "%20")
            .replace('<', "%3C")
            .replace('>', "%3E")
            .replace('\\', "%5C")
            .replace('|', "%7C")
            .replace('`', "%60");
        assert_eq!(dests, vec![expected], "{md}");
    }
}

#[test]
fn markdown_of_the_xss_vectors_holds_no_html() {
    let Some(vectors) = xss_vectors() else { return };
    for (title, payload) in vectors {
        // Unsanitised, straight in: the Markdown writer must not let markup through anyway.
        for content_html in [payload.clone(), format!("<p>{}</p>", esc(&payload))] {
            let article = Article {
                title: Some(payload.clone()),
                byline: Some(payload.clone()),
                content_html,
                ..Article::default()
            };
            let md = to_markdown_at(&article, "2024-06-01");
            visible_text(&md); // panics on raw HTML
            let yaml = front_matter(&md); // panics on invalid YAML
            let collapsed = payload
                .split_whitespace()
                .map(|w| w.replace(|c: char| c.is_control(), ""))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !collapsed.is_empty() {
                assert_eq!(
                    yaml["title"].as_str(),
                    Some(collapsed.as_str()),
                    "{title}: {md}"
                );
            }
            for e in parser(&md) {
                if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = e {
                    let d = dest_url.to_ascii_lowercase();
                    assert!(
                        d.starts_with("http:")
                            || d.starts_with("https:")
                            || d.starts_with("mailto:")
                            || d.starts_with("data:image/"),
                        "{title}: link to {dest_url}"
                    );
                    assert!(!d.starts_with("data:image/svg"), "{title}: {dest_url}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HTML

const CSS: &str = include_str!("../extension/reader/article.css");

#[test]
fn html_is_standalone_styled_and_inert() {
    let html = to_html_document(&sample());
    let lower = html.to_ascii_lowercase();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline';"
    ));
    // Every rule of the reading view's sheet is inlined; its comments are not.
    let header_end = CSS.find("*/").expect("the sheet opens with a comment") + 2;
    for line in CSS[header_end..].lines().map(str::trim_end) {
        if !line.is_empty() && !line.trim_start().starts_with("/*") {
            assert!(html.contains(line), "{line:?} not inlined");
        }
    }
    assert!(!html.contains("/*"), "comments inlined");
    assert!(!lower.contains("<script"));
    assert!(!lower.contains("javascript:"));
    // No event-handler attribute anywhere (the hostile title's `onerror=` is escaped text).
    for tag in tags(&html) {
        for (attr, _) in &tag.1 {
            assert!(!attr.starts_with("on"), "event handler in {tag:?}");
        }
    }
    assert!(!html.contains("<img src=x"));
    assert!(html.contains(
        "<h1 class=\"qp-title\">Rust 2024: \"Safe\" by default? A *tour* of &lt;img src=x onerror=alert(1)&gt; &amp; [links]</h1>"
    ));
    assert!(html.contains("<title>Rust 2024: \"Safe\" by default? A *tour* of &lt;img"));
    assert!(html.contains("<span class=\"qp-byline\">Jane \"JD\" Doe</span>"));
    assert!(html
        .contains("<time class=\"qp-date\" datetime=\"2024-05-01T09:30:00Z\">2024-05-01</time>"));
    assert!(html.contains("4 min read"));
    assert!(html.contains(&sample().content_html));
    assert!(html.contains(
        "<a href=\"https://example.com/posts/rust-2024?ref=a&amp;b=c\" rel=\"noopener noreferrer\">"
    ));
    // The sheet itself is checked above; the golden file holds the rest.
    let sheet = html.find("<style>\n").expect("a style element") + "<style>\n".len();
    let sheet_end = html.find("</style>").expect("a closed style element");
    let rest = format!(
        "{}/* article.css */\n{}",
        &html[..sheet],
        &html[sheet_end..]
    );
    golden("sample.html", &rest);
}

#[test]
fn html_metadata_cannot_break_out() {
    let Some(vectors) = xss_vectors() else { return };
    for (title, payload) in vectors {
        let article = Article {
            title: Some(payload.clone()),
            byline: Some(payload.clone()),
            site_name: Some(payload.clone()),
            published: Some(payload.clone()),
            lang: Some(payload.clone()),
            dir: Some(payload.clone()),
            url: Some(payload.clone()),
            ..Article::default()
        };
        let html = to_html_document(&article);
        // With an empty body, every tag in the file is ours: no metadata became markup.
        let tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .map(|t| t.split([' ', '>', '\n']).next().unwrap_or_default())
            .collect();
        for tag in tags {
            assert!(
                [
                    "!DOCTYPE", "html", "head", "meta", "title", "/title", "style", "/style",
                    "/head", "body", "article", "header", "h1", "/h1", "p", "span", "/span",
                    "time", "/time", "/p", "/header", "div", "/div", "/article", "/body", "/html",
                    "footer", "a", "/a", "/footer"
                ]
                .contains(&tag),
                "{title}: unexpected <{tag} in\n{html}"
            );
        }
    }
}

#[test]
fn html_links_only_http_sources() {
    let mut article = sample();
    article.url = Some("javascript:alert(1)".into());
    let html = to_html_document(&article);
    assert!(!html.contains("Source: <a"));
    assert!(!html.contains("javascript"));
    article.url = Some(" HTTPS://example.com/a\"b ".into());
    let html = to_html_document(&article);
    assert!(html.contains("href=\"HTTPS://example.com/a&quot;b\""));
}

// ---------------------------------------------------------------------------------------------
// Plain text

#[test]
fn text_is_title_byline_then_body() {
    let article = sample();
    let text = to_text(&article);
    let expected_head =
        "Rust 2024: \"Safe\" by default? A *tour* of <img src=x onerror=alert(1)> & [links]\n\
                         Jane \"JD\" Doe · Example: News · 2024-05-01\n\n";
    assert!(text.starts_with(expected_head), "{text}");
    assert_eq!(&text[expected_head.len()..], format!("{}\n", article.text));
    golden("sample.txt", &text);
}

/// A story credited to the newsroom names it once under the title, not "ABC News · ABC News".
#[test]
fn a_byline_that_is_the_site_name_is_shown_once() {
    let mut article = sample();
    article.byline = Some("River  News".into());
    article.site_name = Some("river news".into());
    let text = to_text(&article);
    assert!(text.contains("\nRiver News · 2024-05-01\n"), "{text}");
    let html = to_html_document(&article);
    assert!(html.contains("qp-byline"), "{html}");
    assert!(!html.contains("qp-site"), "{html}");
    // The book's metadata keeps both: one is its author, the other its publisher.
    let book = open_book(&to_epub(&article));
    let opf = book
        .files
        .iter()
        .find(|(n, _)| n.ends_with(".opf"))
        .unwrap()
        .1;
    assert!(
        opf.contains("<dc:publisher>river news</dc:publisher>"),
        "{opf}"
    );
}

// ---------------------------------------------------------------------------------------------
// EPUB

struct Book {
    names: Vec<String>,
    files: std::collections::HashMap<String, String>,
}

fn open_book(bytes: &[u8]) -> Book {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut names = Vec::new();
    let mut files = std::collections::HashMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        assert_eq!(
            file.compression(),
            zip::CompressionMethod::Stored,
            "{}",
            file.name()
        );
        let mut content = String::new();
        file.read_to_string(&mut content).expect("UTF-8 file");
        names.push(file.name().to_owned());
        files.insert(file.name().to_owned(), content);
    }
    Book { names, files }
}

/// Well-formed XML with only XML's own entities (`&nbsp;` and friends are not XML).
fn assert_well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) => {
                depth += 1;
                for a in e.attributes().with_checks(true) {
                    let a = a.unwrap_or_else(|err| panic!("{name}: attribute: {err}\n{xml}"));
                    a.unescape_value()
                        .unwrap_or_else(|err| panic!("{name}: attribute value: {err}\n{xml}"));
                }
            }
            Ok(quick_xml::events::Event::Empty(e)) => {
                for a in e.attributes().with_checks(true) {
                    let a = a.unwrap_or_else(|err| panic!("{name}: attribute: {err}\n{xml}"));
                    a.unescape_value()
                        .unwrap_or_else(|err| panic!("{name}: attribute value: {err}\n{xml}"));
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                let name_ = r.decode().unwrap().into_owned();
                assert!(
                    name_.starts_with('#')
                        || ["amp", "lt", "gt", "quot", "apos"].contains(&name_.as_str()),
                    "{name}: entity &{name_};"
                );
            }
            Ok(_) => {}
            Err(e) => panic!(
                "{name} is not well-formed at {}: {e}\n{xml}",
                reader.error_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
}

/// The tags of markup we wrote (double-quoted attributes, text escaped): each tag's
/// lower-case name and attributes, values still escaped.
fn tags(markup: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with('>') || rest.starts_with("/>") {
                break;
            }
            let end = rest
                .find(|c: char| c == '=' || c.is_whitespace() || c == '>')
                .unwrap_or(rest.len());
            let attr = rest[..end].to_ascii_lowercase();
            rest = &rest[end..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix("=\"") {
                let close = after.find('"').expect("closed attribute value");
                value = after[..close].to_owned();
                rest = &after[close + 1..];
            } else if end == 0 {
                rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

fn check_book_structure(bytes: &[u8]) -> Book {
    // mimetype first, stored, no extra field: the bytes at fixed offsets say so.
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!(&bytes[8..10], &[0, 0], "mimetype is stored");
    assert_eq!(&bytes[28..30], &[0, 0], "mimetype has no extra field");
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..58], b"application/epub+zip");
    let book = open_book(bytes);
    assert_eq!(
        book.names,
        [
            "mimetype",
            "META-INF/container.xml",
            "EPUB/package.opf",
            "EPUB/nav.xhtml",
            "EPUB/content.xhtml",
            "EPUB/style.css"
        ]
    );
    for (name, content) in &book.files {
        if name.ends_with(".xml") || name.ends_with(".opf") || name.ends_with(".xhtml") {
            assert_well_formed(name, content);
        }
    }
    // Text is escaped, so every `<` starts one of our tags: check each tag and attribute.
    let content = &book.files["EPUB/content.xhtml"];
    for (name, attrs) in tags(content) {
        assert!(
            ![
                "script",
                "style",
                "iframe",
                "object",
                "embed",
                "svg",
                "form",
                "img",
                "input",
                "button",
                "base",
                "frame",
                "audio",
                "video",
                "template",
                "maction",
                "mglyph",
                "annotation-xml"
            ]
            .contains(&name.as_str()),
            "<{name}> in content.xhtml:\n{content}"
        );
        // A formula's elements carry words of MathML's own, never a link or a style.
        if support::MATHML_TAGS.contains(&name.as_str()) {
            for (attr, _) in &attrs {
                assert!(
                    MATHML_ATTRS.contains(&attr.as_str()),
                    "<{name} {attr}> in content.xhtml:\n{content}"
                );
            }
        }
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on") && !["style", "srcdoc", "src"].contains(&attr.as_str()),
                "<{name} {attr}>"
            );
            let value = value.trim().to_ascii_lowercase();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!value.starts_with(scheme), "<{name} {attr}=\"{value}\">");
            }
        }
    }
    book
}

/// The attributes the EPUB writer gives MathML elements.
const MATHML_ATTRS: &[&str] = &[
    "xmlns",
    "display",
    "mathvariant",
    "form",
    "fence",
    "separator",
    "stretchy",
    "symmetric",
    "largeop",
    "movablelimits",
    "accent",
    "accentunder",
    "displaystyle",
    "notation",
    "columnalign",
    "rowalign",
    "columnspan",
    "rowspan",
    "encoding",
];

#[test]
fn epub_structure_and_metadata() {
    let article = sample();
    let bytes = to_epub_at(&article, "2024-06-01T10:20:30Z");
    assert_eq!(
        bytes,
        to_epub_at(&article, "2024-06-01T10:20:30Z"),
        "deterministic"
    );
    let book = check_book_structure(&bytes);
    let opf = &book.files["EPUB/package.opf"];
    assert!(opf.contains("<dc:identifier id=\"uid\">urn:uuid:"));
    assert!(opf.contains(
        "<dc:title>Rust 2024: \"Safe\" by default? A *tour* of &lt;img src=x onerror=alert(1)&gt; &amp; [links]</dc:title>"
    ));
    assert!(opf.contains("<dc:language>en</dc:language>"));
    assert!(opf.contains("<dc:creator>Jane \"JD\" Doe</dc:creator>"));
    assert!(opf.contains("<dc:date>2024-05-01</dc:date>"));
    assert!(opf.contains("<meta property=\"dcterms:modified\">2024-06-01T10:20:30Z</meta>"));
    let content = &book.files["EPUB/content.xhtml"];
    assert!(content.contains("<h2 id=\"qp-h1\">Getting started</h2>"));
    assert!(content.contains(
        "<a href=\"https://example.com/img/photo.jpg\">[Image: A photo: of [things]]</a>"
    ));
    assert!(content.contains(&format!(
        "<pre><code>{}</code></pre>",
        CODE.replace('<', "&lt;")
    )));
    let nav = &book.files["EPUB/nav.xhtml"];
    assert!(nav.contains("<a href=\"content.xhtml#qp-h1\">Getting started</a>"));

    // The identifier depends on the article, not on the time.
    let id = |bytes: &[u8]| {
        let opf = open_book(bytes).files["EPUB/package.opf"].clone();
        let start = opf.find("urn:uuid:").unwrap();
        opf[start..start + 45].to_owned()
    };
    assert_eq!(id(&bytes), id(&to_epub(&article)));
    let mut other = article.clone();
    other.url = Some("https://example.com/other".into());
    assert_ne!(id(&bytes), id(&to_epub_at(&other, "2024-06-01")));

    for name in ["package.opf", "nav.xhtml", "content.xhtml"] {
        golden(
            &format!("sample.epub/{name}"),
            &book.files[&format!("EPUB/{name}")],
        );
    }
}

#[test]
fn epub_repairs_content_models() {
    let bytes = to_epub_at(&broken(), "2024-06-01");
    let book = check_book_structure(&bytes);
    let opf = &book.files["EPUB/package.opf"];
    assert!(opf.contains("page-progression-direction=\"rtl\""));
    assert!(!opf.contains("dc:source"), "a javascript: URL is no source");
    golden(
        "broken.epub/content.xhtml",
        &book.files["EPUB/content.xhtml"],
    );
}

#[test]
fn epub_of_an_empty_article_is_still_a_book() {
    let book = check_book_structure(&to_epub_at(&Article::default(), "2024-06-01"));
    let opf = &book.files["EPUB/package.opf"];
    assert!(opf.contains("<dc:title>Article</dc:title>"));
    assert!(opf.contains("<dc:language>und</dc:language>"));
}

#[test]
fn epub_of_the_xss_vectors_is_inert_and_well_formed() {
    let Some(vectors) = xss_vectors() else { return };
    let mut all = String::new();
    for (title, payload) in &vectors {
        let article = Article {
            title: Some(payload.clone()),
            byline: Some(payload.clone()),
            content_html: payload.clone(),
            ..Article::default()
        };
        let bytes = to_epub_at(&article, "2024-06-01");
        let book = std::panic::catch_unwind(|| check_book_structure(&bytes));
        assert!(book.is_ok(), "vector {title:?}");
        all.push_str(payload);
    }
    // One book of every payload (unsanitised), for epubcheck below.
    let article = Article {
        title: Some("XSS vectors".into()),
        content_html: all,
        ..Article::default()
    };
    let bytes = to_epub_at(&article, "2024-06-01");
    check_book_structure(&bytes);
    epubcheck("xss-vectors", &bytes);
}

/// epubcheck is Debian's `epubcheck` package (build.sh installs it for CI). Without it the
/// check is skipped, loudly.
fn epubcheck(name: &str, bytes: &[u8]) {
    let Some(mut command) = epubcheck_command() else {
        eprintln!(
            "SKIPPED epubcheck for {name}: `epubcheck` not on PATH (apt-get install epubcheck)"
        );
        return;
    };
    // One folder per book, so tests running at once never remove each other's file.
    let dir = std::env::temp_dir().join(format!("quietpage-export-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.epub"));
    std::fs::write(&path, bytes).unwrap();
    let output = command.arg(&path).output().expect("epubcheck runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "epubcheck rejected {name}:\n{report}"
    );
    assert!(
        !report.contains("WARNING") && !report.contains("ERROR") && !report.contains("FATAL"),
        "epubcheck complained about {name}:\n{report}"
    );
}

/// Debian's /usr/bin/epubcheck is a link to a jar, runnable directly only where binfmt_misc
/// knows jars; `java -jar` works everywhere.
fn epubcheck_command() -> Option<Command> {
    let bin = which("epubcheck")?;
    let target = std::fs::canonicalize(&bin).unwrap_or(bin);
    if target.extension().is_some_and(|e| e == "jar") {
        let mut command = Command::new(which("java")?);
        command.arg("-jar").arg(target);
        Some(command)
    } else {
        Some(Command::new(target))
    }
}

fn which(bin: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(bin))
            .find(|p| p.is_file())
    })
}

#[test]
fn epubcheck_accepts_the_books() {
    epubcheck("sample", &to_epub_at(&sample(), "2024-06-01T10:20:30Z"));
    epubcheck("broken", &to_epub(&broken()));
    epubcheck("empty", &to_epub(&Article::default()));
}

// ---------------------------------------------------------------------------------------------
// File names

/// Formulas as the core writes them: inline MathML with its TeX, a display formula without,
/// and one whose fraction lost a part (a page's own mistake), which MathML 3 does not allow.
fn maths() -> Article {
    Article {
        title: Some("Roots".into()),
        lang: Some("en".into()),
        content_html: concat!(
            "<p>The discriminant <math><semantics><mrow><msup><mi>b</mi><mn>2</mn></msup>",
            "<mo>\u{2212}</mo><mn>4</mn><mi>a</mi><mi>c</mi></mrow>",
            "<annotation encoding=\"application/x-tex\">b^2 - 4ac</annotation></semantics></math> decides.</p>",
            "<math display=\"block\"><mi>x</mi><mo stretchy=\"false\" href=\"javascript:alert(1)\">=</mo>",
            "<mfrac><mrow><mo>\u{2212}</mo><mi>b</mi></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac>",
            "<mspace width=\"1em\"></mspace><mmultiscripts><mi>X</mi><none></none><mi>b</mi>",
            "<mprescripts></mprescripts><mi>c</mi><none></none></mmultiscripts></math>",
            "<p>Broken: <math><mfrac><mi>p</mi></mfrac></math> and a table cell:</p>",
            "<table><tr><td><math><semantics><mi>x</mi>",
            "<annotation encoding=\"application/x-tex\">|x|</annotation></semantics></math></td></tr></table>",
        )
        .into(),
        ..Article::default()
    }
}

#[test]
fn formulas_export_as_tex_mathml_or_their_words() {
    let article = maths();
    let md = to_markdown_at(&article, "2024-06-01");
    assert!(md.contains("The discriminant $b^2 - 4ac$ decides."), "{md}");
    assert!(md.contains("x = \u{2212} b 2 a X b c"), "{md}");
    assert!(md.contains("Broken: p and a table cell:"), "{md}");
    assert!(md.contains("| $\\|x\\|$ |"), "{md}");

    let book = check_book_structure(&to_epub_at(&article, "2024-06-01"));
    let opf = &book.files["EPUB/package.opf"];
    assert!(
        opf.contains(
            "href=\"content.xhtml\" media-type=\"application/xhtml+xml\" properties=\"mathml\""
        ),
        "{opf}"
    );
    let content = &book.files["EPUB/content.xhtml"];
    assert!(
        content.contains(concat!(
            "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow><msup><mi>b</mi>",
            "<mn>2</mn></msup><mo>\u{2212}</mo><mn>4</mn><mi>a</mi><mi>c</mi></mrow>",
            "<annotation encoding=\"application/x-tex\">b^2 - 4ac</annotation></semantics></math>"
        )),
        "{content}"
    );
    assert!(
        content.contains(concat!(
            "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><mi>x</mi>",
            "<mo stretchy=\"false\">=</mo><mfrac>"
        )),
        "{content}"
    );
    assert!(content.contains("<mprescripts></mprescripts><mi>c</mi><none></none></mmultiscripts>"));
    assert!(content.contains("Broken: p and"), "{content}");
    epubcheck("maths", &to_epub_at(&article, "2024-06-01"));

    // Without a formula the book declares none.
    let plain = check_book_structure(&to_epub_at(&sample(), "2024-06-01"));
    assert!(!plain.files["EPUB/package.opf"].contains("mathml"));
}

#[test]
fn filenames_are_safe() {
    let name = |title: &str, ext: &str| {
        filename(
            &Article {
                title: Some(title.into()),
                ..Article::default()
            },
            ext,
        )
    };
    assert_eq!(
        name(HOSTILE_TITLE, "md"),
        "Rust 2024 Safe by default A tour of img src=x onerror=alert(1) & [links].md"
    );
    assert_eq!(filename(&Article::default(), "epub"), "article.epub");
    let hostile = [
        "../../../etc/passwd",
        "..\\..\\windows\\system32",
        "/absolute",
        "C:\\evil",
        "a\0b\x1bc\u{7f}d\u{9b}e",
        "CON",
        "nul.tar",
        "Com1",
        "lpt9 ",
        "   ...   ",
        ".hidden",
        "-rf",
        "~user",
        "name.",
        "trailing space ",
        "bidi \u{202e}gpj.exe",
        "zero\u{200b}width",
        "\u{feff}bom",
        "\n\r\t",
        "<>:\"/\\|?*",
        "emoji 🎉 and 中文 and العربية",
    ];
    for title in hostile {
        for ext in ["md", "html", "txt", "epub", "../x", ""] {
            let n = name(title, ext);
            assert!(!n.is_empty());
            assert!(
                !n.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']),
                "{n:?}"
            );
            assert!(!n.chars().any(|c| c.is_control()), "{n:?}");
            assert!(!n.contains(['\u{202e}', '\u{200b}', '\u{feff}']), "{n:?}");
            assert!(!n.starts_with(['.', ' ', '-', '~']), "{n:?}");
            let stem = n.strip_suffix(&format!(".{ext}")).unwrap_or(&n);
            assert!(!stem.ends_with(['.', ' ']), "{n:?}");
            let base = stem
                .split('.')
                .next()
                .unwrap()
                .trim_end()
                .to_ascii_uppercase();
            assert!(
                !["CON", "PRN", "AUX", "NUL", "COM1", "LPT9"].contains(&base.as_str()),
                "{n:?}"
            );
        }
    }
    assert_eq!(name("a\u{202e}gpj.exe", "md"), "agpj.exe.md");
    assert_eq!(name("CON", "md"), "CON_.md");
    assert_eq!(name(".hidden", "md"), "hidden.md");
    assert_eq!(name("   ...   ", "txt"), "article.txt");
    assert_eq!(name("emoji 🎉 and 中文", "md"), "emoji 🎉 and 中文.md");

    let long = "Ünïcödé ".repeat(40);
    let n = name(&long, "md");
    let stem = n.strip_suffix(".md").unwrap();
    assert!(stem.chars().count() <= 80, "{n}");
    assert!(stem.len() <= 200);
    assert!(stem.ends_with("Ünïcödé"), "cut between words: {n}");
    let one_word = "x".repeat(500);
    assert_eq!(name(&one_word, "md").len(), 80 + 3);
}

// ---------------------------------------------------------------------------------------------
// Shared corpus

/// `(title, payload)` from `../shared/security/xss-vectors.json`, or `None` (with a message)
/// when the shared folder is absent.
fn xss_vectors() -> Option<Vec<(String, String)>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/security/xss-vectors.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!(
            "SKIPPED: {} not found (shared corpus absent)",
            path.display()
        );
        return None;
    };
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    Some(
        value
            .as_array()
            .expect("an array")
            .iter()
            .map(|v| {
                (
                    v["title"].as_str().unwrap_or_default().to_owned(),
                    v["payload"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect(),
    )
}

/// The text a browser shows for a fragment, by support::visible_text, except that `<wbr>`
/// and `<img>` do not break a word (that helper counts them as block boundaries) and
/// invisible control characters are not text.
fn shown_text(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        kept.push_str(&rest[..i]);
        let tag = &rest[i..];
        let lower = tag.get(..5).unwrap_or(tag).to_ascii_lowercase();
        if lower.starts_with("<img") || lower.starts_with("<wbr") {
            rest = tag.find('>').map_or("", |end| &tag[end + 1..]);
        } else {
            kept.push('<');
            rest = &tag[1..];
        }
    }
    kept.push_str(rest);
    support::visible_text(&kept).replace(|c: char| c.is_control(), "")
}

/// Pages of one shared corpus as `(name, bytes, url)`, or `None` (with a message) when the
/// shared folder is absent.
fn corpus_pages(which: &str) -> Option<Vec<(String, Vec<u8>, String)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(which);
    let mut pages = Vec::new();
    if which == "readability" {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!(
                "SKIPPED: {} not found (shared corpus absent)",
                dir.display()
            );
            return None;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path().join("source.html")) {
                let name = entry.file_name().to_string_lossy().into_owned();
                pages.push((name, bytes, "http://fakehost/test/page.html".to_owned()));
            }
        }
    } else {
        let Ok(json) = std::fs::read_to_string(dir.join("annotations.json")) else {
            eprintln!(
                "SKIPPED: {} not found (shared corpus absent)",
                dir.display()
            );
            return None;
        };
        let annotations: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        for (url, entry) in annotations.as_object().expect("an object") {
            let file = entry["file"].as_str().unwrap_or_default();
            if let Ok(bytes) = std::fs::read(dir.join("pages").join(file)) {
                let url = url.split_once("::").map_or(url.as_str(), |(_, u)| u);
                let url = if quietpage_is_http(url) {
                    url.to_owned()
                } else {
                    format!("https://{url}")
                };
                pages.push((file.to_owned(), bytes, url));
            }
        }
    }
    pages.sort();
    Some(pages)
}

fn quietpage_is_http(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// Every page of both shared corpora, extracted by the core, exports faithfully: the Markdown
/// reads back as the text of content_html, the EPUB is well-formed and inert (and, each
/// corpus's articles in one book, passes epubcheck), the HTML holds no script.
#[test]
fn corpus_articles_export_faithfully() {
    for corpus in ["readability", "boilerplate"] {
        let Some(pages) = corpus_pages(corpus) else {
            return;
        };
        let mut all_content = String::new();
        let mut mismatches = Vec::new();
        let mut exported = 0;
        for (name, bytes, url) in pages {
            let Ok(article) =
                quietpage::extract_bytes(&bytes, Some(&url), &quietpage::Options::default())
            else {
                continue;
            };
            exported += 1;
            let md = to_markdown_at(&article, "2024-06-01");
            // Faithful to content_html as a browser shows it. The core's `text` is compared
            // too, but only reported: where it disagrees with content_html, the core is at
            // fault.
            // Markdown writes short numeric scripts as Unicode's (`r²`), where HTML has tags.
            let got = fold_scripts(&words(&visible_text(&md)).join(" "));
            let want = words(&shown_text(&article.content_html)).join(" ");
            if words(&article.text).join(" ") != want {
                eprintln!("NOTE {corpus}/{name}: the core's text differs from its content_html's");
            }
            // The lead picture's caption, set above the content as the view sets it.
            let want = match &article.lead_caption {
                Some(caption) => words(caption).join(" ") + " " + &want,
                None => want,
            };
            let want = fold_scripts(&want);
            if got != want {
                let at = got
                    .chars()
                    .zip(want.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let context = |s: &str| {
                    s.chars()
                        .skip(at.saturating_sub(40))
                        .take(100)
                        .collect::<String>()
                };
                mismatches.push(format!(
                    "{name}:\n  markdown: …{}…\n  html:     …{}…",
                    context(&got),
                    context(&want)
                ));
            }
            check_book_structure(&to_epub_at(&article, "2024-06-01"));
            let html = to_html_document(&article).to_ascii_lowercase();
            assert!(!html.contains("<script"), "{name}");
            all_content.push_str(&article.content_html);
        }
        assert!(exported > 0, "no {corpus} page extracted");
        assert!(
            mismatches.is_empty(),
            "{corpus}: {} of {exported} pages' Markdown does not read back as their text:\n{}",
            mismatches.len(),
            mismatches.join("\n")
        );
        let book = to_epub_at(
            &Article {
                title: Some(format!("{corpus} corpus")),
                content_html: all_content,
                ..Article::default()
            },
            "2024-06-01",
        );
        check_book_structure(&book);
        epubcheck(&format!("{corpus}-corpus"), &book);
    }
}

/// Adversarial shapes: deep nesting of every container, and a large article. Nothing may
/// panic or overflow the stack, and the output stays well-formed.
#[test]
fn deep_and_large_articles_export() {
    let mut deep = String::new();
    for i in 0..3000 {
        let tag = [
            "div",
            "blockquote",
            "ul",
            "li",
            "em",
            "a",
            "table",
            "td",
            "span",
            "ol",
        ][i % 10];
        deep.push_str(&format!("<{tag} href=\"https://e.com/{i}\">x{i} "));
    }
    let article = Article {
        title: Some("Deep".into()),
        content_html: deep,
        ..Article::default()
    };
    let md = to_markdown_at(&article, "2024-06-01");
    visible_text(&md);
    check_book_structure(&to_epub_at(&article, "2024-06-01"));
    to_html_document(&article);
    to_text(&article);

    let paragraph = "<p>Some <em>text</em> with a <a href=\"https://e.com/\">link</a>, <code>code</code> and *stars*.</p>\n";
    let article = Article {
        title: Some("Large".into()),
        content_html: paragraph.repeat(20_000),
        ..Article::default()
    };
    let md = to_markdown_at(&article, "2024-06-01");
    assert_eq!(md.matches("[link](https://e.com/)").count(), 20_000);
    let book = open_book(&to_epub_at(&article, "2024-06-01"));
    assert_eq!(
        book.files["EPUB/content.xhtml"].matches("<p>").count(),
        20_000
    );
}

/// The lead picture the reading view sets above the article, with its caption, heads every
/// export that shows pictures; a content that opens with its own picture keeps only that one.
#[test]
fn the_lead_picture_and_its_caption_head_every_export() {
    let article = Article {
        title: Some("Ferry timetable".into()),
        lead_image: Some("https://news.example.com/img/pier.jpg?w=1200&h=800".into()),
        lead_caption: Some("The ferry at the pier <script>alert(1)</script> & crew".into()),
        content_html: "<p>The ferry will run every hour from May.</p>".into(),
        text: "The ferry will run every hour from May.".into(),
        ..Article::default()
    };
    let html = to_html_document(&article);
    assert!(
        html.contains(
            "<figure class=\"qp-lead\"><img src=\"https://news.example.com/img/pier.jpg?w=1200&amp;h=800\" \
             alt=\"\"><figcaption>The ferry at the pier &lt;script&gt;alert(1)&lt;/script&gt; \
             &amp; crew</figcaption></figure>\n<p>The ferry will run"
        ),
        "{html}"
    );
    let md = to_markdown_at(&article, "2024-06-01");
    let picture = md.find("](https://news.example.com/img/pier.jpg?w=1200&h=800)");
    let caption = md.find("The ferry at the pier");
    let body = md.find("The ferry will run");
    assert!(
        picture < caption && caption < body && picture.is_some(),
        "{md}"
    );
    // Markdown's escape: the tag is text.
    assert!(md.contains("pier \\<script>"), "{md}");
    let book = check_book_structure(&to_epub_at(&article, "2024-06-01"));
    let content = &book.files["EPUB/content.xhtml"];
    assert!(content.contains("pier.jpg?w=1200&amp;h=800"), "{content}");
    assert!(
        content.contains("<figcaption>The ferry at the pier &lt;script&gt;"),
        "{content}"
    );

    // A content that opens with a picture, or shows this one, shows it once; a lead
    // address that is not the web's is never written.
    for (content_html, lead) in [
        (
            "<figure><img src=\"https://news.example.com/img/map.png\" alt=\"\"></figure><p>Text.</p>",
            "https://news.example.com/img/pier.jpg",
        ),
        (
            "<p>Text.</p><p><img src=\"https://news.example.com/img/pier.jpg\" alt=\"\"></p>",
            "https://news.example.com/img/pier.jpg",
        ),
        ("<p>Text.</p>", "javascript:alert(1)"),
    ] {
        let article = Article {
            lead_image: Some(lead.into()),
            content_html: content_html.into(),
            ..article.clone()
        };
        let html = to_html_document(&article);
        assert!(!html.contains("qp-lead"), "{content_html}: {html}");
        assert!(!to_markdown_at(&article, "2024-06-01").contains("The ferry at the pier"));
    }
}
