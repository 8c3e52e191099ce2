//! Hostile sizes and shapes: what a page can do to the extractor by being huge, deep, broken or
//! not text at all. Each case must end in an article or a clear refusal, never a panic, within
//! the memory the options allow and in time linear in the input.
//!
//! `tests/behaviour.rs` already covers 100,000-deep nesting on four shapes and short random
//! fragments; these go further (deeper, larger, and more shapes) and measure.
//!
//! All of them run in a plain `cargo test` (so in `./build.sh test`): with the dev profile's
//! optimisation levels (Cargo.toml) the largest cases take seconds, as with `--release`.
//!
//! Cases that could abort the process (a stack overflow) or whose measurement must not see
//! other tests (peak memory) run in a child process: the test binary re-runs itself on one
//! test with [`CHILD`] set.

#[path = "../benches/support/page.rs"]
mod page;
mod support;

use quietpage::{extract, extract_bytes, Article, Error, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use support::{assert_article_invariants, assert_inert, assert_well_formed};

const URL: &str = "https://hostile.example/story.html";
const MB: usize = 1024 * 1024;

const PARA: &str = "The council voted on Tuesday night to keep the old swimming baths open for \
                    another year, after a campaign that gathered more signatures than any \
                    petition in the town's history and filled the public gallery twice over.";

// ---------------------------------------------------------------------------------------------
// Measuring memory: every allocation in this test binary goes through a counter.

/// The system allocator, counting the bytes live now and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

fn grew(size: usize) {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the peak of live heap bytes above what was live when
/// it started. Only meaningful when nothing else runs in the process (see [`in_child`]).
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

// ---------------------------------------------------------------------------------------------
// Measuring time: CPU time of this thread, so that other work on a shared machine does not
// count (64-bit Linux only; elsewhere the timing test says it skipped).

/// `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, declared here rather than pulling in the libc
/// crate for one call (std links the C library already). /proc's schedstat would need no
/// `unsafe` but lags: it is updated at scheduler ticks, so short runs read as 0 ns.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_time() -> Option<Duration> {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec (two 64-bit fields on 64-bit Linux).
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

/// The least CPU time of `runs` extractions of `html` (the least is the one least disturbed).
fn cpu_time_of(html: &str, runs: usize) -> Option<Duration> {
    (0..runs)
        .map(|_| {
            let start = thread_cpu_time()?;
            let _ = extract(html, Some(URL), &Options::default());
            Some(thread_cpu_time()? - start)
        })
        .min()?
}

// ---------------------------------------------------------------------------------------------
// Running a case in a child process.

/// Set in the child process that [`in_child`] starts; its value names the case.
const CHILD: &str = "QUIETPAGE_TEST_HOSTILE_CHILD";

/// In the parent, re-runs this test binary on test `name` alone with [`CHILD`] set and
/// asserts it passed within `budget`; returns false. In that child, returns true: the caller
/// then runs the case itself.
fn in_child(name: &str, budget: Duration) -> bool {
    if std::env::var(CHILD).is_ok_and(|v| v == name) {
        return true;
    }
    if std::env::var_os(CHILD).is_some() {
        // A child started for another test: nothing to do here.
        return false;
    }
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, name)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the child test");
    let timed_out = loop {
        if child.try_wait().expect("child status").is_some() {
            break false;
        }
        if started.elapsed() > budget {
            let _ = child.kill();
            break true;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().expect("child output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The child's own report (sizes, times, memory) is worth seeing with --nocapture.
    eprint!("{stderr}");
    assert!(
        !timed_out,
        "{name} took more than {budget:?}:\n{stdout}\n{stderr}"
    );
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{name} failed or crashed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    false
}

/// An article or one of the refusals a hostile page may earn; anything else (and any panic)
/// fails the test.
fn article_or_refusal(name: &str, result: Result<Article, Error>) -> Option<Article> {
    match result {
        Ok(a) => {
            assert_well_formed(&a.content_html);
            assert_inert(&a.content_html);
            Some(a)
        }
        Err(Error::NoArticle | Error::NotHtml | Error::MemoryLimit { .. }) => None,
        Err(e) => panic!("{name}: refused as {e:?} ({e})"),
    }
}

/// A page of `n` paragraphs inside an article, with the usual furniture around it.
fn page_of_paragraphs(n: usize) -> String {
    let mut html = String::with_capacity(n * (PARA.len() + 20) + 1024);
    html.push_str(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Baths stay open | Town Courier</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><main><article>\
         <h1>Baths stay open</h1>",
    );
    for i in 0..n {
        if i % 20 == 19 {
            html.push_str("<h2>More from the meeting</h2>");
        }
        html.push_str("<p>");
        html.push_str(PARA);
        html.push_str("</p>\n");
    }
    html.push_str("</article></main><footer><p>Town Courier</p></footer></body></html>");
    html
}

/// A small deterministic generator: every run tests the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

// ---------------------------------------------------------------------------------------------
// Depth.

/// 200,000 levels of many kinds of element, closed and unclosed, on a 1 MiB stack (what a
/// browser gives WebAssembly). In a child process: a stack overflow aborts the process.
#[test]
fn nesting_200_000_deep() {
    if !in_child("nesting_200_000_deep", Duration::from_secs(120)) {
        return;
    }
    const DEPTH: usize = 200_000;
    let head = "<!DOCTYPE html><title>Deep</title><body>";
    let para = format!("<p>{PARA}</p>");
    let cases: Vec<(&str, String)> = vec![
        (
            "closed sections",
            format!(
                "{head}{}{para}{}",
                "<section>".repeat(DEPTH),
                "</section>".repeat(DEPTH)
            ),
        ),
        (
            "unclosed spans",
            format!("{head}<p>{}{PARA}", "<span class=\"s\">".repeat(DEPTH)),
        ),
        (
            "unclosed tables",
            format!("{head}{}{para}", "<table><tr><td>".repeat(DEPTH / 3)),
        ),
        (
            "unclosed blockquotes",
            format!("{head}{}{para}", "<blockquote>".repeat(DEPTH)),
        ),
        (
            "svg groups",
            format!("{head}{para}<svg>{}</svg>", "<g>".repeat(DEPTH)),
        ),
        (
            // The date is looked for around the title's heading, past drawings' parts.
            "svg groups before the title's heading",
            format!(
                "{head}<svg>{}</svg><h1>Deep</h1>{para}<p class=\"date\">3 May 2021</p>",
                // As deep as lol_html's memory limit lets a drawing be read.
                "<g>".repeat(DEPTH / 10)
            ),
        ),
        (
            "math rows",
            format!("{head}{para}<math>{}</math>", "<mrow>".repeat(DEPTH)),
        ),
        (
            "mixed, unclosed",
            format!(
                "{head}{}{para}",
                "<div><ul><li><b><a href=\"/x\"><em>".repeat(DEPTH / 6)
            ),
        ),
        (
            "shadow roots in shadow roots, each with a slot",
            format!(
                "{head}{}{para}",
                "<x-a><template shadowrootmode=open><slot></slot>".repeat(DEPTH / 3)
            ),
        ),
        (
            "stray end tags",
            format!("{head}{para}{}", "</div></p></li>".repeat(DEPTH / 3)),
        ),
        (
            // Each place a caption's credit may start notes the elements open inside it.
            "capitalised words deep inside a caption",
            format!(
                "{head}{para}<figure><img src=\"/a.jpg\"><figcaption>{}{}",
                "<em>".repeat(DEPTH / 10),
                "Word ".repeat(100)
            ),
        ),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            for (name, html) in cases {
                let started = Instant::now();
                let result = extract(&html, Some(URL), &Options::default());
                eprintln!(
                    "{name}: {} bytes, {:?} in {:?}",
                    html.len(),
                    result.as_ref().map(|_| "article"),
                    started.elapsed()
                );
                article_or_refusal(name, result);
            }
        })
        .expect("spawn");
    handle.join().expect("deep nesting panicked");
}

// ---------------------------------------------------------------------------------------------
// Size.

/// A 30 MB page is read within the default limits, and at its peak the process holds no more
/// than three times the input plus 50 MB (the input itself, the arena of nodes, and the
/// article's HTML and text, which here are nearly as large as the page). In a child process so
/// that no other test's allocations count.
#[test]
fn page_of_30_mb_stays_within_memory() {
    if !in_child(
        "page_of_30_mb_stays_within_memory",
        Duration::from_secs(300),
    ) {
        return;
    }
    let html = page_of_paragraphs(30 * MB / (PARA.len() + 8));
    assert!(html.len() >= 30 * MB);
    let started = Instant::now();
    let (result, peak) = peak_during(|| extract(&html, Some(URL), &Options::default()));
    eprintln!(
        "30 MB page: {} bytes in {:?}, peak heap {} MB above the input",
        html.len(),
        started.elapsed(),
        peak / MB
    );
    let a = result.expect("a 30 MB article is within the default limits");
    assert!(a.word_count > 4_000_000, "words lost: {}", a.word_count);
    assert!(a.text.starts_with("Baths stay open") || a.text.starts_with(PARA));
    // `peak` excludes the input, which was live before; count it as the bound does.
    let total = peak + html.len();
    let bound = 3 * html.len() + 50 * MB;
    assert!(
        total <= bound,
        "peak {} MB for a {} MB page (bound {} MB)",
        total / MB,
        html.len() / MB,
        bound / MB
    );
}

/// The bench's generated news page (markup on every line, figures with relative addresses,
/// furniture and comments), 3 MB of it: at its peak the extraction holds at most three times
/// the page in heap above it. Markup-heavy pages are where the budget was missed on the
/// bench's 30 MB page (an output outgrowing its room by a little, and doubling; a figure kept
/// for every node where the open ancestors' were enough), and bytes counted here, unlike RSS
/// or time, do not vary from run to run: about 2.5 × the page when this was written.
#[test]
fn news_page_takes_at_most_three_times_its_size_in_heap() {
    if !in_child(
        "news_page_takes_at_most_three_times_its_size_in_heap",
        Duration::from_secs(120),
    ) {
        return;
    }
    let html = page::news_page(3_000_000);
    let (result, peak) = peak_during(|| extract(&html, Some(URL), &Options::default()));
    let a = result.expect("the generated page reads as an article");
    eprintln!("3 MB news page: peak heap {peak} bytes above the input");
    assert!(
        a.text.len() > html.len() / 2,
        "the article is most of the page"
    );
    assert!(
        peak <= 3 * html.len(),
        "peak heap {peak} bytes above the {} byte page, over 3 ×",
        html.len()
    );
}

/// Over `max_input_bytes` the page is refused before any parsing, with a message a reader can
/// act on.
#[test]
fn page_over_the_input_limit_is_refused_up_front() {
    let html = page_of_paragraphs(30 * MB / (PARA.len() + 8));
    let options = Options {
        max_input_bytes: 16 * MB,
        ..Options::default()
    };
    let started = Instant::now();
    let e = extract(&html, Some(URL), &options).expect_err("over the limit");
    assert_eq!(
        e,
        Error::TooLarge {
            size: html.len(),
            limit: 16 * MB
        }
    );
    assert_eq!(
        e.to_string(),
        "the page is too large to read (30 MB; the limit is 16 MB)"
    );
    // Refused by its length alone: no parse, so no time to speak of even unoptimised.
    assert!(started.elapsed() < Duration::from_secs(1));
    let e = extract_bytes(html.as_bytes(), Some(URL), &options).expect_err("over the limit");
    assert!(matches!(e, Error::TooLarge { .. }));
}

/// A million empty inline elements among the paragraphs: each is a node in the arena, and
/// none may cost more than a few dozen bytes or a walk over the others.
#[test]
fn a_million_tiny_elements() {
    let mut html = page_of_paragraphs(20);
    let at = html.find("</article>").expect("article end");
    let mut tiny = String::with_capacity(10 * 1_000_000);
    for i in 0..1_000_000 {
        tiny.push_str(["<i></i>", "<b>x</b>", "<br>", "<span></span>"][i % 4]);
    }
    html.insert_str(at, &format!("<p>{tiny}</p>"));
    let started = Instant::now();
    let result = extract(&html, Some(URL), &Options::default());
    eprintln!(
        "a million tiny elements: {} bytes in {:?}",
        html.len(),
        started.elapsed()
    );
    if let Some(a) = article_or_refusal("tiny elements", result) {
        assert!(a.text.contains(PARA), "the article's words were lost");
    }
}

/// A hundred thousand web components inside the article, each rendering its own text and
/// keeping light DOM that no slot shows: every one is looked up as its text is read.
#[test]
fn a_hundred_thousand_components() {
    let mut html = page_of_paragraphs(20);
    let at = html.find("</article>").expect("article end");
    let part = "<x-a><template shadowrootmode=open><b>s</b> </template>unshown<i>unshown</i></x-a>";
    html.insert_str(at, &format!("<p>{}</p>", part.repeat(100_000)));
    let started = Instant::now();
    let result = extract(&html, Some(URL), &Options::default());
    eprintln!(
        "a hundred thousand components: {} bytes in {:?}",
        html.len(),
        started.elapsed()
    );
    if let Some(a) = article_or_refusal("components", result) {
        assert!(a.text.contains(PARA), "the article's words were lost");
        assert!(
            !a.text.contains("unshown"),
            "light DOM no slot shows is in the text"
        );
    }
}

/// A page with a 10 MB attribute of each kind (text, URL, data: image, unknown, unterminated).
fn pages_with_a_10_mb_attribute() -> Vec<(&'static str, String)> {
    let big = "A".repeat(10 * MB);
    let pages = [
        ("title", format!("<p title=\"{big}\">{PARA}</p>")),
        (
            "href",
            format!("<p><a href=\"/{big}\">a link</a> {PARA}</p>"),
        ),
        (
            "data image",
            format!("<p>{PARA}</p><img src=\"data:image/png;base64,{big}\" alt=\"x\">"),
        ),
        ("unknown", format!("<p data-x=\"{big}\">{PARA}</p>")),
        // An unterminated quote: the rest of the page is the attribute.
        ("unterminated", format!("<p>{PARA}</p><div class=\"{big}")),
    ];
    pages
        .into_iter()
        .map(|(name, body)| {
            let html = page_of_paragraphs(10).replace("<h1>", &format!("{body}<h1>"));
            (name, html)
        })
        .collect()
}

/// A 10 MB attribute fits the default 16 MB parser budget (lol_html buffers a tag that spans
/// input chunks), and the article around it is read.
#[test]
fn ten_mb_attribute_is_read() {
    for (name, html) in pages_with_a_10_mb_attribute() {
        let started = Instant::now();
        let result = extract(&html, Some(URL), &Options::default());
        eprintln!(
            "10 MB attribute ({name}): {:?} in {:?}",
            result.as_ref().map(|_| "article"),
            started.elapsed()
        );
        let a = match result {
            Ok(a) => a,
            Err(e) => panic!("10 MB attribute ({name}) refused as {e:?}"),
        };
        assert_article_invariants(&a);
        assert!(a.text.contains(PARA));
    }
}

/// Over the parser's memory budget a page is refused as such, with a message saying so,
/// rather than read partly or allowed to grow.
#[test]
fn over_the_memory_limit_is_a_clear_refusal() {
    for (name, html) in pages_with_a_10_mb_attribute() {
        let tight = Options {
            max_memory_bytes: MB,
            ..Options::default()
        };
        let e = extract(&html, Some(URL), &tight).expect_err("over the memory limit");
        assert_eq!(e, Error::MemoryLimit { limit: MB }, "{name}");
        assert_eq!(
            e.to_string(),
            "the page needs more memory than the 1 MB limit allows"
        );
    }
    // Past the default budget the default options refuse too.
    let html = page_of_paragraphs(10).replace(
        "<h1>",
        &format!("<p title=\"{}\">x</p><h1>", "A".repeat(20 * MB)),
    );
    assert_eq!(
        extract(&html, Some(URL), &Options::default()).expect_err("over 16 MB"),
        Error::MemoryLimit { limit: 16 * MB }
    );
}

/// A tag with a hundred thousand attributes, and one with a 1 MB name: buffered like any tag.
#[test]
fn huge_tags() {
    let many: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let long_name = "x".repeat(MB);
    for (name, body) in [
        ("many attributes", format!("<p{many}>{PARA}</p>")),
        (
            "long tag name",
            format!("<{long_name}>{PARA}</{long_name}>"),
        ),
        (
            "long attribute name",
            format!("<p {long_name}=1>{PARA}</p>"),
        ),
        ("long comment", format!("<!--{long_name}--><p>{PARA}</p>")),
    ] {
        let html = page_of_paragraphs(10).replace("<h1>", &format!("{body}<h1>"));
        article_or_refusal(name, extract(&html, Some(URL), &Options::default()));
    }
}

// ---------------------------------------------------------------------------------------------
// Broken and binary input.

/// Every kind of element left open, again and again, around the article: raw-text elements
/// (`script`, `style`, `textarea`, `title`) swallow what follows, as in a browser, and must
/// neither leak markup into the article nor panic.
#[test]
fn unclosed_tags_everywhere() {
    const OPENERS: &[&str] = &[
        "<div>",
        "<p>",
        "<span>",
        "<a href=\"/x\">",
        "<b>",
        "<table>",
        "<tr>",
        "<td>",
        "<ul>",
        "<li>",
        "<dl><dt>",
        "<h2>",
        "<blockquote>",
        "<pre>",
        "<code>",
        "<figure>",
        "<figcaption>",
        "<select>",
        "<option>",
        "<form>",
        "<button>",
        "<svg>",
        "<math>",
        "<template>",
        "<template shadowrootmode=open>",
        "<slot>",
        "<noscript>",
        "<object>",
        "<iframe>",
        "<p class=\"unterminated",
        "<img src=\"/a.jpg\" alt='",
        "<!--",
        "<![CDATA[",
        "<!DOCTYPE",
        "<?xml",
        "</",
        "<",
        "&#x",
        "&amp",
    ];
    // Open everything before the article, and then, one at a time, each opener after it.
    let before: String = OPENERS
        .iter()
        .filter(|o| !o.starts_with("<!") && !o.starts_with("<?") && o.len() > 2)
        .copied()
        .collect();
    let story: String = (0..8).map(|_| format!("<p>{PARA}")).collect();
    let html = format!("<title>Soup</title><body>{before}{story}");
    article_or_refusal(
        "opened before",
        extract(&html, Some(URL), &Options::default()),
    );
    for opener in OPENERS.iter().chain(&[
        "<script>",
        "<style>",
        "<textarea>",
        "<title>",
        "<xmp>",
        "<plaintext>",
    ]) {
        let html = format!("<title>Soup</title><body>{story}{}", opener.repeat(1000));
        article_or_refusal(opener, extract(&html, Some(URL), &Options::default()));
        let html = format!("<title>Soup</title><body>{opener}{story}");
        article_or_refusal(opener, extract(&html, Some(URL), &Options::default()));
    }
}

/// Random bytes, pure and mixed into markup, at sizes up to 4 MB: refused or read, never a
/// panic, and whatever comes out is well-formed and inert.
#[test]
fn random_bytes() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for (case, len) in [1, 2, 3, 7, 100, 4096, 65_536, MB, 4 * MB]
        .into_iter()
        .enumerate()
    {
        let noise: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        article_or_refusal(
            "noise",
            extract_bytes(&noise, Some(URL), &Options::default()),
        );
        article_or_refusal(
            "lossy noise",
            extract(
                &String::from_utf8_lossy(&noise),
                Some(URL),
                &Options::default(),
            ),
        );
        // Markup every so often so the HTML check passes and the parser sees tags in the noise.
        let mut mixed = b"<!DOCTYPE html><title>Noise</title><p>".to_vec();
        for (i, chunk) in noise.chunks(97).enumerate() {
            mixed.extend_from_slice(chunk);
            mixed.extend_from_slice([&b"<p>"[..], b"<div>", b"</p>", PARA.as_bytes()][i % 4]);
        }
        let result = extract_bytes(&mixed, Some(URL), &Options::default());
        if let Some(a) = article_or_refusal("mixed noise", result) {
            assert!(
                !a.text.contains('\0'),
                "case {case}: a NUL reached the text"
            );
        }
    }
}

/// NUL bytes in every position: text, tag and attribute names, attribute values, URLs,
/// metadata. None may reach the output (a browser shows U+FFFD or nothing for them).
#[test]
fn nuls_everywhere() {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Nul\0title</title>\
         <meta name=\"au\0thor\" content=\"A\0B\">\
         <script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\"Head\\u0000line\",\"author\":{{\"name\":\"N\0M\"}}}}</script>\
         </head><body><article><h1>Nul\0heading</h1>{}\
         <p>{PARA}\0{PARA}</p><p\0 class=\"x\">{PARA}</p><p title=\"t\0t\">{PARA}</p>\
         <a href=\"/a\0b\">link\0text</a><a href=\"java\0script:alert(1)\">x</a>\
         <img src=\"/i\0.jpg\" alt=\"a\0\"><di\0v>{PARA}</di\0v>\
         <pre>\0\0\0</pre><p>{}</p></article></body></html>",
        // Past the first 8 KB, where a run of NULs would make the page look binary.
        format!("<p>{PARA}</p>").repeat(40),
        "\0".repeat(100_000)
    );
    for (how, result) in [
        ("str", extract(&html, Some(URL), &Options::default())),
        (
            "bytes",
            extract_bytes(html.as_bytes(), Some(URL), &Options::default()),
        ),
    ] {
        let a = article_or_refusal(how, result).expect("the article survives its NULs");
        assert!(a.text.contains("The council voted"));
        for field in [&a.content_html, &a.text] {
            assert!(!field.contains('\0'), "{how}: a NUL got through: {field:?}");
        }

        assert!(!a.content_html.contains("javascript"));
    }
    // A page that is mostly NULs is binary, not HTML.
    let mut bytes = vec![0u8; 100_000];
    bytes.splice(0..0, b"<p>hello</p>".iter().copied());
    assert_eq!(
        extract_bytes(&bytes, Some(URL), &Options::default()).expect_err("binary"),
        Error::NotHtml
    );
}

/// The HTML parser reads a NUL in `<title>` as U+FFFD; the title must not keep the raw NUL
/// (the exporters drop control characters, but the reading view shows the field as it is).
#[test]
fn nul_in_the_title_does_not_reach_the_field() {
    let html = format!("<title>Nul\0title</title><article><p>{PARA}</p><p>{PARA}</p></article>");
    let a = extract(&html, Some(URL), &Options::default()).expect("an article");
    assert!(
        !a.title.as_deref().unwrap_or("").contains('\0'),
        "title {:?}",
        a.title
    );
}

// ---------------------------------------------------------------------------------------------
// Legacy charsets.

/// A page in a legacy charset, declared the way such pages declare it.
fn legacy_page(encoding: &'static encoding_rs::Encoding, declare: &str, paras: &[&str]) -> Vec<u8> {
    let mut html = format!(
        "<!DOCTYPE html><html><head>{declare}<title>{}</title></head><body><article>",
        paras[0]
    );
    for p in paras {
        for _ in 0..4 {
            html.push_str(&format!("<p>{p}</p>"));
        }
    }
    html.push_str("</article></body></html>");
    let (bytes, _, unmappable) = encoding.encode(&html);
    assert!(!unmappable, "the test text fits {}", encoding.name());
    bytes.into_owned()
}

const RUSSIAN: &[&str] = &[
    "Городской совет во вторник проголосовал за то, чтобы старые бани работали ещё год.",
    "Петиция собрала больше подписей, чем любая другая в истории города, и зал был полон дважды.",
];
const JAPANESE: &[&str] = &[
    "市議会は火曜日の夜、古い公衆浴場をもう一年営業させることを決めた。署名は町の歴史で最も多く集まった。",
    "傍聴席は二度も満員になり、議員たちは予算と建物の状態について長い時間をかけて話し合った。",
];

/// windows-1251 and Shift_JIS pages, declared by `<meta charset>` and by http-equiv, read as
/// their text; cut mid-character, padded with invalid sequences, or mislabelled, they still
/// end in an article or a refusal, never a panic.
#[test]
fn legacy_charsets() {
    let cases = [
        (
            encoding_rs::WINDOWS_1251,
            "<meta charset=\"windows-1251\">",
            RUSSIAN,
        ),
        (
            encoding_rs::WINDOWS_1251,
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=cp1251\">",
            RUSSIAN,
        ),
        (
            encoding_rs::SHIFT_JIS,
            "<meta charset=\"Shift_JIS\">",
            JAPANESE,
        ),
        (
            encoding_rs::SHIFT_JIS,
            "<meta http-equiv=\"content-type\" content=\"text/html;charset=x-sjis\">",
            JAPANESE,
        ),
    ];
    for (encoding, declare, paras) in cases {
        let bytes = legacy_page(encoding, declare, paras);
        let a = extract_bytes(&bytes, Some(URL), &Options::default())
            .unwrap_or_else(|e| panic!("{declare}: {e}"));
        assert_article_invariants(&a);
        for p in paras {
            assert!(a.text.contains(p), "{declare}: {p:?} not in {:?}", a.text);
        }

        // Cut in the middle of a two-byte character, with a lone lead byte at the end.
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() - 30);
        cut.push(0x82);
        article_or_refusal(declare, extract_bytes(&cut, Some(URL), &Options::default()));

        // Invalid sequences everywhere: lead bytes without trail bytes, unassigned codes.
        let mut broken = bytes.clone();
        for i in (200..broken.len()).step_by(37) {
            broken[i] = [0x81, 0x98, 0xFF, 0xA0, 0xFD][i % 5];
        }
        let result = extract_bytes(&broken, Some(URL), &Options::default());
        if let Some(a) = article_or_refusal(declare, result) {
            assert!(!a.text.contains('\0'));
        }

        // Declared as the other charset: mojibake, but an article or a refusal.
        let swapped = String::from_utf8_lossy(&bytes)
            .replace("windows-1251", "Shift_JIS")
            .replace("cp1251", "Shift_JIS")
            .replace("Shift_JIS\"", "windows-1251\"")
            .replace("x-sjis", "windows-1251");
        article_or_refusal(
            declare,
            extract_bytes(swapped.as_bytes(), Some(URL), &Options::default()),
        );
    }
    // A large Shift_JIS page (about 4 MB).
    let paras: Vec<&str> = JAPANESE.iter().copied().cycle().take(10_000).collect();
    let bytes = legacy_page(
        encoding_rs::SHIFT_JIS,
        "<meta charset=\"Shift_JIS\">",
        &paras,
    );
    let started = Instant::now();
    let a = extract_bytes(&bytes, Some(URL), &Options::default()).expect("large Shift_JIS");
    eprintln!(
        "{} bytes of Shift_JIS in {:?}",
        bytes.len(),
        started.elapsed()
    );
    assert!(a.text.contains(JAPANESE[1]));
}

// ---------------------------------------------------------------------------------------------
// Time.

/// Ten times the input costs about ten times the CPU time, on each shape that could make a
/// careless extractor quadratic (walking ancestors or siblings per node, rescanning text).
/// Measured in this thread's CPU time, the least of three runs, and judged with a wide margin:
/// linear gives a ratio near 10, quadratic near 100; the bound is 30. (A walk up the open
/// elements per element made unclosed nesting 64 times slower at ten times the size.)
#[test]
fn time_is_linear_in_the_input() {
    if thread_cpu_time().is_none() {
        eprintln!("skipped: no per-thread CPU clock here");
        return;
    }
    /// A named page shape, made at a size.
    type Shape = (&'static str, fn(usize) -> String);
    // A story as a page that appends the next ones sets it (see `score::stories`).
    fn story(heading: &str) -> String {
        format!(
            "<article class=\"story\"><h1 class=\"headline\">{heading}</h1>\
             <p class=\"byline\">By Jane Roe</p><p>{PARA} {PARA} {PARA}</p>"
        )
    }
    let shapes: [Shape; 9] = [
        ("paragraphs", page_of_paragraphs),
        ("tiny elements", |n| {
            let tiny = "<i></i><b>x</b><br>".repeat(n * 10);
            page_of_paragraphs(20).replace("<h1>", &format!("<p>{tiny}</p><h1>"))
        }),
        ("unclosed nesting", |n| {
            format!(
                "<title>Deep</title>{}<p>{PARA}</p>",
                "<div class=\"w\">".repeat(n * 10)
            )
        }),
        ("a header nested deep before the body", |n| {
            let title = "A header nested deep before the story";
            let deep =
                "<div class=\"w\"><p>A line of prose long enough to pass for a standfirst.</p>"
                    .repeat(n * 10);
            page_of_paragraphs(20)
                .replace("<h1>", &format!("<h1>{title}</h1>{deep}<h1>"))
                .replace("Baths stay open | Town Courier", title)
        }),
        ("siblings", |n| {
            let items = format!("<li><a href=\"/x\">{}</a></li>", &PARA[..40]).repeat(n * 3);
            page_of_paragraphs(20).replace("<h1>", &format!("<ul>{items}</ul><h1>"))
        }),
        ("one long text node", |n| {
            page_of_paragraphs(2).replace("<h1>", &format!("<p>{}</p><h1>", PARA.repeat(n)))
        }),
        ("appended stories, the title's last", |n| {
            let others = (0..n).map(|i| story(&format!("Other story {i}")) + "</article>");
            format!(
                "<title>The harbour story</title>{}{}</article>",
                others.collect::<String>(),
                story("The harbour story")
            )
        }),
        ("stories nested in one another", |n| {
            let others = (0..n).map(|i| story(&format!("Other story {i}")));
            format!(
                "<title>The harbour story</title>{}</article><div>{}</div>",
                story("The harbour story"),
                others.collect::<String>()
            )
        }),
        ("entities", |n| {
            page_of_paragraphs(20).replace(
                "<h1>",
                &format!("<p>{}</p><h1>", "&amp;&lt;&#x263A;&eacute; ".repeat(n * 5)),
            )
        }),
    ];
    // 1x is large enough (tens of KB unoptimised, hundreds optimised) that fixed costs do not
    // flatter the ratio much, and small enough that the test takes seconds.
    let n = if cfg!(debug_assertions) { 200 } else { 1_000 };
    let mut report = Vec::new();
    for (name, make) in shapes {
        let small = make(n);
        let large = make(10 * n);
        let t1 = cpu_time_of(&small, 3).expect("cpu time");
        let t10 = cpu_time_of(&large, 3).expect("cpu time");
        let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        report.push(format!(
            "{name}: {} B in {t1:?}, {} B in {t10:?}, ratio {ratio:.1}",
            small.len(),
            large.len()
        ));
        assert!(
            ratio < 30.0,
            "{name} looks superlinear:\n{}",
            report.join("\n")
        );
    }
    eprintln!("{}", report.join("\n"));
}
