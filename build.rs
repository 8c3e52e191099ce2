//! The HTML export inlines the reading view's stylesheet (`extension/reader/article.css`).
//! Its comments are for whoever edits it, not for the exported file or the WebAssembly module
//! that carries it (a kilobyte of the gzipped module), so they are taken out here.

use std::path::PathBuf;

const CSS: &str = "extension/reader/article.css";

fn main() {
    println!("cargo:rerun-if-changed={CSS}");
    let css = std::fs::read_to_string(CSS).unwrap_or_else(|e| panic!("reading {CSS}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("article.css");
    std::fs::write(&path, without_comments(&css))
        .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

/// The stylesheet without `/* ... */` comments and the blank lines they leave. The sheet has
/// no strings that hold `/*`, and keeps it so (the export's tests would show a broken rule).
fn without_comments(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        kept.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    kept.push_str(rest);
    kept.lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .fold(String::new(), |mut out, line| {
            out.push_str(line);
            out.push('\n');
            out
        })
}
