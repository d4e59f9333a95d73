//! The batch: inputs checked in parallel on a worker pool, a chunk at a time, each read,
//! loaded and validated into a report or the reason it could not be checked.

use crate::inputs::{Input, Kind};
use crate::package;
use anyhow::Context as _;
use fair_core::{Engine, Format, Payload, Report, ValidateError, ValidateOptions};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::sync::Arc;

/// Files processed in parallel at a time; output is written in input order after each chunk,
/// so memory stays flat however many files there are.
const CHUNK: usize = 512;

/// The worker threads: `--jobs`, or all cores.
pub fn worker_pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")
}

/// A progress bar on standard error for a batch of several inputs, unless `--no-progress` or
/// standard error is not a terminal.
pub fn progress_bar(no_progress: bool, inputs: usize) -> Option<ProgressBar> {
    if !no_progress && inputs > 1 && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(inputs as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    }
}

/// What checking each input of a batch needs.
pub struct Batch<'a> {
    pub engine: &'a Engine,
    pub pool: &'a rayon::ThreadPool,
    /// `--input-format`; `None` detects each input's format.
    pub input_format: Option<Format>,
    /// Standard input, for the input `-`.
    pub stdin: &'a [u8],
    /// Also make the W3C SHACL validation report (`--format shacl`).
    pub shacl: bool,
    pub progress: Option<&'a ProgressBar>,
    /// The online client (`--online`); remote inputs need it.
    pub fetcher: Option<&'a Arc<fair_online::Fetcher>>,
}

impl Batch<'_> {
    /// Checks `inputs` in parallel, [`CHUNK`] at a time, and hands each outcome to `sink` in
    /// input order, with what `render` made of it on the worker thread that checked it (the
    /// report's text: rendering is a good part of a record's cost, and done in order on the
    /// writing thread it would not run in parallel); stops at the first error `sink` returns.
    pub fn run<R: Send>(
        &self,
        inputs: &[Input],
        render: impl Fn(&Input, &Outcome) -> R + Sync,
        mut sink: impl FnMut(&Input, Outcome, R) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        for chunk in inputs.chunks(CHUNK) {
            let outcomes: Vec<(Outcome, R)> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|input| {
                        let outcome = match (&input.kind, self.fetcher) {
                            (Kind::Remote, Some(fetcher)) => {
                                run_remote(self.engine, fetcher, &input.name)
                            }
                            _ => run_one(
                                self.engine,
                                input,
                                self.input_format,
                                self.stdin,
                                self.shacl,
                            ),
                        };
                        let rendered = render(input, &outcome);
                        if let Some(bar) = self.progress {
                            bar.inc(1);
                        }
                        (outcome, rendered)
                    })
                    .collect()
            });
            for (input, (outcome, rendered)) in chunk.iter().zip(outcomes) {
                sink(input, outcome, rendered)?;
            }
        }
        Ok(())
    }
}

/// One input checked: its report (and SHACL report, if asked for), or why it could not be.
pub enum Outcome {
    Report(Box<Report>, Option<String>),
    /// A record checked online: its report and harvest.
    Online(Box<fair_online::OnlineReport>),
    Failed(Failure),
}

impl Outcome {
    /// The report, if the input could be checked.
    pub fn report(&self) -> Option<&Report> {
        match self {
            Outcome::Report(r, _) => Some(r),
            Outcome::Online(o) => Some(&o.report),
            Outcome::Failed(_) => None,
        }
    }
}

/// Why an input could not be checked: an error code, a message and where in the input.
pub struct Failure {
    pub code: &'static str,
    pub message: String,
    pub location: Option<fair_core::Location>,
    /// For a `fetch_error`: the URL, the kind (`timeout`, `status`, ...) and the status.
    pub fetch: Option<Box<FetchDetail>>,
}

/// What failed in a `fetch_error`.
pub struct FetchDetail {
    pub url: String,
    pub kind: &'static str,
    pub status: Option<u16>,
}

impl From<ValidateError> for Failure {
    fn from(e: ValidateError) -> Self {
        Failure {
            code: e.code(),
            location: e.location().cloned(),
            message: e.to_string(),
            fetch: None,
        }
    }
}

impl From<fair_online::OnlineError> for Failure {
    fn from(e: fair_online::OnlineError) -> Self {
        match e {
            fair_online::OnlineError::Validate(v) => v.into(),
            fair_online::OnlineError::Fetch(f) => Failure {
                code: "fetch_error",
                message: f.to_string(),
                location: None,
                fetch: Some(Box::new(FetchDetail {
                    kind: f.kind.name(),
                    status: f.status(),
                    url: f.url,
                })),
            },
            other => Failure {
                code: other.code(),
                message: other.to_string(),
                location: None,
                fetch: None,
            },
        }
    }
}

/// Harvests and checks one published record.
pub(crate) fn run_remote(engine: &Engine, fetcher: &fair_online::Fetcher, name: &str) -> Outcome {
    match fair_online::check_online(engine, fetcher, name) {
        Ok(report) => Outcome::Online(Box::new(report)),
        Err(e) => Outcome::Failed(e.into()),
    }
}

/// Reads one input: its bytes, the name its report carries and, for an RO-Crate package, the
/// payload.
fn read(
    engine: &Engine,
    input: &Input,
    stdin: &[u8],
) -> Result<(Vec<u8>, String, Option<Payload>), Failure> {
    let max = engine.config().limits.max_input_bytes;
    let Some(path) = &input.path else {
        return Ok((stdin.to_vec(), input.name.clone(), None));
    };
    match &input.kind {
        Kind::File => match std::fs::read(path) {
            Ok(b) => Ok((b, input.name.clone(), None)),
            Err(e) => Err(Failure {
                code: "io_error",
                message: format!("cannot read {}: {e}", path.display()),
                location: None,
                fetch: None,
            }),
        },
        Kind::CrateDir(descriptor) => package::read_dir(&input.name, path, descriptor, max)
            .map(|c| (c.bytes, c.name, Some(c.payload))),
        Kind::Zip => {
            package::read_zip(&input.name, path, max).map(|c| (c.bytes, c.name, Some(c.payload)))
        }
        Kind::Remote => Err(Failure {
            code: "usage_error",
            message: format!("{} is a remote record: check it with --online", input.name),
            location: None,
            fetch: None,
        }),
    }
}

/// Reads, loads and validates one input.
pub(crate) fn run_one(
    engine: &Engine,
    input: &Input,
    format: Option<Format>,
    stdin: &[u8],
    shacl: bool,
) -> Outcome {
    let (bytes, name, payload) = match read(engine, input, stdin) {
        Ok(read) => read,
        Err(failure) => return Outcome::Failed(failure),
    };
    // A file's relative IRIs resolve against its location as given (`--base-iri`, in the
    // engine's configuration, overrides it); a crate package's against its descriptor's place
    // (a zip stands for the crate's directory); standard input's against the default base.
    let base = input.path.as_deref().map(|path| match &input.kind {
        Kind::File => fair_core::file_base_iri(path),
        Kind::CrateDir(descriptor) => fair_core::file_base_iri(descriptor),
        Kind::Zip => fair_core::file_base_iri(&path.join("ro-crate-metadata.json")),
        Kind::Remote => fair_core::DEFAULT_BASE_IRI.to_owned(),
    });
    check_bytes(
        engine,
        &bytes,
        name,
        payload,
        format,
        base.as_deref(),
        shacl,
    )
}

/// Loads and validates one input's bytes (named `name`; with `payload` an RO-Crate package's
/// descriptor, read as JSON-LD; relative IRIs against `base`, else the default base).
pub(crate) fn check_bytes(
    engine: &Engine,
    bytes: &[u8],
    name: String,
    payload: Option<Payload>,
    format: Option<Format>,
    base: Option<&str>,
    shacl: bool,
) -> Outcome {
    let packaged = payload.is_some();
    let options = match payload {
        Some(p) => ValidateOptions::default().payload(p),
        None => ValidateOptions::default(),
    };
    // A package's descriptor is JSON-LD whatever its name (`.jsonld` or `.json`).
    let format = format.or(packaged.then_some(Format::JsonLd));
    let mut load = fair_core::InputOptions::new().format(format);
    if let Some(base) = base {
        load = load.name(&name).base_iri(base);
    }
    let result = engine.load_input(bytes, &load).and_then(|doc| {
        let report = engine.validate_with(&doc, &options)?;
        let turtle = if shacl {
            engine.shacl_report(&doc).map(|r| r.to_turtle())
        } else {
            None
        };
        Ok((report, turtle))
    });
    match result {
        Ok((mut report, turtle)) => {
            report.set_input(name);
            Outcome::Report(Box::new(report), turtle)
        }
        Err(e) => Outcome::Failed(e.into()),
    }
}
