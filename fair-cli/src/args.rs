//! The command line: clap types for `fairlint` and its subcommands.

use clap::{Parser, Subcommand, ValueEnum};
use fair_core::{Format, Severity};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "fairlint",
    version,
    about = "Check dataset and software metadata against FAIR profiles, offline and deterministically",
    after_help = "Exit codes: 0 = no findings at or above --fail-on (and every score at or above --min-score), 1 = findings at or above --fail-on or a score below --min-score, 2 = usage error, an unknown code for `rules CODE`, or an input that could not be read or parsed. `fairlint serve`: 0 after a graceful shutdown (SIGTERM, Ctrl-C), 2 when it cannot start."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check metadata files, RO-Crate packages (a directory holding ro-crate-metadata.json, or
    /// a .zip), other directories (walked recursively) or `-` for standard input.
    Check(CheckArgs),
    /// Apply the machine-applicable fixes of the findings (safe ones; unsafe ones with
    /// --unsafe-fixes) to JSON-LD, bio.tools and DataCite JSON files, keeping everything else
    /// byte for byte. One input: prints the fixed document; --write fixes files in place;
    /// --diff shows what would change. Exit codes as `check` on the fixed documents.
    Fix(FixArgs),
    /// List the bundled profiles.
    Profiles {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List every finding code with its principle and meaning, or show one code's page
    /// (`fairlint rules F010`); `--format ftr` prints the FAIR tests' descriptions as RDF.
    Rules(RulesArgs),
    /// Run the checker as an HTTP service (POST /v1/check, /v1/fix; GET /v1/profiles,
    /// /v1/rules, /healthz, /metrics, /openapi.json) for registries and submission pipelines.
    /// Stops on SIGTERM or Ctrl-C once the requests in flight are answered (exit 0).
    Serve(Box<crate::serve::ServeArgs>),
    /// Print the shell completion script for SHELL to standard output, e.g.
    /// `fairlint completions bash > ~/.local/share/bash-completion/completions/fairlint`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output, e.g. `fairlint man > fairlint.1`.
    Man,
}

#[derive(clap::Args)]
pub struct RulesArgs {
    /// One code to show (what it checks, why, an example finding, the fix, the indicators it
    /// fails, whether `fairlint fix` fixes it); default: every code.
    pub code: Option<String>,
    /// Output format: text, JSON, or the FAIR Test Results test descriptions (one ftr:Test per
    /// indicator; with CODE, those of the indicators it fails) in Turtle or JSON-LD.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Base of the test IRIs (`{base}test/{indicator}`) for --format ftr / ftr-jsonld.
    #[arg(long, value_name = "IRI", default_value = fair_core::render::ftr::FTR_BASE, value_parser = parse_ftr_base)]
    pub ftr_base: String,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    /// The test descriptions as FAIR Test Results RDF in Turtle.
    Ftr,
    /// The test descriptions as FAIR Test Results RDF in JSON-LD.
    FtrJsonld,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human-readable summary, scores and findings grouped by principle.
    Text,
    /// One JSON report (an array of them for several inputs).
    Json,
    /// One JSON report per line.
    Ndjson,
    /// The W3C SHACL validation report (sh:ValidationReport) as Turtle; needs --shapes.
    Shacl,
    /// SARIF 2.1.0: one run, a result per finding of every input; inputs that could not be
    /// checked are notifications of the run's invocation.
    Sarif,
    /// JUnit XML: one testsuite, a testcase per input, failing when it has findings at or
    /// above --fail-on, in error when it could not be checked.
    Junit,
    /// GitHub Actions annotations (::error / ::warning / ::notice), one per finding.
    Github,
    /// FAIR Test Results (https://w3id.org/ftr#) in Turtle: a result set per input, a test
    /// result per indicator, DQV measurements of the scores.
    Ftr,
    /// FAIR Test Results in JSON-LD.
    FtrJsonld,
}

impl OutputFormat {
    /// Formats written as one document for the whole batch, once every input is checked.
    pub fn whole_batch(self) -> bool {
        matches!(
            self,
            OutputFormat::Sarif
                | OutputFormat::Junit
                | OutputFormat::Github
                | OutputFormat::Ftr
                | OutputFormat::FtrJsonld
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The least severity that fails the run; `None` for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(clap::Args)]
pub struct FixArgs {
    /// Write the fixed documents back to their files.
    #[arg(long, conflicts_with = "diff")]
    pub write: bool,
    /// Print a unified diff of what the fixes change, and change nothing.
    #[arg(long)]
    pub diff: bool,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files, directories or `-` (standard input); with --online also URLs, `doi:10.…` and
    /// `hdl:…` identifiers of published records. A directory holding ro-crate-metadata.json
    /// (or .jsonld) is one RO-Crate, its descriptor checked against its files (A130); a .zip is
    /// read as an RO-Crate (descriptor at its root or in its single top-level folder; zip
    /// bombs, `..` and absolute entry paths refused). Other directories are walked.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Profile to check against (see `fairlint profiles`); default: chosen from each record.
    #[arg(long, short = 'p')]
    pub profile: Option<String>,
    /// Input format; default: detected from the extension, then the content.
    #[arg(long, value_parser = parse_format)]
    pub input_format: Option<Format>,
    /// Exit with 1 when a finding has this severity or worse.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// SHACL shapes graph to check every record against (Turtle or another RDF format;
    /// repeatable). SHACL Core, SHACL-SPARQL and the Advanced Features targets and rules
    /// (sh:SPARQLTarget, sh:TripleRule, sh:SPARQLRule; rules run before validation).

    /// repeatable). Its relative IRIs resolve against its own location, like a data file's.
    #[arg(long, value_name = "FILE")]
    pub shapes: Vec<PathBuf>,
    /// JSON-LD context document to use for a context IRI, as IRI=FILE (repeatable). fairlint
    /// never fetches contexts: use this for one it does not bundle (the bundled ones are listed
    /// in every report's resources). It wins over a bundled context for the same IRI.
    #[arg(long = "context", value_name = "IRI=FILE", value_parser = parse_context)]
    pub contexts: Vec<(String, PathBuf)>,
    /// Engine options as JSON (a file path), e.g. limits and per-code severities.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Hide offending values in findings (privacy).
    #[arg(long)]
    pub mask_values: bool,
    /// Base IRI for relative IRIs in every input, instead of each file's location (a file
    /// `dir/x.ttl` is `file:%2E/dir/x.ttl`, `/abs/x.ttl` is `file:///abs/x.ttl`, standard
    /// input `file:///`). Not applied to --shapes.
    #[arg(long)]
    pub base_iri: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Apply the safe fixes to the files in place before checking them (as `fairlint fix
    /// --write`).
    #[arg(long)]
    pub fix: bool,
    /// With --fix (or `fairlint fix`): apply unsafe fixes too (they change meaning, such as a
    /// property renamed to the one suggested).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Exit with 1 when an input scores below this: `70` (the total) or per letter,
    /// `F=50,R=70` (letters F, A, I, R and `total`, each 0-100). An input whose score cannot be
    /// computed is below it.
    #[arg(long, value_name = "SCORES", value_parser = parse_min_score)]
    pub min_score: Option<MinScore>,
    /// Base of the test IRIs (`{base}test/{indicator}`) in --format ftr / ftr-jsonld; the
    /// default is a URN, since the tests have no hosted pages.
    #[arg(long, value_name = "IRI", default_value = fair_core::render::ftr::FTR_BASE, value_parser = parse_ftr_base)]
    pub ftr_base: String,
    #[command(flatten)]
    pub online: Box<OnlineArgs>,
}

/// `--min-score`: the least score per letter and for the total.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MinScore {
    /// (name, least score) in the order F, A, I, R, total.
    pub bounds: Vec<(&'static str, f64)>,
}

const SCORE_NAMES: [&str; 5] = ["F", "A", "I", "R", "total"];

fn parse_min_score(value: &str) -> Result<MinScore, String> {
    let number = |text: &str| -> Result<f64, String> {
        match text.trim().parse::<f64>() {
            Ok(n) if n.is_finite() && (0.0..=100.0).contains(&n) => Ok(n),
            _ => Err(format!("'{}' is not a score from 0 to 100", text.trim())),
        }
    };
    if !value.contains('=') {
        return Ok(MinScore {
            bounds: vec![("total", number(value)?)],
        });
    }
    let mut found: Vec<(&'static str, f64)> = Vec::new();
    for part in value.split(',') {
        let Some((key, score)) = part.split_once('=') else {
            return Err(format!(
                "'{part}' is not LETTER=SCORE (e.g. F=50,R=70, letters F, A, I, R, total)"
            ));
        };
        let Some(name) = SCORE_NAMES
            .iter()
            .find(|n| n.eq_ignore_ascii_case(key.trim()))
        else {
            return Err(format!(
                "unknown score '{}' (one of F, A, I, R, total)",
                key.trim()
            ));
        };
        if found.iter().any(|(n, _)| n == name) {
            return Err(format!("score {name} is given twice"));
        }
        found.push((name, number(score)?));
    }
    found.sort_by_key(|(n, _)| SCORE_NAMES.iter().position(|x| x == n));
    Ok(MinScore { bounds: found })
}

fn parse_ftr_base(value: &str) -> Result<String, String> {
    fair_core::render::ftr::check_base(value).map(|()| value.to_owned())
}

/// Online mode: off unless `--online`; then these bound every request.
#[derive(clap::Args)]
#[command(next_help_heading = "Online mode")]
pub struct OnlineArgs {
    /// Check published records given by URL, DOI (doi:10.…, https://doi.org/…) or Handle
    /// (hdl:…): harvest them (content negotiation, FAIR Signposting, embedded JSON-LD) and run
    /// the online checks. Also lets JSON-LD contexts fairlint does not bundle be fetched.
    /// Without it nothing is ever fetched.
    #[arg(long)]
    pub online: bool,
    /// Per-request timeout in seconds (connect, headers and body).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, value_parser = parse_seconds)]
    pub timeout: f64,
    /// Total time for one record (harvest, contexts and every online check), in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = parse_seconds)]
    pub record_timeout: f64,
    /// Most redirects followed per request (loops are refused whatever the count).
    #[arg(long, default_value_t = fair_online::DEFAULT_MAX_REDIRECTS)]
    pub max_redirects: usize,
    /// Retries after a 429 or 503 answer (waiting Retry-After, at most 5 s, or a backoff).
    #[arg(long, default_value_t = fair_online::DEFAULT_MAX_RETRIES)]
    pub max_retries: u32,
    /// Permit HOST although it resolves to a private, loopback or link-local address
    /// (refused by default). Repeatable.
    #[arg(long = "allow-host", value_name = "HOST")]
    pub allow_hosts: Vec<String>,
    /// DOI resolver: doi:10.x/y and https://doi.org/10.x/y are fetched from BASE10.x/y.
    #[arg(long, value_name = "BASE", default_value = fair_online::DEFAULT_RESOLVER_BASE)]
    pub resolver_base: String,
    /// Handle resolver: hdl:x/y is fetched from BASEx/y.
    #[arg(long, value_name = "BASE", default_value = fair_online::DEFAULT_HANDLE_BASE)]
    pub handle_base: String,
    /// Cache answers in DIR; a rerun within --cache-ttl uses them.
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// How long a cached answer is used, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 86400.0, value_parser = parse_seconds)]
    pub cache_ttl: f64,
    /// Answer only from --cache-dir, whatever the age; never touch the network.
    #[arg(long, requires = "cache_dir")]
    pub offline_from_cache: bool,
    /// Leave run-dependent facts (harvest.volatile: fetch times, cache hits) out of the report,
    /// so reruns are byte-identical.
    #[arg(long)]
    pub deterministic: bool,
}

fn parse_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 * 365.0 => Ok(s),
        _ => Err(format!("'{value}' is not a number of seconds above 0")),
    }
}

/// `IRI=FILE`, split at the last `=` (IRIs may hold `=` in their query).
fn parse_context(value: &str) -> Result<(String, PathBuf), String> {
    match value.rsplit_once('=') {
        Some((iri, file)) if !iri.is_empty() && !file.is_empty() => {
            Ok((iri.to_owned(), PathBuf::from(file)))
        }
        _ => Err(format!(
            "'{value}' is not IRI=FILE (e.g. https://example.org/context=ctx.jsonld)"
        )),
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        format!(
            "unknown input format '{name}' (one of {})",
            names.join(", ")
        )
    })
}
