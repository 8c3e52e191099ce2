//! The cdylib the extension loads: the main crate's `#[wasm_bindgen]` exports (`extract`,
//! `version`, in `quietpage::wasm`), linked with the encoding_rs stand-in this workspace patches
//! in. It adds no code of its own; see `wasm/Cargo.toml` for why it is a separate crate.

#[cfg(target_arch = "wasm32")]
pub use quietpage::wasm::*;
