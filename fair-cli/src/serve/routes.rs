//! The handlers of `fairlint serve`. Every error answer is JSON:
//! `{"error": {"code": …, "message": …, "location": …}}`, the `error` object of
//! `fairlint check --format json` for a record that cannot be checked.

use super::negotiate::{self, Checked, Renderer};
use super::App;
use crate::batch::{self, Failure, Outcome};
use crate::inputs::{Input, Kind};
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{MatchedPath, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use fair_core::{FixOptions, Format, InputOptions};
use http_body_util::BodyExt as _;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Instant;

/// The OpenAPI document of the routes below (served at `/openapi.json` with the running
/// version; `tests/serve.rs` checks that it and the router agree).
pub const OPENAPI: &str = include_str!("openapi.json");

/// The name a body's report would carry (left out of the answer).
const REQUEST: &str = "<request>";

/// Seconds a client told 503 is asked to wait.
const RETRY_AFTER_SECS: &str = "1";

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/v1/check", post(check))
        .route("/v1/fix", post(fix))
        .route("/v1/profiles", get(profiles))
        .route("/v1/rules", get(rules))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            track,
        ))
        .with_state(app)
}

/// Counts every request by route and status, and times it.
async fn track(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let started = Instant::now();
    let _in_flight = app.metrics.started();
    let response = next.run(request).await;
    app.metrics
        .finished(&route, response.status().as_u16(), started.elapsed());
    response
}

/// The query parameters of `/v1/check` and `/v1/fix`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    /// The input format (`jsonld`, `turtle`, …); wins over `Content-Type`.
    format: Option<String>,
    /// A bundled profile.
    profile: Option<String>,
    /// `/v1/check` with `--online`: a published record to harvest and check.
    url: Option<String>,
    /// `/v1/fix`: also apply unsafe fixes.
    #[serde(rename = "unsafe")]
    unsafe_fixes: Option<bool>,
}

async fn check(
    State(app): State<Arc<App>>,
    params: Result<Query<Params>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Query(params) = match params {
        Ok(p) => p,
        Err(e) => return error(StatusCode::BAD_REQUEST, "usage_error", e.body_text()),
    };
    if params.unsafe_fixes.is_some() {
        return error(
            StatusCode::BAD_REQUEST,
            "usage_error",
            "`unsafe` is a parameter of /v1/fix",
        );
    }
    let Some(renderer) = negotiate::choose(header_str(&headers, header::ACCEPT)) else {
        return not_acceptable();
    };
    if renderer.needs_shacl && (!app.has_shapes || params.url.is_some()) {
        return error(
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
            format!(
                "{} (the W3C SHACL validation report) needs the service started with --shapes, and a record in the body",
                renderer.media_type
            ),
        );
    }
    if let Err(e) = engine_for(&app, params.profile.as_deref()) {
        return e;
    }
    let Ok(permit) = Arc::clone(&app.permits).try_acquire_owned() else {
        return busy();
    };
    if let Some(url) = params.url {
        return check_online(app, url, params.profile, renderer, permit, &headers).await;
    }
    // An RO-Crate package: the descriptor checked against the zip's entries (A130).
    let zip = is_zip(&headers);
    if zip && params.format.is_some() {
        return error(
            StatusCode::BAD_REQUEST,
            "usage_error",
            "a zip body is an RO-Crate package (its descriptor is JSON-LD): leave out ?format=",
        );
    }
    let format = match zip {
        true => None,
        false => match input_format(params.format.as_deref(), &headers) {
            Ok(f) => f,
            Err(e) => return e,
        },
    };
    let bytes = match read_body(&app, &headers, body).await {
        Ok(b) => b,
        Err(e) => return e,
    };
    let worker_app = Arc::clone(&app);
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let app = worker_app;
        let engine = engine_for(&app, params.profile.as_deref()).map_err(Answer::response)?;
        let outcome = if zip {
            let max = engine.config().limits.max_input_bytes;
            match crate::package::read_zip_from(REQUEST, std::io::Cursor::new(&bytes[..]), max) {
                Ok(c) => batch::check_bytes(
                    engine,
                    &c.bytes,
                    c.name,
                    Some(c.payload),
                    None,
                    None,
                    renderer.needs_shacl,
                ),
                Err(f) => Outcome::Failed(f),
            }
        } else {
            let input = Input {
                name: REQUEST.to_owned(),
                path: None,
                kind: Kind::File,
            };
            batch::run_one(engine, &input, format, &bytes, renderer.needs_shacl)
        };
        match outcome {
            Outcome::Report(mut report, turtle) => {
                // As `fairlint check --format json`, without the input's name.
                report.input = None;
                let text = (renderer.render)(&Checked {
                    report: &report,
                    shacl: turtle.as_deref(),
                    online: None,
                });
                Ok((text, report.conforms))
            }
            Outcome::Online(o) => Ok(((renderer.render)(&Checked::online(&o)), o.report.conforms)),
            Outcome::Failed(f) => Err(Answer::failure(f)),
        }
    })
    .await;
    finish(&app, done, renderer.content_type)
}

/// `POST /v1/check?url=…`: only with `--online`; private addresses stay refused.
async fn check_online(
    app: Arc<App>,
    url: String,
    profile: Option<String>,
    renderer: &'static Renderer,
    permit: tokio::sync::OwnedSemaphorePermit,
    headers: &HeaderMap,
) -> Response {
    if app.fetcher.is_none() {
        return error(
            StatusCode::FORBIDDEN,
            "online_disabled",
            "online checks are off: start the service with --online to check published records by URL",
        );
    }
    if headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim() != "0")
    {
        return error(
            StatusCode::BAD_REQUEST,
            "usage_error",
            "give either a record in the body or ?url=, not both",
        );
    }
    let worker_app = Arc::clone(&app);
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let app = worker_app;
        let engine = engine_for(&app, profile.as_deref()).map_err(Answer::response)?;
        let Some(fetcher) = &app.fetcher else {
            return Err(Answer::response(error(
                StatusCode::FORBIDDEN,
                "online_disabled",
                "online checks are off",
            )));
        };
        match batch::run_remote(engine, fetcher, &url) {
            Outcome::Online(o) => Ok(((renderer.render)(&Checked::online(&o)), o.report.conforms)),
            Outcome::Report(report, _) => Ok((
                (renderer.render)(&Checked {
                    report: &report,
                    shacl: None,
                    online: None,
                }),
                report.conforms,
            )),
            Outcome::Failed(f) => Err(Answer::failure(f)),
        }
    })
    .await;
    finish(&app, done, renderer.content_type)
}

async fn fix(
    State(app): State<Arc<App>>,
    params: Result<Query<Params>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Query(params) = match params {
        Ok(p) => p,
        Err(e) => return error(StatusCode::BAD_REQUEST, "usage_error", e.body_text()),
    };
    if params.url.is_some() {
        return error(
            StatusCode::BAD_REQUEST,
            "usage_error",
            "/v1/fix fixes the record in the body; `url` is a parameter of /v1/check",
        );
    }
    if !negotiate::acceptable(header_str(&headers, header::ACCEPT), "application/json") {
        return not_acceptable();
    }
    if let Err(e) = engine_for(&app, params.profile.as_deref()) {
        return e;
    }
    let Ok(permit) = Arc::clone(&app.permits).try_acquire_owned() else {
        return busy();
    };
    let format = match input_format(params.format.as_deref(), &headers) {
        Ok(f) => f,
        Err(e) => return e,
    };
    let bytes = match read_body(&app, &headers, body).await {
        Ok(b) => b,
        Err(e) => return e,
    };
    let worker_app = Arc::clone(&app);
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let app = worker_app;
        let engine = engine_for(&app, params.profile.as_deref()).map_err(Answer::response)?;
        let options = FixOptions::new().unsafe_fixes(params.unsafe_fixes.unwrap_or(false));
        match engine.fix(&bytes, &InputOptions::new().format(format), &options) {
            Ok(result) => {
                let mut text = serde_json::to_string_pretty(&result).map_err(|e| {
                    Answer::response(error(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal_error",
                        e.to_string(),
                    ))
                })?;
                text.push('\n');
                Ok((text, result.report.conforms))
            }
            Err(e) => Err(Answer::failure(e.into())),
        }
    })
    .await;
    finish(&app, done, "application/json")
}

/// What a check on the blocking pool can end in, beside a rendered report.
enum Answer {
    /// The record could not be checked: 422 with the typed error.
    Failure(Failure),
    Response(Response),
}

impl Answer {
    fn failure(f: Failure) -> Box<Answer> {
        Box::new(Answer::Failure(f))
    }

    fn response(r: Response) -> Box<Answer> {
        Box::new(Answer::Response(r))
    }
}

/// The response for a finished check: 200 with the rendered report, or the error.
fn finish(
    app: &App,
    done: Result<Result<(String, bool), Box<Answer>>, tokio::task::JoinError>,
    content_type: &'static str,
) -> Response {
    let done = match done {
        Ok(Ok(answer)) => Ok(answer),
        Ok(Err(e)) => Err(Some(*e)),
        Err(join) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                format!("the check stopped: {join}"),
            )
        }
    };
    match done {
        Ok((text, conforms)) => {
            app.metrics.checked(Some(conforms));
            ([(header::CONTENT_TYPE, content_type)], text).into_response()
        }
        Err(Some(Answer::Failure(f))) => {
            app.metrics.checked(None);
            let mut value = crate::output::failure_json("", &f);
            if let Some(map) = value.as_object_mut() {
                map.remove("input");
            }
            json(StatusCode::UNPROCESSABLE_ENTITY, &value)
        }
        Err(Some(Answer::Response(r))) => r,
        Err(None) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "the check stopped",
        ),
    }
}

/// The engine for `?profile=`, or a 400 naming the bundled profiles.
#[allow(clippy::result_large_err)]
fn engine_for<'a>(app: &'a App, profile: Option<&str>) -> Result<&'a fair_core::Engine, Response> {
    app.engines.get(profile).ok_or_else(|| {
        let known: Vec<_> = fair_core::profiles::PROFILES.iter().map(|p| p.id).collect();
        error(
            StatusCode::BAD_REQUEST,
            "config_error",
            format!(
                "profile: unknown profile '{}' (bundled: {})",
                profile.unwrap_or_default(),
                known.join(", ")
            ),
        )
    })
}

/// Whether the body is a zip (`application/zip`): an RO-Crate package.
fn is_zip(headers: &HeaderMap) -> bool {
    header_str(headers, header::CONTENT_TYPE).is_some_and(|t| {
        let essence = t.split(';').next().unwrap_or_default().trim();
        essence.eq_ignore_ascii_case("application/zip")
            || essence.eq_ignore_ascii_case("application/x-zip-compressed")
    })
}

/// `?format=`, else the `Content-Type`; `None` detects the format from the content, as
/// `fairlint check -` does. `application/json` (JSON-LD, bio.tools or DataCite JSON: told
/// apart by content), `text/plain`, `application/octet-stream`,
/// `application/x-www-form-urlencoded` (curl's default) and no `Content-Type` all detect.
#[allow(clippy::result_large_err)]
fn input_format(name: Option<&str>, headers: &HeaderMap) -> Result<Option<Format>, Response> {
    if let Some(name) = name {
        return Format::from_name(name).map(Some).ok_or_else(|| {
            let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
            error(
                StatusCode::BAD_REQUEST,
                "usage_error",
                format!(
                    "unknown input format '{name}' (one of {})",
                    names.join(", ")
                ),
            )
        });
    }
    let Some(content_type) = header_str(headers, header::CONTENT_TYPE) else {
        return Ok(None);
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "" | "application/json"
        | "text/plain"
        | "application/octet-stream"
        | "application/x-www-form-urlencoded" => Ok(None),
        _ => Format::from_media_type(&essence).map(Some).ok_or_else(|| {
            error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!(
                    "Content-Type {content_type} is not a metadata format fairlint reads (JSON-LD, JSON, Turtle, TriG, N-Triples, N-Quads, RDF/XML, HTML, DataCite)"
                ),
            )
        }),
    }
}

/// The body, at most `max_input_bytes` of it (413 as soon as it is known to be larger: from
/// `Content-Length` before reading anything, else when the bytes read pass the bound), within
/// the request timeout (408).
#[allow(clippy::result_large_err)]
async fn read_body(app: &App, headers: &HeaderMap, body: Body) -> Result<Bytes, Response> {
    let max = app.max_input_bytes;
    let declared = header_str(headers, header::CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large(max));
    }
    let read = async {
        let mut body = body;
        let mut bytes = Vec::with_capacity(declared.map_or(0, |n| n as usize));
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                error(
                    StatusCode::BAD_REQUEST,
                    "body_error",
                    format!("cannot read the body: {e}"),
                )
            })?;
            if let Ok(data) = frame.into_data() {
                if bytes.len() + data.len() > max {
                    return Err(too_large(max));
                }
                bytes.extend_from_slice(&data);
            }
        }
        Ok(Bytes::from(bytes))
    };
    match tokio::time::timeout(app.request_timeout, read).await {
        Ok(read) => read,
        Err(_) => Err(error(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            format!(
                "the body did not arrive within {} s",
                app.request_timeout.as_secs_f64()
            ),
        )),
    }
}

async fn profiles(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        app.profiles_json.clone(),
    )
        .into_response()
}

async fn rules(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        app.rules_json.clone(),
    )
        .into_response()
}

async fn healthz() -> Response {
    json(
        StatusCode::OK,
        &serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }),
    )
}

async fn metrics(State(app): State<Arc<App>>) -> Response {
    let busy = app
        .max_concurrency
        .saturating_sub(app.permits.available_permits());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        app.metrics.render(busy, app.max_concurrency),
    )
        .into_response()
}

async fn openapi(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        app.openapi_json.clone(),
    )
        .into_response()
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such endpoint (see /openapi.json)",
    )
}

async fn method_not_allowed() -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "method not allowed here (see /openapi.json)",
    )
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    (status, [(header::CONTENT_TYPE, "application/json")], text).into_response()
}

fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    json(
        status,
        &serde_json::json!({ "error": { "code": code, "message": message.into(), "location": null } }),
    )
}

fn too_large(max: usize) -> Response {
    let mut r = error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "limit_exceeded",
        format!("the body is larger than the service's limit of {max} bytes (max_input_bytes)"),
    );
    // The rest of the body is not read: the connection cannot carry another request.
    r.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

fn busy() -> Response {
    let mut r = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "too many checks at once (--max-concurrency); retry after the Retry-After seconds",
    );
    r.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECS),
    );
    r
}

fn not_acceptable() -> Response {
    let offered: Vec<_> = negotiate::RENDERERS.iter().map(|r| r.media_type).collect();
    error(
        StatusCode::NOT_ACCEPTABLE,
        "not_acceptable",
        format!(
            "nothing in Accept can be answered (offered: {})",
            offered.join(", ")
        ),
    )
}
