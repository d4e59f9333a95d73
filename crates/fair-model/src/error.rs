//! Errors: "could not do the job". Invalid metadata is never an error; it is a finding.

use crate::format::Format;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where something is in the user's input: a line and column (1-based) for text formats, a JSON
/// Pointer for JSON inputs, or both (a JSON-LD block inside an HTML page).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// 1-based line number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column, counted in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// RFC 6901 JSON Pointer into the JSON document (or into the HTML page's script block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// 0-based index of the `<script type="application/ld+json">` block, for HTML pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
}

impl Location {
    /// A line and column (both 1-based).
    pub fn line_column(line: u64, column: u64) -> Self {
        Self {
            line: Some(line),
            column: Some(column),
            ..Self::default()
        }
    }

    /// A JSON Pointer.
    pub fn pointer(pointer: impl Into<String>) -> Self {
        Self {
            pointer: Some(pointer.into()),
            ..Self::default()
        }
    }

    /// The same location inside script block `block`, which starts at `line`:`column` of the page.
    #[doc(hidden)]
    pub fn in_block(mut self, block: usize, line: u64, column: u64) -> Self {
        self.block = Some(block);
        match self.line {
            Some(l) => {
                if l == 1 {
                    self.column = self.column.map(|c| c + column - 1);
                }
                self.line = Some(l + line - 1);
            }
            None => {
                self.line = Some(line);
                self.column = Some(column);
            }
        }
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            match self.column {
                Some(column) => parts.push(format!("{line}:{column}")),
                None => parts.push(format!("{line}")),
            }
        }
        if let Some(block) = self.block {
            parts.push(format!("script block {block}"));
        }
        if let Some(pointer) = &self.pointer {
            parts.push(if pointer.is_empty() {
                "JSON root".to_owned()
            } else {
                pointer.clone()
            });
        }
        f.write_str(&parts.join(" "))
    }
}

/// The input could not be read as the format it was given as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    #[doc(hidden)]
    pub format: Format,
    #[doc(hidden)]
    pub message: String,
    #[doc(hidden)]
    pub location: Option<Location>,
}

impl ParseError {
    #[doc(hidden)]
    pub fn new(format: Format, message: impl Into<String>, location: Option<Location>) -> Self {
        Self {
            format,
            message: message.into(),
            location,
        }
    }

    /// The format the input was parsed as.
    pub fn format(&self) -> Format {
        self.format
    }

    /// What is wrong, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the input, when known.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}", self.format)?;
        if let Some(location) = &self.location {
            write!(f, " at {location}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ParseError {}

/// Which configurable limit an input went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Limit {
    /// `max_input_bytes`.
    InputBytes,
    /// `max_json_depth`.
    JsonDepth,
    /// `max_triples`.
    Triples,
}

impl Limit {
    /// The configuration field that sets this limit.
    pub fn option_name(self) -> &'static str {
        match self {
            Limit::InputBytes => "max_input_bytes",
            Limit::JsonDepth => "max_json_depth",
            Limit::Triples => "max_triples",
        }
    }
}

/// The input is larger than a configured limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitError {
    #[doc(hidden)]
    pub limit: Limit,
    #[doc(hidden)]
    pub max: u64,
    #[doc(hidden)]
    pub location: Option<Location>,
}

impl LimitError {
    /// Which limit.
    pub fn limit(&self) -> Limit {
        self.limit
    }

    /// The configured maximum.
    pub fn max(&self) -> u64 {
        self.max
    }

    /// Where in the input the limit was crossed, when known.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.limit {
            Limit::InputBytes => "input is larger than",
            Limit::JsonDepth => "JSON nesting is deeper than",
            Limit::Triples => "input has more triples than",
        };
        write!(f, "{what} {} ({})", self.max, self.limit.option_name())?;
        if let Some(location) = &self.location {
            write!(f, " at {location}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LimitError {}

/// An external resource (a JSON-LD context, an import) could not be obtained.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot load {iri}: {reason}{}", .location.as_ref().map(|l| format!(" (referenced at {l})")).unwrap_or_default())]
pub struct ResolveError {
    #[doc(hidden)]
    pub iri: String,
    #[doc(hidden)]
    pub reason: String,
    #[doc(hidden)]
    pub location: Option<Location>,
}

impl ResolveError {
    /// A resolver could not provide `iri`.
    pub fn new(iri: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            iri: iri.into(),
            reason: reason.into(),
            location: None,
        }
    }

    /// The IRI that was asked for.
    pub fn iri(&self) -> &str {
        &self.iri
    }

    /// Why it could not be had.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Where the input refers to it, when known.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    #[doc(hidden)]
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }
}

/// A document could not be parsed or validated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidateError {
    /// The input is not well-formed in its format.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The input went over a configured limit.
    #[error(transparent)]
    LimitExceeded(#[from] LimitError),
    /// An external resource the input needs could not be had offline.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
}

impl ValidateError {
    /// A stable machine-readable code: `parse_error`, `limit_exceeded` or `resolve_error`.
    pub fn code(&self) -> &'static str {
        match self {
            ValidateError::Parse(_) => "parse_error",
            ValidateError::LimitExceeded(_) => "limit_exceeded",
            ValidateError::Resolve(_) => "resolve_error",
        }
    }

    /// Where in the input, when known.
    pub fn location(&self) -> Option<&Location> {
        match self {
            ValidateError::Parse(e) => e.location(),
            ValidateError::LimitExceeded(e) => e.location(),
            ValidateError::Resolve(e) => e.location(),
        }
    }
}

/// A configuration value is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid option {option}: {message}")]
pub struct ConfigError {
    #[doc(hidden)]
    pub option: String,
    #[doc(hidden)]
    pub message: String,
}

impl ConfigError {
    #[doc(hidden)]
    pub fn new(option: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            option: option.into(),
            message: message.into(),
        }
    }

    /// The option at fault.
    pub fn option(&self) -> &str {
        &self.option
    }
}
