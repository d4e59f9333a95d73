//! A SHACL Core and SHACL-SPARQL validation engine over [`oxrdf::Graph`].
//!
//! Shapes graphs are parsed once into a compiled form ([`Shapes`]) that validates any number of
//! data graphs (`&self`, `Send + Sync`, cheap to clone):
//!
//! ```
//! use fair_core::shacl::Shapes;
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
//! constraint components (`sh:ConstraintComponent`). Recursive shapes terminate: a shape that is
//! re-entered for the same focus node is assumed to conform, and nesting is bounded.

mod compile;
mod error;
mod literal;
mod path;
mod prebind;
mod report;
mod sparql;
mod validate;
mod vocab;

use std::sync::Arc;

use oxrdf::{Graph, NamedNode};

pub use error::ShapesError;
pub use path::Path;
pub use report::{ValidationReport, ValidationResult};

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
    pub fn validate(&self, data: &Graph) -> ValidationReport {
        validate::validate(&self.inner, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_send_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Shapes>();
        check::<ValidationReport>();
    }
}
