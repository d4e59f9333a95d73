//! The engine: built once, validates many documents (`&self`, thread-safe, deterministic).

use crate::contexts;
use crate::document::{Document, ParseOptions};
use crate::error::{BuildError, ConfigError, ParseError, ValidateError};
use crate::finding::Severity;
use crate::format::DetectFormat;
use crate::format::Format;
use crate::limits::{Limits, MAX_JSON_DEPTH_SETTING};
use crate::profiles::{self, Profile};
use crate::report::{Counts, ProfileInfo, Report, Resource, SCHEMA_VERSION};
use fair_ingest::{NoResolver, Resolver};
use fair_model::Payload;
use fair_rules::profiles::shacl::{ShapeSet, ShapesSource};
use fair_rules::sink::FindingSink;
use fair_rules::{CheckContext, Subject};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Engine options. Plain data with defaults, deserialisable from JSON / a Python dict / a JS
/// object; unknown fields are rejected.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// Profile to check against; `None` chooses from the record (`dct:conformsTo`, type).
    pub profile: Option<String>,
    /// Size limits.
    pub limits: Limits,
    /// Whether findings show offending values (turn off to keep values private).
    pub include_values: bool,
    /// Base IRI for relative IRIs in every input, overriding each input's own
    /// ([`InputOptions::base_iri`]); `None`: each input's own, else
    /// [`crate::DEFAULT_BASE_IRI`] (`file:///`).
    pub base_iri: Option<String>,
    /// Severity per code, overriding the default (`{"R001": "error"}`).
    pub severity: BTreeMap<String, Severity>,
    /// Codes not to report.
    pub ignore: Vec<String>,
    /// JSON-LD context documents by IRI (`{"https://example.org/ctx": "{\"@context\": ...}"}`),
    /// for contexts fairlint does not bundle; a context given here wins over a bundled one
    /// for the same IRI (spelling-insensitive, like the bundled ones).
    pub contexts: BTreeMap<String, String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            profile: None,
            limits: Limits::default(),
            include_values: true,
            base_iri: None,
            severity: BTreeMap::new(),
            ignore: Vec::new(),
            contexts: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Reads a configuration from JSON (unknown fields are an error).
    pub fn from_json(json: &str) -> Result<Self, ConfigError> {
        serde_json::from_str(json).map_err(|e| ConfigError::new("options", e.to_string()))
    }
}

/// Options of one validation, beside the engine's [`Config`]: what a record does not hold but
/// its checks need.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// The files and directories of an RO-Crate package (a directory or a zip), relative to
    /// the directory that holds `ro-crate-metadata.json`; with it, the RO-Crate profiles check
    /// that every local data entity exists in it (A130). `None` (a bare metadata file, a
    /// detached crate): no such check.
    pub payload: Option<Payload>,
}

impl ValidateOptions {
    /// Options with the crate's `payload`.
    #[must_use]
    pub fn payload(mut self, payload: Payload) -> Self {
        self.payload = Some(payload);
        self
    }
}

/// Builds an [`Engine`].
#[derive(Clone)]
#[must_use]
pub struct EngineBuilder {
    config: Config,
    resolver: Arc<dyn Resolver>,
    shapes: Vec<ShapesSource>,
    ontologies: Vec<Source>,
}

/// An ontology given to the builder.
#[derive(Clone)]
struct Source {
    name: String,
    bytes: Vec<u8>,
    format: Format,
    base_iri: Option<String>,
}

impl Default for EngineBuilder {
    fn default() -> Self {
        Self {
            config: Config::default(),
            resolver: Arc::new(NoResolver),
            shapes: Vec::new(),
            ontologies: Vec::new(),
        }
    }
}

impl EngineBuilder {
    /// Starts from `config`.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Checks every record against `profile` (see [`crate::profiles::PROFILES`]).
    pub fn profile(mut self, profile: impl Into<String>) -> Self {
        self.config.profile = Some(profile.into());
        self
    }

    /// Size limits.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.config.limits = limits;
        self
    }

    /// Whether findings show offending values.
    pub fn include_values(mut self, include: bool) -> Self {
        self.config.include_values = include;
        self
    }

    /// Where resources fairlint does not bundle come from (default: nowhere).
    pub fn resolver(mut self, resolver: impl Resolver + 'static) -> Self {
        self.resolver = Arc::new(resolver);
        self
    }

    /// Adds a SHACL shapes graph (Turtle or any other RDF format) whose shapes every record is
    /// checked against. `name` (a file name) is used in error messages. Repeatable; all shapes
    /// graphs are merged and compiled once, at [`EngineBuilder::build`]. Relative IRIs resolve
    /// against [`crate::DEFAULT_BASE_IRI`]; see [`EngineBuilder::shapes_with_base`].
    pub fn shapes(
        mut self,
        name: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
        format: Format,
    ) -> Self {
        self.shapes.push(ShapesSource {
            name: name.into(),
            bytes: bytes.into(),
            format,
            base_iri: None,
        });
        self
    }

    /// [`EngineBuilder::shapes`] whose relative IRIs (`<>`, `<#shape>`) resolve against
    /// `base_iri`, for a file its location ([`crate::file_base_iri`]). `Config::base_iri` does
    /// not apply to shapes. A base that is not an absolute IRI is a `config_error` at build.
    pub fn shapes_with_base(
        mut self,
        name: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
        format: Format,
        base_iri: impl Into<String>,
    ) -> Self {
        self.shapes.push(ShapesSource {
            name: name.into(),
            bytes: bytes.into(),
            format,
            base_iri: Some(base_iri.into()),
        });
        self
    }

    /// Adds an ontology (OWL / Turtle / RDF/XML in any RDF `format` fairlint parses, or OBO,
    /// recognised by its content) whose terms records are checked against: IRIs in the
    /// ontology's namespaces must be terms it declares (I110) and not deprecated (I111).
    /// `name` (a file name) names it in findings and errors. Repeatable; parsed once, at
    /// [`EngineBuilder::build`] (a bad ontology is a `config_error`).
    pub fn ontology(
        mut self,
        name: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
        format: Format,
    ) -> Self {
        self.ontologies.push(Source {
            name: name.into(),
            bytes: bytes.into(),
            format,
            base_iri: None,
        });
        self
    }

    /// [`EngineBuilder::ontology`] whose relative IRIs resolve against `base_iri` (for a file,
    /// [`crate::file_base_iri`]); a base that is not an absolute IRI is a `config_error`.
    pub fn ontology_with_base(
        mut self,
        name: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
        format: Format,
        base_iri: impl Into<String>,
    ) -> Self {
        self.ontologies.push(Source {
            name: name.into(),
            bytes: bytes.into(),
            format,
            base_iri: Some(base_iri.into()),
        });
        self
    }

    /// Checks the configuration and builds the engine.
    pub fn build(self) -> Result<Engine, BuildError> {
        let config = self.config;
        let profile = config.validate()?;
        let bases = self.shapes.iter().map(|s| (&s.name, &s.base_iri));
        for (name, base) in bases.chain(self.ontologies.iter().map(|o| (&o.name, &o.base_iri))) {
            if let Some(base) = base {
                check_base_iri(base)
                    .map_err(|e| ConfigError::new("base_iri", format!("{name}: {e}")))?;
            }
        }
        let mut ontologies = Vec::with_capacity(self.ontologies.len());
        for o in &self.ontologies {
            ontologies.push(fair_rules::ontology::Ontology::parse(
                &o.name,
                &o.bytes,
                o.format,
                o.base_iri.as_deref(),
            )?);
        }
        let shapes = if self.shapes.is_empty() {
            None
        } else {
            Some(ShapeSet::build(&self.shapes)?)
        };
        let resources = resources(&self.ontologies, &config.contexts);
        let mut user_contexts = fair_ingest::UserContexts::new();
        for (iri, text) in &config.contexts {
            user_contexts.insert(iri, text.as_str());
        }
        Ok(Engine {
            inner: Arc::new(Inner {
                user_contexts,
                config,
                profile,
                resolver: self.resolver,
                resources,
                shapes,
                ontologies,
            }),
        })
    }
}

impl Config {
    /// Checks the configuration: a known profile (returned), known or well-formed codes,
    /// limits in range, an absolute base IRI, user contexts that are JSON-LD context documents
    /// for absolute IRIs.
    fn validate(&self) -> Result<Option<&'static Profile>, ConfigError> {
        let profile = match &self.profile {
            Some(id) => Some(profiles::profile(id).ok_or_else(|| {
                let known: Vec<_> = profiles::PROFILES.iter().map(|p| p.id).collect();
                ConfigError::new(
                    "profile",
                    format!("unknown profile '{id}' (bundled: {})", known.join(", ")),
                )
            })?),
            None => None,
        };
        for code in self.severity.keys().chain(self.ignore.iter()) {
            let well_formed = code.len() == 4
                && code.starts_with(['F', 'A', 'I', 'R', 'X'])
                && code.chars().skip(1).all(|c| c.is_ascii_digit());
            if fair_rules::registry::template(code).is_none() && !well_formed {
                return Err(ConfigError::new(
                    "severity/ignore",
                    format!("unknown code '{code}'"),
                ));
            }
        }
        let l = &self.limits;
        if l.max_json_depth == 0 || l.max_json_depth > MAX_JSON_DEPTH_SETTING {
            return Err(ConfigError::new(
                "max_json_depth",
                format!("must be between 1 and {MAX_JSON_DEPTH_SETTING}"),
            ));
        }
        if l.max_input_bytes == 0 || l.max_triples == 0 || l.max_findings == 0 {
            return Err(ConfigError::new("limits", "limits must be greater than 0"));
        }
        if let Some(base) = &self.base_iri {
            check_base_iri(base).map_err(|e| ConfigError::new("base_iri", e))?;
        }
        for (iri, text) in &self.contexts {
            validate_context(iri, text, l.max_json_depth)
                .map_err(|message| ConfigError::new(format!("contexts[{iri}]"), message))?;
        }
        Ok(profile)
    }
}

/// `Err` (the message) unless `base` is an absolute IRI.
fn check_base_iri(base: &str) -> Result<(), String> {
    oxiri::Iri::parse(base)
        .map(|_| ())
        .map_err(|e| format!("'{base}' is not an absolute IRI: {e}"))
}

/// What the engine should know about one input besides its bytes. Build with
/// [`InputOptions::new`] and the setters; every field is optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct InputOptions<'a> {
    /// The format; `None` detects it (from `name`'s extension, then the content).
    pub format: Option<Format>,
    /// The input's name (a file name): used to detect the format and as the report's `input`.
    pub name: Option<&'a str>,
    /// The base IRI of the input's relative IRIs, for a file its location
    /// ([`crate::file_base_iri`]). [`Config::base_iri`] overrides it; without either,
    /// [`crate::DEFAULT_BASE_IRI`].
    pub base_iri: Option<&'a str>,
}

impl<'a> InputOptions<'a> {
    /// No format, name or base: everything detected or defaulted.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the format.
    pub fn format(mut self, format: Option<Format>) -> Self {
        self.format = format;
        self
    }

    /// Sets the name.
    pub fn name(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }

    /// Sets the base IRI.
    pub fn base_iri(mut self, base_iri: &'a str) -> Self {
        self.base_iri = Some(base_iri);
        self
    }
}

/// A user context for `iri`: an absolute IRI, and a JSON object with an `@context` entry (an
/// object, array or string), nested no deeper than the inputs may be.
fn validate_context(iri: &str, text: &str, max_depth: usize) -> Result<(), String> {
    oxiri::Iri::parse(iri).map_err(|e| format!("'{iri}' is not an absolute IRI: {e}"))?;
    if let Some(depth) = fair_ingest::json_depth_exceeded(text, max_depth) {
        return Err(format!(
            "the context document nests deeper than max_json_depth ({max_depth}) at line {}",
            depth.0
        ));
    }
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("the context document is not valid JSON: {e}"))?;
    match value.get("@context") {
        Some(
            serde_json::Value::Object(_)
            | serde_json::Value::Array(_)
            | serde_json::Value::String(_),
        ) => Ok(()),
        Some(_) => Err("\"@context\" must be an object, an array or an IRI".to_owned()),
        None => {
            Err("the context document is not a JSON object with an \"@context\" entry".to_owned())
        }
    }
}

/// Every resource a report lists, with its version: the rules, the bundled contexts,
/// reference vocabularies, crosswalk schemas, the user's contexts and ontologies and the
/// profile families.
fn resources(ontologies: &[Source], user_contexts: &BTreeMap<String, String>) -> Vec<Resource> {
    let mut resources = vec![Resource {
        name: "fairlint rules".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        source: "built in".to_owned(),
    }];
    resources.extend(contexts::bundled().iter().map(|c| Resource {
        name: c.name.to_owned(),
        version: c.version.clone(),
        source: c.source.clone(),
    }));
    // Bundled reference vocabularies (indexed once per process, here rather than on the first
    // record) and the crosswalks' schemas.
    fair_refdata::get();
    resources.extend(fair_refdata::resources());
    resources.extend(crate::crosswalk::resources());
    resources.extend(user_contexts.keys().map(|iri| Resource {
        name: format!("user context {iri}"),
        version: "user-supplied".to_owned(),
        source: iri.clone(),
    }));
    resources.extend(ontologies.iter().map(|o| Resource {
        name: format!("ontology {}", o.name),
        version: "user-supplied".to_owned(),
        source: o.name.clone(),
    }));
    resources.extend(profiles::resources());
    resources
}

struct Inner {
    config: Config,
    user_contexts: fair_ingest::UserContexts,
    profile: Option<&'static Profile>,
    resolver: Arc<dyn Resolver>,
    resources: Vec<Resource>,
    shapes: Option<ShapeSet>,
    ontologies: Vec<fair_rules::ontology::Ontology>,
}

/// Checks metadata records. Build once with [`Engine::builder`], then validate many documents
/// from any number of threads.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Starts building an engine.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// An engine with the default configuration.
    pub fn new() -> Result<Self, BuildError> {
        Self::builder().build()
    }

    /// The configuration the engine was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The bundled resources (with versions) every report lists.
    pub fn resources(&self) -> &[Resource] {
        &self.inner.resources
    }

    /// Parses an input with the engine's limits, base IRI and resolver.
    pub fn parse(&self, bytes: &[u8], format: Format) -> Result<Document, ValidateError> {
        self.parse_at(bytes, format, None)
    }

    /// Parses with `base_iri` unless the configuration sets one.
    fn parse_at(
        &self,
        bytes: &[u8],
        format: Format,
        base_iri: Option<&str>,
    ) -> Result<Document, ValidateError> {
        let base_iri = match self.inner.config.base_iri.as_deref() {
            Some(configured) => Some(configured),
            None => {
                if let Some(base) = base_iri {
                    check_base_iri(base).map_err(|e| {
                        ValidateError::Parse(ParseError::new(
                            format,
                            format!("the input's base IRI: {e}"),
                            None,
                        ))
                    })?;
                }
                base_iri
            }
        };
        let options = ParseOptions {
            limits: self.inner.config.limits,
            base_iri,
            resolver: self.inner.resolver.as_ref(),
            user_contexts: Some(&self.inner.user_contexts),
        };
        Document::parse_with(bytes, format, &options)
    }

    /// Detects the format (explicit, then `name`'s extension, then content) and parses.
    pub fn load(
        &self,
        bytes: &[u8],
        format: Option<Format>,
        name: Option<&str>,
    ) -> Result<Document, ValidateError> {
        let mut input = InputOptions::new().format(format);
        input.name = name;
        self.load_input(bytes, &input)
    }

    /// Detects the format (explicit, then the name's extension, then content) and parses,
    /// relative IRIs resolving against the input's base IRI (see [`InputOptions::base_iri`]).
    /// A base that is not an absolute IRI is a `parse_error`.
    pub fn load_input(
        &self,
        bytes: &[u8],
        input: &InputOptions<'_>,
    ) -> Result<Document, ValidateError> {
        self.inner.config.limits.check_input_size(bytes.len())?;
        let (format, _) =
            Format::detect(input.format, None, input.name, bytes).ok_or_else(|| {
                ValidateError::Parse(ParseError::new(
                    Format::JsonLd,
                    "cannot tell the input's format from its name or content; name it explicitly",
                    None,
                ))
            })?;
        self.parse_at(bytes, format, input.base_iri)
    }

    /// Detects the format, parses and validates: the convenience entry point for files and
    /// strings.
    pub fn check(
        &self,
        bytes: &[u8],
        format: Option<Format>,
        name: Option<&str>,
    ) -> Result<Report, ValidateError> {
        self.check_with(bytes, format, name, &ValidateOptions::default())
    }

    /// [`Engine::check`] with per-document options (an RO-Crate's payload).
    pub fn check_with(
        &self,
        bytes: &[u8],
        format: Option<Format>,
        name: Option<&str>,
        options: &ValidateOptions,
    ) -> Result<Report, ValidateError> {
        let mut input = InputOptions::new().format(format);
        input.name = name;
        self.check_input_with(bytes, &input, options)
    }

    /// [`Engine::load_input`] and [`Engine::validate`]; the report's `input` is the name.
    pub fn check_input(
        &self,
        bytes: &[u8],
        input: &InputOptions<'_>,
    ) -> Result<Report, ValidateError> {
        self.check_input_with(bytes, input, &ValidateOptions::default())
    }

    /// [`Engine::check_input`] with per-document options (an RO-Crate's payload).
    pub fn check_input_with(
        &self,
        bytes: &[u8],
        input: &InputOptions<'_>,
        options: &ValidateOptions,
    ) -> Result<Report, ValidateError> {
        let doc = self.load_input(bytes, input)?;
        let mut report = self.validate_with(&doc, options)?;
        if let Some(name) = input.name {
            report.set_input(name);
        }
        Ok(report)
    }

    /// Validates a string (see [`Engine::check`]).
    pub fn validate_str(
        &self,
        text: &str,
        format: Option<Format>,
    ) -> Result<Report, ValidateError> {
        self.check(text.as_bytes(), format, None)
    }

    /// Validates a parsed document. Poor metadata gives `Ok` with findings; `Err` only when
    /// the job cannot be done.
    ///
    /// The pipeline, each stage once: the main resource ([`Subject`]) → the profile → every
    /// pass of [`fair_rules::PASSES`] → the profile's own checks → the sorted, deduplicated,
    /// truncated findings → the scores → the report.
    pub fn validate(&self, doc: &Document) -> Result<Report, ValidateError> {
        self.validate_with(doc, &ValidateOptions::default())
    }

    /// [`Engine::validate`] with per-document options: with `options.payload`, an RO-Crate's
    /// local data entities are checked against the files and directories it lists.
    pub fn validate_with(
        &self,
        doc: &Document,
        options: &ValidateOptions,
    ) -> Result<Report, ValidateError> {
        let inner = &*self.inner;
        let config = &inner.config;
        let subject = Subject::of(doc);
        let (main, others) = profiles::select_all(doc, &subject, inner.profile);
        let (profile, selected_by) = (main.profile, main.selected_by);
        let cx = CheckContext {
            doc,
            subject: &subject,
            profile,
            ontologies: &inner.ontologies,
            shapes: inner.shapes.as_ref(),
            max_sparql_steps: config.limits.max_sparql_steps,
            payload: options.payload.as_ref(),
        };
        let mut sink =
            FindingSink::new(doc, &config.severity, &config.ignore, config.include_values);
        for pass in fair_rules::PASSES {
            pass.run(&cx, &mut sink);
        }
        let level = profiles::run(&cx, &main, &mut sink);
        // The others, when several apply: the report lists each, the main one first.
        let mut checked = Vec::new();
        for (a, level) in std::iter::once((&main, level))
            .chain(others.iter().map(|a| (a, profiles::run(&cx, a, &mut sink))))
        {
            if others.is_empty() {
                break;
            }
            checked.push(ProfileInfo {
                id: a.profile.id.to_owned(),
                version: a.profile.version.to_owned(),
                node: a.node.clone(),
                selected_by: a.selected_by,
                level,
            });
        }
        let (findings, truncated) = sink.finish(config.limits.max_findings);
        let community_profile = profile.id != profiles::default_profile().id;
        let assessment = crate::scoring::assess(&crate::scoring::Context::new(
            doc,
            &subject,
            &findings,
            community_profile,
        ));
        #[cfg_attr(not(feature = "fingerprint"), allow(unused_mut))]
        let mut document = doc.info().clone();
        // Not in the WebAssembly package (feature `fingerprint` off): there the report has
        // neither field.
        #[cfg(feature = "fingerprint")]
        match crate::fingerprint::of(doc.graph(), &config.limits) {
            Ok(fingerprint) => document.fingerprint = Some(fingerprint),
            Err(e) => document.fingerprint_error = Some(e),
        }
        Ok(Report {
            schema_version: SCHEMA_VERSION,
            fairlint_version: env!("CARGO_PKG_VERSION"),
            input: None,
            document,
            profile: ProfileInfo {
                id: profile.id.to_owned(),
                version: profile.version.to_owned(),
                node: None,
                selected_by,
                level,
            },
            profiles: checked,
            conforms: findings.is_empty(),
            counts: Counts::of(&findings),
            scores: assessment.scores,
            top_fixes: assessment.top_fixes,
            findings,
            indicators: assessment.indicators,
            truncated,
            resources: inner.resources.clone(),
        })
    }

    /// Validates an RDF graph held in memory (any [`sophia_api::graph::Graph`], for instance a
    /// `sophia_inmem` graph a sophia parser filled): its triples are copied into the engine's
    /// graph (`oxrdf`) through the same collection as a parsed input's (blank nodes relabelled,
    /// schema.org normalised, `max_triples`), then validated as [`Engine::validate`] does.
    /// There is no source text, so findings have no location and the report's
    /// `document.format` is `graph`. Relative IRIs resolve against [`Config::base_iri`], else
    /// [`crate::DEFAULT_BASE_IRI`]. A triple that is not RDF 1.1 (a literal or a variable as
    /// subject, a triple term, a base direction) or an error from the graph is a
    /// `parse_error` naming the triple's index.
    #[cfg(feature = "sophia")]
    pub fn validate_graph<G: sophia_api::graph::Graph>(
        &self,
        graph: &G,
    ) -> Result<Report, ValidateError> {
        let base = self
            .inner
            .config
            .base_iri
            .as_deref()
            .unwrap_or(crate::DEFAULT_BASE_IRI);
        let doc = crate::sophia::document(graph, base, self.inner.config.limits)?;
        self.validate(&doc)
    }

    /// The W3C `sh:ValidationReport` of a document against the engine's shapes (`None` when
    /// the engine has no shapes). Render it with [`crate::shacl::ValidationReport::to_turtle`].
    pub fn shacl_report(&self, doc: &Document) -> Option<crate::shacl::ValidationReport> {
        let steps = self.inner.config.limits.max_sparql_steps;
        self.inner.shapes.as_ref().map(|s| s.validate(doc, steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_sync_clone() {
        fn assert_bounds<T: Send + Sync + Clone>() {}
        assert_bounds::<Engine>();
    }

    #[test]
    fn unknown_profile_is_a_config_error() {
        let err = Engine::builder().profile("nope").build().unwrap_err();
        assert_eq!(err.code(), "config_error");
    }

    #[test]
    fn config_rejects_unknown_fields() {
        assert!(Config::from_json(r#"{"profile": "core", "limits": {"max_triples": 5}}"#).is_ok());
        assert!(Config::from_json(r#"{"profil": "core"}"#).is_err());
    }

    /// R001's fix names the profile the record was checked against.
    #[test]
    fn missing_conforms_to_fix_names_the_profile() {
        let fix_for = |engine: &Engine, record: &str| -> String {
            let report = engine.validate_str(record, Some(Format::Turtle)).unwrap();
            let r001 = report.findings().iter().find(|f| f.code == "R001").unwrap();
            r001.fix.as_ref().unwrap().message.clone()
        };
        let tool = "@prefix schema: <http://schema.org/> .\n<https://bio.tools/x> a schema:SoftwareApplication ; schema:name \"x\" .\n";
        let engine = Engine::new().unwrap();
        let fix = fix_for(&engine, tool);
        assert!(
            fix.contains("https://bioschemas.org/profiles/ComputationalTool/1.0-RELEASE"),
            "{fix}"
        );
        let dataset = Engine::builder()
            .profile("bioschemas-dataset-1.1")
            .build()
            .unwrap();
        let fix = fix_for(&dataset, tool);
        assert!(
            fix.contains("https://bioschemas.org/profiles/Dataset/1.1-DRAFT"),
            "{fix}"
        );
        let thing =
            "@prefix schema: <http://schema.org/> .\n<https://example.org/x> a schema:Thing .\n";
        let fix = fix_for(&engine, thing);
        assert!(
            fix.contains("the IRI of the profile your record follows"),
            "{fix}"
        );
    }

    /// The input's base IRI resolves its relative IRIs; `Config::base_iri` overrides it; a
    /// base that is not absolute is a parse error; shapes resolve against their own base.
    #[test]
    fn per_input_and_per_shapes_base_iris() {
        let record = "@prefix ex: <http://example.org/> .\n<> a ex:Doc .\n";
        let focus = |engine: &Engine, input: &InputOptions<'_>| -> String {
            let doc = engine.load_input(record.as_bytes(), input).unwrap();
            let t = doc.graph().iter().next().unwrap();
            t.subject.to_string()
        };
        let turtle = InputOptions::new().format(Some(Format::Turtle));
        let engine = Engine::new().unwrap();
        assert_eq!(focus(&engine, &turtle), "<file:///>");
        let at = turtle.base_iri("file:%2E/dir/x.ttl");
        assert_eq!(focus(&engine, &at), "<file:%2E/dir/x.ttl>");
        assert_eq!(
            engine
                .load_input(record.as_bytes(), &at)
                .unwrap()
                .base_iri(),
            "file:%2E/dir/x.ttl"
        );
        let err = engine
            .load_input(record.as_bytes(), &turtle.base_iri("dir/x.ttl"))
            .unwrap_err();
        assert_eq!(err.code(), "parse_error");

        let config = Config {
            base_iri: Some("https://example.org/r/".to_owned()),
            ..Config::default()
        };
        let configured = Engine::builder().config(config).build().unwrap();
        assert_eq!(focus(&configured, &at), "<https://example.org/r/>");

        let shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n<#S> a sh:NodeShape ; sh:targetClass ex:Doc ; sh:class ex:Missing .\n";
        let engine = Engine::builder()
            .shapes_with_base("s.ttl", shapes, Format::Turtle, "file:///shapes/s.ttl")
            .build()
            .unwrap();
        let doc = engine.load_input(record.as_bytes(), &at).unwrap();
        let report = engine.shacl_report(&doc).unwrap();
        assert_eq!(report.results.len(), 1);
        assert_eq!(
            report.results[0].source_shape.to_string(),
            "<file:///shapes/s.ttl#S>"
        );
        // Without a base, shapes resolve against file:/// instead of failing on <#S>.
        assert!(Engine::builder()
            .shapes("s.ttl", shapes, Format::Turtle)
            .build()
            .is_ok());
        let bad = Engine::builder()
            .shapes_with_base("s.ttl", shapes, Format::Turtle, "not absolute")
            .build()
            .unwrap_err();
        assert_eq!(bad.code(), "config_error");
    }
}
