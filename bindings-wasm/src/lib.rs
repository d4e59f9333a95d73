//! WebAssembly bindings of fairlint (npm package `fairlint`).
//!
//! Thin: unpack arguments, call `fair-core`, convert the result. The full API (options object,
//! plain-object reports, typed error classes, TypeScript types) lands with the WebAssembly
//! package issue; this first face already returns the same JSON report as the CLI.

use fair_core::{Engine as CoreEngine, Format};
use wasm_bindgen::prelude::*;

/// Checks metadata records; build once, validate many.
#[wasm_bindgen(js_name = Engine)]
pub struct Engine {
    inner: CoreEngine,
}

#[wasm_bindgen(js_class = Engine)]
impl Engine {
    /// Builds an engine with the default configuration.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Engine, JsError> {
        Ok(Engine {
            inner: CoreEngine::new().map_err(|e| JsError::new(&e.to_string()))?,
        })
    }

    /// Validates `text` and returns the JSON report as a string.
    #[wasm_bindgen(js_name = validateJson)]
    pub fn validate_json(&self, text: &str, format: Option<String>) -> Result<String, JsError> {
        let format = match format {
            Some(name) => Some(
                Format::from_name(&name)
                    .ok_or_else(|| JsError::new(&format!("unknown format '{name}'")))?,
            ),
            None => None,
        };
        self.inner
            .validate_str(text, format)
            .map(|r| fair_core::render::json(&r))
            .map_err(|e| JsError::new(&e.to_string()))
    }
}
