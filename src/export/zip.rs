//! A store-only ZIP writer, enough for EPUB.
//!
//! Hand-written on purpose: EPUB requires the first entry (`mimetype`) stored uncompressed,
//! and an article's chapter is tens of kilobytes, so compression would save little while a
//! deflate implementation would add tens of KB to the wasm build that must stay small. The
//! format is three fixed records (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16) plus CRC-32.
//!
//! Output is deterministic: every entry carries the DOS timestamp 1980-01-01 00:00.

pub(crate) struct Writer {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 in MS-DOS date format (year-1980 << 9 | month << 5 | day); time 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

impl Writer {
    pub fn new() -> Self {
        Writer {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
        }
    }

    /// Adds a stored (uncompressed) file. Sizes past 4 GiB would need ZIP64, which an article
    /// (the core refuses pages over its input limit) never reaches; they saturate instead of
    /// wrapping or panicking.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        let name = &name.as_bytes()[..usize::from(name_len)];
        let offset = u32::try_from(self.out.len()).unwrap_or(u32::MAX);

        // Local file header.
        put32(&mut self.out, 0x0403_4b50);
        put16(&mut self.out, 10); // version needed: 1.0, stored
        put16(&mut self.out, 0); // flags
        put16(&mut self.out, 0); // method: stored
        put16(&mut self.out, DOS_TIME);
        put16(&mut self.out, DOS_DATE);
        put32(&mut self.out, crc);
        put32(&mut self.out, size); // compressed size
        put32(&mut self.out, size); // uncompressed size
        put16(&mut self.out, name_len);
        put16(&mut self.out, 0); // no extra field (EPUB requires none on mimetype)
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);

        // Central directory entry.
        put32(&mut self.central, 0x0201_4b50);
        put16(&mut self.central, 20); // made by: MS-DOS, spec 2.0
        put16(&mut self.central, 10);
        put16(&mut self.central, 0);
        put16(&mut self.central, 0);
        put16(&mut self.central, DOS_TIME);
        put16(&mut self.central, DOS_DATE);
        put32(&mut self.central, crc);
        put32(&mut self.central, size);
        put32(&mut self.central, size);
        put16(&mut self.central, name_len);
        put16(&mut self.central, 0); // extra
        put16(&mut self.central, 0); // comment
        put16(&mut self.central, 0); // disk
        put16(&mut self.central, 0); // internal attributes
        put32(&mut self.central, 0); // external attributes
        put32(&mut self.central, offset);
        self.central.extend_from_slice(name);
        self.entries = self.entries.saturating_add(1);
    }

    pub fn finish(mut self) -> Vec<u8> {
        let offset = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
        let size = u32::try_from(self.central.len()).unwrap_or(u32::MAX);
        self.out.append(&mut self.central);
        // End of central directory record.
        put32(&mut self.out, 0x0605_4b50);
        put16(&mut self.out, 0);
        put16(&mut self.out, 0);
        put16(&mut self.out, self.entries);
        put16(&mut self.out, self.entries);
        put32(&mut self.out, size);
        put32(&mut self.out, offset);
        put16(&mut self.out, 0); // comment length
        self.out
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), table built at compile time.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn layout() {
        let mut w = Writer::new();
        w.add("mimetype", b"application/epub+zip");
        let zip = w.finish();
        assert_eq!(&zip[..4], b"PK\x03\x04");
        assert_eq!(&zip[30..38], b"mimetype");
        assert_eq!(&zip[38..58], b"application/epub+zip");
        assert_eq!(&zip[zip.len() - 22..zip.len() - 18], b"PK\x05\x06");
    }
}
