//! Python bindings of fairlint (package `fairlint`, module `fairlint._fairlint`).
//!
//! Thin: unpack arguments, call `fair-core`, convert the result, map the error. Reports and
//! findings are views over the core's values; their attributes come from the core's serde form.

mod convert;
mod engine;
mod errors;
mod report;

use pyo3::prelude::*;

#[pymodule(gil_used = false)]
fn _fairlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<engine::Engine>()?;
    m.add_class::<engine::ReportIterator>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<report::Finding>()?;
    m.add_class::<report::Severity>()?;
    m.add_class::<report::ValidationFailure>()?;
    m.add_class::<report::FixResult>()?;
    errors::init_base(py)?;
    let base = py.get_type::<errors::FairlintError>();
    m.add("FairlintError", &base)?;
    m.add("FairError", &base)?;
    for kind in errors::KINDS {
        m.add(kind.name(), kind.class(py)?)?;
    }
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
