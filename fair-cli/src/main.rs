//! `fairlint`: check dataset and software metadata against FAIR profiles, offline.
//!
//! Exit codes: 0 no finding at or above `--fail-on`; 1 findings at or above `--fail-on`;
//! 2 usage errors or inputs that could not be read or parsed (the rest are still checked).

use anyhow::Context as _;
use clap::Parser;
use fair_core::{Config, DetectFormat, Engine, Format, Severity};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::time::Instant;

mod args;
mod batch;
mod inputs;
mod list;
mod output;

use args::{CheckArgs, Cli, Command, FailOn, OutputFormat};
use batch::{run_one, Outcome};
use inputs::collect_inputs;
use output::Output;

const EXIT_OK: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// Files processed in parallel at a time; output is written in input order after each chunk,
/// so memory stays flat however many files there are.
const CHUNK: usize = 512;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Profiles { format } => list::list_profiles(format),
        Command::Rules { format } => list::list_rules(format),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`fairlint rules | head`): stop quietly, as Unix tools do.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            eprintln!("fairlint: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let mut config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read config {}", path.display()))?;
            Config::from_json(&text)?
        }
        None => Config::default(),
    };
    if args.profile.is_some() {
        config.profile = args.profile.clone();
    }
    if args.mask_values {
        config.include_values = false;
    }
    if args.base_iri.is_some() {
        config.base_iri = args.base_iri.clone();
    }
    if args.format == OutputFormat::Shacl && args.shapes.is_empty() {
        anyhow::bail!("--format shacl needs at least one --shapes file");
    }
    let mut builder = Engine::builder().config(config);
    for path in &args.shapes {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read shapes file {}", path.display()))?;
        let name = path.display().to_string();
        let (format, _) = Format::detect(None, None, Some(&name), &bytes)
            .with_context(|| format!("cannot tell the format of shapes file {name}"))?;
        builder = builder.shapes(name, bytes, format);
    }
    let engine = builder.build().map_err(|e| match e {
        fair_core::BuildError::Shapes(_) => {
            let names: Vec<_> = args
                .shapes
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            anyhow::anyhow!("{e} (in {})", names.join(", "))
        }
        other => other.into(),
    })?;
    let inputs = collect_inputs(&args.inputs)?;
    if inputs.is_empty() {
        anyhow::bail!("no metadata files found in {}", args.inputs.join(", "));
    }
    let mut stdin = Vec::new();
    if inputs.iter().any(|i| i.path.is_none()) {
        std::io::stdin()
            .read_to_end(&mut stdin)
            .context("cannot read standard input")?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let progress = if !args.no_progress && inputs.len() > 1 && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };

    let started = Instant::now();
    let stdout = std::io::stdout();
    let many = inputs.len() > 1;
    let mut output = Output::begin(
        args.format,
        std::io::BufWriter::new(stdout.lock()),
        progress.as_ref(),
        many,
    )?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let mut stats = Stats::default();
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let outcome = run_one(
                        &engine,
                        input,
                        args.input_format,
                        &stdin,
                        args.format == OutputFormat::Shacl,
                    );
                    if let Some(bar) = &progress {
                        bar.inc(1);
                    }
                    outcome
                })
                .collect()
        });
        for (input, outcome) in chunk.iter().zip(outcomes) {
            stats.add(&outcome, threshold);
            output.write(&input.name, &outcome)?;
        }
    }
    output.finish()?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if many {
        let secs = started.elapsed().as_secs_f64();
        let summary = format!(
            "fairlint: checked {} inputs in {:.2}s ({:.0}/s): {} without findings, {} with findings, {} could not be checked; {} errors, {} warnings, {} infos",
            stats.inputs,
            secs,
            stats.inputs as f64 / secs.max(1e-9),
            stats.clean,
            stats.with_findings,
            stats.failed,
            stats.errors,
            stats.warnings,
            stats.infos
        );
        output::write_summary(args.format, &summary)?;
    }
    Ok(if stats.failed > 0 {
        EXIT_ERROR
    } else if stats.failing_findings > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

#[derive(Default)]
struct Stats {
    inputs: usize,
    clean: usize,
    with_findings: usize,
    failed: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    failing_findings: usize,
}

impl Stats {
    fn add(&mut self, outcome: &Outcome, threshold: Option<Severity>) {
        self.inputs += 1;
        match outcome {
            Outcome::Report(r, _) => {
                if r.conforms() {
                    self.clean += 1;
                } else {
                    self.with_findings += 1;
                }
                self.errors += r.counts.error;
                self.warnings += r.counts.warning;
                self.infos += r.counts.info;
                if let Some(t) = threshold {
                    self.failing_findings +=
                        r.findings().iter().filter(|f| f.severity >= t).count();
                }
            }
            Outcome::Failed(_) => self.failed += 1,
        }
    }
}
