//! Python bindings of fairlint (package `fairlint`, module `fairlint._fairlint`).
//!
//! Thin: unpack arguments, call `fair-core`, convert the result. The full typed API (Report,
//! Finding, exception hierarchy, `validate_many`) lands with the Python package issue; this
//! first face already returns the same JSON report as the CLI.

use fair_core::{Config, Engine as CoreEngine, Format};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Checks metadata records; build once, validate many.
#[pyclass(frozen, name = "Engine", module = "fairlint")]
struct Engine {
    inner: CoreEngine,
}

#[pymethods]
impl Engine {
    /// Builds an engine. `options` is a JSON object string of engine options.
    #[new]
    #[pyo3(signature = (profile=None, options=None))]
    fn new(profile: Option<String>, options: Option<&str>) -> PyResult<Self> {
        let mut config = match options {
            Some(json) => {
                Config::from_json(json).map_err(|e| PyValueError::new_err(e.to_string()))?
            }
            None => Config::default(),
        };
        if profile.is_some() {
            config.profile = profile;
        }
        let inner = CoreEngine::builder()
            .config(config)
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Self { inner })
    }

    /// Validates `text` and returns the JSON report. `format` is `jsonld`, `turtle`, ...;
    /// default: detected from the content.
    #[pyo3(signature = (text, format=None))]
    fn validate_json(&self, py: Python<'_>, text: &str, format: Option<&str>) -> PyResult<String> {
        let format = match format {
            Some(name) => Some(
                Format::from_name(name)
                    .ok_or_else(|| PyValueError::new_err(format!("unknown format '{name}'")))?,
            ),
            None => None,
        };
        let text = text.to_owned();
        let engine = self.inner.clone();
        py.detach(move || engine.validate_str(&text, format))
            .map(|r| fair_core::render::json(&r))
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

#[pymodule]
fn _fairlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
