//! The exception hierarchy and one mapping function per core error type.
//!
//! `FairlintError` comes from `create_exception!`; its subclasses need a second, built-in base
//! (`ValueError`, `TypeError`, `OSError`), which `create_exception!` cannot express, so they are
//! created once per interpreter with `type(name, (FairlintError, Base), namespace)`. Every
//! instance carries `code` and the location attributes `line`, `column`, `pointer`, `block`
//! (`None` when unknown).

use fair_core::{BuildError, Location, ValidateError};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

create_exception!(
    fairlint,
    FairlintError,
    PyException,
    "Base class of every error fairlint raises: it could not do the job (never: the metadata \
     is poor, which is a finding). Attributes: ``code`` (stable, e.g. ``\"parse_error\"``), \
     ``line``, ``column``, ``pointer``, ``block`` (``None`` when unknown)."
);

/// One subclass of `FairlintError`.
pub(crate) struct Kind {
    name: &'static str,
    code: &'static str,
    doc: &'static str,
    cell: PyOnceLock<Py<PyType>>,
}

pub(crate) static PARSE: Kind = Kind {
    name: "ParseError",
    code: "parse_error",
    doc: "The input is not well-formed in its format (also: its format cannot be told). \
          ``line``/``column`` (1-based) for text formats, ``pointer`` (JSON Pointer) and \
          ``block`` (HTML script block) where known.",
    cell: PyOnceLock::new(),
};
pub(crate) static SHAPES: Kind = Kind {
    name: "ShapesError",
    code: "shapes_error",
    doc: "A SHACL shapes graph given to the Engine could not be parsed or compiled.",
    cell: PyOnceLock::new(),
};
pub(crate) static CONFIG: Kind = Kind {
    name: "ConfigError",
    code: "config_error",
    doc: "An option (profile, options dict, format name, parameter type) is not acceptable.",
    cell: PyOnceLock::new(),
};
pub(crate) static LIMIT: Kind = Kind {
    name: "LimitError",
    code: "limit_exceeded",
    doc: "The input went over a configured limit (``options['limits']``).",
    cell: PyOnceLock::new(),
};
pub(crate) static RESOLVE: Kind = Kind {
    name: "ResolveError",
    code: "resolve_error",
    doc: "An external resource (a JSON-LD context fairlint does not bundle) could not be had \
          offline; ``pointer`` names the reference.",
    cell: PyOnceLock::new(),
};

pub(crate) static FETCH: Kind = Kind {
    name: "FetchError",
    code: "fetch_error",
    doc: "A record checked online could not be fetched: ``url``, ``kind`` (``\"status\"``, \
          ``\"timeout\"``, ``\"too_large\"``, ``\"redirect_loop\"``, ``\"refused_address\"``, \
          ...) and ``status`` (the HTTP status, else ``None``).",
    cell: PyOnceLock::new(),
};

/// All subclasses, for module registration.
pub(crate) static KINDS: [&Kind; 6] = [&PARSE, &SHAPES, &CONFIG, &LIMIT, &RESOLVE, &FETCH];

impl Kind {
    /// The Python class (created on first use).
    pub(crate) fn class<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyType>> {
        let class = self.cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
            let builtin = match self.name {
                "ParseError" | "ShapesError" => py.get_type::<PyValueError>(),
                "ConfigError" => py.get_type::<PyTypeError>(),
                "ResolveError" | "FetchError" => py.get_type::<PyOSError>(),
                _ => py.get_type::<PyException>(),
            };
            let base = py.get_type::<FairlintError>();
            let bases = if self.name == "LimitError" {
                PyTuple::new(py, [base])?
            } else {
                PyTuple::new(py, [base, builtin])?
            };
            let namespace = PyDict::new(py);
            namespace.set_item("__module__", "fairlint")?;
            namespace.set_item("__doc__", self.doc)?;
            namespace.set_item("code", self.code)?;
            let class = py
                .get_type::<PyType>()
                .call1((self.name, bases, namespace))?
                .cast_into::<PyType>()?;
            Ok(class.unbind())
        })?;
        Ok(class.bind(py).clone())
    }

    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    /// An exception of this kind.
    pub(crate) fn err(
        &self,
        py: Python<'_>,
        message: String,
        location: Option<&Location>,
    ) -> PyErr {
        match self.class(py) {
            Ok(class) => instance(&class, message, self.code, location),
            Err(e) => e,
        }
    }
}

/// Sets the class attributes of the base class (defaults for `code` and the location).
pub(crate) fn init_base(py: Python<'_>) -> PyResult<()> {
    let base = py.get_type::<FairlintError>();
    base.setattr("code", "fairlint_error")?;
    for attr in ["line", "column", "pointer", "block"] {
        base.setattr(attr, py.None())?;
    }
    Ok(())
}

fn instance(
    class: &Bound<'_, PyType>,
    message: String,
    code: &str,
    location: Option<&Location>,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let value = class.call1((message,))?;
        value.setattr("code", code)?;
        let l = location.cloned().unwrap_or_default();
        value.setattr("line", l.line)?;
        value.setattr("column", l.column)?;
        value.setattr("pointer", l.pointer)?;
        value.setattr("block", l.block)?;
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|e| e)
}

/// `ValidateError` → `ParseError` / `LimitError` / `ResolveError`.
pub(crate) fn validate_error(py: Python<'_>, e: &ValidateError) -> PyErr {
    kind_of(e).err(py, e.to_string(), e.location())
}

/// Which class a `ValidateError` maps to.
pub(crate) fn kind_of(e: &ValidateError) -> &'static Kind {
    match e {
        ValidateError::LimitExceeded(_) => &LIMIT,
        ValidateError::Resolve(_) => &RESOLVE,
        _ => &PARSE,
    }
}

/// `BuildError` → `ConfigError` / `ResolveError` / `ShapesError`.
pub(crate) fn build_error(py: Python<'_>, e: &BuildError) -> PyErr {
    let kind = match e {
        BuildError::Resolve(_) => &RESOLVE,
        BuildError::Shapes(_) => &SHAPES,
        _ => &CONFIG,
    };
    kind.err(py, e.to_string(), None)
}

/// A bad option or argument.
pub(crate) fn config_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    CONFIG.err(py, message.into(), None)
}

/// `FetchError` (an `OSError`) with `url`, `kind` and `status`.
pub(crate) fn fetch_error(py: Python<'_>, e: &fair_online::FetchError) -> PyErr {
    let err = FETCH.err(py, e.to_string(), None);
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("url", &e.url)?;
        value.setattr("kind", e.kind.name())?;
        value.setattr("status", e.status())?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// `OnlineError` → `FetchError`, the validation error's class, or `ParseError` (no record).
pub(crate) fn online_error(py: Python<'_>, e: &fair_online::OnlineError) -> PyErr {
    match e {
        fair_online::OnlineError::Fetch(f) => fetch_error(py, f),
        fair_online::OnlineError::Validate(v) => validate_error(py, v),
        other => {
            let err = PARSE.err(py, other.to_string(), None);
            let _ = err.value(py).setattr("code", other.code());
            err
        }
    }
}
