//! Validation reports and their W3C `sh:ValidationReport` RDF form.

use fair_graph::Graph;
use oxrdf::{BlankNode, Literal, NamedNode, Term, Triple};

use super::path::Path;
use super::vocab as v;
use super::Severity;

/// One SHACL validation result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationResult {
    /// `sh:focusNode`.
    pub focus_node: Term,
    /// `sh:resultPath` (render it with [`Path::to_sparql`]).
    pub path: Option<Path>,
    /// `sh:value`.
    pub value: Option<Term>,
    /// `sh:sourceShape`.
    pub source_shape: Term,
    /// `sh:sourceConstraintComponent`.
    pub source_constraint_component: NamedNode,
    /// `sh:sourceConstraint` (the `sh:sparql` node of SPARQL-based constraints).
    pub source_constraint: Option<Term>,
    /// `sh:resultSeverity`.
    pub severity: Severity,
    /// `sh:resultMessage` values.
    pub messages: Vec<Literal>,
}

impl ValidationResult {
    pub(crate) fn sort_key(&self) -> (String, String, String, String, String) {
        (
            self.focus_node.to_string(),
            self.path.as_ref().map(Path::to_sparql).unwrap_or_default(),
            self.source_constraint_component.to_string(),
            self.value
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            self.source_shape.to_string(),
        )
    }
}

/// A SHACL validation report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidationReport {
    /// `sh:conforms`: true when there are no results at all.
    pub conforms: bool,
    /// The results, sorted by (focus node, path, component, value, shape).
    pub results: Vec<ValidationResult>,
}

impl ValidationReport {
    /// The report as a W3C `sh:ValidationReport` graph (blank nodes for the report and results,
    /// `sh:resultPath` as the SHACL path RDF structure). Blank node labels are deterministic.
    pub fn to_graph(&self) -> Graph {
        self.triples().iter().collect()
    }

    /// The report's triples in a deterministic order (report, then each result in order).
    fn triples(&self) -> Vec<Triple> {
        let mut g = Vec::new();
        let mut counter = 0usize;
        let mut fresh = move || {
            counter += 1;
            BlankNode::new_unchecked(format!("shacl{counter}"))
        };
        let report = fresh();
        g.push(Triple::new(
            report.clone(),
            v::RDF_TYPE,
            v::VALIDATION_REPORT,
        ));
        g.push(Triple::new(
            report.clone(),
            v::CONFORMS,
            Literal::from(self.conforms),
        ));
        let nodes: Vec<BlankNode> = self.results.iter().map(|_| fresh()).collect();
        for node in &nodes {
            g.push(Triple::new(report.clone(), v::RESULT, node.clone()));
        }
        let mut path_triples = Vec::new();
        for (r, node) in self.results.iter().zip(nodes) {
            g.push(Triple::new(node.clone(), v::RDF_TYPE, v::VALIDATION_RESULT));
            g.push(Triple::new(
                node.clone(),
                v::FOCUS_NODE,
                r.focus_node.clone(),
            ));
            if let Some(path) = &r.path {
                let p = path.write_rdf(&mut path_triples, &mut fresh);
                g.push(Triple::new(node.clone(), v::RESULT_PATH, p));
            }
            if let Some(value) = &r.value {
                g.push(Triple::new(node.clone(), v::VALUE, value.clone()));
            }
            g.push(Triple::new(
                node.clone(),
                v::SOURCE_SHAPE,
                r.source_shape.clone(),
            ));
            g.push(Triple::new(
                node.clone(),
                v::SOURCE_CONSTRAINT_COMPONENT,
                r.source_constraint_component.clone(),
            ));
            if let Some(c) = &r.source_constraint {
                g.push(Triple::new(node.clone(), v::SOURCE_CONSTRAINT, c.clone()));
            }
            g.push(Triple::new(
                node.clone(),
                v::RESULT_SEVERITY,
                r.severity.iri(),
            ));
            for m in &r.messages {
                g.push(Triple::new(node.clone(), v::RESULT_MESSAGE, m.clone()));
            }
            g.append(&mut path_triples);
        }
        g
    }

    /// The report as Turtle (`sh:`, `rdf:`, `xsd:` prefixes declared).
    pub fn to_turtle(&self) -> String {
        write_turtle(
            &self.triples(),
            &[
                ("sh", v::SH),
                ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                ("xsd", v::XSD),
            ],
        )
    }

    /// The report as JSON-LD (expanded form with an `sh` prefix in the context).
    pub fn to_jsonld(&self) -> String {
        let triples = self.triples();
        let mut out = Vec::new();
        let serializer = oxjsonld::JsonLdSerializer::new()
            .with_prefix("sh", v::SH)
            .map(|s| s.for_writer(&mut out));
        let written = match serializer {
            Ok(mut w) => triples
                .iter()
                .try_for_each(|t| {
                    w.serialize_quad(t.as_ref().in_graph(oxrdf::GraphNameRef::DefaultGraph))
                })
                .and_then(|()| w.finish().map(|_| ())),
            Err(_) => Ok(()),
        };
        match written {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }
}

/// Serialises `triples` as Turtle with `prefixes` declared, in the given order (the writer
/// [`ValidationReport::to_turtle`] uses; fairlint's own reports use it too). Writing into
/// memory does not fail; N-Triples is the fallback all the same.
pub fn write_turtle(triples: &[Triple], prefixes: &[(&str, &str)]) -> String {
    let mut serializer = Ok(oxttl::TurtleSerializer::new());
    for (name, iri) in prefixes {
        serializer = serializer.and_then(|s| s.with_prefix(*name, *iri));
    }
    let mut out = Vec::new();
    let written = match serializer {
        Ok(serializer) => {
            let mut w = serializer.for_writer(&mut out);
            triples
                .iter()
                .try_for_each(|t| w.serialize_triple(t))
                .and_then(|()| w.finish().map(|_| ()))
        }
        Err(_) => Ok(()),
    };
    match (written, String::from_utf8(out)) {
        (Ok(()), Ok(text)) if !text.is_empty() => text,
        _ => triples.iter().map(|t| format!("{t} .\n")).collect(),
    }
}
