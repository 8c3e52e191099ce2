//! The article as plain text.
//!
//! Paragraphs stay one line each (no hard wrapping: a reader or editor wraps to its own
//! width). Control characters other than tab and newline are removed everywhere, so printing
//! the text to a terminal cannot move the cursor or change colours.

use crate::Article;

pub(crate) fn document(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = super::meta(&article.title) {
        out.push_str(&title);
        out.push('\n');
    }
    if let Some(line) = super::byline_line(article) {
        out.push_str(&line);
        out.push('\n');
    }
    let body = clean_body(&article.text);
    if !body.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&body);
        out.push('\n');
    }
    out
}

/// The body with line endings made `\n`, controls removed, and outer blank lines trimmed.
fn clean_body(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = text
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    // Trailing spaces stay: in code they are the text.
    let lines: Vec<&str> = cleaned.split('\n').collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        let article = Article {
            title: Some("A\ntitle\u{1b}[31m".into()),
            byline: Some("Ann".into()),
            published: Some("2024-05-01T10:00:00Z".into()),
            text: "\n\nOne.\r\n\r\nTwo\u{7}.\n\n".into(),
            ..Article::default()
        };
        assert_eq!(
            document(&article),
            "A title[31m\nAnn · 2024-05-01\n\nOne.\n\nTwo.\n"
        );
        assert_eq!(document(&Article::default()), "");
    }
}
