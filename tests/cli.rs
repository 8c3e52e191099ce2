//! The `quietpage` binary as a user runs it: arguments, exit codes, stdin, output formats, and
//! `eval` on tiny corpora built on the spot.
//!
//! Tests named `pipeline_*` need real extraction, so they fail until the extraction pipeline
//! returns articles; the others check the shell itself and pass on their own.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use quietpage::Error;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_quietpage");

/// A news page with the usual furniture around a plain article.
const ARTICLE_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour Seals Return to the Old Docks | Coastal Courier</title>
<meta property="og:title" content="Harbour Seals Return to the Old Docks">
<meta property="og:site_name" content="Coastal Courier">
<meta name="author" content="Maren Holt">
<script>window.tracker = { page: "seals" };</script>
</head>
<body>
<header>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe to the Courier</a></li>
  </ul></nav>
</header>
<main>
<article>
  <h1>Harbour Seals Return to the Old Docks</h1>
  <p class="byline">By Maren Holt</p>
  <p>For the first time in forty years, a colony of harbour seals has settled on the crumbling
  piers of the old docks, drawing crowds of curious residents along the waterfront every morning.</p>
  <p>Marine biologists from the regional university counted thirty-two animals last week, including
  eleven pups, and believe that cleaner water and a ban on night trawling brought the fish back first.</p>
  <p>"We had almost given up hope," said the harbour master, who has kept a daily log of the wildlife
  since the shipyard closed. "Now I count seals before I count boats."</p>
  <p>The city council plans to fence off part of the quay during the pupping season and has asked
  visitors to keep dogs on a lead and to stay at least fifty metres from the animals.</p>
  <p>Volunteers will run guided walks on weekends, and a live camera on the lighthouse will stream
  the colony to schools across the county, <a href="/environment/seal-watch">as reported earlier</a>.</p>
</article>
</main>
<footer>
  <p>Copyright 2024 Coastal Courier Media Group. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
</footer>
</body>
</html>
"#;

/// Sentences every extraction of [`ARTICLE_PAGE`] must contain.
const ARTICLE_SENTENCES: [&str; 3] = [
    "a colony of harbour seals has settled on the crumbling piers of the old docks",
    "Now I count seals before I count boats.",
    "a live camera on the lighthouse will stream the colony to schools across the county",
];

/// Text from the page's furniture that no extraction may contain.
const FURNITURE: [&str; 3] = [
    "Subscribe to the Courier",
    "All rights reserved",
    "Privacy policy",
];

const TITLE: &str = "Harbour Seals Return to the Old Docks";

/// The start of a PNG file: not HTML by any reading.
const PNG_BYTES: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// A fresh, empty folder for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create parent dir");
    }
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run quietpage");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        // The child may exit without reading (a usage error); a broken pipe then is fine.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("wait for quietpage")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally, not by a signal")
}

/// Whitespace-collapsed, so line wrapping in an output format does not matter.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_article_text(what: &str, text: &str) {
    let text = squash(text);
    for sentence in ARTICLE_SENTENCES {
        assert!(
            text.contains(sentence),
            "{what} lacks {sentence:?}:\n{text}"
        );
    }
    for junk in FURNITURE {
        assert!(!text.contains(junk), "{what} contains {junk:?}:\n{text}");
    }
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The shell itself

#[test]
fn help_and_version() {
    let out = run(&["--help"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let help = stdout(&out);
    assert!(help.contains("quietpage extract [--url URL]"), "{help}");
    assert!(help.contains("quietpage eval DIR"), "{help}");

    let out = run(&["--version"], None);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out).trim(),
        format!("quietpage {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_with_a_message_and_the_usage() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["--frobnicate"],
        &["--help=yes"],
        &["extract", "--format", "pdf", "page.html"],
        &["extract", "--format"],
        &["extract", "--url"],
        &["extract", "--bogus", "page.html"],
        &["extract", "--format", "text", "a.html", "b.html"],
        &["extract", "-", "-"],
        &["eval"],
        &["eval", "corpus", "--limit", "many"],
        &["eval", "corpus", "--jobs", "0"],
        &["eval", "corpus", "--json=yes"],
        &["eval", "one", "two"],
    ];
    for args in cases {
        let out = run(args, Some(b""));
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("quietpage: ") && first.len() > "quietpage: ".len(),
            "{args:?}: no message: {err}"
        );
        assert!(
            err.contains("usage: quietpage extract"),
            "{args:?}: no usage: {err}"
        );
    }
}

#[test]
fn a_single_failed_input_exits_1_with_the_reason_on_stderr() {
    let dir = temp_dir("single_failed");
    let missing = dir.join("missing.html");
    let out = run(&["extract", missing.to_str().unwrap()], None);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("missing.html") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn several_failing_inputs_each_get_an_error_line() {
    let dir = temp_dir("several_failing");
    let missing = dir.join("missing.html");
    // Sparse, so the test writes no 64 MB; the CLI refuses it after reading one byte past
    // the limit, before any extraction.
    let big = dir.join("big.html");
    let size = quietpage::Options::default().max_input_bytes + 1;
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(size as u64))
        .expect("create a sparse file");

    let (missing, big) = (missing.to_str().unwrap(), big.to_str().unwrap());
    let out = run(&["extract", "--format", "json", missing, big], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{}", stdout(&out));

    assert_eq!(lines[0]["input"], missing);
    assert!(lines[0]["error"].as_str().unwrap().contains("cannot read"));
    let too_large = Error::TooLarge {
        size,
        limit: quietpage::Options::default().max_input_bytes,
    }
    .to_string();
    assert_eq!(
        lines[1],
        serde_json::json!({ "input": big, "error": too_large })
    );
}

#[test]
fn eval_scores_a_tiny_corpus_in_each_layout() {
    let dir = temp_dir("eval_layouts");

    let readability = dir.join("readability");
    for name in ["page-a", "page-b"] {
        write(&readability, &format!("{name}/source.html"), ARTICLE_PAGE);
        write(
            &readability,
            &format!("{name}/expected.html"),
            "<div><p>For the first time in forty years</p></div>",
        );
        write(
            &readability,
            &format!("{name}/expected-metadata.json"),
            format!(r#"{{"title": "{TITLE}", "byline": "Maren Holt", "readerable": true}}"#),
        );
    }
    let out = run(&["eval", readability.to_str().unwrap()], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("page-a") && text.contains("page-b"), "{text}");
    assert!(text.contains("readability: 2 pages"), "{text}");
    assert!(
        text.contains("mean F1") && text.contains("median"),
        "{text}"
    );

    let out = run(
        &[
            "eval",
            readability.to_str().unwrap(),
            "--json",
            "--filter",
            "-b",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("eval --json is JSON");
    assert_eq!(report["layout"], "readability");
    assert_eq!(report["summary"]["pages"], 1);
    assert_eq!(report["summary"]["title_pages"], 1);
    assert_eq!(report["pages"][0]["name"], "page-b");

    let boilerplate = dir.join("boilerplate");
    write(&boilerplate, "pages/seals.html", ARTICLE_PAGE);
    write(&boilerplate, "pages/seals-2.html", ARTICLE_PAGE);
    write(
        &boilerplate,
        "annotations.json",
        r#"{
            "https://courier.example/seals": {"file": "seals.html",
                "with": ["eleven pups"], "without": ["All rights reserved"]},
            "hard::seals-2.html": {"file": "seals-2.html",
                "with": ["eleven pups"], "without": ["Privacy policy"]}
        }"#,
    );
    let out = run(
        &[
            "eval",
            boilerplate.to_str().unwrap(),
            "--json",
            "--limit",
            "1",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("eval --json is JSON");
    assert_eq!(report["layout"], "boilerplate");
    assert_eq!(report["summary"]["pages"], 1);
    // Keys are scored in sorted order; only a real URL is passed to the extractor.
    assert_eq!(report["pages"][0]["name"], "hard::seals-2.html");
    assert_eq!(report["pages"][0]["url"], Value::Null);

    let out = run(&["eval", dir.to_str().unwrap()], None);
    assert_eq!(code(&out), 1, "a folder in neither layout is an error");
    assert!(stderr(&out).contains("not a corpus"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// Needing real extraction

#[test]
fn pipeline_json_lines_for_several_inputs_keep_going_past_a_bad_one() {
    let dir = temp_dir("json_lines");
    let first = write(&dir, "first.html", ARTICLE_PAGE);
    let image = write(&dir, "image.png", PNG_BYTES);
    let last = write(&dir, "last.html", ARTICLE_PAGE);
    let paths = [&first, &image, &last].map(|p| p.to_str().unwrap().to_owned());

    let out = run(
        &[
            "extract", "--format", "json", &paths[0], &paths[1], &paths[2],
        ],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "{}", stdout(&out));
    assert_eq!(
        lines[1],
        serde_json::json!({ "input": paths[1], "error": Error::NotHtml.to_string() })
    );
    for i in [0, 2] {
        assert_eq!(lines[i]["input"], paths[i].as_str());
        assert_eq!(lines[i]["title"], TITLE);
        assert_eq!(lines[i].get("error"), None);
        assert_article_text("a JSON line's text", lines[i]["text"].as_str().unwrap());
    }
}

#[test]
fn pipeline_json_has_every_article_field() {
    let url = "https://courier.example/news/2024/seals";
    let out = run(
        &["extract", "--url", url, "-"],
        Some(ARTICLE_PAGE.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let article: Value = serde_json::from_str(&stdout(&out)).expect("JSON document");
    let mut keys: Vec<&str> = article
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "byline",
            "content_html",
            "dir",
            "excerpt",
            "lang",
            "lead_caption",
            "lead_image",
            "published",
            "reading_minutes",
            "removed",
            "site_name",
            "text",
            "title",
            "url",
            "word_count",
        ]
    );
    let mut removed: Vec<&str> = article["removed"]
        .as_object()
        .expect("removed is an object")
        .keys()
        .map(String::as_str)
        .collect();
    removed.sort_unstable();
    assert_eq!(
        removed,
        [
            "ads",
            "comments",
            "cookie",
            "footer",
            "hidden",
            "navigation",
            "paywall",
            "related",
            "share",
            "signin",
        ]
    );
    assert_eq!(article["title"], TITLE);
    assert_eq!(article["byline"], "Maren Holt");
    assert_eq!(article["site_name"], "Coastal Courier");
    assert_eq!(article["lang"], "en");
    let text = article["text"].as_str().unwrap();
    assert_article_text("json text", text);
    // Title and byline have their own fields, not lines in the text.
    assert!(
        !text.contains(TITLE) && !text.contains("By Maren Holt"),
        "{text}"
    );
    assert!(article["word_count"].as_u64().unwrap() > 100);
    // --url reaches the extractor: the relative link is made absolute against it.
    let html = article["content_html"].as_str().unwrap();
    assert!(
        html.contains("https://courier.example/environment/seal-watch"),
        "{html}"
    );
}

#[test]
fn pipeline_stdin_is_read_with_dash_or_no_file() {
    let with_dash = run(
        &["extract", "--format", "text", "-"],
        Some(ARTICLE_PAGE.as_bytes()),
    );
    assert_eq!(code(&with_dash), 0, "{}", stderr(&with_dash));
    assert_article_text("text from stdin", &stdout(&with_dash));

    let without = run(
        &["extract", "--format", "text"],
        Some(ARTICLE_PAGE.as_bytes()),
    );
    assert_eq!(code(&without), 0, "{}", stderr(&without));
    assert_eq!(stdout(&without), stdout(&with_dash));
}

#[test]
fn pipeline_each_format_produces_its_kind_of_output() {
    let dir = temp_dir("formats");
    let page = write(&dir, "page.html", ARTICLE_PAGE);
    let page = page.to_str().unwrap();
    // With the page's URL, as the extension always gives it: Markdown keeps only absolute
    // http(s)/mailto links (a relative one means nothing outside the page).
    let extract = |format: &str| {
        let out = run(
            &[
                "extract",
                "--url",
                "https://courier.example/news/seals",
                "--format",
                format,
                page,
            ],
            None,
        );
        assert_eq!(code(&out), 0, "--format {format}: {}", stderr(&out));
        stdout(&out)
    };

    let html = extract("html");
    let lower = html.to_ascii_lowercase();
    assert!(lower.trim_start().starts_with("<!doctype html>"), "{html}");
    assert!(
        lower.contains("<style") && lower.contains("</html>"),
        "{html}"
    );
    assert!(
        !lower.contains("<script"),
        "the HTML document has a script: {html}"
    );
    assert!(html.contains(TITLE), "{html}");
    assert!(html.contains("<p>"), "{html}");
    assert_article_text("the HTML document", &html);

    let text = extract("text");
    assert!(!text.contains("<p>") && !text.contains("</"), "{text}");
    assert_article_text("the text", &text);

    let markdown = extract("markdown");
    assert!(markdown.contains(TITLE), "{markdown}");
    assert!(!markdown.contains("<p>"), "{markdown}");
    assert!(
        markdown.contains("](https://courier.example/environment/seal-watch)"),
        "the article's link is not a Markdown link: {markdown}"
    );
    assert_article_text("the Markdown", &markdown);

    let json: Value = serde_json::from_str(&extract("json")).expect("JSON");
    assert_eq!(json["title"], TITLE);
}
