//! Safe file names from article titles.
//!
//! A title is page-controlled text and the name lands on the user's disk, through Chrome's
//! and Firefox's downloads APIs (which reject some names outright) and then any file system.
//! So the name keeps the title's words and drops everything that could misbehave anywhere:
//! path separators, controls, the characters Windows forbids, invisible format characters
//! (bidi overrides can disguise `evil.exe` as `exe.txt`), leading dots (hidden files, `..`),
//! leading `-` (read as an option by command-line tools) and `~`, trailing dots and spaces
//! (Windows strips them), and device names Windows reserves (`CON`, `COM1`, …).

/// Longest stem, in characters, before the extension.
const MAX_CHARS: usize = 80;
/// Longest stem in UTF-8 bytes, so that stem and extension fit in the 255 bytes that ext4 and
/// most other file systems allow (80 CJK characters would be 240 bytes).
const MAX_BYTES: usize = 200;

const FALLBACK: &str = "article";

pub(crate) fn for_title(title: Option<&str>, ext: &str) -> String {
    let mut stem = clean(title.unwrap_or_default());
    if stem.is_empty() {
        stem = FALLBACK.to_owned();
    }
    if is_reserved_on_windows(&stem) {
        // Windows reads `nul.tar.gz` as NUL too, so the mark goes right after the name.
        let dot = stem.find('.').unwrap_or(stem.len());
        stem = format!("{}_{}", stem[..dot].trim_end(), &stem[dot..]);
    }
    let ext: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{}", ext.to_ascii_lowercase())
    }
}

fn clean(title: &str) -> String {
    // Every unsafe character becomes a space, then spaces collapse: "a/b" reads "a b".
    let mut words = String::with_capacity(title.len());
    for c in title.chars() {
        if is_unsafe(c) || c.is_whitespace() {
            words.push(' ');
        } else if !is_invisible(c) {
            words.push(c);
        }
    }
    let mut stem = String::new();
    let mut chars = 0;
    for word in words.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!stem.is_empty());
        let word_chars = word.chars().count();
        if chars + sep + word_chars > MAX_CHARS || stem.len() + sep + word.len() > MAX_BYTES {
            if stem.is_empty() {
                // One enormous word: cut it at a character boundary.
                for c in word.chars() {
                    if chars + 1 > MAX_CHARS || stem.len() + c.len_utf8() > MAX_BYTES {
                        break;
                    }
                    stem.push(c);
                    chars += 1;
                }
            }
            break;
        }
        if sep == 1 {
            stem.push(' ');
        }
        stem.push_str(word);
        chars += sep + word_chars;
    }
    let stem = stem.trim_start_matches(['.', '-', '~', ' ']);
    stem.trim_end_matches(['.', ' ']).to_owned()
}

/// Characters no portable file name may hold.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
}

/// Format characters that show nothing but change how a name reads: zero-width spaces and
/// joiners, bidi marks, embeddings, overrides and isolates, the soft hyphen, the BOM, and
/// interlinear annotation marks; plus the non-characters U+FFFE/U+FFFF.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{115f}'..='\u{1160}'
        | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{fffe}'..='\u{ffff}'
        | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Windows reserves these device names whatever follows the first dot (`con.md` too), and
/// also with the superscript digits ¹²³.
fn is_reserved_on_windows(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).trim_end();
    let upper = base.to_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            let mut chars = upper.chars();
            let prefix: String = chars.by_ref().take(3).collect();
            let rest: Vec<char> = chars.collect();
            (prefix == "COM" || prefix == "LPT")
                && rest.len() == 1
                && matches!(rest[0], '0'..='9' | '¹' | '²' | '³')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(for_title(Some("Hello: World?"), "md"), "Hello World.md");
        assert_eq!(for_title(Some("../../etc/passwd"), "txt"), "etc passwd.txt");
        assert_eq!(for_title(Some("  "), "html"), "article.html");
        assert_eq!(for_title(None, ".EPUB"), "article.epub");
        assert_eq!(for_title(Some("con"), "md"), "con_.md");
        assert_eq!(for_title(Some("LPT¹.x"), "md"), "LPT¹_.x.md");
        assert_eq!(for_title(Some("nul .tar"), "md"), "nul_.tar.md");
        assert_eq!(for_title(Some("COM10"), "md"), "COM10.md");
        assert_eq!(for_title(Some("a\u{202e}txt.exe"), ""), "atxt.exe");
        assert_eq!(for_title(Some("-rf ~"), "md"), "rf ~.md");
        assert_eq!(
            for_title(Some("Trailing dots..."), "md"),
            "Trailing dots.md"
        );
    }

    #[test]
    fn bounded_on_char_boundaries() {
        let long = "word ".repeat(100);
        let name = for_title(Some(&long), "md");
        assert!(name.chars().count() <= MAX_CHARS + 3, "{name}");
        assert!(name.ends_with("word.md"));
        let cjk = "記".repeat(500);
        let name = for_title(Some(&cjk), "md");
        assert!(name.len() <= MAX_BYTES + 3);
        assert_eq!(name.chars().filter(|&c| c == '記').count(), 66);
    }
}
