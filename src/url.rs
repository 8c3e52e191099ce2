//! URL parsing and resolution for links and images.
//!
//! Hand-written rather than the `url` crate: that crate brings `idna` and its Unicode tables,
//! which alone would take a large share of the 300 KB (gzipped) wasm budget, and reader mode
//! needs far less than full WHATWG URL parsing. What it does need, this module does as browsers
//! do (WHATWG URL Standard), so that what we judge is what a browser would load:
//! leading/trailing C0 controls and spaces are stripped and tabs/newlines removed anywhere
//! (the classic `java&#x09;script:` trick), the scheme and host are lower-cased, `\` counts as
//! `/` in http(s), dot segments are removed, and characters a URL may not hold are
//! percent-encoded. Hosts are not converted with IDNA (the browser does that on navigation)
//! and IPv4 shorthand is not normalised; neither changes which scheme a URL has, which is what
//! safety rests on.
use std::borrow::Cow;

/// An absolute URL, serialised in normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    serialized: String,
    /// Index of the `:` after the scheme.
    scheme_end: usize,
    /// Byte range of the host; empty when there is none.
    host_start: usize,
    host_end: usize,
    /// Where the path begins (after the authority, if any).
    path_start: usize,
    /// Index of `?`, if there is a query.
    query_start: Option<usize>,
    /// Index of `#`, if there is a fragment.
    fragment_start: Option<usize>,
}

impl Url {
    /// Parses an absolute URL; `None` when it is relative or malformed.
    pub fn parse(s: &str) -> Option<Url> {
        let s = clean(s);
        let (scheme, rest) = split_scheme(&s)?;
        parse_after_scheme(&scheme, rest)
    }

    /// Resolves `href` against this URL (RFC 3986 / WHATWG semantics); `None` when the result
    /// is not a valid URL.
    pub fn join(&self, href: &str) -> Option<Url> {
        let href = clean(href);
        match split_scheme(&href) {
            // `http:foo` on an http page is relative (WHATWG "special relative or authority").
            Some((scheme, rest)) if scheme == self.scheme() && is_special(&scheme) => {
                self.join_relative(rest)
            }
            Some((scheme, rest)) => parse_after_scheme(&scheme, rest),
            None => self.join_relative(&href),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.serialized
    }

    /// The scheme, lower-cased, without the `:`.
    pub fn scheme(&self) -> &str {
        &self.serialized[..self.scheme_end]
    }

    /// The host, lower-cased; empty when the URL has none (`mailto:`, `data:`).
    pub fn host(&self) -> &str {
        &self.serialized[self.host_start..self.host_end]
    }

    /// The path (for `mailto:`/`data:`, everything up to `?`/`#`).
    pub fn path(&self) -> &str {
        let end = self
            .query_start
            .or(self.fragment_start)
            .unwrap_or(self.serialized.len());
        &self.serialized[self.path_start..end]
    }

    /// The first value of query parameter `name`, percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        let start = self.query_start? + 1;
        let end = self.fragment_start.unwrap_or(self.serialized.len());
        self.serialized
            .get(start..end)?
            .split('&')
            .find_map(|pair| {
                let (key, value) = pair.split_once('=')?;
                (key == name).then(|| percent_decode(value).map(Cow::into_owned))?
            })
    }

    /// The fragment without its `#`, if there is one.
    pub fn fragment(&self) -> Option<&str> {
        self.fragment_start.map(|i| &self.serialized[i + 1..])
    }

    fn without_fragment(&self) -> &str {
        &self.serialized[..self.fragment_start.unwrap_or(self.serialized.len())]
    }

    /// A path that is not hierarchical (`mailto:x`, `data:...`) cannot take relative references.
    fn has_opaque_path(&self) -> bool {
        !is_special(self.scheme())
            && self.host_start == self.host_end
            && !self.serialized[self.path_start..].starts_with('/')
    }

    /// Resolves an already cleaned reference that has no scheme of its own.
    fn join_relative(&self, r: &str) -> Option<Url> {
        let b = r.as_bytes();
        let slash = |c: u8| c == b'/' || c == b'\\';
        let path_reference = match b {
            [] | [b'?' | b'#', ..] => false,
            [first, second, ..] => !(slash(*first) && slash(*second)),
            [_] => true,
        };
        if path_reference && self.host_start < self.host_end && self.is_web() {
            return Some(self.join_path(r));
        }
        self.join_by_parse(r)
    }

    fn is_web(&self) -> bool {
        matches!(self.scheme(), "http" | "https")
    }

    /// [`Url::join_relative`] for a reference that starts with its path (nearly every link and
    /// image) against an http(s) URL with a host: what a parse of the joined text would give,
    /// without that parse. The base's scheme and authority are kept as they are, being in
    /// normal form already, and hold no `?`, `#` or `\`, so the reference's query and
    /// fragment start where they start in it. A test checks that both ways agree.
    fn join_path(&self, r: &str) -> Url {
        let (path, query, fragment) = split_query_fragment(r);
        let mut out = String::with_capacity(self.path_start + r.len() + self.path().len());
        out.push_str(&self.serialized[..self.path_start]);
        let path = if path.starts_with(['/', '\\']) {
            Cow::Borrowed(path)
        } else {
            // The base's directory: its path up to the last `/` (a web URL's path starts with one).
            let base = self.path();
            let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
            Cow::Owned(format!("{dir}{path}"))
        };
        let path = if path.contains('\\') {
            Cow::Owned(path.replace('\\', "/"))
        } else {
            path
        };
        // Never empty: `path` starts with `/`, and dot segments leave at least that.
        normalize_path(&path, &mut out);
        let (query_start, fragment_start) = push_query_fragment(&mut out, query, fragment, true);
        Url {
            serialized: out,
            scheme_end: self.scheme_end,
            host_start: self.host_start,
            host_end: self.host_end,
            path_start: self.path_start,
            query_start,
            fragment_start,
        }
    }

    /// [`Url::join_relative`] by writing the joined URL out and parsing it.
    fn join_by_parse(&self, r: &str) -> Option<Url> {
        let special = is_special(self.scheme());
        let is_slash = |c: u8| c == b'/' || (special && c == b'\\');
        let b = r.as_bytes();
        if self.has_opaque_path() {
            // Only a fragment can be added to `mailto:` or `data:`.
            return match r.strip_prefix('#') {
                Some(_) => Url::parse(&format!("{}{}", self.without_fragment(), r)),
                None => None,
            };
        }
        let joined = if r.is_empty() {
            self.without_fragment().to_string()
        } else if b.len() >= 2 && is_slash(b[0]) && is_slash(b[1]) {
            format!("{}:{}", self.scheme(), r)
        } else if is_slash(b[0]) {
            format!("{}{}", &self.serialized[..self.path_start], r)
        } else if b[0] == b'?' {
            let end = self
                .query_start
                .or(self.fragment_start)
                .unwrap_or(self.serialized.len());
            format!("{}{}", &self.serialized[..end], r)
        } else if b[0] == b'#' {
            format!("{}{}", self.without_fragment(), r)
        } else {
            let path = self.path();
            let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
            let dir = if dir.is_empty() { "/" } else { dir };
            format!("{}{}{}", &self.serialized[..self.path_start], dir, r)
        };
        Url::parse(&joined)
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.serialized)
    }
}

/// Resolves a link's `href`: an absolute URL when its scheme is one a reader may follow
/// (http, https, mailto), a bare `#fragment` for in-page links, otherwise `None`.
///
/// Without a base, a relative reference stays relative (it cannot name a scheme, so it is
/// safe); `./` is put before one whose first segment holds a `:`, as RFC 3986 §4.2 asks, so no
/// reader can mistake that segment for a scheme.
pub fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = clean(href);
    if let Some(frag) = href.strip_prefix('#') {
        let mut out = String::from("#");
        encode(frag, &mut out, Set::Fragment);
        return Some(out);
    }
    let url = match (base, split_scheme(&href)) {
        (Some(base), _) => base.join(&href)?,
        (None, Some((scheme, rest))) => parse_after_scheme(&scheme, rest)?,
        (None, None) => return relative_without_base(&href),
    };
    matches!(url.scheme(), "http" | "https" | "mailto").then_some(url.serialized)
}

/// Resolves an image source: http(s), or a `data:` URL of a raster image type (never SVG,
/// which can carry script, and never `data:text/html`). `None` for anything else, including
/// fragment-only references.
pub fn resolve_image(base: Option<&Url>, src: &str) -> Option<String> {
    let src = clean(src);
    let scheme = split_scheme(&src);
    if let Some((s, rest)) = &scheme {
        if s == "data" {
            return raster_data_url(rest);
        }
    }
    if src.is_empty() || src.starts_with('#') {
        return None;
    }
    let url = match (base, scheme) {
        (Some(base), _) => base.join(&src)?,
        (None, Some((scheme, rest))) => parse_after_scheme(&scheme, rest)?,
        (None, None) => return relative_without_base(&src),
    };
    matches!(url.scheme(), "http" | "https").then_some(url.serialized)
}

/// Raster image types a `data:` URL may carry.
const DATA_IMAGE_TYPES: [&str; 6] = [
    "image/png",
    "image/gif",
    "image/jpeg",
    "image/jpg",
    "image/webp",
    "image/avif",
];

fn raster_data_url(rest: &str) -> Option<String> {
    let comma = rest.find(',')?;
    let media = &rest[..comma];
    let mime = media
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !DATA_IMAGE_TYPES.contains(&mime.as_str()) {
        return None;
    }
    let mut out = String::with_capacity(rest.len() + 5);
    out.push_str("data:");
    encode(rest, &mut out, Set::C0);
    Some(out)
}

fn relative_without_base(r: &str) -> Option<String> {
    let b = r.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'/' | b'\\') && matches!(b[1], b'/' | b'\\') {
        // Scheme-relative with nothing to inherit from: pages are served over https.
        return resolve(None, &format!("https:{r}"));
    }
    let first_segment_end = r.find(['/', '\\', '?', '#']).unwrap_or(r.len());
    let mut out = String::with_capacity(r.len() + 2);
    if r[..first_segment_end].contains(':') {
        out.push_str("./");
    }
    let (path, tail) = r.split_at(r.find(['?', '#']).unwrap_or(r.len()));
    encode(&path.replace('\\', "/"), &mut out, Set::Path);
    encode(tail, &mut out, Set::Fragment);
    Some(out)
}

/// Strips what browsers strip before parsing a URL: leading and trailing C0 controls and
/// spaces, and every tab and newline.
fn clean(s: &str) -> Cow<'_, str> {
    let s = s.trim_matches(|c: char| c <= ' ');
    // By byte: `contains` with a set of chars decodes every character, slowly in WebAssembly.
    if s.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        Cow::Owned(
            s.chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Splits `scheme:rest`; the scheme comes back lower-cased. `None` when there is no scheme,
/// i.e. the reference is relative.
fn split_scheme(s: &str) -> Option<(Cow<'_, str>, &str)> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        .count();
    if b.get(len) != Some(&b':') {
        return None;
    }
    let scheme = &s[..len];
    let scheme = if scheme.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(scheme.to_ascii_lowercase())
    } else {
        Cow::Borrowed(scheme)
    };
    Some((scheme, &s[len + 1..]))
}

fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file")
}

fn default_port(scheme: &str) -> Option<&'static str> {
    match scheme {
        "http" | "ws" => Some("80"),
        "https" | "wss" => Some("443"),
        "ftp" => Some("21"),
        _ => None,
    }
}

/// Parses what follows `scheme:` (already cleaned) into a normalised URL.
fn parse_after_scheme(scheme: &str, rest: &str) -> Option<Url> {
    let special = is_special(scheme);
    let mut out = String::with_capacity(scheme.len() + rest.len() + 8);
    out.push_str(scheme);
    out.push(':');
    let scheme_end = scheme.len();

    // Query and fragment split off first: `\` is a slash only before them.
    let (hier, query, fragment) = split_query_fragment(rest);
    let mut hier = Cow::Borrowed(hier);
    if special && hier.contains('\\') {
        hier = Cow::Owned(hier.replace('\\', "/"));
    }

    let (mut host_start, mut host_end) = (out.len(), out.len());
    let has_authority = if special {
        // http:x, http:/x and http:///x all mean host x, as in browsers.
        scheme != "file" || hier.starts_with("//")
    } else {
        hier.starts_with("//")
    };
    let path: &str = if has_authority {
        let after = hier.trim_start_matches('/');
        let end = after.find('/').unwrap_or(after.len());
        out.push_str("//");
        let (hs, he) = authority(scheme, &after[..end], &mut out)?;
        host_start = hs;
        host_end = he;
        if special && hs == he && scheme != "file" {
            return None;
        }
        &after[end..]
    } else {
        &hier
    };
    let path_start = out.len();
    if has_authority || special || path.starts_with('/') {
        if special && !path.is_empty() && !path.starts_with('/') {
            // `file:foo` and the like: rare, but keep the path hierarchical.
            normalize_path(&format!("/{path}"), &mut out);
        } else {
            normalize_path(path, &mut out);
        }
        if special && out.len() == path_start {
            out.push('/');
        }
    } else {
        encode(path, &mut out, Set::C0);
    }

    let (query_start, fragment_start) = push_query_fragment(&mut out, query, fragment, special);
    Some(Url {
        serialized: out,
        scheme_end,
        host_start,
        host_end,
        path_start,
        query_start,
        fragment_start,
    })
}

/// Splits what follows a URL's scheme as the parser does: the fragment after the first `#`,
/// then the query after the first `?` before it.
fn split_query_fragment(rest: &str) -> (&str, Option<&str>, Option<&str>) {
    let (rest, fragment) = match rest.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (rest, None),
    };
    match rest.split_once('?') {
        Some((before, query)) => (before, Some(query), fragment),
        None => (rest, None, fragment),
    }
}

/// Writes `?query` and `#fragment`, each encoded with its set, returning where each starts.
fn push_query_fragment(
    out: &mut String,
    query: Option<&str>,
    fragment: Option<&str>,
    special: bool,
) -> (Option<usize>, Option<usize>) {
    let query_start = query.map(|q| {
        let start = out.len();
        out.push('?');
        let set = if special {
            Set::SpecialQuery
        } else {
            Set::Query
        };
        encode(q, out, set);
        start
    });
    let fragment_start = fragment.map(|f| {
        let start = out.len();
        out.push('#');
        encode(f, out, Set::Fragment);
        start
    });
    (query_start, fragment_start)
}

/// Writes `userinfo@host:port`, returning the host's byte range in `out`.
fn authority(scheme: &str, auth: &str, out: &mut String) -> Option<(usize, usize)> {
    let (userinfo, hostport) = match auth.rfind('@') {
        Some(at) => (Some(&auth[..at]), &auth[at + 1..]),
        None => (None, auth),
    };
    if let Some(info) = userinfo {
        let (user, pass) = match info.find(':') {
            Some(c) => (&info[..c], Some(&info[c + 1..])),
            None => (info, None),
        };
        encode(user, out, Set::Userinfo);
        if let Some(p) = pass.filter(|p| !p.is_empty()) {
            out.push(':');
            encode(p, out, Set::Userinfo);
        }
        out.push('@');
    }
    let (host, port) = if hostport.starts_with('[') {
        let close = hostport.find(']')?;
        let port = hostport[close + 1..].strip_prefix(':');
        if port.is_none() && close + 1 != hostport.len() {
            return None;
        }
        (&hostport[..=close], port)
    } else {
        match hostport.rfind(':') {
            Some(c) => (&hostport[..c], Some(&hostport[c + 1..])),
            None => (hostport, None),
        }
    };
    let start = out.len();
    push_host(host, is_special(scheme), out)?;
    let end = out.len();
    if let Some(port) = port.filter(|p| !p.is_empty()) {
        if !port.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let digits = port.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        if digits.len() > 5 || digits.parse::<u32>().ok()? > 65535 {
            return None;
        }
        if default_port(scheme) != Some(digits) {
            out.push(':');
            out.push_str(digits);
        }
    }
    Some((start, end))
}

fn push_host(host: &str, special: bool, out: &mut String) -> Option<()> {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.is_empty()
            || !inner
                .bytes()
                .all(|c| c.is_ascii_hexdigit() || c == b':' || c == b'.')
        {
            return None;
        }
        out.push('[');
        out.push_str(&inner.to_ascii_lowercase());
        out.push(']');
        return Some(());
    }
    let decoded = if special && host.contains('%') {
        percent_decode(host)?
    } else {
        Cow::Borrowed(host)
    };
    let forbidden = |c: char| {
        c <= ' '
            || c == '\u{7f}'
            || matches!(
                c,
                '#' | '/' | ':' | '<' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '|'
            )
            || (special && c == '%')
    };
    if decoded.chars().any(forbidden) {
        return None;
    }
    if special {
        // Without IDNA, Unicode lower-casing is the closest cheap stand-in for the browser's
        // mapping; ASCII hosts (nearly all) come out exactly as a browser writes them.
        if decoded.is_ascii() {
            out.push_str(&decoded.to_ascii_lowercase());
        } else {
            out.push_str(&decoded.to_lowercase());
        }
    } else {
        encode(&decoded, out, Set::C0);
    }
    Some(())
}

fn percent_decode(s: &str) -> Option<Cow<'_, str>> {
    if !s.contains('%') {
        return Some(Cow::Borrowed(s));
    }
    let b = s.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).and_then(|&c| hex(c)),
            b.get(i + 2).and_then(|&c| hex(c)),
        ) {
            (b'%', Some(h), Some(l)) => {
                bytes.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                bytes.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(bytes).ok().map(Cow::Owned)
}

/// Writes `path` (starting with `/`, or empty) with `.` and `..` segments removed.
fn normalize_path(path: &str, out: &mut String) {
    // Most paths hold no dot segment (one starts `.` or `%2e`): they are written whole.
    if !path
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'/' && matches!(w[1], b'.' | b'%'))
    {
        encode(path, out, Set::Path);
        return;
    }
    normalize_segments(path, out);
}

/// [`normalize_path`] segment by segment.
fn normalize_segments(path: &str, out: &mut String) {
    if path.is_empty() {
        return;
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    let mut kept: Vec<&str> = Vec::with_capacity(segments.len());
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        if is_double_dot(seg) {
            kept.pop();
            if i == last {
                kept.push("");
            }
        } else if is_single_dot(seg) {
            if i == last {
                kept.push("");
            }
        } else {
            kept.push(seg);
        }
    }
    // `kept` is never empty here: a last `.` or `..` leaves an empty segment, so `/..` is `/`.
    for seg in kept {
        out.push('/');
        encode(seg, out, Set::Path);
    }
}

fn is_single_dot(s: &str) -> bool {
    s == "." || s.eq_ignore_ascii_case("%2e")
}

fn is_double_dot(s: &str) -> bool {
    match s.len() {
        2 => s == "..",
        4 => s.eq_ignore_ascii_case(".%2e") || s.eq_ignore_ascii_case("%2e."),
        6 => s.eq_ignore_ascii_case("%2e%2e"),
        _ => false,
    }
}

/// The WHATWG percent-encode sets this module needs.
#[derive(Clone, Copy)]
enum Set {
    C0,
    Fragment,
    Query,
    SpecialQuery,
    Path,
    Userinfo,
}

/// Percent-encodes what `set` does not let through, copying the rest by runs: pushing char by
/// char re-encodes each one, and most URLs need no encoding at all.
fn encode(s: &str, out: &mut String, set: Set) {
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !needs_encoding(b, set) {
            continue;
        }
        // Bytes let through are ASCII, so a run that is not empty ends on a character boundary
        // (an empty one may not: the bytes of a character are encoded one after another).
        if run < i {
            out.push_str(&s[run..i]);
        }
        out.push('%');
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
        run = i + 1;
    }
    out.push_str(&s[run..]);
}

/// Whether a byte of a URL component is percent-encoded in `set`: every byte of a non-ASCII
/// character, C0 controls and DEL always, and the set's own ASCII characters.
fn needs_encoding(b: u8, set: Set) -> bool {
    !(0x20..0x7f).contains(&b)
        || match set {
            Set::C0 => false,
            Set::Fragment => matches!(b, b' ' | b'"' | b'<' | b'>' | b'`'),
            Set::Query => matches!(b, b' ' | b'"' | b'#' | b'<' | b'>'),
            Set::SpecialQuery => matches!(b, b' ' | b'"' | b'#' | b'<' | b'>' | b'\''),
            Set::Path => {
                matches!(
                    b,
                    b' ' | b'"' | b'#' | b'<' | b'>' | b'?' | b'`' | b'{' | b'}'
                )
            }
            Set::Userinfo => matches!(
                b,
                b' ' | b'"'
                    | b'#'
                    | b'<'
                    | b'>'
                    | b'?'
                    | b'`'
                    | b'{'
                    | b'}'
                    | b'/'
                    | b':'
                    | b';'
                    | b'='
                    | b'@'
                    | b'['
                    | b'\\'
                    | b']'
                    | b'^'
                    | b'|'
            ),
        }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to `len` characters from `alphabet`.
    fn strings(alphabet: &[&str], len: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..len {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |a| format!("{s}{a}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    const ALPHABET: &[&str] = &["a", "/", ".", "%2E", "%", "e", " ", "#", "\u{7f}", "é", "€"];

    #[test]
    fn encode_by_runs_matches_char_by_char() {
        let sets = [
            Set::C0,
            Set::Fragment,
            Set::Query,
            Set::SpecialQuery,
            Set::Path,
            Set::Userinfo,
        ];
        for s in strings(ALPHABET, 4) {
            for set in sets {
                let mut expected = String::new();
                for c in s.chars() {
                    let mut buf = [0u8; 4];
                    let bytes = c.encode_utf8(&mut buf).as_bytes();
                    if bytes.iter().any(|&b| needs_encoding(b, set)) {
                        for b in bytes {
                            expected.push_str(&format!("%{b:02X}"));
                        }
                    } else {
                        expected.push(c);
                    }
                }
                let mut got = String::new();
                encode(&s, &mut got, set);
                assert_eq!(got, expected, "{s:?}");
            }
        }
    }

    /// The shortcut for path references gives what writing the joined URL out and parsing it
    /// gives, on bases with every part a web URL's authority and path can have.
    #[test]
    fn path_references_join_as_the_parse_does() {
        let bases = [
            "https://example.com",
            "HTTPS://User:P%40ss@EXAMPLE.com:0443/a/b/c.html?q=1#top",
            "http://[::1]:8080/dir/",
            "http://exä.com/ä/%2e/b;c",
            "https://@h.com/x/y/",
            "http://h.com:/a?b",
        ];
        let alphabet = &[
            "a", "/", "\\", ".", "..", "%2e", "?", "#", " ", "é", "x:", "\"", "'", "`",
        ];
        for base in bases {
            let base = Url::parse(base).unwrap();
            for r in strings(alphabet, 4) {
                let r = clean(&r);
                assert_eq!(
                    base.join_relative(&r),
                    base.join_by_parse(&r),
                    "{base} + {r:?}"
                );
            }
        }
    }

    #[test]
    fn paths_without_dot_segments_are_written_whole() {
        for s in strings(ALPHABET, 4) {
            let path = format!("/{s}");
            let (mut whole, mut by_segment) = (String::new(), String::new());
            normalize_path(&path, &mut whole);
            normalize_segments(&path, &mut by_segment);
            assert_eq!(whole, by_segment, "{path:?}");
        }
    }
}
