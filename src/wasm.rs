//! The WebAssembly face of the crate, for the extension's background context.
//!
//! Deliberately thin: it converts JS values to [`Options`] and an [`Article`] back to a plain
//! JS object, and turns [`Error`]s into JS `Error`s whose message is the reader-facing
//! `Display` text. Everything else lives in the platform-neutral crate so the CLI, the tests
//! and the extension share one code path.
//!
//! The conversions are written out over `js_sys::Reflect` rather than derived through
//! serde-wasm-bindgen: the three shapes are small and fixed, and serde's generic
//! (de)serialisers for them cost 5 KB of the gzipped module, whose budget is 300 KB
//! (BENCHMARKS.md, twenty-ninth session).
//!
//! [`Article`]: crate::Article
//! [`Error`]: crate::Error

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{export, Article, Options, Removed, SiteRule};

/// Extracts the article from a page's serialised DOM.
///
/// `options` is a plain object with the fields of [`Options`] (snake_case, any subset);
/// `undefined` or `null` means the defaults. The result is a plain object with the same
/// fields, names and `null`s as the CLI's JSON output.
#[wasm_bindgen]
pub fn extract(html: String, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    let article = crate::extract(&html, url.as_deref(), &options)
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(article_to_js(article))
}

/// Exports an article as a file: `{ filename, mime, data }`, where `data` is a string for
/// `md`, `html` and `txt` and a `Uint8Array` for `epub` (the background turns that into
/// base64 for its callers).
///
/// `article` is the object [`extract`] returned, handed back by the background. Handing it
/// back, rather than keeping the last article per tab in here, keeps the module stateless:
/// the browser may stop the background (and drop this instance) at any time, the background
/// already holds the article it shows, and a trap's reset cannot lose anything. The cost is
/// one more conversion of the article, small next to the export itself.
#[wasm_bindgen(js_name = exportArticle)]
pub fn export_article(article: JsValue, format: &str) -> Result<JsValue, JsError> {
    let article =
        article_from_js(&article).map_err(|e| JsError::new(&format!("not an article: {e}")))?;
    let (ext, mime, data): (&str, &str, JsValue) = match format {
        "md" => ("md", "text/markdown", export::to_markdown(&article).into()),
        "html" => (
            "html",
            "text/html",
            export::to_html_document(&article).into(),
        ),
        "txt" => ("txt", "text/plain", export::to_text(&article).into()),
        "epub" => (
            "epub",
            "application/epub+zip",
            js_sys::Uint8Array::from(export::to_epub(&article).as_slice()).into(),
        ),
        other => {
            return Err(JsError::new(&format!(
                "unknown export format {other:?} (md, html, txt or epub)"
            )))
        }
    };
    let file = Object::new();
    set(&file, "filename", export::filename(&article, ext).into());
    set(&file, "mime", mime.into());
    set(&file, "data", data);
    Ok(file.into())
}

/// Whether a page's serialised DOM probably holds an article (see
/// [`crate::probably_readable`]): the question automatic cleanup asks before opening the view.
/// `options` as for [`extract`] (its limits apply).
#[wasm_bindgen(js_name = probablyReadable)]
pub fn probably_readable(html: String, options: JsValue) -> Result<bool, JsError> {
    let options = options_from_js(options)?;
    crate::probably_readable(&html, &options).map_err(|e| JsError::new(&e.to_string()))
}

/// Checks a selector a user typed for a site rule: `undefined` when the core can apply it, else
/// the reason it cannot, in words to show beside the field.
#[wasm_bindgen(js_name = checkSelector)]
pub fn check_selector(selector: &str) -> Option<String> {
    crate::check_selector(selector).err().map(|e| e.to_string())
}

/// The crate's version, so the extension can tell which core it runs.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The fields of [`Article`] that may be absent, by their names in the CLI's JSON, in its order.
fn optional_texts(article: &mut Article) -> [(&'static str, &mut Option<String>); 10] {
    [
        ("title", &mut article.title),
        ("byline", &mut article.byline),
        ("published", &mut article.published),
        ("site_name", &mut article.site_name),
        ("lang", &mut article.lang),
        ("dir", &mut article.dir),
        ("excerpt", &mut article.excerpt),
        ("lead_image", &mut article.lead_image),
        ("lead_caption", &mut article.lead_caption),
        ("url", &mut article.url),
    ]
}

fn texts(article: &mut Article) -> [(&'static str, &mut String); 2] {
    [
        ("content_html", &mut article.content_html),
        ("text", &mut article.text),
    ]
}

fn counts(removed: &mut Removed) -> [(&'static str, &mut u32); 10] {
    [
        ("navigation", &mut removed.navigation),
        ("footer", &mut removed.footer),
        ("paywall", &mut removed.paywall),
        ("signin", &mut removed.signin),
        ("cookie", &mut removed.cookie),
        ("share", &mut removed.share),
        ("related", &mut removed.related),
        ("ads", &mut removed.ads),
        ("comments", &mut removed.comments),
        ("hidden", &mut removed.hidden),
    ]
}

/// The article as a plain object with the names, order and `null`s of `quietpage extract
/// --format json`, so the extension sees exactly what the CLI prints.
fn article_to_js(mut article: Article) -> JsValue {
    let object = Object::new();
    for (key, value) in optional_texts(&mut article) {
        set(
            &object,
            key,
            value.take().map_or(JsValue::NULL, JsValue::from),
        );
    }
    for (key, value) in texts(&mut article) {
        set(&object, key, std::mem::take(value).into());
    }
    set(&object, "word_count", (article.word_count as f64).into());
    set(&object, "reading_minutes", article.reading_minutes.into());
    let removed = Object::new();
    for (key, value) in counts(&mut article.removed) {
        set(&removed, key, (*value).into());
    }
    set(&object, "removed", removed.into());
    object.into()
}

/// An article handed back by the background. Missing fields (or `null`) take their defaults,
/// so a partial object is not an error; exporters treat every field as untrusted anyway.
fn article_from_js(value: &JsValue) -> Result<Article, String> {
    let object = as_object(value)?;
    let mut article = Article::default();
    for (key, slot) in optional_texts(&mut article) {
        *slot = text(object, key)?;
    }
    for (key, slot) in texts(&mut article) {
        *slot = text(object, key)?.unwrap_or_default();
    }
    article.word_count = count(object, "word_count")?.unwrap_or(0) as usize;
    article.reading_minutes = count(object, "reading_minutes")?.unwrap_or(0);
    if let Some(removed) = field(object, "removed") {
        let removed = as_object(&removed).map_err(|_| "`removed` is not an object".to_string())?;
        for (key, slot) in counts(&mut article.removed) {
            *slot = count(removed, key)?.unwrap_or(0);
        }
    }
    Ok(article)
}

/// Options from a plain object with the fields of [`Options`] (snake_case, any subset);
/// `undefined` or `null` means the defaults.
fn options_from_js(options: JsValue) -> Result<Options, JsError> {
    read_options(&options).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn read_options(value: &JsValue) -> Result<Options, String> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let object = as_object(value)?;
    if let Some(limit) = count(object, "max_input_bytes")? {
        options.max_input_bytes = limit as usize;
    }
    if let Some(limit) = count(object, "max_memory_bytes")? {
        options.max_memory_bytes = limit as usize;
    }
    if let Some(keep) = field(object, "keep_images") {
        options.keep_images = keep.as_bool().ok_or("`keep_images` is not true or false")?;
    }
    if let Some(rule) = field(object, "site_rule") {
        let rule = as_object(&rule).map_err(|_| "`site_rule` is not an object".to_string())?;
        let remove = match field(rule, "remove") {
            None => Vec::new(),
            Some(list) if Array::is_array(&list) => Array::from(&list)
                .iter()
                .map(|s| s.as_string().ok_or("`remove` holds a non-string"))
                .collect::<Result<_, _>>()?,
            Some(_) => return Err("`remove` is not a list".to_string()),
        };
        options.site_rule = Some(SiteRule {
            content: text(rule, "content")?,
            remove,
        });
    }
    Ok(options)
}

fn as_object(value: &JsValue) -> Result<&Object, String> {
    if value.is_object() {
        Ok(value.unchecked_ref())
    } else {
        Err("expected an object".to_string())
    }
}

/// A field's value, `None` when it is absent, `undefined` or `null`.
fn field(object: &Object, key: &str) -> Option<JsValue> {
    Reflect::get(object, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn text(object: &Object, key: &str) -> Result<Option<String>, String> {
    field(object, key)
        .map(|v| {
            v.as_string()
                .ok_or_else(|| format!("`{key}` is not a string"))
        })
        .transpose()
}

/// A whole number from 0 to 2³²−1 (every count and limit here fits).
fn count(object: &Object, key: &str) -> Result<Option<u32>, String> {
    field(object, key)
        .map(|v| match v.as_f64() {
            Some(n) if n >= 0.0 && n <= u32::MAX as f64 && n.fract() == 0.0 => Ok(n as u32),
            _ => Err(format!("`{key}` is not a whole number")),
        })
        .transpose()
}

/// Sets a field of an object this module just made: a plain `Object` has no setters or
/// freezing that could make `Reflect.set` throw.
fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &key.into(), &value);
}
