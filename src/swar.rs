//! Bytes eight at a time ("SIMD within a register"): a class of bytes becomes a mask with one
//! bit, the top of its byte, for each byte of a `u64` word in the class.
//!
//! Written by hand rather than with SIMD intrinsics: the core ships both natively and as
//! WebAssembly, whose vector instructions (`simd128`) are not x86's, and the classes the text
//! paths need (whitespace, the characters HTML escapes, controls) are a few word operations
//! each, the same on every target. Loops over single bytes cost several times as much, and
//! these run over every text node.

/// The top bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The little-endian word of eight bytes: byte `k` of the slice is byte `k` of the word, so
/// the first marked byte is `mask.trailing_zeros() / 8`.
pub fn word(bytes: &[u8; 8]) -> u64 {
    u64::from_le_bytes(*bytes)
}

/// A bit for each byte of `w` equal to `c`. Exact per byte, for any bytes: no carry crosses
/// from one byte to the next.
pub fn byte_mask(w: u64, c: u8) -> u64 {
    let x = w ^ (ONES * u64::from(c));
    !(((x & LOW7) + LOW7) | x) & HIGH
}

/// A bit for each byte of `w` below `n` (at most 0x80). Exact per byte.
pub fn below_mask(w: u64, n: u8) -> u64 {
    // A byte's low seven bits plus 0x80 - n reach 0x80 when they are n or more, and never
    // pass 0xFF; a byte with its top bit set is not below n either.
    !(((w & LOW7) + ONES * u64::from(0x80 - n)) | w) & HIGH
}

/// A bit for each byte of `w` that is ASCII whitespace as `char::is_whitespace` has it: tab to
/// carriage return, and space. Exact per byte, for any bytes.
pub fn ascii_space_mask(w: u64) -> u64 {
    let low = w & LOW7;
    // Seven bits plus 0x77 reach 0x80 when they are 0x09 or more; plus 0x72, when they are 0x0E
    // or more; neither sum passes 0xFF, so bytes stay apart.
    let from_tab = (low + ONES * 0x77) & HIGH;
    let from_after_cr = (low + ONES * 0x72) & HIGH;
    ((from_tab & !from_after_cr) | byte_mask(w, b' ')) & !(w & HIGH)
}

/// The index of the first byte at or after `from` that `mask` marks (`bytes.len()` if none).
/// `one` is asked instead of the last bytes, fewer than eight: it must mark every byte `mask`
/// would. It may mark more where the caller checks what it is given (a mask can look at a
/// byte's neighbour, a single byte cannot).
pub fn find(
    bytes: &[u8],
    from: usize,
    mask: impl Fn(u64) -> u64,
    one: impl Fn(u8) -> bool,
) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let m = chunk.try_into().map_or(0, |c| mask(word(c)));
        if m != 0 {
            return at + (m.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| one(b))
        .map_or(bytes.len(), |p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each mask against its byte predicate, for every byte at every position of a word, with
    /// neighbours that could carry or borrow into it.
    #[test]
    fn masks_are_exact_per_byte() {
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
        for fill in [0x00, 0x20, 0x7F, 0x80, 0xFF] {
            for b in 0..=255u8 {
                for k in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[k] = b;
                    let w = word(&bytes);
                    let expect = |f: &dyn Fn(u8) -> bool| {
                        bytes
                            .iter()
                            .enumerate()
                            .fold(0u64, |m, (i, &x)| m | (u64::from(f(x)) << (i * 8 + 7)))
                    };
                    assert_eq!(ascii_space_mask(w), expect(&is_space), "{bytes:?}");
                    for c in [0u8, b'&', b'"', 0x7F, 0xC2, 0xFF] {
                        assert_eq!(byte_mask(w, c), expect(&|x| x == c), "{c} {bytes:?}");
                    }
                    for n in [1u8, 0x20, 0x80] {
                        assert_eq!(below_mask(w, n), expect(&|x| x < n), "{n} {bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn find_gives_the_first_marked_byte() {
        let text = b"plain words, then <b> & more; then a long tail without any of them";
        let is = |b: u8| matches!(b, b'<' | b'&');
        let mask = |w| byte_mask(w, b'<') | byte_mask(w, b'&');
        for from in 0..=text.len() {
            let expected = text[from..]
                .iter()
                .position(|&b| is(b))
                .map_or(text.len(), |p| from + p);
            for end in from..=text.len() {
                let cut = &text[..end];
                let want = if expected < end { expected } else { end };
                assert_eq!(find(cut, from, mask, is), want, "from {from} in {end}");
            }
        }
        assert_eq!(find(text, text.len() + 3, mask, is), text.len());
    }
}
