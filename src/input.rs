//! What comes in: size and kind checks, and charset decoding of raw bytes.

use crate::{Error, Options};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into the page to look for a `<meta charset>` (the HTML spec's prescan reads 1024
/// bytes; real pages put a long `<head>` first often enough to look further).
const PRESCAN_BYTES: usize = 8 * 1024;

/// Refuses input that is too large or is plainly not HTML.
pub fn check(bytes: &[u8], options: &Options) -> Result<(), Error> {
    if bytes.len() > options.max_input_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_input_bytes,
        });
    }
    if !looks_like_html(bytes) {
        return Err(Error::NotHtml);
    }
    Ok(())
}

/// HTML has a tag somewhere near the start; binary data has NULs and control bytes; JSON
/// starts with a brace. UTF-16 pages (with a BOM) are decoded before this question matters.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
        .count();
    if controls * 20 > head.len() {
        return false;
    }
    let trimmed = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&head[..0], |p| &head[p..]);
    let trimmed = trimmed.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(trimmed);
    if trimmed.first().is_some_and(|&b| b == b'{' || b == b'[') {
        return false;
    }
    // A start tag, a comment or a doctype anywhere in the input.
    bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!'))
}

/// Decodes page bytes: BOM, then a declared charset, then UTF-8 if valid, else windows-1252
/// (what browsers assume for undeclared legacy pages in most locales).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Cow::Owned(
            enc.decode_without_bom_handling(&bytes[bom_len..])
                .0
                .into_owned(),
        );
    }
    let declared = declared_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)])
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        // A page that says UTF-16 but has no BOM is ASCII-compatible bytes: the spec reads it
        // as UTF-8.
        .map(|e| e.output_encoding());
    // Saved and re-served pages often keep a legacy declaration over bytes that were
    // re-encoded as UTF-8. Text really in a legacy charset is practically never valid UTF-8
    // once it has any non-ASCII byte, so valid UTF-8 wins over the declaration.
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let encoding = match declared {
        _ if valid_utf8 => UTF_8,
        Some(e) => e,
        None => WINDOWS_1252,
    };
    if encoding == UTF_8 {
        return String::from_utf8_lossy(bytes);
    }
    Cow::Owned(encoding.decode_without_bom_handling(bytes).0.into_owned())
}

/// The charset named by the first `<meta charset=…>` or `<meta http-equiv=content-type
/// content="…; charset=…">` in `head`.
fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let mut rest = &tag[cs + 7..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let label: Vec<u8> = r
                    .iter()
                    .copied()
                    .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .collect();
                if !label.is_empty() {
                    return String::from_utf8(label).ok();
                }
            }
        }
        from = end.max(start + 5);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let p = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[p..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets_are_found() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            declared_charset(
                b"<META http-equiv=Content-Type content='text/html; charset=Shift_JIS'>"
            )
            .as_deref(),
            Some("shift_jis")
        );
    }

    #[test]
    fn legacy_bytes_decode() {
        let page = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(page).contains("Привет"));
        let latin = b"<p>caf\xe9</p>";
        assert!(decode(latin).contains("café"));
    }

    #[test]
    fn non_html_is_refused() {
        let o = Options::default();
        assert_eq!(check(b"", &o), Err(Error::NotHtml));
        assert_eq!(check(b"{\"a\": 1}", &o), Err(Error::NotHtml));
        assert_eq!(check(&[0u8, 1, 2, 3, 0, 0, 0, 5], &o), Err(Error::NotHtml));
        assert!(check(b"<p>hi</p>", &o).is_ok());
    }
}
