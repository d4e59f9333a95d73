//! SHACL shapes as checks: compiles the shapes graphs once and turns validation results into
//! findings, using the shapes' `fair:code`, `fair:principle` and `fair:fixHint` annotations
//! (results of shapes without a code are reported as `X000`).

use crate::document::Document;

use crate::finding::{Principle, Severity};
use crate::format::Format;
use crate::pass::{CheckContext, Pass};
use crate::shacl::{self, Shapes, ShapesError, ValidationReport, ValidationResult};
use crate::sink::FindingSink;
use crate::vocab;
use fair_graph::Graph;
use oxrdf::{BlankNode, NamedOrBlankNode, Term, TermRef, Triple};
use serde_json::json;
use std::collections::HashMap;

/// What a shape says about the findings it produces.
#[derive(Debug, Clone, Default)]
struct ShapeMeta {
    code: Option<String>,
    principle: Option<Principle>,
    fix: Option<String>,
}

/// One shapes graph to compile: its name (a file name, for errors), bytes, format and the
/// base IRI its relative IRIs resolve against (`None`: [`fair_ingest::DEFAULT_BASE_IRI`]; a
/// file's own is [`fair_ingest::file_base_iri`]).
#[derive(Debug, Clone)]
pub struct ShapesSource {
    /// A file name, used in error messages.
    pub name: String,
    /// The shapes graph.
    pub bytes: Vec<u8>,
    /// Its RDF format.
    pub format: Format,
    /// The base IRI of its relative IRIs.
    pub base_iri: Option<String>,
}

/// Compiled shapes plus their annotations.
#[derive(Debug, Clone)]
pub struct ShapeSet {
    shapes: Shapes,
    meta: HashMap<Term, ShapeMeta>,
    /// The source file (index) that defines each shape (its first triple).
    origin: HashMap<Term, usize>,
    /// Per source file: its shapes run but their results are not reported.
    muted: Vec<bool>,
}

/// One shapes file of [`ShapeSet::build_sources`].
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// Name, for errors.
    pub name: &'a str,
    /// Content.
    pub bytes: &'a [u8],
    /// Syntax.
    pub format: Format,
    /// Base IRI its relative IRIs resolve against.
    pub base: Option<&'a str>,
    /// The severity of its shapes that declare none (a property shape takes its node shape's
    /// declared one first), e.g. rocrate-validator's `should/` folder: `sh:Warning`.
    pub default_severity: Option<shacl::Severity>,
    /// Its shapes run (their rules infer, other shapes may refer to them) but their results are
    /// not reported.
    pub muted: bool,
    /// Its `@prefix` lines are SPARQL prefixes every query may use (Turtle only), as rdflib
    /// lets pySHACL's queries use the shapes graph's namespaces.
    pub prefixes_as_defaults: bool,
}

/// Gives every shape of `file` without `sh:severity` one: its parent node shape's declared
/// severity for a property shape, else `severity`.
fn default_severities(file: &mut Graph, severity: &shacl::Severity) {
    const SH: &str = "http://www.w3.org/ns/shacl#";
    let iri = |local: &str| oxrdf::NamedNode::new_unchecked(format!("{SH}{local}"));
    let (sh_severity, sh_property, sh_path) = (iri("severity"), iri("property"), iri("path"));
    let rdf_type = oxrdf::NamedNode::new_unchecked(vocab::RDF_TYPE);
    let default = match severity {
        shacl::Severity::Warning => iri("Warning"),
        shacl::Severity::Info => iri("Info"),
        shacl::Severity::Violation | shacl::Severity::Other(_) => iri("Violation"),
    };
    let declared = |g: &Graph, s: oxrdf::NamedOrBlankNodeRef<'_>| -> Option<Term> {
        g.object_for_subject_predicate(s, &sh_severity)
            .map(TermRef::into_owned)
    };
    let mut shapes: Vec<NamedOrBlankNode> = Vec::new();
    for class in ["NodeShape", "PropertyShape"] {
        let class = iri(class);
        shapes.extend(
            file.subjects_for_predicate_object(&rdf_type, &class)
                .map(|s| s.into_owned()),
        );
    }
    shapes.extend(
        file.triples_for_predicate(&sh_path)
            .map(|t| t.subject.into_owned()),
    );
    let mut additions: Vec<Triple> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for shape in shapes {
        if !seen.insert(shape.clone()) || declared(file, shape.as_ref()).is_some() {
            continue;
        }
        let inherited = file
            .subjects_for_predicate_object(&sh_property, shape.as_ref())
            .find_map(|parent| declared(file, parent));
        let value = inherited.unwrap_or_else(|| Term::NamedNode(default.clone()));
        additions.push(Triple::new(shape, sh_severity.clone(), value));
    }
    for t in &additions {
        file.insert(t);
    }
}

impl ShapeSet {
    /// Parses and merges shapes graphs, each with its own base IRI, then compiles them once.
    /// Blank nodes of different files never merge.
    pub fn build(sources: &[ShapesSource]) -> Result<Self, ShapesError> {
        let sources: Vec<Source<'_>> = sources
            .iter()
            .map(|s| Source {
                name: &s.name,
                bytes: &s.bytes,
                format: s.format,
                base: s.base_iri.as_deref(),
                default_severity: None,
                muted: false,
                prefixes_as_defaults: false,
            })
            .collect();
        Self::build_sources(&sources, &[])
    }

    /// Like [`ShapeSet::build`], with a base IRI, a default severity and muting per file, and
    /// SPARQL prefixes every query may use without declaring them (after the files' own
    /// `@prefix` lines where a source asks for that; the later wins).
    pub fn build_sources(
        sources: &[Source<'_>],
        default_prefixes: &[(&str, &str)],
    ) -> Result<Self, ShapesError> {
        let mut graph = Graph::new();
        let mut file_prefixes: Vec<(String, String)> = Vec::new();
        let mut origin: HashMap<Term, usize> = HashMap::new();
        for (index, source) in sources.iter().enumerate() {
            let name = source.name;
            let base = source.base.unwrap_or(fair_ingest::DEFAULT_BASE_IRI);
            // A file whose shapes get default severities is read into a graph of its own first
            // (the defaults look at its shapes only); any other goes straight into the merged
            // graph, each triple inserted once.
            let own_graph = source.default_severity.is_some();
            let mut file = Graph::new();
            // Blank nodes are relabelled per file, in order of appearance, so labels are
            // deterministic and never merge across files.
            let mut labels: HashMap<String, BlankNode> = HashMap::new();
            let mut relabel = |b: oxrdf::BlankNodeRef<'_>| -> BlankNode {
                if let Some(label) = labels.get(b.as_str()) {
                    return label.clone();
                }
                let label = BlankNode::new_unchecked(format!("s{index}b{}", labels.len()));
                labels.insert(b.as_str().to_owned(), label.clone());
                label
            };
            // The subject of the previous triple: parsers give a subject's triples together,
            // so the origin of a shape is looked up once per run of its triples.
            let mut previous: Option<Term> = None;
            let mut add = |t: oxrdf::TripleRef<'_>, graph: &mut Graph, file: &mut Graph| {
                // Terms are only converted where they change (blank nodes, https://schema.org/).
                let (subject_label, subject_iri, predicate_iri, object_label, object_iri);
                let subject: oxrdf::NamedOrBlankNodeRef<'_> = match t.subject {
                    oxrdf::NamedOrBlankNodeRef::BlankNode(b) => {
                        subject_label = relabel(b);
                        (&subject_label).into()
                    }
                    oxrdf::NamedOrBlankNodeRef::NamedNode(n) => match https_schema(n) {
                        Some(n) => {
                            subject_iri = n;
                            (&subject_iri).into()
                        }
                        None => n.into(),
                    },
                };
                let predicate = match https_schema(t.predicate) {
                    Some(n) => {
                        predicate_iri = n;
                        predicate_iri.as_ref()
                    }
                    None => t.predicate,
                };
                let object: TermRef<'_> = match t.object {
                    TermRef::BlankNode(b) => {
                        object_label = relabel(b);
                        (&object_label).into()
                    }
                    TermRef::NamedNode(n) => match https_schema(n) {
                        Some(n) => {
                            object_iri = n;
                            (&object_iri).into()
                        }
                        None => n.into(),
                    },
                    other => other,
                };
                let triple = oxrdf::TripleRef::new(subject, predicate, object);
                if own_graph {
                    file.insert(triple);
                    return;
                }
                graph.insert(triple);
                let subject = TermRef::from(subject);
                if previous.as_ref().is_none_or(|p| p.as_ref() != subject) {
                    let subject = subject.into_owned();
                    origin.entry(subject.clone()).or_insert(index);
                    previous = Some(subject);
                }
            };
            if source.format == Format::Turtle {
                // Straight from the parser: no source map or intermediate graph is needed for
                // shapes, and bundled profiles are compiled at every first engine build.
                let parser = oxttl::TurtleParser::new()
                    .with_base_iri(base)
                    .map_err(|e| ShapesError::syntax(format!("{name}: base IRI '{base}': {e}")))?;
                let mut parser = parser.for_slice(source.bytes);
                for t in parser.by_ref() {
                    let t = t.map_err(|e| {
                        let at = e.location().start;
                        ShapesError::syntax(format!(
                            "{name}: invalid turtle at {}:{}: {}",
                            at.line + 1,
                            at.column + 1,
                            e.message()
                        ))
                    })?;
                    add(t.as_ref(), &mut graph, &mut file);
                }
                if source.prefixes_as_defaults {
                    let mut declared: Vec<(String, String)> = parser
                        .prefixes()
                        .map(|(p, ns)| (p.to_owned(), ns.to_owned()))
                        .collect();
                    declared.sort();
                    file_prefixes.extend(declared);
                }
            } else {
                let options = fair_ingest::ParseOptions {
                    base_iri: Some(base),
                    ..Default::default()
                };
                let doc = Document::parse_with(source.bytes, source.format, &options)
                    .map_err(|e| ShapesError::syntax(format!("{name}: {e}")))?;
                for t in doc.graph() {
                    add(t, &mut graph, &mut file);
                }
            }
            if let Some(severity) = &source.default_severity {
                default_severities(&mut file, severity);
                for t in &file {
                    origin.entry(t.subject.into_owned().into()).or_insert(index);
                    graph.insert(t);
                }
            }
        }
        let muted: Vec<bool> = sources.iter().map(|s| s.muted).collect();
        // A relative `sh:namespace` resolves against the (first) base IRI.
        let base = sources
            .iter()
            .find_map(|s| s.base)
            .unwrap_or(fair_ingest::DEFAULT_BASE_IRI);
        let mut options = shacl::CompileOptions::new().with_base(base);
        for (prefix, ns) in &file_prefixes {
            options = options.with_default_prefix(prefix, ns);
        }
        for (prefix, ns) in default_prefixes {
            options = options.with_default_prefix(prefix, ns);
        }
        let shapes = Shapes::from_graph_with_options(&graph, &options)?;
        let mut meta: HashMap<Term, ShapeMeta> = HashMap::new();
        for (predicate, set) in [
            (vocab::FAIR_CODE, 0),
            (vocab::FAIR_PRINCIPLE, 1),
            (vocab::FAIR_FIX_HINT, 2),
        ] {
            for t in graph.triples_for_predicate(oxrdf::NamedNodeRef::new_unchecked(predicate)) {
                let TermRef::Literal(l) = t.object else {
                    continue;
                };
                let entry = meta.entry(t.subject.into_owned().into()).or_default();
                match set {
                    0 => entry.code = Some(l.value().to_owned()),
                    1 => entry.principle = Principle::from_name(l.value()),
                    _ => {
                        if entry.fix.is_none() || l.language() == Some("en") {
                            entry.fix = Some(l.value().to_owned());
                        }
                    }
                }
            }
        }
        Ok(Self {
            shapes,
            meta,
            origin,
            muted,
        })
    }

    /// Validates a document against the shapes, SPARQL constraints within `max_sparql_steps`.
    pub fn validate(&self, doc: &Document, max_sparql_steps: u64) -> ValidationReport {
        self.shapes
            .validate_with_budget(doc.graph(), max_sparql_steps)
    }

    /// Validates a graph against the shapes (rules first), SPARQL within `max_sparql_steps`.
    pub fn validate_graph(&self, graph: &Graph, max_sparql_steps: u64) -> ValidationReport {
        self.shapes.validate_with_budget(graph, max_sparql_steps)
    }

    /// Whether a result comes from a shape of a muted source file.
    pub fn is_muted(&self, result: &ValidationResult) -> bool {
        self.origin
            .get(&result.source_shape)
            .and_then(|i| self.muted.get(*i))
            .copied()
            .unwrap_or(false)
    }

    /// Adds a finding for every validation result (but those of muted files).
    pub fn report_findings(&self, report: &ValidationReport, sink: &mut FindingSink<'_>) {
        for result in &report.results {
            if !self.is_muted(result) {
                self.report_result(result, sink);
            }
        }
    }

    fn report_result(&self, r: &ValidationResult, sink: &mut FindingSink<'_>) {
        let no_meta = ShapeMeta::default();
        let meta = self.meta.get(&r.source_shape).unwrap_or(&no_meta);
        let component = compact(r.source_constraint_component.as_str());
        let message = r
            .messages
            .iter()
            .find(|m| m.language() == Some("en"))
            .or_else(|| r.messages.first())
            .map(|m| m.value().to_owned())
            .unwrap_or_else(|| default_message(r, &component));
        let severity = match r.severity {
            shacl::Severity::Warning => Severity::Warning,
            shacl::Severity::Info => Severity::Info,
            shacl::Severity::Violation | shacl::Severity::Other(_) => Severity::Error,
        };
        let shape_name = match &r.source_shape {
            Term::NamedNode(n) => n.as_str().to_owned(),
            other => other.to_string(),
        };
        sink.emit_resolved(crate::sink::ResolvedFinding {
            code: meta
                .code
                .clone()
                .unwrap_or_else(|| crate::shapes::SHAPE_CONSTRAINT.as_str().to_owned()),
            severity,
            principle: meta.principle.unwrap_or(Principle::R1_3),
            focus: r.focus_node.to_string(),
            path: r.path.as_ref().map(shacl::Path::to_sparql),
            predicate: r
                .path
                .as_ref()
                .and_then(|p| p.as_predicate())
                .map(|p| p.as_str().to_owned()),
            value: r.value.as_ref().map(ToString::to_string),
            context: json!({ "component": component, "shape": shape_name }),
            message,
            fix: meta.fix.clone().unwrap_or_else(|| {
                format!("Change the record so that it satisfies {component} of shape {shape_name}")
            }),
            shape: shape_name,
            component,
        });
    }
}

fn compact(iri: &str) -> String {
    match iri.strip_prefix("http://www.w3.org/ns/shacl#") {
        Some(local) => format!("sh:{local}"),
        None => iri.to_owned(),
    }
}

fn default_message(r: &ValidationResult, component: &str) -> String {
    let what = component
        .strip_prefix("sh:")
        .and_then(|c| c.strip_suffix("ConstraintComponent"))
        .unwrap_or(component);
    match (&r.path, &r.value) {
        (Some(path), Some(value)) => {
            format!("Value {value} of {} violates {what}", path.to_sparql())
        }
        (Some(path), None) => format!("{} violates {what}", path.to_sparql()),
        (None, Some(value)) => format!("Value {value} violates {what}"),
        (None, None) => format!("Node violates {what}"),
    }
}

/// The highest marginality level a record fully meets, from the severities of the results of
/// its Bioschemas profile's shapes (minimum = Violation, recommended = Warning, optional =
/// Info). `has_target` is false when no resource of the record has a type the profile targets:
/// then nothing meets the profile.
pub fn marginality_level(report: &ValidationReport, has_target: bool) -> crate::profiles::Level {
    use crate::profiles::Level;
    if !has_target {
        return Level::None;
    }
    let mut level = Level::Optional;
    for r in &report.results {
        let at = match r.severity {
            shacl::Severity::Violation | shacl::Severity::Other(_) => Level::None,
            shacl::Severity::Warning => Level::Minimum,
            shacl::Severity::Info => Level::Recommended,
        };
        level = level.min(at);
    }
    level
}

/// The engine's user shapes (`--shapes`) as a pass.
pub struct UserShapes;

impl Pass for UserShapes {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        if let Some(shapes) = cx.shapes {
            let report = shapes.validate(cx.doc, cx.max_sparql_steps);
            shapes.report_findings(&report, sink);
        }
    }
}

/// Whether some resource of `doc` has one of the profile's target types; if none has, reports
/// I200 on `focus` (the resource that claims the profile, or the main resource).
pub fn check_profile_target(
    doc: &Document,
    profile: &crate::profiles::Profile,
    focus: Option<String>,
    sink: &mut FindingSink<'_>,
) -> bool {
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    let found = doc.graph().triples_for_predicate(rdf_type).any(
        |t| matches!(t.object, TermRef::NamedNode(c) if crate::profiles::targets(profile, c.as_str())),
    );
    if !found {
        let types: Vec<String> = profile
            .target_types
            .iter()
            .map(|t| format!("<{t}>"))
            .collect();
        sink.report(crate::shapes::PROFILE_TARGET_TYPE_MISSING)
            .focus(focus)
            .path(format!("<{}>", vocab::RDF_TYPE))
            .context(json!({ "profile": profile.id, "types": types.join(", ") }))
            .emit();
    }
    found
}

/// A bundled profile's compiled shapes (`index` into [`crate::profiles::PROFILES`]; `None` for
/// a profile without shapes). Each profile is compiled once per process, the first time a
/// record selects it, so building an engine costs nothing for profiles a run never uses and
/// later engines share the result. A test (`bundled_profiles_compile`) makes sure every bundled
/// profile compiles, so the lazy step cannot fail at run time.
pub fn bundled_profile_shapes(index: usize) -> Option<&'static ShapeSet> {
    static CACHE: std::sync::OnceLock<Vec<std::sync::OnceLock<Option<ShapeSet>>>> =
        std::sync::OnceLock::new();
    let slots = CACHE.get_or_init(|| {
        (0..crate::profiles::PROFILES.len())
            .map(|_| std::sync::OnceLock::new())
            .collect()
    });
    slots
        .get(index)?
        .get_or_init(|| {
            let p = crate::profiles::PROFILES.get(index)?;
            ShapeSet::build(&[profile_shapes_source(p)?]).ok()
        })
        .as_ref()
}

/// A bundled profile's shapes graph: its embedded Turtle, or for a generated Bioschemas profile
/// the Turtle [`crate::profiles::bioschemas::turtle`] writes from the embedded extract (`None`
/// for a profile without shapes).
pub fn profile_shapes_source(p: &crate::profiles::Profile) -> Option<ShapesSource> {
    let text = p.shapes_turtle();
    if text.is_empty() {
        return None;
    }
    Some(ShapesSource {
        name: p.shapes_file.to_owned(),
        bytes: text.into_owned().into_bytes(),
        format: Format::Turtle,
        base_iri: None,
    })
}

/// `https://schema.org/...` as `http://schema.org/...`, like data graphs are normalised
/// (`None`: `n` stays as it is).
fn https_schema(n: oxrdf::NamedNodeRef<'_>) -> Option<oxrdf::NamedNode> {
    let rest = n.as_str().strip_prefix(vocab::SCHEMA_HTTPS)?;
    Some(oxrdf::NamedNode::new_unchecked(format!(
        "{}{rest}",
        vocab::SCHEMA
    )))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_profiles_compile() {
        let mut compiled = 0;
        for (index, p) in crate::profiles::PROFILES.iter().enumerate() {
            let Some(source) = super::profile_shapes_source(p) else {
                assert!(p.shapes.is_empty() && !p.generated, "{}", p.id);
                continue;
            };
            compiled += 1;
            if let Err(e) = super::ShapeSet::build(&[source]) {
                panic!("bundled profile {} does not compile: {e}", p.id);
            }
            assert!(super::bundled_profile_shapes(index).is_some(), "{}", p.id);
        }
        // 22 generated Bioschemas profile versions, DCAT-AP and CodeMeta 2.0 / 3.0.
        assert_eq!(compiled, 25);
    }
}
