//! Criterion benches for the core (issue 7): `extract` on a few representative pages, beside a
//! bare lol_html pass with no handlers over the same text (the floor of a streaming design).
//!
//! Corpus pages are read from `../shared/corpus` when it is there and skipped with a note
//! otherwise; a generated news page always runs. Run with `cargo bench --bench extract`.
//! The side-by-side comparison with other extractors is the separate `bench/` crate.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quietpage::Options;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "support/floor.rs"]
mod floor;
#[path = "support/page.rs"]
mod page;

/// A spread of real pages: a big news page with heavy markup, an encyclopaedia article, a
/// blog post, and a large page from the annotated set.
const CORPUS_PAGES: &[&str] = &[
    "readability/guardian-1/source.html",
    "readability/wikipedia/source.html",
    "readability/medium-1/source.html",
    "boilerplate/pages/nymag.com.polarization.html",
];

/// The base URL the readability corpus is scored with (see the corpus README).
const URL: &str = "http://fakehost/test/page.html";

fn pages() -> Vec<(String, String)> {
    let mut pages = vec![("generated-200k".to_string(), page::news_page(200 * 1024))];
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    for rel in CORPUS_PAGES {
        let name = rel
            .trim_end_matches("/source.html")
            .rsplit('/')
            .next()
            .unwrap_or(rel)
            .trim_end_matches(".html");
        match std::fs::read(corpus.join(rel)) {
            Ok(bytes) => pages.push((
                name.to_string(),
                quietpage::input::decode(&bytes).into_owned(),
            )),
            Err(_) => eprintln!("SKIPPED: {rel} not found under ../shared/corpus"),
        }
    }
    pages
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("page");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (name, html) in pages() {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", &name), &html, |b, html| {
            b.iter(|| quietpage::extract(black_box(html), Some(URL), &options))
        });
        group.bench_with_input(BenchmarkId::new("lol_html", &name), &html, |b, html| {
            b.iter(|| floor::lol_html_pass(black_box(html)))
        });
        group.bench_with_input(
            BenchmarkId::new("lol_html+handlers", &name),
            &html,
            |b, html| b.iter(|| floor::lol_html_handlers_pass(black_box(html))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
