//! A stand-in for [encoding_rs](https://docs.rs/encoding_rs/0.8) in Quiet Page's WebAssembly
//! core: the same API surface that lol_html 3.0.3 and `quietpage::input` use, for UTF-8 and
//! windows-1252 only.
//!
//! Why it exists: lol_html keeps the document encoding as a runtime `&'static Encoding` (a
//! `<meta charset>` may switch it), so with the real crate every legacy decoder and its tables
//! are reachable and LTO keeps them all: about 150 KB of the 300 KB gzipped budget for the
//! `.wasm` (BENCHMARKS.md). The extension only ever passes the core JS strings, which arrive as
//! UTF-8, so the wasm never decodes legacy bytes. windows-1252 stays because it is lol_html's
//! fallback for debug output and `quietpage::input`'s for undeclared pages.
//!
//! Only `wasm/Cargo.toml` patches this in. Native builds (the CLI, which reads pages in
//! windows-1251 or Shift_JIS, and every test) use the real encoding_rs; the main crate's
//! `tests/encoding_stand_in.rs` checks this one against it.
//!
//! Differences from the real crate, none reachable from the extension:
//! - [`Encoding::for_label`] knows only the UTF-8 and windows-1252 labels; every other label
//!   gives `None`, as an unknown label does (lol_html then keeps its current encoding).
//! - BOM sniffing ([`Encoding::for_bom`], [`Encoding::decode`]) knows only the UTF-8 BOM.
//!
//! Decoding follows the WHATWG Encoding Standard as encoding_rs does: each maximal ill-formed
//! UTF-8 subpart becomes one U+FFFD, also when a sequence is split across calls.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

/// An encoding, compared by identity like encoding_rs's.
pub struct Encoding {
    name: &'static str,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utf8,
    Windows1252,
}

/// The UTF-8 encoding.
pub static UTF_8_INIT: Encoding = Encoding {
    name: "UTF-8",
    kind: Kind::Utf8,
};
/// The UTF-8 encoding.
pub static UTF_8: &Encoding = &UTF_8_INIT;

/// The windows-1252 encoding (what the Encoding Standard also calls latin1 and ASCII).
pub static WINDOWS_1252_INIT: Encoding = Encoding {
    name: "windows-1252",
    kind: Kind::Windows1252,
};
/// The windows-1252 encoding (what the Encoding Standard also calls latin1 and ASCII).
pub static WINDOWS_1252: &Encoding = &WINDOWS_1252_INIT;

/// The Encoding Standard's labels for the two encodings, lowercase.
const LABELS: &[(&str, &Encoding)] = &[
    ("unicode-1-1-utf-8", &UTF_8_INIT),
    ("unicode11utf8", &UTF_8_INIT),
    ("unicode20utf8", &UTF_8_INIT),
    ("utf-8", &UTF_8_INIT),
    ("utf8", &UTF_8_INIT),
    ("x-unicode20utf8", &UTF_8_INIT),
    ("ansi_x3.4-1968", &WINDOWS_1252_INIT),
    ("ascii", &WINDOWS_1252_INIT),
    ("cp1252", &WINDOWS_1252_INIT),
    ("cp819", &WINDOWS_1252_INIT),
    ("csisolatin1", &WINDOWS_1252_INIT),
    ("ibm819", &WINDOWS_1252_INIT),
    ("iso-8859-1", &WINDOWS_1252_INIT),
    ("iso-ir-100", &WINDOWS_1252_INIT),
    ("iso8859-1", &WINDOWS_1252_INIT),
    ("iso88591", &WINDOWS_1252_INIT),
    ("iso_8859-1", &WINDOWS_1252_INIT),
    ("iso_8859-1:1987", &WINDOWS_1252_INIT),
    ("l1", &WINDOWS_1252_INIT),
    ("latin1", &WINDOWS_1252_INIT),
    ("us-ascii", &WINDOWS_1252_INIT),
    ("windows-1252", &WINDOWS_1252_INIT),
    ("x-cp1252", &WINDOWS_1252_INIT),
];

/// windows-1252 bytes 0x80..=0x9F; every other byte is the code point of the same value.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const REPLACEMENT: &str = "\u{FFFD}";

fn windows_1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&h| h == c)
            .and_then(|i| u8::try_from(i + 0x80).ok()),
    }
}

impl Encoding {
    /// The encoding a label names (case-insensitive, surrounding ASCII whitespace ignored), if
    /// it is one of the two this crate has.
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        let label = label.trim_ascii();
        LABELS
            .iter()
            .find(|(l, _)| l.as_bytes().eq_ignore_ascii_case(label))
            .map(|&(_, e)| e)
    }

    /// Like [`Encoding::for_label`]; this crate has no replacement encoding to leave out.
    pub fn for_label_no_replacement(label: &[u8]) -> Option<&'static Encoding> {
        Self::for_label(label)
    }

    /// The encoding a byte order mark at the start of `buffer` names, and the mark's length.
    pub fn for_bom(buffer: &[u8]) -> Option<(&'static Encoding, usize)> {
        buffer
            .starts_with(UTF8_BOM)
            .then_some((UTF_8, UTF8_BOM.len()))
    }

    /// The encoding's canonical name.
    pub fn name(&'static self) -> &'static str {
        self.name
    }

    /// Whether ASCII bytes mean ASCII characters: true of both encodings here.
    pub fn is_ascii_compatible(&'static self) -> bool {
        true
    }

    /// The encoding to use when encoding into this one: itself, for both encodings here.
    pub fn output_encoding(&'static self) -> &'static Encoding {
        self
    }

    /// The length of the all-ASCII prefix of `bytes`.
    pub fn ascii_valid_up_to(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len())
    }

    /// Decodes `bytes`, following a UTF-8 byte order mark if there is one. Returns the text,
    /// the encoding used and whether anything was malformed.
    pub fn decode<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding, bool) {
        let (encoding, bytes) = match Self::for_bom(bytes) {
            Some((encoding, len)) => (encoding, &bytes[len..]),
            None => (self, bytes),
        };
        let (text, malformed) = encoding.decode_without_bom_handling(bytes);
        (text, encoding, malformed)
    }

    /// Decodes `bytes` as this encoding. Returns the text and whether anything was malformed
    /// (replaced with U+FFFD).
    pub fn decode_without_bom_handling<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        match self.kind {
            Kind::Utf8 => {
                let text = String::from_utf8_lossy(bytes);
                let malformed = matches!(text, Cow::Owned(_));
                (text, malformed)
            }
            Kind::Windows1252 => match std::str::from_utf8(bytes) {
                Ok(ascii) if ascii.is_ascii() => (Cow::Borrowed(ascii), false),
                _ => (bytes.iter().map(|&b| windows_1252_char(b)).collect(), false),
            },
        }
    }

    /// Encodes `string` into this encoding; characters it cannot represent become HTML
    /// decimal character references (`&#8364;`), as in encoding_rs. Returns the bytes, the
    /// encoding used and whether any character was unmappable.
    pub fn encode<'a>(&'static self, string: &'a str) -> (Cow<'a, [u8]>, &'static Encoding, bool) {
        match self.kind {
            Kind::Utf8 => (Cow::Borrowed(string.as_bytes()), self, false),
            Kind::Windows1252 => {
                if string.is_ascii() {
                    return (Cow::Borrowed(string.as_bytes()), self, false);
                }
                let mut out = Vec::with_capacity(string.len());
                let mut unmappable = false;
                for c in string.chars() {
                    match windows_1252_byte(c) {
                        Some(b) => out.push(b),
                        None => {
                            unmappable = true;
                            out.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
                        }
                    }
                }
                (Cow::Owned(out), self, unmappable)
            }
        }
    }

    /// A streaming decoder that treats a byte order mark as ordinary bytes.
    pub fn new_decoder_without_bom_handling(&'static self) -> Decoder {
        Decoder {
            encoding: self,
            pending: [0; 4],
            pending_len: 0,
        }
    }

    /// A streaming encoder from UTF-8 into this encoding.
    pub fn new_encoder(&'static self) -> Encoder {
        Encoder { encoding: self }
    }
}

impl PartialEq for Encoding {
    fn eq(&self, other: &Encoding) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Encoding {}

impl Hash for Encoding {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Encoding {{ {} }}", self.name)
    }
}

/// Why a streaming call returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoderResult {
    /// All the input was consumed (and with `last`, any pending bytes flushed).
    InputEmpty,
    /// The output buffer has no room for the next character; call again with more room.
    OutputFull,
}

/// Output written into a caller's byte buffer, a whole character at a time.
struct Out<'a> {
    buf: &'a mut [u8],
    written: usize,
}

impl Out<'_> {
    fn room(&self) -> usize {
        self.buf.len() - self.written
    }

    fn push(&mut self, bytes: &[u8]) -> bool {
        let Some(dst) = self.buf.get_mut(self.written..self.written + bytes.len()) else {
            return false;
        };
        dst.copy_from_slice(bytes);
        self.written += bytes.len();
        true
    }

    fn push_char(&mut self, c: char) -> bool {
        self.push(c.encode_utf8(&mut [0; 4]).as_bytes())
    }
}

/// A streaming decoder into UTF-8.
pub struct Decoder {
    encoding: &'static Encoding,
    /// The start of a UTF-8 sequence the previous input ended in (a valid prefix).
    pending: [u8; 4],
    pending_len: usize,
}

impl Decoder {
    /// The encoding this decoder decodes.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Decodes `src` into `dst`, which stays valid UTF-8. `last` says no more input follows,
    /// so an unfinished sequence becomes U+FFFD. Returns why it stopped, the bytes read, the
    /// bytes written and whether anything was malformed.
    pub fn decode_to_str(
        &mut self,
        src: &[u8],
        dst: &mut str,
        last: bool,
    ) -> (CoderResult, usize, usize, bool) {
        // SAFETY: the decoders only write whole UTF-8 sequences into `bytes[..written]`, and
        // the continuation bytes after them (the tail of a character the write cut through)
        // are zeroed below, so `dst` is valid UTF-8 again before it is next used as a `str`.
        let bytes = unsafe { dst.as_bytes_mut() };
        let mut out = Out {
            buf: bytes,
            written: 0,
        };
        let (result, read, malformed) = match self.encoding.kind {
            Kind::Utf8 => self.decode_utf8(src, &mut out, last),
            Kind::Windows1252 => decode_windows_1252(src, &mut out),
        };
        let written = out.written;
        for b in out.buf[written..]
            .iter_mut()
            .take_while(|b| (**b & 0xC0) == 0x80)
        {
            *b = 0;
        }
        (result, read, written, malformed)
    }

    fn decode_utf8(
        &mut self,
        src: &[u8],
        out: &mut Out<'_>,
        last: bool,
    ) -> (CoderResult, usize, bool) {
        let mut read = 0;
        let mut malformed = false;

        // First finish (or give up on) a sequence the previous input ended in.
        while self.pending_len > 0 {
            let Some(&b) = src.get(read) else {
                if !last {
                    return (CoderResult::InputEmpty, read, malformed);
                }
                if !out.push(REPLACEMENT.as_bytes()) {
                    return (CoderResult::OutputFull, read, malformed);
                }
                self.pending_len = 0;
                return (CoderResult::InputEmpty, read, true);
            };
            let mut seq = self.pending;
            seq[self.pending_len] = b;
            let seq = &seq[..=self.pending_len];
            match std::str::from_utf8(seq) {
                Ok(c) => {
                    if !out.push(c.as_bytes()) {
                        return (CoderResult::OutputFull, read, malformed);
                    }
                    self.pending_len = 0;
                    read += 1;
                }
                Err(e) if e.error_len().is_none() => {
                    self.pending[self.pending_len] = b;
                    self.pending_len += 1;
                    read += 1;
                }
                // `b` cannot continue the pending prefix: the prefix is one maximal ill-formed
                // subpart, and `b` is read again as the start of what follows.
                Err(_) => {
                    if !out.push(REPLACEMENT.as_bytes()) {
                        return (CoderResult::OutputFull, read, malformed);
                    }
                    malformed = true;
                    self.pending_len = 0;
                }
            }
        }

        loop {
            let rest = &src[read..];
            if rest.is_empty() {
                return (CoderResult::InputEmpty, read, malformed);
            }
            // Validate no more than fits, so that a small output buffer over long input does not
            // revalidate the rest of the input on every call.
            let window = &rest[..rest.len().min(out.room())];
            let (valid, error) = match std::str::from_utf8(window) {
                Ok(s) => (s.len(), None),
                Err(e) => (e.valid_up_to(), Some(e.error_len())),
            };
            out.push(&window[..valid]);
            read += valid;
            match error {
                None if window.len() < rest.len() => {
                    return (CoderResult::OutputFull, read, malformed)
                }
                None => {}
                Some(Some(len)) => {
                    if !out.push(REPLACEMENT.as_bytes()) {
                        return (CoderResult::OutputFull, read, malformed);
                    }
                    malformed = true;
                    read += len;
                }
                // The window ends inside a sequence: cut short by the room left, or the input
                // really ends there.
                Some(None) if window.len() < rest.len() => {
                    return (CoderResult::OutputFull, read, malformed)
                }
                Some(None) => {
                    let tail = &window[valid..];
                    if last {
                        if !out.push(REPLACEMENT.as_bytes()) {
                            return (CoderResult::OutputFull, read, malformed);
                        }
                        malformed = true;
                    } else {
                        self.pending[..tail.len()].copy_from_slice(tail);
                        self.pending_len = tail.len();
                    }
                    read += tail.len();
                }
            }
        }
    }
}

fn decode_windows_1252(src: &[u8], out: &mut Out<'_>) -> (CoderResult, usize, bool) {
    for (read, &b) in src.iter().enumerate() {
        if !out.push_char(windows_1252_char(b)) {
            return (CoderResult::OutputFull, read, false);
        }
    }
    (CoderResult::InputEmpty, src.len(), false)
}

/// A streaming encoder from UTF-8.
pub struct Encoder {
    encoding: &'static Encoding,
}

impl Encoder {
    /// The encoding this encoder encodes into.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Always false: neither encoding here is stateful.
    pub fn has_pending_state(&self) -> bool {
        false
    }

    /// Encodes `src` into `dst`, unmappable characters as HTML decimal character references.
    /// Returns why it stopped, the bytes read, the bytes written and whether any character was
    /// unmappable.
    pub fn encode_from_utf8(
        &mut self,
        src: &str,
        dst: &mut [u8],
        _last: bool,
    ) -> (CoderResult, usize, usize, bool) {
        let mut out = Out {
            buf: dst,
            written: 0,
        };
        let mut unmappable = false;
        for (read, c) in src.char_indices() {
            let fits = match self.encoding.kind {
                Kind::Utf8 => out.push_char(c),
                Kind::Windows1252 => match windows_1252_byte(c) {
                    Some(b) => out.push(&[b]),
                    None => {
                        let fits = out.push(format!("&#{};", u32::from(c)).as_bytes());
                        unmappable |= fits;
                        fits
                    }
                },
            };
            if !fits {
                return (CoderResult::OutputFull, read, out.written, unmappable);
            }
        }
        (CoderResult::InputEmpty, src.len(), out.written, unmappable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `chunks` one after another through a `dst` of `room` bytes.
    fn stream(encoding: &'static Encoding, chunks: &[&[u8]], room: usize) -> (String, bool) {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut buffer = "\0".repeat(room);
        let (mut text, mut malformed) = (String::new(), false);
        for (i, chunk) in chunks.iter().enumerate() {
            let last = i + 1 == chunks.len();
            let mut chunk = *chunk;
            loop {
                let (result, read, written, bad) = decoder.decode_to_str(chunk, &mut buffer, last);
                text.push_str(&buffer[..written]);
                malformed |= bad;
                chunk = &chunk[read..];
                if result == CoderResult::InputEmpty {
                    break;
                }
                assert!(read > 0 || written > 0, "no progress");
            }
        }
        (text, malformed)
    }

    #[test]
    fn utf8_split_anywhere_decodes_whole() {
        let text = "aé€😀 Привет, 日本語";
        let bytes = text.as_bytes();
        for at in 0..=bytes.len() {
            for room in [4, 5, 7, 64] {
                let (a, b) = bytes.split_at(at);
                assert_eq!(
                    stream(UTF_8, &[a, b], room),
                    (text.to_owned(), false),
                    "{at} {room}"
                );
            }
        }
        let one_byte_chunks: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(stream(UTF_8, &one_byte_chunks, 4).0, text);
    }

    #[test]
    fn utf8_malformed_is_one_replacement_per_maximal_subpart() {
        // As String::from_utf8_lossy, which follows the same rule, whatever the split.
        let cases: &[&[u8]] = &[
            b"a\xFFb",
            b"\xE2\x82",
            b"\xE2\x82x",
            b"\xF0\x9F\x98",
            b"\xE0\x80\xAF",
            b"\xED\xA0\x80",
            b"\xC0\xAF\xF5",
            b"\xF4\x90\x80\x80!",
            b"\x80\x80\xE2\x82\xAC\xE2",
        ];
        for bytes in cases {
            let want = String::from_utf8_lossy(bytes).into_owned();
            for at in 0..=bytes.len() {
                let (a, b) = bytes.split_at(at);
                assert_eq!(
                    stream(UTF_8, &[a, b], 4),
                    (want.clone(), true),
                    "{bytes:x?} at {at}"
                );
            }
        }
    }

    #[test]
    fn dst_stays_valid_utf8_after_overwriting_a_wider_character() {
        let mut buffer = "€€".to_owned();
        let (_, _, written, _) =
            UTF_8
                .new_decoder_without_bom_handling()
                .decode_to_str(b"a", &mut buffer, true);
        assert_eq!(&buffer[..written], "a");
        assert!(std::str::from_utf8(buffer.as_bytes()).is_ok());
    }

    #[test]
    fn windows_1252_round_trips_and_references_the_unmappable() {
        let bytes: Vec<u8> = (0..=255).collect();
        let (text, malformed) = WINDOWS_1252.decode_without_bom_handling(&bytes);
        assert!(!malformed);
        assert_eq!(text.chars().nth(0x80), Some('€'));
        assert_eq!(WINDOWS_1252.encode(&text).0, &bytes[..]);
        assert_eq!(
            stream(WINDOWS_1252, &[&bytes[..100], &bytes[100..]], 4).0,
            text
        );
        let (out, _, unmappable) = WINDOWS_1252.encode("café ✓");
        assert_eq!((&out[..], unmappable), (&b"caf\xE9 &#10003;"[..], true));
        let mut dst = [0; 6];
        let (result, read, written, _) = WINDOWS_1252
            .new_encoder()
            .encode_from_utf8("é✓", &mut dst, false);
        assert_eq!((result, read, written), (CoderResult::OutputFull, 2, 1));
    }

    #[test]
    fn labels_and_boms() {
        assert_eq!(Encoding::for_label(b" Latin1\n"), Some(WINDOWS_1252));
        assert_eq!(Encoding::for_label(b"UTF8"), Some(UTF_8));
        assert_eq!(Encoding::for_label(b"shift_jis"), None);
        assert_eq!(Encoding::for_label_no_replacement(b"iso-2022-kr"), None);
        assert_eq!(Encoding::for_bom(b"\xEF\xBB\xBFx"), Some((UTF_8, 3)));
        assert_eq!(Encoding::for_bom(b"\xFF\xFEx"), None);
        let (text, encoding, _) = WINDOWS_1252.decode(b"\xEF\xBB\xBF\xC3\xA9");
        assert_eq!((&*text, encoding), ("é", UTF_8));
        assert_eq!(Encoding::ascii_valid_up_to(b"abc\xC3\xA9"), 3);
    }
}
