//! WebAssembly bindings of fairlint (npm package `fairlint`).
//!
//! Thin, like every binding: unpack the JS arguments, call `fair-core`, convert the report to a
//! plain JS object (the JSON report, no ES `Map`s: see `errors::to_js` for why through
//! `JSON.parse` rather than `serde-wasm-bindgen`) and map core errors to the `Error` subclasses
//! of `js/errors.js`. The TypeScript types of everything exported are in [`types`].

mod engine;
mod errors;
mod types;

pub use engine::Engine;

use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated: a panic (a bug) is logged with its message and stack
/// through `console.error` before the WebAssembly trap surfaces as a `RuntimeError`.
#[wasm_bindgen(start, skip_typescript)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The fairlint version (same as `report.fairlint_version`).
#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The bundled profiles: `[{id, version, description, conforms_to}]`, the default first.
#[wasm_bindgen(skip_typescript)]
pub fn profiles() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = fair_core::profiles::PROFILES
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id,
                "version": p.version,
                "description": p.description,
                "conforms_to": p.conforms_to,
            })
        })
        .collect();
    errors::to_js(&list)
}
