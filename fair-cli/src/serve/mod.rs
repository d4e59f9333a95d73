//! `fairlint serve`: the validator as a small, bounded HTTP service, so a registry or a
//! submission pipeline written in any language can check a record on submit.
//!
//! The engines (one per bundled profile, plus the configured default) are built once at start
//! and shared; validation runs on tokio's blocking pool, sized to `--jobs` (default: the
//! cores), never on the async threads. Every request is bounded: the body by
//! `--max-input-bytes` (413 from the `Content-Length` header alone, or as soon as a chunked
//! body passes it), the time to send headers and body by `--request-timeout` (408), the
//! checks running or waiting at once by `--max-concurrency` (503 with `Retry-After`).
//! SIGTERM (or Ctrl-C) stops accepting connections and lets the requests in flight finish.
//!
//! [`routes`] holds the handlers, [`negotiate`] the `Accept` → renderer table, [`metrics`]
//! the Prometheus counters.

mod metrics;
mod negotiate;
mod routes;

use crate::check::build_engine;
use anyhow::Context as _;
use fair_core::{Config, Engine};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// `fairlint serve` options.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on. Keep it on loopback (or a private interface) behind the
    /// registry's own front end: the service has no authentication.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on; 0 picks a free one. The address bound is printed on standard
    /// output as `fairlint serve: listening on http://HOST:PORT`.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Largest request body in bytes (answered 413 beyond it); default: the engine's
    /// `limits.max_input_bytes` (16 MiB unless --config says otherwise).
    #[arg(long, value_name = "BYTES")]
    pub max_input_bytes: Option<usize>,
    /// Checks running or waiting for a worker at once; one more is answered 503 with
    /// `Retry-After`.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_concurrency: u32,
    /// Time a client has to send a request's headers, and then its body, in seconds
    /// (answered 408, or the connection closed, beyond it).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = parse_seconds)]
    pub request_timeout: f64,
    /// Worker threads that run the checks (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Engine options as JSON (a file path), as `fairlint check --config`: limits, per-code
    /// severities, ignored codes, the default profile, contexts.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// SHACL shapes graph every record is also checked against (repeatable), as `fairlint
    /// check --shapes`; with it, `Accept: text/turtle` gives the W3C validation report.
    #[arg(long, value_name = "FILE")]
    pub shapes: Vec<PathBuf>,
    /// Hide offending values in findings (privacy).
    #[arg(long)]
    pub mask_values: bool,
    /// Allow online checks: `POST /v1/check?url=…` harvests a published record, and JSON-LD
    /// contexts fairlint does not bundle may be fetched. Private, loopback and link-local
    /// addresses stay refused. Without it the service never fetches anything.
    #[arg(long)]
    pub online: bool,
    /// With --online: per-request timeout in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, value_parser = parse_seconds)]
    pub online_timeout: f64,
    /// With --online: total time for one record, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = parse_seconds)]
    pub record_timeout: f64,
}

fn parse_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!("'{value}' is not a number of seconds above 0")),
    }
}

/// The engines, built once: the configured one, and one per bundled profile for
/// `?profile=`.
pub struct Engines {
    default: Engine,
    by_profile: HashMap<&'static str, Engine>,
}

impl Engines {
    fn build(
        config: &Config,
        shapes: &[PathBuf],
        fetcher: Option<&Arc<fair_online::Fetcher>>,
    ) -> anyhow::Result<Self> {
        let default = build_engine(config.clone(), shapes, fetcher)?;
        let mut by_profile = HashMap::new();
        for p in fair_core::profiles::PROFILES {
            let mut c = config.clone();
            c.profile = Some(p.id.to_owned());
            by_profile.insert(p.id, build_engine(c, shapes, fetcher)?);
        }
        Ok(Engines {
            default,
            by_profile,
        })
    }

    /// The engine for `?profile=` (none: the configured one).
    pub fn get(&self, profile: Option<&str>) -> Option<&Engine> {
        match profile {
            None => Some(&self.default),
            Some(id) => self.by_profile.get(id),
        }
    }
}

/// What every handler shares.
pub struct App {
    pub engines: Engines,
    pub fetcher: Option<Arc<fair_online::Fetcher>>,
    pub has_shapes: bool,
    pub max_input_bytes: usize,
    pub request_timeout: Duration,
    pub permits: Arc<tokio::sync::Semaphore>,
    pub max_concurrency: usize,
    pub metrics: metrics::Metrics,
    /// `GET /v1/profiles` and `GET /v1/rules`, rendered once.
    pub profiles_json: String,
    pub rules_json: String,
    /// `GET /openapi.json`, with the running version.
    pub openapi_json: String,
}

pub fn serve(args: ServeArgs) -> anyhow::Result<u8> {
    let mut config = crate::check::read_config(args.config.as_deref())?;
    if let Some(max) = args.max_input_bytes {
        config.limits.max_input_bytes = max;
    }
    if args.mask_values {
        config.include_values = false;
    }
    let fetcher = args.online.then(|| {
        let mut o = fair_online::OnlineOptions::default();
        o.timeout = Duration::from_secs_f64(args.online_timeout);
        o.record_timeout = Duration::from_secs_f64(args.record_timeout);
        o.max_bytes = config.limits.max_input_bytes;
        // Never any --allow-host: a service must not be turned against its own network.
        o.allow_hosts = Vec::new();
        Arc::new(fair_online::Fetcher::new(o))
    });
    let engines = Engines::build(&config, &args.shapes, fetcher.as_ref())?;
    let mut rules = Vec::new();
    crate::list::rules_json(&mut rules)?;
    let max_concurrency = args.max_concurrency as usize;
    let app = Arc::new(App {
        engines,
        fetcher,
        has_shapes: !args.shapes.is_empty(),
        max_input_bytes: config.limits.max_input_bytes,
        request_timeout: Duration::from_secs_f64(args.request_timeout),
        permits: Arc::new(tokio::sync::Semaphore::new(max_concurrency)),
        max_concurrency,
        metrics: metrics::Metrics::default(),
        profiles_json: serde_json::to_string_pretty(fair_core::profiles::PROFILES)?,
        rules_json: String::from_utf8(rules)?,
        openapi_json: openapi_json()?,
    });
    let jobs = args
        .jobs
        .filter(|&j| j > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(jobs)
        .thread_name("fairlint-serve")
        .build()
        .context("cannot start the service's threads")?;
    runtime.block_on(run(app, &args.host, args.port))?;
    Ok(crate::EXIT_OK)
}

/// The OpenAPI document with `info.version` set to the running version.
fn openapi_json() -> anyhow::Result<String> {
    let mut doc: serde_json::Value =
        serde_json::from_str(routes::OPENAPI).context("the bundled openapi.json")?;
    if let Some(info) = doc.get_mut("info").and_then(|i| i.as_object_mut()) {
        info.insert("version".to_owned(), env!("CARGO_PKG_VERSION").into());
    }
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

/// Accepts connections until SIGTERM or Ctrl-C, then waits for the requests in flight.
async fn run(app: Arc<App>, host: &str, port: u16) -> anyhow::Result<()> {
    let stop = shutdown_signal()?;
    let listener = tokio::net::TcpListener::bind((host, port))
        .await
        .with_context(|| format!("cannot listen on {host}:{port}"))?;
    let addr: SocketAddr = listener.local_addr()?;
    // The first line of standard output, for scripts and tests that start on port 0.
    println!("fairlint serve: listening on http://{addr}");
    let request_timeout = app.request_timeout;
    let router = routes::router(app);
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(e) => {
                    eprintln!("fairlint serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(request_timeout);
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A client that goes away mid-request is not the service's error.
            let _ = conn.await;
        });
    }
    drop(listener);
    eprintln!("fairlint serve: shutting down, finishing the requests in flight");
    // Every request is bounded by the request timeout and the engine's limits; this bounds
    // the wait for a check stuck in the blocking pool as well.
    let bound = request_timeout.saturating_mul(2) + Duration::from_secs(5);
    if tokio::time::timeout(bound, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!("fairlint serve: requests still running after {bound:?}; stopping anyway");
    }
    Ok(())
}

/// SIGTERM or Ctrl-C. The handlers are installed when this is called (before the address is
/// printed), so a SIGTERM sent as soon as the service says it listens is a graceful one.
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let (mut term, mut int) = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::terminate()).context("cannot handle SIGTERM")?,
            signal(SignalKind::interrupt()).context("cannot handle SIGINT")?,
        )
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = term.recv() => {},
            _ = int.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    })
}
