//! The findings as a W3C SHACL `sh:ValidationReport` in Turtle: one `sh:ValidationResult` per
//! finding (built-in rules and user shapes alike), with `fair:code` and `fair:principle`.
//!
//! Fields are written where they are RDF terms: `sh:focusNode` and `sh:value` from their
//! N-Triples form (a masked value `***` is left out), `sh:resultPath` when the path is a single
//! predicate (a complex property path is only in the JSON report), `sh:sourceShape` when the shape
//! is an IRI, `sh:sourceConstraintComponent` for shape findings. Built-in rules have no shape or
//! constraint component, so those two are absent from their results.

use crate::finding::Severity;
use crate::report::Report;
use crate::vocab;
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use std::str::FromStr;

const SH: &str = "http://www.w3.org/ns/shacl#";

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

fn fair(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", vocab::FAIR))
}

/// The report's findings as a `sh:ValidationReport` (Turtle with `sh:`, `fair:`, `rdf:` and
/// `xsd:` prefixes). Blank nodes are labelled `report`, `r0`, `r1`, ... so the output is
/// deterministic.
pub fn shacl(report: &Report) -> String {
    crate::shacl::write_turtle(
        &triples(report),
        &[
            ("sh", SH),
            ("fair", vocab::FAIR),
            ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ],
    )
}

fn triples(report: &Report) -> Vec<Triple> {
    let mut out = Vec::new();
    let root = NamedOrBlankNode::from(BlankNode::new_unchecked("report"));
    out.push(Triple::new(root.clone(), rdf::TYPE, sh("ValidationReport")));
    out.push(Triple::new(
        root.clone(),
        sh("conforms"),
        Literal::new_typed_literal(if report.conforms { "true" } else { "false" }, xsd::BOOLEAN),
    ));
    for (i, f) in report.findings.iter().enumerate() {
        let node = BlankNode::new_unchecked(format!("r{i}"));
        out.push(Triple::new(root.clone(), sh("result"), node.clone()));
        let s = NamedOrBlankNode::from(node);
        out.push(Triple::new(s.clone(), rdf::TYPE, sh("ValidationResult")));
        if let Some(focus) = f.focus_node.as_deref().and_then(term) {
            out.push(Triple::new(s.clone(), sh("focusNode"), focus));
        }
        if let Some(Term::NamedNode(p)) = f.path.as_deref().and_then(term) {
            out.push(Triple::new(s.clone(), sh("resultPath"), p));
        }
        if let Some(value) = f.value.as_deref().and_then(term) {
            out.push(Triple::new(s.clone(), sh("value"), value));
        }
        let severity = match f.severity {
            Severity::Error => "Violation",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        };
        out.push(Triple::new(s.clone(), sh("resultSeverity"), sh(severity)));
        out.push(Triple::new(
            s.clone(),
            sh("resultMessage"),
            Literal::new_simple_literal(&f.message),
        ));
        if let Some(shape) = &f.source.shape {
            if let Ok(iri) = NamedNode::new(shape) {
                out.push(Triple::new(s.clone(), sh("sourceShape"), iri));
            }
        }
        if let Some(component) = &f.source.component {
            let iri = match component.strip_prefix("sh:") {
                Some(local) => NamedNode::new(format!("{SH}{local}")),
                None => NamedNode::new(component.as_str()),
            };
            if let Ok(iri) = iri {
                out.push(Triple::new(s.clone(), sh("sourceConstraintComponent"), iri));
            }
        }
        out.push(Triple::new(
            s.clone(),
            fair("code"),
            Literal::new_simple_literal(&f.code),
        ));
        out.push(Triple::new(
            s.clone(),
            fair("principle"),
            Literal::new_simple_literal(f.principle.name()),
        ));
        if let Some(fix) = &f.fix {
            out.push(Triple::new(
                s,
                fair("fixHint"),
                Literal::new_simple_literal(&fix.message),
            ));
        }
    }
    out
}

/// An N-Triples term (`<iri>`, `_:b0`, a literal), or `None` (masked values, property paths).
fn term(text: &str) -> Option<Term> {
    Term::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, Format};

    #[test]
    fn findings_become_validation_results_that_parse_back() {
        let shapes = br#"@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <http://schema.org/> .
@prefix fair: <https://w3id.org/fairlint/ns#> .
<https://example.org/s#Name> a sh:NodeShape ; sh:targetClass schema:Dataset ;
  sh:property [ sh:path schema:license ; sh:minCount 1 ; fair:code "R101" ; fair:principle "R1.1" ] .
"#;
        let engine = Engine::builder()
            .profile("core")
            .shapes("s.ttl", shapes.to_vec(), Format::Turtle)
            .build()
            .unwrap();
        let ttl = b"@prefix schema: <http://schema.org/> .\n<https://example.org/ds/1> a schema:Dataset ; schema:name \"x\" .\n";
        let report = engine.check(ttl, Some(Format::Turtle), None).unwrap();
        assert_eq!(report.findings.len(), 2);
        let out = shacl(&report);
        let graph: fair_graph::Graph = oxttl::TurtleParser::new()
            .for_slice(out.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
            .into_iter()
            .collect();
        let count = |p: &str| graph.triples_for_predicate(&sh(p)).count();
        assert_eq!(count("result"), 2);
        assert_eq!(count("focusNode"), 2);
        assert_eq!(count("resultSeverity"), 2);
        assert_eq!(count("sourceConstraintComponent"), 1);
        assert_eq!(count("resultPath"), 2);
        let codes: Vec<String> = graph
            .triples_for_predicate(&fair("code"))
            .map(|t| t.object.to_string())
            .collect();
        assert!(codes.contains(&"\"R001\"".to_owned()), "{codes:?}");
        assert!(codes.contains(&"\"R101\"".to_owned()), "{codes:?}");
        let conforms: Vec<_> = graph
            .triples_for_predicate(&sh("conforms"))
            .map(|t| t.object.to_string())
            .collect();
        assert_eq!(
            conforms,
            vec!["\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>"]
        );
        // Deterministic.
        assert_eq!(out, shacl(&report));
    }
}
