//! `fairlint check`, stage by stage: the configuration and the engine, the inputs, the batch
//! (checked in parallel, written in input order by [`Output`]), the summary and the exit code.

use crate::args::{CheckArgs, OnlineArgs, OutputFormat};
use crate::batch::{self, Batch, Outcome};
use crate::inputs::{collect_inputs, read_stdin};
use crate::output::{self, Output};
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::Context as _;
use fair_core::{Config, DetectFormat, Engine, Format, Severity};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let config = load_config(&args)?;
    if args.format == OutputFormat::Shacl && args.shapes.is_empty() {
        anyhow::bail!("--format shacl needs at least one --shapes file");
    }
    let online = &args.online;
    if online.online && args.format == OutputFormat::Shacl {
        anyhow::bail!("--format shacl is not available with --online");
    }
    if online.online && args.fix {
        anyhow::bail!("--fix works on local files; it is not available with --online");
    }
    let inputs = collect_inputs(&args.inputs, online.online)?;
    let fetcher = online
        .online
        .then(|| Arc::new(fair_online::Fetcher::new(online_options(online, &config))));
    let engine = build_engine(config, &args.shapes, fetcher.as_ref())?;
    if inputs.is_empty() {
        anyhow::bail!("no metadata files found in {}", args.inputs.join(", "));
    }
    if args.fix {
        // A file that cannot be fixed is still checked below, and its failure reported there.
        crate::fix::fix_before_check(&engine, &args)?;
    }
    let stdin = read_stdin(&inputs)?;
    let pool = batch::worker_pool(args.jobs)?;
    let progress = batch::progress_bar(args.no_progress, inputs.len());

    let started = Instant::now();
    let stdout = std::io::stdout();
    let many = inputs.len() > 1;
    let mut output = Output::begin(
        args.format,
        std::io::BufWriter::new(stdout.lock()),
        progress.as_ref(),
        many,
    )?;
    let threshold = args.fail_on.threshold();
    let mut stats = Stats::default();
    let batch = Batch {
        engine: &engine,
        pool: &pool,
        input_format: args.input_format,
        stdin: &stdin,
        shacl: args.format == OutputFormat::Shacl,
        progress: progress.as_ref(),
        fetcher: fetcher.as_ref(),
    };
    batch.run(&inputs, |input, outcome| {
        stats.add(&outcome, threshold);
        output.write(&input.name, &outcome)
    })?;
    output.finish()?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if many {
        output::write_summary(args.format, &stats.summary(started.elapsed()))?;
    }
    Ok(exit_code(&stats))
}

/// The engine options: the `--config` file (or the defaults), then the flags that override it.
pub(crate) fn load_config(args: &CheckArgs) -> anyhow::Result<Config> {
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
    for (iri, path) in &args.contexts {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read context file {} (for {iri})", path.display()))?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "context file {} (for {iri}) is not valid JSON: {e}",
                path.display()
            )
        })?;
        if value.get("@context").is_none() {
            anyhow::bail!(
                "context file {} (for {iri}) is not a JSON-LD context document: no top-level \"@context\"",
                path.display()
            );
        }
        config.contexts.insert(iri.clone(), text);
    }
    Ok(config)
}

/// The engine, with the `--shapes` files (format detected from name and content) loaded, each
/// file's relative IRIs resolving against its own location (`--base-iri` is for data only).
pub(crate) fn build_engine(
    config: Config,
    shapes: &[PathBuf],
    fetcher: Option<&Arc<fair_online::Fetcher>>,
) -> anyhow::Result<Engine> {
    let mut builder = Engine::builder().config(config);
    if let Some(fetcher) = fetcher {
        // --online: contexts fairlint does not bundle are fetched (bounded, guarded, cached).
        builder = builder.resolver(fair_online::ContextResolver::new(Arc::clone(fetcher)));
    }
    for path in shapes {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read shapes file {}", path.display()))?;
        let name = path.display().to_string();
        let (format, _) = Format::detect(None, None, Some(&name), &bytes)
            .with_context(|| format!("cannot tell the format of shapes file {name}"))?;
        builder = builder.shapes_with_base(name, bytes, format, fair_core::file_base_iri(path));
    }
    builder.build().map_err(|e| match e {
        fair_core::BuildError::Shapes(_) => {
            let names: Vec<_> = shapes.iter().map(|p| p.display().to_string()).collect();
            anyhow::anyhow!("{e} (in {})", names.join(", "))
        }
        other => other.into(),
    })
}

/// The online layer's options from the command line; the body cap is the engine's
/// `max_input_bytes`.
fn online_options(args: &OnlineArgs, config: &Config) -> fair_online::OnlineOptions {
    let mut o = fair_online::OnlineOptions::default();
    o.timeout = Duration::from_secs_f64(args.timeout);
    o.record_timeout = Duration::from_secs_f64(args.record_timeout);
    o.max_bytes = config.limits.max_input_bytes;
    o.max_redirects = args.max_redirects;
    o.max_retries = args.max_retries;
    o.allow_hosts = args.allow_hosts.clone();
    o.resolver_base = args.resolver_base.clone();
    o.handle_base = args.handle_base.clone();
    o.cache_dir = args.cache_dir.clone();
    o.cache_ttl = Duration::from_secs_f64(args.cache_ttl);
    o.offline_from_cache = args.offline_from_cache;
    o.deterministic = args.deterministic;
    o
}

/// 2 when an input could not be checked, else 1 when a finding reached `--fail-on`, else 0.
fn exit_code(stats: &Stats) -> u8 {
    if stats.failed > 0 {
        EXIT_ERROR
    } else if stats.failing_findings > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Tallies of a batch, for the summary and the exit code.
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
        match outcome.report() {
            Some(r) => {
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
            None => self.failed += 1,
        }
    }

    /// The line that ends a batch of several inputs.
    fn summary(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64();
        format!(
            "fairlint: checked {} inputs in {:.2}s ({:.0}/s): {} without findings, {} with findings, {} could not be checked; {} errors, {} warnings, {} infos",
            self.inputs,
            secs,
            self.inputs as f64 / secs.max(1e-9),
            self.clean,
            self.with_findings,
            self.failed,
            self.errors,
            self.warnings,
            self.infos
        )
    }
}
