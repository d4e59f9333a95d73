//! Findings: what is wrong (or notable) in a record, where, why it matters and how to fix it.

use crate::error::Location;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing (`sh:Info`).
    Info,
    /// Should be fixed (`sh:Warning`).
    Warning,
    /// Must be fixed (`sh:Violation`).
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info` (also `violation`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "error" | "violation" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A FAIR principle (Wilkinson et al. 2016).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Principle {
    F1,
    F2,
    F3,
    F4,
    A1,
    #[serde(rename = "A1.1")]
    A1_1,
    #[serde(rename = "A1.2")]
    A1_2,
    A2,
    I1,
    I2,
    I3,
    R1,
    #[serde(rename = "R1.1")]
    R1_1,
    #[serde(rename = "R1.2")]
    R1_2,
    #[serde(rename = "R1.3")]
    R1_3,
}

/// The four FAIR letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Letter {
    /// Findable.
    F,
    /// Accessible.
    A,
    /// Interoperable.
    I,
    /// Reusable.
    R,
}

impl Letter {
    /// All four, in F, A, I, R order.
    pub const ALL: [Letter; 4] = [Letter::F, Letter::A, Letter::I, Letter::R];

    /// `Findable`, `Accessible`, `Interoperable`, `Reusable`.
    pub fn title(self) -> &'static str {
        match self {
            Letter::F => "Findable",
            Letter::A => "Accessible",
            Letter::I => "Interoperable",
            Letter::R => "Reusable",
        }
    }
}

impl Principle {
    /// `F1`, `A1.1`, ...
    pub fn name(self) -> &'static str {
        match self {
            Principle::F1 => "F1",
            Principle::F2 => "F2",
            Principle::F3 => "F3",
            Principle::F4 => "F4",
            Principle::A1 => "A1",
            Principle::A1_1 => "A1.1",
            Principle::A1_2 => "A1.2",
            Principle::A2 => "A2",
            Principle::I1 => "I1",
            Principle::I2 => "I2",
            Principle::I3 => "I3",
            Principle::R1 => "R1",
            Principle::R1_1 => "R1.1",
            Principle::R1_2 => "R1.2",
            Principle::R1_3 => "R1.3",
        }
    }

    /// Every principle, in order.
    pub const ALL: [Principle; 15] = [
        Principle::F1,
        Principle::F2,
        Principle::F3,
        Principle::F4,
        Principle::A1,
        Principle::A1_1,
        Principle::A1_2,
        Principle::A2,
        Principle::I1,
        Principle::I2,
        Principle::I3,
        Principle::R1,
        Principle::R1_1,
        Principle::R1_2,
        Principle::R1_3,
    ];

    /// Parses `F1`, `A1.1`, ... (case-insensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// The letter the principle belongs to.
    pub fn letter(self) -> Letter {
        match self {
            Principle::F1 | Principle::F2 | Principle::F3 | Principle::F4 => Letter::F,
            Principle::A1 | Principle::A1_1 | Principle::A1_2 | Principle::A2 => Letter::A,
            Principle::I1 | Principle::I2 | Principle::I3 => Letter::I,
            _ => Letter::R,
        }
    }
}

impl fmt::Display for Principle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How safely a fix can be applied (ruff's levels): `fairlint fix` applies safe fixes, unsafe
/// ones with `--unsafe-fixes`, and never display-only advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Can be applied without changing meaning.
    Safe,
    /// Changes meaning; needs a person's review.
    Unsafe,
    /// Advice to read, nothing to apply automatically.
    DisplayOnly,
}

impl Applicability {
    /// `safe`, `unsafe` or `display_only`.
    pub fn name(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display_only",
        }
    }
}

/// What to do about a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// The advice.
    pub message: String,
    /// Whether it could be applied by a tool.
    pub applicability: Applicability,
    /// The machine-applicable edits (empty for display-only advice), applied to the text the
    /// finding's location points into (`fairlint fix`, `Engine::fix`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Edit>,
}

/// What an edit changes: a JSON string value, or an object key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditTarget {
    /// A string value (a licence, an identifier, an IRI, a name).
    Value,
    /// An object key (a property name).
    Key,
}

/// One machine-applicable edit: replace `find` by `replace` in the string (or key) the
/// finding's location points at. With `within`, `find` is replaced where it stands as a whole
/// token inside the string (`GPL-3.0` in `https://spdx.org/licenses/GPL-3.0`); without, the
/// whole string must equal `find`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// What is edited.
    pub target: EditTarget,
    /// The text as the record writes it (decoded from JSON).
    pub find: String,
    /// Its replacement.
    pub replace: String,
    /// Whether `find` is a token inside the string rather than the whole string.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub within: bool,
}

/// Where a finding came from: a rule, or a shape and its constraint component.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FindingSource {
    /// The fairlint rule (its slug), for built-in checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The SHACL shape, for shape checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// The SHACL constraint component, for shape checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
}

/// One problem (or notable fact) in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// Stable code, e.g. `R001`. Never reused.
    pub code: String,
    /// Error, warning or info.
    pub severity: Severity,
    /// The FAIR principle it bears on.
    pub principle: Principle,
    /// The resource it is about, in N-Triples syntax (`<iri>` or `_:b0`).
    pub focus_node: Option<String>,
    /// The property, as a SPARQL property path (`<http://purl.org/dc/terms/conformsTo>`).
    pub path: Option<String>,
    /// The offending value in N-Triples syntax, when there is one (masked when
    /// `include_values` is off).
    pub value: Option<String>,
    /// Data the message was rendered from; tools use this, never the message text.
    #[serde(default)]
    pub context: BTreeMap<String, serde_json::Value>,
    /// Human-readable message.
    pub message: String,
    /// Documentation page of the code.
    pub url: String,
    /// What to do about it.
    pub fix: Option<Fix>,
    /// Which rule or shape produced it.
    pub source: FindingSource,
    /// Where in the input it is, when it can be placed.
    pub location: Option<Location>,
}

/// A [`Finding`] field by field, for the layers above the model (a `Finding` is
/// `#[non_exhaustive]`, so they cannot write it as a struct expression).
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct FindingParts {
    pub code: String,
    pub severity: Severity,
    pub principle: Principle,
    pub focus_node: Option<String>,
    pub path: Option<String>,
    pub value: Option<String>,
    pub context: BTreeMap<String, serde_json::Value>,
    pub message: String,
    pub url: String,
    pub fix: Option<Fix>,
    pub source: FindingSource,
    pub location: Option<Location>,
}

impl From<FindingParts> for Finding {
    fn from(p: FindingParts) -> Self {
        Self {
            code: p.code,
            severity: p.severity,
            principle: p.principle,
            focus_node: p.focus_node,
            path: p.path,
            value: p.value,
            context: p.context,
            message: p.message,
            url: p.url,
            fix: p.fix,
            source: p.source,
            location: p.location,
        }
    }
}

impl Finding {
    /// The sort key that makes reports deterministic: (focus node, path, code, value).
    #[doc(hidden)]
    pub fn sort_key(&self) -> (&Option<String>, &Option<String>, &str, &Option<String>) {
        (&self.focus_node, &self.path, &self.code, &self.value)
    }
}
