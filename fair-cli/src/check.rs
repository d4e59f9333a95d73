//! `fairlint check`, stage by stage: the configuration and the engine, the inputs, the batch
//! (checked in parallel, written in input order by [`Output`]), the summary and the exit code.

use crate::args::{CheckArgs, MinScore, OnlineArgs, OutputFormat};
use crate::batch::{self, Batch, Outcome};
use crate::inputs::{collect_inputs, read_stdin};
use crate::output::{self, Output};
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::Context as _;
use fair_core::{Config, DetectFormat, Engine, Format, Report, Severity};
use std::collections::BTreeMap;
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
    let threshold = args.fail_on.threshold();
    let mut output = Output::begin(
        args.format,
        std::io::BufWriter::new(stdout.lock()),
        progress.as_ref(),
        many,
        output::Whole::new(threshold, args.ftr_base.clone()),
    )?;
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
    let format = args.format;
    let render = |input: &crate::inputs::Input, outcome: &Outcome| {
        output::render(format, many, &input.name, outcome)
    };
    batch.run(&inputs, render, |input, outcome, rendered| {
        stats.add(&outcome, threshold);
        if let (Some(min), Some(report)) = (&args.min_score, outcome.report()) {
            let below = below_min_score(report, min);
            if !below.is_empty() {
                stats.below_min += 1;
                let text = format!(
                    "fairlint: {}: score below --min-score: {}",
                    input.name,
                    below.join(", ")
                );
                match &progress {
                    Some(bar) => bar.suspend(|| eprintln!("{text}")),
                    None => eprintln!("{text}"),
                }
            }
        }
        output.write(&input.name, &outcome, rendered?)
    })?;
    output.finish()?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if many {
        let mut summary = String::new();
        if args.format == OutputFormat::Text {
            summary.push_str(&stats.table());
        }
        summary.push_str(&stats.summary(started.elapsed()));
        output::write_summary(args.format, &summary)?;
    }
    Ok(exit_code(&stats))
}

/// The engine options of a `--config` file, or the defaults without one.
pub(crate) fn read_config(path: Option<&std::path::Path>) -> anyhow::Result<Config> {
    match path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read config {}", path.display()))?;
            Ok(Config::from_json(&text)?)
        }
        None => Ok(Config::default()),
    }
}

/// The engine options: the `--config` file (or the defaults), then the flags that override it.
pub(crate) fn load_config(args: &CheckArgs) -> anyhow::Result<Config> {
    let mut config = read_config(args.config.as_deref())?;
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

/// The scores of `report` below `min`, each as `F 40.0 < 50` (`F none < 50` when the letter has
/// no score).
fn below_min_score(report: &Report, min: &MinScore) -> Vec<String> {
    let s = &report.scores;
    min.bounds
        .iter()
        .filter_map(|&(name, least)| {
            let score = match name {
                "F" => s.f,
                "A" => s.a,
                "I" => s.i,
                "R" => s.r,
                _ => s.total,
            };
            match score {
                Some(v) if v >= least => None,
                Some(v) => Some(format!("{name} {v:.1} < {least}")),
                None => Some(format!("{name} none < {least}")),
            }
        })
        .collect()
}

/// 2 when an input could not be checked, else 1 when a finding reached `--fail-on` or a score
/// is below `--min-score`, else 0.
fn exit_code(stats: &Stats) -> u8 {
    if stats.failed > 0 {
        EXIT_ERROR
    } else if stats.failing_findings > 0 || stats.below_min > 0 {
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
    /// Inputs with a score below `--min-score`.
    below_min: usize,
    /// Inputs checked without a finding at or above `--fail-on`.
    passed: usize,
    /// Sum and count of each score (F, A, I, R, total) over the inputs that have it.
    score_sums: [(f64, usize); 5],
    /// How many findings of each code.
    codes: BTreeMap<String, usize>,
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
                let failing = threshold.map_or(0, |t| {
                    r.findings().iter().filter(|f| f.severity >= t).count()
                });
                self.failing_findings += failing;
                if failing == 0 {
                    self.passed += 1;
                }
                let s = &r.scores;
                for (sum, score) in self
                    .score_sums
                    .iter_mut()
                    .zip([s.f, s.a, s.i, s.r, s.total])
                {
                    if let Some(v) = score {
                        sum.0 += v;
                        sum.1 += 1;
                    }
                }
                for f in r.findings() {
                    *self.codes.entry(f.code.clone()).or_default() += 1;
                }
            }
            None => self.failed += 1,
        }
    }

    /// The table that ends a text batch: inputs passing and failing (`--fail-on`), the mean
    /// scores, the most frequent codes.
    fn table(&self) -> String {
        let mut t = String::from("Summary\n");
        let row = |t: &mut String, k: &str, v: String| t.push_str(&format!("  {k:<16}{v}\n"));
        row(&mut t, "inputs", self.inputs.to_string());
        row(&mut t, "pass", self.passed.to_string());
        row(
            &mut t,
            "fail",
            format!(
                "{} (findings at or above --fail-on)",
                self.inputs - self.passed - self.failed
            ),
        );
        if self.below_min > 0 {
            row(&mut t, "below min-score", self.below_min.to_string());
        }
        row(&mut t, "not checked", self.failed.to_string());
        let means: Vec<String> = ["F", "A", "I", "R", "total"]
            .iter()
            .zip(self.score_sums)
            .map(|(name, (sum, n))| match n {
                0 => format!("{name} -"),
                n => format!("{name} {:.1}", sum / n as f64),
            })
            .collect();
        row(&mut t, "mean scores", means.join("  "));
        let mut codes: Vec<(&String, &usize)> = self.codes.iter().collect();
        // Most frequent first; ties in code order (the map's order, kept by the stable sort).
        codes.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = codes
            .iter()
            .take(5)
            .map(|(code, n)| format!("{code} ×{n}"))
            .collect();
        row(
            &mut t,
            "frequent codes",
            if top.is_empty() {
                "none".to_owned()
            } else {
                top.join(", ")
            },
        );
        t
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
