//! The WebAssembly face of the crate, for the extension's background context.
//!
//! Deliberately thin: it converts JS values to [`Options`] and an [`Article`] back to a plain
//! JS object, and turns [`Error`]s into JS `Error`s whose message is the reader-facing
//! `Display` text. Everything else lives in the platform-neutral crate so the CLI, the tests
//! and the extension share one code path.
//!
//! [`Article`]: crate::Article
//! [`Error`]: crate::Error

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{export, Article, Options};

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
    // `json_compatible` writes `None` as `null` (not `undefined`) and maps as plain objects,
    // so the extension sees exactly what `quietpage extract --format json` prints.
    article
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("the article could not be handed to the page: {e}")))
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
    let article: Article = serde_wasm_bindgen::from_value(article)
        .map_err(|e| JsError::new(&format!("not an article: {e}")))?;
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
    let file = js_sys::Object::new();
    for (key, value) in [
        ("filename", JsValue::from(export::filename(&article, ext))),
        ("mime", JsValue::from(mime)),
        ("data", data),
    ] {
        js_sys::Reflect::set(&file, &JsValue::from(key), &value)
            .map_err(|_| JsError::new("the export could not be handed to the page"))?;
    }
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

fn options_from_js(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))
}
