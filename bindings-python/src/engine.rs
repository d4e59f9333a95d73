//! `Engine` and the batch iterator: unpack arguments, call `fair-core` without the GIL, convert.

use crate::errors;
use crate::report::{FixResult, Report, ValidationFailure};
use fair_core::{
    Config, DetectFormat, Engine as CoreEngine, Format, InputOptions, Payload, ValidateError,
    ValidateOptions,
};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyIterator, PyMapping, PyString};
use pyo3::IntoPyObjectExt;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

/// One input, copied into Rust-owned data (or a path, read without the GIL).
enum Source {
    Data {
        bytes: Vec<u8>,
        json: bool,
    },
    Path(PathBuf),
    /// A published record (URL, `doi:…`, `hdl:…`), checked online.
    Remote(String),
}

/// What checking one input gave.
enum Outcome {
    Report(Box<fair_core::Report>),
    Failed(ValidateError, Option<String>),
    Io(std::io::Error, String),
    Panic(String, Option<String>),
    Online(Box<fair_online::OnlineReport>),
    OnlineFailed(fair_online::OnlineError, String),
}

fn is_pathlike(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    obj.hasattr("__fspath__")
}

fn source(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Source::Data {
            bytes: s.to_cow()?.into_owned().into_bytes(),
            json: false,
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Source::Data {
            bytes: b.as_bytes().to_vec(),
            json: false,
        });
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Source::Data {
            bytes: b.to_vec(),
            json: false,
        });
    }
    if obj.is_instance_of::<PyDict>() {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        let text: String = py
            .import("json")?
            .call_method("dumps", (obj,), Some(&kwargs))?
            .extract()?;
        return Ok(Source::Data {
            bytes: text.into_bytes(),
            json: true,
        });
    }
    if is_pathlike(obj)? {
        return Ok(Source::Path(obj.extract::<PathBuf>()?));
    }
    Err(PyTypeError::new_err(format!(
        "a source is str (the record's text), bytes, dict (JSON-LD) or os.PathLike (a file), \
         not {}",
        obj.get_type().name()?
    )))
}

fn format_of(py: Python<'_>, name: Option<&str>) -> PyResult<Option<Format>> {
    match name {
        None => Ok(None),
        Some(name) => Format::from_name(name).map(Some).ok_or_else(|| {
            let known: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
            errors::config_error(
                py,
                format!("unknown format '{name}' (known: {})", known.join(", ")),
            )
        }),
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic in fairlint".to_owned()
    }
}

/// Reads (for a path) and checks one source. A file's relative IRIs resolve against its
/// location as given ([`fair_core::file_base_iri`]) unless `base_iri` is given; text, bytes and
/// dicts against `base_iri`, else the default base. The engine's `options["base_iri"]`
/// overrides both.
/// The bytes of `source`, its name, format and base IRI; `Err` for what cannot be read.
type Loaded<'s> = (
    Cow<'s, [u8]>,
    Option<String>,
    Option<Format>,
    Option<String>,
);

fn load_source<'s>(
    source: &'s Source,
    format: Option<Format>,
    base_iri: Option<&str>,
) -> Result<Loaded<'s>, Box<Outcome>> {
    Ok(match source {
        Source::Data { bytes, json } => (
            Cow::Borrowed(bytes.as_slice()),
            None,
            // A dict is JSON: JSON-LD, or bio.tools / DataCite JSON when plainly one of
            // them.
            format.or_else(|| json.then(|| Format::sniff(bytes)).flatten()),
            base_iri.map(str::to_owned),
        ),
        Source::Path(path) => {
            let name = path.to_string_lossy().into_owned();
            let base = base_iri
                .map(str::to_owned)
                .unwrap_or_else(|| fair_core::file_base_iri(path));
            match std::fs::read(path) {
                Ok(bytes) => (Cow::Owned(bytes), Some(name), format, Some(base)),
                Err(e) => return Err(Box::new(Outcome::Io(e, name))),
            }
        }
        Source::Remote(url) => {
            let e = std::io::Error::other("a remote record needs online mode");
            return Err(Box::new(Outcome::Io(e, url.clone())));
        }
    })
}

fn run(
    engine: &CoreEngine,
    source: &Source,
    format: Option<Format>,
    base_iri: Option<&str>,
    options: &ValidateOptions,
) -> Outcome {
    let (bytes, name, format, base) = match load_source(source, format, base_iri) {
        Ok(loaded) => loaded,
        Err(outcome) => return *outcome,
    };
    let mut input = InputOptions::new().format(format);
    if let Some(name) = name.as_deref() {
        input = input.name(name);
    }
    if let Some(base) = base.as_deref() {
        input = input.base_iri(base);
    }
    match catch_unwind(AssertUnwindSafe(|| {
        engine.check_input_with(&bytes, &input, options)
    })) {
        Ok(Ok(report)) => Outcome::Report(Box::new(report)),
        Ok(Err(e)) => Outcome::Failed(e, name),
        Err(payload) => Outcome::Panic(panic_message(payload), name),
    }
}

/// An RO-Crate payload: an iterable of relative paths (str), directories ending in `/`.
fn payload_of(obj: &Bound<'_, PyAny>) -> PyResult<Payload> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "payload is an iterable of relative paths (str), not one str",
        ));
    }
    let mut payload = Payload::default();
    for item in obj.try_iter()? {
        let item = item?;
        let path = item
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err("payload entries are relative paths (str)"))?;
        payload.insert(&path.to_cow()?);
    }
    Ok(payload)
}

fn io_error(e: &std::io::Error, name: &str) -> PyErr {
    match e.raw_os_error() {
        // OSError(errno, strerror, filename) picks the subclass (FileNotFoundError, ...).
        Some(errno) => PyOSError::new_err((errno, e.to_string(), name.to_owned())),
        None => PyOSError::new_err(format!("{name}: {e}")),
    }
}

/// The exception `validate` raises for an outcome that is not a report.
fn outcome_error(py: Python<'_>, outcome: &Outcome) -> PyErr {
    match outcome {
        Outcome::Report(_) => PyValueError::new_err("not an error"),
        Outcome::Failed(e, _) => errors::validate_error(py, e),
        Outcome::Io(e, name) => io_error(e, name),
        Outcome::Panic(message, _) => PanicException::new_err(message.clone()),
        Outcome::Online(_) => PyValueError::new_err("not an error"),
        Outcome::OnlineFailed(e, _) => errors::online_error(py, e),
    }
}

/// Checks a published record online; never panics across the boundary.
fn run_online(engine: &CoreEngine, fetcher: &fair_online::Fetcher, url: &str) -> Outcome {
    match catch_unwind(AssertUnwindSafe(|| {
        fair_online::check_online(engine, fetcher, url)
    })) {
        Ok(Ok(report)) => Outcome::Online(Box::new(report)),
        Ok(Err(e)) => Outcome::OnlineFailed(e, url.to_owned()),
        Err(payload) => Outcome::Panic(panic_message(payload), Some(url.to_owned())),
    }
}

/// Online options given to `validate_url` or in `validate_many(online={...})`.
#[derive(Default)]
struct OnlineArgs {
    timeout: Option<f64>,
    record_timeout: Option<f64>,
    allow_hosts: Option<Vec<String>>,
    cache_dir: Option<PathBuf>,
    resolver_base: Option<String>,
    handle_base: Option<String>,
    max_redirects: Option<usize>,
    offline_from_cache: bool,
    deterministic: bool,
}

const ONLINE_KEYS: [&str; 9] = [
    "timeout",
    "record_timeout",
    "allow_hosts",
    "cache_dir",
    "resolver_base",
    "handle_base",
    "max_redirects",
    "offline_from_cache",
    "deterministic",
];

fn seconds(
    py: Python<'_>,
    name: &str,
    value: Option<f64>,
) -> PyResult<Option<std::time::Duration>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_finite() && v > 0.0 && v <= 86_400.0 => {
            Ok(Some(std::time::Duration::from_secs_f64(v)))
        }
        Some(v) => Err(errors::config_error(
            py,
            format!("{name} must be a number of seconds above 0 (at most a day), not {v}"),
        )),
    }
}

impl OnlineArgs {
    /// `online=True` or a dict of the `validate_url` keyword arguments.
    fn from_py(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Option<Self>> {
        if obj.is_none() {
            return Ok(None);
        }
        if let Ok(b) = obj.cast::<pyo3::types::PyBool>() {
            return Ok(b.is_true().then(Self::default));
        }
        let Ok(dict) = obj.cast::<PyDict>() else {
            return Err(errors::config_error(
                py,
                format!(
                    "online must be True, False, None or a dict of validate_url options, not {}",
                    obj.get_type().name()?
                ),
            ));
        };
        let mut a = Self::default();
        for (key, value) in dict.iter() {
            let key: String = key
                .extract()
                .map_err(|_| errors::config_error(py, "online: keys are str"))?;
            let bad = |e: PyErr| errors::config_error(py, format!("online[{key:?}]: {e}"));
            if value.is_none() {
                continue;
            }
            match key.as_str() {
                "timeout" => a.timeout = Some(value.extract().map_err(bad)?),
                "record_timeout" => a.record_timeout = Some(value.extract().map_err(bad)?),
                "allow_hosts" => a.allow_hosts = Some(str_list(py, &value, "allow_hosts")?),
                "cache_dir" => a.cache_dir = Some(value.extract().map_err(bad)?),
                "resolver_base" => a.resolver_base = Some(value.extract().map_err(bad)?),
                "handle_base" => a.handle_base = Some(value.extract().map_err(bad)?),
                "max_redirects" => a.max_redirects = Some(value.extract().map_err(bad)?),
                "offline_from_cache" => a.offline_from_cache = value.extract().map_err(bad)?,
                "deterministic" => a.deterministic = value.extract().map_err(bad)?,
                other => {
                    return Err(errors::config_error(
                        py,
                        format!(
                            "online: unknown option {other:?} (known: {})",
                            ONLINE_KEYS.join(", ")
                        ),
                    ))
                }
            }
        }
        Ok(Some(a))
    }

    fn options(&self, py: Python<'_>) -> PyResult<fair_online::OnlineOptions> {
        let mut o = fair_online::OnlineOptions::default();
        if let Some(t) = seconds(py, "timeout", self.timeout)? {
            o.timeout = t;
        }
        if let Some(t) = seconds(py, "record_timeout", self.record_timeout)? {
            o.record_timeout = t;
        }
        if let Some(hosts) = &self.allow_hosts {
            o.allow_hosts = hosts.clone();
        }
        o.cache_dir = self.cache_dir.clone();
        if let Some(b) = &self.resolver_base {
            o.resolver_base = b.clone();
        }
        if let Some(b) = &self.handle_base {
            o.handle_base = b.clone();
        }
        if let Some(n) = self.max_redirects {
            o.max_redirects = n;
        }
        o.offline_from_cache = self.offline_from_cache;
        o.deterministic = self.deterministic;
        if o.offline_from_cache && o.cache_dir.is_none() {
            return Err(errors::config_error(
                py,
                "offline_from_cache needs cache_dir",
            ));
        }
        Ok(o)
    }
}

/// A list of str (not one str).
fn str_list(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(errors::config_error(
            py,
            format!("{name} is a list of str, not one str"),
        ));
    }
    let mut out = Vec::new();
    for item in obj.try_iter()? {
        out.push(
            item?
                .extract::<String>()
                .map_err(|_| errors::config_error(py, format!("{name}: entries are str")))?,
        );
    }
    Ok(out)
}

fn single_or_many<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || is_pathlike(obj)?
    {
        return Ok(vec![obj.clone()]);
    }
    obj.try_iter()?.collect()
}

/// A shapes graph or ontology given to the engine: name, bytes, format and base IRI.
type RdfInput = (String, Vec<u8>, Format, Option<String>);

/// Shapes graphs or ontologies: each a path (read now), or text / bytes (named `what[i]`); the
/// format from the file extension, then the content, else Turtle; the base IRI of a path its
/// location ([`fair_core::file_base_iri`]), of text the default base.
fn rdf_inputs(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Vec<RdfInput>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, item) in single_or_many(obj)?.iter().enumerate() {
        let (name, bytes, path, base) = match source(py, item)? {
            Source::Data { bytes, .. } => (format!("{what}[{i}]"), bytes, None, None),
            Source::Path(p) => {
                let name = p.to_string_lossy().into_owned();
                let bytes = std::fs::read(&p).map_err(|e| io_error(&e, &name))?;
                (
                    name.clone(),
                    bytes,
                    Some(name),
                    Some(fair_core::file_base_iri(&p)),
                )
            }
            Source::Remote(url) => (format!("{what}[{i}]"), url.into_bytes(), None, None),
        };
        let format =
            Format::detect(None, None, path.as_deref(), &bytes).map_or(Format::Turtle, |(f, _)| f);
        out.push((name, bytes, format, base));
    }
    Ok(out)
}

/// `contexts={iri: document}`: each document a JSON-LD context document as text, or a dict
/// (serialised as JSON). Anything else is a `ConfigError` naming the IRI.
fn user_contexts(py: Python<'_>, contexts: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let Ok(mapping) = contexts.cast::<PyMapping>() else {
        return Err(errors::config_error(
            py,
            format!(
                "contexts must be a dict of IRI -> context document, not {}",
                contexts.get_type().name()?
            ),
        ));
    };
    let mut out = Vec::new();
    for item in mapping.items()?.iter() {
        let (iri, document): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let iri: String = iri.extract().map_err(|_| {
            errors::config_error(py, "contexts: every key must be an IRI (str)".to_owned())
        })?;
        let text: String = if let Ok(text) = document.extract::<String>() {
            text
        } else if document.cast::<PyDict>().is_ok() {
            py.import("json")?
                .call_method1("dumps", (&document,))
                .and_then(|s| s.extract())
                .map_err(|e| {
                    errors::config_error(py, format!("contexts[{iri}]: not JSON data: {e}"))
                })?
        } else {
            return Err(errors::config_error(
                py,
                format!(
                    "contexts[{iri}]: the context document must be str or dict, not {}",
                    document.get_type().name()?
                ),
            ));
        };
        out.push((iri, text));
    }
    Ok(out)
}

/// Checks metadata records. Build once (slow, may fail), then validate many documents, from any
/// number of threads.
#[pyclass(frozen, name = "Engine", module = "fairlint")]
pub(crate) struct Engine {
    inner: CoreEngine,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (profile=None, shapes=None, ontologies=None, options=None, contexts=None))]
    fn new(
        py: Python<'_>,
        profile: Option<String>,
        shapes: Option<&Bound<'_, PyAny>>,
        ontologies: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyAny>>,
        contexts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut config = match options {
            None => Config::default(),
            Some(o) if o.is_none() => Config::default(),
            Some(o) => {
                if o.cast::<PyMapping>().is_err() {
                    return Err(errors::config_error(
                        py,
                        format!(
                            "options must be a dict of engine options, not {}",
                            o.get_type().name()?
                        ),
                    ));
                }
                let json: String = py
                    .import("json")?
                    .call_method1(
                        "dumps",
                        (PyDict::from_sequence(&o.call_method0("items")?)?,),
                    )
                    .and_then(|s| s.extract())
                    .map_err(|e| {
                        errors::config_error(py, format!("options are not JSON data: {e}"))
                    })?;
                Config::from_json(&json).map_err(|e| errors::config_error(py, e.to_string()))?
            }
        };
        if profile.is_some() {
            config.profile = profile;
        }
        if let Some(contexts) = contexts.filter(|c| !c.is_none()) {
            config.contexts.extend(user_contexts(py, contexts)?);
        }
        let mut builder = CoreEngine::builder().config(config);
        let mut names = Vec::new();
        for (name, bytes, format, base) in rdf_inputs(py, shapes, "shapes")? {
            names.push(name.clone());
            builder = match base {
                Some(base) => builder.shapes_with_base(name, bytes, format, base),
                None => builder.shapes(name, bytes, format),
            };
        }
        for (name, bytes, format, base) in rdf_inputs(py, ontologies, "ontologies")? {
            builder = match base {
                Some(base) => builder.ontology_with_base(name, bytes, format, base),
                None => builder.ontology(name, bytes, format),
            };
        }
        let built = py.detach(|| catch_unwind(AssertUnwindSafe(|| builder.build())));
        match built {
            Ok(Ok(inner)) => Ok(Self { inner }),
            Ok(Err(e)) => {
                let err = errors::build_error(py, &e);
                if matches!(e, fair_core::BuildError::Shapes(_)) && !names.is_empty() {
                    let message = format!("{e} (in {})", names.join(", "));
                    return Err(errors::SHAPES.err(py, message, None));
                }
                Err(err)
            }
            Err(payload) => Err(PanicException::new_err(panic_message(payload))),
        }
    }

    /// Checks one record. ``base_iri``: the base of its relative IRIs (default: a file's
    /// location, else ``file:///``; ``options["base_iri"]`` overrides it); ``payload`` lists
    /// an RO-Crate's files and directories.
    #[pyo3(signature = (source, format=None, base_iri=None, payload=None))]
    fn validate(
        &self,
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        format: Option<&str>,
        base_iri: Option<&str>,
        payload: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let format = format_of(py, format)?;
        let source = self::source(py, source)?;
        let options = match payload.filter(|p| !p.is_none()) {
            None => ValidateOptions::default(),
            Some(p) => ValidateOptions::default().payload(payload_of(p)?),
        };
        let engine = &self.inner;
        match py.detach(|| run(engine, &source, format, base_iri, &options)) {
            Outcome::Report(inner) => Ok(Report::offline(*inner)),
            other => Err(outcome_error(py, &other)),
        }
    }

    /// Applies the machine-applicable fixes of ``source``'s findings and checks the result:
    /// safe fixes, and unsafe ones (they change meaning) with ``unsafe=True``. Fixes are edits
    /// of the JSON text (JSON-LD, bio.tools, DataCite JSON) that keep every other byte; a file
    /// is read, never written. Raises as ``validate`` when the input cannot be checked.
    #[pyo3(
        signature = (source, *, r#unsafe=false, format=None, base_iri=None),
        text_signature = "(self, /, source, *, unsafe=False, format=None, base_iri=None)"
    )]
    fn fix(
        &self,
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        r#unsafe: bool,
        format: Option<&str>,
        base_iri: Option<&str>,
    ) -> PyResult<FixResult> {
        let format = format_of(py, format)?;
        let source = self::source(py, source)?;
        let engine = &self.inner;
        let options = fair_core::FixOptions::new().unsafe_fixes(r#unsafe);
        let result = py.detach(|| {
            let (bytes, name, format, base) = load_source(&source, format, base_iri)?;
            let mut input = InputOptions::new().format(format);
            if let Some(name) = name.as_deref() {
                input = input.name(name);
            }
            if let Some(base) = base.as_deref() {
                input = input.base_iri(base);
            }
            match catch_unwind(AssertUnwindSafe(|| engine.fix(&bytes, &input, &options))) {
                Ok(Ok(result)) => Ok(result),
                Ok(Err(e)) => Err(Box::new(Outcome::Failed(e, name))),
                Err(payload) => Err(Box::new(Outcome::Panic(panic_message(payload), name))),
            }
        });
        match result {
            Ok(result) => FixResult::new(py, result),
            Err(outcome) => Err(outcome_error(py, &outcome)),
        }
    }

    /// Checks a published record online: ``url`` is an http(s) URL, ``doi:10.…`` or
    /// ``hdl:…``. Harvests it (content negotiation, Signposting, embedded JSON-LD, redirects),
    /// checks it as ``validate`` does and runs the online checks; the report's ``harvest``
    /// lists every fetch. Bounded: ``timeout`` seconds per request (default 10), 60 s per
    /// record, the ``max_input_bytes`` limit; private and loopback addresses are refused unless
    /// their host is in ``allow_hosts``. Raises ``FetchError`` when it cannot be fetched.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (url, *, timeout=None, allow_hosts=None, cache_dir=None, resolver_base=None, handle_base=None, record_timeout=None, max_redirects=None, offline_from_cache=false, deterministic=false))]
    fn validate_url(
        &self,
        py: Python<'_>,
        url: &str,
        timeout: Option<f64>,
        allow_hosts: Option<&Bound<'_, PyAny>>,
        cache_dir: Option<PathBuf>,
        resolver_base: Option<String>,
        handle_base: Option<String>,
        record_timeout: Option<f64>,
        max_redirects: Option<usize>,
        offline_from_cache: bool,
        deterministic: bool,
    ) -> PyResult<Report> {
        let allow_hosts = match allow_hosts.filter(|a| !a.is_none()) {
            None => None,
            Some(a) => Some(str_list(py, a, "allow_hosts")?),
        };
        let args = OnlineArgs {
            timeout,
            record_timeout,
            allow_hosts,
            cache_dir,
            resolver_base,
            handle_base,
            max_redirects,
            offline_from_cache,
            deterministic,
        };
        let options = args.options(py)?;
        if !fair_online::is_remote_input(url) {
            return Err(errors::config_error(
                py,
                format!("validate_url takes an http(s) URL, doi:… or hdl:…, not {url:?}"),
            ));
        }
        let engine = &self.inner;
        let outcome = py.detach(|| {
            let fetcher = fair_online::Fetcher::new(options);
            run_online(engine, &fetcher, url)
        });
        match outcome {
            Outcome::Online(r) => Ok(Report::online(*r)),
            other => Err(outcome_error(py, &other)),
        }
    }

    /// Checks many records in parallel; yields in input order.
    /// ``online``: ``True`` or a dict of ``validate_url``'s keyword arguments; then str sources
    /// that are URLs, ``doi:…`` or ``hdl:…`` are checked online (concurrently, one client,
    /// per-host limits), the others as usual.
    #[pyo3(signature = (sources, workers=None, format=None, on_error="return", online=None))]
    fn validate_many(
        &self,
        py: Python<'_>,
        sources: &Bound<'_, PyAny>,
        workers: Option<usize>,
        format: Option<&str>,
        on_error: &str,
        online: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ReportIterator> {
        let format = format_of(py, format)?;
        let fetcher = match online {
            None => None,
            Some(o) => match OnlineArgs::from_py(py, o)? {
                None => None,
                Some(a) => Some(Arc::new(fair_online::Fetcher::new(a.options(py)?))),
            },
        };
        let raise = match on_error {
            "raise" => true,
            "return" => false,
            other => {
                return Err(errors::config_error(
                    py,
                    format!("on_error must be 'return' or 'raise', not '{other}'"),
                ))
            }
        };
        let (pool, threads) = match workers {
            None => (None, rayon::current_num_threads()),
            Some(0) => return Err(errors::config_error(py, "workers must be at least 1")),
            Some(n) => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("fairlint-{i}"))
                    .build()
                    .map_err(|e| PyOSError::new_err(format!("cannot start {n} threads: {e}")))?;
                (Some(Arc::new(pool)), n)
            }
        };
        Ok(ReportIterator {
            engine: self.inner.clone(),
            sources: Some(sources.try_iter()?.unbind()),
            pool,
            chunk: (threads * 16).max(64),
            format,
            raise,
            buffer: VecDeque::new(),
            next_index: 0,
            fetcher,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<Engine profile={}>",
            self.inner.config().profile.as_deref().unwrap_or("auto")
        )
    }
}

/// The iterator ``Engine.validate_many`` returns: pulls a chunk of sources, checks it in parallel
/// without the GIL, yields the results in input order.
#[pyclass(name = "ReportIterator", module = "fairlint")]
pub(crate) struct ReportIterator {
    engine: CoreEngine,
    sources: Option<Py<PyIterator>>,
    pool: Option<Arc<rayon::ThreadPool>>,
    chunk: usize,
    format: Option<Format>,
    raise: bool,
    buffer: VecDeque<(usize, Result<Outcome, PyErr>)>,
    next_index: usize,
    fetcher: Option<Arc<fair_online::Fetcher>>,
}

impl ReportIterator {
    fn fill(&mut self, py: Python<'_>) {
        let Some(it) = self.sources.as_ref().map(|i| i.bind(py).clone()) else {
            return;
        };
        let mut batch: Vec<(usize, Result<Source, PyErr>)> = Vec::new();
        while batch.len() < self.chunk {
            let index = self.next_index;
            match it.clone().next() {
                None => {
                    self.sources = None;
                    break;
                }
                Some(Err(e)) => {
                    batch.push((index, Err(e)));
                    self.sources = None;
                    break;
                }
                Some(Ok(obj)) => {
                    self.next_index += 1;
                    let remote = obj
                        .cast::<PyString>()
                        .ok()
                        .filter(|_| self.fetcher.is_some())
                        .and_then(|s| s.to_cow().ok().map(|c| c.into_owned()))
                        .filter(|s| fair_online::is_remote_input(s));
                    let item = match remote {
                        Some(url) => Ok(Source::Remote(url)),
                        None => source(py, &obj),
                    };
                    batch.push((index, item));
                }
            }
        }
        let jobs: Vec<&Source> = batch.iter().filter_map(|(_, s)| s.as_ref().ok()).collect();
        let engine = &self.engine;
        let format = self.format;
        let pool = self.pool.as_deref();
        let fetcher = self.fetcher.as_deref();
        let outcomes: Vec<Outcome> = py.detach(|| {
            let work = || -> Vec<Outcome> {
                jobs.par_iter()
                    .map(|s| match (s, fetcher) {
                        (Source::Remote(url), Some(f)) => run_online(engine, f, url),
                        _ => run(engine, s, format, None, &ValidateOptions::default()),
                    })
                    .collect()
            };
            match pool {
                Some(pool) => pool.install(work),
                None => work(),
            }
        });
        let mut outcomes = outcomes.into_iter();
        for (index, s) in batch {
            let item = match s {
                Ok(_) => match outcomes.next() {
                    Some(o) => Ok(o),
                    None => Err(PyValueError::new_err("internal: missing result")),
                },
                Err(e) => Err(e),
            };
            self.buffer.push_back((index, item));
        }
    }

    fn stop(&mut self) {
        self.sources = None;
        self.buffer.clear();
    }
}

#[pymethods]
impl ReportIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.buffer.is_empty() {
            self.fill(py);
        }
        let Some((index, item)) = self.buffer.pop_front() else {
            return Ok(None);
        };
        let outcome = match item {
            Ok(o) => o,
            Err(e) => {
                self.stop();
                return Err(e);
            }
        };
        let outcome = match outcome {
            Outcome::Report(inner) => return Report::offline(*inner).into_py_any(py).map(Some),
            Outcome::Online(r) => return Report::online(*r).into_py_any(py).map(Some),
            other => other,
        };
        let error = outcome_error(py, &outcome);
        if self.raise {
            self.stop();
            return Err(error);
        }
        let (code, message, location, input) = match &outcome {
            Outcome::Failed(e, input) => (
                e.code().to_owned(),
                e.to_string(),
                e.location().cloned(),
                input.clone(),
            ),
            Outcome::Io(e, name) => (
                "io_error".to_owned(),
                e.to_string(),
                None,
                Some(name.clone()),
            ),
            Outcome::Panic(message, input) => {
                ("panic".to_owned(), message.clone(), None, input.clone())
            }
            Outcome::OnlineFailed(e, url) => {
                let location = match e {
                    fair_online::OnlineError::Validate(v) => v.location().cloned(),
                    _ => None,
                };
                (
                    e.code().to_owned(),
                    e.to_string(),
                    location,
                    Some(url.clone()),
                )
            }
            Outcome::Report(_) | Outcome::Online(_) => ("".to_owned(), String::new(), None, None),
        };
        ValidationFailure {
            index,
            input,
            code,
            message,
            location,
            error: error.into_value(py).into_any(),
        }
        .into_py_any(py)
        .map(Some)
    }
}
