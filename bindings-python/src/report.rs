//! `Report`, `Finding`, `Severity` and `ValidationFailure`: views over the core's values.
//! Every attribute is converted from the core's serde form on access; nothing is re-derived.

use crate::convert;
use fair_core::Location;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::fmt::Write;

/// How serious a finding is. Ordered: ``INFO < WARNING < ERROR``; ``str()`` gives the JSON
/// name (``"error"``).
#[pyclass(eq, ord, hash, frozen, name = "Severity", module = "fairlint")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Severity {
    /// Worth knowing (``sh:Info``).
    #[pyo3(name = "INFO")]
    Info,
    /// Should be fixed (``sh:Warning``).
    #[pyo3(name = "WARNING")]
    Warning,
    /// Must be fixed (``sh:Violation``).
    #[pyo3(name = "ERROR")]
    Error,
}

impl From<fair_core::Severity> for Severity {
    fn from(s: fair_core::Severity) -> Self {
        match s {
            fair_core::Severity::Error => Severity::Error,
            fair_core::Severity::Warning => Severity::Warning,
            fair_core::Severity::Info => Severity::Info,
        }
    }
}

impl Severity {
    fn core(self) -> fair_core::Severity {
        match self {
            Severity::Error => fair_core::Severity::Error,
            Severity::Warning => fair_core::Severity::Warning,
            Severity::Info => fair_core::Severity::Info,
        }
    }
}

#[pymethods]
impl Severity {
    /// The JSON name: ``"error"``, ``"warning"`` or ``"info"``.
    #[getter]
    fn value(&self) -> &'static str {
        self.core().name()
    }

    fn __str__(&self) -> &'static str {
        self.core().name()
    }
}

/// One problem (or notable fact) in a record. Read-only; ``to_dict()`` gives its JSON form.
#[pyclass(frozen, name = "Finding", module = "fairlint")]
pub(crate) struct Finding {
    pub(crate) inner: fair_core::Finding,
}

fn location_dict<'py>(py: Python<'py>, l: &Option<Location>) -> PyResult<Bound<'py, PyAny>> {
    match l {
        Some(l) => convert::serde(py, l),
        None => Ok(py.None().into_bound(py)),
    }
}

#[pymethods]
impl Finding {
    /// Stable code, e.g. ``"R001"``.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    /// Error, warning or info.
    #[getter]
    fn severity(&self) -> Severity {
        self.inner.severity.into()
    }
    /// The FAIR principle, e.g. ``"R1.3"``.
    #[getter]
    fn principle(&self) -> &'static str {
        self.inner.principle.name()
    }
    /// The resource it is about, in N-Triples syntax.
    #[getter]
    fn focus_node(&self) -> Option<&str> {
        self.inner.focus_node.as_deref()
    }
    /// The property as a SPARQL property path.
    #[getter]
    fn path(&self) -> Option<&str> {
        self.inner.path.as_deref()
    }
    /// The offending value in N-Triples syntax (``"***"`` when values are masked).
    #[getter]
    fn value(&self) -> Option<&str> {
        self.inner.value.as_deref()
    }
    /// The data the message was rendered from.
    #[getter]
    fn context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.context)
    }
    /// Human-readable message.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    /// Documentation page of the code.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }
    /// ``{"message": ..., "applicability": ...}`` or ``None``.
    #[getter]
    fn fix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.inner.fix {
            Some(f) => convert::serde(py, f),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// ``{"rule": ...}`` or ``{"shape": ..., "component": ...}``.
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.source)
    }
    /// ``{"line", "column", "pointer", "block"}`` (keys present when known) or ``None``.
    #[getter]
    fn location<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        location_dict(py, &self.inner.location)
    }
    /// The finding's JSON form (the same keys as in the JSON report).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Finding {} {} {}: {}>",
            self.inner.code,
            self.inner.severity,
            self.inner.focus_node.as_deref().unwrap_or("-"),
            self.inner.message
        )
    }
}

/// The result of checking one record. Read-only; ``to_json()`` gives the very bytes of the Rust
/// core's JSON report.
#[pyclass(frozen, name = "Report", module = "fairlint")]
pub(crate) struct Report {
    pub(crate) inner: fair_core::Report,
    /// How the record was harvested (`Engine.validate_url`, `validate_many(online=...)`).
    pub(crate) harvest: Option<fair_online::Harvest>,
}

impl Report {
    pub(crate) fn offline(inner: fair_core::Report) -> Self {
        Self {
            inner,
            harvest: None,
        }
    }

    pub(crate) fn online(online: fair_online::OnlineReport) -> Self {
        Self {
            inner: online.report,
            harvest: Some(online.harvest),
        }
    }
}

const TABLE_COLUMNS: [&str; 17] = [
    "input",
    "code",
    "severity",
    "principle",
    "focus_node",
    "path",
    "value",
    "message",
    "fix",
    "url",
    "line",
    "column",
    "pointer",
    "block",
    "rule",
    "shape",
    "component",
];

#[pymethods]
impl Report {
    /// Report format version.
    #[getter]
    fn schema_version(&self) -> &'static str {
        self.inner.schema_version
    }
    /// fairlint version that produced the report.
    #[getter]
    fn fairlint_version(&self) -> &'static str {
        self.inner.fairlint_version
    }
    /// The input's name (file path) when known.
    #[getter]
    fn input(&self) -> Option<&str> {
        self.inner.input.as_deref()
    }
    /// Facts about the parsed document (format, triples, contexts, ...).
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.document)
    }
    /// The profile checked against: ``{"id", "version", "selected_by"}``.
    #[getter]
    fn profile<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.profile)
    }
    /// When more than one profile applies (typed nodes of different Bioschemas families): each
    /// of them, ``profile`` first, as ``{"id", "version", "node", "selected_by", "level"}``;
    /// else an empty list.
    #[getter]
    fn profiles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.profiles)
    }
    /// SHACL sense: no findings at all.
    #[getter]
    fn conforms(&self) -> bool {
        self.inner.conforms()
    }
    /// Whether any finding is an error.
    #[getter]
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }
    /// Whether findings were cut at ``max_findings``.
    #[getter]
    fn truncated(&self) -> bool {
        self.inner.truncated()
    }
    /// Findings by severity: ``{"error", "warning", "info"}``.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.counts)
    }
    /// F/A/I/R scores: ``{"method", "F", "A", "I", "R", "total"}`` (``None`` when unscored).
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.scores)
    }
    /// The findings, sorted by (focus node, path, code, value). A new list on every access.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for f in self.inner.findings() {
            list.append(Finding { inner: f.clone() })?;
        }
        Ok(list)
    }
    /// Versions of the bundled resources used: ``[{"name", "version", "source"}]``.
    #[getter]
    fn resources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.inner.resources)
    }
    /// Any other key of the core's JSON report (for example one a newer core adds), so the
    /// report exposes what the core has without this binding mirroring it.
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let missing = || {
            pyo3::exceptions::PyAttributeError::new_err(format!(
                "'Report' object has no attribute '{name}'"
            ))
        };
        if name.starts_with('_') {
            return Err(missing());
        }
        let json = serde_json::to_value(&self.inner)
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        match json.get(name) {
            Some(v) => convert::value(py, v),
            None => Err(missing()),
        }
    }
    /// How many findings have ``severity``.
    fn count(&self, severity: Severity) -> usize {
        self.inner.count(severity.core())
    }
    /// The report's JSON form as Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut value = serde_json::to_value(&self.inner)
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        if let (Some(map), Some(h)) = (value.as_object_mut(), self.harvest.as_ref()) {
            let h = serde_json::to_value(h)
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
            map.insert("harvest".to_owned(), h);
        }
        convert::value(py, &value)
    }
    /// How the record was harvested online (fetches, route, online checks), else ``None``.
    #[getter]
    fn harvest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde(py, &self.harvest)
    }
    /// The JSON report (pretty-printed, final newline): byte-identical to the Rust core's
    /// ``render::json`` and the CLI's ``--format json`` (with ``--online``, its ``harvest``).
    fn to_json(&self) -> String {
        match &self.harvest {
            None => fair_core::render::json(&self.inner),
            Some(h) => fair_online::OnlineReport {
                report: self.inner.clone(),
                harvest: h.clone(),
            }
            .json(),
        }
    }
    /// The report as a SARIF 2.1.0 log (JSON text).
    fn to_sarif(&self) -> String {
        fair_core::render::sarif(&self.inner)
    }
    /// The findings as a W3C SHACL ``sh:ValidationReport`` (Turtle).
    fn to_shacl(&self) -> String {
        fair_core::render::shacl(&self.inner)
    }
    /// The human-readable text summary (as the CLI prints it).
    fn to_text(&self) -> String {
        fair_core::render::text(&self.inner)
    }
    /// One flat dict per finding; a ``pandas.DataFrame`` when pandas is importable (or always
    /// with ``pandas=True``; never with ``pandas=False``).
    #[pyo3(signature = (pandas=None))]
    fn findings_table<'py>(
        &self,
        py: Python<'py>,
        pandas: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = PyList::empty(py);
        for f in self.inner.findings() {
            let row = PyDict::new(py);
            let l = f.location.clone().unwrap_or_default();
            row.set_item("input", self.inner.input.as_deref())?;
            row.set_item("code", &f.code)?;
            row.set_item("severity", f.severity.name())?;
            row.set_item("principle", f.principle.name())?;
            row.set_item("focus_node", f.focus_node.as_deref())?;
            row.set_item("path", f.path.as_deref())?;
            row.set_item("value", f.value.as_deref())?;
            row.set_item("message", &f.message)?;
            row.set_item("fix", f.fix.as_ref().map(|x| x.message.as_str()))?;
            row.set_item("url", &f.url)?;
            row.set_item("line", l.line)?;
            row.set_item("column", l.column)?;
            row.set_item("pointer", l.pointer)?;
            row.set_item("block", l.block)?;
            row.set_item("rule", f.source.rule.as_deref())?;
            row.set_item("shape", f.source.shape.as_deref())?;
            row.set_item("component", f.source.component.as_deref())?;
            rows.append(row)?;
        }
        if pandas == Some(false) {
            return Ok(rows.into_any());
        }
        match py.import("pandas") {
            Ok(pd) => {
                // `columns=`: the second positional argument of DataFrame is the index.
                let kwargs = PyDict::new(py);
                kwargs.set_item("columns", TABLE_COLUMNS.to_vec())?;
                pd.getattr("DataFrame")?.call((rows,), Some(&kwargs))
            }
            Err(e) if pandas.is_none() && e.is_instance_of::<PyImportError>(py) => {
                Ok(rows.into_any())
            }
            Err(e) => Err(e),
        }
    }
    /// HTML for notebooks: the scores, the counts and a findings table with fix hints.
    fn _repr_html_(&self) -> String {
        html(&self.inner)
    }
    fn __repr__(&self) -> String {
        let c = &self.inner.counts;
        format!(
            "<Report {} profile={} conforms={} errors={} warnings={} infos={}>",
            self.inner.input.as_deref().unwrap_or("<input>"),
            self.inner.profile.id,
            if self.inner.conforms { "True" } else { "False" },
            c.error,
            c.warning,
            c.info
        )
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

fn html(r: &fair_core::Report) -> String {
    let mut out = String::new();
    let name = r.input.as_deref().unwrap_or("input");
    let _ = write!(
        out,
        "<div class=\"fairlint-report\"><p><strong>{}</strong> — profile {} {} — {} error(s), {} \
         warning(s), {} info</p>",
        escape(name),
        escape(&r.profile.id),
        escape(&r.profile.version),
        r.counts.error,
        r.counts.warning,
        r.counts.info
    );
    let score = |s: Option<f64>| s.map_or_else(|| "—".to_owned(), |v| format!("{v:.0}"));
    let _ = write!(
        out,
        "<table><thead><tr><th>F</th><th>A</th><th>I</th><th>R</th><th>total</th>\
         <th>method</th></tr></thead><tbody><tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
         <td>{}</td><td>{}</td></tr></tbody></table>",
        score(r.scores.f),
        score(r.scores.a),
        score(r.scores.i),
        score(r.scores.r),
        score(r.scores.total),
        escape(&r.scores.method)
    );
    if r.findings.is_empty() {
        out.push_str("<p>No findings.</p></div>");
        return out;
    }
    out.push_str(
        "<table><thead><tr><th>severity</th><th>code</th><th>principle</th><th>focus node</th>\
         <th>path</th><th>message</th><th>fix</th><th>location</th></tr></thead><tbody>",
    );
    for f in &r.findings {
        let location = f
            .location
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            f.severity.name(),
            escape(&f.url),
            escape(&f.code),
            f.principle.name(),
            escape(f.focus_node.as_deref().unwrap_or("")),
            escape(f.path.as_deref().unwrap_or("")),
            escape(&f.message),
            escape(f.fix.as_ref().map(|x| x.message.as_str()).unwrap_or("")),
            escape(&location)
        );
    }
    out.push_str("</tbody></table></div>");
    out
}

/// What a batch yields for a record that could not be checked (``on_error="return"``).
#[pyclass(frozen, name = "ValidationFailure", module = "fairlint")]
pub(crate) struct ValidationFailure {
    pub(crate) index: usize,
    pub(crate) input: Option<String>,
    pub(crate) code: String,
    pub(crate) message: String,
    pub(crate) location: Option<Location>,
    pub(crate) error: Py<PyAny>,
}

#[pymethods]
impl ValidationFailure {
    /// Position of the record in the input iterable (0-based).
    #[getter]
    fn index(&self) -> usize {
        self.index
    }
    /// The file name, for path inputs.
    #[getter]
    fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }
    /// ``parse_error``, ``limit_exceeded``, ``resolve_error``, ``io_error`` or ``panic``.
    #[getter]
    fn code(&self) -> &str {
        &self.code
    }
    /// What went wrong.
    #[getter]
    fn message(&self) -> &str {
        &self.message
    }
    /// ``{"line", "column", "pointer", "block"}`` (keys present when known) or ``None``.
    #[getter]
    fn location<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        location_dict(py, &self.location)
    }
    /// The exception ``validate`` would have raised for this record.
    #[getter]
    fn error<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        self.error.bind(py).clone()
    }
    /// Raises :attr:`error`.
    fn raise_error(&self, py: Python<'_>) -> PyResult<()> {
        Err(PyErr::from_value(self.error.bind(py).clone()))
    }
    fn __repr__(&self) -> String {
        format!(
            "<ValidationFailure #{} {}{}: {}>",
            self.index,
            self.code,
            self.input
                .as_deref()
                .map(|i| format!(" {i}"))
                .unwrap_or_default(),
            self.message
        )
    }
}

/// What ``Engine.fix`` gives: the fixed text, the fixes applied, the fixable findings left
/// (with the reason each was not applied) and the report on the fixed text.
#[pyclass(frozen, name = "FixResult", module = "fairlint")]
pub(crate) struct FixResult {
    text: String,
    applied: Py<PyAny>,
    skipped: Py<PyAny>,
    report: Py<Report>,
}

impl FixResult {
    pub(crate) fn new(py: Python<'_>, result: fair_core::FixResult) -> PyResult<Self> {
        Ok(Self {
            applied: convert::serde(py, &result.applied)?.unbind(),
            skipped: convert::serde(py, &result.skipped)?.unbind(),
            report: Py::new(py, Report::offline(result.report))?,
            text: result.text,
        })
    }
}

#[pymethods]
impl FixResult {
    /// The fixed document (the input itself when nothing was applied).
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// The fixes applied, in order: dicts with ``code``, ``applicability``, ``message``,
    /// ``location`` and ``edits`` (``{"target", "find", "replace", "within"}``).
    #[getter]
    fn applied<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        self.applied.bind(py).clone()
    }
    /// The fixable findings left: dicts with ``code``, ``applicability``, ``message``,
    /// ``location`` and ``reason``.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        self.skipped.bind(py).clone()
    }
    /// The report on the fixed text (:class:`Report`).
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<Report> {
        self.report.clone_ref(py)
    }
    /// Whether any fix was applied.
    #[getter]
    fn changed(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.applied.bind(py).len()? > 0)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<FixResult {} applied, {} left>",
            self.applied.bind(py).len()?,
            self.skipped.bind(py).len()?
        ))
    }
}
