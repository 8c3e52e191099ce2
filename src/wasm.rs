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

use crate::Options;

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
