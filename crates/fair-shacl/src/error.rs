//! Errors raised while compiling a shapes graph.

/// A shapes graph could not be compiled: it is not valid Turtle, or a shape is ill-formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShapesError {
    /// The shapes graph is not syntactically valid.
    #[error("shapes graph syntax error: {message}")]
    Syntax {
        /// What the parser reported.
        message: String,
    },
    /// A shape has a malformed `sh:path`.
    #[error("shape {shape}: malformed path: {message}")]
    MalformedPath {
        /// The shape (N-Triples syntax).
        shape: String,
        /// What is wrong.
        message: String,
    },
    /// A constraint parameter has an invalid value (wrong type, unknown IRI, bad regex…).
    #[error("shape {shape}: invalid value for {parameter}: {message}")]
    InvalidParameter {
        /// The shape (N-Triples syntax).
        shape: String,
        /// The parameter IRI (N-Triples syntax), e.g. `<http://www.w3.org/ns/shacl#minCount>`.
        parameter: String,
        /// What is wrong.
        message: String,
    },
    /// A SPARQL query in a SPARQL-based constraint or validator is invalid or not allowed.
    #[error("shape {shape}: invalid SPARQL: {message}")]
    Sparql {
        /// The shape or constraint component (N-Triples syntax).
        shape: String,
        /// What is wrong.
        message: String,
    },
    /// A SHACL Advanced Features construct the engine does not run (a node expression other
    /// than `sh:this`, constants, paths, `sh:filterShape`, `sh:intersection` and `sh:union`; a
    /// target or rule of an unknown type).
    #[error("shape {shape}: unsupported at {node}: {message}")]
    Unsupported {
        /// The shape (N-Triples syntax).
        shape: String,
        /// The target, rule or node expression (N-Triples syntax).
        node: String,
        /// What is not supported.
        message: String,
    },
}

impl ShapesError {
    /// A shapes graph that could not be read (the Turtle or other syntax error as `message`).
    pub fn syntax(message: String) -> Self {
        Self::Syntax { message }
    }

    /// The shape the error is about, if any (N-Triples syntax).
    pub fn shape(&self) -> Option<&str> {
        match self {
            Self::Syntax { .. } => None,
            Self::MalformedPath { shape, .. }
            | Self::InvalidParameter { shape, .. }
            | Self::Sparql { shape, .. }
            | Self::Unsupported { shape, .. } => Some(shape),
        }
    }

    /// A stable machine-readable code for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "shapes_syntax",
            Self::MalformedPath { .. } => "shapes_malformed_path",
            Self::InvalidParameter { .. } => "shapes_invalid_parameter",
            Self::Sparql { .. } => "shapes_invalid_sparql",
            Self::Unsupported { .. } => "shapes_unsupported",
        }
    }
}
