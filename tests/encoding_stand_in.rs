//! The WebAssembly core is built with a stand-in for encoding_rs (wasm/encoding_rs_utf8: UTF-8
//! and windows-1252 only, for size). Native builds have the real crate, so this checks the
//! stand-in against it on what the stand-in claims to do: streamed UTF-8 with malformed bytes
//! and sequences split at every point, windows-1252 both ways, labels, and ASCII prefixes.

#[allow(dead_code)]
#[path = "../wasm/encoding_rs_utf8/src/lib.rs"]
mod stand_in;

use encoding_rs as real;

/// A small deterministic generator: byte soups that are mostly UTF-8, with the usual ways of
/// being malformed mixed in.
struct Soup(u64);

impl Soup {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        const PIECES: &[&[u8]] = &[
            b"a",
            b"<p>",
            "é".as_bytes(),
            "€".as_bytes(),
            "😀".as_bytes(),
            "日本".as_bytes(),
            b"\xFF",
            b"\x80",
            b"\xC3",
            b"\xE2\x82",
            b"\xF0\x9F\x98",
            b"\xED\xA0\x80",
            b"\xE0\x80",
            b"\xF4\x90",
            b"\xC0\xAF",
            b"\xEF\xBB\xBF",
        ];
        let mut out = Vec::new();
        while out.len() < len {
            let n = self.next();
            if n % 5 == 0 {
                out.push((n >> 8) as u8);
            } else {
                out.extend_from_slice(PIECES[(n >> 8) as usize % PIECES.len()]);
            }
        }
        out
    }
}

fn real_stream(encoding: &'static real::Encoding, chunks: &[&[u8]], room: usize) -> (String, bool) {
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
            if result == real::CoderResult::InputEmpty {
                break;
            }
        }
    }
    (text, malformed)
}

fn stand_in_stream(
    encoding: &'static stand_in::Encoding,
    chunks: &[&[u8]],
    room: usize,
) -> (String, bool) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buffer = "\0".repeat(room);
    let (mut text, mut malformed) = (String::new(), false);
    for (i, chunk) in chunks.iter().enumerate() {
        let last = i + 1 == chunks.len();
        let mut chunk = *chunk;
        loop {
            let (result, read, written, bad) = decoder.decode_to_str(chunk, &mut buffer, last);
            assert!(std::str::from_utf8(buffer.as_bytes()).is_ok());
            text.push_str(&buffer[..written]);
            malformed |= bad;
            chunk = &chunk[read..];
            if result == stand_in::CoderResult::InputEmpty {
                break;
            }
            assert!(read > 0 || written > 0, "the stand-in made no progress");
        }
    }
    (text, malformed)
}

#[test]
fn streamed_utf8_matches_encoding_rs() {
    let mut soup = Soup(0x9E37_79B9_7F4A_7C15);
    for len in [1, 2, 3, 5, 8, 13, 40, 200] {
        for _ in 0..30 {
            let bytes = soup.bytes(len);
            let (whole, whole_bad) = real::UTF_8.decode_without_bom_handling(&bytes);
            let (mine, mine_bad) = stand_in::UTF_8.decode_without_bom_handling(&bytes);
            assert_eq!((&*mine, mine_bad), (&*whole, whole_bad), "{bytes:x?}");
            for at in 0..=bytes.len() {
                let (a, b) = bytes.split_at(at);
                let c = soup.next() as usize % (b.len() + 1);
                let (b, c) = b.split_at(c);
                for room in [4, 7, 1024] {
                    let want = real_stream(real::UTF_8, &[a, b, c], room);
                    assert_eq!(want.0, whole, "encoding_rs itself, {bytes:x?}");
                    let got = stand_in_stream(stand_in::UTF_8, &[a, b, c], room);
                    assert_eq!(got, want, "{bytes:x?} split at {at}, room {room}");
                }
            }
        }
    }
}

#[test]
fn windows_1252_matches_encoding_rs() {
    let bytes: Vec<u8> = (0..=255).collect();
    let want = real::WINDOWS_1252.decode_without_bom_handling(&bytes);
    let got = stand_in::WINDOWS_1252.decode_without_bom_handling(&bytes);
    assert_eq!((&*got.0, got.1), (&*want.0, want.1));
    assert_eq!(
        stand_in_stream(stand_in::WINDOWS_1252, &[&bytes[..77], &bytes[77..]], 5),
        real_stream(real::WINDOWS_1252, &[&bytes[..77], &bytes[77..]], 5)
    );
    let mut text: String = (0..0x3000u32).filter_map(char::from_u32).collect();
    text.push_str("😀 done");
    let want = real::WINDOWS_1252.encode(&text);
    let got = stand_in::WINDOWS_1252.encode(&text);
    assert_eq!(
        (&*got.0, got.1.name(), got.2),
        (&*want.0, want.1.name(), want.2)
    );
    for word in ["café", "naïve ✓ “quoted” – €5", "plain"] {
        let mut dst = [0u8; 64];
        let mut want = [0u8; 64];
        let g = stand_in::WINDOWS_1252
            .new_encoder()
            .encode_from_utf8(word, &mut dst, false);
        let w = real::WINDOWS_1252
            .new_encoder()
            .encode_from_utf8(word, &mut want, false);
        assert_eq!((g.1, g.2, g.3), (w.1, w.2, w.3), "{word}");
        assert_eq!(dst[..g.2], want[..w.2], "{word}");
    }
}

#[test]
fn labels_match_encoding_rs_or_are_unknown() {
    let labels = [
        "utf-8",
        " UTF8 ",
        "unicode-1-1-utf-8",
        "latin1",
        "ISO-8859-1",
        "ascii",
        "us-ascii",
        "windows-1252",
        "x-cp1252",
        "l1",
        "cp819",
        "\tiso_8859-1:1987\n",
        "windows-1251",
        "shift_jis",
        "euc-kr",
        "gbk",
        "big5",
        "utf-16",
        "utf-16le",
        "iso-2022-jp",
        "replacement",
        "koi8-r",
        "nonsense",
        "",
    ];
    for label in labels {
        let want = real::Encoding::for_label_no_replacement(label.as_bytes()).map(|e| e.name());
        let got = stand_in::Encoding::for_label(label.as_bytes()).map(|e| e.name());
        match got {
            Some(name) => assert_eq!(Some(name), want, "{label:?}"),
            None => assert!(
                !matches!(want, Some("UTF-8" | "windows-1252")),
                "{label:?} is {want:?} in encoding_rs"
            ),
        }
    }
    for bytes in [&b"abc\xC3\xA9"[..], b"", b"plain", b"\xFF"] {
        assert_eq!(
            stand_in::Encoding::ascii_valid_up_to(bytes),
            real::Encoding::ascii_valid_up_to(bytes)
        );
    }
    let with_bom = b"\xEF\xBB\xBFcaf\xC3\xA9";
    let want = real::WINDOWS_1252.decode(with_bom);
    let got = stand_in::WINDOWS_1252.decode(with_bom);
    assert_eq!(
        (&*got.0, got.1.name(), got.2),
        (&*want.0, want.1.name(), want.2)
    );
}
