//! The allowlist sanitiser. STUB: being written.
use crate::url::Url;

/// What the emitter needs to know to judge one element.
pub struct Context<'a> {
    /// The document's base URL (after `<base href>`), for making URLs absolute.
    pub base: Option<&'a Url>,
    pub keep_images: bool,
}

/// The verdict on one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Write the element as `tag` with these attributes (names allowlisted, values decoded,
    /// URLs absolute and of an allowed scheme). The emitter escapes values when writing.
    Keep {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
    },
    /// Leave the tag out but keep what is inside it.
    Unwrap,
    /// Leave the element and everything inside it out.
    Drop,
}

/// Judges one element. `attrs` are the element's attributes as lol_html gives them: names
/// lower-cased, values still entity-encoded.
pub fn element(tag: &str, attrs: &[(String, String)], ctx: &Context) -> Action {
    let _ = (attrs, ctx);
    match tag {
        "p" => Action::Keep { tag: "p", attrs: vec![] },
        "script" | "style" => Action::Drop,
        _ => Action::Unwrap,
    }
}

/// Escapes text for an HTML text node.
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Escapes text for a double-quoted attribute value.
pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}
