//! Corpus scoring for `quietpage eval` and the quality-floor tests.
//!
//! Two corpus layouts are understood (see `../shared/corpus/README.md`):
//! - **readability**: one folder per page with `source.html`, `expected.html` and
//!   `expected-metadata.json`. Each page is scored by precision, recall and F1 of the word-token
//!   multiset of our `text` against `expected.html`'s text, then averaged over pages; titles and
//!   bylines are compared exactly (after whitespace normalisation) with the metadata. Readability
//!   keeps a site's name at the end of a meta title ("… | eHow") and Quiet Page cuts it, as its
//!   view shows the site apart: the expected title is compared with its own `siteName` cut
//!   from its end in the same way (`metadata::without_site_name`).
//! - **boilerplate**: `annotations.json` maps a page to passages that must (`with`) and must not
//!   (`without`) appear in the extracted text; TP/FN/FP are summed over all pages. Where a
//!   page's annotation names its `author`, the byline is compared with it, ignoring case and
//!   how the names of several authors are joined ("A and B", "A; B", "A, B").
//!
//! Pages are independent, so they are spread over a few worker threads; results keep corpus
//! order, so two runs print the same thing.
//!
//! It reads files and spawns threads, so it is for native builds; it still compiles for wasm
//! (keeping the `quietpage` binary buildable there), and nothing in the wasm exports reaches
//! it, so it adds nothing to the `.wasm`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::{Article, Error, Options};

/// The base URL the Readability test suite's expectations were produced with.
pub const READABILITY_BASE_URL: &str = "http://fakehost/test/page.html";

/// What to score and how.
#[derive(Debug, Clone)]
pub struct EvalConfig {
    /// Score only the first `limit` pages (after `filter`), in corpus order.
    pub limit: Option<usize>,
    /// Score only pages whose name contains this substring.
    pub filter: Option<String>,
    /// Worker threads; pages are independent.
    pub jobs: usize,
    pub options: Options,
}

impl Default for EvalConfig {
    fn default() -> Self {
        EvalConfig {
            limit: None,
            filter: None,
            // The development machine has two cores; more workers would only add noise to the
            // per-page times.
            jobs: 2,
            options: Options::default(),
        }
    }
}

/// Why a corpus could not be scored at all (as opposed to a page failing to extract, which is
/// scored as a miss).
#[derive(Debug)]
pub enum EvalError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// A corpus file is there but not in the expected shape.
    Corpus {
        path: PathBuf,
        reason: String,
    },
    /// The folder holds neither layout.
    UnknownLayout(PathBuf),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            EvalError::Corpus { path, reason } => write!(f, "{}: {reason}", path.display()),
            EvalError::UnknownLayout(path) => write!(
                f,
                "{}: not a corpus (expected annotations.json, or folders with source.html, \
                 expected.html and expected-metadata.json)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for EvalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EvalError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> EvalError + '_ {
    move |source| EvalError::Io {
        path: path.to_owned(),
        source,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    Readability,
    Boilerplate,
}

/// Tells the layout from what the folder holds.
pub fn detect_layout(dir: &Path) -> Result<Layout, EvalError> {
    if dir.join("annotations.json").is_file() {
        return Ok(Layout::Boilerplate);
    }
    let entries = std::fs::read_dir(dir).map_err(io_err(dir))?;
    for entry in entries {
        let entry = entry.map_err(io_err(dir))?;
        if entry.path().join("source.html").is_file() {
            return Ok(Layout::Readability);
        }
    }
    Err(EvalError::UnknownLayout(dir.to_owned()))
}

/// The result of scoring one corpus.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "layout", rename_all = "snake_case")]
pub enum Report {
    Readability(ReadabilityReport),
    Boilerplate(BoilerplateReport),
}

/// Scores `dir` in whichever layout it has.
pub fn eval_dir(dir: &Path, config: &EvalConfig) -> Result<Report, EvalError> {
    Ok(match detect_layout(dir)? {
        Layout::Readability => Report::Readability(eval_readability(dir, config)?),
        Layout::Boilerplate => Report::Boilerplate(eval_boilerplate(dir, config)?),
    })
}

impl Report {
    /// The human-readable report: one line per page, best first so the worst end up right above
    /// the aggregate, then the aggregate and the timings.
    pub fn render(&self) -> String {
        match self {
            Report::Readability(r) => r.render(),
            Report::Boilerplate(r) => r.render(),
        }
    }

    pub fn timing(&self) -> &Timing {
        match self {
            Report::Readability(r) => &r.timing,
            Report::Boilerplate(r) => &r.timing,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Readability layout

#[derive(Debug, Clone, Serialize)]
pub struct ReadabilityReport {
    pub summary: ReadabilitySummary,
    pub timing: Timing,
    /// In corpus (folder name) order.
    pub pages: Vec<ReadabilityPage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadabilitySummary {
    pub pages: usize,
    /// Pages where extraction failed (each scored 0).
    pub errors: usize,
    pub mean_precision: f64,
    pub mean_recall: f64,
    pub mean_f1: f64,
    /// Share of pages with a non-empty expected title whose title matched exactly.
    pub title_exact: f64,
    pub title_pages: usize,
    pub title_matches: usize,
    pub byline_exact: f64,
    pub byline_pages: usize,
    pub byline_matches: usize,
    /// Pages whose metadata says whether Readability's `isProbablyReaderable` accepts them,
    /// and how many of those [`crate::probably_readable`] answers alike.
    pub readerable_pages: usize,
    pub readerable_matches: usize,
    /// Non-articles we would open the view on / articles we would leave alone.
    pub readerable_false_yes: usize,
    pub readerable_false_no: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadabilityPage {
    pub name: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Present when the metadata has a non-empty title.
    pub title: Option<FieldMatch>,
    pub byline: Option<FieldMatch>,
    /// Readability's verdict on the page and ours, when the metadata has one.
    pub readerable: Option<Verdict>,
    pub time_ms: f64,
    pub error: Option<String>,
}

/// An expected yes/no beside ours.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Verdict {
    pub expected: bool,
    pub got: bool,
}

/// An expected metadata value beside ours, both whitespace-normalised.
#[derive(Debug, Clone, Serialize)]
pub struct FieldMatch {
    pub expected: String,
    pub got: Option<String>,
    pub exact: bool,
}

impl FieldMatch {
    fn new(expected: Option<&str>, got: Option<&str>) -> Option<FieldMatch> {
        let expected = normalize_ws(expected?);
        if expected.is_empty() {
            return None;
        }
        let got = got.map(normalize_ws);
        let exact = got.as_deref() == Some(expected.as_str());
        Some(FieldMatch {
            expected,
            got,
            exact,
        })
    }
}

/// The fields of `expected-metadata.json` that are scored.
#[derive(serde::Deserialize)]
struct ExpectedMetadata {
    title: Option<String>,
    #[serde(rename = "siteName")]
    site_name: Option<String>,
    byline: Option<String>,
    readerable: Option<bool>,
}

pub fn eval_readability(dir: &Path, config: &EvalConfig) -> Result<ReadabilityReport, EvalError> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        if entry.path().join("source.html").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    let names = select(names, |n| [n.as_str(), n.as_str()], config);

    let started = Instant::now();
    let results = par_map(&names, config.jobs, |name| {
        score_readability_page(&dir.join(name), name, &config.options)
    });
    let wall = started.elapsed();
    let pages = results.into_iter().collect::<Result<Vec<_>, _>>()?;

    let n = pages.len();
    let mean = |f: fn(&ReadabilityPage) -> f64| {
        if n == 0 {
            0.0
        } else {
            pages.iter().map(f).sum::<f64>() / n as f64
        }
    };
    let count = |f: fn(&ReadabilityPage) -> Option<&FieldMatch>| {
        let fields: Vec<_> = pages.iter().filter_map(f).collect();
        (fields.len(), fields.iter().filter(|m| m.exact).count())
    };
    let (title_pages, title_matches) = count(|p| p.title.as_ref());
    let (byline_pages, byline_matches) = count(|p| p.byline.as_ref());
    let verdicts: Vec<Verdict> = pages.iter().filter_map(|p| p.readerable).collect();
    let readerable_false = |expected: bool| {
        verdicts
            .iter()
            .filter(|v| v.expected == expected && v.got != expected)
            .count()
    };
    let summary = ReadabilitySummary {
        pages: n,
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        mean_precision: mean(|p| p.precision),
        mean_recall: mean(|p| p.recall),
        mean_f1: mean(|p| p.f1),
        title_exact: ratio(title_matches, title_pages),
        title_pages,
        title_matches,
        byline_exact: ratio(byline_matches, byline_pages),
        byline_pages,
        byline_matches,
        readerable_pages: verdicts.len(),
        readerable_matches: verdicts.iter().filter(|v| v.expected == v.got).count(),
        readerable_false_yes: readerable_false(false),
        readerable_false_no: readerable_false(true),
    };
    let timing = Timing::new(pages.iter().map(|p| p.time_ms), wall);
    Ok(ReadabilityReport {
        summary,
        timing,
        pages,
    })
}

fn score_readability_page(
    folder: &Path,
    name: &str,
    options: &Options,
) -> Result<ReadabilityPage, EvalError> {
    let source = read(&folder.join("source.html"))?;
    let expected_path = folder.join("expected.html");
    let expected_html = String::from_utf8_lossy(&read(&expected_path)?).into_owned();
    let metadata_path = folder.join("expected-metadata.json");
    let metadata: ExpectedMetadata =
        serde_json::from_slice(&read(&metadata_path)?).map_err(|e| EvalError::Corpus {
            path: metadata_path,
            reason: e.to_string(),
        })?;
    let expected_text = html_text(&expected_html).map_err(|reason| EvalError::Corpus {
        path: expected_path,
        reason,
    })?;

    let (outcome, time) = timed_extract(&source, Some(READABILITY_BASE_URL), options);
    let (article, error) = match outcome {
        Ok(article) => (Some(article), None),
        Err(e) => (None, Some(e)),
    };
    let ours = article.as_ref().map_or("", |a| a.text.as_str());
    let prf = token_prf(ours, &expected_text);
    let readerable = metadata.readerable.map(|expected| Verdict {
        expected,
        got: crate::probably_readable(&crate::input::decode(&source), options).unwrap_or(false),
    });
    Ok(ReadabilityPage {
        name: name.to_owned(),
        precision: prf.precision,
        recall: prf.recall,
        f1: prf.f1,
        title: FieldMatch::new(
            metadata
                .title
                .map(|t| crate::metadata::without_site_name(t, metadata.site_name.as_deref()))
                .as_deref(),
            article.as_ref().and_then(|a| a.title.as_deref()),
        ),
        byline: FieldMatch::new(
            metadata.byline.as_deref(),
            article.as_ref().and_then(|a| a.byline.as_deref()),
        ),
        readerable,
        time_ms: ms(time),
        error,
    })
}

impl ReadabilityReport {
    pub fn render(&self) -> String {
        let mut order: Vec<&ReadabilityPage> = self.pages.iter().collect();
        // Best first, so the worst pages sit right above the summary.
        order.sort_by(|a, b| b.f1.total_cmp(&a.f1).then_with(|| a.name.cmp(&b.name)));
        let width = name_width(order.iter().map(|p| p.name.as_str()));
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:width$}  {:>5}  {:>5}  {:>5}  title  byline  {:>8}",
            "page", "P", "R", "F1", "ms"
        );
        for p in order {
            let mark = |m: &Option<FieldMatch>| match m {
                None => "-",
                Some(m) if m.exact => "ok",
                Some(_) => "MISS",
            };
            let _ = write!(
                out,
                "{:width$}  {:5.3}  {:5.3}  {:5.3}  {:5}  {:6}  {:8.1}",
                p.name,
                p.precision,
                p.recall,
                p.f1,
                mark(&p.title),
                mark(&p.byline),
                p.time_ms
            );
            if let Some(e) = &p.error {
                let _ = write!(out, "  error: {e}");
            }
            out.push('\n');
        }
        let s = &self.summary;
        let _ = writeln!(
            out,
            "\nreadability: {} pages, {} errors\n  mean precision {:.4}  mean recall {:.4}  mean F1 {:.4}\n  \
             title exact {:.4} ({}/{})  byline exact {:.4} ({}/{})\n  \
             probably readable as Readability says {}/{} (wrong on {} non-articles, {} articles)",
            s.pages,
            s.errors,
            s.mean_precision,
            s.mean_recall,
            s.mean_f1,
            s.title_exact,
            s.title_matches,
            s.title_pages,
            s.byline_exact,
            s.byline_matches,
            s.byline_pages,
            s.readerable_matches,
            s.readerable_pages,
            s.readerable_false_yes,
            s.readerable_false_no
        );
        out.push_str(&self.timing.render());
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Boilerplate layout

#[derive(Debug, Clone, Serialize)]
pub struct BoilerplateReport {
    pub summary: BoilerplateSummary,
    pub timing: Timing,
    /// In annotation-key order.
    pub pages: Vec<BoilerplatePage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoilerplateSummary {
    pub pages: usize,
    /// Pages where extraction failed (all their `with` passages count as missed).
    pub errors: usize,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Pages whose annotation names an author, and of those, pages whose byline names the
    /// same (see [`same_authors`]).
    pub byline_pages: usize,
    pub byline_matches: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoilerplatePage {
    /// The annotation key.
    pub name: String,
    pub file: String,
    /// The URL passed to the extractor, when the key is one.
    pub url: Option<String>,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub f1: f64,
    pub time_ms: f64,
    pub error: Option<String>,
    /// `with` passages not found in our text.
    pub missed: Vec<String>,
    /// `without` passages found in our text.
    pub leaked: Vec<String>,
    /// The annotated author beside our byline, where the annotation names one.
    pub byline: Option<FieldMatch>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct Annotation {
    file: String,
    with: Vec<String>,
    without: Vec<String>,
    /// A name, or a list of names; empty or absent where the page names no one.
    #[serde(default)]
    author: Option<serde_json::Value>,
}

impl Annotation {
    fn author(&self) -> Option<String> {
        match self.author.as_ref()? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Array(names) => Some(
                names
                    .iter()
                    .filter_map(serde_json::Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        }
    }
}

pub fn eval_boilerplate(dir: &Path, config: &EvalConfig) -> Result<BoilerplateReport, EvalError> {
    let path = dir.join("annotations.json");
    // serde_json's map is ordered by key, which gives a stable corpus order.
    let annotations: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&read(&path)?).map_err(|e| EvalError::Corpus {
            path: path.clone(),
            reason: e.to_string(),
        })?;
    let mut entries = Vec::with_capacity(annotations.len());
    for (key, value) in annotations {
        let annotation: Annotation =
            serde_json::from_value(value).map_err(|e| EvalError::Corpus {
                path: path.clone(),
                reason: format!("{key}: {e}"),
            })?;
        entries.push((key, annotation));
    }
    let entries = select(entries, |(key, a)| [key.as_str(), a.file.as_str()], config);

    let pages_dir = dir.join("pages");
    let started = Instant::now();
    let results = par_map(&entries, config.jobs, |(key, annotation)| {
        score_boilerplate_page(&pages_dir, key, annotation, &config.options)
    });
    let wall = started.elapsed();
    let pages = results.into_iter().collect::<Result<Vec<_>, _>>()?;

    let (tp, fp, fn_) = pages.iter().fold((0, 0, 0), |(tp, fp, fn_), p| {
        (tp + p.tp, fp + p.fp, fn_ + p.fn_)
    });
    let summary = BoilerplateSummary {
        pages: pages.len(),
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        tp,
        fp,
        fn_,
        precision: ratio_or_zero(tp, tp + fp),
        recall: ratio_or_zero(tp, tp + fn_),
        f1: passage_f1(tp, fp, fn_),
        byline_pages: pages.iter().filter(|p| p.byline.is_some()).count(),
        byline_matches: pages
            .iter()
            .filter(|p| p.byline.as_ref().is_some_and(|b| b.exact))
            .count(),
    };
    let timing = Timing::new(pages.iter().map(|p| p.time_ms), wall);
    Ok(BoilerplateReport {
        summary,
        timing,
        pages,
    })
}

fn score_boilerplate_page(
    pages_dir: &Path,
    key: &str,
    annotation: &Annotation,
    options: &Options,
) -> Result<BoilerplatePage, EvalError> {
    let html = read(&pages_dir.join(&annotation.file))?;
    let url = url_of_key(key);
    let (outcome, time) = timed_extract(&html, url, options);
    let (text, byline, error) = match outcome {
        Ok(article) => (normalize_ws(&article.text), article.byline, None),
        Err(e) => (String::new(), None, Some(e)),
    };
    let byline = FieldMatch::new(annotation.author().as_deref(), byline.as_deref()).map(|mut m| {
        m.exact = m
            .got
            .as_deref()
            .is_some_and(|got| same_authors(got, &m.expected));
        m
    });
    let missed: Vec<String> = annotation
        .with
        .iter()
        .filter(|p| !text.contains(&normalize_ws(p)))
        .cloned()
        .collect();
    let leaked: Vec<String> = annotation
        .without
        .iter()
        .filter(|p| text.contains(&normalize_ws(p)))
        .cloned()
        .collect();
    let (tp, fp, fn_) = (
        annotation.with.len() - missed.len(),
        leaked.len(),
        missed.len(),
    );
    Ok(BoilerplatePage {
        name: key.to_owned(),
        file: annotation.file.clone(),
        url: url.map(str::to_owned),
        tp,
        fp,
        fn_,
        f1: passage_f1(tp, fp, fn_),
        time_ms: ms(time),
        error,
        missed,
        leaked,
        byline,
    })
}

/// Whether two bylines name the same people: the same names in the same order, in any case,
/// however they are joined.
pub fn same_authors(a: &str, b: &str) -> bool {
    fn names(s: &str) -> Vec<String> {
        let s = s.to_lowercase();
        let mut s = format!(" {} ", s.split_whitespace().collect::<Vec<_>>().join(" "));
        for joint in [" and ", " und ", " et ", " y ", " & ", ";"] {
            s = s.replace(joint, ",");
        }
        s.split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    }
    names(a) == names(b)
}

/// Annotation keys are mostly page URLs, but some carry a tag (`hard::page.html`); only a real
/// URL is passed to the extractor.
fn url_of_key(key: &str) -> Option<&str> {
    (key.starts_with("http://") || key.starts_with("https://")).then_some(key)
}

impl BoilerplateReport {
    pub fn render(&self) -> String {
        let mut order: Vec<&BoilerplatePage> = self.pages.iter().collect();
        // Best first; among equals, the page with more wrong passages sits lower.
        order.sort_by(|a, b| {
            b.f1.total_cmp(&a.f1)
                .then_with(|| (a.fp + a.fn_).cmp(&(b.fp + b.fn_)))
                .then_with(|| a.name.cmp(&b.name))
        });
        // Names (mostly URLs) go last: they are too long for a column.
        let mut out = format!(
            "{:>3}  {:>3}  {:>3}  {:>5}  {:>8}  page\n",
            "TP", "FP", "FN", "F1", "ms"
        );
        for p in order {
            let _ = write!(
                out,
                "{:3}  {:3}  {:3}  {:5.3}  {:8.1}  {}",
                p.tp, p.fp, p.fn_, p.f1, p.time_ms, p.name
            );
            if let Some(e) = &p.error {
                let _ = write!(out, "  error: {e}");
            }
            out.push('\n');
        }
        let s = &self.summary;
        let _ = writeln!(
            out,
            "\nboilerplate: {} pages, {} errors\n  TP {}  FP {}  FN {}\n  \
             precision {:.4}  recall {:.4}  F1 {:.4}\n  byline {:.4} ({}/{})",
            s.pages,
            s.errors,
            s.tp,
            s.fp,
            s.fn_,
            s.precision,
            s.recall,
            s.f1,
            ratio(s.byline_matches, s.byline_pages),
            s.byline_matches,
            s.byline_pages
        );
        out.push_str(&self.timing.render());
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Metrics

/// Precision, recall and F1 of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The corpus README's `\w+` tokens: runs of letters, digits and `_`, Unicode-aware, without
/// case folding. `char::is_alphanumeric` is Python's `str.isalnum` plus the Other_Alphabetic
/// marks (most Indic vowel signs), so it sits between Python's `\w` and the `regex` crate's
/// (which also takes every combining mark); the words it still splits (at a virama, say) are
/// split the same way on both sides, so scores barely move. Hand-written because the `regex`
/// crate would weigh on the library.
pub fn word_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
}

/// Token-multiset precision/recall/F1 of `ours` against `expected`. Two empty texts agree
/// perfectly; one empty text against a non-empty one scores 0.
pub fn token_prf(ours: &str, expected: &str) -> Prf {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    let mut expected_len = 0usize;
    for t in word_tokens(expected) {
        *counts.entry(t).or_default() += 1;
        expected_len += 1;
    }
    let mut ours_len = 0usize;
    let mut common = 0usize;
    for t in word_tokens(ours) {
        ours_len += 1;
        if let Some(c) = counts.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if ours_len == 0 && expected_len == 0 {
        return Prf {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    let precision = ratio_or_zero(common, ours_len);
    let recall = ratio_or_zero(common, expected_len);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// The README's passage F1, 2·TP / (2·TP + FP + FN); 0 when there is nothing to count.
pub fn passage_f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    ratio_or_zero(2 * tp, 2 * tp + fp + fn_)
}

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text of an HTML document or fragment, entities decoded, script and style left out, and
/// a space at every boundary of an element that is not inline, so `<p>a</p><p>b</p>` reads as
/// two words, not one.
pub fn html_text(html: &str) -> Result<String, String> {
    use lol_html::html_content::TextType;
    use lol_html::{doc_text, element, end_tag, Settings};

    #[derive(Default)]
    struct State {
        out: String,
        // Text chunks can split a character reference, so a text node is decoded whole.
        pending: String,
    }
    let state = Rc::new(RefCell::new(State::default()));
    let on_element = Rc::clone(&state);
    let on_text = Rc::clone(&state);
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            if is_inline(&el.tag_name()) {
                return Ok(());
            }
            on_element.borrow_mut().out.push(' ');
            if el.can_have_content() {
                let at_end = Rc::clone(&on_element);
                el.on_end_tag(end_tag!(move |_| {
                    at_end.borrow_mut().out.push(' ');
                    Ok(())
                }))?;
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let mut s = on_text.borrow_mut();
            match t.text_type() {
                TextType::Data | TextType::RCData => {
                    s.pending.push_str(t.as_str());
                    if t.last_in_text_node() {
                        let raw = std::mem::take(&mut s.pending);
                        let decoded = crate::entities::decode(&raw);
                        s.out.push_str(&decoded);
                    }
                }
                TextType::PlainText | TextType::CDataSection => s.out.push_str(t.as_str()),
                // Script, style and noscript bodies are not text a reader sees.
                TextType::RawText | TextType::ScriptData => {}
            }
            Ok(())
        }));
    crate::pass::read_only(html, settings).map_err(|e| e.to_string())?;
    let mut state = state.borrow_mut();
    let rest = std::mem::take(&mut state.pending);
    let decoded = crate::entities::decode(&rest).into_owned();
    state.out.push_str(&decoded);
    Ok(std::mem::take(&mut state.out))
}

/// Elements whose boundaries do not separate words.
fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

// ---------------------------------------------------------------------------------------------
// Timing

/// Per-page extraction times, in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    /// Sum of per-page extraction times.
    pub total_ms: f64,
    /// Elapsed time of the whole run, reading and scoring included, across all workers.
    pub wall_ms: f64,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl Timing {
    fn new(times: impl Iterator<Item = f64>, wall: Duration) -> Timing {
        let mut times: Vec<f64> = times.collect();
        times.sort_by(f64::total_cmp);
        // Nearest-rank percentile: the value at or below which `q` of the pages fall.
        let pct = |q: f64| {
            if times.is_empty() {
                0.0
            } else {
                let rank = (q * times.len() as f64).ceil() as usize;
                times[rank.clamp(1, times.len()) - 1]
            }
        };
        Timing {
            total_ms: times.iter().sum(),
            wall_ms: ms(wall),
            median_ms: pct(0.5),
            p95_ms: pct(0.95),
            max_ms: times.last().copied().unwrap_or(0.0),
        }
    }

    pub fn render(&self) -> String {
        format!(
            "  time: total {:.1} ms (wall {:.1} ms)  median {:.2} ms  p95 {:.2} ms  max {:.2} ms\n",
            self.total_ms, self.wall_ms, self.median_ms, self.p95_ms, self.max_ms
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Runs one extraction and times it. A panic is a bug, but one page's bug must not hide the
/// score of the others, so it is caught and reported as that page's error.
fn timed_extract(
    bytes: &[u8],
    url: Option<&str>,
    options: &Options,
) -> (Result<Article, String>, Duration) {
    let started = Instant::now();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        crate::extract_bytes(bytes, url, options)
    }));
    let time = started.elapsed();
    let outcome = match outcome {
        Ok(result) => result.map_err(|e: Error| e.to_string()),
        Err(payload) => Err(format!("panicked: {}", panic_message(&*payload))),
    };
    (outcome, time)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Applies `--filter` (a substring of any of the page's names) and `--limit`.
fn select<T>(items: Vec<T>, names: impl Fn(&T) -> [&str; 2], config: &EvalConfig) -> Vec<T> {
    items
        .into_iter()
        .filter(|item| match &config.filter {
            None => true,
            Some(f) => names(item).iter().any(|n| n.contains(f.as_str())),
        })
        .take(config.limit.unwrap_or(usize::MAX))
        .collect()
}

/// Maps `f` over `items` on `jobs` threads, returning results in `items` order. Workers take
/// the next unclaimed item, so one slow page does not hold back a whole share.
fn par_map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let jobs = jobs.clamp(1, items.len().max(1));
    let mut indexed: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..jobs).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for w in workers {
            // `work` catches nothing itself, but every caller's `f` contains its own panics;
            // a panic here is a bug in the scorer and should surface.
            all.extend(w.join().unwrap_or_else(|p| panic::resume_unwind(p)));
        }
        all
    });
    indexed.sort_unstable_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, r)| r).collect()
}

fn read(path: &Path) -> Result<Vec<u8>, EvalError> {
    std::fs::read(path).map_err(io_err(path))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `num / den`, with nothing-to-count counted as a full score.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

fn ratio_or_zero(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn name_width<'a>(names: impl Iterator<Item = &'a str>) -> usize {
    // An odd long name should not push every line's numbers far right; it runs over instead.
    names
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 48)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unicode_words_without_case_folding() {
        let t: Vec<_> = word_tokens("Ça va? Don't—stop_it, 3.14 Straße नमस्ते").collect();
        assert_eq!(
            t,
            // The virama (U+094D) is a mark without Other_Alphabetic; the vowel sign (U+0947) has it.
            [
                "Ça",
                "va",
                "Don",
                "t",
                "stop_it",
                "3",
                "14",
                "Straße",
                "नमस",
                "त\u{947}"
            ]
        );
    }

    #[test]
    fn prf_counts_the_token_multiset() {
        let p = token_prf("a a b c", "a b b d");
        // common: a, b
        assert_eq!(p.precision, 0.5);
        assert_eq!(p.recall, 0.5);
        assert_eq!(p.f1, 0.5);
        assert_eq!(token_prf("", "").f1, 1.0);
        assert_eq!(token_prf("", "x").f1, 0.0);
        assert_eq!(token_prf("x", "").f1, 0.0);
    }

    #[test]
    fn html_text_separates_blocks_and_decodes_entities() {
        let html = "<div><p>One&amp;two</p><p>three<b>four</b>five</p>\
                    <script>var x = '&amp;';</script><style>p{}</style>\
                    <ul><li>six<li>seven</ul>eight<br>nine&nbsp;ten</div>";
        let text = html_text(html).unwrap();
        assert_eq!(
            word_tokens(&text).collect::<Vec<_>>(),
            [
                "One",
                "two",
                "threefourfive",
                "six",
                "seven",
                "eight",
                "nine",
                "ten"
            ]
        );
        assert!(text.contains("One&two"));
    }

    #[test]
    fn authors_are_the_same_however_joined() {
        assert!(same_authors(
            "David Brand, Ramsey Khalifeh",
            "David Brand and Ramsey Khalifeh"
        ));
        assert!(same_authors("HENRY STEINHAU", "Henry Steinhau"));
        assert!(same_authors(
            "Sarah Hinger; Sylvia Torres",
            "Sarah Hinger, Sylvia Torres"
        ));
        assert!(!same_authors("Henry", "Henry Steinhau"));
        assert!(!same_authors(
            "Sylvia Torres, Sarah Hinger",
            "Sarah Hinger, Sylvia Torres"
        ));
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalize_ws("  a\n\t b\u{a0} c  "), "a b c");
    }

    #[test]
    fn passage_f1_matches_the_readme() {
        assert_eq!(passage_f1(3, 1, 1), 6.0 / 8.0);
        assert_eq!(passage_f1(0, 0, 0), 0.0);
    }

    #[test]
    fn only_real_urls_are_passed() {
        assert_eq!(
            url_of_key("https://a.example/x"),
            Some("https://a.example/x")
        );
        assert_eq!(url_of_key("hard::a.html"), None);
        assert_eq!(url_of_key("xhttps://a.example/"), None);
    }

    #[test]
    fn par_map_keeps_order() {
        let items: Vec<u32> = (0..100).collect();
        assert_eq!(
            par_map(&items, 2, |x| x * 2),
            (0..100).map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(par_map(&[] as &[u32], 2, |x| *x).is_empty());
    }

    #[test]
    fn timing_percentiles_use_nearest_rank() {
        let t = Timing::new((1..=20).map(f64::from), Duration::ZERO);
        assert_eq!(t.median_ms, 10.0);
        assert_eq!(t.p95_ms, 19.0);
        assert_eq!(t.max_ms, 20.0);
        assert_eq!(t.total_ms, 210.0);
    }
}
