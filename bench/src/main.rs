//! Side-by-side benchmark (issue 7): Quiet Page native, a bare lol_html pass (the floor),
//! dom_smoothie and Readability.js on jsdom, over the same corpus pages in one run.
//!
//! ```text
//! quietpage-bench [CORPUS] [--rounds N] [--no-node] [--no-large] [--only a,b]
//! quietpage-bench --generate BYTES FILE      (writes the generated page, for profiling)
//! quietpage-bench --child EXTRACTOR LIST [--repeat K] [--heap] [--no-warmup]
//! ```
//!
//! How it measures, and why:
//! - Every extractor runs in a child process of its own (this binary with `--child`, or
//!   `node readability.mjs`), so one extractor's heap does not slow or inflate another's.
//!   A child decodes all pages first, extracts the first few untimed (warm caches, and a warm
//!   JIT for Node), then times each page with a monotonic clock, including dropping the result.
//! - Rounds interleave the extractors (round 1: A B C D, round 2: B C D A, ...) so that load
//!   from other users of a shared machine falls on all of them alike; a page's time is the
//!   median of its rounds. Throughput is total bytes over the sum of those per-page times.
//! - Peak memory is the kernel's resident high-water mark (`VmHWM`). A child resets it (writing
//!   5 to `/proc/self/clear_refs`) after loading its pages, so "peak RSS" is what extracting
//!   added on top of the loaded pages, measured the same way for Rust and Node. For the Rust
//!   extractors a counting global allocator also gives each page's own peak heap, reported as
//!   a multiple of the page's size.
//! - Budgets on one large page and on scaling use generated pages (`benches/support/page.rs`
//!   in the main crate) of 0.3, 3 and 30 MB: the 30 MB page's total peak RSS (input included),
//!   and the time ratios between sizes (fastest of several runs: the least disturbed one).
//!
//! Sizes are in bytes of UTF-8 text (the decoded page); MB = 10^6 bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

#[path = "../../benches/support/floor.rs"]
mod floor;
#[path = "../../benches/support/page.rs"]
mod page;

/// The base URL the readability corpus is scored with (see the corpus README).
const URL: &str = "http://fakehost/test/page.html";
/// Pages extracted untimed at the start of each child.
const WARMUP_PAGES: usize = 20;
const RUST_EXTRACTORS: [&str; 4] = ["quietpage", "lol_html", "lol_html+handlers", "dom_smoothie"];
const NODE: &str = "readability.js";

// --- Memory ----------------------------------------------------------------------------------

/// Counts live heap bytes and their peak, only while `COUNTING` is on (timing runs leave it
/// off, so they pay one relaxed load per allocation and nothing else).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A field of `/proc/self/status` in KiB (`VmHWM`, `VmRSS`); None off Linux.
fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..]
        .trim_start_matches(':')
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Resets the resident high-water mark to the current RSS (Linux 4.0+).
fn reset_hwm() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

// --- Children --------------------------------------------------------------------------------

/// Runs one extractor over one page; returns whether it produced an article.
fn run_one(extractor: &str, html: &str, options: &quietpage::Options) -> bool {
    match extractor {
        "quietpage" => {
            let article = quietpage::extract(black_box(html), Some(URL), options);
            black_box(&article);
            article.is_ok()
        }
        "lol_html" => black_box(floor::lol_html_pass(black_box(html))) > 0,
        "lol_html+handlers" => black_box(floor::lol_html_handlers_pass(black_box(html))) > 0,
        "dom_smoothie" => {
            let article = dom_smoothie::Readability::new(black_box(html), Some(URL), None)
                .and_then(|mut r| r.parse());
            black_box(&article);
            article.is_ok()
        }
        _ => false,
    }
}

/// `--child EXTRACTOR LIST [--repeat K] [--heap]`: extracts every page named in LIST, one
/// line per run on stdout (`page INDEX NANOS OK [PEAK_HEAP]`), then `rss BASE_KIB PEAK_KIB`.
fn child(args: &[String]) -> Result<(), String> {
    let extractor = args.first().ok_or("--child needs an extractor")?.as_str();
    if !RUST_EXTRACTORS.contains(&extractor) {
        return Err(format!("unknown extractor {extractor}"));
    }
    let list = args.get(1).ok_or("--child needs a page list")?;
    let repeat = flag_value(args, "--repeat")
        .map_or(Ok(1), |v| v.parse::<usize>())
        .map_err(|e| format!("--repeat: {e}"))?;
    let heap = args.iter().any(|a| a == "--heap");
    let warmup = if args.iter().any(|a| a == "--no-warmup") {
        0
    } else {
        WARMUP_PAGES
    };

    let pages: Vec<String> = std::fs::read_to_string(list)
        .map_err(|e| format!("{list}: {e}"))?
        .lines()
        .map(|path| {
            std::fs::read(path)
                .map(|b| quietpage::input::decode(&b).into_owned())
                .map_err(|e| format!("{path}: {e}"))
        })
        .collect::<Result<_, _>>()?;
    let options = quietpage::Options::default();
    for html in pages.iter().take(warmup) {
        run_one(extractor, html, &options);
    }

    let base = if reset_hwm() {
        proc_status_kib("VmHWM")
    } else {
        None
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for _ in 0..repeat {
        for (i, html) in pages.iter().enumerate() {
            if heap {
                PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
                let before = LIVE.load(Ordering::Relaxed);
                COUNTING.store(true, Ordering::Relaxed);
                let ok = run_one(extractor, html, &options);
                COUNTING.store(false, Ordering::Relaxed);
                let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
                writeln!(out, "page {i} 0 {} {peak}", ok as u8).map_err(|e| e.to_string())?;
            } else {
                let start = Instant::now();
                let ok = run_one(extractor, html, &options);
                let nanos = start.elapsed().as_nanos();
                writeln!(out, "page {i} {nanos} {}", ok as u8).map_err(|e| e.to_string())?;
            }
        }
    }
    let peak = proc_status_kib("VmHWM");
    match (base, peak) {
        (Some(b), Some(p)) => writeln!(out, "rss {b} {p}"),
        _ => writeln!(out, "rss - -"),
    }
    .map_err(|e| e.to_string())
}

fn flag_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).map(String::as_str)
}

/// One child's report.
#[derive(Default)]
struct Report {
    /// (page index, nanoseconds, produced an article, peak heap bytes) per run.
    runs: Vec<(usize, u64, bool, u64)>,
    /// Resident KiB after loading the pages, and the high-water mark at the end.
    rss: Option<(u64, u64)>,
}

fn spawn(mut cmd: Command) -> Result<Report, String> {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("{shown}: {e}"))?;
    let mut report = Report::default();
    let stdout = child.stdout.take().ok_or("no stdout")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let f: Vec<&str> = line.split_whitespace().collect();
        match f.as_slice() {
            ["page", i, ns, ok, rest @ ..] => report.runs.push((
                i.parse().map_err(|_| format!("bad line {line}"))?,
                ns.parse().map_err(|_| format!("bad line {line}"))?,
                *ok == "1",
                rest.first().and_then(|h| h.parse().ok()).unwrap_or(0),
            )),
            ["rss", b, p] => report.rss = b.parse().ok().zip(p.parse().ok()),
            _ => {}
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("{shown} failed: {status}"));
    }
    Ok(report)
}

/// The command that runs `extractor` over the pages listed in `list`.
fn command(extractor: &str, list: &Path, extra: &[&str]) -> Command {
    if extractor == NODE {
        let mut cmd = Command::new("node");
        cmd.arg("--expose-gc")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("readability.mjs"))
            .arg(list)
            .args(extra);
        cmd
    } else {
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("quietpage-bench"));
        let mut cmd = Command::new(exe);
        cmd.arg("--child").arg(extractor).arg(list).args(extra);
        cmd
    }
}

fn node_available() -> Result<(), String> {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules");
    for pkg in ["@mozilla/readability", "jsdom"] {
        if !modules.join(pkg).join("package.json").exists() {
            return Err(format!("{pkg} is not installed (npm ci in the repo)"));
        }
    }
    match Command::new("node").arg("--version").output() {
        Ok(o) if o.status.success() => Ok(()),
        _ => Err("node is not on PATH".into()),
    }
}

// --- Statistics ------------------------------------------------------------------------------

fn median(v: &mut [f64]) -> f64 {
    quantile(v, 0.5)
}

/// Nearest-rank quantile.
fn quantile(v: &mut [f64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

struct Row {
    name: String,
    mb_s: f64,
    total_s: f64,
    median_ms: f64,
    p95_ms: f64,
    ok: usize,
    rss_mb: Option<f64>,
    heap: Option<(f64, f64)>,
}

fn summarise(name: &str, sizes: &[usize], reports: &[Report], heap: Option<&Report>) -> Row {
    let mut per_page: Vec<Vec<f64>> = vec![Vec::new(); sizes.len()];
    let mut ok = vec![false; sizes.len()];
    for r in reports {
        for &(i, ns, good, _) in &r.runs {
            if let Some(times) = per_page.get_mut(i) {
                times.push(ns as f64);
                ok[i] |= good;
            }
        }
    }
    let mut page_ns: Vec<f64> = per_page.iter_mut().map(|t| median(t)).collect();
    let total_ns: f64 = page_ns.iter().sum();
    let bytes: usize = sizes.iter().sum();
    let rss_mb = reports
        .iter()
        .filter_map(|r| r.rss)
        .map(|(base, peak)| peak.saturating_sub(base) as f64 * 1024.0 / 1e6)
        .reduce(f64::max);
    let heap = heap.map(|h| {
        let mut ratios: Vec<f64> = h
            .runs
            .iter()
            .filter(|r| sizes[r.0] > 0)
            .map(|&(i, _, _, peak)| peak as f64 / sizes[i] as f64)
            .collect();
        let worst = h.runs.iter().map(|r| r.3).max().unwrap_or(0) as f64 / 1e6;
        (median(&mut ratios), worst)
    });
    Row {
        name: name.to_string(),
        mb_s: bytes as f64 / 1e6 / (total_ns / 1e9),
        total_s: total_ns / 1e9,
        median_ms: median(&mut page_ns.clone()) / 1e6,
        p95_ms: quantile(&mut page_ns, 0.95) / 1e6,
        ok: ok.iter().filter(|&&o| o).count(),
        rss_mb,
        heap,
    }
}

// --- Main ------------------------------------------------------------------------------------

struct Args {
    corpus: PathBuf,
    rounds: usize,
    node: bool,
    large: bool,
    only: Option<Vec<String>>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        corpus: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        rounds: 3,
        node: true,
        large: true,
        only: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => {
                parsed.rounds = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--rounds needs a number above 0")?;
            }
            "--no-node" => parsed.node = false,
            "--no-large" => parsed.large = false,
            "--only" => {
                let v = it.next().ok_or("--only needs a list")?;
                parsed.only = Some(v.split(',').map(str::to_string).collect());
            }
            "-h" | "--help" => {
                return Err("usage: quietpage-bench [CORPUS] [--rounds N] [--no-node] \
                            [--no-large] [--only quietpage,lol_html,lol_html+handlers,dom_smoothie,readability.js]"
                    .into())
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => parsed.corpus = PathBuf::from(s),
        }
    }
    Ok(parsed)
}

/// The corpus pages: readability/*/source.html and boilerplate/pages/*, in name order.
fn corpus_pages(corpus: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let listed = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    for dir in listed(&corpus.join("readability")) {
        let source = dir.join("source.html");
        if source.is_file() {
            pages.push(source);
        }
    }
    pages.extend(
        listed(&corpus.join("boilerplate/pages"))
            .into_iter()
            .filter(|p| p.is_file()),
    );
    pages
}

fn write_list(path: &Path, pages: &[PathBuf]) -> Result<(), String> {
    let text: String = pages.iter().map(|p| format!("{}\n", p.display())).collect();
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..])
    } else if args.first().map(String::as_str) == Some("--generate") {
        // `--generate BYTES FILE`: writes the generated page, for profiling one size by hand.
        match (args.get(1).and_then(|b| b.parse().ok()), args.get(2)) {
            (Some(bytes), Some(file)) => {
                std::fs::write(file, page::news_page(bytes)).map_err(|e| format!("{file}: {e}"))
            }
            _ => Err("usage: --generate BYTES FILE".into()),
        }
    } else {
        parse_args(&args).and_then(|a| run(&a))
    };
    if let Err(e) = result {
        eprintln!("quietpage-bench: {e}");
        std::process::exit(1);
    }
}

fn run(args: &Args) -> Result<(), String> {
    let mut extractors: Vec<&str> = RUST_EXTRACTORS.to_vec();
    if args.node {
        match node_available() {
            Ok(()) => extractors.push(NODE),
            Err(e) => eprintln!("SKIPPED: readability.js ({e})"),
        }
    }
    if let Some(only) = &args.only {
        extractors.retain(|e| only.iter().any(|o| o == e));
    }
    let work = std::env::temp_dir().join(format!("quietpage-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let result = run_in(args, &extractors, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn run_in(args: &Args, extractors: &[&str], work: &Path) -> Result<(), String> {
    machine();
    let pages = corpus_pages(&args.corpus);
    let mut rows = Vec::new();
    if pages.is_empty() {
        eprintln!(
            "SKIPPED: corpus comparison (no pages under {}; pass the corpus folder)",
            args.corpus.display()
        );
    } else {
        let list = work.join("corpus.txt");
        write_list(&list, &pages)?;
        let sizes: Vec<usize> = pages
            .iter()
            .map(|p| std::fs::read(p).map_or(0, |b| quietpage::input::decode(&b).len()))
            .collect();
        let total: usize = sizes.iter().sum();
        println!(
            "\nCorpus: {} pages, {:.1} MB of decoded HTML, {} rounds\n",
            pages.len(),
            total as f64 / 1e6,
            args.rounds
        );
        let mut reports: Vec<Vec<Report>> = extractors.iter().map(|_| Vec::new()).collect();
        for round in 0..args.rounds {
            for k in 0..extractors.len() {
                let e = (round + k) % extractors.len();
                eprintln!("round {}/{}: {}", round + 1, args.rounds, extractors[e]);
                reports[e].push(spawn(command(extractors[e], &list, &[]))?);
            }
        }
        for (e, name) in extractors.iter().enumerate() {
            let heap = if *name == NODE {
                None
            } else {
                eprintln!("heap: {name}");
                Some(spawn(command(name, &list, &["--heap", "--no-warmup"]))?)
            };
            rows.push(summarise(name, &sizes, &reports[e], heap.as_ref()));
        }
        print_table(&rows, pages.len());
    }
    if args.large {
        large_pages(extractors, work)?;
    }
    Ok(())
}

fn print_table(rows: &[Row], pages: usize) {
    let native = rows
        .iter()
        .find(|r| r.name == "quietpage")
        .map(|r| r.total_s);
    println!(
        "| extractor | MB/s | median ms/page | p95 ms/page | pages with a result | \
         peak RSS over loaded pages (MB) | peak heap per page (median × page size; worst MB) \
         | time vs Quiet Page |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in rows {
        let rss = r.rss_mb.map_or("n/a".into(), |m| format!("{m:.0}"));
        let heap = r.heap.map_or("n/a".into(), |(ratio, worst)| {
            format!("{ratio:.1}× ; {worst:.0}")
        });
        let vs = native.map_or("n/a".into(), |n| format!("{:.2}×", r.total_s / n));
        println!(
            "| {} | {:.1} | {:.2} | {:.2} | {}/{} | {} | {} | {} |",
            r.name, r.mb_s, r.median_ms, r.p95_ms, r.ok, pages, rss, heap, vs
        );
    }
    let find = |n: &str| rows.iter().find(|r| r.name == n);
    if let Some(q) = find("quietpage") {
        println!();
        if let Some(d) = find("dom_smoothie") {
            let x = q.mb_s / d.mb_s;
            verdict(
                &format!("Quiet Page throughput / dom_smoothie's: {x:.2}×"),
                x >= 3.0,
                "≥ 3×",
            );
        }
        if let Some(l) = find("lol_html") {
            let x = q.total_s / l.total_s;
            verdict(
                &format!("Quiet Page time / a bare lol_html pass: {x:.2}×"),
                x <= 4.0,
                "≤ 4×",
            );
        }
        if let Some(n) = find(NODE) {
            println!(
                "Quiet Page throughput / Readability.js on jsdom: {:.2}×",
                q.mb_s / n.mb_s
            );
        }
    }
}

fn verdict(what: &str, pass: bool, budget: &str) {
    println!(
        "{what} (budget {budget}): {}",
        if pass { "PASS" } else { "FAIL" }
    );
}

/// Generated pages: the 30 MB memory budget and the linear-scaling budget.
fn large_pages(extractors: &[&str], work: &Path) -> Result<(), String> {
    // (bytes, runs per process). Every size gets the same number of timed runs: the fastest
    // of many runs is lower than the fastest of few on a noisy machine, so unequal counts
    // would tilt the ratios between sizes (the larger page, timed less often, looking slower).
    const SIZES: [(usize, usize); 3] = [(300_000, 10), (3_000_000, 10), (30_000_000, 10)];
    let mut lists = Vec::new();
    for (size, _) in SIZES {
        let path = work.join(format!("generated-{size}.html"));
        std::fs::write(&path, page::news_page(size)).map_err(|e| e.to_string())?;
        let list = work.join(format!("generated-{size}.txt"));
        write_list(&list, std::slice::from_ref(&path))?;
        lists.push((
            list,
            std::fs::metadata(&path).map_or(size, |m| m.len() as usize),
        ));
    }
    // Only the budgeted extractor and its floor: the peers' time on these pages has no budget.
    let native: Vec<&str> = extractors
        .iter()
        .copied()
        .filter(|e| matches!(*e, "quietpage" | "lol_html" | "lol_html+handlers"))
        .collect();
    println!("\nGenerated pages (fastest of the runs; each size in its own process per round):\n");
    println!("| extractor | 0.3 MB (ms) | 3 MB (ms) | 30 MB (ms) | 3 MB / 0.3 MB | 30 MB / 3 MB | peak RSS on 30 MB, input included (MB) |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut native_scaling = None;
    let mut native_rss = None;
    for name in &native {
        let mut best = [f64::INFINITY; 3];
        let mut rss30 = 0u64;
        for _round in 0..3 {
            for (s, (list, _)) in lists.iter().enumerate() {
                let repeat = SIZES[s].1.to_string();
                let r = spawn(command(name, list, &["--repeat", &repeat, "--no-warmup"]))?;
                // The first run of a fresh process pays for growing its heap; skip it when
                // there are others.
                let runs = if r.runs.len() > 1 {
                    &r.runs[1..]
                } else {
                    &r.runs[..]
                };
                for run in runs {
                    best[s] = best[s].min(run.1 as f64 / 1e6);
                }
                if s == 2 {
                    rss30 = rss30.max(r.rss.map_or(0, |(_, p)| p));
                }
            }
        }
        let (a, b) = (best[1] / best[0], best[2] / best[1]);
        let rss_mb = rss30 as f64 * 1024.0 / 1e6;
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} | {a:.2}× | {b:.2}× | {rss_mb:.0} |",
            best[0], best[1], best[2]
        );
        if *name == "quietpage" {
            native_scaling = Some((a, b));
            native_rss = Some(rss_mb);
        }
    }
    println!();
    if let Some((a, b)) = native_scaling {
        let worst = a.max(b);
        verdict(
            &format!("Quiet Page, 10× larger page costs {worst:.2}× the time"),
            worst <= 10.5,
            "≤ 10.5×",
        );
    }
    if let Some(rss) = native_rss {
        let input = lists[2].1 as f64 / 1e6;
        let heap = spawn(command(
            "quietpage",
            &lists[2].0,
            &["--heap", "--no-warmup"],
        ))?;
        let peak = heap.runs.first().map_or(0, |r| r.3) as f64 / 1e6;
        println!(
            "Quiet Page peak heap on the {input:.0} MB page, above the input itself: {peak:.0} MB"
        );
        let budget = 3.0 * input + 50.0;
        verdict(
            &format!("Quiet Page peak RSS on a {input:.0} MB page: {rss:.0} MB"),
            rss <= budget,
            &format!("≤ 3 × input + 50 MB = {budget:.0} MB"),
        );
    }
    Ok(())
}

/// The machine, from /proc: what BENCHMARKS.md records beside the figures.
fn machine() {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU".to_string(), |m| m.trim().to_string());
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            let l = m.lines().find(|l| l.starts_with("MemTotal"))?;
            l.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or("unknown".into(), |kib| {
            format!("{:.1} GiB", kib as f64 / 1048576.0)
        });
    println!("Machine: {cpus} CPUs ({model}), {mem} memory");
}
