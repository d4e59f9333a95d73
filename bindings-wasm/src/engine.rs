//! `Engine`: build once from an options object, validate many inputs synchronously.

use crate::errors::{self, build_error, config_error, validate_error};
use fair_core::{Config, DetectFormat, Engine as CoreEngine, Format, Report, ValidateOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks metadata records; build once, validate many.
#[wasm_bindgen(js_name = Engine, skip_typescript)]
pub struct Engine {
    inner: CoreEngine,
}

#[wasm_bindgen(js_class = Engine)]
impl Engine {
    /// Builds an engine from an options object (`profile`, `shapes`, `ontologies`,
    /// `include_values`, `base_iri`, `severity`, `ignore`, `limits`, `contexts`); throws
    /// `ConfigError` / `ShapesError`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<JsValue>) -> Result<Engine, JsValue> {
        let mut options = match options {
            Some(v) if !v.is_undefined() && !v.is_null() => options_json(&v)?,
            _ => serde_json::Value::Object(serde_json::Map::new()),
        };
        let Some(map) = options.as_object_mut() else {
            return Err(config_error("options", "options must be an object"));
        };
        let shapes = graphs(map.remove("shapes"), "shapes")?;
        let ontologies = graphs(map.remove("ontologies"), "ontologies")?;
        let config = Config::from_json(&options.to_string())
            .map_err(|e| build_error(&fair_core::BuildError::from(e)))?;
        let mut builder = CoreEngine::builder().config(config);
        for (name, text) in shapes {
            builder = builder.shapes(name, text.into_bytes(), Format::Turtle);
        }
        for (name, text) in ontologies {
            let bytes = text.into_bytes();
            let format = Format::detect(None, None, Some(&name), &bytes)
                .map(|(f, _)| f)
                .unwrap_or(Format::Turtle);
            builder = builder.ontology(name, bytes, format);
        }
        let inner = builder.build().map_err(|e| build_error(&e))?;
        Ok(Engine { inner })
    }

    /// Validates `input` (a string, or a `Uint8Array` of UTF-8 bytes) and returns the report as
    /// a plain object equal to the JSON report. `format` names the format (`jsonld`, `turtle`,
    /// ...); without it the format comes from `name`'s extension, then from the content.
    /// Throws `ParseError`, `LimitError` or `ResolveError` when the input cannot be checked;
    /// poor metadata is never an exception. `base_iri`: the base of the input's relative IRIs
    /// (default `file:///`; the engine's `base_iri` option overrides it). `payload` lists an
    /// RO-Crate's files and directories (relative paths, directories ending in `/`): its local
    /// data entities must be among them (A130); without it there is no such check.
    pub fn validate(
        &self,
        input: JsValue,
        format: Option<String>,
        name: Option<String>,
        base_iri: Option<String>,
        payload: Option<Vec<String>>,
    ) -> Result<JsValue, JsValue> {
        let report = self.check(&input, format, name, base_iri, payload)?;
        errors::to_js(&report)
    }

    /// Like `validate`, but returns the report as JSON text (byte-identical to the CLI's
    /// `--format json`).
    #[wasm_bindgen(js_name = validateJson)]
    pub fn validate_json(
        &self,
        input: JsValue,
        format: Option<String>,
        name: Option<String>,
        base_iri: Option<String>,
        payload: Option<Vec<String>>,
    ) -> Result<String, JsValue> {
        let report = self.check(&input, format, name, base_iri, payload)?;
        Ok(fair_core::render::json(&report))
    }

    /// Applies the machine-applicable fixes of the record's findings and checks the result;
    /// returns `{text, applied, skipped, report}`. `options`: `{unsafe, format, name, baseIri}`
    /// (every key optional; `unsafe: true` applies fixes that change meaning too). Throws as
    /// `validate` when the record cannot be checked.
    pub fn fix(&self, input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = match options.filter(|o| !o.is_undefined() && !o.is_null()) {
            Some(o) => options_json(&o)?,
            None => serde_json::Value::Null,
        };
        let field = |key: &str| -> Result<Option<String>, JsValue> {
            match options.get(key) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(config_error(
                    key,
                    &format!("fix option '{key}' must be a string"),
                )),
            }
        };
        let r#unsafe = match options.get("unsafe") {
            None | Some(serde_json::Value::Null) => false,
            Some(serde_json::Value::Bool(b)) => *b,
            Some(_) => {
                return Err(config_error(
                    "unsafe",
                    "fix option 'unsafe' must be a boolean",
                ))
            }
        };
        let format = parse_format(field("format")?.as_deref())?;
        let name = field("name")?;
        let base_iri = field("baseIri")?;
        let bytes = input_bytes(&input)?;
        let mut load = fair_core::InputOptions::new().format(format);
        if let Some(name) = name.as_deref() {
            load = load.name(name);
        }
        if let Some(base) = base_iri.as_deref().filter(|b| !b.is_empty()) {
            load = load.base_iri(base);
        }
        let result = self
            .inner
            .fix(
                &bytes,
                &load,
                &fair_core::FixOptions::new().unsafe_fixes(r#unsafe),
            )
            .map_err(|e| validate_error(&e))?;
        errors::to_js(&result)
    }
}

/// A format name (`None` or `""`: detect it).
fn parse_format(format: Option<&str>) -> Result<Option<Format>, JsValue> {
    match format {
        None | Some("") => Ok(None),
        Some(f) => Format::from_name(f)
            .map(Some)
            .ok_or_else(|| config_error("format", &format!("unknown format '{f}'"))),
    }
}

impl Engine {
    fn check(
        &self,
        input: &JsValue,
        format: Option<String>,
        name: Option<String>,
        base_iri: Option<String>,
        payload: Option<Vec<String>>,
    ) -> Result<Report, JsValue> {
        let format = parse_format(format.as_deref())?;
        let bytes = input_bytes(input)?;
        let mut input = fair_core::InputOptions::new().format(format);
        if let Some(name) = name.as_deref() {
            input = input.name(name);
        }
        if let Some(base) = base_iri.as_deref().filter(|b| !b.is_empty()) {
            input = input.base_iri(base);
        }
        let options = match payload {
            Some(paths) => ValidateOptions::default().payload(paths.into_iter().collect()),
            None => ValidateOptions::default(),
        };
        self.inner
            .check_input_with(&bytes, &input, &options)
            .map_err(|e| validate_error(&e))
    }
}

/// The `shapes` / `ontologies` option: an array of texts, or of `{name, text}` objects (the
/// name, a file name, is used in messages and to recognise the format). Unnamed texts are
/// called `shapes[0]`, ... .
fn graphs(value: Option<serde_json::Value>, key: &str) -> Result<Vec<(String, String)>, JsValue> {
    use serde_json::Value;
    let bad = || {
        config_error(
            key,
            &format!("{key} must be an array of strings or of {{name, text}} objects"),
        )
    };
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(bad()),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(text) => Ok((format!("{key}[{i}]"), text)),
            Value::Object(mut o) => match (o.remove("name"), o.remove("text")) {
                (Some(Value::String(name)), Some(Value::String(text))) if o.is_empty() => {
                    Ok((name, text))
                }
                _ => Err(bad()),
            },
            _ => Err(bad()),
        })
        .collect()
}

/// The options object as JSON: exactly what `JSON.stringify` makes of it, so the options a
/// JS caller writes are the same as the CLI's `--config` file.
fn options_json(options: &JsValue) -> Result<serde_json::Value, JsValue> {
    let text = js_sys::JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| config_error("options", "options must be a JSON-compatible object"))?;
    serde_json::from_str(&text).map_err(|e| config_error("options", &e.to_string()))
}

/// A string is encoded as UTF-8; a `Uint8Array` (or `ArrayBuffer`) is taken as bytes, so invalid
/// UTF-8 is reported by the parser with its location.
fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = input.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(array) = input.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    Err(config_error(
        "input",
        "input must be a string, a Uint8Array or an ArrayBuffer",
    ))
}
