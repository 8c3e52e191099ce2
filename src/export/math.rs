//! Formulas (`<math>`, MathML) in the exports that cannot show MathML as it is.
//!
//! The sanitiser keeps a formula's presentation MathML and, when the page had it, its TeX
//! source in `<annotation encoding="application/x-tex">`. Markdown writes the TeX between
//! dollar signs, which the Markdown tools that render maths read; without TeX, and in plain
//! text, a formula reads as its tokens in order (`x = - b ± b 2 - 4 a c`), which loses the
//! layout but none of the symbols.

use super::dom::{Element, Node};
use crate::sanitize::TEX;

/// The formula's TeX, trimmed, when it has some that can stand between dollar signs: no
/// dollar sign of its own, and on one line unless a `%` comment needs its line end.
pub(crate) fn tex(math: &Element) -> Option<String> {
    let annotation = math.find(&|e| e.tag == "annotation" && e.attr("encoding") == Some(TEX))?;
    let mut raw = String::new();
    for child in &annotation.children {
        if let Node::Text(t) = child {
            raw.push_str(t);
        }
    }
    let raw = raw.trim();
    if raw.is_empty() || raw.contains('$') || has_comment(raw) {
        return None;
    }
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether the formula is shown as a block of its own (`display="block"`).
pub(crate) fn is_block(math: &Element) -> bool {
    math.attr("display")
        .is_some_and(|d| d.trim().eq_ignore_ascii_case("block"))
}

/// The formula's shown text, token by token, one space apart (the annotation is not shown).
pub(crate) fn linear(math: &Element) -> String {
    let mut words = Vec::new();
    tokens(math, &mut words);
    words.join(" ")
}

fn tokens<'a>(e: &'a Element, words: &mut Vec<&'a str>) {
    for child in &e.children {
        match child {
            Node::Text(t) => words.extend(t.split_whitespace()),
            Node::Element(c) if c.tag == "annotation" => {}
            Node::Element(c) => tokens(c, words),
        }
    }
}

/// The formula as MathML 3 for an EPUB content document, or `None` when its shape is not
/// one MathML 3 allows (a fraction without two parts, text outside a token), which epubcheck
/// would reject: the caller then writes [`linear`] text. Only MathML's presentation elements
/// are written, each with the attributes of fixed words MathML 3 gives it; lengths and
/// spacings, whose grammar is long, are left to the reading system's defaults.
pub(crate) fn mathml(math: &Element) -> Option<String> {
    let mut out = String::from("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"");
    if is_block(math) {
        out.push_str(" display=\"block\"");
    }
    out.push('>');
    layout_children(math, &mut out)?;
    out.push_str("</math>");
    Some(out)
}

/// How an element's children are shaped in MathML 3.
#[derive(Clone, Copy)]
enum Shape {
    /// `mi`, `mo`…: text only.
    Token,
    /// `mspace`, `none`, `mprescripts`: nothing.
    Empty,
    /// Any number of expressions.
    Row,
    /// Exactly this many expressions.
    Args(usize),
    /// A presentation expression, then annotations.
    Semantics,
    /// A base, then pairs of scripts, with one `mprescripts` between post- and prescripts.
    Multiscripts,
    /// Rows of a table (`mtr`), or a row's cells (`mtd`).
    Only(&'static str),
}

/// Attribute values of fixed words.
const BOOLEAN: &[&str] = &["true", "false"];
const VARIANTS: &[&str] = &[
    "normal",
    "bold",
    "italic",
    "bold-italic",
    "double-struck",
    "bold-fraktur",
    "script",
    "bold-script",
    "fraktur",
    "sans-serif",
    "bold-sans-serif",
    "sans-serif-italic",
    "sans-serif-bold-italic",
    "monospace",
];
const FORMS: &[&str] = &["prefix", "infix", "postfix"];
const NOTATIONS: &[&str] = &[
    "longdiv",
    "actuarial",
    "radical",
    "box",
    "roundedbox",
    "circle",
    "left",
    "right",
    "top",
    "bottom",
    "updiagonalstrike",
    "downdiagonalstrike",
    "verticalstrike",
    "horizontalstrike",
    "madruwb",
    "updiagonalarrow",
    "phasorangle",
];
const COLUMN_ALIGN: &[&str] = &["left", "center", "right"];
const ROW_ALIGN: &[&str] = &["top", "bottom", "center", "baseline", "axis"];

/// What a value may be: one of the words, or a space-separated list of them.
#[derive(Clone, Copy)]
enum Value {
    One(&'static [&'static str]),
    List(&'static [&'static str]),
    Count,
}

type Attrs = &'static [(&'static str, Value)];

const TOKEN_ATTRS: Attrs = &[("mathvariant", Value::One(VARIANTS))];
const MO_ATTRS: Attrs = &[
    ("mathvariant", Value::One(VARIANTS)),
    ("form", Value::One(FORMS)),
    ("fence", Value::One(BOOLEAN)),
    ("separator", Value::One(BOOLEAN)),
    ("stretchy", Value::One(BOOLEAN)),
    ("symmetric", Value::One(BOOLEAN)),
    ("largeop", Value::One(BOOLEAN)),
    ("movablelimits", Value::One(BOOLEAN)),
    ("accent", Value::One(BOOLEAN)),
];
const CELL_ATTRS: Attrs = &[
    ("columnalign", Value::One(COLUMN_ALIGN)),
    ("rowalign", Value::One(ROW_ALIGN)),
    ("columnspan", Value::Count),
    ("rowspan", Value::Count),
];

/// MathML 3's presentation elements the sanitiser keeps: shape and attributes.
fn element(tag: &str) -> Option<(Shape, Attrs)> {
    use Shape::*;
    Some(match tag {
        "mi" | "mn" | "ms" | "mtext" => (Token, TOKEN_ATTRS),
        "mo" => (Token, MO_ATTRS),
        "annotation" => (Token, &[]),
        "mspace" | "none" | "mprescripts" => (Empty, &[]),
        "mrow" | "msqrt" | "merror" | "mpadded" | "mphantom" | "mfenced" => (Row, &[]),
        "mstyle" => (
            Row,
            &[
                ("displaystyle", Value::One(BOOLEAN)),
                ("mathvariant", Value::One(VARIANTS)),
            ],
        ),
        "menclose" => (Row, &[("notation", Value::List(NOTATIONS))]),
        "mtd" => (Row, CELL_ATTRS),
        "mfrac" | "mroot" | "msub" | "msup" => (Args(2), &[]),
        "munder" => (Args(2), &[("accentunder", Value::One(BOOLEAN))]),
        "mover" => (Args(2), &[("accent", Value::One(BOOLEAN))]),
        "msubsup" => (Args(3), &[]),
        "munderover" => (
            Args(3),
            &[
                ("accent", Value::One(BOOLEAN)),
                ("accentunder", Value::One(BOOLEAN)),
            ],
        ),
        "semantics" => (Semantics, &[]),
        "mmultiscripts" => (Multiscripts, &[]),
        "mtable" => (
            Only("mtr"),
            &[
                ("columnalign", Value::List(COLUMN_ALIGN)),
                ("rowalign", Value::List(ROW_ALIGN)),
            ],
        ),
        "mtr" | "mlabeledtr" => (
            Only("mtd"),
            &[
                ("columnalign", Value::List(COLUMN_ALIGN)),
                ("rowalign", Value::One(ROW_ALIGN)),
            ],
        ),
        _ => return None,
    })
}

/// Writes the element children of a row-like element, which must all be expressions.
fn layout_children(e: &Element, out: &mut String) -> Option<()> {
    for child in &e.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Text(_) => return None,
            Node::Element(c) => expression(c, out)?,
        }
    }
    Some(())
}

/// The element children, whitespace between them dropped; `None` if there is other text.
fn element_children(e: &Element) -> Option<Vec<&Element>> {
    let mut all = Vec::new();
    for child in &e.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Text(_) => return None,
            Node::Element(c) => all.push(c),
        }
    }
    Some(all)
}

/// An expression: any element but a table's parts, an annotation and the script markers.
fn expression(e: &Element, out: &mut String) -> Option<()> {
    if matches!(
        e.tag.as_str(),
        "mtr" | "mlabeledtr" | "mtd" | "annotation" | "none" | "mprescripts"
    ) {
        return None;
    }
    write(e, out)
}

fn write(e: &Element, out: &mut String) -> Option<()> {
    let (shape, attrs) = element(&e.tag)?;
    out.push('<');
    out.push_str(&e.tag);
    for (name, value) in attrs {
        if let Some(v) = e.attr(name).and_then(|v| allowed(v, *value)) {
            super::xhtml::attr(out, name, &v);
        }
    }
    if e.tag == "annotation" {
        super::xhtml::attr(out, "encoding", TEX);
    }
    out.push('>');
    match shape {
        Shape::Token => {
            for child in &e.children {
                match child {
                    Node::Text(t) => super::xhtml::text(t, out),
                    Node::Element(_) => return None,
                }
            }
        }
        Shape::Empty => {
            element_children(e).filter(|c| c.is_empty())?;
        }
        Shape::Row => layout_children(e, out)?,
        Shape::Args(n) => {
            let args = element_children(e).filter(|c| c.len() == n)?;
            for a in args {
                expression(a, out)?;
            }
        }
        Shape::Semantics => {
            let parts = element_children(e)?;
            let (first, rest) = parts.split_first()?;
            expression(first, out)?;
            for a in rest {
                if a.tag != "annotation" {
                    return None;
                }
                write(a, out)?;
            }
        }
        Shape::Multiscripts => {
            let parts = element_children(e)?;
            let (base, scripts) = parts.split_first()?;
            expression(base, out)?;
            let mut side = 0;
            for (i, s) in scripts.iter().enumerate() {
                if s.tag == "mprescripts" {
                    // Once, after whole pairs.
                    if side % 2 != 0 || scripts[..i].iter().any(|p| p.tag == "mprescripts") {
                        return None;
                    }
                    write(s, out)?;
                    side = 0;
                } else {
                    side += 1;
                    if s.tag == "none" {
                        write(s, out)?;
                    } else {
                        expression(s, out)?;
                    }
                }
            }
            if side % 2 != 0 {
                return None;
            }
        }
        Shape::Only(tag) => {
            let parts = element_children(e)?;
            for p in parts {
                if p.tag != tag && !(tag == "mtr" && p.tag == "mlabeledtr") {
                    return None;
                }
                write(p, out)?;
            }
        }
    }
    out.push_str("</");
    out.push_str(&e.tag);
    out.push('>');
    Some(())
}

/// The value, normalised, when it is one MathML 3 allows for the attribute.
fn allowed(raw: &str, value: Value) -> Option<String> {
    let v = raw.trim();
    match value {
        Value::One(words) => words.contains(&v).then(|| v.to_string()),
        Value::List(words) => {
            let list: Vec<&str> = v.split_ascii_whitespace().collect();
            (!list.is_empty() && list.iter().all(|w| words.contains(w))).then(|| list.join(" "))
        }
        Value::Count => v
            .parse::<u16>()
            .ok()
            .filter(|n| *n >= 1)
            .map(|n| n.to_string()),
    }
}

/// A `%` that TeX reads as a comment (not `\%`), which joining lines would extend.
fn has_comment(tex: &str) -> bool {
    let mut escaped = false;
    for c in tex.chars() {
        match c {
            '%' if !escaped => return true,
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(tag: &str, attrs: &[(&str, &str)], children: Vec<Node>) -> Element {
        Element {
            tag: tag.into(),
            attrs: attrs
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            children,
        }
    }

    fn t(s: &str) -> Node {
        Node::Text(s.into())
    }

    fn formula(tex_source: &str) -> Element {
        let sup = el(
            "msup",
            &[],
            vec![
                Node::Element(el("mi", &[], vec![t("x")])),
                Node::Element(el("mn", &[], vec![t("2")])),
            ],
        );
        let annotation = el("annotation", &[("encoding", TEX)], vec![t(tex_source)]);
        el(
            "math",
            &[("display", "block")],
            vec![Node::Element(el(
                "semantics",
                &[],
                vec![Node::Element(sup), Node::Element(annotation)],
            ))],
        )
    }

    #[test]
    fn tex_is_the_annotation_on_one_line() {
        assert_eq!(tex(&formula(" x^2\n + 1 ")).as_deref(), Some("x^2 + 1"));
        assert!(is_block(&formula("x")));
        assert_eq!(linear(&formula("x^2")), "x 2");
    }

    #[test]
    fn tex_that_cannot_stand_between_dollars_is_not_used() {
        assert_eq!(tex(&formula("a $ b")), None);
        assert_eq!(tex(&formula("a % note\n + b")), None);
        assert_eq!(tex(&formula("   ")), None);
        assert_eq!(tex(&formula(r"50\% + x")).as_deref(), Some(r"50\% + x"));
        let no_annotation = el(
            "math",
            &[],
            vec![Node::Element(el("mi", &[], vec![t("y")]))],
        );
        assert_eq!(tex(&no_annotation), None);
        assert_eq!(linear(&no_annotation), "y");
    }
}
