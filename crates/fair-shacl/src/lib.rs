//! A SHACL Core and SHACL-SPARQL validation engine over [`fair_graph::Graph`] (re-exported as
//! [`Graph`]; it converts from and to `oxrdf::Graph`).
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
//! let mut data = fair_graph::Graph::new();
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
//! SHACL Advanced Features: SPARQL-based targets (`sh:SPARQLTarget`, `sh:SPARQLTargetType`),
//! rules (`sh:TripleRule`, `sh:SPARQLRule`, `sh:condition`, `sh:order`), applied before
//! validation by [`Shapes::validate`] (or alone by [`Shapes::infer`]) as pySHACL does with
//! `advanced=True, iterate_rules=True`, and ECMAScript `sh:pattern`s (back-references,
//! look-around: `fancy-regex` with [`PATTERN_BACKTRACK_LIMIT`], only when the `regex` crate
//! rejects the pattern). [`Shapes::from_graph_with_options`] takes a base IRI for relative
//! `sh:namespace`s and default SPARQL prefixes ([`CompileOptions`]); `tests/shacl_af.rs` runs
//! the DASH SHACL-AF tests.
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

mod advanced;
mod compile;
mod dataset;
mod error;
mod graph;
mod literal;
mod path;
mod pattern;
mod prebind;
mod results;
mod rules;
mod sparql;
mod validate;
mod vocab;

use std::sync::Arc;

/// The graph type shapes are read from and data is validated in (re-exported: `fair_shacl::Graph`).
pub use fair_graph::Graph;
use oxrdf::NamedNode;

pub use error::ShapesError;
pub use rules::RuleError;

/// The SPARQL evaluation steps that [`Shapes::validate`] gives all the SPARQL-based
/// constraints of one validation (fairlint's `Limits::max_sparql_steps` defaults to it).
pub const DEFAULT_MAX_SPARQL_STEPS: u64 = 1_000_000;
pub use path::Path;
pub use pattern::PATTERN_BACKTRACK_LIMIT;
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

/// How [`Shapes::from_graph_with_options`] compiles a shapes graph.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CompileOptions {
    /// The shapes graph's base IRI: a relative `sh:namespace` resolves against it.
    pub base: Option<String>,
    /// Prefixes every SPARQL query (constraints, targets, rules) may use unless its
    /// `sh:prefixes` declare the same prefix: what pySHACL takes from the shapes file's
    /// `@prefix` lines, and rocrate-validator injects into its queries.
    pub default_prefixes: Vec<(String, String)>,
}

impl CompileOptions {
    /// No base IRI, no default prefixes (what [`Shapes::from_graph`] uses).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the base IRI.
    #[must_use]
    pub fn with_base(mut self, base: &str) -> Self {
        self.base = Some(base.to_owned());
        self
    }

    /// Adds a default prefix.
    #[must_use]
    pub fn with_default_prefix(mut self, prefix: &str, namespace: &str) -> Self {
        self.default_prefixes
            .push((prefix.to_owned(), namespace.to_owned()));
        self
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
        Self::from_graph_with_options(graph, &CompileOptions::default())
    }

    /// Compiles the shapes found in `graph`, whose base IRI is `base`: a relative
    /// `sh:namespace` in a prefix declaration (rocrate-validator's `"./"`) resolves against it.
    pub fn from_graph_with_base(graph: &Graph, base: &str) -> Result<Self, ShapesError> {
        Self::from_graph_with_options(graph, &CompileOptions::new().with_base(base))
    }

    /// Compiles the shapes found in `graph` with a base IRI and default SPARQL prefixes.
    pub fn from_graph_with_options(
        graph: &Graph,
        options: &CompileOptions,
    ) -> Result<Self, ShapesError> {
        let base = match &options.base {
            Some(base) => Some(
                oxiri::Iri::parse(base.clone())
                    .map_err(|e| ShapesError::syntax(format!("invalid base IRI {base:?}: {e}")))?,
            ),
            None => None,
        };
        let scope = sparql::Scope {
            base,
            defaults: options.default_prefixes.clone(),
        };
        Ok(Self {
            inner: Arc::new(compile::compile(graph, &scope)?),
        })
    }

    /// Parses a Turtle shapes graph and compiles it.
    pub fn parse_turtle(turtle: &str, base: Option<&str>) -> Result<Self, ShapesError> {
        let mut parser = oxttl::TurtleParser::new();
        if let Some(base) = base {
            // Checked here, so the base given to compile below is an IRI.
            parser = parser
                .with_base_iri(base)
                .map_err(|e| ShapesError::syntax(e.to_string()))?;
        }
        let mut graph = Graph::new();
        for triple in parser.for_slice(turtle.as_bytes()) {
            let triple = triple.map_err(|e| ShapesError::syntax(e.to_string()))?;
            graph.insert(&triple);
        }
        match base {
            Some(base) => Self::from_graph_with_base(&graph, base),
            None => Self::from_graph(&graph),
        }
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
    ///
    /// When the shapes have rules ([`Shapes::has_rules`]), they are applied first to a copy of
    /// `data` ([`Shapes::infer`]), and the copy is validated; a rule that fails yields a result
    /// (focus node: the rule, component: its type) and validation goes on with what was
    /// inferred before it.
    pub fn validate_with_budget(&self, data: &Graph, max_sparql_steps: u64) -> ValidationReport {
        let budget = dataset::Budget::new(max_sparql_steps);
        // The WebAssembly build compiles no rules (`advanced::not_in_wasm`).
        if self.inner.rules.is_empty() || cfg!(target_arch = "wasm32") {
            return validate::validate(&self.inner, data, &budget, Vec::new());
        }
        let mut inferred = data.clone();
        let mut results = Vec::new();
        if let Err(e) = rules::apply(&self.inner, &mut inferred, &budget) {
            results.push(self.rule_failure(&e));
        }
        validate::validate(&self.inner, &inferred, &budget, results)
    }

    /// Whether the shapes graph has rules (`sh:rule`, SHACL Advanced Features) that are not
    /// deactivated.
    pub fn has_rules(&self) -> bool {
        !self.inner.rules.is_empty()
    }

    /// Applies the rules (`sh:TripleRule`, `sh:SPARQLRule`) to `data` in place, as pySHACL
    /// does with `advanced=True, iterate_rules=True`: shapes by `sh:order`, each shape's rules
    /// by `sh:order`, each repeated until it adds nothing (at most 100 passes). SPARQL rules
    /// share `max_sparql_steps` evaluation steps. Returns the number of triples added; on an
    /// error, the triples added before it stay in `data`.
    pub fn infer(&self, data: &mut Graph, max_sparql_steps: u64) -> Result<usize, RuleError> {
        rules::apply(&self.inner, data, &dataset::Budget::new(max_sparql_steps))
    }

    fn rule_failure(&self, e: &RuleError) -> ValidationResult {
        let rule = self
            .inner
            .rules
            .iter()
            .flat_map(|g| g.rules.iter().map(move |r| (g.shape, r)))
            .find(|(_, r)| r.node.to_string() == e.rule);
        let (shape, node, kind) = match rule {
            Some((shape, r)) => (
                self.inner.shapes.get(shape),
                r.node.clone(),
                match r.kind {
                    advanced::RuleKind::Triple { .. } => vocab::TRIPLE_RULE,
                    advanced::RuleKind::Sparql(_) => vocab::SPARQL_RULE,
                },
            ),
            None => (
                None,
                NamedNode::new_unchecked("urn:x-fairlint:rule").into(),
                vocab::TRIPLE_RULE,
            ),
        };
        ValidationResult {
            focus_node: node.clone(),
            path: None,
            value: None,
            source_shape: shape.map_or(node, |s| s.id.clone()),
            source_constraint_component: kind.into_owned(),
            source_constraint: None,
            severity: shape.map_or(Severity::Violation, |s| s.severity.clone()),
            messages: vec![oxrdf::Literal::new_simple_literal(format!(
                "rule failed: {}",
                e.message
            ))],
        }
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

    #[test]
    fn sparql_target_finds_nodes() {
        let s = shapes(
            "ex:S a sh:NodeShape ;\n\
               sh:target [ a sh:SPARQLTarget ; sh:prefixes ex:decl ;\n\
                 sh:select \"SELECT ?this WHERE { ?this ex:p ?o . FILTER(?o > 1) }\" ] ;\n\
               sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n\
             ex:decl sh:declare [ sh:prefix \"ex\" ; sh:namespace \"http://example.org/\"^^xsd:anyURI ] .",
        )
        .unwrap();
        assert!(s.uses_sparql());
        let report = s.validate(&data(
            "ex:a ex:p 1 . ex:b ex:p 2 . ex:c ex:p 3 ; ex:name \"c\" .",
        ));
        let focus: Vec<String> = report
            .results
            .iter()
            .map(|r| r.focus_node.to_string())
            .collect();
        assert_eq!(focus, ["<http://example.org/b>"]);
    }

    #[test]
    fn a_failed_sparql_target_is_a_result_not_an_empty_target() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ;\n\
               sh:target [ a sh:SPARQLTarget ;\n\
                 sh:select \"SELECT ?this WHERE { ?this ?p ?o }\" ] .",
        )
        .unwrap();
        let report = s.validate_with_budget(&data("ex:a ex:p 1 . ex:b ex:p 2 ."), 1);
        assert!(!report.conforms);
        assert_eq!(report.results.len(), 1);
        assert!(
            report.results[0].messages[0]
                .value()
                .starts_with("SPARQL target failed"),
            "{:?}",
            report.results[0].messages
        );
    }

    #[test]
    fn iri_node_expressions_are_constants() {
        // ex:P has a sh:path, but as an IRI in sh:object it is a constant.
        let s = shapes(
            "ex:P a sh:PropertyShape ; sh:path ex:q .\n\
             ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n\
               sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate ex:r ; sh:object ex:P ] .",
        )
        .unwrap();
        let mut d = data("ex:a ex:q 1 .");
        assert_eq!(s.infer(&mut d, DEFAULT_MAX_SPARQL_STEPS), Ok(1));
        assert!(d.contains(oxrdf::TripleRef::new(
            oxrdf::NamedNodeRef::new_unchecked("http://example.org/a"),
            oxrdf::NamedNodeRef::new_unchecked("http://example.org/r"),
            oxrdf::NamedNodeRef::new_unchecked("http://example.org/P"),
        )));
    }

    #[test]
    fn custom_target_type_binds_its_parameters() {
        let s = shapes(
            "ex:BornIn a sh:SPARQLTargetType ; sh:parameter [ sh:path ex:country ] ;\n\
               sh:select \"SELECT ?this WHERE { ?this <http://example.org/bornIn> $country }\" .\n\
             ex:S a sh:NodeShape ; sh:target [ a ex:BornIn ; ex:country ex:de ] ;\n\
               sh:class ex:German .",
        )
        .unwrap();
        let report = s.validate(&data(
            "ex:a ex:bornIn ex:de . ex:b ex:bornIn ex:us . ex:c ex:bornIn ex:de ; a ex:German .",
        ));
        let focus: Vec<String> = report
            .results
            .iter()
            .map(|r| r.focus_node.to_string())
            .collect();
        assert_eq!(focus, ["<http://example.org/a>"]);
    }

    #[test]
    fn triple_rule_with_condition_infers_a_triple_a_later_shape_sees() {
        let s = shapes(
            "ex:R a sh:NodeShape ; sh:targetClass ex:Person ;\n\
               sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ;\n\
                 sh:object ex:Author ;\n\
                 sh:condition [ sh:property [ sh:path ex:wrote ; sh:minCount 1 ] ] ] .\n\
             ex:A a sh:NodeShape ; sh:targetClass ex:Author ;\n\
               sh:property [ sh:path ex:name ; sh:minCount 1 ] .",
        )
        .unwrap();
        assert!(s.has_rules());
        let d = data("ex:a a ex:Person ; ex:wrote ex:book . ex:b a ex:Person .");
        let report = s.validate(&d);
        let focus: Vec<String> = report
            .results
            .iter()
            .map(|r| r.focus_node.to_string())
            .collect();
        // Only ex:a wrote something, so only ex:a became an ex:Author without a name.
        assert_eq!(focus, ["<http://example.org/a>"]);
        let mut inferred = d.clone();
        assert_eq!(s.infer(&mut inferred, DEFAULT_MAX_SPARQL_STEPS), Ok(1));
        assert_eq!(inferred.len(), d.len() + 1);
    }

    #[test]
    fn rules_run_in_order_and_see_earlier_inferences() {
        // Rule order 2 copies ex:q to ex:r; rule order 1 derives ex:q from ex:p. Running by
        // sh:order gives ex:r in one pass; the shape order puts ex:Late after ex:Early.
        let s = shapes(
            "ex:Early a sh:NodeShape ; sh:targetNode ex:a ; sh:order 1 ;\n\
               sh:rule [ a sh:TripleRule ; sh:order 2 ; sh:subject sh:this ; sh:predicate ex:r ;\n\
                 sh:object [ sh:path ex:q ] ] ;\n\
               sh:rule [ a sh:TripleRule ; sh:order 1 ; sh:subject sh:this ; sh:predicate ex:q ;\n\
                 sh:object [ sh:path ex:p ] ] ;\n\
               sh:rule [ a sh:TripleRule ; sh:deactivated true ; sh:subject sh:this ;\n\
                 sh:predicate ex:never ; sh:object ex:x ] .\n\
             ex:Late a sh:NodeShape ; sh:targetNode ex:a ; sh:order 5 ;\n\
               sh:rule [ a sh:SPARQLRule ;\n\
                 sh:construct \"CONSTRUCT { $this <http://example.org/s> ?v } WHERE { $this <http://example.org/r> ?v }\" ] ;\n\
               sh:property [ sh:path ex:s ; sh:hasValue 7 ] ;\n\
               sh:property [ sh:path ex:never ; sh:maxCount 0 ] .",
        )
        .unwrap();
        let mut d = data("ex:a ex:p 7 .");
        assert_eq!(s.infer(&mut d, DEFAULT_MAX_SPARQL_STEPS), Ok(3));
        assert!(s.validate(&data("ex:a ex:p 7 .")).conforms);
        assert!(!s.validate(&data("ex:a ex:p 8 .")).conforms);
    }

    #[test]
    fn node_expressions_filter_intersect_and_unite() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n\
               sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate ex:big ;\n\
                 sh:object [ sh:filterShape [ sh:minInclusive 5 ] ;\n\
                   sh:nodes [ sh:union ( [ sh:path ex:p ] [ sh:path ex:q ] ) ] ] ] ;\n\
               sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate ex:both ;\n\
                 sh:object [ sh:intersection ( [ sh:path ex:p ] [ sh:path ex:q ] ) ] ] .",
        )
        .unwrap();
        let mut d = data("ex:a ex:p 1, 6 ; ex:q 6, 9 .");
        s.infer(&mut d, DEFAULT_MAX_SPARQL_STEPS).unwrap();
        let objects = |p: &str| {
            let p = oxrdf::NamedNode::new(format!("http://example.org/{p}")).unwrap();
            let mut v: Vec<String> = d
                .triples_for_predicate(&p)
                .map(|t| t.object.to_string())
                .collect();
            v.sort();
            v
        };
        let int = |n: &str| format!("\"{n}\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        assert_eq!(objects("big"), [int("6"), int("9")]);
        assert_eq!(objects("both"), [int("6")]);
    }

    #[test]
    fn unsupported_node_expressions_and_targets_are_typed_errors() {
        let err = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n\
               sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate ex:p ;\n\
                 sh:object [ ex:multiply ( 1 2 ) ] ] .",
        )
        .unwrap_err();
        assert!(matches!(err, ShapesError::Unsupported { .. }), "{err}");
        assert_eq!(err.code(), "shapes_unsupported");
        let err = shapes("ex:S a sh:NodeShape ; sh:target [ a ex:Unknown ] .").unwrap_err();
        assert!(matches!(err, ShapesError::Unsupported { .. }), "{err}");
    }

    #[test]
    fn runaway_rules_are_stopped() {
        // Each pass invents a new blank node, so the rule never reaches a fixpoint.
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n\
               sh:rule [ a sh:SPARQLRule ;\n\
                 sh:construct \"CONSTRUCT { $this <http://example.org/next> [] } WHERE { }\" ] .",
        )
        .unwrap();
        let err = s.infer(&mut data("ex:a ex:next ex:b ."), DEFAULT_MAX_SPARQL_STEPS);
        assert!(err.is_err(), "{err:?}");
        let report = s.validate(&data("ex:a ex:next ex:b ."));
        assert!(!report.conforms);
        assert!(report
            .results
            .iter()
            .any(|r| r.messages[0].value().starts_with("rule failed")));
    }

    #[test]
    fn relative_namespaces_resolve_against_the_base() {
        let ttl = format!(
            "{PREFIXES}ex:S a sh:NodeShape ; sh:targetNode <http://example.org/a> ;\n\
               sh:sparql [ sh:prefixes ex:decl ;\n\
                 sh:select \"SELECT $this WHERE {{ $this ro:p ?v }}\" ] .\n\
             ex:decl sh:declare [ sh:prefix \"ro\" ; sh:namespace \"./\"^^xsd:anyURI ] ."
        );
        assert!(matches!(
            Shapes::parse_turtle(&ttl, None),
            Err(ShapesError::Sparql { .. })
        ));
        let s = Shapes::parse_turtle(&ttl, Some("http://example.org/dir/shapes.ttl")).unwrap();
        assert!(
            !s.validate(&data("ex:a <http://example.org/dir/p> 1 ."))
                .conforms
        );
        assert!(s.validate(&data("ex:a ex:p 1 .")).conforms);
    }

    #[test]
    fn look_ahead_patterns_match_and_catastrophic_ones_are_bounded() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode \"1.2\", \"1.2-preview\" ;\n\
               sh:pattern \"^(?!.*-preview$).*$\" .",
        )
        .unwrap();
        let report = s.validate(&Graph::new());
        let values: Vec<String> = report
            .results
            .iter()
            .map(|r| r.focus_node.to_string())
            .collect();
        assert_eq!(values, ["\"1.2-preview\""]);
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetNode \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac\" ;\n\
               sh:pattern \"^(a|a?)+(?=b)\\\\1$\" .",
        )
        .unwrap();
        let report = s.validate(&Graph::new());
        assert_eq!(report.results.len(), 1);
        assert!(
            report.results[0].messages[0]
                .value()
                .contains("backtracking steps"),
            "{:?}",
            report.results[0].messages
        );
    }
}
