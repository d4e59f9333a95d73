//! A SHACL Core and SHACL-SPARQL validation engine over [`oxrdf::Graph`].
//!
//! Shapes graphs are parsed once into a compiled form ([`Shapes`]) that validates any number of
//! data graphs (`&self`, `Send + Sync`, cheap to clone):
//!
//! ```
//! use fair_shacl::Shapes;
//!
//! let shapes = Shapes::parse_turtle(
//!     r#"@prefix sh: <http://www.w3.org/ns/shacl#> .
//!        @prefix ex: <http://example.org/> .
//!        ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
//!            sh:property [ sh:path ex:name ; sh:minCount 1 ] ."#,
//!     None,
//! )?;
//! let mut data = oxrdf::Graph::new();
//! data.insert(oxrdf::TripleRef::new(
//!     oxrdf::NamedNodeRef::new("http://example.org/alice")?,
//!     oxrdf::vocab::rdf::TYPE,
//!     oxrdf::NamedNodeRef::new("http://example.org/Person")?,
//! ));
//! let report = shapes.validate(&data);
//! assert!(!report.conforms);
//! assert_eq!(report.results[0].path.as_ref().map(|p| p.to_sparql()).as_deref(),
//!            Some("<http://example.org/name>"));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```
//!
//! Supported: all SHACL Core targets, paths and constraint components, `sh:deactivated`,
//! `sh:severity`, `sh:message`, SPARQL-based constraints (`sh:sparql`) and SPARQL-based
//! constraint components (`sh:ConstraintComponent` with `sh:validator`, `sh:nodeValidator`,
//! `sh:propertyValidator`, ASK or SELECT). Conformance: the W3C SHACL test suite passes in full
//! (`tests/w3c_shacl.rs`).
//!
//! Design notes:
//! - **Compile once.** Shapes, paths, constraint parameters, regular expressions (size-limited)
//!   and SPARQL queries (with `sh:prefixes` and `$PATH` substituted) are parsed when the
//!   [`Shapes`] are built; an ill-formed shapes graph is a [`ShapesError`] naming the shape.
//! - **Recursion.** A shape re-entered for the same focus node is assumed to conform and nesting
//!   is bounded (64 levels), so recursive shapes never hang.
//! - **SHACL-SPARQL** runs on `spareval` (oxigraph's SPARQL evaluator) over a zero-copy view of
//!   the data graph (plus the shapes graph as the named graph `$shapesGraph`, only when a query
//!   uses it). Pre-binding (`$this`, `$currentShape`, `$shapesGraph`, `$value`, component
//!   parameters) replaces the variables in the query algebra; blank nodes are seen by queries as
//!   skolem IRIs (`urn:x-fairlint:skolem:…`, so `isBlank` is false for them) and mapped back in
//!   results. Queries that bind `$this` in their top-level group run once per shape and data
//!   graph rather than once per focus node. Queries that the pre-binding rules forbid (`MINUS`,
//!   `VALUES`, `SERVICE`, re-binding a pre-bound variable, sub-queries that do not project it)
//!   are rejected when the shapes are built. A query that fails at run time yields a result
//!   whose message says so (never a silent pass).
//! - **Step budget.** All SPARQL queries of one validation share a budget of evaluation steps
//!   ([`DEFAULT_MAX_SPARQL_STEPS`] unless the caller gives one, counted by the dataset view and per solution; there is no
//!   clock on wasm32). A query that runs out is stopped and reported like any failed query.
//! - **Determinism.** Results are sorted by (focus node, path, component, value, shape);
//!   Turtle/JSON-LD reports use stable blank-node labels and triple order.
//! - **WebAssembly.** SPARQL evaluation asks `oxsdatatypes` for the current time (for `NOW()`);
//!   on `wasm32-unknown-unknown` the final binary must enable `oxsdatatypes/js`.

mod compile;
mod dataset;
mod error;
mod graph;
mod literal;
mod path;
mod prebind;
mod results;
mod sparql;
mod validate;
mod vocab;

use std::sync::Arc;

use oxrdf::{Graph, NamedNode};

pub use error::ShapesError;

/// The SPARQL evaluation steps that [`Shapes::validate`] gives all the SPARQL-based
/// constraints of one validation (fairlint's `Limits::max_sparql_steps` defaults to it).
pub const DEFAULT_MAX_SPARQL_STEPS: u64 = 1_000_000;
pub use path::Path;
pub use results::write_turtle;
pub use results::{ValidationReport, ValidationResult};

/// The severity of a shape and of the validation results it produces (`sh:severity`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Severity {
    /// `sh:Violation` (the default).
    Violation,
    /// `sh:Warning`.
    Warning,
    /// `sh:Info`.
    Info,
    /// Any other severity IRI.
    Other(NamedNode),
}

impl Severity {
    /// The severity as an IRI.
    pub fn iri(&self) -> NamedNode {
        match self {
            Self::Violation => vocab::VIOLATION.into_owned(),
            Self::Warning => vocab::WARNING.into_owned(),
            Self::Info => vocab::INFO.into_owned(),
            Self::Other(iri) => iri.clone(),
        }
    }

    fn from_iri(iri: &NamedNode) -> Self {
        if iri.as_ref() == vocab::VIOLATION {
            Self::Violation
        } else if iri.as_ref() == vocab::WARNING {
            Self::Warning
        } else if iri.as_ref() == vocab::INFO {
            Self::Info
        } else {
            Self::Other(iri.clone())
        }
    }
}

/// A compiled shapes graph, ready to validate data graphs.
///
/// Cloning is cheap (an [`Arc`] inside); the type is `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Shapes {
    inner: Arc<compile::CompiledShapes>,
}

impl Shapes {
    /// Compiles the shapes found in `graph` (the shapes graph).
    pub fn from_graph(graph: &Graph) -> Result<Self, ShapesError> {
        Ok(Self {
            inner: Arc::new(compile::compile(graph)?),
        })
    }

    /// Parses a Turtle shapes graph and compiles it.
    pub fn parse_turtle(turtle: &str, base: Option<&str>) -> Result<Self, ShapesError> {
        let mut parser = oxttl::TurtleParser::new();
        if let Some(base) = base {
            parser = parser
                .with_base_iri(base)
                .map_err(|e| ShapesError::syntax(e.to_string()))?;
        }
        let mut graph = Graph::new();
        for triple in parser.for_slice(turtle.as_bytes()) {
            let triple = triple.map_err(|e| ShapesError::syntax(e.to_string()))?;
            graph.insert(&triple);
        }
        Self::from_graph(&graph)
    }

    /// Number of shapes in the compiled shapes graph.
    pub fn len(&self) -> usize {
        self.inner.shapes.len()
    }

    /// Whether the shapes graph defines no shape.
    pub fn is_empty(&self) -> bool {
        self.inner.shapes.is_empty()
    }

    /// Whether any shape uses SHACL-SPARQL (`sh:sparql` or a SPARQL-based constraint component).
    pub fn uses_sparql(&self) -> bool {
        self.inner.uses_sparql
    }

    /// Validates `data` against these shapes. Results are sorted deterministically.
    /// SPARQL-based constraints share the default step budget
    /// ([`DEFAULT_MAX_SPARQL_STEPS`]); see [`Shapes::validate_with_budget`].
    pub fn validate(&self, data: &Graph) -> ValidationReport {
        self.validate_with_budget(data, DEFAULT_MAX_SPARQL_STEPS)
    }

    /// Validates `data`, giving the SPARQL-based constraints `max_sparql_steps` evaluation
    /// steps in all (a triple examined, a term passed to or from the evaluator, a solution).
    /// When the budget is spent, the constraint that ran out and every later SPARQL-based
    /// constraint yield a result whose message names `max_sparql_steps`, so the report does
    /// not conform: a stopped check is never a silent pass.
    pub fn validate_with_budget(&self, data: &Graph, max_sparql_steps: u64) -> ValidationReport {
        validate::validate(&self.inner, data, max_sparql_steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIXES: &str = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\
        @prefix ex: <http://example.org/> .\n";

    fn shapes(ttl: &str) -> Result<Shapes, ShapesError> {
        Shapes::parse_turtle(&format!("{PREFIXES}{ttl}"), None)
    }

    fn data(ttl: &str) -> Graph {
        let mut g = Graph::new();
        for t in oxttl::TurtleParser::new().for_slice(format!("{PREFIXES}{ttl}").as_bytes()) {
            g.insert(&t.unwrap());
        }
        g
    }

    #[test]
    fn shapes_are_send_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Shapes>();
        check::<ValidationReport>();
    }

    #[test]
    fn ill_typed_min_count_is_an_error_naming_the_shape() {
        for value in ["\"abc\"", "-1", "\"1\"^^xsd:string", "1.5"] {
            let err = shapes(&format!(
                "ex:S a sh:NodeShape ; sh:property [ sh:path ex:p ; sh:minCount {value} ] ."
            ))
            .unwrap_err();
            assert!(
                matches!(err, ShapesError::InvalidParameter { .. }),
                "{value}: {err}"
            );
            assert!(err.to_string().contains("minCount"), "{err}");
            assert!(err.shape().is_some());
        }
    }

    #[test]
    fn malformed_paths_are_errors() {
        for path in [
            "( ex:p )", // sequence with one member
            "[ sh:inversePath ex:p ; sh:zeroOrMorePath ex:q ]",
            "[ ex:unknown ex:p ]",
            "\"literal\"",
            "[ sh:alternativePath ex:notAList ]",
        ] {
            let err = shapes(&format!(
                "ex:S a sh:PropertyShape ; sh:path {path} ; sh:minCount 1 ."
            ))
            .unwrap_err();
            assert!(
                matches!(err, ShapesError::MalformedPath { .. }),
                "{path}: {err}"
            );
            assert_eq!(err.shape(), Some("<http://example.org/S>"));
        }
        // An rdf:List that is not well formed (two rdf:rest).
        let err = shapes(
            "ex:S a sh:PropertyShape ; sh:path _:l ; sh:minCount 1 .\n\
             _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ex:p ;\n\
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:m, _:n .",
        )
        .unwrap_err();
        assert!(matches!(err, ShapesError::MalformedPath { .. }), "{err}");
    }

    #[test]
    fn invalid_parameter_values_are_errors() {
        for c in [
            "sh:nodeKind ex:NotANodeKind",
            "sh:pattern \"(unclosed\"",
            "sh:pattern \"a\" ; sh:flags \"z\"",
            "sh:datatype \"xsd:string\"",
            "sh:in ex:notAList",
            "sh:node \"x\"",
            "sh:severity \"high\"",
        ] {
            let err =
                shapes(&format!("ex:S a sh:NodeShape ; sh:targetNode ex:a ; {c} .")).unwrap_err();
            assert!(
                matches!(err, ShapesError::InvalidParameter { .. }),
                "{c}: {err}"
            );
        }
        let err =
            shapes("ex:S a sh:NodeShape ; sh:sparql [ sh:select \"SELECT $this WHERE {\" ] .")
                .unwrap_err();
        assert!(matches!(err, ShapesError::Sparql { .. }), "{err}");
        assert!(matches!(
            Shapes::parse_turtle("not turtle", None),
            Err(ShapesError::Syntax { .. })
        ));
    }

    #[test]
    fn recursive_shapes_terminate() {
        let s = shapes(
            "ex:Person a sh:NodeShape ; sh:targetClass ex:Person ;\n\
               sh:property [ sh:path ex:knows ; sh:node ex:Person ] ;\n\
               sh:property [ sh:path ex:name ; sh:minCount 1 ] .",
        )
        .unwrap();
        let d = data(
            "ex:a a ex:Person ; ex:name \"A\" ; ex:knows ex:b .\n\
             ex:b a ex:Person ; ex:knows ex:a .",
        );
        let report = s.validate(&d);
        assert!(!report.conforms);
        // ex:b has no name; so ex:a (knows ex:b) does not conform, and neither does ex:b
        // (knows ex:a).
        let components: Vec<String> = report
            .results
            .iter()
            .map(|r| format!("{} {}", r.focus_node, r.source_constraint_component))
            .collect();
        assert_eq!(
            components,
            [
                "<http://example.org/a> <http://www.w3.org/ns/shacl#NodeConstraintComponent>",
                "<http://example.org/b> <http://www.w3.org/ns/shacl#NodeConstraintComponent>",
                "<http://example.org/b> <http://www.w3.org/ns/shacl#MinCountConstraintComponent>",
            ]
        );
    }

    #[test]
    fn report_renders_as_rdf_and_turtle() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n\
               sh:property [ sh:severity sh:Warning ; sh:message \"bad\"@en ; sh:path ( [ sh:inversePath ex:p ] [ sh:zeroOrMorePath ex:q ] ) ; sh:minCount 1 ] .",
        )
        .unwrap();
        let report = s.validate(&data("ex:a ex:r 1 ."));
        assert_eq!(report.results.len(), 1);
        let r = &report.results[0];
        assert_eq!(r.severity, Severity::Warning);
        assert_eq!(r.messages[0].value(), "bad");
        assert_eq!(
            r.path.as_ref().unwrap().to_sparql(),
            "(^<http://example.org/p>)/(<http://example.org/q>*)"
        );
        let json = report.to_jsonld();
        assert!(json.contains("ValidationReport"), "{json}");
        let ttl = report.to_turtle();
        assert!(ttl.contains("sh:ValidationReport"), "{ttl}");
        // Deterministic output.
        assert_eq!(ttl, s.validate(&data("ex:a ex:r 1 .")).to_turtle());
        // Round trip: the result path parses back to the same path.
        let g = data(&ttl);
        let path_node = g
            .triples_for_predicate(vocab::RESULT_PATH)
            .next()
            .unwrap()
            .object
            .into_owned();
        assert_eq!(
            Path::from_graph(&g, path_node.as_ref()).unwrap(),
            *r.path.as_ref().unwrap()
        );
        assert_eq!(
            g.triples_for_predicate(vocab::CONFORMS)
                .next()
                .unwrap()
                .object
                .to_string(),
            "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
        );
    }

    #[test]
    fn sparql_constraint_with_prebinding_and_messages() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n\
               sh:sparql [ sh:message \"{$this} has label {?value}\" ;\n\
                 sh:select \"SELECT $this ?value WHERE { $this <http://www.w3.org/2000/01/rdf-schema#label> ?value }\" ] .",
        )
        .unwrap();
        assert!(s.uses_sparql());
        let report = s.validate(&data(
            "ex:a a ex:T ; <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n\
             _:b a ex:T ; <http://www.w3.org/2000/01/rdf-schema#label> \"y\" .\n\
             ex:c a ex:T .",
        ));
        assert_eq!(report.results.len(), 2);
        assert!(report.results.iter().any(|r| r.focus_node.is_blank_node()));
        let msg = report
            .results
            .iter()
            .find(|r| !r.focus_node.is_blank_node())
            .unwrap()
            .messages[0]
            .value()
            .to_owned();
        assert_eq!(msg, "http://example.org/a has label x");
    }

    #[test]
    fn deep_recursion_is_bounded() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode ex:n0 ;\n\
               sh:property [ sh:path ex:next ; sh:node ex:S ] ;\n\
               sh:property [ sh:path ex:next ; sh:maxCount 1 ] .",
        )
        .unwrap();
        let mut ttl = String::new();
        for i in 0..2000 {
            ttl.push_str(&format!("ex:n{i} ex:next ex:n{} .\n", i + 1));
        }
        ttl.push_str("ex:n2000 ex:next ex:n0 .\n");
        let report = s.validate(&data(&ttl));
        assert!(report.conforms, "{:?}", report.results.first());
    }
}
