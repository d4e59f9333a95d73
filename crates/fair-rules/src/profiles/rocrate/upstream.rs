//! The RO-Crate family through rocrate-validator's own SHACL profiles
//! (`shapes/rocrate-validator/`, PyPI `roc-validator` 0.13.0, unchanged but for full-line
//! comments, embedded by `build.rs`).
//!
//! A profile runs the files of its folder and of every profile it inherits from
//! (`prof:isTransitiveProfileOf` in rocrate-validator's `profile.ttl`), as rocrate-validator
//! does: the `ontology.ttl` of the RO-Crate version joins the data graph (its classes'
//! `rdfs:subClassOf` / `owl:equivalentClass` give the record's nodes their super types, the part
//! of OWL 2 RL rocrate-validator's inference needs), the shapes' `sh:rule`s infer first
//! (SHACL Advanced Features), and the shapes then validate. A shape without `sh:severity` takes
//! its node shape's, else its folder's: `must/` error, `should/` warning, `may/` info.
//!
//! The files whose requirements the native rules (`rocrate::check`) implement with exact
//! locations and stable codes still run (their rules type the descriptor and root that other
//! shapes target) but are muted: [`NATIVE`].
//!
//! The shapes' relative IRIs (`@prefix ro: <./>`, `sh:namespace "./"`) name the crate's root,
//! so they are compiled against the record's base IRI; compiled sets are cached per base.

use super::super::shacl::{ShapeSet, Source};
use crate::document::Document;
use crate::format::Format;
use crate::profiles::Level;
use crate::shacl;
use crate::sink::FindingSink;
use crate::vocab;
use fair_graph::Graph;
use oxrdf::{NamedNode, NamedOrBlankNode, Term, Triple};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

/// One embedded file of `shapes/rocrate-validator/profiles/`.
pub(crate) struct UpstreamFile {
    /// Path under `profiles/`, e.g. `ro-crate/1.1/must/2_root_data_entity_metadata.ttl`.
    pub path: &'static str,
    /// Turtle, without full-line comments.
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/rocrate_upstream.rs"));

/// Whether this build embeds rocrate-validator's profiles (feature `rocrate-validator`).
pub fn available() -> bool {
    !UPSTREAM_FILES.is_empty()
}

/// The upstream files whose requirements the native rules implement: they run, muted.
pub const NATIVE: &[&str] = &[
    "ro-crate/1.1/must/1_file-descriptor_metadata.ttl",
    "ro-crate/1.1/must/2_root_data_entity_metadata.ttl",
    "ro-crate/1.1/should/2_root_data_entity_metadata.ttl",
    "ro-crate/1.1/may/61_license_entity.ttl",
    "ro-crate/1.2/must/1_file-descriptor_metadata.ttl",
    "ro-crate/1.2/must/2_root_data_entity_metadata.ttl",
    "ro-crate/1.2/should/2_root_data_entity_metadata.ttl",
    "ro-crate/1.2/may/61_license_entity.ttl",
];

/// The level folder of an upstream file, as the severity of its shapes that declare none.
fn folder_severity(path: &str) -> Option<shacl::Severity> {
    let mut parts = path.split('/').rev();
    parts.next()?;
    match parts.next()? {
        "must" => Some(shacl::Severity::Violation),
        "should" => Some(shacl::Severity::Warning),
        "may" => Some(shacl::Severity::Info),
        _ => None,
    }
}

/// The files of the profile folders `dirs` (each `ro-crate/1.1`, `workflow-ro-crate`, ...).
fn files_of<'a>(dirs: &'a [&'a str]) -> impl Iterator<Item = &'static UpstreamFile> + 'a {
    UPSTREAM_FILES.iter().filter(move |f| {
        dirs.iter().any(|d| {
            f.path
                .strip_prefix(d)
                .is_some_and(|rest| rest.starts_with('/'))
        })
    })
}

/// rdflib's core namespace bindings (any pySHACL query may use them), then the prefixes
/// rocrate-validator 0.13.0 injects into every `sh:select` query that declares none
/// (`requirements/shacl/validator.py`, `_inject_default_prefixes`); several shapes rely on them.
const DEFAULT_PREFIXES: &[(&str, &str)] = &[
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("schema", "http://schema.org/"),
    ("bioschemas", "https://bioschemas.org/"),
    (
        "bioschemas-cw",
        "https://bioschemas.org/ComputationalWorkflow#",
    ),
    ("wfrun", "https://w3id.org/ro/terms/workflow-run#"),
    ("codemeta", "https://codemeta.github.io/terms/"),
    ("rocrate", "https://w3id.org/ro/crate/1.2/"),
    (
        "ro-crate",
        "https://github.com/crs4/rocrate-validator/profiles/ro-crate/",
    ),
    ("ro", "./"),
    ("dct", "http://purl.org/dc/terms/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// A profile's compiled shapes and its ontology's triples, for one base IRI.
struct Compiled {
    shapes: ShapeSet,
    ontology: Vec<Triple>,
}

/// The most recent compilations, oldest first, keyed by profile folders and base IRI.
type Cache = VecDeque<(String, Arc<Compiled>)>;

/// How many (profile, base) compilations stay cached.
const CACHED: usize = 8;

fn compiled(dirs: &'static [&'static str], base: &str) -> Option<Arc<Compiled>> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let key = format!("{}\u{0}{base}", dirs.join(","));
    let cache = CACHE.get_or_init(|| Mutex::new(VecDeque::new()));
    if let Ok(cache) = cache.lock() {
        if let Some((_, c)) = cache.iter().find(|(k, _)| *k == key) {
            return Some(Arc::clone(c));
        }
    }
    let c = Arc::new(compile(dirs, base).ok()?);
    if let Ok(mut cache) = cache.lock() {
        if cache.len() >= CACHED {
            cache.pop_front();
        }
        cache.push_back((key, Arc::clone(&c)));
    }
    Some(c)
}

/// Compiles the shapes of `dirs` against `base` (a test compiles every bundled profile, so this
/// cannot fail at run time for the bundled files).
fn compile(dirs: &[&str], base: &str) -> Result<Compiled, shacl::ShapesError> {
    let mut sources = Vec::new();
    let mut ontology = Vec::new();
    for file in files_of(dirs) {
        if file.path.ends_with("/ontology.ttl") {
            let parser = oxttl::TurtleParser::new()
                .with_base_iri(base)
                .map_err(|e| shacl::ShapesError::syntax(format!("base IRI '{base}': {e}")))?;
            for t in parser.for_slice(file.text.as_bytes()) {
                let t = t.map_err(|e| {
                    shacl::ShapesError::syntax(format!("{}: {}", file.path, e.message()))
                })?;
                ontology.push(t);
            }
            continue;
        }
        sources.push(Source {
            name: file.path,
            bytes: file.text.as_bytes(),
            format: Format::Turtle,
            base: Some(base),
            default_severity: folder_severity(file.path),
            muted: NATIVE.contains(&file.path),
            prefixes_as_defaults: true,
        });
    }
    Ok(Compiled {
        shapes: ShapeSet::build_sources(&sources, DEFAULT_PREFIXES)?,
        ontology,
    })
}

/// rocrate-validator's `validationCandidate` marker (its graph transformer
/// `validation_candidate_marker`): every node the crate says something about, or points to
/// through a predicate other than those that only reference a term.
const CANDIDATE: &str =
    "https://github.com/crs4/rocrate-validator/graph-transformers/validationCandidate";
const REFERENCE_PREDICATES: &[&str] = &[
    vocab::RDF_TYPE,
    "http://schema.org/propertyID",
    "http://schema.org/additionalType",
    "http://www.w3.org/ns/csvw#propertyUrl",
    "http://schema.org/inDefinedTermSet",
    "http://schema.org/encodingFormat",
    "http://purl.org/dc/terms/conformsTo",
];

/// The data graph as rocrate-validator validates it: the record's statements, its validation
/// candidates marked, the ontology, and the super types of its nodes' types.
fn prepare(graph: &Graph, ontology: &[Triple]) -> Graph {
    let mut g = graph.clone();
    let marker = NamedNode::new_unchecked(CANDIDATE);
    let yes = oxrdf::Literal::from(true);
    let mut candidates: Vec<NamedOrBlankNode> = Vec::new();
    for t in graph {
        candidates.push(t.subject.into_owned());
        if REFERENCE_PREDICATES.contains(&t.predicate.as_str()) {
            continue;
        }
        match t.object {
            oxrdf::TermRef::NamedNode(n) => candidates.push(n.into_owned().into()),
            oxrdf::TermRef::BlankNode(b) => candidates.push(b.into_owned().into()),
            _ => {}
        }
    }
    for node in candidates {
        g.insert(&Triple::new(node, marker.clone(), yes.clone()));
    }
    for t in ontology {
        g.insert(t);
    }
    let rdf_type = NamedNode::new_unchecked(vocab::RDF_TYPE);
    let sub_class = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#subClassOf");
    let equivalent = NamedNode::new_unchecked("http://www.w3.org/2002/07/owl#equivalentClass");
    // Class -> its direct super classes (equivalence both ways).
    let mut supers: HashMap<Term, Vec<Term>> = HashMap::new();
    for t in ontology {
        let subject: Term = t.subject.clone().into();
        if t.predicate == sub_class {
            supers.entry(subject).or_default().push(t.object.clone());
        } else if t.predicate == equivalent {
            supers
                .entry(subject.clone())
                .or_default()
                .push(t.object.clone());
            supers.entry(t.object.clone()).or_default().push(subject);
        }
    }
    if supers.is_empty() {
        return g;
    }
    let typed: Vec<(NamedOrBlankNode, Term)> = g
        .triples_for_predicate(&rdf_type)
        .map(|t| (t.subject.into_owned(), t.object.into_owned()))
        .collect();
    for (node, class) in typed {
        let mut todo = vec![class];
        let mut seen = std::collections::HashSet::new();
        while let Some(c) = todo.pop() {
            let Some(next) = supers.get(&c) else {
                continue;
            };
            for s in next {
                if seen.insert(s.clone()) {
                    g.insert(&Triple::new(node.clone(), rdf_type.clone(), s.clone()));
                    todo.push(s.clone());
                }
            }
        }
    }
    g
}

/// Runs the upstream shapes of the profile folders `dirs` on `doc` and reports their findings;
/// returns the level met (`Optional` when the build embeds no upstream profiles).
pub fn check(
    doc: &Document,
    dirs: &'static [&'static str],
    max_sparql_steps: u64,
    sink: &mut FindingSink<'_>,
) -> Level {
    if dirs.is_empty() || !available() {
        return Level::Optional;
    }
    let Some(compiled) = compiled(dirs, doc.base_iri()) else {
        return Level::Optional;
    };
    let graph = prepare(doc.graph(), &compiled.ontology);
    let report = compiled.shapes.validate_graph(&graph, max_sparql_steps);
    compiled.shapes.report_findings(&report, sink);
    let mut level = Level::Optional;
    for r in report
        .results
        .iter()
        .filter(|r| !compiled.shapes.is_muted(r))
    {
        let at = match r.severity {
            shacl::Severity::Violation | shacl::Severity::Other(_) => Level::None,
            shacl::Severity::Warning => Level::Minimum,
            shacl::Severity::Info => Level::Recommended,
        };
        level = level.min(at);
    }
    level
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every profile folder's files compile together with their ancestors'.
    #[test]
    fn every_upstream_profile_compiles() {
        if !available() {
            return;
        }
        for p in crate::profiles::PROFILES.iter() {
            if p.upstream.is_empty() {
                continue;
            }
            if let Err(e) = compile(p.upstream, "file:///") {
                panic!("{}: {e}", p.id);
            }
        }
    }

    #[test]
    fn folder_levels() {
        assert!(matches!(
            folder_severity("ro-crate/1.1/must/x.ttl"),
            Some(shacl::Severity::Violation)
        ));
        assert!(matches!(
            folder_severity("workflow-ro-crate/should/x.ttl"),
            Some(shacl::Severity::Warning)
        ));
        assert!(matches!(
            folder_severity("isa-ro-crate/may/x.ttl"),
            Some(shacl::Severity::Info)
        ));
        assert!(folder_severity("isa-ro-crate/1_study.ttl").is_none());
    }

    /// The embedded files are the committed ones, as PROVENANCE.md lists them.
    #[test]
    fn upstream_files_match_provenance() {
        if !available() {
            return;
        }
        let provenance = include_str!("../../../../../shapes/rocrate-validator/PROVENANCE.md");
        let listed: std::collections::BTreeSet<&str> = provenance
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .filter(|p| !p.ends_with("profile.ttl"))
            .collect();
        let embedded: std::collections::BTreeSet<&str> =
            UPSTREAM_FILES.iter().map(|f| f.path).collect();
        assert_eq!(listed, embedded);
    }

    fn graph(text: &str) -> oxrdf::Graph {
        let mut graph = oxrdf::Graph::new();
        let parser = oxttl::TurtleParser::new()
            .with_base_iri("file:///crate/")
            .expect("base");
        for t in parser.for_slice(text.as_bytes()) {
            graph.insert(&t.expect("upstream file parses"));
        }
        graph.canonicalize(oxrdf::graph::CanonicalizationAlgorithm::Unstable);
        graph
    }

    /// Stripping full-line comments at build time changes no file's graph.
    #[test]
    fn embedded_files_are_the_files_without_comments() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shapes/rocrate-validator/profiles");
        for f in UPSTREAM_FILES {
            let file = std::fs::read_to_string(dir.join(f.path)).expect("upstream file");
            assert_eq!(graph(f.text), graph(&file), "{}", f.path);
        }
    }

    fn crate_doc(root_conforms_to: &str) -> Document {
        let text = format!(
            r#"{{"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": [
              {{"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
                "conformsTo": [{{"@id": "https://w3id.org/ro/crate/1.1"}},
                               {{"@id": "https://w3id.org/workflowhub/workflow-ro-crate/1.0"}}],
                "about": {{"@id": "./"}}}},
              {{"@id": "./", "@type": "Dataset", "name": "x",
                "conformsTo": {root_conforms_to}}}]}}"#
        );
        Document::parse(text.as_bytes(), Format::JsonLd).expect("crate parses")
    }

    /// The most specific profile a crate claims (on its descriptor or root) is selected.
    #[test]
    fn most_specific_claimed_profile_is_selected() {
        let cases = [
            (
                r#"{"@id": "https://w3id.org/ro/wfrun/provenance/0.5"}"#,
                "provenance-run-crate-0.5",
            ),
            (
                r#"[{"@id": "https://w3id.org/ro/wfrun/process/0.5"}, {"@id": "https://w3id.org/ro/wfrun/workflow/0.5"}]"#,
                "workflow-run-crate-0.5",
            ),
            (
                r#"{"@id": "https://w3id.org/ro/wftest/0.1"}"#,
                "workflow-testing-ro-crate-0.1",
            ),
            ("[]", "workflow-ro-crate-1.0"),
        ];
        for (claims, expected) in cases {
            let doc = crate_doc(claims);
            let subject = crate::subject::Subject::of(&doc);
            let (profile, how) = crate::profiles::select(&doc, &subject, None);
            assert_eq!(profile.id, expected, "{claims}");
            assert_eq!(how, crate::profiles::ProfileSelection::ConformsTo);
        }
    }
}
